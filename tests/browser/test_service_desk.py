"""The service desk in a real browser: the whole way from the portal to the registry
(issue 5's "done when"), axe-core on every staff page and state, the keyboard, 320 px.

Staff log in through the real pages (password, then the TOTP code of their app), once
per person per test; each person has their own browser context.
"""

import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from mijnduo.applications.constants import Channel
from mijnduo.applications.models import Application
from mijnduo.identity.staff.constants import StaffRole
from mijnduo.registry.models import Organisation, TokenGeneratorReturn
from mijnduo.registry.selectors import held_beheerautorisaties
from mijnduo.review.constants import CheckCode, DecisionOutcome
from mijnduo.review.models import Decision
from mijnduo.review.services import case_assign, decision_make

from .conftest import KVK, assert_accessible, has_focus, login, nl, tab_to
from .portal import BEHEERDER, fill_in, sign_in_place, start_application, status_badge
from .service_desk import (
    DOCUMENT,
    assert_looks_chosen,
    checks,
    current_code,
    decide,
    decision_panel,
    enter_code,
    enter_password,
    kvk_register_file,
    make_staff,
    open_from_queue,
    queue_rows,
    search_queue,
    staff_login,
    submit_application,
    wrong_code,
)
from .test_responsive import NARROW, assert_no_horizontal_scrolling


@pytest.fixture
def kvk_register(settings: Any, tmp_path: Path) -> Path:
    """The offline KvK register knows the portal tests' organisation (KVK), with the
    signatory the portal helpers type ("A. Jansen") as a bestuurder who signs alone.

    Changing a MIJNDUO_KVK_* setting makes the register factory start again, and the
    live server reads the same settings object.
    """
    path = kvk_register_file(tmp_path / "kvk.json", officers=[("Anna", "", "Jansen")])
    settings.MIJNDUO_KVK_REGISTER = "offline"
    settings.MIJNDUO_KVK_OFFLINE_FILE = str(path)
    return path


def _label(message: str) -> str:
    """A choice label as the page shows it (capfirst)."""
    text = nl(message)
    return text[:1].upper() + text[1:]


def _apply_on_the_portal(page: Page) -> str:
    """The applicant logs in with eHerkenning, fills in an aanmelding and signs it."""
    login(page)
    reference = start_application(page)
    fill_in(page, reference)
    sign_in_place(page, reference)
    expect(status_badge(page)).to_have_text(re.compile(nl("submitted"), re.I))
    return reference


# --- issue 5: done when ---------------------------------------------------------------


