"""Run every check on an application and store the outcome as one run."""

from django.db import transaction

from mijnduo.applications.models import Application, ApplicationFile, SignatureRecord
from mijnduo.audit.actors import Actor
from mijnduo.audit.services import audit_record

from ..constants import CheckCode, CheckOutcome, CheckTrigger
from ..models import CheckResult, CheckRun
from .base import CheckContext, CheckOutput
from .duo_register import check_duo_register
from .eherkenning import check_eherkenning
from .form_rules import check_rules
from .plausibility import check_plausibility
from .registry_change import check_registry
from .signatory import check_signatory


def _context(application: Application) -> CheckContext:
    signature = SignatureRecord.objects.filter(application=application).first()
    # R17: only a KvK uittreksel can be attached, so any attachment is one.
    has_uittreksel = application.files.filter(purpose=ApplicationFile.Purpose.BIJLAGE).exists()
    return CheckContext(application, signature, has_uittreksel)


def evaluate(application: Application) -> list[CheckOutput]:
    """All checks, in the page's order; the registers are asked once each."""
    context = _context(application)
    rules = check_rules(context)
    register = check_duo_register(context)
    signatory = check_signatory(context)
    plausibility = check_plausibility(
        context,
        register_ok=register.outcome != CheckOutcome.RED,
        signatory_confirmed=signatory.outcome == CheckOutcome.GREEN,
    )
    outputs = {
        output.code: output
        for output in (
            rules,
            register,
            signatory,
            check_eherkenning(context),
            plausibility,
            check_registry(context),
        )
    }
    return [outputs[code] for code in CheckCode]


def checks_run(*, actor: Actor, application: Application, trigger: CheckTrigger) -> CheckRun:
    """Run the checks now and keep the results (earlier runs stay, for the record).

    The registers are asked before the transaction opens: a slow KvK register must not
    hold a transaction (or the audit trail's append lock) open while it answers.
    """
    outputs = evaluate(application)
    with transaction.atomic():
        return _store(actor=actor, application=application, trigger=trigger, outputs=outputs)


def _store(
    *, actor: Actor, application: Application, trigger: CheckTrigger, outputs: list[CheckOutput]
) -> CheckRun:
    run = CheckRun.objects.create(
        application=application,
        trigger=trigger,
        all_green=all(output.outcome == CheckOutcome.GREEN for output in outputs),
    )
    CheckResult.objects.bulk_create(
        CheckResult(
            run=run,
            code=output.code,
            outcome=output.outcome,
            findings=[finding.as_json() for finding in output.findings],
            evidence=output.evidence,
            ran_at=run.ran_at,
        )
        for output in outputs
    )
    audit_record(
        actor=actor,
        action="checks.ran",
        subject_type="application",
        subject_id=application.reference,
        after={output.code.value: output.outcome.value for output in outputs},
    )
    return run
