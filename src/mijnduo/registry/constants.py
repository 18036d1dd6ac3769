from mijnduo.aanvraag.constants import Beheerautorisatie, OrganisatieType

ORGANISATIE_TYPE_CHOICES = [(t.value, t.value) for t in OrganisatieType]
BEHEERAUTORISATIE_CHOICES = [(b.value, b.value) for b in Beheerautorisatie]
