"""What reading text copied from Word/PDF costs, run by hand (not a test):

    .venv/bin/python bench/bench_copy_repairs.py [--runs N]

Per corpus cell (tests/data/seed-formulas.jsonl), in one run and side by side: the whole parse
(`parse_formula`, piece caches emptied before each cell), the repair of damaged words
(`text.repair.repair_words` on the normalised text) and the cutting into logical lines with the joins of
broken lines (`syntax.lines.split_lines`).  Prints the medians and what the two passes cost as a share of
the parse, so the share holds whatever the machine's load (docs/performance.md).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def _median_per_cell(texts: list, fn, runs: int) -> float:
    """The median over ``runs`` passes of the mean time per item of ``fn`` (µs)."""
    passes = []
    for _ in range(runs):
        start = time.perf_counter()
        for t in texts:
            fn(t)
        passes.append((time.perf_counter() - start) / len(texts))
    return statistics.median(passes) * 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    runs = ap.parse_args().runs
    from cdsdsl.diagnostics.core import FormulaSyntaxError
    from cdsdsl.syntax.lines import split_lines
    from cdsdsl.syntax.parser import clear_piece_caches, parse_formula
    from cdsdsl.text.normalize import normalize
    from cdsdsl.text.repair import repair_words

    texts = [json.loads(row)["formula"] for row in
             (REPO / "tests" / "data" / "seed-formulas.jsonl").read_text(encoding="utf-8").splitlines()]
    norms = [normalize(t) for t in texts]

    def parse(t: str) -> None:
        clear_piece_caches()
        try:
            parse_formula(t)
        except FormulaSyntaxError:
            pass
    parse(texts[0])  # the Lark parser built before timing
    whole = _median_per_cell(texts, parse, runs)
    repair = _median_per_cell(norms, repair_words, runs * 10)
    lines = _median_per_cell([nm.text for nm in norms], split_lines, runs * 10)
    print(f"{len(texts)} cells, {runs} runs: parse {whole:.1f} µs/cell; repair_words {repair:.1f} µs "
          f"({repair / whole:.1%}); split_lines with joins {lines:.1f} µs ({lines / whole:.1%})")


if __name__ == "__main__":
    main()
