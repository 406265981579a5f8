"""Build AST nodes from Lark parse trees — the only module that knows grammar rule names.

Takes: a `lark.Tree` produced by `parser.py` from one line (or a piece of a
line) of normalised text, and a function mapping positions of that piece to
spans of the original text.
Returns: `cdsdsl.syntax.nodes` objects (expressions, conditions, results, statements).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from fractions import Fraction
from typing import Any, Callable

from lark import Token, Transformer, Tree, v_args

from cdsdsl.syntax import nodes as n
from cdsdsl.text.source import Span

SpanOf = Callable[[int, int], Span]

_TYLE = re.compile(r"^t[ỷỉy] ?l[ệe]$", re.I)
_TYTRONG = re.compile(r"^t[ỷỉ] trọng$", re.I)
_OPS = {">=": ">=", "=>": ">=", "<=": "<=", "=<": "<=", ">": ">", "<": "<", "=": "=", ":=": "=",
        "bằng": "=", "≠": "!="}
# the grammar's WORD_CMP: ≥ and ≤ written in words
_OPS.update({f"{w} hơn hoặc bằng": ">=" for w in ("lớn", "cao", "nhiều")})
_OPS.update({f"{w} hơn hoặc bằng": "<=" for w in ("nhỏ", "thấp", "ít")})
_OPS.update({"không dưới": ">=", "không thấp hơn": ">=", "không nhỏ hơn": ">=", "không ít hơn": ">=",
             "không trên": "<=", "không lớn hơn": "<=", "không cao hơn": "<=", "không nhiều hơn": "<="})


class BuildError(Exception):
    """A tree that is well-formed for the grammar but not meaningful (e.g. `50% < Tỷ lệ > 80%`)."""

    def __init__(self, code: str, start: int, end: int, **args: object) -> None:
        super().__init__(code)
        self.code, self.start, self.end, self.params = code, start, end, args


def canonical_name(words: list[str]) -> str:
    """`Tỷ lệ` for tỉ lệ/TỶ LỆ, `Điểm` for điểm/Điểm đánh giá, single letters kept, else lower-case words."""
    return _canonical_name(tuple(words))


@functools.lru_cache(maxsize=4096)
def _canonical_name(words: tuple[str, ...]) -> str:
    out = []
    for w in words:
        wl = w.lower()
        if _TYLE.match(w):
            out.append("tỷ lệ")
        elif _TYTRONG.match(w):
            out.append("tỷ trọng")
        elif wl.startswith("điểm"):
            out.append("điểm")
        elif len(w) == 1 and w.isascii():
            out.append(w)
        else:
            out.append(wl)
    if len(out) == 1 and len(out[0]) == 1 and out[0].isascii():
        return out[0]
    text = " ".join(out)
    return text[:1].upper() + text[1:]


def to_fraction(text: str) -> Fraction:
    return _to_fraction(str(text))


@functools.lru_cache(maxsize=1024)
def _to_fraction(text: str) -> Fraction:
    """Cached: Fractions are immutable and decisions repeat the same numbers."""
    return Fraction(text.replace(" ", "").rstrip("%"))


@functools.lru_cache(maxsize=1024)
def _percent_value(text: str) -> Fraction:
    """`80%` -> 4/5 (cached like `_to_fraction`)."""
    return _to_fraction(text) / 100


def _binop_rule(op: str) -> Callable[..., n.BinOp]:
    """The rule function of a binary operation ``op`` (`add`, `sub`, …)."""
    def method(self: AstBuilder, meta: Any, left: n.Expr, right: n.Expr) -> n.BinOp:
        return n.BinOp(op, left, right, span=self._sp(meta))
    return method


@v_args(inline=True, meta=True)
class AstBuilder(Transformer[Token, Any]):
    """Tree → nodes.  ``span_of(start, end)`` maps piece positions to original spans."""

    def __init__(self, span_of: SpanOf) -> None:
        super().__init__()
        self.span_of = span_of

    def _sp(self, meta: Any) -> Span:
        if type(meta) is _Meta:  # the builder's own positions (never empty)
            return self.span_of(meta.start_pos, meta.end_pos)
        if getattr(meta, "empty", True):
            return Span(0, 0)
        return self.span_of(meta.start_pos, meta.end_pos)

    def _tsp(self, tok: Any) -> Span:  # a Token, with its positions (set by the lexer)
        return self.span_of(tok.start_pos, tok.end_pos)

    def build(self, tree: Tree[Any], text: str) -> Any:
        """Nodes for a tree Lark built without ``propagate_positions``.

        Same result as ``transform`` on a tree with Lark's positions, at a
        fraction of the cost: Lark's position propagation and its visitor
        took half of every parse.  ``text`` is the piece Lark read.  A
        `BuildError` propagates as itself."""
        return self._build(tree, text)[0]

    def _build(self, tree: Tree[Any], text: str) -> tuple[Any, int, int]:
        """(value, start, end) of ``tree``.

        Positions follow Lark's ``propagate_positions``: a node spans from its
        first child's *container* to its last child's, filtered tokens
        included (the `-` of a negation); the container of an expression is
        the expression with the parentheses written directly around it
        (``(a+b)/c``: the sum spans ``a+b``, the quotient ``(a+b)/c``)."""
        data = tree.data
        if data == "name_ref" and len(tree.children) == 1:
            # `name_ref: name` alone: the `Name` that `name` builds is the one `name_ref` would
            # build from it (same name, text and positions)
            tree = tree.children[0]
            data = tree.data
        if data == "name":  # `name: name_word+ NUMBER?`: tokens only
            toks: list[Any] = tree.children
            start, end = toks[0].start_pos, toks[-1].end_pos
            words = [str(t) for t in toks]
            return n.Name(canonical_name(words), span=self.span_of(start, end), text=" ".join(words)), start, end
        values: list[Any] = []
        start = end = -1
        for c in tree.children:
            if type(c) is Token:
                v, cs, ce = c, c.start_pos, c.end_pos
            elif isinstance(c, Tree):
                v, cs, ce = self._build(c, text)
                # only `"(" expr ")"` puts parentheses around a node (none when `(` or a space is not just before)
                if cs > 0 and text[cs - 1] in _OPEN_OR_IGNORED and c.data in _EXPR_RULES:
                    cs, ce = _parenthesised(text, cs, ce)
            else:
                v, cs, ce = c, c.start_pos, c.end_pos
            values.append(v)
            if start < 0:
                start = cs
            end = ce
        if data == "neg" or data == "neg_number":  # `"-" operand`: the filtered `-` starts the node
            start -= 1
            while text[start] in _IGNORED:
                start -= 1
        meta: Any = _Meta(start, end)  # what Lark's `Meta` gives the rule functions
        f = (_FUNCS or _rule_functions()).get(data)
        return (Tree(data, values, meta) if f is None else f(self, meta, *values)), start, end

    # ------------------------------------------------------------ expressions
    def number(self, meta: Any, tok: Token) -> n.Number:
        return n.Number(to_fraction(tok), span=self._tsp(tok), text=str(tok))

    def neg_number(self, meta: Any, tok: Token) -> n.Number:
        return n.Number(-to_fraction(tok), span=self._sp(meta), text="-" + str(tok))

    def percent(self, meta: Any, tok: Token) -> n.Percent:
        return n.Percent(_percent_value(str(tok)), span=self._tsp(tok), text=str(tok))

    def points(self, meta: Any, num: Token, _diem: Token) -> n.Number:
        return n.Number(to_fraction(num), span=self._sp(meta), text=f"{num} điểm")

    def zero_points(self, meta: Any, tok: Token) -> n.Number:
        return n.Number(Fraction(0), span=self._tsp(tok), text=str(tok))

    def pct_of_max(self, meta: Any, pct: Token, diem: Token) -> n.BinOp:
        return n.BinOp("*", n.Percent(_percent_value(str(pct)), span=self._tsp(pct), text=str(pct)),
                       n.MaxPoints(span=self._tsp(diem), text=str(diem)), span=self._sp(meta))

    def maxpts(self, meta: Any, tok: Token) -> n.MaxPoints:
        return n.MaxPoints(span=self._tsp(tok), text=str(tok))

    def itemref(self, meta: Any, tok: Token) -> n.ItemRef:
        item = re.search(r"\d+(?:\.\d+)*", str(tok)).group(0)  # type: ignore[union-attr]
        return n.ItemRef(item, span=self._tsp(tok))

    def superlative(self, meta: Any, tok: Token) -> str:
        return "max" if tok.type == "SUPER_MAX" else "min"

    def name_ref(self, meta: Any, name: n.Name, *rest: Any) -> n.Name | n.Aggregate:
        func = next((r for r in rest if r in ("max", "min")), None)
        if func is None:
            return n.Name(name.name, span=self._sp(meta), text=name.text)
        return n.Aggregate(func, name, span=self._sp(meta),
                           text=" ".join([name.text] + [str(r) for r in rest if isinstance(r, Token)]))

    add = _binop_rule("+")
    sub = _binop_rule("-")
    mul = _binop_rule("*")
    div = _binop_rule("/")
    jmul = _binop_rule("*")

    def mul_word(self, meta: Any, left: n.Expr, _word: Token, right: n.Expr) -> n.BinOp:
        return n.BinOp("*", left, right, span=self._sp(meta))

    def div_word(self, meta: Any, left: n.Expr, _word: Token, right: n.Expr) -> n.BinOp:
        return n.BinOp("/", left, right, span=self._sp(meta))

    def neg(self, meta: Any, operand: n.Expr) -> n.Neg:
        return n.Neg(operand, span=self._sp(meta))

    # ------------------------------------------------------------- conditions
    def condition(self, meta: Any, cond: n.Condition) -> n.Condition:
        return cond

    def cmp(self, meta: Any, left: n.Expr, op: Token, right: n.Expr) -> n.Compare:
        return n.Compare(left, _OPS[str(op).lower()], right, span=self._sp(meta))

    def both(self, meta: Any, c1: n.Condition, _and: Token, c2: n.Condition) -> n.Range:
        if (isinstance(c1, n.Compare) and isinstance(c2, n.Compare) and c1.left == c2.left
                and c1.left is not None):
            lows = [c for c in (c1, c2) if c.op in (">", ">=")]
            highs = [c for c in (c1, c2) if c.op in ("<", "<=")]
            if len(lows) == 1 and len(highs) == 1:
                return n.Range(c1.left, lows[0].right, lows[0].op == ">=", highs[0].right,
                               highs[0].op == "<=", span=self._sp(meta))
        raise BuildError("CDS109", meta.start_pos, meta.end_pos)

    def chained(self, meta: Any, a: n.Expr, op1: Token, b: n.Expr, op2: Token, c: n.Expr) -> n.Range:
        o1, o2 = _OPS[str(op1).lower()], _OPS[str(op2).lower()]
        if o1 in ("<", "<=") and o2 in ("<", "<="):
            return n.Range(b, a, o1 == "<=", c, o2 == "<=", span=self._sp(meta))
        if o1 in (">", ">=") and o2 in (">", ">="):
            return n.Range(b, c, o2 == ">=", a, o1 == ">=", span=self._sp(meta))
        raise BuildError("CDS109", meta.start_pos, meta.end_pos)

    def _range(self, meta: Any, subject: n.Expr | None, low: n.Expr | None, low_inc: bool, high: n.Expr | None,
               high_inc: bool) -> n.Range:
        low, high = _same_unit(low, high), _same_unit(high, low)
        return n.Range(subject, low, low_inc, high, high_inc, span=self._sp(meta))

    def from_to(self, meta: Any, _tu: Token, low: n.Expr, _den: Token, high: n.Expr) -> n.Range:
        return self._range(meta, None, low, True, high, True)

    def from_to_below(self, meta: Any, _tu: Token, low: n.Expr, _den: Token, _duoi: Token, high: n.Expr) -> n.Range:
        return self._range(meta, None, low, True, high, False)

    def dash(self, meta: Any, low_tok: Token, high: n.Expr) -> n.Range:
        return self._range(meta, None, self._bound_token(low_tok), True, high, True)

    def dash_below(self, meta: Any, low_tok: Token, _duoi: Token, high: n.Expr) -> n.Range:
        return self._range(meta, None, self._bound_token(low_tok), True, high, False)

    def _bound_token(self, tok: Token) -> n.Number | n.Percent:
        if tok.type == "PERCENT":
            return n.Percent(_percent_value(str(tok)), span=self._tsp(tok), text=str(tok))
        return n.Number(to_fraction(tok), span=self._tsp(tok), text=str(tok))

    def from_dash(self, meta: Any, _tu: Token, low: n.Expr, high: n.Expr) -> n.Range:
        return self._range(meta, None, low, True, high, True)

    def from_dash_below(self, meta: Any, _tu: Token, low: n.Expr, _duoi: Token, high: n.Expr) -> n.Range:
        return self._range(meta, None, low, True, high, False)

    def subj_from_to(self, meta: Any, subj: n.Expr, _tu: Token, low: n.Expr, _den: Token, high: n.Expr) -> n.Range:
        return self._range(meta, subj, low, True, high, True)

    def subj_from_to_below(self, meta: Any, subj: n.Expr, _tu: Token, low: n.Expr, _den: Token, _duoi: Token,
                           high: n.Expr) -> n.Range:
        return self._range(meta, subj, low, True, high, False)

    def from_up(self, meta: Any, *args: Any) -> n.Range:
        low = next(a for a in args if not isinstance(a, Token))
        return self._range(meta, None, low, True, None, False)

    def subj_from_dash(self, meta: Any, subj: n.Expr, _tu: Token, low: n.Expr, high: n.Expr) -> n.Range:
        return self._range(meta, subj, low, True, high, True)

    def subj_from_dash_below(self, meta: Any, subj: n.Expr, _tu: Token, low: n.Expr, _duoi: Token,
                             high: n.Expr) -> n.Range:
        return self._range(meta, subj, low, True, high, False)

    def subj_from_up(self, meta: Any, subj: n.Expr, _tu: Token, low: n.Expr, _up: Token) -> n.Range:
        return self._range(meta, subj, low, True, None, False)

    def below(self, meta: Any, _duoi: Token, high: n.Expr) -> n.Range:
        return self._range(meta, None, None, False, high, False)

    def subj_below(self, meta: Any, subj: n.Expr, _duoi: Token, high: n.Expr) -> n.Range:
        return self._range(meta, subj, None, False, high, False)

    def above(self, meta: Any, _tren: Token, low: n.Expr) -> n.Range:
        return self._range(meta, None, low, False, None, False)

    def above_to(self, meta: Any, _tren: Token, low: n.Expr, _den: Token, high: n.Expr) -> n.Range:
        return self._range(meta, None, low, False, high, True)

    def above_to_below(self, meta: Any, _tren: Token, low: n.Expr, _den: Token, _duoi: Token, high: n.Expr) -> n.Range:
        return self._range(meta, None, low, False, high, False)

    def up_to(self, meta: Any, high: n.Expr, _down: Token) -> n.Range:
        return self._range(meta, None, None, False, high, True)

    def subj_up_to(self, meta: Any, subj: n.Expr, _tu: Token, high: n.Expr, _down: Token) -> n.Range:
        return self._range(meta, subj, None, False, high, True)

    def subj_above(self, meta: Any, subj: n.Expr, _tren: Token, low: n.Expr) -> n.Range:
        return self._range(meta, subj, low, False, None, False)

    def implicit_cmp(self, meta: Any, op: Token, right: n.Expr) -> n.Compare:
        return n.Compare(None, _OPS[str(op).lower()], right, span=self._sp(meta))

    def implicit_eq(self, meta: Any, expr: n.Expr) -> n.Compare:
        return n.Compare(None, "=", expr, span=self._sp(meta))

    # ---------------------------------------------------------------- results
    def result(self, meta: Any, expr: n.Expr) -> tuple[n.Expr, None]:
        return (expr, None)

    def result_assign(self, meta: Any, name: n.Name, _eq: Token, expr: n.Expr) -> tuple[n.Expr, str]:
        return (expr, name.name)

    # ------------------------------------------------------------- statements
    def assign(self, meta: Any, name: n.Name, _eq: Token, expr: n.Expr) -> n.Assign:
        return n.Assign(name, expr, span=self._sp(meta))

    def sum_items(self, meta: Any, *toks: Token) -> n.SumItems:
        ids = [str(t) for t in toks if t.type == "ITEM_ID"]
        return n.SumItems(ids[0], ids[1], span=self._sp(meta))

    def cap(self, meta: Any, _tong: Token, _kq: Token, expr: n.Expr) -> n.Cap:
        return n.Cap(expr, span=self._sp(meta))


_IGNORED = " \n"  # the grammar's %ignore
_OPEN_OR_IGNORED = "(" + _IGNORED
#: rules (and aliases) that build an expression: the only nodes `"(" expr ")"` can wrap
_EXPR_RULES = frozenset({"number", "percent", "points", "pct_of_max", "maxpts", "itemref", "name_ref",
                         "add", "sub", "mul", "div", "jmul", "neg"})


def _parenthesised(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened over the parentheses written directly around it.

    When k pairs wrap an expression, the runs of `(` before it and `)` after it
    may be longer (they then open and close other groups), but never both:
    the (k+1)-th of each would match each other and wrap it too.  So the
    wrapping pairs are as many as the shorter run."""
    while True:
        i = start - 1
        while i >= 0 and text[i] in _IGNORED:
            i -= 1
        if i < 0 or text[i] != "(":
            return start, end
        j = end
        while j < len(text) and text[j] in _IGNORED:
            j += 1
        if j >= len(text) or text[j] != ")":
            return start, end
        start, end = i, j + 1


