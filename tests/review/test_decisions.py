"""Every decision path of the service desk, through the service functions."""

import copy
from typing import Any

import pytest
from django.core import mail
from django.test import override_settings

from mijnduo.applications.constants import Status
from mijnduo.applications.models import Application
from mijnduo.applications.services import NotAwaitingInformation, application_respond
from mijnduo.audit.actors import SYSTEM
from mijnduo.audit.models import AuditRecord
from mijnduo.notifications.models import OutgoingEmail
from mijnduo.registry.models import (
    Account,
    BeheerautorisatieGrant,
    Organisation,
    TokenGeneratorReturn,
)
from mijnduo.registry.services import (
    account_create,
    beheerautorisaties_grant,
    organisation_create,
)
from mijnduo.review.constants import DecisionOutcome, DecisionState
from mijnduo.review.services import (
    DecisionConflict,
    ReasonRequired,
    SamePerson,
    case_assign,
    decision_confirm,
    decision_make,
    decision_send_back,
)

from .conftest import VALID_DOCUMENT, submit

pytestmark = pytest.mark.django_db


def held(email: str = "j.devries@example.nl") -> set[str]:
    return set(
        BeheerautorisatieGrant.objects.filter(account__email__iexact=email).values_list(
            "code", flat=True
        )
    )


def in_handling(staff: Any, document: dict[str, Any] | None = None) -> Application:
    application = submit(document)
    return case_assign(staff=staff, application=application)


def existing_beheerder(codes: list[str]) -> None:
    """The beheerder of VALID_DOCUMENT already holds ``codes`` at its organisation."""
    organisation = organisation_create(actor=SYSTEM, organisatie=VALID_DOCUMENT["organisatie"])
    account = account_create(actor=SYSTEM, naam="J. de Vries", email="j.devries@example.nl")
    beheerautorisaties_grant(
        actor=SYSTEM, account=account, organisation=organisation, codes=codes, basis="test"
    )


def intrekking(blijft_gebruiker: bool, serial: str = "") -> dict[str, Any]:
    document = copy.deepcopy(VALID_DOCUMENT)
    document["beheerautorisaties"] = []
    document["intrekking"] = {
        "intrekken": True,
        "blijftGebruiker": blijft_gebruiker,
        "serienummerTokengenerator": serial,
    }
    return document


def test_assign_takes_a_submitted_application_into_handling(behandelaar: Any) -> None:
    application = in_handling(behandelaar)
    assert application.status == Status.IN_BEHANDELING
    assert application.assigned_to == behandelaar
    assert AuditRecord.objects.filter(
        action="application.assigned", subject_id=application.reference
    ).exists()


