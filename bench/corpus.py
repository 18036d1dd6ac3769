"""A corpus of distinct, valid canonical documents (form.md §1) for the benchmarks.

Organisations come from the DUO register shipped with the product (real BRIN codes,
bestuursnummers, addresses, postcodes, gemeentecodes and school telephone numbers);
people, e-mail addresses, mobile numbers, KvK-nummers and the spelling of every
identifier (case, spaces, dashes, international prefixes) are drawn from a seeded
random generator, so a run is reproducible and every document is different.
"""

from __future__ import annotations

import csv
import json
import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DUO_FILE = ROOT / "src" / "mijnduo" / "data" / "duo" / "alle-schoolvestigingen-basisonderwijs.csv"
CBS_FILE = ROOT / "src" / "mijnduo" / "data" / "cbs" / "gemeenten-alfabetisch-2023.csv"

FIRST_NAMES = [
    "Anna",
    "Bram",
    "Carla",
    "Daan",
    "Emma",
    "Fleur",
    "Gerrit",
    "Hanneke",
    "Ilse",
    "Jan",
    "Joost",
    "Karin",
    "Lars",
    "Linda",
    "Maarten",
    "Marieke",
    "Niels",
    "Noor",
    "Pieter",
    "Petra",
    "Ruben",
    "Sanne",
    "Sem",
    "Tessa",
    "Thijs",
    "Vera",
    "Wouter",
    "Yara",
    "Youssef",
    "Fatima",
    "Mehmet",
    "Priya",
    "Sven",
    "Lotte",
    "Hendrik",
    "Johanna",
    "Kees",
    "Ria",
    "Bas",
    "Anouk",
]
SURNAMES = [
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Dekker",
    "Brouwer",
    "Dijkstra",
    "Kok",
    "Jacobs",
    "Vermeulen",
    "Schouten",
    "Willems",
    "Hoekstra",
    "Koster",
    "Prins",
    "Huisman",
    "Kuipers",
    "Postma",
    "Bulut",
    "Yilmaz",
    "Kramer",
    "Veenstra",
    "Boersma",
    "Wijnands",
]
TUSSENVOEGSELS = ("", "", "", "", "de ", "van ", "van der ", "van den ", "ter ", "van 't ")
BEHEERDER_FUNCTIES = (
    "ICT-coördinator",
    "Administrateur",
    "Directeur",
    "Adjunct-directeur",
    "Medewerker bedrijfsvoering",
    "Controller",
    "Functioneel beheerder",
    "Office manager",
)
BESTUURDER_FUNCTIES = (
    "Bestuurder",
    "Voorzitter College van Bestuur",
    "Lid College van Bestuur",
    "Directeur-bestuurder",
    "Voorzitter raad van bestuur",
)
GEMEENTE_FUNCTIES = ("Burgemeester", "Wethouder onderwijs", "Gemeentesecretaris")
# Area codes of Dutch fixed lines (two- and three-digit areas) for the few schools
# that list no number.
AREA_CODES = ("010", "020", "030", "040", "050", "070", "0591", "0345", "0475", "0546")
SECTOR_SETS = (
    ["po"],
    ["po"],
    ["po", "rio_algemeen"],
    ["po", "bekostiging_opleidingen"],
    ["po", "rio_algemeen", "rio_selfservice"],
    ["vo"],
    ["po", "bop"],
    ["po", "owp"],
)


@dataclass(frozen=True, slots=True)
class School:
    bestuursnummer: str
    brincode: str
    naam: str
    straat: str
    huisnummer: str
    postcode: str
    plaats: str
    gemeentecode: str
    gemeentenaam: str
    telefoon: str
    domein: str


