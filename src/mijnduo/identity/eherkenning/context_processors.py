"""What every page needs to warn before the session ends."""

from django.conf import settings
from django.http import HttpRequest

from ..sessions import seconds_left
from .constants import SESSION_WARNING_SECONDS


def session_timing(request: HttpRequest) -> dict[str, int]:
    # The time actually left: a session is renewed at most once a minute.
    return {
        "session_seconds": seconds_left(request)
        if hasattr(request, "session")
        else (settings.SESSION_COOKIE_AGE),
        "session_warning_seconds": SESSION_WARNING_SECONDS,
    }
