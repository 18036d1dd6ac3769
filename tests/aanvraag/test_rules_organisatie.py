"""R1 to R5: required fields, organisation type, numbers per type, KvK, formats."""

from typing import Any

import pytest

from .documents import DELETE, ORGANISATION_TYPES, build, check, found, reason_for

INVALID = "invalid"
REQUIRED = "required"
UNKNOWN = "unknown"

# ---------------------------------------------------------------------------
# R1: every field is required unless a rule exempts it

R1_FIELDS = [
    "organisatie.type",
    "organisatie.naam",
    "organisatie.straat",
    "organisatie.huisnummer",
    "organisatie.postcode",
    "organisatie.woonplaats",
    "beheerder.naam",
    "beheerder.functie",
    "beheerder.telefoon",
    "beheerder.email",
    "beheerder.heeftMijnDuoZakelijkAccount",
    "beheerder.heeftEherkenningNiveau3",
]
BOOL_FIELDS = {"beheerder.heeftMijnDuoZakelijkAccount", "beheerder.heeftEherkenningNiveau3"}


def _set(path: str, value: object, org_type: str = "onderwijsinstelling") -> dict[str, Any]:
    section, key = path.split(".")
    return build(org_type, **{f"{section}__{key}": value})


@pytest.mark.parametrize("path", R1_FIELDS)
@pytest.mark.parametrize("empty", [DELETE, None, "", "   "], ids=["absent", "null", "", "blank"])
def test_r1_required_field_not_filled_in(path: str, empty: object) -> None:
    # form.md §1: "Absent keys and empty strings both count as not filled in".
    result = check(_set(path, empty))
    assert found(result) == [(path, REQUIRED, "R1")]
    section, key = path.split(".")
    assert result.document[section][key] == (None if path in BOOL_FIELDS else "")


@pytest.mark.parametrize("path", sorted(BOOL_FIELDS))
@pytest.mark.parametrize("value", ["ja", "true", 1, 0, [], {}])
def test_r1_bool_field_given_as_something_else_is_invalid(path: str, value: object) -> None:
    assert found(check(_set(path, value))) == [(path, INVALID, "R1")]


@pytest.mark.parametrize("path", sorted(BOOL_FIELDS))
@pytest.mark.parametrize("value", [True, False])
def test_r1_bool_field_answered_either_way(path: str, value: bool) -> None:
    result = check(intrekking_safe(_set(path, value)))
    assert result.is_valid
    section, key = path.split(".")
    assert result.document[section][key] is value


def intrekking_safe(doc: dict[str, Any]) -> dict[str, Any]:
    """R6 would refuse heeftEherkenningNiveau3=false outside an intrekking."""
    if doc["beheerder"]["heeftEherkenningNiveau3"] is False:
        doc["intrekking"] = {"intrekken": True, "blijftGebruiker": False}
        doc["beheerautorisaties"] = []
    return doc


def test_r1_required_reason_names_the_field() -> None:
    result = check(build(beheerder__telefoon=""))
    assert reason_for(result, "beheerder.telefoon") == (
        "Fill in the telephone number of the beheerder."
    )
    result = check(build(beheerder__heeftMijnDuoZakelijkAccount=None))
    assert reason_for(result, "beheerder.heeftMijnDuoZakelijkAccount") == (
        "Choose whether the beheerder already has a Mijn DUO Zakelijk account."
    )


def test_r1_missing_section_reports_each_of_its_fields() -> None:
    result = check(build(beheerder=DELETE))
    assert found(result) == [
        (path, REQUIRED, "R1") for path in R1_FIELDS if path.startswith("beheerder.")
    ]


def test_r1_intrekking_section_may_be_left_out() -> None:
    result = check(build(intrekking=DELETE))
    assert result.is_valid
    assert result.document["intrekking"]["intrekken"] is False


@pytest.mark.parametrize(
    "path",
    [
        "organisatie.typeAnders",
        "organisatie.brincode",
        "organisatie.gemeentecode",
        "organisatie.crediteurnummer",
        "organisatie.nummerAnders",
        "beheerautorisatieAnders",
        "intrekking.blijftGebruiker",
        "intrekking.serienummerTokengenerator",
    ],
)
def test_r1_fields_exempted_by_other_rules_may_be_left_out(path: str) -> None:
    doc = build("bestuur")
    if "." in path:
        section, key = path.split(".")
        doc[section].pop(key, None)
    else:
        doc.pop(path, None)
    assert check(doc).is_valid


