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
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping as _MappingABC
from decimal import Decimal
from fractions import Fraction
from math import gcd
from typing import Any, Callable, Iterable, Mapping, Sequence

import attrs

from cdsdsl.diagnostics.core import CdsError, Diagnostic, ScoreError
from cdsdsl.evaluate.codegen import CompiledFormula, compile_program, compile_quantities
from cdsdsl.evaluate.cohort import CohortStats, Stat, left_out_reason, no_spread_notes, rank
from cdsdsl.evaluate.interpret import Policy
from cdsdsl.evaluate.runtime import SLOW, Fault, Slow, fault_error, round_points, to_number
from cdsdsl.scoring.unitdata import POINTS_KEY, Unit
from cdsdsl.semantics.resolve import Program, SumItemsScoring, resolve
from cdsdsl.syntax import nodes as n
from cdsdsl.text.fold import fold_case

ZERO = Fraction(0)


# ---------------------------------------------------------------- compiled ruleset

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


class CompiledRuleset:
    """A ruleset with every formula compiled once; score many units with it."""

    def __init__(self, ruleset: Any) -> None:
        self.ruleset = ruleset
        r = ruleset.rounding
        self.policy = Policy(ruleset.zero_division if ruleset.zero_division in ("zero", "error") else "zero",
                             r.digits, r.mode)
        items: list[CompiledIndicator] = []
        ids = [i.key for i in ruleset.indicators]
        for ind in ruleset.indicators:
            items.append(self._compile(ind, ruleset, ids))
        self.items: tuple[CompiledIndicator, ...] = tuple(items)
        self.by_key = {c.key: c for c in self.items}
        summed: set[str] = set()
        for c in self.items:
            if c.sums is not None:
                summed.update(_between(ids, *c.sums, group=c.indicator.group_id))
        contained = {k for c in self.items for k in c.children}
        #: indicators counted directly in their section or group total
        self.counted = tuple(c for c in self.items if c.key not in summed and c.key not in contained)
        self.cohort_items = tuple(c for c in self.items if c.needs_cohort)
        self._plan = self._fast_plan(ids)

    def _compile(self, ind: Any, ruleset: Any, ids: list[str]) -> CompiledIndicator:
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
        from cdsdsl.syntax.parser import parse_formula

        try:
            src = ind.effective_source
            formula = parse_formula(text, name=src.name if src is not None else ruleset.name,
                                    line_offset=getattr(src, "line_offset", 0),
                                    column_offset=getattr(src, "column_offset", 0)) \
                if src is not None else parse_formula(text)
        except TypeError:
            formula = parse_formula(text)
        except CdsError as exc:
            return CompiledIndicator(ind.key, ind, ind.max_points, errors=tuple(exc.diagnostics), applies_to=applies)
        program = resolve(formula, ind.max_points if ind.max_points is not None else 0, item=ind.key,
                          title=ind.name, option_mode=ind.option_mode, cohort_method=ind.cohort_method)
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

    # ------------------------------------------------------------ fast scoring
    def _fast_plan(self, ids: list[str]) -> tuple:
        """Per indicator, in result order: what the fast loop does (see `_score_fields`)."""
        order = [c for c in self.items if c.sums is None and not c.children]
        order += [c for c in self.items if c.sums is not None or c.children]
        plan = []
        for c in order:
            check = c.indicator.group_id is not None or c.applies_to is not None
            mx = c.max_points
            if c.errors:
                mode, extra = _SLOW_MODE, None
            elif c.children:
                mode, extra = _CHILDREN, c.children
            elif c.entered:
                mode, extra = _ENTERED, None if mx is None else (mx.numerator, mx.denominator)
            elif c.compiled is not None and c.compiled.fast is not None:
                mode, extra = _FAST, _sum_candidates(ids, *c.sums) if c.sums is not None else None
            else:
                mode, extra = _SLOW_MODE, None
            plan.append((c, c.key, mode, c.compiled.fast if mode == _FAST else None, check, extra, c.needs_cohort))
        self._order = tuple(c.key for c in order)
        buckets: dict[tuple[bool, str], list] = {}
        for c in self.counted:
            grouped = c.indicator.group_id is not None
            bkey = c.indicator.group_id if grouped else (c.indicator.section_id or "?")
            b = buckets.setdefault((grouped, bkey), [grouped, bkey, c.indicator.group_id, [], []])
            b[3].append(c.key)
            b[4].append(Fraction(c.max_points or ZERO))
        self._bucket_plan = tuple((g, k, grp, tuple(keys), sum(mxs, ZERO), tuple(mxs))
                                  for g, k, grp, keys, mxs in buckets.values())
        #: the set's maximum when every indicator applies (the sum of the sections' maxima)
        self._sections_max = sum((b[4] for b in self._bucket_plan if not b[0]), ZERO)
        return tuple(plan)

    def _score_fields(self, unit: Unit, stats: Mapping[str, CohortStats] | None) -> tuple:
        """One unit's `UnitResult` fields (without rank).  Indicators whose plain case the
        fast functions decide keep only an exact (numerator, denominator) pair; the
        others (not applicable, errors, warnings, text figures, cohort indicators) go
        through `_one`, the full path, which gives their `IndicatorResult`."""
        pairs: dict[str, tuple[int, int]] = {}
        slow: dict[str, IndicatorResult] = {}
        values = unit.values
        ip = None
        for c, key, mode, fast, check, extra, coh in self._plan:
            if check and not self.applies(c, unit):
                slow[key] = self._one(c, unit, stats, {})
                continue
            if mode == _FAST:
                if extra is not None:
                    ip = _items_points(pairs, extra)
                try:
                    pairs[key] = fast(values.get(key, _EMPTY), stats.get(key) if coh and stats else None, ip)
                    continue
                except _FALLBACK:
                    pass
            elif mode == _ENTERED:
                raw = values.get(key, _EMPTY).get(POINTS_KEY)
                raw = getattr(raw, "raw", raw)
                if type(raw) is int and raw >= 0 and (extra is None or raw * extra[1] <= extra[0]):
                    pairs[key] = (raw, 1)
                    continue
            elif mode == _CHILDREN:
                num, den = 0, 1
                for k in extra:
                    p = pairs.get(k)
                    if p is not None:
                        num, den = _add(num, den, p[0], p[1])
                pairs[key] = (num, den)
                continue
            exact = {k: Fraction(*p) for k, p in pairs.items()} if c.sums is not None else {}
            r = self._one(c, unit, stats, exact)
            slow[key] = r
            if r.exact is not None:
                pairs[key] = (r.exact.numerator, r.exact.denominator)
        return self._fast_totals(unit, pairs, slow)

    def _fast_totals(self, unit: Unit, pairs: dict[str, tuple[int, int]],
                     slow: dict[str, "IndicatorResult"]) -> tuple:
        """`_totals` over exact pairs (same buckets, same order, same values).  A group's
        bucket holds only that group's indicators, so it is there exactly when the unit
        belongs to the group; the maximum changes only when an indicator does not apply."""
        rs = self.ruleset
        pol = self.policy
        sections: dict[str, TotalResult] = {}
        groups: dict[str, TotalResult] = {}
        tn, td = 0, 1
        some_na = False
        for grouped, bkey, group, keys, mx_all, mxs in self._bucket_plan:
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
                mx = sum((m for k, m in zip(keys, mxs) if k not in na), ZERO)
                some_na = some_na or not grouped
            else:
                mx = mx_all
            if grouped:
                groups[bkey] = TotalResult(bkey, _frac(num, den), mx)
            else:
                sections[bkey] = TotalResult(bkey, _frac(num, den), mx)
                if den == 1 and td == 1:
                    tn += num
                else:
                    tn, td = tn * den + num * td, td * den
        total = _frac(tn, td)
        total_max = sum((t.max_points for t in sections.values()), ZERO) if some_na else self._sections_max
        diags = [d for key in self._order if key in slow for d in slow[key].diagnostics] if slow else []
        set_value = None
        if rs.set_formula is not None:
            try:
                set_value = _set_formula(rs, unit, sections, groups)
            except CdsError as exc:
                diags.extend(exc.diagnostics)
        return (unit.name, unit.group, _Indicators(self, pairs, slow), sections, groups, total,
                round_points(total, pol.digits, pol.rounding), total_max, set_value,
                None if set_value is None else round_points(set_value, pol.digits, pol.rounding), tuple(diags), self)

    # ------------------------------------------------------------ scoring
    def score_unit(self, unit: Unit, *, stats: Mapping[str, CohortStats] | None = None) -> "UnitResult":
        return UnitResult(*self._score_fields(unit, stats))

    def score_unit_full(self, unit: Unit, *, stats: Mapping[str, CohortStats] | None = None) -> "UnitResult":
        """`score_unit` without the fast path (every indicator through `_one`): the reference."""
        results: dict[str, IndicatorResult] = {}
        exact: dict[str, Fraction] = {}
        later: list[CompiledIndicator] = []
        for c in self.items:
            if c.sums is not None or c.children:
                later.append(c)
                continue
            results[c.key] = self._one(c, unit, stats, exact)
        for c in later:
            results[c.key] = self._one(c, unit, stats, exact)
        return self._totals(unit, results)

    def _one(self, c: CompiledIndicator, unit: Unit, stats: Mapping[str, CohortStats] | None,
             exact: dict[str, Fraction]) -> "IndicatorResult":
        mx = c.max_points
        if not self.applies(c, unit):
            other_group = c.indicator.group_id is not None and c.indicator.group_id != unit.group
            d = () if other_group else (Diagnostic.make("CDS631", None, item=c.key, unit=unit.name, indicator=c.key,
                                                        unit_name=unit.name),)
            return IndicatorResult(c.key, c.indicator.name, mx, None, None, "not_applicable", d)
        inputs = unit.values.get(c.key, {})
        if c.errors:
            first = c.errors[0]
            d = first if first.code == "CDS615" else Diagnostic.make(
                "CDS615", first.span, source=first.source, item=c.key, indicator=c.key,
                detail=f"{first.code} {first.message()}")
            return IndicatorResult(c.key, c.indicator.name, mx, None, None, "error", (d,) + tuple(c.errors[1:]))
        if c.children:
            value = sum((exact.get(k, ZERO) for k in c.children), ZERO)
            return self._done(c, value, "children", (), exact)
        if c.entered:
            raw = inputs.get(POINTS_KEY)
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
        diags: list[Diagnostic] = []
        try:
            value = c.compiled.exact(inputs, cohort=stats.get(c.key) if stats else None,
                                     item_points=exact if c.sums else None, unit=unit.name, policy=self.policy,
                                     diags=diags)
        except CdsError as exc:
            return IndicatorResult(c.key, c.indicator.name, mx, None, None, "error", tuple(exc.diagnostics))
        return self._done(c, value, "scored", tuple(diags), exact)

    def _done(self, c: CompiledIndicator, value: Fraction, status: str, diags: tuple,
              exact: dict[str, Fraction]) -> "IndicatorResult":
        exact[c.key] = value
        return IndicatorResult(c.key, c.indicator.name, c.max_points, value, self.policy, status, diags)

    def _totals(self, unit: Unit, results: dict[str, "IndicatorResult"]) -> "UnitResult":
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
        set_value = None
        if rs.set_formula is not None:
            try:
                set_value = _set_formula(rs, unit, sections, groups)
            except CdsError as exc:
                diags.extend(exc.diagnostics)
        return UnitResult(unit.name, unit.group, results, sections, groups, total,
                          round_points(total, pol.digits, pol.rounding), total_max,
                          set_value, None if set_value is None else round_points(set_value, pol.digits, pol.rounding),
                          tuple(diags), self)


