"""Cohort scoring through SQL (run by hand; results in docs/performance.md, "SQL").

    .venv/bin/python bench/bench_sql.py                 # the whole table: 1k … 1M units, each in its own process
    .venv/bin/python bench/bench_sql.py --units 100000  # one size (what each row of the table runs)

huyện Ninh Thuận 2023 (85 indicators).  1 000 plausible units (tests/scoring_data.py) are converted once by the
loader (`cdsdsl.sql.load.rows`: exact numerator/denominator columns) and repeated to N rows of a .parquet file in
the layout of ``cds_units`` (each copy a new unit).  Measured, side by side in one process:

* ``duckdb``: `cdsdsl.sql.parquet.score_parquet` — the ruleset's query streaming the file and writing every
  unit's 85 indicators, 8 section totals, total and rank to a .parquet file (2 threads, at most 3 GB of
  memory: DuckDB spills to disk beyond that);
* ``pandas``: a hand-written pandas version of 10 of the indicators (``Tỷ lệ = a/b; Điểm = Tỷ lệ * Điểm tối
  đa``, rounded to 2 places, their sum and rank — floats, no missing data, zero or part-whole checks: the
  shortcut a person would write), reading the same file;
* ``python``: the Python engine (`score_cohort`) on the same units, up to 10 000 (it needs the units in memory).

Peak memory is the process's maximum resident size (each size runs in a fresh process).
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

RULESET = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
SIZES = (1_000, 10_000, 100_000, 1_000_000)
#: ten indicators written ``Tỷ lệ = a/b; Điểm = Tỷ lệ * Điểm tối đa``, with their maxima
PANDAS_ITEMS = {"1.3": 10, "3.2": 10, "3.4": 10, "4.5": 10, "4.6": 5, "5.1": 10, "5.2": 10, "5.3": 10, "5.4": 5,
                "5.5": 10}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def make_parquet(n: int, path: Path) -> tuple:
    """N plausible units as a .parquet file in the ``cds_units`` layout; (compiled ruleset, sql ruleset, units)."""
    import duckdb
    from scoring_data import plausible_unit

    from cdsdsl.rulesets.model import load_ruleset
    from cdsdsl.scoring.score import compile_ruleset
    from cdsdsl.sql.compile import compile_ruleset_sql
    from cdsdsl.sql.load import load_duckdb, rows

    cr = compile_ruleset(load_ruleset(RULESET))
    sr = compile_ruleset_sql(cr, "duckdb")
    rnd = random.Random(2023)
    base = [plausible_unit(cr, f"Huyện {i}", rnd) for i in range(min(n, 1000))]
    con = duckdb.connect()
    load_duckdb(con, sr, rows(sr, cr, base))
    copies = (n + len(base) - 1) // len(base)
    con.execute(f"""COPY (SELECT u.* REPLACE (c.i * {len(base)} + u.unit_no AS unit_no,
                               'Huyện ' || (c.i * {len(base)} + u.unit_no) AS unit_name)
                          FROM cds_units u, range({copies}) c(i)
                          WHERE c.i * {len(base)} + u.unit_no < {n} ORDER BY unit_no)
                    TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 100000)""")
    return cr, sr, base


def pandas_version(path: Path, sr) -> float:
    """Ten indicators by hand in pandas (see the module docstring): seconds."""
    import pandas as pd

    cols = {(c.item, c.key): c.name for c in sr.inputs if c.role == "number"}
    t = time.perf_counter()
    df = pd.read_parquet(path, columns=["unit_no"] + [f"{cols[(i, k)]}_n" for i in PANDAS_ITEMS for k in "ab"])
    out = pd.DataFrame({"unit_no": df["unit_no"]})
    for item, mx in PANDAS_ITEMS.items():
        a, b = df[f"{cols[(item, 'a')]}_n"].astype("float64"), df[f"{cols[(item, 'b')]}_n"].astype("float64")
        out[item] = (a / b * mx).round(2)
    out["total"] = out[list(PANDAS_ITEMS)].sum(axis=1)
    out["rank"] = out["total"].rank(method="min", ascending=False)
    out.to_parquet(path.with_suffix(".pandas.parquet"))
    return time.perf_counter() - t


def one(n: int) -> dict:
    from cdsdsl.sql.parquet import score_parquet

    with tempfile.TemporaryDirectory(prefix="cds-bench-") as tmp:
        src, dst = Path(tmp) / "units.parquet", Path(tmp) / "scores.parquet"
        t = time.perf_counter()
        cr, sr, base = make_parquet(n, src)
        made = time.perf_counter() - t
        log(f"{n} units written ({src.stat().st_size / 1e6:.1f} MB) in {made:.1f} s; scoring with DuckDB …")
        t = time.perf_counter()
        count = score_parquet(cr, src, dst, threads=2, memory_limit="3GB")
        duck = time.perf_counter() - t
        assert count == n
        log(f"  duckdb {duck:.2f} s; pandas …")
        pan = pandas_version(src, sr)
        python = None
        if n <= 10_000:
            from scoring_data import plausible_unit

            from cdsdsl.scoring.score import score_cohort

            rnd = random.Random(2023)
            units = [plausible_unit(cr, f"Huyện {i}", rnd) for i in range(n)]
            log("  python engine …")
            t = time.perf_counter()
            score_cohort(cr, units)
            python = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"units": n, "duckdb_s": round(duck, 2), "pandas10_s": round(pan, 3),
            "python_s": None if python is None else round(python, 2), "peak_mb": round(peak)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int)
    args = ap.parse_args()
    if args.units:
        print(json.dumps(one(args.units)))
        return
    log(f"{platform.python_version()} on {platform.machine()}, {platform.system()}")
    print("| units | DuckDB, 85 indicators (s) | µs per unit | pandas by hand, 10 indicators (s) | "
          "Python engine, 85 indicators (s) | peak memory (MB) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n in SIZES:
        proc = subprocess.run([sys.executable, __file__, "--units", str(n)], capture_output=True, text=True,
                              check=True)
        sys.stderr.write(proc.stderr)
        r = json.loads(proc.stdout)
        py = "—" if r["python_s"] is None else f"{r['python_s']:.2f}"
        print(f"| {n:,} | {r['duckdb_s']:.2f} | {r['duckdb_s'] / n * 1e6:.1f} | {r['pandas10_s']:.3f} | {py} | "
              f"{r['peak_mb']} |", flush=True)


if __name__ == "__main__":
    main()
