"""One valid application document, shared by the test folders (tests/ is on sys.path
because of the root conftest; import it as ``sample_documents``)."""

from typing import Any

VALID_DOCUMENT: dict[str, Any] = {
    "organisatie": {
        "type": "onderwijsinstelling",
        "brincode": "05KO",
        "bestuursnummer": "40169",
        "kvkNummer": "41002315",
        "naam": "OBS De Linde",
        "straat": "Kerkstraat",
        "huisnummer": "12a",
        "postcode": "9700 VB",
        "woonplaats": "Groningen",
    },
    "beheerder": {
        "naam": "J. de Vries",
        "functie": "ICT-coördinator",
        "telefoon": "050 599 8440",
        "email": "j.devries@example.nl",
        "heeftMijnDuoZakelijkAccount": False,
        "heeftEherkenningNiveau3": True,
    },
    "beheerautorisaties": ["po", "rio_algemeen"],
    "ondertekening": {
        "naam": "A. Jansen",
        "functie": "Bestuurder",
        "email": "a.jansen@example.nl",
        "plaats": "Groningen",
        "datum": "2026-01-15",
        "akkoordGebruiksvoorwaarden": True,
    },
}
