"""A wrong service-desk setting is reported at start-up, not at the first decision."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from .policy import FOUR_EYES_CHOICES


@register()
def four_eyes_policy(app_configs: Any, **kwargs: Any) -> list[CheckMessage]:
    unknown = set(settings.MIJNDUO_FOUR_EYES) - FOUR_EYES_CHOICES
    if not unknown:
        return []
    return [
        Error(
            f"MIJNDUO_FOUR_EYES has unknown parts: {', '.join(sorted(unknown))}",
            hint=f"Use a comma-separated list of: {', '.join(sorted(FOUR_EYES_CHOICES))}.",
            id="review.E001",
        )
    ]
