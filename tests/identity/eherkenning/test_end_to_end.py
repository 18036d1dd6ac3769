"""The whole signed eHerkenning flow on loopback: SP ↔ fake broker, nothing patched.

Each test installs fresh test keys (generated now) for the SP and the broker,
logs in through the real views and checks the outcome page and the audit trail.
"""

import datetime as dt
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
import requests
from django.core.cache import cache
from freezegun import freeze_time
from lxml import etree

from mijnduo.audit.models import AuditRecord
from mijnduo.identity.eherkenning.constants import AssuranceLevel
from mijnduo.identity.models import EherkenningIdentity
from mijnduo.identity.simulator import views as simulator_views
from mijnduo.identity.simulator.broker import NS, Choice
from mijnduo.identity.simulator.setup import (
    current_broker,
    current_service_provider,
    install_simulator,
)
from mijnduo.registry.models import Organisation

from .flow import Browser

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def browser(live_server) -> Browser:  # type: ignore[no-untyped-def]
    install_simulator(live_server.url)
    return Browser(live_server.url)


def _last_login_record() -> AuditRecord:
    return AuditRecord.objects.filter(action="eherkenning.login").latest("pk")


@pytest.mark.parametrize("level", [AssuranceLevel.EH3, AssuranceLevel.EH4])
def test_success_lands_on_the_organisation_page(browser: Browser, level: AssuranceLevel) -> None:
    Organisation.objects.create(type="bestuur", kvk_nummer="90000001", naam="Stichting Demo")
    page = browser.login(level=level, vestigingsnummer="000012345678")
    assert page.status_code == 200
    assert page.url.endswith("/mijn-organisatie")
    assert "90000001" in page.text
    assert "Stichting Demo" in page.text
    assert level.label in page.text
    identity = EherkenningIdentity.objects.get()
    assert identity.kvk_nummer == "90000001"
    assert identity.pseudonym.startswith("SIM-")
    record = _last_login_record()
    assert record.after["level"] == level.label
    assert record.after["vestigingsnummer"] == "000012345678"
    assert record.actor == f"aanvrager:eh-{identity.pk}"
    # Django's login signal records the time; the service does not write it twice.
    assert identity.user.last_login is not None


def test_the_same_person_is_recognised_on_the_next_login(browser: Browser) -> None:
    browser.login()
    browser.get("/mijn-organisatie")
    second = Browser(browser.base_url)
    second.login()
    other_person = Browser(browser.base_url)
    other_person.login(person="medewerker 2")
    assert EherkenningIdentity.objects.count() == 2
    assert AuditRecord.objects.filter(action="eherkenning.login").count() == 3


def test_login_without_vestigingsnummer_is_accepted(browser: Browser) -> None:
    page = browser.login(vestigingsnummer="")
    assert page.url.endswith("/mijn-organisatie")
    assert _last_login_record().after["vestigingsnummer"] == ""


def test_next_path_is_honoured_but_not_another_host(browser: Browser) -> None:
    page = browser.get(browser.choose(browser.start_login(next_path="/mijn-organisatie?x=1")))
    assert page.url.endswith("/mijn-organisatie?x=1")
    evil = Browser(browser.base_url)
    page = evil.get(evil.choose(evil.start_login(next_path="//evil.example/")))
    assert page.url.endswith("/mijn-organisatie")


@pytest.mark.parametrize("level", [AssuranceLevel.EH2, AssuranceLevel.EH2_PLUS])
def test_level_below_eh3_is_refused_with_an_explanation(
    browser: Browser, level: AssuranceLevel
) -> None:
    page = browser.login(level=level)
    assert page.status_code == 403
    assert "/inloggen/niet-gelukt/niveau" in page.url
    assert level.label in page.text
    assert "EH3" in page.text
    assert not EherkenningIdentity.objects.exists()
    assert browser.get("/mijn-organisatie").url.startswith(browser.url("/inloggen/"))
    refusal = AuditRecord.objects.get(action="eherkenning.login_refused")
    assert refusal.after == {"reason": "niveau", "level": level.label}


def test_wrong_service_uuid_is_refused(browser: Browser) -> None:
    page = browser.login(machtiging=False)
    assert page.status_code == 403
    assert "/inloggen/niet-gelukt/machtiging" in page.url
    assert "Mijn DUO" in page.text
    assert not EherkenningIdentity.objects.exists()


def test_user_cancel(browser: Browser) -> None:
    page = browser.login(outcome="annuleren")
    assert page.url.endswith("/inloggen/niet-gelukt/geannuleerd")
    assert not EherkenningIdentity.objects.exists()


