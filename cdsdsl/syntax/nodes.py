"""The AST of the formula language: small frozen attrs classes.

Takes: nothing (data only).  Built by `build.py`, printed by `printer.py`,
walked by every later pass through `Visitor`.  Every node carries its `span`
(offsets into the text the user pasted); spans, and the exact words written,
are left out of equality so that ``parse("Tỷ lệ=a/b") == parse("tỉ lệ = a / b")``.

Shape of a formula (the "Cách xác định và tính điểm" cell of one indicator)::

    Formula(parts=(Part(number=None|"1", title=..., body=(stmt, ...)), ...))

Statements: `InputDecl` (``a = Số lượng ...``), `Assign` (``Tỷ lệ = a/b``,
``Điểm = ...``), `Cases` (a list of `Case`: ``- Tỷ lệ >= 80%: Điểm tối đa``,
options ``- Đã ban hành: Điểm tối đa``, levels ``Mức 1 ≥ 10% (điểm tối đa)``),
`PerItem` (``Mỗi hoạt động: 1 điểm``, its own cap ``, tối đa 5 điểm``), `Cap` (``Tổng điểm không quá ...``),
`SumItems` (``Cộng điểm từ 5.12.1 đến 5.12.6``), `CohortMethod` (``Tính điểm
theo phương pháp Min-Max ...``) and `Note` (text that is not a formula).
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable, Iterator, Union, cast

import attrs

from cdsdsl.text.source import Span

_NOSPAN = Span(0, 0)


def _span() -> Any:
    return attrs.field(default=_NOSPAN, eq=False, repr=False, kw_only=True)


def _text() -> Any:
    """The words as written (for messages); not part of equality."""
    return attrs.field(default="", eq=False, repr=False, kw_only=True)


class Node:
    """Base of all AST nodes (for isinstance checks and the visitor)."""

    span: Span

    def children(self) -> Iterator["Node"]:
        return iter(_children(self))

    def walk(self) -> Iterator["Node"]:
        """This node and all its descendants, depth first, in source order."""
        stack: list[Node] = [self]
        pop, push = stack.pop, stack.append
        while stack:
            node = pop()
            yield node
            _push_children(node, push)


#: per node class, the names of the fields that may hold nodes, last field first
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def _child_fields(cls: type) -> tuple[str, ...]:
    # fields typed with a node, a union of nodes or a tuple of them (annotations are strings here);
    # spans, text, numbers never hold a node
    names = tuple(f.name for f in reversed(attrs.fields(cls))
                  if f.name not in ("span", "name_span", "text", "diagnostics", "source")
                  and isinstance(f.type, str) and not f.type.startswith(("str", "int", "bool", "Fraction")))
    _CHILD_FIELDS[cls] = names
    return names


def _push_children(node: Node, push: Callable[[Node], Any]) -> None:
    """Calls ``push`` with each child of ``node`` (a node in a field, or in a tuple in a field), last first."""
    cls = type(node)
    for name in _CHILD_FIELDS[cls] if cls in _CHILD_FIELDS else _child_fields(cls):
        value = getattr(node, name)
        if isinstance(value, Node):
            push(value)
        elif type(value) is tuple:
            for v in reversed(value):
                if isinstance(v, Node):
                    push(v)


def _children(node: Node) -> list[Node]:
    """The children of ``node``, in order."""
    out: list[Node] = []
    _push_children(node, out.append)
    out.reverse()
    return out


# ---------------------------------------------------------------- expressions

@attrs.frozen
class Number(Node):
    """A plain number: ``7``, ``0.5``, ``2,5``."""

    value: Fraction
    span: Span = _span()
    text: str = _text()


@attrs.frozen
class Percent(Node):
    """A percent literal: ``80%`` (value is the ratio, 4/5), ``2,5%``."""

    value: Fraction
    span: Span = _span()
    text: str = _text()


@attrs.frozen
class Name(Node):
    """A name: a variable ``a``/``A`` or a computed name of several words.

    ``name`` is canonical: single letters keep their case; known multi-word
    names are spelled one way (``Tỷ lệ`` for ``tỉ lệ``/``TỶ LỆ``, ``Điểm`` for
    ``điểm``/``Điểm đánh giá``); ``text`` keeps what was written.
    """

    name: str
    span: Span = _span()
    text: str = _text()


@attrs.frozen
class MaxPoints(Node):
    """``Điểm tối đa`` (also ``điểm phần này``, ``điểm`` in ``70% điểm``)."""

    span: Span = _span()
    text: str = _text()


@attrs.frozen
class BinOp(Node):
    """``left op right`` with op in ``+ - * /`` (``x``, ``×`` and juxtaposition are ``*``)."""

    op: str
    left: "Expr"
    right: "Expr"
    span: Span = _span()


@attrs.frozen
class Neg(Node):
    operand: "Expr"
    span: Span = _span()


@attrs.frozen
class Aggregate(Node):
    """A value over all units of the cohort: ``tỷ lệ ... cao nhất`` (func ``max``) / ``thấp nhất`` (``min``)."""

    func: str
    operand: "Expr"
    span: Span = _span()
    text: str = _text()


@attrs.frozen
class ItemRef(Node):
    """Another indicator's quantity: ``mục 5.12.1``."""

    item: str
    span: Span = _span()


