"""Two source trees side by side (run by hand): is the code of one tree slower than another's?

    .venv/bin/python bench/bench_trees.py OLD_TREE [NEW_TREE] [--rounds 3]

A tree is a checkout of this repository (e.g. `git worktree add ../old <commit>`); NEW_TREE defaults to
this one.  Each measure runs in a fresh process per tree, the two trees alternating, `--rounds` times; the
table gives the best time of each and the ratio new/old.  Only public names are used (`cdsdsl.parse_formula`,
`cdsdsl.load_ruleset`, `cdsdsl.check_ruleset`, `cdsdsl.compile_formula` ...), so trees of different layouts
compare.  The measures are #11's: parse, check, evaluate, a 10 000-unit cohort.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]

MEASURE = r'''
import json, random, sys, time
from pathlib import Path
root = Path(sys.argv[1]); what = sys.argv[2]
sys.path[:0] = [str(root), str(root / "tests")]
import cdsdsl
def best(f, n):
    out = float("inf")
    for _ in range(n):
        t = time.perf_counter(); f(); out = min(out, time.perf_counter() - t)
    return out
corpus = [json.loads(l)["formula"] for l in (root / "tests/data/seed-formulas.jsonl").read_text("utf-8").splitlines() if l.strip()]
ruleset_file = root / "rulesets/huyen-ninh-thuan-2023.cds"
if what == "parse":
    import cdsdsl.parser as P
    def run():
        P.clear_piece_caches()
        for text in corpus:
            try: cdsdsl.parse_formula(text)
            except cdsdsl.CdsError: pass
    cdsdsl.parse_formula(corpus[0])
    print(best(run, 15) * 1e3)
elif what == "check":
    import cdsdsl.parser as P
    rs = cdsdsl.load_ruleset(ruleset_file)
    cdsdsl.check_ruleset(rs)
    def run():
        P.clear_piece_caches(); cdsdsl.check_ruleset(rs)
    print(best(run, 9) * 1e3)
elif what in ("evaluate", "interpret"):
    text = ("a= Tổng số hồ sơ;\nb= Hồ sơ mức độ 3;\nc= Hồ sơ mức độ 4;\n- Tỷ lệ=(b+c)/a\n- Điểm=\n"
            "+ Tỷ lệ >=80%: Điểm tối đa\n+ Tỷ lệ <80%: Tỷ lệ/80%*Điểm tối đa")
    rnd = random.Random(1); data = []
    for _ in range(20000):
        a = rnd.randint(1, 5000); b = rnd.randint(0, a); c = rnd.randint(0, a - b); data.append({"a": a, "b": b, "c": c})
    if what == "evaluate":
        f = cdsdsl.compile_formula(text, 20)
        print(best(lambda: [f(d) for d in data], 5) / len(data) * 1e6)
    else:
        from cdsdsl.resolve import resolve
        prog = resolve(cdsdsl.parse_formula(text), 20)
        print(best(lambda: [cdsdsl.evaluate_program(prog, d) for d in data[:3000]], 3) / 3000 * 1e6)
elif what == "cohort":
    from scoring_data import plausible_unit
    from cdsdsl.scoring import compile_ruleset, score_cohort
    cr = compile_ruleset(cdsdsl.load_ruleset(ruleset_file))
    rnd = random.Random(3)
    units = [plausible_unit(cr, f"Huyện {i}", rnd) for i in range(10000)]
    print(best(lambda: score_cohort(cr, units), 3))
'''

UNITS = {"parse": "ms (85 seed cells, caches emptied)", "check": "ms (check_ruleset, huyện 2023)",
         "evaluate": "µs per compiled call (6.9)", "interpret": "µs per interpreted call (6.9)",
         "cohort": "s (score + rank 10 000 units × 85)"}


def measure(tree: Path, what: str) -> float:
    proc = subprocess.run([sys.executable, "-c", MEASURE, str(tree), what], capture_output=True, text=True,
                          cwd=tree, timeout=900)
    if proc.returncode:
        raise SystemExit(f"{tree} {what}: {proc.stderr[-2000:]}")
    return float(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old", type=Path)
    ap.add_argument("new", type=Path, nargs="?", default=HERE)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--only", default=",".join(UNITS))
    args = ap.parse_args()
    rows = []
    for what in args.only.split(","):
        got: dict[str, list[float]] = {"old": [], "new": []}
        for _ in range(args.rounds):
            for name in ("old", "new"):
                got[name].append(measure(getattr(args, name), what))
        old, new = min(got["old"]), min(got["new"])
        rows.append({"measure": what, "unit": UNITS[what], "old": old, "new": new, "new/old": new / old})
        print(f"| {what} | {UNITS[what]} | {old:.3g} | {new:.3g} | {new / old:.2f} |", flush=True)
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
