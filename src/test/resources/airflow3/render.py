"""Imports a DAG file against the stubs, renders every task's command with Jinja as Airflow would, and prints the graph as JSON.
Usage: render.py DAG_FILE TESSERA_HOME RUN_ID"""
import importlib.util
import json
import sys

import jinja2

dag_file, home, run_id = sys.argv[1:4]
spec = importlib.util.spec_from_file_location("dag_under_test", dag_file)
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
dag = module.dag


class Variables:
    def __init__(self, values):
        self.values = values

    def get(self, name, default=None):
        return self.values.get(name, default)


context = {
    "run_id": run_id,
    "params": {name: p.value for name, p in dag.params.items()},
    "var": {"value": Variables({"tessera_home": home, "tessera_output": "hdfs:///audits"})},
    **dag.user_defined_macros,
}
env = jinja2.Environment(undefined=jinja2.StrictUndefined)
print(json.dumps({
    "dag_id": dag.dag_id,
    "retries": dag.default_args.get("retries"),
    "tasks": {t.task_id: {"command": env.from_string(t.bash_command).render(context), "upstream": sorted(t.upstream)}
              for t in dag.tasks.values()},
}))