Expr = Union[Number, Percent, Name, MaxPoints, BinOp, Neg, Aggregate, ItemRef]


# ----------------------------------------------------------------- conditions

@attrs.frozen
class Compare(Node):
    """``left op right``; ``left`` is None when the subject is implicit (``≥ 10%``, ``100%``)."""

    left: "Expr | None"
    op: str  # one of >= > <= < =
    right: "Expr"
    span: Span = _span()


@attrs.frozen
class Range(Node):
    """A range in words: ``Từ 10 đến 19``, ``Từ 20 trở lên``, ``Dưới 10``,
    ``từ 60% đến dưới 100%``, ``50% <= Tỷ lệ < 80%``.  A missing bound is None.
    ``subject`` is None when the subject is implicit."""

    subject: "Expr | None"
    low: "Expr | None"
    low_inclusive: bool
    high: "Expr | None"
    high_inclusive: bool
    span: Span = _span()


@attrs.frozen
class Joined(Node):
    """Conditions joined by ``và`` (``op == "và"``: all hold) or ``hoặc`` (``"hoặc"``: one holds) that do
    not make one range: ``a >= 5 hoặc Tỷ lệ >= 50%``, ``Tỷ lệ >= 80% và a >= 3``."""

    op: str
    conditions: "tuple[Condition, ...]"
    span: Span = _span()


@attrs.frozen
class Option(Node):
    """A condition in prose: one of the choices of an option list (``Đã ban hành``)."""

    label: str
    span: Span = _span()


@attrs.frozen
class Otherwise(Node):
    """``Các địa phương còn lại``, ``Trường hợp khác``: matches when no case before did."""

    label: str
    span: Span = _span()


@attrs.frozen
class Best(Node):
    """``Địa phương có tỷ lệ cao nhất``: the unit holding the cohort's max (``func='max'``) or min."""

    func: str
    label: str
    span: Span = _span()


Condition = Union[Compare, Range, Joined, Option, Otherwise, Best]


# ----------------------------------------------------------------- statements

@attrs.frozen
class InputDecl(Node):
    """``a = Số lượng ... (triệu đồng);``: an input described in prose.

    ``unit`` is the unit written in the prose (``triệu đồng``, ``tỷ đồng``,
    ``%``) or None; ``constant`` a number written in the prose as ``(7)``.
    ``recovered`` is True when the name was missing and was guessed.
    """

    name: str
    description: str
    unit: str | None = None
    constant: Fraction | None = None
    span: Span = _span()
    name_span: Span = _span()
    recovered: bool = attrs.field(default=False, eq=False, kw_only=True)


@attrs.frozen
class Assign(Node):
    """``Tỷ lệ = a/b``, ``Điểm = Tỷ lệ * Điểm tối đa``, ``h = Điểm tối đa``."""

    target: Name
    value: "Expr"
    span: Span = _span()


