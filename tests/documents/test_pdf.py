"""The filled-in form as a tagged PDF: every answer is in it, and it is PDF/UA-tagged.

Documents are normalised by the real validator first, so the PDF is tested on what
the application stores. The text is read back with pypdf, the structure with pikepdf.
None of these tests has database access: pytest-django would fail any ORM query.
"""

import io
import logging
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pikepdf
import pytest
from pypdf import PdfReader

from mijnduo.aanvraag.constants import Beheerautorisatie, Kind, OrganisatieType
from mijnduo.aanvraag.validator import validate
from mijnduo.documents.labels import (
    BEHEERAUTORISATIE_LABELS,
    KIND_LABELS,
    ORGANISATIE_TYPE_LABELS,
    inlogniveau_label,
)
from mijnduo.documents.pdf import SignatureRecord, format_datetime_nl, render_application_pdf

TODAY = date(2026, 1, 20)
# 13:04 UTC is 14:04 in Amsterdam in winter.
SUBMITTED = datetime(2026, 1, 15, 13, 4, tzinfo=UTC)
EH3 = "EH3"  # as mijnduo.applications stores the login level

SCHOOL: dict[str, Any] = {
    "organisatie": {
        "type": "onderwijsinstelling",
        "brincode": "05 ko",
        "bestuursnummer": "40169",
        "kvkNummer": "4100-2315",
        "naam": "OBS De Linde",
        "straat": "Kerkstraat",
        "huisnummer": "12a",
        "postcode": "9700vb",
        "woonplaats": "Groningen",
    },
    "beheerder": {
        "naam": "Jolanda de Vries-Öztürk",
        "functie": "ICT-coördinator",
        "telefoon": "050 599 8440",
        "email": "j.devries@obs-delinde.nl",
        "heeftMijnDuoZakelijkAccount": False,
        "heeftEherkenningNiveau3": True,
    },
    "beheerautorisaties": ["po", "rio_algemeen", "anders"],
    "beheerautorisatieAnders": "Beheerder Schoolkassa",
    "ondertekening": {
        "naam": "Arend Jansen",
        "functie": "Voorzitter college van bestuur",
        "email": "a.jansen@stichting-linde.nl",
        "plaats": "Haren",
        "datum": "2026-01-15",
        "akkoordGebruiksvoorwaarden": True,
    },
}

GEMEENTE: dict[str, Any] = {
    "organisatie": {
        "type": "gemeente",
        "gemeentecode": "GM0014",
        "kvkNummer": "01176345",
        "naam": "Gemeente Groningen",
        "straat": "Kreupelstraat",
        "huisnummer": "1",
        "postcode": "9712 HW",
        "woonplaats": "Groningen",
    },
    "beheerder": {
        "naam": "Pieter Bakker",
        "functie": "Medewerker leerplicht",
        "telefoon": "+31 6 12345678",
        "email": "p.bakker@groningen.nl",
        "heeftMijnDuoZakelijkAccount": True,
        "heeftEherkenningNiveau3": True,
    },
    "beheerautorisaties": ["gemeente"],
    "ondertekening": {
        "naam": "Marieke Smit",
        "functie": "Gemeentesecretaris",
        "email": "m.smit@groningen.nl",
        "plaats": "Groningen",
        "datum": "2025-12-01",
        "akkoordGebruiksvoorwaarden": True,
    },
}


def _intrekking(blijft_gebruiker: bool, serienummer: str = "") -> dict[str, Any]:
    doc = {key: value for key, value in SCHOOL.items() if key != "beheerautorisatieAnders"}
    doc["beheerautorisaties"] = []
    doc["intrekking"] = {
        "intrekken": True,
        "blijftGebruiker": blijft_gebruiker,
        "serienummerTokengenerator": serienummer,
    }
    return doc


def _held(codes: set[str]) -> Callable[[Any, str], frozenset[str]]:
    return lambda organisatie, email: frozenset(codes)


@dataclass(frozen=True)
class Rendered:
    document: dict[str, Any]
    reference: str
    kind: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    signature: SignatureRecord | None
    pdf: bytes

    @property
    def text(self) -> str:
        """All pages' text, whitespace collapsed (values may wrap onto the next line)."""
        reader = PdfReader(io.BytesIO(self.pdf))
        return " ".join(" ".join(page.extract_text() for page in reader.pages).split())

    def assert_contains(self, *values: str) -> None:
        text = self.text
        missing = [v for v in values if " ".join(v.split()) not in text]
        assert missing == [], f"not in the PDF: {missing}\n--- text ---\n{text}"

    def assert_lacks(self, *values: str) -> None:
        text = self.text
        present = [v for v in values if v in text]
        assert present == [], f"unexpectedly in the PDF: {present}"


