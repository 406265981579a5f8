"""The reference evaluator: walks a resolved `Program` with exact fractions.

Takes: a `Program` (from `resolve`), one unit's inputs (``{"a": 7, "b": 21}``,
values may be `unitdata.Value`s carrying their cell), the cohort's statistics
when the indicator compares units, other indicators' points for ``Cộng điểm``,
and a `Policy` (zero division, rounding).
Returns: an `Outcome`: exact points (`Fraction`), the points rounded once
(`Decimal`), a trace of what was read, computed and matched (for `explain`),
and warnings.  Errors raise `DataError`/`ScoreError` with located diagnostics.

The compiled back end (`codegen.py`) must agree with this module on every
input: tests/test_eval_conformance.py runs both (semantics: docs/semantics.md).
"""
from __future__ import annotations

import operator
from decimal import Decimal
from fractions import Fraction
from typing import Any, Callable, Mapping, cast

import attrs

from cdsdsl.diagnostics.core import CdsError, DataError, Diagnostic, ScoreError, Severity
from cdsdsl.evaluate.cohort import cohort_points, cohort_quantities, needs_cohort_error
from cdsdsl.evaluate.meaning import Meaning, refs, shown_subject
from cdsdsl.evaluate.runtime import Fault, choose, fault_diagnostic, fault_error, fmt_vi, round_points, to_number
from cdsdsl.semantics.resolve import CaseScoring, CohortScoring, Program, SumItemsScoring
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.printer import print_expr

ZERO = Fraction(0)
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt, "=": operator.eq, "!=": operator.ne}


@attrs.frozen
class Policy:
    """``zero_division``: ``"zero"`` (the indicator scores 0, warning CDS610) or
    ``"error"`` (ScoreError CDS611); rounding of the final points."""

    zero_division: str = "zero"
    digits: int = 2
    rounding: str = "half_up"


@attrs.frozen
class TraceEntry:
    """One thing the evaluation did.  ``kind``: ``input`` (name = key), ``step``
    (a computed name), ``case`` (the case that matched: ``index``, ``subject``),
    ``nomatch``, ``options`` (chosen option indexes), ``cohort``, ``items``,
    ``part`` (a part's points), ``cap``, ``clamp``, ``zero_division``."""

    kind: str
    part: int
    name: str | None = None
    value: Any = None
    node: Any = attrs.field(default=None, eq=False, repr=False)
    detail: tuple = ()

    @property
    def info(self) -> dict[str, Any]:
        return dict(self.detail)


@attrs.frozen
class Outcome:
    exact: Fraction
    points: Decimal
    trace: tuple[TraceEntry, ...] = attrs.field(default=(), eq=False, repr=False)
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), eq=False, repr=False)
    part_points: tuple[Fraction, ...] = ()
    program: Any = attrs.field(default=None, eq=False, repr=False)


class _ZeroDivision(Exception):
    def __init__(self, expr: Any, span: Any) -> None:
        self.expr = expr
        self.span = span


def formula_errors(program: Program) -> list[Diagnostic]:
    return [d for d in program.diagnostics if d.severity == Severity.ERROR]


def check_program(program: Program) -> None:
    """Raise ScoreError CDS615 when the program has resolution errors."""
    errors = formula_errors(program)
    if errors:
        detail = "; ".join(f"{d.code} {d.message()}" for d in errors)
        diag = Diagnostic.make("CDS615", errors[0].span, source=errors[0].source, item=program.item,
                               indicator=program.item or "?", detail=detail)
        raise ScoreError([diag, *errors])


def where_of(inputs: Mapping[str, object], key: str | None) -> str | None:
    """The cell an input came from (a `unitdata.Value`'s ``where``), or None."""
    if key is None:
        return None
    v = inputs.get(key)
    return getattr(v, "where", None)


