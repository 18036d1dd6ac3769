"""Response bodies of the API (Dutch lowerCamelCase names, form.md §4)."""

from typing import Any

from mijnduo.aanvraag.validator import ValidationResult

from ..models import Application


def changes_body(
    added: list[str] | tuple[str, ...], removed: list[str] | tuple[str, ...]
) -> dict[str, Any]:
    return {"toegevoegd": list(added), "verwijderd": list(removed)}


def validation_body(result: ValidationResult) -> dict[str, Any]:
    change = result.change_set
    return {
        "geldig": True,
        "soort": result.kind.value if result.kind else None,
        "wijzigingen": changes_body(
            change.added if change else (), change.removed if change else ()
        ),
        "document": result.document,
    }


def submitted_body(application: Application) -> dict[str, Any]:
    return {
        "referentie": application.reference,
        "status": application.status,
        "soort": application.kind,
        "kanaal": application.channel,
        "ingediendOp": application.created_at.isoformat(),
        "wijzigingen": changes_body(application.added, application.removed),
    }


def application_body(application: Application) -> dict[str, Any]:
    return {
        **submitted_body(application),
        "document": application.document,
        "ingediendDocument": application.submitted_document,
        "historie": [
            {
                "op": change.at.isoformat(),
                "van": change.from_status or None,
                "naar": change.to_status,
                # Only the kind of actor: who exactly acted is in the audit trail.
                "door": change.actor.partition(":")[0],
                "reden": change.reason,
            }
            for change in application.history.all()
        ],
    }
