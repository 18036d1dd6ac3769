"""R14 and R15: section 5, "Ondertekening bevoegd gezag"."""

from datetime import date

import pytest

from .documents import DELETE, ORGANISATION_TYPES, TODAY, build, check, found, reason_for

INVALID = "invalid"
REQUIRED = "required"
NOT_AUTHORISED = "not_authorised"

# ---------------------------------------------------------------------------
# R14: the signature


@pytest.mark.parametrize("key", ["naam", "functie", "email", "plaats", "datum"])
@pytest.mark.parametrize(
    "empty", [DELETE, "", "  ", None], ids=["absent", "empty", "blank", "null"]
)
def test_r14_signature_field_required(key: str, empty: object) -> None:
    result = check(build(**{f"ondertekening__{key}": empty}))
    assert found(result) == [(f"ondertekening.{key}", REQUIRED, "R14")]


def test_r14_whole_signature_missing() -> None:
    result = check(build(ondertekening=DELETE))
    assert found(result) == [
        (f"ondertekening.{key}", REQUIRED, "R14")
        for key in ("naam", "functie", "email", "plaats", "datum", "akkoordGebruiksvoorwaarden")
    ]


@pytest.mark.parametrize("empty", [DELETE, None, ""], ids=["absent", "null", "empty"])
def test_r14_akkoord_missing_is_required(empty: object) -> None:
    result = check(build(ondertekening__akkoordGebruiksvoorwaarden=empty))
    assert found(result) == [("ondertekening.akkoordGebruiksvoorwaarden", REQUIRED, "R14")]


def test_r14_akkoord_false_is_invalid() -> None:
    result = check(build(ondertekening__akkoordGebruiksvoorwaarden=False))
    assert found(result) == [("ondertekening.akkoordGebruiksvoorwaarden", INVALID, "R14")]
    assert "Gebruiksvoorwaarden" in reason_for(result, "ondertekening.akkoordGebruiksvoorwaarden")


@pytest.mark.parametrize("value", ["true", "ja", 1])
def test_r14_akkoord_not_a_boolean_is_invalid(value: object) -> None:
    result = check(build(ondertekening__akkoordGebruiksvoorwaarden=value))
    assert found(result) == [("ondertekening.akkoordGebruiksvoorwaarden", INVALID, "R1")]


def test_r14_akkoord_true_is_valid() -> None:
    assert check(build(ondertekening__akkoordGebruiksvoorwaarden=True)).is_valid


@pytest.mark.parametrize(
    "datum", ["2026-11-27", "2026-11-26", "2026-02-28", "2024-02-29", "1999-12-31"]
)
def test_r14_date_today_or_in_the_past(datum: str) -> None:
    result = check(build(ondertekening__datum=datum), today=TODAY)
    assert result.is_valid
    assert result.document["ondertekening"]["datum"] == datum


def test_r14_date_with_surrounding_spaces_is_normalised() -> None:
    result = check(build(ondertekening__datum=" 2026-11-20 "))
    assert result.is_valid
    assert result.document["ondertekening"]["datum"] == "2026-11-20"


@pytest.mark.parametrize("datum", ["2026-11-28", "2027-01-01", "2999-12-31"])
def test_r14_date_in_the_future_is_invalid(datum: str) -> None:
    result = check(build(ondertekening__datum=datum), today=TODAY)
    assert found(result) == [("ondertekening.datum", INVALID, "R14")]
    assert "future" in reason_for(result, "ondertekening.datum")


@pytest.mark.parametrize(
    "datum",
    [
        "2026-02-30",
        "2025-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-04-31",
        "27-11-2026",
        "2026-1-5",
        "20261127",
        "2026/11/27",
        "27 november 2026",
        "2026-11-27T10:00",
        "\uff12\uff10\uff12\uff16-11-20",
    ],
)
def test_r14_not_a_real_date_is_invalid(datum: str) -> None:
    result = check(build(ondertekening__datum=datum), today=TODAY)
    # Every wrong date, also a written-out one, gets R14's message with the expected format.
    assert found(result) == [("ondertekening.datum", INVALID, "R14")]
    assert result.document["ondertekening"]["datum"] == datum


def test_r14_future_is_judged_against_the_given_day() -> None:
    doc = build(ondertekening__datum="2026-12-31")
    assert not check(doc, today=date(2026, 12, 30)).is_valid
    assert check(doc, today=date(2026, 12, 31)).is_valid


@pytest.mark.parametrize("email", ["a.jansen", "a.jansen@", "a.jansen@school"])
def test_r14_signatory_email_must_be_valid(email: str) -> None:
    result = check(build(ondertekening__email=email))
    assert found(result) == [("ondertekening.email", INVALID, "R5")]


# ---------------------------------------------------------------------------
# R15: who may sign for a municipality


@pytest.mark.parametrize(
    "functie",
    [
        "Gemeentesecretaris",
        "gemeentesecretaris",
        "GEMEENTESECRETARIS",
        "Burgemeester",
        "burgemeester van Groningen",
        "Wethouder",
        "Wethouder onderwijs",
        "wethouder Onderwijs en Jeugd",
        "Gemeentesecretaris / algemeen directeur",
        "Loco-burgemeester",
    ],
)
def test_r15_college_member_or_secretary_may_sign(functie: str) -> None:
    result = check(build("gemeente", ondertekening__functie=functie))
    assert result.is_valid, result.problems


@pytest.mark.parametrize(
    "functie",
    [
        "Afdelingshoofd",
        "Teamleider Onderwijs",
        "Secretaris",
        "Directeur",
        "Raadslid",
        "Gemandateerd medewerker",
        "Beleidsmedewerker onderwijs",
    ],
)
def test_r15_other_functions_may_not_sign_for_a_municipality(functie: str) -> None:
    result = check(build("gemeente", ondertekening__functie=functie))
    assert found(result) == [("ondertekening.functie", NOT_AUTHORISED, "R15")]
    assert "mandate" in reason_for(result, "ondertekening.functie")


def test_r15_applies_to_type_gemeente_written_in_capitals() -> None:
    doc = build("gemeente", organisatie__type="Gemeente", ondertekening__functie="Afdelingshoofd")
    assert found(check(doc)) == [("ondertekening.functie", NOT_AUTHORISED, "R15")]


@pytest.mark.parametrize("org_type", [t for t in ORGANISATION_TYPES if t != "gemeente"])
@pytest.mark.parametrize("functie", ["Afdelingshoofd", "Bestuurder", "Wethouder"])
def test_r15_does_not_apply_to_other_types(org_type: str, functie: str) -> None:
    assert check(build(org_type, ondertekening__functie=functie)).is_valid


def test_r15_missing_function_is_only_required() -> None:
    result = check(build("gemeente", ondertekening__functie=""))
    assert found(result) == [("ondertekening.functie", REQUIRED, "R14")]
