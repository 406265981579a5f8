"""A ruleset compiled once, to score many units: `CompiledRuleset`, one `CompiledIndicator` each.

Takes: a `rulesets.model.Ruleset`.  Each indicator's formula is parsed, resolved and compiled
once (its parse or resolve errors are kept, to be reported for every unit).
Returns: `CompiledRuleset`, whose ``score_unit(unit, stats=...)`` gives a `UnitResult` through
the fast path (`fastpath`), and ``score_unit_full`` the same through the full path (every
indicator's `IndicatorResult` made by `CompiledRuleset.indicator_result`), the reference the
fast path is tested against.
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Any, Mapping, Sequence

import attrs

from cdsdsl.diagnostics.core import CdsError, Diagnostic
from cdsdsl.evaluate.codegen import CompiledFormula, compile_program, compile_quantities
from cdsdsl.evaluate.cohort import CohortStats
from cdsdsl.evaluate.interpret import Policy
from cdsdsl.evaluate.runtime import Fault, fault_error, round_points, to_number
from cdsdsl.scoring.fastpath import FastPlan, UnitFields
from cdsdsl.scoring.results import IndicatorResult, TotalResult, UnitResult
from cdsdsl.scoring.setformula import unit_set_value
from cdsdsl.scoring.unitdata import POINTS_KEY, Unit
from cdsdsl.semantics.resolve import Program, SumItemsScoring, resolve
from cdsdsl.syntax.nodes import Formula
from cdsdsl.syntax.parser import parse_formula
from cdsdsl.text.fold import fold_case

ZERO = Fraction(0)


@attrs.frozen
class CompiledIndicator:
    key: str
    indicator: Any = attrs.field(eq=False, repr=False)
    max_points: Fraction | None
    program: Program | None = attrs.field(default=None, eq=False, repr=False)
    compiled: CompiledFormula | None = attrs.field(default=None, eq=False, repr=False)
    quantities: Any = attrs.field(default=None, eq=False, repr=False)
    #: diagnostics that stop the indicator from being scored (parse/resolve errors)
    errors: tuple[Diagnostic, ...] = attrs.field(default=(), eq=False, repr=False)
    entered: bool = False
    sums: tuple[str, str] | None = None
    children: tuple[str, ...] = ()
    applies_to: tuple[str, ...] | None = None

    @property
    def needs_cohort(self) -> bool:
        return self.program is not None and self.program.needs_cohort


def _fold(text: str) -> str:
    return fold_case(text)


def _parse(ind: Any, ruleset: Any) -> Formula:
    """The indicator's formula, located in the ruleset's file when the ruleset knows where."""
    text = ind.effective_formula
    try:
        src = ind.effective_source
        if src is None:
            return parse_formula(text)
        return parse_formula(text, name=src.name if src is not None else ruleset.name,
                             line_offset=getattr(src, "line_offset", 0),
                             column_offset=getattr(src, "column_offset", 0))
    except TypeError:
        return parse_formula(text)


class CompiledRuleset:
    """A ruleset with every formula compiled once; score many units with it."""

    def __init__(self, ruleset: Any) -> None:
        self.ruleset = ruleset
        r = ruleset.rounding
        self.policy = Policy(ruleset.zero_division if ruleset.zero_division in ("zero", "error") else "zero",
                             r.digits, r.mode)
        ids = [i.key for i in ruleset.indicators]
        self.items: tuple[CompiledIndicator, ...] = tuple(self._compile(ind, ruleset) for ind in ruleset.indicators)
        self.by_key = {c.key: c for c in self.items}
        summed: set[str] = set()
        for c in self.items:
            if c.sums is not None:
                summed.update(_between(ids, *c.sums, group=c.indicator.group_id))
        contained = {k for c in self.items for k in c.children}
        #: indicators counted directly in their section or group total
        self.counted = tuple(c for c in self.items if c.key not in summed and c.key not in contained)
        self.cohort_items = tuple(c for c in self.items if c.needs_cohort)
        self.fast = FastPlan(self, ids)

    def _compile(self, ind: Any, ruleset: Any) -> CompiledIndicator:
        text = ind.effective_formula
        applies = None
        if ind.applies_to:
            ul = ruleset.unit_list(ind.applies_to) or ruleset.unit_list(re.sub(r"(?i)^danh sách\s+", "",
                                                                                ind.applies_to))
            applies = tuple(_fold(u) for u in ul.units) if ul is not None else ()
        children = tuple(c.key for c in ruleset.children(ind.key)) if not text else ()
        if ind.entered_directly or not text:
            return CompiledIndicator(ind.key, ind, ind.max_points, entered=not children, children=children,
                                     applies_to=applies)
        try:
            formula = _parse(ind, ruleset)
        except CdsError as exc:
            return CompiledIndicator(ind.key, ind, ind.max_points, errors=tuple(exc.diagnostics), applies_to=applies)
        program = resolve(formula, ind.max_points if ind.max_points is not None else 0, item=ind.key,
                          title=ind.name, option_mode=ind.option_mode, cohort_method=ind.cohort_method,
                          types=ind.declared_types)
        sums = next(((p.scoring.first, p.scoring.last) for p in program.parts
                     if isinstance(p.scoring, SumItemsScoring)), None)
        try:
            compiled = compile_program(program)
        except CdsError as exc:
            return CompiledIndicator(ind.key, ind, ind.max_points, program, errors=tuple(exc.diagnostics),
                                     sums=sums, applies_to=applies)
        quantities = compile_quantities(program) if program.needs_cohort else None
        return CompiledIndicator(ind.key, ind, ind.max_points, program, compiled, quantities, sums=sums,
                                 applies_to=applies)

    def applies(self, c: CompiledIndicator, unit: Unit) -> bool:
        """``Áp dụng:`` lists, and priority-sector groups: a group's indicators apply
        only to the units of that group (``Unit.group``)."""
        group = c.indicator.group_id
        if group is not None and group != unit.group:
            return False
        return c.applies_to is None or _fold(unit.name) in c.applies_to

    # ------------------------------------------------------------ scoring
    def _score_fields(self, unit: Unit, stats: Mapping[str, CohortStats] | None) -> UnitFields:
        """One unit's `UnitResult` fields (without rank), through the fast path."""
        return self.fast.unit_fields(unit, stats)

    def score_unit(self, unit: Unit, *, stats: Mapping[str, CohortStats] | None = None) -> UnitResult:
        return UnitResult(*self.fast.unit_fields(unit, stats))

    def score_unit_full(self, unit: Unit, *, stats: Mapping[str, CohortStats] | None = None) -> UnitResult:
        """`score_unit` without the fast path (every indicator through `indicator_result`): the reference."""
        results: dict[str, IndicatorResult] = {}
        exact: dict[str, Fraction] = {}
        later: list[CompiledIndicator] = []
        for c in self.items:
            if c.sums is not None or c.children:
                later.append(c)
                continue
            results[c.key] = self.indicator_result(c, unit, stats, exact)
        for c in later:
            results[c.key] = self.indicator_result(c, unit, stats, exact)
        return self._totals(unit, results)

    def indicator_result(self, c: CompiledIndicator, unit: Unit, stats: Mapping[str, CohortStats] | None,
                         exact: dict[str, Fraction]) -> IndicatorResult:
        """One indicator's full result for one unit; its exact points are added to ``exact`` (what
        ``Cộng điểm từ … đến …`` and a parent indicator add up)."""
        if not self.applies(c, unit):
            return _not_applicable(c, unit)
        if c.errors:
            return _not_compiled(c)
        if c.children:
            return self._done(c, sum((exact.get(k, ZERO) for k in c.children), ZERO), "children", (), exact)
        if c.entered:
            return self._entered(c, unit, exact)
        diags: list[Diagnostic] = []
        assert c.compiled is not None  # neither an error nor entered: compiled
        try:
            value = c.compiled.exact(unit.values.get(c.key, {}), cohort=stats.get(c.key) if stats else None,
                                     item_points=exact if c.sums else None, unit=unit.name, policy=self.policy,
                                     diags=diags)
        except CdsError as exc:
            return IndicatorResult(c.key, c.indicator.name, c.max_points, None, None, "error", tuple(exc.diagnostics))
        return self._done(c, value, "scored", tuple(diags), exact)

    def _entered(self, c: CompiledIndicator, unit: Unit, exact: dict[str, Fraction]) -> IndicatorResult:
        """Points entered directly (``điểm``): a number from 0 to the maximum."""
        raw = unit.values.get(c.key, {}).get(POINTS_KEY)
        mx = c.max_points
        try:
            value = to_number(getattr(raw, "raw", raw), "points")
            if mx is not None and value > mx:
                raise Fault("CDS621", {"value": getattr(raw, "raw", raw), "max": mx})
        except Fault as f:
            f.args_.setdefault("key", POINTS_KEY)
            err = fault_error(f, item=c.key, unit=unit.name, where=getattr(raw, "where", None),
                              description="điểm nhập trực tiếp")
            return IndicatorResult(c.key, c.indicator.name, mx, None, None, "error", tuple(err.diagnostics))
        return self._done(c, value, "entered", (), exact)

    def _done(self, c: CompiledIndicator, value: Fraction, status: str, diags: tuple[Diagnostic, ...],
              exact: dict[str, Fraction]) -> IndicatorResult:
        exact[c.key] = value
        return IndicatorResult(c.key, c.indicator.name, c.max_points, value, self.policy, status, diags)

    def _totals(self, unit: Unit, results: dict[str, IndicatorResult]) -> UnitResult:
        rs = self.ruleset
        pol = self.policy
        sections: dict[str, TotalResult] = {}
        groups: dict[str, TotalResult] = {}
        for c in self.counted:
            r = results[c.key]
            if c.indicator.group_id is not None:
                bucket, key = groups, c.indicator.group_id
            else:
                bucket, key = sections, c.indicator.section_id or "?"
            t = bucket.get(key) or TotalResult(key, ZERO, ZERO)
            mx = c.max_points or ZERO
            if r.status == "not_applicable":
                if c.indicator.group_id is None or c.indicator.group_id == unit.group:
                    bucket[key] = t
                continue
            bucket[key] = TotalResult(key, t.exact + (r.exact or ZERO), t.max_points + mx)
        total = sum((t.exact for t in sections.values()), ZERO)
        total_max = sum((t.max_points for t in sections.values()), ZERO)
        diags = [d for r in results.values() for d in r.diagnostics]
        set_value = unit_set_value(rs, unit, sections, groups, diags)
        return UnitResult(unit.name, unit.group, results, sections, groups, total,
                          round_points(total, pol.digits, pol.rounding), total_max,
                          set_value, None if set_value is None else round_points(set_value, pol.digits, pol.rounding),
                          tuple(diags), self)