class _Eval(Meaning):
    """`meaning.Meaning` computing exact fractions now, with the trace."""

    def __init__(self, program: Program, inputs: Mapping[str, object], cohort: Mapping[str, Any] | None,
                 item_points: Any, unit: str | None) -> None:
        self.p = program
        self.inputs = inputs
        self.cohort = cohort
        self.item_points = item_points
        self.unit = unit
        self.trace: list[TraceEntry] = []
        self.read_keys: dict[str, Fraction] = {}
        self.part = 0
        self.steps: dict[str, Any] = {}
        self.env: dict[str, Fraction] = {}
        self.parts: list[Fraction] = []
        self.wholes = {pw.span: pw for pw in program.checked_part_wholes}
        self.divisions = program.checked_divisions

    # ------------------------------------------------------------ inputs
    def read(self, key: str) -> Fraction:
        if key in self.read_keys:
            return self.read_keys[key]
        try:
            spec = self.p.input(key)
        except KeyError:
            spec = None
        raw = self.inputs.get(key)
        raw = getattr(raw, "raw", raw)
        if (raw is None or raw == "") and spec is not None and spec.constant is not None:
            value = spec.constant
        else:
            kind = spec.reading if spec is not None else "number"
            try:
                value = Fraction(_read(self.inputs, key, kind))
            except Fault as f:
                f.args_.setdefault("key", key)
                raise self.error(f, key, spec) from None
        self.read_keys[key] = value
        self.trace.append(TraceEntry("input", self.part, key, value,
                                     detail=(("where", where_of(self.inputs, key)),)))
        return value

    def error(self, f: Fault, key: str | None, spec: Any = None, span: Any = None) -> CdsError:
        if spec is None and key is not None:
            try:
                spec = self.p.input(key)
            except KeyError:
                spec = None
        return fault_error(f, item=self.p.item, unit=self.unit, where=where_of(self.inputs, key),
                           description=spec.description if spec is not None else None,
                           span=span if span is not None else (spec.span if spec is not None else None),
                           source=self.p.formula.source)

    # ------------------------------------------------------------ names
    def name(self, name: str, node: Any) -> Fraction:
        env = self.env
        if name in env:
            return env[name]
        value: Fraction = self.name_value("name", name, node)
        return value

    def has(self, name: str) -> bool:
        return name in self.env

    def recall(self, name: str) -> Fraction:
        return self.env[name]

    def slot(self, name: str) -> None:
        return None

    def read_named(self, key: str, slot: None) -> Fraction:
        return self.read(key)

    def remember(self, name: str, slot: None, value: Fraction) -> Fraction:
        self.env[name] = value
        return value

    def remember_step(self, name: str, slot: None, step: Any, value: Fraction) -> Fraction:
        self.trace.append(TraceEntry("step", self.part, name, value, node=step.expr))
        self.env[name] = value
        return value

    def unknown_name(self, name: str, node: Any) -> Fraction:
        raise ScoreError(Diagnostic.make("CDS615", getattr(node, "span", None), source=self.p.formula.source,
                                         item=self.p.item, indicator=self.p.item or "?", detail=f"`{name}`"))

    def check_part_whole(self, pw: Any, step: Any, part: Fraction, whole: Fraction) -> None:
        if part > whole:
            first_key = next((s.key for s in self.steps.values() if s.name == pw.parts[0] and s.key), None)
            f = Fault("CDS614", {"parts": " + ".join(pw.parts), "wholes": " + ".join(pw.wholes),
                                 "part_value": part, "whole_value": whole, "ratio": pw.ratio,
                                 "key": first_key or pw.parts[0]})
            raise self.error(f, first_key, span=step.span)

    # ------------------------------------------------------------ expressions
    def prefetch(self, exprs: Any) -> None:
        for kind, name in refs(*exprs):
            if kind == "name":
                self.name(name, None)
            else:
                self.read(name)

    def eval(self, e: Any) -> Fraction:
        """An evaluation point: read what it needs, then compute."""
        self.prefetch((e,))
        return self.expr(e)

    # the operations of `meaning.Meaning`: exact fractions, computed now
    expr = Meaning.value

    def const(self, value: Fraction) -> Fraction:
        return value

    def part_points(self, part: Any) -> Fraction:
        self.env = {}
        value: Fraction = self.scoring(part.scoring) if part.scoring is not None else ZERO
        self.parts.append(value)
        self.trace.append(TraceEntry("part", part.index, part.number, value))
        return value

    def total(self, values: list[Fraction]) -> Fraction:
        return sum(values, ZERO)

    def at_most(self, value: Fraction, limit: Fraction, line: Any) -> Fraction:
        if value > limit:
            self.trace.append(TraceEntry("cap", -1 if line is None else self.part, line.count_key if line else None,
                                         limit, node=line, detail=(("before", value),)))
            return limit
        return value

    def named(self, name: str, node: Any) -> Fraction:
        return self.name(name, node)

    def item(self, key: str) -> Fraction:
        return self.read(key)

    def add(self, a: Fraction, b: Fraction) -> Fraction:
        return a + b

    def sub(self, a: Fraction, b: Fraction) -> Fraction:
        return a - b

    def mul(self, a: Fraction, b: Fraction) -> Fraction:
        return a * b

    def div(self, a: Fraction, b: Fraction, node: Any) -> Fraction:
        if b == 0:
            raise _ZeroDivision(node.right, node.span)
        return Fraction(a) / b

    def neg(self, a: Fraction) -> Fraction:
        return -a

    def cohort_value(self, key: str, func: str, node: Any) -> Fraction:
        value = self.cohort_stat(key, func)
        self.trace.append(TraceEntry("cohort", self.part, print_expr(node), value, node=node,
                                     detail=(("func", func),)))
        return value

    def cohort_stat(self, key: str, func: str) -> Fraction:
        stat = self.stat(key)
        value: Fraction = stat[1] if func == "max" else stat[0]
        return value

    def unknown(self, e: Any) -> Fraction:
        raise ScoreError(Diagnostic.make("CDS615", getattr(e, "span", None), source=self.p.formula.source,
                                         item=self.p.item, indicator=self.p.item or "?",
                                         detail=type(e).__name__))

    def hold(self, v: Fraction) -> Fraction:
        return v

    def compare(self, a: Fraction, op: str, b: Fraction) -> bool:
        return _COMPARE[op](a, b)

    def is_false(self, t: bool) -> bool:
        return not t

    def all_of(self, tests: list[bool]) -> bool:
        return all(tests)

    def any_of(self, tests: list[bool]) -> bool:
        return any(tests)

    def true(self) -> bool:
        return True

    def false(self) -> bool:
        return False

    def stat(self, key: str) -> Any:
        if self.cohort is None:
            raise needs_cohort_error(self.p, self.unit)
        try:
            return self.cohort[key]
        except KeyError:
            raise needs_cohort_error(self.p, self.unit) from None

    # ------------------------------------------------------------ conditions
    condition = Meaning.test

    def need_subject(self, subject: Any, c: Any) -> Any:
        if subject is None:
            raise ScoreError(Diagnostic.make("CDS615", c.span, source=self.p.formula.source, item=self.p.item,
                                             indicator=self.p.item or "?", detail="no subject"))
        return subject

    # ------------------------------------------------------------ scoring
    scoring = Meaning.score

    def read_input(self, key: str, base: str) -> Fraction:
        return self.read(key)

    def items_sum(self, sc: SumItemsScoring) -> Fraction:
        return self.sum_items(sc)

    def cohort_points(self, sc: CohortScoring, x: Fraction) -> Fraction:
        stat = self.stat(f"{self.part}:{sc.subject_key}")
        value: Fraction = cohort_points(sc.method, x, stat, self.p.max_points, sc.direction)
        self.trace.append(TraceEntry("cohort", self.part, sc.method, value,
                                     detail=(("x", x), ("low", stat[0]), ("high", stat[1]),
                                             ("direction", sc.direction))))
        return value

    def pick(self, sc: CaseScoring, options: list[int]) -> list[int] | None:
        cases = sc.cases.cases
        labels = [c.label for c in (cases[i].condition for i in options) if isinstance(c, n.Option)]
        raw = self.inputs.get(cast(str, sc.choice_key))
        if raw is None or getattr(raw, "raw", raw) is None or getattr(raw, "raw", raw) == "":
            return None
        try:
            chosen: list[int] = choose(raw, labels, sc.mode == "cumulative")
        except Fault as f:
            f.args_.setdefault("key", sc.choice_key)
            raise self.error(f, sc.choice_key) from None
        self.trace.append(TraceEntry("options", self.part, sc.choice_key, tuple(chosen),
                                     detail=(("labels", tuple(labels)), ("mode", sc.mode),
                                             ("where", where_of(self.inputs, sc.choice_key)))))
        return chosen

    def by_choice(self, chosen: list[int] | None, total: Callable[[], Fraction], missing: Callable[[], Fraction],
                  other: Callable[[], Fraction] | None) -> Fraction:
        if chosen is None:
            return missing()
        return total() if chosen or other is None else other()

    def chosen_total(self, sc: CaseScoring, options: list[int], chosen: list[int]) -> Fraction:
        total = ZERO
        for j in sorted(chosen):
            value = self.option_value(sc, options[j])
            self.trace.append(TraceEntry("case", self.part, None, value, node=sc.cases.cases[options[j]],
                                         detail=(("index", options[j]),)))
            total += value
        return total

    def nothing_chosen(self, sc: CaseScoring) -> Fraction:
        spec = self.p.input(cast(str, sc.choice_key))
        raise self.error(Fault("CDS600", {"key": sc.choice_key}), sc.choice_key, spec)

    def branch(self, cond: Callable[[], bool], then: Callable[[], Fraction],
               other: Callable[[], Fraction]) -> Fraction:
        return then() if cond() else other()

    def matched(self, sc: CaseScoring, index: int, value: Fraction) -> Fraction:
        self.trace.append(TraceEntry("case", self.part, None, value, node=sc.cases.cases[index],
                                     detail=(("index", index), ("subject", self.known(sc.subject)))))
        return value

    def no_match(self, sc: CaseScoring) -> Fraction:
        shown = shown_subject(sc)
        self.trace.append(TraceEntry("nomatch", self.part, print_expr(shown) if shown is not None else None,
                                     self.known(shown), node=sc))
        return ZERO

    def known(self, subject: Any) -> Fraction | None:
        """The subject's value if it was computed (never reads anything new)."""
        if type(subject) is n.Name:
            return self.env.get(subject.name)
        return None

    def sum_items(self, sc: SumItemsScoring) -> Fraction:
        ip = self.item_points
        if ip is None:
            raise ScoreError(Diagnostic.make("CDS616", sc.span, source=self.p.formula.source, item=self.p.item,
                                             indicator=self.p.item or "?", first=sc.first, last=sc.last))
        if callable(ip):
            value = Fraction(ip(sc.first, sc.last))
            ids: tuple = ()
        else:
            ids = items_between(ip, sc.first, sc.last)
            value = sum((Fraction(ip[i]) for i in ids), ZERO)
        self.trace.append(TraceEntry("items", self.part, f"{sc.first}-{sc.last}", value, detail=(("ids", ids),)))
        return value


