"""CDS410: a cohort method whose words name two formulas (huyện 2023 8.6, 8.7:
"Min-Max dựa vào tỷ lệ của Huyện với Huyện chi cao nhất"), not settled by the
ruleset's ``Phương pháp:``; CDS411 (once per set): cohort indicators need every
unit's data."""
from __future__ import annotations

from typing import Iterator

from cdsdsl.checks.analysis import LintContext
from cdsdsl.checks.rule import Rule
from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.semantics.resolve import CohortScoring

_NAMES = {"minmax": ("Min-Max", "Min-Max"), "ratio_to_best": ("tỷ lệ với đơn vị cao nhất", "ratio to the best unit")}


def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for part in ctx.program.parts:
        sc = part.scoring
        if isinstance(sc, CohortScoring) and sc.ambiguous and not sc.settled_by_ruleset:
            yield ctx.diag("CDS410", sc.span, methods=" và ".join(v[0] for v in _NAMES.values()),
                           methods_en=" and ".join(v[1] for v in _NAMES.values()),
                           used=_NAMES[sc.method][0], used_en=_NAMES[sc.method][1])
    if ctx.needs_cohort:
        span = next((p.scoring.span for p in ctx.program.parts if p.scoring is not None), None)
        ctx.fact("CDS411", span)


RULE = Rule("cohort", ("CDS410", "CDS411"), check)
