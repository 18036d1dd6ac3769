"""The applicant answers when the service desk asks for more information."""

import copy
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from mijnduo.aanvraag.validator import validate
from mijnduo.applications.constants import Channel, Status
from mijnduo.applications.models import Application, ApplicationFile
from mijnduo.applications.services import application_change_status, application_submit
from mijnduo.audit.actors import SYSTEM
from mijnduo.registry.selectors import held_beheerautorisaties
from sample_documents import VALID_DOCUMENT

from .answers import KVK
from .conftest import OTHER_KVK, login

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
QUESTION = "Stuur een uittreksel van de KvK mee."


def asked(applicant: Any) -> Application:
    document = copy.deepcopy(VALID_DOCUMENT)
    result = validate(document, held_lookup=held_beheerautorisaties)
    application = application_submit(
        actor=SYSTEM, submitted=document, result=result, channel=Channel.PORTAL
    )
    Application.objects.filter(pk=application.pk).update(applicant=applicant, organisation_kvk=KVK)
    application_change_status(
        actor=SYSTEM, application=application, to_status=Status.IN_BEHANDELING
    )
    return application_change_status(
        actor=SYSTEM,
        application=application,
        to_status=Status.AANVULLING_GEVRAAGD,
        reason=QUESTION,
    )


def test_the_question_is_shown_and_answered_with_a_file(
    applicant: Any, applicant_client: Client
) -> None:
    application = asked(applicant)
    status_url = reverse("portal:application-status", args=[application.reference])
    html = applicant_client.get(status_url).content.decode()
    assert QUESTION in html
    assert 'name="antwoord"' in html
    response = applicant_client.post(
        reverse("portal:application-respond", args=[application.reference]),
        {
            "antwoord": "Hierbij het uittreksel.",
            "bestand": SimpleUploadedFile("uittreksel.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.IN_BEHANDELING
    assert application.history.last().reason == "Hierbij het uittreksel."
    assert ApplicationFile.objects.get(application=application).purpose == "bijlage"
    assert 'name="antwoord"' not in applicant_client.get(status_url).content.decode()


def test_an_empty_answer_or_a_bad_file_keeps_everything_as_it_was(
    applicant: Any, applicant_client: Client
) -> None:
    application = asked(applicant)
    url = reverse("portal:application-respond", args=[application.reference])
    response = applicant_client.post(url, {"antwoord": "  "})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    response = applicant_client.post(
        url,
        {
            "antwoord": "Zie bijlage.",
            "bestand": SimpleUploadedFile("x.pdf", b"MZ nope", content_type="application/pdf"),
        },
    )
    assert response.status_code == 400
    assert "Zie bijlage." in response.content.decode()  # the typed answer is kept
    application.refresh_from_db()
    assert application.status == Status.AANVULLING_GEVRAAGD
    assert not ApplicationFile.objects.filter(application=application).exists()


def test_another_organisation_cannot_answer(applicant: Any) -> None:
    application = asked(applicant)
    other = login(Client(), applicant, kvk_nummer=OTHER_KVK)
    response = other.post(
        reverse("portal:application-respond", args=[application.reference]), {"antwoord": "Ik."}
    )
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == Status.AANVULLING_GEVRAAGD


def test_an_answer_after_the_status_changed_meanwhile_changes_nothing(applicant: Any) -> None:
    # The view read aanvulling_gevraagd; the service, under the row lock, reads what is
    # true now (answered in another tab, or decided): nothing is stored or answered.
    from mijnduo.applications import files
    from mijnduo.applications.services import NotAwaitingInformation

    stale = asked(applicant)
    Application.objects.filter(pk=stale.pk).update(status=Status.IN_BEHANDELING)
    with pytest.raises(NotAwaitingInformation):
        files.application_answer(
            actor=SYSTEM, application=stale, answer="Nog een keer.", naam="x", content=PDF
        )
    assert not ApplicationFile.objects.filter(application=stale).exists()
    assert not stale.history.filter(reason="Nog een keer.").exists()
