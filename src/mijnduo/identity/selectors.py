"""Reads of API clients."""

from functools import cache

from django.db import connection

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
