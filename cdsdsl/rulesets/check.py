"""Check a whole ruleset: its structure (section sums, numbering, references) and every indicator's
formula, with positions in the ruleset file.

Takes: a `Ruleset`.  Returns: a list of `Diagnostic` (structure findings first, then each formula's,
then the findings about the whole set).  `check_formula` / `check_program` (one formula) are in
`cdsdsl.checks.formula` and re-exported here, as the old `cdsdsl.check` module had all three.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from cdsdsl.checks.formula import (
    _check_one,
    _corrected,
    _parse_and_resolve,
    aggregate,
    check_formula,
    check_program,
    sort_diagnostics,
)
from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.rulesets.structure import check_ruleset_structure
from cdsdsl.text.source import Source

__all__ = ["check_formula", "check_program", "check_ruleset", "sort_diagnostics"]


def check_ruleset(ruleset: Any) -> list[Diagnostic]:
    """Structure checks + every indicator's formula checks, positions in the ruleset file."""
    out: list[Diagnostic] = list(getattr(ruleset, "notes", ()))
    out.extend(check_ruleset_structure(ruleset))
    facts: list[Any] = []
    for ind in ruleset.indicators:
        if ind.formula_text is None or ind.entered_directly and ind.correction is None:
            continue
        max_known = ind.max_points is not None
        mp = ind.max_points if max_known else Fraction(1)
        common = dict(item=ind.key, title=ind.name, option_mode=ind.option_mode, cohort_method=ind.cohort_method,
                      types=ind.declared_types)
        texts: list[tuple[str, Source | None, str | None]] = [(ind.formula_text, ind.formula_source, None)]
        if ind.correction is not None:
            reason = ind.correction.reason or ""
            texts = [(ind.formula_text, ind.formula_source, reason),
                     (ind.correction.text, ind.correction.source, None)]
        for text, src, corrected_reason in texts:
            program, errors = _parse_and_resolve(
                text, mp, name=src.name if src is not None else ruleset.name,
                line_offset=src.line_offset if src is not None else 0,
                column_offset=src.column_offset if src is not None else 0, **common)
            if program is None:
                found = errors
            else:
                # set-level facts of an original that was corrected are not counted
                found = _check_one(program, [] if corrected_reason is not None else facts, max_known=max_known)
            if corrected_reason is not None:
                found = [_corrected(d, corrected_reason) for d in found]
            out.extend(found)
    out.extend(aggregate(facts, getattr(ruleset, "zero_division", "zero")))
    return out

