"""Straight-through processing: off by default; when on, all-green applications are
approved by the system with the same trail, and anything less waits for a person."""

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import override_settings
from django.utils import timezone

from mijnduo.applications.constants import Channel, Status
from mijnduo.applications.models import Application, SignatureRecord
from mijnduo.audit.models import AuditRecord
from mijnduo.registers.kvk.interface import Bevoegdheid, Functionaris, Inschrijving
from mijnduo.registers.models import Bestuur, Instelling
from mijnduo.registry.models import BeheerautorisatieGrant
from mijnduo.review.models import CheckRun, Decision
from mijnduo.review.tasks import checks_after_submission

from .conftest import VALID_DOCUMENT, FakeKvk, submit

pytestmark = pytest.mark.django_db
KVK = VALID_DOCUMENT["organisatie"]["kvkNummer"]


def all_green_portal_application(fake_kvk: FakeKvk) -> Application:
    """Everything a check can confirm: registers, KvK, eHerkenning, a fresh signature."""
    Bestuur.objects.create(bestuursnummer="40169", naam="Stichting De Linde")
    Instelling.objects.create(
        brincode="05KO", naam="OBS De Linde", bestuursnummer="40169", sector="po"
    )
    fake_kvk.answers[KVK] = Inschrijving(
        kvk_nummer=KVK,
        naam="Stichting De Linde",
        beeindigd=False,
        bijzondere_rechtstoestand="",
        functionarissen=(
            Functionaris(
                voornamen="Anna",
                voorvoegsel="",
                geslachtsnaam="Jansen",
                functie="Bestuurder",
                bevoegdheid=Bevoegdheid.ALLEEN_BEVOEGD,
            ),
        ),
    )
    document = {
        **VALID_DOCUMENT,
        "ondertekening": {
            **VALID_DOCUMENT["ondertekening"],
            "datum": timezone.localdate().isoformat(),
        },
    }
    application = submit(document, channel=Channel.PORTAL)
    Application.objects.filter(pk=application.pk).update(applicant_level="EH3")
    SignatureRecord.objects.create(
        application=application,
        naam="A. Jansen",
        functie="Bestuurder",
        level="EH3",
        kvk_nummer=KVK,
        signer=User.objects.create_user(username="signer"),
        by_applicant=True,
    )
    application.refresh_from_db()
    return application


@override_settings(MIJNDUO_STRAIGHT_THROUGH=True)
def test_all_green_is_approved_automatically(fake_kvk: FakeKvk) -> None:
    application = all_green_portal_application(fake_kvk)
    checks_after_submission.call(application.pk)
    application.refresh_from_db()
    assert application.status == Status.GOEDGEKEURD
    decision = Decision.objects.get(application=application)
    assert decision.automatic
    assert decision.proposed_by is None
    assert set(
        BeheerautorisatieGrant.objects.filter(account__email="j.devries@example.nl").values_list(
            "code", flat=True
        )
    ) == {"po", "rio_algemeen"}
    final = AuditRecord.objects.get(action="decision.final", subject_id=application.reference)
    assert final.actor == "systeem:mijnduo"
    assert final.after["automatic"] is True
    assert application.history.last().actor == "systeem:mijnduo"


def test_straight_through_is_off_by_default(fake_kvk: FakeKvk) -> None:
    application = all_green_portal_application(fake_kvk)
    checks_after_submission.call(application.pk)
    application.refresh_from_db()
    assert CheckRun.objects.get(application=application).all_green
    assert application.status == Status.INGEDIEND
    assert not Decision.objects.exists()


@override_settings(MIJNDUO_STRAIGHT_THROUGH=True)
def test_one_unknown_check_leaves_it_for_a_person(fake_kvk: FakeKvk) -> None:
    application = all_green_portal_application(fake_kvk)
    fake_kvk.unavailable = True  # the KvK register cannot answer: unknown, never green
    checks_after_submission.call(application.pk)
    application.refresh_from_db()
    assert application.status == Status.INGEDIEND
    assert not CheckRun.objects.get(application=application).all_green
    assert not Decision.objects.exists()


@override_settings(MIJNDUO_STRAIGHT_THROUGH=True)
def test_submission_runs_the_checks_after_commit_when_the_policy_is_on(
    fake_kvk: FakeKvk, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        application = submit()
    run = CheckRun.objects.get(application=application)
    assert run.trigger == "ingediend"
    application.refresh_from_db()
    assert application.status == Status.INGEDIEND  # an API application is never all green


def test_without_a_worker_or_policy_the_checks_wait_for_the_first_look(
    fake_kvk: FakeKvk, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        submit()
    assert not CheckRun.objects.exists()
