"""Parse one indicator's scoring text into a `Formula` AST.

Takes: the text as the decision prints it (``Cách xác định và tính điểm``).
Returns: `cdsdsl.syntax.nodes.Formula` with every node's span pointing into that
text, and ``Formula.diagnostics`` holding the warnings of recoveries; raises
`FormulaSyntaxError` (codes CDS1xx) for text that really cannot be read.

Pipeline: `normalize` → logical lines (bullets, parts, wrapped lines joined,
one-line pastes split at ``;``) → each line classified (declaration,
assignment, case, level, heading, per-item, cap, sum of items, cohort method,
note) → its formal pieces parsed by the Lark LALR grammar
``grammar/formula.lark`` → nodes built by `build.py`.
"""
from __future__ import annotations

import bisect
import functools
import re
import threading
from fractions import Fraction
from typing import Any, NamedTuple

import attrs
from lark import Lark, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from cdsdsl.diagnostics.core import Diagnostic, FormulaSyntaxError
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.build import (
    BuildError,
    build_tree,
    canonical_name,
    compare_right_tree,
    has_binop_or_maxpoints,
    leading_name_words,
    result_expr_tree,
    tree_name,
    tree_names,
)
from cdsdsl.syntax.grammars import grammar_path
from cdsdsl.syntax.lalr import Failure, LalrDriver, NotHandled
from cdsdsl.text.normalize import MAX_NUMBER_DIGITS, Normalized, normalize
from cdsdsl.text.source import Source, Span

MAX_DEPTH = 50
#: a necessary condition of a number longer than that (`_NUMBER_RUN` is looked for only then)
_LONG_NUMBER = re.compile(r"\d[\d.]{%d,}" % MAX_NUMBER_DIGITS)
_NUMBER_RUN = re.compile(r"\d+(?:\.\d+)?")
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
    """The lean driver over `lark_parser()`'s tables (cdsdsl/lalr.py).

    The driver reads Lark's internal tables: a Lark it was not tested with raises
    `LarkMismatch` here, on first use, rather than being trusted or silently replaced."""
    global _driver
    if _driver is None:
        parser = lark_parser()
        with _lock:
            if _driver is None:
                _driver = LalrDriver(parser)  # raises LarkMismatch for a Lark it was not tested with
    return _driver


# ------------------------------------------------------------------ lines

class Line(NamedTuple):
    """One logical line (a tuple: made for every line of every cell, cheaply)."""

    start: int  # content start in normalised text (after bullet)
    end: int  # content end (before trailing ; .)
    bullet: str | None
    joined: bool = False
    stray: tuple[tuple[str, int], ...] = ()  # doubled punctuation (token, position)
    #: the line ended with `;` or `.` (a finished statement)
    closed: bool = False


_OPERATOR_BEFORE = frozenset("-+*/(=<>:,")
# where a statement can start inside one physical line (a formula pasted on one line)
_STATEMENT_START = re.compile(
    r"[-+]\s|[A-Za-z]\s*[=:.](?!=)\s|[A-Za-z]\s*=(?!=)|[A-Za-z]\s+là\s|t[ỷỉ] ?lệ\s*(?:[=<>]|$)|điểm(?: đánh giá)?\s*[=:]"
    r"|mức\s*\d|(?:từ|dưới|trên|mỗi)\s|(?:giải thích|ghi chú|lưu ý)\s*:|\d+\.\s+\S",
    re.I)
_CUT_SEMI = re.compile(r";\s*(?=\S)")
_CUT_BULLET_AFTER_PUNCT = re.compile(r"[:.;]\s+(?=[-+]\s+\S)|;\s*(?=[-+]\s*\S)")
_CUT_BULLET = re.compile(r"\s\s*(?=[-+]\s+\S)")  # `_space_runs`
_NOT_BULLET_START = re.compile(r"(?:điểm tối đa|điểm phần này|số điểm tối đa|mục\s*\d|\d)", re.I)
_LEVEL_PREFIX = re.compile(r"^[-+]?\s*mức\s*\d+\s*[:.]?", re.I)
_ASSIGN_LINE = re.compile(r"^[-+]?\s*(?:[A-Za-z]|t[ỷỉ] ?lệ|điểm(?: đánh giá)?)\s*(?:=(?![<>=])|:\s*$|:\s*[-+]\s)", re.I)
_DECL_LINE = re.compile(r"^[-+]?\s*[A-Za-z]\s*=(?![<>=])\s*\S")
_NEXT_BREAK = re.compile(r";|\s[-+]\s")
_EXPLAIN_START = re.compile(r"(?:giải thích|ghi chú|lưu ý)\s*:", re.I)
_CUT_SENTENCE = re.compile(r"(?<=[^\d\s.])\.\s+(?=\S)")
# a space before a statement with no bullet: `... Tỷ lệ = a/b`, `... Đơn vị: triệu đồng`.  One pattern
# per group of words, each looked for only when the chunk holds what all its matches contain.
# The `_CUT_*` patterns of space runs start with `\s` rather than `(?<=\S)`, so that `re` skips to
# the spaces at C speed; `_space_runs` then drops the run that starts the chunk
_CUT_BARE_COMPARE = re.compile(r"\s\s*(?=t[ỷỉ] ?lệ\s*(?:>=|<=|<|>|=)|[a-z]\s*=(?!=)|điểm(?: đánh giá)?\s*=)",
                               re.I)  # needs one of <>=
_CUT_BARE_PUNCT = re.compile(r"\s\s*(?=(?:giải thích|ghi chú|lưu ý)\s*:|[a-z]\.\s+(?-i:[A-ZĐÀ-Ỹ]))",
                             re.I)  # needs : or .
_CUT_BARE_WORDS = re.compile(
    r"\s\s*(?=đơn vị(?: tính)?\s*:?\s*(?:triệu|tỷ|tỉ|nghìn|ngàn|đồng)"
    r"|(?-i:Danh) (?:mục|sách)\s|(?-i:Tính) điểm theo\s|(?-i:Cộng) điểm\s)", re.I)  # needs đơn, Danh, Tính or Cộng


def _space_runs(pattern: "re.Pattern[str]", chunk: str) -> list[tuple[int, int]]:
    r"""The spans `(?<=\S)\s+(?=X)` finds, from ``pattern`` = `\s\s*(?=X)` (X starts with a
    character that is not a space): a run that follows a non-space is matched whole by both;
    the run at the start of the chunk only by ``pattern``, and is dropped; and neither
    matches inside a run."""
    return [m.span() for m in pattern.finditer(chunk) if m.start() and not chunk[m.start() - 1].isspace()]


def _bare_cuts(chunk: str, low: str) -> set[tuple[int, int]]:
    """(start, end) of the spaces before a statement written without a bullet (``low`` is
    ``chunk.lower()``; `đơn` has no case variant that `str.lower` and `re.I` see differently)."""
    found: set[tuple[int, int]] = set()
    if "=" in chunk or "<" in chunk or ">" in chunk:
        found.update(_space_runs(_CUT_BARE_COMPARE, chunk))
    if ":" in chunk or "." in chunk:
        found.update(_space_runs(_CUT_BARE_PUNCT, chunk))
    if "đơn" in low or "Danh " in chunk or "Tính " in chunk or "Cộng " in chunk:
        found.update(_space_runs(_CUT_BARE_WORDS, chunk))
    return found


