"""``{% rendered_once %}…{% endrendered_once %}``: markup that is the same for everyone.

The page header, footer and form buttons are the same on every page in one language:
texts, links to views without arguments, stylesheets. Rendered node by node they cost
about a sixth of a form page (docs/performance.md, issue 4). This tag renders its
contents once per language, URLconf and script prefix, and keeps the result with the
compiled template: until the worker restarts, or under runserver until a template
changes (Django caches compiled templates in development too).

Safe by construction: the contents may hold only text, ``{% translate "…" %}`` and
the tags listed in ``_SAME_FOR_EVERYONE`` with written-out arguments (``{% fixed_url
'start' %}``); anything else (a variable, ``{% if %}``, ``{% csrf_token %}``, a
``{% block %}``, any other tag) is refused when the template is loaded. And they are
rendered with an empty context, never the request's, so nothing about one visitor can
be kept and shown to another.
"""

from contextlib import nullcontext
from typing import Any

from django import template
from django.conf import settings
from django.template.base import (
    FilterExpression,
    Node,
    NodeList,
    Parser,
    TextNode,
    Token,
    Variable,
)
from django.template.context import Context
from django.template.library import SimpleNode
from django.templatetags.i18n import TranslateNode
from django.urls import get_script_prefix, get_urlconf
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_info

from .fixed_urls import fixed_static, fixed_url

register = template.Library()


class RenderedOnceNode(Node):
    # {% extends %} looks through the parent's nodes for blocks on every render; none
    # can be in here (refused when loaded), so it need not look inside.
    child_nodelists = ()

    def __init__(self, nodelist: NodeList) -> None:
        self.nodelist = nodelist
        self.rendered: dict[tuple[Any, ...], SafeString] = {}

    def render(self, context: Context) -> SafeString:
        key = (get_language(), *_site(context), context.autoescape)
        rendered = self.rendered.get(key)
        if rendered is None:
            empty = Context(autoescape=context.autoescape)
            # Bound to the page's template only so that an error inside is reported
            # as it is (the engine's debug information needs the template).
            page = context.template
            with empty.bind_template(page) if page is not None else nullcontext():
                # NodeList.render marks its result safe: each node escaped what it added.
                rendered = self.nodelist.render(empty)
            if len(self.rendered) >= _KEPT_AT_MOST:
                self.rendered.clear()
            self.rendered[key] = rendered
        return rendered


_KEPT_AT_MOST = 64  # languages × script prefixes × autoescape; more would be odd
_SITE = "mijnduo.rendered_once.site"  # where a render keeps the URLconf and prefix


def _site(context: Context) -> tuple[str | None, str]:
    """The request's URLconf and script prefix, looked up once per render: a page has
    ten of these tags, and each lookup goes through a context-local (about 1 µs)."""
    site: tuple[str | None, str] | None = context.render_context.get(_SITE)
    if site is None:
        site = context.render_context[_SITE] = (get_urlconf(), get_script_prefix())
    return site


@register.tag
def rendered_once(parser: Parser, token: Token) -> RenderedOnceNode:
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("{% rendered_once %} takes no arguments")
    nodelist = parser.parse(("endrendered_once",))
    parser.delete_first_token()
    for node in nodelist.get_nodes_by_type(Node):  # every node, nested ones too
        if not _the_same_for_everyone(node):
            raise template.TemplateSyntaxError(
                f"{{% rendered_once %}} holds only text, {{% translate %}} and tags with "
                f"written-out arguments, not {node.token.contents if node.token else node!r}"
            )
    return RenderedOnceNode(nodelist)


def _written_out(expression: FilterExpression | None) -> bool:
    """A literal without filters: ``'start'``, not ``name`` or ``'x'|upper``."""
    if expression is None:
        return True
    var = expression.var  # a Variable, or the value of a literal resolved when parsed
    literal = var.lookups is None if isinstance(var, Variable) else True
    return literal and not expression.filters


def _the_same_for_everyone(node: Node) -> bool:
    if isinstance(node, TextNode):
        return True
    if isinstance(node, TranslateNode):
        return (
            _written_out(node.filter_expression)
            and _written_out(node.message_context)
            and node.asvar is None
        )
    if isinstance(node, SimpleNode):
        return (
            node.func in _SAME_FOR_EVERYONE
            and not node.takes_context
            and node.target_var is None
            and all(_written_out(arg) for arg in node.args)
            and all(_written_out(value) for value in node.kwargs.values())
        )
    return False


@register.simple_tag
def language_options() -> SafeString:
    """The language switch's options, the current language selected (the same per language)."""
    current = get_language()
    return format_html_join(
        "",
        '\n            <option value="{}"{}>{}</option>',
        (
            (code, " selected" if code == current else "", get_language_info(code)["name_local"])
            for code, _name in settings.LANGUAGES
        ),
    )


# The simple tags whose answer depends only on their written-out arguments and on the
# key above (language, URLconf, script prefix). Any other tag is refused inside
# {% rendered_once %}: it could read something of the request or the moment.
_SAME_FOR_EVERYONE = frozenset({fixed_url, fixed_static, language_options})
