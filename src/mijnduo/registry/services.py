"""Every change to the registry, each with its audit record in the same transaction."""

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.db import transaction

from mijnduo.audit.actors import Actor
from mijnduo.audit.services import audit_record

from .constants import ORGANISATION_FIELD_FOR
from .models import Account, BeheerautorisatieGrant, Organisation, TokenGeneratorReturn


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


@transaction.atomic
def organisation_update(
    *, actor: Actor, organisation: Organisation, organisatie: Mapping[str, Any]
) -> Organisation:
    """Bring name and address up to date with an approved application's section 1."""
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for key, field in ORGANISATION_FIELD_FOR.items():
        value = organisatie.get(key, "")
        if key in {"type", "kvkNummer"} or getattr(organisation, field) == value:
            continue
        before[key] = getattr(organisation, field)
        after[key] = value
        setattr(organisation, field, value)
    if after:
        organisation.save()
        audit_record(
            actor=actor,
            action="organisation.updated",
            subject_type="organisation",
            subject_id=organisation.pk,
            before=before,
            after=after,
        )
    return organisation


@transaction.atomic
def beheerautorisaties_revoke(
    *,
    actor: Actor,
    account: Account,
    organisation: Organisation,
    codes: Iterable[str] | None,
    basis: str,
) -> int:
    """Remove beheerautorisaties (all of them for the organisation when codes is None)."""
    held = BeheerautorisatieGrant.objects.filter(account=account, organisation=organisation)
    before = set(held.values_list("code", flat=True))
    gone = before if codes is None else before & set(codes)
    if not gone:
        return 0
    held.filter(code__in=gone).delete()
    audit_record(
        actor=actor,
        action="beheerautorisaties.revoked",
        subject_type="account",
        subject_id=account.pk,
        before={"organisation": organisation.pk, "codes": sorted(before)},
        after={"organisation": organisation.pk, "codes": sorted(before - gone), "basis": basis},
    )
    return len(gone)


@transaction.atomic
def account_delete(*, actor: Actor, account: Account, basis: str) -> None:
    """Delete an account and everything it holds (intrekking without staying a user)."""
    codes = sorted(account.grants.values_list("code", flat=True))
    audit_record(
        actor=actor,
        action="account.deleted",
        subject_type="account",
        subject_id=account.pk,
        before={"codes": codes},
        after={"basis": basis},
    )
    account.delete()


@transaction.atomic
def token_generator_return_expect(
    *,
    actor: Actor,
    serienummer: str,
    organisation: Organisation | None,
    basis: str,
    due_on: date,
) -> TokenGeneratorReturn:
    expected = TokenGeneratorReturn.objects.create(
        serienummer=serienummer, organisation=organisation, basis=basis, due_on=due_on
    )
    audit_record(
        actor=actor,
        action="token_generator.return_expected",
        subject_type="token_generator_return",
        subject_id=expected.pk,
        after={"serienummer": serienummer, "dueOn": due_on.isoformat(), "basis": basis},
    )
    return expected


class AlreadyReceived(Exception):
    """The token generator was already marked as received."""


@transaction.atomic
def token_generator_return_receive(
    *, actor: Actor, expected: TokenGeneratorReturn, received_on: date
) -> TokenGeneratorReturn:
    locked = TokenGeneratorReturn.objects.select_for_update().get(pk=expected.pk)
    if locked.received_on is not None:
        raise AlreadyReceived(str(locked.pk))
    locked.received_on = received_on
    locked.save(update_fields=["received_on"])
    audit_record(
        actor=actor,
        action="token_generator.received",
        subject_type="token_generator_return",
        subject_id=locked.pk,
        after={"receivedOn": received_on.isoformat()},
    )
    return locked
