"""The whole aanmelding with the keyboard only: Tab, typing, Space and Enter; no clicks."""

import re

from playwright.sync_api import Page, expect

from mijnduo.applications.models import Application

from .conftest import KVK, has_focus, nl, tab_to
from .portal import reference_of, status_badge


def type_into(page: Page, selector: str, text: str) -> None:
    tab_to(page, page.locator(selector))
    page.keyboard.type(text)


def test_an_aanmelding_with_the_keyboard_only(page: Page) -> None:
    page.goto("/")
    # The first Tab reaches the skip link; it shows itself and jumps to the content.
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name=nl("Skip to content"))
    assert has_focus(skip_link)
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#inhoud$"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('inhoud').contains(document.activeElement)")

    # Back up to the header's login link.
    tab_to(page, page.locator("header").get_by_role("link", name=nl("Log in")), backwards=True)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/inloggen/$"))
    tab_to(page, page.locator("#inhoud").get_by_role("button", name=nl("Log in with eHerkenning")))
    page.keyboard.press("Enter")
    page.wait_for_url("**/simulator/eherkenning/kies?ticket=*")
    # The simulator starts at level EH3, machtiging yes and outcome log in.
    expect(page.locator("#id_person")).to_have_value("medewerker 1")
    type_into(page, "#id_kvk_nummer", KVK)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/mijn-organisatie$"))

    tab_to(page, page.locator("header").get_by_role("link", name=nl("Your applications")))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/aanvragen/$"))
    tab_to(page, page.get_by_role("button", name=nl("Start a new application"), exact=True))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/stap/organisatie$"))
    reference = reference_of(page)

    # 1 Organisation: Space picks the first type; the numbers it needs follow.
    tab_to(page, page.locator("#organisatie-type"))
    page.keyboard.press("Space")
    expect(page.locator("#organisatie-type")).to_be_checked()
    for field, text in [
        ("organisatie-brincode", "05ko"),
        ("organisatie-bestuursnummer", "40169"),
        ("organisatie-naam", "OBS De Linde"),
        ("organisatie-straat", "Kerkstraat"),
        ("organisatie-huisnummer", "12a"),
        ("organisatie-postcode", "9700vb"),
        ("organisatie-woonplaats", "Groningen"),
    ]:
        type_into(page, f"#{field}", text)
    page.keyboard.press("Enter")  # submits with the first button: Save and continue
    page.wait_for_url(re.compile(r"/stap/beheerder$"))

    # 2 Beheerder.
    for field, text in [
        ("beheerder-naam", "J. de Vries"),
        ("beheerder-functie", "ICT-coördinator"),
        ("beheerder-telefoon", "050 599 8440"),
        ("beheerder-email", "j.devries@example.nl"),
    ]:
        type_into(page, f"#{field}", text)
    tab_to(page, page.locator("#beheerder-heeftMijnDuoZakelijkAccount"))
    page.keyboard.press("ArrowDown")  # from Yes to No
    expect(page.locator("#beheerder-heeftMijnDuoZakelijkAccount-nee")).to_be_checked()
    tab_to(page, page.locator("#beheerder-heeftEherkenningNiveau3"))
    page.keyboard.press("Space")
    expect(page.locator("#beheerder-heeftEherkenningNiveau3")).to_be_checked()
    tab_to(page, page.get_by_role("button", name=nl("Save and continue"), exact=True))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/stap/autorisaties$"))

    # 3 Beheerautorisaties: 'choose' is already selected; tick two with Space.
    for checkbox in ("#beheerautorisaties", "#beheerautorisaties-rio_algemeen"):
        tab_to(page, page.locator(checkbox))
        page.keyboard.press("Space")
        expect(page.locator(checkbox)).to_be_checked()
    tab_to(page, page.get_by_role("button", name=nl("Save and continue"), exact=True))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/stap/ondertekening$"))

    # 4 Signing details.
    for field, text in [
        ("ondertekening-naam", "A. Jansen"),
        ("ondertekening-functie", "Bestuurder"),
        ("ondertekening-email", "a.jansen@example.nl"),
        ("ondertekening-plaats", "Groningen"),
        ("aanvrager-email", "aanvrager@example.nl"),
    ]:
        type_into(page, f"#{field}", text)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/controleren$"))

    # Check and sign in place.
    expect(page.locator("#error-summary")).to_have_count(0)
    agree = page.get_by_label(
        nl("I agree to the Gebruiksvoorwaarden Mijn DUO (on the login page of duo.nl/zakelijk).")
    )
    tab_to(page, agree, limit=120)
    page.keyboard.press("Space")
    expect(agree).to_be_checked()
    tab_to(page, page.get_by_role("button", name=nl("Sign and send"), exact=True))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/aanvragen/{reference}/$"))
    expect(status_badge(page)).to_have_text(re.compile(nl("submitted"), re.I))

    application = Application.objects.get(reference=reference)
    assert application.status == "ingediend"
    assert application.document["organisatie"]["naam"] == "OBS De Linde"
    assert application.document["beheerder"]["heeftMijnDuoZakelijkAccount"] is False
    assert application.document["beheerautorisaties"] == ["po", "rio_algemeen"]
    assert application.applicant_email == "aanvrager@example.nl"
