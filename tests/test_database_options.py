"""PostgreSQL binds the values and prepares repeated statements (conf/database.py)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.utils import timezone

from mijnduo.conf.database import for_postgresql, postgresql_options
from mijnduo.identity.models import Session
from mijnduo.identity.sessions import SessionStore


@pytest.mark.parametrize(
    ("value", "options"),
    [
        ("5", {"server_side_binding": True, "prepare_threshold": 5}),
        (" 0 ", {"server_side_binding": True, "prepare_threshold": 0}),
        ("off", {}),
        ("OFF", {}),
        ("none", {}),
    ],
)
def test_the_threshold_is_a_count_of_runs_or_off(value: str, options: dict) -> None:
    assert postgresql_options(value) == options


@pytest.mark.parametrize("value", ["", "-1", "five", "2.5"])
def test_anything_else_stops_the_start_with_a_clear_message(value: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="MIJNDUO_DB_PREPARE_THRESHOLD"):
        postgresql_options(value)


def test_a_postgresql_entry_gets_the_backend_and_the_options() -> None:
    parsed = {"ENGINE": "django.db.backends.postgresql", "NAME": "mijnduo", "OPTIONS": {}}
    assert for_postgresql(parsed, "5") == {
        "ENGINE": "mijnduo.conf.postgresql",
        "NAME": "mijnduo",
        "OPTIONS": {"server_side_binding": True, "prepare_threshold": 5},
    }


def test_a_threshold_in_the_database_url_wins_and_is_read_the_same_way() -> None:
    # dj-database-url passes ?prepare_threshold=off&sslmode=require on as strings.
    parsed = {
        "ENGINE": "django.db.backends.postgresql",
        "OPTIONS": {"prepare_threshold": "off", "sslmode": "require"},
    }
    assert for_postgresql(parsed, "5")["OPTIONS"] == {"sslmode": "require"}
    parsed["OPTIONS"] = {"prepare_threshold": 2}
    assert for_postgresql(parsed, "off")["OPTIONS"] == {
        "server_side_binding": True,
        "prepare_threshold": 2,
    }
    with pytest.raises(ImproperlyConfigured):
        for_postgresql({"OPTIONS": {"prepare_threshold": "soon"}}, "5")


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
def test_a_page_s_session_read_is_prepared_on_the_connection_after_the_threshold() -> None:
    connection.ensure_connection()
    threshold = connection.connection.prepare_threshold
    if threshold is None:
        pytest.skip("statements are not prepared (MIJNDUO_DB_PREPARE_THRESHOLD=off)")
    assert connection.settings_dict["OPTIONS"]["server_side_binding"] is True
    key = "p" * 32
    Session.objects.create(
        session_key=key, session_data="data", expire_date=timezone.now() + timedelta(minutes=5)
    )

    def prepared_session_reads() -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_prepared_statements "
                "WHERE statement LIKE %s AND NOT from_sql",
                ['%FROM "identity_session" p LEFT JOIN%'],
            )
            return int(cursor.fetchone()[0])

    assert prepared_session_reads() == 0
    for _ in range(threshold + 1):
        store = SessionStore(key)
        assert store._get_session_from_db().session_data == "data"  # the page's read
    assert prepared_session_reads() == 1
