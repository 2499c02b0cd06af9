"""airflow.sdk as Airflow 3 exposes it to DAG files: DAG (a context manager that collects operators) and Param."""
_current = []


class Param:
    def __init__(self, default=None, **schema):
        self.value = default
        self.schema = schema


class DAG:
    def __init__(self, dag_id, default_args=None, params=None, user_defined_macros=None, **kwargs):
        self.dag_id = dag_id
        self.default_args = default_args or {}
        self.params = params or {}
        self.user_defined_macros = user_defined_macros or {}
        self.kwargs = kwargs
        self.tasks = {}

    def __enter__(self):
        _current.append(self)
        return self

    def __exit__(self, *exc):
        _current.pop()


def current_dag():
    return _current[-1]
