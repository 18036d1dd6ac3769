from django.db import models
from django.utils.translation import gettext_lazy as _

from mijnduo.aanvraag.constants import Kind


class Status(models.TextChoices):
    """form.md §4. The values are a public contract."""

    CONCEPT = "concept", _("draft")
    WACHT_OP_ONDERTEKENING = "wacht_op_ondertekening", _("waiting for signature")
    INGEDIEND = "ingediend", _("submitted")
    IN_BEHANDELING = "in_behandeling", _("being processed")
    AANVULLING_GEVRAAGD = "aanvulling_gevraagd", _("more information requested")
    GOEDGEKEURD = "goedgekeurd", _("approved")
    AFGEWEZEN = "afgewezen", _("rejected")
    INGETROKKEN = "ingetrokken", _("withdrawn")


# The lifecycle (form.md §4): which status may follow which.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.CONCEPT: frozenset({Status.WACHT_OP_ONDERTEKENING, Status.INGEDIEND}),
    Status.WACHT_OP_ONDERTEKENING: frozenset(
        {Status.INGEDIEND, Status.CONCEPT, Status.INGETROKKEN}
    ),
    Status.INGEDIEND: frozenset({Status.IN_BEHANDELING, Status.INGETROKKEN}),
    Status.IN_BEHANDELING: frozenset(
        {Status.AANVULLING_GEVRAAGD, Status.GOEDGEKEURD, Status.AFGEWEZEN, Status.INGETROKKEN}
    ),
    Status.AANVULLING_GEVRAAGD: frozenset({Status.IN_BEHANDELING, Status.INGETROKKEN}),
    Status.GOEDGEKEURD: frozenset(),
    Status.AFGEWEZEN: frozenset(),
    Status.INGETROKKEN: frozenset(),
}


# Submitted and not decided yet: the service desk's open queue, and the statuses in
# which an application still takes files.
OPEN_STATUSES = (Status.INGEDIEND, Status.IN_BEHANDELING, Status.AANVULLING_GEVRAAGD)


class KindChoices(models.TextChoices):
    AANMELDING = Kind.AANMELDING.value, _("new beheerder")
    WIJZIGING = Kind.WIJZIGING.value, _("change")
    INTREKKING = Kind.INTREKKING.value, _("revocation")


class Channel(models.TextChoices):
    API = "api", _("API")
    PORTAL = "portaal", _("portal")
    POST = "post", _("post")
