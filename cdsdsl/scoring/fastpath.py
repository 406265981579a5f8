"""The fast path of scoring one unit: exact (numerator, denominator) pairs of ints instead of
`IndicatorResult`s and Fractions, for the plain cases, which are nearly all of a cohort's.

Takes: a `CompiledRuleset` (its indicators, in order, with their compiled fast functions), one
`Unit` and the cohort's `CohortStats`.
Returns: the fields of the unit's `UnitResult` (`FastPlan.unit_fields`), the same, value for
value, as the full path (`CompiledRuleset.score_unit_full`) gives: an indicator whose case the
fast function does not decide (not applicable, errors, warnings, text figures, a value out of
its range) goes through the full path (`CompiledRuleset.indicator_result`).  Its indicators'
`IndicatorResult`s are made only when asked for (`LazyIndicators`).
"""
from __future__ import annotations

from collections.abc import Mapping as MappingABC
from decimal import Decimal
from fractions import Fraction
from math import gcd
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping, Sequence

from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.evaluate.cohort import CohortStats
from cdsdsl.evaluate.runtime import Fault, Slow, fast_value, round_points
from cdsdsl.scoring.results import IndicatorResult, TotalResult
from cdsdsl.scoring.setformula import unit_set_value
from cdsdsl.scoring.unitdata import POINTS_KEY, Unit

if TYPE_CHECKING:
    from cdsdsl.scoring.compiled import CompiledIndicator, CompiledRuleset

ZERO = Fraction(0)

#: what the fast loop does for an indicator: call its fast function (PLAIN: one that reads
#: neither the cohort nor other indicators' points, nearly all), read points entered directly,
#: add its children's points, or take the full path
PLAIN, FAST, ENTERED, CHILDREN, FULL = 0, 1, 2, 3, 4
#: what a fast function raises to hand the unit over to the full path
FALLBACK = (Slow, Fault)
EMPTY: Mapping[str, Any] = {}

#: `UnitResult`'s fields but its rank
UnitFields = tuple[str, "str | None", "Mapping[str, IndicatorResult]", "dict[str, TotalResult]",
                   "dict[str, TotalResult]", Fraction, Decimal, Fraction, "Fraction | None", "Decimal | None",
                   "tuple[Diagnostic, ...]", "CompiledRuleset"]
#: per indicator, in result order: (indicator, key, mode, fast function, check applies, extra, cohort)
Step = tuple["CompiledIndicator", str, int, Any, bool, Any, bool]
#: per section or group: (grouped, key, group, indicator keys, maximum, the indicators' maxima)
Bucket = tuple[bool, str, "str | None", tuple[str, ...], Fraction, tuple[Fraction, ...]]


