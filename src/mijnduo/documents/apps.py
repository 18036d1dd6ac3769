from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """The filled-in form as PDF, and stored files (the PDF, attachments)."""

    name = "mijnduo.documents"
    label = "documents"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system check)
