"""Writing the audit trail. Call inside the transaction of the change it describes.

Each record is chained to the one before it (docs/audit.md). Appending takes a lock that
is held until the caller's transaction ends, so call ``audit_record`` late in the
transaction: after the writes it describes, not before a long piece of other work.
"""

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

from mijnduo.db import insert_instance

from .actors import Actor
from .chain import json_normalise, record_hash_compute
from .models import GENESIS_HASH, AuditRecord

# The PostgreSQL advisory lock that serialises appends to the chain: a fixed 64-bit key,
# the first 8 bytes of sha256(b"mijnduo.audit.chain") read as a signed big-endian integer.
# Nothing else in the project may use this key.
CHAIN_LOCK_KEY = 6502139079065585159


def _lock_chain(connection: BaseDatabaseWrapper) -> None:
    """Make this transaction the only one appending until it commits or rolls back."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Released by PostgreSQL at the end of the transaction, never by hand: the
            # next appender must see this transaction's record, committed, as the last one.
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK_KEY])
    elif connection.vendor == "sqlite":
        # Every transaction starts with BEGIN IMMEDIATE (settings: transaction_mode), which
        # takes SQLite's single write lock up front: writers are already one at a time.
        pass
    else:
        raise ImproperlyConfigured(
            f"the audit chain has no append lock for {connection.vendor!r} databases"
        )


def _chain_head(connection: BaseDatabaseWrapper) -> tuple[int, str]:
    quote = connection.ops.quote_name
    table = quote(AuditRecord._meta.db_table)
    # Names come from the model's metadata, not from input. One index lookup (unique).
    sql = (
        f"SELECT {quote('sequence')}, {quote('record_hash')} FROM {table} "  # noqa: S608
        f"ORDER BY {quote('sequence')} DESC LIMIT 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    if row is None:
        return 0, GENESIS_HASH
    return int(row[0]), str(row[1])


def audit_record(
    *,
    actor: Actor,
    action: str,
    subject_type: str,
    subject_id: str | int,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditRecord:
    """Append one record to the audit trail, inside the caller's transaction.

    ``before`` and ``after`` must be JSON-serialisable (no NaN or infinity); they are
    stored, and hashed, in the form the database gives them back.
    """
    connection = connections[router.db_for_write(AuditRecord)]
    if not connection.in_atomic_block:
        # An audit record outside the change's transaction could survive a rolled
        # back change (or be lost with a committed one): refuse it loudly.
        raise RuntimeError("audit_record must be called inside the transaction of the change")
    # Normalised before taking the lock: a value that cannot be stored fails here, cheaply.
    before = json_normalise(before)
    after = json_normalise(after)
    _lock_chain(connection)
    last_sequence, previous_hash = _chain_head(connection)
    # Taken under the lock, so times follow the sequence (as far as the clock does).
    # Python datetimes have microsecond precision, as both databases store them.
    at = timezone.now()
    record = AuditRecord(
        sequence=last_sequence + 1,
        at=at,
        actor=str(actor),
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id),
        before=before,
        after=after,
        previous_hash=previous_hash,
    )
    record.record_hash = record_hash_compute(
        previous_hash=previous_hash,
        sequence=record.sequence,
        at=at,
        actor=record.actor,
        action=action,
        subject_type=subject_type,
        subject_id=record.subject_id,
        before=before,
        after=after,
    )
    # Append-only: a plain INSERT with the hash already in it, never an UPDATE.
    insert_instance(record)
    return record
