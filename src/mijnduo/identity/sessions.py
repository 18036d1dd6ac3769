"""The 15-minute idle session, renewed at most once a minute instead of on every request;
and the session store (SESSION_ENGINE), which reads a session and its user in one
plain statement.

Writing the session on every request (SESSION_SAVE_EVERY_REQUEST) cost a database
UPDATE in a transaction per page, about 3 ms of CPU per request on the benchmark
machine (docs/performance.md). Renewing when the last renewal is a minute old keeps
the idle limit between 14 and 15 minutes, and every page is told exactly how much
time is left, so its warning dialog stays right.
"""

import time
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from functools import cache
from typing import Any, cast

from django.conf import settings
from django.contrib.auth import SESSION_KEY as USER_ID_KEY
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.sessions.backends import db
from django.contrib.sessions.backends.base import UpdateError
from django.db import DatabaseError, IntegrityError, connections, router
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from mijnduo.db import Joined, select_one_joined, update_instance

from .models import Session

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
        # What a session read found is this request's only (user_read_with_session).
        _read_with_session.set(None)
        try:
            return self._renewing(request)
        finally:
            _read_with_session.set(None)

    def _renewing(self, request: HttpRequest) -> HttpResponse:
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


# The user this request's session read found, for EherkenningBackend.get_user: (the user
# id in the session's row, the active user with that id or None). Set by every read of
# the store (None when it found no session or no user); SessionRenewalMiddleware also
# clears it when a request starts and when it ends. The async reads (aload) are
# Django's and leave it alone: the backend then reads the user itself.
_read_with_session: ContextVar[tuple[int, AbstractBaseUser | None] | None] = ContextVar(
    "mijnduo_user_read_with_session", default=None
)


def user_read_with_session(user_id: int) -> tuple[bool, AbstractBaseUser | None]:
    """Whether this request's session read read user ``user_id`` along, and what it
    found: the user when active, else None. (False, None) for any other id."""
    read = _read_with_session.get()
    if read is None or read[0] != user_id:
        return False, None
    return True, read[1]


@cache
def _active_user() -> Joined:
    """The session row's user, if active: what the backend's own read asks for."""
    return Joined(model=get_user_model(), via="user_id", equal=("is_active",))


def _user_id(data: Mapping[str, Any]) -> int | None:
    """The logged-in user's id in the session's data (as Django's login() puts it)."""
    try:
        return int(data[USER_ID_KEY])
    except (KeyError, TypeError, ValueError):
        return None


class SessionStore(db.SessionStore):
    """Django's database sessions, read without the query compiler, with the user.

    Every logged-in page reads its session first; through the ORM that read cost
    about five times the CPU of the plain statement (docs/performance.md, issue 4).
    The answer is the same: an unknown or expired session is no session.

    The row (identity.models.Session) also holds the logged-in user's id, written
    from the data on every save, so the read brings the user along: one statement
    for both (docs/performance.md, ADR 3). Django's authentication still reads the id
    from the data and checks the session hash; the backend only skips its own read
    when this one read the same id (user_read_with_session).
    """

    @classmethod
    def get_model_class(cls) -> type[Session]:
        return Session

    def create_model_instance(self, data: dict[str, Any]) -> Session:
        instance = cast(Session, super().create_model_instance(data))
        instance.user_id = _user_id(data)
        return instance

    async def acreate_model_instance(self, data: dict[str, Any]) -> Session:
        # Not used (the site is WSGI), but a save must never write the row without its id.
        instance = cast(Session, await super().acreate_model_instance(data))
        instance.user_id = _user_id(data)
        return instance

    def save(self, must_create: bool = False) -> None:
        """Django's save, but an existing session (its renewal, once a minute) is written
        with one UPDATE when no transaction is open. Django's way (BEGIN, a compiled
        UPDATE, COMMIT: three round trips) made a renewing page 1.4–1.5 ms slower, this
        one 0.8–0.9 ms (in process, docs/performance.md, runs AE–AL). As in Django, a session
        that is gone raises UpdateError, and so does a database error other than an
        integrity error."""
        alias = router.db_for_write(self.model)
        if must_create or self.session_key is None or connections[alias].in_atomic_block:
            super().save(must_create)  # created, or joining the caller's transaction
            return
        # What Django's save writes: the data as this request left them (loaded if unread).
        instance = self.create_model_instance(self._get_session())  # type: ignore[attr-defined]
        try:
            updated = update_instance(instance)
        except IntegrityError:
            raise  # as Django's save lets it through
        except DatabaseError as error:
            raise UpdateError from error
        if not updated:
            raise UpdateError

    def _get_session_from_db(self) -> Any:
        found = select_one_joined(self.model, _active_user(), (True,), session_key=self.session_key)
        if found is None or found[0].expire_date <= timezone.now():
            _read_with_session.set(None)  # whatever an earlier read found is not this one's
            self._session_key = None
            return None
        session, user = cast(Session, found[0]), cast(AbstractBaseUser | None, found[1])
        _read_with_session.set(None if session.user_id is None else (session.user_id, user))
        return session
