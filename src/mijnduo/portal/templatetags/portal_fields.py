"""Form fields as HTML, built in Python.

A page has up to fifteen fields; rendering each through an included template made
the form pages cost about 7 ms of CPU each (docs/performance.md). The markup is the
same as before: a label, the hint and the error message, linked to the input with
aria-describedby, and aria-invalid on an input in error.

The HTML is joined with f-strings around one escaping function, ``_e``, rather than
``format_html``: that one checks every argument for lazy strings and escapes it
through two wrappers, which cost about half of a field (docs/performance.md). ``_e``
gives the same text as Django's ``conditional_escape``.
"""

import html
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from mijnduo.portal.questions import BoundQuestion
from mijnduo.portal.summary import Section

register = template.Library()


def _e(value: Any) -> str:
    """``value`` as HTML text: escaped, unless it is already HTML (a SafeString)."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return html.escape(str(value))


def _safe(markup: str) -> SafeString:
    """Markup built here, in which every value went through ``_e`` (tests/portal
    test_field_markup.py tries quotes, ``<``, ``&`` and HTML in every value)."""
    return mark_safe(markup)  # noqa: S308


def _described_by(bound: BoundQuestion) -> str:
    ids = []
    if bound.question.hint:
        ids.append(f"{bound.html_id}-hint")
    if bound.problems:
        ids.append(f"{bound.html_id}-error")
    return f' aria-describedby="{_e(" ".join(ids))}"' if ids else ""


def _hint(bound: BoundQuestion) -> str:
    if not bound.question.hint:
        return ""
    return f'<p class="hint" id="{_e(bound.html_id)}-hint">{_e(bound.question.hint)}</p>'


def _errors(bound: BoundQuestion) -> str:
    if not bound.problems:
        return ""
    # One element with one id, however many rules fail on this field.
    reasons = " ".join(_e(p.reason) for p in bound.problems)
    return (
        f'<p class="field__error" id="{_e(bound.html_id)}-error"><span class="visually-hidden">'
        f"{_e(gettext('Error:'))} </span>{reasons}</p>"
    )


def _wrapper_class(bound: BoundQuestion) -> str:
    return "field field--error" if bound.problems else "field"


@register.simple_tag
def text_field(bound: BoundQuestion, data_types: str = "", optional: bool = False) -> SafeString:
    question = bound.question
    html_id = _e(bound.html_id)
    types = f' data-types="{_e(data_types)}"' if data_types else ""
    optional_note = (
        f' <span class="optional">({_e(gettext("optional"))})</span>' if optional else ""
    )
    value = "" if bound.value is None else _e(bound.value)
    spellcheck = ' spellcheck="false"' if question.widget == "email" else ""
    invalid = ' aria-invalid="true"' if bound.problems else ""
    return _safe(
        f'<div class="{_wrapper_class(bound)}"{types}>'
        f'<label class="utrecht-form-label" for="{html_id}">{_e(question.label)}{optional_note}'
        f"</label>{_hint(bound)}{_errors(bound)}"
        f'<input class="utrecht-textbox" type="{_e(question.widget)}" id="{html_id}"'
        f' name="{_e(question.path)}" value="{value}" maxlength="{_e(question.max_length)}"'
        f' autocomplete="{_e(question.autocomplete)}"{spellcheck}{invalid}'
        f"{_described_by(bound)}></div>"
    )


def _choices_field(bound: BoundQuestion, options: list[tuple[str, str, str]]) -> SafeString:
    """A fieldset of radio buttons: options are (value, label, extra text)."""
    current = bound.checked if bound.question.widget == "yesno" else bound.value
    if bound.question.path == "intrekking.intrekken":
        current = bound.checked or "nee"
    name = _e(bound.question.path)
    radios = []
    for index, (value, label, extra) in enumerate(options):
        input_id = _e(bound.html_id if index == 0 else f"{bound.html_id}-{value}")
        checked = " checked" if value == current else ""
        extra_text = f" – {_e(extra)}" if extra else ""
        radios.append(
            f'<div class="choice"><input type="radio" id="{input_id}" name="{name}"'
            f' value="{_e(value)}"{checked}> <label for="{input_id}">{_e(label)}{extra_text}'
            "</label></div>"
        )
    return _safe(
        f'<div class="{_wrapper_class(bound)}"><fieldset class="utrecht-form-fieldset"'
        f'{_described_by(bound)}><legend class="utrecht-form-fieldset__legend">'
        f"{_e(bound.question.label)}</legend>{_hint(bound)}{_errors(bound)}"
        f"{''.join(radios)}</fieldset></div>"
    )


@register.simple_tag
def yesno_field(bound: BoundQuestion, yes_text: str = "", no_text: str = "") -> SafeString:
    return _choices_field(
        bound, [("ja", gettext("Yes"), yes_text), ("nee", gettext("No"), no_text)]
    )


@register.simple_tag
def radio_field(bound: BoundQuestion) -> SafeString:
    return _choices_field(bound, [(v, str(label), "") for v, label in bound.question.choices])


@register.simple_tag
def checkbox_fieldset(bound: BoundQuestion, choices: list[tuple[str, str, str]]) -> SafeString:
    """A fieldset of checkboxes, each with its own explanation: choices are
    (value, label, description). The first box carries the field's id, so the error
    summary's link lands on it."""
    selected = bound.selected
    name = _e(bound.question.path)
    boxes = []
    for index, (code, label, description) in enumerate(choices):
        input_id = _e(bound.html_id if index == 0 else f"{bound.html_id}-{code}")
        code_text = _e(code)
        checked = " checked" if code in selected else ""
        boxes.append(
            f'<div class="choice--described"><div class="choice">'
            f'<input type="checkbox" id="{input_id}" name="{name}" value="{code_text}"{checked}'
            f' aria-describedby="uitleg-{code_text}"><label for="{input_id}">{_e(label)}</label>'
            f'</div><p class="hint" id="uitleg-{code_text}">{_e(description)}</p></div>'
        )
    html_id = _e(bound.html_id)
    described_by = f"{html_id}-hint" + (f" {html_id}-error" if bound.problems else "")
    return _safe(
        f'<div class="{_wrapper_class(bound)}"><fieldset class="utrecht-form-fieldset"'
        f' aria-describedby="{described_by}">'
        f'<legend class="utrecht-form-fieldset__legend">{_e(bound.question.label)}</legend>'
        f'<p class="hint" id="{html_id}-hint">{_e(bound.question.hint)}</p>{_errors(bound)}'
        f"{''.join(boxes)}</fieldset></div>"
    )


@register.simple_tag
def answer_list(section: Section, change_url: str = "") -> SafeString:
    """A section's answers as a description list; with ``change_url`` each answer
    links to its field on that step's page. Built in Python: the check page lists
    some thirty answers (docs/performance.md)."""
    change = _e(gettext("Change"))
    url = _e(change_url)
    rows = []
    for row in section.rows:
        label = _e(row.label)
        items = row.items
        if items is not None:
            value = "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"
        else:
            value = _e(row.value or "–")  # as the template's |default:"–"
        link = (
            f' <a href="{url}#{_e(row.html_id)}">{change}'
            f'<span class="visually-hidden"> {label}</span></a>'
            if change_url
            else ""
        )
        rows.append(f"<div><dt>{label}</dt><dd>{value}{link}</dd></div>")
    return _safe(f'<dl class="summary-list">{"".join(rows)}</dl>')
