"""The staff pages in a real browser: the login with TOTP set-up, without JavaScript
help, and axe-core (WCAG 2.1 AA) on every page and error state of the access layer."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from mijnduo.audit.actors import SYSTEM
from mijnduo.identity.staff.constants import StaffRole
from mijnduo.identity.staff.services import staff_user_create
from staff.conftest import PASSWORD

from .conftest import assert_accessible, assert_error_links_resolve


@pytest.fixture
def admin(site: str) -> None:
    staff_user_create(
        actor=SYSTEM,
        username="admin",
        naam="Eerste Beheerder",
        email="beheer@duo.example",
        roles=[StaffRole.FUNCTIONEEL_BEHEERDER],
        password=PASSWORD,
    )


def _submit(page: Page) -> None:
    page.locator("#inhoud form").last.locator("button[type=submit]").click()


def test_first_login_with_set_up_and_staff_management(page: Page, admin: None) -> None:
    page.goto("/servicedesk/inloggen")
    assert_accessible(page, "staff login")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill("niet-goed-genoeg")
    _submit(page)
    expect(page.locator("#error-summary")).to_be_focused()
    assert_error_links_resolve(page)
    assert_accessible(page, "staff login with an error")

    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill(PASSWORD)
    _submit(page)
    page.wait_for_url(re.compile(r"/servicedesk/inloggen/instellen$"))
    expect(page.locator(".staff-qr svg")).to_be_visible()
    assert_accessible(page, "TOTP set-up")
    secret = page.locator("#sleutel").inner_text().replace(" ", "")
    key = b32decode(secret + "=" * (-len(secret) % 8))
    page.locator("#id_code").fill("000000" if totp(key) != 0 else "111111")
    _submit(page)
    expect(page.locator("#id_code")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, "TOTP set-up with a wrong code")

    # django-otp throttles the next try for a second after a wrong code; lift it
    # instead of waiting (the throttle itself is tested in test_login.py).
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.get(user__username="admin").throttle_reset()
    page.locator("#id_code").fill(f"{totp(key):06d}")
    _submit(page)
    page.wait_for_url(re.compile(r"/servicedesk/$"))

    page.goto("/servicedesk/medewerkers/")
    expect(page.locator("nav.staff-nav")).to_contain_text(re.compile("Medewerkers|Staff"))
    assert_accessible(page, "staff list")
    page.locator("#inhoud").get_by_role("link", name=re.compile("account")).first.click()
    _submit(page)
    expect(page.locator("#error-summary")).to_be_focused()
    assert_error_links_resolve(page)
    assert_accessible(page, "new staff account with errors")
    page.locator("#id_username").fill("j.jansen")
    page.locator("#id_naam").fill("Jan Jansen")
    page.locator("#id_email").fill("j.jansen@duo.example")
    page.locator("#id_roles_0").check()
    page.locator("#id_password").fill("zeven-blauwe-reigers-9")
    page.locator("#id_password_again").fill("zeven-blauwe-reigers-9")
    _submit(page)
    page.wait_for_url(re.compile(r"/servicedesk/medewerkers/\d+$"))
    expect(page.locator("h1")).to_have_text("Jan Jansen")
    assert_accessible(page, "a staff member's page")

    page.locator("header").get_by_role("button").first.click()
    page.wait_for_url(re.compile(r"/servicedesk/inloggen$"))


def test_the_code_page_and_the_lockout_page(page: Page, admin: None) -> None:
    from django.contrib.auth.models import User
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=User.objects.get(username="admin"), name="app")
    page.goto("/servicedesk/inloggen")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill(PASSWORD)
    _submit(page)
    page.wait_for_url(re.compile(r"/servicedesk/inloggen/code$"))
    assert_accessible(page, "code page")
    page.locator("header").get_by_role("button").first.click()
    for _ in range(5):
        page.locator("#id_username").fill("admin")
        page.locator("#id_password").fill("niet-goed-genoeg")
        _submit(page)
    expect(page.locator("h1")).to_have_text(re.compile("blok|block", re.IGNORECASE))
    assert_accessible(page, "lockout page")


def test_the_refusal_page_for_an_applicant(page: Page, site: str) -> None:
    from browser.conftest import login

    login(page)
    page.goto("/servicedesk/medewerkers/")
    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page, "staff-only refusal")