def _read(inputs: Mapping[str, object], key: str, kind: str) -> Any:
    raw = inputs.get(key)
    raw = getattr(raw, "raw", raw)
    if raw is None or raw == "":
        raise Fault("CDS600", {"key": key})
    return to_number(raw, kind)


def _id_tuple(item: str) -> tuple[int, ...] | None:
    try:
        return tuple(int(x) for x in item.split("."))
    except ValueError:
        return None


def items_between(ids: Any, first: str, last: str) -> tuple[str, ...]:
    """The ids of ``ids`` from ``first`` to ``last`` inclusive, at the same depth (5.12.1 … 5.12.6)."""
    lo, hi = _id_tuple(first), _id_tuple(last)
    out = []
    for i in ids:
        t = _id_tuple(i)
        if t is not None and lo is not None and hi is not None and len(t) == len(lo) and lo <= t <= hi:
            out.append(i)
    return tuple(out)


def finish(program: Program, total: Fraction, diags: list[Diagnostic], trace: list[TraceEntry] | None,
           unit: str | None, policy: Policy) -> tuple[Fraction, Decimal]:
    """Clamp to [0, max] (warning CDS613) and round once."""
    mx = program.max_points
    if total < 0 or total > mx:
        clamped = ZERO if total < 0 else mx
        diags.append(Diagnostic.make("CDS613", program.formula.span, source=program.formula.source,
                                     item=program.item, unit=unit, indicator=program.item or "?",
                                     unit_name=unit or "?", value=fmt_vi(total, 4), max=fmt_vi(mx),
                                     clamped=fmt_vi(clamped)))
        if trace is not None:
            trace.append(TraceEntry("clamp", -1, None, clamped, detail=(("before", total),)))
        total = clamped
    return total, round_points(total, policy.digits, policy.rounding)


