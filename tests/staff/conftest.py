"""Staff fixtures: accounts with roles, their TOTP devices, and logged-in clients."""

import secrets
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from mijnduo.identity.models import EherkenningIdentity
from mijnduo.identity.staff.constants import StaffRole
from staff_accounts import PASSWORD, code_for, staff_account
from staff_accounts import wrong_code_for as wrong_code

__all__ = ["PASSWORD", "code_for", "device_of", "verified_login", "wrong_code"]


def verified_login(client: Client, user: User, device: TOTPDevice) -> Client:
    """A session past both steps, as the code page leaves it (for tests of other pages)."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def make_staff(db: None) -> Callable[..., User]:
    def make(
        *roles: StaffRole,
        username: str | None = None,
        mfa: bool = True,
        password: str = PASSWORD,
    ) -> User:
        return staff_account(roles, username=username, mfa=mfa, password=password)

    return make


def device_of(user: User) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=True)


@pytest.fixture
def beheerder(make_staff: Callable[..., User]) -> User:
    return make_staff(StaffRole.FUNCTIONEEL_BEHEERDER, username="beheer")


@pytest.fixture
def beheerder_client(beheerder: User) -> Client:
    return verified_login(Client(), beheerder, device_of(beheerder))


@pytest.fixture
def make_applicant(db: None) -> Callable[..., User]:
    """A person as the eHerkenning backend creates them: no usable password."""

    def make(**flags: Any) -> User:
        user = User.objects.create_user(username=f"eh-{secrets.token_hex(6)}", **flags)
        EherkenningIdentity.objects.create(
            user=user, kvk_nummer="90000001", pseudonym=secrets.token_hex(8)
        )
        return user

    return make


@pytest.fixture
def applicant(make_applicant: Callable[..., User]) -> User:
    return make_applicant()


@pytest.fixture(autouse=True)
def english(settings: Any) -> None:
    """These tests read the English texts (the message ids); Dutch is the default
    language and its catalogue is checked by tests/test_translations.py."""
    settings.LANGUAGE_CODE = "en"
