"""Django's PostgreSQL backend, with a health check that asks the server only when needed.

With CONN_HEALTH_CHECKS, Django sends ``SELECT 1`` before the first statement of every
request that reuses a connection, so that a connection the server has dropped (a restart,
a fail-over, ``pg_terminate_backend``) is replaced instead of failing the request. That
round trip cost a portal page about 0.07 ms of CPU in the worker and a wake-up of the
server (docs/performance.md, runs T–W): about a twentieth of the page.

A connection between statements has nothing to read. When the server drops it, it says
so first (an error message, then the end of the stream), and the socket becomes
readable. So this backend looks at the socket without waiting: quiet means healthy, and
anything to read makes it run Django's own check (``SELECT 1``), which replaces the
connection when the server has gone. A server that vanishes without a word (a pulled
cable) is not caught by either check before the operating system gives up on it.
"""

import select

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    # Set by Django's BaseDatabaseWrapper (CONN_HEALTH_CHECKS); not in django-stubs.
    health_check_enabled: bool
    health_check_done: bool

    def close_if_health_check_failed(self) -> None:
        if (
            self.connection is not None
            and self.health_check_enabled
            and not self.health_check_done
            and not self.connection.closed
            and not _readable(self.connection.fileno())
        ):
            self.health_check_done = True
            return
        super().close_if_health_check_failed()


def _readable(fd: int) -> bool:
    """Whether the socket has something to read (or has ended), without waiting."""
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLPRI)
    return bool(poller.poll(0))
