"""Property-based tests: robustness, idempotent normalisation, real DUO identifiers."""

import copy
import csv
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mijnduo
from mijnduo.aanvraag import fields as F
from mijnduo.aanvraag.constants import BEHEERAUTORISATIE_ORDER, ErrorCode, Kind
from mijnduo.aanvraag.formats import IDENTIFIER_NORMALISERS, FormatError
from mijnduo.aanvraag.validator import ValidationResult, validate

from .documents import ORGANISATION_TYPES, TODAY, build, with_paths

DUO_FILE = (
    Path(mijnduo.__file__).parent / "data" / "duo" / "alle-schoolvestigingen-basisonderwijs.csv"
)
CODES = list(BEHEERAUTORISATIE_ORDER)
ERROR_CODES = {code.value for code in ErrorCode}
RULE_ID = re.compile(r"R(?:[1-9]|1[0-7])")

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------------------
# Strategies

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)

# Values close to what people type, per JSON path, so the normalisers are exercised.
SAMPLES: dict[str, list[str]] = {
    "organisatie.type": [*ORGANISATION_TYPES, "Gemeente", "school", ""],
    "organisatie.brincode": ["05KO", "05 ko", "05KO00", "32JK", "5KO", "05K0", "ab12"],
    "organisatie.bestuursnummer": ["40169", "40 169", "4016", "401690", "4O169"],
    "organisatie.gemeentecode": ["0014", "GM0014", "14", "gm 0363", "9999", "GM", "00140"],
    "organisatie.crediteurnummer": ["CR123456", "cr-12 34", "7", "A" * 21, "CR_1"],
    "organisatie.kvkNummer": ["41002315", "4100 2315", "000041002315", "4100231", "KVK1"],
    "organisatie.postcode": ["9700 VB", "9700vb", "9700 SA", "0700 VB", "nl-9700vb", "9700"],
    "organisatie.huisnummer": ["12", "12a", "12-2", "12 bis", "3-A", "abc", "0", "12/1"],
    "beheerder.telefoon": [
        "050 599 8440",
        "(050) 599 8440",
        "+31505998440",
        "0031 6 1234 5678",
        "+32 2 501 02 11",
        "123",
        "+999 1",
    ],
    "beheerder.email": [
        "j.devries@example.nl",
        "J.deVries@Example.NL",
        "jan",
        "a@b",
        "x@[1.2.3.4]",
        "a@localhost",
        "\u00e9@\u00e9xample.nl",
        "a@\u0130.nl",
    ],
    "ondertekening.email": ["a.jansen@example.nl", "A@EXAMPLE.NL", "a@", "@b.nl"],
    "ondertekening.datum": [
        "2026-11-20",
        "2026-11-27",
        "2026-11-28",
        "2026-02-30",
        "20261127",
        "1999-12-31",
        "0001-01-01",
        "9999-12-31",
    ],
    "ondertekening.functie": [
        "Gemeentesecretaris",
        "Wethouder onderwijs",
        "Afdelingshoofd",
        "BURGEMEESTER",
        "Bestuurder",
    ],
    "intrekking.serienummerTokengenerator": ["AB12", "ab-12 cd", "ABC", "A" * 20, "A" * 21],
}


@st.composite
def decorated(draw: st.DrawFn, values: list[str]) -> str:
    """A sample with its case changed and separators or spaces put in at random places."""
    text = draw(st.sampled_from(values))
    if draw(st.booleans()):
        text = draw(st.sampled_from([str.upper, str.lower, str.swapcase]))(text)
    for _ in range(draw(st.integers(0, 3))):
        position = draw(st.integers(0, len(text)))
        extra = draw(st.sampled_from([" ", "  ", ".", "-", "/", "\u00a0", "0", "a", "GM", "NL"]))
        text = text[:position] + extra + text[position:]
    return text


def field_values(path: str, spec: F.Field) -> st.SearchStrategy[object]:
    if spec.kind == "bool":
        return st.one_of(
            st.booleans(), st.none(), st.sampled_from(["", " ", "true", 0]), json_values
        )
    samples = SAMPLES.get(path, [str(spec.example or "tekst"), ""])
    return st.one_of(
        decorated(samples),
        st.sampled_from(samples),
        st.text(max_size=40),
        st.text(max_size=spec.max_length + 3, alphabet=st.characters(codec="utf-8")),
        json_values,
    )


code_lists = st.one_of(
    st.lists(st.sampled_from(CODES) | decorated(CODES) | json_values, max_size=6),
    json_values,
)


def section(name: str) -> st.SearchStrategy[object]:
    specs = F.SECTIONS[name]
    known = st.fixed_dictionaries(
        {},
        optional={key: field_values(f"{name}.{key}", spec) for key, spec in specs.items()},
    )
    unknown = st.dictionaries(st.text(max_size=12), json_values, max_size=2)
    merged = st.builds(lambda a, b: {**b, **a}, known, unknown | st.just({}))
    return st.one_of(merged, merged, merged, json_values)


documents = st.builds(
    lambda known, unknown: {**unknown, **known},
    st.fixed_dictionaries(
        {},
        optional={
            **{name: section(name) for name in F.SECTIONS},
            "beheerautorisaties": code_lists,
            "beheerautorisatieAnders": field_values(
                "beheerautorisatieAnders", F.TOP_LEVEL["beheerautorisatieAnders"]
            ),
        },
    ),
    st.dictionaries(st.text(max_size=12), json_values, max_size=2) | st.just({}),
)

ALL_PATHS = [f"{name}.{key}" for name, specs in F.SECTIONS.items() for key in specs]


