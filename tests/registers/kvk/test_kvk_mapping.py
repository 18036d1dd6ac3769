"""The one mapping from a KvK answer to Inschrijving: tolerant of gaps, strict on types."""

from datetime import date
from typing import Any

import pytest

from mijnduo.registers.kvk import Bevoegdheid
from mijnduo.registers.kvk.mapping import (
    ResponseShapeError,
    bevoegdheid_from_text,
    inschrijving_from_json,
)

from .helpers import recorded

TODAY = date(2026, 3, 1)


def _map(data: Any, kvk_nummer: str = "90000001") -> Any:
    return inschrijving_from_json(data, kvk_nummer=kvk_nummer, today=TODAY)


def _one(**fields: Any) -> Any:
    functionaris = {"functie": "Bestuurder", "persoon": {"geslachtsnaam": "Berg"}, **fields}
    return _map({"kvkNummer": "90000001", "functionarissen": [functionaris]}).functionarissen[0]


@pytest.mark.parametrize(
    ("bevoegdheid", "volmacht", "expected"),
    [
        ("Alleen/zelfstandig bevoegd", "", Bevoegdheid.ALLEEN_BEVOEGD),
        ("Alleen/Zelfstandig Bevoegd", "", Bevoegdheid.ALLEEN_BEVOEGD),
        ("Zelfstandig bevoegd", "", Bevoegdheid.ALLEEN_BEVOEGD),
        ("Onbeperkt bevoegd", "", Bevoegdheid.ONBEPERKT),
        ("Gezamenlijk bevoegd (met andere bestuurder(s))", "", Bevoegdheid.GEZAMENLIJK),
        ("Beperkt bevoegd", "", Bevoegdheid.BEPERKT),
        ("Alleen/zelfstandig bevoegd, met beperkingen", "", Bevoegdheid.BEPERKT),
        ("Alleen of gezamenlijk bevoegd", "", Bevoegdheid.GEZAMENLIJK),
        ("Niet bevoegd", "", Bevoegdheid.NIET_BEVOEGD),
        ("", "", Bevoegdheid.ONBEKEND),
        ("Bevoegd volgens statuten", "", Bevoegdheid.ONBEKEND),
        ("", "Volledige volmacht", Bevoegdheid.VOLLEDIG_GEVOLMACHTIGD),
        ("", "Beperkte volmacht", Bevoegdheid.BEPERKT),
        ("Gezamenlijk bevoegd", "Volledige volmacht", Bevoegdheid.VOLLEDIG_GEVOLMACHTIGD),
        ("Gezamenlijk bevoegd", "Beperkte volmacht", Bevoegdheid.GEZAMENLIJK),
        ("Alleen/zelfstandig bevoegd", "Beperkte volmacht", Bevoegdheid.ALLEEN_BEVOEGD),
    ],
)
def test_bevoegdheid_wording(bevoegdheid: str, volmacht: str, expected: Bevoegdheid) -> None:
    assert bevoegdheid_from_text(bevoegdheid, volmacht) is expected


def test_a_recorded_answer_maps_to_the_dataclasses() -> None:
    inschrijving = _map(recorded("functionarissen-90000001.json")["body"])
    assert inschrijving.kvk_nummer == "90000001"
    assert inschrijving.naam == "Groningse Schoolvereniging"
    assert inschrijving.beeindigd is False
    assert inschrijving.bijzondere_rechtstoestand == ""
    voorzitter, penningmeester, gevolmachtigde = inschrijving.functionarissen
    assert (voorzitter.voornamen, voorzitter.voorvoegsel, voorzitter.geslachtsnaam) == (
        "Anne-Marie",
        "van der",
        "Berg",
    )
    assert voorzitter.functie == "Bestuurder"
    assert voorzitter.bevoegdheid is Bevoegdheid.ALLEEN_BEVOEGD
    assert penningmeester.voorvoegsel == ""
    assert penningmeester.bevoegdheid is Bevoegdheid.GEZAMENLIJK
    assert gevolmachtigde.bevoegdheid is Bevoegdheid.VOLLEDIG_GEVOLMACHTIGD
    assert not any(
        f.overleden or f.geschorst or f.minderjarig or f.datum_einde
        for f in inschrijving.functionarissen
    )


