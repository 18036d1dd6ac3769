"""GET /api/v1/aanvragen/{referentie}/pdf and POST …/bijlagen (form.md §4, R17)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mijnduo.applications.models import ApplicationFile

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n" + b"0" * 100


@pytest.fixture
def other_api(make_api_caller):
    return make_api_caller("other-client")


@pytest.fixture
def submitted(api, document) -> str:
    response = api.post("/api/v1/aanvragen", document)
    assert response.status_code == 201
    return response.json()["referentie"]


def test_the_pdf_is_made_once_and_served_again(api, submitted) -> None:
    first = api.http.get(f"/api/v1/aanvragen/{submitted}/pdf", headers=api.headers())
    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert first.content.startswith(b"%PDF-")
    second = api.http.get(f"/api/v1/aanvragen/{submitted}/pdf", headers=api.headers())
    assert second.content == first.content
    assert ApplicationFile.objects.filter(purpose="pdf").count() == 1


def test_another_clients_pdf_is_404(api, other_api, submitted) -> None:
    response = other_api.http.get(f"/api/v1/aanvragen/{submitted}/pdf", headers=other_api.headers())
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def _upload(api, reference: str, content: bytes, naam: str = "KvK uittreksel"):
    return api.http.post(
        f"/api/v1/aanvragen/{reference}/bijlagen",
        {"naam": naam, "bestand": SimpleUploadedFile("u.pdf", content)},
        headers=api.headers(),
    )


def test_an_attachment_is_added(api, submitted) -> None:
    response = _upload(api, submitted, PDF)
    assert response.status_code == 201
    body = response.json()
    assert (body["naam"], body["mediaType"], body["grootte"]) == (
        "KvK uittreksel",
        "application/pdf",
        len(PDF),
    )


@pytest.mark.parametrize(
    ("content", "naam", "name", "code"),
    [
        (b"GIF89a....", "KvK uittreksel", "bijlagen[0].inhoud", "invalid"),
        (PDF, "x" * 31, "bijlagen[0].naam", "invalid"),
        (b"%PDF-" + b"0" * (10 * 1024 * 1024), "groot", "bijlagen[0].inhoud", "invalid"),
    ],
    ids=["not-pdf-png-jpeg", "name-too-long", "over-10-mb"],
)
def test_a_refused_attachment_gets_problem_details(api, submitted, content, naam, name, code):
    response = _upload(api, submitted, content, naam)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert {"name": name, "code": code} in [
        {"name": p["name"], "code": p["code"]} for p in response.json()["invalidParams"]
    ]
    assert not ApplicationFile.objects.filter(purpose="bijlage").exists()


def test_an_attachment_without_a_file_is_400(api, submitted) -> None:
    response = api.http.post(
        f"/api/v1/aanvragen/{submitted}/bijlagen", {"naam": "x"}, headers=api.headers()
    )
    assert response.status_code == 400


def test_another_clients_application_takes_no_attachment(api, other_api, submitted) -> None:
    assert _upload(other_api, submitted, PDF).status_code == 404


def test_no_attachment_after_a_decision(api, submitted) -> None:
    from mijnduo.applications.models import Application

    Application.objects.filter(reference=submitted).update(status="goedgekeurd")
    response = _upload(api, submitted, PDF)
    assert response.status_code == 409


def test_an_attachment_answers_a_request_for_more_information(api, submitted) -> None:
    from mijnduo.applications.models import Application, StatusChange
    from mijnduo.applications.services import application_change_status
    from mijnduo.audit.actors import SYSTEM

    application = Application.objects.get(reference=submitted)
    for status in ("in_behandeling", "aanvulling_gevraagd"):
        application = application_change_status(
            actor=SYSTEM, application=application, to_status=status, reason="Stuur een uittreksel."
        )
    assert _upload(api, submitted, PDF).status_code == 201
    application.refresh_from_db()
    assert application.status == "in_behandeling"  # back in the service desk's queue
    answer = StatusChange.objects.filter(application=application).latest("id")
    assert (answer.from_status, answer.to_status) == ("aanvulling_gevraagd", "in_behandeling")
    assert answer.reason == "Bijlage via de API: KvK uittreksel"
    assert answer.actor == f"api:{api.client_record.pk}"
    # Another attachment while the desk works on it changes nothing more.
    assert _upload(api, submitted, PDF).status_code == 201
    assert StatusChange.objects.filter(application=application).count() == 4


def test_a_refused_attachment_is_no_answer(api, submitted) -> None:
    from mijnduo.applications.models import Application

    Application.objects.filter(reference=submitted).update(status="aanvulling_gevraagd")
    assert _upload(api, submitted, b"not a pdf").status_code == 400
    assert Application.objects.get(reference=submitted).status == "aanvulling_gevraagd"


def test_the_status_is_read_under_the_lock_not_from_the_callers_copy(api, submitted) -> None:
    from mijnduo.applications import files
    from mijnduo.applications.models import Application, StatusChange
    from mijnduo.audit.actors import SYSTEM

    stale = Application.objects.get(reference=submitted)  # ingediend
    Application.objects.filter(pk=stale.pk).update(status="aanvulling_gevraagd")
    files.api_attachment_add(actor=SYSTEM, application=stale, naam="Uittreksel", content=PDF)
    assert Application.objects.get(pk=stale.pk).status == "in_behandeling"
    assert StatusChange.objects.filter(application=stale, reason__startswith="Bijlage").exists()

    Application.objects.filter(pk=stale.pk).update(status="goedgekeurd")  # decided meanwhile
    with pytest.raises(files.ApplicationClosed):
        files.api_attachment_add(actor=SYSTEM, application=stale, naam="Te laat", content=PDF)
    assert not ApplicationFile.objects.filter(naam="Te laat").exists()
