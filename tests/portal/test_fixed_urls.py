"""{% fixed_url %}: the same URL as {% url %}, under whatever prefix the site is served."""

from django.template import engines
from django.urls import reverse, set_script_prefix

from mijnduo.portal.templatetags.fixed_urls import fixed_url


def test_the_same_url_as_reverse() -> None:
    for name in ("start", "eherkenning:logout", "portal:applications", "set_language"):
        assert fixed_url(name) == reverse(name)


def test_a_site_served_under_a_prefix_gets_its_own_urls() -> None:
    try:
        set_script_prefix("/duo/")
        assert fixed_url("start") == "/duo/"
        assert fixed_url("portal:applications") == reverse("portal:applications")
    finally:
        set_script_prefix("/")
    assert fixed_url("start") == "/"


def test_in_a_template() -> None:
    template = engines["django"].from_string(
        "{% load fixed_urls %}{% fixed_url 'mijn-organisatie' %}"
    )
    assert template.render({}) == reverse("mijn-organisatie")


def test_fixed_static_is_static() -> None:
    from django.templatetags.static import static

    from mijnduo.portal.templatetags.fixed_urls import fixed_static

    for path in ("portal/site.css", "rhc/index.css", "identity/session-timeout.js"):
        assert fixed_static(path) == static(path)
