"""What a beheerder holds, read in the same statement as the application: the same answers
as the registry's own lookup (held_beheerautorisaties), for every kind of organisation,
on SQLite and PostgreSQL; and any other question still goes to the registry."""

from typing import Any
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.db import connection

from mijnduo.aanvraag.constants import OWN_NUMBER
from mijnduo.applications import drafts
from mijnduo.applications.models import Application, ApplicationFile
from mijnduo.applications.selectors import (
    ListedAttachment,
    application_and_attachments_for_applicant,
    application_and_held_for_applicant,
)
from mijnduo.audit.actors import Actor, ActorKind
from mijnduo.portal.prefill import document_for_new_draft
from mijnduo.registry.constants import ORGANISATION_FIELD_FOR
from mijnduo.registry.models import Account, BeheerautorisatieGrant, Organisation
from mijnduo.registry.selectors import held_beheerautorisaties

pytestmark = pytest.mark.django_db

KVK = "41002315"
OWN_VALUES = {
    "brincode": "05KO",
    "bestuursnummer": "40169",
    "gemeentecode": "0014",
    "crediteurnummer": "C-1234",
    "nummerAnders": "X-77",
}


def _registry(
    type_: str, codes: list[str], email: str = "J.deVries@example.nl", own_value: str | None = None
) -> None:
    own = OWN_NUMBER[type_]
    organisation = Organisation.objects.create(
        type=type_,
        kvk_nummer=KVK,
        naam="De organisatie",
        **{ORGANISATION_FIELD_FOR[own]: OWN_VALUES[own] if own_value is None else own_value},
    )
    account = Account.objects.create(naam="J. de Vries", email=email)
    for code in codes:
        BeheerautorisatieGrant.objects.create(
            account=account, organisation=organisation, code=code, basis="test"
        )


def _stored(organisatie: dict[str, Any], email: str) -> tuple[User, Application]:
    """A draft whose stored (normalised) document names this organisation and beheerder."""
    user = User.objects.create_user(username=f"eh-held-{User.objects.count()}")
    draft = drafts.draft_create(
        actor=Actor(ActorKind.APPLICANT, str(user.pk)),
        applicant=user,
        organisation_kvk=KVK,
        language="nl",
        document=document_for_new_draft(KVK, ""),
    )
    document = {**draft.document, "organisatie": organisatie, "beheerder": {"email": email}}
    Application.objects.filter(pk=draft.pk).update(document=document)
    return user, draft


def _organisatie(type_: str, **overrides: str) -> dict[str, Any]:
    own = OWN_NUMBER[type_]
    return {"kvkNummer": KVK, "type": type_, own: OWN_VALUES[own], **overrides}


def _read_along(user: User, draft: Application, django_assert_num_queries: Any) -> Any:
    with django_assert_num_queries(1):
        application, lookup = application_and_held_for_applicant(
            user_id=user.pk, kvk_nummer=KVK, reference=draft.reference
        )
    return application, lookup


CASES = [
    pytest.param(type_, {}, "j.devries@example.nl", id=f"{type_}, e-mail in another case")
    for type_ in OWN_NUMBER
] + [
    pytest.param("bestuur", {}, "someone.else@example.nl", id="another beheerder"),
    pytest.param("bestuur", {"bestuursnummer": "99999"}, "J.deVries@example.nl", id="other number"),
    pytest.param("bestuur", {"bestuursnummer": ""}, "J.deVries@example.nl", id="no own number"),
    pytest.param("bestuur", {"kvkNummer": "90000001"}, "J.deVries@example.nl", id="other KvK"),
    pytest.param("bestuur", {"type": "gemeente"}, "J.deVries@example.nl", id="another type"),
]


@pytest.mark.parametrize(("type_", "overrides", "email"), CASES)
def test_read_along_it_answers_as_the_registry(
    type_, overrides, email, django_assert_num_queries
) -> None:
    _registry(type_, ["po", "rio_algemeen"])
    _registry("onderwijsinstelling", ["vo"], email="elders@example.nl")  # not theirs
    organisatie = _organisatie(type_, **overrides)
    user, draft = _stored(organisatie, email)
    application, lookup = _read_along(user, draft, django_assert_num_queries)
    assert application == draft
    expected = held_beheerautorisaties(organisatie, email)
    with django_assert_num_queries(0):  # answered from the read
        assert lookup(organisatie, email) == expected
    matching = not overrides and email.lower() == "j.devries@example.nl"
    assert expected == (frozenset({"po", "rio_algemeen"}) if matching else frozenset())


def test_no_own_number_matches_nothing_even_where_the_registry_has_none(
    django_assert_num_queries,
) -> None:
    _registry("bestuur", ["po"], own_value="")  # a registry row without its number
    organisatie = _organisatie("bestuur", bestuursnummer="")
    user, draft = _stored(organisatie, "J.deVries@example.nl")
    _, lookup = _read_along(user, draft, django_assert_num_queries)
    assert held_beheerautorisaties(organisatie, "J.deVries@example.nl") == frozenset()
    assert lookup(organisatie, "J.deVries@example.nl") == frozenset()