def test_broker_error(browser: Browser) -> None:
    page = browser.login(outcome="fout")
    assert page.url.endswith("/inloggen/niet-gelukt/mislukt")
    assert not EherkenningIdentity.objects.exists()


def _artifact_for(browser: Browser, message: bytes) -> str:
    """Store a (possibly doctored) Response at the broker and return the ACS URL for it."""
    broker = current_broker()
    artifact, handle = broker.new_artifact()
    cache.set(simulator_views.ARTIFACT_PREFIX + handle, message, 300)
    return f"/eherkenning/acs?{urlencode({'SAMLart': artifact})}"


def _pending_request_id(choose_url: str) -> str:
    pending = cache.get(simulator_views.PENDING_PREFIX + Browser.ticket(choose_url))
    return str(pending["request_id"])


def test_tampered_assertion_is_refused(browser: Browser) -> None:
    request_id = _pending_request_id(browser.start_login())
    broker, sp = current_broker(), current_service_provider()
    signed = broker.response(
        sp=sp,
        in_response_to=request_id,
        choice=Choice(kvk_nummer="90000001", level=AssuranceLevel.EH2),
    )
    # Raise the level after signing: exactly what the signature must catch.
    tampered = signed.replace(AssuranceLevel.EH2.value.encode(), AssuranceLevel.EH4.value.encode())
    assert tampered != signed
    page = browser.get(_artifact_for(browser, tampered))
    assert page.url.endswith("/inloggen/niet-gelukt/mislukt")
    assert not EherkenningIdentity.objects.exists()


def test_unsigned_assertion_is_refused(browser: Browser) -> None:
    request_id = _pending_request_id(browser.start_login())
    broker, sp = current_broker(), current_service_provider()
    response = etree.fromstring(
        broker.response(sp=sp, in_response_to=request_id, choice=Choice(kvk_nummer="90000001"))
    )
    for signature in response.iter(f"{{{NS['ds']}}}Signature"):
        signature.getparent().remove(signature)
    page = browser.get(_artifact_for(browser, etree.tostring(response)))
    assert page.url.endswith("/inloggen/niet-gelukt/mislukt")
    assert not EherkenningIdentity.objects.exists()


def test_replayed_artifact_is_refused(browser: Browser) -> None:
    acs = browser.choose(browser.start_login())
    assert browser.get(acs).url.endswith("/mijn-organisatie")
    attacker = Browser(browser.base_url)
    assert attacker.get(acs).url.endswith("/inloggen/niet-gelukt/mislukt")
    assert EherkenningIdentity.objects.count() == 1


def test_replay_is_refused_by_the_sp_even_if_the_broker_serves_the_artifact_twice(
    browser: Browser, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.MIJNDUO_EHERKENNING_SIMULATOR_SINGLE_USE = False
    acs = browser.choose(browser.start_login())
    assert browser.get(acs).url.endswith("/mijn-organisatie")
    attacker = Browser(browser.base_url)
    assert attacker.get(acs).url.endswith("/inloggen/niet-gelukt/mislukt")
    assert AuditRecord.objects.filter(action="eherkenning.login").count() == 1


def test_expired_assertion_is_refused(browser: Browser) -> None:
    acs = browser.choose(browser.start_login())
    # The assertion is valid for 2 minutes; resolve it 3 minutes later.
    with freeze_time(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=3)):
        page = browser.get(acs)
    assert page.url.endswith("/inloggen/niet-gelukt/mislukt")
    assert not EherkenningIdentity.objects.exists()


def test_logout_ends_the_session(browser: Browser) -> None:
    browser.login()
    assert browser.get("/mijn-organisatie").status_code == 200
    page = browser.http.post(
        browser.url("/uitloggen/"), data={"csrfmiddlewaretoken": browser.csrf()}
    )
    assert page.status_code == 200
    assert urlparse(page.url).path == "/"
    assert browser.get("/mijn-organisatie").url.startswith(browser.url("/inloggen/"))
    assert AuditRecord.objects.filter(action="eherkenning.logout").count() == 1


def test_logout_needs_a_post_with_csrf(browser: Browser) -> None:
    browser.login()
    assert browser.http.get(browser.url("/uitloggen/")).status_code == 405
    assert browser.http.post(browser.url("/uitloggen/")).status_code == 403
    assert browser.get("/mijn-organisatie").url.endswith("/mijn-organisatie")


