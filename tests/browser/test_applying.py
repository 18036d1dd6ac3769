"""The applicant's form in a real browser: log in with eHerkenning, answer, sign, follow."""

import re
from collections.abc import Callable
from pathlib import Path

from django.core import mail
from django.utils import translation
from playwright.sync_api import Locator, Page, expect

from mijnduo.applications.models import Application
from mijnduo.portal import texts

from .conftest import KVK, login, logout, nl
from .portal import (
    AUTORISATIES,
    BEHEERDER,
    ONDERTEKENING,
    ORGANISATIE,
    answer,
    fill_in,
    registry_holder,
    save_and_continue,
    sign_in_place,
    start_application,
    status_badge,
)


def test_a_whole_aanmelding_signed_in_place(page: Page) -> None:
    login(page)
    expect(page.locator("#inhoud")).to_contain_text(KVK)
    reference = start_application(page)
    fill_in(page, reference)
    assert page.url.endswith(f"/aanvragen/{reference}/controleren")
    expect(page.get_by_role("heading", level=1)).to_have_text(nl("Check and sign"))
    expect(page.locator("#error-summary")).to_have_count(0)
    main = page.locator("#inhoud")
    expect(main).to_contain_text(nl("This is an application for a new beheerder (aanmelding)."))
    expect(main).to_contain_text("9700 VB")  # normalised by the validator
    expect(main).to_contain_text("05KO")

    sign_in_place(page, reference)
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)
    expect(page.locator("[role=status]")).to_contain_text(reference)
    expect(status_badge(page)).to_have_text(re.compile(nl("submitted"), re.I))
    expect(page.locator("ol.history")).to_contain_text(nl("Signed and sent to DUO."))
    assert Application.objects.get(reference=reference).status == "ingediend"
    assert sorted(m.to[0] for m in mail.outbox) == ["a.jansen@example.nl", "aanvrager@example.nl"]

    with page.expect_download() as info:
        page.get_by_role("link", name=nl("Download the filled-in form (PDF)")).click()
    download = info.value
    assert download.suggested_filename == f"{reference}.pdf"
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF-")


def _label(code: str) -> str:
    """A beheerautorisatie as the (Dutch) page names it."""
    with translation.override("nl"):
        return str(texts.beheerautorisatie_label(code))


def _change_list(page: Page, heading: str) -> Locator:
    """The list after 'Added:' or 'Removed:' in the change-set box of the check page."""
    box = page.locator('#inhoud section[aria-labelledby="wijziging-title"]')
    return box.locator(f'p:text-is("{heading}") + ul > li')


def test_a_wijziging_starts_from_the_current_set_and_shows_the_change(page: Page) -> None:
    registry_holder(["po", "bop"])
    login(page)
    reference = start_application(page, organisation="OBS De Linde, Groningen")
    # What the registry knows is filled in already.
    expect(page.locator('[name="organisatie.naam"]')).to_have_value("OBS De Linde")
    expect(page.locator('[name="organisatie.type"][value=onderwijsinstelling]')).to_be_checked()
    save_and_continue(page)
    fill_in(page, reference, {"beheerder": BEHEERDER})

    assert page.url.endswith("/stap/autorisaties")
    boxes = page.locator('[name="beheerautorisaties"]')
    expect(boxes.and_(page.locator(":checked"))).to_have_count(2)
    expect(boxes.and_(page.locator("[value=po]"))).to_be_checked()
    expect(boxes.and_(page.locator("[value=bop]"))).to_be_checked()
    held = page.locator("#inhoud [role=note] li")
    expect(held).to_have_text([_label("po"), _label("bop")])
    # Untick BOP, tick RIO Algemeen: the whole set the beheerder should have.
    answer(page, AUTORISATIES)
    save_and_continue(page)
    fill_in(page, reference, {"ondertekening": ONDERTEKENING})

    main = page.locator("#inhoud")
    expect(main).to_contain_text(
        nl("This beheerder already has beheerautorisaties: this is a change (wijziging).")
    )
    expect(_change_list(page, nl("Added:"))).to_have_text([_label("rio_algemeen")])
    expect(_change_list(page, nl("Removed:"))).to_have_text([_label("bop")])
    sign_in_place(page, reference)
    expect(status_badge(page)).to_have_text(re.compile(nl("submitted"), re.I))

    application = Application.objects.get(reference=reference)
    assert (application.kind, application.status) == ("wijziging", "ingediend")
    assert application.document["beheerautorisaties"] == ["po", "rio_algemeen"]
    page.goto("/aanvragen/")
    row = page.locator("#inhoud table tbody tr").filter(has_text=reference)
    expect(row.locator("td").nth(2)).to_have_text(nl("change"))


