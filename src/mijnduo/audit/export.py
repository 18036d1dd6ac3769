"""The audit trail of a period as CSV, for an auditor or a spreadsheet."""

import csv
from collections.abc import Iterator
from datetime import datetime
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from .chain import canonical_json
from .selectors import audit_records_between

# Times in the export are Dutch local time with their offset (+01:00 or +02:00), to the
# microsecond, so that they are both readable and exactly the stored instant.
EXPORT_ZONE = ZoneInfo("Europe/Amsterdam")

HEADER = (
    "sequence",
    "at",
    "actor",
    "action",
    "subject_type",
    "subject_id",
    "before",
    "after",
    "previous_hash",
    "record_hash",
)

# A spreadsheet treats a cell starting with one of these as a formula (or, for tab and
# CR, may shift it into one): "=HYPERLINK(...)" in a subject id must not become a live
# link or a calculation in the auditor's spreadsheet (CSV injection). Such a cell gets a
# leading apostrophe, which spreadsheets read as "this is text" and do not show.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_BATCH = 2000


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def _rows(start: datetime, end: datetime) -> Iterator[tuple[Any, ...]]:
    records = audit_records_between(start, end).values_list(
        "sequence",
        "at",
        "actor",
        "action",
        "subject_type",
        "subject_id",
        "before",
        "after",
        "previous_hash",
        "record_hash",
    )
    after_sequence = 0
    while True:
        # Keyset batches over the unique sequence: constant memory for any period.
        batch = list(records.filter(sequence__gt=after_sequence)[:_BATCH])
        if not batch:
            return
        yield from batch
        after_sequence = batch[-1][0]


def audit_csv_write(out: TextIO, *, start: datetime, end: datetime) -> int:
    """Write the records of [start, end) to ``out`` as CSV with a header; returns the row count.

    ``before`` and ``after`` are canonical JSON (as in the hash), ``null`` when empty.
    """
    writer = csv.writer(out)
    writer.writerow(HEADER)
    count = 0
    for row in _rows(start, end):
        sequence, at, actor, action, subject_type, subject_id, before, after = row[:8]
        writer.writerow(
            (
                sequence,
                at.astimezone(EXPORT_ZONE).isoformat(timespec="microseconds"),
                _cell(actor),
                _cell(action),
                _cell(subject_type),
                _cell(subject_id),
                _cell(canonical_json(before)),
                _cell(canonical_json(after)),
                row[8],
                row[9],
            )
        )
        count += 1
    return count
