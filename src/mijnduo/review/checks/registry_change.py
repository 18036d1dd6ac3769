"""The application's change against the registry as it stands now.

Shown before a decision, because the registry may have changed since the
application was sent (another application approved in between).
"""

from mijnduo.aanvraag.constants import Kind
from mijnduo.registry.selectors import account_for_email, held_codes, organisation_for_document

from ..constants import CheckCode, CheckOutcome
from .base import CheckContext, CheckOutput, Finding


def _codes(codes: set[str] | list[str]) -> str:
    return ", ".join(sorted(codes)) or "–"


def check_registry(context: CheckContext) -> CheckOutput:
    application = context.application
    document = context.document
    organisation = organisation_for_document(context.organisatie)
    email = str((document.get("beheerder") or {}).get("email", ""))
    account = account_for_email(email) if email else None
    held: set[str] = set(held_codes(account, organisation)) if account and organisation else set()
    findings: list[Finding] = []
    outcome = CheckOutcome.GREEN
    if organisation is None:
        findings.append(Finding("org_not_registered"))
    else:
        findings.append(Finding("org_registered", {"naam": organisation.naam}))
    if account is None:
        findings.append(Finding("account_new"))
    else:
        findings.append(Finding("account_holds", {"codes": _codes(held)}))
    evidence = {
        "organisationId": organisation.pk if organisation else None,
        "accountId": account.pk if account else None,
        "held": sorted(held),
    }
    if application.kind == Kind.INTREKKING:
        if not held:
            outcome = CheckOutcome.RED
            findings.append(Finding("nothing_to_revoke"))
        intrekking = document.get("intrekking") or {}
        if intrekking.get("blijftGebruiker"):
            findings.append(Finding("revoke_keep_user"))
        elif intrekking.get("serienummerTokengenerator"):
            findings.append(Finding("revoke_delete"))
        else:
            findings.append(Finding("revoke_delete_no_token"))
        return CheckOutput(CheckCode.REGISTRY, outcome, tuple(findings), evidence)
    wanted = set(document.get("beheerautorisaties") or [])
    if application.kind == Kind.AANMELDING:
        to_add, to_remove = wanted, set()
    else:
        to_add, to_remove = set(application.added), set(application.removed)
    already = to_add & held
    gone = to_remove - held
    findings.append(Finding("will_add", {"codes": _codes(to_add - held)}))
    if to_remove:
        findings.append(Finding("will_remove", {"codes": _codes(to_remove & held)}))
    if already:
        outcome = CheckOutcome.RED
        findings.append(Finding("already_held", {"codes": _codes(already)}))
    if gone:
        outcome = CheckOutcome.RED
        findings.append(Finding("no_longer_held", {"codes": _codes(gone)}))
    evidence.update(add=sorted(to_add - held), remove=sorted(to_remove & held))
    return CheckOutput(CheckCode.REGISTRY, outcome, tuple(findings), evidence)
