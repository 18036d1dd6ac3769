from mijnduo.aanvraag.constants import Beheerautorisatie, OrganisatieType

ORGANISATIE_TYPE_CHOICES = [(t.value, t.value) for t in OrganisatieType]
BEHEERAUTORISATIE_CHOICES = [(b.value, b.value) for b in Beheerautorisatie]

# The registry field for each field of the document's organisatie section.
ORGANISATION_FIELD_FOR: dict[str, str] = {
    "type": "type",
    "typeAnders": "type_anders",
    "kvkNummer": "kvk_nummer",
    "brincode": "brincode",
    "bestuursnummer": "bestuursnummer",
    "gemeentecode": "gemeentecode",
    "crediteurnummer": "crediteurnummer",
    "nummerAnders": "nummer_anders",
    "naam": "naam",
    "straat": "straat",
    "huisnummer": "huisnummer",
    "postcode": "postcode",
    "woonplaats": "woonplaats",
}
