"""The one door through which anything enters generated SQL.

Takes: names the SQL compiler made up itself (``v12_n``, ``k3_s``: never a unit's, indicator's or
input's name), the column names of a user's .parquet file (the only outside names a query reads),
and values of our own AST (exact integers, the ruleset's group ids, decimal places).
Returns: sqlglot nodes: an identifier always quoted by `ident` (a double quote inside is doubled by
sqlglot's writer of the dialect, NUL refused), a typed integer literal (`integer`, `typed`), a text
literal (`text`, escaped the same way: ``'it''s'``), and the exact column type of a dialect.

User text (unit names, indicator names, ruleset text) never becomes SQL text: unit data travels as
rows (bulk-loaded by `load`: a CSV file the database reads, or PostgreSQL's COPY), the query's own
columns have generated names (`generated` checks one), and every identifier passes `ident`.
"""
from __future__ import annotations

import re

from sqlglot import exp

#: generated names: a letter or underscore, then letters, digits, underscores (ASCII only)
_GENERATED = re.compile(r"[a-z_][a-z0-9_]{0,62}\Z")

#: the exact integer type of each target: DuckDB's 64-bit BIGINT (the quick one; an overflow is an
#: error, never a wrong number, and the query is then run again with 128-bit HUGEINT: ``duckdb:wide``),
#: PostgreSQL's unbounded NUMERIC
NUMBER_TYPES = {"duckdb": "BIGINT", "duckdb:wide": "HUGEINT", "postgres": "NUMERIC"}
DIALECTS = ("duckdb", "postgres")


def dialect_of(target: str) -> str:
    """The sqlglot dialect of a target (``duckdb:wide`` → ``duckdb``)."""
    return target.split(":")[0]


def ident(name: str) -> exp.Identifier:
    """A quoted identifier (ValueError for a name holding NUL, which no database stores)."""
    name = str(name)
    if "\x00" in name:
        raise ValueError("a SQL name cannot hold NUL")
    return exp.Identifier(this=name, quoted=True)


def generated(name: str) -> exp.Identifier:
    """`ident` for a name the compiler made up: anything else is refused (ValueError)."""
    if not _GENERATED.match(name):
        raise ValueError(f"not a generated SQL name: {name!r}")
    return ident(name)


def column(name: str, table: str | None = None) -> exp.Column:
    """``"table"."name"`` (both generated names)."""
    return exp.Column(this=generated(name), table=generated(table) if table is not None else None)


def integer(value: int) -> exp.Expression:
    """An exact integer literal (negative numbers as a negation)."""
    value = int(value)
    lit = exp.Literal.number(str(abs(value)))
    return exp.Neg(this=lit) if value < 0 else lit


def text(value: str) -> exp.Literal:
    """A text literal of a value from the ruleset (a group id): sqlglot's writer escapes it."""
    return exp.Literal.string(str(value))


_TYPES = {d: exp.DataType.build(t) for d, t in NUMBER_TYPES.items()}


def number_type(dialect: str) -> exp.DataType:
    """The column type of exact numerators and denominators in ``dialect`` (a fresh node)."""
    return _TYPES[dialect].copy()


def typed(value: int, dialect: str) -> exp.Expression:
    """An exact integer literal for arithmetic over the target's number columns.  DuckDB with 64-bit integers:
    the plain literal (the column's type wins in every product; a product of two literals is folded when the
    query is built); otherwise ``CAST(value AS <exact type>)``, so that no product can wrap or lose digits."""
    if dialect == "duckdb" and -(2 ** 31) < value < 2 ** 31:
        return integer(value)
    return exp.Cast(this=integer(value), to=number_type(dialect))


def call(name: str, *args: exp.Expression) -> exp.Expression:
    """``NAME(args)``: a SQL function both dialects know by that name (SIGN, GCD, LCM, NULLIF)."""
    return exp.Anonymous(this=name, expressions=list(args))
