"""The offline register and the shipped demo file."""

import json
from datetime import date
from pathlib import Path

import pytest

from mijnduo.registers.kvk import (
    Bevoegdheid,
    OfflineRegister,
    RegisterUnavailable,
    SignatoryOutcome,
    signatory_check,
)
from mijnduo.registers.kvk.factory import DEMO_FILE

OK = SignatoryOutcome.CONFIRMED
NO = SignatoryOutcome.NOT_AUTHORISED
NOT_FOUND = SignatoryOutcome.NOT_FOUND
UNKNOWN = SignatoryOutcome.UNKNOWN


@pytest.fixture
def demo() -> OfflineRegister:
    return OfflineRegister(DEMO_FILE)


def test_the_demo_file_ships_inside_the_package() -> None:
    assert DEMO_FILE.is_file()
    assert DEMO_FILE.parent.name == "kvk"
    assert (DEMO_FILE.parent / "README.md").read_text(encoding="utf-8").count("made-up") >= 1


def test_the_demo_file_holds_the_demo_numbers(demo: OfflineRegister) -> None:
    assert demo.kvk_nummers() == ["90000001", "90000002", "90000003", "90000004"]
    gemeente = demo.inschrijving("90000004")
    assert gemeente is not None
    assert gemeente.naam == "Gemeente Groningen"
    assert [f.functie for f in gemeente.functionarissen] == ["Gemeentesecretaris"]


@pytest.mark.parametrize(
    ("kvk", "naam", "outcome", "reason"),
    [
        ("90000001", "mr. drs. Anne-Marie van der Berg", OK, "authorised"),
        ("90000001", "Berg, A.M. van der", OK, "authorised"),
        ("90000001", "P.J. Bakker", NO, "joint_authority"),
        ("90000001", "J. de Vries", NOT_FOUND, "officer_not_found"),
        ("90000002", "J. Janssen", OK, "authorised"),
        ("90000002", "H. de Vries", NO, "function_ended"),
        ("90000003", "K. Mulder", NO, "special_legal_state"),
        ("90000004", "M.W. Hoekstra", OK, "authorised"),
        # Not in the demo file: the file cannot say it does not exist.
        ("41002315", "A. Jansen", UNKNOWN, "register_unavailable"),
    ],
)
def test_demo_verdicts(
    demo: OfflineRegister, kvk: str, naam: str, outcome: SignatoryOutcome, reason: str
) -> None:
    verdict = signatory_check(
        register=demo, kvk_nummer=kvk, naam=naam, functie="Bestuurder", today=date(2026, 3, 1)
    )
    assert (verdict.outcome, verdict.reason) == (outcome, reason)
    assert verdict.evidence["source"] == "offline"


def test_a_number_not_in_the_file_is_unavailable_not_absent(demo: OfflineRegister) -> None:
    with pytest.raises(RegisterUnavailable) as raised:
        demo.inschrijving("41002315")
    assert raised.value.reason == "not_in_offline_file"


def test_the_file_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "kvk.json"
    path.write_text(json.dumps([{"kvkNummer": "12345678", "naam": "Eerst"}]), encoding="utf-8")
    register = OfflineRegister(path)
    assert register.inschrijving("12345678").naam == "Eerst"  # type: ignore[union-attr]
    path.write_text(json.dumps([{"kvkNummer": "12345678", "naam": "Later"}]), encoding="utf-8")
    assert register.inschrijving("12345678").naam == "Eerst"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "content",
    [
        [{"kvkNummer": "12345678", "naam": "Lijst"}],
        {"inschrijvingen": [{"kvkNummer": "12345678", "naam": "Lijst"}]},
        {"12345678": {"naam": "Lijst"}},
    ],
)
def test_file_layouts(tmp_path: Path, content: object) -> None:
    path = tmp_path / "kvk.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    inschrijving = OfflineRegister(path).inschrijving("12345678")
    assert inschrijving is not None
    assert inschrijving.naam == "Lijst"


@pytest.mark.parametrize(
    "content",
    ["{not json", json.dumps("text"), json.dumps([{"naam": "no number"}]), "\udcff"],
)
def test_an_unreadable_file_is_unavailable(tmp_path: Path, content: str) -> None:
    path = tmp_path / "kvk.json"
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    with pytest.raises(RegisterUnavailable) as raised:
        OfflineRegister(path).inschrijving("12345678")
    assert raised.value.reason == "offline_file_unreadable"


def test_a_missing_file_is_unavailable_until_it_appears(tmp_path: Path) -> None:
    path = tmp_path / "later.json"
    register = OfflineRegister(path)
    with pytest.raises(RegisterUnavailable):
        register.inschrijving("12345678")
    path.write_text(json.dumps([{"kvkNummer": "12345678"}]), encoding="utf-8")
    assert register.inschrijving("12345678") is not None


def test_a_bad_entry_is_unavailable(tmp_path: Path) -> None:
    path = tmp_path / "kvk.json"
    entry = {"kvkNummer": "12345678", "functionarissen": [{"datumEinde": "gisteren"}]}
    path.write_text(json.dumps([entry]), encoding="utf-8")
    with pytest.raises(RegisterUnavailable) as raised:
        OfflineRegister(path).inschrijving("12345678")
    assert raised.value.reason == "bad_response"


def test_end_dates_are_compared_with_today_not_with_the_load_day(demo: OfflineRegister) -> None:
    ended = demo.inschrijving("90000002")
    assert ended is not None
    de_vries = next(f for f in ended.functionarissen if f.geslachtsnaam == "Vries")
    assert de_vries.datum_einde == date(2022, 7, 31)
    assert de_vries.bevoegdheid is Bevoegdheid.ALLEEN_BEVOEGD
