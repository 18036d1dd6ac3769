"""The API answers JSON; the Accept shortcut (applications/api/negotiation.py) gives
the answers DRF's own negotiation gives."""

import pytest

URL = "/api/v1/aanvragen/valideer"


@pytest.mark.parametrize(
    "accept", [None, "*/*", "application/json", "application/json; q=0.9, */*; q=0.1"]
)
def test_json_is_served_to_clients_that_accept_it(api, document, accept) -> None:
    headers = {"Accept": accept} if accept else {}
    response = api.post(URL, document, headers=headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["geldig"] is True


def test_a_client_that_accepts_no_json_gets_406(api, document) -> None:
    response = api.post(URL, document, headers={"Accept": "text/html"})
    assert response.status_code == 406


def test_a_format_the_api_does_not_render_is_not_found(api, document) -> None:
    assert api.post(f"{URL}?format=xml", document).status_code == 404


@pytest.mark.parametrize(
    "accept",
    [None, "*/*", "application/json", "application/*", "text/html", "application/json; indent=4"],
)
@pytest.mark.parametrize("query", ["", "?format=json", "?format=xml"])
def test_the_shortcut_answers_as_drf_would(accept, query) -> None:
    from django.http import Http404
    from rest_framework.exceptions import NotAcceptable
    from rest_framework.negotiation import DefaultContentNegotiation
    from rest_framework.renderers import JSONRenderer
    from rest_framework.request import Request
    from rest_framework.settings import api_settings
    from rest_framework.test import APIRequestFactory

    from mijnduo.applications.api.negotiation import JsonFirstContentNegotiation

    assert api_settings.DEFAULT_CONTENT_NEGOTIATION_CLASS is JsonFirstContentNegotiation
    headers = {"HTTP_ACCEPT": accept} if accept is not None else {}
    request = Request(APIRequestFactory().get(f"/x{query}", **headers))
    renderers = [JSONRenderer()]

    def outcome(negotiation: object) -> object:
        try:
            renderer, media_type = negotiation.select_renderer(request, renderers)  # type: ignore[attr-defined]
        except (NotAcceptable, Http404) as refused:
            return type(refused)
        return type(renderer), media_type

    assert outcome(JsonFirstContentNegotiation()) == outcome(DefaultContentNegotiation())
