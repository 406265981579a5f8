"""Types and units of the formula language, and the value ranges they imply.

Takes: a resolved `Program` (its `InputSpec` kinds and units, its steps) and
expressions of the AST.
Returns: the `Ty` of an expression (count, money in triệu/tỷ đồng, ratio,
points, option, yes/no, number) inferred from the prose (``InputSpec.kind`` /
``unit``) and from use (``a/b`` of counts is a ratio, ``ratio * Điểm tối đa``
is points, ``1/2 * Điểm tối đa`` and ``N điểm`` are points), the unit
mistakes met on the way (`TypeIssue`), and `Interval`s: the range a value can
take with valid data (a part/whole ratio lies in [0, 1], counts are whole
numbers ≥ 0).  Used by the checks (`cdsdsl.checks`); imports only `nodes` and
this package's `resolve` and its parts.  Each pass (typing, ranges, `evaluate`)
dispatches on the node class through one table (`_TYPE_RULES`, `_RANGE_RULES`,
`_VALUE_RULES`), and the typing of ``a op b`` through one per operator
(`_BINOP_RULES`).
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable, Iterator

import attrs

from cdsdsl.diagnostics import i18n
from cdsdsl.semantics.dimensions import LEXICON, MONEY_SCALES, Dimension, same_thing
from cdsdsl.semantics.inputs import COUNT, MONEY, NUMBER, OPTION, OPTIONS, POINTS, RATIO, InputSpec
from cdsdsl.semantics.money_scales import scale_of
from cdsdsl.semantics.partwhole import PartWhole
from cdsdsl.semantics.resolve import PartProgram, Program, Step
from cdsdsl.semantics.scoring_rules import apply_binop
from cdsdsl.syntax import nodes as n

__all__ = [
    "COUNT", "MONEY", "RATIO", "POINTS", "OPTION", "YESNO", "NUMBER", "UNKNOWN",
    "Ty", "TypeIssue", "Interval", "money_factor", "kind_label", "input_type", "spec_type", "PartTyper",
    "is_points_literal", "fmt_num", "fmt_pct", "target_whole",
]

YESNO = "yesno"
UNKNOWN = "unknown"



def _unconvertible(lt: Ty, rt: Ty) -> bool:
    """Two amounts of money whose scales resolving could not make equal (`money_scales`): one side's scale is
    unknown (``(USD)``, no unit) while the other's is known, or both are known and still differ."""
    fl, fr = money_factor(lt.unit), money_factor(rt.unit)
    return (fl is not None or fr is not None) and fl != fr


def money_factor(unit: str | None) -> Fraction | None:
    """Value of one ``unit`` in triệu đồng (``tỷ đồng`` → 1000), None when not money."""
    scale = scale_of(unit)  # the scales resolving converts (`money_scales`), and only those
    return None if scale is None else MONEY_SCALES[scale] / MONEY_SCALES["triệu đồng"]


@attrs.frozen
class Ty:
    """A type: ``kind`` and, for money, ``unit``; ``const`` for literals (``80``, ``80%``)."""

    kind: str
    unit: str | None = None
    const: bool = False
    integer: bool = False
    #: a count: the thing counted (`Dimension.what`); a rate: its unit (``giao dịch/người``)
    what: str | None = None
    #: a rate whose numerator is measured, not counted (money per official): never a percent
    measured: bool = False

    def label(self, lang: str = "vi") -> str:
        base = kind_label(self.kind, lang)
        return f"{base} ({self.unit})" if self.unit else base


#: the types met most (a type is a frozen value: one instance serves every expression)
_UNKNOWN_TY, _RATIO_TY, _POINTS_TY = Ty(UNKNOWN), Ty(RATIO), Ty(POINTS)
_TY_OF_KIND = {COUNT: Ty(COUNT, integer=True), OPTION: Ty(OPTION), OPTIONS: Ty(OPTION), RATIO: _RATIO_TY,
               POINTS: _POINTS_TY, NUMBER: Ty(NUMBER)}
