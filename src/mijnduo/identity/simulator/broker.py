"""A fake eHerkenning broker ("herkenningsmakelaar") that speaks real SAML.

Used by the development simulator and by the end-to-end tests. It does what the
service provider meets in production, with real signatures and encryption
(python-xmlsec), and shares no code with the SAML library under test:

- it verifies the signed AuthnRequest against the certificate in the SP metadata;
- it answers with an artifact (HTTP-Artifact binding) on the ACS from the metadata;
- it verifies the signed SOAP ArtifactResolve and returns a signed ArtifactResponse
  carrying a Response whose Assertion is signed, with LegalSubjectID and
  ActingSubjectID as EncryptedIDs encrypted to the SP certificate.

Nothing here is reachable unless the simulator setting is on (see checks.py).
"""

import base64
import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from enum import StrEnum

import xmlsec
from lxml import etree

from mijnduo.identity.eherkenning.constants import (
    ACTING_SUBJECT_ID,
    KVK_QUALIFIER,
    LEGAL_SUBJECT_ID,
    SERVICE_ID,
    SERVICE_UUID,
    VESTIGINGSNUMMER,
    AssuranceLevel,
)

NS = {
    "samlp": "urn:oasis:names:tc:SAML:2.0:protocol",
    "saml": "urn:oasis:names:tc:SAML:2.0:assertion",
    "md": "urn:oasis:names:tc:SAML:2.0:metadata",
    "ds": "http://www.w3.org/2000/09/xmldsig#",
    "xenc": "http://www.w3.org/2001/04/xmlenc#",
    "soap": "http://schemas.xmlsoap.org/soap/envelope/",
}
SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success"
RESPONDER = "urn:oasis:names:tc:SAML:2.0:status:Responder"
REQUESTER = "urn:oasis:names:tc:SAML:2.0:status:Requester"
AUTHN_FAILED = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"
ARTIFACT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact"
SOAP_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:SOAP"
REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer"
ARTIFACT_INDEX = 0
# A real broker gives the SP a few minutes to resolve and use an assertion.
ASSERTION_LIFETIME = dt.timedelta(minutes=2)

# Parsing untrusted XML: no network, no entities, no huge trees.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


class BrokerError(Exception):
    """A message from the SP failed the broker's checks."""


class Outcome(StrEnum):
    SUCCESS = "succes"
    CANCEL = "annuleren"
    ERROR = "fout"


@dataclass(frozen=True)
class Choice:
    """What the person picked on the simulator page (or a test asked for)."""

    kvk_nummer: str
    person: str = "medewerker"
    vestigingsnummer: str = ""
    level: AssuranceLevel = AssuranceLevel.EH3
    machtiging: bool = True
    outcome: Outcome = Outcome.SUCCESS


@dataclass(frozen=True)
class ServiceProvider:
    """What the broker knows of the SP: read from the SP's published metadata."""

    entity_id: str
    acs_url: str
    certificates: tuple[bytes, ...]


@dataclass(frozen=True)
class AuthnRequest:
    id: str
    issuer: str


