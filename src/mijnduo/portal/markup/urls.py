"""URLs that are the same on every request, worked out once per process.

``fixed_url("name")``: the URL of a view without arguments. The page header links to
the same seven views on every page; ``reverse()`` works each out again on every
request, about a tenth of a form page's template time (docs/performance.md, issue 4).
Such a URL depends on the URLconf, the script prefix the site is served under and,
were URLs ever translated (i18n_patterns), the language: all three are part of the
key. It is ``url_by_pattern`` (below) without arguments. In a page, a
``fixed_url("…")`` with a written-out name is worked out when the page is compiled
(mijnduo/conf/jinja2.py).

``fixed_static("path")``: Django's ``static()`` for the page's own stylesheets and
scripts, likewise. The key holds the script prefix only to be safe: Django adds it to
a relative STATIC_URL once, on first use.
"""

import re
from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import (
    NoReverseMatch,
    Resolver404,
    get_resolver,
    get_script_prefix,
    get_urlconf,
    resolve,
    reverse,
)
from django.utils.translation import get_language


def fixed_url(name: str) -> str:
    """``reverse(name)`` for a view without arguments, worked out once per process."""
    return url_in_site(current_site(), name)


@lru_cache(maxsize=256)
def _static(path: str, prefix: str) -> str:
    return static(path)


def fixed_static(path: str) -> str:
    return _static(path, get_script_prefix())


def static_in_site(site: "Site", path: str) -> str:
    """``fixed_static`` for ``site`` (from ``current_site()``)."""
    return _static(path, site[1])


# An argument a URL carries as it is: reverse() quotes none of these characters, and
# the str and slug converters accept every such string.
_PLAIN_ARGUMENT = re.compile(r"[A-Za-z0-9_-]+\Z")
_ROUTE_ARGUMENT = re.compile(r"<(?:(\w+):)?\w+>")
_PATH_CONVERTERS_TAKING_PLAIN = frozenset({"str", "slug"})


@lru_cache(maxsize=256)
def _url_pattern(
    name: str, count: int, urlconf: str | None, prefix: str, language: str | None
) -> tuple[str, ...] | None:
    """The URL of ``name`` cut where its ``count`` arguments go, or None to always reverse.

    Reversed once with a marker per argument. Only a route of path() segments whose
    every argument is a str or slug converter qualifies: for such a route, reverse()
    of plain arguments is the markers replaced by them (checked by resolving the result
    back to the same name, so another route taking the URL first disqualifies it).
    """
    if _routes_named(name, urlconf) != 1:
        return None  # reverse() chooses between them by the arguments: let it
    markers = [f"zz{i}marker{i}zz" for i in range(count)]
    try:
        url = reverse(name, args=markers, urlconf=urlconf)
        match = resolve(url[len(prefix) - 1 :] if url.startswith(prefix) else url, urlconf)
    except (NoReverseMatch, Resolver404):
        return None
    converters = [kind or "str" for kind in _ROUTE_ARGUMENT.findall(match.route or "")]
    if (
        match.view_name != name
        or any(symbol in (match.route or "") for symbol in "^$(?[\\")
        or len(converters) != count
        or not set(converters) <= _PATH_CONVERTERS_TAKING_PLAIN
    ):
        return None
    parts: list[str] = []
    rest = url
    for marker in markers:
        before, found, rest = rest.partition(marker)
        if not found or marker in rest:
            return None
        parts.append(before)
    return (*parts, rest)


def _routes_named(name: str, urlconf: str | None) -> int:
    """How many routes carry this (namespaced) name; 0 when it cannot be told."""
    *namespaces, view = name.split(":")
    resolver = get_resolver(urlconf)
    try:
        for namespace in namespaces:
            _prefix, resolver = resolver.namespace_dict[namespace]
    except KeyError:
        return 0
    return len(resolver.reverse_dict.getlist(view))


@receiver(setting_changed)
def _forget_on_setting_change(*, setting: str, **_kwargs: object) -> None:
    """Tests that change the URLconf or the static files' URL get fresh answers."""
    if setting in ("ROOT_URLCONF", "STATIC_URL", "STORAGES", "LANGUAGES"):
        _static.cache_clear()
        _url_pattern.cache_clear()


def url_by_pattern(name: str, *args: str) -> str:
    """``reverse(name, args)`` for arguments such as a reference or a step's slug.

    A page links to the same few views of one application many times (the check page
    ten times); reverse() costs about 0.03 ms a time. The URL's pattern is worked out
    once per process and the arguments put in; anything else goes through reverse().
    """
    return url_in_site(current_site(), name, *args)


Site = tuple[str | None, str, str | None]


def current_site() -> Site:
    """The URLconf, script prefix and language a URL depends on: each is a context-local
    (about 1 µs to look up), so code building several URLs looks them up once."""
    return get_urlconf(), get_script_prefix(), get_language()


def url_in_site(site: Site, name: str, *args: str) -> str:
    """``url_by_pattern`` for ``site`` (from ``current_site()``, for this request)."""
    if all(isinstance(arg, str) and _PLAIN_ARGUMENT.match(arg) for arg in args):
        parts = _url_pattern(name, len(args), *site)
        if parts is not None:
            return "".join(part + arg for part, arg in zip(parts, (*args, ""), strict=True))
    return reverse(name, args=args, urlconf=site[0])
