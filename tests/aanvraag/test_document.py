"""The document as a whole: valid bases, structure, types, kinds, languages."""

import copy
from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest
from django.utils import translation

from mijnduo.aanvraag.constants import Kind
from mijnduo.aanvraag.validator import ChangeSet, validate

from .documents import (
    BASE_DOCUMENTS,
    DELETE,
    ORGANISATION_TYPES,
    TODAY,
    build,
    check,
    found,
    intrekking,
    reason_for,
)

INVALID = "invalid"
REQUIRED = "required"

# ---------------------------------------------------------------------------
# Valid documents


def test_valid_base_document_has_no_problems(base_document: dict[str, Any]) -> None:
    result = check(base_document)
    assert result.problems == ()
    assert result.is_valid
    assert result.kind is Kind.AANMELDING
    assert result.change_set is None


def test_valid_base_document_is_its_own_normal_form(base_document: dict[str, Any]) -> None:
    expected = check({}).document
    for key, value in base_document.items():
        if isinstance(value, dict):
            expected[key].update(value)
        else:
            expected[key] = value
    assert check(base_document).document == expected


def test_normalised_document_has_every_field_even_when_absent() -> None:
    document = check(build(intrekking=DELETE, beheerautorisatieAnders=DELETE)).document
    assert document["intrekking"] == {
        "intrekken": False,
        "blijftGebruiker": None,
        "serienummerTokengenerator": "",
    }
    assert document["beheerautorisatieAnders"] == ""
    assert set(document["organisatie"]) == {
        "type",
        "typeAnders",
        "brincode",
        "bestuursnummer",
        "gemeentecode",
        "crediteurnummer",
        "kvkNummer",
        "nummerAnders",
        "naam",
        "straat",
        "huisnummer",
        "postcode",
        "woonplaats",
    }


def test_validation_does_not_modify_its_input() -> None:
    raw = build(organisatie__brincode="05 ko", beheerautorisaties=["vo", "po", "vo"])
    before = copy.deepcopy(raw)
    check(raw)
    assert raw == before


def test_text_is_stripped_and_inner_whitespace_collapsed() -> None:
    result = check(build(organisatie__naam="  OBS   De\u00a0Linde  "))
    assert result.is_valid
    assert result.document["organisatie"]["naam"] == "OBS De Linde"


# ---------------------------------------------------------------------------
# Every failing rule at once


def test_every_failing_rule_is_reported_at_once() -> None:
    doc = build(
        organisatie__naam=DELETE,
        organisatie__postcode="97000",
        organisatie__kvkNummer="",
        beheerder__heeftEherkenningNiveau3=False,
        beheerautorisaties=["po", "xx", "rio_opleidingseenheid"],
        ondertekening__datum="2026-11-28",
        ondertekening__akkoordGebruiksvoorwaarden=False,
    )
    assert sorted(found(check(doc))) == sorted(
        [
            ("organisatie.naam", REQUIRED, "R1"),
            ("organisatie.postcode", INVALID, "R5"),
            ("organisatie.kvkNummer", REQUIRED, "R4"),
            ("beheerder.heeftEherkenningNiveau3", "eherkenning_required", "R6"),
            ("beheerautorisaties", INVALID, "R7"),
            ("beheerautorisaties", "dependency", "R10"),
            ("ondertekening.datum", INVALID, "R14"),
            ("ondertekening.akkoordGebruiksvoorwaarden", INVALID, "R14"),
        ]
    )


def test_empty_object_reports_every_required_field() -> None:
    names = {(name, code) for name, code, _rule in found(check({}))}
    assert names == {
        ("organisatie.type", REQUIRED),
        ("organisatie.kvkNummer", REQUIRED),
        ("organisatie.naam", REQUIRED),
        ("organisatie.straat", REQUIRED),
        ("organisatie.huisnummer", REQUIRED),
        ("organisatie.postcode", REQUIRED),
        ("organisatie.woonplaats", REQUIRED),
        ("beheerder.naam", REQUIRED),
        ("beheerder.functie", REQUIRED),
        ("beheerder.telefoon", REQUIRED),
        ("beheerder.email", REQUIRED),
        ("beheerder.heeftMijnDuoZakelijkAccount", REQUIRED),
        ("beheerder.heeftEherkenningNiveau3", REQUIRED),
        ("beheerautorisaties", REQUIRED),
        ("ondertekening.naam", REQUIRED),
        ("ondertekening.functie", REQUIRED),
        ("ondertekening.email", REQUIRED),
        ("ondertekening.plaats", REQUIRED),
        ("ondertekening.datum", REQUIRED),
        ("ondertekening.akkoordGebruiksvoorwaarden", REQUIRED),
    }