_POINTS_LITERAL, _RATIO_LITERAL = Ty(POINTS, const=True), Ty(RATIO, const=True)
_NUMBER_LITERAL = {True: Ty(NUMBER, const=True, integer=True), False: Ty(NUMBER, const=True)}


def kind_label(kind: str, lang: str = "vi") -> str:
    return i18n.raw(f"kind.{kind}", lang, kind)


def input_type(kind: str, unit: str | None, dim: Dimension | None = None) -> Ty:
    """The type of an input of ``kind`` (`InputSpec.kind`); money keeps its ``unit``, a count what it counts
    and a duration or quantity its unit (from ``dim``, its `InputSpec.dimension`)."""
    if kind == MONEY:
        return Ty(MONEY, unit)
    if dim is not None and kind == COUNT and dim.what:
        return Ty(COUNT, integer=True, what=dim.what)
    if dim is not None and kind == NUMBER and dim.unit:
        return Ty(NUMBER, dim.unit)
    return _TY_OF_KIND.get(kind, _UNKNOWN_TY)


def spec_type(spec: InputSpec) -> Ty:
    """The type of the input ``spec``."""
    return input_type(spec.kind, spec.unit, spec.dimension)


def is_points_literal(node: Any) -> bool:
    """``0 điểm``, ``1 điểm``: a number written with the word điểm."""
    return isinstance(node, n.Number) and "điểm" in (node.text or "").lower()


@attrs.frozen
class TypeIssue:
    """A unit or type mistake found while typing: ``what`` is ``mix`` (count + money), ``scale`` (triệu +
    tỷ without conversion), ``ratio_scale`` (triệu / tỷ) or ``thing`` (people + households)."""

    what: str
    node: Any
    left: Ty
    right: Ty


# ---------------------------------------------------------------- intervals

@attrs.frozen
class Interval:
    """Closed-or-open range of values; ``None`` bounds are infinite."""

    lo: Fraction | None
    hi: Fraction | None
    lo_closed: bool = True
    hi_closed: bool = True

    @classmethod
    def point(cls, v: Fraction) -> "Interval":
        return cls(v, v)

    @property
    def bounded_above(self) -> bool:
        return self.hi is not None


ANY = Interval(None, None, False, False)
NONNEG = Interval(Fraction(0), None, True, False)
UNIT = Interval(Fraction(0), Fraction(1))


def iv_add(x: Interval, y: Interval) -> Interval:
    lo = None if x.lo is None or y.lo is None else x.lo + y.lo
    hi = None if x.hi is None or y.hi is None else x.hi + y.hi
    return Interval(lo, hi, x.lo_closed and y.lo_closed, x.hi_closed and y.hi_closed)


def iv_neg(x: Interval) -> Interval:
    return Interval(None if x.hi is None else -x.hi, None if x.lo is None else -x.lo, x.hi_closed, x.lo_closed)


def iv_mul(x: Interval, y: Interval) -> Interval:
    if x.lo is not None and y.lo is not None and x.lo >= 0 and y.lo >= 0:
        hi = None if (x.hi is None and y.hi != 0) or (y.hi is None and x.hi != 0) else \
            (Fraction(0) if x.hi is None or y.hi is None else x.hi * y.hi)
        return Interval(x.lo * y.lo, hi, x.lo_closed and y.lo_closed, x.hi_closed and y.hi_closed)
    if x.lo is not None and x.hi is not None and y.lo is not None and y.hi is not None:
        prods = [x.lo * y.lo, x.lo * y.hi, x.hi * y.lo, x.hi * y.hi]
        return Interval(min(prods), max(prods))
    return ANY


