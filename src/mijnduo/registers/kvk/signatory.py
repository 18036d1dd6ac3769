"""R16: may the person who signed sign alone for this organisation? (registers.md)

Authorised alone: a current function with authority "alleen/zelfstandig",
"onbeperkt", or a full power of attorney. Not authorised: joint or limited
authority (co-signatories are needed), a registration that has ended or is in
a special legal state such as bankruptcy, an officer who is deceased,
suspended, under age, or whose function has ended. Not found: no such
registration, or no officer with the signatory's name. Unknown: the register
could not answer, or its answer does not settle it. Register trouble never
raises and never gives "confirmed".
"""

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mijnduo.aanvraag.formats import FormatError, normalise_kvk_nummer

from .interface import (
    Bevoegdheid,
    Functionaris,
    Inschrijving,
    RegisterUnavailable,
    SignatoryRegister,
)
from .matching import NameMatch, match_name, person_key

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

logger = logging.getLogger(__name__)


class SignatoryOutcome(StrEnum):
    CONFIRMED = "bevestigd"
    NOT_AUTHORISED = "niet_bevoegd"
    NOT_FOUND = "niet_gevonden"
    UNKNOWN = "onbekend"


@dataclass(frozen=True, slots=True)
class SignatoryVerdict:
    outcome: SignatoryOutcome
    reason: str  # a stable code, e.g. "authorised", "joint_authority", "register_unavailable"
    explanation: str  # rendered in the language active when the check ran
    evidence: dict[str, Any]  # JSON-serialisable; see docs/kvk.md
    message: "_StrPromise | None" = field(default=None, repr=False, compare=False)
    params: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    def explain(self) -> str:
        """The explanation in the language active now (e.g. inside ``override("en")``)."""
        if self.message is None:
            return self.explanation
        return str(self.message) % self.params if self.params else str(self.message)


_MESSAGES: dict[str, "_StrPromise"] = {
    "kvk_nummer_invalid": _(
        "The organisation's KvK-nummer is not 8 digits, so the KvK register cannot be consulted."
    ),
    "register_unavailable": _(
        "The KvK register could not be consulted. Check the signatory by hand, for example "
        "with a KvK uittreksel."
    ),
    "registration_not_found": _("The KvK register has no registration with this KvK-nummer."),
    "registration_ended": _(
        "The KvK registration has ended, so nobody can sign for this organisation."
    ),
    "special_legal_state": _(
        "The KvK registration is in a special legal state (%(state)s), so its officers cannot "
        "sign for it."
    ),
    "officer_not_found": _(
        "No officer in the KvK register for this KvK-nummer matches the signatory's name."
    ),
    "ambiguous_name": _(
        "More than one officer in the KvK register matches the signatory's name, with different "
        "authority. Check by hand who signed."
    ),
    "person_deceased": _("The matching officer is registered as deceased."),
    "person_suspended": _("The matching officer is registered as suspended."),
    "person_under_age": _("The matching officer is registered as under age."),
    "function_ended": _("The matching officer's function (%(functie)s) has ended."),
    "authorised": _("The signatory is registered as %(functie)s and may sign alone."),
    "joint_authority": _(
        "The signatory is registered as %(functie)s but may only sign jointly: "
        "co-signatories are needed."
    ),
    "limited_authority": _(
        "The signatory is registered as %(functie)s with limited authority: "
        "co-signatories are needed."
    ),
    "no_authority": _("The signatory is registered as %(functie)s without authority to sign."),
    "authority_unknown": _(
        "The signatory is registered as %(functie)s, but the register's wording of the "
        "authority could not be read. Check by hand."
    ),
}

_BEVOEGDHEID_REASON = {
    Bevoegdheid.ALLEEN_BEVOEGD: (SignatoryOutcome.CONFIRMED, "authorised"),
    Bevoegdheid.ONBEPERKT: (SignatoryOutcome.CONFIRMED, "authorised"),
    Bevoegdheid.VOLLEDIG_GEVOLMACHTIGD: (SignatoryOutcome.CONFIRMED, "authorised"),
    Bevoegdheid.GEZAMENLIJK: (SignatoryOutcome.NOT_AUTHORISED, "joint_authority"),
    Bevoegdheid.BEPERKT: (SignatoryOutcome.NOT_AUTHORISED, "limited_authority"),
    Bevoegdheid.NIET_BEVOEGD: (SignatoryOutcome.NOT_AUTHORISED, "no_authority"),
    Bevoegdheid.ONBEKEND: (SignatoryOutcome.UNKNOWN, "authority_unknown"),
}


def _verdict(
    outcome: SignatoryOutcome,
    reason: str,
    evidence: dict[str, Any],
    params: Mapping[str, str] | None = None,
) -> SignatoryVerdict:
    message = _MESSAGES[reason]
    params = dict(params or {})
    return SignatoryVerdict(
        outcome=outcome,
        reason=reason,
        explanation=str(message) % params if params else str(message),
        evidence=evidence,
        message=message,
        params=params,
    )


