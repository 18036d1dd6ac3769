"""One application for the service desk: document, checks, history, files, decisions.

Every view is recorded in the audit trail (who looked at whose personal data, when),
in the same transaction as the page's reads.
"""

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from mijnduo.applications.constants import Status
from mijnduo.applications.models import Application, ApplicationFile, SignatureRecord
from mijnduo.audit.services import audit_record
from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.permissions import forbidden, staff_required
from mijnduo.identity.staff.selectors import staff_actor
from mijnduo.portal.summary import answers_summary

from ..checks.messages import render_finding
from ..checks.runner import checks_run
from ..constants import CheckTrigger, DecisionOutcome, DecisionState
from ..differences import normalised_changes
from ..models import CheckRun, Decision
from ..policy import needs_four_eyes
from ..selectors import (
    OPEN_STATUSES,
    age_in_working_days,
    checks_stale,
    decisions,
    latest_run,
    run_results,
)
from ..services import (
    DecisionConflict,
    ReasonRequired,
    SamePerson,
    decision_confirm,
    decision_make,
    decision_send_back,
)

_READERS = (StaffRole.BEHANDELAAR, StaffRole.TWEEDE_BEOORDELAAR)
MAX_REASON_LENGTH = 4000


def _application(reference: str) -> Application:
    return get_object_or_404(
        Application.objects.select_related("assigned_to", "signature").exclude(
            status__in=[Status.CONCEPT, Status.WACHT_OP_ONDERTEKENING]
        ),
        reference=reference,
    )


def _checks_up_to_date(request: HttpRequest, application: Application) -> CheckRun | None:
    """The latest check run; run the checks first when none ran since the application
    last changed (outside the page's transaction: the KvK register may take a moment)."""
    run = latest_run(application)
    if checks_stale(application, run):
        run = checks_run(
            actor=staff_actor(request.user), application=application, trigger=CheckTrigger.STAFF
        )
    return run


def _signature(application: Application) -> SignatureRecord | None:
    try:
        return application.signature  # loaded with the application (select_related)
    except SignatureRecord.DoesNotExist:
        return None


def _context(
    request: HttpRequest, application: Application, run: CheckRun | None
) -> dict[str, Any]:
    results = run_results(run) if run else []
    all_decisions = decisions(application)
    proposal = next(
        (d for d in all_decisions if d.state == DecisionState.AWAITING_CONFIRMATION), None
    )
    return {
        "application": application,
        "age": age_in_working_days(application),
        "signature": _signature(application),
        "files": list(
            ApplicationFile.objects.filter(application=application).only(
                "id", "purpose", "naam", "size", "content_type", "created_at"
            )
        ),
        "history": list(application.history.all()),
        "decisions": all_decisions,
        "proposal": proposal,
        "run": run,
        "checks": [
            (result, [render_finding(finding) for finding in result.findings]) for result in results
        ],
        "sections": answers_summary(application.document, application.submitted_document),
        "normalised_changes": normalised_changes(
            application.submitted_document, application.document
        ),
        "four_eyes": needs_four_eyes(application),
        "outcomes": DecisionOutcome.choices,
        "roles": request.staff.roles,  # type: ignore[attr-defined]
        "max_reason": MAX_REASON_LENGTH,
        "nav": "queue",
        "open_statuses": OPEN_STATUSES,
    }


@require_GET
@staff_required(*_READERS)
def application_view(request: HttpRequest, reference: str) -> HttpResponse:
    application = _application(reference)
    run = _checks_up_to_date(request, application)
    with transaction.atomic():
        context = _context(request, application, run)
        # Last in the transaction: the audit trail's append lock is held until commit.
        audit_record(
            actor=staff_actor(request.user),
            action="application.viewed",
            subject_type="application",
            subject_id=application.reference,
        )
    return render(request, "review/application.html", context)


@require_POST
@staff_required(*_READERS)
def run_checks_view(request: HttpRequest, reference: str) -> HttpResponse:
    application = _application(reference)
    checks_run(actor=staff_actor(request.user), application=application, trigger=CheckTrigger.STAFF)
    messages.success(request, _("The checks ran again."))
    return redirect("review:application", reference=reference)