class FastPlan:
    """What the fast loop does for each indicator of a compiled ruleset, and its totals' buckets."""

    def __init__(self, cr: CompiledRuleset, ids: list[str]) -> None:
        self.cr = cr
        order = [c for c in cr.items if c.sums is None and not c.children]
        order += [c for c in cr.items if c.sums is not None or c.children]
        #: the indicators' keys in result order (sums and parents last: they read the others)
        self.order = tuple(c.key for c in order)
        self.steps: tuple[Step, ...] = tuple(_step(c, ids) for c in order)
        buckets: dict[tuple[bool, str], tuple[bool, str, str | None, list[str], list[Fraction]]] = {}
        for c in cr.counted:
            grouped = c.indicator.group_id is not None
            bkey = c.indicator.group_id if grouped else (c.indicator.section_id or "?")
            b = buckets.setdefault((grouped, bkey), (grouped, bkey, c.indicator.group_id, [], []))
            b[3].append(c.key)
            b[4].append(Fraction(c.max_points or ZERO))
        self.buckets: tuple[Bucket, ...] = tuple((g, k, grp, tuple(keys), sum(mxs, ZERO), tuple(mxs))
                                                 for g, k, grp, keys, mxs in buckets.values())
        #: the set's maximum when every indicator applies (the sum of the sections' maxima)
        self.sections_max = sum((b[4] for b in self.buckets if not b[0]), ZERO)

    def unit_fields(self, unit: Unit, stats: Mapping[str, CohortStats] | None) -> UnitFields:
        """One unit's `UnitResult` fields (without rank).  Indicators whose plain case the
        fast functions decide keep only an exact (numerator, denominator) pair; the
        others go through the full path, which gives their `IndicatorResult`."""
        cr = self.cr
        pairs: dict[str, tuple[int, int]] = {}
        slow: dict[str, IndicatorResult] = {}
        values = unit.values
        ip = None
        for c, key, mode, fast, check, extra, coh in self.steps:
            if check and not cr.applies(c, unit):
                slow[key] = cr.indicator_result(c, unit, stats, {})
                continue
            if mode == PLAIN:
                try:
                    pairs[key] = fast(numbers(values.get(key, EMPTY)), None, None)
                    continue
                except FALLBACK:
                    pass
            elif mode == FAST:
                if extra is not None:
                    ip = _items_points(pairs, extra)
                try:
                    pairs[key] = fast(numbers(values.get(key, EMPTY)), stats.get(key) if coh and stats else None,
                                      ip)
                    continue
                except FALLBACK:
                    pass
            elif mode == ENTERED:
                raw = fast_value(values.get(key, EMPTY).get(POINTS_KEY))
                if type(raw) is int and raw >= 0 and (extra is None or raw * extra[1] <= extra[0]):
                    pairs[key] = (raw, 1)
                    continue
            elif mode == CHILDREN:
                pairs[key] = _sum_pairs(pairs, extra)
                continue
            exact = {k: Fraction(*p) for k, p in pairs.items()} if c.sums is not None else {}
            r = cr.indicator_result(c, unit, stats, exact)
            slow[key] = r
            if r.exact is not None:
                pairs[key] = (r.exact.numerator, r.exact.denominator)
        return self._totals(unit, pairs, slow)

    def _totals(self, unit: Unit, pairs: dict[str, tuple[int, int]], slow: dict[str, IndicatorResult]) -> UnitFields:
        """`CompiledRuleset._totals` over exact pairs (same buckets, same order, same values).  A group's
        bucket holds only that group's indicators, so it is there exactly when the unit belongs to the
        group; the maximum changes only when an indicator does not apply."""
        cr = self.cr
        rs = cr.ruleset
        pol = cr.policy
        sections: dict[str, TotalResult] = {}
        groups: dict[str, TotalResult] = {}
        tn, td = 0, 1
        some_na = False
        for grouped, bkey, group, keys, mx_all, mxs in self.buckets:
            if grouped and group != unit.group:
                continue
            num, den = 0, 1
            na = None
            for k in keys:
                p = pairs.get(k)
                if p is None:
                    r = slow.get(k)
                    if r is not None and r.status == "not_applicable":
                        na = na or set()
                        na.add(k)
                    continue
                if p[1] == 1:
                    num += p[0] * den
                else:
                    num, den = num * p[1] + p[0] * den, den * p[1]
            if na:
                mx = sum((m for k, m in zip(keys, mxs, strict=True) if k not in na), ZERO)
                some_na = some_na or not grouped
            else:
                mx = mx_all
            if grouped:
                groups[bkey] = TotalResult(bkey, pair_fraction(num, den), mx)
            else:
                sections[bkey] = TotalResult(bkey, pair_fraction(num, den), mx)
                if den == 1 and td == 1:
                    tn += num
                else:
                    tn, td = tn * den + num * td, td * den
        total = pair_fraction(tn, td)
        total_max = sum((t.max_points for t in sections.values()), ZERO) if some_na else self.sections_max
        diags = [d for key in self.order if key in slow for d in slow[key].diagnostics] if slow else []
        set_value = unit_set_value(rs, unit, sections, groups, diags)
        return (unit.name, unit.group, LazyIndicators(self, pairs, slow), sections, groups, total,
                round_points(total, pol.digits, pol.rounding), total_max, set_value,
                None if set_value is None else round_points(set_value, pol.digits, pol.rounding), tuple(diags), cr)


def _step(c: CompiledIndicator, ids: list[str]) -> Step:
    """One indicator's place in the fast loop."""
    check = c.indicator.group_id is not None or c.applies_to is not None
    mx = c.max_points
    mode: int = FULL
    extra: Any = None
    if c.errors:
        pass
    elif c.children:
        mode, extra = CHILDREN, c.children
    elif c.entered:
        mode, extra = ENTERED, None if mx is None else (mx.numerator, mx.denominator)
    elif c.compiled is not None and c.compiled.fast is not None:
        mode, extra = FAST, sum_candidates(ids, *c.sums) if c.sums is not None else None
        if extra is None and not c.needs_cohort:
            mode = PLAIN
    fast = c.compiled.fast if mode in (PLAIN, FAST) and c.compiled is not None else None
    return (c, c.key, mode, fast, check, extra, c.needs_cohort)