_CUT_LEVEL = re.compile(r"\s\s*(?=mức\s*\d+\s*[:>=<(])", re.I)  # `_space_runs`
_CUT_HEADING_EQ = re.compile(r"điểm(?: đánh giá)?\s*=\s+(?=[-+]\s+\S)", re.I)
_CUT_PART = re.compile(r"(?<=[^\d.\s;:])\s+(?=\d\.\s+[A-ZĐÀ-Ỹ][^\d])")
_CONJ_BEFORE = re.compile(r"(?:^|\s)(và|hoặc|với|của|là|thì|nếu|khi|hợp)$", re.I)


_UPPER_NOT_STATEMENT = re.compile(r"[A-Z](?![^\W\d_])(?!\s*[=.:])")
_ENDS_WITH_LETTER = re.compile(r"(?:^|[\s;])[A-Za-z]$")
_PAREN = re.compile(r"[()]")
# necessary conditions of the cut patterns (a match of the pattern contains a match of these
# plain ones, which are much faster to look for): a pass is skipped when its condition fails
_PRE_BULLET_AFTER_PUNCT = re.compile(r"[:.;]\s*[-+]")
_PRE_SENTENCE = re.compile(r"\.\s")
_PRE_PART = re.compile(r"\d\.\s")
_PRE_HEADING_EQ = re.compile(r"=\s+[-+]")
_PRE_BULLET = re.compile(r"\s[-+]\s")
_new = object.__new__
_set = object.__setattr__


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


def _starts_statement(chunk: str, at: int) -> bool:
    # the patterns are matched at `at` in place (neither has `^` or a look-behind): no copy of the rest
    if at >= len(chunk):
        return False
    first = chunk[at]
    if first.isalpha() and first.isupper() and not _UPPER_NOT_STATEMENT.match(chunk, at):
        return True
    return bool(_STATEMENT_START.match(chunk, at))


@functools.lru_cache(maxsize=4096)
def _cuts(chunk: str) -> list[int]:
    """Positions in ``chunk`` where a new statement starts (a one-line paste).
    Cached by text (lines repeat from cell to cell); callers do not change the list.

    A pass whose pattern needs a character the chunk does not hold is skipped
    (it could match nothing)."""
    if len(chunk) < 3:
        return []
    if "(" in chunk:  # no `(`: depth 0 everywhere
        # the depth after each parenthesis, counted once (a long pasted line has many)
        paren_at: list[int] = []
        depth_after: list[int] = []
        d = 0
        for m in _PAREN.finditer(chunk):
            d = d + 1 if m.group() == "(" else max(0, d - 1)
            paren_at.append(m.start())
            depth_after.append(d)

        def depth_at(pos: int) -> int:
            """The nesting depth of parentheses before ``chunk[pos]``."""
            k = bisect.bisect_left(paren_at, pos)
            return depth_after[k - 1] if k else 0
    else:
        def depth_at(pos: int) -> int:
            return 0
    cuts: set[int] = set()

    def prev_char(pos: int) -> str:
        j = pos - 1
        while j >= 0 and chunk[j] == " ":
            j -= 1
        return chunk[j] if j >= 0 else ""

    has_semi = ";" in chunk
    has_dot = "." in chunk
    has_sign = "-" in chunk or "+" in chunk
    if has_semi:
        for m in _CUT_SEMI.finditer(chunk):
            if depth_at(m.start()) == 0 and _starts_statement(chunk, m.end()):
                cuts.add(m.end())
    if has_sign and _PRE_BULLET_AFTER_PUNCT.search(chunk):
        for m in _CUT_BULLET_AFTER_PUNCT.finditer(chunk):
            if depth_at(m.start()) == 0:
                cuts.add(m.end())
    if has_dot and _PRE_SENTENCE.search(chunk):
        for m in _CUT_SENTENCE.finditer(chunk):
            if (depth_at(m.start()) == 0 and _starts_statement(chunk, m.end())
                    and not _ENDS_WITH_LETTER.search(chunk, max(0, m.start() - 4), m.start())):
                cuts.add(m.end())
    low = chunk.lower()
    for start, end in _bare_cuts(chunk, low):
        if (depth_at(start) == 0 and prev_char(start) not in _OPERATOR_BEFORE
                and not _CONJ_BEFORE.search(chunk, max(0, start - 12), start)):
            cuts.add(end)
    if "mức" in low:
        for start, end in _space_runs(_CUT_LEVEL, chunk):
            if depth_at(start) == 0 and prev_char(start) not in _OPERATOR_BEFORE - {":"}:
                cuts.add(end)
    if "=" in chunk and has_sign and _PRE_HEADING_EQ.search(chunk):
        for m in _CUT_HEADING_EQ.finditer(chunk):
            if depth_at(m.start()) == 0:
                cuts.add(m.end())
    if has_dot and _PRE_PART.search(chunk):
        for m in _CUT_PART.finditer(chunk):
            if depth_at(m.start()) == 0:
                cuts.add(m.end())
    if not (has_sign and _PRE_BULLET.search(chunk)):
        return sorted(c for c in cuts if 0 < c < len(chunk)) if cuts else []
    # last: a bare bullet is judged by the statement before it
    earlier = sorted(cuts)  # the cuts so far; those this pass adds come in order, before the next run
    added = 0
    for m_start, m_end in _space_runs(_CUT_BULLET, chunk):
        after = m_end + 1
        while after < len(chunk) and chunk[after] == " ":
            after += 1
        if (depth_at(m_start) == 0 and prev_char(m_start) not in _OPERATOR_BEFORE
                and _starts_statement(chunk, after) and not chunk[after].isdigit()):
            # `... Điểm tối đa - Chưa ban hành: 0 điểm` is a new bullet;
            # `Điểm tối đa + Điểm tối đa` is arithmetic: a bullet says `x: y` or `x = y`
            nxt = _NEXT_BREAK.search(chunk, after)
            segment = chunk[after:nxt.start() if nxt else len(chunk)]
            k = bisect.bisect_right(earlier, m_start)
            before = chunk[max(earlier[k - 1] if k else 0, added):m_start]
            before = _LEVEL_PREFIX.sub("", before)
            if _NOT_BULLET_START.match(segment) or not (
                    ":" in before or (_DECL_LINE.match(before) and _DECL_LINE.match(segment))
                    or (_ASSIGN_LINE.match(before) and (_ASSIGN_LINE.match(segment) or ":" in segment))
                    or (_PART_LINE.match(before.strip()) and _starts_statement(chunk, after))):
                continue
            if ":" in segment or "=" in segment or (
                    _PART_LINE.match(chunk[after:]) is None and _EXPLAIN_START.match(segment)):
                cuts.add(m_end)
                added = m_end
    return sorted(c for c in cuts if 0 < c < len(chunk))


