"""A register read from a JSON file, for demos, tests and working without the KvK.

The file holds registrations in the same shape as the HTTP answers (mapping.py):
a list, ``{"inschrijvingen": [...]}``, or an object keyed by KvK-nummer. It is
read once, on first use.

A KvK-nummer the file does not hold raises :class:`RegisterUnavailable`, not
``None``: a demo file knows a handful of registrations and cannot say that any
other one does not exist, so the check must say "unknown" rather than
"not found".
"""

import json
import logging
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.utils import timezone

from .interface import Inschrijving, RegisterUnavailable
from .mapping import ResponseShapeError, inschrijving_from_json

logger = logging.getLogger(__name__)


class OfflineFileError(ValueError):
    pass


def _records(data: Any) -> dict[str, Any]:
    if isinstance(data, Mapping) and "inschrijvingen" in data:
        data = data["inschrijvingen"]
    if isinstance(data, list):
        records: dict[str, Any] = {}
        for item in data:
            if not isinstance(item, Mapping) or not isinstance(item.get("kvkNummer"), str):
                raise OfflineFileError("every inschrijving needs a kvkNummer")
            records[item["kvkNummer"]] = item
        return records
    if isinstance(data, Mapping):
        return {str(key): value for key, value in data.items()}
    raise OfflineFileError("expected a list or an object of inschrijvingen")


class OfflineRegister:
    source = "offline"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._records: dict[str, Any] | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"OfflineRegister({str(self.path)!r})"

    def _load(self) -> dict[str, Any]:
        with self._lock:
            if self._records is None:
                try:
                    with self.path.open(encoding="utf-8") as handle:
                        self._records = _records(json.load(handle))
                except (OSError, ValueError) as error:
                    # Not cached: a file put right is read on the next check.
                    logger.error("KvK offline file unreadable: %s", type(error).__name__)
                    raise RegisterUnavailable("offline_file_unreadable") from None
            return self._records

    def kvk_nummers(self) -> list[str]:
        return sorted(self._load())

    def inschrijving(self, kvk_nummer: str) -> Inschrijving | None:
        record = self._load().get(kvk_nummer)
        if record is None:
            raise RegisterUnavailable("not_in_offline_file")
        try:
            # Mapped on every call, so end dates are compared with today, not with load day.
            return inschrijving_from_json(record, kvk_nummer=kvk_nummer, today=timezone.localdate())
        except ResponseShapeError:
            logger.error("KvK offline file has an unreadable inschrijving for %s", kvk_nummer)
            raise RegisterUnavailable("bad_response") from None
