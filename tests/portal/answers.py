"""The answers of a complete aanmelding, page by page, as the form posts them."""

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
