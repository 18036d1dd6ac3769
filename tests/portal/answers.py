"""The answers of a complete aanmelding, page by page, as the form posts them; and a
registry in which the beheerder already holds beheerautorisaties (for a wijziging)."""

from mijnduo.registry.models import Account, BeheerautorisatieGrant, Organisation

KVK = "41002315"

ORGANISATIE = {
    "organisatie.type": "onderwijsinstelling",
    "organisatie.brincode": "05ko",
    "organisatie.bestuursnummer": "40169",
    "organisatie.naam": "OBS De Linde",
    "organisatie.straat": "Kerkstraat",
    "organisatie.huisnummer": "12a",
    "organisatie.postcode": "9700vb",
    "organisatie.woonplaats": "Groningen",
}
BEHEERDER = {
    "beheerder.naam": "J. de Vries",
    "beheerder.functie": "ICT-coördinator",
    "beheerder.telefoon": "050 599 8440",
    "beheerder.email": "j.devries@example.nl",
    "beheerder.heeftMijnDuoZakelijkAccount": "nee",
    "beheerder.heeftEherkenningNiveau3": "ja",
}
AUTORISATIES = {
    "intrekking.intrekken": "nee",
    "beheerautorisaties": ["po", "rio_algemeen"],
}
ONDERTEKENING = {
    "ondertekening.naam": "A. Jansen",
    "ondertekening.functie": "Bestuurder",
    "ondertekening.email": "a.jansen@example.nl",
    "ondertekening.plaats": "Groningen",
    "aanvrager.email": "aanvrager@example.nl",
}
PAGES = {
    "organisatie": ORGANISATIE,
    "beheerder": BEHEERDER,
    "autorisaties": AUTORISATIES,
    "ondertekening": ONDERTEKENING,
}


def registry_holder(codes: list[str], kvk_nummer: str = KVK) -> Organisation:
    """The registry knows the organisation, and J. de Vries holds these beheerautorisaties."""
    organisation = Organisation.objects.create(
        type="onderwijsinstelling",
        kvk_nummer=kvk_nummer,
        brincode="05KO",
        bestuursnummer="40169",
        naam="OBS De Linde",
        straat="Kerkstraat",
        huisnummer="12a",
        postcode="9700 VB",
        woonplaats="Groningen",
    )
    account = Account.objects.create(naam="J. de Vries", email="J.deVries@example.nl")
    for code in codes:
        BeheerautorisatieGrant.objects.create(
            account=account, organisation=organisation, code=code, basis="test"
        )
    return organisation
