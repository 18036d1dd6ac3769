"""Helpers for the KvK register tests: officers, a fake register, recorded responses."""

import json
from pathlib import Path
from typing import Any

import responses

from mijnduo.registers.kvk import Bevoegdheid, Functionaris, Inschrijving

RECORDED = Path(__file__).resolve().parent / "recorded"
BASE_URL = "https://api.kvk.test/api/v1"
API_KEY = "test-api-key-0123456789"


def officer(
    voornamen: str = "Anne-Marie",
    voorvoegsel: str = "van der",
    geslachtsnaam: str = "Berg",
    functie: str = "Bestuurder",
    bevoegdheid: Bevoegdheid = Bevoegdheid.ALLEEN_BEVOEGD,
    **flags: Any,
) -> Functionaris:
    return Functionaris(voornamen, voorvoegsel, geslachtsnaam, functie, bevoegdheid, **flags)


def registration(*officers: Functionaris, **fields: Any) -> Inschrijving:
    values: dict[str, Any] = {
        "kvk_nummer": "90000001",
        "naam": "Groningse Schoolvereniging",
        "beeindigd": False,
        "bijzondere_rechtstoestand": "",
        "functionarissen": officers,
    }
    values.update(fields)
    return Inschrijving(**values)


class FakeRegister:
    """Answers with what it is given and remembers what it was asked."""

    source = "fake"

    def __init__(self, answer: Inschrijving | None = None, error: Exception | None = None) -> None:
        self.answer = answer
        self.error = error
        self.asked: list[str] = []

    def inschrijving(self, kvk_nummer: str) -> Inschrijving | None:
        self.asked.append(kvk_nummer)
        if self.error is not None:
            raise self.error
        return self.answer


def recorded(name: str) -> dict[str, Any]:
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))


def serve(mock: responses.RequestsMock, name: str, *, base_url: str = BASE_URL) -> None:
    """Serve one recorded response at the path it was recorded for."""
    record = recorded(name)
    body = record["body"]
    headers = dict(record["headers"])
    content_type = headers.pop("Content-Type")
    mock.add(
        record["request"]["method"],
        base_url + record["request"]["path"],
        body=body if isinstance(body, str) else json.dumps(body),
        status=record["status"],
        content_type=content_type,
        headers=headers,
    )