def numbers(values: Mapping[str, Any]) -> Mapping[str, Any]:
    """An indicator's inputs as its fast function reads them best: each `Value` whose cell was converted
    when read (``Value.number``, an int) replaced by that number, so that the function's inline
    ``type(x) is int`` test passes without a call; the others stay (`runtime.fast_read` decides)."""
    out = {}
    for k, v in values.items():
        n = getattr(v, "number", None)
        out[k] = v if n is None else n
    return out


def pair_fraction(num: int, den: int) -> Fraction:
    """The Fraction of an exact pair (den > 0), with Fraction's quicker way for a whole number."""
    return Fraction(num) if den == 1 else Fraction(num, den)


def add_pairs(a: int, b: int, c: int, d: int) -> tuple[int, int]:
    """``a/b + c/d`` as a reduced pair (denominators > 0)."""
    if b == d:
        num, den = a + c, b
        if den == 1:
            return num, 1
    else:
        num, den = a * d + c * b, b * d
    g = gcd(num, den)
    return (num // g, den // g) if g != 1 else (num, den)


def _sum_pairs(pairs: Mapping[str, tuple[int, int]], keys: Sequence[str]) -> tuple[int, int]:
    """The exact sum of the points so far of ``keys`` (those not scored count 0)."""
    num, den = 0, 1
    for k in keys:
        p = pairs.get(k)
        if p is not None:
            num, den = add_pairs(num, den, p[0], p[1])
    return num, den


def sum_candidates(ids: Sequence[str], first: str, last: str) -> tuple[str, ...]:
    """The ids `runtime.items_sum` adds for ``first … last`` (same depth, in range)."""
    def tup(i: str) -> tuple[int, ...] | None:
        try:
            return tuple(int(x) for x in str(i).split("."))
        except ValueError:
            return None

    lo, hi = tup(first), tup(last)
    out = []
    for i in ids:
        t = tup(i)
        if t is not None and lo is not None and hi is not None and len(t) == len(lo) and lo <= t <= hi:
            out.append(i)
    return tuple(out)


def _items_points(pairs: Mapping[str, tuple[int, int]], keys: tuple[str, ...]) -> Callable[[str, str], Fraction]:
    """``item_points`` for a compiled ``Cộng điểm từ … đến …``: the exact sum of the points so far."""
    def points(first: str, last: str) -> Fraction:
        return Fraction(*_sum_pairs(pairs, keys))

    return points


class LazyIndicators(MappingABC[str, IndicatorResult]):
    """``UnitResult.indicators``: results in the usual order, an `IndicatorResult` made only
    when asked for (10 000 units × 85 indicators would otherwise be 850 000 objects)."""

    __slots__ = ("_plan", "_pairs", "_slow", "_made")

    def __init__(self, plan: FastPlan, pairs: dict[str, tuple[int, int]], slow: dict[str, IndicatorResult]) -> None:
        self._plan, self._pairs, self._slow = plan, pairs, slow
        self._made: dict[str, IndicatorResult] = {}

    def __getitem__(self, key: str) -> IndicatorResult:
        r = self._slow.get(key) or self._made.get(key)
        if r is None:
            cr = self._plan.cr
            c = cr.by_key[key]  # KeyError for an unknown id
            num, den = self._pairs[key]
            status = "children" if c.children else "entered" if c.entered else "scored"
            r = self._made[key] = IndicatorResult(key, c.indicator.name, c.max_points, Fraction(num, den),
                                                  cr.policy, status, ())
        return r

    def unplain(self) -> Iterator[IndicatorResult]:
        """The results the full path made (not applicable, errors, warnings, text figures), in order: the
        others are plain scored, entered or summed points."""
        slow = self._slow
        return (slow[k] for k in self._plan.order if k in slow)

    def __iter__(self) -> Iterator[str]:
        return iter(self._plan.order)

    def __len__(self) -> int:
        return len(self._plan.order)

    def __contains__(self, key: object) -> bool:
        return key in self._plan.cr.by_key

    def __repr__(self) -> str:
        return repr(dict(self.items()))
