"""{% fixed_url %}: the same URL as {% url %}, under whatever prefix the site is served."""

from django.template import engines
from django.urls import reverse, set_script_prefix

from mijnduo.portal.markup.urls import fixed_url


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
    template = engines["jinja2"].from_string("{{ fixed_url('mijn-organisatie') }}")
    assert template.render({}) == reverse("mijn-organisatie")


def test_fixed_static_is_static() -> None:
    from django.templatetags.static import static

    from mijnduo.portal.markup.urls import fixed_static

    for path in ("portal/site.css", "rhc/index.css", "identity/session-timeout.js"):
        assert fixed_static(path) == static(path)


# {% url_by_pattern %}: reverse()'s answer, without reversing on every call.


def test_url_by_pattern_is_reverse_for_plain_arguments() -> None:
    from mijnduo.portal.markup.urls import url_by_pattern

    for name, args in (
        ("portal:application-step", ("MDZ-AB12-CD34", "beheerder")),
        ("portal:application-step", ("MDZ-AB12-CD34", "organisatie")),
        ("portal:application-check", ("MDZ-ZZ99-0000",)),
        ("portal:application-status", ("x_y-Z",)),
        ("portal:applications", ()),
    ):
        assert url_by_pattern(name, *args) == reverse(name, args=args)


def test_url_by_pattern_quotes_other_arguments_as_reverse_does() -> None:
    from mijnduo.portal.markup.urls import url_by_pattern

    for reference in ("a b", "ü", "x?y", "50%", "a&b"):
        url = url_by_pattern("portal:application-check", reference)
        assert url == reverse("portal:application-check", args=[reference])
    assert "/a%20b/" in url_by_pattern("portal:application-check", "a b")  # not pasted in


def test_url_by_pattern_refuses_what_reverse_refuses() -> None:
    import pytest
    from django.urls import NoReverseMatch

    from mijnduo.portal.markup.urls import url_by_pattern

    with pytest.raises(NoReverseMatch):
        url_by_pattern("portal:application-step", "MDZ-AB12-CD34", "not a slug")
    with pytest.raises(NoReverseMatch):
        url_by_pattern("portal:application-step", "MDZ-AB12-CD34")  # an argument short


def test_url_by_pattern_only_for_routes_of_str_and_slug() -> None:
    from mijnduo.portal.markup.urls import _url_pattern

    urls = __name__.rpartition(".")[0] + ".urls_for_url_patterns"
    assert _url_pattern("plain", 2, urls, "/", "nl") == ("/plain/", "/", "")
    # Converters that would not take every plain argument as it is, a regular
    # expression, a route that another one before it answers: always reverse().
    for name in ("path-converter", "int-converter", "regex", "shadowed"):
        assert _url_pattern(name, 1, urls, "/", "nl") is None, name
    assert _url_pattern("first", 1, urls, "/", "nl") == ("/same/", "")
    # Two routes with one name: reverse() picks by the arguments ("123" fits both).
    assert _url_pattern("twice", 1, urls, "/", "nl") is None
    assert _url_pattern("plain", 1, urls, "/", "nl") is None  # an argument short


def test_url_by_pattern_under_a_prefix() -> None:
    from mijnduo.portal.markup.urls import url_by_pattern

    try:
        set_script_prefix("/duo/")
        url = url_by_pattern("portal:application-step", "MDZ-AB12-CD34", "beheerder")
        assert url == "/duo/aanvragen/MDZ-AB12-CD34/stap/beheerder"
        assert url == reverse("portal:application-step", args=["MDZ-AB12-CD34", "beheerder"])
    finally:
        set_script_prefix("/")


def test_url_by_pattern_in_a_template() -> None:
    template = engines["jinja2"].from_string(
        "[{{ url_by_pattern('portal:application-step', ref, 'beheerder') }}]"
    )
    assert template.render({"ref": "MDZ-AB12-CD34"}) == (
        "[" + reverse("portal:application-step", args=["MDZ-AB12-CD34", "beheerder"]) + "]"
    )


def test_url_by_pattern_leaves_two_routes_with_one_name_to_reverse() -> None:
    from mijnduo.portal.markup.urls import url_in_site

    urls = __name__.rpartition(".")[0] + ".urls_for_url_patterns"
    for argument in ("123", "abc"):
        assert url_in_site((urls, "/", "nl"), "twice", argument) == reverse(
            "twice", args=[argument], urlconf=urls
        )