def _not_applicable(c: CompiledIndicator, unit: Unit) -> IndicatorResult:
    """Not applicable to the unit: CDS631, unless the indicator is another group's (nothing to say)."""
    other_group = c.indicator.group_id is not None and c.indicator.group_id != unit.group
    d = () if other_group else (Diagnostic.make("CDS631", None, item=c.key, unit=unit.name, indicator=c.key,
                                                unit_name=unit.name),)
    return IndicatorResult(c.key, c.indicator.name, c.max_points, None, None, "not_applicable", d)


def _not_compiled(c: CompiledIndicator) -> IndicatorResult:
    """The formula cannot be read or resolved: CDS615 (naming the first error), then the others."""
    first = c.errors[0]
    d = first if first.code == "CDS615" else Diagnostic.make(
        "CDS615", first.span, source=first.source, item=c.key, indicator=c.key,
        detail=f"{first.code} {first.message()}")
    return IndicatorResult(c.key, c.indicator.name, c.max_points, None, None, "error", (d,) + tuple(c.errors[1:]))


def _between(ids: Sequence[str], first: str, last: str, group: str | None = None) -> list[str]:
    """The ids ``Cộng điểm từ first đến last`` adds (within ``group``), in ruleset order."""
    def tup(i: str) -> tuple[int, ...] | None:
        try:
            return tuple(int(x) for x in i.split(".")[-len(first.split(".")):]) if i.count(".") >= first.count(".") \
                else None
        except ValueError:
            return None

    prefix = f"{group}." if group else ""
    lo, hi = tup(first), tup(last)
    out = []
    for i in ids:
        bare = i[len(prefix):] if prefix and i.startswith(prefix) else i
        t = tup(bare)
        if t is not None and lo is not None and hi is not None and bare.count(".") == first.count(".") \
                and lo <= t <= hi:
            out.append(i)
    return out
