"""Reads of API clients and of the logged-in person's organisation."""

from dataclasses import dataclass
from functools import cache

from django.db import connection
from django.http import HttpRequest

from mijnduo.registry.models import Organisation
from mijnduo.registry.selectors import organisations_for_kvk

from .eherkenning.constants import SESSION_KEY, AssuranceLevel
from .models import ApiClient

_LOADED_FIELDS = ("id", "name", "key_prefix")


@cache
def _active_client_sql(vendor: str) -> str:
    # Built once per database vendor (quoting differs), not on every request.
    quote = connection.ops.quote_name
    # Only names from the model's metadata are interpolated; values are parameters.
    columns = ", ".join(quote(field) for field in _LOADED_FIELDS)
    return (
        f"SELECT {columns} FROM {quote(ApiClient._meta.db_table)} "  # noqa: S608
        f"WHERE {quote('key_hash')} = %s AND {quote('revoked_at')} IS NULL"
    )


def active_client_by_key_hash(key_hash: str) -> ApiClient | None:
    """The client whose key has this hash, unless revoked.

    Runs on every API request, so it is written as one plain statement: building the
    equivalent ORM query cost ~0.5 ms of CPU per request here, ten times the query
    itself (bench/request_cost.py; docs/performance.md). Other fields load on access.
    """
    with connection.cursor() as cursor:
        cursor.execute(_active_client_sql(connection.vendor), [key_hash])
        row = cursor.fetchone()
    if row is None:
        return None
    return ApiClient.from_db(connection.alias, list(_LOADED_FIELDS), row)


@dataclass(frozen=True)
class RepresentedOrganisation:
    """Whom the logged-in person acts for, as eHerkenning said at login."""

    kvk_nummer: str
    rsin: str
    vestigingsnummer: str
    level: str
    registry_organisations: list[Organisation]


def represented_organisation(request: HttpRequest) -> RepresentedOrganisation | None:
    """For the logged-in person: the organisation (KvK-nummer) and its registry matches.

    None when nobody is logged in with eHerkenning. The data comes from the session
    written at login, never from the request, so it cannot be chosen by the client.
    """
    if not request.user.is_authenticated:
        return None
    data = request.session.get(SESSION_KEY)
    if not isinstance(data, dict):
        return None
    kvk_nummer = str(data.get("kvk_nummer") or "")
    level_value = str(data.get("level") or "")
    try:
        level = AssuranceLevel(level_value).label
    except ValueError:
        level = ""
    return RepresentedOrganisation(
        kvk_nummer=kvk_nummer,
        rsin=str(data.get("rsin") or ""),
        vestigingsnummer=str(data.get("vestigingsnummer") or ""),
        level=level,
        registry_organisations=organisations_for_kvk(kvk_nummer) if kvk_nummer else [],
    )
