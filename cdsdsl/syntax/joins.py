"""Whether a physical line continues the logical line before it: phrases broken by copying from Word/PDF.

Takes: normalised formula text, the previous logical line (its start, end, bullet, whether `;`/`.` closed it)
and the next segment (its start and end, its bullet).
Returns: `join_kind(...)`: None (a line of its own) or why the segment continues the line before:

* ``"paren"`` — the line before left a parenthesis open and it closes in this segment or a few lines on
  (`a = Số hồ sơ (bao gồm cả hồ\\nsơ trực tuyến)`); inside parentheses a bullet or a `;` starts nothing;
* ``"label"`` — the line before is only a label (`Mức`, `a.`, `1.`) whose words follow (`Mức\\n1: …`);
* ``"word"`` — the line before stops on a word that needs what follows (`từ 50% đến\\ndưới 80%`, `… và`),
  on a number whose unit follows (`được 2\\nĐiểm`), on a condition's `:` whose points follow
  (`- Đã có:\\nĐiểm tối đa`), or is a bare name whose comparison or `=` follows (`Tỷ lệ\\n≥ 80%: …`);
* ``"wrap"`` — the older rules of `lines.continues_previous` (lower case, operators at the break).

`could_start_statement(seg)` says whether the segment, read alone, could also be a statement: a join of such
a segment changes the meaning, so the parser says which reading it took (CDS161 for ``"paren"``, CDS163 for
``"label"``/``"word"``); `reads_alone_as_statement(seg)` — a bullet line with its own `: points` or `x = …`
inside an open parenthesis — makes the two readings both plausible (error CDS162).
"""
from __future__ import annotations

import re

#: a parenthesis that opens on one line may close this many line breaks later, no more (a stray `(`
#: left open in a description must not swallow the statements after it)
MAX_PAREN_LINES = 5

# a word that cannot end a phrase: it needs what follows (`từ 50% đến` / `dưới 80%`, `tối đa không quá` / `10 điểm`)
_DANGLING = re.compile(r"(?:^|[\s(])(?:từ|đến|tới|dưới|trên|hơn|và|hoặc|của|với|là|bằng|thì|nếu|khi|gồm|các|những|theo|"
                       r"phương pháp|không quá)$",
                       re.I)
# points written after a condition's `:` (`Điểm tối đa`, `1/2*Điểm tối đa`, `0 điểm`, `điểm = …`, `Tỷ lệ/80%*…`)
_POINTS_START = re.compile(r"(?:\d|điểm\b|tối đa\b|t[ỷỉ] ?lệ\s*[*/]|\()", re.I)
# a heading whose lines follow (`Điểm:`, `Thang điểm:`): its `:` waits for lines, not for points
_HEADING = re.compile(r"(?:điểm(?: đánh giá| số)?|t[ỷỉ] ?lệ|thang điểm|cách tính(?: điểm)?|trong đó|"
                      r"ghi chú|giải thích|lưu ý|chú thích|.*\b(?:sau|gồm|bao gồm))\s*:$", re.I)
# a name that ends the line before a `= …` on the next (`Tỷ lệ < 70%: Điểm` / `= Tỷ lệ*Điểm tối đa`, `b` / `= …`)
_ENDS_NAME = re.compile(r"(?:^|[\s:])(?:[A-Za-z]|t[ỷỉ] ?lệ|điểm(?: đánh giá)?)$", re.I)
# a unit after a number (`được 2` / `điểm`, `1/2` / `Điểm tối đa`), not `Điểm =` nor `Điểm:` (statements)
# — and only a unit: `Điểm được tính theo phương pháp Min-Max` after `Tỷ lệ = a/b x 100%` is a statement of its own
_UNIT_START = re.compile(r"(?:điểm(?:\s+tối\s+đa)?(?=\s*(?:$|[;.,()/*x×+-]|cho\b|mỗi\b|với\b|nếu\b|khi\b))|%)", re.I)
_ENDS_NUMBER = re.compile(r"\d%?$")
_COMPARE_START = re.compile(r"[<>]")
# a level whose condition is not finished: `Mức 1:` / `≥ 2,5% …`, `Mức 1: ≥ 2,5%` / `mục 5.12.1: 100% …`
_LEVEL_OPEN = re.compile(r"mức\s*\d+\s*[:.]?[^:]*", re.I)
# a declaration's head: `b. Tổng số …`, `b = …`, `b: …`
_DECL_HEAD = re.compile(r"[A-Za-z]\s*[=.:]")
# what starts a statement with no `:` nor `=` in it, capital words aside (`Mức 2 ≥ 1% (…)`, `Tổng điểm …`)
_STATEMENT_WORDS = re.compile(r"[-+]\s|mức\s*\d|\d+\.\s+\S|(?:từ|dưới|trên|mỗi|tổng (?:số )?điểm|cộng điểm|"
                              r"giải thích|ghi chú|lưu ý|đơn vị (?:tính|triệu|tỷ|tỉ|nghìn|ngàn|đồng)|"
                              r"danh (?:mục|sách)|tính điểm)\b", re.I)
