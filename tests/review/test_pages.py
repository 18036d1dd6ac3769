"""The service desk's pages: who may reach them, what they show, fixed queries per page."""

import copy
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mijnduo.applications.constants import Status
from mijnduo.applications.models import Application
from mijnduo.audit.models import AuditRecord
from mijnduo.registry.models import BeheerautorisatieGrant
from mijnduo.review.models import Decision
from mijnduo.review.services import case_assign

from .conftest import (
    BEHANDELAAR,
    BEHEERDER,
    TWEEDE,
    VALID_DOCUMENT,
    make_staff,
    staff_login,
    submit,
)

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def page(client: Client, name: str, *args: Any) -> Any:
    return client.get(reverse(f"review:{name}", args=args))


# Who may reach the back office --------------------------------------------------


@pytest.mark.parametrize(
    "name,args",
    [("queue", ()), ("paper", ()), ("mi", ()), ("audit", ()), ("token-returns", ())],
)
def test_anonymous_goes_to_the_staff_login(name: str, args: tuple[Any, ...]) -> None:
    response = page(Client(), name, *args)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:login"))


def test_an_applicant_logged_in_with_eherkenning_never_reaches_the_back_office() -> None:
    from mijnduo.identity.eherkenning.constants import SESSION_KEY
    from mijnduo.identity.models import EherkenningIdentity

    person = User.objects.create_user(username="eh-person")
    EherkenningIdentity.objects.create(user=person, kvk_nummer="41002315", pseudonym="p1")
    client = Client()
    client.force_login(person)
    session = client.session
    session[SESSION_KEY] = {
        "kvk_nummer": "41002315",
        "rsin": "",
        "level": "x",
        "vestigingsnummer": "",
    }
    session.save()
    application = submit()
    for response in (
        page(client, "queue"),
        page(client, "application", application.reference),
        page(client, "pdf", application.reference),
    ):
        assert response.status_code == 403
    assert client.post(reverse("review:assign", args=[application.reference])).status_code == 403
    assert not AuditRecord.objects.filter(action="application.viewed").exists()


def test_a_beheerder_with_is_staff_but_an_eherkenning_identity_is_refused() -> None:
    from mijnduo.identity.models import EherkenningIdentity

    user = make_staff(BEHANDELAAR)
    EherkenningIdentity.objects.create(user=user, kvk_nummer="41002315", pseudonym="p2")
    assert page(staff_login(user), "queue").status_code == 403


def test_staff_without_the_totp_step_is_sent_to_it() -> None:
    user = make_staff(BEHANDELAAR)
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = page(client, "queue")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("staff:verify"))
    application = submit()
    response = client.post(reverse("review:assign", args=[application.reference]))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Status.INGEDIEND


def test_roles_decide_who_may_act() -> None:
    behandelaar = staff_login(make_staff(BEHANDELAAR))
    tweede = staff_login(make_staff(TWEEDE))
    beheerder = staff_login(make_staff(BEHEERDER))
    application = submit()
    # A tweede beoordelaar cannot decide or assign; a functioneel beheerder cannot read cases.
    assert tweede.post(reverse("review:assign", args=[application.reference])).status_code == 403
    assert page(beheerder, "application", application.reference).status_code == 403
    assert page(behandelaar, "audit").status_code == 403
    assert page(beheerder, "audit").status_code == 200
    assert page(tweede, "paper").status_code == 403


def test_a_behandelaar_cannot_confirm_and_cannot_approve_their_own_approval() -> None:
    first = make_staff(BEHANDELAAR, TWEEDE)
    client = staff_login(first)
    application = case_assign(staff=first, application=submit())
    client.post(reverse("review:decide", args=[application.reference]), {"besluit": "goedkeuren"})
    proposal = Decision.objects.get(application=application)
    response = client.post(
        reverse("review:confirm", args=[application.reference, proposal.pk]), follow=True
    )
    assert "You proposed this approval yourself" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.IN_BEHANDELING
    only_behandelaar = staff_login(make_staff(BEHANDELAAR))
    response = only_behandelaar.post(
        reverse("review:confirm", args=[application.reference, proposal.pk])
    )
    assert response.status_code == 403


# The queue ------------------------------------------------------------------------


