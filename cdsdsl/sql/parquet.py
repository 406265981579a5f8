""".parquet files in and out, through DuckDB.

Takes: a .parquet file of units in the wide layout of `cds template` (a unit column ``Đơn vị``,
columns named ``1.3:a``, optionally ``Lĩnh vực``), or a result table (`reports.render.Table`) to write.
Returns: `read_units_parquet`: the units, their diagnostics and the `Intake`, read by the same checks as a
.csv file (`dataentry.reading.read_rows_counted`), each cell named ``file.parquet:<row>:<column>``; the
file is read in batches.  `write_table_parquet`: the table as a .parquet file (numbers as DECIMAL, exact,
text as VARCHAR), its column names those of the CSV output.  Rows travel as parameters, column names
through `quoting.ident`, the file's path as a text literal: no user text is spliced into SQL.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from sqlglot import exp

from cdsdsl.dataentry.reading import read_rows_counted
from cdsdsl.diagnostics.core import CdsError, Diagnostic
from cdsdsl.sql.quoting import generated, ident, text

BATCH = 10_000


def _copy_to(query: exp.Expression, path: Path) -> str:
    return exp.Copy(this=exp.Subquery(this=query), kind=False, files=[text(str(path))],
                    params=[exp.CopyParameter(this=exp.var("FORMAT"), expression=exp.var("PARQUET"))]).sql("duckdb")


def read_units_parquet(path: Path, ruleset: Any) -> tuple[list, list[Diagnostic], Any]:
    """The units of a .parquet file (see the module docstring)."""
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        source = exp.select(exp.Star()).from_(exp.func("read_parquet", text(str(path)))).sql("duckdb")
        try:
            cur = con.execute(source)
        except duckdb.Error as exc:
            raise CdsError(Diagnostic.make("CDS800", None, name=path.name, detail=str(exc).splitlines()[0],
                                           detail_en=str(exc).splitlines()[0])) from None
        header = [d[0] for d in cur.description]
        rows: list[list[Any]] = [list(header)]
        while True:
            batch = cur.fetchmany(BATCH)
            if not batch:
                break
            rows.extend([_cell(v) for v in r] for r in batch)
    finally:
        con.close()

    def cell(i: int, j: int | None) -> str:
        return f"{path.name}:{i}" + (f":{header[j]}" if j is not None and j < len(header) else "")

    return read_rows_counted(rows, ruleset, path.name, cell)


def _cell(v: Any) -> Any:
    """A parquet value as the readers take it: None stays (an empty cell), a float as the decimal it prints."""
    if isinstance(v, float):
        return repr(v)
    return v


def write_table_parquet(table: Any, path: Path) -> None:
    """``table`` (columns with ``header``; rows of exact numbers and text) as a .parquet file."""
    import duckdb

    cols = list(table.columns)
    kinds = [_kind([row[i] if i < len(row) else None for row in table.rows]) for i in range(len(cols))]
    names = [f"c{i}" for i in range(len(cols))]
    defs = [exp.ColumnDef(this=generated(nm), kind=exp.DataType.build(k)) for nm, k in zip(names, kinds, strict=True)]
    create = exp.Create(this=exp.Schema(this=exp.Table(this=generated("cds_out")), expressions=defs), kind="TABLE")
    con = duckdb.connect(":memory:")
    try:
        con.execute(create.sql("duckdb"))
        values = exp.Values(expressions=[exp.Tuple(expressions=[exp.Placeholder() for _ in names])])
        insert = exp.insert(values, exp.Table(this=generated("cds_out")))
        rows = [[_value(row[i] if i < len(row) else None, k) for i, k in enumerate(kinds)] for row in table.rows]
        if rows:
            con.executemany(insert.sql("duckdb"), rows)
        query = exp.select(*[exp.Alias(this=exp.Column(this=generated(nm)), alias=ident(str(c.header)))
                             for nm, c in zip(names, cols, strict=True)]).from_(exp.Table(this=generated("cds_out")))
        con.execute(_copy_to(query, path))
    finally:
        con.close()


def _kind(values: list[Any]) -> str:
    numbers = [v for v in values if v is not None]
    if numbers and all(isinstance(v, (int, Decimal, Fraction)) and not isinstance(v, bool) for v in numbers):
        if all(isinstance(v, int) or (isinstance(v, Fraction) and v.denominator == 1) for v in numbers):
            return "BIGINT"
        places = max(_places(v) for v in numbers)
        return f"DECIMAL(38, {places})"
    return "VARCHAR"


def _places(v: Any) -> int:
    if isinstance(v, Decimal):
        return max(0, -int(v.as_tuple().exponent))
    return 2


def _value(v: Any, kind: str) -> Any:
    if v is None:
        return None
    if kind == "VARCHAR":
        return str(v)
    if isinstance(v, Fraction):
        return int(v) if v.denominator == 1 else Decimal(v.numerator) / Decimal(v.denominator)
    return v


def score_parquet(ruleset: Any, source: Path, output: Path, *, threads: int | None = None,
                  memory_limit: str | None = None) -> int:
    """Score the units of ``source`` (a .parquet file in the layout of ``cds_units``: the generated columns
    `cds compile --to sql` lists) with one DuckDB query streaming it, and write the query's table to
    ``output`` (.parquet).  Returns the number of units.  Nothing is loaded into Python."""
    import duckdb

    from cdsdsl.scoring.score import compile_ruleset
    from cdsdsl.sql.compile import UNITS, compile_ruleset_sql
    from cdsdsl.sql.engine import DUCKDB_SETTINGS

    sr = compile_ruleset_sql(compile_ruleset(ruleset), "duckdb")
    con = duckdb.connect(":memory:")
    try:
        con.execute(DUCKDB_SETTINGS)
        if threads is not None:
            con.execute(f"SET threads = {int(threads)}")
        if memory_limit is not None:
            con.execute(exp.Set(expressions=[exp.EQ(this=exp.var("memory_limit"), expression=text(memory_limit))])
                        .sql("duckdb"))
        view = exp.Create(this=exp.Table(this=generated(UNITS)), kind="VIEW",
                          expression=exp.select(exp.Star()).from_(exp.func("read_parquet", text(str(source)))))
        con.execute(view.sql("duckdb"))
        query = sr.query
        con.execute(_copy_to(query, output))
        count = con.execute(exp.select(exp.Count(this=exp.Star())).from_(
            exp.func("read_parquet", text(str(output)))).sql("duckdb")).fetchone()
        return int(count[0]) if count else 0
    finally:
        con.close()
