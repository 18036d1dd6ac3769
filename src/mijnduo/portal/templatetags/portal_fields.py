"""Form fields as HTML, built in Python.

A page has up to fifteen fields; rendering each through an included template made
the form pages cost about 7 ms of CPU each (docs/performance.md). The markup is the
same as before: a label, the hint and the error message, linked to the input with
aria-describedby, and aria-invalid on an input in error.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from mijnduo.portal.questions import BoundQuestion
from mijnduo.portal.summary import Section

register = template.Library()


def _described_by(bound: BoundQuestion) -> SafeString:
    ids = []
    if bound.question.hint:
        ids.append(f"{bound.html_id}-hint")
    if bound.problems:
        ids.append(f"{bound.html_id}-error")
    return format_html(' aria-describedby="{}"', " ".join(ids)) if ids else mark_safe("")


def _hint(bound: BoundQuestion) -> SafeString:
    if not bound.question.hint:
        return mark_safe("")
    return format_html('<p class="hint" id="{}-hint">{}</p>', bound.html_id, bound.question.hint)


def _errors(bound: BoundQuestion) -> SafeString:
    if not bound.problems:
        return mark_safe("")
    # One element with one id, however many rules fail on this field.
    return format_html(
        '<p class="field__error" id="{}-error"><span class="visually-hidden">{} </span>{}</p>',
        bound.html_id,
        gettext("Error:"),
        format_html_join(" ", "{}", ((str(p.reason),) for p in bound.problems)),
    )


def _wrapper_class(bound: BoundQuestion) -> str:
    return "field field--error" if bound.problems else "field"


@register.simple_tag
def text_field(bound: BoundQuestion, data_types: str = "", optional: bool = False) -> SafeString:
    question = bound.question
    return format_html(
        '<div class="{}"{}>'
        '<label class="utrecht-form-label" for="{}">{}{}</label>{}{}'
        '<input class="utrecht-textbox" type="{}" id="{}" name="{}" value="{}" maxlength="{}"'
        ' autocomplete="{}"{}{}{}></div>',
        _wrapper_class(bound),
        format_html(' data-types="{}"', data_types) if data_types else "",
        bound.html_id,
        question.label,
        format_html(' <span class="optional">({})</span>', gettext("optional")) if optional else "",
        _hint(bound),
        _errors(bound),
        question.widget,
        bound.html_id,
        question.path,
        "" if bound.value is None else bound.value,
        question.max_length,
        question.autocomplete,
        mark_safe(' spellcheck="false"') if question.widget == "email" else "",
        mark_safe(' aria-invalid="true"') if bound.problems else "",
        _described_by(bound),
    )


def _choices_field(bound: BoundQuestion, options: list[tuple[str, str, str]]) -> SafeString:
    """A fieldset of radio buttons: options are (value, label, extra text)."""
    current = bound.checked if bound.question.widget == "yesno" else bound.value
    if bound.question.path == "intrekking.intrekken":
        current = bound.checked or "nee"
    radios = []
    for index, (value, label, extra) in enumerate(options):
        input_id = bound.html_id if index == 0 else f"{bound.html_id}-{value}"
        radios.append(
            format_html(
                '<div class="choice"><input type="radio" id="{}" name="{}" value="{}"{}>'
                ' <label for="{}">{}{}</label></div>',
                input_id,
                bound.question.path,
                value,
                mark_safe(" checked") if value == current else "",
                input_id,
                label,
                format_html(" – {}", extra) if extra else "",
            )
        )
    return format_html(
        '<div class="{}"><fieldset class="utrecht-form-fieldset"{}>'
        '<legend class="utrecht-form-fieldset__legend">{}</legend>{}{}{}</fieldset></div>',
        _wrapper_class(bound),
        _described_by(bound),
        bound.question.label,
        _hint(bound),
        _errors(bound),
        format_html_join("", "{}", ((radio,) for radio in radios)),
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
    boxes = format_html_join(
        "",
        '<div class="choice--described"><div class="choice">'
        '<input type="checkbox" id="{}" name="{}" value="{}"{} aria-describedby="uitleg-{}">'
        '<label for="{}">{}</label></div><p class="hint" id="uitleg-{}">{}</p></div>',
        (
            (
                input_id,
                bound.question.path,
                code,
                mark_safe(" checked") if code in selected else "",
                code,
                input_id,
                label,
                code,
                description,
            )
            for index, (code, label, description) in enumerate(choices)
            for input_id in (bound.html_id if index == 0 else f"{bound.html_id}-{code}",)
        ),
    )
    described_by = f"{bound.html_id}-hint" + (f" {bound.html_id}-error" if bound.problems else "")
    return format_html(
        '<div class="{}"><fieldset class="utrecht-form-fieldset" aria-describedby="{}">'
        '<legend class="utrecht-form-fieldset__legend">{}</legend>'
        '<p class="hint" id="{}-hint">{}</p>{}{}</fieldset></div>',
        _wrapper_class(bound),
        described_by,
        bound.question.label,
        bound.html_id,
        bound.question.hint,
        _errors(bound),
        boxes,
    )


@register.simple_tag
def answer_list(section: Section, change_url: str = "") -> SafeString:
    """A section's answers as a description list; with ``change_url`` each answer
    links to its field on that step's page. Built in Python: the check page lists
    some thirty answers (docs/performance.md)."""
    change = gettext("Change")
    rows = []
    for row in section.rows:
        items = row.items
        if items is not None:
            value = format_html(
                "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((i,) for i in items))
            )
        else:
            value = format_html("{}", row.value or "–")  # as the template's |default:"–"
        link = (
            format_html(
                ' <a href="{}#{}">{}<span class="visually-hidden"> {}</span></a>',
                change_url,
                row.html_id,
                change,
                row.label,
            )
            if change_url
            else ""
        )
        rows.append(format_html("<div><dt>{}</dt><dd>{}{}</dd></div>", row.label, value, link))
    return format_html(
        '<dl class="summary-list">{}</dl>', format_html_join("", "{}", ((r,) for r in rows))
    )