# ---------------------------------------------------------------------------
# R2: organisation type


@pytest.mark.parametrize("value", ["school", "Onderwijs instelling", "bestuur,gemeente", "-"])
def test_r2_unknown_type_is_invalid(value: str) -> None:
    assert found(check(build(organisatie__type=value))) == [("organisatie.type", INVALID, "R2")]


def test_r2_unknown_type_does_not_apply_r3() -> None:
    doc = build(organisatie__type="school", organisatie__brincode=DELETE)
    assert found(check(doc)) == [("organisatie.type", INVALID, "R2")]


@pytest.mark.parametrize("org_type", ORGANISATION_TYPES)
def test_r2_each_type_is_accepted_case_insensitively(org_type: str) -> None:
    result = check(build(org_type, organisatie__type=f" {org_type.upper()} "))
    assert result.is_valid
    assert result.document["organisatie"]["type"] == org_type


@pytest.mark.parametrize("empty", [DELETE, "", "  ", None])
def test_r2_type_anders_requires_type_anders(empty: object) -> None:
    result = check(build("anders", organisatie__typeAnders=empty))
    assert found(result) == [("organisatie.typeAnders", REQUIRED, "R2")]


def test_r2_type_anders_with_description_is_valid() -> None:
    result = check(build("anders", organisatie__typeAnders="  Examenbureau  "))
    assert result.is_valid
    assert result.document["organisatie"]["typeAnders"] == "Examenbureau"


@pytest.mark.parametrize("org_type", [t for t in ORGANISATION_TYPES if t != "anders"])
def test_r2_type_anders_not_needed_for_other_types(org_type: str) -> None:
    assert check(build(org_type, organisatie__typeAnders=DELETE)).is_valid


# ---------------------------------------------------------------------------
# R3: numbers per organisation type

R3_NUMBERS = [
    ("onderwijsinstelling", "brincode"),
    ("onderwijsinstelling", "bestuursnummer"),
    ("bestuur", "bestuursnummer"),
    ("gemeente", "gemeentecode"),
    ("deurwaarder", "crediteurnummer"),
    ("anders", "nummerAnders"),
]


@pytest.mark.parametrize(("org_type", "key"), R3_NUMBERS)
@pytest.mark.parametrize("empty", [DELETE, "", " "], ids=["absent", "empty", "blank"])
def test_r3_number_required_for_type(org_type: str, key: str, empty: object) -> None:
    result = check(build(org_type, **{f"organisatie__{key}": empty}))
    assert found(result) == [(f"organisatie.{key}", REQUIRED, "R3")]


def test_r3_onderwijsinstelling_needs_both_numbers() -> None:
    doc = build(organisatie__brincode=DELETE, organisatie__bestuursnummer=DELETE)
    assert found(check(doc)) == [
        ("organisatie.brincode", REQUIRED, "R3"),
        ("organisatie.bestuursnummer", REQUIRED, "R3"),
    ]


@pytest.mark.parametrize(
    ("org_type", "key", "value"),
    [
        ("bestuur", "brincode", "05KO"),
        ("gemeente", "bestuursnummer", "40169"),
        ("deurwaarder", "gemeentecode", "0014"),
        ("anders", "crediteurnummer", "CR1"),
        ("onderwijsinstelling", "nummerAnders", "X"),
    ],
)
def test_r3_numbers_not_needed_for_the_type_are_optional_but_kept(
    org_type: str, key: str, value: str
) -> None:
    result = check(build(org_type, **{f"organisatie__{key}": value}))
    assert result.is_valid
    assert result.document["organisatie"][key] == value


@pytest.mark.parametrize(
    ("org_type", "key", "value"),
    [
        ("bestuur", "brincode", "05K"),
        ("gemeente", "bestuursnummer", "4016"),
        ("deurwaarder", "gemeentecode", "abcd"),
        ("onderwijsinstelling", "crediteurnummer", "CR_1"),
    ],
)
def test_r3_numbers_not_needed_for_the_type_must_still_be_well_formed(
    org_type: str, key: str, value: str
) -> None:
    result = check(build(org_type, **{f"organisatie__{key}": value}))
    assert found(result) == [(f"organisatie.{key}", INVALID, "R5")]


# ---------------------------------------------------------------------------
# R4: KvK-nummer for every type


