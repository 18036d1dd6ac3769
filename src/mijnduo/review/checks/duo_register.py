"""Organisation numbers against the loaded DUO and CBS registers, and with each other."""

from mijnduo.aanvraag.constants import OrganisatieType
from mijnduo.aanvraag.gemeenten import municipality_names
from mijnduo.registers.selectors import (
    bestuur_by_nummer,
    brincode_belongs_to_bestuur,
    instelling_by_brincode,
    register_loaded,
)

from ..constants import CheckCode, CheckOutcome
from .base import CheckContext, CheckOutput, Finding

_SCHOOL_TYPES = {OrganisatieType.ONDERWIJSINSTELLING, OrganisatieType.BESTUUR}


def check_duo_register(context: CheckContext) -> CheckOutput:
    organisatie = context.organisatie
    kind = organisatie.get("type", "")
    if kind == OrganisatieType.GEMEENTE:
        return _gemeente(organisatie.get("gemeentecode", ""))
    if kind not in _SCHOOL_TYPES:
        return CheckOutput(
            CheckCode.DUO_REGISTER, CheckOutcome.UNKNOWN, (Finding("no_register_for_type"),)
        )
    if not register_loaded():
        return CheckOutput(
            CheckCode.DUO_REGISTER, CheckOutcome.UNKNOWN, (Finding("register_empty"),)
        )
    findings: list[Finding] = []
    ok = True
    brincode = organisatie.get("brincode", "")
    bestuursnummer = organisatie.get("bestuursnummer", "")
    evidence: dict[str, object] = {"brincode": brincode, "bestuursnummer": bestuursnummer}
    if kind == OrganisatieType.ONDERWIJSINSTELLING:
        instelling = instelling_by_brincode(brincode)
        evidence["brincodeFound"] = instelling is not None
        if instelling is None:
            ok = False
            findings.append(Finding("brincode_missing", {"brincode": brincode}))
        else:
            findings.append(
                Finding("brincode_found", {"brincode": brincode, "naam": instelling.naam})
            )
    bestuur = bestuur_by_nummer(bestuursnummer)
    evidence["bestuursnummerFound"] = bestuur is not None
    if bestuur is None:
        ok = False
        findings.append(Finding("bestuur_missing", {"bestuursnummer": bestuursnummer}))
    else:
        findings.append(
            Finding("bestuur_found", {"bestuursnummer": bestuursnummer, "naam": bestuur.naam})
        )
    if kind == OrganisatieType.ONDERWIJSINSTELLING and evidence["brincodeFound"]:
        belongs = brincode_belongs_to_bestuur(brincode, bestuursnummer)
        evidence["brincodeOfBestuur"] = belongs
        numbers = {"brincode": brincode, "bestuursnummer": bestuursnummer}
        findings.append(Finding("brin_of_bestuur" if belongs else "brin_not_of_bestuur", numbers))
        ok = ok and belongs
    return CheckOutput(
        CheckCode.DUO_REGISTER,
        CheckOutcome.GREEN if ok else CheckOutcome.RED,
        tuple(findings),
        evidence,
    )


def _gemeente(code: str) -> CheckOutput:
    # The CBS list shipped with the product, the same one rule R5 checks against.
    naam = municipality_names().get(code)
    if naam is None:
        return CheckOutput(
            CheckCode.DUO_REGISTER,
            CheckOutcome.RED,
            (Finding("gemeente_unknown", {"gemeentecode": code}),),
            {"gemeentecode": code, "known": False},
        )
    return CheckOutput(
        CheckCode.DUO_REGISTER,
        CheckOutcome.GREEN,
        (Finding("gemeente_known", {"gemeentecode": code, "naam": naam}),),
        {"gemeentecode": code, "known": True},
    )