# ---------------------------------------------------------------------------
# Structure: unknown keys, wrong types, dangerous text


def test_unknown_top_level_key_is_invalid() -> None:
    doc = build()
    doc["opmerking"] = "graag snel"
    assert found(check(doc)) == [("opmerking", INVALID, "R1")]
    assert "opmerking" not in check(doc).document


def test_unknown_key_in_a_section_is_invalid_with_its_path() -> None:
    doc = build(organisatie__telefoon="050 599 8440")
    assert found(check(doc)) == [("organisatie.telefoon", INVALID, "R1")]


def test_misspelt_key_is_invalid_and_the_real_field_still_required() -> None:
    doc = build(organisatie__kvkNummer=DELETE, organisatie__kvknummer="41002315")
    assert found(check(doc)) == [
        ("organisatie.kvknummer", INVALID, "R1"),
        ("organisatie.kvkNummer", REQUIRED, "R4"),
    ]


def test_unknown_key_with_control_characters_gets_a_printable_name() -> None:
    doc = build()
    doc["organisatie"]["x\x00y"] = "z"
    [(name, code, _rule)] = found(check(doc))
    assert code == INVALID
    assert name.startswith("organisatie.x")
    assert "\x00" not in name


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("organisatie.naam", 42),
        ("organisatie.kvkNummer", 41002315),
        ("organisatie.brincode", ["05KO"]),
        ("beheerder.email", {"adres": "j@example.nl"}),
        ("ondertekening.datum", 20261120),
        ("beheerder.heeftEherkenningNiveau3", "true"),
        ("beheerder.heeftMijnDuoZakelijkAccount", 0),
        ("intrekking.intrekken", "nee"),
        ("ondertekening.akkoordGebruiksvoorwaarden", 1),
    ],
)
def test_wrong_type_is_invalid_not_required(path: str, value: object) -> None:
    section, key = path.split(".")
    result = check(build(**{f"{section}__{key}": value}))
    assert found(result) == [(path, INVALID, "R1")]


def test_object_instead_of_list_of_beheerautorisaties_is_invalid() -> None:
    result = check(build(beheerautorisaties={"po": True}))
    assert found(result) == [("beheerautorisaties", INVALID, "R7")]


@pytest.mark.parametrize("section", ["organisatie", "beheerder", "intrekking", "ondertekening"])
def test_section_that_is_not_an_object_is_invalid(section: str) -> None:
    result = check(build(**{section: ["niet", "een", "object"]}))
    assert (section, INVALID, "R1") in found(result)
    assert result.document[section] == check({}).document[section]


@pytest.mark.parametrize(
    "value",
    ["OBS\x00De Linde", "OBS\x07", "OBS\nDe Linde", "OBS\tLinde", "OBS \u202eedniL", "\ud800"],
)
def test_control_characters_are_invalid(value: str) -> None:
    assert found(check(build(organisatie__naam=value))) == [("organisatie.naam", INVALID, "R1")]


@pytest.mark.parametrize(
    "path",
    ["organisatie.naam", "beheerder.email", "ondertekening.functie", "beheerautorisatieAnders"],
)
def test_ten_thousand_character_string_is_invalid(path: str) -> None:
    doc = build()
    if "." in path:
        section, key = path.split(".")
        doc[section][key] = "a" * 10_000
    else:
        doc[path] = "a" * 10_000
    problems = [(name, code) for name, code, _rule in found(check(doc))]
    assert problems == [(path, INVALID)]


def test_text_at_its_maximum_length_is_accepted() -> None:
    assert check(build(organisatie__naam="a" * 200)).is_valid
    padded = check(build(organisatie__naam=f"   {'a' * 200}   "))
    assert padded.is_valid
    assert padded.document["organisatie"]["naam"] == "a" * 200
    assert found(check(build(organisatie__naam="a" * 201))) == [("organisatie.naam", INVALID, "R1")]


@pytest.mark.parametrize("raw", [[], [build()], "document", "", 0, 1.5, True, None])
def test_non_object_document_gives_one_problem_named_document(raw: object) -> None:
    result = check(raw)
    assert found(result) == [("document", INVALID, "R1")]
    assert not result.is_valid
    assert result.document == check({}).document


# ---------------------------------------------------------------------------
# Kind of request


