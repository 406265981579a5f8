"""One indicator's formula as SQL expressions: another back end of `evaluate.meaning`.

Takes: a resolved `Program` and a `Columns` plan (which generated column holds each input, option
choice, cohort statistic and other indicator's points).
Returns: `Scored`: the indicator's exact points before clamping as a pair of SQL integer
expressions (numerator, denominator > 0), whether a case list found no case (a warning), and the
*stop* expression: NULL when the evaluation runs to its end, else the first problem met in the
interpreter's order: 2 (an error: missing or bad data, a part larger than its whole, an option not
chosen, no cohort) or 1 (a division by zero).

Every value is an exact fraction ``n / d`` with ``d > 0`` (comparisons cross-multiply: ``Tỷ lệ >=
80%`` is ``a * 5 >= 4 * b``, never a float).  What each construct means is `meaning.Meaning`'s; this
class only supplies the operations, like `codegen_exact.ExactGen`: ``known`` holds the names
computed so far (copied into each branch), ``checks`` the problems met so far in evaluation order
(each a SQL expression giving a code or NULL; the first non-NULL one, by ``COALESCE``, is the stop).
A construct with no SQL meaning yet raises `Unsupported` (the caller reports CDS680 and scores the
indicator with the Python engine instead).
"""
from __future__ import annotations

from fractions import Fraction
from functools import partial
from typing import Any, Callable, Protocol, Sequence

import attrs
from sqlglot import exp

from cdsdsl.evaluate.meaning import Meaning
from cdsdsl.semantics.resolve import CaseScoring, CohortScoring, Program, SumItemsScoring
from cdsdsl.sql.quoting import call, typed
from cdsdsl.syntax import nodes as n

#: stop codes
ERROR, ZERO_DIVISION = 2, 1