def _render(
    raw: dict[str, Any],
    reference: str,
    *,
    held: set[str] | None = None,
    signed: bool = True,
) -> Rendered:
    result = validate(raw, held_lookup=_held(held or set()), today=TODAY)
    assert result.is_valid, result.problems
    assert result.kind is not None
    changes = result.change_set
    added = changes.added if changes else ()
    removed = changes.removed if changes else ()
    ondertekening = result.document["ondertekening"]
    signature = (
        SignatureRecord(
            naam=ondertekening["naam"],
            functie=ondertekening["functie"],
            signed_at=datetime(2026, 1, 15, 13, 10, tzinfo=UTC),
            level=EH3,
        )
        if signed
        else None
    )
    pdf = render_application_pdf(
        document=result.document,
        reference=reference,
        kind=result.kind.value,
        submitted_at=SUBMITTED,
        signature=signature,
        added=list(added),
        removed=list(removed),
    )
    return Rendered(result.document, reference, result.kind.value, added, removed, signature, pdf)


@pytest.fixture(scope="module")
def aanmelding() -> Rendered:
    return _render(SCHOOL, "MDZ-AAN1-0001")


@pytest.fixture(scope="module")
def wijziging() -> Rendered:
    # Holds PO and VO; the form asks for PO, RIO Algemeen and "anders": VO goes.
    return _render(SCHOOL, "MDZ-WIJ2-0002", held={"po", "vo"})


@pytest.fixture(scope="module")
def intrekking_blijft() -> Rendered:
    return _render(_intrekking(True, "TG-12345678"), "MDZ-INT3-0003", held={"po", "vo"})


@pytest.fixture(scope="module")
def intrekking_weg() -> Rendered:
    return _render(_intrekking(False), "MDZ-INT4-0004", held={"ho"})


@pytest.fixture(scope="module")
def gemeente() -> Rendered:
    return _render(GEMEENTE, "MDZ-GEM5-0005", signed=False)


ALL = ("aanmelding", "wijziging", "intrekking_blijft", "intrekking_weg", "gemeente")


def _answered_values(doc: dict[str, Any]) -> list[str]:
    """Every text answer of the normalised document, as stored."""
    values = [
        str(value)
        for section in ("organisatie", "beheerder", "intrekking", "ondertekening")
        for key, value in doc[section].items()
        if isinstance(value, str) and value and key not in {"type", "datum"}
    ]
    assert len(values) >= 15
    return values


# ---------------------------------------------------------------------------
# Content: every answered field, in the form's words


@pytest.mark.parametrize("case", ALL)
def test_every_answered_field_value_is_in_the_pdf(
    case: str, request: pytest.FixtureRequest
) -> None:
    rendered: Rendered = request.getfixturevalue(case)
    doc = rendered.document
    rendered.assert_contains(
        *_answered_values(doc),
        rendered.reference,
        KIND_LABELS[rendered.kind],
        ORGANISATIE_TYPE_LABELS[doc["organisatie"]["type"]],
        *(BEHEERAUTORISATIE_LABELS[code] for code in doc["beheerautorisaties"]),
        "1 Gegevens organisatie",
        "2 Gegevens beheerder",
        "3 Beheerautorisaties",
        "4 Intrekken beheeraccount",
        "5 Ondertekening bevoegd gezag",
        "Ingediend op 15 januari 2026 om 14:04",
    )


def test_aanmelding_shows_the_school_in_the_forms_words(aanmelding: Rendered) -> None:
    aanmelding.assert_contains(
        "Aanmelding en wijziging Mijn DUO met eHerkenning (beheerder)",
        "Referentie MDZ-AAN1-0001",
        "Soort aanvraag Aanmelding",
        "1.1 Type organisatie Onderwijsinstelling",
        "Brincode (instellingscode) 05KO",
        "Bestuursnummer 40169",
        "KvK-nummer 41002315",
        "Straat en huisnummer Kerkstraat 12a",
        "Postcode en woonplaats 9700 VB Groningen",
        "Telefoon +31505998440",
        "E-mail j.devries@obs-delinde.nl",
        "Hebt u al een Mijn DUO Zakelijk account? Nee",
        "voor de dienst “Mijn DUO”? Ja",
        "Beheerder PO (Primair Onderwijs)",
        "Beheerder RIO Algemeen",
        "Anders, namelijk: Beheerder Schoolkassa",
        "Ik wil mijn beheeraccount intrekken Nee",
        "Plaats en datum Haren, 15 januari 2026",
        "Akkoord met de Gebruiksvoorwaarden Mijn DUO Ja",
        "Digitaal ondertekend door Arend Jansen (Voorzitter college van bestuur) "
        "op 15 januari 2026 om 14:10 met eHerkenning niveau 3 (EH3).",
    )
    # Numbers that were not filled in have no row; no change lists for an aanmelding;
    # section 4's outcomes only for an intrekking; no stored code instead of its label.
    aanmelding.assert_lacks(
        "Gemeentecode",
        "Crediteurnummer",
        "Toegevoegd",
        "Verwijderd",
        "DUO verwijdert",
        "Serienummer tokengenerator",
        "Nog niet ondertekend",
        "met EH3",
        "rio_algemeen",
        "onderwijsinstelling",
        "Beheerder VO",
        "MDZ-WIJ2-0002",
    )


