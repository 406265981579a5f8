"""CDS312: a condition compares a quantity that is not a share with a percentage.

``a = Số lượng cuộc họp; - a >= 10%: Điểm tối đa`` compares a count with 10%; a money amount per
official (``Tỷ lệ = a/b`` with a in triệu đồng, b a head count) compared with 80% is the same
mistake.  Dimensions come from the decision's words (`cdsdsl.semantics.dimensions`); a ratio of two
counts or two amounts (a part of a whole, or a rate such as transactions per parcel) may be compared
with a percentage.
"""
from __future__ import annotations

from typing import Any, Iterator

from cdsdsl.checks.analysis import LintContext
from cdsdsl.checks.rule import Rule
from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.semantics.dimensions import Dimension
from cdsdsl.semantics.inputs import COUNT, MONEY, NUMBER, RATIO
from cdsdsl.semantics.scoring_rules import condition_bounds
from cdsdsl.semantics.typesys import Ty, kind_label
from cdsdsl.syntax import nodes as n


def _subject(cond: Any, default: Any) -> Any:
    if isinstance(cond, n.Compare):
        return cond.left if cond.left is not None else default
    if isinstance(cond, n.Range):
        return cond.subject if cond.subject is not None else default
    return None


def _not_a_share(ty: Ty) -> bool:
    """A count, money, a duration or quantity with its unit, or a rate of a measured amount per item."""
    return ty.kind in (COUNT, MONEY) or (ty.kind == NUMBER and ty.unit not in (None, "%")) or (
        ty.kind == RATIO and ty.measured)


def _label(ty: Ty, lang: str) -> str:
    if ty.kind == COUNT and ty.what:
        return Dimension("count", ty.what).label(lang)
    if ty.kind == RATIO and ty.what:
        return ty.what
    return ty.unit if ty.unit else kind_label(ty.kind, lang)


def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for idx, sc in ctx.case_scorings():
        typer = ctx.typer_of(idx)
        for case in sc.cases.cases:
            cond = case.condition
            subject = _subject(cond, sc.subject)
            if subject is None:
                continue
            ty = typer.type_of(subject)
            if not _not_a_share(ty):
                continue
            pct = next((b for b in condition_bounds(cond) if isinstance(b, n.Percent)), None)
            if pct is None:
                continue
            name = ctx.text(subject) or getattr(subject, "name", "?")
            number = ctx.text(pct).rstrip("% ").strip() or "?"
            yield ctx.diag("CDS312", cond.span, cond=ctx.text(cond), subject=name, dim=_label(ty, "vi"),
                           dim_en=_label(ty, "en"), pct=ctx.text(pct), number=number)


RULE = Rule("dimensions", ("CDS312",), check)
