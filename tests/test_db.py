"""mijnduo.db.select_one: the same row, with the same values, as the ORM finds."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from mijnduo.applications import drafts
from mijnduo.applications.models import Application
from mijnduo.audit.actors import Actor, ActorKind
from mijnduo.db import select_one, update_instance
from mijnduo.identity.models import Session
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


def _same_as_the_orm(found, expected) -> None:
    """Every concrete field equal and of the same type (True is not 1, aware datetimes)."""
    assert found is not None
    for field in type(expected)._meta.concrete_fields:
        mine, theirs = getattr(found, field.attname), getattr(expected, field.attname)
        assert (mine, type(mine)) == (theirs, type(theirs)), field.name
    assert found._state.adding is False
    assert found._state.db == expected._state.db


def test_the_row_comes_back_with_every_field_as_the_orm_gives_it(draft) -> None:
    found = select_one(
        Application,
        reference=draft.reference,
        applicant_id=draft.applicant_id,
        organisation_kvk="41002315",
    )
    _same_as_the_orm(found, Application.objects.get(pk=draft.pk))  # JSON, dates, choices, keys


def test_a_user_and_a_session_come_back_as_the_orm_gives_them(django_user_model) -> None:
    user = django_user_model.objects.create_user(username="eh-fields", first_name="Sam")
    _same_as_the_orm(select_one(User, id=user.pk, is_active=True), User.objects.get(pk=user.pk))
    Session.objects.create(
        session_key="s" * 32, session_data="data", expire_date=timezone.now() + timedelta(minutes=5)
    )
    _same_as_the_orm(
        select_one(Session, session_key="s" * 32), Session.objects.get(session_key="s" * 32)
    )


def test_every_condition_must_hold(draft, django_user_model) -> None:
    other = django_user_model.objects.create_user(username="eh-other")
    kvk = "41002315"
    # Each lookup fails one condition only; without it, it would find the draft.
    assert (
        select_one(
            Application,
            reference=draft.reference,
            applicant_id=draft.applicant_id,
            organisation_kvk="99999999",
        )
        is None
    )
    assert (
        select_one(
            Application, reference=draft.reference, applicant_id=other.pk, organisation_kvk=kvk
        )
        is None
    )
    assert (
        select_one(
            Application,
            reference="MDZ-AAAA-AAAA",
            applicant_id=draft.applicant_id,
            organisation_kvk=kvk,
        )
        is None
    )
    assert (
        select_one(
            Application,
            reference=draft.reference,
            applicant_id=draft.applicant_id,
            organisation_kvk=kvk,
        )
        is not None
    )


def test_only_concrete_fields_can_be_compared(draft) -> None:
    with pytest.raises(ValueError):
        select_one(Application, history=1)  # a reverse relation
    with pytest.raises(ValueError):
        select_one(User, groups=1)  # many-to-many


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


def test_an_update_writes_every_field_as_the_orm_reads_it_back(
    draft, django_assert_num_queries
) -> None:
    changed = Application.objects.get(pk=draft.pk)
    changed.document = {**changed.document, "naam": "Een ander"}  # JSON
    changed.added = ["vo", "rio_algemeen"]
    changed.submitted_at = timezone.now()  # a date where there was none
    changed.applicant_email = "iemand@example.nl"
    with django_assert_num_queries(1):
        assert update_instance(changed) is True
    _same_as_the_orm(changed, Application.objects.get(pk=draft.pk))
    assert Application.objects.count() == 1


def test_an_update_of_a_row_that_is_not_there_says_so_and_writes_nothing() -> None:
    expire = timezone.now() + timedelta(minutes=5)
    Session.objects.create(session_key="k" * 32, session_data="x", expire_date=expire)
    assert (
        update_instance(Session(session_key="n" * 32, session_data="y", expire_date=expire))
        is False
    )
    assert list(Session.objects.values_list("session_key", "session_data")) == [("k" * 32, "x")]


def _attachment(application: Application, naam: str, purpose: str = "bijlage") -> None:
    from mijnduo.applications.models import ApplicationFile

    ApplicationFile.objects.create(
        application=application,
        purpose=purpose,
        naam=naam,
        content_type="application/pdf",
        size=len(naam),
        sha256="0" * 64,
        content=b"%PDF-",
    )


def test_the_application_and_its_attachments_in_one_statement(
    draft, django_assert_num_queries
) -> None:
    from mijnduo.applications.selectors import (
        ListedAttachment,
        application_and_attachments_for_applicant,
        attachments_listed,
    )

    own = {"user_id": draft.applicant_id, "kvk_nummer": "41002315", "reference": draft.reference}
    with django_assert_num_queries(1):
        found, listed, _held = application_and_attachments_for_applicant(**own)
    _same_as_the_orm(found, Application.objects.get(pk=draft.pk))
    assert listed == []

    _attachment(draft, "Het formulier", purpose="pdf")  # not an attachment: never listed
    with django_assert_num_queries(1):
        found, listed, _held = application_and_attachments_for_applicant(**own)
    assert found.pk == draft.pk and listed == []  # the condition joins; it does not filter

    for naam in ("Statuten", "KvK uittreksel", "Volmacht"):
        _attachment(draft, naam)
    with django_assert_num_queries(1):
        found, listed, _held = application_and_attachments_for_applicant(**own)
    _same_as_the_orm(found, Application.objects.get(pk=draft.pk))  # the same, three rows on
    assert listed == attachments_listed(draft)  # the ORM's answer: oldest first
    assert listed == [
        ListedAttachment("Statuten", 8),
        ListedAttachment("KvK uittreksel", 14),
        ListedAttachment("Volmacht", 8),
    ]


def test_a_listing_without_also(draft) -> None:
    from mijnduo.applications.models import ApplicationFile
    from mijnduo.db import Listed, select_one_listing

    _attachment(draft, "Statuten")
    listed = Listed(
        model=ApplicationFile,
        foreign_key="application",
        equal=("purpose",),
        columns=("naam", "size"),
        order_by=("id",),
    )
    found = select_one_listing(Application, listed, ("bijlage",), reference=draft.reference)
    assert found is not None
    application, items, also = found
    assert (application, items, also) == (draft, [("Statuten", 8)], None)


@pytest.mark.parametrize(
    "other",
    [
        {"user_id": 0},  # another person
        {"kvk_nummer": "41002316"},  # the same person for another organisation
        {"reference": "MDZ-AAAA-AAAA"},  # another application
    ],
)
def test_the_application_and_its_attachments_only_as_ones_own(draft, other) -> None:
    from mijnduo.applications.selectors import application_and_attachments_for_applicant

    _attachment(draft, "Statuten")
    own = {"user_id": draft.applicant_id, "kvk_nummer": "41002315", "reference": draft.reference}
    with pytest.raises(Application.DoesNotExist):
        application_and_attachments_for_applicant(**{**own, **other})
