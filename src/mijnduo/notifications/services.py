"""Queueing and delivering e-mail: written with the change, sent after the commit."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# Waits before the next attempt after 1, 2, 3, … failures; the last one repeats.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
)


@dataclass(frozen=True, slots=True)
class FileAttachment:
    name: str
    content: bytes
    content_type: str


def email_queue(
    *, to: str, subject: str, body: str, topic: str, attachment: FileAttachment | None = None
) -> OutgoingEmail:
    """Store a message in the outbox and send it once the current transaction commits.

    Call inside the transaction of the change the message reports: if that change is
    rolled back, the message never existed; if it commits, the message is kept until
    it has been sent.
    """
    message = OutgoingEmail.objects.create(
        to=to,
        subject=subject[:200],
        body=body,
        topic=topic,
        attachment_name=attachment.name if attachment else "",
        attachment_type=attachment.content_type if attachment else "",
        attachment=attachment.content if attachment else None,
    )
    # Imported here: the task module imports this one.
    from .tasks import deliver_email

    transaction.on_commit(lambda: deliver_email.enqueue(message.pk))
    return message


def email_deliver(message_id: int) -> bool:
    """Send one pending message; on failure keep it pending with a later attempt time."""
    with transaction.atomic():
        message = (
            OutgoingEmail.objects.select_for_update()
            .filter(pk=message_id, state=OutgoingEmail.State.PENDING)
            .first()
        )
        if message is None:
            return False  # sent already, by another worker or an earlier attempt
        email = EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.to],
        )
        if message.attachment_name and message.attachment is not None:
            email.attach(
                message.attachment_name, bytes(message.attachment), message.attachment_type
            )
        try:
            email.send()
        except Exception as error:  # any failure of the mail server: try again later
            message.attempts += 1
            delay = RETRY_DELAYS[min(message.attempts, len(RETRY_DELAYS)) - 1]
            message.next_attempt_at = timezone.now() + delay
            # The class name only: an SMTP error can quote addresses (personal data).
            message.last_error = type(error).__name__[:200]
            message.save(update_fields=["attempts", "next_attempt_at", "last_error"])
            logger.warning(
                "E-mail %s (%s) not sent, attempt %s: %s",
                message.pk,
                message.topic,
                message.attempts,
                message.last_error,
            )
            return False
        message.state = OutgoingEmail.State.SENT
        message.sent_at = timezone.now()
        message.attempts += 1
        message.last_error = ""
        message.save(update_fields=["state", "sent_at", "attempts", "last_error"])
        return True


def email_deliver_due(*, limit: int = 500) -> tuple[int, int]:
    """Try every pending message whose next attempt is due: (sent, still pending)."""
    due = list(
        OutgoingEmail.objects.filter(
            state=OutgoingEmail.State.PENDING, next_attempt_at__lte=timezone.now()
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    sent = sum(1 for pk in due if email_deliver(pk))
    return sent, len(due) - sent
