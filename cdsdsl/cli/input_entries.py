"""The inputs of every indicator with the dimension the engine understood, for `cds inputs` and `cds check --inputs`.

Takes: a loaded ruleset (or one formula's text, its maximum and item).
Returns: one entry per indicator: ``{"item", "needs_cohort", "inputs": [InputSpec.to_dict() + "dimension"]}``
(``dimension``: ``số người``, ``triệu đồng``; None for options), ``{"item", "entered_directly": True}`` for an
indicator without a scoring text, or ``{"item", "error", "diagnostics"}`` when its text cannot be read.
"""
from __future__ import annotations

from typing import Any

from cdsdsl.diagnostics.core import CdsError

_COHORT = {"min_max": "minmax", "ratio_to_max": "ratio_to_best"}


def formula_entry(text: str, max_points: Any, *, item: str | None, title: str | None, name: str,
              option_mode: str | None = None, cohort_method: str | None = None,
              line_offset: int = 0, column_offset: int = 0, lang: str = "vi", types: Any = None) -> dict:
    from cdsdsl.semantics.resolve import resolve
    from cdsdsl.syntax.parser import parse_formula

    try:
        formula = parse_formula(text, name=name, item=item, line_offset=line_offset, column_offset=column_offset)
    except CdsError as exc:
        first = exc.first.to_dict(lang)
        place = ":".join(str(first[k]) for k in ("file", "line", "column") if first.get(k) is not None)
        return {"item": item,
                "error": f"{place}: {first['code']} {first['message']}" if place else exc.first.message(lang),
                "inputs": [],
                "diagnostics": [d.to_dict(lang) for d in exc.diagnostics]}
    program = resolve(formula, max_points if max_points is not None else 1, item=item, title=title,
                      option_mode=option_mode, cohort_method=_COHORT.get(cohort_method or "", cohort_method),
                      types=types)
    return {"item": item, "needs_cohort": program.needs_cohort,
            "inputs": [dict(spec.to_dict(), dimension=_dimension(spec, lang)) for spec in program.inputs]}


def _dimension(spec: Any, lang: str) -> str | None:
    """What the input counts or measures (``số hộ gia đình``, ``triệu đồng``); None for options."""
    return None if spec.kind in ("option", "options") else spec.dimension.label(lang)


def ruleset_entries(rs: Any, lang: str = "vi") -> list[dict[str, Any]]:
    """One entry per indicator of the ruleset ``rs``, in its order."""
    entries: list[dict[str, Any]] = []
    for ind in rs.indicators:
        if ind.effective_formula is None:
            entries.append({"item": ind.key, "entered_directly": True, "inputs": []})
            continue
        src = ind.effective_source
        entries.append(formula_entry(ind.effective_formula, ind.max_points, item=ind.key, title=ind.name,
                                 name=rs.name, option_mode=ind.option_mode, cohort_method=ind.cohort_method,
                                 types=ind.declared_types,
                                 line_offset=src.line_offset if src else 0,
                                 column_offset=src.column_offset if src else 0, lang=lang))
    return entries