def test_from_the_portal_to_the_registry_with_four_eyes(
    new_page: Callable[..., Page], kvk_register: Path
) -> None:
    applicant = new_page()
    reference = _apply_on_the_portal(applicant)

    # A behandelaar who may also confirm approvals: still not their own.
    handler = make_staff("f.elamrani", StaffRole.BEHANDELAAR, StaffRole.TWEEDE_BEOORDELAAR)
    reviewer = make_staff("k.bakker", StaffRole.TWEEDE_BEOORDELAAR, naam="Kees Bakker")

    desk = new_page()
    staff_login(desk, handler)
    open_from_queue(desk, reference)
    expect(desk.get_by_role("heading", level=1)).to_contain_text(reference)
    assert_accessible(desk, "application page, before assigning")
    desk.get_by_role("button", name=nl("Assign to me and start handling"), exact=True).click()
    expect(desk.locator(".site-messages")).to_contain_text(
        nl("Application %(reference)s is assigned to you.") % {"reference": reference}
    )
    assert Application.objects.get(reference=reference).status == "in_behandeling"

    # The six checks; the signatory check is green and answered by the KvK register.
    expect(checks(desk)).to_have_count(len(CheckCode.choices))
    signatory = checks(desk).filter(has_text=nl(str(CheckCode.SIGNATORY.label)))
    expect(signatory).to_have_count(1)
    expect(signatory).to_have_class(re.compile(r"\bcheck--groen\b"))
    expect(signatory.locator(".check__badge")).to_have_text(nl("OK"))
    kvk_prefix = nl("KvK register: %(text)s").split("%(text)s")[0].strip()
    expect(signatory.locator(".check__findings")).to_contain_text(kvk_prefix)
    expect(signatory.locator(".check__findings")).to_contain_text(
        nl("The signatory is registered as %(functie)s and may sign alone.").split("%(")[0]
    )
    assert_accessible(desk, "application page, in handling with the decision form")

    # Rejecting without a reason: the form comes back with the problem, nothing stored.
    decide(desk, "reject")
    panel = decision_panel(desk)
    expect(panel.locator(".error-summary")).to_contain_text(
        nl("Write the reason. The applicant reads it, in plain words.")
    )
    expect(panel.locator("#reden")).to_have_attribute("aria-invalid", "true")
    # As on the portal: the focus goes to the problem, the title says there is one.
    expect(panel.locator("#error-summary")).to_be_focused()
    expect(desk).to_have_title(re.compile("^" + re.escape(nl("Error:"))))
    assert_looks_chosen(
        desk,
        panel.get_by_label(_label("reject"), exact=True),
        panel.get_by_label(_label("approve"), exact=True),
    )
    assert_accessible(desk, "decision form, reject without a reason")
    assert not Decision.objects.filter(application__reference=reference).exists()

    decide(desk, "approve")
    desk.wait_for_url(re.compile(rf"/servicedesk/aanvragen/{reference}/$"))
    expect(desk.locator(".site-messages")).to_contain_text(
        nl("Your approval is recorded. A second reviewer must confirm it.")
    )
    expect(panel).to_contain_text(nl("You cannot confirm your own approval."))
    expect(panel.get_by_role("button", name=nl("Confirm the approval"))).to_have_count(0)
    expect(panel.get_by_role("button", name=nl("Take my approval back"))).to_be_visible()
    assert Application.objects.get(reference=reference).status == "in_behandeling"
    assert held_beheerautorisaties(DOCUMENT["organisatie"], BEHEERDER["beheerder.email"]) == set()

    second = new_page()
    staff_login(second, reviewer)
    open_from_queue(second, reference)
    confirm = decision_panel(second).get_by_role("button", name=nl("Confirm the approval"))
    expect(confirm).to_be_visible()
    assert_accessible(second, "application page, waiting for confirmation (second reviewer)")
    confirm.click()
    expect(second.locator(".site-messages")).to_contain_text(
        nl("Confirmed. The approval has been applied to the registry.")
    )
    expect(decision_panel(second)).to_contain_text(nl("This application is closed."))
    assert_accessible(second, "application page, closed")

    application = Application.objects.get(reference=reference)
    assert application.status == "goedgekeurd"
    decision = Decision.objects.get(application=application)
    assert (decision.proposed_by_id, decision.confirmed_by_id) == (handler.pk, reviewer.pk)
    held = held_beheerautorisaties(DOCUMENT["organisatie"], BEHEERDER["beheerder.email"])
    assert held == {"po", "rio_algemeen"}

    # The applicant sees the outcome on the portal.
    applicant.reload()
    expect(status_badge(applicant)).to_have_text(re.compile(nl("approved"), re.I))


# --- axe on every staff page and state ---------------------------------------------------


def _queue_with_rows() -> list[Application]:
    """Three applications in different states, for a queue with rows and filters."""
    other = {
        **DOCUMENT,
        "organisatie": {**DOCUMENT["organisatie"], "naam": "CBS De Wieken", "brincode": "12AB"},
    }
    applications = [
        submit_application(),
        submit_application(other, channel=Channel.POST),
        submit_application(),
    ]
    return applications


