"""At 320 CSS pixels wide (WCAG 1.4.10 Reflow) the form needs no horizontal scrolling."""

from collections.abc import Callable

from playwright.sync_api import Page, expect

from .conftest import login, nl
from .portal import PAGES, fill_in, start_application

NARROW = {"width": 320, "height": 640}


def assert_no_horizontal_scrolling(page: Page, what: str) -> None:
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > NARROW["width"]:
        wide = page.evaluate(
            """limit => [...document.querySelectorAll("body *")]
                .filter(el => el.getBoundingClientRect().right > limit + 0.5)
                .slice(0, 5)
                .map(el => el.outerHTML.slice(0, 120))""",
            NARROW["width"],
        )
        raise AssertionError(f"{what} is {width}px wide at {NARROW['width']}px: {wide}")


def test_the_form_and_the_check_page_fit_320_pixels(new_page: Callable[..., Page]) -> None:
    page = new_page(viewport=NARROW)
    login(page)
    reference = start_application(page)
    assert_no_horizontal_scrolling(page, "form page organisatie")
    page.get_by_role("button", name=nl("Save and continue"), exact=True).click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert_no_horizontal_scrolling(page, "form page organisatie with errors")
    page.goto(f"/aanvragen/{reference}/stap/autorisaties")
    assert_no_horizontal_scrolling(page, "form page autorisaties")
    page.goto(f"/aanvragen/{reference}/controleren")
    assert_no_horizontal_scrolling(page, "check page with problems")
    fill_in(page, reference, PAGES)
    assert page.url.endswith("/controleren")
    expect(page.locator("#error-summary")).to_have_count(0)
    assert_no_horizontal_scrolling(page, "check page")