def test_keep_alive_renews_and_needs_login(browser: Browser) -> None:
    anonymous = Browser(browser.base_url)
    anonymous.get("/inloggen/")
    response = anonymous.http.post(
        anonymous.url("/sessie/verlengen"),
        headers={"X-CSRFToken": anonymous.csrf()},
        allow_redirects=False,
    )
    assert response.status_code == 302
    browser.login()
    response = browser.http.post(
        browser.url("/sessie/verlengen"), headers={"X-CSRFToken": browser.csrf()}
    )
    assert response.status_code == 204


def test_acs_redirect_carries_no_personal_data(browser: Browser) -> None:
    acs = browser.choose(browser.start_login(), kvk_nummer="90000001")
    query = parse_qs(urlparse(acs).query)
    assert set(query) == {"SAMLart"}
    assert "90000001" not in acs


@pytest.mark.parametrize("artifact", ["not-base64!", "AAQAAA==", "QUJD" * 20])
def test_malformed_artifact_gets_the_error_page_not_a_crash(
    browser: Browser, artifact: str
) -> None:
    page = browser.get(f"/eherkenning/acs?{urlencode({'SAMLart': artifact})}")
    assert page.status_code == 200
    assert page.url.endswith("/inloggen/niet-gelukt/mislukt")


def test_acs_without_artifact(browser: Browser) -> None:
    assert browser.get("/eherkenning/acs").url.endswith("/inloggen/niet-gelukt/mislukt")


def test_unknown_refusal_page_is_404(browser: Browser) -> None:
    assert browser.get("/inloggen/niet-gelukt/iets-anders").status_code == 404


def test_session_ends_after_15_minutes_without_activity(browser: Browser) -> None:
    browser.login()
    start = dt.datetime.now(dt.UTC)
    with freeze_time(start + dt.timedelta(minutes=10)):
        # Activity renews the 15 minutes ...
        assert browser.get("/mijn-organisatie").url.endswith("/mijn-organisatie")
    with freeze_time(start + dt.timedelta(minutes=24)):
        assert browser.get("/mijn-organisatie").url.endswith("/mijn-organisatie")
    session_cookie = browser.http.cookies["sessionid"]
    with freeze_time(start + dt.timedelta(minutes=40)):
        # ... and 16 minutes without any ends the session on the server, even for
        # a client that keeps sending the old cookie.
        page = requests.get(
            browser.url("/mijn-organisatie"),
            headers={"Cookie": f"sessionid={session_cookie}"},
            timeout=30,
        )
    assert page.url.startswith(browser.url("/inloggen/"))


def test_pages_warn_before_the_session_ends(browser: Browser) -> None:
    page = browser.login()
    assert 'data-session-seconds="900"' in page.text
    assert 'data-session-warning-seconds="120"' in page.text
    assert 'id="session-warning"' in page.text
    assert "/sessie/verlengen" in page.text


def test_simulator_form_errors_are_summarised_and_linked(browser: Browser) -> None:
    choose_url = browser.start_login()
    page = browser.http.post(
        choose_url,
        data={
            "csrfmiddlewaretoken": browser.csrf(),
            "kvk_nummer": "123",
            "person": "p",
            "level": AssuranceLevel.EH3.value,
            "machtiging": "ja",
            "outcome": "succes",
        },
    )
    assert page.status_code == 200
    assert 'class="error-summary"' in page.text
    assert 'href="#id_kvk_nummer"' in page.text
    assert 'aria-describedby="id_kvk_nummer_hint id_kvk_nummer_error"' in page.text
    # The request is still pending: a corrected choice logs in.
    assert browser.get(browser.choose(choose_url)).url.endswith("/mijn-organisatie")


def test_simulator_lists_demo_organisations_by_name(browser: Browser) -> None:
    Organisation.objects.create(type="bestuur", kvk_nummer="90000002", naam="Stichting Voorbeeld")
    page = browser.http.get(browser.start_login())
    assert "Stichting Voorbeeld (90000002)" in page.text


def test_simulator_lists_one_entry_per_kvk_nummer(browser: Browser) -> None:
    for naam in ("Zonnewijzer", "Anne Frankschool"):
        Organisation.objects.create(type="onderwijsinstelling", kvk_nummer="90000003", naam=naam)
    page = browser.http.get(browser.start_login())
    assert page.text.count("(90000003)") == 1
    assert "Anne Frankschool (90000003)" in page.text


def test_simulator_sso_takes_only_the_post_binding(browser: Browser) -> None:
    response = browser.http.get(browser.url("/simulator/eherkenning/sso?SAMLRequest=x"))
    assert response.status_code == 405