def iv_div(x: Interval, y: Interval) -> Interval:
    """x / y for y > 0 (a zero denominator is a run-time matter)."""
    if y.lo is None or y.lo < 0:
        return ANY
    if y.lo == 0:  # y may be tiny: unbounded unless x is 0
        if x.lo == 0 and x.hi == 0:
            return Interval.point(Fraction(0))
        if x.lo is not None and x.lo >= 0:
            return Interval(Fraction(0), None, True, False)
        return ANY
    inv = Interval(Fraction(0) if y.hi is None else 1 / y.hi, 1 / y.lo, y.hi is not None and y.hi_closed, True)
    return iv_mul(x, inv) if x.lo is not None and x.lo >= 0 else ANY


def iv_hull(items: list[Interval]) -> Interval:
    lo: Fraction | None = items[0].lo
    hi: Fraction | None = items[0].hi
    for it in items[1:]:
        lo = None if lo is None or it.lo is None else min(lo, it.lo)
        hi = None if hi is None or it.hi is None else max(hi, it.hi)
    return Interval(lo, hi)


# ---------------------------------------------------------------- formatting

def fmt_num(v: Fraction | int | None, digits: int = 4) -> str:
    """Vietnamese decimal comma: ``Fraction(199, 50)`` → ``3,98``."""
    if v is None:
        return "∞"
    if not isinstance(v, Fraction):
        v = Fraction(v)
    if v.denominator == 1:
        return str(v.numerator)
    text = f"{float(v):.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def fmt_pct(v: Fraction) -> str:
    return fmt_num(v * 100) + "%"


# ------------------------------------------------------------------- typing

def target_whole(program: Program, pw: PartWhole) -> str | None:
    """The key of a 'whole' that is really a target or a minimum (``b = Số lượng ... tối
    thiểu theo danh mục yêu cầu (7)``): the part can then exceed it.  None if a true whole.
    Decided once, by `resolve` (`PartWhole.target`), for the checker and both scoring backends."""
    return pw.target


