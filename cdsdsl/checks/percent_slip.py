"""CDS302/CDS303: a bare number where a percent was meant.

``Tỷ lệ <80`` compares a ratio (0 to 1) with 80 = 8000%: always true (CDS302,
error); ``Mức 3: ≥ 0,5 mục 5.12.1`` among levels written ``2,5%``, ``1,5%``
reads 0,5 = 50% (CDS303, warning).  The message says what the text means now
and the hint gives the corrected text.
"""
from __future__ import annotations

from typing import Iterator

from cdsdsl.checks.analysis import LintContext, Slip
from cdsdsl.checks.rule import Rule
from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.semantics.typesys import fmt_pct
from cdsdsl.syntax import nodes as n


def _meaning(slip: Slip) -> tuple[str, str]:
    where = slip.where
    if slip.division:
        return ("điểm bị chia nhỏ đi 100 lần", "the points are divided by 100")
    op = where.op if isinstance(where, n.Compare) else None
    if op in ("<", "<="):
        return ("điều kiện luôn đúng với mọi tỷ lệ từ 0% đến 100%",
                "the condition holds for every ratio from 0% to 100%")
    if op in (">", ">=", "="):
        return ("điều kiện không bao giờ đúng", "the condition never holds")
    return ("khoảng này không khớp với tỷ lệ nào từ 0% đến 100%", "the range matches no ratio from 0% to 100%")


def _fixed(ctx: LintContext, slip: Slip) -> str:
    src = ctx.source
    if src is None:
        return ""
    span, num = slip.where.span, slip.number.span
    text = src.text
    return " ".join((text[span.start:num.end] + "%" + text[num.end:span.end]).split())


def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for slip in ctx.slips:
        text = ctx.text(slip.where)
        number = ctx.text(slip.number) or slip.number.text or str(slip.number.value)
        if slip.big:
            meaning, meaning_en = _meaning(slip)
            yield ctx.diag("CDS302", slip.where.span, text=text, number=number,
                           as_percent=fmt_pct(slip.number.value),
                           compares="chia" if slip.division else "so sánh",
                           compares_en="divides" if slip.division else "compares",
                           meaning=meaning, meaning_en=meaning_en, fixed=_fixed(ctx, slip))
        else:
            rel = [x for x in slip.where.walk() if isinstance(x, n.ItemRef)]
            relative = f" của mục {rel[0].item}" if rel else ""
            yield ctx.diag("CDS303", slip.where.span, text=text, number=number,
                           as_percent=fmt_pct(slip.number.value), relative=relative,
                           relative_en=f" of item {rel[0].item}" if rel else "", fixed=_fixed(ctx, slip))


RULE = Rule("percent_slip", ("CDS302", "CDS303"), check)
