"""`mijnduo eherkenning`: configure a broker from files and environment, add certificates."""

import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from digid_eherkenning.models import ConfigCertificate, EherkenningConfiguration
from django.core.management import CommandError, call_command

from mijnduo.identity.eherkenning.certificates import generate_key_pair
from mijnduo.identity.simulator.broker import Broker

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_metadata(tmp_path: Path) -> Path:
    keys = generate_key_pair("broker")
    broker = Broker(
        entity_id="https://makelaar.example/saml",
        base_url="https://makelaar.example/saml",
        key_pem=keys.key_pem,
        cert_pem=keys.cert_pem,
    )
    path = tmp_path / "broker.xml"
    path.write_bytes(broker.metadata())
    return path


def _key_pair_files(tmp_path: Path, name: str) -> tuple[Path, Path]:
    pair = generate_key_pair(name)
    key, cert = tmp_path / f"{name}.key", tmp_path / f"{name}.crt"
    key.write_bytes(pair.key_pem)
    cert.write_bytes(pair.cert_pem)
    return key, cert


def test_configure_from_environment_and_add_certificates(
    tmp_path: Path, broker_metadata: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {
        "MIJNDUO_EH_ENTITY_ID": "https://beheer.example/eherkenning/metadata",
        "MIJNDUO_EH_BASE_URL": "https://beheer.example",
        "MIJNDUO_EH_OIN": "00000001003214345000",
        "MIJNDUO_EH_BROKER_OIN": "00000009999999999000",
        "MIJNDUO_EH_SERVICE_UUID": "6F4B3A2E-5C1D-4E8F-9A7B-2D3C4E5F6A7B",
        "MIJNDUO_EH_BROKER_METADATA": str(broker_metadata),
        "MIJNDUO_EH_BROKER_ENTITY_ID": "https://makelaar.example/saml",
        "MIJNDUO_EH_PRIVACY_URL": "https://beheer.example/privacy",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    key, cert = _key_pair_files(tmp_path, "current")
    call_command(
        "eherkenning", "add-certificate", "--key", str(key), "--cert", str(cert), stdout=StringIO()
    )
    out = StringIO()
    call_command("eherkenning", "configure", stdout=out)
    config = EherkenningConfiguration.get_solo()
    assert config.entity_id == env["MIJNDUO_EH_ENTITY_ID"]
    assert str(config.eh_service_uuid) == env["MIJNDUO_EH_SERVICE_UUID"].lower()
    assert config.want_assertions_signed is True
    assert "Current certificate: eherkenning-sp" in out.getvalue()

    next_key, next_cert = _key_pair_files(tmp_path, "next")
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=10)).isoformat()
    out = StringIO()
    call_command(
        "eherkenning",
        "add-certificate",
        "--key",
        str(next_key),
        "--cert",
        str(next_cert),
        "--label",
        "next",
        "--activate-on",
        later,
        stdout=out,
    )
    assert "Next certificate: next" in out.getvalue()
    assert ConfigCertificate.objects.count() == 2


def test_configure_names_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MIJNDUO_EH_ENTITY_ID", "MIJNDUO_EH_SERVICE_UUID"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(CommandError, match="--entity-id"):
        call_command("eherkenning", "configure", stdout=StringIO())


def test_activation_date_needs_a_time_zone(tmp_path: Path) -> None:
    key, cert = _key_pair_files(tmp_path, "x")
    with pytest.raises(CommandError, match="time zone"):
        call_command(
            "eherkenning",
            "add-certificate",
            "--key",
            str(key),
            "--cert",
            str(cert),
            "--activate-on",
            "2027-01-01T00:00:00",
            stdout=StringIO(),
        )