@dataclass
class Broker:
    entity_id: str
    base_url: str
    key_pem: bytes
    cert_pem: bytes
    # The service the person is "gemachtigd" for when the simulator says yes.
    service_uuid: str = ""
    service_id: str = ""
    # For tests of the SP's own replay protection: a broker that serves an artifact twice.
    single_use_artifacts: bool = True

    @property
    def sso_url(self) -> str:
        return f"{self.base_url}/sso"

    @property
    def artifact_resolution_url(self) -> str:
        return f"{self.base_url}/artifact"

    # -- metadata ---------------------------------------------------------------

    def metadata(self) -> bytes:
        md = NS["md"]
        root = etree.Element(f"{{{md}}}EntityDescriptor", nsmap={"md": md, "ds": NS["ds"]})
        root.set("entityID", self.entity_id)
        idp = etree.SubElement(root, f"{{{md}}}IDPSSODescriptor")
        idp.set("protocolSupportEnumeration", "urn:oasis:names:tc:SAML:2.0:protocol")
        key_descriptor = etree.SubElement(idp, f"{{{md}}}KeyDescriptor", use="signing")
        key_info = etree.SubElement(key_descriptor, f"{{{NS['ds']}}}KeyInfo")
        x509_data = etree.SubElement(key_info, f"{{{NS['ds']}}}X509Data")
        etree.SubElement(x509_data, f"{{{NS['ds']}}}X509Certificate").text = _pem_body(
            self.cert_pem
        )
        etree.SubElement(
            idp,
            f"{{{md}}}ArtifactResolutionService",
            Binding=SOAP_BINDING,
            Location=self.artifact_resolution_url,
            index=str(ARTIFACT_INDEX),
        )
        for binding in (REDIRECT_BINDING, POST_BINDING):
            etree.SubElement(
                idp, f"{{{md}}}SingleSignOnService", Binding=binding, Location=self.sso_url
            )
        return etree.tostring(root, xml_declaration=True, encoding="utf-8")

    # -- step 1: the AuthnRequest -------------------------------------------------

    def read_authn_request(self, saml_request: str, sp: ServiceProvider) -> AuthnRequest:
        """Decode and check an AuthnRequest sent with the HTTP-POST binding (what this SP sends).

        The metadata also names an HTTP-Redirect location only because the SAML
        library's metadata parser insists on one.
        """
        try:
            raw = base64.b64decode(saml_request, validate=True)
            element = etree.fromstring(raw, _PARSER)
        except (ValueError, etree.XMLSyntaxError) as error:
            raise BrokerError("SAMLRequest is not a base64-encoded XML document") from error
        if element.tag != f"{{{NS['samlp']}}}AuthnRequest":
            raise BrokerError("not an AuthnRequest")
        verify_enveloped_signature(element, sp.certificates)
        issuer = element.findtext("saml:Issuer", namespaces=NS) or ""
        if issuer != sp.entity_id:
            raise BrokerError("AuthnRequest from an unknown service provider")
        acs = element.get("AssertionConsumerServiceURL")
        if acs is not None and acs != sp.acs_url:
            raise BrokerError("AuthnRequest asks for an ACS that is not in the metadata")
        request_id = element.get("ID") or ""
        if not request_id:
            raise BrokerError("AuthnRequest without ID")
        return AuthnRequest(id=request_id, issuer=issuer)

    # -- step 2: the answer, stored behind an artifact ------------------------------

    def new_artifact(self) -> tuple[str, str]:
        """A SAML 2.0 type 0x0004 artifact and its message handle (hex) to store it under."""
        handle = secrets.token_bytes(20)
        source_id = hashlib.sha1(self.entity_id.encode()).digest()  # noqa: S324 (SAML spec)
        raw = b"\x00\x04" + ARTIFACT_INDEX.to_bytes(2, "big") + source_id + handle
        return base64.b64encode(raw).decode(), handle.hex()

    @staticmethod
    def handle_of(artifact: str) -> str:
        try:
            raw = base64.b64decode(artifact, validate=True)
        except ValueError as error:
            raise BrokerError("artifact is not base64") from error
        if len(raw) != 44 or raw[:2] != b"\x00\x04":
            raise BrokerError("artifact has the wrong format")
        return raw[24:].hex()

    def pseudonym(self, choice: Choice) -> str:
        """ActingSubjectID: stable per person and organisation, meaningless elsewhere."""
        # Salted with the broker's key, as a real broker keeps its own secret.
        salt = hashlib.sha256(self.key_pem).digest()
        digest = hashlib.sha256(salt + f"{choice.kvk_nummer}|{choice.person}".encode()).hexdigest()
        return f"SIM-{digest[:32]}"

    def response(
        self,
        *,
        sp: ServiceProvider,
        in_response_to: str,
        choice: Choice,
        now: dt.datetime | None = None,
    ) -> bytes:
        """The samlp:Response for this choice: success with a signed assertion, or a failure."""
        now = now or dt.datetime.now(dt.UTC)
        response = etree.Element(
            _q("samlp", "Response"), nsmap={"samlp": NS["samlp"], "saml": NS["saml"]}
        )
        response.set("ID", _new_id())
        response.set("Version", "2.0")
        response.set("IssueInstant", _time(now))
        response.set("Destination", sp.acs_url)
        response.set("InResponseTo", in_response_to)
        etree.SubElement(response, _q("saml", "Issuer")).text = self.entity_id
        status = etree.SubElement(response, _q("samlp", "Status"))
        if choice.outcome is Outcome.SUCCESS:
            etree.SubElement(status, _q("samlp", "StatusCode"), Value=SUCCESS)
            response.append(
                self._assertion(sp=sp, in_response_to=in_response_to, choice=choice, now=now)
            )
        else:
            top = etree.SubElement(status, _q("samlp", "StatusCode"), Value=RESPONDER)
            if choice.outcome is Outcome.CANCEL:
                etree.SubElement(top, _q("samlp", "StatusCode"), Value=AUTHN_FAILED)
                message = "Authentication cancelled"
            else:
                message = "Simulated broker error"
            etree.SubElement(status, _q("samlp", "StatusMessage")).text = message
        return etree.tostring(response)

    def _assertion(
        self, *, sp: ServiceProvider, in_response_to: str, choice: Choice, now: dt.datetime
    ) -> etree._Element:
        assertion = etree.Element(_q("saml", "Assertion"), nsmap={"saml": NS["saml"]})
        assertion_id = _new_id()
        assertion.set("ID", assertion_id)
        assertion.set("Version", "2.0")
        assertion.set("IssueInstant", _time(now))
        etree.SubElement(assertion, _q("saml", "Issuer")).text = self.entity_id

        subject = etree.SubElement(assertion, _q("saml", "Subject"))
        subject.append(self._encrypted_id(self.pseudonym(choice), "", sp))
        confirmation = etree.SubElement(subject, _q("saml", "SubjectConfirmation"), Method=BEARER)
        etree.SubElement(
            confirmation,
            _q("saml", "SubjectConfirmationData"),
            InResponseTo=in_response_to,
            Recipient=sp.acs_url,
            NotOnOrAfter=_time(now + ASSERTION_LIFETIME),
        )
        conditions = etree.SubElement(
            assertion,
            _q("saml", "Conditions"),
            NotBefore=_time(now - dt.timedelta(seconds=30)),
            NotOnOrAfter=_time(now + ASSERTION_LIFETIME),
        )
        audience = etree.SubElement(conditions, _q("saml", "AudienceRestriction"))
        etree.SubElement(audience, _q("saml", "Audience")).text = sp.entity_id

        authn = etree.SubElement(
            assertion, _q("saml", "AuthnStatement"), AuthnInstant=_time(now), SessionIndex=_new_id()
        )
        context = etree.SubElement(authn, _q("saml", "AuthnContext"))
        etree.SubElement(context, _q("saml", "AuthnContextClassRef")).text = choice.level.value

        statement = etree.SubElement(assertion, _q("saml", "AttributeStatement"))
        service_uuid = (
            self.service_uuid if choice.machtiging else _other_service_uuid(self.service_uuid)
        )
        _attribute(statement, SERVICE_ID, self.service_id)
        _attribute(statement, SERVICE_UUID, service_uuid)
        legal = _attribute(statement, LEGAL_SUBJECT_ID, None)
        legal.append(self._encrypted_id(choice.kvk_nummer, KVK_QUALIFIER, sp))
        acting = _attribute(statement, ACTING_SUBJECT_ID, None)
        acting.append(
            self._encrypted_id(
                self.pseudonym(choice), "urn:etoegang:1.9:EntityConcernedID:Pseudo", sp
            )
        )
        if choice.vestigingsnummer:
            _attribute(statement, VESTIGINGSNUMMER, choice.vestigingsnummer)

        sign_enveloped(assertion, self.key_pem, self.cert_pem)
        return assertion

    def _encrypted_id(self, value: str, qualifier: str, sp: ServiceProvider) -> etree._Element:
        # The NameID is encrypted as the root of its own document, so the plaintext
        # carries its namespace declaration (a fragment would not, once decrypted).
        name_id = etree.Element(_q("saml", "NameID"), nsmap={"saml": NS["saml"]})
        if qualifier:
            name_id.set("NameQualifier", qualifier)
        name_id.text = value
        container = etree.Element(_q("saml", "EncryptedID"), nsmap={"saml": NS["saml"]})
        container.append(encrypt_element(name_id, sp.certificates[0]))
        return container

    # -- step 3: the SOAP ArtifactResolve -----------------------------------------

    def read_artifact_resolve(self, body: bytes, sp: ServiceProvider) -> tuple[str, str]:
        """Check the signed ArtifactResolve; return (its ID, the artifact)."""
        try:
            envelope = etree.fromstring(body, _PARSER)
        except etree.XMLSyntaxError as error:
            raise BrokerError("ArtifactResolve is not XML") from error
        resolve = envelope.find("soap:Body/samlp:ArtifactResolve", namespaces=NS)
        if resolve is None:
            raise BrokerError("no ArtifactResolve in the SOAP body")
        verify_enveloped_signature(resolve, sp.certificates)
        if (resolve.findtext("saml:Issuer", namespaces=NS) or "") != sp.entity_id:
            raise BrokerError("ArtifactResolve from an unknown service provider")
        artifact = (resolve.findtext("samlp:Artifact", namespaces=NS) or "").strip()
        return resolve.get("ID") or "", artifact

    def artifact_response(self, *, in_response_to: str, message: bytes | None) -> bytes:
        """The signed SOAP ArtifactResponse; an unknown artifact gets a Requester status."""
        envelope = etree.Element(_q("soap", "Envelope"), nsmap={"soap": NS["soap"]})
        body = etree.SubElement(envelope, _q("soap", "Body"))
        answer = etree.SubElement(
            body,
            _q("samlp", "ArtifactResponse"),
            nsmap={"samlp": NS["samlp"], "saml": NS["saml"]},
        )
        answer.set("ID", _new_id())
        answer.set("Version", "2.0")
        answer.set("IssueInstant", _time(dt.datetime.now(dt.UTC)))
        answer.set("InResponseTo", in_response_to)
        etree.SubElement(answer, _q("saml", "Issuer")).text = self.entity_id
        status = etree.SubElement(answer, _q("samlp", "Status"))
        etree.SubElement(status, _q("samlp", "StatusCode"), Value=SUCCESS if message else REQUESTER)
        if message:
            answer.append(etree.fromstring(message, _PARSER))
        sign_enveloped(answer, self.key_pem, self.cert_pem)
        return etree.tostring(envelope, xml_declaration=True, encoding="utf-8")


