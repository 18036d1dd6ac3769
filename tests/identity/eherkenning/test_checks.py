"""System checks: simulator in production, certificates, shared cache."""

import datetime as dt

import pytest
from django.core.checks import Error, Warning

from mijnduo.identity.eherkenning import checks
from mijnduo.identity.eherkenning.certificates import add_sp_certificate, generate_key_pair
from mijnduo.identity.simulator.setup import install_simulator


def test_simulator_refused_without_debug(settings) -> None:  # type: ignore[no-untyped-def]
    settings.MIJNDUO_EHERKENNING_SIMULATOR = True
    settings.DEBUG = False
    [message] = checks.simulator_only_in_development()
    assert isinstance(message, Error) and message.id == "mijnduo.E001"
    settings.DEBUG = True
    assert checks.simulator_only_in_development() == []
    settings.MIJNDUO_EHERKENNING_SIMULATOR = False
    settings.DEBUG = False
    assert checks.simulator_only_in_development() == []


def test_per_process_cache_warned_outside_debug(settings) -> None:  # type: ignore[no-untyped-def]
    settings.DEBUG = False
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    [message] = checks.shared_cache()
    assert isinstance(message, Warning) and message.id == "mijnduo.W002"
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t"}
    }
    assert checks.shared_cache() == []


@pytest.mark.django_db
def test_unconfigured_eherkenning_is_reported() -> None:
    [message] = checks.eherkenning_certificates()
    assert message.id == "mijnduo.W003"


@pytest.mark.django_db
def test_configured_with_valid_certificate_is_quiet() -> None:
    install_simulator("http://testserver")
    assert checks.eherkenning_certificates() == []


@pytest.mark.django_db
def test_expired_certificate_is_an_error() -> None:
    install_simulator("http://testserver")
    from digid_eherkenning.models import ConfigCertificate

    ConfigCertificate.objects.all().delete()
    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    add_sp_certificate(generate_key_pair("old", days=30, not_before=past), label="old")
    [message] = checks.eherkenning_certificates()
    assert message.id == "mijnduo.E004"
    assert "expired" in message.msg


@pytest.mark.django_db
def test_certificate_near_expiry_without_successor_is_warned() -> None:
    install_simulator("http://testserver")
    from digid_eherkenning.models import ConfigCertificate

    ConfigCertificate.objects.all().delete()
    add_sp_certificate(generate_key_pair("short", days=10), label="short")
    [message] = checks.eherkenning_certificates()
    assert message.id == "mijnduo.W005"
    # A next certificate, activated later, silences it: rotation is prepared.
    add_sp_certificate(
        generate_key_pair("next", days=365),
        label="next",
        activate_on=dt.datetime.now(dt.UTC) + dt.timedelta(days=5),
    )
    assert checks.eherkenning_certificates() == []


@pytest.mark.django_db
def test_login_without_configuration_explains_instead_of_crashing(client) -> None:  # type: ignore[no-untyped-def]
    client.get("/inloggen/")
    response = client.post("/inloggen/", {"next": ""})
    assert response.status_code == 503
    assert "eHerkenning" in response.content.decode()


@pytest.mark.django_db
def test_acs_without_artifact_writes_no_audit_record(client) -> None:  # type: ignore[no-untyped-def]
    from mijnduo.audit.models import AuditRecord

    response = client.get("/eherkenning/acs")
    assert response.status_code == 302
    assert response["Location"].endswith("/inloggen/niet-gelukt/mislukt")
    assert not AuditRecord.objects.exists()
