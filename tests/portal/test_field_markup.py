"""The form fields' markup (portal_fields): exact for one field, escaped everywhere."""

import pytest
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from mijnduo.aanvraag.validator import Problem
from mijnduo.portal import questions as Q
from mijnduo.portal.application_views import AUTORISATIE_CHOICES
from mijnduo.portal.summary import Row, Section
from mijnduo.portal.templatetags import portal_fields as F

HOSTILE = "\"'><script>alert(1)</script>&amp;"
ESCAPED = "&quot;&#x27;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;"


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def _question(widget: str, **kw) -> Q.Question:
    return Q.Question("beheerder.naam", widget, label=kw.pop("label", "Naam"), **kw)  # type: ignore[arg-type]


def test_a_text_field_with_hint_and_error_exactly() -> None:
    bound = Q.BoundQuestion(
        _question("text", hint="Zoals op uw paspoort."),
        "Jan",
        (Problem("beheerder.naam", "required", "form", "Vul de naam in."),),
    )
    assert F.text_field(bound) == (
        '<div class="field field--error"><label class="utrecht-form-label" '
        'for="beheerder-naam">Naam</label><p class="hint" id="beheerder-naam-hint">Zoals op '
        'uw paspoort.</p><p class="field__error" id="beheerder-naam-error"><span '
        'class="visually-hidden">Fout: </span>Vul de naam in.</p><input class="utrecht-textbox" '
        'type="text" id="beheerder-naam" name="beheerder.naam" value="Jan" maxlength="'
        f'{Q.Question("beheerder.naam", "text", "x").max_length}" autocomplete="off" '
        'aria-invalid="true" aria-describedby="beheerder-naam-hint beheerder-naam-error"></div>'
    )
    assert isinstance(F.text_field(bound), SafeString)


def test_an_answer_the_applicant_typed_is_escaped_in_every_field() -> None:
    problem = (Problem("beheerder.naam", "x", "form", HOSTILE),)
    text = F.text_field(
        Q.BoundQuestion(_question("text", label=HOSTILE, hint=HOSTILE), HOSTILE, problem)
    )
    radios = F.yesno_field(
        Q.BoundQuestion(_question("yesno", label=HOSTILE), True, problem), no_text=HOSTILE
    )
    boxes = F.checkbox_fieldset(
        Q.BoundQuestion(_question("checkboxes", label=HOSTILE, hint=HOSTILE), [], problem),
        [("VO", HOSTILE, HOSTILE), *AUTORISATIE_CHOICES],
    )
    section = Section(
        "1",
        "Beheerder",
        "beheerder",
        [Row(HOSTILE, HOSTILE, "b", "x"), Row("L", [HOSTILE], "b", "y")],
    )
    answers = F.answer_list(section, change_url="/a?b=1&c=2")
    for markup, times in ((text, 4), (radios, 3), (boxes, 5), (answers, 4)):
        assert "<script>" not in markup
        assert markup.count(ESCAPED) == times
    assert 'href="/a?b=1&amp;c=2#x"' in answers


def test_html_made_by_the_product_is_kept() -> None:
    bound = Q.BoundQuestion(_question("text", label=mark_safe("Naam <abbr>KvK</abbr>")), None, ())
    assert 'for="beheerder-naam">Naam <abbr>KvK</abbr></label>' in F.text_field(bound)
    assert 'value=""' in F.text_field(bound)
