"""The form fields' markup (portal/markup/fields.py): exact for one field, escaped everywhere."""

import pytest
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from mijnduo.aanvraag.validator import Problem
from mijnduo.portal import questions as Q
from mijnduo.portal.application_views import AUTORISATIE_CHOICES
from mijnduo.portal.markup import fields as F
from mijnduo.portal.summary import Row, Section

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


# The exact markup of the other fields, as the templates gave it before they were
# written in Python (the browser and axe tests rely on these ids and links).
YESNO = (
    '<div class="field"><fieldset class="utrecht-form-fieldset" aria-describedby="beh'
    'eerder-heeftEherkenningNiveau3-hint"><legend class="utrecht-form-fieldset__legen'
    'd">Heeft u eHerkenning?</legend><p class="hint" id="beheerder-heeftEherkenningNi'
    'veau3-hint">Niveau 3.</p><div class="choice"><input type="radio" id="beheerder-h'
    'eeftEherkenningNiveau3" name="beheerder.heeftEherkenningNiveau3" value="ja"> <la'
    'bel for="beheerder-heeftEherkenningNiveau3">Ja</label></div><div class="choice">'
    '<input type="radio" id="beheerder-heeftEherkenningNiveau3-nee" name="beheerder.h'
    'eeftEherkenningNiveau3" value="nee" checked> <label for="beheerder-heeftEherkenn'
    'ingNiveau3-nee">Nee – Vraag het eerst aan.</label></div></fieldset></div>'
)
CHECKBOXES_WITH_ERROR = (
    '<div class="field field--error"><fieldset class="utrecht-form-fieldset" aria-des'
    'cribedby="beheerautorisaties-hint beheerautorisaties-error"><legend class="utrec'
    'ht-form-fieldset__legend">Welke?</legend><p class="hint" id="beheerautorisaties-'
    'hint">Kies er een of meer.</p><p class="field__error" id="beheerautorisaties-err'
    'or"><span class="visually-hidden">Fout: </span>Kies er een.</p><div class="choic'
    'e--described"><div class="choice"><input type="checkbox" id="beheerautorisaties"'
    ' name="beheerautorisaties" value="PO" checked aria-describedby="uitleg-PO"><labe'
    'l for="beheerautorisaties">Primair onderwijs</label></div><p class="hint" id="ui'
    'tleg-PO">Voor scholen.</p></div><div class="choice--described"><div class="choic'
    'e"><input type="checkbox" id="beheerautorisaties-VO" name="beheerautorisaties" v'
    'alue="VO" aria-describedby="uitleg-VO"><label for="beheerautorisaties-VO">Voortg'
    'ezet onderwijs</label></div><p class="hint" id="uitleg-VO">Ook vavo.</p></div></'
    "fieldset></div>"
)
ANSWERS_WITH_CHANGE_LINKS = (
    '<dl class="summary-list"><div><dt>Naam</dt><dd>Jan <a href="/aanvragen/MDZ-1/sta'
    'p/beheerder#beheerder-naam">Wijzigen<span class="visually-hidden"> Naam</span></'
    'a></dd></div><div><dt>Rechten</dt><dd><ul><li>PO</li><li>VO</li></ul> <a href="/'
    'aanvragen/MDZ-1/stap/beheerder#beheerautorisaties">Wijzigen<span class="visually'
    '-hidden"> Rechten</span></a></dd></div><div><dt>Leeg</dt><dd>– <a href="/aanvrag'
    'en/MDZ-1/stap/beheerder#x-y">Wijzigen<span class="visually-hidden"> Leeg</span><'
    "/a></dd></div></dl>"
)


def test_a_yes_no_field_exactly() -> None:
    bound = Q.BoundQuestion(
        Q.Question(
            "beheerder.heeftEherkenningNiveau3", "yesno", "Heeft u eHerkenning?", "Niveau 3."
        ),  # type: ignore[arg-type]
        False,
        (),
    )
    assert F.yesno_field(bound, no_text="Vraag het eerst aan.") == YESNO


def test_checkboxes_with_an_error_exactly() -> None:
    bound = Q.BoundQuestion(
        Q.Question("beheerautorisaties", "checkboxes", "Welke?", "Kies er een of meer."),  # type: ignore[arg-type]
        ["PO"],
        (Problem("beheerautorisaties", "required", "form", "Kies er een."),),
    )
    choices = [
        ("PO", "Primair onderwijs", "Voor scholen."),
        ("VO", "Voortgezet onderwijs", "Ook vavo."),
    ]
    assert F.checkbox_fieldset(bound, choices) == CHECKBOXES_WITH_ERROR


def test_an_answer_list_with_change_links_exactly() -> None:
    section = Section(
        "2",
        "Beheerder",
        "beheerder",
        [
            Row("Naam", "Jan", "beheerder", "beheerder-naam"),
            Row("Rechten", ["PO", "VO"], "autorisaties", "beheerautorisaties"),
            Row("Leeg", "", "x", "x-y"),
        ],
    )
    assert F.answer_list(section, change_url="/aanvragen/MDZ-1/stap/beheerder") == (
        ANSWERS_WITH_CHANGE_LINKS
    )


# What the fields keep per language (labels, hints, choices) follows the language, and
# never what one applicant answered.


def _name_field(value: str) -> str:
    return F.text_field(Q.BoundQuestion(Q.BEHEERDER_STEP.questions[0], value, ()))


