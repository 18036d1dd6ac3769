"""Staff management (functioneel beheerder): list, create, roles, MFA reset, block, unlock."""

import re

import pytest
from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import User
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from mijnduo.audit.models import AuditRecord
from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.selectors import staff_roles

from .conftest import PASSWORD, device_of, verified_login

MEMBERS = "/servicedesk/medewerkers/"
NEW = "/servicedesk/medewerkers/nieuw"

pytestmark = pytest.mark.django_db


def _member(user: User) -> str:
    return f"/servicedesk/medewerkers/{user.pk}"


def _new_account(**changes: object) -> dict[str, object]:
    return {
        "username": "j.jansen",
        "naam": "Jan Jansen",
        "email": "j.jansen@duo.example",
        "roles": ["behandelaar", "tweede_beoordelaar"],
        "password": "zeven-blauwe-reigers-9",
        "password_again": "zeven-blauwe-reigers-9",
        **changes,
    }


def test_the_list_shows_staff_with_roles_mfa_and_state_but_no_applicants(
    beheerder_client, make_staff, applicant
) -> None:
    make_staff(StaffRole.BEHANDELAAR, username="zonder-app", mfa=False)
    blocked = make_staff(StaffRole.TWEEDE_BEOORDELAAR, username="weg")
    blocked.is_active = False
    blocked.save()
    html = beheerder_client.get(MEMBERS).content.decode()
    assert "zonder-app" in html and "weg" in html and "beheer" in html
    assert applicant.username not in html
    assert html.count("not set up") == 1
    assert html.count(">blocked<") == 1
    assert "case handler" in html and "functional administrator" in html
    assert "<caption" in html and 'scope="col"' in html


