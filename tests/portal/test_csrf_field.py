"""{{ csrf_field() }}: the hidden field of Django's {% csrf_token %}, made once per request
with a mask of its own; CsrfViewMiddleware accepts it and it still protects every form."""

import re
from collections import Counter

import pytest
from django.middleware.csrf import CSRF_ALLOWED_CHARS, _unmask_cipher_token, rotate_token
from django.template import engines
from django.test import Client, RequestFactory

from mijnduo.portal.markup.csrf import masked_token

from .conftest import login
from .test_application_flow import start

TOKEN = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})">')
FIELD = "{{ csrf_field() }}"


def _request():
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE"] = "a" * 32
    return request


def test_a_token_for_the_cookies_secret_in_every_form() -> None:
    request = _request()
    django_tag = engines["django"].from_string("{% csrf_token %}").render({}, request=request)
    first, second = (
        engines["jinja2"].from_string(f"{FIELD}|{FIELD}").render({}, request=request).split("|")
    )
    assert TOKEN.fullmatch(django_tag) and TOKEN.fullmatch(first)
    assert first == second  # made once for the request
    ours, djangos = TOKEN.fullmatch(first).group(1), TOKEN.fullmatch(django_tag).group(1)
    assert _unmask_cipher_token(ours) == _unmask_cipher_token(djangos) == "a" * 32
    assert ours != djangos  # each masked anew
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True  # the cookie renewed, as Django's


def test_without_a_cookie_django_makes_the_secret() -> None:
    request = RequestFactory().get("/")
    rendered = engines["jinja2"].from_string(FIELD).render({}, request=request)
    secret = request.META["CSRF_COOKIE"]
    assert len(secret) == 32
    assert _unmask_cipher_token(TOKEN.fullmatch(rendered).group(1)) == secret


def test_the_mask_is_uniform_over_the_allowed_characters() -> None:
    counts = Counter(char for _ in range(2000) for char in masked_token("a" * 32)[:32])
    assert set(counts) == set(CSRF_ALLOWED_CHARS)
    expected = 2000 * 32 / len(CSRF_ALLOWED_CHARS)  # about 1032 each
    assert all(0.85 * expected < count < 1.15 * expected for count in counts.values())


def test_the_token_unmasks_to_its_secret() -> None:
    for secret in ("a" * 32, "Z9" * 16, CSRF_ALLOWED_CHARS[:32], CSRF_ALLOWED_CHARS[-32:]):
        token = masked_token(secret)
        assert len(token) == 64 and set(token) <= set(CSRF_ALLOWED_CHARS)
        assert _unmask_cipher_token(token) == secret


def test_kept_for_the_request_only() -> None:
    template = engines["jinja2"].from_string(FIELD)
    request, other = _request(), _request()
    first = template.render({}, request=request)
    assert template.render({}, request=request) == first  # a second render: what was kept
    assert template.render({}, request=other) != first  # another request: its own mask


def test_a_new_secret_in_the_request_gives_a_new_field() -> None:
    template = engines["jinja2"].from_string(FIELD)
    request = _request()
    before = template.render({}, request=request)
    rotate_token(request)  # as at login
    after = template.render({}, request=request)
    assert TOKEN.fullmatch(after) and after != before


@pytest.mark.django_db
def test_every_form_on_the_check_page_is_protected(applicant) -> None:
    client = login(Client(enforce_csrf_checks=True), applicant)
    page = client.get("/aanvragen/").content.decode()
    token = TOKEN.search(page).group(1)
    created = client.post("/aanvragen/nieuw", {"csrfmiddlewaretoken": token})
    assert created.status_code == 302
    reference = created["Location"].split("/")[2]

    check = client.get(f"/aanvragen/{reference}/controleren").content.decode()
    tokens = TOKEN.findall(check)
    assert len(tokens) == check.count('method="post"') >= 4
    assert len(set(tokens)) == 1

    assert client.post(f"/aanvragen/{reference}/verwijderen").status_code == 403
    deleted = client.post(f"/aanvragen/{reference}/verwijderen", {"csrfmiddlewaretoken": tokens[0]})
    assert deleted.status_code == 302


def test_the_portal_uses_it(applicant_client) -> None:
    reference = start(applicant_client)
    page = applicant_client.get(f"/aanvragen/{reference}/stap/organisatie").content.decode()
    assert len(TOKEN.findall(page)) == page.count('method="post"') == 3
