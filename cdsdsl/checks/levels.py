"""CDS405/CDS406: levels (``Mức 1 ≥ 10%`` …): thresholds out of order, so a
level can never be reached (huyện 2023 5.12.2 ``Mức 1 ≥ 2,5%``, ``Mức 2 ≥ 3%``),
and level numbers that are not 1, 2, 3, … in order."""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterator

from cdsdsl.checks.analysis import LintContext
from cdsdsl.checks.rule import Rule
from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.syntax import nodes as n


def _thr(ctx: LintContext, cond: Any) -> str:
    if isinstance(cond, n.Compare):
        return ctx.text(cond.right)
    return ctx.text(cond)


#: a run of at least this many missing level numbers is written ``a–b``
_RUN = 10


def _missing_or_repeated(nums: list[int]) -> list[str]:
    """The numbers 1..max(nums) not among ``nums``, in order, then those written twice.  A run of
    `_RUN` or more missing numbers is written ``a–b``: the work and the message grow with the
    levels written, not with their numbers (``Mức 1`` then ``Mức 1000000``)."""
    out: list[str] = []
    prev = 0
    for x in sorted(set(nums)):
        if x <= prev:
            continue  # `Mức 0`
        if x - prev - 1 >= _RUN:
            out.append(f"{prev + 1}–{x - 1}")
        else:
            out.extend(str(y) for y in range(prev + 1, x))
        prev = x
    out.extend(str(x) for x, times in sorted(Counter(nums).items()) if times > 1)
    return out


def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for _idx, sc in ctx.case_scorings():
        levels = [c for c in sc.cases.cases if c.level is not None]
        if len(levels) >= 2:
            nums = [c.level for c in levels if c.level is not None]  # (all of them)
            if nums != list(range(1, len(nums) + 1)):
                yield ctx.diag("CDS406", levels[0].span.cover(levels[-1].span),
                               found=", ".join(str(x) for x in nums),
                               missing=", ".join(_missing_or_repeated(nums)) or "thứ tự")
    for a in ctx.analyses:
        for k, c in enumerate(a.cases):
            if c.case.level is None or a.effective(k):
                continue
            # the first case taking one of its values (an earlier one: it takes them all)
            first = a.first_owner(k)
            prev = a.cases[first] if first is not None else None
            if prev is None or prev.case.level is None:
                continue
            nxt = a.cases[k + 1] if k + 1 < len(a.cases) else None
            between = f"thấp hơn ngưỡng của Mức {prev.case.level} ({_thr(ctx, prev.case.condition)})"
            between_en = f"below the threshold of Mức {prev.case.level} ({_thr(ctx, prev.case.condition)})"
            if nxt is not None and nxt.case.level is not None:
                between += f" và cao hơn ngưỡng của Mức {nxt.case.level} ({_thr(ctx, nxt.case.condition)})"
                between_en += f" and above the threshold of Mức {nxt.case.level} ({_thr(ctx, nxt.case.condition)})"
            yield ctx.diag("CDS405", c.case.condition.span, level=c.case.level, this=ctx.text(c.case.condition),
                           prev_level=prev.case.level, prev=ctx.text(prev.case.condition),
                           between=between, between_en=between_en)


RULE = Rule("levels", ("CDS405", "CDS406"), check)
