"""The sentences checks report, by key; stored as keys so each reader gets their language."""

from typing import Any

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

MESSAGES: dict[str, Promise] = {
    # Rules of the form
    "rules_ok": _("The document meets every rule of the form (R1–R15, R17), checked again now."),
    "rule_broken": _("%(rule)s: %(reason)s (field %(name)s, code %(code)s)"),
    # DUO register
    "register_empty": _("The DUO register is not loaded, so the numbers cannot be checked."),
    "no_register_for_type": _("There is no register for this type of organisation to check."),
    "brincode_found": _("BRIN code %(brincode)s is in the DUO register: %(naam)s."),
    "brincode_missing": _("BRIN code %(brincode)s is not in the DUO register."),
    "bestuur_found": _("Bestuursnummer %(bestuursnummer)s is in the DUO register: %(naam)s."),
    "bestuur_missing": _("Bestuursnummer %(bestuursnummer)s is not in the DUO register."),
    "brin_of_bestuur": _("BRIN code %(brincode)s belongs to bestuursnummer %(bestuursnummer)s."),
    "brin_not_of_bestuur": _(
        "BRIN code %(brincode)s does not belong to bestuursnummer %(bestuursnummer)s."
    ),
    "gemeente_known": _("Gemeentecode %(gemeentecode)s is %(naam)s (CBS)."),
    "gemeente_unknown": _("Gemeentecode %(gemeentecode)s is not a known municipality."),
    # Signatory
    "r15_ok": _("Municipality: the signatory's function “%(functie)s” is an accepted one (R15)."),
    "r15_not_ok": _(
        "Municipality: the function “%(functie)s” is not gemeentesecretaris, burgemeester "
        "or wethouder (R15)."
    ),
    "kvk_verdict": _("KvK register: %(text)s"),
    "kvk_register_error": _("The KvK register could not be asked: %(error)s."),
    # eHerkenning
    "not_portal": _(
        "Not submitted through the portal (channel: %(channel)s): there is no eHerkenning "
        "login to check."
    ),
    "applicant_login": _(
        "The applicant logged in with eHerkenning level %(level)s and a machtiging for "
        "Mijn DUO (checked at login)."
    ),
    "applicant_login_unknown": _("The applicant's eHerkenning level was not recorded."),
    "level_too_low": _("Level %(level)s is lower than the EH3 this service needs."),
    "signatory_login": _(
        "The signatory signed with eHerkenning level %(level)s for KvK-nummer %(kvk)s (%(who)s)."
    ),
    "signatory_other_kvk": _(
        "The signatory's login was for KvK-nummer %(kvk)s, not the organisation's %(expected)s."
    ),
    "no_signature_record": _("There is no record of a digital signature."),
    "signed_by_applicant": _("the applicant signed in place"),
    "signed_by_link": _("signed through the e-mailed link"),
    # Plausibility
    "no_signals": _("No plausibility signals."),
    "signal_autorisatie_type": _(
        "Beheerautorisatie “%(code)s” does not fit an organisation of type %(type)s."
    ),
    "signal_old_signature": _("The signature date %(datum)s is more than six months ago."),
    "signal_no_uittreksel": _(
        "There is no KvK uittreksel attached while the KvK check did not confirm the signatory."
    ),
    "signal_register": _("A number is not in the DUO register or does not fit (see above)."),
    # Registry
    "org_not_registered": _("The organisation is not in the registry yet; approval adds it."),
    "org_registered": _("The organisation is in the registry: %(naam)s."),
    "account_new": _("The beheerder has no account yet; approval creates one."),
    "account_holds": _("The beheerder now holds: %(codes)s."),
    "will_add": _("Approval grants: %(codes)s."),
    "will_remove": _("Approval removes: %(codes)s."),
    "already_held": _("Already held since the application was sent: %(codes)s."),
    "no_longer_held": _("No longer held since the application was sent: %(codes)s."),
    "nothing_to_revoke": _("The beheerder holds no beheerautorisaties here: nothing to revoke."),
    "revoke_keep_user": _("Approval removes the beheerder role; the account stays a user."),
    "revoke_delete": _("Approval deletes the account; a token generator return is expected."),
    "revoke_delete_no_token": _("Approval deletes the account."),
}


def render_finding(finding: dict[str, Any]) -> str:
    """A stored finding as a sentence in the active language."""
    template = MESSAGES.get(str(finding.get("message")))
    params = dict(finding.get("params") or {})
    language = (translation.get_language() or "nl")[:2]
    for key, value in list(params.items()):
        if isinstance(value, dict) and set(value) == {"nl", "en"}:
            params[key] = value.get(language, value["nl"])
    if template is None:
        return str(finding.get("message"))
    try:
        return str(template) % params
    except (KeyError, TypeError, ValueError):
        return str(template)
