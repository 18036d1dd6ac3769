"""Signing by the bevoegd gezag through the e-mailed link, in a second browser.

Every page on the way is also checked with axe (WCAG 2.1 AA), in each of its states.
"""

import re
from collections.abc import Callable

from django.core import mail
from playwright.sync_api import Page, expect

from mijnduo.applications.models import Application, SignatureRecord

from .conftest import OTHER_KVK, assert_accessible, assert_error_links_resolve, login, nl
from .portal import send_for_signing, status_badge

AGREE = "I agree to the Gebruiksvoorwaarden Mijn DUO (on the login page of duo.nl/zakelijk)."


def test_the_signatory_signs_through_the_link(page: Page, new_page: Callable[..., Page]) -> None:
    reference, link = send_for_signing(page)
    assert_accessible(page, "status page, waiting for the signature")

    # Someone logged in for another organisation is refused, and the link keeps working.
    elsewhere = new_page()
    login(elsewhere, kvk_nummer=OTHER_KVK, person="bestuurder elders")
    response = elsewhere.goto(link)
    assert response is not None and response.status == 403
    expect(elsewhere.get_by_role("heading", level=1)).to_have_text(
        nl("You are logged in for another organisation")
    )
    assert_accessible(elsewhere, "wrong organisation")

    # The signatory opens the link, logs in for the same KvK-nummer and lands on it.
    signatory = new_page()
    signatory.goto(link)
    signatory.wait_for_url(re.compile(r"/inloggen/\?next="))
    login(signatory, person="bestuurder", lands_on=re.compile(re.escape(link) + "$"))
    expect(signatory.get_by_role("heading", level=1)).to_have_text(nl("Sign the application"))
    main = signatory.locator("#inhoud")
    expect(main).to_contain_text(reference)
    expect(main).to_contain_text("OBS De Linde")
    expect(main.locator('[name="organisatie.naam"]')).to_have_count(0)  # read-only
    assert_accessible(signatory, "signing page")

    sign = signatory.get_by_role("button", name=nl("Sign and send"), exact=True)
    sign.click()  # without agreeing to the Gebruiksvoorwaarden
    expect(signatory.locator("#error-summary")).to_be_visible()
    assert Application.objects.get(reference=reference).status == "wacht_op_ondertekening"
    assert_accessible(signatory, "signing page, signed without agreeing")
    assert_error_links_resolve(signatory)

    signatory.get_by_label(nl(AGREE)).check()
    sign.click()
    expect(signatory.get_by_role("heading", level=1)).to_have_text(nl("Thank you for signing"))
    assert_accessible(signatory, "signed")

    application = Application.objects.get(reference=reference)
    assert application.status == "ingediend"
    signature = SignatureRecord.objects.get(application=application)
    assert signature.by_applicant is False
    assert signature.kvk_nummer == application.organisation_kvk
    # The link works once.
    response = signatory.goto(link)
    assert response is not None and response.status == 410
    expect(signatory.get_by_role("heading", level=1)).to_have_text(nl("This link no longer works"))
    assert_accessible(signatory, "link refused")
    # The applicant sees it sent.
    page.reload()
    expect(status_badge(page)).to_have_text(re.compile(nl("submitted"), re.I))
    expect(page.locator("ol.history")).to_contain_text(nl("Signed and sent to DUO."))


def test_the_signatory_declines_with_a_reason(page: Page, new_page: Callable[..., Page]) -> None:
    reference, link = send_for_signing(page)
    signatory = new_page()
    login(signatory, person="bestuurder")
    signatory.goto(link)
    decline = signatory.get_by_role("button", name=nl("Decline"), exact=True)
    decline.click()
    # Without a reason: an error beside the field, and nothing changes.
    reason = signatory.get_by_label(nl("Why do you not sign?"))
    expect(reason).to_have_attribute("aria-invalid", "true")
    expect(signatory.locator("#reden-error")).to_contain_text(
        nl("Give a reason, so the applicant knows what to change.")
    )
    assert Application.objects.get(reference=reference).status == "wacht_op_ondertekening"
    assert_accessible(signatory, "signing page, declined without a reason")

    mail.outbox.clear()
    reason.fill("Verkeerde beheerder.")
    decline.click()
    expect(signatory.get_by_role("heading", level=1)).to_have_text(nl("You have declined"))
    assert_accessible(signatory, "declined")

    page.reload()
    expect(status_badge(page)).to_have_text(re.compile(nl("draft"), re.I))
    expect(page.locator("ol.history li").last).to_contain_text(
        f"{nl('Back to draft.')} {nl('Reason:')} Verkeerde beheerder."
    )
    assert_accessible(page, "status page, back to draft with the reason")
    # The applicant can go on with the draft, and has an e-mail with the reason.
    expect(page.get_by_role("link", name=nl("Go on with this draft"))).to_be_visible()
    (message,) = mail.outbox
    assert message.to == ["aanvrager@example.nl"]
    assert "Verkeerde beheerder." in message.body
    assert Application.objects.get(reference=reference).status == "concept"
