"""Shared fixtures: a valid document per organisation type and an authenticated API client."""

import copy
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from mijnduo.audit.actors import SYSTEM

VALID_DOCUMENT: dict[str, Any] = {
    "organisatie": {
        "type": "onderwijsinstelling",
        "brincode": "05KO",
        "bestuursnummer": "40169",
        "kvkNummer": "41002315",
        "naam": "OBS De Linde",
        "straat": "Kerkstraat",
        "huisnummer": "12a",
        "postcode": "9700 VB",
        "woonplaats": "Groningen",
    },
    "beheerder": {
        "naam": "J. de Vries",
        "functie": "ICT-coördinator",
        "telefoon": "050 599 8440",
        "email": "j.devries@example.nl",
        "heeftMijnDuoZakelijkAccount": False,
        "heeftEherkenningNiveau3": True,
    },
    "beheerautorisaties": ["po", "rio_algemeen"],
    "ondertekening": {
        "naam": "A. Jansen",
        "functie": "Bestuurder",
        "email": "a.jansen@example.nl",
        "plaats": "Groningen",
        "datum": "2026-01-15",
        "akkoordGebruiksvoorwaarden": True,
    },
}


@pytest.fixture
def document() -> dict[str, Any]:
    return copy.deepcopy(VALID_DOCUMENT)


class ApiCaller:
    """A Django test client that sends the token and JSON bodies."""

    def __init__(self, key: str, client: Any) -> None:
        self.key = key
        self.client_record = client
        self.http = Client()

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {"Authorization": f"Token {self.key}", **(extra or {})}

    def post(
        self, path: str, body: Any = None, *, raw: bytes | str | None = None, **kw: Any
    ) -> Any:
        import json

        data = raw if raw is not None else json.dumps(body)
        content_type = kw.pop("content_type", "application/json")
        return self.http.post(
            path,
            data=data,
            content_type=content_type,
            headers=self.headers(kw.pop("headers", None)),
        )

    def get(self, path: str, **kw: Any) -> Any:
        return self.http.get(path, headers=self.headers(kw.pop("headers", None)))


@pytest.fixture
def make_api_caller(db: None) -> Callable[[str], ApiCaller]:
    from mijnduo.identity.services import api_client_create

    def make(name: str = "test-client") -> ApiCaller:
        client, key = api_client_create(actor=SYSTEM, name=name)
        return ApiCaller(key, client)

    return make


@pytest.fixture
def api(make_api_caller: Callable[[str], ApiCaller]) -> ApiCaller:
    return make_api_caller("test-client")
