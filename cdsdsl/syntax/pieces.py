"""Read one piece of a formula line with the Lark LALR grammar ``grammar/formula.lark``.

Takes: a piece of normalised text (an expression, a condition, a result or a
statement) and the start symbol to read it with.
Returns: its nodes (`build.py`), with spans into the user's text, or a
`PieceError` saying where and why it does not read (codes CDS1xx).

Lark builds the tables once per process (`lark_parser`); the lean driver of
`lalr.py` reads most pieces on them (`lalr_driver`), Lark itself the rest.
Pieces repeat from cell to cell, so Lark's answers are cached by text
(`clear_piece_caches` forgets them).  `PieceReader` holds one formula's
normalised text and answers the questions the line classifier asks of its
pieces (does it read? is it prose? is it plain words?).
"""
from __future__ import annotations

import functools
import re
import threading
from typing import Any, cast

from lark import Lark, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from cdsdsl.diagnostics.core import Diagnostic, FormulaSyntaxError
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.build import BuildError, build_tree, canonical_name, leading_name_words, tree_names
from cdsdsl.syntax.grammars import grammar_path
from cdsdsl.syntax.lalr import Failure, LalrDriver, NotHandled
from cdsdsl.syntax.lines import statement_cuts
from cdsdsl.text.normalize import Normalized, normalize
from cdsdsl.text.repair import Repair, repair_words
from cdsdsl.text.source import Source, Span

#: the deepest expression tree a piece may build (CDS160): about one level per operation chained in
#: one expression (``a1 + a2 + … + a200``).  Building, checking, compiling and scoring recurse one to
#: three frames per level; without the bound a sum of ~300 terms stopped `compile_formula` and ~450
#: `check_formula` with a RecursionError.  200 keeps them well within Python's recursion limit
#: wherever they are called from.
MAX_TREE_DEPTH = 200
_STARTS = ["expr", "condition", "result", "statement"]
_lock = threading.Lock()
_parser: Lark | None = None


def lark_parser() -> Lark:
    """The LALR parser, built once per process (thread-safe)."""
    global _parser
    if _parser is None:
        with _lock:
            if _parser is None:
                _parser = Lark(grammar_path("formula.lark").read_text(encoding="utf-8"),
                               parser="lalr", start=_STARTS, propagate_positions=False,
                               maybe_placeholders=False, cache=True)
    return _parser


_driver: LalrDriver | None = None


def lalr_driver() -> LalrDriver:
    """The lean driver over `lark_parser()`'s tables (cdsdsl/syntax/lalr.py).

    The driver reads Lark's internal tables: a Lark it was not tested with raises
    `LarkMismatch` here, on first use, rather than being trusted or silently replaced."""
    global _driver
    if _driver is None:
        parser = lark_parser()
        with _lock:
            if _driver is None:
                _driver = LalrDriver(parser)  # raises LarkMismatch for a Lark it was not tested with
    return _driver


def _tree_depth(tree: Any) -> int:
    """The number of levels of a Lark tree, counted without recursion (tokens are leaves)."""
    deepest = 0
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > deepest:
            deepest = depth
        for child in getattr(node, "children", ()):
            if not isinstance(child, str):
                stack.append((child, depth + 1))
    return deepest




@functools.lru_cache(maxsize=4096)
def _parse_tree(kind: str, text: str) -> tuple[Any, ...]:
    """Lark's reading of one piece, positions relative to the piece:
    ``("ok", tree)`` or ``("error", start, end, code, params)``.

    Cached by text: decisions repeat the same pieces (`Điểm tối đa`,
    `0 điểm`, `Tỷ lệ=a/b`) in cell after cell.  Trees are never mutated
    (the builder makes new nodes), so sharing them is safe."""
    try:
        return ("ok", lalr_driver().parse(text, kind))
    except Failure as failure:
        return _error_outcome(text, failure)
    except NotHandled:
        pass
    try:
        return ("ok", lark_parser().parse(text, start=kind))
    except (UnexpectedEOF, UnexpectedToken) as exc:
        tok = getattr(exc, "token", None)
        if tok is None or tok.type == "$END":
            return _error_outcome(text, Failure("eof"))
        return _error_outcome(text, Failure("token", tok.start_pos or 0, str(tok)))
    except UnexpectedCharacters as exc:
        return _error_outcome(text, Failure("chars", cast(int, exc.pos_in_stream)))
    except UnexpectedInput as exc:  # pragma: no cover - other lark errors
        s = getattr(exc, "pos_in_stream", 0) or 0
        return ("error", s, s + 1, "CDS100", (("detail", str(exc).splitlines()[0]),))


