"""Money in different scales, converted exactly once, when a formula is resolved.

Takes: a part's steps (`Step`), its scoring and the inputs known so far (`InputSpec` by key).
Returns: the same steps and scoring where every ``+``, ``-``, ``/`` and comparison of two money amounts
written in different scales (``a (tỷ đồng) + b (triệu đồng)``) multiplies the operand in the larger
scale by the exact factor (``a × 1000``), so both sides are in the smaller scale and figures stay
whole; and one `Conversion` per rewritten operand (the resolver makes it a CDS330 note located at the
operand).  Every backend (interpreter, compilers, SQL) then sees ordinary arithmetic through
evaluate/meaning.py: the conversion is defined here and nowhere else.  An unknown scale is left alone
(the checker's CDS305 refuses it).  docs/language.md, "Kiểu và đơn vị".
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Mapping

import attrs

from cdsdsl.semantics.dimensions import MONEY_SCALES
from cdsdsl.semantics.inputs import MONEY, InputSpec
from cdsdsl.semantics.scoring_rules import CaseScoring, ExprScoring
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.printer import print_expr
from cdsdsl.text.source import Span

__all__ = ["Conversion", "convert_part", "scale_of", "fmt_factor"]

#: the scales in English (the notes' English text)
_EN_SCALES = {"đồng": "đồng", "nghìn đồng": "thousand đồng", "triệu đồng": "million đồng",
              "tỷ đồng": "billion đồng"}
#: the operators whose two sides must be in one scale
_SAME_SCALE_OPS = frozenset({"+", "-", "/"})


def scale_of(unit: str | None) -> str | None:
    """The canonical money scale of ``unit`` (``Tỉ đồng`` → ``tỷ đồng``), None when not a known scale."""
    if unit is None:
        return None
    words = unit.strip().lower().replace("tỉ", "tỷ").replace("ngàn", "nghìn").split()
    key = " ".join("đồng" if w in ("vnđ", "vnd") else w for w in words)
    return key if key in MONEY_SCALES else None


def fmt_factor(v: Fraction) -> str:
    """``1000000`` → ``1 000 000`` (the factor as the note writes it)."""
    return f"{int(v):,}".replace(",", " ") if v.denominator == 1 else str(v)


@attrs.frozen
class Conversion:
    """``node`` (the operand, in ``source``) multiplied by ``factor`` to be in ``target``; ``converted`` is
    the new node ``node × factor`` that replaced it."""

    node: Any
    source: str
    target: str
    factor: Fraction
    converted: Any = attrs.field(eq=False, repr=False)

    def args(self) -> dict[str, str]:
        """The arguments of the CDS330 note: the scales (Vietnamese and English) and the factor."""
        return {"text": print_expr(self.node), "scale": self.source, "target": self.target,
                "factor": fmt_factor(self.factor), "scale_en": _EN_SCALES[self.source],
                "target_en": _EN_SCALES[self.target]}


class _Scaler:
    """Rewrites one part; ``steps``: its names, ``specs``: the inputs by key."""

    def __init__(self, steps: list[Any], specs: Mapping[str, InputSpec]) -> None:
        self.env = {s.name: s for s in steps}
        self.specs = specs
        self.found: list[Conversion] = []
        self.units: dict[int, str | None] = {}  # id(converted node) -> its scale

    # -- the scale of an expression (None: not money, or unknown) -----------
    def scale(self, expr: Any, seen: frozenset[str] = frozenset()) -> str | None:
        if id(expr) in self.units:
            return self.units[id(expr)]
        if isinstance(expr, n.Name):
            return self._name_scale(expr.name, seen)
        if isinstance(expr, (n.Neg, n.Aggregate)):
            return self.scale(expr.operand, seen)
        if isinstance(expr, n.BinOp):
            left, right = self.scale(expr.left, seen), self.scale(expr.right, seen)
            if expr.op in ("+", "-"):
                return left if left == right else None
            if expr.op in ("*", "/") and isinstance(expr.right, n.Number):
                return left
            if expr.op == "*" and isinstance(expr.left, n.Number):
                return right
        return None

    def _name_scale(self, name: str, seen: frozenset[str]) -> str | None:
        step = self.env.get(name)
        if step is None or name in seen:
            return None
        if step.key is not None:
            spec = self.specs.get(step.key)
            return scale_of(spec.unit) if spec is not None and spec.kind == MONEY else None
        return self.scale(step.expr, seen | {name}) if step.expr is not None else None

    # -- the rewriting ------------------------------------------------------
    def expr(self, e: Any) -> Any:
        if isinstance(e, n.BinOp):
            left, right = self.expr(e.left), self.expr(e.right)
            if e.op in _SAME_SCALE_OPS:
                left, right = self.same_scale(left, right)
            return e if (left is e.left and right is e.right) else attrs.evolve(e, left=left, right=right)
        if isinstance(e, (n.Neg, n.Aggregate)):
            operand = self.expr(e.operand)
            return e if operand is e.operand else attrs.evolve(e, operand=operand)
        return e

    def condition(self, c: Any) -> Any:
        if isinstance(c, n.Compare) and c.left is not None:
            left, right = self.same_scale(self.expr(c.left), self.expr(c.right))
            return c if (left is c.left and right is c.right) else attrs.evolve(c, left=left, right=right)
        if isinstance(c, n.Joined):
            conds = tuple(self.condition(x) for x in c.conditions)
            same = all(a is b for a, b in zip(conds, c.conditions, strict=True))
            return c if same else attrs.evolve(c, conditions=conds)
        return c

    def same_scale(self, left: Any, right: Any) -> tuple[Any, Any]:
        """``left`` and ``right`` in one scale: the side in the larger one multiplied by the exact factor."""
        ls, rs = self.scale(left), self.scale(right)
        if ls is None or rs is None or ls == rs:
            return left, right
        if MONEY_SCALES[ls] > MONEY_SCALES[rs]:
            return self._convert(left, ls, rs), right
        return left, self._convert(right, rs, ls)

    def _convert(self, node: Any, source: str, target: str) -> Any:
        factor = MONEY_SCALES[source] / MONEY_SCALES[target]
        number = n.Number(factor, span=Span(node.span.end, node.span.end), text=fmt_factor(factor))
        converted = n.BinOp("*", node, number, span=node.span)
        self.units[id(converted)] = target
        self.found.append(Conversion(node, source, target, factor, converted))
        return converted


def convert_part(steps: list[Any], scoring: Any,
                 specs: Mapping[str, InputSpec]) -> tuple[list[Any], Any, list[Conversion]]:
    """The part's ``steps`` and ``scoring`` with money scales made equal (`Conversion` for each rewrite,
    a step computing a rewritten expression is a new `Step`).  Unchanged objects are returned as
    they were (so a part without mixed scales is untouched)."""
    sc = _Scaler(steps, specs)
    new_steps = []
    for step in steps:
        expr = sc.expr(step.expr) if step.expr is not None else None
        new = step if expr is step.expr else attrs.evolve(step, expr=expr)
        sc.env[step.name] = new
        new_steps.append(new)
    return new_steps, _scoring(sc, scoring), sc.found


def _scoring(sc: _Scaler, scoring: Any) -> Any:
    if isinstance(scoring, ExprScoring):
        expr = sc.expr(scoring.expr)
        return scoring if expr is scoring.expr else attrs.evolve(scoring, expr=expr)
    if isinstance(scoring, CaseScoring):
        cases = tuple(attrs.evolve(c, condition=sc.condition(c.condition), result=sc.expr(c.result))
                      for c in scoring.cases.cases)
        old = scoring.cases.cases
        if all(a.condition is b.condition and a.result is b.result for a, b in zip(cases, old, strict=True)):
            return scoring
        return attrs.evolve(scoring, cases=attrs.evolve(scoring.cases, cases=cases))
    return scoring


def one_scale_wholes(found: Any, specs: Mapping[str, InputSpec]) -> tuple[Any, ...]:
    """The part/whole ratios (`PartWhole`) whose money inputs are all in one scale: a part in triệu đồng of a
    whole in tỷ đồng is converted (`convert_part`), and its raw figures are not compared (500 triệu > 2 tỷ
    would be a false 'a lớn hơn b')."""
    def scales(pw: Any) -> set[str | None]:
        return {scale_of(specs[k].unit) for k in (*pw.parts, *pw.wholes) if k in specs and specs[k].kind == MONEY}
    return tuple(pw for pw in found if len(scales(pw)) <= 1)
