from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "mijnduo.applications"
    label = "applications"
    verbose_name = "Applications (aanvragen)"

    def ready(self) -> None:
        from .api import schema_extensions  # noqa: F401  (registers the OpenAPI auth scheme)
