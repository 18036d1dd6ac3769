"""The staff login: password, then TOTP (set up at the first login), lockout, logout."""

import re
from base64 import b32encode
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from freezegun import freeze_time

from mijnduo.audit.models import AuditRecord
from mijnduo.identity.staff.constants import StaffRole

from .conftest import PASSWORD, code_for, device_of, wrong_code

LOGIN = "/servicedesk/inloggen"
VERIFY = "/servicedesk/inloggen/code"
ENROL = "/servicedesk/inloggen/instellen"
MEMBERS = "/servicedesk/medewerkers/"
GENERIC = "The username or password is not right."

pytestmark = pytest.mark.django_db


def _password_step(client: Client, username: str, password: str = PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def _actions() -> list[str]:
    return list(AuditRecord.objects.values_list("action", flat=True))


def test_the_login_form_is_labelled_and_tells_browsers_what_to_fill_in(db) -> None:
    page = Client().get(LOGIN)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'autocomplete="username"' in html
    assert 'autocomplete="current-password"' in html
    assert '<label class="utrecht-form-label" for="id_username">' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "no-store" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]


def test_a_first_login_sets_up_totp_and_then_reaches_staff_pages(make_staff) -> None:
    user = make_staff(StaffRole.FUNCTIONEEL_BEHEERDER, username="eerste", mfa=False)
    client = Client()
    response = _password_step(client, "Eerste")  # capitals: usernames are lower case
    assert response.status_code == 302
    assert response["Location"] == ENROL
    # Logged in but not verified: no staff page opens yet.
    blocked = client.get(MEMBERS)
    assert blocked.status_code == 302
    assert blocked["Location"].startswith(ENROL)

    page = client.get(ENROL)
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed
    secret = b32encode(device.bin_key).decode().rstrip("=")
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    assert grouped in html
    assert "<svg" in html and 'role="img"' in html and "aria-label=" in html
    assert "otpauth://totp/Mijn%20DUO%20Beheer%3Aeerste?secret=" in html
    assert "issuer=Mijn%20DUO%20Beheer" in html
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html
    assert client.get(ENROL).content.decode().count(grouped) == 1  # same key on reload

    done = client.post(ENROL, {"code": code_for(device)})
    assert done.status_code == 302
    assert done["Location"] == "/servicedesk/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(MEMBERS).status_code == 200
    assert _actions()[-3:] == ["staff.mfa_enrolment_started", "staff.mfa_enrolled", "staff.login"]


def test_a_wrong_code_at_set_up_leaves_the_device_unconfirmed(make_staff) -> None:
    user = make_staff(mfa=False)
    client = Client()
    _password_step(client, user.username)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=user)
    response = client.post(ENROL, {"code": wrong_code(device)})
    assert response.status_code == 400
    assert "This code is not right" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_a_login_with_a_device_asks_the_code_and_returns_to_next(make_staff) -> None:
    user = make_staff(StaffRole.BEHANDELAAR)
    client = Client()
    target = "/servicedesk/aanvragen/ABC123/"
    response = _password_step(client, user.username, next=target)
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Fservicedesk%2Faanvragen%2FABC123%2F"
    page = client.get(response["Location"])
    assert 'value="/servicedesk/aanvragen/ABC123/"' in page.content.decode()
    done = client.post(VERIFY, {"code": code_for(device_of(user)), "next": target})
    assert done.status_code == 302
    assert done["Location"] == target
    login = AuditRecord.objects.filter(action="staff.login").get()
    assert login.actor == f"servicedesk:{user.pk}"
    assert login.after == {"mfa": "totp", "enrolled": False, "roles": ["behandelaar"]}


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/aanvragen/", "/servicedesk\\@x"]
)
def test_next_outside_the_back_office_is_ignored(make_staff, target) -> None:
    user = make_staff()
    client = Client()
    _password_step(client, user.username, next=target)
    done = client.post(VERIFY, {"code": code_for(device_of(user)), "next": target})
    assert done["Location"] == "/servicedesk/"


