"""The hash chain: built as documented, verified, and tampering found where it happened."""

import re

import pytest
from django.db import connection, transaction

from mijnduo.audit.actors import SYSTEM
from mijnduo.audit.chain import ChainProblem, audit_chain_verify
from mijnduo.audit.models import GENESIS_HASH, AuditRecord
from mijnduo.audit.services import audit_record

from .conftest import documented_hash, tamper

pytestmark = pytest.mark.django_db


def test_records_form_a_chain_in_the_documented_format(write) -> None:
    write(4)
    records = list(AuditRecord.objects.order_by("sequence"))
    assert [r.sequence for r in records] == [1, 2, 3, 4]
    previous = GENESIS_HASH
    for record in records:
        assert record.previous_hash == previous
        assert re.fullmatch(r"[0-9a-f]{64}", record.record_hash)
        assert record.record_hash == documented_hash(previous, record)
        assert record.at.utcoffset() is not None
        previous = record.record_hash
    assert len({r.record_hash for r in records}) == 4


def test_returned_record_is_what_the_database_gives_back(write) -> None:
    awkward = {
        "tuple": (1, 2),
        3: "integer key",
        "float": 0.1,
        "huge float": 1e20,
        "negative zero": -0.0,
        "text": 'Zoë ✓ 𝄞 "quoted" \\ back',
        "nested": {"b": 1, "a": [None, True, False, 12345678901234567890]},
    }
    (written,) = write(after=awkward)
    stored = AuditRecord.objects.get(pk=written.pk)
    assert stored.after == written.after
    assert stored.at == written.at
    assert stored.record_hash == documented_hash(GENESIS_HASH, stored)
    assert stored.after["huge float"] == 10**20
    assert stored.after["tuple"] == [1, 2]
    assert audit_chain_verify().ok


def test_values_that_cannot_be_stored_are_refused_before_writing() -> None:
    with pytest.raises(ValueError), transaction.atomic():
        audit_record(
            actor=SYSTEM, action="x", subject_type="x", subject_id=1, after={"n": float("nan")}
        )
    assert not AuditRecord.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_is_refused() -> None:
    assert not connection.in_atomic_block
    with pytest.raises(RuntimeError, match="inside the transaction"):
        audit_record(actor=SYSTEM, action="x", subject_type="x", subject_id=1)


def test_a_rolled_back_change_leaves_no_gap(write) -> None:
    write(2)
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        audit_record(actor=SYSTEM, action="doomed", subject_type="x", subject_id=1)
        1 / 0  # noqa: B018
    write(1)
    assert list(AuditRecord.objects.values_list("sequence", flat=True)) == [1, 2, 3]
    assert not AuditRecord.objects.filter(action="doomed").exists()
    assert audit_chain_verify().ok


def test_an_intact_chain_verifies_and_reports_its_head(write) -> None:
    records = write(7)
    calls: list[int] = []
    report = audit_chain_verify(batch_size=3, progress=calls.append)
    assert report.ok
    assert report.records_checked == 7
    assert report.first_broken_sequence is None
    assert report.problem == ""
    assert report.last_hash == records[-1].record_hash
    assert "7 records" in report.explanation
    assert calls == [3, 3, 1]


def test_an_empty_trail_is_intact() -> None:
    report = audit_chain_verify()
    assert report.ok
    assert report.records_checked == 0
    assert report.last_hash == GENESIS_HASH


@pytest.mark.parametrize(
    ("sql", "value"),
    [
        ('UPDATE audit_auditrecord SET "after" = %s WHERE sequence = 3', '{"status": "x"}'),
        ("UPDATE audit_auditrecord SET actor = %s WHERE sequence = 3", "servicedesk:other"),
    ],
    ids=["after", "actor"],
)
def test_an_edited_record_is_found(write, sql, value) -> None:
    records = write(5)
    tamper(sql, [value])
    report = audit_chain_verify(batch_size=2)
    assert not report.ok
    assert report.first_broken_sequence == 3
    assert report.problem == ChainProblem.HASH_MISMATCH == "hash_mismatch"
    assert report.records_checked == 3
    assert report.last_hash == records[1].record_hash
    assert "record 3" in report.explanation


def test_an_edited_record_with_a_recomputed_hash_breaks_the_next_link(write) -> None:
    write(4)
    edited = AuditRecord.objects.get(sequence=2)
    edited.actor = "servicedesk:someone-else"
    new_hash = documented_hash(edited.previous_hash, edited)
    tamper(
        "UPDATE audit_auditrecord SET actor = %s, record_hash = %s WHERE sequence = 2",
        [edited.actor, new_hash],
    )
    report = audit_chain_verify()
    assert (report.ok, report.first_broken_sequence, report.problem) == (
        False,
        3,
        "broken_link",
    )


def test_a_deleted_record_in_the_middle_is_found(write) -> None:
    write(5)
    tamper("DELETE FROM audit_auditrecord WHERE sequence = 3")
    report = audit_chain_verify()
    assert (report.ok, report.first_broken_sequence, report.problem) == (
        False,
        4,
        "sequence_gap",
    )
    assert "Record 3 is missing" in report.explanation


def test_a_deleted_and_renumbered_record_is_found(write) -> None:
    write(5)
    tamper("DELETE FROM audit_auditrecord WHERE sequence = 3")
    tamper("UPDATE audit_auditrecord SET sequence = sequence - 1 WHERE sequence = 4")
    tamper("UPDATE audit_auditrecord SET sequence = sequence - 1 WHERE sequence = 5")
    report = audit_chain_verify()
    # The renumbered record 3 (was 4) still points at the old record 3's hash.
    assert (report.first_broken_sequence, report.problem) == (3, "broken_link")


def test_deleted_first_records_are_found(write) -> None:
    write(4)
    tamper("DELETE FROM audit_auditrecord WHERE sequence <= 2")
    report = audit_chain_verify()
    assert (report.first_broken_sequence, report.problem) == (3, "sequence_gap")
    assert "Records 1 to 2 are missing" in report.explanation