def test_wijziging_lists_what_is_added_and_removed(wijziging: Rendered) -> None:
    assert wijziging.kind == Kind.WIJZIGING
    assert wijziging.added == ("rio_algemeen", "anders")
    assert wijziging.removed == ("vo",)
    wijziging.assert_contains(
        "Soort aanvraag Wijziging",
        "Toegevoegd • Beheerder RIO Algemeen • Anders, namelijk: Beheerder Schoolkassa Verwijderd "
        "• Beheerder VO (Voortgezet Onderwijs)",
    )
    # PO was held and stays: it is in the desired set, in neither change list.
    text = wijziging.text
    changes = text[text.index("Toegevoegd") : text.index("4 Intrekken")]
    assert "Beheerder PO" not in changes


def test_intrekking_keeping_the_account_removes_only_the_role(
    intrekking_blijft: Rendered,
) -> None:
    intrekking_blijft.assert_contains(
        "Soort aanvraag Intrekking",
        "Ik wil mijn beheeraccount intrekken Ja",
        "Wilt u uw account blijven gebruiken als gebruiker? Ja",
        "DUO verwijdert uw beheerdersrol",
        "Serienummer tokengenerator TG12345678",
        # What the beheerder holds now is shown as removed.
        "Verwijderd • Beheerder PO (Primair Onderwijs) • Beheerder VO (Voortgezet Onderwijs)",
    )
    intrekking_blijft.assert_lacks("DUO verwijdert uw account", "tokengenerator terug")


def test_intrekking_leaving_deletes_the_account_and_asks_for_the_token(
    intrekking_weg: Rendered,
) -> None:
    intrekking_weg.assert_contains(
        "Wilt u uw account blijven gebruiken als gebruiker? Nee",
        "DUO verwijdert uw account. Stuur uw tokengenerator terug naar DUO SSD, "
        "Antwoordnummer 199, 9700 VB Groningen",
        "Verwijderd • Beheerder HO (Hoger Onderwijs)",
    )
    intrekking_weg.assert_lacks("DUO verwijdert uw beheerdersrol", "Serienummer tokengenerator")


def test_gemeente_shows_its_gemeentecode_and_is_not_yet_signed(gemeente: Rendered) -> None:
    gemeente.assert_contains(
        "1.1 Type organisatie Gemeente",
        "1.2 Gemeentecode 0014",
        "KvK-nummer 01176345",
        "Telefoon +31612345678",
        "Hebt u al een Mijn DUO Zakelijk account? Ja",
        "3.1 Gewenste beheerautorisaties voor Mijn DUO Zakelijk • Beheerder Gemeente",
        "Functie Gemeentesecretaris",
        "Plaats en datum Groningen, 1 december 2025",
        "Nog niet ondertekend",
    )
    gemeente.assert_lacks("Brincode", "Bestuursnummer", "Digitaal ondertekend", "GM0014")


def test_other_organisation_type_shows_what_was_written() -> None:
    raw = {
        **SCHOOL,
        "organisatie": {
            **{k: v for k, v in SCHOOL["organisatie"].items() if k not in {"brincode"}},
            "type": "anders",
            "typeAnders": "Examenbureau",
            "nummerAnders": "EXB-77",
        },
        "beheerautorisaties": ["bop", "owp", "bow"],
        "beheerautorisatieAnders": "",
    }
    rendered = _render(raw, "MDZ-AND6-0006")
    rendered.assert_contains(
        "Type organisatie Anders, namelijk: Examenbureau",
        "Anders, namelijk EXB-77",
        "Beheerder BOP",
        "Beheerder OWP",
        "Beheerder BOW (Blik-op-werk)",
    )


def test_text_is_escaped_not_interpreted_as_html() -> None:
    raw = {**SCHOOL, "organisatie": {**SCHOOL["organisatie"], "naam": "<b>De & Linde</b>"}}
    _render(raw, "MDZ-ESC7-0007").assert_contains("<b>De & Linde</b>")


def test_times_are_shown_in_amsterdam_also_in_summer() -> None:
    assert format_datetime_nl(datetime(2026, 7, 1, 22, 30, tzinfo=UTC)) == "2 juli 2026 om 00:30"
    assert format_datetime_nl(SUBMITTED) == "15 januari 2026 om 14:04"


