"""What every page needs to warn before the session ends."""

from django.conf import settings
from django.http import HttpRequest

from .constants import SESSION_WARNING_SECONDS


def session_timing(request: HttpRequest) -> dict[str, int]:
    # One source for the session length: settings.SESSION_COOKIE_AGE.
    return {
        "session_seconds": settings.SESSION_COOKIE_AGE,
        "session_warning_seconds": SESSION_WARNING_SECONDS,
    }