def _judge(functionaris: Functionaris, today: date) -> tuple[SignatoryOutcome, str]:
    # Facts about the person come first: they rule out every function they hold.
    if functionaris.overleden:
        return SignatoryOutcome.NOT_AUTHORISED, "person_deceased"
    if functionaris.geschorst:
        return SignatoryOutcome.NOT_AUTHORISED, "person_suspended"
    if functionaris.minderjarig:
        return SignatoryOutcome.NOT_AUTHORISED, "person_under_age"
    if functionaris.function_ended(today):
        return SignatoryOutcome.NOT_AUTHORISED, "function_ended"
    return _BEVOEGDHEID_REASON[functionaris.bevoegdheid]


def _rank(outcome: SignatoryOutcome, reason: str) -> int:
    # Of one person's functions, the one that says most: a current function that
    # authorises, then one we cannot read, then current refusals, then ended functions.
    if outcome is SignatoryOutcome.CONFIRMED:
        return 0
    if outcome is SignatoryOutcome.UNKNOWN:
        return 1
    return 3 if reason == "function_ended" else 2


def _officer_evidence(functionaris: Functionaris, match: NameMatch, today: date) -> dict[str, Any]:
    return {
        "naam": functionaris.naam,
        "functie": functionaris.functie,
        "bevoegdheid": functionaris.bevoegdheid.value,
        "overleden": functionaris.overleden,
        "geschorst": functionaris.geschorst,
        "minderjarig": functionaris.minderjarig,
        "functie_beeindigd": functionaris.function_ended(today),
        "match_notes": match.codes,
    }


def _judge_officers(
    inschrijving: Inschrijving, naam: str, evidence: dict[str, Any], today: date
) -> SignatoryVerdict:
    best: dict[tuple[str, ...], tuple[int, SignatoryOutcome, str, Functionaris, NameMatch]] = {}
    for functionaris in inschrijving.functionarissen:
        match = match_name(naam, functionaris)
        if match is None:
            continue
        outcome, reason = _judge(functionaris, today)
        candidate = (_rank(outcome, reason), outcome, reason, functionaris, match)
        person = person_key(functionaris)
        if person not in best or candidate[0] < best[person][0]:
            best[person] = candidate
    if not best:
        return _verdict(SignatoryOutcome.NOT_FOUND, "officer_not_found", evidence)
    evidence["matching_officers"] = len(best)
    candidates = sorted(best.values(), key=lambda c: c[0])
    if len({c[1] for c in candidates}) > 1:
        # Two people answer to "A. Jansen" and the register tells them apart by authority:
        # the name alone cannot say who signed.
        evidence["functionarissen"] = [_officer_evidence(c[3], c[4], today) for c in candidates]
        return _verdict(SignatoryOutcome.UNKNOWN, "ambiguous_name", evidence)
    outcome, reason, functionaris, match = candidates[0][1:]
    evidence["functionaris"] = _officer_evidence(functionaris, match, today)
    return _verdict(outcome, reason, evidence, {"functie": functionaris.functie or "—"})


def signatory_check(
    *,
    register: SignatoryRegister,
    kvk_nummer: str,
    naam: str,
    functie: str,
    today: date | None = None,
) -> SignatoryVerdict:
    """Check the signatory against the register; never raises for register trouble."""
    today = today or timezone.localdate()
    evidence: dict[str, Any] = {
        "source": str(getattr(register, "source", type(register).__name__)),
        "kvk_nummer": kvk_nummer,
        "checked_naam": naam,
        "checked_functie": functie,
    }
    try:
        kvk_nummer = normalise_kvk_nummer(kvk_nummer)
    except FormatError:
        return _verdict(SignatoryOutcome.NOT_FOUND, "kvk_nummer_invalid", evidence)
    evidence["kvk_nummer"] = kvk_nummer
    try:
        inschrijving = register.inschrijving(kvk_nummer)
    except RegisterUnavailable as error:
        evidence["error"] = error.reason
        return _verdict(SignatoryOutcome.UNKNOWN, "register_unavailable", evidence)
    except Exception as error:
        # A bug in a register must not take the review page down, nor turn green.
        logger.error("KvK register failed for %s: %s", kvk_nummer, type(error).__name__)
        evidence["error"] = "unexpected_error"
        return _verdict(SignatoryOutcome.UNKNOWN, "register_unavailable", evidence)
    if inschrijving is None:
        return _verdict(SignatoryOutcome.NOT_FOUND, "registration_not_found", evidence)
    evidence["registration"] = {
        "naam": inschrijving.naam,
        "beeindigd": inschrijving.beeindigd,
        "bijzondere_rechtstoestand": inschrijving.bijzondere_rechtstoestand,
    }
    if inschrijving.beeindigd:
        return _verdict(SignatoryOutcome.NOT_AUTHORISED, "registration_ended", evidence)
    if inschrijving.bijzondere_rechtstoestand:
        return _verdict(
            SignatoryOutcome.NOT_AUTHORISED,
            "special_legal_state",
            evidence,
            {"state": inschrijving.bijzondere_rechtstoestand},
        )
    return _judge_officers(inschrijving, naam, evidence, today)
