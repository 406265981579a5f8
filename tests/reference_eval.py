"""An independent exact reference for the conformance tests: a small evaluator written apart from
cdsdsl.evaluate.interpret and cdsdsl.evaluate.codegen, straight from the semantics in docs/semantics.md, over the
resolved program (`cdsdsl.semantics.resolve.Program`), with `fractions.Fraction` only.

It covers the plain domain the property tests generate — whole-number figures, chosen options given
by number, parts no larger than their wholes, no zero denominators — and says so (`Unsupported`) for
anything else, so that it stays small enough to be checked by reading.
"""
from __future__ import annotations

from fractions import Fraction

from cdsdsl.semantics.resolve import CaseScoring, ExprScoring, PerItemScoring, PerItemsScoring
from cdsdsl.syntax import nodes as n


class Unsupported(Exception):
    pass


def reference_points(program, inputs):
    """Exact points of ``program`` for ``inputs`` (before rounding), clamped to [0, max]."""
    total = Fraction(0)
    for part in program.parts:
        env = {}
        for step in part.steps:
            if step.key is not None:
                env[step.name] = Fraction(inputs[step.key])
            else:
                env[step.name] = _value(step.expr, env, program, inputs)
        total += _score(part.scoring, env, program, inputs)
    if program.cap is not None:
        total = min(total, _value(program.cap, {}, program, inputs))
    return min(max(total, Fraction(0)), program.max_points)


def _value(e, env, program, inputs):
    if isinstance(e, (n.Number, n.Percent)):
        return e.value
    if isinstance(e, n.MaxPoints):
        return program.max_points
    if isinstance(e, n.Name):  # a name of the part, or the implicit subject the unit reports (`x`)
        return env[e.name] if e.name in env else Fraction(inputs[e.name])
    if isinstance(e, n.ItemRef):
        return Fraction(inputs[f"mục {e.item}"])
    if isinstance(e, n.Neg):
        return -_value(e.operand, env, program, inputs)
    if isinstance(e, n.BinOp):
        a, b = _value(e.left, env, program, inputs), _value(e.right, env, program, inputs)
        if e.op == "+":
            return a + b
        if e.op == "-":
            return a - b
        if e.op == "*":
            return a * b
        if b == 0:
            raise Unsupported("zero denominator")
        return a / b
    raise Unsupported(type(e).__name__)


def _holds(cond, subject, env, program, inputs):
    if isinstance(cond, n.Compare):
        left = subject if cond.left is None else _value(cond.left, env, program, inputs)
        right = _value(cond.right, env, program, inputs)
        return {">=": left >= right, ">": left > right, "<=": left <= right, "<": left < right,
                "=": left == right, "!=": left != right}[cond.op]
    if isinstance(cond, n.Range):
        x = subject if cond.subject is None else _value(cond.subject, env, program, inputs)
        if cond.low is not None:
            low = _value(cond.low, env, program, inputs)
            if x < low or (x == low and not cond.low_inclusive):
                return False
        if cond.high is not None:
            high = _value(cond.high, env, program, inputs)
            if x > high or (x == high and not cond.high_inclusive):
                return False
        return True
    raise Unsupported(type(cond).__name__)


def _score(sc, env, program, inputs):
    if sc is None:
        raise Unsupported("no scoring rule")
    if isinstance(sc, ExprScoring):
        return _value(sc.expr, env, program, inputs)
    if isinstance(sc, PerItemScoring):  # the count times the points of one, bounded by the line's own cap
        line = Fraction(inputs[sc.count_key]) * _value(sc.points, env, program, inputs)
        return line if sc.cap is None else min(line, _value(sc.cap, env, program, inputs))
    if isinstance(sc, PerItemsScoring):  # several per-item lines add up
        return sum((_score(line, env, program, inputs) for line in sc.lines), Fraction(0))
    if not isinstance(sc, CaseScoring):
        raise Unsupported(type(sc).__name__)
    cases = sc.cases.cases
    subject = None if sc.subject is None else _value(sc.subject, env, program, inputs)
    if sc.mode in ("exclusive", "cumulative"):
        chosen = inputs[sc.choice_key]
        chosen = set(chosen) if isinstance(chosen, (list, tuple)) else {chosen}
        options = [c for c in cases if isinstance(c.condition, n.Option)]
        picked = [c for i, c in enumerate(options, 1) if i in chosen]
        if picked:  # a chosen option wins over the numeric cases (huyện 2023 1.4)
            points = [_value(c.result, env, program, inputs) for c in picked]
            return sum(points) if sc.mode == "cumulative" else points[0]
        cases = [c for c in cases if not isinstance(c.condition, n.Option)]
    for case in cases:  # first matching case wins; none → 0 points
        if isinstance(case.condition, n.Otherwise) or _holds(case.condition, subject, env, program, inputs):
            return _value(case.result, env, program, inputs)
    return Fraction(0)
