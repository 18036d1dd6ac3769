from datetime import datetime

from django.db.models import QuerySet

from .models import AuditRecord


def audit_records_for(subject_type: str, subject_id: str | int) -> QuerySet[AuditRecord]:
    return AuditRecord.objects.filter(subject_type=subject_type, subject_id=str(subject_id))


def audit_records_between(start: datetime, end: datetime) -> QuerySet[AuditRecord]:
    """Records written in [start, end), in sequence order. Both times must be aware."""
    if start.tzinfo is None or end.tzinfo is None:
        # A naive time would be read in the server's zone: an hour off, silently.
        raise ValueError("start and end must be timezone-aware")
    return AuditRecord.objects.filter(at__gte=start, at__lt=end).order_by("sequence")
