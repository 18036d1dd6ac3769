"""The 15-minute idle session, renewed at most once a minute instead of on every request;
and the session store (SESSION_ENGINE), which reads a session in one plain statement.

Writing the session on every request (SESSION_SAVE_EVERY_REQUEST) cost a database
UPDATE in a transaction per page, about 3 ms of CPU per request on the benchmark
machine (docs/performance.md). Renewing when the last renewal is a minute old keeps
the idle limit between 14 and 15 minutes, and every page is told exactly how much
time is left, so its warning dialog stays right.
"""

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends import db
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from mijnduo.db import select_one

RENEWED_AT = "mijnduo_renewed_at"
RENEWAL_INTERVAL_SECONDS = 60


def renew(request: HttpRequest, now: int | None = None) -> None:
    """Start the session's 15 minutes again now (saved when the response goes out)."""
    request.session[RENEWED_AT] = int(time.time()) if now is None else now


def seconds_left(request: HttpRequest) -> int:
    """How long the session lasts without another request (for the warning dialog)."""
    renewed_at = request.session.get(RENEWED_AT)
    if not isinstance(renewed_at, int):
        return int(settings.SESSION_COOKIE_AGE)
    elapsed = int(time.time()) - renewed_at
    return max(0, int(settings.SESSION_COOKIE_AGE) - elapsed)


class SessionRenewalMiddleware:
    """Renews a non-empty session when its last renewal is a minute old or more."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            session = request.session
            # keys() loads the session; an expired or unknown one is empty and is
            # not brought back to life by writing the renewal time into it.
            if list(session.keys()):
                now = int(time.time())
                renewed_at = session.get(RENEWED_AT)
                if not isinstance(renewed_at, int) or now - renewed_at >= (
                    RENEWAL_INTERVAL_SECONDS
                ):
                    renew(request, now)
        return self.get_response(request)


class SessionStore(db.SessionStore):
    """Django's database sessions, read without the query compiler.

    Every logged-in page reads its session first; through the ORM that read cost
    about five times the CPU of the plain statement (docs/performance.md, issue 4).
    The answer is the same: an unknown or expired session is no session.
    """

    def _get_session_from_db(self) -> Any:
        found = select_one(self.model, session_key=self.session_key)
        if found is None or found.expire_date <= timezone.now():
            self._session_key = None
            return None
        return found
