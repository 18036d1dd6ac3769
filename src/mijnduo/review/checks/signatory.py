"""R15 for municipalities, R16 (the KvK Handelsregister) for every other organisation."""

from mijnduo.aanvraag.constants import OrganisatieType
from mijnduo.aanvraag.validator import municipal_signatory_words
from mijnduo.registers.kvk import SignatoryOutcome, signatory_check, signatory_register

from ..constants import CheckCode, CheckOutcome
from .base import CheckContext, CheckOutput, Finding, in_both_languages

_OUTCOME = {
    SignatoryOutcome.CONFIRMED: CheckOutcome.GREEN,
    SignatoryOutcome.NOT_AUTHORISED: CheckOutcome.RED,
    SignatoryOutcome.NOT_FOUND: CheckOutcome.RED,
    SignatoryOutcome.UNKNOWN: CheckOutcome.UNKNOWN,
}


def check_signatory(context: CheckContext) -> CheckOutput:
    ondertekening = context.ondertekening
    functie = str(ondertekening.get("functie", ""))
    if context.organisatie.get("type") == OrganisatieType.GEMEENTE:
        # R15 as the validator applies it: one definition of the accepted functions.
        accepted = municipal_signatory_words(functie)
        return CheckOutput(
            CheckCode.SIGNATORY,
            CheckOutcome.GREEN if accepted else CheckOutcome.RED,
            (Finding("r15_ok" if accepted else "r15_not_ok", {"functie": functie}),),
            {"rule": "R15", "matchedWords": accepted},
        )
    verdict = signatory_check(
        register=signatory_register(),
        kvk_nummer=str(context.organisatie.get("kvkNummer", "")),
        naam=str(ondertekening.get("naam", "")),
        functie=functie,
    )
    return CheckOutput(
        CheckCode.SIGNATORY,
        _OUTCOME[verdict.outcome],
        (Finding("kvk_verdict", {"text": in_both_languages(verdict.explain)}),),
        {
            "rule": "R16",
            "outcome": str(verdict.outcome),
            "reason": verdict.reason,
            **verdict.evidence,
        },
    )
