"""How the PostgreSQL connection runs its statements: bound by the server, and prepared.

Django's default for psycopg 3 puts the values into the SQL text on the client, so every
statement is new to PostgreSQL, which parses and plans it each time. A portal page reads
its session, its user and its application by key: small statements whose planning cost
PostgreSQL more than running them (the application table has twenty indexes to weigh).
With the values bound by the server, the text of such a statement is the same on every
request, and psycopg prepares it on a connection once it has run there
``prepare_threshold`` times; from then on PostgreSQL skips the parsing and planning.
That halved PostgreSQL's CPU per page on the benchmark (docs/performance.md, runs T–W).

``MIJNDUO_DB_PREPARE_THRESHOLD=off`` keeps Django's default, for a connection pooler that
cannot keep prepared statements: PgBouncer in transaction mode, unless it is 1.22 or newer
with ``max_prepared_statements`` above 0 (psycopg deallocates them all after a rollback,
which PgBouncer supports from 1.22).

A prepared statement fails once its table changes under it in a way that changes its
result (a column's type changed, or a column it reads dropped or renamed); the backend
then closes the connection at the end of the request (conf/postgresql/base.py), so a
worker recovers after one failed request. Restarting the workers after such a
``migrate`` avoids even that.
"""

from typing import Any

from django.core.exceptions import ImproperlyConfigured

DEFAULT_PREPARE_THRESHOLD = "5"  # psycopg's own default, once the server binds values


def postgresql_options(prepare_threshold: str) -> dict[str, Any]:
    """The OPTIONS for ``MIJNDUO_DB_PREPARE_THRESHOLD``: a count of runs, or ``off``."""
    value = prepare_threshold.strip().lower()
    if value in {"off", "none", "no", "false"}:
        return {}
    if not value.isdigit():
        raise ImproperlyConfigured(
            "MIJNDUO_DB_PREPARE_THRESHOLD must be a whole number of runs (0 or more) "
            f"or 'off', not {prepare_threshold!r}."
        )
    return {"server_side_binding": True, "prepare_threshold": int(value)}


def for_postgresql(database: dict[str, Any], prepare_threshold: str) -> dict[str, Any]:
    """A PostgreSQL entry of DATABASES on this project's backend (conf/postgresql), with
    the statements' OPTIONS. A ``prepare_threshold`` in DATABASE_URL's query string wins
    over the environment's and is read the same way; other options from it are kept."""
    url_options = dict(database.get("OPTIONS", {}))
    from_url = url_options.pop("prepare_threshold", None)
    threshold = prepare_threshold if from_url is None else str(from_url)
    return {
        **database,
        "ENGINE": "mijnduo.conf.postgresql",
        "OPTIONS": {**postgresql_options(threshold), **url_options},
    }
