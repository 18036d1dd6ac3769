"""Decoding, column names and field normalisers: no database needed."""

from pathlib import Path

import pytest

from mijnduo.registers.cleaning import (
    FieldError,
    clean_bestuursnummer,
    clean_brincode,
    clean_gemeentecode,
    clean_kvk_nummer,
    clean_postcode,
    clean_provinciecode,
    clean_text,
    clean_vestigingscode,
)
from mijnduo.registers.importer import FileKind, detect_kind
from mijnduo.registers.tabular import (
    RegisterFileError,
    decode,
    normalise_column,
    read_table,
    sniff_delimiter,
)


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Wâldpyk".encode(), "Wâldpyk", "utf-8"),
        (b"\xef\xbb\xbfNAAM", "NAAM", "utf-8-sig"),
        ("Wâldpyk \u2019t".encode("cp1252"), "Wâldpyk \u2019t", "cp1252"),  # curly quote: 0x92
        (b"\x81", "\x81", "latin-1"),  # undefined in cp1252, still readable
    ],
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [("A;B;C", ";"), ("A,B,C", ","), ('"A, B";C;D', ";")],
)
def test_sniff_delimiter(header: str, delimiter: str) -> None:
    assert sniff_delimiter(header) == delimiter


def test_sniff_delimiter_refuses_a_single_column() -> None:
    with pytest.raises(RegisterFileError):
        sniff_delimiter("NAAM")


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("KVK - NUMMER", "KVK-NUMMER"),
        ("kvk-nummer", "KVK-NUMMER"),
        ("brin_nummer", "BRIN NUMMER"),
        ("\ufeffGemeentecode", "GEMEENTECODE"),
        ("  BEVOEGD  GEZAG NUMMER ", "BEVOEGD GEZAG NUMMER"),
    ],
)
def test_normalise_column(name: str, canonical: str) -> None:
    assert normalise_column(name) == canonical


def test_read_table_maps_aliases_and_blanks(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(b"\r\nBRIN NUMMER;VESTIGINGSNUMMER;ONBEKEND\r\n 05ko ;01; \r\n\r\n")

    table = read_table(path)

    assert table.columns == frozenset({"INSTELLINGSCODE", "VESTIGINGSNUMMER"})
    assert [(row.line, row.values) for row in table.rows] == [
        (3, {"INSTELLINGSCODE": "05ko", "VESTIGINGSNUMMER": "01"})
    ]
    assert detect_kind(table.columns) is FileKind.VESTIGINGEN


def test_read_table_refuses_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "leeg.csv"
    path.write_bytes(b"\r\n")
    with pytest.raises(RegisterFileError, match="empty"):
        read_table(path)


@pytest.mark.parametrize(
    ("columns", "kind"),
    [
        ({"VESTIGINGSCODE"}, FileKind.VESTIGINGEN),
        ({"INSTELLINGSCODE", "INSTELLINGSNAAM"}, FileKind.INSTELLINGEN),
        ({"BEVOEGD GEZAG NUMMER", "BEVOEGD GEZAG NAAM", "KVK-NUMMER"}, FileKind.BESTUREN),
        ({"GEMEENTECODE", "GEMEENTENAAM"}, FileKind.GEMEENTEN),
        ({"GEMEENTENUMMER", "GEMEENTENAAM"}, None),
        ({"BEVOEGD GEZAG NUMMER"}, None),
    ],
)
def test_detect_kind(columns: set[str], kind: FileKind | None) -> None:
    assert detect_kind(frozenset(columns)) is kind


def test_normalisers_return_canonical_values() -> None:
    assert clean_brincode("05 ko") == "05KO"
    assert clean_vestigingscode("05ko01", "05KO") == "05KO01"
    assert clean_vestigingscode("1", "05KO") == "05KO01"
    assert clean_bestuursnummer("40169") == "40169"
    assert clean_gemeentecode("14") == "0014"
    assert clean_gemeentecode("GM0363") == "0363"
    assert clean_gemeentecode("") == ""
    assert clean_provinciecode("PV7") == "07"
    assert clean_postcode("9700vb") == "9700 VB"
    assert clean_postcode("") == ""
    assert clean_kvk_nummer("4115 4229") == "41154229"
    assert clean_kvk_nummer("") == ""


@pytest.mark.parametrize(
    ("clean", "value"),
    [
        (clean_brincode, ""),
        (clean_brincode, "05KO00"),
        (clean_brincode, "5KOA"),
        (clean_bestuursnummer, "4016"),
        (clean_bestuursnummer, "4016A"),
        (clean_gemeentecode, "03630"),
        (clean_postcode, "0700 AB"),
        (clean_postcode, "9700 SA"),
        (clean_kvk_nummer, "123456789012"),
        (clean_provinciecode, "Drenthe"),
    ],
)
def test_normalisers_refuse_bad_values(clean: object, value: str) -> None:
    with pytest.raises(FieldError):
        clean(value)  # type: ignore[operator]


def test_vestigingscode_must_match_brincode() -> None:
    with pytest.raises(FieldError, match="does not belong"):
        clean_vestigingscode("05KP00", "05KO")
    with pytest.raises(FieldError, match="no BRIN"):
        clean_vestigingscode("01", "")


def test_text_limits() -> None:
    assert clean_text("abc", max_length=3) == "abc"
    with pytest.raises(FieldError, match="longer than 3"):
        clean_text("abcd", max_length=3)
    with pytest.raises(FieldError, match="empty"):
        clean_text("", max_length=3, required=True)
    with pytest.raises(FieldError, match="NUL"):
        clean_text("a\x00", max_length=3)
