"""`mijnduo auditverify` and `mijnduo auditexport`."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command
from freezegun import freeze_time

from mijnduo.audit.export import HEADER

from .conftest import tamper

pytestmark = pytest.mark.django_db


def _run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_auditverify_prints_count_and_head_hash(write) -> None:
    records = write(3)
    out, _ = _run("auditverify")
    assert "records checked: 3" in out
    assert f"head hash: {records[-1].record_hash}" in out


def test_auditverify_with_progress_bar(write) -> None:
    write(3)
    out, _ = _run("auditverify", "--progress", "--batch-size", "2")
    assert "records checked: 3" in out


def test_auditverify_fails_with_the_broken_sequence(write) -> None:
    write(4)
    tamper("UPDATE audit_auditrecord SET subject_id = %s WHERE sequence = 2", ["MDB-other"])
    with pytest.raises(CommandError) as failure:
        _run("auditverify")
    assert failure.value.returncode == 1
    assert "sequence 2" in str(failure.value)
    assert "hash_mismatch" in str(failure.value)


def _write_on(write, *days: tuple[int, int, int, int]) -> None:
    for year, month, day, hour in days:
        with freeze_time(datetime(year, month, day, hour, tzinfo=UTC)):
            write()


def test_auditexport_dates_are_inclusive_in_dutch_time(write) -> None:
    _write_on(
        write,
        (2026, 2, 28, 22),  # 23:00 Dutch time on 28 February: before the period
        (2026, 2, 28, 23),  # midnight Dutch time on 1 March: first in the period
        (2026, 3, 31, 21),  # 23:00 Dutch summer time on 31 March: last in the period
        (2026, 3, 31, 22),  # midnight Dutch time on 1 April: after the period
    )
    out, err = _run("auditexport", "--from", "2026-03-01", "--to", "2026-03-31")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == list(HEADER)
    assert [row[0] for row in rows[1:]] == ["2", "3"]
    assert "2 audit records" in err


def test_auditexport_to_a_file(write, tmp_path) -> None:
    _write_on(write, (2026, 3, 5, 10))
    target = tmp_path / "audit.csv"
    out, _ = _run(
        "auditexport", "--from", "2026-03-05", "--to", "2026-03-05", "--output", str(target)
    )
    assert out == ""
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) == 2
    assert target.read_bytes().count(b"\r\n") == 2


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        ("2026-13-01", "2026-12-31", "--from must be a date"),
        ("2026-01-01", "31-12-2026", "--to must be a date"),
        ("2026-02-01", "2026-01-31", "is after --to"),
    ],
)
def test_auditexport_bad_dates_are_clear_errors(start, end, message) -> None:
    with pytest.raises(CommandError, match=message):
        _run("auditexport", "--from", start, "--to", end)
