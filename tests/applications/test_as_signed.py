"""signing.as_signed: the document as it reads once signed, without changing the draft."""

import copy
from datetime import date

from mijnduo.aanvraag.validator import validate
from mijnduo.applications.signing import as_signed

DRAFT = {
    "organisatie": {"type": "bestuur", "naam": "Stichting  Voorbeeld"},
    "beheerder": {"email": "beheer@example.nl"},
    "beheerautorisaties": ["vo"],
    "ondertekening": {"naam": "A. Jansen", "datum": None},
}


def test_the_signed_copy_has_today_and_the_answer_to_the_terms() -> None:
    signed = as_signed(DRAFT, date(2026, 11, 29), akkoord=False)

    assert signed["ondertekening"] == {
        "naam": "A. Jansen",
        "datum": "2026-11-29",
        "akkoordGebruiksvoorwaarden": False,
    }
    assert {k: v for k, v in signed.items() if k != "ondertekening"} == {
        k: v for k, v in DRAFT.items() if k != "ondertekening"
    }


def test_the_draft_is_left_as_it_was_also_after_validating_the_signed_copy() -> None:
    draft = copy.deepcopy(DRAFT)
    signed = as_signed(draft, date(2026, 11, 29))
    validate(signed)
    signed["ondertekening"]["naam"] = "someone else"

    assert draft == DRAFT


def test_a_missing_or_malformed_signing_section_becomes_a_new_one() -> None:
    for draft in ({"beheerder": {}}, {"ondertekening": "not an object"}):
        signed = as_signed(draft, date(2026, 11, 29))
        assert signed["ondertekening"] == {
            "datum": "2026-11-29",
            "akkoordGebruiksvoorwaarden": True,
        }
