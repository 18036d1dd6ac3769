"""Form fields, the list of answers and the steps' navigation as HTML, built in Python.

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
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from mijnduo.portal.markup.urls import current_site, url_in_site
from mijnduo.portal.questions import STEPS, BoundQuestion, Question
from mijnduo.portal.summary import Section

T = TypeVar("T")

# Texts used inside f-strings are named here: xgettext does not look inside f-strings.
CHANGE = _("Change")
ERROR = _("Error:")
OPTIONAL = _("optional")
CHECK_AND_SIGN = _("Check and sign")
STEPS_OF_THE_FORM = _("Steps of the form")


def _e(value: Any) -> str:
    """``value`` as HTML text: escaped, unless it is already HTML (a SafeString)."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return html.escape(str(value))


def _safe(markup: str) -> SafeString:
    """Markup built here, in which every value went through ``_e`` (tests/portal
    test_field_markup.py tries quotes, ``<``, ``&`` and HTML in every value)."""
    return mark_safe(markup)  # noqa: S308


# --- what is the same on every page in one language, made once per language ----------

_MADE_AT_MOST = 512  # entries; more means something passes fresh objects: start again
_made: dict[tuple[int, Hashable, str | None], tuple[object, object, object, Any]] = {}


def _once_per_language(
    source: object,
    variant: Hashable,
    make: Callable[[], T],
    language: str | None,
    keep: object = None,
) -> T:
    """``make()``, which depends only on ``source``, ``variant`` and the ``language``
    (the current one: a tag looks it up once, it is a context-local).

    A question's label and hint are lazy translations: each use looks the text up
    again, and a field used them up to four times (about half of a field's cost,
    docs/performance.md). The entry holds ``source`` and ``keep`` (an object whose id
    is part of ``variant``), so their ids stay their own while the entry exists."""
    key = (id(source), variant, language)
    made = _made.get(key)
    if made is None:
        if len(_made) >= _MADE_AT_MOST:
            _made.clear()
        made = _made[key] = (source, variant, keep, make())
    return made[3]


def _text(value: Any, language: str | None) -> str:
    """``_e(value)``; for a lazy translation (a label, a title, "Yes") made once per
    language, since each use of one looks its text up again."""
    if isinstance(value, Promise):
        return _once_per_language(value, "text", lambda: _e(value), language)
    return _e(value)


@dataclass(frozen=True, slots=True)
class _Fixed:
    """A question's own markup in one language, escaped."""

    html_id: str
    label: str
    hint: str  # the hint paragraph, or ""


def _fixed(question: Question, language: str | None) -> _Fixed:
    def make() -> _Fixed:
        html_id = _e(question.html_id)
        hint = (
            f'<p class="hint" id="{html_id}-hint">{_e(question.hint)}</p>' if question.hint else ""
        )
        return _Fixed(html_id, _e(question.label), hint)

    return _once_per_language(question, "fixed", make, language)


def _described_by(fixed: _Fixed, bound: BoundQuestion) -> str:
    ids = []
    if fixed.hint:
        ids.append(f"{fixed.html_id}-hint")
    if bound.problems:
        ids.append(f"{fixed.html_id}-error")
    return f' aria-describedby="{" ".join(ids)}"' if ids else ""


def _errors(fixed: _Fixed, bound: BoundQuestion) -> str:
    if not bound.problems:
        return ""
    # One element with one id, however many rules fail on this field.
    reasons = " ".join(_e(p.reason) for p in bound.problems)
    return (
        f'<p class="field__error" id="{fixed.html_id}-error"><span class="visually-hidden">'
        f"{_text(ERROR, get_language())} </span>{reasons}</p>"
    )


def _wrapper_class(bound: BoundQuestion) -> str:
    return "field field--error" if bound.problems else "field"


