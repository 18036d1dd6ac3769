"""sentence(): the markup Django's {% blocktranslate %} gives for the same text, in both
languages."""

import pytest
from django.template import engines
from django.utils import translation

from mijnduo.portal.markup.fields import SENTENCES

VALUES = ["MDZ-B06R-RY1H", 'Jan <b>"de" Vries</b> & Co', "100%"]


def _blocktranslate(text: str, name: str, value: str) -> str:
    markup = text.replace(f"%({name})s", f"{{{{ {name} }}}}")
    template = engines["django"].from_string(
        f"{{% load i18n %}}{{% blocktranslate with {name}=value %}}{markup}"
        "{% endblocktranslate %}"
    )
    return template.render({"value": value})


@pytest.mark.parametrize("key", sorted(SENTENCES))
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_same_as_blocktranslate(key: str, language: str) -> None:
    with translation.override(None):
        source = str(SENTENCES[key])  # the message id
    name = "reference" if "%(reference)s" in source else "name"
    template = engines["jinja2"].from_string(f'{{{{ sentence("{key}", {name}=value) }}}}')
    for value in VALUES:
        with translation.override(language):
            assert template.render({"value": value}) == _blocktranslate(source, name, value)


def test_the_page_shows_the_sentence_in_dutch(applicant_client) -> None:
    from .test_application_flow import start

    reference = start(applicant_client)
    page = applicant_client.get(f"/aanvragen/{reference}/stap/beheerder").content.decode()
    assert f"Aanvraag {reference}. Wat u invult, wordt bij elke stap bewaard." in page
