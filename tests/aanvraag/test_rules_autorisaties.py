"""R6 to R13: eHerkenning, beheerautorisaties and their dependencies, revocation."""

import pytest

from .documents import DELETE, build, check, found, intrekking

INVALID = "invalid"
REQUIRED = "required"
DEPENDENCY = "dependency"
SECTOR_ROLES = ["po", "vo", "bve", "mbo_nbo", "ho", "ho_nbo"]
MBO_HO_ROLES = ["bve", "mbo_nbo", "ho", "ho_nbo"]
OTHER_ROLES = ["bekostiging_opleidingen", "bop", "owp", "gemeente", "bow"]
CATALOG = [
    "po",
    "vo",
    "bve",
    "mbo_nbo",
    "ho",
    "ho_nbo",
    "bekostiging_opleidingen",
    "rio_algemeen",
    "rio_selfservice",
    "rio_opleidingseenheid",
    "bop",
    "owp",
    "gemeente",
    "bow",
    "anders",
]

# ---------------------------------------------------------------------------
# R6: eHerkenning level 3


def test_r6_no_eherkenning_blocks_submission(org_type: str) -> None:
    result = check(build(org_type, beheerder__heeftEherkenningNiveau3=False))
    assert found(result) == [("beheerder.heeftEherkenningNiveau3", "eherkenning_required", "R6")]


def test_r6_eherkenning_present_is_valid() -> None:
    assert check(build(beheerder__heeftEherkenningNiveau3=True)).is_valid


def test_r6_does_not_apply_to_an_intrekking() -> None:
    result = check(intrekking(beheerder__heeftEherkenningNiveau3=False))
    assert result.is_valid


def test_r6_unanswered_is_required_not_eherkenning_required() -> None:
    result = check(build(beheerder__heeftEherkenningNiveau3=DELETE))
    assert found(result) == [("beheerder.heeftEherkenningNiveau3", REQUIRED, "R1")]


# ---------------------------------------------------------------------------
# R7: at least one beheerautorisatie, known codes, duplicates collapse


@pytest.mark.parametrize("value", [[], None, DELETE, ""], ids=["empty", "null", "absent", "text"])
def test_r7_at_least_one_beheerautorisatie(value: object) -> None:
    result = check(build(beheerautorisaties=value))
    assert found(result) == [("beheerautorisaties", REQUIRED, "R7")]
    assert result.document["beheerautorisaties"] == []


def test_r7_not_required_for_an_intrekking() -> None:
    assert check(intrekking(beheerautorisaties=DELETE)).is_valid


@pytest.mark.parametrize("code", ["xx", "beheerder_po", "rio", "", "p o", "anders namelijk"])
def test_r7_unknown_code_is_invalid(code: str) -> None:
    result = check(build(beheerautorisaties=["po", code]))
    assert found(result) == [("beheerautorisaties", INVALID, "R7")]
    assert result.document["beheerautorisaties"] == ["po"]


def test_r7_only_unknown_codes_is_invalid_and_nothing_chosen() -> None:
    result = check(build(beheerautorisaties=["xx"]))
    assert found(result) == [
        ("beheerautorisaties", INVALID, "R7"),
        ("beheerautorisaties", REQUIRED, "R7"),
    ]


def test_r7_unknown_codes_are_named_in_one_problem() -> None:
    result = check(build(beheerautorisaties=["xx", "yy", "po"]))
    assert found(result) == [("beheerautorisaties", INVALID, "R7")]
    assert "'xx'" in str(result.problems[0].reason)


@pytest.mark.parametrize("value", ["po", {"po": True}, 7, True])
def test_r7_not_a_list_is_invalid(value: object) -> None:
    assert found(check(build(beheerautorisaties=value))) == [("beheerautorisaties", INVALID, "R7")]