def zero_division(program: Program, exc: Any, inputs: Mapping[str, object], unit: str | None,
                  policy: Policy, key: str | None) -> Diagnostic:
    text = exc.expr if isinstance(exc.expr, str) else print_expr(exc.expr)
    code = "CDS611" if policy.zero_division == "error" else "CDS610"
    return Diagnostic.make(code, exc.span, source=program.formula.source, item=program.item, unit=unit,
                           indicator=program.item or "?", unit_name=unit or "?", expr=text,
                           key=key or text, where=where_of(inputs, key) or "?")


def denominator_key(program: Program, part: int, expr: Any) -> str | None:
    """The input key a zero divisor ``expr`` stands for (a step's key, a name, ``mục 5.1``), else None."""
    if isinstance(expr, n.Name):
        for step in program.parts[part].steps if part < len(program.parts) else ():
            if step.name == expr.name and step.key is not None:
                return step.key
        return expr.name
    if isinstance(expr, n.ItemRef):
        return f"mục {expr.item}"
    return None


def check_inputs(inputs: Any, argument: str = "inputs") -> None:
    """Raise `DataError` CDS634 unless ``inputs`` is a mapping of input keys to values
    (anything with ``get``: a dict, a `Mapping`); None, a list or a text is refused by name."""
    if not callable(getattr(inputs, "get", None)) or isinstance(inputs, (str, bytes)):
        raise DataError(Diagnostic.make("CDS634", argument=argument, type=type(inputs).__name__))


