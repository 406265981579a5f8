"""Score a cohort through SQL: `score_cohort_sql` gives the `CohortResult` the Python engine gives.

Takes: a ruleset (or `CompiledRuleset`), the units read by `dataentry.reading` (their cells
remembered), an engine (``duckdb``: an in-memory database of this process; ``postgres``: a psycopg 3
connection or a ``postgresql://`` address) and an optional progress callback.
Returns: `CohortResult` — every indicator's exact points, section totals, totals and ranks computed by
the database (`compile.compile_ruleset_sql`), the units' `UnitResult`s built from them.  Where the
query flags an indicator (a warning, an error, not applicable), the Python engine writes that
indicator's result with its located messages, and its exact value must equal the query's: a
difference raises `SqlMismatch` (never a silent wrong number).  The cohort's statistics are the
query's, checked against the Python engine's notes (CDS620/CDS622).

`score_table` runs the query alone and returns its rows (no Python per unit): the path for large
cohorts and for `cds compile --to sql` users.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable, Sequence

import attrs
from sqlglot import exp

from cdsdsl.diagnostics.core import CdsError, Diagnostic
from cdsdsl.evaluate.cohort import CohortStats, Stat, no_spread_notes, rank
from cdsdsl.scoring.results import CohortResult, UnitResult
from cdsdsl.scoring.score import cohort_stats, compile_ruleset
from cdsdsl.sql.compile import FAILED, NOT_APPLICABLE, PLAIN, UNITS, WARNED, SqlRuleset, compile_ruleset_sql
from cdsdsl.sql.load import load_duckdb, load_postgres, rows
from cdsdsl.sql.quoting import dialect_of, generated

ENGINES = ("duckdb", "postgres")
#: DuckDB's "projection pull-up" pass takes most of the time of planning the query (3.1 of 5.7 s of optimiser
#: time for huyện Ninh Thuận 2023, more than running it on 50 000 units); the plan is as good without it
DUCKDB_SETTINGS = "SET disabled_optimizers = 'projection_pullup'"
#: DuckDB's own progress bar would write into the CLI's output (the CLI shows its own)
QUIET = "SET enable_progress_bar = false"


class SqlMismatch(AssertionError):
    """The database and the Python engine disagree on a value (a bug: reported, never hidden)."""


def connect(engine: str, dsn: Any = None) -> Any:
    """An open connection: DuckDB in memory, or PostgreSQL at ``dsn`` (an address or a connection)."""
    if engine == "duckdb":
        import duckdb

        if dsn is not None and not isinstance(dsn, str):
            return dsn
        con = duckdb.connect(":memory:")
        con.execute(DUCKDB_SETTINGS)
        con.execute(QUIET)
        return con
    if engine == "postgres":
        import psycopg

        if dsn is None:
            raise ValueError("engine postgres needs dsn: a postgresql:// address or a psycopg connection")
        return psycopg.connect(dsn, autocommit=True) if isinstance(dsn, str) else dsn
    raise ValueError(f"unknown engine {engine!r}")


def run_query(con: Any, sr: SqlRuleset) -> tuple[list[str], list[tuple]]:
    """The query's column names and rows."""
    sql = sr.sql(pretty=False)
    if sr.dialect.startswith("duckdb"):
        rel = con.execute(sql)
        names = [d[0] for d in rel.description]
        return names, rel.fetchall()
    with con.cursor() as cur:
        cur.execute(sql)
        names = [d.name for d in cur.description]
        return names, cur.fetchall()


def database_error(engine: str, exc: Exception) -> CdsError:
    return CdsError(Diagnostic.make("CDS683", None, engine=engine, detail=str(exc).splitlines()[0][:300]))


