"""Every change to the registry, each with its audit record in the same transaction."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction

from mijnduo.audit.actors import Actor
from mijnduo.audit.services import audit_record

from .constants import ORGANISATION_FIELD_FOR
from .models import Account, BeheerautorisatieGrant, Organisation


@transaction.atomic
def organisation_create(*, actor: Actor, organisatie: Mapping[str, Any]) -> Organisation:
    """Create an organisation from a normalised ``organisatie`` section."""
    organisation = Organisation.objects.create(
        **{field: organisatie.get(key, "") for key, field in ORGANISATION_FIELD_FOR.items()}
    )
    audit_record(
        actor=actor,
        action="organisation.created",
        subject_type="organisation",
        subject_id=organisation.pk,
        after={"type": organisation.type, "kvkNummer": organisation.kvk_nummer},
    )
    return organisation


@transaction.atomic
def account_create(*, actor: Actor, naam: str, email: str) -> Account:
    account = Account.objects.create(naam=naam, email=email)
    audit_record(
        actor=actor, action="account.created", subject_type="account", subject_id=account.pk
    )
    return account


@transaction.atomic
def beheerautorisaties_grant(
    *,
    actor: Actor,
    account: Account,
    organisation: Organisation,
    codes: Iterable[str],
    basis: str,
) -> list[BeheerautorisatieGrant]:
    """Grant beheerautorisaties; codes already held are left as they are."""
    held = set(
        BeheerautorisatieGrant.objects.filter(
            account=account, organisation=organisation
        ).values_list("code", flat=True)
    )
    new = [code for code in dict.fromkeys(codes) if code not in held]
    grants = BeheerautorisatieGrant.objects.bulk_create(
        [
            BeheerautorisatieGrant(
                account=account, organisation=organisation, code=code, basis=basis
            )
            for code in new
        ]
    )
    if new:
        audit_record(
            actor=actor,
            action="beheerautorisaties.granted",
            subject_type="account",
            subject_id=account.pk,
            before={"organisation": organisation.pk, "codes": sorted(held)},
            after={
                "organisation": organisation.pk,
                "codes": sorted(held | set(new)),
                "basis": basis,
            },
        )
    return grants