def test_queue_lists_filters_searches_and_counts() -> None:
    staff = make_staff(BEHANDELAAR)
    client = staff_login(staff)
    first = submit()
    other = copy.deepcopy(VALID_DOCUMENT)
    other["organisatie"].update(naam="Basisschool Het Anker", kvkNummer="12345678", brincode="07WT")
    second = submit(other)
    case_assign(staff=staff, application=second)
    response = page(client, "queue")
    html = response.content.decode()
    assert response.status_code == 200
    assert first.reference in html and second.reference in html
    assert next(c for c in response.context["counts"] if c[0] == "ingediend")[2] == 1

    def found(**query: str) -> set[str]:
        response = client.get(reverse("review:queue"), query)
        return {a.reference for a, _age in response.context["rows"]}

    assert found(zoek="anker") == {second.reference}
    assert found(zoek="12345678") == {second.reference}
    assert found(zoek="07wt") == {second.reference}
    assert found(zoek="40169") == {first.reference, second.reference}
    assert found(zoek=first.reference.lower()) == {first.reference}
    assert found(status="in_behandeling") == {second.reference}
    assert found(toegewezen="mij") == {second.reference}
    assert found(toegewezen="niemand") == {first.reference}
    assert found(soort="intrekking") == set()
    assert found(type="gemeente") == set()
    assert found(leeftijd="over") == set()
    assert found(leeftijd="binnen") == {first.reference, second.reference}
    assert found(status="nonsense") == {first.reference, second.reference}  # falls back
    ordered = client.get(reverse("review:queue"), {"sorteer": "nieuwste"}).context["rows"]
    assert [a.reference for a, _ in ordered] == [second.reference, first.reference]


def test_queue_pages_and_a_fixed_number_of_queries() -> None:
    client = staff_login(make_staff(BEHANDELAAR))
    page(client, "queue")  # warm the session and role caches
    for _ in range(3):
        submit()
    with CaptureQueriesContext(connection) as few:
        assert page(client, "queue").status_code == 200
    for _ in range(30):
        submit()
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("review:queue"), {"pagina": "2"})
    assert response.status_code == 200
    assert response.context["page"].number == 2
    assert len(response.context["rows"]) == 8
    assert len(many) == len(few)


# The application page ----------------------------------------------------------------


def test_application_page_shows_checks_and_records_who_looked() -> None:
    staff = make_staff(BEHANDELAAR)
    client = staff_login(staff)
    application = submit()
    response = page(client, "application", application.reference)
    html = response.content.decode()
    assert response.status_code == 200
    assert "OBS De Linde" in html
    assert len(response.context["checks"]) == 6
    viewed = AuditRecord.objects.filter(
        action="application.viewed", subject_id=application.reference
    )
    assert viewed.count() == 1
    assert viewed.get().actor == f"servicedesk:{staff.pk}"
    page(client, "application", application.reference)
    assert viewed.count() == 2


def test_application_page_has_a_fixed_number_of_queries() -> None:
    client = staff_login(make_staff(BEHANDELAAR))
    small = submit()
    big = submit()
    page(client, "application", small.reference)
    page(client, "application", big.reference)  # checks ran once for each
    with CaptureQueriesContext(connection) as first:
        page(client, "application", small.reference)
    Application.objects.filter(pk=big.pk).update(updated_at=big.updated_at)
    for n in range(3):
        from mijnduo.applications.models import StatusChange

        StatusChange.objects.create(
            application=big, actor="x", to_status="ingediend", reason=str(n)
        )
    with CaptureQueriesContext(connection) as second:
        page(client, "application", big.reference)
    assert len(first) == len(second)


def test_unknown_reference_and_drafts_are_not_found() -> None:
    client = staff_login(make_staff(BEHANDELAAR))
    assert page(client, "application", "MDZ-0000-0000").status_code == 404
    draft = submit()
    Application.objects.filter(pk=draft.pk).update(status=Status.CONCEPT)
    assert page(client, "application", draft.reference).status_code == 404


def test_decide_through_the_page_and_a_conflict_is_explained() -> None:
    staff = make_staff(BEHANDELAAR)
    client = staff_login(staff)
    application = case_assign(staff=staff, application=submit())
    url = reverse("review:decide", args=[application.reference])
    response = client.post(url, {"besluit": "afwijzen", "reden": ""})
    assert response.status_code == 400
    assert "Write the reason" in response.content.decode()
    response = client.post(url, {"besluit": "afwijzen", "reden": "Onvolledig."}, follow=True)
    assert "Rejected" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.AFGEWEZEN
    response = client.post(url, {"besluit": "afwijzen", "reden": "Nog eens."}, follow=True)
    assert "Someone else decided" in response.content.decode()