def test_the_session_key_changes_at_the_password_and_at_the_code(make_staff) -> None:
    user = make_staff()
    client = Client()
    client.get(LOGIN)
    client.session.save()
    anonymous_key = client.session.session_key
    _password_step(client, user.username)
    after_password = client.session.session_key
    client.post(VERIFY, {"code": code_for(device_of(user))})
    after_code = client.session.session_key
    assert len({anonymous_key, after_password, after_code}) == 3


def test_a_wrong_password_and_an_unknown_username_get_the_same_answer(make_staff) -> None:
    user = make_staff()
    wrong_password = _password_step(Client(), user.username, "niet-het-goede-wachtwoord")
    unknown_user = _password_step(Client(), "niemand", PASSWORD)
    for response in (wrong_password, unknown_user):
        assert response.status_code == 400
        html = response.content.decode()
        assert GENERIC in html
        assert 'id="error-summary"' in html and 'href="#id_username"' in html
        assert "_auth_user_id" not in Client().session
    failures = AuditRecord.objects.filter(action="staff.login_failed").order_by("pk")
    assert [r.after for r in failures] == [
        {"reason": "credentials", "user": user.pk},
        {"reason": "credentials", "user": None},
    ]
    for record in failures:  # neither the username nor the password is in the trail
        assert user.username not in str(record.after) and PASSWORD not in str(record.after)


def test_five_failures_lock_the_username_from_that_address_even_for_the_right_password(
    make_staff,
) -> None:
    user = make_staff()
    client = Client()
    for _ in range(4):
        assert _password_step(client, user.username, "fout-wachtwoord-1").status_code == 400
    fifth = _password_step(client, user.username, "fout-wachtwoord-1")
    assert fifth.status_code == 429
    right = _password_step(client, user.username, PASSWORD)
    assert right.status_code == 429
    html = right.content.decode()
    assert "Logging in is blocked for now" in html
    assert "15 minutes" in html
    assert user.username not in html
    assert "_auth_user_id" not in client.session
    assert AuditRecord.objects.filter(after__reason="locked_out").count() == 2
    # The lockout is for this username from this address: another address still works.
    elsewhere = Client(REMOTE_ADDR="192.0.2.7")
    assert _password_step(elsewhere, user.username).status_code == 302


def test_the_lockout_ends_after_the_cool_off(make_staff) -> None:
    user = make_staff()
    start = timezone.now()
    with freeze_time(start) as clock:
        client = Client()
        for _ in range(5):
            _password_step(client, user.username, "fout-wachtwoord-1")
        assert _password_step(client, user.username).status_code == 429
        clock.tick(timedelta(minutes=14))
        assert _password_step(client, user.username).status_code == 429
        clock.tick(timedelta(minutes=1, seconds=1))
        assert _password_step(client, user.username).status_code == 302


def test_a_wrong_code_is_refused_and_repeated_tries_are_throttled(make_staff) -> None:
    user = make_staff()
    device = device_of(user)
    start = timezone.now()
    with freeze_time(start) as clock:
        client = Client()
        _password_step(client, user.username)
        first = client.post(VERIFY, {"code": wrong_code(device)})
        assert first.status_code == 400
        assert "This code is not right" in first.content.decode()
        # At once again, even with the right code: django-otp makes them wait.
        throttled = client.post(VERIFY, {"code": code_for(device)})
        assert throttled.status_code == 429
        assert "Too many wrong codes" in throttled.content.decode()
        assert client.get(MEMBERS).status_code == 302  # still not verified
        clock.tick(timedelta(seconds=2))
        assert client.post(VERIFY, {"code": code_for(device)}).status_code == 302
    reasons = list(
        AuditRecord.objects.filter(action="staff.login_failed").values_list(
            "after__reason", flat=True
        )
    )
    assert reasons == ["code", "code_throttled"]


def test_a_code_that_was_used_is_not_accepted_again(make_staff) -> None:
    user = make_staff()
    device = device_of(user)
    start = timezone.now().replace(second=0, microsecond=0)
    with freeze_time(start):
        first = Client()
        _password_step(first, user.username)
        code = code_for(device)
        assert first.post(VERIFY, {"code": code}).status_code == 302
        replay = Client()
        _password_step(replay, user.username)
        assert replay.post(VERIFY, {"code": code}).status_code == 400


