"""What a check returns, and what it is given."""

from dataclasses import dataclass, field
from typing import Any

from django.utils import translation

from mijnduo.applications.models import Application, SignatureRecord

from ..constants import CheckCode, CheckOutcome


@dataclass(frozen=True, slots=True)
class Finding:
    """A sentence for the reader: a key in checks.messages and its parameters."""

    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"message": self.message, "params": self.params}


@dataclass(frozen=True, slots=True)
class CheckOutput:
    code: CheckCode
    outcome: CheckOutcome
    findings: tuple[Finding, ...] = ()
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CheckContext:
    application: Application
    signature: SignatureRecord | None
    has_kvk_uittreksel: bool

    @property
    def document(self) -> dict[str, Any]:
        return self.application.document

    @property
    def organisatie(self) -> dict[str, Any]:
        return self.application.document.get("organisatie") or {}

    @property
    def ondertekening(self) -> dict[str, Any]:
        return self.application.document.get("ondertekening") or {}


def in_both_languages(render: Any) -> dict[str, str]:
    """Text produced by another module in the active language, kept in Dutch and
    English, so the page shows it in the reader's language later."""
    texts = {}
    for language in ("nl", "en"):
        with translation.override(language):
            texts[language] = str(render())
    return texts
