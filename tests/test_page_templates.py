"""The pages' Jinja2 templates (mijnduo/conf/jinja2.py, ADR 9): texts and fixed links
worked out per site when compiled, shown as Django's templates show them, and every
translated text found by ``makemessages``."""

import ast
import datetime
import functools
import re
from pathlib import Path

import jinja2
import pytest
from django.template import engines
from django.templatetags.static import static
from django.test import RequestFactory, override_settings
from django.urls import reverse, set_script_prefix
from django.utils import translation
from django.utils.translation.template import templatize
from jinja2.ext import extract_from_ast

import mijnduo

SRC = Path(mijnduo.__file__).parent
PAGES = sorted(SRC.glob("*/jinja2/**/*.html"))
CATALOGUE = (SRC / "locale" / "nl" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")


def _render(source: str, language: str, **context: object) -> str:
    with translation.override(language):
        return engines["jinja2"].from_string(source).render(context)


def test_texts_in_the_language_of_the_request() -> None:
    source = '{{ _("Log in") }}|{{ _("Skip to content") }}'
    assert _render(source, "nl") == "Inloggen|Naar de inhoud"
    assert _render(source, "en") == "Log in|Skip to content"
    assert _render(source, "nl") == "Inloggen|Naar de inhoud"  # each its own compiled copy


def test_a_text_worked_out_when_compiled_is_still_escaped() -> None:
    assert _render("{{ _(\"<b>Tom & 'Jerry'</b>\") }}", "nl") == (
        "&lt;b&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
    )


def test_a_translated_variable_is_looked_up_when_rendered() -> None:
    assert _render("{{ _(text) }}", "nl", text="Log in") == "Inloggen"
    assert _render("{{ _(text) }}", "en", text="Log in") == "Log in"


def test_fixed_links_follow_the_script_prefix() -> None:
    source = "{{ fixed_url('start') }} {{ fixed_static('portal/site.css') }}"
    plain = _render(source, "nl")
    assert plain.split()[0] == reverse("start")
    set_script_prefix("/beheer/")
    try:
        prefixed = _render(source, "nl")
        static_url = static("portal/site.css")
    finally:
        set_script_prefix("/")
    assert prefixed.split() == ["/beheer" + reverse("start"), static_url]
    assert _render(source, "nl") == plain


def test_a_page_for_a_request_gets_its_csrf_field_and_language() -> None:
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE"] = "a" * 32
    rendered = engines["jinja2"].from_string("{{ csrf_field() }}").render({}, request=request)
    assert rendered.startswith('<input type="hidden" name="csrfmiddlewaretoken" value="')


def test_without_a_request_there_is_no_csrf_field() -> None:
    assert _render("[{{ csrf_field() }}]", "nl") == "[]"


def test_values_put_into_a_translated_sentence_are_escaped() -> None:
    # A sentence whose translation may hold markup is marked |safe; its values are not.
    source = '{{ _("Application %(reference)s")|safe|format(reference=value) }}'
    assert _render(source, "nl", value="<b>&") == "Aanvraag &lt;b&gt;&amp;"


def test_dates_as_django_shows_them() -> None:
    moment = datetime.datetime(2026, 11, 29, 15, 30, tzinfo=datetime.UTC)
    # In the site's time zone (Europe/Amsterdam), in the language of the request.
    assert _render('{{ at|date("j F Y H:i") }}', "nl", at=moment) == "29 november 2026 16:30"
    assert _render('{{ at|date("j F Y H:i") }}', "en", at=moment) == "29 November 2026 16:30"
    assert _render("{{ at }}", "nl", at=moment) == "29 november 2026 16:30"


def test_a_method_shown_without_calling_it_is_an_error() -> None:
    with pytest.raises(TypeError, match="without calling it"):
        _render("{{ request.get_full_path }}", "nl", request=RequestFactory().get("/"))
    with pytest.raises(TypeError, match="without calling it"):  # as get_FOO_display is
        _render("{{ shown }}", "nl", shown=functools.partial(str, 1))


class _WithUnderscore:
    def _(self, text: str) -> str:
        return f"attribute:{text}"


def test_only_the_functions_themselves_are_worked_out() -> None:
    # An attribute or a filter of the same name is left as it is.
    assert _render('{{ o._("Log in") }}', "nl", o=_WithUnderscore()) == "attribute:Log in"


@pytest.mark.parametrize("source", ["{% set _ = 1 %}", "{% for fixed_url in x %}{% endfor %}"])
def test_a_page_cannot_hide_a_function_worked_out_when_compiled(source: str) -> None:
    with pytest.raises(jinja2.TemplateSyntaxError, match="function of every page"):
        _render(source, "nl")


def test_a_changed_setting_gives_fresh_links() -> None:
    source = "{{ fixed_static('portal/site.css') }}"
    before = _render(source, "nl")
    with override_settings(STATIC_URL="/elders/"):
        assert _render(source, "nl") == "/elders/portal/site.css"
    assert _render(source, "nl") == before


def test_a_missing_variable_is_empty_as_in_django() -> None:
    assert _render("[{{ missing }}|{{ missing.attribute.deeper }}]", "nl") == "[|]"


_LITERAL = re.compile(r"""_\(((?:"[^"\\]*(?:\\.[^"\\]*)*")|(?:'[^'\\]*(?:\\.[^'\\]*)*'))\)""")


def _found_by_makemessages(source: str) -> set[str]:
    """What Django's makemessages reads from a template: it turns it into Python-like
    code with templatize, for xgettext."""
    return {ast.literal_eval(match) for match in _LITERAL.findall(templatize(source))}


def _in_catalogue(text: str) -> bool:
    quoted = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    joined = CATALOGUE.replace('"\n"', "")
    return f'msgid "{quoted}"\n' in joined


@pytest.mark.parametrize("page", PAGES, ids=lambda path: str(path.relative_to(SRC)))
def test_every_text_of_a_page_is_found_by_makemessages_and_translated(page: Path) -> None:
    source = page.read_text(encoding="utf-8")
    calls = list(
        extract_from_ast(engines["jinja2"].env.parse(source), ("_", "gettext", "ngettext"))
    )
    # A plural in a template is not found by makemessages: they are in page_plurals.
    assert [call for call in calls if call[1] != "_"] == []
    texts = {call[2] for call in calls if isinstance(call[2], str)}
    assert texts <= _found_by_makemessages(source)
    assert [text for text in texts if not _in_catalogue(text)] == []
    name = str(page.relative_to(SRC / page.relative_to(SRC).parts[0] / "jinja2"))
    for language in ("nl", "en"):  # compiled as each site's copy, the texts worked out
        with translation.override(language):
            engines["jinja2"].get_template(name)


def test_the_pages_are_all_here() -> None:
    assert len(PAGES) > 40
    assert not list(SRC.glob("*/templates/**/base.html"))  # no Django copy of the layout
