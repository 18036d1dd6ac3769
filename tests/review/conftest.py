"""Service-desk fixtures: staff members with roles and a verified TOTP session,
submitted applications, and a KvK register the test controls."""

import copy
import secrets
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from mijnduo.aanvraag.validator import validate
from mijnduo.applications.constants import Channel
from mijnduo.applications.models import Application
from mijnduo.applications.services import application_submit
from mijnduo.audit.actors import SYSTEM
from mijnduo.registers.kvk import interface as kvk
from mijnduo.registry.selectors import held_beheerautorisaties
from sample_documents import VALID_DOCUMENT

BEHANDELAAR = "behandelaar"
TWEEDE = "tweede_beoordelaar"
BEHEERDER = "functioneel_beheerder"


def make_staff(*roles: str, username: str = "") -> User:
    user = User.objects.create_user(
        username=username or f"staff-{secrets.token_hex(4)}",
        first_name="Sam Staff",
        password=None,
        is_staff=True,
    )
    user.groups.set([Group.objects.get_or_create(name=role)[0] for role in roles])
    TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return user


def staff_login(user: User, client: Client | None = None) -> Client:
    """A client logged in as ``user`` with the TOTP step passed (as django_otp.login)."""
    # English pages, so assertions read as the message ids (Dutch is tested elsewhere).
    client = client or Client(headers={"Accept-Language": "en"})
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()
    return client


@pytest.fixture
def behandelaar(db: None) -> User:
    return make_staff(BEHANDELAAR)


@pytest.fixture
def tweede(db: None) -> User:
    return make_staff(TWEEDE)


def submit(
    document: dict[str, Any] | None = None, *, channel: Channel = Channel.API
) -> Application:
    document = copy.deepcopy(document or VALID_DOCUMENT)
    result = validate(document, held_lookup=held_beheerautorisaties)
    assert result.is_valid, result.problems
    return application_submit(actor=SYSTEM, submitted=document, result=result, channel=channel)


@pytest.fixture
def make_application(db: None) -> Callable[..., Application]:
    return submit


class FakeKvk:
    """A KvK register with the answers a test gives it (None: no such registration)."""

    def __init__(self) -> None:
        self.answers: dict[str, kvk.Inschrijving | None] = {}
        self.unavailable = False

    def inschrijving(self, kvk_nummer: str) -> kvk.Inschrijving | None:
        if self.unavailable:
            raise kvk.RegisterUnavailable("test: register down")
        if kvk_nummer not in self.answers:
            raise kvk.RegisterUnavailable("test: not in the fake register")
        return self.answers[kvk_nummer]


@pytest.fixture
def fake_kvk(monkeypatch: pytest.MonkeyPatch) -> FakeKvk:
    fake = FakeKvk()
    monkeypatch.setattr("mijnduo.review.checks.signatory.signatory_register", lambda: fake)
    return fake
