"""``{% csrf_field %}``: Django's ``{% csrf_token %}``, its markup made once per request.

A portal page has up to six forms: logging out and the language switch on every page,
and on the check page adding a document, signing, sending for signing and deleting.
Django's tag works its hidden field out again in each: it looks the token up through a
lazy object (a call through a proxy for each of three uses) and formats it with
``format_html``. On the check page that came to about 0.1 ms of CPU on the benchmark
machine (docs/performance.md, issue 4).

The first use in a request renders Django's own tag and keeps its markup on the
request, with the secret it was made from; the others give that markup. It is the same
markup: Django works the token out once per template render (the ``csrf`` context
processor's lazy object), so all forms of a page already carried the same masked
token. What is kept belongs to this request only and goes with it; a new secret in the
same request (``rotate_token``, at login) makes the next use render anew.
"""

from django import template
from django.template.base import Parser, Token
from django.template.context import Context
from django.template.defaulttags import CsrfTokenNode

register = template.Library()

_KEPT_AS = "_mijnduo_csrf_field"  # the request's attribute


class CsrfFieldNode(CsrfTokenNode):
    child_nodelists = ()

    def render(self, context: Context) -> str:
        request = getattr(context, "request", None)
        if request is None:  # not a RequestContext: Django's tag explains (in DEBUG)
            return super().render(context)
        secret = request.META.get("CSRF_COOKIE")
        kept: tuple[str | None, str] | None = getattr(request, _KEPT_AS, None)
        if kept is not None and kept[0] == secret:
            return kept[1]
        markup = super().render(context)
        # Rendering made the secret if there was none: keep it with what it was made from.
        # "" (no token in this context) is not kept: the next context may have one.
        if markup:
            setattr(request, _KEPT_AS, (request.META.get("CSRF_COOKIE"), markup))
        return markup


@register.tag
def csrf_field(parser: Parser, token: Token) -> CsrfFieldNode:
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("{% csrf_field %} takes no arguments")
    return CsrfFieldNode()