class PartTyper:
    """Types and ranges of the expressions of one part of a program.

    ``subject_override`` maps a name to an interval (the subject of a case
    restricted to the case's region) when computing ranges.
    """

    def __init__(self, program: Program, part: PartProgram,
                 report: Callable[[TypeIssue], None] | None = None) -> None:
        self.program = program
        self.part = part
        self.report = report
        self.env: dict[str, Step] = {}
        for step in part.steps:
            self.env[step.name] = step
        self._specs: dict[str, InputSpec] = {}  # input key -> its (first) InputSpec
        for spec in program.inputs:
            self._specs.setdefault(spec.key, spec)
        self._types: dict[str, Ty] = {}
        # id(expr) -> (expr, its type / its range without overrides): the rules ask for the same
        # expressions again (the entry keeps expr alive, so the id stays its own)
        self._expr_types: dict[int, tuple[Any, Ty]] = {}
        self._expr_ranges: dict[int, tuple[Any, Interval]] = {}
        self._max_range = Interval.point(program.max_points)
        # part/whole ratios of this part: name -> PartWhole
        self.pw: dict[str, PartWhole] = {}
        for pw in program.part_wholes:
            for step in part.steps:
                if step.name == pw.ratio and step.span.start == pw.span.start:
                    self.pw[pw.ratio] = pw
        # those of a part to its true total (not to a target): they lie in [0, 1]
        self.unit_ratios = {name for name, pw in self.pw.items() if target_whole(program, pw) is None}
        # the part/whole divisions written inside a formula (`a/b * Điểm tối đa`): in [0, 1] too
        self.unit_divisions = program.checked_divisions
        self.rates = {r.ratio: r for r in program.rates}
        # money operands the resolver converted to the other side's scale (`b × 1000`): in the new scale
        self.converted = {id(c.converted): c for c in part.conversions}
        if "x" not in self.env and "x" in self._specs:
            self.env["x"] = Step("x", "x")

    # -- names -------------------------------------------------------------
    def spec(self, key: str) -> InputSpec | None:
        return self._specs.get(key)

    def name_type(self, name: str, seen: frozenset[str] = frozenset()) -> Ty:
        if name in self._types:
            return self._types[name]
        step = self.env.get(name)
        if step is None or name in seen:
            ty = _RATIO_TY if name == "Tỷ lệ" else _UNKNOWN_TY
        elif step.key is not None:
            spec = self.spec(step.key)
            ty = spec_type(spec) if spec is not None else _UNKNOWN_TY
        else:
            ty = self.type_of(step.expr, seen | {name})
            if ty.kind == UNKNOWN and name == "Tỷ lệ":
                ty = _RATIO_TY
            rate = self.rates.get(name)
            if rate is not None and step.expr is rate.node:
                ty = Ty(RATIO, what=rate.unit(), measured=ty.measured)
        self._types[name] = ty
        return ty

    def resolve_alias(self, expr: Any, depth: int = 0) -> Any:
        """Follow ``g = Tỷ lệ`` to ``Tỷ lệ``'s own name; stops at inputs and computations."""
        while isinstance(expr, n.Name) and depth < 20:
            step = self.env.get(expr.name)
            if step is None or step.expr is None or not isinstance(step.expr, (n.Name, n.Aggregate, n.MaxPoints)):
                return expr
            expr = step.expr
            depth += 1
        return expr

    # -- types -------------------------------------------------------------
    def type_of(self, expr: Any, seen: frozenset[str] = frozenset()) -> Ty:
        """The type of ``expr``; ``seen``: the names being typed (a cycle types as unknown).

        Typed once per expression asked for: once a typing is done, every name it met has its
        type cached in ``_types``, so typing the expression again would give the same type (and
        report the same issues again, which `units` drops as repeats)."""
        if seen:
            return self._type_of(expr, seen)
        hit = self._expr_types.get(id(expr))
        if hit is None:
            hit = self._expr_types[id(expr)] = (expr, self._type_of(expr, seen))
        return hit[1]

    def _type_of(self, expr: Any, seen: frozenset[str]) -> Ty:
        rule = _TYPE_RULES.get(type(expr))
        return _UNKNOWN_TY if rule is None else rule(self, expr, seen)

    # the typing rules of `_TYPE_RULES`, one per node class
    def _number_type(self, expr: n.Number, seen: frozenset[str]) -> Ty:
        return _POINTS_LITERAL if is_points_literal(expr) else _NUMBER_LITERAL[expr.value.denominator == 1]

    def _percent_type(self, expr: n.Percent, seen: frozenset[str]) -> Ty:
        return _RATIO_LITERAL

    def _max_points_type(self, expr: n.MaxPoints, seen: frozenset[str]) -> Ty:
        return _POINTS_TY

    def _name_type(self, expr: n.Name, seen: frozenset[str]) -> Ty:
        return self.name_type(expr.name, seen)

    def _operand_type(self, expr: n.Neg | n.Aggregate, seen: frozenset[str]) -> Ty:
        return self._type_of(expr.operand, seen)

    def _item_type(self, expr: n.ItemRef, seen: frozenset[str]) -> Ty:
        spec = self.spec(f"mục {expr.item}")
        return spec_type(spec) if spec is not None else Ty(NUMBER)

    def _binop_type(self, expr: n.BinOp, seen: frozenset[str]) -> Ty:
        lt, rt = self._type_of(expr.left, seen), self._type_of(expr.right, seen)
        conv = self.converted.get(id(expr))
        if conv is not None and conv.converted is expr and lt.kind == MONEY:
            return attrs.evolve(lt, unit=conv.target, integer=False)
        return self._binop(expr, lt, rt)

    def _issue(self, what: str, node: Any, lt: Ty, rt: Ty) -> None:
        if self.report is not None:
            self.report(TypeIssue(what, node, lt, rt))

    def _binop(self, node: n.BinOp, lt: Ty, rt: Ty) -> Ty:
        if lt.kind == UNKNOWN or rt.kind == UNKNOWN:
            return _UNKNOWN_TY
        return _BINOP_RULES.get(node.op, PartTyper._divide_type)(self, node, lt, rt)

    # the rules of `_BINOP_RULES`, one per operator
    def _add_type(self, node: n.BinOp, lt: Ty, rt: Ty) -> Ty:
        """``+`` and ``-``: quantities of one kind; a constant keeps the other side's kind."""
        L, R = lt.kind, rt.kind
        if L == R:
            if L == MONEY and _unconvertible(lt, rt):
                self._issue("scale", node, lt, rt)
            if L == COUNT and lt.what in LEXICON and rt.what in LEXICON and not same_thing(_count(lt), _count(rt)):
                self._issue("thing", node, lt, rt)
                return Ty(COUNT, integer=True)
            return Ty(L, lt.unit or rt.unit, lt.const and rt.const, lt.integer and rt.integer,
                      lt.what if lt.what == rt.what else None, lt.measured or rt.measured)
        if NUMBER in (L, R):  # a constant added to a quantity keeps its kind
            other = lt if R == NUMBER else rt
            return attrs.evolve(other, const=False)
        if {L, R} in _MIXES or {L, R} & {OPTION}:
            self._issue("mix", node, lt, rt)
        return _UNKNOWN_TY

    def _multiply_type(self, node: n.BinOp, lt: Ty, rt: Ty) -> Ty:
        """``*``: points times a ratio, a number or a count are points; a number scales a quantity."""
        L, R = lt.kind, rt.kind
        if POINTS in (L, R):
            other_kind = R if L == POINTS else L
            if other_kind in (RATIO, NUMBER):
                return _POINTS_TY
            if other_kind == COUNT:  # N điểm for each item counted
                return _POINTS_TY
            return _UNKNOWN_TY
        if NUMBER in (L, R):
            other = rt if L == NUMBER else lt
            number = node.right if L != NUMBER else node.left
            if (other.kind == RATIO and not other.const and isinstance(number, n.Number)
                    and number.value == 100):
                # `Tỷ lệ (%) = a/b x 100`: a ratio written in percent points, compared with bare numbers
                return Ty(NUMBER, "%")
            return attrs.evolve(other, const=lt.const and rt.const, integer=False)
        if L == RATIO and R == RATIO:
            return Ty(RATIO, const=lt.const and rt.const)
        if RATIO in (L, R):  # 2,5% × amount of 5.12.1 → amount
            other = rt if L == RATIO else lt
            return Ty(other.kind, other.unit)
        return _UNKNOWN_TY

    def _divide_type(self, node: n.BinOp, lt: Ty, rt: Ty) -> Ty:
        """``/``: two quantities of one kind make a ratio; dividing by a number or a ratio keeps the kind."""
        L, R = lt.kind, rt.kind
        if L == R:
            if L == MONEY and _unconvertible(lt, rt):
                self._issue("ratio_scale", node, lt, rt)
            if L == POINTS:
                return _RATIO_TY
            return Ty(RATIO, const=lt.const and rt.const)
        if R in (NUMBER, RATIO) and not (R == NUMBER and rt.unit not in (None, "%")):
            return Ty(L, lt.unit, lt.const and rt.const)
        if R == COUNT and (L == MONEY or (L == NUMBER and lt.unit)):  # money per official, hours per file
            per = i18n.text("dim.rate", "vi", num=lt.unit or kind_label(L), den=rt.what or kind_label(R))
            return Ty(RATIO, what=per, measured=True)
        return _UNKNOWN_TY  # a number per item: not a score

    # -- ranges ------------------------------------------------------------
    def input_range(self, key: str) -> Interval:
        spec = self.spec(key)
        if spec is not None and spec.constant is not None:
            return Interval.point(spec.constant)
        if spec is not None and spec.kind == RATIO:
            return UNIT
        return NONNEG

    def name_range(self, name: str, override: dict[str, Interval], seen: frozenset[str] = frozenset()) -> Interval:
        if name in override:
            return override[name]
        step = self.env.get(name)
        if step is None or name in seen:
            return NONNEG
        if step.key is not None:
            return self.input_range(step.key)
        if name in self.unit_ratios:
            return UNIT
        return self.range_of(step.expr, override, seen | {name})

    def range_of(self, expr: Any, override: dict[str, Interval] | None = None,
                 seen: frozenset[str] = frozenset()) -> Interval:
        """The values ``expr`` can take; ``override`` restricts names (a case's subject),
        ``seen``: the names being ranged.  Without them, computed once per expression."""
        if override or seen:
            return self._range_of(expr, override or {}, seen)
        hit = self._expr_ranges.get(id(expr))
        if hit is None:
            hit = self._expr_ranges[id(expr)] = (expr, self._range_of(expr, {}, seen))
        return hit[1]

    def _range_of(self, expr: Any, ov: dict[str, Interval], seen: frozenset[str]) -> Interval:
        rule = _RANGE_RULES.get(type(expr))
        return ANY if rule is None else rule(self, expr, ov, seen)

    # the rules of `_RANGE_RULES`, one per node class
    def _constant_range(self, expr: n.Number | n.Percent, ov: dict[str, Interval], seen: frozenset[str]) -> Interval:
        return Interval.point(expr.value)

    def _max_points_range(self, expr: n.MaxPoints, ov: dict[str, Interval], seen: frozenset[str]) -> Interval:
        return self._max_range

    def _name_range(self, expr: n.Name, ov: dict[str, Interval], seen: frozenset[str]) -> Interval:
        return self.name_range(expr.name, ov, seen)

    def _neg_range(self, expr: n.Neg, ov: dict[str, Interval], seen: frozenset[str]) -> Interval:
        return iv_neg(self.range_of(expr.operand, ov, seen))

    def _aggregate_range(self, expr: n.Aggregate, ov: dict[str, Interval], seen: frozenset[str]) -> Interval:
        return self.range_of(expr.operand, ov, seen)

    def _item_range(self, expr: n.ItemRef, ov: dict[str, Interval], seen: frozenset[str]) -> Interval:
        return NONNEG

    def _binop_range(self, expr: n.BinOp, ov: dict[str, Interval], seen: frozenset[str]) -> Interval:
        if expr.op == "/" and self.unit_divisions and expr in self.unit_divisions:
            return UNIT
        if expr.op == "/":
            rel = self._relative_to_best(expr, ov, seen)
            if rel is not None:
                return rel
        a, b = self.range_of(expr.left, ov, seen), self.range_of(expr.right, ov, seen)
        if expr.op == "+":
            return iv_add(a, b)
        if expr.op == "-":
            return iv_add(a, iv_neg(b))
        if expr.op == "*":
            return iv_mul(a, b)
        return iv_div(a, b)

    def _relative_to_best(self, expr: n.BinOp, ov: dict[str, Interval], seen: frozenset[str]) -> Interval | None:
        """``(g*h)/k`` with k the cohort's highest ``Tỷ lệ`` and g the unit's own: g/k ∈ [0, 1]."""
        den = self.resolve_alias(expr.right)
        if not (isinstance(den, n.Aggregate) and den.func == "max"):
            return None
        target = self.resolve_alias(den.operand)
        factors = list(_factors(expr.left))
        for i, f in enumerate(factors):
            if self.resolve_alias(f) == target:
                rest = factors[:i] + factors[i + 1:]
                out = UNIT
                for r in rest:
                    out = iv_mul(out, self.range_of(r, ov, seen))
                return out
        return None


