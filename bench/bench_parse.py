"""Parsing speed, run by hand (not a test):

    .venv/bin/python bench/bench_parse.py [--runs N] [--cold-runs N] [--no-wheel]

1. warm: every corpus cell parsed ``--runs`` times once the Lark parser is
   built, three ways (see `warm`); reports the median and p95 of the
   per-cell time (target: median ≤ 0.5 ms on one core, measured as the
   corpus pass);
2. cold: ``python -m cdsdsl parse FILE`` as a new process, ``--cold-runs``
   times (target ≤ 0.5 s), and the installed ``cds`` entry point (a wheel
   built with ``--no-isolation`` and installed with ``pip --target`` into a
   temporary folder).
Prints the machine (nproc, CPU model, Python) so docs/performance.md can
record the numbers with it.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import site
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "seed-formulas.jsonl"
sys.path.insert(0, str(REPO))


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    import timeit

    ref = min(timeit.repeat("sum(range(10000))", number=200, repeat=5)) / 200 * 1e6
    return (f"nproc={os.cpu_count()} cpu={cpu!r} python={platform.python_version()} "
            f"load(1 min)={load:.2f} reference `sum(range(10000))`={ref:.0f} µs (~100 µs on a laptop)")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def _report(label: str, cells: list[dict], times: list[list[float]], cpu: float) -> None:
    per_cell = [statistics.median(t) for t in times]
    print(f"{label}, {len(cells)} cells x {len(times[0])} runs (median per cell, wall):")
    print(f"  median {statistics.median(per_cell) * 1000:.3f} ms   p95 {pct(per_cell, 95) * 1000:.3f} ms   "
          f"max {max(per_cell) * 1000:.3f} ms   mean CPU {cpu * 1000:.3f} ms")
    worst = sorted(zip(per_cell, (c["id"] for c in cells)), reverse=True)[:5]
    print("  slowest:", ", ".join(f"{i} {m * 1000:.2f} ms" for m, i in worst))


def warm(runs: int) -> None:
    """Three ways of timing each cell once the Lark parser is built:

    - *corpus pass* (the target's measure): the cells parsed one after the
      other in the decision's order, every piece cache emptied at the start
      of each pass -- as when a decision is read; a piece that an earlier cell
      already had (`Điểm tối đa`, `Tỷ lệ=a/b`) is not read again;
    - *alone*: every cache emptied before each cell, as if it were the only one;
    - *again*: the cell parsed again with the caches full (the least work).
    """
    from cdsdsl import parse_formula
    from cdsdsl.syntax.parser import clear_piece_caches, lark_parser

    cells = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.perf_counter()
    lark_parser()
    print(f"parser build (cache=True): {(time.perf_counter() - t0) * 1000:.1f} ms")
    for c in cells:  # warm-up
        parse_formula(c["formula"])

    def timed(text: str) -> float:
        t = time.perf_counter()
        parse_formula(text)
        return time.perf_counter() - t

    times: list[list[float]] = [[] for _ in cells]
    cpu0 = time.process_time()
    for _ in range(runs):
        clear_piece_caches()
        for i, c in enumerate(cells):
            times[i].append(timed(c["formula"]))
    cpu = (time.process_time() - cpu0) / (len(cells) * runs)
    _report("corpus pass (each cell once, in order; caches emptied per pass)", cells, times, cpu)
    for alone in (True, False):
        times = [[] for _ in cells]
        cpu0 = time.process_time()
        for i, c in enumerate(cells):
            for _ in range(runs):
                if alone:
                    clear_piece_caches()
                times[i].append(timed(c["formula"]))
        cpu = (time.process_time() - cpu0) / (len(cells) * runs)
        _report("alone (caches emptied before each cell)" if alone else "again (caches full)", cells, times, cpu)


def _time_process(cmd: list[str], env: dict, stdin: str, runs: int, cwd: str) -> list[float]:
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run(cmd, input=stdin, capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd)
        out.append(time.perf_counter() - t)
        if p.returncode != 0:
            raise SystemExit(f"{cmd} failed: {p.stderr}")
    return out


def cold(runs: int, wheel: bool) -> None:
    cell = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[16])["formula"]  # 3.1
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "cell.txt"
        f.write_text(cell, encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(REPO))
        base = _time_process([sys.executable, "-c", "pass"], env, "", runs, tmp)
        print(f"cold: bare `python -c pass`: median {statistics.median(base):.3f} s")
        t = _time_process([sys.executable, "-c", "import cdsdsl"], env, "", runs, tmp)
        print(f"cold: `import cdsdsl` (whole package): median {statistics.median(t):.3f} s")
        t = _time_process([sys.executable, "-m", "cdsdsl", "parse", str(f)], env, "", runs, tmp)
        print(f"cold: `python -m cdsdsl parse FILE`, {runs} runs: median {statistics.median(t):.3f} s "
              f"(min {min(t):.3f}, max {max(t):.3f})")
        if not wheel:
            return
        dist, target = Path(tmp) / "dist", Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(REPO)],
                       check=True, capture_output=True)
        (whl,) = dist.glob("*.whl")
        subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(target),
                        str(whl)], check=True, capture_output=True)
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(target)] + site.getsitepackages()))
        cds = target / "bin" / "cds"
        t = _time_process([str(cds), "parse", str(f)], env, "", runs, tmp)
        print(f"cold: installed `cds parse FILE`, {runs} runs: median {statistics.median(t):.3f} s "
              f"(min {min(t):.3f}, max {max(t):.3f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--cold-runs", type=int, default=7)
    ap.add_argument("--no-wheel", action="store_true")
    args = ap.parse_args()
    print(machine())
    warm(args.runs)
    cold(args.cold_runs, not args.no_wheel)


if __name__ == "__main__":
    main()
