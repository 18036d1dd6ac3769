"""A few submitted applications, so the demo's service-desk queue is not empty.

Each is an ordinary submission through the validator and the API's service (channel
API, the demo key's client), from the demo organisations' registry data. The
signatories of the schools are in the offline KvK register of the demo
(`data/kvk/functionarissen-demo.json`), so the signatory check can answer.
"""

from datetime import date
from typing import Any

from mijnduo.aanvraag.validator import validate
from mijnduo.applications.constants import Channel
from mijnduo.applications.models import Application
from mijnduo.applications.services import application_submit
from mijnduo.audit.actors import Actor
from mijnduo.identity.models import ApiClient
from mijnduo.registry.constants import ORGANISATION_FIELD_FOR
from mijnduo.registry.models import Organisation
from mijnduo.registry.selectors import held_beheerautorisaties

from .data import DEMO_BEHEERDER

# The demo municipality comes from the CBS list, which has no address: its town hall's.
GEMEENTE_ADRES = {
    "straat": "Grote Markt",
    "huisnummer": "1",
    "postcode": "9712 HN",
    "woonplaats": "Groningen",
}

# (organisation's KvK-nummer, beheerder (naam, functie, e-mail), beheerautorisaties,
#  signatory (naam, functie, e-mail)); the people are made up.
DEMO_APPLICATIONS: tuple[tuple[str, tuple[str, str, str], list[str], tuple[str, str, str]], ...] = (
    (
        "90000001",
        ("S. de Boer", "ICT-coördinator", "s.deboer@example.org"),
        ["po", "rio_algemeen"],
        ("A.M. van der Berg", "Voorzitter", "a.vanderberg@example.org"),
    ),
    (
        "90000001",
        (DEMO_BEHEERDER[0], "Administrateur", DEMO_BEHEERDER[1]),
        ["po", "bop"],
        ("P.J. Bakker", "Penningmeester", "p.bakker@example.org"),
    ),
    (
        "90000004",
        ("L. Postma", "Leerplichtambtenaar", "l.postma@example.org"),
        ["gemeente"],
        ("K. Dijkstra", "Gemeentesecretaris", "k.dijkstra@example.org"),
    ),
)


def _document(
    organisation: Organisation,
    beheerder: tuple[str, str, str],
    codes: list[str],
    signatory: tuple[str, str, str],
) -> dict[str, Any]:
    organisatie = {
        key: getattr(organisation, attribute)
        for key, attribute in ORGANISATION_FIELD_FOR.items()
        if getattr(organisation, attribute)
    }
    if organisation.type == "gemeente":
        organisatie = {**GEMEENTE_ADRES, **organisatie}
    return {
        "organisatie": organisatie,
        "beheerder": {
            "naam": beheerder[0],
            "functie": beheerder[1],
            "telefoon": "050 599 8440",
            "email": beheerder[2],
            "heeftMijnDuoZakelijkAccount": False,
            "heeftEherkenningNiveau3": True,
        },
        "beheerautorisaties": codes,
        "ondertekening": {
            "naam": signatory[0],
            "functie": signatory[1],
            "email": signatory[2],
            "plaats": organisatie.get("woonplaats", ""),
            "datum": date.today().isoformat(),
            "akkoordGebruiksvoorwaarden": True,
        },
    }


def demo_applications_submit(*, actor: Actor, client: ApiClient) -> list[Application]:
    """Submit the demo applications once (none when the client has any already)."""
    if Application.objects.filter(api_client=client).exists():
        return []
    submitted = []
    for kvk_nummer, beheerder, codes, signatory in DEMO_APPLICATIONS:
        organisation = Organisation.objects.filter(kvk_nummer=kvk_nummer).first()
        if organisation is None:
            continue
        document = _document(organisation, beheerder, codes, signatory)
        result = validate(document, held_lookup=held_beheerautorisaties)
        if not result.is_valid:
            raise ValueError(f"demo application for {kvk_nummer} is not valid: {result.problems}")
        submitted.append(
            application_submit(
                actor=actor,
                submitted=document,
                result=result,
                channel=Channel.API,
                api_client=client,
            )
        )
    return submitted