def test_fields_follow_the_language_each_time() -> None:
    organisation_type = Q.ORGANISATIE_STEP.questions[0]
    autorisaties = next(q for q in Q.AUTORISATIES_STEP.questions if q.widget == "checkboxes")
    for language, name, institution, po in (
        ("nl", "Naam beheerder", "Onderwijsinstelling", "Beheerder PO (Primair Onderwijs)"),
        ("en", "Name of the beheerder", "Educational institution", "Beheerder PO (primary"),
        ("nl", "Naam beheerder", "Onderwijsinstelling", "Beheerder PO (Primair Onderwijs)"),
    ):
        with translation.override(language):
            assert f">{name}</label>" in _name_field("Jan")
            radios = F.radio_field(Q.BoundQuestion(organisation_type, "bestuur", ()))
            assert f">{institution}</label>" in radios
            boxes = F.checkbox_fieldset(Q.BoundQuestion(autorisaties, [], ()), AUTORISATIE_CHOICES)
            assert f">{po}" in boxes


def test_fields_show_each_applicants_own_answers() -> None:
    assert 'value="Jan"' in _name_field("Jan")
    assert 'value="Piet"' in _name_field("Piet") and "Jan" not in _name_field("Piet")
    organisation_type = Q.ORGANISATIE_STEP.questions[0]
    first = F.radio_field(Q.BoundQuestion(organisation_type, "bestuur", ()))
    second = F.radio_field(Q.BoundQuestion(organisation_type, "gemeente", ()))
    assert 'value="bestuur" checked' in first and 'value="gemeente" checked' not in first
    assert 'value="gemeente" checked' in second and 'value="bestuur" checked' not in second
    autorisaties = next(q for q in Q.AUTORISATIES_STEP.questions if q.widget == "checkboxes")
    some = F.checkbox_fieldset(Q.BoundQuestion(autorisaties, ["vo"], ()), AUTORISATIE_CHOICES)
    none = F.checkbox_fieldset(Q.BoundQuestion(autorisaties, [], ()), AUTORISATIE_CHOICES)
    assert some.count(" checked") == 1 and none.count(" checked") == 0


def test_yes_no_texts_of_each_page_are_their_own() -> None:
    bound = Q.BoundQuestion(_question("yesno"), None, ())
    assert "– Eerst aanvragen." in F.yesno_field(bound, no_text="Eerst aanvragen.")
    assert "Eerst aanvragen" not in F.yesno_field(bound, no_text="Iets anders.")


def test_what_is_kept_is_bounded_and_still_right_after() -> None:
    for n in range(F._MADE_AT_MOST + 10):
        F.text_field(Q.BoundQuestion(_question("text", label=f"Vraag {n}"), "", ()))
    assert len(F._made) <= F._MADE_AT_MOST
    assert ">Naam beheerder</label>" in _name_field("Jan")


def test_the_steps_navigation_exactly() -> None:
    nav = F.step_nav("MDZ-AB12-CD34", "beheerder")
    assert nav == (
        '<nav aria-label="Stappen van het formulier">\n  <ol class="steps">\n'
        '    <li><a href="/aanvragen/MDZ-AB12-CD34/stap/organisatie">Organisatie</a></li>\n'
        '    <li aria-current="step"><span>Beheerder</span></li>\n'
        '    <li><a href="/aanvragen/MDZ-AB12-CD34/stap/autorisaties">'
        f"{Q.AUTORISATIES_STEP.title}</a></li>\n"
        '    <li><a href="/aanvragen/MDZ-AB12-CD34/stap/ondertekening">'
        f"{Q.ONDERTEKENING_STEP.title}</a></li>\n"
        '    <li><a href="/aanvragen/MDZ-AB12-CD34/controleren">Controleren en ondertekenen'
        "</a></li>\n  </ol>\n</nav>"
    )
    last = F.step_nav("MDZ-AB12-CD34", "controleren")
    assert '<li aria-current="step"><span>Controleren en ondertekenen</span></li>' in last
    assert last.count("aria-current") == 1


def test_answer_sections_with_and_without_change_links() -> None:
    sections = [
        Section("2", Q.BEHEERDER_STEP.title, "beheerder", [Row("Naam", "Jan", "b", "n")]),
    ]
    editable = F.answer_sections(sections, "MDZ-AB12-CD34")
    assert editable == (
        '\n<section aria-labelledby="deel-beheerder">\n'
        '  <h2 id="deel-beheerder">2 Beheerder</h2>\n'
        '  <dl class="summary-list"><div><dt>Naam</dt><dd>Jan <a href="/aanvragen/MDZ-AB12-CD34'
        '/stap/beheerder#n">Wijzigen<span class="visually-hidden"> Naam</span></a></dd></div>'
        "</dl>\n</section>\n"
    )
    assert "Wijzigen" not in F.answer_sections(sections)


def test_an_optional_field_says_so_in_dutch() -> None:
    bound = Q.BoundQuestion(_question("text"), "", ())
    assert '<span class="optional">(niet verplicht)</span>' in F.text_field(bound, optional=True)


def test_other_choices_for_the_same_question_are_their_own() -> None:
    """The choices are part of the key by their id: what was made of them keeps them,
    so no other list can take that id while the entry exists."""
    import gc
    import weakref

    class Choices(list):  # a list that can be weakly referenced
        pass

    question = _question("checkboxes", hint="Kies.")
    first = Choices([("x1", "Eerste", "Uitleg 1")])
    assert 'value="x1"' in F.checkbox_fieldset(Q.BoundQuestion(question, [], ()), first)
    first_ref = weakref.ref(first)
    del first
    gc.collect()
    assert first_ref() is not None
    second = [("y2", "Tweede", "Uitleg 2")]
    boxes = F.checkbox_fieldset(Q.BoundQuestion(question, [], ()), second)
    assert 'value="y2"' in boxes and "x1" not in boxes