def _between(ids: Sequence[str], first: str, last: str, group: str | None = None) -> list[str]:
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
        if t is not None and bare.count(".") == first.count(".") and lo <= t <= hi:
            out.append(i)
    return out


_FAST, _ENTERED, _CHILDREN, _SLOW_MODE = 0, 1, 2, 3


if hasattr(Fraction, "_from_coprime_ints"):  # Python >= 3.12
    _coprime = Fraction._from_coprime_ints
elif Fraction.__slots__ == ("_numerator", "_denominator"):  # Python 3.11: what 3.12 does
    _new_fraction = object.__new__

    def _coprime(num: int, den: int) -> Fraction:
        f = _new_fraction(Fraction)
        f._numerator = num
        f._denominator = den
        return f
else:  # pragma: no cover - another Fraction
    def _coprime(num: int, den: int) -> Fraction:
        return Fraction(num, den)


def _frac(num: int, den: int) -> Fraction:
    """``Fraction(num, den)`` for den > 0, without Fraction's slower argument handling."""
    g = gcd(num, den)
    if g != 1:
        num, den = num // g, den // g
    return _coprime(num, den)
_FALLBACK = (Slow, Fault)
_EMPTY: Mapping[str, Any] = {}


def _add(a: int, b: int, c: int, d: int) -> tuple[int, int]:
    """``a/b + c/d`` as a reduced pair (denominators > 0)."""
    if b == d:
        num, den = a + c, b
        if den == 1:
            return num, 1
    else:
        num, den = a * d + c * b, b * d
    g = gcd(num, den)
    return (num // g, den // g) if g != 1 else (num, den)


def _sum_candidates(ids: Sequence[str], first: str, last: str) -> tuple[str, ...]:
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
        if t is not None and lo is not None and len(t) == len(lo) and lo <= t <= hi:
            out.append(i)
    return tuple(out)


def _items_points(pairs: Mapping[str, tuple[int, int]], keys: tuple[str, ...]) -> Callable[[str, str], Fraction]:
    """``item_points`` for a compiled ``Cộng điểm từ … đến …``: the exact sum of the points so far."""
    def points(first: str, last: str) -> Fraction:
        num, den = 0, 1
        for k in keys:
            p = pairs.get(k)
            if p is not None:
                num, den = _add(num, den, p[0], p[1])
        return Fraction(num, den)

    return points


class _Indicators(_MappingABC):
    """``UnitResult.indicators``: results in the usual order, an `IndicatorResult` made only
    when asked for (10 000 units × 85 indicators would otherwise be 850 000 objects)."""

    __slots__ = ("_cr", "_pairs", "_slow", "_made")

    def __init__(self, cr: "CompiledRuleset", pairs: dict[str, tuple[int, int]],
                 slow: dict[str, "IndicatorResult"]) -> None:
        self._cr, self._pairs, self._slow, self._made = cr, pairs, slow, {}

    def __getitem__(self, key: str) -> "IndicatorResult":
        r = self._slow.get(key) or self._made.get(key)
        if r is None:
            c = self._cr.by_key[key]  # KeyError for an unknown id
            num, den = self._pairs[key]
            status = "children" if c.children else "entered" if c.entered else "scored"
            r = self._made[key] = IndicatorResult(key, c.indicator.name, c.max_points, Fraction(num, den),
                                                  self._cr.policy, status, ())
        return r

    def __iter__(self):
        return iter(self._cr._order)

    def __len__(self) -> int:
        return len(self._cr._order)

    def __contains__(self, key: object) -> bool:
        return key in self._cr.by_key

    def __repr__(self) -> str:
        return repr(dict(self.items()))


# ------------------------------------------------------------------- set formula

_SET_SECTIONS = re.compile(r"tổng\s+điểm\s+(?:các\s+)?mục\s+(\S+)\s*[-–đến]+\s*(\S+)", re.I)


def set_binding_meaning(description: str) -> tuple | None:
    """What a `Trong đó:` line of a set formula adds up: ``("sections", lo, hi)``, ``("group_max",)``,
    ``("group",)``, ``("total",)``; None when it cannot be read (also checked by `cds check`, CDS553)."""
    d = unicodedata.normalize("NFC", description).lower()
    m = _SET_SECTIONS.search(d)
    if m:
        lo, hi = m.group(1), m.group(2)
        if not (lo.isdecimal() and hi.isdecimal() and len(lo) <= 6 and len(hi) <= 6):
            return None  # `các mục a-b`, or a number of thousands of digits
        return ("sections", int(lo), int(hi))
    if "tối đa" in d and "lĩnh vực" in d:
        return ("group_max",)
    if "lĩnh vực" in d:
        return ("group",)
    if "tổng điểm" in d:
        return ("total",)
    return None


def _set_formula(rs: Any, unit: Unit, sections: Mapping[str, "TotalResult"],
                 groups: Mapping[str, "TotalResult"]) -> Fraction:
    from cdsdsl.syntax.parser import parse_formula

    sf = rs.set_formula

    def fail(detail: str, detail_en: str) -> ScoreError:
        return ScoreError(Diagnostic.make("CDS630", None, unit=unit.name, formula=sf.text, detail=detail,
                                          detail_en=detail_en))

    env: dict[str, Fraction] = {}
    group = groups.get(unit.group) if unit.group else None
    for b in sf.bindings:
        meaning = set_binding_meaning(b.description)
        kind = meaning[0] if meaning else None
        if kind == "sections":
            lo, hi = meaning[1], meaning[2]  # type: ignore[index]
            env[b.name] = sum((t.exact for k, t in sections.items() if k.isdigit() and lo <= int(k) <= hi), ZERO)
        elif kind == "group_max":
            if unit.group is None:
                env[b.name] = ZERO
            else:
                try:
                    g = rs.group(unit.group)
                    env[b.name] = g.stated_max if g.stated_max is not None else (group.max_points if group else ZERO)
                except KeyError:
                    raise fail(f"không có lĩnh vực {unit.group}", f"no group {unit.group}") from None
        elif kind == "group":
            env[b.name] = group.exact if group else ZERO
        elif kind == "total":
            env[b.name] = sum((t.exact for t in sections.values()), ZERO)
        else:
            raise fail(f"không hiểu `{b.name} = {b.description}`", f"cannot read `{b.name} = {b.description}`")
    try:
        formula = parse_formula(sf.text)
    except CdsError:
        raise fail("không đọc được công thức", "the formula cannot be read") from None
    assigns = [st for st in formula.statements if isinstance(st, n.Assign)]
    if not assigns:
        raise fail("không có phép gán `D = ...`", "no assignment `D = ...`")

    def ev(e: Any) -> Fraction:
        if isinstance(e, (n.Number, n.Percent)):
            return e.value
        if isinstance(e, n.Name):
            if e.name not in env:
                raise fail(f"tên `{e.name}` chưa được khai báo trong `Trong đó:`",
                           f"`{e.name}` is not bound under `Trong đó:`")
            return env[e.name]
        if isinstance(e, n.Neg):
            return -ev(e.operand)
        if isinstance(e, n.BinOp):
            a, b = ev(e.left), ev(e.right)
            if e.op == "/":
                if b == 0:
                    raise fail("chia cho 0", "division by zero")
                return a / b
            return a + b if e.op == "+" else a - b if e.op == "-" else a * b
        raise fail("biểu thức không được hỗ trợ", "unsupported expression")

    return ev(assigns[-1].value)


# ------------------------------------------------------------------------ results

@attrs.frozen
class IndicatorResult:
    key: str
    name: str
    max_points: Fraction | None
    exact: Fraction | None
    #: the rounding policy (``points`` is rounded on demand, once)
    policy: Any = attrs.field(eq=False, repr=False)
    #: scored | entered | children | not_applicable | error
    status: str
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def points(self) -> Decimal | None:
        """The points rounded once per the ruleset (``Làm tròn:``)."""
        if self.exact is None:
            return None
        p = self.policy or Policy()
        return round_points(self.exact, p.digits, p.rounding)

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        return {"id": self.key, "name": self.name, "max": _num(self.max_points),
                "points": None if self.points is None else str(self.points),
                "exact": None if self.exact is None else str(self.exact), "status": self.status,
                "diagnostics": [d.to_dict(lang) for d in self.diagnostics]}


@attrs.frozen
class TotalResult:
    key: str
    exact: Fraction
    max_points: Fraction


def _num(v: Any) -> Any:
    if v is None:
        return None
    v = Fraction(v)
    return v.numerator if v.denominator == 1 else str(v)


@attrs.frozen
class UnitResult:
    unit: str
    group: str | None
    indicators: Mapping[str, IndicatorResult]
    sections: Mapping[str, TotalResult]
    groups: Mapping[str, TotalResult]
    total_exact: Fraction
    total: Decimal
    max_points: Fraction
    set_exact: Fraction | None
    set_total: Decimal | None
    diagnostics: tuple[Diagnostic, ...] = ()
    compiled: Any = attrs.field(default=None, eq=False, repr=False)
    rank: int | None = None

    @property
    def complete(self) -> bool:
        return all(r.status != "error" for r in self.indicators.values())

    @property
    def score(self) -> Decimal:
        """The ranking score: the set formula's value when the ruleset has one, else the total."""
        return self.set_total if self.set_total is not None else self.total

    def section_points(self, section: str) -> Decimal:
        p = self.compiled.policy
        return round_points(self.sections[section].exact, p.digits, p.rounding)

    def explain(self, lang: str = "vi", *, unit: Unit | None = None, cohort: Any = None) -> str:
        from cdsdsl.evaluate.explain import explain_unit

        return explain_unit(self, lang=lang, unit=unit, stats=cohort)

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        p = self.compiled.policy if self.compiled is not None else Policy()
        return {
            "unit": self.unit, "group": self.group, "rank": self.rank, "complete": self.complete,
            "total": str(self.total), "max": _num(self.max_points),
            "set_total": None if self.set_total is None else str(self.set_total),
            "sections": {k: {"points": str(round_points(t.exact, p.digits, p.rounding)), "max": _num(t.max_points)}
                         for k, t in self.sections.items()},
            "groups": {k: {"points": str(round_points(t.exact, p.digits, p.rounding)), "max": _num(t.max_points)}
                       for k, t in self.groups.items()},
            "indicators": [r.to_dict(lang) for r in self.indicators.values()],
            "diagnostics": [d.to_dict(lang) for d in self.diagnostics],
        }


@attrs.frozen
class CohortResult:
    results: tuple[UnitResult, ...]
    stats: Mapping[str, CohortStats] = attrs.field(factory=dict, eq=False, repr=False)
    diagnostics: tuple[Diagnostic, ...] = ()
    units: tuple[Unit, ...] = attrs.field(default=(), eq=False, repr=False)
    #: what reading the data file gave (`forms.Intake`: rows read, rows refused and why), when known
    intake: Any = attrs.field(default=None, eq=False, repr=False)

    def __iter__(self):
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def unit(self, name: str) -> UnitResult:
        for r in self.results:
            if r.unit == name:
                return r
        raise KeyError(name)

    def ranking(self) -> list[UnitResult]:
        return sorted(self.results, key=lambda r: (r.rank or 0, r.unit))

    def explain(self, lang: str = "vi") -> str:
        by_name = {u.name: u for u in self.units}
        return "\n\n".join(r.explain(lang, unit=by_name.get(r.unit), cohort=self.stats) for r in self.ranking())

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        out = {"units": [r.to_dict(lang) for r in self.ranking()],
               "diagnostics": [d.to_dict(lang) for d in self.diagnostics]}
        if self.intake is not None:
            out["intake"] = dict(self.intake.to_dict(), scored=len(self.results))
        return out


# ------------------------------------------------------------------------- API

def compile_ruleset(ruleset: Any) -> CompiledRuleset:
    """Parse, resolve and compile every indicator once."""
    return ruleset if isinstance(ruleset, CompiledRuleset) else CompiledRuleset(ruleset)


def score_unit(ruleset: Any, unit: Unit) -> UnitResult:
    """Score one unit.  Cohort indicators (min-max, ``cao nhất``) cannot be scored alone:
    they are reported (CDS617) and count 0; use `score_cohort`."""
    return compile_ruleset(ruleset).score_unit(unit)


def score_cohort(ruleset: Any, units: Iterable[Unit], progress: Callable[[int, int], None] | None = None) -> CohortResult:
    """Score all units together (cohort indicators use every unit's data) and rank them
    by total (or the set formula's value), competition ranking: 1, 2, 2, 4."""
    cr = compile_ruleset(ruleset)
    units = tuple(units)
    stats: dict[str, CohortStats] = {}
    notes: list[Diagnostic] = []
    for c in cr.cohort_items:
        if c.quantities is None:
            continue
        stats[c.key] = _collect(cr, c, units, notes)
        notes.extend(no_spread_notes(c.program, stats[c.key]))  # CDS622: every unit has the same value
    fields = []
    total = len(units)
    step = max(1, total // 100)
    for i, u in enumerate(units):
        fields.append(cr._score_fields(u, stats))
        if progress is not None and ((i + 1) % step == 0 or i + 1 == total):
            progress(i + 1, total)
    # the ranking score: the set formula's value (rounded) when there is one, else the total
    ranks = rank([f[9] if f[9] is not None else f[6] for f in fields])
    results = tuple(UnitResult(*f, rank=k) for f, k in zip(fields, ranks))
    return CohortResult(results, stats, tuple(notes), units)


def _collect(cr: CompiledRuleset, c: CompiledIndicator, units: Sequence[Unit], notes: list[Diagnostic]) -> CohortStats:
    """One cohort indicator's `CohortStats` over the units it applies to: lowest, highest and
    count of each quantity, kept as exact (numerator, denominator) pairs compared by
    cross-multiplication; a unit whose value cannot be computed is left out with a CDS620
    note (in unit order, then quantity order).  Each value comes from the quantity's fast
    function, or from its full function when the fast one gives up; one `Fraction` per
    bound at the end."""
    table = c.quantities.table
    check = c.indicator.group_id is not None or c.applies_to is not None
    # per quantity: [low num, low den, high num, high den, count]
    acc: dict[str, list] = {}
    key_c = c.key
    for u in units:
        if check and not cr.applies(c, u):
            continue
        inputs = u.values.get(key_c, _EMPTY)
        for key, fast, full in table:
            try:
                if fast is None:
                    raise SLOW
                num, den = fast(inputs)
            except _FALLBACK:
                try:
                    v = Fraction(full(inputs))
                except Fault as f:
                    err = fault_error(f, item=key_c, unit=u.name) if f.code != "CDS610" else None
                    notes.append(Diagnostic.make("CDS620", None, item=key_c, unit=u.name, indicator=key_c,
                                                 unit_name=u.name, aggregate="giá trị cao nhất/thấp nhất",
                                                 aggregate_en="highest/lowest value", **left_out_reason(err)))
                    continue
                num, den = v.numerator, v.denominator
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
        out[key] = Stat(_frac(a[0], a[1]), _frac(a[2], a[3]), a[4])
    return out


__all__ = ["CohortResult", "CompiledRuleset", "IndicatorResult", "TotalResult", "UnitResult", "compile_ruleset", "score_cohort",
           "score_unit"]