def read_sp_metadata(metadata: bytes) -> ServiceProvider:
    root = etree.fromstring(metadata, _PARSER)
    descriptor = root.find("md:SPSSODescriptor", namespaces=NS)
    if descriptor is None:
        raise BrokerError("no SPSSODescriptor in the SP metadata")
    acs = [
        element.get("Location", "")
        for element in descriptor.findall("md:AssertionConsumerService", namespaces=NS)
        if element.get("Binding") == ARTIFACT_BINDING
    ]
    certificates = tuple(
        _pem_from_body(text)
        for text in descriptor.xpath(
            "md:KeyDescriptor/ds:KeyInfo/ds:X509Data/ds:X509Certificate/text()", namespaces=NS
        )
    )
    if not acs or not certificates:
        raise BrokerError("SP metadata lacks an artifact ACS or a certificate")
    return ServiceProvider(
        entity_id=root.get("entityID", ""), acs_url=acs[0], certificates=certificates
    )


def sign_enveloped(element: etree._Element, key_pem: bytes, cert_pem: bytes) -> None:
    """Enveloped RSA-SHA256 signature over the element's ID, placed after its Issuer."""
    signature = xmlsec.template.create(
        element, xmlsec.constants.TransformExclC14N, xmlsec.constants.TransformRsaSha256, ns="ds"
    )
    issuer = element.find("saml:Issuer", namespaces=NS)
    if issuer is not None:
        issuer.addnext(signature)
    else:
        element.insert(0, signature)
    reference = xmlsec.template.add_reference(
        signature, xmlsec.constants.TransformSha256, uri=f"#{element.get('ID')}"
    )
    xmlsec.template.add_transform(reference, xmlsec.constants.TransformEnveloped)
    xmlsec.template.add_transform(reference, xmlsec.constants.TransformExclC14N)
    key_info = xmlsec.template.ensure_key_info(signature)
    xmlsec.template.add_x509_data(key_info)
    xmlsec.tree.add_ids(element, ["ID"])
    context = xmlsec.SignatureContext()
    key = xmlsec.Key.from_memory(key_pem, xmlsec.constants.KeyDataFormatPem)
    key.load_cert_from_memory(cert_pem, xmlsec.constants.KeyDataFormatPem)
    context.key = key
    context.sign(signature)


