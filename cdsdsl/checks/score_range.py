"""CDS407: a result that can leave [0, Điểm tối đa] with valid data, and by how much.

Ranges come from the types: a part/whole ratio (``Program.part_wholes``) lies
in [0, 1] — that it really does is a data check at run time, reported once per
set (CDS408) —, other ratios in [0, ∞) (a "whole" described as a minimum or a
target, ``b = Số lượng ... tối thiểu ... (7)``, is not a whole); a case's
result is bounded by the values where that case applies (``Tỷ lệ < 80%:
Tỷ lệ/80%*Điểm tối đa`` stays within the maximum, the same formula alone does
not); ``Tổng điểm không quá`` caps the total.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Iterator

from cdsdsl.checks.analysis import LintContext
from cdsdsl.checks.rule import Rule
from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.semantics.resolve import (
    CaseScoring,
    CohortScoring,
    ExprScoring,
    PerItemScoring,
    PerItemsScoring,
    SumItemsScoring,
)
from cdsdsl.semantics.typesys import Interval, fmt_num, iv_add, iv_hull, target_whole
from cdsdsl.syntax import nodes as n


def _part_range(ctx: LintContext, idx: int) -> Interval | None:
    part = ctx.program.parts[idx]
    sc = part.scoring
    typer = ctx.typer_of(idx)
    mp = ctx.max_points
    if sc is None:
        return None
    if _uses_unknown_name(ctx, idx):
        return None
    if isinstance(sc, ExprScoring):
        return typer.range_of(sc.expr)
    if isinstance(sc, (PerItemScoring, PerItemsScoring)):
        lines = sc.lines if isinstance(sc, PerItemsScoring) else (sc,)
        total: Interval | None = None
        for line in lines:
            r = _capped(typer, typer.range_of(n.BinOp("*", line.points, n.Name("__count")),
                                              {"__count": Interval(Fraction(0), None)}), line.cap)
            total = r if total is None else iv_add(total, r)
        return total
    if isinstance(sc, (SumItemsScoring, CohortScoring)):
        return Interval(Fraction(0), mp)
    assert isinstance(sc, CaseScoring)
    analysis = next((a for a in ctx.analyses if a.scoring is sc), None)
    ranges: list[Interval] = []
    option_results: list[Interval] = []
    numeric_done: set[int] = set()
    if analysis is not None:
        for k, c in enumerate(analysis.cases):
            eff = analysis.effective(k)
            numeric_done.add(c.index)
            if not eff:
                continue
            ranges.append(typer.range_of(c.case.result, {analysis.subject: analysis.hull(eff)}))
    for i, case in enumerate(sc.cases.cases):
        if i in numeric_done:
            continue
        r = typer.range_of(case.result)
        (option_results if isinstance(case.condition, n.Option) else ranges).append(r)
    if sc.mode == "cumulative" and option_results:
        total = Interval(Fraction(0), Fraction(0))
        for r in option_results:
            total = iv_add(total, Interval(Fraction(0), r.hi))
        ranges.append(total)
    else:
        ranges.extend(option_results)
    return iv_hull(ranges) if ranges else None


def _uses_unknown_name(ctx: LintContext, idx: int) -> bool:
    """True when part ``idx`` uses a name it does not define (reported by resolve)."""
    env = ctx.typer_of(idx).env
    return any(x.name not in env and not x.name.startswith("__")
               for e in ctx.part_exprs(idx) for x in ctx.nodes(e) if isinstance(x, n.Name))


def _cause(ctx: LintContext) -> tuple[str, str, str, str]:
    """(cause_vi, cause_en, fix_vi, fix_en) for an unbounded result."""
    for idx, part in enumerate(ctx.program.parts):
        for pw in ctx.program.part_wholes:
            tw = target_whole(ctx.program, pw)
            if tw is not None and any(s.span.start == pw.span.start for s in part.steps):
                parts = "+".join(pw.parts)
                return (f" khi {parts} lớn hơn {tw} ({tw} là mức tối thiểu/yêu cầu, không phải tổng số)",
                        f" when {parts} is larger than {tw} ({tw} is a minimum or target, not a total)",
                        f"Giới hạn tỷ lệ ở 100%, ví dụ thêm `- Tỷ lệ >= 100%: {_share(ctx, idx)}`"
                        " trước cách tính điểm.",
                        f"Cap the ratio at 100%, e.g. add `- Tỷ lệ >= 100%: {_share(ctx, idx)}` before the scoring.")
    return ("", "", "Thêm ngưỡng giới hạn điểm (ví dụ `- Tỷ lệ >= 100%: Điểm tối đa`)"
            " hoặc `Tổng điểm không quá Điểm tối đa`.",
            "Add a threshold that caps the points (e.g. `- Tỷ lệ >= 100%: Điểm tối đa`)"
            " or `Tổng điểm không quá Điểm tối đa`.")


def _share(ctx: LintContext, idx: int) -> str:
    n_parts = len(ctx.program.parts)
    return "Điểm tối đa" if n_parts == 1 else f"1/{n_parts}*Điểm tối đa"


def check(ctx: LintContext) -> Iterator[Diagnostic]:
    if not ctx.max_known:
        return
    mp = ctx.max_points
    total: Interval | None = None  # the sum of the parts' ranges
    span = None
    worst = None
    for idx, part in enumerate(ctx.program.parts):
        r = _part_range(ctx, idx)
        if r is None:
            continue
        if worst is None or r.hi is None or (worst.hi is not None and r.hi > worst.hi):
            worst, span = r, part.scoring.span if part.scoring is not None else None  # (r: a scoring's)
        total = r if total is None else iv_add(total, r)
    if total is None:
        return
    total = _capped(ctx.typer_of(len(ctx.program.parts) - 1), total, ctx.program.cap)
    if total.hi is None:
        cause, cause_en, fix, fix_en = _cause(ctx)
        yield ctx.diag("CDS407", span, direction="vượt điểm tối đa", direction_en="exceed the maximum",
                       amount=f"không có giới hạn trên (tối đa {fmt_num(mp)})",
                       amount_en=f"there is no upper limit (maximum {fmt_num(mp)})",
                       cause=cause, cause_en=cause_en, fix=fix, fix_en=fix_en)
    elif total.hi > mp:
        yield ctx.diag("CDS407", span, direction="vượt điểm tối đa", direction_en="exceed the maximum",
                       amount=f"tới {fmt_num(total.hi)} điểm, vượt {fmt_num(total.hi - mp)} so với {fmt_num(mp)}",
                       amount_en=f"up to {fmt_num(total.hi)} points, {fmt_num(total.hi - mp)} over {fmt_num(mp)}",
                       cause="", cause_en="",
                       fix="Thêm trường hợp giới hạn điểm (ví dụ `- Tỷ lệ >= 80%: Điểm tối đa`"
                           " trước `Tỷ lệ/80%*Điểm tối đa`).",
                       fix_en="Add a case that caps the points (e.g. `- Tỷ lệ >= 80%: Điểm tối đa`"
                              " before `Tỷ lệ/80%*Điểm tối đa`).")
    if total.lo is None or total.lo < 0:
        yield ctx.diag("CDS407", span, direction="âm", direction_en="be negative",
                       amount="không có giới hạn dưới" if total.lo is None else f"tới {fmt_num(total.lo)} điểm",
                       amount_en=("there is no lower limit" if total.lo is None
                                  else f"down to {fmt_num(total.lo)} points"),
                       cause="", cause_en="", fix="Kiểm tra các phép trừ trong công thức.",
                       fix_en="Check the subtractions in the formula.")
    # part/whole ratios: the bound holds only if part <= whole (a data check, once per set)
    for pw in ctx.program.part_wholes:
        if target_whole(ctx.program, pw) is None:
            ctx.fact("CDS408", pw.span, parts="+".join(pw.parts), wholes="+".join(pw.wholes))


def _capped(typer: Any, r: Interval, cap: Any) -> Interval:
    """``r`` bounded above by the range of the cap expression ``cap`` (None: no cap)."""
    if cap is None:
        return r
    cr = typer.range_of(cap)
    if cr.hi is not None and (r.hi is None or r.hi > cr.hi):
        return Interval(r.lo, cr.hi)
    return r


RULE = Rule("score_range", ("CDS407", "CDS408"), check)
