"""One indicator over a cohort with the interpreter (or a compiled formula): ``cdsdsl.cohort``.

Takes: a resolved `Program` and ``{unit name: inputs for this indicator}``.
Returns: ``{unit name: Outcome or CdsError}`` plus ``"__notes__"`` (`evaluate_cohort`), or the
cohort's `CohortStats` and its CDS620/CDS622 notes (`collect_stats`).

The cohort's pieces that the interpreter itself reads (quantities, `CohortStats`, the cohort
formulas, `rank`) are in `cohort`, below the interpreter; this module, above it, runs the
interpreter over every unit, so the two import each other no more.  The old path
``cdsdsl.cohort`` (docs/api.md: ``cdsdsl.cohort.evaluate_cohort``, ``cdsdsl.cohort.rank``) is this
module, which therefore also gives every public name of `cohort`.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable, Mapping

from cdsdsl.diagnostics.core import CdsError, Diagnostic
from cdsdsl.evaluate.cohort import (
    CohortStats,
    Quantity,
    Stat,
    best_subject,
    cohort_points,
    cohort_quantities,
    left_out_reason,
    needs_cohort_error,
    no_spread_notes,
    quantity_key,
    rank,
)
from cdsdsl.evaluate.interpret import Policy, evaluate_program, unit_quantities
from cdsdsl.evaluate.runtime import minmax_points, ratio_points
from cdsdsl.semantics.resolve import Program

__all__ = ["CohortStats", "Quantity", "Stat", "best_subject", "cohort_points", "cohort_quantities", "collect_stats",
           "evaluate_cohort", "left_out_reason", "minmax_points", "needs_cohort_error", "no_spread_notes",
           "quantity_key", "rank", "ratio_points"]


def evaluate_cohort(program: Program, units: Mapping[str, Mapping[str, object]], *,
                    evaluate: Callable[..., Any] | None = None, policy: Any = None) -> dict[str, Any]:
    """Score one indicator for every unit of a cohort: ``{unit name: Outcome or CdsError}``.

    ``units`` maps a unit's name to its inputs for this indicator.  Uses the
    interpreter unless ``evaluate`` (e.g. a `CompiledFormula`) is given.
    """
    policy = policy or Policy()
    stats, notes = collect_stats(program, units, policy=policy)
    out: dict[str, Any] = {}
    for name, inputs in units.items():
        try:
            if evaluate is None:
                out[name] = evaluate_program(program, inputs, cohort=stats, policy=policy, unit=name)
            else:
                out[name] = evaluate(inputs, cohort=stats, unit=name)
        except CdsError as exc:
            out[name] = exc
    out["__notes__"] = notes
    return out


def collect_stats(program: Program, units: Mapping[str, Mapping[str, object]], *, policy: Any = None,
                  quantities: Callable[..., Mapping[str, Any]] | None = None) -> tuple[CohortStats, list[Diagnostic]]:
    """The cohort's `CohortStats` for one indicator, and CDS620/CDS622 notes.  ``quantities`` gives a
    unit's values of the cohort quantities (default: the interpreter's `unit_quantities`)."""
    qs = cohort_quantities(program)
    values: dict[str, list[Fraction]] = {q.key: [] for q in qs}
    notes: list[Diagnostic] = []
    for name, inputs in units.items():
        got = (quantities or unit_quantities)(program, inputs, unit=name, policy=policy)
        for q in qs:
            v = got.get(q.key)
            if isinstance(v, CdsError):
                notes.append(Diagnostic.make("CDS620", None, item=program.item, unit=name,
                                             indicator=program.item or "?", unit_name=name,
                                             aggregate="giá trị cao nhất/thấp nhất",
                                             aggregate_en="highest/lowest value", **left_out_reason(v)))
            elif v is not None:
                values[q.key].append(v)
    stats = CohortStats.from_values(values)
    notes.extend(no_spread_notes(program, stats))
    return stats, notes