class _Meta:
    """The positions of a rule's node (Lark's ``Meta`` with ``propagate_positions``)."""

    __slots__ = ("start_pos", "end_pos")
    empty = False

    def __init__(self, start: int, end: int) -> None:
        self.start_pos = start
        self.end_pos = end


_FUNCS: dict[str, Callable[..., Any]] | None = None


def build_tree(tree: Tree[Any], text: str, span_of: SpanOf) -> Any:
    """``AstBuilder(span_of).build(tree, text)`` without the cost of making a
    `Transformer` (and of Lark's `v_args` wrapper around ``build``)."""
    builder = object.__new__(AstBuilder)
    builder.span_of = span_of
    return builder._build(tree, text)[0]


# ------------------------------------------------- questions asked of a tree
# The parser asks of trial pieces questions whose answers the tree already
# holds (is it a name? is it prose?); answering them here avoids building
# nodes that would be thrown away.  Each agrees with the built nodes.

def _subtrees(tree: Tree[Any]) -> Iterator[Tree[Any]]:
    stack = [tree]
    while stack:
        t = stack.pop()
        yield t
        for c in t.children:
            if isinstance(c, Tree):
                stack.append(c)


def tree_name(tree: Tree[Any]) -> str | None:
    """The name of an `expr` tree that builds to a `Name` (``Name.name``), else None."""
    if tree.data != "name_ref":
        return None
    name = None
    for c in tree.children:
        if isinstance(c, Tree):
            if c.data == "superlative":
                return None
            if c.data == "name":
                name = c
    assert name is not None  # the grammar: `name_ref: name superlative?`
    return canonical_name([str(t) for t in name.children])