@attrs.frozen
class Case(Node):
    """One case of a case list: ``condition: result``.

    ``level`` is n for ``Mức n``; ``target`` is the name written before the
    result (``Điểm = ...``) or None.
    """

    condition: "Condition"
    result: "Expr"
    level: int | None = None
    span: Span = _span()
    target: str | None = attrs.field(default=None, eq=False, kw_only=True)


@attrs.frozen
class Cases(Node):
    """Consecutive cases, with the heading line before them if any
    (``- Điểm:``, ``Thang điểm:``, ``- Đã có chuyên mục và số lượng tin, bài ... đạt:``)."""

    heading: str | None
    cases: tuple[Case, ...]
    span: Span = _span()


@attrs.frozen
class PerItem(Node):
    """``Mỗi hoạt động hiệu quả: 1 điểm``: points for each counted item; ``cap`` bounds this line's
    sum when written on the line (``1 điểm cho mỗi ứng dụng, tối đa 5 điểm``), else None."""

    label: str
    points: "Expr"
    span: Span = _span()
    cap: "Expr | None" = None


@attrs.frozen
class Cap(Node):
    """``Tổng điểm không quá Điểm tối đa``: an upper limit on the points."""

    limit: "Expr"
    span: Span = _span()


@attrs.frozen
class SumItems(Node):
    """``Cộng điểm từ 5.12.1 đến 5.12.6``: the sum of other indicators' points."""

    first: str
    last: str
    span: Span = _span()


@attrs.frozen
class CohortMethod(Node):
    """``Tính điểm theo phương pháp Min-Max dựa vào ...``.

    ``methods`` lists what the words name: ``minmax`` (Min-Max),
    ``ratio_to_best`` (relative to the highest unit); ``direction`` is
    ``max`` (most is best) or ``min``; ``basis`` the words after ``dựa vào``.
    """

    methods: tuple[str, ...]
    direction: str
    basis: str
    span: Span = _span()
    text: str = _text()


@attrs.frozen
class Note(Node):
    """Text that is not a formula.  ``kind``: ``explanation`` (``Giải thích:``),
    ``unit`` (``Đơn vị triệu đồng``; ``unit`` holds it), ``list``, ``text``."""

    kind: str
    text: str
    unit: str | None = None
    span: Span = _span()


Statement = Union[InputDecl, Assign, Cases, PerItem, Cap, SumItems, CohortMethod, Note]


@attrs.frozen
class Part(Node):
    """A numbered part (``1. Triển khai nền tảng số``) with its own scope,
    or the whole formula when it has no parts (``number`` None)."""

    number: str | None
    title: str | None
    body: tuple[Statement, ...]
    span: Span = _span()


@attrs.frozen
class Formula(Node):
    """The root: one indicator's scoring text."""

    parts: tuple[Part, ...]
    span: Span = _span()
    #: warnings and notes from reading the text (recoveries); not part of equality
    diagnostics: tuple[Any, ...] = attrs.field(default=(), eq=False, repr=False, kw_only=True)
    source: Any = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    @property
    def statements(self) -> Iterator[Statement]:
        for part in self.parts:
            yield from part.body


# -------------------------------------------------------------------- visitor

class Visitor:
    """Dispatches on the node class: ``visit_BinOp(node)``; `generic_visit` visits children.

    Subclasses override only the methods they need, as with `ast.NodeVisitor`.
    """

    def visit(self, node: Node) -> Any:
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method is None:
            return self.generic_visit(node)
        return method(node)

    def generic_visit(self, node: Node) -> Any:
        for child in node.children():
            self.visit(child)
        return None


def to_dict(node: Any) -> Any:
    """A JSON-ready dict of the tree, with the node type and its span."""
    if isinstance(node, Node):
        out: dict[str, Any] = {"type": type(node).__name__}
        for f in attrs.fields(cast(Any, type(node))):
            if f.name in ("diagnostics", "source"):
                continue
            value = getattr(node, f.name)
            if isinstance(value, Span):
                out[f.name] = [value.start, value.end]
            else:
                out[f.name] = to_dict(value)
        return out
    if isinstance(node, tuple):
        return [to_dict(v) for v in node]
    if isinstance(node, Fraction):
        return str(node) if node.denominator != 1 else node.numerator
    return node
