"""Selectors other apps use, and the database constraints behind the registers."""

from pathlib import Path

import pytest
from django.db import IntegrityError, transaction

from mijnduo.registers.importer import import_cbs, import_duo
from mijnduo.registers.models import Bestuur, Gemeente, Instelling, Vestiging
from mijnduo.registers.selectors import (
    bestuur_by_nummer,
    brincode_belongs_to_bestuur,
    gemeente_exists,
    instelling_by_brincode,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def registers(data_dir: Path) -> None:
    import_cbs(data_dir / "gemeenten-puntkomma.csv")
    import_duo(data_dir / "besturen.csv")
    import_duo(data_dir / "vestigingen-vo-oude-kolommen.csv")


@pytest.mark.usefixtures("registers")
def test_selectors() -> None:
    assert gemeente_exists("0014")
    assert not gemeente_exists("0015")
    assert not gemeente_exists("14")  # codes are 4 digits; the import pads, lookups do not

    instelling = instelling_by_brincode("99 xa")
    assert instelling is not None
    assert instelling.naam == "Scholengemeenschap Noorderlicht"
    assert instelling_by_brincode("98XA") is None
    assert instelling_by_brincode("") is None

    bestuur = bestuur_by_nummer(" 99001 ")
    assert bestuur is not None
    assert bestuur.kvk_nummer == "12345678"
    assert bestuur_by_nummer("12345") is None

    assert brincode_belongs_to_bestuur("99XA", "99001")
    assert brincode_belongs_to_bestuur("99xc", "99002")
    assert not brincode_belongs_to_bestuur("99XA", "99002")
    assert not brincode_belongs_to_bestuur("98XA", "99001")


@pytest.mark.parametrize(
    "make",
    [
        lambda: Gemeente.objects.create(code="363", naam="Amsterdam"),
        lambda: Gemeente.objects.create(code="0363", naam=""),
        lambda: Bestuur.objects.create(bestuursnummer="4016"),
        lambda: Bestuur.objects.create(bestuursnummer="40169", kvk_nummer="1234"),
        lambda: Instelling.objects.create(brincode="05K0", naam="X", sector="po"),
        lambda: Instelling.objects.create(brincode="05KO", naam="X", sector="xx"),
        lambda: Vestiging.objects.create(
            vestigingscode="05KP00", brincode="05KO", naam="X", sector="po"
        ),
        lambda: Vestiging.objects.create(
            vestigingscode="05KO00", brincode="05KO", naam="X", sector="po", postcode="9700VB"
        ),
    ],
)
def test_database_refuses_malformed_codes(make: object) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        make()  # type: ignore[operator]


def test_database_accepts_well_formed_rows() -> None:
    Vestiging.objects.create(
        vestigingscode="05KO00", brincode="05KO", naam="X", sector="po", postcode="9700 VB"
    )
    Bestuur.objects.create(bestuursnummer="40169")