def _error_outcome(text: str, failure: Failure) -> tuple[Any, ...]:
    """The ``("error", start, end, code, params)`` of a piece that fails: CDS101 (CDS103 with an
    unclosed `(`) at its end, CDS102 at an unexpected token or character."""
    if failure.what == "eof":
        stripped = text.rstrip()
        last = stripped[-1:] or "?"
        code = "CDS103" if text.count("(") > text.count(")") else "CDS101"
        at = max(0, len(stripped) - 1)
        return ("error", at, at + 1, code, (("after", last),))
    s = failure.start
    if failure.what == "token":
        return ("error", s, s + max(1, len(failure.value)), "CDS102", (("token", failure.value),))
    return ("error", s, s + 1, "CDS102", (("token", text[s]),))


_NOT_IN_LANGUAGE = "<not in the language>"


@functools.lru_cache(maxsize=4096)
def _opening_name(kind: str, text: str) -> str | None:
    """The name (`canonical_name`) of the first two words of ``text`` read as
    ``kind`` when they open a name of several words (`leading_name_words`);
    `_NOT_IN_LANGUAGE` when the text fails before its second token; else None.
    Cached by text, like `_parse_tree`."""
    try:
        words = leading_name_words(lalr_driver().stack_at_shift(text, kind, 2))
    except Failure:
        return _NOT_IN_LANGUAGE
    except NotHandled:
        return None
    return None if words is None else canonical_name(words)


def clear_piece_caches() -> None:
    """Forget every piece and line read so far (`_parse_tree`, `_opening_name`,
    `lines.statement_cuts`, `_normalized`): for benchmarks that measure reading text the parser has not seen."""
    _parse_tree.cache_clear()
    _opening_name.cache_clear()
    statement_cuts.cache_clear()
    _normalized.cache_clear()


@functools.lru_cache(maxsize=1024)
def _normalized(text: str) -> tuple[Normalized, tuple[Repair, ...]]:
    """``text`` normalised and its damaged words repaired (`text.repair`), cached by text: a ruleset's
    cells are read by the checker, the scorer and the explainer alike."""
    return repair_words(normalize(text))


class PieceError(Exception):
    """A piece that does not read: where (positions in the normalised text), the code, its parameters."""

    def __init__(self, start: int, end: int, code: str, **args: Any) -> None:
        super().__init__(code)
        self.start, self.end, self.code, self.params = start, end, code, args


#: names the decisions use without declaring them
KNOWN_WORDS = {"Tỷ lệ", "Điểm", "Tỷ trọng"}

# Plain words: letters of Vietnamese (and ASCII) only, separated by spaces or
# line breaks.  Lark reads such a piece as one `name` of WORD tokens unless a
# word starts one of the grammar's keyword terminals (`_KEYWORD_WORDS`, and
# `t[ỷỉy]…` for `Tỷ lệ`/`Tỷ trọng`); `plain_words` finds the pieces for which
# Lark's answer is known without asking it.
_VI_LETTERS = ("a-zA-Z"
               "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
               "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ")
_PLAIN_WORDS = re.compile(f"[{_VI_LETTERS}]+(?:[ \n]+[{_VI_LETTERS}]+)*")
_KEYWORD_WORDS = frozenset(
    "điểm đ đến tới đạt không tối quá bằng của trên trong dưới nhỏ ít thấp lớn nhiều cao "
    "từ trở và nhân chia".split())
