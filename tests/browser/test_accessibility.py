"""axe-core (WCAG 2.0 and 2.1, levels A and AA) finds nothing on any page of the portal,
in every state a person can reach: empty, with errors, filled in and sent.

The signatory's pages (signing, its error states, declined, signed, the refused link and
the wrong organisation) are checked on the way in test_signing.py.
"""

import re

from playwright.sync_api import Page, expect

from .conftest import (
    KVK,
    SIMULATOR_BANNER,
    assert_accessible,
    assert_error_links_resolve,
    login,
    nl,
)
from .portal import AUTORISATIES, PAGES, answer, save_and_continue, start_application


def _save_empty(page: Page) -> None:
    """Press 'Save and continue' with nothing filled in: the page comes back with errors."""
    page.get_by_role("button", name=nl("Save and continue"), exact=True).click()
    expect(page.locator("#error-summary")).to_be_visible()
    # The focus moves to the summary, so a screen reader announces the problems.
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page).to_have_title(re.compile("^" + re.escape(nl("Error:"))))


def test_the_pages_before_and_around_the_login(page: Page) -> None:
    page.goto("/")
    assert_accessible(page, "start page")
    page.goto("/inloggen/")
    assert_accessible(page, "login page")
    page.locator("#inhoud").get_by_role("button", name=nl("Log in with eHerkenning")).click()
    page.wait_for_url("**/simulator/eherkenning/kies?ticket=*")
    expect(page.locator(".simulator-banner")).to_contain_text(SIMULATOR_BANNER)
    assert_accessible(page, "simulator page")
    page.locator("#id_kvk_nummer").fill("123")
    page.locator("#inhoud form").get_by_role("button", name=nl("Continue")).click()
    expect(page.locator("#id_kvk_nummer")).to_have_attribute(
        "aria-describedby", "id_kvk_nummer_hint id_kvk_nummer_error"
    )
    assert_accessible(page, "simulator page with an error")
    page.locator("#id_kvk_nummer").fill(KVK)
    page.locator("#inhoud form").get_by_role("button", name=nl("Continue")).click()
    page.wait_for_url(re.compile(r"/mijn-organisatie$"))
    assert_accessible(page, "your organisation")
    page.goto("/aanvragen/")
    assert_accessible(page, "applications, none yet")


def test_every_form_page_empty_with_errors_and_filled_in(page: Page) -> None:
    login(page)
    reference = start_application(page)
    page.goto(f"/aanvragen/{reference}/controleren")
    expect(page.locator("#error-summary")).to_be_visible()
    assert_accessible(page, "check page with problems")
    assert_error_links_resolve(page)

    for step, answers in PAGES.items():
        page.goto(f"/aanvragen/{reference}/stap/{step}")
        assert_accessible(page, f"form page {step}")
        _save_empty(page)
        assert_accessible(page, f"form page {step} with errors")
        assert_error_links_resolve(page)
        if step == "autorisaties":
            page.get_by_label(nl("I want to revoke my beheer account")).check()
            expect(page.locator("#inhoud section[data-when=ja]")).to_be_visible()
            assert_accessible(page, "form page autorisaties, revoking")
            answer(page, AUTORISATIES)
        answer(page, answers)
        save_and_continue(page)
        assert_accessible(page, f"the page after {step}, filled in")

    assert page.url.endswith(f"/aanvragen/{reference}/controleren")
    expect(page.locator("#error-summary")).to_have_count(0)
    assert_accessible(page, "check page without problems")
    # Signing without agreeing to the Gebruiksvoorwaarden: the check page's error state.
    page.get_by_role("button", name=nl("Sign and send"), exact=True).click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert_accessible(page, "check page, signed without agreeing")
    assert_error_links_resolve(page)
    page.get_by_label(
        nl("I agree to the Gebruiksvoorwaarden Mijn DUO (on the login page of duo.nl/zakelijk).")
    ).check()
    page.get_by_role("button", name=nl("Sign and send"), exact=True).click()
    page.wait_for_url(re.compile(rf"/aanvragen/{reference}/$"))
    assert_accessible(page, "status page")

    start_application(page)  # a draft beside the sent one
    page.goto("/aanvragen/")
    expect(page.locator("#inhoud table")).to_be_visible()
    assert_accessible(page, "applications with a draft and a sent one")


def test_the_session_warning_dialog(page: Page) -> None:
    page.clock.install()
    login(page)
    page.goto("/aanvragen/")
    dialog = page.locator("dialog#session-warning")
    expect(dialog).to_be_hidden()
    # The warning comes 2 minutes before the session ends: 15 minutes after its last
    # renewal (at most a minute ago), which the page is told in data-session-seconds.
    left = int(page.locator("body").get_attribute("data-session-seconds") or "0")
    assert 840 <= left <= 900
    page.clock.fast_forward((left - 120 - 1) * 1000)
    expect(dialog).to_be_hidden()
    page.clock.fast_forward(2000)
    expect(dialog).to_be_visible()
    stay = dialog.get_by_role("button", name=nl("Stay logged in"))
    expect(stay).to_be_focused()
    assert_accessible(page, "session warning")
    with page.expect_response("**/sessie/verlengen") as renewal:
        page.keyboard.press("Enter")
    assert renewal.value.status == 204
    expect(dialog).to_be_hidden()


def test_the_language_switch_changes_the_page_language(page: Page) -> None:
    page.goto("/inloggen/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    header = page.locator("header")
    header.get_by_label(nl("Language")).select_option("en")
    header.get_by_role("button", name=nl("Change language")).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.url.endswith("/inloggen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in with eHerkenning")
    assert_accessible(page, "login page in English")
