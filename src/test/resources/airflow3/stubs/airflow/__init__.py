"""A stand-in for Airflow 3's import paths, just enough to build a DAG file's task graph (Airflow cannot be installed here)."""
