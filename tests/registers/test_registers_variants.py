"""Other shapes of register files: older columns, board and main-location files, bad rows."""

import shutil
from pathlib import Path

import pytest

from mijnduo.registers.importer import (
    FileKind,
    RegisterFileError,
    import_cbs,
    import_duo,
    import_register_file,
)
from mijnduo.registers.models import Bestuur, Gemeente, Instelling, Sector, Vestiging

pytestmark = pytest.mark.django_db


def test_comma_separated_utf8_file_with_old_column_names(data_dir: Path) -> None:
    summary = import_duo(data_dir / "vestigingen-vo-oude-kolommen.csv")

    assert (summary.kind, summary.sector) == (FileKind.VESTIGINGEN, Sector.VO)
    assert (summary.encoding, summary.delimiter) == ("utf-8-sig", ",")
    assert summary.rejected == []
    assert set(Vestiging.objects.values_list("vestigingscode", flat=True)) == {
        "99XA00",
        "99XA01",  # VESTIGINGSNUMMER "1" completed with the BRIN code
        "99XB00",
        "99XC02",
    }
    zuid = Vestiging.objects.get(vestigingscode="99XA01")
    assert (zuid.naam, zuid.huisnummer, zuid.gemeentecode, zuid.sector) == (
        "Noorderlicht, locatie Zuid",
        "3-A",
        "0014",
        "vo",
    )
    assert Vestiging.objects.get(vestigingscode="99XA00").postcode == "9700 VB"
    assert Instelling.objects.get(brincode="99XA").naam == "Scholengemeenschap Noorderlicht"
    assert Instelling.objects.get(brincode="99XB").naam == "Skoalle De Wâldpyk"
    # No main location (…00) in the file: the first location's name stands in.
    assert Instelling.objects.get(brincode="99XC").naam == 'Lyceum "De Brug"'
    assert set(Bestuur.objects.values_list("bestuursnummer", flat=True)) == {"99001", "99002"}


def test_stand_in_name_does_not_overwrite_a_stored_name(data_dir: Path) -> None:
    import_duo(data_dir / "vestigingen-vo-oude-kolommen.csv")
    Instelling.objects.filter(brincode="99XC").update(naam="Lyceum De Brug")

    summary = import_duo(data_dir / "vestigingen-vo-oude-kolommen.csv")

    assert Instelling.objects.get(brincode="99XC").naam == "Lyceum De Brug"
    assert summary.tables["instellingen"].unchanged == 3


def test_board_file_sets_names_and_kvk_numbers(data_dir: Path) -> None:
    import_duo(data_dir / "vestigingen-vo-oude-kolommen.csv")

    summary = import_duo(data_dir / "besturen.csv")

    assert summary.kind is FileKind.BESTUREN
    assert summary.sector is None
    assert (summary.encoding, summary.delimiter) == ("cp1252", ";")
    assert summary.tables["besturen"].updated == 2
    assert [(r.line, r.column) for r in summary.rejected] == [(4, "KVK-NUMMER")]
    noorderlicht = Bestuur.objects.get(bestuursnummer="99001")
    assert (noorderlicht.naam, noorderlicht.kvk_nummer) == (
        "Stichting Noorderlicht Onderwijs",
        "12345678",
    )
    waldpyk = Bestuur.objects.get(bestuursnummer="99002")
    assert (waldpyk.naam, waldpyk.kvk_nummer) == ("Vereniging Wâldpyk", "")


def test_location_file_keeps_board_names(data_dir: Path) -> None:
    import_duo(data_dir / "besturen.csv")

    summary = import_duo(data_dir / "vestigingen-vo-oude-kolommen.csv")

    assert summary.tables["besturen"].unchanged == 2
    assert Bestuur.objects.get(bestuursnummer="99001").naam == "Stichting Noorderlicht Onderwijs"


def test_main_location_file_names_institutions(data_dir: Path) -> None:
    summary = import_duo(data_dir / "hoofdvestigingen-vo.csv")

    assert (summary.kind, summary.sector) == (FileKind.INSTELLINGEN, Sector.VO)
    instelling = Instelling.objects.get(brincode="99XA")
    assert (instelling.naam, instelling.bestuursnummer, instelling.gemeentecode) == (
        "Noorderlicht College",
        "99001",
        "0014",
    )
    assert not Vestiging.objects.exists()


def test_bad_rows_are_rejected_with_line_column_and_reason(data_dir: Path) -> None:
    summary = import_duo(data_dir / "vestigingen-po-fouten.csv")

    assert summary.rows_read == 9
    assert [(r.line, r.column) for r in summary.rejected] == [
        (3, "INSTELLINGSCODE"),
        (4, "VESTIGINGSCODE"),
        (5, "POSTCODE"),
        (6, "BEVOEGD GEZAG NUMMER"),
        (7, "VESTIGINGSNAAM"),
        (8, "VESTIGINGSCODE"),
        (9, "GEMEENTENUMMER"),
    ]
    reasons = [r.reason for r in summary.rejected]
    assert "does not belong to BRIN code 99XA" in reasons[1]
    assert "already given on line 2" in reasons[5]
    assert (
        str(summary.rejected[2])
        == "line 5, POSTCODE: '9700 SS': Fill in a Dutch postcode, for example 9700 VB."
    )
    assert set(Vestiging.objects.values_list("vestigingscode", flat=True)) == {"99XA00", "99XA06"}
    # Empty postcode and municipality are allowed, a single space means empty.
    tweede = Vestiging.objects.get(vestigingscode="99XA06")
    assert (tweede.postcode, tweede.gemeentecode) == ("", "")


def test_cbs_variant_with_semicolons_and_prefixed_codes(data_dir: Path) -> None:
    summary = import_cbs(data_dir / "gemeenten-puntkomma.csv")

    assert summary.created == 2
    assert [(r.line, r.column) for r in summary.rejected] == [(4, "GEMEENTECODE")]
    assert set(Gemeente.objects.values_list("code", flat=True)) == {"0014", "0363"}


def test_unknown_file_kind_is_refused(data_dir: Path) -> None:
    with pytest.raises(RegisterFileError, match="not a recognised register file"):
        import_register_file(data_dir / "geen-register.csv")


def test_file_of_the_other_publisher_is_refused(data_dir: Path) -> None:
    with pytest.raises(RegisterFileError, match="is a CBS file"):
        import_duo(data_dir / "gemeenten-puntkomma.csv")
    with pytest.raises(RegisterFileError, match="is a DUO file"):
        import_cbs(data_dir / "besturen.csv")


def test_sector_must_be_known(data_dir: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    shutil.copy(data_dir / "vestigingen-po-fouten.csv", export)

    with pytest.raises(RegisterFileError, match="--sector"):
        import_duo(export)
    with pytest.raises(RegisterFileError, match="unknown sector"):
        import_duo(export, sector="xx")
    assert import_duo(export, sector="mbo").sector is Sector.MBO
    assert set(Vestiging.objects.values_list("sector", flat=True)) == {"mbo"}


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(RegisterFileError, match="file not found"):
        import_duo(tmp_path / "bestaat-niet.csv")