@pytest.mark.parametrize("item", [["po"], 1, None, {"code": "po"}])
def test_r7_code_that_is_not_text_is_invalid(item: object) -> None:
    result = check(build(beheerautorisaties=["vo", item]))
    assert found(result) == [("beheerautorisaties", INVALID, "R7")]
    assert result.document["beheerautorisaties"] == ["vo"]


def test_r7_duplicates_collapse() -> None:
    result = check(build(beheerautorisaties=["vo", "po", "vo", "po", " VO "]))
    assert result.is_valid
    assert result.document["beheerautorisaties"] == ["po", "vo"]


def test_r7_codes_are_put_in_catalog_order() -> None:
    result = check(build(beheerautorisaties=list(reversed(CATALOG)), beheerautorisatieAnders="X"))
    assert result.is_valid
    assert result.document["beheerautorisaties"] == CATALOG


@pytest.mark.parametrize("code", [c for c in CATALOG if c != "anders"])
def test_r7_every_catalog_code_is_accepted(code: str) -> None:
    codes = [code, "bve"] if code.startswith("rio_") else [code]
    result = check(build(beheerautorisaties=codes))
    assert result.is_valid, result.problems
    assert code in result.document["beheerautorisaties"]


def test_r7_too_long_a_list_is_invalid() -> None:
    result = check(build(beheerautorisaties=["po"] * 41))
    assert found(result) == [("beheerautorisaties", INVALID, "R7")]


# ---------------------------------------------------------------------------
# R8: 'Anders, namelijk'


@pytest.mark.parametrize("empty", [DELETE, "", "   ", None])
def test_r8_anders_requires_a_description(empty: object) -> None:
    result = check(build(beheerautorisaties=["po", "anders"], beheerautorisatieAnders=empty))
    assert found(result) == [("beheerautorisatieAnders", REQUIRED, "R8")]


def test_r8_anders_with_description_is_valid() -> None:
    result = check(build(beheerautorisaties=["anders"], beheerautorisatieAnders=" Beheerder X "))
    assert result.is_valid
    assert result.document["beheerautorisatieAnders"] == "Beheerder X"


def test_r8_description_not_needed_without_anders() -> None:
    assert check(build(beheerautorisaties=["po"], beheerautorisatieAnders=DELETE)).is_valid


# ---------------------------------------------------------------------------
# R9: RIO Algemeen / RIO Selfservice need a sector role

R9_ROLES = ["rio_algemeen", "rio_selfservice"]


@pytest.mark.parametrize("rio", R9_ROLES)
def test_r9_rio_role_alone_is_a_dependency_error(rio: str) -> None:
    result = check(build("bestuur", beheerautorisaties=[rio]))
    assert found(result) == [("beheerautorisaties", DEPENDENCY, "R9")]


@pytest.mark.parametrize("rio", R9_ROLES)
@pytest.mark.parametrize("other", OTHER_ROLES)
def test_r9_rio_role_with_a_non_sector_role_is_a_dependency_error(rio: str, other: str) -> None:
    result = check(build("bestuur", beheerautorisaties=[rio, other]))
    assert found(result) == [("beheerautorisaties", DEPENDENCY, "R9")]


@pytest.mark.parametrize("rio", R9_ROLES)
@pytest.mark.parametrize("sector", SECTOR_ROLES)
def test_r9_rio_role_with_a_requested_sector_role(rio: str, sector: str) -> None:
    assert check(build("bestuur", beheerautorisaties=[rio, sector])).is_valid


@pytest.mark.parametrize("rio", R9_ROLES)
@pytest.mark.parametrize("sector", SECTOR_ROLES)
def test_r9_rio_role_with_a_sector_role_already_held(rio: str, sector: str) -> None:
    result = check(build("bestuur", beheerautorisaties=[rio, sector]), held={sector})
    assert result.is_valid
    result = check(build("bestuur", beheerautorisaties=[rio]), held={sector})
    assert result.is_valid


