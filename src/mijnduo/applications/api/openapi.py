"""OpenAPI schemas derived from the document's field table (aanvraag/fields.py)."""

from typing import Any

from mijnduo.aanvraag import fields as F
from mijnduo.aanvraag.constants import Beheerautorisatie, ErrorCode, Kind
from mijnduo.applications.constants import Channel, Status


def _field_schema(spec: F.Field) -> dict[str, Any]:
    if spec.kind == "bool":
        schema: dict[str, Any] = {"type": "boolean", "nullable": True}
    elif spec.kind == "codes":
        schema = {
            "type": "array",
            "items": {"type": "string", "enum": [b.value for b in Beheerautorisatie]},
            "maxItems": 40,
        }
    else:
        schema = {"type": "string", "maxLength": spec.max_length, "nullable": True}
    schema["description"] = str(spec.label)
    if spec.example is not None:
        schema["example"] = spec.example
    return schema


def _section_schema(specs: dict[str, F.Field]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {key: _field_schema(spec) for key, spec in specs.items()},
    }


def document_schema() -> dict[str, Any]:
    """The canonical document (form.md §1). Rules beyond shape are in the 400 answer."""
    properties: dict[str, Any] = {
        section: _section_schema(specs) for section, specs in F.SECTIONS.items()
    }
    properties.update({key: _field_schema(spec) for key, spec in F.TOP_LEVEL.items()})
    return {
        "type": "object",
        "additionalProperties": False,
        "description": "Aanmelding en wijziging Mijn DUO met eHerkenning (beheerder).",
        "properties": properties,
    }


WIJZIGINGEN_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "toegevoegd": {"type": "array", "items": {"type": "string"}},
        "verwijderd": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["toegevoegd", "verwijderd"],
}

VALIDATION_OK_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "geldig": {"type": "boolean", "enum": [True]},
        "soort": {"type": "string", "enum": [k.value for k in Kind]},
        "wijzigingen": WIJZIGINGEN_SCHEMA,
        "document": {"type": "object", "description": "The normalised document."},
    },
    "required": ["geldig", "soort", "wijzigingen", "document"],
}

SUBMITTED_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "referentie": {"type": "string", "pattern": "^MDZ-[0-9A-Z]{4}-[0-9A-Z]{4}$"},
        "status": {"type": "string", "enum": Status.values},
        "soort": {"type": "string", "enum": [k.value for k in Kind]},
        "kanaal": {"type": "string", "enum": Channel.values},
        "ingediendOp": {"type": "string", "format": "date-time"},
        "wijzigingen": WIJZIGINGEN_SCHEMA,
    },
    "required": ["referentie", "status", "soort", "kanaal", "ingediendOp", "wijzigingen"],
}

APPLICATION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        **SUBMITTED_SCHEMA["properties"],
        "document": {"type": "object", "description": "The normalised document."},
        "ingediendDocument": {"type": "object", "description": "The document as received."},
        "historie": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "op": {"type": "string", "format": "date-time"},
                    "van": {"type": "string", "nullable": True},
                    "naar": {"type": "string"},
                    "door": {"type": "string"},
                    "reden": {"type": "string"},
                },
                "required": ["op", "van", "naar", "door", "reden"],
            },
        },
    },
    "required": [*SUBMITTED_SCHEMA["required"], "document", "ingediendDocument", "historie"],
}

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "RFC 9457 problem details.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string", "example": "organisatie.bestuursnummer"},
                    "code": {"type": "string", "enum": [c.value for c in ErrorCode]},
                    "reason": {"type": "string"},
                },
                "required": ["name", "code", "reason"],
            },
        },
    },
    "required": ["type", "title", "status"],
}

ATTACHMENT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "naam": {"type": "string", "maxLength": 30},
        "mediaType": {"type": "string", "enum": ["application/pdf", "image/png", "image/jpeg"]},
        "grootte": {"type": "integer", "description": "Bytes."},
        "sha256": {"type": "string"},
    },
    "required": ["naam", "mediaType", "grootte", "sha256"],
}
