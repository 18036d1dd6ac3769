"""The form pages: the validator's messages beside fields, drafts kept, what is pre-filled."""

import pytest
from django.test import Client

from mijnduo.applications.models import Application
from mijnduo.registry.models import Organisation

from .answers import AUTORISATIES, BEHEERDER, ORGANISATIE, PAGES, registry_holder
from .conftest import KVK, login
from .test_application_flow import fill_in, start

pytestmark = pytest.mark.django_db


def test_a_wrong_postcode_is_shown_beside_the_field_and_in_the_summary(applicant_client) -> None:
    reference = start(applicant_client)
    answers = {**ORGANISATIE, "organisatie.postcode": "12345", "actie": "volgende"}
    response = applicant_client.post(f"/aanvragen/{reference}/stap/organisatie", answers)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in html
    assert 'href="#organisatie-postcode"' in html
    assert 'id="organisatie-postcode-error"' in html
    assert 'aria-invalid="true"' in html
    assert "<title>Fout:" in html  # the title says there is an error (Dutch by default)
    # Nothing typed is lost: the draft holds the wrong postcode as typed.
    draft = Application.objects.get(reference=reference)
    assert draft.submitted_document["organisatie"]["postcode"] == "12345"
    assert draft.submitted_document["organisatie"]["naam"] == "OBS De Linde"
    assert 'value="12345"' in html


def test_messages_in_english_after_switching_language(applicant_client) -> None:
    reference = start(applicant_client)
    applicant_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    answers = {**ORGANISATIE, "organisatie.postcode": "", "actie": "volgende"}
    response = applicant_client.post(f"/aanvragen/{reference}/stap/organisatie", answers)
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Please correct the following" in html


def test_only_this_pages_problems_are_shown(applicant_client) -> None:
    reference = start(applicant_client)
    response = applicant_client.post(
        f"/aanvragen/{reference}/stap/organisatie", {**ORGANISATIE, "actie": "volgende"}
    )
    # The beheerder page is not filled in yet, but the organisation page is complete.
    assert response.status_code == 302
    assert response["Location"].endswith("/stap/beheerder")


def test_the_kvk_nummer_comes_from_the_login_not_the_page(applicant_client) -> None:
    reference = start(applicant_client)
    answers = {**ORGANISATIE, "organisatie.kvkNummer": "99999999", "actie": "volgende"}
    applicant_client.post(f"/aanvragen/{reference}/stap/organisatie", answers)
    draft = Application.objects.get(reference=reference)
    assert draft.submitted_document["organisatie"]["kvkNummer"] == KVK
    page = applicant_client.get(f"/aanvragen/{reference}/stap/organisatie").content.decode()
    assert 'name="organisatie.kvkNummer"' not in page  # shown, not editable