def text_field(bound: BoundQuestion, data_types: str = "", optional: bool = False) -> SafeString:
    question = bound.question
    language = get_language()
    fixed = _fixed(question, language)

    def make_input() -> tuple[str, str]:
        spellcheck = ' spellcheck="false"' if question.widget == "email" else ""
        return (
            f'<input class="utrecht-textbox" type="{_e(question.widget)}" id="{fixed.html_id}"'
            f' name="{_e(question.path)}" value="',
            f'" maxlength="{_e(question.max_length)}"'
            f' autocomplete="{_e(question.autocomplete)}"{spellcheck}',
        )

    input_start, input_rest = _once_per_language(question, "input", make_input, language)
    types = f' data-types="{_e(data_types)}"' if data_types else ""
    optional_note = (
        f' <span class="optional">({_text(OPTIONAL, language)})</span>' if optional else ""
    )
    value = "" if bound.value is None else _e(bound.value)
    invalid = ' aria-invalid="true"' if bound.problems else ""
    return _safe(
        f'<div class="{_wrapper_class(bound)}"{types}>'
        f'<label class="utrecht-form-label" for="{fixed.html_id}">{fixed.label}{optional_note}'
        f"</label>{fixed.hint}{_errors(fixed, bound)}"
        f"{input_start}{value}{input_rest}{invalid}{_described_by(fixed, bound)}></div>"
    )


# An option: its value, the markup before where " checked" goes, and the markup after.
Option = tuple[str, str, str]


def _option_id(question: Question, index: int, value: str) -> str:
    """The first option carries the field's id, so the error summary's link lands on it."""
    return _e(question.html_id if index == 0 else f"{question.html_id}-{value}")


def _made_options(
    question: Question,
    items: Iterable[tuple[str, Any, Any]],
    markup: Callable[[str, str, str, Any, Any], tuple[str, str]],
) -> list[Option]:
    """An option per (value, label, text): ``markup(input_id, name, value, label, text)``
    gives the markup before and after where " checked" goes."""
    name = _e(question.path)
    return [
        (value, *markup(_option_id(question, index, value), name, value, label, text))
        for index, (value, label, text) in enumerate(items)
    ]


def _options(made: list[Option], is_checked: Callable[[str], bool]) -> str:
    """The options, kept per language, with " checked" where ``is_checked(value)``."""
    return "".join(
        f"{start}{' checked' if is_checked(value) else ''}{rest}" for value, start, rest in made
    )


def _choices_field(
    bound: BoundQuestion, options: Callable[[], list[tuple[str, str, str]]], variant: Hashable
) -> SafeString:
    """A fieldset of radio buttons: ``options()`` are (value, label, extra text), the same
    for every page with this ``variant`` in one language."""
    question = bound.question
    language = get_language()
    fixed = _fixed(question, language)

    def radio(input_id: str, name: str, value: str, label: Any, extra: Any) -> tuple[str, str]:
        extra_text = f" – {_e(extra)}" if extra else ""
        return (
            f'<div class="choice"><input type="radio" id="{input_id}" name="{name}"'
            f' value="{_e(value)}"',
            f'> <label for="{input_id}">{_e(label)}{extra_text}</label></div>',
        )

    current = bound.checked if question.widget == "yesno" else bound.value
    if question.path == "intrekking.intrekken":
        current = bound.checked or "nee"
    radios = _options(
        _once_per_language(
            question, variant, lambda: _made_options(question, options(), radio), language
        ),
        lambda value: value == current,
    )
    return _safe(
        f'<div class="{_wrapper_class(bound)}"><fieldset class="utrecht-form-fieldset"'
        f'{_described_by(fixed, bound)}><legend class="utrecht-form-fieldset__legend">'
        f"{fixed.label}</legend>{fixed.hint}{_errors(fixed, bound)}{radios}</fieldset></div>"
    )


def yesno_field(bound: BoundQuestion, yes_text: str = "", no_text: str = "") -> SafeString:
    return _choices_field(
        bound,
        lambda: [("ja", gettext("Yes"), yes_text), ("nee", gettext("No"), no_text)],
        ("yesno", _e(yes_text), _e(no_text)),  # as they will show: escaped unless HTML
    )


def radio_field(bound: BoundQuestion) -> SafeString:
    return _choices_field(
        bound, lambda: [(v, str(label), "") for v, label in bound.question.choices], "radio"
    )


