"""Nobody reaches another person's or another organisation's draft or application."""

import pytest
from django.test import Client

from mijnduo.applications.models import Application

from .answers import ORGANISATIE
from .conftest import OTHER_KVK, login
from .test_application_flow import fill_in, start

pytestmark = pytest.mark.django_db

PAGES = [
    ("get", "/aanvragen/{ref}/"),
    ("get", "/aanvragen/{ref}/stap/organisatie"),
    ("post", "/aanvragen/{ref}/stap/organisatie"),
    ("get", "/aanvragen/{ref}/controleren"),
    ("post", "/aanvragen/{ref}/controleren"),
    ("post", "/aanvragen/{ref}/bijlage"),
    ("post", "/aanvragen/{ref}/verwijderen"),
    ("post", "/aanvragen/{ref}/terugnemen"),
    ("get", "/aanvragen/{ref}/pdf"),
]


@pytest.fixture
def draft(applicant_client) -> str:
    reference = start(applicant_client)
    fill_in(applicant_client, reference, {"organisatie": ORGANISATIE})
    return reference


def _answers_of(client: Client, method: str, path: str) -> int:
    call = client.get if method == "get" else client.post
    return call(path, {"organisatie.naam": "Overgenomen", "actie": "volgende"}).status_code


@pytest.mark.parametrize(("method", "path"), PAGES)
def test_a_colleague_of_the_same_organisation_gets_404(draft, make_person, method, path) -> None:
    colleague = login(Client(), make_person())
    assert _answers_of(colleague, method, path.format(ref=draft)) == 404
    assert Application.objects.get(reference=draft).document["organisatie"]["naam"] == (
        "OBS De Linde"
    )


@pytest.mark.parametrize(("method", "path"), PAGES)
def test_the_applicant_logged_in_for_another_organisation_gets_404(
    draft, applicant, method, path
) -> None:
    elsewhere = login(Client(), applicant, kvk_nummer=OTHER_KVK)
    assert _answers_of(elsewhere, method, path.format(ref=draft)) == 404
    assert Application.objects.filter(reference=draft).exists()


@pytest.mark.parametrize(("method", "path"), PAGES)
def test_nobody_logged_in_is_sent_to_the_login(draft, method, path) -> None:
    status = _answers_of(Client(), method, path.format(ref=draft))
    assert status in (302, 403)  # the login page, or CSRF refusing a bare POST


def test_the_list_shows_only_own_applications(draft, make_person) -> None:
    colleague = login(Client(), make_person())
    assert draft not in colleague.get("/aanvragen/").content.decode()


def test_a_made_up_reference_is_404(applicant_client) -> None:
    assert applicant_client.get("/aanvragen/MDZ-0000-0000/").status_code == 404
    assert applicant_client.get("/aanvragen/niet-een-referentie/").status_code == 404


def test_a_login_without_kvk_nummer_reaches_no_application(draft, applicant) -> None:
    rsin_only = login(Client(), applicant, kvk_nummer="")
    assert rsin_only.get(f"/aanvragen/{draft}/").status_code == 404


def test_a_submitted_application_can_no_longer_be_edited(applicant_client) -> None:
    from .test_application_flow import PAGES as ALL

    reference = start(applicant_client)
    fill_in(applicant_client, reference, ALL)
    applicant_client.post(
        f"/aanvragen/{reference}/controleren", {"actie": "zelf-ondertekenen", "akkoord": "ja"}
    )
    response = applicant_client.post(
        f"/aanvragen/{reference}/stap/organisatie", {"organisatie.naam": "Anders"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/aanvragen/{reference}/"
    assert Application.objects.get(reference=reference).document["organisatie"]["naam"] == (
        "OBS De Linde"
    )
    assert applicant_client.post(f"/aanvragen/{reference}/verwijderen").status_code == 302
    assert Application.objects.filter(reference=reference).exists()
