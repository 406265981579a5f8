"""Units into the database: the table ``cds_units`` the scoring query reads.

Takes: a `compile.SqlRuleset` (the generated input columns), units read and validated by the Python
readers (`dataentry.reading`: every value keeps its cell), and an open connection (DuckDB or
PostgreSQL through psycopg 3).
Returns: nothing; fills ``cds_units``.  Each figure is converted once, here, by the same
`runtime.to_number` the Python engine uses: ``(numerator, denominator)``, both NULL when the cell is
empty, denominator 0 when the figure is not valid (the query then reports an error for the
indicator and the Python engine writes the located message); an option list's choice by
`runtime.choose` as bits (-1 when invalid); ``Áp dụng:`` lists as booleans.

The rows travel as data, never as SQL text: DuckDB reads a CSV file we write (`csv` quoting), and
PostgreSQL gets them through ``COPY … FROM STDIN`` (psycopg's own encoding).  Large cohorts go in
batches, with progress.
"""
from __future__ import annotations

import csv
import os
import tempfile
from fractions import Fraction
from typing import Any, Callable, Iterable, Iterator, Sequence

from sqlglot import exp

from cdsdsl.evaluate.runtime import Fault, choose, to_number
from cdsdsl.sql.compile import UNITS, InputColumn, SqlRuleset
from cdsdsl.sql.quoting import NUMBER_TYPES, dialect_of, generated, text
from cdsdsl.text.fold import fold_case

#: (name, type) of the columns every unit has
BASE_COLUMNS = (("cohort_no", "BIGINT"), ("unit_no", "BIGINT"), ("unit_name", "TEXT"), ("unit_group", "TEXT"))


def table_columns(sr: SqlRuleset) -> list[tuple[str, str]]:
    """Every column of ``cds_units`` with its SQL type, in order."""
    number = NUMBER_TYPES[sr.dialect]
    out = list(BASE_COLUMNS)
    for c in sr.inputs:
        if c.role == "number":
            out += [(f"{c.name}_n", number), (f"{c.name}_d", number)]
        elif c.role == "choice":
            out.append((c.name, "BIGINT"))
        elif c.role == "applies":
            out.append((c.name, "BOOLEAN"))
        else:  # python: the Python engine's points and flag
            out += [(f"{c.name}_n", number), (f"{c.name}_d", number), (f"{c.name}_f", "INTEGER")]
    return out


def create_table(sr: SqlRuleset, temporary: bool = True) -> str:
    """``CREATE TABLE cds_units (...)`` in the dialect (generated names only)."""
    defs = [exp.ColumnDef(this=generated(name), kind=exp.DataType.build(kind)) for name, kind in table_columns(sr)]
    create = exp.Create(this=exp.Schema(this=exp.Table(this=generated(UNITS)), expressions=defs), kind="TABLE",
                        properties=exp.Properties(expressions=[exp.TemporaryProperty()]) if temporary else None)
    return create.sql(dialect=dialect_of(sr.dialect))


def _number(raw: Any, kind: str) -> tuple[int | None, int | None]:
    raw = getattr(raw, "raw", raw)
    if raw is None or raw == "":
        return None, None
    try:
        v = Fraction(to_number(raw, kind))
    except Fault:
        return None, 0
    return v.numerator, v.denominator


def _choice(raw: Any, col: InputColumn) -> int | None:
    raw = getattr(raw, "raw", raw)
    if raw is None or raw == "":
        return None
    try:
        chosen = choose(raw, list(col.labels), col.cumulative)
    except Fault:
        return -1
    return sum(1 << i for i in set(chosen) if i >= 0)


def unit_row(sr: SqlRuleset, cr: Any, no: int, unit: Any, python: Callable[[Any, str], tuple] | None,
             cohort: int = 0) -> list[Any]:
    """One unit's row of ``cds_units`` (``python(unit, item)``: the Python engine's (n, d, flag))."""
    row: list[Any] = [cohort, no, unit.name, unit.group]
    for c in sr.inputs:
        if c.role == "number":
            row.extend(_number(unit.values.get(c.item, {}).get(c.key), c.kind))
        elif c.role == "choice":
            row.append(_choice(unit.values.get(c.item, {}).get(c.key), c))
        elif c.role == "applies":
            applies_to = cr.by_key[c.item].applies_to or ()
            row.append(fold_case(unit.name) in applies_to)
        else:
            assert python is not None
            row.extend(python(unit, c.item))
    return row


def rows(sr: SqlRuleset, cr: Any, units: Sequence[Any],
         python: Callable[[Any, str], tuple] | None = None, cohort: int = 0) -> Iterator[list[Any]]:
    """The rows of ``units`` (cohort number ``cohort``)."""
    for i, u in enumerate(units):
        yield unit_row(sr, cr, i, u, python, cohort)


def load_duckdb(con: Any, sr: SqlRuleset, data: Iterable[list[Any]], progress: Callable[[int], None] | None = None,
                batch: int = 50_000) -> None:
    """Fill ``cds_units`` on a DuckDB connection, through CSV files of ``batch`` rows."""
    con.execute(create_table(sr))
    fd, path = tempfile.mkstemp(suffix=".csv", prefix="cds-units-")
    os.close(fd)
    copy = exp.Copy(this=exp.Table(this=generated(UNITS)), kind=True, files=[text(path)],
                    params=[exp.CopyParameter(this=exp.var("FORMAT"), expression=exp.var("CSV")),
                            exp.CopyParameter(this=exp.var("HEADER"), expression=exp.false()),
                            exp.CopyParameter(this=exp.var("QUOTE"), expression=text('"')),
                            exp.CopyParameter(this=exp.var("ESCAPE"), expression=text('"'))]).sql(dialect="duckdb")
    try:
        done = 0
        chunk: list[list[Any]] = []
        for r in data:
            chunk.append(r)
            if len(chunk) >= batch:
                _copy_chunk(con, copy, path, chunk)
                done += len(chunk)
                chunk = []
                if progress is not None:
                    progress(done)
        if chunk:
            _copy_chunk(con, copy, path, chunk)
            done += len(chunk)
            if progress is not None:
                progress(done)
    finally:
        os.unlink(path)


def _cell(v: Any) -> Any:
    if v is None:
        return ""  # an unquoted empty field: NULL
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


def _copy_chunk(con: Any, copy: str, path: str, chunk: list[list[Any]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        for r in chunk:
            # text (names, groups) always quoted, so that an empty name is not NULL
            w.writerow([_cell(v) for v in r])
    con.execute(copy)


def load_postgres(con: Any, sr: SqlRuleset, data: Iterable[list[Any]],
                  progress: Callable[[int], None] | None = None) -> None:
    """Fill ``cds_units`` on a psycopg 3 connection through ``COPY … FROM STDIN``."""
    with con.cursor() as cur:
        cur.execute(create_table(sr))
        copy = exp.Copy(this=exp.Table(this=generated(UNITS)), kind=True, files=[exp.var("STDIN")]).sql(
            dialect="postgres")
        done = 0
        with cur.copy(copy) as cp:
            for r in data:
                cp.write_row(r)
                done += 1
                if progress is not None and done % 50_000 == 0:
                    progress(done)
        if progress is not None:
            progress(done)
