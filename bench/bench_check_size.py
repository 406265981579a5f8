"""Benchmark: checking long formulas (run by hand, not a test).

    .venv/bin/python bench/bench_check_size.py [--sizes 250,500,1000,2000,4000,10000] [--shapes cases,levels,...]
                                              [--old build/oldcheck] [--budget 20] [--no-cli]

For each shape of bench/long_formulas.py and each size (lines, or terms for `long_sum`, depth/10 for
`nested`), times

* ``check_formula(text, 10)`` in this process (CPU time of the process, the parser's caches emptied
  first: the text read for the first time), and
* ``cds check FILE.cds`` as users run it: a new process on a ruleset file holding one indicator whose
  ``Cách tính:`` is the text (CPU time of the child, startup included; the startup on a one-line
  formula is printed first),

and prints a table with the growth of the time per doubling of the size (×2 is linear, ×4 quadratic,
×8 cubic) and the number of findings.  With ``--old DIR`` (a copy of the package named ``oldcds``:
``mkdir -p build/oldcheck && cp -r cdsdsl build/oldcheck/oldcds && cp -r grammar build/oldcheck/oldcds/grammar``
before the change) the old code is timed side by side, in the same run, and the findings of old and
new are compared (``same``: identical `to_dict()` lists); an old measurement above ``--budget``
seconds stops the larger sizes of that shape for the old code (the old case checks were cubic and
hold a set of pieces per case: at 10 000 cases, gigabytes).
Results are recorded under "Checking long formulas" in docs/performance.md.
"""
from __future__ import annotations

import argparse
import math
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from long_formulas import SHAPES  # noqa: E402


def ruleset_text(formula: str) -> str:
    body = "\n".join("    " + line for line in formula.split("\n"))
    return ("Bộ chỉ số: Bộ chỉ số thử công thức dài\nVăn bản: Quyết định thử\nTổng điểm: 10\n\n"
            "Mục 1 | Mục thử | 10\n\nChỉ số 1.1 | Chỉ số có công thức dài | 10\nCách tính:\n" + body + "\n")


def time_check(check_formula, clear, text: str) -> tuple[float, list]:
    clear()
    t = time.process_time()
    found = check_formula(text, 10)
    return time.process_time() - t, found


def time_cli(package: str, path: str, pythonpath: str | None, timeout: float) -> float | None:
    """CPU seconds of ``python -m PACKAGE check PATH`` (what the `cds` entry point runs), None on timeout."""
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath + os.pathsep + env.get("PYTHONPATH", "")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        proc = subprocess.run([sys.executable, "-m", package, "check", path], capture_output=True, env=env,
                              timeout=timeout, cwd=tempfile.gettempdir())
    except subprocess.TimeoutExpired:
        return None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1) or "lỗi, " not in proc.stdout.decode("utf-8", "replace"):
        raise SystemExit(f"{package} check {path}: exit {proc.returncode}\n{proc.stderr.decode()[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def machine() -> str:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{cpu or platform.processor()}, {os.cpu_count()} cores, load {load:.1f}, "
            f"Python {platform.python_version()}")


def fmt(x: float | None, budget_hit: bool = False) -> str:
    if x is None:
        return "—" if not budget_hit else "skip"
    return f"{x:.2f}"


def ratio(a: float | None, b: float | None, size_a: int, size_b: int) -> str:
    """The growth of the time per doubling of the size: ×2 linear, ×4 quadratic, ×8 cubic."""
    if a is None or b is None or a < 0.005 or size_a == size_b:
        return ""
    return f"×{(b / a) ** (math.log(2) / math.log(size_b / size_a)):.1f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="250,500,1000,2000,4000,10000")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--old", default=None)
    ap.add_argument("--budget", type=float, default=20.0)
    ap.add_argument("--no-cli", action="store_true")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    shapes = args.shapes.split(",")

    from cdsdsl.checks.formula import check_formula
    from cdsdsl.syntax.parser import clear_piece_caches, lark_parser
    lark_parser()
    old = None
    if args.old:
        args.old = str(Path(args.old).resolve())
        sys.path.insert(0, args.old)
        import oldcds.check as old_check  # noqa: PLC0415
        import oldcds.parser as old_parser  # noqa: PLC0415
        old_parser.lark_parser()
        old = (old_check.check_formula, old_parser.clear_piece_caches)

    print(f"machine: {machine()}")
    tmp = Path(tempfile.mkdtemp(prefix="bench_check_size_"))
    if not args.no_cli:
        small = tmp / "small.cds"
        small.write_text(ruleset_text("- Tỷ lệ >= 80%: Điểm tối đa\n- Còn lại: 0 điểm"), encoding="utf-8")
        start = time_cli("cdsdsl", str(small), str(REPO), 60)
        print(f"`cds check` on a one-line formula (startup): {fmt(start)} s CPU")
    print("CPU seconds; ratio = growth per doubling of the size from the previous row (×2 linear, ×4 quadratic);"
          " findings = count (old = new: `same`)")
    cols = ["shape", "size", "check_formula", "ratio", "cds check", "ratio"]
    if old:
        cols += ["old check_formula", "ratio", "old cds check", "ratio", "findings"]
    else:
        cols += ["findings"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for shape in shapes:
        make = SHAPES[shape]
        prev: dict[str, float | None] = {}
        prev_size = 0
        old_stopped = False
        for size in sizes:
            text = make(size)
            new_t, new_found = time_check(check_formula, clear_piece_caches, text)
            row = {"new": new_t}
            if not args.no_cli:
                path = tmp / f"{shape}-{size}.cds"
                path.write_text(ruleset_text(text), encoding="utf-8")
                row["cli"] = time_cli("cdsdsl", str(path), str(REPO), 600)
            same = ""
            if old:
                if not old_stopped:
                    old_t, old_found = time_check(old[0], old[1], text)
                    row["old"] = old_t
                    same = ("same" if [d.to_dict() for d in old_found] == [d.to_dict() for d in new_found]
                            else "DIFFERENT")
                    if not args.no_cli:
                        limit = max(60.0, 4 * args.budget)
                        row["old_cli"] = time_cli("oldcds", str(path), args.old, limit)
                        if row["old_cli"] is None:
                            row["old_cli_text"] = f"> {limit:.0f} (stopped)"
                    if old_t > args.budget or (not args.no_cli and row.get("old_cli") is None):
                        old_stopped = True
                else:
                    row["old"] = row["old_cli"] = None
            last = prev_size or size
            cells = [shape, str(size), fmt(row["new"]), ratio(prev.get("new"), row["new"], last, size),
                     fmt(row.get("cli")), ratio(prev.get("cli"), row.get("cli"), last, size)]
            if old:
                cells += [fmt(row.get("old"), old_stopped), ratio(prev.get("old"), row.get("old"), last, size),
                          row.get("old_cli_text") or fmt(row.get("old_cli"), old_stopped),
                          ratio(prev.get("old_cli"), row.get("old_cli"), last, size)]
            cells.append(f"{len(new_found)}" + (f" {same}" if same else ""))
            print("| " + " | ".join(cells) + " |", flush=True)
            prev, prev_size = row, size


if __name__ == "__main__":
    main()
