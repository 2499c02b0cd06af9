"""airflow.providers.standard.operators.bash.BashOperator (Airflow 3's home for it): a task with a templated command."""
from airflow.sdk import current_dag


class BashOperator:
    template_fields = ("bash_command",)

    def __init__(self, task_id, bash_command, **kwargs):
        self.task_id = task_id
        self.bash_command = bash_command
        self.kwargs = kwargs
        self.upstream = set()
        current_dag().tasks[task_id] = self

    def __rshift__(self, other):
        for task in other if isinstance(other, list) else [other]:
            task.upstream.add(self.task_id)
        return other

    def __rrshift__(self, other):
        for task in other if isinstance(other, list) else [other]:
            self.upstream.add(task.task_id)
        return self
