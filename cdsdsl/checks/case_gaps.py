"""CDS401: values of the subject that no case covers (with one such value).

Uses the subject's type: counts are whole numbers (``Từ 10 đến 19`` then
``Từ 20 trở lên`` leaves no gap for a count, but 19,5 for a ratio or money),
a part/whole ratio lies in [0, 1].
"""
from __future__ import annotations

from typing import Iterator

from cdsdsl.checks.analysis import CaseAnalysis, LintContext, fmt_subject_value
from cdsdsl.checks.rule import Rule
from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.core import Diagnostic


def describe_piece(a: CaseAnalysis, k: int, lang: str = "vi") -> str:
    p = a.pieces[k]
    if p.point:
        return ""
    lo = fmt_subject_value(a, p.lo) if p.lo is not None else None
    hi = fmt_subject_value(a, p.hi) if p.hi is not None else None
    key = "check.gap.between" if lo and hi else "check.gap.above" if lo else "check.gap.below"
    return i18n.text(key, lang, lo=lo, hi=hi)


def suggestion(a: CaseAnalysis, k: int) -> str:
    p = a.pieces[k]
    s = a.subject_label
    if p.point and p.lo is not None:  # a point's lo is its value
        return f"{s} = {fmt_subject_value(a, p.lo)}"
    parts = []
    if p.lo is not None:
        parts.append(f"{s} > {fmt_subject_value(a, p.lo)}")
    if p.hi is not None:
        parts.append(f"{s} < {fmt_subject_value(a, p.hi)}")
    return " và ".join(parts)


def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for a in ctx.analyses:
        gaps = a.gaps()
        if not gaps:
            continue
        k = gaps[0]
        value = a.witness(k)
        yield ctx.diag("CDS401", a.scoring.cases.span, subject=a.subject_label,
                       value=fmt_subject_value(a, value), between=describe_piece(a, k),
                       between_en=describe_piece(a, k, "en"), suggestion=suggestion(a, k))


RULE = Rule("case_gaps", ("CDS401",), check)