def tree_names(tree: Tree[Any]) -> list[str]:
    """``Name.name`` of every `Name` node the (expression) tree builds."""
    return [canonical_name([str(t) for t in t.children]) for t in _subtrees(tree) if t.data == "name"]


_NAME_WORD_TOKENS = frozenset({"WORD", "TYLE", "DIEM"})


def leading_name_words(stack: list[Any] | None) -> list[str] | None:
    """The first two words of the name a piece starts with, from the parser's
    value stack after its second token (`LalrDriver.stack_at_shift`): both
    tokens are words of the same, still open `name` (`Số lượng …`), else None."""
    if stack is None or len(stack) != 2:
        return None
    first, second = stack
    if (type(first) is Tree and first.data.startswith("__name_plus") and len(first.children) == 1
            and type(second) is Token and second.type in _NAME_WORD_TOKENS):
        return [str(first.children[0]), str(second)]
    return None


def _same_unit(bound: n.Expr | None, other: n.Expr | None) -> n.Expr | None:
    """A range's bound written as a bare number beside a percentage (`từ 70 - 90%`, `từ 70 đến dưới 90%`): the
    percentage's unit, as a reader takes it (a ratio is never 70); `parser` notes it (CDS114).  Else as written."""
    if type(bound) is n.Number and type(other) is n.Percent:
        return n.Percent(bound.value / 100, span=bound.span, text=bound.text)
    return bound


