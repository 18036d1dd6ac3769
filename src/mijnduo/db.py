"""One row in one plain statement, for the few reads and writes on the hot paths.

Django's query compiler costs about 0.5 ms of CPU per statement on the benchmark
machines, more than the statement itself (docs/performance.md). The API's submission
inserts three rows (``insert_instance``); every portal page reads three (the session,
the user, the application); a logged-in applicant's session is written again once a
minute (``update_instance``). These helpers build their SQL once per model from its
metadata. Two of them read a second table in the same statement, with a LEFT JOIN: the
session with its user (``select_one_joined``), the check page's application with its
attachments (``select_one_listing``); each round trip saved is a cursor, a send to the
server and a wait for its answer.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Field, Model
from django.db.models.expressions import Col

M = TypeVar("M", bound=Model)


def _written_fields(model: type[Model]) -> tuple[Field, ...]:
    """The columns an INSERT or UPDATE writes: every concrete one but the primary key."""
    return tuple(f for f in model._meta.concrete_fields if not f.primary_key)


@cache
def _insert_sql(model: type[Model], alias: str) -> tuple[str, tuple[Field, ...]]:
    connection = connections[alias]
    quote = connection.ops.quote_name
    meta = model._meta
    fields = _written_fields(model)
    columns = ", ".join(quote(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    # Only names from the model's metadata are interpolated; values are parameters.
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders}) "  # noqa: S608
        f"RETURNING {quote(meta.pk.column)}"
    )
    return sql, fields


def insert_instance(instance: M) -> M:
    """INSERT a new model instance and set its primary key, like ``save()`` on a new object.

    Django's ``save()`` spends about 0.4 ms more CPU per row than the statement itself on
    this machine (docs/performance.md), and a submission writes three rows. What this
    skips is machinery the project does not use: model signals (nothing listens) and
    ``update_or_create``-style checks. Defaults are applied by the model's constructor
    and ``pre_save`` as usual; constraints are enforced by the database as usual.
    """
    model = type(instance)
    alias = router.db_for_write(model, instance=instance)
    connection: BaseDatabaseWrapper = connections[alias]
    sql, fields = _insert_sql(model, alias)
    params = [f.get_db_prep_save(f.pre_save(instance, add=True), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    instance.pk = row[0]
    instance._state.adding = False
    instance._state.db = alias
    return instance


@cache
def _update_sql(model: type[Model], alias: str) -> tuple[str, tuple[Field, ...]]:
    quote = connections[alias].ops.quote_name
    meta = model._meta
    fields = _written_fields(model)
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    # Only names from the model's metadata are interpolated; values are parameters.
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"  # noqa: S608
    return sql, fields


def update_instance(instance: Model) -> bool:
    """UPDATE the row of an existing instance with all its fields, like
    ``save(force_update=True)``; whether there was such a row.

    One statement, so outside a transaction it is atomic by itself: Django's ``save()``
    would also compile the statement and, in ``transaction.atomic()``, add a BEGIN and
    a COMMIT, each a round trip to the server. Skipped as in ``insert_instance``: model
    signals (nothing listens).
    """
    model = type(instance)
    alias = router.db_for_write(model, instance=instance)
    connection: BaseDatabaseWrapper = connections[alias]
    sql, fields = _update_sql(model, alias)
    params = [f.get_db_prep_save(f.pre_save(instance, add=False), connection) for f in fields]
    params.append(model._meta.pk.get_db_prep_value(instance.pk, connection))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        updated = cursor.rowcount
    instance._state.adding = False
    instance._state.db = alias
    return updated > 0


@cache
def _select_sql(model: type[Model], alias: str, names: tuple[str, ...], also: str | None) -> str:
    quote = connections[alias].ops.quote_name
    meta = model._meta
    columns = ", ".join(_row_columns(model, quote) + ([also] if also else []))
    where = _row_where(model, names, quote)
    # Only names from the model's metadata and the code's expression are interpolated;
    # values are parameters. LIMIT 2: enough to tell one row from more than one (get()
    # asks for 21).
    return f"SELECT {columns} FROM {quote(meta.db_table)} p WHERE {where} LIMIT 2"  # noqa: S608


def _row_columns(model: type[Model], quote: Callable[[str], str]) -> list[str]:
    """The one row's columns, every concrete one, of the table read as p."""
    return [f"p.{quote(f.column)}" for f in model._meta.concrete_fields]


