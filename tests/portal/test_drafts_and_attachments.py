"""Drafts removed after the retention period; attachments checked by R17."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from mijnduo.applications.models import Application, ApplicationFile
from mijnduo.audit.models import AuditRecord

from .test_application_flow import start

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_drafts_older_than_the_retention_period_are_removed(applicant_client, settings) -> None:
    old, fresh = start(applicant_client), start(applicant_client)
    Application.objects.filter(reference=old).update(updated_at=timezone.now() - timedelta(days=31))
    out = StringIO()
    call_command("purgedrafts", stdout=out)
    assert "removed 1 draft(s) not changed for 30 days" in out.getvalue()
    assert not Application.objects.filter(reference=old).exists()
    assert Application.objects.filter(reference=fresh).exists()
    assert AuditRecord.objects.filter(action="application.draft_purged", subject_id=old).exists()


def test_the_retention_period_is_configurable(applicant_client, settings) -> None:
    settings.MIJNDUO_DRAFT_RETENTION_DAYS = 7
    old = start(applicant_client)
    Application.objects.filter(reference=old).update(updated_at=timezone.now() - timedelta(days=8))
    call_command("purgedrafts", stdout=StringIO())
    assert not Application.objects.filter(reference=old).exists()


def test_a_submitted_application_is_never_purged(applicant_client) -> None:
    reference = start(applicant_client)
    Application.objects.filter(reference=reference).update(
        status="ingediend", updated_at=timezone.now() - timedelta(days=365)
    )
    call_command("purgedrafts", stdout=StringIO())
    assert Application.objects.filter(reference=reference).exists()


def test_a_kvk_uittreksel_is_attached(applicant_client) -> None:
    reference = start(applicant_client)
    upload = SimpleUploadedFile("uittreksel.png", PNG, content_type="image/png")
    response = applicant_client.post(
        f"/aanvragen/{reference}/bijlage", {"naam": "KvK uittreksel", "bestand": upload}
    )
    assert response.status_code == 302
    stored = ApplicationFile.objects.get(application__reference=reference)
    assert (stored.naam, stored.content_type, stored.size) == ("KvK uittreksel", "image/png", 72)


def test_the_check_page_lists_the_attachments_oldest_first(applicant_client) -> None:
    reference = start(applicant_client)
    for naam in ("KvK uittreksel", "Statuten"):
        upload = SimpleUploadedFile("bijlage.png", PNG, content_type="image/png")
        applicant_client.post(f"/aanvragen/{reference}/bijlage", {"naam": naam, "bestand": upload})
    application = Application.objects.get(reference=reference)
    ApplicationFile.objects.create(  # not an attachment: never listed as one
        application=application,
        purpose="scan",
        naam="Scan",
        content_type="image/png",
        size=3,
        sha256="0" * 64,
        content=b"png",
    )
    html = applicant_client.get(f"/aanvragen/{reference}/controleren").content.decode()
    assert "<li>KvK uittreksel (72\xa0bytes)</li><li>Statuten (72\xa0bytes)</li>" in html
    assert "Scan" not in html


@pytest.mark.parametrize(
    ("naam", "content", "message"),
    [
        ("KvK uittreksel", b"MZ not a pdf", "PDF, PNG"),
        ("a" * 31, PNG, "30"),
        ("", PNG, "naam"),
    ],
)
def test_a_refused_attachment_says_why(applicant_client, naam, content, message) -> None:
    reference = start(applicant_client)
    upload = SimpleUploadedFile("x.bin", content)
    response = applicant_client.post(
        f"/aanvragen/{reference}/bijlage", {"naam": naam, "bestand": upload}, follow=True
    )
    assert message in response.content.decode()
    assert not ApplicationFile.objects.filter(application__reference=reference).exists()