def evaluate_program(program: Program, inputs: Mapping[str, object], *, cohort: Mapping[str, Any] | None = None,
                     item_points: Mapping[str, Any] | Callable[[str, str], Any] | None = None,
                     policy: Policy | None = None, unit: str | None = None) -> Outcome:
    """Score one unit on one indicator (see the module docstring and docs/semantics.md)."""
    policy = policy or Policy()
    check_program(program)
    check_inputs(inputs)
    ev = _Eval(program, inputs, cohort, item_points, unit)
    diags: list[Diagnostic] = []
    try:
        total: Fraction = ev.program_points()
        parts = ev.parts
    except _ZeroDivision as exc:
        key = denominator_key(program, ev.part, exc.expr)
        diag = zero_division(program, exc, inputs, unit, policy, key)
        if policy.zero_division == "error":
            raise ScoreError(diag) from None
        diags.append(diag)
        ev.trace.append(TraceEntry("zero_division", ev.part, key, ZERO, node=exc.expr))
        total, parts = ZERO, [ZERO] * len(program.parts)
    exact, points = finish(program, total, diags, ev.trace, unit, policy)
    for t in ev.trace:
        if t.kind == "nomatch":
            diags.append(Diagnostic.make("CDS612", t.node.span, source=program.formula.source, item=program.item,
                                         unit=unit, indicator=program.item or "?", unit_name=unit or "?",
                                         subject=t.name or "giá trị", value=fmt_subject(t.value)))
    return Outcome(exact, points, tuple(ev.trace), tuple(diags), tuple(parts), program)