@pytest.mark.parametrize("empty", [DELETE, "", None])
def test_r4_kvk_nummer_required_for_every_type(org_type: str, empty: object) -> None:
    result = check(build(org_type, organisatie__kvkNummer=empty))
    assert found(result) == [("organisatie.kvkNummer", REQUIRED, "R4")]


def test_r4_kvk_nummer_given_for_every_type(base_document: dict[str, Any]) -> None:
    assert base_document["organisatie"]["kvkNummer"]
    assert check(base_document).is_valid


# ---------------------------------------------------------------------------
# R5: formats and normalisation

R5_NORMALISED = [
    ("onderwijsinstelling", "organisatie.brincode", "05 ko", "05KO"),
    ("onderwijsinstelling", "organisatie.brincode", "05.KO", "05KO"),
    ("onderwijsinstelling", "organisatie.brincode", "05-ko", "05KO"),
    ("onderwijsinstelling", "organisatie.brincode", "32JK", "32JK"),
    ("onderwijsinstelling", "organisatie.bestuursnummer", "40169", "40169"),
    ("onderwijsinstelling", "organisatie.bestuursnummer", "40 169", "40169"),
    ("onderwijsinstelling", "organisatie.bestuursnummer", "40.169", "40169"),
    ("gemeente", "organisatie.gemeentecode", "0014", "0014"),
    ("gemeente", "organisatie.gemeentecode", "GM0014", "0014"),
    ("gemeente", "organisatie.gemeentecode", "gm0014", "0014"),
    ("gemeente", "organisatie.gemeentecode", "14", "0014"),
    ("gemeente", "organisatie.gemeentecode", "GM 0363", "0363"),
    ("gemeente", "organisatie.gemeentecode", "1680", "1680"),
    ("onderwijsinstelling", "organisatie.kvkNummer", "41002315", "41002315"),
    ("onderwijsinstelling", "organisatie.kvkNummer", "4100 2315", "41002315"),
    ("onderwijsinstelling", "organisatie.kvkNummer", "41.00.23.15", "41002315"),
    ("onderwijsinstelling", "organisatie.kvkNummer", "01176822", "01176822"),
    ("deurwaarder", "organisatie.crediteurnummer", "123456", "123456"),
    ("deurwaarder", "organisatie.crediteurnummer", "cr-12 34", "CR1234"),
    ("deurwaarder", "organisatie.crediteurnummer", "7", "7"),
    ("deurwaarder", "organisatie.crediteurnummer", "A" * 20, "A" * 20),
    ("onderwijsinstelling", "organisatie.postcode", "9700vb", "9700 VB"),
    ("onderwijsinstelling", "organisatie.postcode", "9700 VB", "9700 VB"),
    ("onderwijsinstelling", "organisatie.postcode", "   9700  vb   ", "9700 VB"),
    ("onderwijsinstelling", "organisatie.postcode", "9700 - VB", "9700 VB"),
    ("onderwijsinstelling", "organisatie.brincode", "  05  KO  ", "05KO"),
    ("onderwijsinstelling", "organisatie.huisnummer", "  12   bis  ", "12 bis"),
    ("gemeente", "organisatie.gemeentecode", "  GM  0014          ", "0014"),
    ("onderwijsinstelling", "organisatie.postcode", "9700-VB", "9700 VB"),
    ("onderwijsinstelling", "beheerder.telefoon", "050 599 8440", "+31505998440"),
    ("onderwijsinstelling", "beheerder.telefoon", "(050) 599 8440", "+31505998440"),
    ("onderwijsinstelling", "beheerder.telefoon", "050-5998440", "+31505998440"),
    ("onderwijsinstelling", "beheerder.telefoon", "+31 50 599 8440", "+31505998440"),
    ("onderwijsinstelling", "beheerder.telefoon", "0031 50 599 8440", "+31505998440"),
    ("onderwijsinstelling", "beheerder.telefoon", "06 12345678", "+31612345678"),
    ("onderwijsinstelling", "beheerder.telefoon", "+32 2 501 02 11", "+3225010211"),
    ("onderwijsinstelling", "beheerder.email", "j.devries@example.nl", "j.devries@example.nl"),
    ("onderwijsinstelling", "beheerder.email", "J.deVries@Example.NL", "J.deVries@example.nl"),
    (
        "onderwijsinstelling",
        "ondertekening.email",
        "a.jansen+duo@school.nl",
        "a.jansen+duo@school.nl",
    ),
    ("onderwijsinstelling", "organisatie.huisnummer", "12", "12"),
    ("onderwijsinstelling", "organisatie.huisnummer", "12a", "12a"),
    ("onderwijsinstelling", "organisatie.huisnummer", "12-2", "12-2"),
    ("onderwijsinstelling", "organisatie.huisnummer", "12 bis", "12 bis"),
    ("onderwijsinstelling", "organisatie.huisnummer", "3-A", "3-A"),
    ("onderwijsinstelling", "organisatie.huisnummer", "12  A", "12 A"),
    ("onderwijsinstelling", "organisatie.huisnummer", "1", "1"),
    ("onderwijsinstelling", "organisatie.huisnummer", "12 3", "12 3"),
]


