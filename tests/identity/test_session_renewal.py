"""The 15-minute idle session: renewed at most once a minute, never more than 15 minutes."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from mijnduo.identity.models import Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(django_user_model):
    return django_user_model.objects.create_user(username="eh-renewal")


def _expiry(client: Client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_request_within_the_minute_does_not_write_the_session(person) -> None:
    start = timezone.now()
    with freeze_time(start) as clock:
        client = Client()
        client.force_login(person)
        client.get("/mijn-organisatie")
        first = _expiry(client)
        clock.tick(timedelta(seconds=30))
        assert client.get("/mijn-organisatie").status_code == 200
        assert _expiry(client) == first  # not written again
        clock.tick(timedelta(seconds=31))
        client.get("/mijn-organisatie")
        assert _expiry(client) == first + timedelta(seconds=61)  # renewed


def test_the_session_ends_fifteen_minutes_after_the_last_renewal(person) -> None:
    start = timezone.now()
    with freeze_time(start) as clock:
        client = Client()
        client.force_login(person)
        client.get("/mijn-organisatie")
        clock.tick(timedelta(seconds=50))
        client.get("/mijn-organisatie")  # not a renewal: within the minute
        clock.tick(timedelta(minutes=14, seconds=11))  # 15:01 after the renewal
        response = client.get("/mijn-organisatie")
        assert response.status_code == 302
        assert response["Location"].startswith("/inloggen/")


def test_the_page_is_told_the_time_actually_left(person) -> None:
    start = timezone.now()
    with freeze_time(start) as clock:
        client = Client()
        client.force_login(person)
        client.get("/mijn-organisatie")
        clock.tick(timedelta(seconds=40))
        html = client.get("/mijn-organisatie").content.decode()
        assert 'data-session-seconds="860"' in html  # 900 − 40


def test_stay_logged_in_renews_at_once(person) -> None:
    start = timezone.now()
    with freeze_time(start) as clock:
        client = Client()
        client.force_login(person)
        client.get("/mijn-organisatie")
        first = _expiry(client)
        clock.tick(timedelta(seconds=20))
        assert client.post("/sessie/verlengen").status_code == 204
        assert _expiry(client) == first + timedelta(seconds=20)


def test_an_anonymous_visit_creates_no_session(client) -> None:
    client.get("/")
    assert not Session.objects.exists()


def test_the_store_reads_what_djangos_database_store_reads(person) -> None:
    from django.contrib.sessions.backends.db import SessionStore as DjangoStore

    from mijnduo.identity.sessions import SessionStore

    class DjangoStoreOnTheSameTable(DjangoStore):
        key_salt = "django.contrib.sessions.SessionStore"  # Django's: from the class name

        @classmethod
        def get_model_class(cls):
            return Session

    client = Client()
    client.force_login(person)
    assert isinstance(client.session, SessionStore)  # SESSION_ENGINE
    key = client.session.session_key
    assert SessionStore(key).load() == DjangoStoreOnTheSameTable(key).load()
    assert SessionStore(key).load()["_auth_user_id"] == str(person.pk)
    assert Session.objects.get(session_key=key).user_id == person.pk  # beside the data


def test_the_store_treats_an_unknown_or_expired_session_as_none(person) -> None:
    from mijnduo.identity.sessions import SessionStore

    unknown = SessionStore("x" * 32)
    assert unknown.load() == {}
    assert unknown.session_key is None  # a new key is made when something is stored
    client = Client()
    client.force_login(person)
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(expire_date=timezone.now())
    expired = SessionStore(key)
    assert expired.load() == {}
    assert expired.session_key is None
    assert client.get("/mijn-organisatie").status_code == 302  # to the login page
