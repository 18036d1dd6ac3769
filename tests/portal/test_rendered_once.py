"""{% rendered_once %}: the same markup as rendered node by node, per language and prefix;
and only for markup that is the same for everyone."""

import pytest
from django.template import TemplateSyntaxError, engines
from django.urls import reverse, set_script_prefix
from django.utils import translation

HEADER = (
    "{% load i18n fixed_urls rendered_once %}"
    '<a href="{% fixed_url \'eherkenning:login\' %}">{% translate "Log in" %}</a>'
    "<select>{% language_options %}</select><link href=\"{% fixed_static 'portal/site.css' %}\">"
)


def once(markup: str) -> str:
    """``markup`` (after its {% load %}) wrapped in the tag."""
    load, _, body = markup.partition("%}")
    return f"{load}%}}{{% rendered_once %}}{body}{{% endrendered_once %}}"


def render(markup: str, context: dict[str, object] | None = None) -> str:
    return engines["django"].from_string(markup).render(context or {})


def test_the_same_markup_as_without_the_tag_in_each_language() -> None:
    template = engines["django"].from_string(once(HEADER))
    for language, log_in, selected in (
        ("nl", "Inloggen", '<option value="nl" selected>Nederlands</option>'),
        ("en", "Log in", '<option value="en" selected>English</option>'),
        ("nl", "Inloggen", '<option value="nl" selected>Nederlands</option>'),
    ):
        with translation.override(language):
            rendered = template.render({})
            assert rendered == render(HEADER)
            assert f">{log_in}</a>" in rendered
            assert selected in rendered
            assert rendered.count(" selected") == 1


def test_each_script_prefix_gets_its_own_urls() -> None:
    template = engines["django"].from_string(once(HEADER))
    assert f'href="{reverse("eherkenning:login")}"' in template.render({})
    try:
        set_script_prefix("/duo/")
        rendered = template.render({})
        assert 'href="/duo/' in rendered
        assert rendered == render(HEADER)
    finally:
        set_script_prefix("/")


@pytest.mark.parametrize(
    "inside",
    [
        "{{ user.username }}",
        "{% if user %}x{% endif %}",
        "{% csrf_token %}",
        "{% csrf_field %}",
        "{% block header %}{% endblock %}",
        "{% translate name %}",
        '{% translate "Log in" as text %}',
        "{% fixed_url name %}",
        "{% fixed_url 'start'|upper %}",
        "{% fixed_url 'start' as url %}",
        "{% for x in items %}{% endfor %}",
        "{% include 'portal/fields/error_summary.html' %}",
        "{% url_by_pattern 'start' %}",  # not a tag known to be the same for everyone
        "{% blocktranslate %}Log in{% endblocktranslate %}",
        "{% rendered_once %}x{% endrendered_once %}",
    ],
)
def test_refuses_anything_that_can_differ_between_visitors(inside: str) -> None:
    with pytest.raises(TemplateSyntaxError, match="rendered_once"):
        engines["django"].from_string(
            "{% load i18n csrf_field fixed_urls rendered_once %}"
            f"{{% rendered_once %}}<p>{inside}</p>{{% endrendered_once %}}"
        )


def test_takes_no_arguments() -> None:
    with pytest.raises(TemplateSyntaxError, match="no arguments"):
        engines["django"].from_string(
            "{% load rendered_once %}{% rendered_once user %}{% endrendered_once %}"
        )


def test_a_page_in_both_languages_after_another(client) -> None:
    """The header is kept per language: switching shows the other one at once."""
    dutch = client.get("/").content.decode()
    english = client.get("/", headers={"Accept-Language": "en"}).content.decode()
    again = client.get("/").content.decode()
    assert "Taal wijzigen" in dutch and "Change language" not in dutch
    assert "Change language" in english and "Taal wijzigen" not in english
    assert '<option value="en" selected>English</option>' in english
    assert "Taal wijzigen" in again


def _forms_and_tokens(html: str) -> tuple[int, int]:
    return html.count('method="post"'), html.count('name="csrfmiddlewaretoken"')


def test_the_header_signed_in_and_not(client, applicant_client) -> None:
    """What is kept is the same for everyone; who is signed in still decides the header."""
    for _ in range(2):  # the second time from what was kept
        anonymous = client.get("/").content.decode()
        signed_in = applicant_client.get("/aanvragen/").content.decode()
        assert ">Inloggen</a>" in anonymous and "Uitloggen" not in anonymous
        assert "Uitloggen" in signed_in and ">Inloggen</a>" not in signed_in
        assert 'href="/aanvragen/">Uw aanvragen</a>' in signed_in
        assert 'id="session-warning"' in signed_in and 'id="session-warning"' not in anonymous
        # Every form posts with its own CSRF token, the kept parts between them.
        for html in (anonymous, signed_in):
            forms, tokens = _forms_and_tokens(html)
            assert forms == tokens > 0
            assert html.count(" selected>") == 1


def test_an_error_inside_is_reported_as_it_is() -> None:
    from django.urls import NoReverseMatch

    template = engines["django"].from_string(
        "{% load fixed_urls rendered_once %}"
        "{% rendered_once %}{% fixed_url 'no-such-view' %}{% endrendered_once %}"
    )
    with pytest.raises(NoReverseMatch):
        template.render({})