def score_table(ruleset: Any, cohorts: Sequence[Sequence[Any]], *, engine: str = "duckdb", dsn: Any = None,
                progress: Callable[[int], None] | None = None) -> tuple[SqlRuleset, list[str], list[tuple]]:
    """The query's rows for one or more cohorts of units (each scored and ranked on its own, in one
    query): (the compiled query, column names, rows in cohort then unit order).  DuckDB runs the query
    with 64-bit integers and, when a figure overflows them (an error, never a wrong number), again
    with 128-bit ones."""
    cr = compile_ruleset(ruleset)
    targets = ["duckdb", "duckdb:wide"] if engine == "duckdb" else [engine]
    for target in targets:
        try:
            return _run(cr, cohorts, target, dsn, progress)
        except Exception as exc:  # noqa: BLE001 - a database failure becomes a located CDS683
            if type(exc).__module__.split(".")[0] not in ("duckdb", "psycopg", "_duckdb"):
                raise
            if target == "duckdb" and _too_large(exc):
                continue
            raise database_error(engine, exc) from None
    raise AssertionError("unreachable")


def _too_large(exc: Exception) -> bool:
    """Whether a DuckDB error says a figure does not fit 64 bits (an overflow in the query, or a figure that
    cannot be loaded into a BIGINT column): the query is then run with 128-bit integers."""
    text = str(exc)
    return "Overflow" in text or "out of range" in text.lower() or text.startswith("Conversion Error")


def _run(cr: Any, cohorts: Sequence[Sequence[Any]], target: str, dsn: Any,
         progress: Callable[[int], None] | None) -> tuple[SqlRuleset, list[str], list[tuple]]:
    sr = compile_ruleset_sql(cr, target)
    con = connect(dialect_of(target), dsn)
    try:
        data = _all_rows(sr, cr, cohorts)
        if sr.dialect.startswith("duckdb"):
            load_duckdb(con, sr, data, progress)
        else:
            load_postgres(con, sr, data, progress)
        names, out = run_query(con, sr)
        _drop(con, sr)
    finally:
        if dsn is None or isinstance(dsn, str):
            con.close()
    return sr, names, out


def _all_rows(sr: SqlRuleset, cr: Any, cohorts: Sequence[Sequence[Any]]) -> Any:
    for k, units in enumerate(cohorts):
        python = _python_points(cr, units) if any(c.role == "python" for c in sr.inputs) else None
        yield from rows(sr, cr, units, python, k)


def _drop(con: Any, sr: SqlRuleset) -> None:
    """Drop ``cds_units`` (a connection given by the caller stays as it was)."""
    sql = exp.Drop(tables=[exp.Table(this=generated(UNITS))], kind="TABLE", exists=True).sql(dialect_of(sr.dialect))
    if sr.dialect.startswith("duckdb"):
        con.execute(sql)
    else:
        with con.cursor() as cur:
            cur.execute(sql)


def _python_points(cr: Any, units: Sequence[Any]) -> Callable[[Any, str], tuple]:
    """The Python engine's (n, d, flag) of an indicator the query cannot express (CDS680)."""
    stats = {}
    notes: list[Diagnostic] = []
    for c in cr.cohort_items:
        if c.quantities is not None and c.program is not None:
            stats[c.key] = cohort_stats(cr, c, units, notes)
    last: list[Any] = [None, None]  # the last unit scored, and its result

    def points(unit: Any, item: str) -> tuple:
        if last[0] is not unit:
            last[:] = [unit, cr.score_unit(unit, stats=stats)]
        ir = last[1].indicators[item]
        flag = {"error": FAILED, "not_applicable": NOT_APPLICABLE}.get(ir.status, WARNED if ir.diagnostics else PLAIN)
        if ir.exact is None:
            return None, None, flag
        return ir.exact.numerator, ir.exact.denominator, flag

    return points


def _stats(sr: SqlRuleset, row: dict[str, Any]) -> dict[str, CohortStats]:
    """The cohort's statistics, as the query found them."""
    out: dict[str, CohortStats] = {}
    for (item, key), j in sr.stat_keys:
        lo_n = row.get(f"s{j}_lo_n")
        if lo_n is None:
            continue
        low = Fraction(int(lo_n), int(row[f"s{j}_lo_d"]))
        high = Fraction(int(row[f"s{j}_hi_n"]), int(row[f"s{j}_hi_d"]))
        out.setdefault(item, CohortStats())[key] = Stat(low, high, int(row[f"s{j}_count"]))
    return out


