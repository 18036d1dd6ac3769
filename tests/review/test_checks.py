"""Every automated check in each of its states: green, red and unknown."""

import copy
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from mijnduo.applications.constants import Channel
from mijnduo.applications.models import Application, ApplicationFile, SignatureRecord
from mijnduo.audit.actors import SYSTEM
from mijnduo.registers.kvk.interface import Bevoegdheid, Functionaris, Inschrijving
from mijnduo.registers.models import Bestuur, Instelling
from mijnduo.registry.services import (
    account_create,
    beheerautorisaties_grant,
    organisation_create,
)
from mijnduo.review.checks.runner import checks_run, evaluate
from mijnduo.review.constants import CheckCode, CheckOutcome, CheckTrigger
from mijnduo.review.models import CheckResult

from .conftest import VALID_DOCUMENT, FakeKvk, submit

pytestmark = pytest.mark.django_db
KVK = VALID_DOCUMENT["organisatie"]["kvkNummer"]


def outcome_of(application: Application, code: CheckCode) -> tuple[str, list[str]]:
    [output] = [o for o in evaluate(application) if o.code == code]
    return output.outcome, [f.message for f in output.findings]


def board(*functionarissen: Functionaris, beeindigd: bool = False, state: str = "") -> Inschrijving:
    return Inschrijving(
        kvk_nummer=KVK,
        naam="Stichting De Linde",
        beeindigd=beeindigd,
        bijzondere_rechtstoestand=state,
        functionarissen=functionarissen,
    )


def jansen(bevoegdheid: Bevoegdheid = Bevoegdheid.ALLEEN_BEVOEGD, **flags: Any) -> Functionaris:
    return Functionaris(
        voornamen="Anna",
        voorvoegsel="",
        geslachtsnaam="Jansen",
        functie="Bestuurder",
        bevoegdheid=bevoegdheid,
        **flags,
    )


def load_register(*, brin_belongs: bool = True) -> None:
    Bestuur.objects.create(bestuursnummer="40169", naam="Stichting De Linde")
    Bestuur.objects.create(bestuursnummer="40170", naam="Een ander bestuur")
    Instelling.objects.create(
        brincode="05KO",
        naam="OBS De Linde",
        bestuursnummer="40169" if brin_belongs else "40170",
        sector="po",
    )


# Rules of the form ---------------------------------------------------------


def test_rules_green_for_a_valid_document(fake_kvk: FakeKvk) -> None:
    assert outcome_of(submit(), CheckCode.RULES) == (CheckOutcome.GREEN, ["rules_ok"])


def test_rules_red_when_the_registry_changed_under_the_application(fake_kvk: FakeKvk) -> None:
    application = submit()
    # Stored with a beheerautorisatie that needs another one (R9) no longer asked for.
    document = copy.deepcopy(application.submitted_document)
    document["beheerautorisaties"] = ["rio_algemeen"]
    Application.objects.filter(pk=application.pk).update(submitted_document=document)
    application.refresh_from_db()
    outcome, findings = outcome_of(application, CheckCode.RULES)
    assert outcome == CheckOutcome.RED
    assert findings == ["rule_broken"]


# DUO register --------------------------------------------------------------


def test_register_green_when_numbers_are_known_and_belong_together(fake_kvk: FakeKvk) -> None:
    load_register()
    outcome, findings = outcome_of(submit(), CheckCode.DUO_REGISTER)
    assert outcome == CheckOutcome.GREEN
    assert findings == ["brincode_found", "bestuur_found", "brin_of_bestuur"]


def test_register_red_when_the_brin_belongs_to_another_bestuur(fake_kvk: FakeKvk) -> None:
    load_register(brin_belongs=False)
    outcome, findings = outcome_of(submit(), CheckCode.DUO_REGISTER)
    assert outcome == CheckOutcome.RED
    assert "brin_not_of_bestuur" in findings


def test_register_red_when_a_number_is_missing(fake_kvk: FakeKvk) -> None:
    Instelling.objects.create(brincode="07WT", naam="Other", bestuursnummer="", sector="po")
    outcome, findings = outcome_of(submit(), CheckCode.DUO_REGISTER)
    assert outcome == CheckOutcome.RED
    assert findings == ["brincode_missing", "bestuur_missing"]


