"""Reading and judging what the broker asserted. Pure: no database, no HTTP.

The SAML library hands over the decrypted attributes (values are strings, or
``{"NameID": {"NameQualifier": ..., "value": ...}}`` for an EncryptedID) and the
AuthnContextClassRefs. Everything Mijn DUO demands of a login is decided here, so
each branch has a unit test (tests/identity/eherkenning/test_attributes.py).
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from stdnum.nl import bsn

from mijnduo.aanvraag.formats import FormatError, normalise_kvk_nummer

from .constants import (
    ACTING_SUBJECT_ID,
    KVK_QUALIFIER,
    LEGAL_SUBJECT_ID,
    MINIMUM_LEVEL,
    RSIN_QUALIFIER,
    SERVICE_UUID,
    VESTIGINGSNUMMER,
    AssuranceLevel,
)

_VESTIGINGSNUMMER = re.compile(r"[0-9]{12}")


class Refusal(StrEnum):
    """Why a login is refused; the value is the slug of the page that explains it."""

    LEVEL_TOO_LOW = "niveau"
    NO_MACHTIGING = "machtiging"
    INCOMPLETE = "onvolledig"


class LoginRefused(Exception):
    def __init__(self, reason: Refusal, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class EherkenningLogin:
    """One successful eHerkenning authentication, as far as Mijn DUO needs it."""

    kvk_nummer: str
    rsin: str
    pseudonym: str
    level: AssuranceLevel
    service_uuid: str
    vestigingsnummer: str


def _name_ids(values: Iterable[Any]) -> list[tuple[str, str]]:
    found = []
    for value in values:
        if isinstance(value, Mapping) and isinstance(value.get("NameID"), Mapping):
            name_id = value["NameID"]
            found.append((str(name_id.get("NameQualifier") or ""), str(name_id.get("value") or "")))
    return found


def _plain_values(values: Iterable[Any]) -> list[str]:
    return [value.strip() for value in values if isinstance(value, str) and value.strip()]


def _level(authn_contexts: Iterable[str]) -> AssuranceLevel:
    levels = []
    for context in authn_contexts:
        try:
            levels.append(AssuranceLevel(context.strip()))
        except ValueError:
            continue
    if not levels:
        raise LoginRefused(Refusal.INCOMPLETE, "no eHerkenning level of assurance")
    # One AuthnStatement is allowed, but be strict if a broker sends several.
    return min(levels, key=lambda level: level.rank)


def read_login(
    attributes: Mapping[str, list[Any]], authn_contexts: Iterable[str]
) -> EherkenningLogin:
    """Turn the assertion into an EherkenningLogin, or refuse it as incomplete."""
    legal = _name_ids(attributes.get(LEGAL_SUBJECT_ID, []))
    kvk = [value for qualifier, value in legal if qualifier == KVK_QUALIFIER]
    rsin = [value for qualifier, value in legal if qualifier == RSIN_QUALIFIER]
    if len(kvk) > 1 or len(rsin) > 1:
        raise LoginRefused(Refusal.INCOMPLETE, "more than one organisation identifier")
    rsin_value = rsin[0] if rsin else ""
    try:
        kvk_nummer = normalise_kvk_nummer(kvk[0]) if kvk else ""
    except FormatError as error:
        raise LoginRefused(Refusal.INCOMPLETE, "KvK-nummer is not 8 digits") from error
    if rsin_value and not bsn.is_valid(rsin_value):
        raise LoginRefused(Refusal.INCOMPLETE, "RSIN fails its check")
    if not kvk_nummer and not rsin_value:
        raise LoginRefused(Refusal.INCOMPLETE, "no KvK-nummer or RSIN")

    acting = _name_ids(attributes.get(ACTING_SUBJECT_ID, []))
    pseudonyms = {value for _qualifier, value in acting if value}
    if len(pseudonyms) != 1:
        raise LoginRefused(Refusal.INCOMPLETE, "no single acting person pseudonym")

    service_uuids = _plain_values(attributes.get(SERVICE_UUID, []))
    vestigingen = _plain_values(attributes.get(VESTIGINGSNUMMER, []))
    if len(vestigingen) > 1 or (vestigingen and not _VESTIGINGSNUMMER.fullmatch(vestigingen[0])):
        raise LoginRefused(Refusal.INCOMPLETE, "vestigingsnummer is not one 12-digit number")

    return EherkenningLogin(
        kvk_nummer=kvk_nummer,
        rsin=rsin_value,
        pseudonym=pseudonyms.pop(),
        level=_level(authn_contexts),
        service_uuid=service_uuids[0].lower() if len(service_uuids) == 1 else "",
        vestigingsnummer=vestigingen[0] if vestigingen else "",
    )


def check_login(login: EherkenningLogin, *, mijn_duo_service_uuid: str) -> None:
    """Refuse a login below EH3 or without a machtiging for the Mijn DUO service."""
    if login.level.rank < MINIMUM_LEVEL.rank:
        raise LoginRefused(Refusal.LEVEL_TOO_LOW, login.level.label)
    if not login.service_uuid or login.service_uuid != mijn_duo_service_uuid.lower():
        raise LoginRefused(Refusal.NO_MACHTIGING, "ServiceUUID is not the Mijn DUO service")