class Unsupported(Exception):
    """A construct the SQL back end cannot express (yet): ``what`` names it."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


@attrs.frozen
class V:
    """An exact value ``n / d`` (SQL expressions, ``d > 0``) and ``w``: a case list found no case."""

    n: exp.Expression
    d: exp.Expression
    w: exp.Expression | None = None


class Columns(Protocol):
    """Where the SQL query keeps what a formula reads (implemented by `compile.Plan`)."""

    dialect: str

    def number(self, item: str, key: str, kind: str) -> tuple[exp.Expression, exp.Expression]: ...

    def choice(self, item: str, key: str, labels: tuple[str, ...], cumulative: bool) -> exp.Expression: ...

    def stat(self, item: str, key: str, func: str) -> tuple[exp.Expression, exp.Expression]: ...

    def points(self, item: str, first: str, last: str) -> V: ...


@attrs.frozen
class Scored:
    value: V
    stop: exp.Expression | None


def _or(a: exp.Expression | None, b: exp.Expression | None) -> exp.Expression | None:
    if a is None:
        return b
    if b is None:
        return a
    return exp.Or(this=exp.Paren(this=a), expression=exp.Paren(this=b))


def first_of(items: Sequence[exp.Expression]) -> exp.Expression | None:
    """The first non-NULL of ``items`` (None when there are none)."""
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    return exp.Coalesce(this=items[0], expressions=list(items[1:]))


def when(test: exp.Expression, then: exp.Expression, other: exp.Expression | None = None) -> exp.Expression:
    case = exp.Case(ifs=[exp.If(this=test, true=then)])
    if other is not None:
        case.set("default", other)
    return case


def _p(e: exp.Expression) -> exp.Expression:
    return exp.Paren(this=e) if isinstance(e, (exp.Binary, exp.Neg)) else e


def mul(a: exp.Expression, b: exp.Expression) -> exp.Expression:
    return exp.Mul(this=_p(a), expression=_p(b))


def plus(a: exp.Expression, b: exp.Expression) -> exp.Expression:
    return exp.Add(this=_p(a), expression=_p(b))


_COMPARE: dict[str, type[exp.Expression]] = {">=": exp.GTE, ">": exp.GT, "<=": exp.LTE, "<": exp.LT, "=": exp.EQ,
                                             "!=": exp.NEQ}


class SqlGen(Meaning):
    """`meaning.Meaning` building SQL over exact integer pairs."""

    folds = True

    def __init__(self, program: Program, cols: Columns) -> None:
        self.p = program
        self.cols = cols
        self.item_key = program.item or "?"
        self.part = 0
        self.steps: dict[str, Any] = {}
        self.wholes = {pw.span: pw for pw in program.checked_part_wholes}
        self.known: dict[str, V] = {}
        self.checks: list[exp.Expression] = []

    # ------------------------------------------------------------ helpers
    def num(self, value: int) -> exp.Expression:
        return typed(value, self.cols.dialect)

    def scoped(self, thunk: Callable[[], Any], known: dict[str, V]) -> tuple[Any, list[exp.Expression]]:
        """``thunk()`` run on a copy of ``known`` with its own checks: (its value, its checks)."""
        saved = self.known, self.checks
        self.known, self.checks = dict(known), []
        try:
            return thunk(), self.checks
        finally:
            self.known, self.checks = saved

    def alternatives(self, test: exp.Expression, then: tuple[Any, list[exp.Expression]],
                     other: tuple[Any, list[exp.Expression]]) -> Any:
        """``CASE WHEN test THEN <then> ELSE <other> END`` for the value and for the checks."""
        (tv, tc), (ov, oc) = then, other
        t_stop, o_stop = first_of(tc), first_of(oc)
        if t_stop is not None or o_stop is not None:
            self.checks.append(when(test, t_stop if t_stop is not None else exp.null(),
                                    o_stop if o_stop is not None else exp.null()))
        if tv is None or ov is None:
            return tv if ov is None else ov
        w = None if tv.w is None and ov.w is None else when(
            test, tv.w if tv.w is not None else exp.false(), ov.w if ov.w is not None else exp.false())
        return V(when(test, tv.n, ov.n), when(test, tv.d, ov.d), w)

    # ------------------------------------------------------------ values
    def const(self, value: Fraction) -> V:
        value = Fraction(value)
        return V(self.num(value.numerator), self.num(value.denominator))

    def named(self, name: str, node: Any) -> V:
        if name in self.known:
            return self.known[name]
        value: V = self.name_value("name", name, node)
        return value

    def item(self, key: str) -> V:
        value: V = self.name_value("item", key, None)
        return value

    def add(self, a: V, b: V) -> V:
        return V(plus(mul(a.n, b.d), mul(b.n, a.d)), mul(a.d, b.d), _or(a.w, b.w))

    def sub(self, a: V, b: V) -> V:
        return V(exp.Sub(this=_p(mul(a.n, b.d)), expression=_p(mul(b.n, a.d))), mul(a.d, b.d), _or(a.w, b.w))

    def mul(self, a: V, b: V) -> V:
        return V(mul(a.n, b.n), mul(a.d, b.d), _or(a.w, b.w))

    def div(self, a: V, b: V, node: Any) -> V:
        self.checks.append(when(exp.EQ(this=b.n, expression=self.num(0)), exp.Literal.number(ZERO_DIVISION)))
        sign = call("SIGN", b.n)
        return V(mul(mul(a.n, b.d), sign), mul(a.d, exp.Abs(this=b.n)), _or(a.w, b.w))

    def neg(self, a: V) -> V:
        return V(exp.Neg(this=_p(a.n)), a.d, a.w)

    def cohort_value(self, key: str, func: str, node: Any) -> V:
        return self.cohort_stat(key, func)

    def cohort_stat(self, key: str, func: str) -> V:
        sn, sd = self.cols.stat(self.item_key, key, func)
        self.checks.append(when(exp.Is(this=sn, expression=exp.null()), exp.Literal.number(ERROR)))
        return V(sn, sd)

    def unknown(self, e: Any) -> V:
        raise Unsupported(type(e).__name__)

    def prefetch(self, exprs: Sequence[Any]) -> None:
        from cdsdsl.evaluate.meaning import refs

        for kind, name in refs(*exprs):
            if name not in self.known:
                self.name_value(kind, name, None)

    def need_subject(self, subject: Any, c: Any) -> Any:
        if subject is None:
            raise Unsupported("no subject")
        return subject

    def hold(self, v: V) -> V:
        return v

    def compare(self, a: V, op: str, b: V) -> exp.Expression:
        return _COMPARE[op](this=_p(mul(a.n, b.d)), expression=_p(mul(b.n, a.d)))

    def is_false(self, t: Any) -> bool:
        return isinstance(t, exp.Boolean) and not t.this

    def all_of(self, tests: list[exp.Expression]) -> exp.Expression:
        if not tests:
            return exp.true()
        out = tests[0]
        for t in tests[1:]:
            out = exp.And(this=out, expression=t)
        return out

    def true(self) -> exp.Expression:
        return exp.true()

    def false(self) -> exp.Expression:
        return exp.false()

    # ------------------------------------------------------------ reading
    def kind_of(self, key: str) -> tuple[str, Fraction | None]:
        try:
            spec = self.p.input(key)
        except KeyError:
            return "number", None
        kind = spec.kind if spec.kind in ("count", "money", "ratio", "number") else "number"
        return kind, spec.constant

    def read(self, key: str) -> V:
        """Input ``key``: missing or bad data stops with an error; a constant of the formula fills a gap."""
        kind, constant = self.kind_of(key)
        cn, cd = self.cols.number(self.item_key, key, kind)
        if constant is None:
            self.checks.append(when(exp.Is(this=cn, expression=exp.null()), exp.Literal.number(ERROR)))
            return V(cn, cd)
        # missing (both NULL): the constant; bad (denominator 0): an error
        self.checks.append(when(exp.EQ(this=cd, expression=self.num(0)), exp.Literal.number(ERROR)))
        c = Fraction(constant)
        missing = exp.Is(this=cd, expression=exp.null())
        return V(when(missing, self.num(c.numerator), cn), when(missing, self.num(c.denominator), cd))

    def read_input(self, key: str, base: str) -> V:
        return self.read(key)

    def has(self, name: str) -> bool:
        return name in self.known

    def recall(self, name: str) -> V:
        return self.known[name]

    def slot(self, name: str) -> None:
        return None

    def read_named(self, key: str, slot: None) -> V:
        return self.read(key)

    def remember(self, name: str, slot: None, value: V) -> V:
        self.known[name] = value
        return value

    def remember_step(self, name: str, slot: None, step: Any, value: V) -> V:
        self.known[name] = value
        return value

    def unknown_name(self, name: str, node: Any) -> V:
        raise Unsupported(f"name {name}")

    def check_part_whole(self, pw: Any, step: Any, part: V, whole: V) -> None:
        self.checks.append(when(self.compare(part, ">", whole), exp.Literal.number(ERROR)))

    # ------------------------------------------------------------ scoring
    def items_sum(self, sc: SumItemsScoring) -> V:
        return self.cols.points(self.item_key, sc.first, sc.last)

    def cohort_points(self, sc: CohortScoring, x: V) -> V:
        """Min-max or ratio to the best of ``x`` (the value the unit reports, or the quantity the part computed)."""
        key = f"{self.part}:{sc.subject_key}"
        lo, hi = self.cohort_stat(key, "min"), self.cohort_stat(key, "max")
        mx = self.const(self.p.max_points)
        zero = self.const(Fraction(0))
        if sc.method == "minmax":
            same = self.compare(hi, "=", lo)
            if sc.direction == "min":
                spread = self.mul(mx, self.ratio(self.sub(hi, x), self.sub(hi, lo)))
                return self.choose([(same, mx)], spread)
            spread = self.mul(mx, self.ratio(self.sub(x, lo), self.sub(hi, lo)))
            return self.choose([(exp.And(this=same, expression=self.compare(hi, "=", zero)), zero), (same, mx)],
                               spread)
        if sc.direction == "min":
            return self.choose([(self.compare(x, "=", zero), mx)], self.mul(mx, self.ratio(lo, x)))
        return self.choose([(self.compare(hi, "=", zero), zero)], self.mul(mx, self.ratio(x, hi)))

    def ratio(self, a: V, b: V) -> V:
        """``a / b`` where ``b`` is known not to be 0 where it is used (a cohort formula's guard)."""
        sign = call("SIGN", b.n)
        return V(mul(mul(a.n, b.d), sign), mul(a.d, exp.Abs(this=b.n)))

    def choose(self, cases: list[tuple[exp.Expression, V]], other: V) -> V:
        ifs_n = [exp.If(this=t, true=v.n) for t, v in cases]
        ifs_d = [exp.If(this=t, true=v.d) for t, v in cases]
        return V(exp.Case(ifs=ifs_n, default=other.n), exp.Case(ifs=ifs_d, default=other.d))

    def pick(self, sc: CaseScoring, options: list[int]) -> exp.Expression:
        cases = sc.cases.cases
        labels = tuple(c.label for c in (cases[i].condition for i in options) if isinstance(c, n.Option))
        mask = self.cols.choice(self.item_key, str(sc.choice_key), labels, sc.mode == "cumulative")
        self.checks.append(when(exp.EQ(this=mask, expression=exp.Neg(this=exp.Literal.number(1))),
                                exp.Literal.number(ERROR)))
        return mask

    def by_choice(self, chosen: exp.Expression, total: Callable[[], V], missing: Callable[[], V],
                  other: Callable[[], V] | None) -> V:
        known = self.known
        given = self.scoped(total, known)
        if other is not None:
            inner = self.scoped(lambda: self.alternatives(
                exp.NEQ(this=chosen, expression=exp.Literal.number(0)), self.scoped(total, self.known),
                self.scoped(other, self.known)), known)
            given = inner
        return self.alternatives(exp.Is(this=chosen, expression=exp.null()), self.scoped(missing, known), given)

    def chosen_total(self, sc: CaseScoring, options: list[int], chosen: exp.Expression) -> V:
        total = self.const(Fraction(0))
        for j, i in enumerate(options):
            bit = exp.NEQ(this=exp.BitwiseAnd(this=chosen, expression=exp.Literal.number(1 << j)),
                          expression=exp.Literal.number(0))
            option: Callable[[], V] = partial(self.option_value, sc, i)
            value = self.alternatives(bit, self.scoped(option, self.known), (self.const(Fraction(0)), []))
            total = self.add(total, value)
        return total

    def nothing_chosen(self, sc: CaseScoring) -> V:
        self.checks.append(exp.Literal.number(ERROR))
        return self.const(Fraction(0))

    def branch(self, cond: Callable[[], Any], then: Callable[[], V], other: Callable[[], V]) -> V:
        outer = self.known
        self.known = dict(outer)
        try:
            test = cond()
            known = self.known
            if isinstance(test, exp.Boolean) and test.this:
                return self.alternatives(test, self.scoped(then, known), (None, []))
            if self.is_false(test):
                return self.alternatives(exp.true(), self.scoped(other, known), (None, []))
            return self.alternatives(test, self.scoped(then, known), self.scoped(other, known))
        finally:
            self.known = outer

    def matched(self, sc: CaseScoring, index: int, value: V) -> V:
        return value

    def no_match(self, sc: CaseScoring) -> V:
        return V(self.num(0), self.num(1), exp.true())

    # ------------------------------------------------------------ the whole formula
    def formula(self) -> Scored:
        """The points of every part added up, capped by ``Tổng điểm không quá ...``."""
        total: V | None = None
        for part in self.p.parts:
            self.part = part.index
            self.steps = {s.name: s for s in part.steps}
            self.known = {}
            value = self.score(part.scoring) if part.scoring is not None else self.const(Fraction(0))
            total = value if total is None else self.add(total, value)
        if total is None:
            total = self.const(Fraction(0))
        if self.p.cap is not None:
            self.prefetch([self.p.cap])
            limit = self.value(self.p.cap)
            over = self.compare(total, ">", limit)
            total = V(when(over, limit.n, total.n), when(over, limit.d, total.d), total.w)
        return Scored(total, first_of(self.checks))

    def quantity(self, part: int, expr: Any, input_key: str | None) -> Scored:
        """One cohort quantity of one unit (what ``cao nhất`` compares), with its stop."""
        self.part = part
        self.steps = {s.name: s for s in self.p.parts[part].steps}
        self.known, self.checks = {}, []
        if input_key is not None:
            value = self.read(input_key)
        else:
            self.prefetch([expr])
            value = self.value(expr)
        return Scored(value, first_of(self.checks))


def compile_indicator(program: Program, cols: Columns) -> Scored:
    """The SQL of one indicator's points (see the module docstring); `Unsupported` when it has none."""
    if not isinstance(program.max_points, Fraction):
        raise Unsupported("maximum")
    return SqlGen(program, cols).formula()


def compile_quantity(program: Program, cols: Columns, part: int, expr: Any, input_key: str | None) -> Scored:
    return SqlGen(program, cols).quantity(part, expr, input_key)