def test_save_and_continue_later_keeps_an_incomplete_page(applicant_client) -> None:
    reference = start(applicant_client)
    response = applicant_client.post(
        f"/aanvragen/{reference}/stap/beheerder",
        {"beheerder.naam": "J. de Vries", "actie": "opslaan"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/aanvragen/"
    listing = applicant_client.get("/aanvragen/").content.decode()
    assert reference in listing


def test_a_draft_is_resumed_after_logging_in_again(applicant, applicant_client) -> None:
    reference = start(applicant_client)
    fill_in(applicant_client, reference, {"organisatie": ORGANISATIE})
    applicant_client.post("/uitloggen/")
    assert applicant_client.get("/aanvragen/").status_code == 302  # to the login page
    again = login(Client(), applicant)
    assert reference in again.get("/aanvragen/").content.decode()
    page = again.get(f"/aanvragen/{reference}/stap/organisatie").content.decode()
    assert 'value="OBS De Linde"' in page


def test_known_registry_data_prefills_a_new_draft(applicant_client) -> None:
    organisation = registry_holder([])  # known to the registry, nobody holds anything
    response = applicant_client.post("/aanvragen/nieuw", {"organisatie": str(organisation.pk)})
    reference = response["Location"].split("/")[2]
    organisatie = Application.objects.get(reference=reference).submitted_document["organisatie"]
    assert organisatie["naam"] == "OBS De Linde"
    assert organisatie["brincode"] == "05KO"
    assert organisatie["kvkNummer"] == KVK


def test_an_organisation_of_another_kvk_nummer_is_never_prefilled(applicant_client) -> None:
    other = Organisation.objects.create(
        type="bestuur", kvk_nummer="90000099", bestuursnummer="12345", naam="Elders"
    )
    response = applicant_client.post("/aanvragen/nieuw", {"organisatie": str(other.pk)})
    reference = response["Location"].split("/")[2]
    organisatie = Application.objects.get(reference=reference).submitted_document["organisatie"]
    assert organisatie == {"kvkNummer": KVK}


def test_a_wijziging_starts_from_the_current_set_and_shows_the_change(
    applicant_client, django_assert_num_queries
) -> None:
    registry_holder(["po", "bop"])
    reference = start(applicant_client)
    fill_in(applicant_client, reference, {"organisatie": ORGANISATIE, "beheerder": BEHEERDER})
    with django_assert_num_queries(2):  # what the beheerder holds comes with the application
        page = applicant_client.get(f"/aanvragen/{reference}/stap/autorisaties").content.decode()
    assert 'value="po" checked' in page
    assert 'value="bop" checked' in page
    assert 'value="vo" checked' not in page
    fill_in(applicant_client, reference, {k: v for k, v in PAGES.items() if k != "organisatie"})
    with django_assert_num_queries(2):
        check = applicant_client.get(f"/aanvragen/{reference}/controleren").content.decode()
    assert "wijziging" in check
    added = check.split('id="wijziging-title"')[1].split("</section>")[0]
    assert "RIO Algemeen" in added  # added
    assert "BOP" in added  # removed
    draft = Application.objects.get(reference=reference)
    assert draft.kind == "wijziging"


def test_choosing_to_revoke_clears_the_beheerautorisaties(applicant_client) -> None:
    registry_holder(["po"])
    reference = start(applicant_client)
    fill_in(applicant_client, reference, {"organisatie": ORGANISATIE, "beheerder": BEHEERDER})
    response = applicant_client.post(
        f"/aanvragen/{reference}/stap/autorisaties",
        {
            **AUTORISATIES,
            "intrekking.intrekken": "ja",
            "intrekking.blijftGebruiker": "nee",
            "actie": "volgende",
        },
    )
    assert response.status_code == 302
    draft = Application.objects.get(reference=reference)
    assert draft.submitted_document["beheerautorisaties"] == []
    assert draft.kind == "intrekking"
    page = applicant_client.get(f"/aanvragen/{reference}/stap/autorisaties").content.decode()
    assert "Antwoordnummer 199, 9700 VB Groningen" in page


def test_revocation_needs_the_keep_as_user_answer(applicant_client) -> None:
    reference = start(applicant_client)
    response = applicant_client.post(
        f"/aanvragen/{reference}/stap/autorisaties",
        {"intrekking.intrekken": "ja", "actie": "volgende"},
    )
    assert response.status_code == 400
    assert 'href="#intrekking-blijftGebruiker"' in response.content.decode()


def test_the_check_page_links_every_problem_to_its_page(applicant_client) -> None:
    reference = start(applicant_client)
    page = applicant_client.get(f"/aanvragen/{reference}/controleren").content.decode()
    assert f"/aanvragen/{reference}/stap/organisatie#organisatie-naam" in page
    assert f"/aanvragen/{reference}/stap/beheerder#beheerder-email" in page
    assert f"/aanvragen/{reference}/stap/ondertekening#aanvrager-email" in page
    assert "zelf-ondertekenen" not in page  # no signing while problems remain


@pytest.mark.parametrize("step", ["organisatie", "beheerder", "autorisaties", "ondertekening"])
def test_a_form_page_does_a_fixed_number_of_queries(
    applicant_client, django_assert_num_queries, step
) -> None:
    reference = start(applicant_client)
    fill_in(applicant_client, reference)
    # The session with its user (one statement), the application (on the
    # beheerautorisaties page with what the beheerder holds, in the same statement).
    # Never a query per field, and no session write (renewed at most once a minute:
    # tests/identity/test_session_renewal.py).
    with django_assert_num_queries(2):
        assert applicant_client.get(f"/aanvragen/{reference}/stap/{step}").status_code == 200


def test_the_check_page_does_a_fixed_number_of_queries(
    applicant_client, django_assert_num_queries
) -> None:
    reference = start(applicant_client)
    fill_in(applicant_client, reference)
    # The session with its user, the application with its attachments and the
    # beheerautorisaties held (the validator's registry lookup): one statement each,
    # never a query per answer.
    with django_assert_num_queries(2):
        assert applicant_client.get(f"/aanvragen/{reference}/controleren").status_code == 200


def test_a_login_without_kvk_nummer_is_sent_to_the_explanation(applicant) -> None:
    rsin_only = login(Client(), applicant, kvk_nummer="")
    response = rsin_only.get("/aanvragen/")
    assert response.status_code == 302
    assert response["Location"] == "/mijn-organisatie"


def test_name_and_address_come_from_duos_register_for_a_known_brin_code(applicant_client):
    from mijnduo.registers.models import Instelling, Vestiging

    Instelling.objects.create(
        brincode="05KO", naam="OBS De Linde", bestuursnummer="40169", sector="po"
    )
    Vestiging.objects.create(
        vestigingscode="05KO00",
        brincode="05KO",
        naam="OBS De Linde",
        straat="Kerkstraat",
        huisnummer="12a",
        postcode="9700 VB",
        plaats="GRONINGEN",
        sector="po",
    )
    reference = start(applicant_client)
    response = applicant_client.post(
        f"/aanvragen/{reference}/stap/organisatie",
        {
            "organisatie.type": "onderwijsinstelling",
            "organisatie.brincode": "05ko",
            "actie": "volgende",
        },
    )
    # The page comes back filled in, for the applicant to check.
    assert response["Location"] == f"/aanvragen/{reference}/stap/organisatie"
    organisatie = Application.objects.get(reference=reference).submitted_document["organisatie"]
    assert organisatie["naam"] == "OBS De Linde"
    assert organisatie["bestuursnummer"] == "40169"
    assert organisatie["postcode"] == "9700 VB"
    assert organisatie["woonplaats"] == "Groningen"
    # What the applicant typed is never overwritten.
    response = applicant_client.post(
        f"/aanvragen/{reference}/stap/organisatie",
        {**ORGANISATIE, "organisatie.naam": "Eigen naam", "actie": "volgende"},
    )
    assert response["Location"].endswith("/stap/beheerder")
    organisatie = Application.objects.get(reference=reference).submitted_document["organisatie"]
    assert organisatie["naam"] == "Eigen naam"