_BULLET_RE = re.compile(r"^([-+•*]|[a-zđ]\)(?=\s)|\d{1,2}\)(?=\s))\s*(?=\S)")
# the previous line is already a whole case (`Đã ban hành: 10 điểm`): a line that is a case too never joins it
_WHOLE_CASE = re.compile(r":\s*\S")
_CONT_START = re.compile(r"^[*/)]")
_ENDS_OPEN = re.compile(r"[*/(+=\-,]$")  # asked of the last character of a line only (a joined line can be long)
_DECL_START = re.compile(r"^[A-Za-z]\s*[=.:]|^=")
_NOT_CONTINUATION = re.compile(r"^(từ|dưới|trên|mức|mỗi|tổng điểm|cộng điểm|giải thích|ghi chú|lưu ý|đơn vị)\b", re.I)


def split_lines(text: str) -> tuple[list[Line], str]:
    """Logical lines of normalised text, and the text with the line breaks
    inside joined lines turned into spaces (same length, so positions hold)."""
    raw: list[tuple[int, int]] = []
    pos = 0
    for chunk in text.split("\n"):
        start, end = pos, pos + len(chunk)
        pos = end + 1
        cuts = [start] + [start + c for c in _cuts(chunk)] + [end]
        for a, b in zip(cuts, cuts[1:]):
            raw.append((a, b))
    chars: list[str] | None = None  # made on the first joined line
    lines: list[Line] = []
    for a, b in raw:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        a += lead
        seg = text[a:b].rstrip()
        b = a + len(seg)
        if not seg:
            continue
        bullet = None
        m = _BULLET_RE.match(seg)
        # `*Điểm tối đa` continues a wrapped product; `- 5` stays a bullet
        if m and not (m.group(1) == "*" and lines):
            bullet = m.group(1)
            a += m.end()
            seg = text[a:b]
        stray: list[tuple[str, int]] = []
        closed = False
        # the trailing run of `[\s;.,]` (seg ends with no space, so the run ends with `;`, `.` or `,`)
        t_start = len(seg)
        while t_start and (seg[t_start - 1] in ";.," or seg[t_start - 1].isspace()):
            t_start -= 1
        if t_start < len(seg):
            t_text = seg[t_start:]
            tail = t_text.replace(" ", "")
            closed = tail[:1] in (";", ".")
            if len(tail) > 1:
                second = [i for i, ch in enumerate(t_text) if ch != " "][1]
                stray.append((tail[1:], a + t_start + second))
            b = a + t_start
            seg = text[a:b]
        if not seg:
            continue
        prev = lines[-1] if lines else None
        if prev is not None and bullet is None and "\n" in text[prev.end:a] and (
            _CONT_START.match(seg)
            or (not prev.closed and _ENDS_OPEN.match(text, prev.end - 1, prev.end) and not _DECL_START.match(seg))
            or (not prev.closed and seg[0].islower() and not _DECL_START.match(seg)
                and not _NOT_CONTINUATION.match(seg) and not _STATEMENT_START.match(seg)
                and not (":" in seg and _WHOLE_CASE.search(text, prev.start, prev.end)))
            or (not prev.closed and prev.bullet is not None and ":" not in text[prev.start:prev.end]
                and "=" not in text[prev.start:prev.end] and ":" in seg and not _DECL_START.match(seg)
                and not _STATEMENT_START.match(seg) and not _PART_LINE.match(seg))
        ):
            if chars is None:
                chars = list(text)
            for i in range(prev.end, a):
                if chars[i] == "\n":
                    chars[i] = " "
            lines[-1] = Line(prev.start, b, prev.bullet, True, prev.stray + tuple(stray), closed)
            continue
        lines.append(Line(a, b, bullet, False, tuple(stray), closed))
    return lines, text if chars is None else "".join(chars)


_PART_LINE = re.compile(r"^\d+[.)]\s+\S")


# ------------------------------------------------------------- the parser

@functools.lru_cache(maxsize=4096)
def _parse_tree(kind: str, text: str) -> tuple:
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
        return _error_outcome(text, Failure("chars", exc.pos_in_stream))
    except UnexpectedInput as exc:  # pragma: no cover - other lark errors
        s = getattr(exc, "pos_in_stream", 0) or 0
        return ("error", s, s + 1, "CDS100", (("detail", str(exc).splitlines()[0]),))


def _error_outcome(text: str, failure: Failure) -> tuple:
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
    """Forget every piece and line read so far (`_parse_tree`, `_opening_name`, `_cuts`): for
    benchmarks that measure reading text the parser has not seen."""
    _parse_tree.cache_clear()
    _opening_name.cache_clear()
    _cuts.cache_clear()


class _PieceError(Exception):
    def __init__(self, start: int, end: int, code: str, **args: Any) -> None:
        super().__init__(code)
        self.start, self.end, self.code, self.params = start, end, code, args


_KNOWN_WORDS = {"Tỷ lệ", "Điểm", "Tỷ trọng"}
_UNIT_RE = re.compile(r"(tri[eêệ]u\s+đồng|tỷ\s+đồng|tỉ\s+đồng|nghìn\s+đồng|ngàn\s+đồng|triệu\s+VNĐ|tỷ\s+VNĐ)", re.I)
_CONST_RE = re.compile(r"\((\d+(?:\.\d+)?)\)\s*$")
_COHORT_RE = re.compile(r"phương\s+pháp|min\s*[-–]?\s*max", re.I)  # holds `pháp` or `max`, any case


def _unit(text: str) -> re.Match | None:
    """`_UNIT_RE.search(text)`, skipped when the text lacks `đồng` and `vnđ` in any case (every match
    holds one; no letter of theirs has a case variant that `re.I` and `str.lower` see differently)."""
    low = text.lower()
    return _UNIT_RE.search(text) if "đồng" in low or "vnđ" in low else None
