"""URLs that are the same on every request, worked out once per process.

``{% fixed_url "name" %}``: the URL of a view without arguments. The page header
links to the same seven views on every page; ``{% url %}`` reverses each again on
every request, about a tenth of a form page's template time (docs/performance.md,
issue 4). Such a URL depends on the URLconf, the script prefix the site is served
under and, were URLs ever translated (i18n_patterns), the language: all three are
part of the key.

``{% fixed_static "path" %}``: ``{% static %}`` for the page's own stylesheets and
scripts, likewise. The key holds the script prefix only to be safe: Django adds it to
a relative STATIC_URL once, on first use.
"""

from functools import lru_cache

from django import template
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

register = template.Library()


@lru_cache(maxsize=256)
def _reversed(name: str, urlconf: str | None, prefix: str, language: str | None) -> str:
    return reverse(name, urlconf=urlconf)


@register.simple_tag
def fixed_url(name: str) -> str:
    return _reversed(name, get_urlconf(), get_script_prefix(), get_language())


@lru_cache(maxsize=256)
def _static(path: str, prefix: str) -> str:
    return static(path)


@register.simple_tag
def fixed_static(path: str) -> str:
    return _static(path, get_script_prefix())
