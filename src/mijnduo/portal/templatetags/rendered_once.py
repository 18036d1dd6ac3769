"""``{% rendered_once %}…{% endrendered_once %}``: markup that is the same for everyone.

The page header, footer and form buttons are the same on every page in one language:
texts, links to views without arguments, stylesheets. Rendered node by node they cost
about a sixth of a form page (docs/performance.md, issue 4). This tag renders its
contents once per language, URLconf and script prefix, and keeps the result with the
compiled template (so in development, where templates are not cached, every request
renders it again).

Safe by construction: the contents may hold only text, ``{% translate "…" %}`` and
tags whose arguments are written out (``{% fixed_url 'start' %}``); anything else (a
variable, ``{% if %}``, ``{% csrf_token %}``, a ``{% block %}``) is refused when the
template is loaded. And they are rendered with an empty context, never the request's,
so nothing about one visitor can be kept and shown to another.
"""

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
            # NodeList.render marks its result safe: each node escaped what it added.
            rendered = self.nodelist.render(Context(autoescape=context.autoescape))
            self.rendered[key] = rendered
        return rendered


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
            not node.takes_context
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
