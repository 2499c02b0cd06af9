"""Airflow DAG: audit a model checkpoint with Tessera, one Spark submission per stage.

Trigger it with a checkpoint (a Tessera model directory or a TorchScript .pt on HDFS/S3):
    airflow dags trigger tessera_audit --conf '{"checkpoint": "hdfs:///models/mnist/v7", "dataset": "hdfs:///data/mnist"}'

Every stage writes under one output root with the run id "audit-<Airflow run's date>-<stage>", so the
stages of one audit are found together in the `runs` table and re-running a failed task replaces
only that stage's tables (outputs are published atomically). Connection `spark_default` must point
at the cluster (YARN or Kubernetes); Airflow Variables `tessera_home` (a checkout with target/
built) and `tessera_output` (the output root) configure the rest. Needs
apache-airflow-providers-apache-spark.
"""
import os
from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

TESSERA_HOME = Variable.get("tessera_home", default_var="/opt/tessera")
OUTPUT = Variable.get("tessera_output", default_var="hdfs:///tessera/out")
RUN = "audit-{{ ds_nodash }}"

# (task id, Tessera job, config file): every stage reads the checkpoint and the dataset.
STAGES = [
    ("patterns", "patterns", "conf/patterns.yaml"),
    ("adversarial", "adversarial", "conf/adversarial.yaml"),
    ("hamming_neighbours", "hamming-neighbours", "conf/hamming-neighbours.yaml"),
    ("perturbation_grid", "perturbation-grid", "conf/perturbation-grid.yaml"),
    ("polytopes", "polytopes", "conf/polytopes.yaml"),
]
LIB = TESSERA_HOME + "/target/lib"

default_args = {
    "owner": "ml-platform",
    "retries": 2,
    "retry_delay": timedelta(minutes=5),
    "execution_timeout": timedelta(hours=6),
}


def spark_conf():
    """The properties of conf/spark-tessera.conf and conf/spark-yarn.conf, as tessera-submit passes them."""
    conf = {}
    for name in ("conf/spark-tessera.conf", "conf/spark-yarn.conf"):
        with open(TESSERA_HOME + "/" + name) as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    key, value = line.split(None, 1)
                    conf[key] = value.replace("@HOME@", TESSERA_HOME)
    return conf


with DAG(
    dag_id="tessera_audit",
    description="Tessera geometry audit of a model checkpoint",
    start_date=datetime(2026, 1, 1),
    schedule=None,
    catchup=False,
    default_args=default_args,
    params={"checkpoint": "hdfs:///models/latest", "dataset": "hdfs:///data/mnist"},
    tags=["tessera"],
) as dag:
    previous = None
    for task_id, job, config in STAGES:
        settings = [
            "input={{ params.dataset }}",
            "model={{ params.checkpoint }}",
            "output=" + OUTPUT,
            "run_id=" + RUN + "-" + task_id.replace("_", "-"),
        ]
        # The config travels with --files, so the driver (cluster mode) finds it in its working directory.
        args = ["run", job, "--config", os.path.basename(config)]
        for setting in settings:
            args += ["--set", setting]
        task = SparkSubmitOperator(
            task_id=task_id,
            conn_id="spark_default",
            application=TESSERA_HOME + "/target/tessera-0.1.0-SNAPSHOT.jar",
            java_class="io.tessera.cli.TesseraMain",
            jars=",".join(os.path.join(LIB, j) for j in sorted(os.listdir(LIB))) if os.path.isdir(LIB) else None,
            files=TESSERA_HOME + "/" + config,
            conf=spark_conf() if os.path.isdir(TESSERA_HOME + "/conf") else {},
            application_args=args,
            name="tessera-" + task_id,
        )
        if previous is not None:
            previous >> task
        previous = task
