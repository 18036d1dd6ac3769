from django.db import models
from django.utils.translation import gettext_lazy as _


class CheckOutcome(models.TextChoices):
    GREEN = "groen", _("OK")
    RED = "rood", _("Not OK")
    UNKNOWN = "onbekend", _("Unknown")


class CheckCode(models.TextChoices):
    """The automated checks, in the order the application page shows them."""

    RULES = "regels", _("Rules of the form")
    DUO_REGISTER = "duo_register", _("Numbers in the DUO register")
    SIGNATORY = "ondertekenaar", _("Signatory authorised (KvK / R15)")
    EHERKENNING = "eherkenning", _("eHerkenning of applicant and signatory")
    PLAUSIBILITY = "plausibiliteit", _("Plausibility signals")
    REGISTRY = "registratie", _("Change against the registry")


class DecisionOutcome(models.TextChoices):
    APPROVE = "goedkeuren", _("approve")
    REJECT = "afwijzen", _("reject")
    MORE_INFORMATION = "aanvulling", _("ask for more information")


class DecisionState(models.TextChoices):
    AWAITING_CONFIRMATION = "wacht_op_bevestiging", _("waiting for a second reviewer")
    FINAL = "definitief", _("final")
    WITHDRAWN = "ingetrokken", _("withdrawn")


class CheckTrigger(models.TextChoices):
    SUBMITTED = "ingediend", _("on submission")
    STAFF = "medewerker", _("by a staff member")
    RESPONSE = "aanvulling", _("after the applicant responded")