def checkbox_fieldset(bound: BoundQuestion, choices: Sequence[tuple[str, Any, Any]]) -> SafeString:
    """A fieldset of checkboxes, each with its own explanation: choices are
    (value, label, description). The first box carries the field's id, so the error
    summary's link lands on it."""
    question = bound.question
    language = get_language()
    fixed = _fixed(question, language)

    def box(input_id: str, name: str, code: str, label: Any, description: Any) -> tuple[str, str]:
        code_text = _e(code)
        return (
            f'<div class="choice--described"><div class="choice">'
            f'<input type="checkbox" id="{input_id}" name="{name}" value="{code_text}"',
            f' aria-describedby="uitleg-{code_text}"><label for="{input_id}">'
            f'{_e(label)}</label></div><p class="hint" id="uitleg-{code_text}">'
            f"{_e(description)}</p></div>",
        )

    # The choices are part of the key by identity (the entry keeps them: a constant of
    # the view, hashing their lazy texts would look each one up).
    made = _once_per_language(
        question,
        ("checkboxes", id(choices)),
        lambda: _made_options(question, choices, box),
        language,
        keep=choices,
    )
    boxes = _options(made, bound.selected.__contains__)
    described_by = f"{fixed.html_id}-hint" + (f" {fixed.html_id}-error" if bound.problems else "")
    # The fieldset points to its hint, so the paragraph is there even when empty.
    hint = fixed.hint or f'<p class="hint" id="{fixed.html_id}-hint"></p>'
    return _safe(
        f'<div class="{_wrapper_class(bound)}"><fieldset class="utrecht-form-fieldset"'
        f' aria-describedby="{described_by}">'
        f'<legend class="utrecht-form-fieldset__legend">{fixed.label}</legend>'
        f"{hint}{_errors(fixed, bound)}{boxes}</fieldset></div>"
    )


def answer_list(section: Section, change_url: str = "", language: str | None = None) -> SafeString:
    """A section's answers as a description list; with ``change_url`` each answer
    links to its field on that step's page. Built in Python: the check page lists
    some thirty answers (docs/performance.md). ``language``: the current one, when the
    caller has looked it up already."""
    language = get_language() if language is None else language
    change = _text(CHANGE, language)
    url = _e(change_url)
    rows = []
    for row in section.rows:
        label = _text(row.label, language)
        items = row.items
        if items is not None:
            value = "".join(f"<li>{_text(item, language)}</li>" for item in items)
            value = f"<ul>{value}</ul>"
        elif isinstance(row.value, Promise):  # "Yes", an organisation type: never empty
            value = _text(row.value, language)  # (`or` would look its text up to tell)
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


def answer_sections(sections: list[Section], reference: str = "") -> SafeString:
    """Every section of the form with its answers; with the draft's ``reference``, each
    answer links to its field (the check page). The status, signing and service-desk
    pages show them without links."""
    site = current_site()
    language = site[2]
    parts = []
    for section in sections:
        step = _e(section.step)
        change_url = (
            url_in_site(site, "portal:application-step", reference, section.step)
            if reference
            else ""
        )
        parts.append(
            f'\n<section aria-labelledby="deel-{step}">\n'
            f'  <h2 id="deel-{step}">{_e(section.number)} {_text(section.title, language)}</h2>\n'
            f"  {answer_list(section, change_url, language)}\n</section>\n"
        )
    return _safe("".join(parts))


def step_nav(reference: str, current: str) -> SafeString:
    """The form's steps, then "Check and sign"; ``current`` is marked, the others link.

    Built in Python like the fields: through an included template, with a loop, it
    cost about a tenth of a form page (docs/performance.md)."""
    site = current_site()
    language = site[2]
    links: list[tuple[str, Promise, str]] = [
        (step.slug, step.title, url_in_site(site, "portal:application-step", reference, step.slug))
        for step in STEPS
    ]
    links.append(
        ("controleren", CHECK_AND_SIGN, url_in_site(site, "portal:application-check", reference))
    )
    items = "".join(
        f'\n    <li aria-current="step"><span>{_text(title, language)}</span></li>'
        if slug == current
        else f'\n    <li><a href="{_e(url)}">{_text(title, language)}</a></li>'
        for slug, title, url in links
    )
    return _safe(
        f'<nav aria-label="{_text(STEPS_OF_THE_FORM, language)}">\n'
        f'  <ol class="steps">{items}\n  </ol>\n</nav>'
    )