def test_aanmelding_approval_waits_for_a_second_reviewer_then_grants(
    behandelaar: Any, tweede: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application = in_handling(behandelaar)
    proposal = decision_make(
        staff=behandelaar, application=application, outcome=DecisionOutcome.APPROVE
    )
    assert proposal.state == DecisionState.AWAITING_CONFIRMATION
    application.refresh_from_db()
    assert application.status == Status.IN_BEHANDELING
    assert held() == set()  # nothing in the registry before the second pair of eyes
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = decision_confirm(staff=tweede, decision=proposal)
    assert confirmed.state == DecisionState.FINAL
    assert confirmed.confirmed_by == tweede
    application.refresh_from_db()
    assert application.status == Status.GOEDGEKEURD
    assert application.decided_at is not None
    assert held() == {"po", "rio_algemeen"}
    organisation = Organisation.objects.get(kvk_nummer="41002315", brincode="05KO")
    assert organisation.naam == "OBS De Linde"
    # The applicant (the signatory, for an API application) and the beheerder.
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["a.jansen@example.nl", "j.devries@example.nl"]


def test_the_proposer_cannot_confirm_their_own_approval(behandelaar: Any) -> None:
    both = behandelaar
    both.groups.add(*type(both.groups.first()).objects.filter(name="tweede_beoordelaar"))
    application = in_handling(both)
    proposal = decision_make(staff=both, application=application, outcome=DecisionOutcome.APPROVE)
    with pytest.raises(SamePerson):
        decision_confirm(staff=both, decision=proposal)
    assert held() == set()
    proposal.refresh_from_db()
    assert proposal.state == DecisionState.AWAITING_CONFIRMATION


def test_the_database_refuses_one_person_as_both_pairs_of_eyes(behandelaar: Any) -> None:
    from django.db import IntegrityError, transaction

    application = in_handling(behandelaar)
    proposal = decision_make(
        staff=behandelaar, application=application, outcome=DecisionOutcome.APPROVE
    )
    proposal.confirmed_by = behandelaar
    with pytest.raises(IntegrityError), transaction.atomic():
        proposal.save()


def test_a_second_decision_while_an_approval_waits_is_refused(behandelaar: Any) -> None:
    application = in_handling(behandelaar)
    decision_make(staff=behandelaar, application=application, outcome=DecisionOutcome.APPROVE)
    with pytest.raises(DecisionConflict) as error:
        decision_make(
            staff=behandelaar,
            application=application,
            outcome=DecisionOutcome.REJECT,
            reason="Toch niet.",
        )
    assert error.value.reason == "awaiting_confirmation"


def test_sending_an_approval_back_reopens_the_application(behandelaar: Any, tweede: Any) -> None:
    application = in_handling(behandelaar)
    proposal = decision_make(
        staff=behandelaar, application=application, outcome=DecisionOutcome.APPROVE
    )
    with pytest.raises(ReasonRequired):
        decision_send_back(staff=tweede, decision=proposal, reason=" ")
    decision_send_back(staff=tweede, decision=proposal, reason="Handtekening klopt niet.")
    proposal.refresh_from_db()
    assert proposal.state == DecisionState.WITHDRAWN
    with pytest.raises(DecisionConflict):
        decision_confirm(staff=tweede, decision=proposal)
    # Open again: a new decision can be made.
    decision_make(
        staff=behandelaar, application=application, outcome=DecisionOutcome.REJECT, reason="Nee."
    )


def test_reject_needs_a_reason_and_mails_the_applicant_in_their_language(
    behandelaar: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application = in_handling(behandelaar)
    Application.objects.filter(pk=application.pk).update(language="en")
    with pytest.raises(ReasonRequired):
        decision_make(staff=behandelaar, application=application, outcome=DecisionOutcome.REJECT)
    with django_capture_on_commit_callbacks(execute=True):
        decision_make(
            staff=behandelaar,
            application=application,
            outcome=DecisionOutcome.REJECT,
            reason="The signatory is not a board member.",
        )
    application.refresh_from_db()
    assert application.status == Status.AFGEWEZEN
    assert application.history.last().reason == "The signatory is not a board member."
    assert held() == set()
    [message] = mail.outbox
    assert message.to == ["a.jansen@example.nl"]
    assert message.subject == f"Application {application.reference} is rejected"
    assert "The signatory is not a board member." in message.body
    assert "afgewezen" not in message.body  # English only: the applicant's language


def test_more_information_then_the_applicant_answers(
    behandelaar: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application = in_handling(behandelaar)
    with django_capture_on_commit_callbacks(execute=True):
        decision_make(
            staff=behandelaar,
            application=application,
            outcome=DecisionOutcome.MORE_INFORMATION,
            reason="Stuur een uittreksel van de KvK mee.",
        )
    application.refresh_from_db()
    assert application.status == Status.AANVULLING_GEVRAAGD
    [message] = mail.outbox
    assert "Stuur een uittreksel van de KvK mee." in message.body
    with pytest.raises(DecisionConflict):
        decision_make(staff=behandelaar, application=application, outcome=DecisionOutcome.APPROVE)
    application_respond(actor=SYSTEM, application=application, answer="Bijgevoegd.")
    application.refresh_from_db()
    assert application.status == Status.IN_BEHANDELING
    assert application.history.last().reason == "Bijgevoegd."
    with pytest.raises(NotAwaitingInformation):
        application_respond(actor=SYSTEM, application=application, answer="Nog eens.")


def test_wijziging_grants_and_removes_the_change_set(behandelaar: Any, tweede: Any) -> None:
    existing_beheerder(["po", "bop"])
    document = copy.deepcopy(VALID_DOCUMENT)
    document["beheerautorisaties"] = ["po", "rio_algemeen"]
    application = in_handling(behandelaar, document)
    assert application.kind == "wijziging"
    assert sorted(application.added) == ["rio_algemeen"]
    assert application.removed == ["bop"]
    proposal = decision_make(
        staff=behandelaar, application=application, outcome=DecisionOutcome.APPROVE
    )
    decision_confirm(staff=tweede, decision=proposal)
    assert held() == {"po", "rio_algemeen"}


def test_a_wijziging_that_only_removes_needs_one_person(behandelaar: Any) -> None:
    existing_beheerder(["po", "rio_algemeen", "bop"])
    application = in_handling(behandelaar)
    assert application.kind == "wijziging"
    decision = decision_make(
        staff=behandelaar, application=application, outcome=DecisionOutcome.APPROVE
    )
    assert decision.state == DecisionState.FINAL
    assert held() == {"po", "rio_algemeen"}


def test_intrekking_keeping_the_account_as_user(behandelaar: Any) -> None:
    existing_beheerder(["po"])
    application = in_handling(behandelaar, intrekking(blijft_gebruiker=True))
    assert application.kind == "intrekking"
    decision_make(staff=behandelaar, application=application, outcome=DecisionOutcome.APPROVE)
    assert held() == set()
    assert Account.objects.filter(email="j.devries@example.nl").exists()
    assert not TokenGeneratorReturn.objects.exists()


def test_intrekking_deleting_the_account_expects_the_token_generator(behandelaar: Any) -> None:
    from mijnduo.registry.services import token_generator_return_receive

    existing_beheerder(["po"])
    application = in_handling(behandelaar, intrekking(blijft_gebruiker=False, serial="AB1234"))
    decision_make(staff=behandelaar, application=application, outcome=DecisionOutcome.APPROVE)
    assert not Account.objects.filter(email="j.devries@example.nl").exists()
    expected = TokenGeneratorReturn.objects.get()
    assert expected.serienummer == "AB1234"
    assert expected.basis == application.reference
    assert expected.received_on is None
    token_generator_return_receive(actor=SYSTEM, expected=expected, received_on=expected.due_on)
    expected.refresh_from_db()
    assert expected.received_on == expected.due_on


@override_settings(MIJNDUO_FOUR_EYES=frozenset({"intrekking"}))
def test_four_eyes_is_configurable_per_kind(behandelaar: Any, tweede: Any) -> None:
    aanmelding = in_handling(behandelaar)
    decision = decision_make(
        staff=behandelaar, application=aanmelding, outcome=DecisionOutcome.APPROVE
    )
    assert decision.state == DecisionState.FINAL  # aanmelding no longer needs four eyes
    existing_held = held()
    assert existing_held == {"po", "rio_algemeen"}
    revoke = in_handling(behandelaar, intrekking(blijft_gebruiker=True))
    proposal = decision_make(staff=behandelaar, application=revoke, outcome=DecisionOutcome.APPROVE)
    assert proposal.state == DecisionState.AWAITING_CONFIRMATION


def test_decisions_and_registry_changes_are_audited_in_one_go(
    behandelaar: Any, tweede: Any
) -> None:
    application = in_handling(behandelaar)
    proposal = decision_make(
        staff=behandelaar, application=application, outcome=DecisionOutcome.APPROVE
    )
    decision_confirm(staff=tweede, decision=proposal)
    actions = list(AuditRecord.objects.order_by("id").values_list("action", flat=True))
    for action in (
        "decision.proposed",
        "organisation.created",
        "account.created",
        "beheerautorisaties.granted",
        "application.status_changed",
        "decision.final",
    ):
        assert action in actions
    final = AuditRecord.objects.get(action="decision.final")
    assert final.after["proposedBy"] == behandelaar.pk
    assert final.after["confirmedBy"] == tweede.pk


def test_a_failing_registry_change_rolls_the_decision_back(behandelaar: Any) -> None:
    # An intrekking for a beheerder the registry does not know: nothing to revoke.
    from mijnduo.review.apply import NothingToRevoke

    organisation_create(actor=SYSTEM, organisatie=VALID_DOCUMENT["organisatie"])
    application = in_handling(behandelaar, intrekking(blijft_gebruiker=True))
    before = OutgoingEmail.objects.count()
    with pytest.raises(NothingToRevoke):
        decision_make(staff=behandelaar, application=application, outcome=DecisionOutcome.APPROVE)
    application.refresh_from_db()
    assert application.status == Status.IN_BEHANDELING
    assert not application.decisions.exists()
    assert OutgoingEmail.objects.count() == before
