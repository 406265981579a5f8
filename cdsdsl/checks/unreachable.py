"""CDS404: a case that can never apply (first match wins): every value it
matches is taken by an earlier case, or no valid value matches it at all.
Levels (``Mức n``) are reported by `levels` (CDS405) instead."""
from __future__ import annotations

from typing import Iterator

from cdsdsl.checks.analysis import LintContext
from cdsdsl.checks.rule import Rule
from cdsdsl.diagnostics.core import Diagnostic


def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for a in ctx.analyses:
        for k, c in enumerate(a.cases):
            if c.case.level is not None or a.effective(k):
                continue
            # the first case taking one of its values (an earlier one: it takes them all)
            earlier_k = a.first_owner(k)
            text = ctx.text(c.case.condition)
            if earlier_k is None:
                unit_share = a.ratio_subject and a.relative_to is None and a.rate_unit is None
                dom = "tỷ lệ từ 0% đến 100%" if unit_share else "giá trị hợp lệ"
                why = f"không có {dom} nào thoả điều kiện"
                why_en = "no valid value satisfies it"
            else:
                earlier = ctx.text(a.cases[earlier_k].case.condition)
                why = f"mọi giá trị thoả điều kiện này đã thoả `{earlier}` viết trước"
                why_en = f"every value it matches is matched first by `{earlier}`"
            yield ctx.diag("CDS404", c.case.span, case=text, why=why, why_en=why_en)


RULE = Rule("unreachable", ("CDS404",), check)