def test_the_done_when_flow_through_the_pages() -> None:
    """Pick up, approve, a second staff member confirms, the registry holds the grants."""
    first_staff = make_staff(BEHANDELAAR)
    second_staff = make_staff(TWEEDE)
    first, second = staff_login(first_staff), staff_login(second_staff)
    application = submit()
    first.post(reverse("review:assign", args=[application.reference]))
    first.post(reverse("review:decide", args=[application.reference]), {"besluit": "goedkeuren"})
    proposal = Decision.objects.get(application=application)
    response = page(second, "application", application.reference)
    assert "Confirm the approval" in response.content.decode()
    second.post(reverse("review:confirm", args=[application.reference, proposal.pk]))
    application.refresh_from_db()
    assert application.status == Status.GOEDGEKEURD
    assert set(
        BeheerautorisatieGrant.objects.filter(account__email="j.devries@example.nl").values_list(
            "code", flat=True
        )
    ) == {"po", "rio_algemeen"}


def test_files_are_downloaded_and_audited() -> None:
    client = staff_login(make_staff(BEHANDELAAR))
    application = submit()
    response = page(client, "pdf", application.reference)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AuditRecord.objects.filter(action="application.pdf_downloaded").count() == 1


# Paper intake --------------------------------------------------------------------------


def paper_form(**overrides: str) -> dict[str, Any]:
    form: dict[str, Any] = {
        "organisatie.type": "onderwijsinstelling",
        "organisatie.kvkNummer": "41002315",
        "organisatie.brincode": "05 ko",
        "organisatie.bestuursnummer": "40169",
        "organisatie.naam": "OBS De Linde",
        "organisatie.straat": "Kerkstraat",
        "organisatie.huisnummer": "12a",
        "organisatie.postcode": "9700vb",
        "organisatie.woonplaats": "Groningen",
        "beheerder.naam": "J. de Vries",
        "beheerder.functie": "ICT",
        "beheerder.telefoon": "050 599 8440",
        "beheerder.email": "j.devries@example.nl",
        "beheerder.heeftMijnDuoZakelijkAccount": "nee",
        "beheerder.heeftEherkenningNiveau3": "ja",
        "intrekking.intrekken": "nee",
        "beheerautorisaties": ["po"],
        "ondertekening.naam": "A. Jansen",
        "ondertekening.functie": "Bestuurder",
        "ondertekening.email": "a.jansen@example.nl",
        "ondertekening.plaats": "Groningen",
        "ondertekening.datum": "2026-01-15",
        "ondertekening.akkoordGebruiksvoorwaarden": "ja",
    }
    form.update(overrides)
    return form


def test_paper_intake_uses_the_validator_and_enters_the_queue() -> None:
    client = staff_login(make_staff(BEHANDELAAR))
    url = reverse("review:paper")
    assert client.get(url).status_code == 200
    bad = paper_form(**{"organisatie.bestuursnummer": "", "ondertekening.email": "nope"})
    response = client.post(url, bad)
    assert response.status_code == 400
    names = {p.html_id for p in response.context["problems"]}
    assert {"organisatie-bestuursnummer", "ondertekening-email", "scan"} <= names
    assert 'value="OBS De Linde"' in response.content.decode()  # nothing typed is lost
    assert not Application.objects.exists()
    form = paper_form()
    form["scan"] = SimpleUploadedFile("form.pdf", PDF, content_type="application/pdf")
    response = client.post(url, form)
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("review:application", args=[application.reference])
    assert application.channel == "post"
    assert application.status == Status.INGEDIEND
    assert application.document["organisatie"]["brincode"] == "05KO"
    assert application.files.get().purpose == "scan"


