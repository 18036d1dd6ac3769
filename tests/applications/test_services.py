"""Application services: submission and status changes with history and audit."""

from datetime import date

import pytest

from mijnduo.aanvraag.validator import validate
from mijnduo.applications.constants import TRANSITIONS, Channel, Status
from mijnduo.applications.models import Application
from mijnduo.applications.services import (
    DocumentNotValid,
    InvalidTransition,
    application_change_status,
    application_submit,
)
from mijnduo.audit.actors import SYSTEM, Actor, ActorKind
from mijnduo.audit.models import AuditRecord

pytestmark = pytest.mark.django_db
STAFF = Actor(ActorKind.STAFF, "7")


def _submit(document) -> Application:
    return application_submit(
        actor=SYSTEM,
        submitted=document,
        result=validate(document, today=date(2026, 11, 28)),
        channel=Channel.POST,
    )


def test_submit_refuses_an_invalid_document(document) -> None:
    document["organisatie"]["naam"] = ""
    with pytest.raises(DocumentNotValid):
        _submit(document)
    assert Application.objects.count() == 0


def test_status_change_records_history_and_audit(document) -> None:
    application = _submit(document)
    application_change_status(
        actor=STAFF, application=application, to_status=Status.IN_BEHANDELING, reason="opgepakt"
    )
    application.refresh_from_db()
    assert application.status == Status.IN_BEHANDELING
    history = list(application.history.values_list("from_status", "to_status", "actor", "reason"))
    assert history == [
        ("", "ingediend", "systeem:mijnduo", ""),
        ("ingediend", "in_behandeling", "servicedesk:7", "opgepakt"),
    ]
    record = AuditRecord.objects.get(action="application.status_changed")
    assert (record.before, record.after) == ({"status": "ingediend"}, {"status": "in_behandeling"})


@pytest.mark.parametrize(
    ("from_status", "to_status"),
    [
        (from_status, to_status)
        for from_status in Status.values
        for to_status in Status.values
        if to_status not in TRANSITIONS[from_status]
    ],
)
def test_transitions_outside_the_lifecycle_are_refused(document, from_status, to_status) -> None:
    application = _submit(document)
    Application.objects.filter(pk=application.pk).update(status=from_status)
    with pytest.raises(InvalidTransition):
        application_change_status(actor=STAFF, application=application, to_status=to_status)
    application.refresh_from_db()
    assert application.status == from_status
    assert AuditRecord.objects.filter(action="application.status_changed").count() == 0


def test_decided_applications_are_final() -> None:
    assert TRANSITIONS[Status.GOEDGEKEURD] == TRANSITIONS[Status.AFGEWEZEN] == frozenset()


def test_wijziging_stores_its_change_set(document) -> None:
    document["beheerautorisaties"] = ["po", "bop"]
    result = validate(
        document, held_lookup=lambda org, email: frozenset({"po", "owp"}), today=date(2026, 11, 28)
    )
    application = application_submit(
        actor=SYSTEM, submitted=document, result=result, channel=Channel.API
    )
    assert application.kind == "wijziging"
    assert (application.added, application.removed) == (["bop"], ["owp"])


@pytest.mark.django_db(transaction=True)
def test_a_reference_collision_is_retried_with_a_new_reference(document, monkeypatch) -> None:
    first = _submit(document)
    drawn = iter([first.reference, "MDZ-2222-2222"])
    monkeypatch.setattr("mijnduo.applications.services.new_reference", lambda: next(drawn))
    second = _submit(document)
    assert second.reference == "MDZ-2222-2222"
    assert Application.objects.count() == 2
    assert AuditRecord.objects.filter(action="application.submitted").count() == 2
