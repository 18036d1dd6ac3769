"""Bad input never gives a 500 and never stores anything (issue: "Bad input")."""

import json
from typing import Any

import pytest

from mijnduo.applications.models import Application

pytestmark = pytest.mark.django_db
ENDPOINTS = ["/api/v1/aanvragen/valideer", "/api/v1/aanvragen"]


def _assert_problem(response: Any, status: int, problem_type: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    if problem_type:
        assert body["type"] == f"/problemen/{problem_type}"
    assert Application.objects.count() == 0
    return body


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize(
    "raw",
    [
        b'{"organisatie": ',
        b"{'a': 1}",
        b"",
        b"NaN",
        b'{"a": Infinity}',
        b'{"a":1,"a":2}',
        b"1" * 5000,
    ],
    ids=["truncated", "single-quotes", "empty", "nan", "infinity", "duplicate-key", "huge-integer"],
)
def test_malformed_json_is_400(api, url, raw) -> None:
    response = api.post(url, raw=raw)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert Application.objects.count() == 0


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("body", [[], [1, 2], "tekst", 42, 1.5, True, None])
def test_non_object_document_is_400(api, url, body) -> None:
    problem = _assert_problem(api.post(url, body), 400)
    if "invalidParams" in problem:
        assert problem["invalidParams"][0]["name"] == "document"


@pytest.mark.parametrize("url", ENDPOINTS)
def test_wrong_types_are_reported_per_field(api, document, url) -> None:
    document["organisatie"]["bestuursnummer"] = 40169
    document["beheerder"]["heeftEherkenningNiveau3"] = "ja"
    document["beheerautorisaties"] = "po"
    document["ondertekening"] = ["niet", "goed"]
    body = _assert_problem(api.post(url, document), 400, "validatiefout")
    pairs = {(p["name"], p["code"]) for p in body["invalidParams"]}
    assert {
        ("organisatie.bestuursnummer", "invalid"),
        ("beheerder.heeftEherkenningNiveau3", "invalid"),
        ("beheerautorisaties", "invalid"),
        ("ondertekening", "invalid"),
    } <= pairs


@pytest.mark.parametrize("url", ENDPOINTS)
def test_invalid_utf8_is_400(api, url) -> None:
    body = _assert_problem(api.post(url, raw=b'{"organisatie": {"naam": "\xff\xfe"}}'), 400)
    assert body["type"] == "/problemen/ongeldige-json"


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("depth", [40, 5000, 100_000])
def test_deeply_nested_json_is_400(api, url, depth) -> None:
    raw = "[" * depth + "]" * depth
    body = _assert_problem(api.post(url, raw=raw), 400)
    assert body["type"] == "/problemen/ongeldige-json"


@pytest.mark.parametrize("url", ENDPOINTS)
def test_body_over_one_megabyte_is_413(api, document, url) -> None:
    document["organisatie"]["naam"] = "x" * (1024 * 1024)
    _assert_problem(api.post(url, document), 413, "te-groot")


@pytest.mark.parametrize("url", ENDPOINTS)
def test_unknown_keys_are_invalid(api, document, url) -> None:
    document["organisatie"]["brinCode"] = "05KO"
    document["extra"] = 1
    body = _assert_problem(api.post(url, document), 400, "validatiefout")
    assert {(p["name"], p["code"]) for p in body["invalidParams"]} == {
        ("organisatie.brinCode", "invalid"),
        ("extra", "invalid"),
    }


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize(
    "text", ["OBS\x00De Linde", "OBS\nDe Linde", "OBS\u202eDe Linde", "\ud800"]
)
def test_control_characters_are_invalid(api, document, url, text) -> None:
    document["organisatie"]["naam"] = text
    raw = json.dumps(document)  # escapes the lone surrogate as \ud800, as a client would
    body = _assert_problem(api.post(url, raw=raw), 400, "validatiefout")
    assert ("organisatie.naam", "invalid") in {
        (p["name"], p["code"]) for p in body["invalidParams"]
    }


@pytest.mark.parametrize("url", ENDPOINTS)
def test_ten_thousand_character_strings_are_invalid(api, document, url) -> None:
    for section in ("organisatie", "beheerder", "ondertekening"):
        document[section]["naam"] = "a" * 10_000
    body = _assert_problem(api.post(url, document), 400, "validatiefout")
    names = {p["name"] for p in body["invalidParams"] if p["code"] == "invalid"}
    assert names == {"organisatie.naam", "beheerder.naam", "ondertekening.naam"}


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded"])
def test_other_media_types_are_415(api, document, url, content_type) -> None:
    response = api.post(url, raw=json.dumps(document), content_type=content_type)
    _assert_problem(response, 415)


@pytest.mark.parametrize("url", ENDPOINTS)
@pytest.mark.parametrize("header", [None, "Token nope", "Token a b", "Bearer x", "Token \u00e9"])
def test_missing_or_wrong_token_is_401(document, url, header, client) -> None:
    headers = {"Authorization": header} if header else {}
    response = client.post(
        url, json.dumps(document), content_type="application/json", headers=headers
    )
    body = _assert_problem(response, 401, "niet-geauthenticeerd")
    assert response["WWW-Authenticate"] == "Token"
    assert "invalidParams" not in body


def test_revoked_token_is_401(api, document) -> None:
    from mijnduo.audit.actors import SYSTEM
    from mijnduo.identity.services import api_client_revoke

    api_client_revoke(actor=SYSTEM, client=api.client_record)
    _assert_problem(api.post("/api/v1/aanvragen", document), 401)


def test_unknown_api_path_is_a_problem_not_a_page(api) -> None:
    response = api.get("/api/v1/bestaat-niet")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_wrong_method_is_405_problem(api) -> None:
    response = api.get("/api/v1/aanvragen/valideer")
    _assert_problem(response, 405)


def _nested(depth: int, leaf: object) -> object:
    value = leaf
    for level in range(depth - 1):
        value = [value] if level % 2 else {"k": value}
    return value


@pytest.mark.parametrize(
    ("value", "exceeds"),
    [
        (_nested(32, 1), False),  # the scalar is the 32nd level
        (_nested(33, 1), True),
        (_nested(32, []), False),  # an empty container is a level of its own
        (_nested(33, {}), True),
        ({"a": 1, "b": [1, 2, {"c": None}]}, False),
        ("text", False),
    ],
)
def test_the_depth_limit_counts_every_level_scalars_included(value, exceeds) -> None:
    from mijnduo.applications.api.parsers import MAX_DEPTH, _depth_exceeds

    assert _depth_exceeds(value, MAX_DEPTH) is exceeds
    assert _depth_exceeds(value, 3) is (value != "text")