_RATIO_BEST_RE = re.compile(r"(t[ỷỉ]\s*lệ|so\s+sánh|chia|so)\b.*\bvới\b.*\b(cao|nhiều|lớn)\s+nhất", re.I)
_OTHERWISE_RE = re.compile(r"(còn\s+lại|trường\s+hợp\s+khác|ngoài\s+ra|các\s+trường\s+hợp\s+khác)", re.I)
_BEST_RE = re.compile(r"\b(cao|nhiều|lớn)\s+nhất\b|\b(thấp|ít|nhỏ)\s+nhất\b", re.I)
_LEVEL_RE = re.compile(r"^mức\s*(\d+)\s*[:.]?\s*", re.I)
_PART_RE = re.compile(r"^(\d+)[.)]\s+(\S.*)$")
_EXPLAIN_RE = re.compile(r"^(giải\s+thích|ghi\s+chú|lưu\s+ý|chú\s+thích)\s*[:.]", re.I)
_PER_ITEM_RE = re.compile(r"^mỗi\s+", re.I)
_FORMAL_COND = re.compile(r"[<>=]|^(từ|dưới|trên)\s+-?\d|^\d+(\.\d+)?\s*%?\s*$|trở lên", re.I)
_BAD_NUMBER = re.compile(r"(?<![\d.])(?<!mục )(?<!số )(?<!tiêu )(?<!từ )(?<!đến )\d+(?:\.\d+){2,}(?:\s*%)|(?<![\d.])\d+(?:\.\d+)+\.(?=\s*%)|\d+\s*%\s*%", re.I)
_DANGLING_COMPARISON = re.compile(r"^(.*?)(>=|<=|=>|=<|<|>|=)\s*$")
_WHERE_PREFIX = re.compile(r"^(trong\s+đó|với)\s*[:,]?\s*(?=[A-Za-z]\s*(?:=|:|\s là\s|là\s))", re.I)
_IF_THEN = re.compile(r"^(?:nếu|khi|trường\s+hợp)\s+(.+?)\s+thì\s*:?\s+(.+)$", re.I)
_COND_PREFIX = re.compile(r"(?:nếu|khi|trường\s+hợp|với)\s+", re.I)
_PERCENT_LHS = re.compile(r"^(t[ỷỉ] ?lệ|t[ỷỉ] trọng)\s*\(\s*%\s*\)\s*=\s*(?=\S)", re.I)
_BANG = re.compile(r"\s+bằng\s+", re.I)
_INLINE_CAP = re.compile(r"(?:[,;]\s*|\s*\()(?=(?:nhưng\s+)?(?:tối\s+đa\s+(?:không|là|bằng|\d)|tối\s+đa\s+điểm|không\s+quá|tổng\s+(?:số\s+)?điểm))", re.I)
_CAP_WORDS = re.compile(r"(?:nhưng\s+)?(?:tối\s+đa(?:\s+không\s+quá|\s+là|\s+bằng)?|không\s+quá|tổng\s+(?:số\s+)?điểm\s+(?:không\s+(?:vượt\s+)?quá|tối\s+đa(?:\s+là)?))\s*", re.I)
_UNIT_NOTE_RE = re.compile(r"^(đơn\s+vị(\s+tính)?\s*:?\s*)", re.I)


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

# patterns of the classifier, compiled once
_NAME_NUMBER = re.compile(r" \d+(\.\d+)?$")
_SUM_ITEMS_START = re.compile(r"^cộng\s+(tổng\s+)?điểm")
_CAP_START = re.compile(r"^tổng\s+(số\s+)?điểm\s+(không|tối đa)")
_DECL_HEAD = re.compile(r"^([A-Za-z])\s*([=.:]|(?<=\s)là(?=\s))\s*(?=\S)")
_NAME_COMPARISON = re.compile(r"^(t[ỷỉ] ?lệ|điểm)\s*(>=|<=|<|>|=)")
_POINTS_WORD = re.compile(r"điểm|\dđ\b|\d\s*đ$", re.I)
_DIGIT_PAREN = re.compile(r"\d\)")
_COMPARISON_CHAR = re.compile(r"[<>=]")
_FORMAL_START = re.compile(r"^\s*(t[ỷỉ] ?lệ|điểm|[a-z]\b|[<>=])", re.I)
_UNIT_WORD = re.compile(r"^(địa phương|đơn vị|huyện|xã|sở|cơ quan|quận|tỉnh)", re.I)
_DIEM_WORD = re.compile(r"điểm", re.I)
_FORMULA_LIKE = re.compile(r"[*/]|^\(?[A-Za-z]\s*[-+*/]")
_LONG_WORD = re.compile(r"[^\W\d_]{2,}")


