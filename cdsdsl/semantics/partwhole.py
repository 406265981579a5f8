"""Part/whole ratios: ``Tỷ lệ = a/b`` where ``a`` is counted inside ``b``; rates otherwise.

Takes: an assignment of a part (``Tỷ lệ = (a + b)/(c + d)``) or a division written inside a formula
(``Điểm = a/b * Điểm tối đa``), the inputs declared in that part and their dimensions
(`cdsdsl.semantics.dimensions`), and what the ruleset declares of the ratio (``tỷ suất``).
Returns: a `PartWhole` when the value is a sum of declared inputs over a sum of other declared
inputs and the parts count a subset of what the wholes count (``Số người dân có tài khoản`` over
``Tổng dân số``): valid data then has sum(parts) <= sum(wholes), unless the 'whole' is a target or a
minimum (`TARGET_WORDS` in its description: `PartWhole.target`); a `Rate` when they count different
things (people per household, money per official): it may exceed 100%.  One policy for every way
of writing the ratio (``Tỷ lệ = a/b``, ``(a/b) x Điểm tối đa``, ``a/b*Điểm tối đa``).  The checker
(CDS404, CDS407, CDS408) and both scoring backends (CDS614) follow what is decided here.
"""
from __future__ import annotations

import re
from typing import Any, Mapping

import attrs

from cdsdsl.diagnostics import i18n
from cdsdsl.semantics.dimensions import PART, RATE, Dimension, counts_within
from cdsdsl.syntax import nodes as n
from cdsdsl.text.source import Span

__all__ = ["PartWhole", "Rate", "TARGET_WORDS", "input_names", "part_whole_of", "division_of"]


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
    #: written inside a formula (``a/b * Điểm tối đa``): ``node`` is the division, ``ratio`` its text
    inline: bool = False
    node: Any = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Rate:
    """``ratio`` = parts/wholes where the parts count something else than the wholes (people per
    household): it may exceed 100%; ``num``/``den`` are the dimensions of each side."""

    parts: tuple[str, ...]
    wholes: tuple[str, ...]
    ratio: str
    num: Dimension
    den: Dimension
    span: Span = attrs.field(default=Span(0, 0), eq=False)
    declared: bool = False
    #: the division (``a/b``), for a named rate the value of its ``Tỷ lệ = a/b`` line too
    node: Any = attrs.field(default=None, eq=False, repr=False)
    #: written inside a formula (``a/b * Điểm tối đa``) rather than named
    inline: bool = False

    def unit(self, lang: str = "vi") -> str:
        """``người/hộ gia đình`` (``people per household``): what one unit of the rate is."""
        return i18n.text("dim.rate", lang, num=self.num.noun(lang), den=self.den.noun(lang))


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


def part_whole_of(st: n.Assign, decls: dict[str, n.InputDecl], dims: Mapping[str, Dimension] | None = None,
                  declared: str | None = None) -> PartWhole | Rate | None:
    """The `PartWhole` (or `Rate`) an assignment ``name = parts/wholes`` states, None when it states none
    (``decls``: the inputs declared in the part, by name; ``dims``: their dimensions; ``declared``: what
    the ruleset declares of the ratio, `RATE` or `PART`)."""
    return division_of(st.value, decls, dims, declared, st.target.name, st.span)


def division_of(v: Any, decls: dict[str, n.InputDecl], dims: Mapping[str, Dimension] | None, declared: str | None,
                ratio: str, span: Span, inline: bool = False) -> PartWhole | Rate | None:
    """What the division ``v`` (a sum of declared inputs over a sum of others) is: a `PartWhole` when the
    parts count within the wholes (or ``declared`` is `PART`), a `Rate` when they do not (or `RATE`)."""
    if not (isinstance(v, n.BinOp) and v.op == "/"):
        return None
    num, den = input_names(v.left), input_names(v.right)
    if not (num and den and all(x in decls for x in num + den) and not set(num) & set(den)):
        return None
    dims = dims or {}
    nd = [dims[x] for x in num if x in dims]
    dd = [dims[x] for x in den if x in dims]
    within = len(nd) < len(num) or len(dd) < len(den) or counts_within(nd, dd)
    if declared == RATE or (declared != PART and not within):
        if not nd or not dd:
            return None
        return Rate(tuple(num), tuple(den), ratio, nd[0], dd[0], span=span, declared=declared == RATE,
                    node=v, inline=inline)
    target = next((x for x in den if TARGET_WORDS.search(decls[x].description)), None)
    return PartWhole(tuple(num), tuple(den), ratio, span=span, target=target, inline=inline,
                     node=v if inline else None)