#: how each kind of expression is typed (`PartTyper.type_of`); another node has an unknown type
_TYPE_RULES: dict[type, Callable[[PartTyper, Any, frozenset[str]], Ty]] = {
    n.Number: PartTyper._number_type,
    n.Percent: PartTyper._percent_type,
    n.MaxPoints: PartTyper._max_points_type,
    n.Name: PartTyper._name_type,
    n.Neg: PartTyper._operand_type,
    n.Aggregate: PartTyper._operand_type,
    n.ItemRef: PartTyper._item_type,
    n.BinOp: PartTyper._binop_type,
}

#: the typing rule of each operator (`PartTyper._binop`); any other is typed as a division
_BINOP_RULES: dict[str, Callable[[PartTyper, n.BinOp, Ty, Ty], Ty]] = {
    "+": PartTyper._add_type,
    "-": PartTyper._add_type,
    "*": PartTyper._multiply_type,
    "/": PartTyper._divide_type,
}

#: the values each kind of expression can take (`PartTyper.range_of`); another node can take any value
_RANGE_RULES: dict[type, Callable[[PartTyper, Any, dict[str, Interval], frozenset[str]], Interval]] = {
    n.Number: PartTyper._constant_range,
    n.Percent: PartTyper._constant_range,
    n.MaxPoints: PartTyper._max_points_range,
    n.Name: PartTyper._name_range,
    n.Neg: PartTyper._neg_range,
    n.Aggregate: PartTyper._aggregate_range,
    n.ItemRef: PartTyper._item_range,
    n.BinOp: PartTyper._binop_range,
}


