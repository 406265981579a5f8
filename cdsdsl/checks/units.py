"""CDS304/CDS305/CDS311: mixing units: a count added to money or to a ratio, points added to a count,
money in a scale that cannot be converted (triệu đồng with USD or no unit; triệu with tỷ is
converted by resolving, note CDS330), and two counts of different things added up (people + households)."""
from __future__ import annotations

from typing import Iterator

from cdsdsl.checks.analysis import LintContext
from cdsdsl.checks.rule import Rule
from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.semantics.dimensions import Dimension
from cdsdsl.semantics.typesys import Ty


def check(ctx: LintContext) -> Iterator[Diagnostic]:
    # type every expression of every part once (issues are collected by the typers)
    for idx, part in enumerate(ctx.program.parts):
        typer = ctx.typer_of(idx)
        for step in part.steps:
            if step.expr is not None:
                typer.name_type(step.name)
        for expr in ctx.part_exprs(idx):
            typer.type_of(expr)
    seen: set[tuple[int, int]] = set()
    for issue in ctx.type_issues:
        key = (issue.node.span.start, issue.node.span.end)
        if key in seen:
            continue
        seen.add(key)
        text = ctx.text(issue.node)
        if issue.what == "thing":
            yield ctx.diag("CDS311", issue.node.span, text=text, left=_thing(issue.left), right=_thing(issue.right),
                           left_en=_thing(issue.left, "en"), right_en=_thing(issue.right, "en"))
        elif issue.what == "mix":
            yield ctx.diag("CDS304", issue.node.span, text=text, left=issue.left.label(), right=issue.right.label(),
                           left_en=issue.left.label("en"), right_en=issue.right.label("en"))
        else:
            add = issue.what == "scale"  # scales resolving could not convert (`semantics.money_scales`)
            yield ctx.diag("CDS305", issue.node.span, text=text,
                           op_vi="cộng" if add else "chia", op_en="adds" if add else "divides",
                           left=issue.left.label(), right=issue.right.label(),
                           left_en=issue.left.label("en"), right_en=issue.right.label("en"))


def _thing(ty: Ty, lang: str = "vi") -> str:
    return Dimension("count", ty.what or "").label(lang)


RULE = Rule("units", ("CDS304", "CDS305", "CDS311"), check)