def test_register_unknown_when_nothing_is_loaded(fake_kvk: FakeKvk) -> None:
    assert outcome_of(submit(), CheckCode.DUO_REGISTER) == (
        CheckOutcome.UNKNOWN,
        ["register_empty"],
    )


def test_gemeentecode_green_and_red() -> None:
    document = copy.deepcopy(VALID_DOCUMENT)
    document["organisatie"] = {
        **document["organisatie"],
        "type": "gemeente",
        "brincode": "",
        "bestuursnummer": "",
        "gemeentecode": "0014",
    }
    document["beheerautorisaties"] = ["gemeente"]
    document["ondertekening"]["functie"] = "Gemeentesecretaris"
    application = submit(document)
    assert outcome_of(application, CheckCode.DUO_REGISTER)[0] == CheckOutcome.GREEN
    Application.objects.filter(pk=application.pk).update(
        document={
            **application.document,
            "organisatie": {"type": "gemeente", "gemeentecode": "9999"},
        }
    )
    application.refresh_from_db()
    assert outcome_of(application, CheckCode.DUO_REGISTER) == (
        CheckOutcome.RED,
        ["gemeente_unknown"],
    )


# Signatory: KvK (R16) and municipalities (R15) -----------------------------


def test_signatory_green_when_the_kvk_confirms(fake_kvk: FakeKvk) -> None:
    fake_kvk.answers[KVK] = board(jansen())
    outcome, _findings = outcome_of(submit(), CheckCode.SIGNATORY)
    assert outcome == CheckOutcome.GREEN


@pytest.mark.parametrize(
    "inschrijving",
    [
        board(jansen(Bevoegdheid.GEZAMENLIJK)),
        board(jansen(overleden=True)),
        board(jansen(), state="faillissement"),
        board(jansen(), beeindigd=True),
        board(jansen(datum_einde=date(2020, 1, 1))),
        board(),  # no officer by that name
        None,  # no such registration
    ],
)
def test_signatory_red_when_the_kvk_says_no(fake_kvk: FakeKvk, inschrijving: Any) -> None:
    fake_kvk.answers[KVK] = inschrijving
    assert outcome_of(submit(), CheckCode.SIGNATORY)[0] == CheckOutcome.RED


def test_signatory_unknown_never_green_when_the_register_cannot_answer(
    fake_kvk: FakeKvk,
) -> None:
    fake_kvk.unavailable = True
    application = submit()
    assert outcome_of(application, CheckCode.SIGNATORY)[0] == CheckOutcome.UNKNOWN
    run = checks_run(actor=SYSTEM, application=application, trigger=CheckTrigger.STAFF)
    assert not run.all_green


def test_municipal_signatory_by_r15(fake_kvk: FakeKvk) -> None:
    document = copy.deepcopy(VALID_DOCUMENT)
    document["organisatie"] = {
        **document["organisatie"],
        "type": "gemeente",
        "brincode": "",
        "bestuursnummer": "",
        "gemeentecode": "0014",
    }
    document["beheerautorisaties"] = ["gemeente"]
    document["ondertekening"]["functie"] = "Wethouder onderwijs"
    application = submit(document)
    assert outcome_of(application, CheckCode.SIGNATORY) == (CheckOutcome.GREEN, ["r15_ok"])
    changed = copy.deepcopy(application.document)
    changed["ondertekening"]["functie"] = "Hoofd afdeling"
    Application.objects.filter(pk=application.pk).update(document=changed)
    application.refresh_from_db()
    assert outcome_of(application, CheckCode.SIGNATORY) == (CheckOutcome.RED, ["r15_not_ok"])


# eHerkenning ---------------------------------------------------------------


def portal_application(
    level: str = "EH3", signer_level: str = "EH3", kvk: str = KVK
) -> Application:
    from django.contrib.auth.models import User

    application = submit(channel=Channel.PORTAL)
    Application.objects.filter(pk=application.pk).update(applicant_level=level)
    application.refresh_from_db()
    SignatureRecord.objects.create(
        application=application,
        naam="A. Jansen",
        functie="Bestuurder",
        level=signer_level,
        kvk_nummer=kvk,
        signer=User.objects.create_user(username=f"signer-{application.pk}"),
        by_applicant=True,
    )
    return application


def test_eherkenning_green_for_portal_logins_at_eh3(fake_kvk: FakeKvk) -> None:
    outcome, findings = outcome_of(portal_application(), CheckCode.EHERKENNING)
    assert outcome == CheckOutcome.GREEN
    assert findings == ["applicant_login", "signatory_login"]


