"""signatory_check: every verdict path of R16 (registers.md, "KvK: who may sign")."""

import json
from datetime import date
from typing import Any

import pytest
from django.utils.translation import override

from mijnduo.registers.kvk import (
    Bevoegdheid,
    RegisterUnavailable,
    SignatoryOutcome,
    SignatoryVerdict,
    signatory_check,
)

from .helpers import FakeRegister, officer, registration

TODAY = date(2026, 3, 1)
OK = SignatoryOutcome.CONFIRMED
NO = SignatoryOutcome.NOT_AUTHORISED
NOT_FOUND = SignatoryOutcome.NOT_FOUND
UNKNOWN = SignatoryOutcome.UNKNOWN


def check(
    register: Any, naam: str = "A.M. van der Berg", kvk: str = "90000001"
) -> SignatoryVerdict:
    with override("en"):
        return signatory_check(
            register=register, kvk_nummer=kvk, naam=naam, functie="Bestuurder", today=TODAY
        )


def test_outcome_codes_are_the_contract() -> None:
    assert [o.value for o in SignatoryOutcome] == [
        "bevestigd",
        "niet_bevoegd",
        "niet_gevonden",
        "onbekend",
    ]


@pytest.mark.parametrize(
    ("bevoegdheid", "outcome", "reason"),
    [
        (Bevoegdheid.ALLEEN_BEVOEGD, OK, "authorised"),
        (Bevoegdheid.ONBEPERKT, OK, "authorised"),
        (Bevoegdheid.VOLLEDIG_GEVOLMACHTIGD, OK, "authorised"),
        (Bevoegdheid.GEZAMENLIJK, NO, "joint_authority"),
        (Bevoegdheid.BEPERKT, NO, "limited_authority"),
        (Bevoegdheid.NIET_BEVOEGD, NO, "no_authority"),
        (Bevoegdheid.ONBEKEND, UNKNOWN, "authority_unknown"),
    ],
)
def test_authority(bevoegdheid: Bevoegdheid, outcome: SignatoryOutcome, reason: str) -> None:
    verdict = check(FakeRegister(registration(officer(bevoegdheid=bevoegdheid))))
    assert (verdict.outcome, verdict.reason) == (outcome, reason)
    assert verdict.evidence["functionaris"]["bevoegdheid"] == bevoegdheid.value


def test_confirmed_explains_and_shows_its_evidence() -> None:
    register = FakeRegister(registration(officer(), officer("Pieter", "", "Bakker")))
    verdict = check(register, naam="mr. A.M. van der Berg")
    assert verdict.outcome is OK
    assert verdict.explanation == "The signatory is registered as Bestuurder and may sign alone."
    assert register.asked == ["90000001"]
    assert verdict.evidence == {
        "source": "fake",
        "kvk_nummer": "90000001",
        "checked_naam": "mr. A.M. van der Berg",
        "checked_functie": "Bestuurder",
        "registration": {
            "naam": "Groningse Schoolvereniging",
            "beeindigd": False,
            "bijzondere_rechtstoestand": "",
        },
        "matching_officers": 1,
        "functionaris": {
            "naam": "Anne-Marie van der Berg",
            "functie": "Bestuurder",
            "bevoegdheid": "alleen_bevoegd",
            "overleden": False,
            "geschorst": False,
            "minderjarig": False,
            "functie_beeindigd": False,
            "match_notes": ["initials", "title_ignored"],
        },
    }
    json.dumps(verdict.evidence)  # stored with the review: must be JSON


@pytest.mark.parametrize(
    ("flags", "reason"),
    [
        ({"overleden": True}, "person_deceased"),
        ({"geschorst": True}, "person_suspended"),
        ({"minderjarig": True}, "person_under_age"),
        ({"datum_einde": TODAY}, "function_ended"),
        ({"datum_einde": date(2020, 1, 1)}, "function_ended"),
    ],
)
def test_the_person_or_function_rules_out_signing(flags: dict[str, Any], reason: str) -> None:
    verdict = check(FakeRegister(registration(officer(**flags))))
    assert (verdict.outcome, verdict.reason) == (NO, reason)


def test_a_function_ending_later_still_counts() -> None:
    verdict = check(FakeRegister(registration(officer(datum_einde=date(2026, 3, 2)))))
    assert verdict.outcome is OK


def test_a_deceased_officer_is_refused_even_with_full_authority() -> None:
    verdict = check(
        FakeRegister(registration(officer(bevoegdheid=Bevoegdheid.ONBEPERKT, overleden=True)))
    )
    assert verdict.outcome is NO


def test_an_ended_registration_rules_out_everyone() -> None:
    verdict = check(FakeRegister(registration(officer(), beeindigd=True)))
    assert (verdict.outcome, verdict.reason) == (NO, "registration_ended")
    assert verdict.evidence["registration"]["beeindigd"] is True


def test_bankruptcy_rules_out_everyone() -> None:
    verdict = check(
        FakeRegister(registration(officer(), bijzondere_rechtstoestand="faillissement"))
    )
    assert (verdict.outcome, verdict.reason) == (NO, "special_legal_state")
    assert "faillissement" in verdict.explanation
    assert verdict.evidence["registration"]["bijzondere_rechtstoestand"] == "faillissement"


@pytest.mark.parametrize(
    "naam",
    [
        "P. Bakker",
        "A.M. van der Bergen",
        "B. van der Berg",
        "A.M. van den Berg",
        "",
        "van der Berg",
    ],
)
def test_no_officer_with_the_name(naam: str) -> None:
    verdict = check(FakeRegister(registration(officer())), naam=naam)
    assert (verdict.outcome, verdict.reason) == (NOT_FOUND, "officer_not_found")
    assert "functionaris" not in verdict.evidence


