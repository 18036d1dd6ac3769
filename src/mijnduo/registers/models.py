"""Reference registers: CBS municipalities and DUO boards, institutions and locations.

Rows are written only by :mod:`mijnduo.registers.importer`; other apps read them
through :mod:`mijnduo.registers.selectors`. Codes are stored as text because
their leading zeros matter (gemeentecode 0014, BRIN 00AR).

Links between the tables (instelling → bestuur, vestiging → instelling) are
plain indexed codes, not foreign keys: DUO publishes them in separate files
that an operator may load in any order, and a location file names boards that
the board file may not (yet) contain.
"""

from django.db import models
from django.db.models import F, Q


class Sector(models.TextChoices):
    PO = "po", "primair onderwijs"
    VO = "vo", "voortgezet onderwijs"
    MBO = "mbo", "middelbaar beroepsonderwijs"
    HO = "ho", "hoger onderwijs"


# Empty is allowed where a value can be unknown; the import normalises the rest.
GEMEENTECODE_RE = r"^[0-9]{4}$"
OPTIONAL_GEMEENTECODE_RE = r"^([0-9]{4})?$"
BESTUURSNUMMER_RE = r"^[0-9]{5}$"
OPTIONAL_BESTUURSNUMMER_RE = r"^([0-9]{5})?$"
KVK_NUMMER_RE = r"^([0-9]{8})?$"
BRINCODE_RE = r"^[0-9]{2}[A-Z]{2}$"
VESTIGINGSCODE_RE = r"^[0-9]{2}[A-Z]{2}[0-9]{2}$"
POSTCODE_RE = r"^([1-9][0-9]{3} [A-Z]{2})?$"


class Gemeente(models.Model):
    """A municipality from the CBS list, keyed by its 4-digit code (0363 Amsterdam)."""

    code = models.CharField(max_length=4, primary_key=True)
    naam = models.CharField(max_length=100)
    provinciecode = models.CharField(max_length=2, blank=True)
    provincienaam = models.CharField(max_length=100, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=GEMEENTECODE_RE), name="gemeente_code"),
            models.CheckConstraint(condition=~Q(naam=""), name="gemeente_naam_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


class Bestuur(models.Model):
    """A board (bevoegd gezag). Known by number alone when only a location file named it."""

    bestuursnummer = models.CharField(max_length=5, unique=True)
    naam = models.CharField(max_length=200, blank=True)
    kvk_nummer = models.CharField(max_length=8, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["bestuursnummer"]
        verbose_name = "bestuur"
        verbose_name_plural = "besturen"
        constraints = [
            models.CheckConstraint(
                condition=Q(bestuursnummer__regex=BESTUURSNUMMER_RE), name="bestuur_bestuursnummer"
            ),
            models.CheckConstraint(
                condition=Q(kvk_nummer__regex=KVK_NUMMER_RE), name="bestuur_kvk_nummer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bestuursnummer} {self.naam}".rstrip()


class Instelling(models.Model):
    """An institution, identified by its BRIN (instellingscode), such as 05KO."""

    brincode = models.CharField(max_length=4, unique=True)
    naam = models.CharField(max_length=200)
    bestuursnummer = models.CharField(max_length=5, blank=True, db_index=True)
    gemeentecode = models.CharField(max_length=4, blank=True)
    sector = models.CharField(max_length=3, choices=Sector.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["brincode"]
        verbose_name = "instelling"
        verbose_name_plural = "instellingen"
        constraints = [
            models.CheckConstraint(
                condition=Q(brincode__regex=BRINCODE_RE), name="instelling_brincode"
            ),
            models.CheckConstraint(condition=~Q(naam=""), name="instelling_naam_not_empty"),
            models.CheckConstraint(
                condition=Q(bestuursnummer__regex=OPTIONAL_BESTUURSNUMMER_RE),
                name="instelling_bestuursnummer",
            ),
            models.CheckConstraint(
                condition=Q(gemeentecode__regex=OPTIONAL_GEMEENTECODE_RE),
                name="instelling_gemeentecode",
            ),
            models.CheckConstraint(condition=Q(sector__in=Sector.values), name="instelling_sector"),
        ]

    def __str__(self) -> str:
        return f"{self.brincode} {self.naam}"


class Vestiging(models.Model):
    """A location of an institution: BRIN plus two digits, 00 being the main location."""

    vestigingscode = models.CharField(max_length=6, unique=True)
    brincode = models.CharField(max_length=4, db_index=True)
    naam = models.CharField(max_length=200)
    straat = models.CharField(max_length=120, blank=True)
    huisnummer = models.CharField(max_length=20, blank=True)
    postcode = models.CharField(max_length=7, blank=True)
    plaats = models.CharField(max_length=80, blank=True)
    gemeentecode = models.CharField(max_length=4, blank=True)
    sector = models.CharField(max_length=3, choices=Sector.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["vestigingscode"]
        verbose_name = "vestiging"
        verbose_name_plural = "vestigingen"
        constraints = [
            models.CheckConstraint(
                condition=Q(vestigingscode__regex=VESTIGINGSCODE_RE),
                name="vestiging_vestigingscode",
            ),
            models.CheckConstraint(
                condition=Q(vestigingscode__startswith=F("brincode")),
                name="vestiging_code_starts_with_brincode",
            ),
            models.CheckConstraint(condition=~Q(naam=""), name="vestiging_naam_not_empty"),
            models.CheckConstraint(
                condition=Q(postcode__regex=POSTCODE_RE), name="vestiging_postcode"
            ),
            models.CheckConstraint(
                condition=Q(gemeentecode__regex=OPTIONAL_GEMEENTECODE_RE),
                name="vestiging_gemeentecode",
            ),
            models.CheckConstraint(condition=Q(sector__in=Sector.values), name="vestiging_sector"),
        ]

    def __str__(self) -> str:
        return f"{self.vestigingscode} {self.naam}"