# what a declaration's description does not go on with: another declaration, a name of the formula, a statement
_NOT_DESCRIPTION = re.compile(r"[A-Za-z]\s*[=.:)]|[A-Za-z]$|t[ỷỉ]\b|điểm\b|" + _STATEMENT_WORDS.pattern, re.I)
_COHORT = re.compile(r"phương\s+pháp|min\s*-?\s*max|cao nhất|thấp nhất", re.I)
#: a letter alone on its line (`b` before `= Tổng số …`, `b.` before `Tổng số …`): a name, not words
LONE_LABEL = re.compile(r"[A-Za-z][.:)]?")
# lower-case words that still start a statement with no `:` (a cap, a sum of items, a note)
_STATEMENT_NO_COLON = re.compile(r"(?:tổng (?:số )?điểm|cộng điểm|đơn vị (?:tính|triệu|tỷ|tỉ|nghìn|ngàn|đồng)|"
                                 r"giải thích|ghi chú|lưu ý)\b", re.I)
# a label alone on its line: `Mức`, `a.`, `1.`, `b)`
_LABEL = re.compile(r"(?:mức(?: độ)?|[A-Za-z][.:)]|\d{1,2}[.:)])", re.I)
# what a segment read alone could be: a statement of its own
_STATEMENT_ALONE = re.compile(
    r"[-+]\s|[A-Za-z]\s*[=:.](?!=)|t[ỷỉ] ?lệ\s*(?:[=<>]|$)|điểm(?: đánh giá)?\s*[=:]|mức\s*\d|\d+\.\s+\S"
    r"|(?:từ|dưới|trên|mỗi|tổng điểm|cộng điểm|giải thích|ghi chú|lưu ý|đơn vị)\b|(?-i:[A-ZĐÀ-Ỹ])", re.I)
# a whole statement: a case with its points (`…: 10 điểm`) or a declaration / assignment
_WHOLE = re.compile(r":\s*(?:\d|điểm|tối đa)|^[A-Za-z]\s*=(?!=)\s*\S|^t[ỷỉ] ?lệ\s*=|^điểm\s*=", re.I)


_PAREN = re.compile(r"[()]")
_PAREN_OR_BREAK = re.compile(r"[()\n]")


def open_parens(text: str, start: int, end: int) -> int:
    """How many parentheses ``text[start:end]`` leaves open (a stray `)` closes nothing)."""
    if text.find("(", start, end) < 0:
        return 0
    depth = 0
    for m in _PAREN.finditer(text, start, end):  # the parentheses only, found at C speed
        if m.group() == "(":
            depth += 1
        elif depth:
            depth -= 1
    return depth


def first_open_paren(text: str, start: int, end: int) -> int:
    """Position of the first `(` of ``text[start:end]`` left open at ``end`` (``start`` if none)."""
    stack: list[int] = []
    for m in _PAREN.finditer(text, start, end):
        if m.group() == "(":
            stack.append(m.start())
        elif stack:
            stack.pop()
    return stack[0] if stack else start


def closes_within(text: str, at: int, depth: int) -> int | None:
    """Where the ``depth`` parentheses open before ``at`` close, when they close within
    `MAX_PAREN_LINES` line breaks; else None (a stray `(`)."""
    breaks = 0
    for m in _PAREN_OR_BREAK.finditer(text, at):
        ch = m.group()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return m.start()
        else:
            breaks += 1
            if breaks > MAX_PAREN_LINES:
                return None
    return None


def _ends_unfinished(text: str, start: int, end: int, seg: str) -> bool:
    """The line ``text[start:end]`` stops on what needs the next line ``seg``: a joining word, a comma,
    a number before its unit, a condition's `:` before its points, a name before its `>=` or `=`."""
    whole = text[start:end]
    before = whole[-20:]
    plain = ":" not in seg and "=" not in seg
    if _DANGLING.search(before) or (end < len(text) and text[end] == "," and plain):
        return True  # `từ 50% đến` / `dưới 80%`, `Số DVCTT 3,` / `4 được điền sẵn`
    if _ENDS_NUMBER.search(before) and _UNIT_START.match(seg) and plain:
        return True  # `được 2` / `Điểm`, `1/2` / `Điểm tối đa`
    if whole.endswith(":"):  # `- Đã có:` / `Điểm tối đa`, `Mức 1:` / `≥ 2,5% …`
        return ":" not in seg and not _HEADING.fullmatch(whole) and (
            _POINTS_START.match(seg) is not None or _COMPARE_START.match(seg) is not None)
    if seg[:1] in "<>" and ":" not in whole:
        return True  # `Tỷ lệ` / `≥ 80%: …`, `Mức 1` / `≥ 10 % (điểm tối đa)`
    return seg[:1] == "=" and seg[1:2] != "=" and _ENDS_NAME.search(before) is not None  # `Điểm` / `= …`


