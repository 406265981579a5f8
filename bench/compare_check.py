"""Compare two checkers' findings on many texts (run by hand when changing the lint rules or analyses).

    mkdir -p build/oldcheck && cp -r cdsdsl build/oldcheck/oldcds && cp -r grammar build/oldcheck/oldcds/grammar
    # ... change the checks ...
    .venv/bin/python bench/compare_check.py [N] [--old build/oldcheck]

Texts: every formula of the corpus (tests/data/seed-formulas.jsonl, with its maximum), `check_ruleset` on
every rulesets/*.cds (whole output), the long generated formulas of bench/long_formulas.py at sizes the old
code checks in seconds, N random case lists (thresholds drawn from a few values so that cases overlap,
repeat, contain one another, leave gaps and cannot be reached; levels, ranges, `Còn lại`, counts and ratios,
results that depend on the subject) and N mutations of the corpus (deletions, insertions, swaps, shuffled
lines).  Compares the findings' `to_dict()` in both languages, in order; prints the first differences and
the count.
"""
from __future__ import annotations

import glob
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_old = sys.argv[sys.argv.index("--old") + 1] if "--old" in sys.argv else str(REPO / "build" / "oldcheck")
sys.argv = [a for i, a in enumerate(sys.argv) if a != "--old" and (i == 0 or sys.argv[i - 1] != "--old")]
sys.path.insert(0, _old)
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
import oldcds.check as OC  # noqa: E402
import oldcds.ruleset as OR  # noqa: E402
from long_formulas import SHAPES  # noqa: E402

import cdsdsl.checks.formula as NC  # noqa: E402
import cdsdsl.rulesets.model as NR  # noqa: E402


def _dicts(diags) -> list:
    return [(d.to_dict(), d.to_dict("en")) for d in diags]


def run_formula(C, text: str, mp) -> tuple:
    try:
        return ("ok", _dicts(C.check_formula(text, mp)))
    except RecursionError:
        return ("recursion",)
    except Exception as e:  # a crash is an outcome to compare too
        return ("exc", type(e).__name__, str(e))


def run_ruleset(C, R, path: str) -> tuple:
    try:
        return ("ok", _dicts(C.check_ruleset(R.load_ruleset(path))))
    except Exception as e:
        return ("exc", type(e).__name__, str(e))


THRESHOLDS = ["0%", "10%", "20%", "30%", "50%", "50%", "80%", "100%", "0,5", "80"]
COUNTS = ["0", "1", "2", "3", "5", "10"]
RESULTS = ["5 điểm", "3 điểm", "0 điểm", "Điểm tối đa", "50% điểm", "Tỷ lệ*Điểm tối đa", "1/2*Điểm tối đa",
           "Điểm tối đa * Tỷ lệ / 80%"]
OPS = [">=", ">", "<", "<=", "≥", "≤", "="]


def random_cases(rnd: random.Random) -> str:
    count = rnd.random() < 0.3
    subject = "a" if count else "Tỷ lệ"
    lines = ["a = Số sáng kiến được áp dụng"] if count else []
    if not count and rnd.random() < 0.6:
        lines += ["a = Số hồ sơ trực tuyến", "b = Tổng số hồ sơ", "Tỷ lệ = a/b"]
    vals = COUNTS if count else THRESHOLDS
    level = rnd.random() < 0.3
    for j in range(rnd.randint(1, 9)):
        r = rnd.random()
        if r < 0.55:
            cond = f"{subject} {rnd.choice(OPS)} {rnd.choice(vals)}"
        elif r < 0.8:
            lo, hi = rnd.choice(vals), rnd.choice(vals)
            cond = f"Từ {lo} đến {'dưới ' if rnd.random() < 0.5 else ''}{hi}"
        elif r < 0.9:
            cond = "Còn lại"
        else:
            cond = f"{subject} {rnd.choice(OPS)} {rnd.choice(vals)} và {subject} {rnd.choice(OPS)} {rnd.choice(vals)}"
        res = rnd.choice(RESULTS if not count else RESULTS[:5] + ["a*1 điểm"])
        if level:
            lines.append(f"Mức {rnd.choice([j + 1, j + 1, j + 2, 1])}: {cond}: {res}")
        else:
            lines.append(f"- {cond}: {res}")
    return "\n".join(lines)


def mutate(rnd: random.Random, t: str) -> str:
    words = ["Tỷ lệ", ":", ">=", "<", "%", "-", "\n", " ", "và", "từ", "đến", "dưới", "trở lên", "0 điểm",
             "Mức 1", "Mức 2", "Còn lại", "10 điểm", "≥", "50%", "=", "Điểm tối đa"]
    for _ in range(rnd.randint(1, 3)):
        op = rnd.random()
        pos = rnd.randint(0, len(t))
        if op < 0.35 and t:
            t = t[:pos] + t[min(len(t), pos + rnd.randint(1, 8)):]
        elif op < 0.7:
            t = t[:pos] + rnd.choice(words) + t[pos:]
        elif op < 0.85 and len(t) > 2:
            a, b = sorted(rnd.sample(range(len(t)), 2))
            t = t[:a] + t[b:] + t[a:b]
        else:
            lines = t.split("\n")
            rnd.shuffle(lines)
            t = "\n".join(lines)
    return t


def main() -> None:
    N = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    rnd = random.Random(20261203)
    corpus = [json.loads(line) for line in open(REPO / "tests" / "data" / "seed-formulas.jsonl", encoding="utf-8")
              if line.strip()]
    jobs: list[tuple[str, object]] = [("formula", (c["formula"], c.get("max", 10))) for c in corpus]
    jobs += [("ruleset", p) for p in sorted(glob.glob(str(REPO / "rulesets" / "*.cds")))]
    for name, shape in SHAPES.items():
        for size in (1, 2, 3, 5, 10, 40, 150):
            jobs.append(("formula", (shape(size), 10)))
    jobs += [("formula", (random_cases(rnd), rnd.choice([10, 5, 20]))) for _ in range(N)]
    jobs += [("formula", (mutate(rnd, rnd.choice(corpus)["formula"]), 10)) for _ in range(N)]
    # whole formulas pasted on one line (the statements found again inside the line)
    for _ in range(N // 2):
        text = random_cases(rnd) if rnd.random() < 0.5 else rnd.choice(corpus)["formula"]
        jobs.append(("formula", (text.replace("\n", rnd.choice([" ", "; ", "  ", ". "])), 10)))
    bad = 0
    kinds: dict[str, int] = {}
    codes: dict[str, int] = {}
    t0 = time.time()
    for kind, arg in jobs:
        if kind == "ruleset":
            a, b = run_ruleset(OC, OR, arg), run_ruleset(NC, NR, arg)
            label = arg
        else:
            a, b = run_formula(OC, *arg), run_formula(NC, *arg)
            label = arg[0]
        kinds[a[0]] = kinds.get(a[0], 0) + 1
        if a[0] == "ok":
            for d, _en in a[1]:
                codes[d["code"]] = codes.get(d["code"], 0) + 1
        if a != b:
            bad += 1
            if bad <= 5:
                print("DIFF", repr(label)[:300])
                print(" old", str(a)[:800])
                print(" new", str(b)[:800])
    print(f"{len(jobs)} texts, outcomes {kinds}, {bad} differences, {time.time() - t0:.1f}s")
    print("findings (old):", ", ".join(f"{c} {k}" for c, k in sorted(codes.items())))


if __name__ == "__main__":
    main()
