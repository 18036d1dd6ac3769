"""Real-browser tests: Playwright (sync API) drives Debian's headless chromium against
pytest-django's live server, and axe-core checks every page for WCAG 2.1 AA.

One browser for all the tests in this folder (it takes a second to start); a fresh
context, with its own cookies, per test and per person in a test.
"""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Locator,
    Page,
    expect,
    sync_playwright,
)

from mijnduo.identity.eherkenning.constants import AssuranceLevel
from mijnduo.identity.simulator.setup import install_simulator

CHROMIUM = Path("/usr/bin/chromium")
KVK = "41002315"
OTHER_KVK = "90000099"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SIMULATOR_BANNER = "SIMULATOR — geen echte eHerkenning"

# Playwright waits up to this long for a condition before an expect fails.
expect.set_options(timeout=10_000)


def nl(message: str) -> str:
    """The Dutch text the portal shows for an English message id (the default language)."""
    with translation.override("nl"):
        return translation.gettext(message)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Debian's chromium, headless, for as long as the tests of this folder run."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: the browser tests need Debian's chromium"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI installs it in .ci/run).", pytrace=False)
        pytest.skip(f"{message}: sudo apt-get install chromium fonts-dejavu-core")
    # Playwright's sync API keeps an asyncio event loop running in this thread while it
    # lives, so Django would refuse the tests' own queries (registry data, checks, the
    # database flush after each test) with SynchronousOnlyOperation. The live server
    # answers from its own thread and is not affected. Allowed only while the browser
    # runs (package scope): the other tests keep Django's check and no running loop.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
            yield browser
            browser.close()
    finally:
        if before is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def site(live_server: Any, transactional_db: None) -> str:
    """The live server's URL, with the eHerkenning simulator installed for it."""
    install_simulator(live_server.url)
    return str(live_server.url)


@pytest.fixture
def new_page(browser: Browser, site: str) -> Iterator[Callable[..., Page]]:
    """Make a page in a new browser context: another person, with their own cookies."""
    contexts: list[BrowserContext] = []

    def make(**options: Any) -> Page:
        context = browser.new_context(
            base_url=site,
            locale="nl-NL",  # Accept-Language: nl, as a Dutch visitor sends
            viewport=options.pop("viewport", {"width": 1280, "height": 900}),
            **options,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    return new_page()


# --- eHerkenning through the simulator ---------------------------------------------


def login(
    page: Page,
    *,
    kvk_nummer: str = KVK,
    person: str = "medewerker 1",
    lands_on: str | re.Pattern[str] = re.compile(r"/mijn-organisatie$"),
) -> None:
    """Log in with the simulated broker, from the login page (or from wherever the
    page is, if it is already there because a page needed a login)."""
    if "/inloggen/" not in page.url:
        page.goto("/inloggen/")
    page.locator("#inhoud").get_by_role("button", name=nl("Log in with eHerkenning")).click()
    # The SAML POST binding page sends itself on to the broker.
    page.wait_for_url("**/simulator/eherkenning/kies?ticket=*")
    expect(page.locator(".simulator-banner")).to_contain_text(SIMULATOR_BANNER)
    page.locator("#id_kvk_nummer").fill(kvk_nummer)
    page.locator("#id_person").fill(person)
    page.locator("#id_level").select_option(AssuranceLevel.EH3.value)
    page.locator("input[name=machtiging][value=ja]").check()
    page.locator("input[name=outcome][value=succes]").check()
    page.locator("#inhoud form").get_by_role("button", name=nl("Continue")).click()
    page.wait_for_url(lands_on)


def logout(page: Page) -> None:
    page.locator("header").get_by_role("button", name=nl("Log out")).click()
    page.wait_for_url(re.compile(r"/$"))
    expect(page.locator("header").get_by_role("link", name=nl("Log in"))).to_be_visible()


# --- axe ---------------------------------------------------------------------------

_axe = Axe()


def assert_accessible(page: Page, what: str = "") -> None:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the page; fail on any violation."""
    page.wait_for_load_state("load")
    results = _axe.run(
        page,
        options={
            "runOnly": {"type": "tag", "values": AXE_TAGS},
            "resultTypes": ["violations"],
        },
    )
    violations = results.response["violations"]
    if not violations:
        return
    lines = [f"axe: {len(violations)} violation(s) on {what or page.url} ({page.url})"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  * {' '.join(map(str, node['target']))}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n      ")
            lines.append(f"      {summary}")
    report = "\n".join(lines)
    raise AssertionError(report)


def assert_error_links_resolve(page: Page) -> None:
    """Every link in the error summary leads to the field it names (WCAG 3.3.1, 2.4.4):
    on this page, or on the form page it points to."""
    hrefs = page.locator("#error-summary a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs, "the error summary has no links"
    here = page.url.split("#")[0]
    by_page: dict[str, list[str]] = {}
    for href in hrefs:
        path, _hash, fragment = href.partition("#")
        assert fragment, f"{href} names no field"
        by_page.setdefault(path, []).append(fragment)
    # This page first, as it is now (it may be the answer to a POST), then the others.
    for fragment in by_page.pop(here, []):
        expect(page.locator(f'[id="{fragment}"]'), f"#{fragment} on this page").to_have_count(1)
    for path, fragments in by_page.items():
        page.goto(path)
        for fragment in fragments:
            expect(page.locator(f'[id="{fragment}"]'), f"{path}#{fragment}").to_have_count(1)
    if by_page:
        page.goto(here)


# --- the keyboard ------------------------------------------------------------------


def has_focus(target: Locator) -> bool:
    return bool(target.evaluate("element => element === document.activeElement"))


def tab_to(page: Page, target: Locator, *, backwards: bool = False, limit: int = 60) -> None:
    """Press Tab (or Shift+Tab) until target has the focus; fail if it never gets it.

    Also checks that the focus can be seen there (WCAG 2.4.7): an outline or a ring.
    """
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if has_focus(target):
            break
    else:
        focused = page.evaluate("document.activeElement && document.activeElement.outerHTML")
        raise AssertionError(f"{key} never reached {target}; the focus is on {focused}")
    expect(target).to_be_visible()
    indicator = target.evaluate(
        """element => {
            const style = getComputedStyle(element);
            return style.outlineStyle !== "none" || style.boxShadow !== "none";
        }"""
    )
    assert indicator, f"no visible focus indicator on {target}"
