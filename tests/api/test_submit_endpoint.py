"""POST /api/v1/aanvragen and GET /api/v1/aanvragen/{referentie}."""

import pytest

from mijnduo.applications.models import Application, StatusChange
from mijnduo.applications.references import is_reference, new_reference
from mijnduo.audit.models import AuditRecord

URL = "/api/v1/aanvragen"
pytestmark = pytest.mark.django_db


def test_submission_stores_the_application_with_history_and_audit(api, document) -> None:
    response = api.post(URL, document)
    assert response.status_code == 201
    body = response.json()
    assert is_reference(body["referentie"])
    assert body["status"] == "ingediend"
    assert body["soort"] == "aanmelding"
    assert response["Location"] == f"/api/v1/aanvragen/{body['referentie']}"
    application = Application.objects.get(reference=body["referentie"])
    assert application.submitted_document == document
    assert application.document["organisatie"]["postcode"] == "9700 VB"
    assert application.api_client == api.client_record
    assert [(c.from_status, c.to_status) for c in application.history.all()] == [("", "ingediend")]
    audit = AuditRecord.objects.get(action="application.submitted")
    assert audit.subject_id == application.reference
    assert audit.actor == f"api:{api.client_record.pk}"


def test_references_are_unique_and_not_sequential(api, document) -> None:
    references = [api.post(URL, document).json()["referentie"] for _ in range(5)]
    assert len(set(references)) == 5
    drawn = [new_reference() for _ in range(2000)]
    assert all(is_reference(r) for r in drawn)
    assert len(set(drawn)) == 2000
    # Random, not counting: every position takes (nearly) every character of the alphabet.
    for position in (4, 5, 6, 7, 9, 10, 11, 12):
        assert len({r[position] for r in drawn}) >= 30


def test_invalid_submission_stores_nothing(api, document) -> None:
    document["organisatie"]["kvkNummer"] = "123"
    response = api.post(URL, document)
    assert response.status_code == 400
    assert {(p["name"], p["code"]) for p in response.json()["invalidParams"]} == {
        ("organisatie.kvkNummer", "invalid")
    }
    assert Application.objects.count() == 0
    assert StatusChange.objects.count() == 0


def test_same_idempotency_key_and_body_returns_the_same_result_once(api, document) -> None:
    first = api.post(URL, document, headers={"Idempotency-Key": "order-1"})
    second = api.post(URL, document, headers={"Idempotency-Key": "order-1"})
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second["Idempotent-Replayed"] == "true"
    assert Application.objects.count() == 1


def test_same_idempotency_key_with_another_body_is_refused(api, document) -> None:
    api.post(URL, document, headers={"Idempotency-Key": "order-1"})
    document["beheerder"]["naam"] = "Iemand anders"
    response = api.post(URL, document, headers={"Idempotency-Key": "order-1"})
    assert response.status_code == 422
    assert response.json()["type"] == "/problemen/idempotentie-sleutel-hergebruikt"
    assert Application.objects.count() == 1


def test_idempotency_keys_are_per_client(make_api_caller, document) -> None:
    one, two = make_api_caller("one"), make_api_caller("two")
    a = one.post(URL, document, headers={"Idempotency-Key": "k"}).json()
    b = two.post(URL, document, headers={"Idempotency-Key": "k"}).json()
    assert a["referentie"] != b["referentie"]
    assert Application.objects.count() == 2


@pytest.mark.parametrize("key", ["", "x" * 256, "met spatie", "é"])
def test_malformed_idempotency_key_is_refused(api, document, key) -> None:
    if key == "":
        # An empty header is the same as none: a normal submission.
        assert api.post(URL, document, headers={"Idempotency-Key": key}).status_code == 201
        return
    response = api.post(URL, document, headers={"Idempotency-Key": key})
    assert response.status_code == 400
    assert Application.objects.count() == 0


def test_a_client_reads_its_own_application(api, document) -> None:
    reference = api.post(URL, document).json()["referentie"]
    response = api.get(f"{URL}/{reference}")
    assert response.status_code == 200
    body = response.json()
    assert body["referentie"] == reference
    assert body["soort"] == "aanmelding"
    assert body["status"] == "ingediend"
    assert body["ingediendDocument"] == document
    assert body["document"]["organisatie"]["brincode"] == "05KO"
    assert [(h["van"], h["naar"], h["door"]) for h in body["historie"]] == [
        (None, "ingediend", "api")
    ]


def test_another_clients_application_is_not_found(make_api_caller, document) -> None:
    owner, other = make_api_caller("owner"), make_api_caller("other")
    reference = owner.post(URL, document).json()["referentie"]
    response = other.get(f"{URL}/{reference}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    unknown = other.get(f"{URL}/MDZ-0000-0000").json()
    # Someone else's application is indistinguishable from one that does not exist.
    assert {**unknown, "instance": None} == {**response.json(), "instance": None}


@pytest.mark.parametrize("reference", ["MDZ-0000-0000", "nonsense", "MDZ-IIII-OOOO", "%00"])
def test_unknown_reference_is_404_problem(api, reference) -> None:
    response = api.get(f"{URL}/{reference}")
    assert response.status_code == 404
    assert response.json()["status"] == 404