def test_every_staff_page_and_state_is_accessible(
    new_page: Callable[..., Page], kvk_register: Path
) -> None:
    handler = make_staff("f.elamrani", StaffRole.BEHANDELAAR)
    admin = make_staff("a.beheer", StaffRole.FUNCTIONEEL_BEHEERDER, naam="Ada Beheer")
    newcomer = make_staff("n.nieuw", StaffRole.BEHANDELAAR, naam="Nina Nieuw", mfa=False)
    first, decided, _third = _queue_with_rows()
    case_assign(staff=handler, application=decided)
    decision_make(
        staff=handler,
        application=decided,
        outcome=DecisionOutcome.REJECT,
        reason="Het formulier is niet door een bestuurder getekend.",
    )
    organisation = Organisation.objects.create(
        type="onderwijsinstelling", kvk_nummer=KVK, naam="OBS De Linde", brincode="05KO"
    )
    TokenGeneratorReturn.objects.create(
        serienummer="TG-0042",
        organisation=organisation,
        basis=first.reference,
        due_on=timezone.localdate() - timedelta(days=1),
    )

    # The login: password page, code page, a wrong code, then the right one.
    desk = new_page()
    desk.goto("/servicedesk/inloggen")
    assert_accessible(desk, "staff login")
    enter_password(desk, handler)
    assert desk.url.split("?")[0].endswith("/inloggen/code")
    assert_accessible(desk, "TOTP code page")
    enter_code(desk, wrong_code(handler))
    expect(desk.locator("#error-summary")).to_be_visible()
    expect(desk.get_by_label(nl("Code"), exact=True)).to_have_attribute("aria-invalid", "true")
    assert_accessible(desk, "TOTP code page with a wrong code")
    # django-otp makes the next try wait a second after a wrong code; no sleeping here.
    TOTPDevice.objects.get(user=handler).throttle_reset()
    enter_code(desk, current_code(handler))
    desk.wait_for_url(re.compile(r"/servicedesk/$"))

    # The set-up page, for someone whose app is not set up yet.
    setup = new_page()
    enter_password(setup, newcomer)
    assert setup.url.split("?")[0].endswith("/inloggen/instellen"), setup.url
    expect(setup.locator(".staff-qr svg")).to_be_visible()
    assert_accessible(setup, "TOTP set-up page")

    # The queue: with rows, a search that finds nothing, filters set.
    expect(queue_rows(desk)).to_have_count(2)  # open ones only: the rejected one is not
    assert_accessible(desk, "work queue with results")
    search_queue(desk, "Nergensschool")
    expect(queue_rows(desk)).to_have_count(0)
    expect(desk.locator("#inhoud")).to_contain_text(
        nl("No applications match. Change the filters or the search.")
    )
    assert_accessible(desk, "work queue, nothing found")
    desk.goto(
        "/servicedesk/?status=alle&soort=aanmelding&type=onderwijsinstelling"
        "&toegewezen=mij&sorteer=nieuwste"
    )
    expect(queue_rows(desk)).to_have_count(1)
    expect(desk.get_by_label(nl("Status"), exact=True)).to_have_value("alle")
    assert_accessible(desk, "work queue with filters set")

    # Paper intake: empty, and sent empty.
    desk.goto("/servicedesk/papier/")
    assert_accessible(desk, "paper intake")
    desk.get_by_role("button", name=nl("Check and add to the work queue")).click()
    expect(desk.locator("#error-summary")).to_be_visible()
    assert_accessible(desk, "paper intake with errors")

    desk.goto("/servicedesk/managementinformatie/")
    expect(desk.locator("#inhoud svg").first).to_be_visible()
    assert_accessible(desk, "management information")
    desk.goto("/servicedesk/tokengeneratoren/")
    expect(desk.locator("#inhoud table")).to_contain_text("TG-0042")
    assert_accessible(desk, "token generators")

    # The functioneel beheerder: the audit trail after verifying, and staff management.
    beheer = new_page()
    staff_login(beheer, admin)
    beheer.goto("/servicedesk/audit/")
    beheer.get_by_role("button", name=nl("Verify the whole chain now")).click()
    expect(beheer.locator("#inhoud [role=status]")).to_contain_text(nl("The chain is intact."))
    assert_accessible(beheer, "audit trail, verified")
    beheer.goto("/servicedesk/medewerkers/")
    expect(beheer.locator("#inhoud")).to_contain_text("n.nieuw")
    assert_accessible(beheer, "staff management")

    # The portal's status page when DUO asks for more information.
    applicant = new_page()
    reference = _apply_on_the_portal(applicant)
    open_from_queue(desk, reference)
    desk.get_by_role("button", name=nl("Assign to me and start handling"), exact=True).click()
    decide(desk, "ask for more information", "Stuur een uittreksel van de KvK mee.")
    expect(desk.locator(".site-messages")).to_contain_text(
        nl("More information asked. The applicant gets an e-mail with your question.")
    )
    applicant.reload()
    expect(applicant.locator("#inhoud .question")).to_contain_text("uittreksel van de KvK")
    assert_accessible(applicant, "portal status page, more information asked")
    applicant.get_by_role("button", name=nl("Send your answer")).click()
    expect(applicant.locator("#inhoud .error-summary")).to_contain_text(
        nl("Write your answer to DUO's question.")
    )
    assert_accessible(applicant, "portal status page, answer without text")
    applicant.get_by_label(nl("Your answer"), exact=True).fill("Het uittreksel volgt per post.")
    applicant.get_by_role("button", name=nl("Send your answer")).click()
    expect(applicant.locator(".site-messages")).to_contain_text(
        nl("Thank you. DUO has your answer and goes on with your application.")
    )
    assert Application.objects.get(reference=reference).status == "in_behandeling"


