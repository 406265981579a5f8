"""CDS310 (once per formula set): divisions by a figure that can be 0.

Not a warning on every ratio: the outcome at run time is defined by the
ruleset (``Chia cho 0``; default: the indicator scores 0 with a warning), so
the checker states it once and lists where it applies.
"""
from __future__ import annotations

from typing import Iterator

from cdsdsl.checks.analysis import LintContext
from cdsdsl.checks.rule import Rule
from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.syntax import nodes as n


def check(ctx: LintContext) -> Iterator[Diagnostic]:
    for idx in range(len(ctx.program.parts)):
        typer = ctx.typer_of(idx)
        for expr in ctx.part_exprs(idx):
            for node in ctx.nodes(expr):
                if not (isinstance(node, n.BinOp) and node.op == "/"):
                    continue
                den = node.right
                if isinstance(den, (n.Number, n.Percent)):
                    continue
                names = [x for x in den.walk() if isinstance(x, (n.Name, n.Aggregate, n.ItemRef))]
                if not names:
                    continue
                rng = typer.range_of(den)
                if rng.lo is not None and (rng.lo > 0 or (rng.lo == 0 and not rng.lo_closed)):
                    continue
                ctx.fact("CDS310", node.span, denominator=ctx.text(den))
    return iter(())


RULE = Rule("zero_division", ("CDS310",), check)
