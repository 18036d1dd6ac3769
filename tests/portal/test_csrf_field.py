"""{% csrf_field %}: the hidden field Django's {% csrf_token %} makes, made once per request;
and it still protects every form."""

import re

import pytest
from django.middleware.csrf import rotate_token
from django.template import TemplateSyntaxError, engines
from django.test import Client, RequestFactory

from .conftest import login
from .test_application_flow import start

TOKEN = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})">')
BOTH = "{% load csrf_field %}{% csrf_token %}|{% csrf_field %}|{% csrf_field %}"


def _request():
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE"] = "a" * 32
    return request


def test_the_same_markup_as_djangos_tag_in_every_form() -> None:
    rendered = engines["django"].from_string(BOTH).render({}, request=_request())
    django_tag, first, second = rendered.split("|")
    assert TOKEN.fullmatch(django_tag)
    assert first == second == django_tag  # one render: one masked token, as Django's


def test_kept_for_the_request_only() -> None:
    template = engines["django"].from_string("{% load csrf_field %}{% csrf_field %}")
    request, other = _request(), _request()
    first = template.render({}, request=request)
    assert template.render({}, request=request) == first  # a second render: what was kept
    assert template.render({}, request=other) != first  # another request: its own mask


def test_a_new_secret_in_the_request_gives_a_new_field() -> None:
    template = engines["django"].from_string("{% load csrf_field %}{% csrf_field %}")
    request = _request()
    before = template.render({}, request=request)
    rotate_token(request)  # as at login
    after = template.render({}, request=request)
    assert TOKEN.fullmatch(after) and after != before


def test_without_a_request_nothing_is_kept_and_nothing_breaks() -> None:
    template = engines["django"].from_string("{% load csrf_field %}[{% csrf_field %}]")
    assert template.render({}) == "[]"  # as {% csrf_token %} without a request


def test_takes_no_arguments() -> None:
    with pytest.raises(TemplateSyntaxError, match="no arguments"):
        engines["django"].from_string("{% load csrf_field %}{% csrf_field token %}")


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
