"""The PostgreSQL health check sends nothing on a quiet connection (conf/postgresql/base.py)
and still replaces a connection the server has dropped."""

import select
from collections.abc import Iterator

import pytest
from django.db import connection, connections

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own backend"),
]


@pytest.fixture
def worker_connection() -> Iterator:
    """A connection of its own, as a gunicorn worker keeps one between requests."""
    wrapper = connections.create_connection("default")
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT 1")
    assert wrapper.health_check_enabled  # CONN_HEALTH_CHECKS, read when it connects
    yield wrapper
    wrapper.close()


def _next_request_runs_a_statement(wrapper) -> int:
    """What a request does: the check is due again, then its first statement."""
    wrapper.health_check_done = False
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return int(cursor.fetchone()[0])


def test_a_quiet_connection_is_used_without_asking_the_server(
    worker_connection, monkeypatch
) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(worker_connection, "is_usable", lambda: asked.append(True) or True)
    pid = worker_connection.connection.info.backend_pid

    assert _next_request_runs_a_statement(worker_connection) == pid
    assert _next_request_runs_a_statement(worker_connection) == pid
    assert asked == []


def test_a_connection_the_server_dropped_is_replaced_before_the_request_uses_it(
    worker_connection,
) -> None:
    dropped = worker_connection.connection.info.backend_pid
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [dropped])
        assert cursor.fetchone()[0] is True
    poller = select.poll()
    poller.register(worker_connection.connection.fileno(), select.POLLIN)
    assert poller.poll(5000), "the server did not close the connection"

    assert _next_request_runs_a_statement(worker_connection) != dropped