# (`số`, `mục`, `chỉ`, `tổng`, `cộng` start keywords only before `điểm` or a number)
_TY_SECOND = ("ỷ", "ỉ", "y")  # `t[ỷỉy]` starts a `TYLE` token

_NAME_NUMBER = re.compile(r" \d+(\.\d+)?$")
LONG_WORD = re.compile(r"[^\W\d_]{2,}")
_new = object.__new__
_set = object.__setattr__


class PieceReader:
    """One formula's normalised text, its diagnostics so far and the names it defined so far, and
    the questions asked of its pieces (`piece`, `piece_tree`, `plain_words`, `is_prose_tree`, …)."""

    def __init__(self, text: str, source: Source) -> None:
        self.text = text
        self.source = source
        #: the text normalised, its damaged words repaired (`text.repair`), and the repairs made
        self.norm: Normalized
        self.norm, self.repairs = _normalized(text)
        self.nt = self.norm.text
        self.diags: list[Diagnostic] = []
        self.defined: set[str] = set()
        self._memo: dict[tuple[str, int, int, str], tuple[bool, Any]] = {}

    # -------------------------------------------------------------- helpers
    def span(self, start: int, end: int) -> Span:
        """The span in the user's text of normalised ``[start, end)``."""
        return self.norm.span(start, end)

    def error(self, code: str, start: int, end: int, **args: Any) -> FormulaSyntaxError:
        """The error (to raise) of ``code`` at normalised ``[start, end)`` (at least one character)."""
        end = max(end, start + 1) if start < len(self.nt) else end
        d = Diagnostic.make(code, self.span(start, end), source=self.source, **args)
        return FormulaSyntaxError([d])

    def warn(self, code: str, start: int, end: int, **args: Any) -> None:
        """Record the warning ``code`` at normalised ``[start, end)`` (the formula's diagnostics)."""
        self.diags.append(Diagnostic.make(code, self.span(start, end), source=self.source, **args))

    def piece(self, kind: str, start: int, end: int) -> Any:
        """Parse ``nt[start:end]`` with start symbol ``kind``; raise PieceError.

        Memoised per formula: the classifier asks about the same piece several
        times (is it a result? a condition?) and each answer costs a parse."""
        key = (kind, start, end, self.nt)
        hit = self._memo.get(key)
        if hit is None:
            try:
                hit = (True, self._piece(kind, start, end))
            except PieceError as err:
                hit = (False, err)
            self._memo[key] = hit
        if hit[0]:
            return hit[1]
        raise hit[1]

    def _piece(self, kind: str, start: int, end: int) -> Any:
        """`piece` without the memo: Lark's reading (cached by text), its depth checked (CDS160),
        its nodes built with spans into the user's text."""
        outcome = _parse_tree(kind, self.nt[start:end])
        if outcome[0] == "error":
            _, rs, re_, code, params = outcome
            raise PieceError(start + rs, start + re_, code, **dict(params))
        norm = self.norm
        starts, ends, size, slow = norm.starts, norm.ends, len(norm.text), norm.span

        def span_of(a: int, b: int) -> Span:  # `norm.span(start + a, start + b)`, its common case inline
            a += start
            b += start
            if 0 <= a < b <= size:
                s0 = starts[a]
                e0 = ends[b - 1]
                sp = _new(Span)  # `span_unchecked(s0, max(s0, e0))` inline
                _set(sp, "start", s0)
                _set(sp, "end", e0 if e0 > s0 else s0)
                return sp
            return slow(a, b)

        if end - start > MAX_TREE_DEPTH // 2:  # a piece is at most ~2 levels deep per character
            depth = _tree_depth(outcome[1])
            if depth > MAX_TREE_DEPTH:
                raise self.error("CDS160", start, end, depth=depth, limit=MAX_TREE_DEPTH)
        try:
            return build_tree(outcome[1], self.nt[start:end], span_of)
        except BuildError as orig:
            raise PieceError(start + orig.start, start + orig.end, orig.code, **orig.params) from None

    def piece_tree(self, kind: str, start: int, end: int) -> Any:
        """Lark's tree of ``nt[start:end]`` read as ``kind``, or None when it does not parse: for
        trial pieces whose nodes are not needed (the questions are answered from the tree).

        The nodes of a long piece are still built, as before, so that a tree too deep to
        build fails the same way (RecursionError → CDS104); a piece of at most 200
        characters is at most ~400 levels deep, well within the recursion limit."""
        outcome = _parse_tree(kind, self.nt[start:end])
        if outcome[0] == "error":
            return None
        if end - start > 200:
            self.try_piece(kind, start, end)
        return outcome[1]

    def plain_words(self, start: int, end: int) -> list[str] | None:
        """The words of ``nt[start:end]`` when it is plain words none of which can start a keyword of
        the grammar (so Lark reads it as one `name` of WORD tokens: `Số văn bản ký số`), else None."""
        text = self.nt[start:end]
        words = text.split()
        for w in words:  # first the cheaper test, which most prose fails (`của`, `trên`, `số điểm`)
            low = w.lower()
            if low in _KEYWORD_WORDS or (low[:1] == "t" and low[1:2] in _TY_SECOND):
                return None
        return words if _PLAIN_WORDS.fullmatch(text) else None

    def opens_unknown_name(self, start: int, end: int, kind: str = "expr") -> bool:
        """True when ``nt[start:end]``, read as ``kind``, is prose whatever
        follows its first two tokens: they open a name of several words that
        neither is nor begins a defined name (so Lark's tree, if any, has an
        unknown name of several words: `is_prose_tree`), and the text has a word
        of two letters (so that a failed reading is prose too, not CDS110).
        Saves reading the long descriptions of declarations (`a = Số lượng …`)
        and options (`Chưa có Ban chỉ đạo …`).
        Longer pieces than `piece_tree` reads without building are left to it."""
        text = self.nt[start:end]
        if end - start > 200 or not LONG_WORD.search(text):
            return False
        prefix = _opening_name(kind, text)
        if prefix is None or prefix is _NOT_IN_LANGUAGE:
            return prefix is _NOT_IN_LANGUAGE  # not an expression: prose (declaration() treats a failed reading so)
        return not any(k == prefix or k.startswith(prefix + " ") for k in (*KNOWN_WORDS, *self.defined))

    def is_prose_tree(self, tree: Any) -> bool:
        """`is_prose_expr` of the expression ``tree`` builds."""
        for name in tree_names(tree):
            if " " in name:
                base = _NAME_NUMBER.sub("", name)
                if base not in KNOWN_WORDS and base not in self.defined:
                    return True
        return False

    def try_piece(self, kind: str, start: int, end: int) -> Any:
        """`piece`, or None when the piece does not read."""
        try:
            return self.piece(kind, start, end)
        except PieceError:
            return None

    def fail(self, err: PieceError) -> FormulaSyntaxError:
        """The error to raise for a piece that must read and does not."""
        return self.error(err.code, err.start, err.end, **err.params)

    def strip_range(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` without leading spaces and trailing spaces and `;.,`."""
        while start < end and self.nt[start] in " \t":
            start += 1
        while end > start and self.nt[end - 1] in " \t;.,":
            end -= 1
        return start, end

    def is_prose_expr(self, expr: Any) -> bool:
        """True when an 'expression' is really prose: an unknown name of several words."""
        for node in expr.walk():
            if isinstance(node, n.Name) and " " in node.name:
                base = _NAME_NUMBER.sub("", node.name)
                if base not in KNOWN_WORDS and base not in self.defined:
                    return True
        return False

    def is_constant(self, expr: Any) -> bool:
        """True when ``expr`` holds no name, no aggregate and no `Điểm tối đa`."""
        return not any(isinstance(x, (n.Name, n.Aggregate, n.MaxPoints)) for x in expr.walk())

    def original(self, start: int, end: int) -> str:
        """The words the user pasted for normalised ``[start, end)``."""
        sp = self.span(start, end)
        return self.text[sp.start:sp.end]