@st.composite
def near_valid_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid base document with a few fields replaced: reaches the later rules."""
    doc = build(draw(st.sampled_from(ORGANISATION_TYPES)))
    changes: dict[str, object] = {}
    for path in draw(st.lists(st.sampled_from(ALL_PATHS), max_size=4, unique=True)):
        section_name, key = path.split(".")
        changes[path] = draw(field_values(path, F.SECTIONS[section_name][key]))
    if draw(st.booleans()):
        doc["beheerautorisaties"] = draw(code_lists)
    if draw(st.booleans()):
        doc["beheerautorisatieAnders"] = draw(st.sampled_from(["", "Beheerder X", None]))
    return with_paths(doc, changes)


any_document = st.one_of(documents, near_valid_documents(), near_valid_documents(), json_values)
held_sets = st.frozensets(st.sampled_from(CODES), max_size=5)


def lookup_for(held: frozenset[str]) -> Callable[[Mapping[str, Any], str], frozenset[str]]:
    def lookup(organisatie: Mapping[str, Any], email: str) -> frozenset[str]:
        return held

    return lookup


def run(raw: object, held: frozenset[str] = frozenset()) -> ValidationResult:
    return validate(raw, held_lookup=lookup_for(held), today=TODAY)


# ---------------------------------------------------------------------------
# (a) The validator never raises, and its answer is well-formed


@FAST
@given(raw=any_document, held=held_sets)
def test_validator_never_raises_and_answers_well_formed(raw: object, held: frozenset[str]) -> None:
    before = copy.deepcopy(raw)
    result = run(raw, held)
    assert raw == before, "the input must not be modified"
    assert result.is_valid == (not result.problems)
    assert set(result.document) == {*F.SECTIONS, *F.TOP_LEVEL}
    for name, specs in F.SECTIONS.items():
        assert set(result.document[name]) == set(specs)
    if isinstance(raw, dict):
        assert isinstance(result.kind, Kind)
    else:
        assert [p.name for p in result.problems] == ["document"]
    seen = set()
    for problem in result.problems:
        assert isinstance(problem.name, str)
        assert problem.code in ERROR_CODES
        assert RULE_ID.fullmatch(problem.rule)
        with translation.override("en"):
            assert str(problem.reason)
        key = (problem.name, problem.code, problem.rule)
        assert key not in seen, "the same problem is reported once"
        seen.add(key)


@settings(max_examples=100, deadline=None)
@given(raw=json_values)
def test_validator_never_raises_on_arbitrary_json(raw: object) -> None:
    result = run(raw)
    if not isinstance(raw, dict):
        assert len(result.problems) == 1
        assert result.problems[0].name == "document"


# ---------------------------------------------------------------------------
# (b) Normalisation is idempotent


@FAST
@given(raw=any_document, held=held_sets)
def test_normalisation_is_idempotent(raw: object, held: frozenset[str]) -> None:
    first = run(raw, held)
    second = run(first.document, held)
    assert second.document == first.document
    if first.is_valid:
        assert second.is_valid, second.problems
        assert (second.kind, second.change_set) == (first.kind, first.change_set)


@pytest.mark.parametrize("path", sorted(IDENTIFIER_NORMALISERS))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_each_identifier_normaliser_has_fixed_points(path: str, data: st.DataObject) -> None:
    normalise = IDENTIFIER_NORMALISERS[path]
    samples = SAMPLES.get(path, ["AB12", "1234"])
    value = data.draw(st.one_of(decorated(samples), st.text(max_size=24)), label="value")
    try:
        normalised = normalise(value)
    except FormatError:
        return
    assert normalise(normalised) == normalised


# ---------------------------------------------------------------------------
# (c) Every real identifier in the shipped DUO file validates

DUO_COLUMNS = {
    "INSTELLINGSCODE": "brincode",
    "BEVOEGD GEZAG NUMMER": "bestuursnummer",
    "POSTCODE": "postcode",
    "GEMEENTENUMMER": "gemeentecode",
    "HUISNUMMER-TOEVOEGING": "huisnummer",
}


def duo_rows() -> Iterator[dict[str, str]]:
    with DUO_FILE.open(encoding="cp1252", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            # Empty fields are one space in DUO files.
            yield {column: row[column].strip() for column in DUO_COLUMNS}


def test_duo_file_is_shipped_with_the_package() -> None:
    rows = list(duo_rows())
    assert len(rows) > 6000
    assert all(all(row.values()) for row in rows), "these columns are filled for every school"


def test_every_real_duo_identifier_is_a_fixed_point_of_its_normaliser() -> None:
    values: dict[str, set[str]] = {key: set() for key in DUO_COLUMNS.values()}
    for row in duo_rows():
        for column, key in DUO_COLUMNS.items():
            values[key].add(row[column])
    refused: list[tuple[str, str]] = []
    changed: list[tuple[str, str, str]] = []
    for key, seen in values.items():
        normalise = IDENTIFIER_NORMALISERS[f"organisatie.{key}"]
        for value in sorted(seen):
            try:
                normalised = normalise(value)
            except FormatError:
                refused.append((key, value))
                continue
            if normalised != value:
                changed.append((key, value, normalised))
    assert refused == []
    assert changed == [], "DUO already writes these in canonical form"


def test_every_real_duo_school_validates_in_a_document() -> None:
    base = build("onderwijsinstelling", beheerautorisaties=["po", "rio_algemeen"])
    failures = []
    count = 0
    for row in duo_rows():
        doc = dict(base)
        doc["organisatie"] = {
            **base["organisatie"],
            **{key: row[column] for column, key in DUO_COLUMNS.items()},
        }
        result = run(doc)
        count += 1
        if not result.is_valid:
            failures.append((row, result.problems))
    assert count > 6000
    assert failures == []
