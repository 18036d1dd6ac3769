"""Every branch of reading and judging an assertion (pure; no SAML, no database)."""

import pytest

from mijnduo.identity.eherkenning.attributes import (
    LoginRefused,
    Refusal,
    check_login,
    read_login,
)
from mijnduo.identity.eherkenning.constants import (
    ACTING_SUBJECT_ID,
    KVK_QUALIFIER,
    LEGAL_SUBJECT_ID,
    RSIN_QUALIFIER,
    SERVICE_UUID,
    VESTIGINGSNUMMER,
    AssuranceLevel,
)

MIJN_DUO = "6f4b3a2e-5c1d-4e8f-9a7b-2d3c4e5f6a7b"


def name_id(value: str, qualifier: str = "") -> dict[str, dict[str, str]]:
    return {"NameID": {"NameQualifier": qualifier, "value": value, "Format": ""}}


def attributes(**overrides: list[object]) -> dict[str, list[object]]:
    base: dict[str, list[object]] = {
        LEGAL_SUBJECT_ID: [name_id("90000001", KVK_QUALIFIER)],
        ACTING_SUBJECT_ID: [name_id("pseudo-1")],
        SERVICE_UUID: [MIJN_DUO],
    }
    base.update({key.replace("__", ":"): value for key, value in overrides.items()})
    return base


def read(attrs: dict[str, list[object]], level: AssuranceLevel = AssuranceLevel.EH3):  # type: ignore[no-untyped-def]
    return read_login(attrs, [level.value])


def test_reads_kvk_pseudonym_level_and_service() -> None:
    login = read(attributes())
    assert (login.kvk_nummer, login.rsin, login.pseudonym) == ("90000001", "", "pseudo-1")
    assert login.level is AssuranceLevel.EH3
    assert login.service_uuid == MIJN_DUO
    assert login.vestigingsnummer == ""
    check_login(login, mijn_duo_service_uuid=MIJN_DUO)


def test_rsin_when_that_is_what_arrives() -> None:
    attrs = attributes()
    attrs[LEGAL_SUBJECT_ID] = [name_id("111222333", RSIN_QUALIFIER)]
    login = read(attrs)
    assert (login.kvk_nummer, login.rsin) == ("", "111222333")


def test_invalid_rsin_is_refused() -> None:
    attrs = attributes()
    attrs[LEGAL_SUBJECT_ID] = [name_id("123456789", RSIN_QUALIFIER)]
    with pytest.raises(LoginRefused) as refused:
        read(attrs)
    assert refused.value.reason is Refusal.INCOMPLETE


@pytest.mark.parametrize(
    "legal",
    [
        [],
        [name_id("9000000", KVK_QUALIFIER)],
        [name_id("90000001", KVK_QUALIFIER), name_id("90000002", KVK_QUALIFIER)],
        ["90000001"],
    ],
    ids=["missing", "seven-digits", "two-kvk", "plain-value"],
)
def test_unusable_organisation_identifier_is_refused(legal: list[object]) -> None:
    attrs = attributes()
    attrs[LEGAL_SUBJECT_ID] = legal
    with pytest.raises(LoginRefused) as refused:
        read(attrs)
    assert refused.value.reason is Refusal.INCOMPLETE


@pytest.mark.parametrize("acting", [[], [name_id("a"), name_id("b")], [name_id("")]])
def test_pseudonym_must_be_exactly_one(acting: list[object]) -> None:
    attrs = attributes()
    attrs[ACTING_SUBJECT_ID] = acting
    with pytest.raises(LoginRefused):
        read(attrs)


def test_vestigingsnummer_is_honoured_when_present() -> None:
    attrs = attributes()
    attrs[VESTIGINGSNUMMER] = ["000012345678"]
    assert read(attrs).vestigingsnummer == "000012345678"


@pytest.mark.parametrize("values", [["12345"], ["000012345678", "000012345679"]])
def test_malformed_vestigingsnummer_is_refused(values: list[object]) -> None:
    attrs = attributes()
    attrs[VESTIGINGSNUMMER] = values
    with pytest.raises(LoginRefused):
        read(attrs)


def test_no_level_is_incomplete() -> None:
    with pytest.raises(LoginRefused) as refused:
        read_login(attributes(), ["urn:oasis:names:tc:SAML:2.0:ac:classes:Password"])
    assert refused.value.reason is Refusal.INCOMPLETE


def test_lowest_of_several_levels_counts() -> None:
    login = read_login(attributes(), [AssuranceLevel.EH4.value, AssuranceLevel.EH2_PLUS.value])
    assert login.level is AssuranceLevel.EH2_PLUS


@pytest.mark.parametrize("level", list(AssuranceLevel))
def test_minimum_level_is_eh3(level: AssuranceLevel) -> None:
    login = read(attributes(), level)
    if level in (AssuranceLevel.EH3, AssuranceLevel.EH4):
        check_login(login, mijn_duo_service_uuid=MIJN_DUO)
    else:
        with pytest.raises(LoginRefused) as refused:
            check_login(login, mijn_duo_service_uuid=MIJN_DUO)
        assert refused.value.reason is Refusal.LEVEL_TOO_LOW
        assert refused.value.detail == level.label


@pytest.mark.parametrize(
    "service", [[], ["11111111-2222-4333-8444-555555555555"], [MIJN_DUO, MIJN_DUO]]
)
def test_other_or_missing_service_is_no_machtiging(service: list[object]) -> None:
    attrs = attributes()
    attrs[SERVICE_UUID] = service
    with pytest.raises(LoginRefused) as refused:
        check_login(read(attrs), mijn_duo_service_uuid=MIJN_DUO)
    assert refused.value.reason is Refusal.NO_MACHTIGING


def test_service_uuid_compares_case_insensitively() -> None:
    attrs = attributes()
    attrs[SERVICE_UUID] = [MIJN_DUO.upper()]
    check_login(read(attrs), mijn_duo_service_uuid=MIJN_DUO)
