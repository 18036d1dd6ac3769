"""The session read brings its user along: one statement, the same answers as two reads."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client

from mijnduo.identity.eherkenning.backend import EherkenningBackend
from mijnduo.identity.models import Session
from mijnduo.identity.sessions import SessionStore, user_read_with_session

pytestmark = pytest.mark.django_db

BACKEND = "mijnduo.identity.eherkenning.backend.EherkenningBackend"
PAGE = "/mijn-organisatie"  # any page for a logged-in person


@pytest.fixture
def person(django_user_model):
    return django_user_model.objects.create_user(username="eh-session-user")


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user, backend=BACKEND)
    return client


def test_the_row_holds_the_user_id_from_login_to_logout(person) -> None:
    client = _logged_in(person)
    key = client.session.session_key
    assert Session.objects.get(session_key=key).user_id == person.pk
    client.post("/uitloggen/")
    assert not Session.objects.filter(session_key=key).exists()


def test_a_read_without_a_user_forgets_what_an_earlier_read_found(person) -> None:
    SessionStore(_logged_in(person).session.session_key).load()
    assert user_read_with_session(person.pk) == (True, person)
    store = SessionStore()
    store["something"] = "else"
    store.save()
    assert Session.objects.get(session_key=store.session_key).user_id is None
    SessionStore(store.session_key).load()  # a session without a login
    assert user_read_with_session(person.pk) == (False, None)
    SessionStore(_logged_in(person).session.session_key).load()
    SessionStore("x" * 32).load()  # no such session
    assert user_read_with_session(person.pk) == (False, None)


def test_one_statement_reads_the_session_and_its_user(person, django_assert_num_queries) -> None:
    key = _logged_in(person).session.session_key
    with django_assert_num_queries(1):
        SessionStore(key).load()
        read, user = user_read_with_session(person.pk)
        assert read and user == person
        assert EherkenningBackend().get_user(person.pk) == person  # no second read


def test_the_backend_reads_any_other_user_itself(person, django_user_model) -> None:
    other = django_user_model.objects.create_user(username="eh-someone-else")
    SessionStore(_logged_in(person).session.session_key).load()
    assert user_read_with_session(other.pk) == (False, None)
    assert EherkenningBackend().get_user(other.pk) == other  # its own statement


def test_a_deactivated_user_is_logged_out_at_once(person) -> None:
    client = _logged_in(person)
    assert client.get(PAGE).status_code == 200
    person.is_active = False
    person.save()
    assert client.get(PAGE).status_code == 302  # to the login page
    SessionStore(client.session.session_key).load()
    assert user_read_with_session(person.pk) == (True, None)  # read, and refused


def test_a_new_password_logs_the_other_sessions_out(person) -> None:
    client = _logged_in(person)
    assert client.get(PAGE).status_code == 200
    person.set_password("een ander wachtwoord")  # the session hash no longer matches
    person.save()
    assert client.get(PAGE).status_code == 302


def test_a_deleted_user_is_logged_out(person) -> None:
    client = _logged_in(person)
    person.delete()
    assert client.get(PAGE).status_code == 302


def test_what_the_read_found_ends_with_the_request(person) -> None:
    client = _logged_in(person)
    assert client.get(PAGE).status_code == 200  # read the session and the user
    assert user_read_with_session(person.pk) == (False, None)


def test_the_data_decide_who_is_logged_in_not_the_column(person, django_user_model) -> None:
    """Were the column ever to differ from the data, Django's reading of the data wins:
    the backend only uses what the read found for the id the data name."""
    other = django_user_model.objects.create_user(username="eh-not-logged-in")
    client = _logged_in(person)
    key = client.session.session_key
    Session.objects.filter(session_key=key).update(user_id=other.pk)
    assert SessionStore(key).load()[SESSION_KEY] == str(person.pk)
    response = client.get(PAGE)
    assert response.status_code == 200
    assert response.wsgi_request.user == person