def test_missing_keys_are_tolerated() -> None:
    inschrijving = _map({"functionarissen": [{"persoon": {"geslachtsnaam": "Berg"}}]})
    assert inschrijving.kvk_nummer == "90000001"
    assert inschrijving.naam == ""
    (functionaris,) = inschrijving.functionarissen
    assert functionaris.functie == ""
    assert functionaris.voornamen == ""
    assert functionaris.bevoegdheid is Bevoegdheid.ONBEKEND
    assert _map({"kvkNummer": "90000001"}).functionarissen == ()


def test_functietitel_stands_in_for_a_missing_functie() -> None:
    assert _one(functie=None, functietitel="Voorzitter").functie == "Voorzitter"


@pytest.mark.parametrize("datum", ["2024-08-31", "20240831"])
def test_both_date_formats(datum: str) -> None:
    assert _one(datumEinde=datum).datum_einde == date(2024, 8, 31)


@pytest.mark.parametrize("datum", ["31-08-2024", "2024-02-30", "gisteren", 20240831])
def test_an_unreadable_date_is_a_shape_error(datum: object) -> None:
    with pytest.raises(ResponseShapeError):
        _one(datumEinde=datum)


def test_registration_end_date() -> None:
    assert _map({"kvkNummer": "90000001", "datumEinde": "20260301"}).beeindigd is True
    assert _map({"kvkNummer": "90000001", "datumEinde": "20260302"}).beeindigd is False
    assert _map({"kvkNummer": "90000001", "beeindigd": True}).beeindigd is True


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("", ""),
        ("Faillissement", "faillissement"),
        ({"soort": "Surseance van betaling", "datumAanvang": "20250101"}, "surseance van betaling"),
        ([{"soort": "Faillissement"}, "Schuldsanering"], "faillissement, schuldsanering"),
    ],
)
def test_bijzondere_rechtstoestand(value: object, expected: str) -> None:
    data = {"kvkNummer": "90000001", "bijzondereRechtstoestand": value}
    assert _map(data).bijzondere_rechtstoestand == expected


def test_person_flags() -> None:
    assert _one(persoon={"geslachtsnaam": "B", "overlijdensdatum": "20250101"}).overleden
    assert _one(persoon={"geslachtsnaam": "B", "overleden": True}).overleden
    assert not _one(persoon={"geslachtsnaam": "B", "overlijdensdatum": None}).overleden
    assert _one(persoon={"geslachtsnaam": "B", "minderjarig": True}).minderjarig
    # 18 on 2026-03-01 is of age; a day younger is not.
    assert not _one(persoon={"geslachtsnaam": "B", "geboortedatum": "20080301"}).minderjarig
    assert _one(persoon={"geslachtsnaam": "B", "geboortedatum": "20080302"}).minderjarig
    # A partial date of birth is read late in its year, so nobody is made older.
    assert _one(persoon={"geslachtsnaam": "B", "geboortedatum": "20080000"}).minderjarig
    assert not _one(persoon={"geslachtsnaam": "B", "geboortedatum": "20070000"}).minderjarig


def test_suspension() -> None:
    assert _one(geschorst=True).geschorst
    assert _one(schorsing={"datumAanvang": "20260101"}).geschorst
    assert _one(schorsing={"datumAanvang": "20260101", "datumEinde": "20260401"}).geschorst
    assert not _one(schorsing={"datumAanvang": "20250101", "datumEinde": "20250401"}).geschorst
    assert not _one(schorsing=None).geschorst


@pytest.mark.parametrize(
    "data",
    [
        {},
        [],
        "90000001",
        {"kvkNummer": "90000002", "naam": "Someone else"},
        {"kvkNummer": "90000001", "functionarissen": {"functie": "Bestuurder"}},
        {"kvkNummer": "90000001", "functionarissen": ["Bestuurder"]},
        {"kvkNummer": "90000001", "functionarissen": [{"persoon": "A. Berg"}]},
        {"kvkNummer": "90000001", "functionarissen": [{"geschorst": "ja"}]},
        {"kvkNummer": "90000001", "naam": 12},
    ],
)
def test_a_wrong_shape_is_refused(data: object) -> None:
    with pytest.raises(ResponseShapeError):
        _map(data)


def test_the_shape_error_does_not_carry_the_answer() -> None:
    with pytest.raises(ResponseShapeError) as raised:
        _map({"kvkNummer": "90000001", "functionarissen": [{"persoon": "Anne-Marie van der Berg"}]})
    assert "Anne" not in str(raised.value)