def test_kind_aanmelding_when_nothing_is_held() -> None:
    result = check(build(beheerautorisaties=["po", "vo"]))
    assert result.kind is Kind.AANMELDING
    assert result.change_set is None


def test_kind_wijziging_with_exact_added_and_removed() -> None:
    result = check(
        build(beheerautorisaties=["bow", "vo", "po", "rio_algemeen"]),
        held={"po", "owp", "bve", "rio_algemeen"},
    )
    assert result.is_valid
    assert result.kind is Kind.WIJZIGING
    assert result.change_set == ChangeSet(added=("vo", "bow"), removed=("bve", "owp"))


def test_kind_wijziging_without_differences() -> None:
    result = check(build(beheerautorisaties=["po"]), held={"po"})
    assert result.kind is Kind.WIJZIGING
    assert result.change_set == ChangeSet(added=(), removed=())


def test_kind_intrekking_removes_everything_held() -> None:
    result = check(intrekking(), held={"vo", "po"})
    assert result.is_valid
    assert result.kind is Kind.INTREKKING
    assert result.change_set == ChangeSet(added=(), removed=("po", "vo"))


def test_registry_is_asked_with_the_normalised_organisation_and_email() -> None:
    calls: list[tuple[dict[str, Any], str]] = []

    def lookup(organisatie: Mapping[str, Any], email: str) -> frozenset[str]:
        calls.append((dict(organisatie), email))
        return frozenset({"po"})

    doc = build(
        organisatie__kvkNummer="4100 2315",
        organisatie__brincode="05 ko",
        beheerder__email="J.deVries@Example.NL",
    )
    result = validate(doc, held_lookup=lookup, today=TODAY)
    assert result.kind is Kind.WIJZIGING
    [(organisatie, email)] = calls
    assert organisatie["kvkNummer"] == "41002315"
    assert organisatie["brincode"] == "05KO"
    assert organisatie["type"] == "onderwijsinstelling"
    assert email == "J.deVries@example.nl"


@pytest.mark.parametrize(
    "changes",
    [
        {"organisatie__kvkNummer": "1234"},
        {"organisatie__kvkNummer": DELETE},
        {"beheerder__email": "geen-adres"},
        {"organisatie__type": "school"},
    ],
)
def test_registry_is_not_asked_when_the_beheerder_cannot_be_identified(
    changes: dict[str, object],
) -> None:
    def lookup(organisatie: Mapping[str, Any], email: str) -> frozenset[str]:
        raise AssertionError("the registry must not be asked")

    result = validate(build(**changes), held_lookup=lookup, today=TODAY)
    assert result.kind is Kind.AANMELDING


# ---------------------------------------------------------------------------
# Languages


def test_reasons_are_english_under_english() -> None:
    result = check(build(organisatie__straat=""))
    with translation.override("en"):
        assert reason_for(result, "organisatie.straat") == "Fill in the street."


def test_reasons_are_lazy_so_each_request_renders_its_own_language() -> None:
    result = check(build("bestuur", beheerautorisaties=["rio_algemeen"]))
    [problem] = result.problems
    assert not isinstance(problem.reason, str)
    with translation.override("en"):
        assert "Beheerder RIO Algemeen" in str(problem.reason)


def test_reasons_are_translated_to_dutch() -> None:
    required = check(build(organisatie__straat="")).problems[0]
    dependency = check(build("bestuur", beheerautorisaties=["rio_algemeen"])).problems[0]
    assert (required.code, dependency.code) == ("required", "dependency")
    for problem in (required, dependency):
        with translation.override("en"):
            english = str(problem.reason)
        with translation.override("nl"):
            dutch = str(problem.reason)
        assert dutch != english


def test_default_today_refuses_a_date_far_in_the_future() -> None:
    result = validate(build(ondertekening__datum="2999-01-01"))
    assert [(p.name, p.code) for p in result.problems] == [("ondertekening.datum", INVALID)]
    assert validate(build(ondertekening__datum="2000-01-01")).is_valid


def test_today_is_taken_from_the_argument() -> None:
    doc = build(ondertekening__datum="2026-11-27")
    assert check(doc, today=date(2026, 11, 27)).is_valid
    assert found(check(doc, today=date(2026, 11, 26))) == [("ondertekening.datum", INVALID, "R14")]


def test_all_base_documents_are_distinct_organisation_types() -> None:
    assert [doc["organisatie"]["type"] for doc in BASE_DOCUMENTS.values()] == list(
        ORGANISATION_TYPES
    )
