"""The applicant's form on the portal: pages, drafts, checking, signing in place."""

import pytest
from django.core import mail

from mijnduo.applications.models import Application, ApplicationFile, SignatureRecord
from mijnduo.audit.models import AuditRecord

from .answers import PAGES
from .conftest import KVK

pytestmark = pytest.mark.django_db


def start(client) -> str:
    response = client.post("/aanvragen/nieuw")
    assert response.status_code == 302
    reference = response["Location"].split("/")[2]
    assert response["Location"] == f"/aanvragen/{reference}/stap/organisatie"
    return reference


def fill_in(client, reference: str, pages: dict = PAGES) -> None:
    for step, answers in pages.items():
        response = client.post(
            f"/aanvragen/{reference}/stap/{step}", {**answers, "actie": "volgende"}
        )
        assert response.status_code == 302, response.content.decode()


def test_a_complete_aanmelding_signed_in_place(
    applicant_client, django_capture_on_commit_callbacks
) -> None:
    reference = start(applicant_client)
    fill_in(applicant_client, reference)
    check = applicant_client.get(f"/aanvragen/{reference}/controleren")
    html = check.content.decode()
    assert check.status_code == 200
    assert 'class="error-summary"' not in html
    assert "9700 VB" in html  # normalised by the validator
    # Every answer has a "Change" link to its own field on its own page.
    assert f'href="/aanvragen/{reference}/stap/beheerder#beheerder-naam"' in html
    assert f'href="/aanvragen/{reference}/stap/organisatie#organisatie-postcode"' in html
    assert "This is an application for a new beheerder" in html or "nieuwe beheerder" in html

    with django_capture_on_commit_callbacks(execute=True):
        response = applicant_client.post(
            f"/aanvragen/{reference}/controleren", {"actie": "zelf-ondertekenen", "akkoord": "ja"}
        )
    assert response.status_code == 302
    application = Application.objects.get(reference=reference)
    assert application.status == "ingediend"
    assert application.kind == "aanmelding"
    assert application.channel == "portaal"
    assert application.document["organisatie"]["brincode"] == "05KO"
    assert application.document["organisatie"]["kvkNummer"] == KVK
    assert application.document["ondertekening"]["akkoordGebruiksvoorwaarden"] is True
    signature = SignatureRecord.objects.get(application=application)
    assert (signature.level, signature.by_applicant, signature.kvk_nummer) == ("EH3", True, KVK)
    pdf = ApplicationFile.objects.get(application=application, purpose="pdf")
    assert bytes(pdf.content).startswith(b"%PDF-")
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["a.jansen@example.nl", "aanvrager@example.nl"]
    for message in mail.outbox:
        assert reference in message.subject
        assert message.attachments[0][0] == f"{reference}.pdf"
        assert "English version below" in message.body
    actions = set(AuditRecord.objects.filter(subject_id=reference).values_list("action", flat=True))
    assert {"application.draft_created", "application.signed"} <= actions

    status = applicant_client.get(f"/aanvragen/{reference}/")
    assert status.status_code == 200
    download = applicant_client.get(f"/aanvragen/{reference}/pdf")
    assert download["Content-Type"] == "application/pdf"
    assert download.content == bytes(pdf.content)


def test_signing_without_agreeing_to_the_gebruiksvoorwaarden_is_refused(applicant_client) -> None:
    reference = start(applicant_client)
    fill_in(applicant_client, reference)
    response = applicant_client.post(
        f"/aanvragen/{reference}/controleren", {"actie": "zelf-ondertekenen"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#ondertekening-akkoordGebruiksvoorwaarden"' in html
    assert 'id="akkoord-error"' in html  # the message beside the checkbox too
    assert 'aria-describedby="akkoord-error"' in html
    assert Application.objects.get(reference=reference).status == "concept"
    assert mail.outbox == []
