"""POST /api/v1/aanvragen/valideer."""

from typing import Any

import pytest

from mijnduo.applications.models import Application
from mijnduo.audit.actors import SYSTEM
from mijnduo.registry.services import account_create, beheerautorisaties_grant, organisation_create

URL = "/api/v1/aanvragen/valideer"
pytestmark = pytest.mark.django_db


def test_valid_document_answers_geldig_with_kind_and_normalised_document(api, document) -> None:
    response = api.post(URL, document)
    assert response.status_code == 200
    body = response.json()
    assert body["geldig"] is True
    assert body["soort"] == "aanmelding"
    assert body["document"]["beheerder"]["telefoon"] == "+31505998440"
    assert Application.objects.count() == 0


def test_invalid_document_answers_problem_details_with_every_failing_rule(api, document) -> None:
    document["organisatie"]["bestuursnummer"] = ""
    document["beheerder"]["email"] = "geen-adres"
    document["ondertekening"]["akkoordGebruiksvoorwaarden"] = False
    response = api.post(URL, document)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["type"] == "/problemen/validatiefout"
    assert body["status"] == 400
    pairs = {(p["name"], p["code"]) for p in body["invalidParams"]}
    assert pairs == {
        ("organisatie.bestuursnummer", "required"),
        ("beheerder.email", "invalid"),
        ("ondertekening.akkoordGebruiksvoorwaarden", "invalid"),
    }


def test_reasons_are_dutch_by_default_and_english_on_request(api, document) -> None:
    document["organisatie"]["bestuursnummer"] = ""
    dutch = api.post(URL, document).json()
    english = api.post(URL, document, headers={"Accept-Language": "en"}).json()
    assert dutch["title"] == "De aanvraag is niet volledig of niet juist ingevuld."
    assert english["title"] == "The application is incomplete or not filled in correctly."
    assert dutch["invalidParams"][0]["reason"] == "Vul het bestuursnummer in."
    assert english["invalidParams"][0]["reason"] == "Fill in the bestuursnummer."


def _holder(kvk: str, brincode: str, email: str, codes: list[str]) -> None:
    organisation = organisation_create(
        actor=SYSTEM,
        organisatie={
            "type": "onderwijsinstelling",
            "kvkNummer": kvk,
            "brincode": brincode,
            "bestuursnummer": "40169",
            "naam": "OBS De Linde",
        },
    )
    account = account_create(actor=SYSTEM, naam="J. de Vries", email=email)
    beheerautorisaties_grant(
        actor=SYSTEM, account=account, organisation=organisation, codes=codes, basis="test"
    )


def test_wijziging_is_classified_against_the_registry_with_the_change_set(api, document) -> None:
    _holder("41002315", "05KO", "J.deVries@EXAMPLE.nl", ["po", "bop"])
    document["beheerautorisaties"] = ["po", "rio_algemeen"]
    body = api.post(URL, document).json()
    assert body["soort"] == "wijziging"
    assert body["wijzigingen"] == {"toegevoegd": ["rio_algemeen"], "verwijderd": ["bop"]}


def test_r9_is_satisfied_by_a_sector_role_already_held(api, document) -> None:
    _holder("41002315", "05KO", "j.devries@example.nl", ["po"])
    document["beheerautorisaties"] = ["rio_algemeen"]
    body: dict[str, Any] = api.post(URL, document).json()
    assert body["geldig"] is True
    assert body["wijzigingen"] == {"toegevoegd": ["rio_algemeen"], "verwijderd": ["po"]}


def test_a_holder_at_another_organisation_does_not_count(api, document) -> None:
    _holder("41002315", "06AB", "j.devries@example.nl", ["po"])
    document["beheerautorisaties"] = ["rio_algemeen"]
    response = api.post(URL, document)
    assert response.status_code == 400
    assert response.json()["invalidParams"] == [
        {
            "name": "beheerautorisaties",
            "code": "dependency",
            "reason": response.json()["invalidParams"][0]["reason"],
        }
    ]
