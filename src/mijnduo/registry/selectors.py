"""Reads of the registry used by other apps."""

import json
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, cast

from django.db import connection
from django.db.models import Min

from mijnduo.aanvraag.constants import OWN_NUMBER
from mijnduo.aanvraag.validator import HeldLookup

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
    where = _held_where(
        kvk_nummer="%s", type_="%s", own=(f"o.{quote(own_field)} = %s",), email="%s"
    )
    return f"SELECT g.{quote('code')} {_held_from()} WHERE {where}"


def _held_from() -> str:
    """The grants (g) with their organisation (o) and account (a)."""
    quote = connection.ops.quote_name
    grant, org, account = (
        quote(model._meta.db_table) for model in (BeheerautorisatieGrant, Organisation, Account)
    )
    # Only names from the models' metadata are interpolated.
    return (
        f"FROM {grant} g "
        f"JOIN {org} o ON o.{quote('id')} = g.{quote('organisation_id')} "
        f"JOIN {account} a ON a.{quote('id')} = g.{quote('account_id')}"
    )


def _held_where(*, kvk_nummer: str, type_: str, own: tuple[str, ...], email: str) -> str:
    """The one matching rule of both reads of held codes, over SQL expressions for the
    values: the organisation by KvK-nummer, type and the type's own number (``own``:
    conditions of which one must hold), the beheerder's account by e-mail,
    case-insensitive."""
    quote = connection.ops.quote_name
    return (
        f"o.{quote('kvk_nummer')} = {kvk_nummer} AND o.{quote('type')} = {type_} "
        f"AND ({' OR '.join(own)}) AND UPPER(a.{quote('email')}) = UPPER({email})"
    )


# How each database reads a text field of a JSON column (a path of keys that are names
# from the code), and gathers the held codes into the text of one JSON array.
_JSON_TEXT: dict[str, Callable[[str, tuple[str, ...]], str]] = {
    "postgresql": lambda column, path: f"({column} #>> '{{{','.join(path)}}}')",
    "sqlite": lambda column, path: f"json_extract({column}, '$.{'.'.join(path)}')",
}
_JSON_ARRAY_OF_CODES = {
    "postgresql": "json_agg(g.{code})::text",
    "sqlite": "json_group_array(g.{code})",
}


@cache
def held_in_document_sql(document_column: str, vendor: str) -> str | None:
    """A scalar subquery for a read of an application (``document_column``: its stored,
    normalised document): the codes that the beheerder named there holds for the
    organisation named there, as the text of a JSON array; NULL when none. The same
    matching as ``held_beheerautorisaties`` (``_held_where``), whose answers
    ``held_lookup_answered`` then gives from it. None for a database without these
    JSON functions. The registry's tables are read in the application's database: the
    project has one (a router that split them would need the plain lookup)."""
    if vendor not in _JSON_TEXT:
        return None
    quote = connection.ops.quote_name

    def text(*path: str) -> str:
        return _JSON_TEXT[vendor](document_column, path)

    own = []
    for type_, number in OWN_NUMBER.items():
        if not type_.isalpha():  # written into the SQL as a string: code constants only
            raise ValueError(type_)
        value = text("organisatie", number)
        column = quote(ORGANISATION_FIELD_FOR[number])
        # An empty own number, or one that is not text, is never answered from this
        # read (held_lookup_answered's _identity): the registry is asked instead.
        own.append(f"(o.{quote('type')} = '{type_}' AND o.{column} = {value})")
    where = _held_where(
        kvk_nummer=text("organisatie", "kvkNummer"),
        type_=text("organisatie", "type"),
        own=tuple(own),
        email=text("beheerder", "email"),
    )
    codes = _JSON_ARRAY_OF_CODES[vendor].format(code=f"{quote('code')}")
    return f"(SELECT {codes} {_held_from()} WHERE {where})"


def held_lookup_answered(document: Mapping[str, Any], held_json: str | None) -> HeldLookup:
    """``held_beheerautorisaties``, but answered from ``held_json`` (what
    ``held_in_document_sql`` read, in the same statement as the application) when asked
    about the very organisation and beheerder that ``document`` (the stored document
    it read them from) names; any other question is read as before."""
    held = frozenset(json.loads(held_json)) if held_json else frozenset()
    organisatie, beheerder = document.get("organisatie"), document.get("beheerder")
    named = (
        _identity(organisatie, beheerder.get("email"))
        if isinstance(organisatie, Mapping) and isinstance(beheerder, Mapping)
        else None
    )

    def lookup(organisatie: Mapping[str, Any], email: str) -> frozenset[str]:
        if named is not None and _identity(organisatie, email) == named:
            return held
        return held_beheerautorisaties(organisatie, email)

    return lookup


def _identity(organisatie: Mapping[str, Any], email: object) -> tuple[str, ...] | None:
    """What held codes depend on: KvK-nummer, type, the type's own number, e-mail; None
    unless all four are text that is not empty. Only then do the SQL's JSON reads and
    the registry's parameters compare the same values (a stored document keeps what was
    sent, wrong types included); anything else is asked of the registry itself."""
    type_ = organisatie.get("type")
    own = OWN_NUMBER.get(type_) if isinstance(type_, str) else None
    if own is None:
        return None
    identity = (organisatie.get("kvkNummer"), type_, organisatie.get(own), email)
    if not all(isinstance(value, str) and value for value in identity):
        return None
    return cast(tuple[str, ...], identity)


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