@pytest.mark.parametrize(
    ("organisatie", "email"),
    [
        ({"kvkNummer": KVK, "type": "bestuur", "bestuursnummer": 0}, "J.deVries@example.nl"),
        ({"kvkNummer": KVK, "type": "bestuur", "bestuursnummer": ""}, "J.deVries@example.nl"),
        ({"kvkNummer": KVK, "type": ["bestuur"], "bestuursnummer": "40169"}, "j@example.nl"),
        ({"type": "bestuur", "bestuursnummer": "40169"}, "J.deVries@example.nl"),
        ({"kvkNummer": KVK, "type": "bestuur", "bestuursnummer": "40169"}, 5),
        ("bestuur", "J.deVries@example.nl"),  # not a section at all
    ],
)
def test_a_stored_document_with_other_values_is_asked_of_the_registry(
    organisatie, email, django_assert_num_queries
) -> None:
    """A stored document keeps what was sent, wrong types included. Asked about exactly
    what it names (as the beheerautorisaties page asks), the lookup goes to the registry
    unless all four values are text: only then do the SQL and the registry compare
    the same values (0 is falsy to the registry but '0' to the SQL)."""
    _registry("bestuur", ["po"], own_value="0")
    user, draft = _stored(organisatie, email)
    _, lookup = _read_along(user, draft, django_assert_num_queries)  # no error
    asked = organisatie if isinstance(organisatie, dict) else _organisatie("bestuur")
    registry = mock.Mock(return_value=frozenset({"the registry's answer"}))
    with mock.patch("mijnduo.registry.selectors.held_beheerautorisaties", registry):
        assert lookup(asked, email) == frozenset({"the registry's answer"})
    registry.assert_called_once_with(asked, email)


def test_without_the_subquery_the_registry_is_asked(django_assert_num_queries) -> None:
    _registry("bestuur", ["po"])
    organisatie = _organisatie("bestuur")
    user, draft = _stored(organisatie, "J.deVries@example.nl")
    own = {"user_id": user.pk, "kvk_nummer": KVK, "reference": draft.reference}
    with mock.patch("mijnduo.applications.selectors._held_in_document_sql", return_value=None):
        application, lookup = application_and_held_for_applicant(**own)
        also_application, attachments, also_lookup = application_and_attachments_for_applicant(
            **own
        )
    assert application == also_application == draft
    assert attachments == []
    assert lookup is also_lookup is held_beheerautorisaties


def test_the_check_page_read_brings_it_along_with_the_attachments(
    django_assert_num_queries,
) -> None:
    _registry("bestuur", ["po", "vo"])
    organisatie = _organisatie("bestuur")
    user, draft = _stored(organisatie, "J.deVries@example.nl")
    for naam in ("Statuten", "KvK uittreksel"):  # the row comes back once per attachment
        ApplicationFile.objects.create(
            application=draft,
            purpose="bijlage",
            naam=naam,
            content_type="application/pdf",
            size=len(naam),
            sha256="0" * 64,
            content=b"%PDF-",
        )
    with django_assert_num_queries(1):
        application, attachments, lookup = application_and_attachments_for_applicant(
            user_id=user.pk, kvk_nummer=KVK, reference=draft.reference
        )
    assert application == draft
    assert attachments == [ListedAttachment("Statuten", 8), ListedAttachment("KvK uittreksel", 14)]
    with django_assert_num_queries(0):
        assert lookup(organisatie, "J.deVries@example.nl") == frozenset({"po", "vo"})


def test_any_other_question_goes_to_the_registry(django_assert_num_queries) -> None:
    _registry("bestuur", ["po"])
    _registry("onderwijsinstelling", ["vo"], email="elders@example.nl")
    user, draft = _stored(_organisatie("bestuur"), "J.deVries@example.nl")
    _, lookup = _read_along(user, draft, django_assert_num_queries)
    other = _organisatie("onderwijsinstelling")
    with django_assert_num_queries(1):
        assert lookup(other, "elders@example.nl") == frozenset({"vo"})
    with django_assert_num_queries(1):  # the same organisation, another spelling: asked again
        assert lookup(_organisatie("bestuur"), "j.devries@example.nl") == frozenset({"po"})


def test_what_the_read_found_is_what_the_registry_held_at_that_moment(
    django_assert_num_queries,
) -> None:
    _registry("bestuur", ["po"])
    organisatie = _organisatie("bestuur")
    user, draft = _stored(organisatie, "J.deVries@example.nl")
    _, before = _read_along(user, draft, django_assert_num_queries)
    BeheerautorisatieGrant.objects.all().delete()  # revoked before the page is read again
    _, after = _read_along(user, draft, django_assert_num_queries)
    assert before(organisatie, "J.deVries@example.nl") == frozenset({"po"})
    assert after(organisatie, "J.deVries@example.nl") == frozenset()


def test_the_subquery_is_written_for_this_database() -> None:
    from mijnduo.registry.selectors import held_in_document_sql

    sql = held_in_document_sql('p."document"', connection.vendor)
    assert sql is not None
    assert ("#>>" in sql) == (connection.vendor == "postgresql")
    assert held_in_document_sql('p."document"', "oracle") is None  # then the plain lookup
