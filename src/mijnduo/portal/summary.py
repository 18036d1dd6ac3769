"""The answers in plain words, per section of the form (check, status and signing pages)."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import questions as Q
from . import texts


@dataclass(frozen=True, slots=True)
class Row:
    label: Promise
    value: Any
    step: str
    html_id: str

    @property
    def items(self) -> list[Any] | None:
        """The answer as a list (beheerautorisaties), or None for a single value."""
        return self.value if isinstance(self.value, list) else None


@dataclass(frozen=True, slots=True)
class Section:
    number: str
    title: Promise
    step: str
    rows: list[Row]


# Made once: the pages keep what a lazy text renders to per language, by the object.
YES = _("Yes")
NO = _("No")


def _display(question: Q.Question, value: Any) -> Any:
    if value in (None, "", []):
        return ""
    if question.widget == "yesno":
        return YES if value is True else NO if value is False else str(value)
    if question.path == "intrekking.intrekken":
        return YES if value is True else NO
    if question.path == "organisatie.type":
        return texts.ORGANISATIE_TYPES.get(str(value), str(value))
    if question.widget == "checkboxes" and isinstance(value, list):
        return [texts.beheerautorisatie_label(str(code)) for code in value]
    return value


def _value(normalised: Mapping[str, Any], raw: Mapping[str, Any], path: str) -> Any:
    section, _dot, key = path.partition(".")
    for source in (normalised, raw):
        holder = source.get(section) if key else source
        if isinstance(holder, Mapping):
            value = holder.get(key or section)
            if value not in (None, ""):
                return value
    return None


def answers_summary(normalised: Mapping[str, Any], raw: Mapping[str, Any]) -> list[Section]:
    """Every question with its answer (normalised where the validator could)."""
    sections = []
    for step in Q.STEPS:
        rows = []
        for question in step.questions:
            value = _value(normalised, raw, question.path)
            # Asked of the answer, not of what it is shown as: comparing a shown "Yes"
            # (a lazy translation) with "" would look its text up each time.
            if value in (None, "", []) and question.widget not in ("yesno", "locked"):
                continue  # unanswered optional questions would only add noise
            rows.append(Row(question.label, _display(question, value), step.slug, question.html_id))
        sections.append(Section(step.number, step.title, step.slug, rows))
    return sections
