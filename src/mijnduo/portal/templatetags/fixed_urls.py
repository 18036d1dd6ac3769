"""``{% fixed_url "name" %}``: the URL of a view without arguments, reversed once.

The page header links to the same seven views on every page; ``{% url %}`` reverses
each again on every request, about a tenth of a form page's template time
(docs/performance.md, issue 4). A URL without arguments depends only on the URLconf
and the script prefix the site is served under, so those are part of the key.
"""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@lru_cache(maxsize=256)
def _reversed(name: str, urlconf: str | None, prefix: str) -> str:
    return reverse(name, urlconf=urlconf)


@register.simple_tag
def fixed_url(name: str) -> str:
    return _reversed(name, get_urlconf(), get_script_prefix())