def test_letters_or_too_few_digits_are_a_form_error(make_staff) -> None:
    user = make_staff()
    client = Client()
    _password_step(client, user.username)
    for code in ["12345", "abcdef", ""]:
        response = client.post(VERIFY, {"code": code})
        assert response.status_code == 400
        assert 'aria-invalid="true"' in response.content.decode()
    assert device_of(user).throttling_failure_count == 0  # never reached the device


def test_an_applicant_can_never_log_in_with_the_staff_form(applicant) -> None:
    for password in ["!", PASSWORD, "   "]:
        client = Client()
        response = _password_step(client, applicant.username, password)
        assert response.status_code == 400
        assert GENERIC in response.content.decode()
        assert "_auth_user_id" not in client.session


def test_an_applicant_account_with_staff_flags_and_a_password_is_still_refused(
    make_applicant,
) -> None:
    from django.contrib.auth.models import Group

    odd = make_applicant(is_staff=True)
    odd.set_password(PASSWORD)
    odd.save()
    odd.groups.add(Group.objects.get_or_create(name=StaffRole.FUNCTIONEEL_BEHEERDER)[0])
    client = Client()
    response = _password_step(client, odd.username)
    assert response.status_code == 400
    assert GENERIC in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert AuditRecord.objects.filter(after__reason="not_staff").count() == 1


@pytest.mark.parametrize("case", ["not_is_staff", "no_role", "inactive"])
def test_an_account_that_is_not_a_working_staff_member_cannot_log_in(
    make_staff, django_user_model, case
) -> None:
    if case == "not_is_staff":
        user = django_user_model.objects.create_user(username="gewoon", password=PASSWORD)
    else:
        user = make_staff(username="oud")
        if case == "no_role":
            user.groups.clear()
        else:
            user.is_active = False
            user.save()
    client = Client()
    response = _password_step(client, user.username)
    assert response.status_code == 400
    assert GENERIC in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_right_password_of_a_non_staff_account_counts_towards_the_lockout(
    django_user_model,
) -> None:
    django_user_model.objects.create_user(username="gewoon", password=PASSWORD)
    client = Client()
    statuses = [_password_step(client, "gewoon").status_code for _ in range(5)]
    assert statuses == [400, 400, 400, 400, 429]


def test_logout_ends_the_session_and_is_audited(make_staff) -> None:
    user = make_staff()
    client = Client()
    _password_step(client, user.username)
    client.post(VERIFY, {"code": code_for(device_of(user))})
    assert client.get("/servicedesk/uitloggen").status_code == 405
    response = client.post("/servicedesk/uitloggen")
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert "_auth_user_id" not in client.session
    assert _actions()[-1] == "staff.logout"
    assert client.get(MEMBERS).status_code == 302


def test_a_half_logged_in_staff_member_can_log_out(make_staff) -> None:
    user = make_staff()
    client = Client()
    _password_step(client, user.username)
    page = client.get(VERIFY).content.decode()
    assert 'action="/servicedesk/uitloggen"' in page
    client.post("/servicedesk/uitloggen")
    assert client.get(VERIFY)["Location"].startswith(LOGIN)


def test_the_code_page_needs_the_password_first(db) -> None:
    for path in (VERIFY, ENROL):
        response = Client().get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)


def test_a_verified_staff_member_on_the_login_page_goes_on(beheerder_client) -> None:
    response = beheerder_client.get(LOGIN)
    assert response.status_code == 302
    assert response["Location"] == "/servicedesk/"


def test_staff_pages_warn_before_the_session_ends_and_keep_alive_works(
    beheerder_client,
) -> None:
    html = beheerder_client.get(MEMBERS).content.decode()
    assert re.search(r'data-session-seconds="\d+"', html)
    assert 'data-keep-alive-url="/sessie/verlengen"' in html
    assert 'data-expired-url="/servicedesk/inloggen?verlopen=1"' in html
    assert 'id="session-warning"' in html
    assert beheerder_client.post("/sessie/verlengen").status_code == 204


def test_the_expired_notice_is_shown_after_a_timeout(db) -> None:
    html = Client().get(f"{LOGIN}?verlopen=1").content.decode()
    assert "not active for 15 minutes" in html
