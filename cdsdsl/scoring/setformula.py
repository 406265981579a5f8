"""A ruleset's set formula (``Công thức tổng``), e.g. Quảng Trị's ``D = (A + B) x 485 / (485 + C)``.

Takes: the ruleset (its ``set_formula``: the text and its ``Trong đó:`` bindings), the unit, and
the unit's section and group totals.
Returns: the formula's exact value (`set_formula_value`), or a ScoreError CDS630 saying what cannot
be computed; what a binding's description adds up (`set_binding_meaning`, also used by
`cds check`, CDS553).
"""
from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from typing import Any, Callable, Mapping

from cdsdsl.diagnostics.core import CdsError, Diagnostic, ScoreError
from cdsdsl.scoring.results import TotalResult
from cdsdsl.scoring.unitdata import Unit
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.parser import parse_formula

ZERO = Fraction(0)

_SET_SECTIONS = re.compile(r"tổng\s+điểm\s+(?:các\s+)?mục\s+(\S+)\s*[-–đến]+\s*(\S+)", re.I)


def set_binding_meaning(description: str) -> tuple[Any, ...] | None:
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


class _SetFormula:
    """One unit's evaluation of the set formula: its bindings' values, then the expression."""

    def __init__(self, rs: Any, unit: Unit, sections: Mapping[str, TotalResult],
                 groups: Mapping[str, TotalResult]) -> None:
        self.rs, self.unit, self.sections = rs, unit, sections
        self.sf = rs.set_formula
        self.group = groups.get(unit.group) if unit.group else None
        self.env: dict[str, Fraction] = {}

    def fail(self, detail: str, detail_en: str) -> ScoreError:
        return ScoreError(Diagnostic.make("CDS630", None, unit=self.unit.name, formula=self.sf.text, detail=detail,
                                          detail_en=detail_en))

    # --------------------------------------------------------------- bindings (`Trong đó:`)
    def sections_sum(self, meaning: tuple[Any, ...]) -> Fraction:
        lo, hi = meaning[1], meaning[2]
        return sum((t.exact for k, t in self.sections.items() if k.isdigit() and lo <= int(k) <= hi), ZERO)

    def group_max(self, meaning: tuple[Any, ...]) -> Fraction:
        unit_group = self.unit.group
        if unit_group is None:
            return ZERO
        try:
            g = self.rs.group(unit_group)
        except KeyError:
            raise self.fail(f"không có lĩnh vực {unit_group}", f"no group {unit_group}") from None
        stated: Fraction | None = g.stated_max
        if stated is not None:
            return stated
        return self.group.max_points if self.group else ZERO

    def group_total(self, meaning: tuple[Any, ...]) -> Fraction:
        return self.group.exact if self.group else ZERO

    def total(self, meaning: tuple[Any, ...]) -> Fraction:
        return sum((t.exact for t in self.sections.values()), ZERO)

    def bind(self) -> None:
        for b in self.sf.bindings:
            meaning = set_binding_meaning(b.description)
            value_of = _BINDINGS.get(meaning[0]) if meaning else None
            if value_of is None or meaning is None:
                raise self.fail(f"không hiểu `{b.name} = {b.description}`", f"cannot read `{b.name} = {b.description}`")
            self.env[b.name] = value_of(self, meaning)

    # --------------------------------------------------------------- the expression
    def value(self, e: n.Node) -> Fraction:
        ev = _EXPRESSIONS.get(type(e))
        if ev is None:
            raise self.fail("biểu thức không được hỗ trợ", "unsupported expression")
        return ev(self, e)

    def number(self, e: Any) -> Fraction:
        value: Fraction = e.value
        return value

    def name(self, e: Any) -> Fraction:
        if e.name not in self.env:
            raise self.fail(f"tên `{e.name}` chưa được khai báo trong `Trong đó:`",
                            f"`{e.name}` is not bound under `Trong đó:`")
        return self.env[e.name]

    def neg(self, e: Any) -> Fraction:
        return -self.value(e.operand)

    def binop(self, e: Any) -> Fraction:
        a, b = self.value(e.left), self.value(e.right)
        if e.op == "/":
            if b == 0:
                raise self.fail("chia cho 0", "division by zero")
            return a / b
        return a + b if e.op == "+" else a - b if e.op == "-" else a * b


_BINDINGS: dict[str, Callable[[_SetFormula, tuple[Any, ...]], Fraction]] = {
    "sections": _SetFormula.sections_sum, "group_max": _SetFormula.group_max, "group": _SetFormula.group_total,
    "total": _SetFormula.total}

_EXPRESSIONS: dict[type, Callable[[_SetFormula, Any], Fraction]] = {
    n.Number: _SetFormula.number, n.Percent: _SetFormula.number, n.Name: _SetFormula.name, n.Neg: _SetFormula.neg,
    n.BinOp: _SetFormula.binop}


def set_formula_value(rs: Any, unit: Unit, sections: Mapping[str, TotalResult],
                      groups: Mapping[str, TotalResult]) -> Fraction:
    """The set formula's exact value for one unit (its last assignment ``D = ...``)."""
    sf = _SetFormula(rs, unit, sections, groups)
    sf.bind()
    try:
        formula = parse_formula(sf.sf.text)
    except CdsError:
        raise sf.fail("không đọc được công thức", "the formula cannot be read") from None
    assigns = [st for st in formula.statements if isinstance(st, n.Assign)]
    if not assigns:
        raise sf.fail("không có phép gán `D = ...`", "no assignment `D = ...`")
    return sf.value(assigns[-1].value)


def unit_set_value(rs: Any, unit: Unit, sections: Mapping[str, TotalResult], groups: Mapping[str, TotalResult],
                   diags: list[Diagnostic]) -> Fraction | None:
    """The set formula's value for one unit, or None when the ruleset has none; a formula that cannot be
    computed for this unit adds its diagnostics to ``diags`` (the unit keeps its other results)."""
    if rs.set_formula is None:
        return None
    try:
        return set_formula_value(rs, unit, sections, groups)
    except CdsError as exc:
        diags.extend(exc.diagnostics)
        return None