def test_a_naive_datetime_or_an_unknown_kind_is_refused() -> None:
    doc = validate(SCHOOL, today=TODAY).document
    with pytest.raises(ValueError, match="timezone-aware"):
        render_application_pdf(
            document=doc,
            reference="MDZ-X",
            kind="aanmelding",
            submitted_at=datetime(2026, 1, 15, 13, 4),  # naive on purpose
            signature=None,
        )
    with pytest.raises(ValueError, match="unknown kind"):
        render_application_pdf(
            document=doc, reference="MDZ-X", kind="aanvraag", submitted_at=SUBMITTED, signature=None
        )


def test_login_levels_are_spelled_out() -> None:
    assert inlogniveau_label("EH3") == "eHerkenning niveau 3 (EH3)"
    assert inlogniveau_label("eh4") == "eHerkenning niveau 4 (EH4)"
    assert inlogniveau_label("eIDAS substantieel") == "eIDAS substantieel"


def test_every_code_has_a_dutch_label() -> None:
    assert set(BEHEERAUTORISATIE_LABELS) == {c.value for c in Beheerautorisatie}
    assert set(ORGANISATIE_TYPE_LABELS) == {t.value for t in OrganisatieType}
    assert set(KIND_LABELS) == {k.value for k in Kind}
    # In the form's order (section 3.1), so the PDF lists them as the paper does.
    assert list(BEHEERAUTORISATIE_LABELS) == [c.value for c in Beheerautorisatie]


# ---------------------------------------------------------------------------
# Structure: tagged PDF/UA-1 with language and title


@pytest.mark.parametrize("case", ALL)
def test_pdf_is_tagged_with_language_and_title(case: str, request: pytest.FixtureRequest) -> None:
    rendered: Rendered = request.getfixturevalue(case)
    with pikepdf.open(io.BytesIO(rendered.pdf)) as pdf:
        root = pdf.Root
        assert str(root.Lang).startswith("nl")
        assert bool(root.MarkInfo.Marked) is True
        tree = root.StructTreeRoot
        assert len(tree.K) > 0
        document = tree.K[0]
        assert document.S == "/Document"
        kinds = _structure_types(document)
        assert {"/H1", "/H2", "/Sect", "/Table", "/TH", "/TD", "/L", "/LI"} <= kinds
        assert str(pdf.docinfo.Title).endswith(f"– {rendered.reference}")
        with pdf.open_metadata() as xmp:
            assert rendered.reference in str(xmp["dc:title"])
            assert str(xmp["pdfuaid:part"]) == "1"
        assert root.ViewerPreferences.DisplayDocTitle
        assert pdf.pdf_version == "1.7"
        # Fonts are embedded (subsets of DejaVu Sans), none left to the reader.
        fonts = {
            str(font.BaseFont): "/FontFile2" in font.DescendantFonts[0].FontDescriptor
            for page in pdf.pages
            for font in page.Resources.Font.values()
        }
        assert fonts
        assert all(re.fullmatch(r"/[A-Z]{6}\+DejaVu-Sans(-Bold)?", name) for name in fonts)
        assert all(fonts.values())


def _structure_types(element: Any, seen: set[str] | None = None) -> set[str]:
    seen = set() if seen is None else seen
    if isinstance(element, pikepdf.Dictionary) and "/S" in element:
        seen.add(str(element.S))
        kids = element.get("/K")
        if isinstance(kids, pikepdf.Array):
            for kid in kids:
                _structure_types(kid, seen)
        elif kids is not None:
            _structure_types(kids, seen)
    return seen


def test_rows_are_headed_by_their_field_label(aanmelding: Rendered) -> None:
    """Each answer cell points to its row header, so a screen reader names the field."""
    with pikepdf.open(io.BytesIO(aanmelding.pdf)) as pdf:
        cells = [
            obj
            for obj in pdf.objects
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/TD"
        ]
        assert len(cells) >= 20
        assert all(len(cell.A.Headers) == 1 for cell in cells)


def test_rendering_logs_no_weasyprint_errors(caplog: pytest.LogCaptureFixture) -> None:
    """WeasyPrint reports PDF/UA problems (no lang, image without alt) as errors."""
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        _render(GEMEENTE, "MDZ-LOG8-0008")
    problems = [r for r in caplog.records if r.name.startswith("weasyprint")]
    assert problems == []


def test_rendering_works_from_several_threads() -> None:
    doc = validate(GEMEENTE, today=TODAY).document

    def render(i: int) -> str:
        pdf = render_application_pdf(
            document=doc,
            reference=f"MDZ-THR{i}-0000",
            kind="aanmelding",
            submitted_at=SUBMITTED,
            signature=None,
        )
        return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)

    with ThreadPoolExecutor(max_workers=2) as pool:
        texts = list(pool.map(render, range(4)))
    for i, text in enumerate(texts):
        assert f"MDZ-THR{i}-0000" in text
