"""Benchmark: checking the huyện Ninh Thuận 2023 decision (run by hand).

    .venv/bin/python bench/bench_check.py [ruleset.cds] [--repeat N]

Prints the median time of: the whole `check_ruleset` (parsing included; first
with the parser's piece caches emptied -- the decision read for the first time
in the process, the target's measure -- then again), the
checks alone on programs already parsed and resolved (`check_program` × 85 +
structure checks), parse + resolve alone, and resolve alone on formulas already
parsed, once the Lark parser is built.
Results are recorded under "Checking" in docs/performance.md.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cdsdsl.checks.formula import _check_one, aggregate  # noqa: E402
from cdsdsl.rulesets.check import check_ruleset  # noqa: E402
from cdsdsl.rulesets.model import load_ruleset  # noqa: E402
from cdsdsl.rulesets.structure import check_ruleset_structure  # noqa: E402
from cdsdsl.semantics.resolve import resolve  # noqa: E402
from cdsdsl.syntax.parser import clear_piece_caches, lark_parser, parse_formula  # noqa: E402


def _median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def main(argv: list[str]) -> None:
    repeat = 20
    if "--repeat" in argv:
        i = argv.index("--repeat")
        repeat = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    path = argv[0] if argv else str(ROOT / "rulesets/huyen-ninh-thuan-2023.cds")
    import timeit

    ref = min(timeit.repeat("sum(range(10000))", number=200, repeat=5)) / 200 * 1e6
    print(f"reference `sum(range(10000))`: {ref:.0f} µs (~100 µs on a laptop)")
    rs = load_ruleset(path)
    lark_parser()  # build the parser once
    inds = [i for i in rs.indicators if i.formula_text]

    def parse(ind):
        src = ind.formula_source
        return parse_formula(ind.formula_text, name=rs.name, line_offset=src.line_offset,
                             column_offset=src.column_offset, item=ind.key)

    def parse_resolve():
        return [resolve(parse(ind), ind.max_points, item=ind.key, title=ind.name) for ind in inds]

    formulas = [parse(ind) for ind in inds]

    def resolve_only():
        return [resolve(f, ind.max_points, item=ind.key, title=ind.name) for f, ind in zip(formulas, inds)]

    programs = parse_resolve()

    def checks_only():
        facts: list = []
        out = list(check_ruleset_structure(rs))
        for p in programs:
            out.extend(_check_one(p, facts))
        out.extend(aggregate(facts))
        return out

    def first_check():  # the decision's texts not read before in this process
        clear_piece_caches()
        return check_ruleset(rs)

    check_ruleset(rs)  # warm up
    first = _median(first_check, repeat)
    whole = _median(lambda: check_ruleset(rs), repeat)
    pr = _median(parse_resolve, repeat)
    res = _median(resolve_only, repeat)
    only = _median(checks_only, repeat)
    n = len(check_ruleset(rs))
    print(f"{Path(path).name}: {len(inds)} formulas, {n} findings, median of {repeat} runs")
    print(f"  check_ruleset, parser caches emptied first: {first:6.1f} ms   (the target's measure)")
    print(f"  check_ruleset (parse + resolve + checks): {whole:8.1f} ms   (again: pieces already read)")
    print(f"  parse + resolve only:                     {pr:8.1f} ms")
    print(f"    of which resolve (formulas parsed):     {res:8.1f} ms")
    print(f"  checks only (programs already resolved):  {only:8.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
