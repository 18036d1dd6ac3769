"""Django's PostgreSQL backend, with a health check that asks the server only when needed.

With CONN_HEALTH_CHECKS, Django sends ``SELECT 1`` before the first statement of every
request that reuses a connection, so that a connection the server has dropped (a restart,
a fail-over, ``pg_terminate_backend``) is replaced instead of failing the request. That
round trip cost a portal page about 0.07 ms of CPU in the worker and a wake-up of the
server (docs/performance.md, runs T–W): about a twentieth of the page.

A connection between statements has nothing to read. When the server drops it, it says
so first (an error message, then the end of the stream), and the socket becomes
readable. So this backend skips the round trip only for a connection that is both quiet
(nothing to read, looked at without waiting) and recently checked (within
``RECENTLY_CHECKED_SECONDS``, as under load). Anything else runs Django's own check,
which replaces the connection when the server has gone: a connection that has been idle
longer may have been forgotten by a firewall or load balancer without a word, and only a
round trip tells.

After an error other than a data or integrity error, the connection is closed at the end
of the request instead of being checked with ``SELECT 1``. A prepared statement whose
table has changed under it (a column's type, say) fails on every run while ``SELECT 1``
still succeeds; a fresh connection prepares it again (ADR 8).
"""

import math
import select
import time

from django.db.backends.postgresql import base

RECENTLY_CHECKED_SECONDS = 10.0  # far below any idle timeout of a firewall or proxy


class DatabaseWrapper(base.DatabaseWrapper):
    # Set by Django's BaseDatabaseWrapper (CONN_HEALTH_CHECKS); not in django-stubs.
    health_check_enabled: bool
    health_check_done: bool
    errors_occurred: bool
    _last_checked = -math.inf  # time.monotonic() when the check was last due

    def connect(self) -> None:
        super().connect()
        self._last_checked = time.monotonic()

    def close_if_health_check_failed(self) -> None:
        if self.connection is None or not self.health_check_enabled or self.health_check_done:
            return super().close_if_health_check_failed()
        now = time.monotonic()
        recently_checked = now - self._last_checked < RECENTLY_CHECKED_SECONDS
        self._last_checked = now
        if (
            recently_checked
            and not self.connection.closed
            and not _readable(self.connection.fileno())
        ):
            self.health_check_done = True
            return None
        return super().close_if_health_check_failed()

    def close_if_unusable_or_obsolete(self) -> None:
        if self.connection is not None and self.errors_occurred:
            self.close()
            return
        super().close_if_unusable_or_obsolete()


def _readable(fd: int) -> bool:
    """Whether the socket has something to read (or has ended), without waiting."""
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLPRI)
    return bool(poller.poll(0))
