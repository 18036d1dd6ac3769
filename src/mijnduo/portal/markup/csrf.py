"""``{{ csrf_field() }}`` in a page: the hidden CSRF field of Django's ``{% csrf_token %}``,
made once per request, with a mask drawn in one read of the OS's random source.

A portal page has up to six forms: logging out and the language switch on every page,
and on the check page adding a document, signing, sending for signing and deleting.
Django's tag works the field out again in each, looking the token up through a lazy
object and formatting it with ``format_html``. And Django masks the token (against
BREACH, so that no two pages carry the same text) with 32 draws of ``secrets.choice``:
32 reads of the OS's random source. Together that was about a twentieth of the check
page's template time on the benchmark machine (docs/performance.md, issue 4).

Here the first use in a request makes the field and keeps it on the request, with the
secret it was made from; the others give that markup. All forms of a page carried the
same token with Django's tag too (its ``csrf`` context processor works it out once per
render). What is kept belongs to this request only and goes with it; a new secret in
the same request (``rotate_token``, at login) makes the next use anew.

The token is Django's, made the way ``get_token`` makes it: the secret from the
``csrftoken`` cookie (which CsrfViewMiddleware has checked), the cookie marked for
renewal, and 32 mask characters, uniform over the 62 allowed, added to the secret's
characters modulo 62. CsrfViewMiddleware unmasks and checks it as any other
(tests/portal/test_csrf_field.py posts with it). Without a usable secret, Django's
``get_token`` makes one and the cookie.
"""

import secrets

from django.http import HttpRequest
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, get_token
from django.utils.html import format_html
from django.utils.safestring import SafeString

_KEPT_AS = "_mijnduo_csrf_field"  # the request's attribute
_CHARS = CSRF_ALLOWED_CHARS
_INDEX = {char: index for index, char in enumerate(_CHARS)}
# Bytes below this are uniform modulo 62 (248 = 4 × 62); the few above are drawn again.
_UNIFORM_BELOW = 256 - 256 % len(_CHARS)


def _mask() -> list[int]:
    """CSRF_SECRET_LENGTH indices into the allowed characters, each uniform and independent."""
    indices: list[int] = []
    while len(indices) < CSRF_SECRET_LENGTH:
        drawn = secrets.token_bytes(CSRF_SECRET_LENGTH)
        indices += [byte % len(_CHARS) for byte in drawn if byte < _UNIFORM_BELOW]
    return indices[:CSRF_SECRET_LENGTH]


def masked_token(secret: str) -> str:
    """The token for ``secret``: the mask, then each secret character shifted by it."""
    mask = _mask()
    cipher = (
        _CHARS[(_INDEX[char] + shift) % len(_CHARS)]
        for char, shift in zip(secret, mask, strict=True)
    )
    return "".join(_CHARS[shift] for shift in mask) + "".join(cipher)


def _token(request: HttpRequest) -> str:
    secret = request.META.get("CSRF_COOKIE")
    if (
        not isinstance(secret, str)
        or len(secret) != CSRF_SECRET_LENGTH
        or not _INDEX.keys() >= set(secret)
    ):
        return get_token(request)  # no secret yet: Django makes one, and the cookie
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # as get_token: the cookie renewed
    return masked_token(secret)


def csrf_field_for(request: HttpRequest) -> SafeString:
    """The request's hidden CSRF field: made on the first use, then kept on the request."""
    kept: tuple[str, SafeString] | None = getattr(request, _KEPT_AS, None)
    if kept is not None and kept[0] == request.META.get("CSRF_COOKIE"):
        return kept[1]
    token = _token(request)
    markup = format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)
    setattr(request, _KEPT_AS, (request.META["CSRF_COOKIE"], markup))
    return markup
