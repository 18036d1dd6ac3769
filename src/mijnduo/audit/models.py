from django.db import models
from django.utils import timezone


class AuditRecord(models.Model):
    """One change or one read of personal data. Written only by audit.services."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.CharField(max_length=120)
    action = models.CharField(max_length=80)
    subject_type = models.CharField(max_length=60)
    subject_id = models.CharField(max_length=60)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="audit_subject_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.actor} {self.action} {self.subject_type}"
