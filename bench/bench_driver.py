"""Is the LALR driver (cdsdsl/syntax/lalr.py) still worth it?  Run by hand (not a test):

    .venv/bin/python bench/bench_driver.py [--rounds N] [--passes K] [--tree PATH ...]

Texts: the 85 cells of tests/data/seed-formulas.jsonl and every formula block of rulesets/*.cds.
Each tree (this one by default; ``--tree /path/to/other/checkout`` adds another, e.g. the code
before a change) is measured in its own process, the processes taking turns for ``--rounds``
rounds; each process times, side by side and interleaved, ``--passes`` passes of:

- *pieces*: every piece the parser hands to the driver while reading the texts (the start
  symbol and text of each `LalrDriver.parse` call), read by the driver and by Lark's own
  `Lark.parse` (the same tables);
- *first pass (cold)*: the first reading of the texts in the process: Lark parser loaded (from
  Lark's cache), driver built and checked, scanners compiled, piece caches empty;
- *formulas*: `parse_formula` on every text, piece caches emptied before each pass (as when a
  decision is read), with the driver, then with every piece left to Lark (`LalrDriver.parse` and
  `stack_at_shift` raising `NotHandled`, the per-piece fallback: the parser on plain Lark).

Prints, per tree, the minimum and median over all passes and rounds, and the ratio Lark/driver.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def _texts(tree: Path) -> list[str]:
    import cdsdsl

    texts = [json.loads(line)["formula"] for line in (tree / "tests" / "data" / "seed-formulas.jsonl")
             .read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted((tree / "rulesets").glob("*.cds")):
        ruleset = cdsdsl.load_ruleset(str(path))
        texts += [ind.formula_text for ind in ruleset.indicators if ind.formula_text]
    return texts


def _parse_all(parser: Any, texts: list[str]) -> None:
    parser.clear_piece_caches()
    for text in texts:
        try:
            parser.parse_formula(text)
        except Exception:  # noqa: BLE001 - a text that does not parse is timed too
            pass


def child(tree: Path, passes: int) -> dict[str, list[float]]:
    """The timings (seconds per pass) of one tree, in this process."""
    sys.path.insert(0, str(tree))
    parser = importlib.import_module("cdsdsl.parser")  # the old module path works in every tree
    lalr = importlib.import_module("cdsdsl.lalr")
    assert Path(parser.__file__).resolve().is_relative_to(tree.resolve()), parser.__file__
    texts = _texts(tree)
    pieces: list[tuple[str, str]] = []
    real_parse = lalr.LalrDriver.parse

    def record(self: Any, text: str, start: str) -> Any:
        pieces.append((start, text))
        return real_parse(self, text, start)

    t = time.perf_counter()
    driver, lark = parser.lalr_driver(), parser.lark_parser()  # (the driver's own checks are not recorded)
    lalr.LalrDriver.parse = record
    _parse_all(parser, texts)
    lalr.LalrDriver.parse = real_parse
    first = time.perf_counter() - t

    def by_driver() -> None:
        for start, text in pieces:
            try:
                driver.parse(text, start)
            except (lalr.Failure, lalr.NotHandled):
                pass

    def by_lark() -> None:
        for start, text in pieces:
            try:
                lark.parse(text, start=start)
            except Exception:  # noqa: BLE001 - lark's UnexpectedInput
                pass

    def not_handled(self: Any, *args: Any) -> Any:
        raise lalr.NotHandled

    real_shift = lalr.LalrDriver.stack_at_shift

    def formulas_by_lark() -> None:
        lalr.LalrDriver.parse = lalr.LalrDriver.stack_at_shift = not_handled
        try:
            _parse_all(parser, texts)
        finally:
            lalr.LalrDriver.parse, lalr.LalrDriver.stack_at_shift = real_parse, real_shift

    runs = {"pieces, driver": by_driver, "pieces, Lark": by_lark,
            "formulas, driver": lambda: _parse_all(parser, texts), "formulas, Lark": formulas_by_lark}
    for run in runs.values():  # warm-up: scanners compiled, tables flattened
        run()
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(passes):
        for name, run in runs.items():
            t = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - t)
    times["first pass (cold)"] = [first]
    times["counts"] = [len(texts), len(pieces)]
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--passes", type=int, default=10)
    ap.add_argument("--tree", action="append", default=[], help="another checkout to measure too")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(Path(args.child), args.passes)))
        return
    trees = [str(REPO)] + args.tree
    results: dict[str, dict[str, list[float]]] = {tree: {} for tree in trees}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    for _ in range(args.rounds):
        for tree in trees:
            out = subprocess.run([sys.executable, __file__, "--child", tree, "--passes", str(args.passes)],
                                 capture_output=True, text=True, check=True, cwd=tree, env=env).stdout
            for name, values in json.loads(out).items():
                results[tree].setdefault(name, []).extend(values)
    for tree, times in results.items():
        texts, pieces = times.pop("counts")[:2]
        print(f"{tree}: {int(texts)} formulas, {int(pieces)} pieces; "
              f"{args.rounds} rounds x {args.passes} passes (ms per pass: min / median)")
        for name, values in times.items():
            print(f"  {name:19} {min(values) * 1000:7.2f} / {statistics.median(values) * 1000:7.2f}")
        for what in ("pieces", "formulas"):
            ratio = statistics.median(times[f"{what}, Lark"]) / statistics.median(times[f"{what}, driver"])
            print(f"  {what}: Lark takes {ratio:.2f} x the driver's time (medians)")


if __name__ == "__main__":
    main()
