"""E-mail goes out after the commit, and is kept and retried while the server is down."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from mijnduo.notifications.models import OutgoingEmail

from .test_application_flow import fill_in, start

pytestmark = pytest.mark.django_db


class FailingBackend:
    """A mail backend whose server is down."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_mail_is_kept_while_the_server_is_down_and_sent_later(
    applicant_client, settings, django_capture_on_commit_callbacks
) -> None:
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    reference = start(applicant_client)
    fill_in(applicant_client, reference)
    with django_capture_on_commit_callbacks(execute=True):
        response = applicant_client.post(
            f"/aanvragen/{reference}/controleren",
            {"actie": "zelf-ondertekenen", "akkoord": "ja"},
        )
    assert response.status_code == 302  # the applicant is not bothered by the mail server
    pending = OutgoingEmail.objects.filter(state="pending")
    assert pending.count() == 2
    assert set(pending.values_list("last_error", flat=True)) == {"ConnectionRefusedError"}
    assert set(pending.values_list("attempts", flat=True)) == {1}

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = StringIO()
    call_command("sendmail", stdout=out)
    assert "sent 0" in out.getvalue()  # not due yet: the next attempt waits a minute
    with freeze_time(timezone.now() + timedelta(minutes=2)):
        call_command("sendmail", stdout=out)
    assert "sent 2, still pending 0" in out.getvalue()
    assert len(mail.outbox) == 2
    assert all(m.attachments[0][0] == f"{reference}.pdf" for m in mail.outbox)
    assert not OutgoingEmail.objects.filter(state="pending").exists()


def test_no_mail_exists_for_a_change_that_was_rolled_back(applicant_client) -> None:
    reference = start(applicant_client)
    # Incomplete: signing fails validation, the transaction stores nothing.
    applicant_client.post(
        f"/aanvragen/{reference}/controleren", {"actie": "zelf-ondertekenen", "akkoord": "ja"}
    )
    assert not OutgoingEmail.objects.exists()
