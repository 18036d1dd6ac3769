"""Reads of the registry used by other apps."""

from collections.abc import Mapping
from typing import Any

from mijnduo.aanvraag.constants import OWN_NUMBER

from .constants import ORGANISATION_FIELD_FOR
from .models import BeheerautorisatieGrant, Organisation


def held_beheerautorisaties(organisatie: Mapping[str, Any], email: str) -> frozenset[str]:
    """The codes the beheerder (matched by e-mail, case-insensitive) holds for the organisation.

    The organisation is matched by KvK-nummer plus its type's own number (form.md §1).
    This is the ``held_lookup`` the validator is given. One query.
    """
    own = OWN_NUMBER.get(organisatie.get("type", ""))
    if own is None or not organisatie.get(own):
        return frozenset()
    codes = BeheerautorisatieGrant.objects.filter(
        organisation__kvk_nummer=organisatie["kvkNummer"],
        organisation__type=organisatie["type"],
        account__email__iexact=email,
        **{f"organisation__{ORGANISATION_FIELD_FOR[own]}": organisatie[own]},
    ).values_list("code", flat=True)
    return frozenset(codes)


def organisations_for_kvk(kvk_nummer: str) -> list[Organisation]:
    return list(Organisation.objects.filter(kvk_nummer=kvk_nummer).order_by("naam"))