def _row_where(model: type[Model], names: tuple[str, ...], quote: Callable[[str], str]) -> str:
    """The one row's conditions: each field named equals a parameter."""
    return " AND ".join(f"p.{quote(str(_concrete(model, n).column))} = %s" for n in names)


@cache
def _concrete(model: type[Model], name: str) -> Field:
    field = model._meta.get_field(name)
    if not isinstance(field, Field) or not field.concrete or field.many_to_many:
        raise ValueError(f"select_one compares concrete fields only, not {name!r}")
    return field


@cache
def _columns(model: type[Model]) -> tuple[tuple[str, ...], tuple[Col, ...]]:
    meta = model._meta
    fields = meta.concrete_fields
    return tuple(f.attname for f in fields), tuple(f.get_col(meta.db_table) for f in fields)


def select_one(model: type[M], **equal: Any) -> M | None:
    """The row whose fields equal these values, or None: ``filter(**equal).first()``
    for a lookup that finds at most one row (a unique field among the conditions).

    Only equality on concrete fields (``applicant_id`` for a foreign key), never
    with None. Values are prepared, and the row converted (JSON, dates, booleans),
    as the ORM's compiler does it; the instance is made by ``Model.from_db``.
    """
    found = select_one_also(model, None, **equal)
    return None if found is None else found[0]


def select_one_also(model: type[M], also: str | None, **equal: Any) -> tuple[M, Any] | None:
    """``select_one(model, **equal)`` and, in the same statement, the value of ``also``
    (None without it): an SQL expression over the row (as ``p``), made from the code,
    never from input (a subquery that would otherwise be a second round trip). The
    value comes as the database driver gives it."""
    alias, connection, rows = _rows(
        model, equal, lambda alias: _select_sql(model, alias, tuple(equal), also)
    )
    if len(rows) > 1:
        raise model.MultipleObjectsReturned(f"{len(rows)} rows for {tuple(equal)}")  # type: ignore[attr-defined]
    if not rows:
        return None
    width = len(model._meta.concrete_fields)
    return _instance(model, alias, connection, rows[0][:width]), (rows[0][width] if also else None)


def _instance(model: type[M], alias: str, connection: BaseDatabaseWrapper, row: Any) -> M:
    """The model instance for a row of its concrete columns, converted as the ORM does."""
    values = _converted(list(row), _converters(model, connection), connection)
    return model.from_db(alias, _columns(model)[0], values)


def _converted(
    values: list[Any], converters: "Converters", connection: BaseDatabaseWrapper
) -> list[Any]:
    for index, functions, col in converters:
        for convert in functions:
            values[index] = convert(values[index], col, connection)
    return values


@dataclass(frozen=True, slots=True)
class Listed:
    """Rows that ``select_one_listing`` lists beside its one row: the ``columns`` of the
    rows of ``model`` whose ``foreign_key`` points to that row and whose fields named in
    ``equal`` equal the values given with the call, ordered by ``order_by``."""

    model: type[Model]
    foreign_key: str
    equal: tuple[str, ...]
    columns: tuple[str, ...]
    order_by: tuple[str, ...]


