"""Staff accounts for tests, made as the product makes them (staff_user_create, with a
password and roles) and, unless ``mfa=False``, with a confirmed authenticator app;
and the codes that app shows. Shared by tests/staff and tests/browser (tests/ is on
sys.path: import it as ``staff_accounts``). tests/review makes its staff members
without a password instead: hashing one with Argon2 for every test would be slow."""

import secrets
from collections.abc import Iterable

from django.contrib.auth.models import User
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from mijnduo.audit.actors import SYSTEM
from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.services import staff_user_create

PASSWORD = "paarse-olifant-fietst-42"


def staff_account(
    roles: Iterable[StaffRole] = (),
    *,
    username: str | None = None,
    naam: str = "Fatima el Amrani",
    mfa: bool = True,
    password: str = PASSWORD,
) -> User:
    username = username or f"mw-{secrets.token_hex(4)}"
    user = staff_user_create(
        actor=SYSTEM,
        username=username,
        naam=naam,
        email=f"{username}@duo.example",
        roles=list(roles) or [StaffRole.BEHANDELAAR],
        password=password,
    )
    if mfa:
        TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


def code_for(device: TOTPDevice) -> str:
    """The code the staff member's app shows now (freezegun moves "now")."""
    device.refresh_from_db()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong_code_for(device: TOTPDevice) -> str:
    return f"{(int(code_for(device)) + 500_000) % 1_000_000:06d}"
