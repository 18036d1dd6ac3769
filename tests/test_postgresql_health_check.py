"""The PostgreSQL backend (conf/postgresql/base.py): no health-check round trip on a quiet,
recently checked connection; Django's check otherwise; a fresh connection after an error."""

import select
from collections.abc import Iterator

import pytest
from django.db import NotSupportedError, connection, connections

from mijnduo.conf.postgresql.base import RECENTLY_CHECKED_SECONDS

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own backend"),
]


def _own_connection():
    """A connection of its own, kept between requests as a gunicorn worker keeps one
    (the test settings' CONN_MAX_AGE is 0, which would close it at every request)."""
    wrapper = connections.create_connection("default")
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT 1")
    assert wrapper.health_check_enabled  # CONN_HEALTH_CHECKS, read when it connects
    wrapper.close_at = None
    return wrapper


@pytest.fixture
def worker_connection() -> Iterator:
    wrapper = _own_connection()
    yield wrapper
    wrapper.close()


@pytest.fixture
def asked(worker_connection, monkeypatch) -> list[bool]:
    """Each time Django's own check (SELECT 1) runs."""
    calls: list[bool] = []
    check = worker_connection.is_usable
    monkeypatch.setattr(worker_connection, "is_usable", lambda: calls.append(True) or check())
    return calls


def _request(wrapper, sql: str = "SELECT pg_backend_pid()"):
    """A request as Django runs it: the connection looked at when the request starts and
    ends (close_old_connections), one statement in between; its first value."""
    wrapper.close_if_unusable_or_obsolete()
    try:
        with wrapper.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchone()[0]
    finally:
        wrapper.close_if_unusable_or_obsolete()


def test_a_quiet_recently_checked_connection_is_used_without_asking_the_server(
    worker_connection, asked
) -> None:
    pid = worker_connection.connection.info.backend_pid

    assert _request(worker_connection) == pid
    assert _request(worker_connection) == pid
    assert asked == []


def test_a_connection_idle_for_a_while_is_checked_with_a_round_trip(
    worker_connection, asked
) -> None:
    # A firewall may forget an idle connection without a word: only a round trip tells.
    worker_connection._last_checked -= RECENTLY_CHECKED_SECONDS + 1
    pid = worker_connection.connection.info.backend_pid

    assert _request(worker_connection) == pid
    assert asked == [True]


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

    assert _request(worker_connection) != dropped


def test_after_a_statement_broken_by_a_migration_the_next_request_gets_a_fresh_connection(
    worker_connection,
) -> None:
    threshold = worker_connection.connection.prepare_threshold
    if threshold is None:
        pytest.skip("statements are not prepared (MIJNDUO_DB_PREPARE_THRESHOLD=off)")
    migrating = _own_connection()
    try:
        with migrating.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS prepared_probe")
            cursor.execute("CREATE TABLE prepared_probe (naam varchar(10))")
            cursor.execute("INSERT INTO prepared_probe VALUES ('a')")
        for _ in range(threshold + 1):
            assert _request(worker_connection, "SELECT naam FROM prepared_probe") == "a"
        with migrating.cursor() as cursor:
            cursor.execute("ALTER TABLE prepared_probe ALTER COLUMN naam TYPE text")

        # PostgreSQL refuses the prepared statement: its result type has changed.
        with pytest.raises(NotSupportedError, match="cached plan must not change result"):
            _request(worker_connection, "SELECT naam FROM prepared_probe")
        assert _request(worker_connection, "SELECT naam FROM prepared_probe") == "a"
    finally:
        with migrating.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS prepared_probe")
        migrating.close()