def score_cohort_sql(ruleset: Any, units: Sequence[Any], *, engine: str = "duckdb", dsn: Any = None,
                     progress: Callable[[int], None] | None = None) -> CohortResult:
    """Score all units through the database (see the module docstring); the same `CohortResult`
    as `scoring.score.score_cohort`."""
    return score_cohorts_sql(ruleset, [units], engine=engine, dsn=dsn, progress=progress)[0]


def score_cohorts_sql(ruleset: Any, cohorts: Sequence[Sequence[Any]], *, engine: str = "duckdb", dsn: Any = None,
                      progress: Callable[[int], None] | None = None) -> list[CohortResult]:
    """`score_cohort_sql` for several cohorts at once (one query: each cohort compared and ranked on its own)."""
    cr = compile_ruleset(ruleset)
    cohorts = [tuple(u) for u in cohorts]
    sr, names, out = score_table(cr, cohorts, engine=engine, dsn=dsn, progress=progress)
    by_cohort: list[list[dict[str, Any]]] = [[] for _ in cohorts]
    for r in out:
        rec = dict(zip(names, r, strict=True))
        by_cohort[int(rec["cohort_no"])].append(rec)
    return [_cohort_result(cr, sr, tuple(units), records) for units, records in zip(cohorts, by_cohort, strict=True)]


def _cohort_result(cr: Any, sr: SqlRuleset, units: tuple, records: list[dict[str, Any]]) -> CohortResult:
    stats = _stats(sr, records[0]) if records else {}
    notes: list[Diagnostic] = []
    for c in cr.cohort_items:  # the Python engine's notes, and its statistics must be the query's
        if c.quantities is None or c.program is None:
            continue
        mine = cohort_stats(cr, c, units, notes)
        if dict(mine) != dict(stats.get(c.key, {})):
            raise SqlMismatch(f"cohort statistics of {c.key}: SQL {dict(stats.get(c.key, {}))} != Python {dict(mine)}")
        notes.extend(no_spread_notes(c.program, mine))
        stats[c.key] = mine
    results = [_unit_result(cr, sr, u, rec, stats) for u, rec in zip(units, records, strict=True)]
    if sr.ranks_by_total:
        ranks = [int(rec["rank_no"]) for rec in records]
    else:
        ranks = rank([r.set_total if r.set_total is not None else r.total for r in results])
    final = tuple(attrs.evolve(r, rank=k) for r, k in zip(results, ranks, strict=True))
    return CohortResult(final, stats, tuple(notes), units)


def _unit_result(cr: Any, sr: SqlRuleset, unit: Any, rec: dict[str, Any], stats: dict[str, CohortStats]) -> UnitResult:
    """One unit's `UnitResult` from its row: plain indicators as exact pairs, flagged ones by the Python
    engine (checked against the row)."""
    pairs: dict[str, tuple[int, int]] = {}
    slow: dict[str, Any] = {}
    for ind in sr.indicators:
        j = ind.j
        flag = int(rec[f"k{j}_f"])
        n, d = rec[f"k{j}_n"], rec[f"k{j}_d"]
        if flag == PLAIN:
            pairs[ind.key] = (int(n), int(d))
            continue
        c = cr.by_key[ind.key]
        exact = {k: Fraction(*p) for k, p in pairs.items()} if c.sums is not None else {}
        r = cr.indicator_result(c, unit, stats, exact)
        slow[ind.key] = r
        mine = None if n is None else Fraction(int(n), int(d))
        if r.exact != mine or (r.status == "error") != (flag == FAILED) or \
                (r.status == "not_applicable") != (flag == NOT_APPLICABLE):
            raise SqlMismatch(f"unit {unit.name!r}, indicator {ind.key}: SQL {mine} (flag {flag}) != "
                              f"Python {r.exact} ({r.status})")
        if r.exact is not None:
            pairs[ind.key] = (r.exact.numerator, r.exact.denominator)
    fields = cr.fast._totals(unit, pairs, slow)
    result = UnitResult(*fields)
    if str(result.total) != str(rec["total_p"]):
        raise SqlMismatch(f"unit {unit.name!r}: SQL total {rec['total_p']} != Python {result.total}")
    return result
