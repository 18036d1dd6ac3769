"""Signing by the bevoegd gezag through the e-mailed link: once, in time, same KvK-nummer."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from mijnduo.applications.models import Application, SignatureRecord, SigningRequest

from .conftest import OTHER_KVK, login
from .test_application_flow import fill_in, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(applicant_client, django_capture_on_commit_callbacks) -> tuple[str, str]:
    """An application sent for signing: (reference, the link's path)."""
    reference = start(applicant_client)
    fill_in(applicant_client, reference)
    with django_capture_on_commit_callbacks(execute=True):
        response = applicant_client.post(
            f"/aanvragen/{reference}/controleren", {"actie": "laten-ondertekenen"}
        )
    assert response.status_code == 302
    assert Application.objects.get(reference=reference).status == "wacht_op_ondertekening"
    (message,) = mail.outbox
    assert message.to == ["a.jansen@example.nl"]
    link = re.search(r"http://testserver(/ondertekenen/\S+)", message.body)[1]
    mail.outbox.clear()
    return reference, link


@pytest.fixture
def signatory_client(make_person) -> Client:
    return login(Client(), make_person())


def test_the_signatory_sees_the_application_read_only_and_signs(
    waiting, signatory_client, django_capture_on_commit_callbacks
) -> None:
    reference, link = waiting
    page = signatory_client.get(link)
    html = page.content.decode()
    assert page.status_code == 200
    assert "OBS De Linde" in html
    assert 'name="organisatie.naam"' not in html  # read-only
    with django_capture_on_commit_callbacks(execute=True):
        response = signatory_client.post(link, {"actie": "ondertekenen", "akkoord": "ja"})
    assert response.status_code == 200
    application = Application.objects.get(reference=reference)
    assert application.status == "ingediend"
    signature = SignatureRecord.objects.get(application=application)
    assert signature.by_applicant is False
    assert sorted(m.to[0] for m in mail.outbox) == ["a.jansen@example.nl", "aanvrager@example.nl"]
    # The link worked once.
    assert signatory_client.get(link).status_code == 410


def test_signing_without_agreement_keeps_the_link_usable(waiting, signatory_client) -> None:
    reference, link = waiting
    response = signatory_client.post(link, {"actie": "ondertekenen"})
    assert response.status_code == 400
    assert Application.objects.get(reference=reference).status == "wacht_op_ondertekening"
    assert signatory_client.get(link).status_code == 200


def test_a_signatory_logged_in_for_another_kvk_nummer_is_refused(waiting, make_person) -> None:
    reference, link = waiting
    elsewhere = login(Client(), make_person(), kvk_nummer=OTHER_KVK)
    assert elsewhere.get(link).status_code == 403
    assert elsewhere.post(link, {"actie": "ondertekenen", "akkoord": "ja"}).status_code == 403
    assert Application.objects.get(reference=reference).status == "wacht_op_ondertekening"


def test_the_link_needs_an_eherkenning_login(waiting) -> None:
    _reference, link = waiting
    response = Client().get(link)
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_an_expired_link_is_refused(waiting, signatory_client) -> None:
    reference, link = waiting
    request = SigningRequest.objects.get()
    assert request.expires_at - request.created_at == timedelta(days=14)
    # The session would end too if the clock moved on 14 days; the link's end moves back.
    SigningRequest.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert signatory_client.get(link).status_code == 410
    signatory_client.post(link, {"actie": "ondertekenen", "akkoord": "ja"})
    assert Application.objects.get(reference=reference).status == "wacht_op_ondertekening"


def test_a_made_up_link_is_refused(signatory_client) -> None:
    assert signatory_client.get("/ondertekenen/bedacht-token").status_code == 410


def test_the_signatory_declines_with_a_reason(
    waiting, signatory_client, django_capture_on_commit_callbacks
) -> None:
    reference, link = waiting
    refused = signatory_client.post(link, {"actie": "weigeren", "reden": ""})
    assert refused.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = signatory_client.post(
            link, {"actie": "weigeren", "reden": "Verkeerde beheerder."}
        )
    assert response.status_code == 200
    application = Application.objects.get(reference=reference)
    assert application.status == "concept"
    assert application.history.last().reason == "Verkeerde beheerder."
    (message,) = mail.outbox
    assert message.to == ["aanvrager@example.nl"]
    assert "Verkeerde beheerder." in message.body
    assert SigningRequest.objects.get().outcome == "geweigerd"
    assert signatory_client.get(link).status_code == 410


def test_taking_the_application_back_stops_the_link(
    waiting, applicant_client, signatory_client
) -> None:
    reference, link = waiting
    response = applicant_client.post(f"/aanvragen/{reference}/terugnemen")
    assert response.status_code == 302
    assert Application.objects.get(reference=reference).status == "concept"
    assert signatory_client.get(link).status_code == 410