def test_paper_intake_refuses_a_scan_that_is_not_a_pdf_or_image() -> None:
    client = staff_login(make_staff(BEHANDELAAR))
    form = paper_form()
    form["scan"] = SimpleUploadedFile("form.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(reverse("review:paper"), form)
    assert response.status_code == 400
    assert not Application.objects.exists()


# Management information, audit, token generators -------------------------------------------


def test_management_information_shows_charts_and_tables() -> None:
    staff = make_staff(BEHANDELAAR)
    client = staff_login(staff)
    application = case_assign(staff=staff, application=submit())
    client.post(
        reverse("review:decide", args=[application.reference]),
        {"besluit": "afwijzen", "reden": "Nee."},
    )
    response = page(client, "mi")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<svg viewBox") == 3
    figures = response.context["figures"]
    assert sum(row.submitted_total for row in figures.weeks) == 1
    assert sum(row.decided["afgewezen"] for row in figures.weeks) == 1
    assert figures.decided_count == 1


def test_audit_page_verifies_and_exports() -> None:
    client = staff_login(make_staff(BEHEERDER))
    submit()
    response = client.post(reverse("review:audit"))
    assert response.status_code == 200
    assert response.context["report"].ok
    assert "The chain is intact." in response.content.decode()
    response = client.get(
        reverse("review:audit-export"), {"van": "2000-01-01", "tot": "2100-01-01"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert b"application.submitted" in response.content
    assert client.get(reverse("review:audit-export"), {"van": "x", "tot": ""}).status_code == 400
    assert AuditRecord.objects.filter(action="audit.exported").count() == 1


def test_token_generator_returns_are_marked_received() -> None:
    from datetime import date

    from mijnduo.audit.actors import SYSTEM
    from mijnduo.registry.models import TokenGeneratorReturn
    from mijnduo.registry.services import token_generator_return_expect

    client = staff_login(make_staff(BEHANDELAAR))
    expected = token_generator_return_expect(
        actor=SYSTEM,
        serienummer="AB1234",
        organisation=None,
        basis="MDZ-AAAA-BBBB",
        due_on=date(2026, 12, 1),
    )
    assert "AB1234" in page(client, "token-returns").content.decode()
    client.post(reverse("review:token-returns"), {"id": str(expected.pk)})
    assert TokenGeneratorReturn.objects.get().received_on is not None
    assert client.post(reverse("review:token-returns"), {"id": "x"}).status_code == 404


def test_the_queue_counts_only_a_few_pages_past_the_one_asked_for() -> None:
    from mijnduo.review.paging import queue_page

    for _ in range(30):
        submit()
    applications = Application.objects.order_by("id")
    first = queue_page(applications, None, 2)
    assert (first.number, first.count, first.capped, first.pages) == (1, 22, True, 11)
    assert first.has_next and not first.has_previous
    assert len(first.rows) == 2
    deep = queue_page(applications, "15", 2)
    assert (deep.number, deep.count, deep.capped, deep.has_next) == (15, 30, False, False)
    assert [a.pk for a in deep.rows] == list(applications.values_list("pk", flat=True))[28:30]
    past = queue_page(applications, "99", 2)
    assert (past.number, past.capped) == (15, False)
    assert queue_page(applications, "x", 2).number == 1


def test_a_queue_page_keeps_the_sort_order_of_the_whole_queue() -> None:
    # The page's rows are read by their ids (paging.queue_page): same order as a plain
    # slice, names tied broken by id, on every page.
    from django.core.paginator import Paginator

    from mijnduo.review.paging import queue_page
    from mijnduo.review.selectors import QueueFilter, queue

    for number in range(7):
        submit()
        Application.objects.filter(pk=Application.objects.latest("pk").pk).update(
            organisation_naam=f"School {number % 3}"
        )
    staff = make_staff(BEHANDELAAR)
    for sort in ("organisatie", "oudste", "nieuwste", "referentie"):
        applications = queue(QueueFilter(sort=sort), staff)
        oracle = Paginator(applications, 3)
        for number in (1, 2, 3):
            got = [a.pk for a in queue_page(applications, str(number), 3).rows]
            assert got == [a.pk for a in oracle.page(number)], (sort, number)


def test_decided_counts_may_be_a_minute_old_open_counts_never() -> None:
    from mijnduo.review.selectors import counts_per_status

    staff = make_staff(BEHANDELAAR)
    application = case_assign(staff=staff, application=submit())
    assert counts_per_status()["in_behandeling"] == 1
    assert counts_per_status()["afgewezen"] == 0
    from mijnduo.review.constants import DecisionOutcome
    from mijnduo.review.services import decision_make

    decision_make(
        staff=staff, application=application, outcome=DecisionOutcome.REJECT, reason="Nee."
    )
    counts = counts_per_status()
    assert counts["in_behandeling"] == 0  # exact at once
    assert counts["afgewezen"] == 0  # cached for up to a minute


def test_the_queue_marks_open_applications_past_the_service_level() -> None:
    from datetime import timedelta

    from django.utils import timezone

    client = staff_login(make_staff(BEHANDELAAR))
    late, fresh = submit(), submit()
    Application.objects.filter(pk=late.pk).update(submitted_at=timezone.now() - timedelta(days=30))
    html = page(client, "queue").content.decode()
    assert html.count("working days, past the service level") == 1
    assert html.index(late.reference) < html.index(fresh.reference)  # oldest first
