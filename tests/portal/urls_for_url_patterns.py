"""Routes for tests/portal/test_fixed_urls.py: which ones {% url_by_pattern %} may cut."""

from django.http import HttpRequest, HttpResponse
from django.urls import path, re_path


def view(request: HttpRequest, **kwargs: str) -> HttpResponse:
    return HttpResponse()


urlpatterns = [
    path("plain/<str:a>/<slug:b>", view, name="plain"),
    path("any/<path:rest>", view, name="path-converter"),
    path("number/<int:n>", view, name="int-converter"),
    re_path(r"^regex/(?P<x>[a-z]+)$", view, name="regex"),
    path("same/<str:a>", view, name="first"),
    path("same/<slug:a>", view, name="shadowed"),
    path("twice/a/<slug:x>", view, name="twice"),
    path("twice/b/<int:x>", view, name="twice"),
]
