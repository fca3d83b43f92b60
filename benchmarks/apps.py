from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Development tools, apart from the domain: the synthetic full-history corpus (`generate_corpus`) and the
    bench that times the pages on it (`bench`, `make bench`). No models."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "benchmarks"
    verbose_name = "Benchmarks"