# --- the keyboard ---------------------------------------------------------------------


def test_the_queue_filters_and_the_decision_form_with_the_keyboard_only(
    new_page: Callable[..., Page],
) -> None:
    handler = make_staff("f.elamrani", StaffRole.BEHANDELAAR)
    wanted = submit_application()
    submit_application()
    desk = new_page()
    staff_login(desk, handler)

    # Search for the reference, choose a status with the arrow keys, Enter submits.
    search = desk.get_by_label(nl("Search"), exact=True)
    tab_to(desk, search)
    desk.keyboard.type(wanted.reference)
    status = desk.get_by_label(nl("Status"), exact=True)
    tab_to(desk, status)
    desk.keyboard.press("ArrowDown")  # from "open" to "all"
    expect(status).to_have_value("alle")
    tab_to(desk, desk.get_by_role("search").get_by_role("button", name=nl("Show")))
    desk.keyboard.press("Enter")
    desk.wait_for_url(re.compile(r"/servicedesk/\?.*status=alle"))
    assert f"zoek={wanted.reference}" in desk.url
    expect(queue_rows(desk)).to_have_count(1)

    link = queue_rows(desk).get_by_role("link", name=wanted.reference, exact=True)
    tab_to(desk, link)
    desk.keyboard.press("Enter")
    desk.wait_for_url(re.compile(rf"/aanvragen/{wanted.reference}/$"))
    tab_to(desk, desk.get_by_role("button", name=nl("Assign to me and start handling")))
    desk.keyboard.press("Enter")
    panel = decision_panel(desk)
    expect(panel.get_by_role("button", name=nl("Record the decision"))).to_be_visible()

    # The radios: Space picks the first, an arrow key moves to the next one.
    approve = panel.get_by_label(_label("approve"), exact=True)
    reject = panel.get_by_label(_label("reject"), exact=True)
    tab_to(desk, approve)
    desk.keyboard.press("Space")
    expect(approve).to_be_checked()
    desk.keyboard.press("ArrowDown")
    expect(reject).to_be_checked()
    assert has_focus(reject)
    reason = panel.get_by_label(nl("Reason or question for the applicant"))
    tab_to(desk, reason)
    desk.keyboard.type("Het formulier is niet door een bestuurder getekend.")
    tab_to(desk, panel.get_by_role("button", name=nl("Record the decision")))
    desk.keyboard.press("Enter")
    expect(desk.locator(".site-messages")).to_contain_text(
        nl("Rejected. The applicant gets an e-mail with your reason.")
    )
    wanted.refresh_from_db()
    assert wanted.status == "afgewezen"
    assert wanted.history.last().reason == "Het formulier is niet door een bestuurder getekend."


# --- 320 pixels wide -------------------------------------------------------------------


def test_the_queue_and_the_application_page_fit_320_pixels(
    new_page: Callable[..., Page],
) -> None:
    handler = make_staff("f.elamrani", StaffRole.BEHANDELAAR)
    application = submit_application()
    submit_application(channel=Channel.POST)
    desk = new_page(viewport=NARROW)
    staff_login(desk, handler)
    expect(queue_rows(desk)).to_have_count(2)
    assert_no_horizontal_scrolling(desk, "work queue")
    # The table may scroll, but inside its own region, which the keyboard can reach.
    region = desk.locator("#inhoud .table-scroll[role=region]")
    expect(region).to_have_attribute("tabindex", "0")

    desk.goto(f"/servicedesk/aanvragen/{application.reference}/")
    assert_no_horizontal_scrolling(desk, "application page")
    desk.get_by_role("button", name=nl("Assign to me and start handling")).click()
    expect(decision_panel(desk).locator("textarea#reden")).to_be_visible()
    assert_no_horizontal_scrolling(desk, "application page with the decision form")
