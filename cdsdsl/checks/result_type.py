"""CDS301: the result of a formula must be points (``Điểm = Tỷ lệ`` is a ratio)."""
from __future__ import annotations

from typing import Any, Iterator

from cdsdsl.checks.analysis import LintContext
from cdsdsl.checks.rule import Rule
from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.semantics.resolve import CaseScoring, ExprScoring, PerItemScoring, PerItemsScoring
from cdsdsl.semantics.typesys import COUNT, MONEY, RATIO, kind_label
from cdsdsl.syntax import nodes as n


def _results(part: Any) -> Iterator[Any]:
    sc = part.scoring
    if isinstance(sc, ExprScoring):
        yield sc.expr
    elif isinstance(sc, CaseScoring):
        for c in sc.cases.cases:
            yield c.result
    elif isinstance(sc, PerItemScoring):
        yield sc.points
    elif isinstance(sc, PerItemsScoring):
        for line in sc.lines:
            yield line.points


def _points_written_as_a_number(expr: Any) -> bool:
    """``Tỷ lệ x 10``, ``Tỷ lệ/80 x 20``: a ratio scaled by a plain number of points (more than 1)."""
    while isinstance(expr, n.BinOp) and expr.op == "*":
        if any(isinstance(side, n.Number) and side.value > 1 for side in (expr.left, expr.right)):
            return True
        expr = expr.left
    return False


def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for idx, part in enumerate(ctx.program.parts):
        typer = ctx.typer_of(idx)
        for expr in _results(part):
            ty = typer.type_of(expr)
            if ty.kind not in (RATIO, COUNT, MONEY) or isinstance(expr, n.Number):
                continue
            if ty.kind == RATIO and _points_written_as_a_number(expr):
                continue
            text = ctx.text(expr)
            if ty.kind == RATIO:
                fix = f"Nhân với điểm tối đa: `{text} * Điểm tối đa`."
                fix_en = f"Multiply by the maximum: `{text} * Điểm tối đa`."
            else:
                fix = "Tính một tỷ lệ trước (`Tỷ lệ = a/b`) rồi viết `Điểm = Tỷ lệ * Điểm tối đa`."
                fix_en = "Compute a ratio first (`Tỷ lệ = a/b`), then write `Điểm = Tỷ lệ * Điểm tối đa`."
            yield ctx.diag("CDS301", expr.span, text=text, kind=kind_label(ty.kind), kind_en=kind_label(ty.kind, "en"),
                           fix=fix, fix_en=fix_en)


RULE = Rule("result_type", ("CDS301",), check)