def select_one_listing(
    model: type[M],
    listed: Listed,
    listed_values: Sequence[Any],
    also: str | None = None,
    **equal: Any,
) -> tuple[M, list[tuple[Any, ...]], Any] | None:
    """``select_one(model, **equal)`` and, in the same statement, the rows ``listed``
    names (one round trip instead of two: the check page's application and its
    attachments), and the value of ``also`` (None without it): an SQL expression over
    the row (as ``p``), made from the code, never from input. ``listed_values`` go
    with ``listed.equal``, in that order.

    One LEFT JOIN: the row's columns come back once per listed row, so this suits a
    short list. Values are prepared and converted as in ``select_one``; the value of
    ``also`` comes as the database driver gives it.
    """
    alias, connection, rows = _rows(
        model,
        equal,
        lambda alias: _listing_sql(model, listed, alias, tuple(equal), also),
        (listed.model, listed.equal, listed_values),
    )
    if not rows:
        return None
    width = len(model._meta.concrete_fields)
    pk_index = _pk_index(model)
    if len({row[pk_index] for row in rows}) > 1:
        raise model.MultipleObjectsReturned(f"more than one row for {tuple(equal)}")  # type: ignore[attr-defined]
    found = _instance(model, alias, connection, rows[0][:width])
    also_value, listed_at = (rows[0][width], width + 1) if also else (None, width)
    converters = _converters(listed, connection)
    items = [
        tuple(_converted(list(row[listed_at + 1 :]), converters, connection))
        for row in rows
        if row[listed_at] is not None  # the listed row's key: NULL when the join found none
    ]
    return found, items, also_value


@cache
def _listing_sql(
    model: type[Model], listed: Listed, alias: str, names: tuple[str, ...], also: str | None
) -> str:
    quote = connections[alias].ops.quote_name
    child = listed.model

    def column(name: str) -> str:
        return f"c.{quote(str(_concrete(child, name).column))}"

    return _left_join_sql(
        model,
        alias,
        names,
        joined_table=child._meta.db_table,
        joined_on=[f"{column(listed.foreign_key)} = p.{quote(str(model._meta.pk.column))}"]
        + [f"{column(name)} = %s" for name in listed.equal],
        joined_columns=([also] if also else [])
        + [f"c.{quote(str(child._meta.pk.column))}"]
        + [column(name) for name in listed.columns],
        tail="ORDER BY " + ", ".join(column(name) for name in listed.order_by),
    )


def _left_join_sql(
    model: type[Model],
    alias: str,
    names: tuple[str, ...],
    *,
    joined_table: str,
    joined_on: list[str],
    joined_columns: list[str],
    tail: str,
) -> str:
    """SELECT the model's columns (as p) and ``joined_columns`` of ``joined_table`` (as c),
    LEFT JOINed ``joined_on``, WHERE each of ``names`` equals a parameter, then ``tail``."""
    quote = connections[alias].ops.quote_name
    columns = ", ".join(_row_columns(model, quote) + joined_columns)
    where = _row_where(model, names, quote)
    # Only names from the models' metadata are interpolated; values are parameters.
    return (
        f"SELECT {columns} FROM {quote(model._meta.db_table)} p "  # noqa: S608
        f"LEFT JOIN {quote(joined_table)} c ON {' AND '.join(joined_on)} WHERE {where} {tail}"
    )


@dataclass(frozen=True, slots=True)
class Joined:
    """The row that ``select_one_joined`` reads beside its one row: the row of ``model``
    whose primary key the one row's ``via`` field holds, if its fields named in ``equal``
    equal the values given with the call."""

    model: type[Model]
    via: str
    equal: tuple[str, ...]


def select_one_joined(
    model: type[M], joined: Joined, joined_values: Sequence[Any], **equal: Any
) -> tuple[M, Model | None] | None:
    """``select_one(model, **equal)`` and, in the same statement, the row ``joined``
    names, or None for it when there is none (one round trip instead of two: every
    logged-in page's session and its user). ``joined_values`` go with ``joined.equal``."""
    alias, connection, rows = _rows(
        model,
        equal,
        lambda alias: _joined_sql(model, joined, alias, tuple(equal)),
        (joined.model, joined.equal, joined_values),
    )
    if len(rows) > 1:
        raise model.MultipleObjectsReturned(f"{len(rows)} rows for {tuple(equal)}")  # type: ignore[attr-defined]
    if not rows:
        return None
    width = len(model._meta.concrete_fields)
    found = _instance(model, alias, connection, rows[0][:width])
    if rows[0][width + _pk_index(joined.model)] is None:  # NULL: the join found no row
        return found, None
    return found, _instance(joined.model, alias, connection, rows[0][width:])


