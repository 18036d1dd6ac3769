"""E-mails about a decision, queued in the outbox in the decision's transaction.

The applicant gets the message in the language they used (the portal records it;
Dutch otherwise); the beheerder, whose language is not known, gets Dutch then English.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from mijnduo.applications.constants import Channel
from mijnduo.applications.models import Application
from mijnduo.notifications.services import email_queue

from .constants import DecisionOutcome

_SEPARATOR = "\n\n— English version below —\n\n"
_TEMPLATE = {
    DecisionOutcome.APPROVE: "review/email/approved.txt",
    DecisionOutcome.REJECT: "review/email/rejected.txt",
    DecisionOutcome.MORE_INFORMATION: "review/email/more_information.txt",
}


def _render(template: str, context: dict[str, object], language: str) -> tuple[str, str]:
    with translation.override(language):
        text = render_to_string(template, context).strip()
    subject, _blank, body = text.partition("\n")
    return subject.strip(), body.strip() + "\n"


def applicant_address(application: Application) -> str:
    """Who applied: the portal's applicant, else the signatory (the bevoegd gezag)."""
    if application.applicant_email:
        return application.applicant_email
    return str((application.document.get("ondertekening") or {}).get("email", ""))


def queue_decision(*, application: Application, outcome: DecisionOutcome, reason: str) -> None:
    portal_link = ""
    if application.channel == Channel.PORTAL:
        path = reverse("portal:application-status", kwargs={"reference": application.reference})
        portal_link = settings.MIJNDUO_BASE_URL + path
    context = {
        "reference": application.reference,
        "organisation": (application.document.get("organisatie") or {}).get("naam", ""),
        "reason": reason,
        "portal_link": portal_link,
        "kind": application.kind,
    }
    to = applicant_address(application)
    language = application.language if application.language in {"nl", "en"} else "nl"
    if to:
        subject, body = _render(_TEMPLATE[outcome], context, language)
        email_queue(to=to, subject=subject, body=body, topic=f"decision_{outcome.value}")
    if outcome != DecisionOutcome.APPROVE:
        return
    beheerder = str((application.document.get("beheerder") or {}).get("email", ""))
    if not beheerder or beheerder.lower() == to.lower():
        return
    subjects, bodies = [], []
    for each in ("nl", "en"):
        subject, body = _render("review/email/beheerder_approved.txt", context, each)
        subjects.append(subject)
        bodies.append(body)
    email_queue(
        to=beheerder,
        subject=" / ".join(dict.fromkeys(subjects)),
        body=_SEPARATOR.join(bodies),
        topic="beheerder_approved",
    )
