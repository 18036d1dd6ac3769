"""mijnduo.db.select_one: the same row, with the same values, as the ORM finds."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.utils import timezone

from mijnduo.applications import drafts
from mijnduo.applications.models import Application
from mijnduo.audit.actors import Actor, ActorKind
from mijnduo.db import select_one
from mijnduo.portal.prefill import document_for_new_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(django_user_model) -> Application:
    user = django_user_model.objects.create_user(username="eh-select-one")
    return drafts.draft_create(
        actor=Actor(ActorKind.APPLICANT, str(user.pk)),
        applicant=user,
        organisation_kvk="41002315",
        language="nl",
        document=document_for_new_draft("41002315", ""),
    )


def test_the_row_comes_back_with_every_field_as_the_orm_gives_it(draft) -> None:
    found = select_one(
        Application,
        reference=draft.reference,
        applicant_id=draft.applicant_id,
        organisation_kvk="41002315",
    )
    expected = Application.objects.get(pk=draft.pk)
    assert found is not None
    for field in Application._meta.concrete_fields:  # JSON, dates, choices, keys
        assert getattr(found, field.attname) == getattr(expected, field.attname), field.name
    assert found._state.adding is False


def test_every_condition_must_hold(draft) -> None:
    assert select_one(Application, reference=draft.reference, organisation_kvk="99999999") is None
    assert (
        select_one(Application, reference=draft.reference, applicant_id=draft.applicant_id + 1)
        is None
    )


def test_a_boolean_condition(django_user_model) -> None:
    user = django_user_model.objects.create_user(username="eh-inactive", is_active=False)
    assert select_one(User, id=user.pk, is_active=True) is None
    assert select_one(User, id=user.pk, is_active=False) == user


def test_more_than_one_row_is_an_error(django_user_model) -> None:
    django_user_model.objects.create_user(username="eh-one", first_name="Sam")
    django_user_model.objects.create_user(username="eh-two", first_name="Sam")
    with pytest.raises(User.MultipleObjectsReturned):
        select_one(User, first_name="Sam")


def test_none_is_refused_rather_than_matching_nothing() -> None:
    with pytest.raises(ValueError):
        select_one(Session, session_key=None)


def test_a_datetime_field_comes_back_aware_and_equal() -> None:
    expire = timezone.now() + timedelta(minutes=5)
    Session.objects.create(session_key="k" * 32, session_data="x", expire_date=expire)
    found = select_one(Session, session_key="k" * 32)
    assert found is not None
    assert found.expire_date == Session.objects.get(session_key="k" * 32).expire_date
    assert timezone.is_aware(found.expire_date)