def load_schools(path: Path = DUO_FILE) -> list[School]:
    """The school locations in the DUO file (Windows-1252, ';'), one per BRIN code."""
    known_gemeenten = _known_gemeentecodes()
    schools: dict[str, School] = {}
    with path.open(encoding="cp1252", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            gemeentecode = row["GEMEENTENUMMER"].strip().zfill(4)
            if row["INSTELLINGSCODE"] in schools or gemeentecode not in known_gemeenten:
                continue
            site = row["INTERNETADRES"].strip().lower().removeprefix("http://")
            domein = site.removeprefix("https://").removeprefix("www.").split("/")[0]
            if not _HOSTNAME.fullmatch(domein):
                domein = ""  # the register's website column has typos ("x..nl", " x.nl")
            schools[row["INSTELLINGSCODE"]] = School(
                bestuursnummer=row["BEVOEGD GEZAG NUMMER"].strip(),
                brincode=row["INSTELLINGSCODE"].strip(),
                naam=row["VESTIGINGSNAAM"].strip(),
                straat=row["STRAATNAAM"].strip(),
                huisnummer=row["HUISNUMMER-TOEVOEGING"].strip(),
                postcode=row["POSTCODE"].strip(),
                plaats=row["PLAATSNAAM"].strip().title(),
                gemeentecode=gemeentecode,
                gemeentenaam=row["GEMEENTENAAM"].strip().title(),
                telefoon=row["TELEFOONNUMMER"].strip(),
                domein=domein,
            )
    return list(schools.values())


_HOSTNAME = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}")


def _known_gemeentecodes() -> set[str]:
    with CBS_FILE.open(encoding="utf-8-sig", newline="") as handle:
        return {row["Gemeentecode"].zfill(4) for row in csv.DictReader(handle)}


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", ascii_text.lower()) or "school"


