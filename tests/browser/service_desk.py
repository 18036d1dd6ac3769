"""Driving the service desk in the browser: staff accounts, the login with a TOTP code,
applications submitted without the portal, and a KvK register file the test writes."""

import copy
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Locator, Page, expect

from mijnduo.aanvraag.validator import validate
from mijnduo.applications.constants import Channel
from mijnduo.applications.models import Application
from mijnduo.applications.services import application_submit
from mijnduo.audit.actors import SYSTEM
from mijnduo.identity.staff.constants import StaffRole
from mijnduo.registry.selectors import held_beheerautorisaties
from sample_documents import VALID_DOCUMENT
from staff_accounts import PASSWORD, code_for, staff_account, wrong_code_for

from .conftest import KVK, nl

QUEUE_URL = re.compile(r"/servicedesk/(\?.*)?$")

# A complete aanmelding as the API would send it (tests/sample_documents.py): the same
# organisation and people as the portal helpers type, for queue rows without the portal.
DOCUMENT: dict[str, Any] = VALID_DOCUMENT


# --- staff accounts and their codes --------------------------------------------------


def make_staff(
    username: str, *roles: StaffRole, naam: str = "Fatima el Amrani", mfa: bool = True
) -> User:
    """A staff account with a password; ``mfa``: its authenticator app is set up."""
    return staff_account(roles, username=username, naam=naam, mfa=mfa)


def current_code(user: User) -> str:
    """The 6-digit code the staff member's authenticator app shows now."""
    return code_for(TOTPDevice.objects.get(user=user, confirmed=True))


def wrong_code(user: User) -> str:
    return wrong_code_for(TOTPDevice.objects.get(user=user, confirmed=True))


def _submit_main_form(page: Page, button: str) -> None:
    page.locator("#inhoud form").get_by_role("button", name=nl(button), exact=True).click()


def enter_password(page: Page, user: User) -> None:
    """The first step: username and password on the staff login page."""
    if not page.url.endswith("/servicedesk/inloggen"):
        page.goto("/servicedesk/inloggen")
    page.get_by_label(nl("Username"), exact=True).fill(user.username)
    page.get_by_label(nl("Password"), exact=True).fill(PASSWORD)
    _submit_main_form(page, "Continue")
    page.wait_for_url(re.compile(r"/servicedesk/inloggen/(code|instellen)(\?.*)?$"))


def enter_code(page: Page, code: str) -> None:
    page.get_by_label(nl("Code"), exact=True).fill(code)
    _submit_main_form(page, "Log in")


def staff_login(page: Page, user: User) -> None:
    """Log a staff member in through the real pages: password, then the current TOTP code;
    ends on the work queue (or wherever ?next= pointed)."""
    enter_password(page, user)
    assert page.url.split("?")[0].endswith("/inloggen/code"), page.url
    enter_code(page, current_code(user))
    page.wait_for_url(lambda url: "/inloggen" not in url)


# --- applications, the queue and the application page --------------------------------


def submit_application(
    document: dict[str, Any] | None = None, *, channel: Channel = Channel.API
) -> Application:
    """An application submitted as the API (or the post) would: straight into the queue."""
    submitted = copy.deepcopy(document or DOCUMENT)
    result = validate(submitted, held_lookup=held_beheerautorisaties)
    assert result.is_valid, result.problems
    return application_submit(actor=SYSTEM, submitted=submitted, result=result, channel=channel)


def search_queue(page: Page, text: str) -> None:
    """Type in the queue's search field and press Show."""
    if not QUEUE_URL.search(page.url):
        page.goto("/servicedesk/")
    page.get_by_label(nl("Search"), exact=True).fill(text)
    with page.expect_navigation(url=re.compile(r"/servicedesk/\?")):
        page.get_by_role("search").get_by_role("button", name=nl("Show"), exact=True).click()


def queue_rows(page: Page) -> Locator:
    return page.locator("#inhoud table.queue-table tbody tr")


def open_from_queue(page: Page, reference: str) -> None:
    """Search the queue for the reference and open the application from its row."""
    search_queue(page, reference)
    expect(queue_rows(page)).to_have_count(1)
    queue_rows(page).get_by_role("link", name=reference, exact=True).click()
    page.wait_for_url(re.compile(rf"/servicedesk/aanvragen/{reference}/$"))


def decision_panel(page: Page) -> Locator:
    return page.locator("#inhoud section.decision-panel")


def decide(page: Page, outcome: str, reason: str = "") -> None:
    """Choose a decision (its label as the page shows it), write the reason, record it."""
    panel = decision_panel(page)
    label = nl(outcome)
    panel.get_by_label(label[:1].upper() + label[1:], exact=True).check()
    panel.get_by_label(nl("Reason or question for the applicant")).fill(reason)
    # The page comes back at the same address after a decision: wait for the new one.
    with page.expect_navigation():
        panel.get_by_role("button", name=nl("Record the decision"), exact=True).click()


def assert_looks_chosen(page: Page, chosen: Locator, other: Locator) -> None:
    """A chosen radio button looks different from one that is not (the check mark must be
    seen, not only be in the DOM): the two are compared as pictures, without the focus."""
    expect(chosen).to_be_checked()
    expect(other).not_to_be_checked()
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.mouse.move(0, 0)
    assert chosen.screenshot(animations="disabled") != other.screenshot(animations="disabled"), (
        f"{chosen} is checked but looks like {other}, which is not"
    )


def checks(page: Page) -> Locator:
    return page.locator("#inhoud ul.checks > li.check")


# --- the KvK register ------------------------------------------------------------------


def kvk_register_file(
    path: Path,
    *,
    kvk_nummer: str = KVK,
    naam: str = "OBS De Linde",
    officers: Sequence[tuple[str, str, str]] = (("Anna", "", "Jansen"),),
) -> Path:
    """A JSON file for the offline KvK register: one registration, whose officers
    (first names, tussenvoegsel, surname) are bestuurders who may sign alone."""
    functionarissen = [
        {
            "functie": "Bestuurder",
            "bevoegdheid": "Alleen/zelfstandig bevoegd",
            "datumAanvang": "2020-01-01",
            "datumEinde": None,
            "persoon": {
                "voornamen": voornamen,
                "voorvoegselGeslachtsnaam": voorvoegsel,
                "geslachtsnaam": geslachtsnaam,
                "overlijdensdatum": None,
            },
        }
        for voornamen, voorvoegsel, geslachtsnaam in officers
    ]
    registration = {
        "kvkNummer": kvk_nummer,
        "naam": naam,
        "rechtsvorm": "Stichting",
        "datumAanvang": "2001-01-01",
        "datumEinde": None,
        "bijzondereRechtstoestand": None,
        "functionarissen": functionarissen,
    }
    path.write_text(json.dumps({"inschrijvingen": [registration]}), encoding="utf-8")
    return path
