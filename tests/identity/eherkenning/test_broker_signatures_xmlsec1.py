"""The fake broker's signatures, checked by Debian's xmlsec1 command.

Independent of python-xmlsec and of the SAML library under test: if the broker
signed wrongly, the end-to-end tests could pass against a wrongly verifying SP.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from mijnduo.identity.eherkenning.certificates import generate_key_pair
from mijnduo.identity.simulator.broker import NS, Broker, Choice, ServiceProvider

XMLSEC1 = shutil.which("xmlsec1")
# .ci/run installs Debian's xmlsec1, so in CI a missing binary fails these tests;
# on a developer's machine without it they are skipped with the install hint.
if XMLSEC1 is None and not os.environ.get("CI"):
    pytest.skip("xmlsec1 is not installed (apt-get install xmlsec1)", allow_module_level=True)


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    assert XMLSEC1, "xmlsec1 is not installed (apt-get install xmlsec1)"
    folder = tmp_path_factory.mktemp("xmlsec1")
    broker_keys = generate_key_pair("broker")
    sp_keys = generate_key_pair("sp")
    broker = Broker(
        entity_id="https://broker.test/",
        base_url="https://broker.test",
        key_pem=broker_keys.key_pem,
        cert_pem=broker_keys.cert_pem,
        service_uuid="6f4b3a2e-5c1d-4e8f-9a7b-2d3c4e5f6a7b",
        service_id="urn:test",
    )
    sp = ServiceProvider(
        entity_id="https://sp.test/",
        acs_url="https://sp.test/acs",
        certificates=(sp_keys.cert_pem,),
    )
    response = broker.response(sp=sp, in_response_to="_req", choice=Choice(kvk_nummer="90000001"))
    envelope = broker.artifact_response(in_response_to="_resolve", message=response)
    assertion = etree.fromstring(envelope).find(".//saml:Assertion", namespaces=NS)
    files = {
        "cert": folder / "broker.pem",
        "other_cert": folder / "other.pem",
        "envelope": folder / "artifact-response.xml",
        "assertion": folder / "assertion.xml",
        "tampered": folder / "tampered-assertion.xml",
    }
    files["cert"].write_bytes(broker_keys.cert_pem)
    files["other_cert"].write_bytes(sp_keys.cert_pem)
    files["envelope"].write_bytes(envelope)
    # Exclusive canonicalisation makes the signed assertion verifiable on its own.
    assertion_xml = etree.tostring(assertion)
    files["assertion"].write_bytes(assertion_xml)
    files["tampered"].write_bytes(
        assertion_xml.replace(b"assurance-class:loa3", b"assurance-class:loa4")
    )
    return files


def _verify(document: Path, cert: Path, id_attr: str) -> subprocess.CompletedProcess[str]:
    assert XMLSEC1
    return subprocess.run(  # noqa: S603 (fixed binary, paths we wrote)
        [
            XMLSEC1,
            "--verify",
            "--id-attr:ID",
            id_attr,
            "--pubkey-cert-pem",
            str(cert),
            str(document),
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def test_artifact_response_signature_verifies(signed: dict[str, Path]) -> None:
    result = _verify(signed["envelope"], signed["cert"], f"{NS['samlp']}:ArtifactResponse")
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout + result.stderr


def test_assertion_signature_verifies(signed: dict[str, Path]) -> None:
    result = _verify(signed["assertion"], signed["cert"], f"{NS['saml']}:Assertion")
    assert result.returncode == 0, result.stderr


def test_tampered_assertion_fails_xmlsec1(signed: dict[str, Path]) -> None:
    result = _verify(signed["tampered"], signed["cert"], f"{NS['saml']}:Assertion")
    assert result.returncode != 0


def test_signature_by_another_key_fails_xmlsec1(signed: dict[str, Path]) -> None:
    result = _verify(signed["assertion"], signed["other_cert"], f"{NS['saml']}:Assertion")
    assert result.returncode != 0
