"""`mijnduo staff`: the first functioneel beheerder, MFA reset, unlock, list, demo codes."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from mijnduo.audit.actors import SYSTEM
from mijnduo.audit.models import AuditRecord
from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.selectors import staff_roles
from mijnduo.identity.staff.services import staff_demo_user_ensure

from .conftest import PASSWORD, code_for, device_of

pytestmark = pytest.mark.django_db

DEMO_KEY = "3132333435363738393031323334353637383930"


def _run(*args: str, stdin: str | None = None, monkeypatch=None) -> str:
    out = io.StringIO()
    if stdin is not None and monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command("staff", *args, stdout=out)
    return out.getvalue()


def _create_admin(monkeypatch, password: str = PASSWORD) -> str:
    return _run(
        "create",
        "admin",
        "--role",
        "functioneel_beheerder",
        "--email",
        "beheer@duo.example",
        "--name",
        "Eerste Beheerder",
        "--password-stdin",
        stdin=f"{password}\n",
        monkeypatch=monkeypatch,
    )


def test_create_makes_the_first_functioneel_beheerder_who_can_log_in(monkeypatch) -> None:
    output = _create_admin(monkeypatch)
    admin = User.objects.get(username="admin")
    assert "created" in output and PASSWORD not in output
    assert admin.is_staff and staff_roles(admin) == {StaffRole.FUNCTIONEEL_BEHEERDER}
    record = AuditRecord.objects.get(action="staff.created")
    assert record.actor == "systeem:cli"
    client = Client()
    response = client.post("/servicedesk/inloggen", {"username": "admin", "password": PASSWORD})
    assert response["Location"] == "/servicedesk/inloggen/instellen"


def test_create_asks_the_password_twice(monkeypatch) -> None:
    answers = iter([PASSWORD, "iets-anders-dan-dat"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(CommandError, match="not the same"):
        call_command(
            "staff", "create", "admin", "--role", "behandelaar", "--email", "a@duo.example",
            "--name", "A",
        )  # fmt: skip
    assert not User.objects.filter(username="admin").exists()
    answers = iter([PASSWORD, PASSWORD])
    call_command(
        "staff", "create", "admin", "--role", "behandelaar", "--role", "tweede_beoordelaar",
        "--email", "a@duo.example", "--name", "A", stdout=io.StringIO(),
    )  # fmt: skip
    assert staff_roles(User.objects.get(username="admin")) == {
        "behandelaar",
        "tweede_beoordelaar",
    }


def test_a_weak_password_or_unknown_role_is_refused(monkeypatch) -> None:
    with pytest.raises(CommandError, match="password"):
        _create_admin(monkeypatch, password="kort")
    with pytest.raises(CommandError):
        call_command("staff", "create", "x", "--role", "baas", "--email", "x@duo.example",
                     "--name", "X")  # fmt: skip
    assert not User.objects.exists()


def test_list_reset_mfa_and_unlock(make_staff) -> None:
    user = make_staff(StaffRole.BEHANDELAAR, username="piet")
    make_staff(StaffRole.TWEEDE_BEOORDELAAR, username="klaas", mfa=False)
    listing = _run("list")
    assert "piet\tbehandelaar\tmfa\tactive" in listing
    assert "klaas\ttweede_beoordelaar\tno-mfa\tactive" in listing
    assert "Fatima" not in listing and "@" not in listing  # no names or e-mail

    _run("reset-mfa", "piet")
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert AuditRecord.objects.get(action="staff.mfa_reset").actor == "systeem:cli"

    client = Client()
    for _ in range(5):
        client.post("/servicedesk/inloggen", {"username": "piet", "password": "fout-fout-fout"})
    assert _run("unlock", "PIET").startswith("Failed logins forgotten")
    response = client.post("/servicedesk/inloggen", {"username": "piet", "password": PASSWORD})
    assert response.status_code == 302
    with pytest.raises(CommandError, match="No staff account"):
        _run("reset-mfa", "niemand")


def test_an_applicant_is_not_a_staff_account_for_the_command(applicant) -> None:
    with pytest.raises(CommandError, match="No staff account"):
        _run("reset-mfa", applicant.username)


def test_demo_code_only_in_development(make_staff) -> None:
    user = make_staff(username="demo")
    with pytest.raises(CommandError, match="development only"):
        _run("demo-code", "demo")
    with override_settings(DEBUG=True):
        code = _run("demo-code", "demo").strip()
    assert code == code_for(device_of(user))
    client = Client()
    client.post("/servicedesk/inloggen", {"username": "demo", "password": PASSWORD})
    assert client.post("/servicedesk/inloggen/code", {"code": code}).status_code == 302


def test_the_demo_user_is_ensured_idempotently_and_only_in_development() -> None:
    arguments = {
        "actor": SYSTEM,
        "username": "demo-behandelaar",
        "naam": "Demo Behandelaar",
        "roles": [StaffRole.BEHANDELAAR],
        "password": "demo",
        "totp_secret_hex": DEMO_KEY,
    }
    with pytest.raises(RuntimeError):
        staff_demo_user_ensure(**arguments)
    with override_settings(DEBUG=True):
        first = staff_demo_user_ensure(**arguments)
        again = staff_demo_user_ensure(**{**arguments, "roles": [StaffRole.TWEEDE_BEOORDELAAR]})
    assert first.pk == again.pk
    assert User.objects.filter(username="demo-behandelaar").count() == 1
    devices = TOTPDevice.objects.filter(user=first)
    assert [(d.key, d.confirmed) for d in devices] == [(DEMO_KEY, True)]
    assert staff_roles(User.objects.get(pk=first.pk)) == {"tweede_beoordelaar"}
    client = Client()
    client.post("/servicedesk/inloggen", {"username": "demo-behandelaar", "password": "demo"})
    assert (
        client.post("/servicedesk/inloggen/code", {"code": code_for(devices[0])})["Location"]
        == "/servicedesk/"
    )
