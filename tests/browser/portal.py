"""Driving the applicant's form in the browser: start a draft, answer pages, sign."""

import re
from collections.abc import Mapping
from typing import Any

from django.core import mail
from playwright.sync_api import Locator, Page, expect

# The answers of a complete aanmelding and the registry for a wijziging, shared with the
# portal tests (tests/ is on sys.path, so tests/portal is the package "portal").
from portal.answers import (
    AUTORISATIES,
    BEHEERDER,
    ONDERTEKENING,
    ORGANISATIE,
    PAGES,
    registry_holder,
)

from .conftest import login, nl

__all__ = ["AUTORISATIES", "BEHEERDER", "ONDERTEKENING", "ORGANISATIE", "PAGES", "registry_holder"]

STEP_URL = re.compile(r"/aanvragen/(?P<ref>[^/]+)/stap/(?P<step>[a-z]+)$")


def reference_of(page: Page) -> str:
    match = re.search(r"/aanvragen/([^/]+)/", page.url)
    assert match, page.url
    return match[1]


def start_application(page: Page, organisation: str | None = None) -> str:
    """From the list of applications, start a new draft; return its reference."""
    page.goto("/aanvragen/")
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Your applications"))
    if organisation is not None:
        page.get_by_label(nl("For which organisation?")).select_option(label=organisation)
    page.get_by_role("button", name=nl("Start a new application"), exact=True).click()
    page.wait_for_url(STEP_URL)
    assert page.url.endswith("/stap/organisatie"), page.url
    return reference_of(page)


def answer(page: Page, answers: Mapping[str, Any]) -> None:
    """Give the answers on the current form page, as a person would: click, tick, type."""
    for name, value in answers.items():
        fields = page.locator(f'[name="{name}"]')
        if isinstance(value, list):
            for checkbox in fields.all():
                checkbox.set_checked(checkbox.get_attribute("value") in value)
        elif fields.first.get_attribute("type") == "radio":
            page.locator(f'[name="{name}"][value="{value}"]').check()
        else:
            fields.fill(value)


def save_and_continue(page: Page) -> None:
    """Press 'Save and continue' and wait for the next page (not an error state)."""
    before = page.url
    page.get_by_role("button", name=nl("Save and continue"), exact=True).click()
    page.wait_for_url(lambda url: url != before)


def fill_in(page: Page, reference: str, pages: Mapping[str, Mapping[str, Any]] = PAGES) -> None:
    """Answer the given pages one after another, ending on the page after the last."""
    for step, answers in pages.items():
        if not page.url.endswith(f"/aanvragen/{reference}/stap/{step}"):
            page.goto(f"/aanvragen/{reference}/stap/{step}")
        answer(page, answers)
        save_and_continue(page)


def sign_in_place(page: Page, reference: str) -> None:
    """On the check page: agree to the Gebruiksvoorwaarden and sign."""
    assert page.url.endswith(f"/aanvragen/{reference}/controleren"), page.url
    page.get_by_label(
        nl("I agree to the Gebruiksvoorwaarden Mijn DUO (on the login page of duo.nl/zakelijk).")
    ).check()
    page.get_by_role("button", name=nl("Sign and send"), exact=True).click()
    page.wait_for_url(re.compile(rf"/aanvragen/{reference}/$"))


def status_badge(page: Page) -> Locator:
    return page.locator("#inhoud .status-badge").first


def send_for_signing(page: Page) -> tuple[str, str]:
    """Log in, fill in the whole form and send it to the signatory.

    Returns the reference and the path of the link in the signatory's e-mail.
    """
    login(page)
    reference = start_application(page)
    fill_in(page, reference)
    page.get_by_role("button", name=nl("Send for signing"), exact=True).click()
    page.wait_for_url(re.compile(rf"/aanvragen/{reference}/$"))
    expect(status_badge(page)).to_have_text(re.compile(nl("waiting for signature"), re.I))
    message = mail.outbox[-1]
    assert message.to == [ONDERTEKENING["ondertekening.email"]]
    match = re.search(r"https?://[^/\s]+(/ondertekenen/\S+)", str(message.body))
    assert match, message.body
    return reference, match[1]