def test_an_intrekking(page: Page) -> None:
    registry_holder(["po"])
    login(page)
    reference = start_application(page, organisation="OBS De Linde, Groningen")
    save_and_continue(page)
    fill_in(page, reference, {"beheerder": BEHEERDER})

    choose = page.locator("#inhoud section[data-when=nee]")
    revoke = page.locator("#inhoud section[data-when=ja]")
    expect(choose).to_be_visible()
    expect(revoke).to_be_hidden()
    page.get_by_label(nl("I want to revoke my beheer account")).check()
    # Only the questions for a revocation are shown now.
    expect(choose).to_be_hidden()
    expect(revoke).to_be_visible()
    answer(page, {"intrekking.blijftGebruiker": "ja"})
    save_and_continue(page)
    fill_in(page, reference, {"ondertekening": ONDERTEKENING})

    main = page.locator("#inhoud")
    expect(main).to_contain_text(nl("This is a revocation of a beheer account (intrekking)."))
    expect(main).to_contain_text(nl("The beheer account is revoked."))
    expect(_change_list(page, nl("Removed:"))).to_have_text([_label("po")])
    sign_in_place(page, reference)

    application = Application.objects.get(reference=reference)
    assert (application.kind, application.status) == ("intrekking", "ingediend")
    assert application.document["beheerautorisaties"] == []
    assert application.document["intrekking"]["blijftGebruiker"] is True
    page.goto("/aanvragen/")
    row = page.locator("#inhoud table tbody tr").filter(has_text=reference)
    expect(row.locator("td").nth(2)).to_have_text(nl("revocation"))


def test_a_draft_is_there_again_after_logging_out_and_in(
    page: Page, new_page: Callable[..., Page]
) -> None:
    login(page)
    reference = start_application(page)
    answer(page, ORGANISATIE)
    page.get_by_role("button", name=nl("Save and continue later"), exact=True).click()
    page.wait_for_url(re.compile(r"/aanvragen/$"))
    expect(page.locator("[role=status]")).to_contain_text(
        nl("Your answers have been saved. You can go on later.")
    )
    logout(page)
    page.goto("/aanvragen/")
    page.wait_for_url(re.compile(r"/inloggen/\?next="))

    login(page, lands_on=re.compile(r"/aanvragen/$"))
    draft = page.locator("#inhoud").get_by_role("link", name=re.compile(reference))
    expect(draft).to_contain_text("OBS De Linde")
    draft.click()
    page.wait_for_url(re.compile(rf"/aanvragen/{reference}/stap/organisatie$"))
    for name, value in ORGANISATIE.items():
        if name == "organisatie.type":
            expect(page.locator(f'[name="{name}"][value="{value}"]')).to_be_checked()
        else:
            expect(page.locator(f'[name="{name}"]')).to_have_value(value)

    # Another person of the same organisation has their own drafts, not this one.
    colleague = new_page()
    login(colleague, person="medewerker 2")
    colleague.goto("/aanvragen/")
    expect(colleague.locator("#inhoud")).to_contain_text(nl("You have no drafts."))
    response = colleague.goto(f"/aanvragen/{reference}/stap/organisatie")
    assert response is not None and response.status == 404