def fmt_subject(value: Any) -> str:
    """A no-match warning's value: ``?`` when unknown, a fraction at most 1 as a percentage."""
    if value is None:
        return "?"
    v = Fraction(value)
    if v.denominator != 1 and v <= 1:
        return fmt_vi(v, percent=True)
    return fmt_vi(v)


def unit_quantities(program: Program, inputs: Mapping[str, object], *, unit: str | None = None,
                    policy: Policy | None = None) -> dict[str, Any]:
    """The unit's value of each cohort quantity (`cohort.cohort_quantities`): a
    Fraction, or the `CdsError` that prevents computing it (division by zero
    included: such a unit is left out of the cohort's highest/lowest)."""
    out: dict[str, Any] = {}
    for q in cohort_quantities(program):
        ev = _Eval(program, inputs, None, None, unit)
        ev.part = q.part
        ev.steps = {s.name: s for s in program.parts[q.part].steps}
        try:
            out[q.key] = ev.read(q.input_key) if q.input_key is not None else Fraction(ev.eval(q.expr))
        except _ZeroDivision as exc:
            key = denominator_key(program, q.part, exc.expr)
            out[q.key] = ScoreError(zero_division(program, exc, inputs, unit, Policy("error"), key))
        except CdsError as exc:
            out[q.key] = exc
    return out


def fault_to_error(program: Program, f: Fault, inputs: Mapping[str, object], unit: str | None) -> CdsError:
    key = f.args_.get("key")
    try:
        spec = program.input(key) if key else None
    except KeyError:
        spec = None
    return fault_error(f, item=program.item, unit=unit, where=where_of(inputs, key),
                       description=spec.description if spec is not None else None,
                       span=spec.span if spec is not None else None, source=program.formula.source)


__all__ = ["Outcome", "Policy", "TraceEntry", "evaluate_program", "unit_quantities", "items_between",
           "check_program", "fault_diagnostic"]


def policy_of(rounding: Any, zero_division: str) -> Policy:
    """The `Policy` for `evaluate_formula`'s ``rounding`` (None, digits, mode, ``(digits, mode)``, a Rounding)."""
    if rounding is None:
        return Policy(zero_division)
    if isinstance(rounding, str):
        return Policy(zero_division, 2, rounding)
    if isinstance(rounding, int):
        return Policy(zero_division, rounding)
    if isinstance(rounding, tuple):
        return Policy(zero_division, rounding[0], rounding[1])
    return Policy(zero_division, getattr(rounding, "digits", 2), getattr(rounding, "mode", "half_up"))


def check_rounding(policy: Policy) -> None:
    if policy.rounding not in ("half_up", "truncate"):
        raise ScoreError(Diagnostic.make("CDS618", None, mode=policy.rounding))


def evaluate_formula(text: str, max_points: Any, inputs: Mapping[str, object], *, rounding: Any = None,
                     zero_division: str = "zero", item: str | None = None, title: str | None = None,
                     option_mode: str | None = None, cohort_method: str | None = None) -> Decimal:
    """Parse, resolve and score a formula for one unit: the points rounded once.

    ``evaluate_formula("Tỷ lệ = a/b\\nĐiểm = Tỷ lệ * Điểm tối đa", 5, {"a": 7, "b": 21}) == Decimal("1.67")``.
    ``rounding``: ``None`` (2 digits, half up), a digit count, ``"truncate"``,
    ``(digits, mode)`` or a `ruleset.Rounding`.  Raises `CdsError` subclasses only.
    """
    from cdsdsl.semantics.resolve import max_points_value, resolve
    from cdsdsl.syntax.parser import parse_formula

    max_points = max_points_value(max_points)
    check_inputs(inputs)
    policy = policy_of(rounding, zero_division)
    check_rounding(policy)
    program = resolve(parse_formula(text), max_points, item=item, title=title, option_mode=option_mode,
                      cohort_method=cohort_method)
    return evaluate_program(program, inputs, policy=policy).points


__all__ += ["evaluate_formula"]