#: the kinds that never add up or compare: a count and money, a count and a ratio, points and a count or money
_MIXES = ({MONEY, COUNT}, {POINTS, RATIO}, {COUNT, RATIO}, {POINTS, COUNT}, {POINTS, MONEY}, {MONEY, RATIO})


def _count(ty: Ty) -> Dimension:
    return Dimension("count", ty.what or "")


def _factors(expr: Any) -> Iterator[Any]:
    if isinstance(expr, n.BinOp) and expr.op == "*":
        yield from _factors(expr.left)
        yield from _factors(expr.right)
    else:
        yield expr


def evaluate(expr: Any, values: dict[str, Fraction], max_points: Fraction,
             env: dict[str, Step] | None = None, depth: int = 0) -> Fraction | None:
    """Exact value of ``expr`` with ``values`` for names; None when it needs something else."""
    rule = _VALUE_RULES.get(type(expr))
    return None if rule is None else rule(expr, values, max_points, env, depth)


def _constant_value(expr: n.Number | n.Percent, values: dict[str, Fraction], max_points: Fraction,
                    env: dict[str, Step] | None, depth: int) -> Fraction | None:
    return expr.value


def _max_points_value(expr: n.MaxPoints, values: dict[str, Fraction], max_points: Fraction,
                      env: dict[str, Step] | None, depth: int) -> Fraction | None:
    return max_points


