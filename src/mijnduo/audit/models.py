from django.db import models
from django.db.models import Q
from django.utils import timezone

# The previous_hash of the first record: there is nothing before it.
GENESIS_HASH = "0" * 64


class AuditRecord(models.Model):
    """One change or one read of personal data. Written only by audit.services.

    Append-only and hash-chained (docs/audit.md): ``record_hash`` covers this record's
    content and ``previous_hash``, which is the ``record_hash`` of record ``sequence - 1``.
    """

    sequence = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.CharField(max_length=120)
    action = models.CharField(max_length=80)
    subject_type = models.CharField(max_length=60)
    subject_id = models.CharField(max_length=60)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    previous_hash = models.CharField(max_length=64)
    record_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["sequence"]
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="audit_subject_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(sequence__gte=1), name="audit_sequence_positive")
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.actor} {self.action} {self.subject_type}"
