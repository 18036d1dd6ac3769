"""Importing the real CBS and DUO files shipped in mijnduo/data."""

from pathlib import Path

import pytest

from mijnduo.registers.importer import (
    SHIPPED_CBS_FILE,
    SHIPPED_DUO_FILE,
    FileKind,
    import_cbs,
    import_duo,
    import_shipped,
)
from mijnduo.registers.models import Bestuur, Gemeente, Instelling, Sector, Vestiging

pytestmark = pytest.mark.django_db

# Counted independently from the files (csv module, distinct values per column).
GEMEENTEN = 342
VESTIGINGEN = 6122
INSTELLINGEN = 6011
BESTUREN = 749


def test_cbs_file_imports_every_municipality() -> None:
    summary = import_cbs(SHIPPED_CBS_FILE)

    assert summary.kind is FileKind.GEMEENTEN
    assert (summary.encoding, summary.delimiter) == ("utf-8", ",")
    assert (summary.rows_read, summary.created, summary.rejected) == (GEMEENTEN, GEMEENTEN, [])
    assert Gemeente.objects.count() == GEMEENTEN
    groningen = Gemeente.objects.get(code="0014")
    assert (groningen.naam, groningen.provinciecode, groningen.provincienaam) == (
        "Groningen",
        "20",
        "Groningen",
    )
    assert Gemeente.objects.get(code="1992").naam == "Voorne aan Zee"
    assert Gemeente.objects.get(code="0059").provincienaam == "Fryslân"


def test_duo_file_imports_locations_institutions_and_boards() -> None:
    summary = import_duo(SHIPPED_DUO_FILE)

    assert summary.kind is FileKind.VESTIGINGEN
    assert summary.sector is Sector.PO  # read from "basisonderwijs" in the file name
    assert (summary.encoding, summary.delimiter) == ("cp1252", ";")
    assert summary.rows_read == VESTIGINGEN
    assert summary.rejected == []
    assert {name: counts.created for name, counts in summary.tables.items()} == {
        "besturen": BESTUREN,
        "instellingen": INSTELLINGEN,
        "vestigingen": VESTIGINGEN,
    }
    assert Vestiging.objects.count() == VESTIGINGEN
    assert Instelling.objects.count() == INSTELLINGEN
    assert Bestuur.objects.count() == BESTUREN


def test_duo_values_are_stored_as_published() -> None:
    import_duo(SHIPPED_DUO_FILE)

    vestiging = Vestiging.objects.get(vestigingscode="32JK00")
    assert (vestiging.brincode, vestiging.naam, vestiging.straat, vestiging.huisnummer) == (
        "32JK",
        "BBS de Verwondering",
        "Melkweg",
        "13",
    )
    assert (vestiging.postcode, vestiging.plaats, vestiging.gemeentecode) == (
        "9306 TC",
        "ALTEVEER GEM NOORDENVELD",
        "1699",
    )
    assert vestiging.sector == Sector.PO
    # Quoted field with doubled quotes, and a Windows-1252 character.
    assert Vestiging.objects.get(vestigingscode="00AR00").naam == 'Basisschool "De Maasparel"'
    assert Instelling.objects.filter(naam="Christelijke Basisschool Wrâldwizer").exists()
    # House number and suffix stay one text; leading zeros of municipality codes survive.
    assert Vestiging.objects.filter(huisnummer="3-A").exists()
    assert Vestiging.objects.filter(gemeentecode__startswith="0").exists()

    instelling = Instelling.objects.get(brincode="32JK")
    assert (instelling.naam, instelling.bestuursnummer, instelling.gemeentecode) == (
        "BBS de Verwondering",
        "20091",
        "1699",
    )
    # A location file names boards by number only.
    assert Bestuur.objects.get(bestuursnummer="20091").naam == ""


def test_every_municipality_of_the_duo_file_is_in_the_cbs_list() -> None:
    import_shipped()

    codes = set(Vestiging.objects.values_list("gemeentecode", flat=True))
    assert codes == set(Gemeente.objects.values_list("code", flat=True))


def test_second_run_creates_nothing() -> None:
    import_shipped()
    before = dict(Vestiging.objects.values_list("vestigingscode", "updated_at"))

    cbs, duo = import_shipped()

    assert (cbs.created, cbs.updated, cbs.unchanged) == (0, 0, GEMEENTEN)
    assert (duo.created, duo.updated) == (0, 0)
    assert duo.unchanged == VESTIGINGEN + INSTELLINGEN + BESTUREN
    assert dict(Vestiging.objects.values_list("vestigingscode", "updated_at")) == before


def test_changed_row_is_updated(tmp_path: Path) -> None:
    import_duo(SHIPPED_DUO_FILE)
    before = Vestiging.objects.get(vestigingscode="03WU00").updated_at
    changed = tmp_path / SHIPPED_DUO_FILE.name
    data = SHIPPED_DUO_FILE.read_bytes()
    assert data.count(b";BBS de Verwondering;") == 1
    changed.write_bytes(data.replace(b";BBS de Verwondering;", b";BBS De Verwondering;"))

    summary = import_duo(changed)

    vestigingen, instellingen = summary.tables["vestigingen"], summary.tables["instellingen"]
    assert (vestigingen.created, vestigingen.updated, vestigingen.unchanged) == (
        0,
        1,
        VESTIGINGEN - 1,
    )
    # 32JK00 is the main location, so the institution takes the new name too.
    assert (instellingen.updated, instellingen.unchanged) == (1, INSTELLINGEN - 1)
    assert summary.tables["besturen"].unchanged == BESTUREN
    assert Vestiging.objects.get(vestigingscode="32JK00").naam == "BBS De Verwondering"
    assert Instelling.objects.get(brincode="32JK").naam == "BBS De Verwondering"
    assert Vestiging.objects.get(vestigingscode="03WU00").updated_at == before
