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