@cache
def _joined_sql(model: type[Model], joined: Joined, alias: str, names: tuple[str, ...]) -> str:
    quote = connections[alias].ops.quote_name
    other = joined.model._meta
    return _left_join_sql(
        model,
        alias,
        names,
        joined_table=other.db_table,
        joined_on=[
            f"c.{quote(str(other.pk.column))} = p.{quote(str(_concrete(model, joined.via).column))}"
        ]
        + [f"c.{quote(str(_concrete(joined.model, n).column))} = %s" for n in joined.equal],
        joined_columns=[f"c.{quote(f.column)}" for f in other.concrete_fields],
        tail="LIMIT 2",
    )


def _rows(
    model: type[Model],
    equal: dict[str, Any],
    sql: Callable[[str], str],
    joined_equal: tuple[type[Model], Sequence[str], Sequence[Any]] | None = None,
) -> tuple[str, BaseDatabaseWrapper, list[tuple[Any, ...]]]:
    """The rows of ``sql`` (made for the read database's alias), for every read here:
    first a JOIN's parameters, if any (the joined model's fields named and their
    values), then the WHERE's (``equal``)."""
    if any(value is None for value in equal.values()) or (
        joined_equal is not None and any(value is None for value in joined_equal[2])
    ):
        raise ValueError("these reads compare with =, which never matches NULL")
    alias = router.db_for_read(model)
    connection = connections[alias]
    params = _prepared(model, tuple(equal), tuple(equal.values()), connection)
    if joined_equal is not None:
        params = _prepared(*joined_equal, connection) + params
    with connection.cursor() as cursor:
        cursor.execute(sql(alias), params)
        return alias, connection, cursor.fetchall()


@cache
def _pk_index(model: type[Model]) -> int:
    """Where the primary key is among the model's concrete columns."""
    return [f.attname for f in model._meta.concrete_fields].index(model._meta.pk.attname)


def _prepared(
    model: type[Model], names: Sequence[str], values: Sequence[Any], connection: Any
) -> list[Any]:
    """The values for the fields ``names``, prepared for the database."""
    return [
        _concrete(model, name).get_db_prep_value(value, connection)
        for name, value in zip(names, values, strict=True)
    ]


Converters = tuple[tuple[int, tuple[Callable[..., Any], ...], Col], ...]
# Per connection (connections are per thread), freed with it: the backend's converters
# are methods of that connection's operations. Keyed by a model (all its concrete
# columns) or by a Listed (its listed columns).
_converters_by_connection: WeakKeyDictionary[
    BaseDatabaseWrapper, dict[type[Model] | Listed, Converters]
] = WeakKeyDictionary()


def _converters(of: type[Model] | Listed, connection: BaseDatabaseWrapper) -> Converters:
    """The columns that need converting and their converters, as
    SQLCompiler.get_converters finds them (the backend's, then the field's). Worked
    out once per model (or listing) and connection: looked up for every row, they cost
    about 0.15 ms of an application's read."""
    per_source = _converters_by_connection.setdefault(connection, {})
    found = per_source.get(of)
    if found is None:
        if isinstance(of, Listed):
            table = of.model._meta.db_table
            cols: Sequence[Col] = [_concrete(of.model, n).get_col(table) for n in of.columns]
        else:
            cols = _columns(of)[1]
        found = per_source[of] = tuple(
            (index, tuple(converters), col)
            for index, col in enumerate(cols)
            if (
                converters := connection.ops.get_db_converters(col)
                + col.get_db_converters(connection)
            )
        )
    return found