def _name_value(expr: n.Name, values: dict[str, Fraction], max_points: Fraction,
                env: dict[str, Step] | None, depth: int) -> Fraction | None:
    if expr.name in values:
        return values[expr.name]
    step = (env or {}).get(expr.name)
    if step is not None and step.expr is not None and depth < 20:
        return evaluate(step.expr, values, max_points, env, depth + 1)
    return None


def _neg_value(expr: n.Neg, values: dict[str, Fraction], max_points: Fraction,
               env: dict[str, Step] | None, depth: int) -> Fraction | None:
    v = evaluate(expr.operand, values, max_points, env, depth)
    return None if v is None else -v


def _binop_value(expr: n.BinOp, values: dict[str, Fraction], max_points: Fraction,
                 env: dict[str, Step] | None, depth: int) -> Fraction | None:
    return apply_binop(expr.op, evaluate(expr.left, values, max_points, env, depth),
                       evaluate(expr.right, values, max_points, env, depth))


#: how `evaluate` computes each kind of expression; another node has no value here
_VALUE_RULES: dict[type, Callable[[Any, dict[str, Fraction], Fraction, dict[str, Step] | None, int],
                                  Fraction | None]] = {
    n.Number: _constant_value,
    n.Percent: _constant_value,
    n.MaxPoints: _max_points_value,
    n.Name: _name_value,
    n.Neg: _neg_value,
    n.BinOp: _binop_value,
}
