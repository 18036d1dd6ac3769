from django.db import models
from django.utils import timezone


class OutgoingEmail(models.Model):
    """An e-mail, written in the same transaction as the change it reports.

    A task sends it after the commit; when the mail server is down it stays here,
    pending, and is tried again later (`mijnduo sendmail`), so no message is lost.
    """

    class State(models.TextChoices):
        PENDING = "pending", "pending"
        SENT = "sent", "sent"

    to = models.CharField(max_length=254)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    attachment_name = models.CharField(max_length=100, blank=True)
    attachment_type = models.CharField(max_length=40, blank=True)
    attachment = models.BinaryField(null=True, blank=True)
    topic = models.CharField(max_length=60, help_text="What the message is about, for logs.")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="notifications_due_idx"),
        ]

    def __str__(self) -> str:
        return f"e-mail {self.pk} ({self.topic}, {self.state})"
