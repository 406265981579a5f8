"""Lint rules: one rule per module, listed in `LINT_RULES` (run in that order).

Each rule module defines ``RULE = Rule(name, codes, check)`` where ``check(ctx)``
takes a `LintContext` (see `analysis.py`: the program, its types and ranges,
its case coverage) and yields `Diagnostic`s.  Findings that belong to a whole
formula set rather than to one formula (division by a figure that can be 0,
part/whole data checks, cohort indicators) are recorded with ``ctx.fact`` and
reported once by `cdsdsl.checks.formula`.
"""
from __future__ import annotations

from typing import Iterable

from cdsdsl.checks import (
    case_gaps,
    case_overlap,
    cohort,
    dimensions,
    jumps,
    levels,
    percent_slip,
    result_type,
    score_range,
    units,
    unreachable,
    zero_division,
)
from cdsdsl.checks.analysis import LintContext
from cdsdsl.checks.rule import Rule
from cdsdsl.diagnostics.core import Diagnostic

LINT_RULES: tuple[Rule, ...] = (
    result_type.RULE,
    percent_slip.RULE,
    units.RULE,
    dimensions.RULE,
    zero_division.RULE,
    case_gaps.RULE,
    case_overlap.RULE,
    unreachable.RULE,
    levels.RULE,
    score_range.RULE,
    jumps.RULE,
    cohort.RULE,
)


def lint(ctx: LintContext, rules: Iterable[Rule] = LINT_RULES) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for rule in rules:
        out.extend(rule.check(ctx))
    return out


__all__ = ["LINT_RULES", "Rule", "LintContext", "lint"]