@pytest.mark.parametrize("rio", R9_ROLES)
def test_r9_held_non_sector_role_does_not_count(rio: str) -> None:
    result = check(build("bestuur", beheerautorisaties=[rio]), held={"bop", "rio_algemeen"})
    assert found(result) == [("beheerautorisaties", DEPENDENCY, "R9")]


def test_r9_both_rio_roles_give_one_problem() -> None:
    result = check(build("bestuur", beheerautorisaties=R9_ROLES))
    assert found(result) == [("beheerautorisaties", DEPENDENCY, "R9")]


# ---------------------------------------------------------------------------
# R10: RIO Opleidingseenheid needs an MBO or HO role (MBO = bve/mbo_nbo, HO = ho/ho_nbo)


def test_r10_rio_opleidingseenheid_alone_is_a_dependency_error() -> None:
    result = check(build("bestuur", beheerautorisaties=["rio_opleidingseenheid"]))
    assert found(result) == [("beheerautorisaties", DEPENDENCY, "R10")]


@pytest.mark.parametrize("role", MBO_HO_ROLES)
def test_r10_with_a_requested_mbo_or_ho_role(role: str) -> None:
    assert check(build("bestuur", beheerautorisaties=["rio_opleidingseenheid", role])).is_valid


@pytest.mark.parametrize("role", MBO_HO_ROLES)
def test_r10_with_an_mbo_or_ho_role_already_held(role: str) -> None:
    result = check(build("bestuur", beheerautorisaties=["rio_opleidingseenheid"]), held={role})
    assert result.is_valid


@pytest.mark.parametrize("role", ["po", "vo", *OTHER_ROLES])
def test_r10_po_vo_or_other_roles_do_not_count(role: str) -> None:
    requested = check(build("bestuur", beheerautorisaties=["rio_opleidingseenheid", role]))
    assert found(requested) == [("beheerautorisaties", DEPENDENCY, "R10")]
    held = check(build("bestuur", beheerautorisaties=["rio_opleidingseenheid"]), held={role})
    assert found(held) == [("beheerautorisaties", DEPENDENCY, "R10")]


def test_r10_and_r9_are_independent_and_both_reported() -> None:
    satisfied_r9 = check(
        build("bestuur", beheerautorisaties=["rio_algemeen", "rio_opleidingseenheid", "po"])
    )
    assert found(satisfied_r9) == [("beheerautorisaties", DEPENDENCY, "R10")]
    both = check(build("bestuur", beheerautorisaties=["rio_selfservice", "rio_opleidingseenheid"]))
    assert found(both) == [
        ("beheerautorisaties", DEPENDENCY, "R9"),
        ("beheerautorisaties", DEPENDENCY, "R10"),
    ]
    satisfied_both = check(
        build("bestuur", beheerautorisaties=["rio_algemeen", "rio_opleidingseenheid", "ho_nbo"])
    )
    assert satisfied_both.is_valid


# ---------------------------------------------------------------------------
# R11: RIO roles need the bestuursnummer


@pytest.mark.parametrize("rio", ["rio_algemeen", "rio_selfservice", "rio_opleidingseenheid"])
def test_r11_rio_role_needs_the_bestuursnummer(rio: str) -> None:
    result = check(build("gemeente", beheerautorisaties=["gemeente", rio, "ho"]))
    assert found(result) == [("organisatie.bestuursnummer", REQUIRED, "R11")]


@pytest.mark.parametrize("rio", ["rio_algemeen", "rio_selfservice", "rio_opleidingseenheid"])
def test_r11_rio_role_with_bestuursnummer(rio: str) -> None:
    doc = build(
        "gemeente",
        beheerautorisaties=["gemeente", rio, "ho"],
        organisatie__bestuursnummer="40169",
    )
    assert check(doc).is_valid


def test_r11_no_rio_role_needs_no_bestuursnummer() -> None:
    assert check(build("gemeente", beheerautorisaties=["gemeente", "ho"])).is_valid