class CorpusBuilder:
    """Draws documents; ``build(n)`` returns n distinct valid documents."""

    def __init__(self, seed: int = 20260115, today: date | None = None) -> None:
        self.rng = random.Random(seed)
        # One day back, so that "today" in Europe/Amsterdam is never before the signing date.
        self.latest = (today or date.today()) - timedelta(days=1)
        self.schools = load_schools()
        self.rng.shuffle(self.schools)

    def build(self, n: int) -> list[dict[str, Any]]:
        docs: list[dict[str, Any]] = []
        seen: set[str] = set()
        i = 0
        while len(docs) < n:
            doc = self.document(self.schools[i % len(self.schools)], i)
            i += 1
            key = json.dumps(doc, sort_keys=True)
            if key not in seen:
                seen.add(key)
                docs.append(doc)
        return docs

    # --- people -------------------------------------------------------------------

    def _person(self, domain: str, i: int) -> tuple[str, str]:
        first = self.rng.choice(FIRST_NAMES)
        between = self.rng.choice(TUSSENVOEGSELS)
        last = self.rng.choice(SURNAMES)
        style = self.rng.randrange(3)
        if style == 0:
            naam = f"{first[0]}. {between}{last}"
        elif style == 1:
            naam = f"{first} {between}{last}"
        else:
            naam = f"{first[0]}.{self.rng.choice(FIRST_NAMES)[0]}. {between}{last}"
        local = (
            f"{first.lower()}.{_slug(between + last)}"
            if self.rng.random() < 0.6
            else f"{first[0].lower()}{_slug(between + last)}{i % 100 or ''}"
        )
        if self.rng.random() < 0.1:
            domain = domain.upper()  # the validator lowercases the domain
        return naam, f"{local}@{domain}"

    def _mobile(self) -> str:
        digits = f"6{self.rng.randrange(1, 6)}{self.rng.randrange(10**7):07d}"
        style = self.rng.randrange(4)
        if style == 0:
            return f"0{digits[:1]}-{digits[1:]}"
        if style == 1:
            return f"+31 {digits[:1]} {digits[1:5]} {digits[5:]}"
        if style == 2:
            return f"0031{digits}"
        return f"0{digits[:1]} {digits[1:3]} {digits[3:6]} {digits[6:]}"

    def _fixed(self, school: School) -> str:
        number = school.telefoon
        if len(number) != 10 or not number.isdigit():
            area = self.rng.choice(AREA_CODES)
            number = (
                area
                + f"{self.rng.randrange(2, 10)}{self.rng.randrange(10**8):08d}"[: 10 - len(area)]
            )
        style = self.rng.randrange(3)
        if style == 0:
            return number
        if style == 1:
            return f"{number[:3]} {number[3:6]} {number[6:]}"
        return f"+31 {number[1:3]} {number[3:6]} {number[6:]}"

    # --- identifiers --------------------------------------------------------------

    def _postcode(self, school: School) -> str:
        digits, letters = school.postcode[:4], school.postcode[-2:]
        return self.rng.choice(
            (f"{digits} {letters}", f"{digits}{letters}", f"{digits} {letters.lower()}")
        )

    def _kvk(self) -> str:
        number = f"{self.rng.randrange(1, 10)}{self.rng.randrange(10**7):07d}"
        return number if self.rng.random() < 0.8 else f"{number[:4]} {number[4:]}"

    def _signing_date(self) -> str:
        return (self.latest - timedelta(days=self.rng.randrange(0, 150))).isoformat()

    # --- documents ----------------------------------------------------------------

    def document(self, school: School, i: int) -> dict[str, Any]:
        roll = self.rng.random()
        domain = school.domein or f"{_slug(school.naam)}.nl"
        beheerder_naam, beheerder_email = self._person(domain, i)
        ondertekenaar_naam, ondertekenaar_email = self._person(domain, i + 1)
        telefoon = self._mobile() if self.rng.random() < 0.5 else self._fixed(school)
        organisatie: dict[str, Any] = {
            "type": "onderwijsinstelling",
            "brincode": school.brincode if self.rng.random() < 0.8 else school.brincode.lower(),
            "bestuursnummer": school.bestuursnummer,
            "kvkNummer": self._kvk(),
            "naam": school.naam,
            "straat": school.straat,
            "huisnummer": school.huisnummer,
            "postcode": self._postcode(school),
            "woonplaats": school.plaats,
        }
        codes = list(self.rng.choice(SECTOR_SETS))
        functie = self.rng.choice(BESTUURDER_FUNCTIES)
        extra: dict[str, Any] = {}
        if roll < 0.12:  # the school board rather than one school
            organisatie["type"] = "bestuur"
            del organisatie["brincode"]
            organisatie["naam"] = f"Stichting {school.naam}"
        elif roll < 0.20:  # the municipality of the school
            organisatie = {
                "type": "gemeente",
                "gemeentecode": self.rng.choice(
                    (
                        school.gemeentecode,
                        f"GM{school.gemeentecode}",
                        school.gemeentecode.lstrip("0"),
                    )
                ),
                "kvkNummer": self._kvk(),
                "naam": f"Gemeente {school.gemeentenaam}",
                "straat": "Raadhuisplein",
                "huisnummer": str(self.rng.randrange(1, 40)),
                "postcode": self._postcode(school),
                "woonplaats": school.plaats,
            }
            codes = ["gemeente"] if self.rng.random() < 0.7 else ["gemeente", "owp"]
            functie = self.rng.choice(GEMEENTE_FUNCTIES)
        elif roll < 0.24:  # a bailiff, asking for an authorisation not in the list
            organisatie = {
                "type": "deurwaarder",
                "crediteurnummer": f"CR{self.rng.randrange(10**6):06d}",
                "kvkNummer": self._kvk(),
                "naam": f"Gerechtsdeurwaarderskantoor {self.rng.choice(SURNAMES)}",
                "straat": school.straat,
                "huisnummer": school.huisnummer,
                "postcode": self._postcode(school),
                "woonplaats": school.plaats,
            }
            codes = ["anders"]
            extra["beheerautorisatieAnders"] = "Inzage beslagleggingen"
            functie = "Gerechtsdeurwaarder"
        elif roll < 0.29:  # a revocation
            codes = []
            extra["intrekking"] = {
                "intrekken": True,
                "blijftGebruiker": self.rng.random() < 0.5,
                "serienummerTokengenerator": (
                    f"TG{self.rng.randrange(10**8):08d}" if self.rng.random() < 0.3 else ""
                ),
            }
        doc: dict[str, Any] = {
            "organisatie": organisatie,
            "beheerder": {
                "naam": beheerder_naam,
                "functie": self.rng.choice(BEHEERDER_FUNCTIES),
                "telefoon": telefoon,
                "email": beheerder_email,
                "heeftMijnDuoZakelijkAccount": self.rng.random() < 0.3,
                "heeftEherkenningNiveau3": True,
            },
            "beheerautorisaties": codes,
            **extra,
            "ondertekening": {
                "naam": ondertekenaar_naam,
                "functie": functie,
                "email": ondertekenaar_email,
                "plaats": organisatie["woonplaats"],
                "datum": self._signing_date(),
                "akkoordGebruiksvoorwaarden": True,
            },
        }
        return doc


def build_corpus(n: int, seed: int = 20260115) -> list[dict[str, Any]]:
    return CorpusBuilder(seed).build(n)
