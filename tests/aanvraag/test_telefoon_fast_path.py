"""The fast path for Dutch telephone numbers agrees with phonenumbers.parse (R5)."""

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from mijnduo.aanvraag.formats import FormatError, normalise_telefoon


def _reference(value: str) -> str | None:
    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _ours(value: str) -> str | None:
    try:
        return normalise_telefoon(value)
    except FormatError:
        return None


national = st.from_regex(r"[1-9][0-9]{8}", fullmatch=True)
prefix = st.sampled_from(["0", "+31", "+31 ", "0031"])
separator = st.sampled_from(["", " ", "-", ".", "  "])


@given(prefix, national, separator, st.booleans())
@settings(max_examples=500, deadline=None)
def test_fast_path_gives_the_same_answer_as_phonenumbers(prefix, digits, sep, brackets) -> None:
    area, rest = digits[:2], digits[2:]
    lead = f"({prefix}{area})" if brackets and prefix == "0" else f"{prefix}{area}"
    value = f"{lead}{sep}{rest[:3]}{sep}{rest[3:]}"
    assert _ours(value) == _reference(value)


def test_known_numbers() -> None:
    assert normalise_telefoon("(050) 599 8440") == "+31505998440"
    assert normalise_telefoon("06-12345678") == "+31612345678"
    assert normalise_telefoon("+31 (0)50 599 8440") == "+31505998440"
    assert _ours("050 599 844") is None
    assert _ours("+31 0505998440") == _reference("+31 0505998440")
