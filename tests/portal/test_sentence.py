"""The portal's sentences with a value in them (``_("…")|safe|format(name=value)`` in
its pages): the markup Django's {% blocktranslate %} gives for the same text, in both
languages."""

import pytest
from django.template import engines
from django.utils import translation

# Each as its page writes it (portal/applications/_step_base.html and check.html).
SENTENCES = {
    "step-hint": ("Application %(reference)s. What you enter is saved on every step.", "reference"),
    "check-hint": (
        "Application %(reference)s. Check your answers. You can still change them.",
        "reference",
    ),
    "sign-now": ("Are you %(name)s? Then sign now.", "name"),
    "sign-by-someone-else": (
        "Is someone else the signatory? We send %(name)s an e-mail with a link to sign.",
        "name",
    ),
}
PAGES = ["portal/applications/_step_base.html", "portal/applications/check.html"]
VALUES = ["MDZ-B06R-RY1H", 'Jan <b>"de" Vries</b> & Co', "100%"]


def _blocktranslate(text: str, name: str, value: str) -> str:
    markup = text.replace(f"%({name})s", f"{{{{ {name} }}}}")
    template = engines["django"].from_string(
        f"{{% load i18n %}}{{% blocktranslate with {name}=value %}}{markup}"
        "{% endblocktranslate %}"
    )
    return template.render({"value": value})


def _as_the_page_writes_it(text: str, name: str) -> str:
    return f'{{{{ _("{text}")|safe|format({name}=value) }}}}'


def test_the_pages_write_each_sentence_so() -> None:
    from django.template.loader import get_template

    sources = "".join(
        get_template(page).template.environment.loader.get_source(  # type: ignore[attr-defined]
            get_template(page).template.environment, page
        )[0]
        for page in PAGES
    )
    for text, name in SENTENCES.values():
        assert f'_("{text}")|safe|format({name}=' in sources


@pytest.mark.parametrize("key", sorted(SENTENCES))
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_same_as_blocktranslate(key: str, language: str) -> None:
    text, name = SENTENCES[key]
    for value in VALUES:
        with translation.override(language):  # the language's own compiled copy
            template = engines["jinja2"].from_string(_as_the_page_writes_it(text, name))
            shown = template.render({"value": value})
            # markupsafe writes a double quote as &#34;, Django as &quot;: the same text.
            assert shown.replace("&#34;", "&quot;") == _blocktranslate(text, name, value)


def test_the_page_shows_the_sentence_in_dutch(applicant_client) -> None:
    from .test_application_flow import start

    reference = start(applicant_client)
    page = applicant_client.get(f"/aanvragen/{reference}/stap/beheerder").content.decode()
    assert f"Aanvraag {reference}. Wat u invult, wordt bij elke stap bewaard." in page