def test_eherkenning_red_for_a_low_level_or_another_kvk(fake_kvk: FakeKvk) -> None:
    low = portal_application(signer_level="EH2+")
    assert outcome_of(low, CheckCode.EHERKENNING)[0] == CheckOutcome.RED
    SignatureRecord.objects.all().delete()
    other = portal_application(kvk="90000099")
    outcome, findings = outcome_of(other, CheckCode.EHERKENNING)
    assert outcome == CheckOutcome.RED
    assert "signatory_other_kvk" in findings


def test_eherkenning_unknown_outside_the_portal(fake_kvk: FakeKvk) -> None:
    assert outcome_of(submit(), CheckCode.EHERKENNING) == (CheckOutcome.UNKNOWN, ["not_portal"])


# Plausibility ----------------------------------------------------------------


def test_plausibility_green_without_signals(fake_kvk: FakeKvk) -> None:
    load_register()
    fake_kvk.answers[KVK] = board(jansen())
    application = submit()
    Application.objects.filter(pk=application.pk).update(
        document={
            **application.document,
            "ondertekening": {
                **application.document["ondertekening"],
                "datum": timezone.localdate().isoformat(),
            },
        }
    )
    application.refresh_from_db()
    assert outcome_of(application, CheckCode.PLAUSIBILITY) == (CheckOutcome.GREEN, ["no_signals"])


def test_plausibility_red_with_each_signal(fake_kvk: FakeKvk) -> None:
    fake_kvk.unavailable = True
    application = submit()
    old = (timezone.localdate() - timedelta(days=200)).isoformat()
    document = copy.deepcopy(application.document)
    document["ondertekening"]["datum"] = old
    document["beheerautorisaties"] = ["po", "gemeente"]
    Application.objects.filter(pk=application.pk).update(document=document)
    application.refresh_from_db()
    outcome, findings = outcome_of(application, CheckCode.PLAUSIBILITY)
    assert outcome == CheckOutcome.RED
    assert findings == [
        "signal_autorisatie_type",
        "signal_old_signature",
        "signal_no_uittreksel",
    ]
    ApplicationFile.objects.create(
        application=application,
        purpose="bijlage",
        naam="kvk",
        content_type="application/pdf",
        size=4,
        sha256="0" * 64,
        content=b"%PDF",
    )
    assert "signal_no_uittreksel" not in outcome_of(application, CheckCode.PLAUSIBILITY)[1]


# Registry ---------------------------------------------------------------------


def test_registry_green_for_a_new_beheerder(fake_kvk: FakeKvk) -> None:
    outcome, findings = outcome_of(submit(), CheckCode.REGISTRY)
    assert outcome == CheckOutcome.GREEN
    assert findings == ["org_not_registered", "account_new", "will_add"]


def test_registry_red_when_already_granted_since(fake_kvk: FakeKvk) -> None:
    application = submit()
    organisation = organisation_create(actor=SYSTEM, organisatie=VALID_DOCUMENT["organisatie"])
    account = account_create(actor=SYSTEM, naam="J. de Vries", email="j.devries@example.nl")
    beheerautorisaties_grant(
        actor=SYSTEM, account=account, organisation=organisation, codes=["po"], basis="x"
    )
    outcome, findings = outcome_of(application, CheckCode.REGISTRY)
    assert outcome == CheckOutcome.RED
    assert "already_held" in findings


def test_a_run_is_stored_with_its_evidence_and_time(fake_kvk: FakeKvk) -> None:
    fake_kvk.answers[KVK] = board(jansen())
    application = submit()
    run = checks_run(actor=SYSTEM, application=application, trigger=CheckTrigger.STAFF)
    results = {r.code: r for r in CheckResult.objects.filter(run=run)}
    assert set(results) == set(CheckCode.values)
    signatory = results[CheckCode.SIGNATORY]
    assert signatory.outcome == CheckOutcome.GREEN
    assert signatory.evidence["rule"] == "R16"
    assert signatory.ran_at == run.ran_at
    assert signatory.findings[0]["message"] == "kvk_verdict"
    texts = signatory.findings[0]["params"]["text"]
    assert set(texts) == {"nl", "en"}
    assert texts["en"]  # the verdict's explanation, rendered per language
