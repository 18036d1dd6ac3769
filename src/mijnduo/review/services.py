"""Every service-desk action on an application, each audited in its transaction.

Two staff members can act on one application at the same moment. Each service locks
the application row first (SELECT … FOR UPDATE) and then checks the state it needs,
so exactly one of them wins and the other gets a DecisionConflict with a reason.
"""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from mijnduo.applications.constants import Status
from mijnduo.applications.models import Application
from mijnduo.applications.services import record_transition
from mijnduo.audit.actors import SYSTEM, Actor
from mijnduo.audit.services import audit_record
from mijnduo.identity.staff.selectors import staff_actor

from . import messages
from .apply import approval_apply
from .constants import DecisionOutcome, DecisionState
from .models import Decision
from .policy import needs_four_eyes
from .selectors import latest_run


class DecisionConflict(Exception):
    """The application is no longer in the state the action needs (someone was first)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class SamePerson(Exception):
    """Four eyes: the staff member who proposed an approval cannot confirm it."""


class ReasonRequired(Exception):
    """Rejecting and asking for more information need a reason for the applicant."""


def _lock(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _open_proposal(locked: Application) -> Decision | None:
    return (
        Decision.objects.select_for_update()
        .filter(application=locked, state=DecisionState.AWAITING_CONFIRMATION)
        .first()
    )


@transaction.atomic
def case_assign(*, staff: User, application: Application) -> Application:
    """ "Assign to me": a submitted application is taken into handling; one being
    handled by a colleague moves to this staff member (recorded)."""
    locked = _lock(application)
    changed: list[str] = []
    if locked.status == Status.INGEDIEND:
        changed = record_transition(
            actor=staff_actor(staff), locked=locked, to_status=Status.IN_BEHANDELING
        )
    elif locked.status not in {Status.IN_BEHANDELING, Status.AANVULLING_GEVRAAGD}:
        raise DecisionConflict("not_open")
    before = locked.assigned_to_id
    locked.assigned_to = staff
    locked.save(update_fields=[*changed, "assigned_to"])
    audit_record(
        actor=staff_actor(staff),
        action="application.assigned",
        subject_type="application",
        subject_id=locked.reference,
        before={"assignedTo": before},
        after={"assignedTo": staff.pk},
    )
    return locked


def _finalise(
    *,
    actor: Actor,
    locked: Application,
    outcome: DecisionOutcome,
    reason: str,
    decision: Decision,
) -> None:
    to_status = {
        DecisionOutcome.APPROVE: Status.GOEDGEKEURD,
        DecisionOutcome.REJECT: Status.AFGEWEZEN,
        DecisionOutcome.MORE_INFORMATION: Status.AANVULLING_GEVRAAGD,
    }[outcome]
    if outcome == DecisionOutcome.APPROVE:
        approval_apply(actor=actor, application=locked)
    changed = record_transition(actor=actor, locked=locked, to_status=to_status, reason=reason)
    locked.save(update_fields=changed)
    audit_record(
        actor=actor,
        action="decision.final",
        subject_type="application",
        subject_id=locked.reference,
        after={
            "decision": decision.pk,
            "outcome": outcome.value,
            "automatic": decision.automatic,
            "proposedBy": decision.proposed_by_id,
            "confirmedBy": decision.confirmed_by_id,
        },
    )
    messages.queue_decision(application=locked, outcome=outcome, reason=reason)


@transaction.atomic
def decision_make(
    *, staff: User, application: Application, outcome: DecisionOutcome, reason: str = ""
) -> Decision:
    """Approve, reject or ask for more information.

    An approval that needs four eyes (policy.needs_four_eyes) waits for a second staff
    member: nothing changes in the registry until decision_confirm.
    """
    reason = reason.strip()
    if outcome != DecisionOutcome.APPROVE and not reason:
        raise ReasonRequired(outcome.value)
    locked = _lock(application)
    if locked.status != Status.IN_BEHANDELING:
        raise DecisionConflict("status_changed")
    if _open_proposal(locked) is not None:
        raise DecisionConflict("awaiting_confirmation")
    actor = staff_actor(staff)
    waits = outcome == DecisionOutcome.APPROVE and needs_four_eyes(locked)
    decision = Decision.objects.create(
        application=locked,
        outcome=outcome,
        state=DecisionState.AWAITING_CONFIRMATION if waits else DecisionState.FINAL,
        reason=reason,
        proposed_by=staff,
    )
    if waits:
        audit_record(
            actor=actor,
            action="decision.proposed",
            subject_type="application",
            subject_id=locked.reference,
            after={"decision": decision.pk, "outcome": outcome.value},
        )
        return decision
    _finalise(actor=actor, locked=locked, outcome=outcome, reason=reason, decision=decision)
    return decision


@transaction.atomic
def decision_confirm(*, staff: User, decision: Decision) -> Decision:
    """The second pair of eyes confirms an approval; it is applied to the registry."""
    locked = _lock(decision.application)
    proposal = _open_proposal(locked)
    if proposal is None or proposal.pk != decision.pk or locked.status != Status.IN_BEHANDELING:
        raise DecisionConflict("no_open_proposal")
    if proposal.proposed_by_id == staff.pk:
        raise SamePerson(locked.reference)
    proposal.state = DecisionState.FINAL
    proposal.confirmed_by = staff
    proposal.confirmed_at = timezone.now()
    proposal.save(update_fields=["state", "confirmed_by", "confirmed_at"])
    _finalise(
        actor=staff_actor(staff),
        locked=locked,
        outcome=DecisionOutcome(proposal.outcome),
        reason=proposal.reason,
        decision=proposal,
    )
    return proposal


@transaction.atomic
def decision_send_back(*, staff: User, decision: Decision, reason: str) -> Decision:
    """The second reviewer does not confirm (or the proposer takes it back): the
    application stays in handling, with the reason in the audit trail."""
    reason = reason.strip()
    locked = _lock(decision.application)
    proposal = _open_proposal(locked)
    if proposal is None or proposal.pk != decision.pk:
        raise DecisionConflict("no_open_proposal")
    if proposal.proposed_by_id != staff.pk and not reason:
        raise ReasonRequired("send_back")
    proposal.state = DecisionState.WITHDRAWN
    proposal.save(update_fields=["state"])
    audit_record(
        actor=staff_actor(staff),
        action="decision.sent_back",
        subject_type="application",
        subject_id=locked.reference,
        after={"decision": proposal.pk, "reason": reason},
    )
    return proposal


@transaction.atomic
def decision_automatic(*, application: Application) -> Decision | None:
    """Straight-through: approve without a person, when every check of the latest run
    is green. The same registry change, history and audit trail, marked automatic."""
    locked = _lock(application)
    if locked.status not in {Status.INGEDIEND, Status.IN_BEHANDELING}:
        return None
    run = latest_run(locked)
    if run is None or not run.all_green:
        return None
    if locked.status == Status.INGEDIEND:
        changed = record_transition(actor=SYSTEM, locked=locked, to_status=Status.IN_BEHANDELING)
        locked.save(update_fields=changed)
    decision = Decision.objects.create(
        application=locked,
        outcome=DecisionOutcome.APPROVE,
        state=DecisionState.FINAL,
        automatic=True,
    )
    _finalise(
        actor=SYSTEM,
        locked=locked,
        outcome=DecisionOutcome.APPROVE,
        reason="",
        decision=decision,
    )
    return decision
