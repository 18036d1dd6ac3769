"""Helpers for the audit-trail tests: writing records, tampering as a superuser would."""

import hashlib
import json
from collections.abc import Callable, Sequence
from datetime import UTC
from typing import Any

import pytest
from django.db import connection, transaction

from mijnduo.audit.actors import Actor, ActorKind
from mijnduo.audit.models import AuditRecord
from mijnduo.audit.services import audit_record

ON_POSTGRES = connection.vendor == "postgresql"

# tests/conftest.py declares the marker; the skip is spelled out here so these tests
# never run against SQLite, whatever the shared conftest does with the marker.
postgres_only = [
    pytest.mark.postgres_only,
    pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL (trigger, advisory lock)"),
]

STAFF = Actor(ActorKind.STAFF, "sd-7")


def documented_hash(previous_hash: str, record: AuditRecord) -> str:
    """The chain format of docs/audit.md, written out again independently of the code."""
    payload = json.dumps(
        [
            record.sequence,
            record.at.astimezone(UTC).isoformat(timespec="microseconds"),
            record.actor,
            record.action,
            record.subject_type,
            record.subject_id,
            record.before,
            record.after,
        ],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256((previous_hash + payload).encode("utf-8")).hexdigest()


@pytest.fixture
def write() -> Callable[..., list[AuditRecord]]:
    """Write ``count`` records, each in its own transaction, as services do."""

    def write(count: int = 1, **fields: Any) -> list[AuditRecord]:
        written = []
        for number in range(count):
            with transaction.atomic():
                written.append(
                    audit_record(
                        actor=fields.get("actor", STAFF),
                        action=fields.get("action", "application.status_changed"),
                        subject_type=fields.get("subject_type", "application"),
                        subject_id=fields.get("subject_id", f"MDB-{number}"),
                        before=fields.get("before", {"status": "ingediend"}),
                        after=fields.get("after", {"status": "in_behandeling", "n": number}),
                    )
                )
        return written

    return write


def tamper(sql: str, params: Sequence[Any] = ()) -> None:
    """Raw SQL past the append-only trigger, as an attacker with superuser rights could."""
    with connection.cursor() as cursor:
        if ON_POSTGRES:
            # Replica mode skips ordinary triggers; only a superuser may set it.
            cursor.execute("SET session_replication_role = replica")
        try:
            cursor.execute(sql, params)
        finally:
            if ON_POSTGRES:
                cursor.execute("SET session_replication_role = DEFAULT")


@pytest.fixture(autouse=True)
def english(settings: Any) -> None:
    """These tests read the English texts (the message ids); Dutch is the default
    language and its catalogue is checked by tests/test_translations.py."""
    settings.LANGUAGE_CODE = "en"
