"""The filled-in form as a tagged PDF (PDF/UA-1), laid out like DUO's paper form.

:func:`render_application_pdf` is pure: it reads nothing from the database and
writes nothing; it turns a normalised canonical document (form.md §1) and what the
caller knows about the submission into PDF bytes. The HTML comes from the Django
template ``documents/application_pdf.html``; WeasyPrint lays it out and tags it
(structure tree, ``/Lang`` from ``<html lang="nl">``, title from ``<title>``).

WeasyPrint's font configuration and the parsed stylesheet are built once per thread
and reused: building a ``FontConfiguration`` loads fontconfig's whole font list, which
costs more than laying out this form. They are per thread because WeasyPrint (and
Pango behind it) makes no promise about sharing them between threads.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string

from mijnduo.aanvraag.constants import Kind, OrganisatieType
from mijnduo.aanvraag.validator import empty_document

from .labels import (
    BEHEERAUTORISATIE_LABELS,
    FORM_TITLE,
    INTREKKING_GEVOLG,
    KIND_LABELS,
    MAANDEN,
    ORGANISATIE_TYPE_LABELS,
    ORGANISATIENUMMER_LABELS,
    beheerautorisatie_label,
    inlogniveau_label,
)

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TEMPLATE = "documents/application_pdf.html"
STYLESHEET = Path(__file__).resolve().parent / "templates" / "documents" / "application_pdf.css"
PDF_VARIANT = "pdf/ua-1"


@dataclass(frozen=True)
class SignatureRecord:
    """Who signed the submission, when, and with which login level."""

    naam: str
    functie: str
    signed_at: datetime
    level: str  # "EH3", or a full text such as "eHerkenning niveau 3 (EH3)"


def format_datetime_nl(moment: datetime) -> str:
    """``27 november 2026 om 14:05`` in Europe/Amsterdam; naive datetimes are refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a timezone-aware datetime is needed, not a naive one")
    local = moment.astimezone(AMSTERDAM)
    return f"{format_date_nl(local.date())} om {local:%H:%M}"


