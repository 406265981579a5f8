"""CDS409 (information): the points jump at a threshold.

Reported when the winning case changes at a threshold and at least one side
is a formula of the subject (a step between two fixed levels is the intended
shape of a level list).  "Just below" is the exact limit from below (a
Fraction); for a count it is the previous whole number.  Example: huyện 2023
7.1 ``Tỷ lệ < 20%: điểm = điểm tối đa * tỷ lệ`` gives 4 just below 20%
(3,98 at 19,9%) and 20 at 20%.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Iterator

from cdsdsl.checks.analysis import CaseAnalysis, LintContext, fmt_subject_value
from cdsdsl.checks.rule import Rule
from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.semantics.typesys import fmt_num, fmt_pct


def _delta(a: CaseAnalysis, t: Fraction, lo: Fraction | None) -> Fraction | None:
    if a.ratio_subject:
        step = Fraction(1, 1000) if t >= Fraction(1, 20) else t / 50
    else:
        step = Fraction(1, 10) if t >= 10 else t / 100
    while t - step <= (lo if lo is not None else t - 2 * step):
        step /= 10
    return t - step


def check(ctx: LintContext) -> Iterator[Diagnostic]:
    if not ctx.max_known:
        return
    for a in ctx.analyses:
        yield from _jumps(ctx, a)


def _jumps(ctx: LintContext, a: CaseAnalysis) -> Iterator[Diagnostic]:
    """The CDS409 findings of one case list: at each threshold where the points change."""
    env = ctx.typer_of(a.part).env
    mp = ctx.max_points
    owner = a.owner()
    depends: dict[int, bool] = {}  # case -> its points change with the subject (asked at two thresholds)

    def varies(k: int) -> bool:
        if k not in depends:
            depends[k] = a.depends_on_subject(k, env, mp)
        return depends[k]

    for p, piece in enumerate(a.pieces):
        if not piece.point or p not in owner or p not in a.domain:
            continue
        left = p - 1
        if left not in owner or left not in a.domain:
            continue
        A, B = owner[left], owner[p]
        if A == B:
            continue
        if not (varies(A) or varies(B)):
            continue
        t = piece.lo
        assert t is not None
        at = a.value(B, t, env, mp)
        # the points just below t: at t - 1 for a count, else their limit at t
        below = a.value(A, t - 1 if a.integer else t, env, mp)
        if at is None or below is None or at == below:
            continue
        example = example_en = ""
        if not a.integer:
            x = _delta(a, t, a.pieces[left].lo)
            vx = a.value(A, x, env, mp) if x is not None else None
            if x is not None and vx is not None:
                value, points = fmt_subject_value(a, x), fmt_num(vx, 4)
                example, example_en = f" (giới hạn; ví dụ {value} → {points})", f" (the limit; e.g. {value} → {points})"
        if at == mp and a.ratio_subject and a.relative_to is None:
            continuous = f"{a.subject_label}/{fmt_pct(t)}*Điểm tối đa"
        else:
            continuous = f"điểm ở hai trường hợp bằng nhau tại {fmt_subject_value(a, t)}"
        yield ctx.diag("CDS409", a.cases[A].case.span, subject=a.subject_label,
                       threshold=fmt_subject_value(a, t), below=fmt_num(below, 4), at=fmt_num(at, 4),
                       example=example, example_en=example_en, continuous=continuous)


RULE = Rule("jumps", ("CDS409",), check)
