"""The Jinja2 templates of the site's pages (ADR 9).

The pages (everything built on ``portal/base.html``) are Jinja2 templates in each
app's ``jinja2/`` folder; e-mails and the PDF stay Django templates. Django's
template language interprets its node tree on every render: on a form page that was
some 40% of the page's CPU time (docs/performance.md, issue 4). Jinja2 compiles a
template to Python once.

**One compiled copy per site.** A page's texts and fixed links are the same for every
request in one language, under one URLconf and script prefix (the *site*, as
``markup.urls.current_site()``). Each site gets its own compiled copy of the
templates in which these are already worked out, as if written in by hand:

- ``_("literal text")``: the translation;
- ``fixed_url("name")``, ``fixed_static("path")`` with a written-out argument: the URL.

A render then looks none of them up. A page may not use these three names for
anything else (``{% set _ = … %}`` is refused when compiled); an attribute or filter of
the same name (``o._("x")``) is left alone.

``makemessages`` still finds each ``_("…")`` in the template's source: it reads one
that opens a ``{{ }}`` on one line, with no ``|`` inside the text (a test checks that
every page's texts are found so). Anything else translated (``_(variable)``) is looked
up when rendered, by Django's gettext; plural sentences are in ``page_plurals``, where
``makemessages`` finds them.

**As Django's templates show things.** Output is escaped (autoescape), the
translations of ``_()`` too, as ``{% translate %}`` does. A date, time or decimal is
shown localized and in the site's time zone, and ``|date`` gets the local time, as in
Django's templates. Anything callable shown without ``()`` is an error rather than
``<bound method …>`` (a method in ``{% if %}`` is not caught: it is always true). A
missing variable, or an attribute of one, is empty. Unlike Django's templates, the
context processors' values (``user``, ``messages``, ``session_seconds``) win over a
view's own of the same name (Django's Jinja2 backend adds them last).
"""

import datetime
import decimal
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import jinja2
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import TemplateDoesNotExist, defaultfilters, engines
from django.template import TemplateSyntaxError as DjangoTemplateSyntaxError
from django.template.backends.jinja2 import Jinja2, Template, get_exception_info
from django.urls import reverse
from django.utils import translation
from django.utils.formats import localize
from django.utils.timezone import is_aware, localtime
from django.utils.translation import get_language, gettext, ngettext
from jinja2 import (
    ChainableUndefined,
    Environment,
    TemplateNotFound,
    TemplateSyntaxError,
    Undefined,
    pass_context,
)
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from jinja2.runtime import Context

from mijnduo.conf.page_plurals import plural
from mijnduo.portal.markup.csrf import csrf_field_for
from mijnduo.portal.markup.fields import (
    answer_sections,
    checkbox_fieldset,
    radio_field,
    step_nav,
    text_field,
    yesno_field,
)
from mijnduo.portal.markup.layout import language_options
from mijnduo.portal.markup.urls import (
    Site,
    current_site,
    fixed_static,
    fixed_url,
    static_in_site,
    url_by_pattern,
    url_in_site,
)

# --- worked out when compiled ----------------------------------------------------------


def _translated(site: Site, text: str) -> str:
    with translation.override(site[2]):
        return gettext(text)


# The functions whose call with one written-out string is replaced by its value for the
# environment's site. Each gives plain text (escaped when shown), never markup.
_FOLDED: dict[str, Callable[[Site, str], str]] = {
    "_": _translated,
    "fixed_url": url_in_site,
    "fixed_static": static_in_site,
}
_CALL = ("name", "lparen", "string", "rparen")  # name ( "literal" )


class WorkedOutWhenCompiled(Extension):
    """Replaces each call in _FOLDED with one literal by its value for
    ``environment.site`` (set on each site's overlay; none on the shared one)."""

    def filter_stream(self, stream: TokenStream) -> Iterable[Token]:
        site: Site | None = getattr(self.environment, "site", None)
        return stream if site is None else _worked_out(stream, site)


def _is_function(token: Token, previous: Token | None) -> bool:
    """One of _FOLDED's names, not an attribute (``o._``), a filter (``x|_``) or a test."""
    return (
        token.type == "name"
        and token.value in _FOLDED
        and not (
            previous is not None and (previous.type in ("dot", "pipe") or previous.test("name:is"))
        )
    )


def _worked_out(stream: TokenStream, site: Site) -> Iterator[Token]:
    window: list[Token] = []  # the tokens that may yet turn out to be such a call
    previous: Token | None = None  # the last token passed on
    for token in stream:
        window.append(token)
        while window and not (
            _is_function(window[0], previous)
            and all(t.type == kind for t, kind in zip(window, _CALL, strict=False))
        ):
            if len(window) > 1 and _is_function(window[0], previous) and window[1].type != "lparen":
                # Assigned or used as a variable: a page must not hide these names,
                # since its calls of them are worked out when compiled.
                raise TemplateSyntaxError(
                    f"{window[0].value} is a function of every page; it cannot be a name",
                    window[0].lineno,
                    stream.name,
                    stream.filename,
                )
            previous = window.pop(0)
            yield previous
        if len(window) == len(_CALL):
            previous = Token(
                window[0].lineno, "string", _FOLDED[window[0].value](site, window[2].value)
            )
            yield previous
            window.clear()
    yield from window


