"""Every branch of the staff gate (permissions.py), on tiny test views and on real pages."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client, RequestFactory
from django_otp.plugins.otp_totp.models import TOTPDevice

from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.permissions import StaffAccessRefused, staff_member_for
from mijnduo.identity.staff.selectors import is_staff_member, staff_roles

from .conftest import device_of, verified_login

ANY = "/servicedesk/test/iedereen"
REVIEWERS = "/servicedesk/test/beoordelaars"
MEMBERS = "/servicedesk/medewerkers/"
STAFF_ONLY = "This page is for DUO service desk staff only"

pytestmark = [pytest.mark.django_db, pytest.mark.urls("staff.urls")]


def test_nobody_logged_in_goes_to_the_staff_login_with_next() -> None:
    response = Client().get(ANY)
    assert response.status_code == 302
    assert response["Location"] == "/servicedesk/inloggen?next=%2Fservicedesk%2Ftest%2Fiedereen"


def test_an_applicant_gets_403_and_stays_logged_in(applicant) -> None:
    client = Client()
    client.force_login(applicant)
    for path in (ANY, REVIEWERS, MEMBERS):
        response = client.get(path)
        assert response.status_code == 403
        html = response.content.decode()
        assert STAFF_ONLY in html
        # The applicant's own header, not the staff one; not logged out, no redirect.
        assert 'action="/uitloggen/"' in html
        assert "/servicedesk/uitloggen" not in html
    assert client.session["_auth_user_id"] == str(applicant.pk)


def test_an_applicant_with_staff_flags_and_a_role_is_still_refused(make_applicant) -> None:
    from django.contrib.auth.models import Group

    odd = make_applicant(is_staff=True)
    odd.groups.add(Group.objects.get_or_create(name=StaffRole.BEHANDELAAR)[0])
    device = TOTPDevice.objects.create(user=odd, name="app", confirmed=True)
    client = verified_login(Client(), odd, device)
    assert client.get(ANY).status_code == 403
    assert not is_staff_member(odd)


def test_an_account_without_is_staff_gets_403(django_user_model) -> None:
    person = django_user_model.objects.create_user(username="eh-zonder-identiteit")
    client = Client()
    client.force_login(person)
    assert client.get(ANY).status_code == 403


def test_a_staff_account_without_a_role_gets_403(make_staff) -> None:
    user = make_staff()
    user.groups.clear()
    client = verified_login(Client(), user, device_of(user))
    assert client.get(ANY).status_code == 403


def test_an_inactive_staff_member_gets_no_access(make_staff) -> None:
    user = make_staff()
    client = verified_login(Client(), user, device_of(user))
    user.is_active = False
    user.save()
    # The session no longer belongs to anyone: Django's backends refuse inactive users.
    assert client.get(ANY)["Location"].startswith("/servicedesk/inloggen")
    # And the gate itself refuses an inactive user object with a 403.
    request = RequestFactory().get(ANY)
    request.user = user
    request.session = SessionStore()
    with pytest.raises(StaffAccessRefused) as refused:
        staff_member_for(request)
    assert refused.value.response.status_code == 403


def test_a_staff_member_without_the_code_step_is_sent_to_it(make_staff) -> None:
    user = make_staff()
    client = Client()
    client.force_login(user)  # password done, code not
    response = client.get(ANY)
    assert response.status_code == 302
    assert response["Location"] == (
        "/servicedesk/inloggen/code?next=%2Fservicedesk%2Ftest%2Fiedereen"
    )


def test_a_staff_member_without_an_app_is_sent_to_set_it_up(make_staff) -> None:
    user = make_staff(mfa=False)
    client = Client()
    client.force_login(user)
    response = client.get(MEMBERS)
    assert response.status_code == 302
    assert response["Location"].startswith("/servicedesk/inloggen/instellen?next=")


def test_an_unconfirmed_device_in_the_session_does_not_count(make_staff) -> None:
    user = make_staff(mfa=False)
    device = TOTPDevice.objects.create(user=user, name="half", confirmed=False)
    client = verified_login(Client(), user, device)
    assert client.get(ANY).status_code == 302


def test_another_users_device_in_the_session_does_not_count(make_staff) -> None:
    user = make_staff()
    other = make_staff()
    client = verified_login(Client(), user, device_of(other))
    assert client.get(ANY).status_code == 302


def test_a_verified_staff_member_passes_and_the_view_knows_them(make_staff) -> None:
    user = make_staff(StaffRole.BEHANDELAAR, StaffRole.TWEEDE_BEOORDELAAR)
    client = verified_login(Client(), user, device_of(user))
    response = client.get(ANY)
    assert response.status_code == 200
    assert response.content.decode() == (
        "staff Fatima el Amrani ['behandelaar', 'tweede_beoordelaar']"
    )


@pytest.mark.parametrize(
    ("roles", "status"),
    [
        ([StaffRole.BEHANDELAAR], 403),
        ([StaffRole.TWEEDE_BEOORDELAAR], 200),
        ([StaffRole.FUNCTIONEEL_BEHEERDER], 200),
        ([StaffRole.BEHANDELAAR, StaffRole.TWEEDE_BEOORDELAAR], 200),
    ],
)
def test_any_one_of_the_roles_asked_for_is_enough(make_staff, roles, status) -> None:
    user = make_staff(*roles)
    client = verified_login(Client(), user, device_of(user))
    response = client.get(REVIEWERS)
    assert response.status_code == status
    if status == 403:
        html = response.content.decode()
        assert STAFF_ONLY in html and "Your role does not include this page" in html
        assert 'action="/servicedesk/uitloggen"' in html  # their own, staff header


@pytest.mark.parametrize("roles", [[StaffRole.BEHANDELAAR], [StaffRole.TWEEDE_BEOORDELAAR]])
def test_only_a_functioneel_beheerder_reaches_staff_management(make_staff, roles) -> None:
    user = make_staff(*roles)
    client = verified_login(Client(), user, device_of(user))
    assert client.get(MEMBERS).status_code == 403
    assert client.get("/servicedesk/medewerkers/nieuw").status_code == 403
    assert client.get(f"/servicedesk/medewerkers/{user.pk}").status_code == 403
    block = client.post(f"/servicedesk/medewerkers/{user.pk}", {"actie": "blokkeren"})
    assert block.status_code == 403
    user.refresh_from_db()
    assert user.is_active


def test_the_staff_link_is_shown_to_functioneel_beheerders_only(make_staff) -> None:
    beheerder = make_staff(StaffRole.FUNCTIONEEL_BEHEERDER)
    html = verified_login(Client(), beheerder, device_of(beheerder)).get(MEMBERS).content.decode()
    assert 'href="/servicedesk/medewerkers/" aria-current="page"' in html
    reviewer = make_staff(StaffRole.TWEEDE_BEOORDELAAR)
    html = verified_login(Client(), reviewer, device_of(reviewer)).get(REVIEWERS)
    assert "/servicedesk/medewerkers/" not in html.content.decode()


def test_roles_are_read_once_per_request(make_staff, django_assert_num_queries) -> None:
    user = make_staff(StaffRole.BEHANDELAAR)
    with django_assert_num_queries(1):
        assert staff_roles(user) == {"behandelaar"}
        assert staff_roles(user) == {"behandelaar"}
    assert staff_roles(AnonymousUser()) == frozenset()


def test_is_a_staff_member_is_one_statement_for_roles_and_eherkenning(
    make_staff, django_assert_num_queries
) -> None:
    from django.contrib.auth.models import Group, User

    from mijnduo.identity.models import EherkenningIdentity

    user = User.objects.get(pk=make_staff(StaffRole.BEHANDELAAR, StaffRole.TWEEDE_BEOORDELAAR).pk)
    with django_assert_num_queries(1):
        assert is_staff_member(user)
        assert staff_roles(user) == {"behandelaar", "tweede_beoordelaar"}
    # Groups that are not staff roles count for nothing, with or without a role.
    staff = User.objects.get(pk=make_staff(StaffRole.TWEEDE_BEOORDELAAR).pk)
    staff.groups.add(Group.objects.create(name="nieuwsbrief"))
    assert is_staff_member(User.objects.get(pk=staff.pk))
    assert staff_roles(User.objects.get(pk=staff.pk)) == {"tweede_beoordelaar"}
    other = User.objects.create(username="other", is_staff=True)
    other.groups.add(Group.objects.get(name="nieuwsbrief"))
    assert not is_staff_member(User.objects.get(pk=other.pk))
    applicant = User.objects.create(username="applicant", is_staff=True)
    applicant.groups.add(*Group.objects.filter(name="behandelaar"))
    EherkenningIdentity.objects.create(user=applicant, kvk_nummer="12345678", pseudonym="x")
    assert not is_staff_member(User.objects.get(pk=applicant.pk))