def test_r11_and_r3_report_the_missing_bestuursnummer_once() -> None:
    doc = build(beheerautorisaties=["po", "rio_algemeen"], organisatie__bestuursnummer=DELETE)
    assert found(check(doc)) == [("organisatie.bestuursnummer", REQUIRED, "R3")]


def test_r11_malformed_bestuursnummer_is_invalid_not_required() -> None:
    doc = build("gemeente", beheerautorisaties=["ho", "rio_opleidingseenheid"])
    doc["organisatie"]["bestuursnummer"] = "123"
    assert found(check(doc)) == [("organisatie.bestuursnummer", INVALID, "R5")]


# ---------------------------------------------------------------------------
# R12: revocation details


@pytest.mark.parametrize("empty", [DELETE, None, ""])
def test_r12_blijft_gebruiker_required_when_revoking(empty: object) -> None:
    result = check(intrekking(intrekking__blijftGebruiker=empty))
    assert found(result) == [("intrekking.blijftGebruiker", REQUIRED, "R12")]


@pytest.mark.parametrize("value", [True, False])
def test_r12_blijft_gebruiker_answered(value: bool) -> None:
    result = check(intrekking(intrekking__blijftGebruiker=value))
    assert result.is_valid
    assert result.document["intrekking"]["blijftGebruiker"] is value


def test_r12_blijft_gebruiker_not_required_without_revocation() -> None:
    assert check(build(intrekking__blijftGebruiker=DELETE)).is_valid


def test_r12_blijft_gebruiker_as_text_is_invalid() -> None:
    result = check(intrekking(intrekking__blijftGebruiker="ja"))
    assert found(result) == [("intrekking.blijftGebruiker", INVALID, "R1")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", ""),
        ("AB12", "AB12"),
        ("ab-12 cd", "AB12CD"),
        ("1234", "1234"),
        ("A" * 20, "A" * 20),
    ],
)
def test_r12_serial_number_optional_and_normalised(value: str, expected: str) -> None:
    result = check(
        intrekking(intrekking__blijftGebruiker=False, intrekking__serienummerTokengenerator=value)
    )
    assert result.is_valid, result.problems
    assert result.document["intrekking"]["serienummerTokengenerator"] == expected


@pytest.mark.parametrize("value", ["ABC", "1-2-3", "AB_12", "AB/12", "\u00c9CU12"])
def test_r12_serial_number_malformed(value: str) -> None:
    result = check(intrekking(intrekking__serienummerTokengenerator=value))
    assert found(result) == [("intrekking.serienummerTokengenerator", INVALID, "R12")]


def test_r12_serial_number_too_long() -> None:
    result = check(intrekking(intrekking__serienummerTokengenerator="A" * 21))
    assert [(n, c) for n, c, _r in found(result)] == [
        ("intrekking.serienummerTokengenerator", INVALID)
    ]


# ---------------------------------------------------------------------------
# R13: a revocation cannot request beheerautorisaties


@pytest.mark.parametrize("codes", [["po"], ["vo", "bow"], ["anders"]])
def test_r13_revocation_with_beheerautorisaties_is_a_conflict(codes: list[str]) -> None:
    doc = intrekking(beheerautorisaties=codes, beheerautorisatieAnders="X")
    assert found(check(doc)) == [("beheerautorisaties", "conflict", "R13")]


def test_r13_conflict_is_reported_with_the_other_failing_rules() -> None:
    result = check(intrekking(beheerautorisaties=["rio_algemeen"]))
    assert found(result) == [
        ("beheerautorisaties", "conflict", "R13"),
        ("beheerautorisaties", DEPENDENCY, "R9"),
    ]


def test_r13_revocation_without_beheerautorisaties_is_valid(org_type: str) -> None:
    assert check(intrekking(org_type)).is_valid


def test_r13_no_revocation_with_beheerautorisaties_is_valid() -> None:
    assert check(build(intrekking__intrekken=False, beheerautorisaties=["po"])).is_valid