def _goes_on(whole: str, bullet: str | None, seg: str) -> bool:
    """The next line ``seg`` carries on the words of the line ``whole`` (its ``bullet``): a description
    after `a = …`, a lower-case line that is no statement, the condition of a bullet option."""
    plain = ":" not in seg and "=" not in seg
    if _DECL_HEAD.match(whole) and plain and _NOT_DESCRIPTION.match(seg) is None and _COHORT.search(seg) is None:
        return True  # `a = Số hộ có kết nối` / `Internet băng rộng`: the description goes on
    if not seg[:1].islower() or _DECL_HEAD.match(seg):
        return False
    if plain:  # a lower-case line with no `:` is no case: `mức 3 có phát sinh …`
        return _STATEMENT_NO_COLON.match(seg) is None
    return bullet is not None and ":" not in whole and "=" not in whole  # `- Tần suất` / `từ 1 lần/tuần: …`


def _word_join(text: str, prev: tuple[int, int, str | None], seg: str) -> bool:
    """The line before, ``prev`` = (start, end, bullet), stops where its phrase cannot (``"word"`` in the
    module docstring); ``seg`` is the next physical line."""
    start, end, bullet = prev
    whole = text[start:end]
    if LONE_LABEL.fullmatch(seg):
        return False
    first = seg[:1]
    if first == "(" or (_LEVEL_OPEN.fullmatch(whole) and not whole.endswith(")")
                        and (first in "<>" or first.isdigit() or first.islower())):
        return True  # `Mức 1 ≥ 10 %` / `(điểm tối đa)`, `Mức 1:` / `≥ 2,5% mục 5.12.1: 100% …`
    return _ends_unfinished(text, start, end, seg) or _goes_on(whole, bullet, seg)


def join_kind(text: str, prev_start: int, prev_end: int, prev_closed: bool, prev_bullet: str | None,
              seg_start: int, broken: bool, bullet: str | None) -> tuple[str, int] | None:
    """Why the segment at ``seg_start`` continues the logical line ``[prev_start, prev_end)``, and for
    ``"paren"`` where the parenthesis closes (else -1); None when it does not.  ``broken``: a line break
    lies between them (else a cut of `statement_cuts` does); ``bullet``: the segment's bullet.  The older
    ``"wrap"`` rules are the caller's (`lines.continues_previous`)."""
    depth = open_parens(text, prev_start, prev_end) if text.find("(", prev_start, prev_end) >= 0 else 0
    if depth:
        close = closes_within(text, seg_start, depth)
        if close is not None:
            return "paren", close
    if not broken or bullet is not None:
        return None
    if prev_end - prev_start <= 6:  # a label is short: `Mức độ`, `a`, `12`
        line_end = text.find("\n", prev_end)
        if _LABEL.fullmatch(text[prev_start:line_end if line_end >= 0 else len(text)].rstrip()) \
                or _LABEL.fullmatch(text[prev_start:prev_end]):
            return "label", -1
    if prev_closed:
        return None
    seg_end = text.find("\n", seg_start)
    seg = text[seg_start:seg_end if seg_end >= 0 else len(text)]
    return ("word", -1) if _word_join(text, (prev_start, prev_end, prev_bullet), seg) else None


def ends_dangling(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` stops on a word that needs what follows (`đến`, `và`, `của` …):
    followed by a bullet line, it is unfinished text (CDS168), neither joined nor read alone."""
    return _DANGLING.search(text, max(start, end - 20), end) is not None


def could_start_statement(seg: str, bullet: str | None) -> bool:
    """Whether ``seg`` (with its ``bullet``), read alone, could be a statement of its own."""
    return bullet is not None or _STATEMENT_ALONE.match(seg) is not None


def reads_alone_as_statement(seg: str, bullet: str | None, close: int) -> bool:
    """Whether ``seg`` is, alone, a whole statement (a case with its points, `x = …`) whose points the
    open parenthesis would swallow: its `: points` or `=` come before the `)` that closes it (at ``close``
    in ``seg``, or -1 when it closes on a later line).  Such a line has two plausible readings; one
    whose points follow the `)` (`- hồ sơ trực tuyến): 5 điểm`) reads one way only."""
    if not could_start_statement(seg, bullet):
        return False
    return _WHOLE.search(seg if close < 0 else seg[:close]) is not None
