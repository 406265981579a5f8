"""Embed the engine in a program: load a ruleset, check it, read a cohort, score it, explain one unit.

    python examples/embed.py                       # huyện Ninh Thuận 2023 with its example cohort
    python examples/embed.py RULESET COHORT [--lang en]

The example cohort is made-up illustration data (Dữ liệu minh hoạ, không phải số liệu thật).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

import cdsdsl  # noqa: E402
from cdsdsl.diagnostics.render import render_diagnostics, summary  # noqa: E402


def main(argv: list[str]) -> int:
    lang = "en" if "--lang" in argv and argv[argv.index("--lang") + 1:][:1] == ["en"] else "vi"
    args = [a for a in argv if not a.startswith("--") and a not in ("vi", "en")]
    ruleset_path = Path(args[0]) if args else ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
    cohort_path = Path(args[1]) if len(args) > 1 else ROOT / "examples" / ruleset_path.stem / "cohort.csv"

    # 1. load and check the ruleset (the checker reports what the decision's text gets wrong)
    ruleset = cdsdsl.load_ruleset(ruleset_path)
    findings = cdsdsl.check_ruleset(ruleset)
    print(f"{ruleset.title}: {len(ruleset.indicators)} chỉ số / indicators; kiểm tra / check: "
          f"{summary(findings, lang)}")

    # 2. read the units' data (located problems come back as diagnostics, not exceptions)
    units, problems = cdsdsl.read_units(cohort_path, ruleset)
    if problems:
        print(render_diagnostics(problems, lang=lang))
    print(f"{cohort_path.name}: {len(units)} đơn vị / units\n")

    # 3. score the whole cohort (min-max and "ratio to the best" indicators need every unit)
    result = cdsdsl.score_cohort(ruleset, units)
    print("Xếp hạng / ranking")
    for r in result.ranking():
        flag = "" if r.complete else "  (chưa đủ / incomplete)"
        print(f"{r.rank:>3}. {r.unit:<40} {r.score:>8} / {r.max_points}{flag}")

    # 4. explain one unit: every indicator's points and why
    best = result.ranking()[0]
    unit = next(u for u in units if u.name == best.unit)
    print()
    print(best.explain(lang, unit=unit, cohort=result.stats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
