"""The eHerkenning logins behind a portal application: the applicant's and the signatory's.

A login reaches the portal only at EH3 or higher and with a machtiging for the Mijn
DUO service (identity.eherkenning.attributes.check_login); what was recorded at the
time is checked again here, and the signatory's KvK-nummer against the organisation's.
"""

from mijnduo.applications.constants import Channel
from mijnduo.identity.eherkenning.constants import MINIMUM_LEVEL, AssuranceLevel

from ..constants import CheckCode, CheckOutcome
from .base import CheckContext, CheckOutput, Finding


def _rank(label: str) -> int | None:
    for level in AssuranceLevel:
        if level.label == label:
            return level.rank
    return None


def check_eherkenning(context: CheckContext) -> CheckOutput:
    application = context.application
    if application.channel != Channel.PORTAL:
        return CheckOutput(
            CheckCode.EHERKENNING,
            CheckOutcome.UNKNOWN,
            (Finding("not_portal", {"channel": application.channel}),),
        )
    findings: list[Finding] = []
    outcome = CheckOutcome.GREEN
    applicant_rank = _rank(application.applicant_level)
    if applicant_rank is None:
        outcome = CheckOutcome.UNKNOWN
        findings.append(Finding("applicant_login_unknown"))
    else:
        findings.append(Finding("applicant_login", {"level": application.applicant_level}))
        if applicant_rank < MINIMUM_LEVEL.rank:
            outcome = CheckOutcome.RED
            findings.append(Finding("level_too_low", {"level": application.applicant_level}))
    signature = context.signature
    expected_kvk = str(context.organisatie.get("kvkNummer", ""))
    evidence: dict[str, object] = {"applicantLevel": application.applicant_level}
    if signature is None:
        outcome = CheckOutcome.RED
        findings.append(Finding("no_signature_record"))
    else:
        who = "signed_by_applicant" if signature.by_applicant else "signed_by_link"
        findings.append(
            Finding(
                "signatory_login",
                {"level": signature.level, "kvk": signature.kvk_nummer, "who": who},
            )
        )
        evidence.update(signatoryLevel=signature.level, signatoryKvk=signature.kvk_nummer)
        rank = _rank(signature.level)
        if rank is None or rank < MINIMUM_LEVEL.rank:
            outcome = CheckOutcome.RED
            findings.append(Finding("level_too_low", {"level": signature.level}))
        if signature.kvk_nummer != expected_kvk:
            outcome = CheckOutcome.RED
            findings.append(
                Finding(
                    "signatory_other_kvk", {"kvk": signature.kvk_nummer, "expected": expected_kvk}
                )
            )
    return CheckOutput(CheckCode.EHERKENNING, outcome, tuple(findings), evidence)
