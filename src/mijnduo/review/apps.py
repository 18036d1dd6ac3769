from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "mijnduo.review"
    label = "review"
    verbose_name = "Service desk"

    def ready(self) -> None:
        from mijnduo.applications.hooks import on_submitted

        from . import system_checks  # noqa: F401  (registers the settings check)
        from .tasks import on_submitted as review_on_submitted

        on_submitted(review_on_submitted)
