from django.db import models
from django.utils import timezone

from mijnduo.identity.models import ApiClient

from .constants import Channel, KindChoices, Status


class Application(models.Model):
    """A submitted form (aanvraag): the document as sent, its normalised form and its state."""

    reference = models.CharField(max_length=13, unique=True)
    status = models.CharField(max_length=30, choices=Status.choices)
    kind = models.CharField(max_length=20, choices=KindChoices.choices)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    submitted_document = models.JSONField(help_text="The document exactly as received.")
    document = models.JSONField(help_text="The normalised document (form.md §2 R5).")
    added = models.JSONField(default=list, blank=True, help_text="Wijziging: codes to grant.")
    removed = models.JSONField(
        default=list, blank=True, help_text="Wijziging/intrekking: to remove."
    )
    api_client = models.ForeignKey(
        ApiClient, null=True, blank=True, on_delete=models.PROTECT, related_name="applications"
    )
    idempotency_key = models.CharField(max_length=255, blank=True)
    request_fingerprint = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["api_client", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="applications_idempotency_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="applications_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=KindChoices.values), name="applications_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class StatusChange(models.Model):
    """One step in an application's status history: who, when, from, to, why."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="history")
    at = models.DateTimeField(default=timezone.now)
    actor = models.CharField(max_length=120)
    from_status = models.CharField(max_length=30, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=30, choices=Status.choices)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.from_status or '-'} → {self.to_status}"
