"""The e-mails about an application, in Dutch and English, queued in the outbox.

Every message carries both languages (Dutch first): a signatory's language is not
known, and an applicant may forward the message to a colleague.
"""

from django.template.loader import render_to_string
from django.utils import translation

from mijnduo.notifications.services import FileAttachment, email_queue

from .models import Application

_SEPARATOR = "\n\n— English version below —\n\n"


def _both_languages(template: str, context: dict[str, object]) -> tuple[str, str]:
    """(subject, body): the template rendered in Dutch, then in English."""
    subjects, bodies = [], []
    for language in ("nl", "en"):
        with translation.override(language):
            text = render_to_string(template, context).strip()
        subject, _blank, body = text.partition("\n")
        subjects.append(subject.strip())
        bodies.append(body.strip())
    return " / ".join(dict.fromkeys(subjects)), _SEPARATOR.join(bodies) + "\n"


def queue_signing_request(*, application: Application, link: str, expires_on: str) -> None:
    document = application.submitted_document
    subject, body = _both_languages(
        "applications/email/signing_request.txt",
        {
            "reference": application.reference,
            "link": link,
            "expires_on": expires_on,
            "organisation": (document.get("organisatie") or {}).get("naam", ""),
            "signatory": (document.get("ondertekening") or {}).get("naam", ""),
        },
    )
    email_queue(
        to=str(document["ondertekening"]["email"]),
        subject=subject,
        body=body,
        topic="signing_request",
    )


def queue_confirmation(*, application: Application, pdf: bytes) -> None:
    """To the applicant and the signatory: the reference and the filled-in form."""
    subject, body = _both_languages(
        "applications/email/submitted.txt",
        {
            "reference": application.reference,
            "organisation": application.document["organisatie"]["naam"],
        },
    )
    attachment = FileAttachment(
        name=f"{application.reference}.pdf", content=pdf, content_type="application/pdf"
    )
    recipients = [application.applicant_email, application.document["ondertekening"]["email"]]
    for recipient in dict.fromkeys(r.strip().lower() for r in recipients if r):
        email_queue(
            to=recipient,
            subject=subject,
            body=body,
            topic="submitted",
            attachment=attachment,
        )


def queue_declined(*, application: Application, reason: str) -> None:
    if not application.applicant_email:
        return
    subject, body = _both_languages(
        "applications/email/declined.txt",
        {"reference": application.reference, "reason": reason},
    )
    email_queue(to=application.applicant_email, subject=subject, body=body, topic="declined")
