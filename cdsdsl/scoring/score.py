"""Score a whole ruleset: every indicator, section totals, the set total, ranks.

Takes: a `ruleset.Ruleset` and one `unitdata.Unit` (``score_unit``) or all the
units of a cohort (``score_cohort``).  Each indicator's formula is parsed,
resolved and compiled once per ruleset (`compile_ruleset`), then run for
every unit.
Returns: `UnitResult` / `CohortResult` with exact and rounded points,
section totals, the set total (and the set formula's value, e.g. Quảng Trị's
``D = (A + B) x 485 / (485 + C)``), ranks with ties (1, 2, 2, 4), every
diagnostic, ``explain(lang)`` and a JSON-ready ``to_dict()``.

Decisions (docs/semantics.md, "Rulesets"): an indicator that cannot be scored
(bad data, formula errors) counts 0 in the totals, is reported and marks the
result incomplete; an indicator that does not apply to a unit (``Áp dụng:``)
is left out of both its total and its maximum; indicators summed by another
(``Cộng điểm từ 5.12.1 đến 5.12.6``) are counted once, through that one;
totals add exact points and are rounded once.

The work is shared by job: `compiled` (a ruleset compiled once, the full path of one
unit), `fastpath` (the fast path of one unit), `setformula` (``Công thức tổng``),
`results` (the result classes); this module is the entry points and the cohort's
statistics, and gives all their public names, as when it was one module.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable, Iterable, Sequence

from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.evaluate.cohort import CohortStats, Stat, left_out_reason, no_spread_notes, rank
from cdsdsl.evaluate.runtime import SLOW, Fault, fault_error
from cdsdsl.scoring.bulk import bulk
from cdsdsl.scoring.compiled import CompiledIndicator, CompiledRuleset
from cdsdsl.scoring.fastpath import EMPTY, FALLBACK, UnitFields, pair_fraction
from cdsdsl.scoring.results import CohortResult, IndicatorResult, TotalResult, UnitResult
from cdsdsl.scoring.setformula import set_binding_meaning
from cdsdsl.scoring.unitdata import Unit

__all__ = ["CohortResult", "CompiledIndicator", "CompiledRuleset", "IndicatorResult", "TotalResult", "UnitResult",
           "compile_ruleset", "score_cohort", "score_unit", "set_binding_meaning"]


def compile_ruleset(ruleset: Any) -> CompiledRuleset:
    """Parse, resolve and compile every indicator once."""
    return ruleset if isinstance(ruleset, CompiledRuleset) else CompiledRuleset(ruleset)


def score_unit(ruleset: Any, unit: Unit) -> UnitResult:
    """Score one unit.  Cohort indicators (min-max, ``cao nhất``) cannot be scored alone:
    they are reported (CDS617) and count 0; use `score_cohort`."""
    return compile_ruleset(ruleset).score_unit(unit)


def score_cohort(ruleset: Any, units: Iterable[Unit],
                 progress: Callable[[int, int], None] | None = None) -> CohortResult:
    """Score all units together (cohort indicators use every unit's data) and rank them
    by total (or the set formula's value), competition ranking: 1, 2, 2, 4."""
    cr = compile_ruleset(ruleset)
    units = tuple(units)
    with bulk():
        return _score_cohort(cr, units, progress)


def _score_cohort(cr: CompiledRuleset, units: tuple[Unit, ...],
                  progress: Callable[[int, int], None] | None) -> CohortResult:
    stats: dict[str, CohortStats] = {}
    notes: list[Diagnostic] = []
    for c in cr.cohort_items:
        if c.quantities is None or c.program is None:
            continue
        stats[c.key] = cohort_stats(cr, c, units, notes)
        notes.extend(no_spread_notes(c.program, stats[c.key]))  # CDS622: every unit has the same value
    fields: list[UnitFields] = []
    total = len(units)
    step = max(1, total // 100)
    for i, u in enumerate(units):
        fields.append(cr.fast.unit_fields(u, stats))
        if progress is not None and ((i + 1) % step == 0 or i + 1 == total):
            progress(i + 1, total)
    # the ranking score: the set formula's value (rounded) when there is one, else the total
    ranks = rank([f[9] if f[9] is not None else f[6] for f in fields])
    results = tuple(UnitResult(*f, rank=k) for f, k in zip(fields, ranks, strict=True))
    return CohortResult(results, stats, tuple(notes), units)


def cohort_stats(cr: CompiledRuleset, c: CompiledIndicator, units: Sequence[Unit],
                 notes: list[Diagnostic]) -> CohortStats:
    """One cohort indicator's `CohortStats` over the units it applies to: lowest, highest and
    count of each quantity, kept as exact (numerator, denominator) pairs compared by
    cross-multiplication; a unit whose value cannot be computed is left out with a CDS620
    note (in unit order, then quantity order).  Each value comes from the quantity's fast
    function, or from its full function when the fast one gives up; one `Fraction` per
    bound at the end."""
    table = c.quantities.table
    check = c.indicator.group_id is not None or c.applies_to is not None
    # per quantity: [low num, low den, high num, high den, count]
    acc: dict[str, list[int]] = {}
    key_c = c.key
    for u in units:
        if check and not cr.applies(c, u):
            continue
        inputs = u.values.get(key_c, EMPTY)
        for key, fast, full in table:
            try:
                if fast is None:
                    raise SLOW
                num, den = fast(inputs)
            except FALLBACK:
                pair = _full_quantity(full, inputs, key_c, u.name, notes)
                if pair is None:
                    continue
                num, den = pair
            a = acc.get(key)
            if a is None:
                acc[key] = [num, den, num, den, 1]
                continue
            a[4] += 1
            if den == 1 and a[1] == 1:
                if num < a[0]:
                    a[0] = num
                if num > a[2]:
                    a[2] = num
                continue
            if num * a[1] < a[0] * den:
                a[0], a[1] = num, den
            if num * a[3] > a[2] * den:
                a[2], a[3] = num, den
    out = CohortStats()
    for key, a in acc.items():  # the order of `CohortStats.from_values`: first value met
        out[key] = Stat(pair_fraction(a[0], a[1]), pair_fraction(a[2], a[3]), a[4])
    return out


def _full_quantity(full: Any, inputs: Any, item: str, unit: str, notes: list[Diagnostic]) -> tuple[int, int] | None:
    """One unit's value of one cohort quantity as an exact pair, from the quantity's full function
    (its fast one gave up); None, and a CDS620 note, when it cannot be computed."""
    try:
        v = Fraction(full(inputs))
    except Fault as f:
        err = fault_error(f, item=item, unit=unit) if f.code != "CDS610" else None
        notes.append(Diagnostic.make("CDS620", None, item=item, unit=unit, indicator=item, unit_name=unit,
                                     aggregate="giá trị cao nhất/thấp nhất",
                                     aggregate_en="highest/lowest value", **left_out_reason(err)))
        return None
    return v.numerator, v.denominator
