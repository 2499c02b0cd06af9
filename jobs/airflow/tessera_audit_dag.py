"""Airflow 3 DAG: audit a model checkpoint with Tessera on YARN or Kubernetes.

Trigger it with a checkpoint (a Tessera model directory or a TorchScript .pt) and a dataset:
    airflow dags trigger tessera_audit --conf '{"checkpoint": "hdfs:///models/mnist/v7", "dataset": "hdfs:///data/mnist"}'

Each job stage of conf/audit-checkpoint.yaml is one `tessera pipeline --only STAGE` submission; the
stages are independent, so they run in parallel, and the report stage runs after all of them. Every
stage of one DAG run shares a run id made from Airflow's own run id, so two audits on one day never
overwrite each other, and a retried task goes on from its stage's checkpoints (--resume).

Nothing is read when the scheduler parses this file: the Airflow Variables `tessera_home` (an
unpacked tessera-<version>-bin.tar.gz on the workers), `tessera_output` (the output root) and
`tessera_submit` (submit-yarn or submit-k8s) are Jinja-templated into each task's command, and a
task fails loudly when `tessera_home` holds no Tessera distribution.
"""
import re
from datetime import datetime, timedelta

from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG, Param

STAGES = ["patterns", "adversarial", "hamming-neighbours", "perturbation-grid", "polytopes"]
CONFIG = "conf/audit-checkpoint.yaml"


def tessera_run_id(airflow_run_id):
    """Airflow's run id (e.g. manual__2026-12-07T08:00:00+00:00) as a Tessera run id: a letter, then letters, digits, '.', '_' or '-'."""
    return ("audit-" + re.sub(r"[^A-Za-z0-9._-]+", "-", airflow_run_id).strip("-"))[:100]


# @STAGE@ and @CONFIG@ are filled in per task below; the rest is rendered by Airflow when the task runs.
COMMAND = r"""
set -euo pipefail
home="{{ var.value.get('tessera_home', '/opt/tessera') }}"
if [[ ! -f "$home/lib/submit-jars.txt" ]]; then
  echo "tessera_home is $home, which holds no unpacked tessera-<version>-bin.tar.gz (no lib/submit-jars.txt)" >&2
  exit 1
fi
config="$home/@CONFIG@"
exec "$home/jobs/spark-submit/{{ var.value.get('tessera_submit', 'submit-yarn') }}" --files "$config" -- \
  pipeline --config "$(basename "$config")" --only @STAGE@ --resume \
  --set "input={{ params.dataset }}" --set "model={{ params.checkpoint }}" \
  --set "output={{ var.value.get('tessera_output', 'hdfs:///tessera/out') }}" \
  --set "run_id={{ tessera_run_id(run_id) }}"
"""


def command(stage):
    return COMMAND.replace("@CONFIG@", CONFIG).replace("@STAGE@", stage)


with DAG(
    dag_id="tessera_audit",
    description="Tessera geometry audit of a model checkpoint",
    start_date=datetime(2026, 1, 1),
    schedule=None,
    catchup=False,
    default_args={
        "owner": "ml-platform",
        "retries": 2,
        "retry_delay": timedelta(minutes=5),
        "execution_timeout": timedelta(hours=6),
    },
    params={
        "checkpoint": Param("hdfs:///models/latest", type="string", description="model directory or TorchScript .pt"),
        "dataset": Param("hdfs:///data/mnist", type="string", description="dataset URI (data-schemas/dataset.sql)"),
    },
    user_defined_macros={"tessera_run_id": tessera_run_id},
    tags=["tessera"],
) as dag:
    stages = [
        BashOperator(task_id=stage.replace("-", "_"), bash_command=command(stage))
        for stage in STAGES
    ]
    report = BashOperator(task_id="report", bash_command=command("report"), retries=1)
    stages >> report