CONFLICTS = {
    "status_changed": gettext_lazy(
        "Someone else decided on this application, or its status changed, just before "
        "you. Nothing was changed by your action; see the current state below."
    ),
    "awaiting_confirmation": gettext_lazy(
        "An approval of this application is waiting for a second reviewer. Send it back "
        "first if you want to decide differently."
    ),
    "no_open_proposal": gettext_lazy(
        "There is no approval waiting for confirmation any more: someone else was first. "
        "Nothing was changed by your action."
    ),
    "not_open": gettext_lazy("This application is closed."),
}


def _conflict(request: HttpRequest, error: DecisionConflict) -> None:
    messages.error(request, str(CONFLICTS.get(error.reason, CONFLICTS["status_changed"])))


@require_POST
@staff_required(StaffRole.BEHANDELAAR)
def decide_view(request: HttpRequest, reference: str) -> HttpResponse:
    application = _application(reference)
    raw = request.POST.get("besluit", "")
    reason = request.POST.get("reden", "")[:MAX_REASON_LENGTH]
    if raw not in DecisionOutcome.values:
        return _decision_form_error(
            request, application, reason, _("Choose a decision."), field="besluit"
        )
    outcome = DecisionOutcome(raw)
    try:
        decision = decision_make(
            staff=request.user,  # type: ignore[arg-type]
            application=application,
            outcome=outcome,
            reason=reason,
        )
    except ReasonRequired:
        return _decision_form_error(
            request,
            application,
            reason,
            _("Write the reason. The applicant reads it, in plain words."),
            field="reden",
            chosen=raw,
        )
    except DecisionConflict as error:
        _conflict(request, error)
    else:
        messages.success(request, _success_text(decision))
    return redirect("review:application", reference=reference)


def _success_text(decision: Decision) -> str:
    if decision.state == "wacht_op_bevestiging":
        return _("Your approval is recorded. A second reviewer must confirm it.")
    return {
        DecisionOutcome.APPROVE: _("Approved. The registry has been changed."),
        DecisionOutcome.REJECT: _("Rejected. The applicant gets an e-mail with your reason."),
        DecisionOutcome.MORE_INFORMATION: _(
            "More information asked. The applicant gets an e-mail with your question."
        ),
    }[DecisionOutcome(decision.outcome)]


def _decision_form_error(
    request: HttpRequest,
    application: Application,
    reason: str,
    message: str,
    *,
    field: str,
    chosen: str = "",
) -> HttpResponse:
    with transaction.atomic():
        context = _context(request, application, latest_run(application))
    context.update(
        decision_error={"field": field, "message": message},
        chosen=chosen,
        reason=reason,
    )
    return render(request, "review/application.html", context, status=400)


def _proposal(application: Application, decision_id: int) -> Decision:
    return get_object_or_404(Decision, pk=decision_id, application=application)


@require_POST
@staff_required(StaffRole.TWEEDE_BEOORDELAAR)
def confirm_view(request: HttpRequest, reference: str, decision_id: int) -> HttpResponse:
    application = _application(reference)
    decision = _proposal(application, decision_id)
    try:
        decision_confirm(staff=request.user, decision=decision)  # type: ignore[arg-type]
    except SamePerson:
        messages.error(
            request,
            _("You proposed this approval yourself. A second staff member must confirm it."),
        )
    except DecisionConflict as error:
        _conflict(request, error)
    else:
        messages.success(request, _("Confirmed. The approval has been applied to the registry."))
    return redirect("review:application", reference=reference)


@require_POST
@staff_required(*_READERS)
def send_back_view(request: HttpRequest, reference: str, decision_id: int) -> HttpResponse:
    application = _application(reference)
    decision = _proposal(application, decision_id)
    reason = request.POST.get("reden", "")[:MAX_REASON_LENGTH]
    is_proposer = decision.proposed_by_id == request.user.pk
    if not is_proposer and StaffRole.TWEEDE_BEOORDELAAR not in request.staff.roles:  # type: ignore[attr-defined]
        return forbidden(request, staff=True)
    try:
        decision_send_back(staff=request.user, decision=decision, reason=reason)  # type: ignore[arg-type]
    except ReasonRequired:
        messages.error(request, _("Write why you send the approval back."))
    except DecisionConflict as error:
        _conflict(request, error)
    else:
        messages.success(request, _("The approval was sent back. The application is open again."))
    return redirect("review:application", reference=reference)
