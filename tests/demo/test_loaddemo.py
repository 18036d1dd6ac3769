"""`mijnduo loaddemo`: idempotent, real register data, a working demo key."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client, override_settings

from mijnduo.identity.models import ApiClient
from mijnduo.registers.models import Instelling
from mijnduo.registry.models import BeheerautorisatieGrant, Organisation

pytestmark = pytest.mark.django_db


def _load() -> str:
    out = io.StringIO()
    with override_settings(DEBUG=True):
        call_command("loaddemo", stdout=out)
    return out.getvalue()


def test_loaddemo_is_idempotent_and_prints_a_working_key(document) -> None:
    _load()
    output = _load()
    assert Instelling.objects.count() == 6011
    assert Organisation.objects.count() == 3
    assert BeheerautorisatieGrant.objects.count() == 1
    assert ApiClient.objects.filter(name="demo").count() == 1
    school = Organisation.objects.get(brincode="07WT")
    assert (school.naam, school.bestuursnummer, school.postcode) == (
        "Groningse Schoolvereniging",
        "41053",
        "9722 JV",
    )
    key = re.search(r"Demo API key \(client 'demo'\): (\S+)", output)
    assert key is not None
    # The demo beheerder already holds Beheerder PO: naming them makes a wijziging.
    document["organisatie"].update(kvkNummer="90000001", brincode="07WT", bestuursnummer="41053")
    document["beheerder"]["email"] = "Beheerder@example.org"
    document["beheerautorisaties"] = ["po", "rio_algemeen"]
    response = Client().post(
        "/api/v1/aanvragen/valideer",
        document,
        content_type="application/json",
        headers={"Authorization": f"Token {key.group(1)}"},
    )
    assert response.status_code == 200
    assert response.json()["soort"] == "wijziging"
    assert response.json()["wijzigingen"] == {"toegevoegd": ["rio_algemeen"], "verwijderd": []}


def test_loaddemo_refuses_to_run_outside_development() -> None:
    with override_settings(DEBUG=False), pytest.raises(CommandError, match="development"):
        call_command("loaddemo", stdout=io.StringIO())


def test_loaddemo_creates_the_service_desk_staff_with_totp() -> None:
    from django.contrib.auth.models import User
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    _load()
    output = _load()  # idempotent: still one account and one device each
    for username, role in (
        ("behandelaar", "behandelaar"),
        ("beoordelaar", "tweede_beoordelaar"),
        ("beheer", "functioneel_beheerder"),
    ):
        user = User.objects.get(username=username)
        assert user.is_staff
        assert list(user.groups.values_list("name", flat=True)) == [role]
        device = TOTPDevice.objects.get(user=user)
        assert device.confirmed
        assert device.verify_token(f"{totp(device.bin_key):06d}")
    assert "/servicedesk/" in output


def test_loaddemo_puts_a_few_applications_in_the_service_desk_queue_once() -> None:
    from django.contrib.auth.models import User

    from mijnduo.applications.models import Application
    from mijnduo.review.selectors import QueueFilter, queue

    output = _load()
    _load()
    demo = Application.objects.filter(api_client__name="demo").order_by("id")
    assert [(a.kind, a.status, a.channel) for a in demo] == [
        ("aanmelding", "ingediend", "api"),
        ("wijziging", "ingediend", "api"),  # the demo beheerder already holds Beheerder PO
        ("aanmelding", "ingediend", "api"),
    ]
    assert [a.organisation_type for a in demo] == ["onderwijsinstelling"] * 2 + ["gemeente"]
    assert all(f"Demo application {a.reference}" in output for a in demo)
    staff = User.objects.get(username="behandelaar")
    assert {a.pk for a in queue(QueueFilter(), staff)} == {a.pk for a in demo}
