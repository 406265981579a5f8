"""Part/whole ratios: ``Tỷ lệ = a/b`` where ``a`` is counted inside ``b``.

Takes: an assignment of a part (``Tỷ lệ = (a + b)/(c + d)``) and the inputs declared in that part.
Returns: a `PartWhole` when the value is a sum of declared inputs over a sum of other declared
inputs: valid data then has sum(parts) <= sum(wholes), unless the 'whole' is a target or a
minimum (`TARGET_WORDS` in its description: `PartWhole.target`).  The checker (CDS407, CDS408)
and both scoring backends (CDS614) follow what is decided here.
"""
from __future__ import annotations

import re
from typing import Any

import attrs

from cdsdsl.syntax import nodes as n
from cdsdsl.text.source import Span

__all__ = ["PartWhole", "TARGET_WORDS", "input_names", "part_whole_of"]


@attrs.frozen
class PartWhole:
    """``parts`` are counted inside ``wholes`` (a ratio a/b of a part to its total): sum(parts) <= sum(wholes),
    unless ``target`` names a 'whole' that is really a target or a minimum (``b = Số lượng nền tảng số tối
    thiểu theo danh mục yêu cầu (7)``): then the part may exceed it, and scoring does not refuse a > b."""

    parts: tuple[str, ...]
    wholes: tuple[str, ...]
    ratio: str  # the computed name (``Tỷ lệ``)
    span: Span = attrs.field(default=Span(0, 0), eq=False)
    target: str | None = None


#: words that make a denominator a target or a minimum rather than a total (see `PartWhole.target`)
TARGET_WORDS = re.compile(r"tối\s+thiểu|theo\s+(?:danh\s+mục\s+)?yêu\s+cầu|chỉ\s+tiêu|kế\s+hoạch\s+giao", re.I)


def input_names(expr: Any) -> list[str] | None:
    """['a','b'] for a+b, None when not a plain sum of names."""
    if isinstance(expr, n.Name):
        return [expr.name]
    if isinstance(expr, n.BinOp) and expr.op == "+":
        a, b = input_names(expr.left), input_names(expr.right)
        return a + b if a is not None and b is not None else None
    return None


def part_whole_of(st: n.Assign, decls: dict[str, n.InputDecl]) -> PartWhole | None:
    """The `PartWhole` an assignment ``name = parts/wholes`` states, None when it states none
    (``decls``: the inputs declared in the part, by name)."""
    v = st.value
    if isinstance(v, n.BinOp) and v.op == "/":
        num, den = input_names(v.left), input_names(v.right)
        if num and den and all(x in decls for x in num + den) and not set(num) & set(den):
            target = next((x for x in den if TARGET_WORDS.search(decls[x].description)), None)
            return PartWhole(tuple(num), tuple(den), st.target.name, span=st.span, target=target)
    return None
