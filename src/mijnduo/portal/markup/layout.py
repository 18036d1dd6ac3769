"""Markup of the page layout (portal/base.html) that Python makes."""

from functools import lru_cache

from django.conf import settings
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_info


def language_options() -> SafeString:
    """The language switch's options, the current language selected."""
    return _options(get_language(), tuple(settings.LANGUAGES))


@lru_cache(maxsize=16)
def _options(current: str | None, languages: tuple[tuple[str, str], ...]) -> SafeString:
    # The same for every page in one language: made once per language.
    return format_html_join(
        "",
        '\n            <option value="{}"{}>{}</option>',
        (
            (code, " selected" if code == current else "", get_language_info(code)["name_local"])
            for code, _name in languages
        ),
    )