def test_a_functioneel_beheerder_creates_an_account(beheerder_client, beheerder) -> None:
    response = beheerder_client.post(NEW, _new_account())
    created = User.objects.get(username="j.jansen")
    assert response.status_code == 302
    assert response["Location"] == _member(created)
    assert created.is_staff and created.is_active
    assert created.get_full_name() == "Jan Jansen"
    assert staff_roles(created) == {"behandelaar", "tweede_beoordelaar"}
    assert not TOTPDevice.objects.filter(user=created).exists()
    record = AuditRecord.objects.get(action="staff.created", subject_id=str(created.pk))
    assert record.actor == f"servicedesk:{beheerder.pk}"
    assert record.subject_id == str(created.pk)
    assert record.after == {"roles": ["behandelaar", "tweede_beoordelaar"]}
    assert "j.jansen" not in str(record.after) and "Jan" not in str(record.after)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"password": "kort", "password_again": "kort"}, "password", "too short"),
        (
            {"password": "123456789012345", "password_again": "123456789012345"},
            "password",
            "entirely numeric",
        ),
        ({"password": "password1234", "password_again": "password1234"}, "password", "too common"),
        ({"password_again": "iets-anders-dan-dat"}, "password_again", "not the same"),
        ({"roles": []}, "roles", "at least one role"),
        ({"username": "Jan Jansen"}, "username", "lower case letters"),
        ({"username": "beheer"}, "username", "taken"),
        ({"email": "geen-adres"}, "email", "valid email"),
    ],
)
def test_a_new_account_with_problems_is_not_created(
    beheerder_client, changes, field, message
) -> None:
    response = beheerder_client.post(
        NEW, _new_account(**changes), headers={"Accept-Language": "en"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    error = re.search(rf'id="id_{field}_error">(.*?)</p>', html)
    assert error is not None and message in error[1]
    anchor = f"#id_{field}_0" if field == "roles" else f"#id_{field}"
    assert f'href="{anchor}"' in html  # the error summary links to the field
    assert AuditRecord.objects.filter(action="staff.created").count() == 1  # the beheerder
    assert User.objects.filter(is_staff=True).count() == 1


def test_the_password_must_not_resemble_the_username(beheerder_client) -> None:
    password = "zonnebloemen-42"  # long enough, not common, but the username with a suffix
    response = beheerder_client.post(
        NEW,
        _new_account(username="zonnebloemen", password=password, password_again=password),
        headers={"Accept-Language": "en"},
    )
    assert response.status_code == 400
    assert "too similar to the username" in response.content.decode()
    assert not User.objects.filter(username="zonnebloemen").exists()


def test_roles_are_changed_and_audited(beheerder_client, make_staff) -> None:
    member = make_staff(StaffRole.BEHANDELAAR)
    response = beheerder_client.post(
        _member(member), {"actie": "rollen", "roles": ["tweede_beoordelaar"]}
    )
    assert response.status_code == 302
    assert staff_roles(User.objects.get(pk=member.pk)) == {"tweede_beoordelaar"}
    record = AuditRecord.objects.get(action="staff.roles_changed")
    assert (record.before, record.after) == (
        {"roles": ["behandelaar"]},
        {"roles": ["tweede_beoordelaar"]},
    )


def test_no_roles_is_refused(beheerder_client, make_staff) -> None:
    member = make_staff(StaffRole.BEHANDELAAR)
    response = beheerder_client.post(_member(member), {"actie": "rollen"})
    assert response.status_code == 400
    assert "Choose at least one role." in response.content.decode()
    assert staff_roles(User.objects.get(pk=member.pk)) == {"behandelaar"}


def test_the_last_functioneel_beheerder_cannot_remove_that_role_or_block_themselves(
    beheerder_client, beheerder
) -> None:
    demote = beheerder_client.post(
        _member(beheerder), {"actie": "rollen", "roles": ["behandelaar"]}
    )
    assert demote.status_code == 400
    assert "last active functional administrator" in demote.content.decode()
    block = beheerder_client.post(_member(beheerder), {"actie": "blokkeren"})
    assert block.status_code == 400
    beheerder.refresh_from_db()
    assert beheerder.is_active
    assert staff_roles(User.objects.get(pk=beheerder.pk)) == {"functioneel_beheerder"}


def test_with_a_second_functioneel_beheerder_the_first_may_step_down(
    beheerder_client, beheerder, make_staff
) -> None:
    make_staff(StaffRole.FUNCTIONEEL_BEHEERDER)
    response = beheerder_client.post(
        _member(beheerder), {"actie": "rollen", "roles": ["behandelaar"]}
    )
    assert response.status_code == 302
    assert beheerder_client.get(MEMBERS).status_code == 403  # no longer theirs


def test_resetting_mfa_removes_the_app_and_ends_sessions_checked_with_it(
    beheerder_client, make_staff
) -> None:
    member = make_staff(StaffRole.BEHANDELAAR)
    member_client = verified_login(Client(), member, device_of(member))
    assert member_client.get(MEMBERS).status_code == 403  # verified, just not allowed here
    response = beheerder_client.post(_member(member), {"actie": "mfa-herstellen"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=member).exists()
    after = member_client.get(MEMBERS)
    assert after.status_code == 302
    assert after["Location"].startswith("/servicedesk/inloggen/instellen")
    assert AuditRecord.objects.get(action="staff.mfa_reset").after == {"devices_removed": 1}


def test_blocking_an_account_ends_its_sessions_and_its_logins(beheerder_client, make_staff) -> None:
    member = make_staff(StaffRole.FUNCTIONEEL_BEHEERDER)
    member_client = verified_login(Client(), member, device_of(member))
    assert member_client.get(MEMBERS).status_code == 200
    assert beheerder_client.post(_member(member), {"actie": "blokkeren"}).status_code == 302
    assert member_client.get(MEMBERS).status_code == 302
    login = Client().post(
        "/servicedesk/inloggen", {"username": member.username, "password": PASSWORD}
    )
    assert login.status_code == 400
    assert AuditRecord.objects.filter(action="staff.deactivated").count() == 1


def test_lifting_a_lockout(beheerder_client, make_staff) -> None:
    member = make_staff()
    locked = Client()
    for _ in range(5):
        locked.post(
            "/servicedesk/inloggen", {"username": member.username, "password": "fout-fout-fout"}
        )
    login = {"username": member.username, "password": PASSWORD}
    assert locked.post("/servicedesk/inloggen", login).status_code == 429
    assert beheerder_client.post(_member(member), {"actie": "ontgrendelen"}).status_code == 302
    assert locked.post("/servicedesk/inloggen", login).status_code == 302
    assert AuditRecord.objects.get(action="staff.lockout_reset").after == {"attempts_removed": 1}


def test_an_unknown_action_or_member(beheerder_client, applicant) -> None:
    assert beheerder_client.get("/servicedesk/medewerkers/999999").status_code == 404
    # An applicant's account is not a staff account, so it cannot be managed here.
    assert beheerder_client.get(_member(applicant)).status_code == 404
    member_page = beheerder_client.post(
        _member(User.objects.get(username="beheer")), {"actie": "iets"}
    )
    assert member_page.status_code == 400


def test_every_form_needs_the_csrf_token(beheerder, make_staff) -> None:
    member = make_staff()
    client = verified_login(Client(enforce_csrf_checks=True), beheerder, device_of(beheerder))
    assert client.post(_member(member), {"actie": "blokkeren"}).status_code == 403
    assert client.post(NEW, _new_account()).status_code == 403
    member.refresh_from_db()
    assert member.is_active
    anonymous = Client(enforce_csrf_checks=True)
    assert (
        anonymous.post("/servicedesk/inloggen", {"username": "x", "password": "y"}).status_code
        == 403
    )


def test_created_passwords_are_hashed(beheerder_client) -> None:
    beheerder_client.post(NEW, _new_account())
    stored = User.objects.get(username="j.jansen").password
    assert "zeven-blauwe-reigers-9" not in stored
    assert check_password("zeven-blauwe-reigers-9", stored)