@pytest.mark.parametrize(("org_type", "path", "value", "expected"), R5_NORMALISED)
def test_r5_accepted_and_normalised(org_type: str, path: str, value: str, expected: str) -> None:
    result = check(_set(path, value, org_type))
    assert found(result) == []
    section, key = path.split(".")
    assert result.document[section][key] == expected


R5_REFUSED = [
    ("onderwijsinstelling", "organisatie.brincode", "5KO", INVALID),
    ("onderwijsinstelling", "organisatie.brincode", "05K", INVALID),
    ("onderwijsinstelling", "organisatie.brincode", "05K0", INVALID),
    ("onderwijsinstelling", "organisatie.brincode", "KO05", INVALID),
    ("onderwijsinstelling", "organisatie.brincode", "05KO0", INVALID),
    ("onderwijsinstelling", "organisatie.brincode", "05KO00", INVALID),
    ("onderwijsinstelling", "organisatie.brincode", "05 ko 01", INVALID),
    ("onderwijsinstelling", "organisatie.bestuursnummer", "4016", INVALID),
    ("onderwijsinstelling", "organisatie.bestuursnummer", "401690", INVALID),
    ("onderwijsinstelling", "organisatie.bestuursnummer", "4O169", INVALID),
    (
        "onderwijsinstelling",
        "organisatie.bestuursnummer",
        "\u0664\u0660\u0661\u0666\u0669",
        INVALID,
    ),
    ("gemeente", "organisatie.gemeentecode", "abcd", INVALID),
    ("gemeente", "organisatie.gemeentecode", "00140", INVALID),
    ("gemeente", "organisatie.gemeentecode", "GM", INVALID),
    ("gemeente", "organisatie.gemeentecode", "GM-", INVALID),
    ("gemeente", "organisatie.gemeentecode", "\uff10\uff10\uff11\uff14", INVALID),
    ("gemeente", "organisatie.gemeentecode", "9999", UNKNOWN),
    ("gemeente", "organisatie.gemeentecode", "GM9999", UNKNOWN),
    ("gemeente", "organisatie.gemeentecode", "0000", UNKNOWN),
    ("onderwijsinstelling", "organisatie.kvkNummer", "4100231", INVALID),
    ("onderwijsinstelling", "organisatie.kvkNummer", "410023150", INVALID),
    ("onderwijsinstelling", "organisatie.kvkNummer", "000041002315", INVALID),
    ("onderwijsinstelling", "organisatie.kvkNummer", "KVK41002315", INVALID),
    (
        "onderwijsinstelling",
        "organisatie.kvkNummer",
        "\uff14\uff11\uff10\uff10\uff12\uff13\uff11\uff15",
        INVALID,
    ),
    ("deurwaarder", "organisatie.crediteurnummer", "A" * 21, INVALID),
    ("deurwaarder", "organisatie.crediteurnummer", "CR_12", INVALID),
    ("deurwaarder", "organisatie.crediteurnummer", "CR/12", INVALID),
    ("deurwaarder", "organisatie.crediteurnummer", "\u00e912", INVALID),
    ("onderwijsinstelling", "organisatie.postcode", "0700 VB", INVALID),
    ("onderwijsinstelling", "organisatie.postcode", "97000 VB", INVALID),
    ("onderwijsinstelling", "organisatie.postcode", "9700 V", INVALID),
    ("onderwijsinstelling", "organisatie.postcode", "9700 SA", INVALID),
    ("onderwijsinstelling", "organisatie.postcode", "9700 SS", INVALID),
    ("onderwijsinstelling", "organisatie.postcode", "VB 9700", INVALID),
    ("onderwijsinstelling", "beheerder.telefoon", "123", INVALID),
    ("onderwijsinstelling", "beheerder.telefoon", "050 599", INVALID),
    ("onderwijsinstelling", "beheerder.telefoon", "bel mij", INVALID),
    ("onderwijsinstelling", "beheerder.telefoon", "+31 50 599 8440 99", INVALID),
    ("onderwijsinstelling", "beheerder.email", "jan", INVALID),
    ("onderwijsinstelling", "beheerder.email", "jan@", INVALID),
    ("onderwijsinstelling", "beheerder.email", "@example.nl", INVALID),
    ("onderwijsinstelling", "beheerder.email", "jan@@example.nl", INVALID),
    ("onderwijsinstelling", "beheerder.email", "jan@example", INVALID),
    ("onderwijsinstelling", "beheerder.email", "jan de vries@example.nl", INVALID),
    ("onderwijsinstelling", "ondertekening.email", "a.jansen@", INVALID),
    ("onderwijsinstelling", "organisatie.huisnummer", "abc", INVALID),
    ("onderwijsinstelling", "organisatie.huisnummer", "0", INVALID),
    ("onderwijsinstelling", "organisatie.huisnummer", "012", INVALID),
    ("onderwijsinstelling", "organisatie.huisnummer", "a12", INVALID),
    ("onderwijsinstelling", "organisatie.huisnummer", "-12", INVALID),
    ("onderwijsinstelling", "organisatie.huisnummer", "12!", INVALID),
    ("onderwijsinstelling", "organisatie.huisnummer", "123456", INVALID),
    ("onderwijsinstelling", "organisatie.huisnummer", "1\u0662", INVALID),
]


