"""The hash chain of the audit trail: how a record's hash is computed, and verifying it.

The format is fixed and written out in docs/audit.md so that an auditor can check the
trail with their own program. Changing anything here changes every hash: don't.
"""

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.utils.translation import gettext, ngettext

from .models import GENESIS_HASH, AuditRecord

# The fields of one record in the order the hash covers them (after previous_hash).
_CHAINED_FIELDS = (
    "sequence",
    "at",
    "actor",
    "action",
    "subject_type",
    "subject_id",
    "before",
    "after",
)

# jsonb stores numbers as PostgreSQL numeric: a float of 1e16 or more comes back as an
# integer (1e+16 -> 10000000000000000) and -0.0 comes back as 0.0. Storing those in the
# form the database returns keeps the hash of what is written equal to the hash of what
# is read back, on SQLite and PostgreSQL alike.
_FLOAT_AS_INTEGER_FROM = 1e16


def _parse_float(text: str) -> float | int:
    number = float(text)
    if number == 0:
        return 0.0
    if abs(number) >= _FLOAT_AS_INTEGER_FROM:
        return int(Decimal(text))
    return number


def json_normalise(value: Any) -> Any:
    """``value`` as the JSON field gives it back: tuples as lists, keys as strings, etc.

    NaN and infinity are refused (ValueError): the database cannot store them.
    """
    if value is None:
        return None
    return json.loads(json.dumps(value, allow_nan=False), parse_float=_parse_float)


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def at_text(at: datetime) -> str:
    """The time as the hash covers it: UTC, ISO 8601, always with microseconds."""
    if at.tzinfo is None:
        raise ValueError("audit times are timezone-aware")
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def record_hash_compute(
    *,
    previous_hash: str,
    sequence: int,
    at: datetime,
    actor: str,
    action: str,
    subject_type: str,
    subject_id: str,
    before: Any,
    after: Any,
) -> str:
    """SHA-256 (hex) of previous_hash followed by the canonical JSON array of the record."""
    payload = canonical_json(
        [sequence, at_text(at), actor, action, subject_type, subject_id, before, after]
    )
    return hashlib.sha256((previous_hash + payload).encode("utf-8")).hexdigest()


class ChainProblem(StrEnum):
    NONE = ""
    HASH_MISMATCH = "hash_mismatch"
    BROKEN_LINK = "broken_link"
    SEQUENCE_GAP = "sequence_gap"


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The outcome of checking the whole chain.

    ``last_hash`` is the head of the chain when it is intact: write it down (or anchor it
    elsewhere) to be able to detect later that records were cut off the end. When the
    chain is broken, it is the hash of the last record that checked out.
    """

    ok: bool
    records_checked: int
    first_broken_sequence: int | None
    problem: str
    explanation: str
    last_hash: str


def _batches(batch_size: int) -> Iterator[list[tuple[Any, ...]]]:
    # Keyset pagination on the unique sequence index: constant memory, one short query
    # per batch, no server-side cursor held open for minutes.
    after_sequence = 0
    while True:
        batch = list(
            AuditRecord.objects.filter(sequence__gt=after_sequence)
            .order_by("sequence")
            .values_list(*_CHAINED_FIELDS, "previous_hash", "record_hash")[:batch_size]
        )
        if not batch:
            return
        yield batch
        after_sequence = batch[-1][0]


def _broken(
    problem: ChainProblem, *, sequence: int, expected: int, checked: int, last_hash: str
) -> ChainReport:
    if problem is ChainProblem.SEQUENCE_GAP:
        if sequence - 1 == expected:
            explanation = gettext(
                "Record %(missing)d is missing: record %(sequence)d comes after record %(before)d."
            ) % {"missing": expected, "sequence": sequence, "before": expected - 1}
        else:
            explanation = gettext(
                "Records %(first)d to %(last)d are missing: record %(sequence)d comes after "
                "record %(before)d."
            ) % {
                "first": expected,
                "last": sequence - 1,
                "sequence": sequence,
                "before": expected - 1,
            }
    elif problem is ChainProblem.BROKEN_LINK:
        explanation = gettext(
            "Record %(sequence)d does not refer to the hash of the record before it: a record "
            "was removed, inserted or replaced."
        ) % {"sequence": sequence}
    else:
        explanation = gettext(
            "The content of record %(sequence)d does not match its hash: the record was "
            "changed after it was written."
        ) % {"sequence": sequence}
    return ChainReport(
        ok=False,
        records_checked=checked,
        first_broken_sequence=sequence,
        problem=problem.value,
        explanation=explanation,
        last_hash=last_hash,
    )


def audit_chain_verify(
    *, batch_size: int = 5000, progress: Callable[[int], object] | None = None
) -> ChainReport:
    """Recompute every record's hash in sequence order and check the links between them.

    Stops at the first problem. ``progress``, if given, is called after each batch with
    the number of records in that batch (for a progress bar).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    expected_sequence = 1
    expected_previous = GENESIS_HASH
    checked = 0
    for batch in _batches(batch_size):
        for row in batch:
            sequence, at, actor, action, subject_type, subject_id, before, after = row[:8]
            previous_hash, stored_hash = row[8], row[9]
            checked += 1
            problem = ChainProblem.NONE
            if sequence != expected_sequence:
                problem = ChainProblem.SEQUENCE_GAP
            elif previous_hash != expected_previous:
                problem = ChainProblem.BROKEN_LINK
            elif stored_hash != record_hash_compute(
                previous_hash=previous_hash,
                sequence=sequence,
                at=at,
                actor=actor,
                action=action,
                subject_type=subject_type,
                subject_id=subject_id,
                before=before,
                after=after,
            ):
                problem = ChainProblem.HASH_MISMATCH
            if problem is not ChainProblem.NONE:
                return _broken(
                    problem,
                    sequence=sequence,
                    expected=expected_sequence,
                    checked=checked,
                    last_hash=expected_previous,
                )
            expected_sequence += 1
            expected_previous = stored_hash
        if progress is not None:
            progress(len(batch))
    return ChainReport(
        ok=True,
        records_checked=checked,
        first_broken_sequence=None,
        problem=ChainProblem.NONE.value,
        explanation=ngettext(
            "The audit trail is intact: %(count)d record checked.",
            "The audit trail is intact: %(count)d records checked.",
            checked,
        )
        % {"count": checked},
        last_hash=expected_previous,
    )
