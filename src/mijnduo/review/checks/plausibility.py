"""form.md §2's plausibility signals: never blocking, shown so a person looks twice."""

from datetime import date, timedelta

from django.utils import timezone

from mijnduo.aanvraag.constants import RIO_ROLES, SECTOR_ROLES, OrganisatieType

from ..constants import CheckCode, CheckOutcome
from .base import CheckContext, CheckOutput, Finding

# Beheerautorisaties for education: odd for a municipality or a bailiff.
_EDUCATION_CODES = SECTOR_ROLES | RIO_ROLES | {"bekostiging_opleidingen", "bop", "owp"}
_NOT_EDUCATION_TYPES = {OrganisatieType.GEMEENTE, OrganisatieType.DEURWAARDER}
SIX_MONTHS = timedelta(days=183)


def autorisaties_not_fitting(organisation_type: str, codes: list[str]) -> list[str]:
    misfits = []
    for code in codes:
        if (code == "gemeente" and organisation_type != OrganisatieType.GEMEENTE) or (
            code in _EDUCATION_CODES and organisation_type in _NOT_EDUCATION_TYPES
        ):
            misfits.append(code)
    return misfits


def check_plausibility(
    context: CheckContext, *, register_ok: bool, signatory_confirmed: bool
) -> CheckOutput:
    """``register_ok`` and ``signatory_confirmed`` come from the DUO and signatory checks
    of the same run, so each register is asked once per run."""
    organisation_type = str(context.organisatie.get("type", ""))
    signals: list[Finding] = []
    if not register_ok:
        signals.append(Finding("signal_register"))
    for code in autorisaties_not_fitting(
        organisation_type, list(context.document.get("beheerautorisaties") or [])
    ):
        signals.append(
            Finding("signal_autorisatie_type", {"code": code, "type": organisation_type})
        )
    datum = str(context.ondertekening.get("datum", ""))
    try:
        signed_on: date | None = date.fromisoformat(datum)
    except ValueError:
        signed_on = None
    if signed_on is not None and timezone.localdate() - signed_on > SIX_MONTHS:
        signals.append(Finding("signal_old_signature", {"datum": datum}))
    if not signatory_confirmed and not context.has_kvk_uittreksel:
        signals.append(Finding("signal_no_uittreksel"))
    return CheckOutput(
        CheckCode.PLAUSIBILITY,
        CheckOutcome.RED if signals else CheckOutcome.GREEN,
        tuple(signals) or (Finding("no_signals"),),
        {"signals": [signal.message for signal in signals]},
    )
