"""Records written before the chain existed are chained by the migration, in id order."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from mijnduo.audit.chain import audit_chain_verify
from mijnduo.audit.models import GENESIS_HASH, AuditRecord

from .conftest import documented_hash

BEFORE_CHAIN = [("audit", "0001_initial")]


@pytest.mark.django_db(transaction=True)
def test_existing_records_are_chained_in_id_order() -> None:
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("audit")
    executor.migrate(BEFORE_CHAIN)
    old_model = executor.loader.project_state(BEFORE_CHAIN).apps.get_model("audit", "AuditRecord")
    # Written out of time order on purpose: the chain follows the ids.
    for day, after in [(3, {"a": 1}), (1, None), (2, {"b": [1, "twee"]})]:
        old_model.objects.create(
            at=datetime(2026, 1, day, 9, 30, 0, 250000, tzinfo=UTC),
            actor="systeem:mijnduo",
            action="test.before_chain",
            subject_type="test",
            subject_id=str(day),
            after=after,
        )

    MigrationExecutor(connection).migrate(latest)

    records = list(AuditRecord.objects.order_by("id"))
    assert [r.sequence for r in records] == [1, 2, 3]
    assert [r.subject_id for r in records] == ["3", "1", "2"]
    previous = GENESIS_HASH
    for record in records:
        assert record.previous_hash == previous
        assert record.record_hash == documented_hash(previous, record)
        previous = record.record_hash
    report = audit_chain_verify()
    assert report.ok
    assert report.last_hash == previous