@pytest.mark.parametrize(("org_type", "path", "value", "code"), R5_REFUSED)
def test_r5_refused(org_type: str, path: str, value: str, code: str) -> None:
    result = check(_set(path, value, org_type))
    assert found(result) == [(path, code, "R5")]
    section, key = path.split(".")
    assert result.document[section][key] == value.strip(), "a refused value is kept as given"


def test_r5_vestigingscode_is_refused_naming_the_instellingscode() -> None:
    result = check(build(organisatie__brincode="05ko00"))
    assert found(result) == [("organisatie.brincode", INVALID, "R5")]
    reason = reason_for(result, "organisatie.brincode")
    assert "05KO00" in reason
    assert "05KO" in reason.replace("05KO00", "")


def test_r5_kvk_vestigingsnummer_is_named_as_such() -> None:
    result = check(build(organisatie__kvkNummer="0000 4100 2315"))
    assert found(result) == [("organisatie.kvkNummer", INVALID, "R5")]
    assert "vestigingsnummer" in reason_for(result, "organisatie.kvkNummer")


def test_r5_unknown_gemeentecode_names_the_code() -> None:
    result = check(build("gemeente", organisatie__gemeentecode="GM9999"))
    assert found(result) == [("organisatie.gemeentecode", UNKNOWN, "R5")]
    assert "9999" in reason_for(result, "organisatie.gemeentecode")


@pytest.mark.parametrize("org_type", ["onderwijsinstelling", "bestuur"])
def test_r5_malformed_number_is_not_also_required(org_type: str) -> None:
    result = check(build(org_type, organisatie__bestuursnummer="12"))
    assert found(result) == [("organisatie.bestuursnummer", INVALID, "R5")]


def test_r5_every_identifier_is_reported_at_once() -> None:
    doc = build(
        organisatie__brincode="05KO00",
        organisatie__bestuursnummer="1",
        organisatie__gemeentecode="9999",
        organisatie__kvkNummer="1",
        organisatie__crediteurnummer="!",
        organisatie__postcode="1",
        organisatie__huisnummer="x",
        beheerder__telefoon="1",
        beheerder__email="x",
        ondertekening__email="y",
    )
    assert sorted(found(doc_result := check(doc))) == sorted(
        [
            ("organisatie.brincode", INVALID, "R5"),
            ("organisatie.bestuursnummer", INVALID, "R5"),
            ("organisatie.gemeentecode", UNKNOWN, "R5"),
            ("organisatie.kvkNummer", INVALID, "R5"),
            ("organisatie.crediteurnummer", INVALID, "R5"),
            ("organisatie.postcode", INVALID, "R5"),
            ("organisatie.huisnummer", INVALID, "R5"),
            ("beheerder.telefoon", INVALID, "R5"),
            ("beheerder.email", INVALID, "R5"),
            ("ondertekening.email", INVALID, "R5"),
        ]
    )
    assert not doc_result.is_valid
