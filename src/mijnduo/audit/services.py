"""Writing the audit trail. Call inside the transaction of the change it describes."""

from typing import Any

from django.db import transaction

from mijnduo.db import insert_instance

from .actors import Actor
from .models import AuditRecord


def audit_record(
    *,
    actor: Actor,
    action: str,
    subject_type: str,
    subject_id: str | int,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditRecord:
    if not transaction.get_connection().in_atomic_block:
        # An audit record outside the change's transaction could survive a rolled
        # back change (or be lost with a committed one): refuse it loudly.
        raise RuntimeError("audit_record must be called inside the transaction of the change")
    # Append-only: a plain INSERT, never save() on an existing record.
    record = AuditRecord(
        actor=str(actor),
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id),
        before=before,
        after=after,
    )
    insert_instance(record)
    return record
