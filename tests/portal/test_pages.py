"""The start page, problem-type pages and health check."""

import re

import pytest

from mijnduo.applications.api.problems import ALL_PROBLEM_TYPES


def test_start_page_explains_the_service_and_links_the_api_docs(client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "/api/v1/docs" in html
    assert "/api/v1/schema" in html
    assert "POST /api/v1/aanvragen/valideer" in html


def test_start_page_in_english(client) -> None:
    response = client.get("/", headers={"Accept-Language": "en"})
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.parametrize("problem", ALL_PROBLEM_TYPES, ids=lambda p: p.slug)
def test_every_problem_type_has_a_page(client, problem) -> None:
    response = client.get(f"/problemen/{problem.slug}")
    assert response.status_code == 200
    assert str(problem.status) in response.content.decode()


def test_unknown_problem_type_is_404(client) -> None:
    assert client.get("/problemen/bestaat-niet").status_code == 404


def test_api_docs_are_served_locally(client) -> None:
    html = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui" in html
    # No script or style from another host (a CDN): every src/href is local. (A bare
    # "cdn" can turn up in the random CSRF token, so look at addresses only.)
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)
    assert not re.search(r"https?://[^\s\"']*cdn", html.lower())
    assert client.get("/api/v1/schema").json()["openapi"].startswith("3.")


def test_health(client) -> None:
    assert client.get("/health").json() == {"status": "ok"}
