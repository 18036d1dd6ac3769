from django.db.models import QuerySet

from .models import AuditRecord


def audit_records_for(subject_type: str, subject_id: str | int) -> QuerySet[AuditRecord]:
    return AuditRecord.objects.filter(subject_type=subject_type, subject_id=str(subject_id))
