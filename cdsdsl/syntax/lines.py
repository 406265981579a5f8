"""Cut normalised formula text into its logical lines (one statement each).

Takes: the text `cdsdsl.text.normalize` made of one indicator's scoring text.
Returns: `split_lines(text)` → the `Line`s (bullet, start and end of the
statement, doubled punctuation, whether a wrapped line was joined) and the text
with the line breaks inside joined lines turned into spaces (same length, so
every position still holds).

Two jobs, each a few small functions:

* cutting one physical line where a new statement starts (`statement_cuts`: a
  formula pasted on one line, ``a = Số văn bản; b = Tổng số; Tỷ lệ = a/b``);
* joining a physical line to the previous one when it continues it
  (`continues_previous`: a line wrapped in the middle of a formula or a phrase).
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from cdsdsl.syntax.joins import LONE_LABEL, could_start_statement, ends_dangling, join_kind, reads_alone_as_statement


class Line(NamedTuple):
    """One logical line (a tuple: made for every line of every cell, cheaply)."""

    start: int  # content start in normalised text (after bullet)
    end: int  # content end (before trailing ; .)
    bullet: str | None
    joined: bool = False
    stray: tuple[tuple[str, int], ...] = ()  # doubled punctuation (token, position)
    #: the line ended with `;` or `.` (a finished statement)
    closed: bool = False
    #: joins that could change the meaning (`joins.py`): (kind, start, end of the joined segment, end of
    #: the line before it); kind ``"paren"``, ``"word"``, ``"label"`` or ``"ambiguous"``
    notes: tuple[tuple[str, int, int, int], ...] = ()


# ------------------------------------------------------------------ patterns of the cuts

_OPERATOR_BEFORE = frozenset("-+*/(=<>:,")
# where a statement can start inside one physical line (a formula pasted on one line)
_STATEMENT_START = re.compile(
    r"[-+]\s|[A-Za-z]\s*[=:.](?!=)\s|[A-Za-z]\s*=(?!=)|[A-Za-z]\s+là\s|t[ỷỉ] ?lệ\s*(?:[=<>]|$)"
    r"|điểm(?: đánh giá)?\s*[=:]"
    r"|mức\s*\d|(?:từ|dưới|trên|mỗi)\s|(?:giải thích|ghi chú|lưu ý)\s*:|\d+\.\s+\S",
    re.I)
_CUT_SEMI = re.compile(r";\s*(?=\S)")
_CUT_BULLET_AFTER_PUNCT = re.compile(r"[:.;]\s+(?=[-+]\s+\S)|;\s*(?=[-+]\s*\S)")
_CUT_BULLET = re.compile(r"\s\s*(?=[-+]\s+\S)")  # `_space_runs`
_NOT_BULLET_START = re.compile(r"(?:điểm tối đa|điểm phần này|số điểm tối đa|mục\s*\d|\d)", re.I)
_LEVEL_PREFIX = re.compile(r"^[-+]?\s*mức\s*\d+\s*[:.]?", re.I)
_ASSIGN_LINE = re.compile(r"^[-+]?\s*(?:[A-Za-z]|t[ỷỉ] ?lệ|điểm(?: đánh giá)?)\s*"
                          r"(?:=(?![<>=])|:\s*$|:\s*[-+]\s)", re.I)
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
_CUT_LEVEL = re.compile(r"\s\s*(?=mức\s*\d+\s*[:>=<(])", re.I)  # `_space_runs`
_CUT_HEADING_EQ = re.compile(r"điểm(?: đánh giá)?\s*=\s+(?=[-+]\s+\S)", re.I)
_CUT_PART = re.compile(r"(?<=[^\d.\s;:])\s+(?=\d\.\s+[A-ZĐÀ-Ỹ][^\d])")
_CONJ_BEFORE = re.compile(r"(?:^|\s)(và|hoặc|với|của|là|thì|nếu|khi|hợp)$", re.I)
_UPPER_NOT_STATEMENT = re.compile(r"[A-Z](?![^\W\d_])(?!\s*[=.:])")
_ENDS_WITH_LETTER = re.compile(r"(?:^|[\s;])[A-Za-z]$")
_PAREN = re.compile(r"[()]")
#: a numbered part's title: `1. Triển khai nền tảng số`
PART_LINE = re.compile(r"^\d+[.)]\s+\S")
# necessary conditions of the cut patterns (a match of the pattern contains a match of these
# plain ones, which are much faster to look for): a pass is skipped when its condition fails
_PRE_BULLET_AFTER_PUNCT = re.compile(r"[:.;]\s*[-+]")
_PRE_SENTENCE = re.compile(r"\.\s")
_PRE_PART = re.compile(r"\d\.\s")
_PRE_HEADING_EQ = re.compile(r"=\s+[-+]")
_PRE_BULLET = re.compile(r"\s[-+]\s")

DepthAt = Callable[[int], int]


def _space_runs(pattern: re.Pattern[str], chunk: str) -> list[tuple[int, int]]:
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


def starts_statement(chunk: str, at: int) -> bool:
    """True when a statement can start at ``chunk[at]``: a capital word (`Đã ban hành`, not `A`
    alone unless `A =`), a bullet, `a =`, `Tỷ lệ =`, `Mức 1`, `Từ`, `Ghi chú:`, `2. …`."""
    # the patterns are matched at `at` in place (neither has `^` or a look-behind): no copy of the rest
    if at >= len(chunk):
        return False
    first = chunk[at]
    if first.isalpha() and first.isupper() and not _UPPER_NOT_STATEMENT.match(chunk, at):
        return True
    return bool(_STATEMENT_START.match(chunk, at))


def paren_depth(chunk: str) -> DepthAt:
    """A function giving the nesting depth of parentheses before ``chunk[pos]`` (never below 0:
    a stray `)` is ignored).  The depth after each parenthesis is counted once."""
    if "(" not in chunk:  # no `(`: depth 0 everywhere
        return _depth_zero
    paren_at: list[int] = []
    depth_after: list[int] = []
    d = 0
    for m in _PAREN.finditer(chunk):
        d = d + 1 if m.group() == "(" else max(0, d - 1)
        paren_at.append(m.start())
        depth_after.append(d)

    def depth_at(pos: int) -> int:
        k = bisect.bisect_left(paren_at, pos)
        return depth_after[k - 1] if k else 0
    return depth_at


def _depth_zero(pos: int) -> int:
    return 0


def _prev_char(chunk: str, pos: int) -> str:
    """The last character before ``pos`` that is not a space (`""` at the start)."""
    j = pos - 1
    while j >= 0 and chunk[j] == " ":
        j -= 1
    return chunk[j] if j >= 0 else ""


# ------------------------------------------------------------------ cutting one line

def _cuts_at_semicolons(chunk: str, depth_at: DepthAt) -> Iterable[int]:
    """After `;` when a statement follows: `a = Số văn bản; b = Tổng số`."""
    for m in _CUT_SEMI.finditer(chunk):
        if depth_at(m.start()) == 0 and starts_statement(chunk, m.end()):
            yield m.end()


def _cuts_before_bullets_after_punct(chunk: str, depth_at: DepthAt) -> Iterable[int]:
    """Before a bullet that follows `:`, `.` or `;`: `Điểm: - Có: 5 điểm`."""
    if not _PRE_BULLET_AFTER_PUNCT.search(chunk):
        return
    for m in _CUT_BULLET_AFTER_PUNCT.finditer(chunk):
        if depth_at(m.start()) == 0:
            yield m.end()


def _cuts_after_sentences(chunk: str, depth_at: DepthAt) -> Iterable[int]:
    """After a full stop that ends a sentence (not a number's `.` nor `a.`): `… số. Tỷ lệ = a/b`."""
    if not _PRE_SENTENCE.search(chunk):
        return
    for m in _CUT_SENTENCE.finditer(chunk):
        if (depth_at(m.start()) == 0 and starts_statement(chunk, m.end())
                and not _ENDS_WITH_LETTER.search(chunk, max(0, m.start() - 4), m.start())):
            yield m.end()


def _cuts_before_bare_statements(chunk: str, low: str, depth_at: DepthAt) -> Iterable[int]:
    """Before a statement with no bullet after a space: `Số văn bản Tỷ lệ = a/b`, `… Đơn vị: triệu
    đồng`; not after an operator nor a joining word (`và`, `của`, `thì`, …)."""
    for start, end in _bare_cuts(chunk, low):
        if (depth_at(start) == 0 and _prev_char(chunk, start) not in _OPERATOR_BEFORE
                and not _CONJ_BEFORE.search(chunk, max(0, start - 12), start)):
            yield end


def _cuts_before_levels(chunk: str, depth_at: DepthAt) -> Iterable[int]:
    """Before `Mức 1:` (or `Mức 1 ≥`, `Mức 1 (`) after a space, even after a `:`."""
    for start, end in _space_runs(_CUT_LEVEL, chunk):
        if depth_at(start) == 0 and _prev_char(chunk, start) not in _OPERATOR_BEFORE - {":"}:
            yield end


def _cuts_after_heading_eq(chunk: str, depth_at: DepthAt) -> Iterable[int]:
    """After a heading `Điểm =` followed by a bullet: `Điểm = - Tỷ lệ >= 80%: …`."""
    if not _PRE_HEADING_EQ.search(chunk):
        return
    for m in _CUT_HEADING_EQ.finditer(chunk):
        if depth_at(m.start()) == 0:
            yield m.end()


def _cuts_before_parts(chunk: str, depth_at: DepthAt) -> Iterable[int]:
    """Before a numbered part's title after words: `… 0 điểm 2. Chuyển đổi số`."""
    if not _PRE_PART.search(chunk):
        return
    for m in _CUT_PART.finditer(chunk):
        if depth_at(m.start()) == 0:
            yield m.end()


def _bullet_opens_statement(before: str, segment: str, chunk: str, after: int) -> bool:
    """Whether a bare ` - ` bullet opens a statement, judged by the statement ``before`` it and
    the ``segment`` up to the next break: `... Điểm tối đa - Chưa ban hành: 0 điểm` is a new
    bullet; `Điểm tối đa + Điểm tối đa` is arithmetic (a bullet says `x: y` or `x = y`)."""
    if _NOT_BULLET_START.match(segment) or not (
            ":" in before or (_DECL_LINE.match(before) and _DECL_LINE.match(segment))
            or (_ASSIGN_LINE.match(before) and (_ASSIGN_LINE.match(segment) or ":" in segment))
            or (PART_LINE.match(before.strip()) and starts_statement(chunk, after))):
        return False
    return ":" in segment or "=" in segment or (
        PART_LINE.match(chunk[after:]) is None and _EXPLAIN_START.match(segment) is not None)


def _cuts_before_bare_bullets(chunk: str, depth_at: DepthAt, earlier: list[int]) -> list[int]:
    """Before a bullet `-`/`+` after a space (no `;`, `:` or `.` before it), judged by the
    statement before it, which starts at the last of the ``earlier`` cuts (sorted) or of these."""
    found: list[int] = []
    added = 0  # the cuts this pass adds come in order, before the next run
    for m_start, m_end in _space_runs(_CUT_BULLET, chunk):
        after = m_end + 1
        while after < len(chunk) and chunk[after] == " ":
            after += 1
        if not (depth_at(m_start) == 0 and _prev_char(chunk, m_start) not in _OPERATOR_BEFORE
                and starts_statement(chunk, after) and not chunk[after].isdigit()):
            continue
        nxt = _NEXT_BREAK.search(chunk, after)
        segment = chunk[after:nxt.start() if nxt else len(chunk)]
        k = bisect.bisect_right(earlier, m_start)
        before = _LEVEL_PREFIX.sub("", chunk[max(earlier[k - 1] if k else 0, added):m_start])
        if _bullet_opens_statement(before, segment, chunk, after):
            found.append(m_end)
            added = m_end
    return found


@functools.lru_cache(maxsize=4096)
def statement_cuts(chunk: str) -> list[int]:
    """Positions in ``chunk`` (one physical line) where a new statement starts: a formula pasted
    on one line.  Cached by text (lines repeat from cell to cell); callers do not change the list.

    A pass whose pattern needs a character the chunk does not hold is skipped
    (it could match nothing)."""
    if len(chunk) < 3:
        return []
    depth_at = paren_depth(chunk)
    cuts: set[int] = set()
    has_semi = ";" in chunk
    has_dot = "." in chunk
    has_sign = "-" in chunk or "+" in chunk
    if has_semi:
        cuts.update(_cuts_at_semicolons(chunk, depth_at))
    if has_sign:
        cuts.update(_cuts_before_bullets_after_punct(chunk, depth_at))
    if has_dot:
        cuts.update(_cuts_after_sentences(chunk, depth_at))
    low = chunk.lower()
    cuts.update(_cuts_before_bare_statements(chunk, low, depth_at))
    if "mức" in low:
        cuts.update(_cuts_before_levels(chunk, depth_at))
    if "=" in chunk and has_sign:
        cuts.update(_cuts_after_heading_eq(chunk, depth_at))
    if has_dot:
        cuts.update(_cuts_before_parts(chunk, depth_at))
    if has_sign and _PRE_BULLET.search(chunk):  # last: a bare bullet is judged by the statement before it
        cuts.update(_cuts_before_bare_bullets(chunk, depth_at, sorted(cuts)))
    return sorted(c for c in cuts if 0 < c < len(chunk)) if cuts else []


# ------------------------------------------------------------------ logical lines

_BULLET_RE = re.compile(r"^([-+•*]|[a-zđ]\)(?=\s)|\d{1,2}\)(?=\s))\s*(?=\S)")
# the previous line is already a whole case (`Đã ban hành: 10 điểm`): a line that is a case too never joins it
_WHOLE_CASE = re.compile(r":\s*\S")
_CONT_START = re.compile(r"^[*/)]")
_ENDS_OPEN = re.compile(r"[*/(+=\-,<>]$")  # asked of the last character of a line only (a joined line can be long)
_DECL_START = re.compile(r"^[A-Za-z]\s*[=.:]|^=")
_NOT_CONTINUATION = re.compile(r"^(từ|dưới|trên|mức|mỗi|tổng điểm|cộng điểm|giải thích|ghi chú|lưu ý|đơn vị)\b", re.I)
# a bullet alone on its line (its words on the next one)
_LONE_BULLET = re.compile(r"[-+•]|[a-zđ]\)|\d{1,2}\)")


def physical_segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of each statement of each physical line of ``text`` (`statement_cuts`)."""
    raw: list[tuple[int, int]] = []
    pos = 0
    for chunk in text.split("\n"):
        start, end = pos, pos + len(chunk)
        pos = end + 1
        cuts = [start] + [start + c for c in statement_cuts(chunk)] + [end]
        raw.extend(itertools.pairwise(cuts))
    return raw


def trailing_punctuation(seg: str, a: int) -> tuple[int, bool, list[tuple[str, int]]]:
    """The closing punctuation of ``seg`` (which starts at ``a`` and ends with no space): the
    length of ``seg`` without its trailing run of `;`, `.`, `,` and spaces; whether that run
    starts with `;` or `.` (the statement is closed); and the doubled punctuation after its first
    mark, with its position (`;;` → ``[(";", a + …)]``)."""
    t_start = len(seg)
    while t_start and (seg[t_start - 1] in ";.," or seg[t_start - 1].isspace()):
        t_start -= 1
    if t_start == len(seg):
        return t_start, False, []
    t_text = seg[t_start:]
    tail = t_text.replace(" ", "")
    stray: list[tuple[str, int]] = []
    if len(tail) > 1:
        second = [i for i, ch in enumerate(t_text) if ch != " "][1]
        stray.append((tail[1:], a + t_start + second))
    return t_start, tail[:1] in (";", "."), stray


def continues_previous(text: str, prev: Line, seg: str) -> bool:
    """Whether ``seg``, the next physical line after a line break (with no bullet), continues the
    logical line ``prev``: it starts with `*`, `/` or `)`; or ``prev`` is not closed and ends open
    (`+`, `*`, `=`, `,` …); or it starts in lower case and is no statement of its own; or ``prev``
    is a bare bullet option and ``seg`` gives its `: points`."""
    if _CONT_START.match(seg):
        return True
    if prev.closed:
        return False
    if _ENDS_OPEN.match(text, prev.end - 1, prev.end) and not _DECL_START.match(seg):
        return True
    if (seg[0].islower() and not _DECL_START.match(seg) and not LONE_LABEL.fullmatch(seg)
            and not _NOT_CONTINUATION.match(seg) and not _STATEMENT_START.match(seg)
            and not (":" in seg and _WHOLE_CASE.search(text, prev.start, prev.end))):
        return True
    return (prev.bullet is not None and ":" not in text[prev.start:prev.end]
            and "=" not in text[prev.start:prev.end] and ":" in seg and not _DECL_START.match(seg)
            and not _STATEMENT_START.match(seg) and not PART_LINE.match(seg))


def _join(text: str, prev: Line, seg: str, a: int, broken: bool, bullet: str | None) -> tuple[str, int] | None:
    """Why the segment ``seg`` at ``a`` continues ``prev`` (`joins.join_kind`, or ``"wrap"``: the rules of
    `continues_previous`), or None.  ``broken``: a line break lies between them."""
    found = join_kind(text, prev.start, prev.end, prev.closed, prev.bullet, a, broken, bullet)
    if found is not None and found[0] == "paren":
        return found
    if broken and bullet is None and continues_previous(text, prev, seg):
        return "wrap", -1
    return found


def _note(kind: str, close: int, seg: str, bullet: str | None, start: int, b: int, prev_end: int
          ) -> tuple[tuple[str, int, int, int], ...]:
    """The note of a join of ``kind`` (the segment ``seg``, its ``bullet``, at ``[start, b)``) that could
    change the meaning: its segment could be a statement of its own; () for one that cannot."""
    if kind == "wrap" or not could_start_statement(seg, bullet):
        return ()
    if kind == "paren" and reads_alone_as_statement(seg, bullet, close - (b - len(seg)) if close < b else -1):
        kind = "ambiguous"
    return ((kind, start, b, prev_end),)


def split_lines(text: str) -> tuple[list[Line], str]:
    """Logical lines of normalised text, and the text with the line breaks
    inside joined lines turned into spaces (same length, so positions hold)."""
    chars: list[str] | None = None  # made on the first joined line
    lines: list[Line] = []
    pending: tuple[str, int] | None = None  # a bullet alone on its line, and where it starts
    for a, b in physical_segments(text):
        seg = text[a:b]
        a += len(seg) - len(seg.lstrip())
        seg = text[a:b].rstrip()
        b = a + len(seg)
        if not seg:
            continue
        if len(seg) < 4 and _LONE_BULLET.fullmatch(seg):  # `-` alone, its words on the next line
            pending = (seg, a)
            continue
        start = pending[1] if pending else a
        bullet = None
        m = _BULLET_RE.match(seg)
        # `*Điểm tối đa` continues a wrapped product; `- 5` stays a bullet
        if m and not (m.group(1) == "*" and lines):
            bullet = m.group(1)
            a += m.end()
            seg = text[a:b]
        elif pending:
            bullet = pending[0]
        pending = None
        length, closed, stray = trailing_punctuation(seg, a)
        if length < len(seg):
            b = a + length
            seg = text[a:b]
        if not seg:
            continue
        prev = lines[-1] if lines else None
        found = None if prev is None else _join(text, prev, seg, a, "\n" in text[prev.end:start], bullet)
        if prev is not None and found is not None:
            if chars is None:
                chars = list(text)
            for i in range(prev.end, start):
                if chars[i] == "\n":
                    chars[i] = " "
            notes = prev.notes + _note(found[0], found[1], seg, bullet, start, b, prev.end)
            lines[-1] = Line(prev.start, b, prev.bullet, True, prev.stray + tuple(stray), closed, notes)
            continue
        if prev is not None and bullet is not None and not prev.closed and ends_dangling(text, prev.start, prev.end):
            # `- Tỷ lệ từ 50% đến` / `- dưới 80%: 5 điểm`: unfinished, and the next line is a new one
            lines[-1] = prev._replace(notes=prev.notes + (("unfinished", start, b, prev.end),))
        lines.append(Line(a, b, bullet, False, tuple(stray), closed))
    return lines, text if chars is None else "".join(chars)
