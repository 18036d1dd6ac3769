"""Bring one register table in line with the records read from a file, in bulk.

The existing rows are fetched once, compared field by field in Python, and only
the difference is written with bulk_create / bulk_update. That keeps a 6,000-row
file at a handful of queries, and makes a second run of the same file write
nothing at all, which is what makes the import idempotent.
"""

from collections.abc import Mapping, Set
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils import timezone

BATCH_SIZE = 500


@dataclass(slots=True)
class TableCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def sync_table(
    model: type[models.Model],
    key_field: str,
    records: Mapping[str, Mapping[str, Any]],
    *,
    fill_only: Mapping[str, Set[str]] | None = None,
) -> TableCounts:
    """Create or update ``model`` rows so they carry ``records`` (key → field values).

    Fields missing from a record are left as they are, so a location file that
    only knows a board's number never blanks the name a board file stored.
    ``fill_only`` names, per key, fields that are set only when the stored value
    is empty: a best guess that must not overwrite better data.
    Must run inside a transaction; the caller owns it.
    """
    fill_only = fill_only or {}
    counts = TableCounts()
    existing = model._default_manager.in_bulk(list(records), field_name=key_field)
    now = timezone.now()
    to_create: list[models.Model] = []
    to_update: list[models.Model] = []
    changed_fields: set[str] = set()
    for key, fields in records.items():
        instance = existing.get(key)
        if instance is None:
            to_create.append(model(**{key_field: key, **fields}))
            continue
        guesses = fill_only.get(key, frozenset())
        changed = [
            name
            for name, value in fields.items()
            if getattr(instance, name) != value
            and not (name in guesses and getattr(instance, name))
        ]
        if not changed:
            counts.unchanged += 1
            continue
        for name in changed:
            setattr(instance, name, fields[name])
        # bulk_update bypasses auto_now, so the timestamp is set by hand.
        instance.updated_at = now  # type: ignore[attr-defined]
        changed_fields.update(changed)
        to_update.append(instance)
    model._default_manager.bulk_create(to_create, batch_size=BATCH_SIZE)
    if to_update:
        model._default_manager.bulk_update(
            to_update, [*sorted(changed_fields), "updated_at"], batch_size=BATCH_SIZE
        )
    counts.created = len(to_create)
    counts.updated = len(to_update)
    return counts
