"""System check: the PDF needs WeasyPrint, which needs Pango from the operating system."""

from typing import Any

from django.core.checks import CheckMessage, Error, register


@register()
def weasyprint_loads(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    try:
        import weasyprint  # noqa: F401
    except OSError as error:  # a shared library (Pango, HarfBuzz) is missing
        return [
            Error(
                f"WeasyPrint cannot load its libraries: {error}",
                hint=(
                    "Install Pango: on Debian or Ubuntu "
                    "`apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core`."
                ),
                id="mijnduo.documents.E001",
            )
        ]
    return []