class _FormulaParser:
    def __init__(self, text: str, source: Source) -> None:
        self.text = text
        self.source = source
        self.norm: Normalized = normalize(text)
        self.nt = self.norm.text
        self.diags: list[Diagnostic] = []
        self.lark = lark_parser()
        self.defined: set[str] = set()
        self._memo: dict[tuple, tuple[bool, Any]] = {}

    # -------------------------------------------------------------- helpers
    def span(self, start: int, end: int) -> Span:
        return self.norm.span(start, end)

    def error(self, code: str, start: int, end: int, **args: Any) -> FormulaSyntaxError:
        end = max(end, start + 1) if start < len(self.nt) else end
        d = Diagnostic.make(code, self.span(start, end), source=self.source, **args)
        return FormulaSyntaxError([d])

    def warn(self, code: str, start: int, end: int, **args: Any) -> None:
        self.diags.append(Diagnostic.make(code, self.span(start, end), source=self.source, **args))

    def piece(self, kind: str, start: int, end: int) -> Any:
        """Parse ``nt[start:end]`` with start symbol ``kind``; raise _PieceError.

        Memoised per formula: the classifier asks about the same piece several
        times (is it a result? a condition?) and each answer costs a parse."""
        key = (kind, start, end, self.nt)
        hit = self._memo.get(key)
        if hit is None:
            try:
                hit = (True, self._piece(kind, start, end))
            except _PieceError as err:
                hit = (False, err)
            self._memo[key] = hit
        if hit[0]:
            return hit[1]
        raise hit[1]

    def _piece(self, kind: str, start: int, end: int) -> Any:
        outcome = _parse_tree(kind, self.nt[start:end])
        if outcome[0] == "error":
            _, rs, re_, code, params = outcome
            raise _PieceError(start + rs, start + re_, code, **dict(params))
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
            raise _PieceError(start + orig.start, start + orig.end, orig.code, **orig.params) from None

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
        if end - start > 200 or not _LONG_WORD.search(text):
            return False
        prefix = _opening_name(kind, text)
        if prefix is None or prefix is _NOT_IN_LANGUAGE:
            return prefix is _NOT_IN_LANGUAGE  # not an expression: prose (declaration() treats a failed reading so)
        return not any(k == prefix or k.startswith(prefix + " ") for k in (*_KNOWN_WORDS, *self.defined))

    def is_prose_tree(self, tree: Any) -> bool:
        """`is_prose_expr` of the expression ``tree`` builds."""
        for name in tree_names(tree):
            if " " in name:
                base = _NAME_NUMBER.sub("", name)
                if base not in _KNOWN_WORDS and base not in self.defined:
                    return True
        return False

    def try_piece(self, kind: str, start: int, end: int) -> Any:
        try:
            return self.piece(kind, start, end)
        except _PieceError:
            return None

    def fail(self, err: _PieceError, line_start: int, line_end: int) -> FormulaSyntaxError:
        return self.error(err.code, err.start, err.end, **err.params)

    def strip_range(self, start: int, end: int) -> tuple[int, int]:
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
                if base not in _KNOWN_WORDS and base not in self.defined:
                    return True
        return False

    def is_constant(self, expr: Any) -> bool:
        return not any(isinstance(x, (n.Name, n.Aggregate, n.MaxPoints)) for x in expr.walk())

    # ------------------------------------------------------------ the parse
    def check_depth(self) -> None:
        if self.nt.count("(") <= MAX_DEPTH:  # the depth never exceeds the number of `(`
            return
        depth = 0
        for i, ch in enumerate(self.nt):
            if ch == "(":
                depth += 1
                if depth > MAX_DEPTH:
                    raise self.error("CDS104", i, i + 1, depth=self.nt.count("("), limit=MAX_DEPTH)
            elif ch == ")":
                depth = max(0, depth - 1)

    def check_numbers(self) -> None:
        """CDS113 for a number of more than `MAX_NUMBER_DIGITS` digits, before anything converts it
        (Python refuses to convert more than 4300 digits, and no decision writes such a number)."""
        if _LONG_NUMBER.search(self.nt) is None:
            return
        for m in _NUMBER_RUN.finditer(self.nt):
            digits = len(m.group(0)) - m.group(0).count(".")
            if digits > MAX_NUMBER_DIGITS:
                shown = self.original(m.start(), m.end())
                shown = shown if len(shown) <= 24 else shown[:10] + "…" + shown[-10:]
                raise self.error("CDS113", m.start(), m.end(), text=shown, digits=digits, limit=MAX_NUMBER_DIGITS)

    def parse(self) -> n.Formula:
        self.check_depth()
        self.check_numbers()
        lines, self.nt = split_lines(self.nt)
        parts: list[tuple[str | None, str | None, int, list]] = [(None, None, 0, [])]
        pending_heading: tuple[str, int, int] | None = None
        cases: list[n.Case] = []
        cases_start = 0
        explanation: tuple[int, int, str] | None = None

        def flush_cases() -> None:
            nonlocal cases, pending_heading
            if cases:
                heading = pending_heading[0] if pending_heading else None
                start = pending_heading[1] if pending_heading else cases_start
                span = Span(self.span(start, start).start, cases[-1].span.end)
                parts[-1][3].append(n.Cases(heading, tuple(cases), span=span))
                cases = []
                pending_heading = None
            elif pending_heading is not None:
                h, s, e = pending_heading
                parts[-1][3].append(n.Note("text", h, span=self.span(s, e)))
                pending_heading = None

        for line in lines:
            s, e = line.start, line.end
            body = self.nt[s:e]
            if line.joined:
                self.warn("CDS152", s, e)
            for tok, at in line.stray:
                self.warn("CDS151", at, at + len(tok), token=tok)
            if explanation is not None:
                explanation = (explanation[0], e, explanation[2])
                continue
            if _EXPLAIN_RE.match(body):
                flush_cases()
                explanation = (s, e, "explanation")
                continue
            kind, value = self.classify(line)
            if kind == "case":
                if not cases:
                    cases_start = s
                cases.append(value)
                continue
            if kind == "heading":
                flush_cases()
                pending_heading = value
                continue
            if kind == "result_expr" and pending_heading is not None and not cases:
                # `- Điểm:` followed by `+ Tỷ lệ*Điểm tối đa`
                h, hs, _ = pending_heading
                target = n.Name("Điểm", span=self.span(hs, hs + len(h)), text=h)
                pending_heading = None
                parts[-1][3].append(n.Assign(target, value, span=Span(self.span(hs, hs).start, value.span.end)))
                continue
            flush_cases()
            if kind == "part":
                number, title = value
                parts.append((number, title, s, []))
                self.defined = set()
                continue
            if kind == "result_expr":
                target = n.Name("Điểm", span=value.span, text="")
                parts[-1][3].append(n.Assign(target, value, span=value.span))
                continue
            if kind == "stmts":
                parts[-1][3].extend(value)
                continue
            parts[-1][3].append(value)
        flush_cases()
        if explanation is not None:
            s, e, _ = explanation
            text = re.sub(r"\s*\n\s*", " ", self.nt[s:e])
            parts[-1][3].append(n.Note("explanation", text, span=self.span(s, e)))

        built: list[n.Part] = []
        for number, title, start, body in parts:
            if number is None and not body and len(parts) > 1:
                continue
            if body:
                span = Span(self.span(start, start).start if number else body[0].span.start, body[-1].span.end)
            else:
                span = self.span(start, start)
            built.append(n.Part(number, title, tuple(body), span=span))
        if not built:
            built.append(n.Part(None, None, (), span=Span(0, 0)))
        formula = n.Formula(tuple(built), span=Span(0, len(self.text)), source=self.source)
        if not any(isinstance(st, (n.Assign, n.Cases, n.PerItem, n.SumItems, n.CohortMethod, n.Cap))
                   and (not isinstance(st, n.Assign) or st.target.name == "Điểm")
                   for st in formula.statements):
            self.diags.append(Diagnostic.make("CDS153", Span(0, len(self.text)), source=self.source))
        return attrs.evolve(formula, diagnostics=tuple(self.diags))

    # ------------------------------------------------------- classification
    def classify(self, line: Line) -> tuple[str, Any]:
        s, e = line.start, line.end
        body = self.nt[s:e]
        # `Trong đó: a = ...`, `Trong đó, A là ...`: the declaration after the words
        m = _WHERE_PREFIX.match(body)
        if m:
            line = line._replace(start=s + m.end())
            s = line.start
            body = self.nt[s:e]
        low = body.lower()

        # `Nếu Tỷ lệ >= 90% thì Điểm = Điểm tối đa`
        m = _IF_THEN.match(body)
        if m:
            cond = self.condition(*self.strip_range(s + m.start(1), s + m.end(1)))
            expr, target = self.result(*self.strip_range(s + m.start(2), e))
            return "case", n.Case(cond, expr, None, span=self.span(s, e), target=target)

        # `Tỷ lệ (%) = A/B x 100`: a ratio in percent points
        m = _PERCENT_LHS.match(body)
        if m:
            name_end = s + len(m.group(1))
            target = n.Name("Tỷ trọng" if "trọng" in m.group(1).lower() else "Tỷ lệ",
                            span=self.span(s, name_end), text=self.nt[s:name_end])
            try:
                value = self.piece("expr", *self.strip_range(s + m.end(), e))
            except _PieceError as err:
                raise self.fail(err, s, e) from None
            self.defined.add(target.name)
            return "stmt", n.Assign(target, value, span=self.span(s, e))

        # numbered part: `1. Triển khai nền tảng số` (a title, not a statement)
        m = _PART_RE.match(body)
        if m and line.bullet is None and ":" not in body and "=" not in body:
            return "part", (m.group(1), m.group(2).strip())

        # levels: `Mức 1 ≥ 10 % (điểm tối đa)`, `Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này`
        m = _LEVEL_RE.match(body)
        if m:
            return "case", self.level(line, int(m.group(1)), s + m.end(), e)

        # cohort method in words
        if ("pháp" in low or "max" in low) and _COHORT_RE.search(body) and "=" not in body:
            return "stmt", self.cohort(s, e)

        # sum of items / cap
        if _SUM_ITEMS_START.match(low) or _CAP_START.match(low):
            try:
                return "stmt", self.piece("statement", s, e)
            except _PieceError as err:
                raise self.fail(err, s, e) from None

        # declarations `a = ...`, `a. ...`, `= ...` (name missing)
        m = _DECL_HEAD.match(body)
        if m and not (m.group(2) == "." and body[m.end()].isdigit()) and not (
                m.group(2) == "=" and self.is_formal_case(s, e)):
            return self.declaration(line, m)
        if body.startswith("="):
            return self.declaration(line, None)

        colon = self.case_colon(s, e)
        if colon is not None:
            return self.case_line(line, colon)

        # an option or a range with its points in parentheses: `- Có ban hành (5 điểm)`
        paren = self.paren_result(s, e)
        if paren is not None and "=" not in body:
            cond_end, rs, re_ = paren
            cs, ce = self.strip_range(s, cond_end)
            if cs < ce:
                cond = self.condition(cs, ce)
                expr, target = self.result(rs, re_)
                return "case", n.Case(cond, expr, None, span=self.span(s, e), target=target)

        # assignment `Tỷ lệ = a/b`, `Điểm = ...`, `Điểm bằng ...`, heading `Điểm=`
        eq, eq_end = body.find("="), body.find("=") + 1
        if eq < 0 and (mb := _BANG.search(body)):
            eq, eq_end = mb.start(), mb.end()
        if eq > 0 and body[eq - 1] not in "<>=" and (eq_end >= len(body) or body[eq_end] != "="):
            lhs_tree = self.piece_tree("expr", s, s + eq)
            lhs_name = tree_name(lhs_tree) if lhs_tree is not None else None
            if lhs_name is not None and (lhs_name in _KNOWN_WORDS or len(lhs_name.split()) <= 3):
                rs, re_ = self.strip_range(s + eq_end, e)
                if rs >= re_:
                    return "heading", ("Điểm" if lhs_name == "Điểm" else lhs_name, s, e)
                cap = _INLINE_CAP.search(self.nt, rs, re_) if lhs_name == "Điểm" else None
                if cap is not None:  # `Điểm = Tỷ lệ/80% x Điểm tối đa, tối đa không quá Điểm tối đa`
                    try:
                        stmt = self.piece("statement", s, self.strip_range(rs, cap.start())[1])
                    except _PieceError as err:
                        raise self.fail(err, s, e) from None
                    return "stmts", [stmt, self.cap_after(cap, re_, e)]
                try:
                    stmt = self.piece("statement", s, e)
                except _PieceError as err:
                    if lhs_name in _KNOWN_WORDS or len(lhs_name) == 1:
                        raise self.fail(err, s, e) from None
                    stmt = None
                if stmt is not None and (not self.is_prose_expr(stmt.value) or (
                        lhs_name in _KNOWN_WORDS and isinstance(stmt.value, n.BinOp))):
                    # `Điểm = Điểm tối đa x (Giá trị của đơn vị / Giá trị cao nhất)`: words as names
                    self.defined.add(stmt.target.name)
                    return "stmt", stmt

        if body.endswith(":"):
            return "heading", (body[:-1].strip(), s, e)

        # a bare expression bullet: `+ Tỷ lệ*Điểm tối đa`
        words = self.plain_words(s, e)
        tree = None if words is not None else self.piece_tree("expr", s, e)  # plain words: a Name
        if tree is not None and not self.is_prose_tree(tree) and tree_name(tree) is None \
                and has_binop_or_maxpoints(tree):
            return "result_expr", self.piece("expr", s, e)

        # a comparison with no result: `- Tỷ lệ >= 80%:` handled above; `Tỷ lệ >= 80% Điểm tối đa`
        if _NAME_COMPARISON.match(low):
            cond_err = None
            try:
                self.piece("condition", s, e)
            except _PieceError as err:
                cond_err = err
            self.explain_missing_colon(s, e)
            if cond_err is not None:
                self.explain_condition_error(s, e)
                raise self.error("CDS110", cond_err.start, cond_err.end,
                                 detail=self.nt[cond_err.start:cond_err.end] or body)
            raise self.error("CDS105", e - 1, e, condition=self.original(s, e))

        self.refuse_unreadable_points(s, e)
        return "stmt", self.note(s, e)

    def refuse_unreadable_points(self, s: int, e: int) -> None:
        """`- Đã triển khai: gần đủ điểm`: a line shaped like a case whose points cannot be read is an
        error (CDS112), never a note, so that no option silently disappears from the list."""
        colon = self.nt.rfind(":", s, e)
        if colon < 0:
            return
        rs, re_ = self.strip_range(colon + 1, e)
        result = self.nt[rs:re_]
        if rs < re_ and len(result) <= 40 and _POINTS_WORD.search(result) \
                and not _DIGIT_PAREN.search(result):
            raise self.error("CDS112", rs, re_, result=self.original(rs, re_),
                             condition=self.original(*self.strip_range(s, colon)))

    def explain_missing_colon(self, s: int, e: int) -> None:
        """`Tỷ lệ >= 80% Điểm tối đa`: a condition and a result with no `:` between (CDS111)."""
        for m in re.finditer(r" (?=\S)", self.nt[s:e]):
            cut = s + m.end()
            cond = self.try_piece("condition", s, cut - 1)
            if cond is None or not isinstance(cond, (n.Compare, n.Range)):
                continue
            res = self.try_piece("result", *self.strip_range(cut, e))
            if res is not None and not self.is_prose_expr(res[0]):
                raise self.error("CDS111", cut, e, condition=self.original(s, cut - 1).strip(),
                                 result=self.original(cut, e).strip())

    def is_formal_case(self, s: int, e: int) -> bool:
        """`c = 2%: Điểm tối đa` is a case on `c`, not a declaration of `c`."""
        if ":" not in self.nt[s:e]:
            return False
        colon = self.case_colon(s, e)
        if colon is None:
            return False
        tree = self.piece_tree("condition", *self.strip_range(s, colon))
        right = compare_right_tree(tree) if tree is not None else None
        return right is not None and not self.is_prose_tree(right)

    def case_colon(self, s: int, e: int) -> int | None:
        """Position of the `:` that separates a case's condition from its result."""
        nt = self.nt
        candidates = []
        i = nt.find(":", s, e)
        if i >= 0 and nt.find("(", s, e) < 0:  # no `(`: every colon is at depth 0
            while i >= 0:
                candidates.append(i)
                i = nt.find(":", i + 1, e)
        elif i >= 0:
            depth = 0
            for i in range(s, e):
                ch = nt[i]
                if ch == "(":
                    depth += 1
                elif ch == ")":
                    depth = max(0, depth - 1)
                elif ch == ":" and depth == 0:
                    candidates.append(i)
        for i in reversed(candidates):
            rs, re_ = self.strip_range(i + 1, e)
            if _PER_ITEM_RE.match(self.nt[s:i].strip()) and (cap := _INLINE_CAP.search(self.nt, rs, re_)):
                re_ = self.strip_range(rs, cap.start())[1]  # `Mỗi ...: 2 điểm, tối đa 10 điểm`
            if rs < re_ and (tree := self.piece_tree("result", rs, re_)) is not None:
                if not self.is_prose_tree(result_expr_tree(tree)):
                    return i
        if candidates:
            i = candidates[-1]
            rs, re_ = self.strip_range(i + 1, e)
            left = self.nt[s:i]
            if _FORMAL_COND.search(left.strip()) and _COMPARISON_CHAR.search(left):
                return i  # a formal condition with an unreadable result: report it
        return None

    def case_line(self, line: Line, colon: int) -> tuple[str, Any]:
        s, e = line.start, line.end
        ls, le = self.strip_range(s, colon)
        rs, re_ = self.strip_range(colon + 1, e)
        left = self.nt[ls:le]
        if rs >= re_:
            raise self.error("CDS105", colon, colon + 1, condition=left)
        if _PER_ITEM_RE.match(left):
            # `Mỗi sáng kiến: 2 điểm, tối đa không quá 10 điểm`: the cap may follow the points
            cap = _INLINE_CAP.search(self.nt, rs, re_)
            expr, _target = self.result(*self.strip_range(rs, cap.start() if cap else re_))
            item = n.PerItem(left, expr, span=self.span(s, cap.start() if cap else e))
            if cap is None:
                return "stmt", item
            return "stmts", [item, self.cap_after(cap, re_, e)]
        cond = self.condition(ls, le)
        expr, target = self.result(rs, re_, formal=not isinstance(cond, (n.Option, n.Otherwise, n.Best)))
        return "case", n.Case(cond, expr, None, span=self.span(s, e), target=target)

    def condition(self, s: int, e: int) -> Any:
        m = _COND_PREFIX.match(self.nt, s, e)
        if m:  # `Trường hợp tỷ lệ từ 90% trở lên`, `Nếu Tỷ lệ >= 80%`
            inner = self.try_piece("condition", *self.strip_range(m.end(), e))
            if isinstance(inner, (n.Compare, n.Range)) and not (
                    isinstance(inner, n.Compare) and inner.left is None and inner.op == "="
                    and not self.is_constant(inner.right)):
                return self.condition(*self.strip_range(m.end(), e))
        if self.nt[s:s + 1] == "(" and self.nt[e - 1:e] == ")" and self.nt.find(")", s) == e - 1:
            return self.condition(*self.strip_range(s + 1, e - 1))  # `Mức 1 (≥ 90%): 10 điểm`
        text = self.nt[s:e]
        if self.plain_words(s, e) is not None:
            return self.option(s, e)  # Lark: `implicit_eq` of a `Name`, not a constant: an option
        if self.is_prose_option(s, e):
            return self.option(s, e)
        try:
            cond = self.piece("condition", s, e)
        except _PieceError as err:
            self.explain_condition_error(s, e)
            if err.code in ("CDS103", "CDS107", "CDS108", "CDS109"):
                raise self.error(err.code, err.start, err.end, **err.params) from None
            if _COMPARISON_CHAR.search(text) and _FORMAL_START.match(text):
                raise self.error("CDS110", err.start, err.end,
                                 detail=self.nt[err.start:err.end] or text) from None
            return self.option(s, e)
        if isinstance(cond, n.Compare) and cond.left is None and cond.op == "=" and not self.is_constant(cond.right):
            return self.option(s, e)
        if isinstance(cond, n.Range) and cond.subject is not None and self.is_prose_expr(cond.subject):
            return self.option(s, e)
        if isinstance(cond, n.Compare) and cond.left is not None and self.is_prose_expr(cond.left) \
                and not _COMPARISON_CHAR.search(text):
            return self.option(s, e)
        return cond

    def is_prose_option(self, s: int, e: int) -> bool:
        """`Chưa có Ban chỉ đạo hoặc …`: words that `condition` below would call an option
        whatever Lark made of them, decided without reading them all.  With no `<>=` nor
        `bằng` there is no comparison (so no CDS109 and no CDS110), with no surplus `(` no
        CDS103, with no `_BAD_NUMBER` no CDS108; a text that opens an unknown name of
        several words then reads as `implicit_eq` or a range whose subject is that prose
        (an option), or not at all (an option too)."""
        text = self.nt[s:e]
        return (not _COMPARISON_CHAR.search(text) and "bằng" not in text.lower()
                and text.count("(") <= text.count(")") and not _BAD_NUMBER.search(text)
                and self.opens_unknown_name(s, e, "condition"))

    def explain_condition_error(self, s: int, e: int) -> None:
        """Raise a precise error for a formal condition that does not parse:
        a comparison missing its right side (CDS107), a malformed number (CDS108)."""
        text = self.nt[s:e]
        m = _BAD_NUMBER.search(text)
        if m:
            raise self.error("CDS108", s + m.start(), s + m.end(), text=self.original(s + m.start(), s + m.end()))
        m = _DANGLING_COMPARISON.match(text)
        if m:
            op_start = s + m.start(2)
            raise self.error("CDS107", op_start, s + m.end(2), text=self.original(s, e).strip())

    def original(self, start: int, end: int) -> str:
        """The words the user pasted for normalised ``[start, end)``."""
        sp = self.span(start, end)
        return self.text[sp.start:sp.end]

    def option(self, s: int, e: int) -> Any:
        label = self.nt[s:e]
        span = self.span(s, e)
        if _OTHERWISE_RE.search(label):
            return n.Otherwise(label, span=span)
        m = _BEST_RE.search(label)
        if m and _UNIT_WORD.match(label):
            return n.Best("max" if m.group(1) else "min", label, span=span)
        return n.Option(label, span=span)

    def result(self, s: int, e: int, formal: bool = True) -> tuple[Any, str | None]:
        try:
            expr, target = self.piece("result", s, e)
        except _PieceError as err:
            raise self.error(err.code if err.code != "CDS100" else "CDS110", err.start, err.end,
                             **(err.params or {"detail": self.nt[s:e]})) from None
        return expr, target

    def level(self, line: Line, number: int, s: int, e: int) -> n.Case:
        """`Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này` or `Mức 1 ≥ 10 % (điểm tối đa)`."""
        text = self.nt[s:e]
        cond_end, res_start, res_end = None, None, None
        colon = self.case_colon(s, e)
        if colon is not None:
            cond_end, res_start, res_end = colon, colon + 1, e
        elif (paren := self.paren_result(s, e, check=False)) is not None:
            # the result in parentheses at the end: `≥ 10 % (điểm tối đa)`, `(70% điểm)`
            cond_end, res_start, res_end = paren
        if cond_end is None:
            raise self.error("CDS105", e - 1 if e > s else e, e, condition=self.nt[line.start:e])
        cs, ce = self.strip_range(s, cond_end)
        rs, re_ = self.strip_range(res_start, res_end)
        if rs >= re_:
            raise self.error("CDS105", res_start - 1, res_start, condition=self.nt[line.start:ce])
        cond = self.condition(cs, ce) if cs < ce else n.Otherwise("", span=self.span(cs, cs))
        expr, target = self.result(rs, re_)
        return n.Case(cond, expr, number, span=self.span(line.start, line.end), target=target)

    def cap_after(self, cap: re.Match, re_: int, e: int) -> n.Cap:
        """The `Cap` written after the points: `, tối đa không quá 10 điểm`, `(tối đa 5 điểm)`."""
        words = _CAP_WORDS.match(self.nt, cap.end(), re_)
        ls_, le_ = self.strip_range(words.end() if words else cap.end(), re_)
        if le_ > ls_ and self.nt[le_ - 1] == ")" and "(" not in self.nt[ls_:le_]:
            le_ -= 1
        limit, _t = self.result(ls_, le_)
        return n.Cap(limit, span=self.span(cap.end(), e))

    def paren_result(self, s: int, e: int, check: bool = True) -> tuple[int, int, int] | None:
        """(end of the words before, start, end of the points) for a line that ends with its points in
        parentheses — `Có ban hành (5 điểm)`, `≥ 10 % (điểm tối đa)` — else None."""
        if e <= s or self.nt[e - 1] != ")":
            return None
        depth = 0
        for i in range(e - 1, s - 1, -1):
            if self.nt[i] == ")":
                depth += 1
            elif self.nt[i] == "(":
                depth -= 1
                if depth == 0:
                    if not _DIEM_WORD.search(self.nt[i + 1:e - 1]):
                        return None
                    if check and self.piece_tree("result", *self.strip_range(i + 1, e - 1)) is None:
                        return None
                    return i, i + 1, e - 1
        return None

    def declaration(self, line: Line, m: re.Match | None) -> tuple[str, Any]:
        s, e = line.start, line.end
        if m is None:
            name = self.next_free_name()
            ds, de = self.strip_range(s + 1, e)
            name_span = self.span(s, s + 1)
            recovered = True
            sep = "="
        else:
            name = m.group(1)
            sep = m.group(2)
            ds, de = self.strip_range(s + m.end(), e)
            name_span = self.span(s, s + 1)
            recovered = False
        desc = self.nt[ds:de]
        if sep != "." and not recovered:
            words = self.plain_words(ds, de)
            if words is not None and len(words) > 1 and canonical_name(words) not in self.defined:
                tree = True  # a name of several words, not defined: prose (what Lark's tree would say)
            elif self.opens_unknown_name(ds, de):
                tree = True
            else:
                tree = self.piece_tree("expr", ds, de)
            if tree is not True and tree is not None and not self.is_prose_tree(tree):
                expr = self.piece("expr", ds, de)
                self.defined.add(name)
                target = n.Name(name, span=name_span, text=name)
                return "stmt", n.Assign(target, expr, span=self.span(s, e))
            if tree is None and _FORMULA_LIKE.search(desc) and not _LONG_WORD.search(desc):
                try:
                    self.piece("expr", ds, de)
                except _PieceError as err:
                    raise self.fail(err, s, e) from None
        if recovered:
            tree = self.piece_tree("expr", ds, de) if ds < de else None
            if ds >= de or (tree is not None and not self.is_prose_tree(tree)):
                raise self.error("CDS106", s, s + 1)
            self.warn("CDS150", s, s + 1, name=name, description=desc)
        elif sep == ".":
            self.warn("CDS154", s, e, name=name, description=desc)
        self.defined.add(name)
        unit = None
        um = _unit(desc)
        if um:
            unit = re.sub(r"\s+", " ", um.group(1).lower()).replace("tỉ", "tỷ")
            unit = re.sub(r"^tri[eêệ]u", "triệu", unit)
        constant = None
        cm = _CONST_RE.search(desc)
        if cm:
            constant = Fraction(cm.group(1))
        return "stmt", n.InputDecl(name, desc, unit, constant, span=self.span(s, e),
                                   name_span=name_span, recovered=recovered)

    def next_free_name(self) -> str:
        used = set(self.defined)
        for m in re.finditer(r"(?m)^[-+\s]*([A-Za-z])\s*=", self.nt):
            used.add(m.group(1))
        for c in "abcdefghijklmnopqrstuvwxyz":
            if c not in used:
                return c
        return "x"

    def cohort(self, s: int, e: int) -> n.CohortMethod:
        text = self.nt[s:e]
        methods = []
        if re.search(r"min\s*[-–]?\s*max", text, re.I):
            methods.append("minmax")
        if _RATIO_BEST_RE.search(text):
            methods.append("ratio_to_best")
        if not methods:
            methods.append("ratio_to_best" if _BEST_RE.search(text) else "minmax")
        low = text.lower()
        direction = "min" if re.search(r"(thấp|ít|nhỏ)\s+nhất", low) and not re.search(r"(cao|nhiều|lớn)\s+nhất|(cao|nhiều|lớn)\b.*\bnhất", low) else "max"
        bm = (re.search(r"(dựa\s+vào|dựa\s+trên|căn\s+cứ\s+vào|căn\s+cứ)\s+(.*)$", text, re.I)
              or re.search(r"(theo)\s+(?!phương\s+pháp)(.*)$", text, re.I))
        basis = bm.group(2).strip() if bm else ""
        return n.CohortMethod(tuple(methods), direction, basis, span=self.span(s, e), text=text)

    def note(self, s: int, e: int) -> n.Note:
        text = self.nt[s:e]
        um = _unit(text)
        if um and (_UNIT_NOTE_RE.match(text) or len(text) < 60):
            unit = re.sub(r"\s+", " ", um.group(1).lower()).replace("tỉ", "tỷ")
            unit = re.sub(r"^tri[eêệ]u", "triệu", unit)
            return n.Note("unit", text, unit, span=self.span(s, e))
        if re.search(r"\d\)\s", text) or re.match(r"^(danh\s+mục|danh\s+sách)", text, re.I):
            return n.Note("list", text, span=self.span(s, e))
        return n.Note("text", text, span=self.span(s, e))


def parse_formula(text: str, *, name: str = "<formula>", line_offset: int = 0,
                  column_offset: int = 0, item: str | None = None) -> n.Formula:
    """Parse one indicator's scoring text.  See the module docstring."""
    if not isinstance(text, str):
        raise TypeError("parse_formula expects a str")
    source = Source(text, name=name, line_offset=line_offset, column_offset=column_offset)
    parser = _FormulaParser(text, source)
    try:
        formula = parser.parse()
    except FormulaSyntaxError as exc:
        if item is not None:
            exc.diagnostics = [d.with_context(item=item) for d in exc.diagnostics]
        raise
    except RecursionError:
        raise FormulaSyntaxError([Diagnostic.make("CDS104", Span(0, min(1, len(text))), source=source,
                                                  depth=f">{MAX_DEPTH}", limit=MAX_DEPTH, item=item)]) from None
    if item is not None:
        formula = attrs.evolve(formula, diagnostics=tuple(d.with_context(item=item) for d in formula.diagnostics))
    return formula