def format_date_nl(value: date | str | None) -> str:
    """``15 januari 2026``; an ISO string is parsed, any other text is shown as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return value
    else:
        day = value.date() if isinstance(value, datetime) else value
    return f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def _ja_nee(value: object) -> str:
    if value is True:
        return "Ja"
    if value is False:
        return "Nee"
    return ""


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _joined(*parts: object) -> str:
    return " ".join(text for part in parts if (text := _text(part).strip()))


def _normalised(document: Mapping[str, Any]) -> dict[str, Any]:
    """The document over the empty shape, so absent keys read as "not filled in"."""
    doc = empty_document()
    for key, value in document.items():
        if isinstance(doc.get(key), dict) and isinstance(value, Mapping):
            doc[key].update(value)
        elif key in doc:
            doc[key] = value
    if not isinstance(doc["beheerautorisaties"], list | tuple):
        doc["beheerautorisaties"] = []
    return doc


def build_context(
    *,
    document: Mapping[str, Any],
    reference: str,
    kind: str,
    submitted_at: datetime,
    signature: SignatureRecord | None,
    added: Iterable[str] = (),
    removed: Iterable[str] = (),
) -> dict[str, Any]:
    """The template context: every value already in the words the paper form uses."""
    if kind not in KIND_LABELS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {sorted(KIND_LABELS)}")
    doc = _normalised(document)
    org, beheerder = doc["organisatie"], doc["beheerder"]
    intrekking, ondertekening = doc["intrekking"], doc["ondertekening"]
    anders = _text(doc["beheerautorisatieAnders"])

    org_type = _text(org["type"])
    type_label = ORGANISATIE_TYPE_LABELS.get(org_type, org_type)
    if org_type == OrganisatieType.ANDERS and org["typeAnders"]:
        type_label = f"{type_label}: {org['typeAnders']}"

    intrekken = intrekking["intrekken"] is True
    blijft = intrekking["blijftGebruiker"]
    signed = None
    if signature is not None:
        signed = {
            "naam": signature.naam,
            "functie": signature.functie,
            "moment": format_datetime_nl(signature.signed_at),
            "level": inlogniveau_label(signature.level),
        }
    added, removed = list(added), list(removed)
    title = f"{FORM_TITLE} – {reference}"
    return {
        "title": title,
        "form_title": FORM_TITLE,
        "reference": reference,
        "kind": kind,
        "kind_label": KIND_LABELS[kind],
        "submitted_at": format_datetime_nl(submitted_at),
        "created_w3c": submitted_at.astimezone(AMSTERDAM).isoformat(timespec="seconds"),
        "organisatie": {
            "type": type_label,
            "nummers": [
                (label, _text(org[key]))
                for key, label in ORGANISATIENUMMER_LABELS.items()
                if org.get(key)
            ],
            "naam": _text(org["naam"]),
            "adres": _joined(org["straat"], org["huisnummer"]),
            "plaats": _joined(org["postcode"], org["woonplaats"]),
        },
        "beheerder": {
            "naam": _text(beheerder["naam"]),
            "functie": _text(beheerder["functie"]),
            "telefoon": _text(beheerder["telefoon"]),
            "email": _text(beheerder["email"]),
            "account": _ja_nee(beheerder["heeftMijnDuoZakelijkAccount"]),
            "eherkenning": _ja_nee(beheerder["heeftEherkenningNiveau3"]),
            "eherkenning_ontbreekt": beheerder["heeftEherkenningNiveau3"] is False,
        },
        "autorisaties": [beheerautorisatie_label(c, anders) for c in doc["beheerautorisaties"]],
        "show_changes": kind == Kind.WIJZIGING or bool(added or removed),
        "toegevoegd": [beheerautorisatie_label(c, anders) for c in added],
        "verwijderd": [BEHEERAUTORISATIE_LABELS.get(c, c) for c in removed],
        "intrekking": {
            "intrekken": intrekken,
            "blijft_gebruiker": _ja_nee(blijft) if intrekken else "",
            "gevolg": INTREKKING_GEVOLG.get(blijft, "") if intrekken else "",
            "serienummer": _text(intrekking["serienummerTokengenerator"]),
        },
        "ondertekening": {
            "naam": _text(ondertekening["naam"]),
            "functie": _text(ondertekening["functie"]),
            "email": _text(ondertekening["email"]),
            "plaats": _text(ondertekening["plaats"]),
            "datum": format_date_nl(ondertekening["datum"]),
            "akkoord": ondertekening["akkoordGebruiksvoorwaarden"],
        },
        "signature": signed,
    }


def render_application_html(
    *,
    document: Mapping[str, Any],
    reference: str,
    kind: str,
    submitted_at: datetime,
    signature: SignatureRecord | None,
    added: Iterable[str] = (),
    removed: Iterable[str] = (),
) -> str:
    """The HTML that :func:`render_application_pdf` lays out."""
    context = build_context(
        document=document,
        reference=reference,
        kind=kind,
        submitted_at=submitted_at,
        signature=signature,
        added=added,
        removed=removed,
    )
    return render_to_string(TEMPLATE, context)


class _WeasyPrintState(threading.local):
    """Per thread: one font configuration and the stylesheet parsed against it."""

    font_config: Any = None
    stylesheet: Any = None


_state = _WeasyPrintState()


def _weasyprint_state() -> tuple[Any, Any]:
    if _state.font_config is None:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        font_config = FontConfiguration()
        _state.stylesheet = CSS(
            string=STYLESHEET.read_text(encoding="utf-8"), font_config=font_config
        )
        _state.font_config = font_config
    return _state.font_config, _state.stylesheet


def render_application_pdf(
    *,
    document: dict[str, Any],
    reference: str,
    kind: str,
    submitted_at: datetime,
    signature: SignatureRecord | None,
    added: Iterable[str] = (),
    removed: Iterable[str] = (),
) -> bytes:
    """The filled-in form as a tagged PDF/UA-1 document, in Dutch.

    ``document`` is the normalised canonical document (``datum`` may be an ISO
    string); ``kind`` is aanmelding, wijziging or intrekking; ``added``/``removed``
    are beheerautorisatie codes (shown for a wijziging). Datetimes must be aware;
    they are shown in Europe/Amsterdam.
    """
    from weasyprint import HTML

    html = render_application_html(
        document=document,
        reference=reference,
        kind=kind,
        submitted_at=submitted_at,
        signature=signature,
        added=added,
        removed=removed,
    )
    font_config, stylesheet = _weasyprint_state()
    pdf = HTML(string=html).write_pdf(
        pdf_variant=PDF_VARIANT,
        stylesheets=[stylesheet],
        font_config=font_config,
    )
    if not isinstance(pdf, bytes):  # write_pdf() without a target returns the bytes
        raise TypeError(f"WeasyPrint returned {type(pdf).__name__}, not bytes")
    return pdf