# --- what a page may call --------------------------------------------------------------


@pass_context
def csrf_field(context: Context) -> str:
    """The hidden CSRF field of the page's request (one token per request); nothing
    without a request, as Django's ``{% csrf_token %}``."""
    request = context.get("request")
    return "" if request is None else csrf_field_for(request)


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """Django's ``{% url %}``."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def _lookup(mapping: dict[str, Any], key: str) -> Any:
    """``mapping|lookup(key)``: the value, or empty when there is none."""
    return mapping.get(key, "")


_LOCALIZED = (datetime.date, datetime.time, decimal.Decimal, float)


def _as_django_shows(value: Any) -> Any:
    """Every ``{{ value }}``: a date, time or decimal number as Django's templates show
    it, in the current language and (a moment) in the site's time zone."""
    if isinstance(value, _LOCALIZED):
        return localize(_local(value))
    if callable(value) and not isinstance(value, Undefined):
        # Django's templates call a method they are given; Jinja2 would show
        # "<bound method …>". A template that forgot the () fails its tests instead.
        raise TypeError(f"a template shows {value!r} without calling it")
    return value


def _local(value: Any) -> Any:
    """A moment in the site's time zone, as Django's templates show one."""
    if isinstance(value, datetime.datetime) and is_aware(value):
        return localtime(value)
    return value


def _date(value: Any, arg: str | None = None) -> str:
    """Django's ``date`` filter, which Django's templates give the local time."""
    return defaultfilters.date(_local(value), arg)


def _time(value: Any, arg: str | None = None) -> str:
    return defaultfilters.time(_local(value), arg)


def environment(**options: Any) -> Environment:
    """The shared environment; each site renders with an overlay of it (below)."""
    options["undefined"] = ChainableUndefined  # in DEBUG too: not Django's {{ name }}
    options["finalize"] = _as_django_shows
    env = Environment(extensions=["jinja2.ext.i18n", WorkedOutWhenCompiled], **options)  # noqa: S701 (autoescape is in options)
    env.install_gettext_callables(gettext, ngettext)  # type: ignore[attr-defined]
    env.globals.update(
        answer_sections=answer_sections,
        checkbox_fieldset=checkbox_fieldset,
        csrf_field=csrf_field,
        fixed_static=fixed_static,
        fixed_url=fixed_url,
        get_language=get_language,
        language_options=language_options,
        plural=plural,
        radio_field=radio_field,
        step_nav=step_nav,
        text_field=text_field,
        url=url,
        url_by_pattern=url_by_pattern,
        yesno_field=yesno_field,
    )
    env.filters.update(
        capfirst=defaultfilters.capfirst,
        date=_date,
        filesizeformat=defaultfilters.filesizeformat,
        linebreaksbr=defaultfilters.linebreaksbr,
        lookup=_lookup,
        time=_time,
    )
    return env


# --- the backend -----------------------------------------------------------------------


class PageTemplate(Template):
    """A page. In tests, tests/conftest.py has it tell Django's test client what it
    rendered (``response.context``), as Django has its own templates do in tests."""

    def __init__(self, template: jinja2.Template, backend: "Jinja2PerSite") -> None:
        super().__init__(template, backend)
        self.name = template.name  # as Django's templates: assertTemplateUsed reads it


_SITES_AT_MOST = 16  # languages × URLconfs × script prefixes; more would be odd


class Jinja2PerSite(Jinja2):
    """Django's Jinja2 backend with a compiled copy of each template per site."""

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self._sites: dict[Site, Environment] = {}

    def _environment(self) -> Environment:
        site = current_site()
        env = self._sites.get(site)
        if env is None:
            if len(self._sites) >= _SITES_AT_MOST:
                self._sites.clear()
            # A cache of its own: an overlay otherwise starts with a copy of the shared one.
            env = self.env.overlay(cache_size=400)
            env.site = site
            self._sites[site] = env
        return env

    def forget_sites(self) -> None:
        self._sites.clear()

    def from_string(self, template_code: str) -> PageTemplate:
        return PageTemplate(self._environment().from_string(template_code), self)

    def get_template(self, template_name: str) -> PageTemplate:
        try:
            return PageTemplate(self._environment().get_template(template_name), self)
        except TemplateNotFound as exc:
            raise TemplateDoesNotExist(str(exc.name), backend=self) from exc
        except jinja2.TemplateSyntaxError as exc:  # reported as Django reports its own
            new = DjangoTemplateSyntaxError(exc.args)
            new.template_debug = get_exception_info(exc)  # type: ignore[arg-type, attr-defined]
            raise new from exc


# What a compiled copy has worked out depends on these settings (tests change them).
_SITE_SETTINGS = frozenset(
    {"ROOT_URLCONF", "STATIC_URL", "STORAGES", "LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS"}
)


@receiver(setting_changed)
def _forget_compiled_copies(*, setting: str, **_kwargs: object) -> None:
    if setting in _SITE_SETTINGS:
        for engine in engines.all():
            if isinstance(engine, Jinja2PerSite):
                engine.forget_sites()
