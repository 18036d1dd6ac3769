"""Writing an existing session (its renewal, once a minute): one UPDATE when no
transaction is open, Django's save inside one; the same answers either way.

These tests run outside a test transaction (``transaction=True``): inside one, the store
takes Django's own path, which the other session tests already cover.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.sessions.backends.base import UpdateError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from freezegun import freeze_time

from mijnduo.db import update_instance
from mijnduo.identity.models import Session
from mijnduo.identity.sessions import RENEWED_AT, SessionStore

pytestmark = pytest.mark.django_db(transaction=True)

PAGE = "/mijn-organisatie"  # any page for a logged-in person


@pytest.fixture
def person(django_user_model):
    return django_user_model.objects.create_user(username="eh-session-write")


def _no_transaction_allowed():
    """Django's save opens transaction.atomic(); the one-statement path must not."""
    return mock.patch(
        "django.contrib.sessions.backends.db.transaction.atomic",
        side_effect=AssertionError("the session was saved in a transaction"),
    )


def test_a_renewal_is_one_update_of_the_whole_row(person) -> None:
    start = timezone.now()
    with freeze_time(start) as clock:
        client = Client()
        client.force_login(person)
        key = client.session.session_key
        client.get(PAGE)
        before = Session.objects.get(session_key=key)
        clock.tick(timedelta(seconds=61))
        with _no_transaction_allowed(), CaptureQueriesContext(connection) as queries:
            assert client.get(PAGE).status_code == 200
        writes = [q["sql"] for q in queries.captured_queries if "identity_session" in q["sql"]]
        assert [w.split()[0] for w in writes] == ["SELECT", "UPDATE"]  # read, then renewed
        after = Session.objects.get(session_key=key)
        assert after.expire_date == before.expire_date + timedelta(seconds=61)
        assert after.user_id == person.pk  # still beside the data
        data = SessionStore(key).load()
        assert data[RENEWED_AT] == int((start + timedelta(seconds=61)).timestamp())
        assert data["_auth_user_id"] == str(person.pk)
        clock.tick(timedelta(minutes=14, seconds=30))  # 14:30 after the renewal
        assert client.get(PAGE).status_code == 200  # the renewal counted


def test_a_session_deleted_meanwhile_is_not_written_again(person) -> None:
    client = Client()
    client.force_login(person)
    store = SessionStore(client.session.session_key)
    assert store.keys()  # read, as the request that renews it reads it
    Session.objects.filter(session_key=store.session_key).delete()  # logged out elsewhere
    store[RENEWED_AT] = 1
    with _no_transaction_allowed(), pytest.raises(UpdateError):
        store.save()
    assert not Session.objects.exists()  # not brought back


def test_a_request_whose_session_is_deleted_meanwhile_is_answered_400(person) -> None:
    start = timezone.now()
    with freeze_time(start) as clock:
        client = Client()
        client.force_login(person)
        client.get(PAGE)
        clock.tick(timedelta(seconds=61))  # this request renews
        real_update = update_instance

        def logged_out_elsewhere_first(instance):
            Session.objects.filter(session_key=instance.session_key).delete()
            return real_update(instance)

        with mock.patch(
            "mijnduo.identity.sessions.update_instance", side_effect=logged_out_elsewhere_first
        ):
            response = client.get(PAGE)
        assert response.status_code == 400  # Django's SessionInterrupted
        assert not Session.objects.exists()  # not brought back


@pytest.mark.parametrize(
    ("error", "raised"),
    [(DatabaseError, UpdateError), (IntegrityError, IntegrityError)],  # as in Django
)
def test_a_database_error_is_an_update_error_but_an_integrity_error_passes(
    person, error, raised
) -> None:
    client = Client()
    client.force_login(person)
    store = SessionStore(client.session.session_key)
    assert store.keys()
    store[RENEWED_AT] = 1
    with (
        mock.patch("mijnduo.identity.sessions.update_instance", side_effect=error),
        pytest.raises(raised),
    ):
        store.save()


def test_inside_a_transaction_the_write_belongs_to_it(person) -> None:
    client = Client()
    client.force_login(person)
    key = client.session.session_key
    data_before = Session.objects.get(session_key=key).session_data
    store = SessionStore(key)
    assert store.keys()
    store["something"] = "else"
    with (
        mock.patch("mijnduo.identity.sessions.update_instance") as one_statement,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        store.save()  # Django's save, in a savepoint of this transaction
        assert Session.objects.get(session_key=key).session_data != data_before
        raise RuntimeError("the caller's transaction fails")
    one_statement.assert_not_called()
    assert Session.objects.get(session_key=key).session_data == data_before  # rolled back


def test_a_new_session_is_created_as_django_creates_it(person) -> None:
    store = SessionStore()
    store["something"] = "else"
    with mock.patch("mijnduo.identity.sessions.update_instance") as one_statement:
        store.save()
    one_statement.assert_not_called()
    assert SessionStore(store.session_key).load() == {"something": "else"}