def result_expr_tree(tree: Tree[Any]) -> Tree[Any]:
    """The expression of a `result` tree (the first item of the built pair)."""
    return tree.children[2] if tree.data == "result_assign" else tree.children[0]


_BINOP_OR_MAX = frozenset({"add", "sub", "mul", "div", "jmul", "mul_word", "div_word", "pct_of_max", "maxpts"})


def has_binop_or_maxpoints(tree: Tree[Any]) -> bool:
    """The built expression holds a `BinOp` or a `MaxPoints`."""
    return any(t.data in _BINOP_OR_MAX for t in _subtrees(tree))


def compare_right_tree(tree: Tree[Any]) -> Tree[Any] | None:
    """For a `condition` tree that builds to a `Compare` with a left side: its right side, else None."""
    if tree.data == "condition":
        c = tree.children[0]
        if isinstance(c, Tree) and c.data == "cmp":
            return c.children[2]
    return None


def _rule_functions() -> dict[str, Callable[..., Any]]:
    """Rule name -> the plain function of `AstBuilder` (unwrapped from `v_args`)."""
    global _FUNCS
    if _FUNCS is None:
        funcs = {}
        for name, value in vars(AstBuilder).items():
            if name.startswith("_") or name in ("build", "transform"):
                continue
            func = getattr(value, "base_func", value)
            if callable(func):
                funcs[name] = func
        _FUNCS = funcs
    return _FUNCS