def verify_enveloped_signature(element: etree._Element, certificates: tuple[bytes, ...]) -> None:
    """The element must carry its own signature, over itself, by one of these certificates."""
    signature = element.find("ds:Signature", namespaces=NS)
    if signature is None:
        raise BrokerError("message is not signed")
    references = signature.findall("ds:SignedInfo/ds:Reference", namespaces=NS)
    # Guard against signature wrapping: exactly one reference, to this element.
    if len(references) != 1 or references[0].get("URI") != f"#{element.get('ID')}":
        raise BrokerError("signature does not cover the message")
    xmlsec.tree.add_ids(element, ["ID"])
    for certificate in certificates:
        context = xmlsec.SignatureContext()
        context.key = xmlsec.Key.from_memory(certificate, xmlsec.constants.KeyDataFormatCertPem)
        try:
            context.verify(signature)
        except xmlsec.Error:
            continue
        return
    raise BrokerError("signature is not valid for the SP certificate")


def encrypt_element(element: etree._Element, cert_pem: bytes) -> etree._Element:
    """xenc:EncryptedData for the element (AES-256-CBC, key wrapped with RSA-OAEP)."""
    manager = xmlsec.KeysManager()
    manager.add_key(xmlsec.Key.from_memory(cert_pem, xmlsec.constants.KeyDataFormatCertPem))
    template = xmlsec.template.encrypted_data_create(
        element,
        xmlsec.constants.TransformAes256Cbc,
        type=xmlsec.constants.TypeEncElement,
        ns="xenc",
    )
    xmlsec.template.encrypted_data_ensure_cipher_value(template)
    key_info = xmlsec.template.encrypted_data_ensure_key_info(template, ns="ds")
    encrypted_key = xmlsec.template.add_encrypted_key(key_info, xmlsec.constants.TransformRsaOaep)
    xmlsec.template.encrypted_data_ensure_cipher_value(encrypted_key)
    context = xmlsec.EncryptionContext(manager)
    context.key = xmlsec.Key.generate(
        xmlsec.constants.KeyDataAes, 256, xmlsec.constants.KeyDataTypeSession
    )
    encrypted: etree._Element = context.encrypt_xml(template, element)
    return encrypted


