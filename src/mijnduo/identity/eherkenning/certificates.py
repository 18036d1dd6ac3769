"""Key pairs for SAML signing: generating (simulator, tests) and installing (any)."""

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from digid_eherkenning.choices import ConfigTypes
from digid_eherkenning.models import ConfigCertificate
from django.core.files.base import ContentFile
from simple_certmanager.constants import CertificateTypes
from simple_certmanager.models import Certificate


@dataclass(frozen=True)
class KeyPair:
    key_pem: bytes
    cert_pem: bytes


def generate_key_pair(
    common_name: str, *, days: int = 365, not_before: dt.datetime | None = None
) -> KeyPair:
    """A fresh RSA-2048 key and a self-signed certificate for it."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    start = not_before or (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5))
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=days))
        .sign(key, hashes.SHA256())
    )
    return KeyPair(
        key_pem=key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        cert_pem=certificate.public_bytes(serialization.Encoding.PEM),
    )


def store_key_pair(label: str, pair: KeyPair) -> Certificate:
    certificate = Certificate(label=label, type=CertificateTypes.key_pair)
    certificate.public_certificate.save(f"{label}.crt", ContentFile(pair.cert_pem), save=False)
    certificate.private_key.save(f"{label}.key", ContentFile(pair.key_pem), save=False)
    certificate.save()
    return certificate


def add_sp_certificate(
    pair: KeyPair, *, label: str, activate_on: dt.datetime | None = None
) -> ConfigCertificate:
    """Offer a key pair to the eHerkenning SP; with activate_on it takes over on that date.

    The library picks the current certificate among the valid, activated ones and
    publishes the next one in the metadata, so a broker can be given the new
    certificate before the switch (docs/eherkenning.md, "Rotating certificates").
    """
    return ConfigCertificate.objects.create(
        config_type=ConfigTypes.eherkenning,
        certificate=store_key_pair(label, pair),
        activate_on=activate_on,
    )
