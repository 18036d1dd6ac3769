"""Reads of the registry used by other apps."""

from collections.abc import Mapping
from functools import cache
from typing import Any

from django.db import connection
from django.db.models import Min

from mijnduo.aanvraag.constants import OWN_NUMBER

from .constants import ORGANISATION_FIELD_FOR
from .models import Account, BeheerautorisatieGrant, Organisation, TokenGeneratorReturn


def held_beheerautorisaties(organisatie: Mapping[str, Any], email: str) -> frozenset[str]:
    """The codes the beheerder (matched by e-mail, case-insensitive) holds for the organisation.

    The organisation is matched by KvK-nummer plus its type's own number (form.md §1).
    This is the ``held_lookup`` the validator is given, on every validation, so it is one
    plain statement: the ORM spent ~1 ms of CPU building this three-table query per
    request here (bench/request_cost.py; docs/performance.md).
    """
    own = OWN_NUMBER.get(organisatie.get("type", ""))
    if own is None or not organisatie.get(own):
        return frozenset()
    with connection.cursor() as cursor:
        cursor.execute(
            _held_sql(ORGANISATION_FIELD_FOR[own], connection.vendor),
            [organisatie["kvkNummer"], organisatie["type"], organisatie[own], email],
        )
        return frozenset(code for (code,) in cursor.fetchall())


@cache
def _held_sql(own_field: str, vendor: str) -> str:
    # Built once per own-number column and database vendor, not on every request.
    quote = connection.ops.quote_name
    grant, org, account = (
        quote(model._meta.db_table) for model in (BeheerautorisatieGrant, Organisation, Account)
    )
    # Only names from the models' metadata are interpolated; values are parameters.
    own_column = quote(own_field)
    return (
        f"SELECT g.{quote('code')} FROM {grant} g "  # noqa: S608
        f"JOIN {org} o ON o.{quote('id')} = g.{quote('organisation_id')} "
        f"JOIN {account} a ON a.{quote('id')} = g.{quote('account_id')} "
        f"WHERE o.{quote('kvk_nummer')} = %s AND o.{quote('type')} = %s "
        f"AND o.{own_column} = %s AND UPPER(a.{quote('email')}) = UPPER(%s)"
    )


def organisations_for_kvk(kvk_nummer: str) -> list[Organisation]:
    return list(Organisation.objects.filter(kvk_nummer=kvk_nummer).order_by("naam"))


def organisations_for_simulator(limit: int = 50) -> list[tuple[str, str]]:
    """(KvK-nummer, "name (KvK)") of registry organisations, for the simulator's list.

    One row per KvK-nummer (several schools can share one), named after the first
    organisation alphabetically; grouped in the database, not in Python.
    """
    rows = (
        Organisation.objects.values("kvk_nummer")
        .annotate(first_naam=Min("naam"))
        .order_by("first_naam", "kvk_nummer")[:limit]
    )
    return [(row["kvk_nummer"], f"{row['first_naam']} ({row['kvk_nummer']})") for row in rows]


def organisation_for_document(organisatie: Mapping[str, Any]) -> Organisation | None:
    """The registry organisation a document's section 1 names: KvK-nummer, type and the
    type's own number (form.md §1), or None when it is not registered yet."""
    own = OWN_NUMBER.get(organisatie.get("type", ""))
    if own is None or not organisatie.get(own):
        return None
    return Organisation.objects.filter(
        kvk_nummer=organisatie.get("kvkNummer", ""),
        type=organisatie["type"],
        **{ORGANISATION_FIELD_FOR[own]: organisatie[own]},
    ).first()


def account_for_email(email: str) -> Account | None:
    """The account with this e-mail address (case-insensitive), oldest first."""
    return Account.objects.filter(email__iexact=email).order_by("id").first()


def held_codes(account: Account, organisation: Organisation) -> frozenset[str]:
    return frozenset(
        BeheerautorisatieGrant.objects.filter(
            account=account, organisation=organisation
        ).values_list("code", flat=True)
    )


def token_generator_returns_open() -> list[TokenGeneratorReturn]:
    return list(
        TokenGeneratorReturn.objects.filter(received_on__isnull=True).select_related("organisation")
    )