def _attribute(statement: etree._Element, name: str, value: str | None) -> etree._Element:
    attribute = etree.SubElement(statement, _q("saml", "Attribute"), Name=name)
    attribute_value = etree.SubElement(attribute, _q("saml", "AttributeValue"))
    if value is not None:
        attribute_value.text = value
    return attribute_value


def _other_service_uuid(service_uuid: str) -> str:
    # A machtiging for some other service: a different, stable UUID.
    digest = hashlib.sha256(f"andere-dienst|{service_uuid}".encode()).hexdigest()
    return f"{digest[:8]}-{digest[8:12]}-4{digest[13:16]}-a{digest[17:20]}-{digest[20:32]}"


def _q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def _new_id() -> str:
    # An XML ID must not start with a digit.
    return f"_{secrets.token_hex(20)}"


def _time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _pem_body(pem: bytes) -> str:
    lines = pem.decode().strip().splitlines()
    return "".join(line for line in lines if not line.startswith("-----"))


def _pem_from_body(body: str) -> bytes:
    compact = "".join(body.split())
    wrapped = "\n".join(compact[i : i + 64] for i in range(0, len(compact), 64))
    return f"-----BEGIN CERTIFICATE-----\n{wrapped}\n-----END CERTIFICATE-----\n".encode()
