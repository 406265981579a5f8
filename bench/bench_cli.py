"""The commands users run, timed as processes (run by hand, not a test).

    .venv/bin/python bench/bench_cli.py [--sizes 1000,10000] [--formats csv,xlsx] [--commands score,rank]
                                        [--out build/bench-cli] [--rounds 1] [--old TREE]

Takes: cohort sizes and file formats; makes the cohorts with `bench/make_cohort.py` (huyện Ninh Thuận
2023, deterministic; kept in ``--out`` and reused) unless they are there already.
Returns: prints one row per run: command, units, format, wall seconds, CPU seconds and the peak resident
memory of the process (``os.wait4``'s rusage of that child, what ``/usr/bin/time -v`` calls "Maximum
resident set size"), and the exit status; the report goes to a file (``-o``), as a user would write it.
With ``--old TREE`` (another checkout, e.g. ``git worktree add ../old main``) each run is also made with that
tree's code, right after, and the ratio new/old of the wall and CPU times is printed.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RULESET = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"


def cohort(size: int, fmt: str, out: Path) -> Path:
    """The cohort file of ``size`` units in ``fmt`` (made once)."""
    path = out / f"huyen-2023-{size}.{fmt}"
    if not path.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_cohort.py"), str(size), str(path)], check=True,
                       stdout=subprocess.DEVNULL)
    return path


def run(args: list[str], tree: Path = ROOT) -> tuple[float, float, float, int]:
    """(wall s, CPU s, peak RSS MiB, exit status) of one process running ``tree``'s code."""
    t = time.perf_counter()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tree)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--formats", default="csv,xlsx")
    ap.add_argument("--commands", default="score,rank")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "bench-cli")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--old", type=Path, default=None, help="another tree to run side by side")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"Python {sys.version.split()[0]}, load(1 min) {os.getloadavg()[0]:.2f}")
    print(f"{'command':8} {'units':>7} {'format':6} {'wall s':>7} {'CPU s':>7} {'peak MiB':>9} exit")
    start = [sys.executable, "-c", "pass"]
    wall, cpu, rss, _ = run(start)
    print(f"{'(python)':8} {'':>7} {'':6} {wall:7.2f} {cpu:7.2f} {rss:9.0f}")
    for size in [int(s) for s in args.sizes.split(",")]:
        for fmt in args.formats.split(","):
            data = cohort(size, fmt, args.out)
            for command in args.commands.split(","):
                new = (1.0, 1.0, 0.0, 0)
                for label, tree in [("", ROOT)] + ([("old ", args.old.resolve())] if args.old else []):
                    report = args.out / f"{label.strip()}{command}-{size}-{fmt}.txt"
                    best = None
                    for _ in range(args.rounds):
                        got = run([sys.executable, "-m", "cdsdsl", command, str(RULESET), str(data), "-o",
                                   str(report)], tree)
                        best = got if best is None or got[0] < best[0] else best
                    assert best is not None
                    wall, cpu, rss, code = best
                    ratio = f"  new/old wall {new[0] / wall:.3f} CPU {new[1] / cpu:.3f}" if label else ""
                    new = best
                    print(f"{label + command:8} {size:7d} {fmt:6} {wall:7.2f} {cpu:7.2f} {rss:9.0f} {code}{ratio}",
                          flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