def test_no_such_registration() -> None:
    verdict = check(FakeRegister(None))
    assert (verdict.outcome, verdict.reason) == (NOT_FOUND, "registration_not_found")


@pytest.mark.parametrize("kvk", ["", "1234567", "123456789", "abcdefgh", "900000010000"])
def test_a_malformed_kvk_nummer_is_not_looked_up(kvk: str) -> None:
    register = FakeRegister(registration(officer()))
    verdict = check(register, kvk=kvk)
    assert (verdict.outcome, verdict.reason) == (NOT_FOUND, "kvk_nummer_invalid")
    assert register.asked == []


def test_the_kvk_nummer_is_normalised_before_asking() -> None:
    register = FakeRegister(registration(officer()))
    verdict = check(register, kvk=" 9000 0001 ")
    assert verdict.outcome is OK
    assert register.asked == ["90000001"]
    assert verdict.evidence["kvk_nummer"] == "90000001"


@pytest.mark.parametrize("reason", ["timeout", "server_error", "auth", "not_in_offline_file"])
def test_register_unavailable_is_unknown_never_green(reason: str) -> None:
    verdict = check(FakeRegister(error=RegisterUnavailable(reason)))
    assert (verdict.outcome, verdict.reason) == (UNKNOWN, "register_unavailable")
    assert verdict.evidence["error"] == reason
    assert "could not be consulted" in verdict.explanation


def test_a_register_bug_is_unknown_and_logged_without_details(
    caplog: pytest.LogCaptureFixture,
) -> None:
    verdict = check(FakeRegister(error=KeyError("Anne-Marie van der Berg")))
    assert (verdict.outcome, verdict.reason) == (UNKNOWN, "register_unavailable")
    assert verdict.evidence["error"] == "unexpected_error"
    assert "KeyError" in caplog.text
    assert "Anne" not in caplog.text


def test_one_person_with_an_ended_and_a_current_function_counts_the_current_one() -> None:
    ended = officer(bevoegdheid=Bevoegdheid.ALLEEN_BEVOEGD, datum_einde=date(2024, 1, 1))
    current = officer(functie="Voorzitter", bevoegdheid=Bevoegdheid.ONBEPERKT)
    for order in ((ended, current), (current, ended)):
        verdict = check(FakeRegister(registration(*order)))
        assert verdict.outcome is OK
        assert verdict.evidence["functionaris"]["functie"] == "Voorzitter"
        assert verdict.evidence["matching_officers"] == 1


def test_one_person_with_joint_and_ended_sole_authority_is_not_authorised_jointly() -> None:
    ended = officer(bevoegdheid=Bevoegdheid.ALLEEN_BEVOEGD, datum_einde=date(2024, 1, 1))
    joint = officer(bevoegdheid=Bevoegdheid.GEZAMENLIJK)
    verdict = check(FakeRegister(registration(ended, joint)))
    assert (verdict.outcome, verdict.reason) == (NO, "joint_authority")


def test_two_people_answering_to_the_name_with_different_authority_is_unknown() -> None:
    anne = officer("Anne", "", "Jansen", bevoegdheid=Bevoegdheid.ALLEEN_BEVOEGD)
    albert = officer("Albert", "", "Jansen", bevoegdheid=Bevoegdheid.GEZAMENLIJK)
    verdict = check(FakeRegister(registration(anne, albert)), naam="A. Jansen")
    assert (verdict.outcome, verdict.reason) == (UNKNOWN, "ambiguous_name")
    assert verdict.evidence["matching_officers"] == 2
    assert [f["naam"] for f in verdict.evidence["functionarissen"]] == [
        "Anne Jansen",
        "Albert Jansen",
    ]
    # The full first name tells them apart.
    assert check(FakeRegister(registration(anne, albert)), naam="Albert Jansen").outcome is NO
    assert check(FakeRegister(registration(anne, albert)), naam="Anne Jansen").outcome is OK


def test_two_people_answering_to_the_name_with_the_same_authority_agree() -> None:
    anne = officer("Anne", "", "Jansen", bevoegdheid=Bevoegdheid.ALLEEN_BEVOEGD)
    albert = officer("Albert", "", "Jansen", bevoegdheid=Bevoegdheid.ONBEPERKT)
    verdict = check(FakeRegister(registration(anne, albert)), naam="A. Jansen")
    assert verdict.outcome is OK
    assert verdict.evidence["matching_officers"] == 2


def test_explain_renders_in_the_active_language() -> None:
    verdict = check(FakeRegister(registration(officer(bevoegdheid=Bevoegdheid.GEZAMENLIJK))))
    with override("en"):
        assert verdict.explain() == verdict.explanation
    assert "co-signatories are needed" in verdict.explanation
    assert "Bestuurder" in verdict.explanation
    plain = SignatoryVerdict(UNKNOWN, "x", "as given", {})
    assert plain.explain() == "as given"


def test_evidence_holds_no_more_personal_data_than_the_name() -> None:
    verdict = check(FakeRegister(registration(officer(datum_einde=date(2020, 5, 17)))))
    text = json.dumps(verdict.evidence)
    assert "2020" not in text  # the end date itself is not needed, the flag is


def test_a_register_without_a_source_is_named_by_its_class() -> None:
    class Bare:
        def inschrijving(self, kvk_nummer: str) -> None:
            return None

    assert check(Bare()).evidence["source"] == "Bare"
