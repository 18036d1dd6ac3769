"""PostgreSQL refuses UPDATE and DELETE of audit records; concurrent appends stay one chain."""

import threading

import pytest
from django.db import DatabaseError, connection, transaction

from mijnduo.audit.actors import Actor, ActorKind
from mijnduo.audit.chain import audit_chain_verify
from mijnduo.audit.models import AuditRecord
from mijnduo.audit.services import audit_record

from .conftest import postgres_only

pytestmark = postgres_only


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change",
    [
        lambda r: AuditRecord.objects.filter(pk=r.pk).update(actor="servicedesk:other"),
        lambda r: AuditRecord.objects.filter(pk=r.pk).delete(),
        lambda r: r.save(),
        lambda r: r.delete(),
    ],
    ids=["orm-update", "orm-delete", "save", "instance-delete"],
)
def test_the_orm_cannot_change_or_remove_a_record(write, change) -> None:
    (record,) = write()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        change(record)
    stored = AuditRecord.objects.get(pk=record.pk)
    assert (stored.actor, stored.record_hash) == (record.actor, record.record_hash)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditrecord SET after = '{}'::jsonb",
        "DELETE FROM audit_auditrecord",
    ],
)
def test_raw_sql_cannot_change_or_remove_a_record(write, sql) -> None:
    write(2)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert AuditRecord.objects.count() == 2
    assert audit_chain_verify().ok


@pytest.mark.django_db
def test_truncate_is_left_to_the_test_runner(write) -> None:
    write(2)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("TRUNCATE audit_auditrecord")
    assert not AuditRecord.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_make_one_unbroken_chain() -> None:
    writers, each = 8, 25
    start = threading.Barrier(writers)
    errors: list[BaseException] = []

    def append(number: int) -> None:
        actor = Actor(ActorKind.API_CLIENT, f"client-{number}")
        try:
            start.wait()
            for index in range(each):
                with transaction.atomic():
                    audit_record(
                        actor=actor,
                        action="application.submitted",
                        subject_type="application",
                        subject_id=f"MDB-{number}-{index}",
                        after={"writer": number, "index": index},
                    )
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=append, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    sequences = list(AuditRecord.objects.values_list("sequence", flat=True))
    assert sequences == list(range(1, writers * each + 1))
    report = audit_chain_verify(batch_size=50)
    assert report.ok, report.explanation
    assert report.records_checked == writers * each
