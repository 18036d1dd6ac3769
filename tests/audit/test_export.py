"""The CSV export: header, the half-open period, Dutch time, no formulas for spreadsheets."""

import csv
import io
from datetime import UTC, datetime

import pytest
from freezegun import freeze_time

from mijnduo.audit.actors import Actor, ActorKind
from mijnduo.audit.export import HEADER, audit_csv_write
from mijnduo.audit.models import AuditRecord
from mijnduo.audit.selectors import audit_records_between

from .conftest import documented_hash

pytestmark = pytest.mark.django_db

START = datetime(2026, 3, 1, tzinfo=UTC)
END = datetime(2026, 4, 1, tzinfo=UTC)


def _write_at(write, *moments: datetime, **fields) -> None:
    for moment in moments:
        with freeze_time(moment):
            write(**fields)


def _export(start: datetime = START, end: datetime = END) -> tuple[int, list[list[str]]]:
    out = io.StringIO()
    count = audit_csv_write(out, start=start, end=end)
    return count, list(csv.reader(io.StringIO(out.getvalue())))


def test_period_is_half_open(write) -> None:
    _write_at(
        write,
        datetime(2026, 2, 28, 23, 59, 59, 999999, tzinfo=UTC),
        START,
        datetime(2026, 3, 31, 23, 59, 59, 999999, tzinfo=UTC),
        END,
    )
    assert list(audit_records_between(START, END).values_list("sequence", flat=True)) == [2, 3]
    count, rows = _export()
    assert count == 2
    assert rows[0] == list(HEADER)
    assert [row[0] for row in rows[1:]] == ["2", "3"]


def test_naive_period_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        audit_records_between(datetime(2026, 3, 1), END)


def test_rows_carry_dutch_time_canonical_json_and_the_hashes(write) -> None:
    _write_at(
        write,
        datetime(2026, 3, 2, 12, 0, 0, 123456, tzinfo=UTC),  # winter time, +01:00
        datetime(2026, 3, 30, 12, 0, tzinfo=UTC),  # summer time, +02:00
        after={"z": 1, "a": "Zoë"},
    )
    _count, rows = _export()
    winter, summer = rows[1], rows[2]
    assert winter[1] == "2026-03-02T13:00:00.123456+01:00"
    assert summer[1] == "2026-03-30T14:00:00.000000+02:00"
    assert winter[7] == '{"a":"Zoë","z":1}'
    record = AuditRecord.objects.get(sequence=2)
    assert summer[8:] == [record.previous_hash, record.record_hash]
    assert summer[9] == documented_hash(summer[8], record)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_a_spreadsheet_would_run_get_an_apostrophe(write, start) -> None:
    value = start + 'HYPERLINK("http://example.invalid")'
    _write_at(
        write,
        datetime(2026, 3, 2, tzinfo=UTC),
        actor=Actor(ActorKind.API_CLIENT, "x"),
        action=value,
        subject_id=value,
    )
    _count, rows = _export()
    row = rows[1]
    assert row[3] == row[5] == "'" + value
    assert row[2] == "api:x"  # untouched: nothing to guard


def test_null_before_is_written_as_json_null(write) -> None:
    _write_at(write, datetime(2026, 3, 2, tzinfo=UTC), before=None)
    _count, rows = _export()
    assert rows[1][6] == "null"


def test_an_empty_period_has_only_the_header(write) -> None:
    _write_at(write, datetime(2026, 5, 2, tzinfo=UTC))
    assert _export() == (0, [list(HEADER)])
