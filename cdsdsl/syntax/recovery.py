"""What the formula parser does with text it cannot read as written.

Takes: one formula's normalised text (a `PieceReader`).
Returns: nothing, or raises `FormulaSyntaxError` with a precise, located
message instead of a vague one: too many parentheses (CDS104), a number too
long (CDS113), a case whose points cannot be read (CDS112), a condition and a
result with no `:` between (CDS111), a malformed number (CDS108), a comparison
missing its right side (CDS107).  `next_free_name` names a declaration whose
name is missing, which the classifier then reads with a warning (CDS150).
"""
from __future__ import annotations

import re

from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.pieces import PieceReader
from cdsdsl.text.normalize import MAX_NUMBER_DIGITS

#: the deepest nesting of parentheses a formula may have (CDS104)
MAX_DEPTH = 50
#: a necessary condition of a number longer than that (`_NUMBER_RUN` is looked for only then)
_LONG_NUMBER = re.compile(r"\d[\d.]{%d,}" % MAX_NUMBER_DIGITS)
_NUMBER_RUN = re.compile(r"\d+(?:\.\d+)?")
#: a malformed number: `2.5.1%`, `5.%`, `5%%` (CDS108)
BAD_NUMBER = re.compile(r"(?<![\d.])(?<!mục )(?<!số )(?<!tiêu )(?<!từ )(?<!đến )\d+(?:\.\d+){2,}(?:\s*%)"
                        r"|(?<![\d.])\d+(?:\.\d+)+\.(?=\s*%)|\d+\s*%\s*%", re.I)
_DANGLING_COMPARISON = re.compile(r"^(.*?)(>=|<=|=>|=<|<|>|=)\s*$")
_POINTS_WORD = re.compile(r"điểm|\dđ\b|\d\s*đ$", re.I)
_DIGIT_PAREN = re.compile(r"\d\)")


class Recovery(PieceReader):
    """The checks made before reading a formula, and the precise errors and recoveries of the
    lines that do not read."""

    def check_depth(self) -> None:
        """CDS104 for parentheses nested deeper than `MAX_DEPTH` (before any piece is read)."""
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

    def explain_condition_error(self, s: int, e: int) -> None:
        """Raise a precise error for a formal condition that does not parse:
        a comparison missing its right side (CDS107), a malformed number (CDS108)."""
        text = self.nt[s:e]
        m = BAD_NUMBER.search(text)
        if m:
            raise self.error("CDS108", s + m.start(), s + m.end(), text=self.original(s + m.start(), s + m.end()))
        m = _DANGLING_COMPARISON.match(text)
        if m:
            op_start = s + m.start(2)
            raise self.error("CDS107", op_start, s + m.end(2), text=self.original(s, e).strip())

    def next_free_name(self) -> str:
        """The first letter no declaration of the formula uses (`x` when all are): the name of a
        declaration written without one (`= Số văn bản`)."""
        used = set(self.defined)
        for m in re.finditer(r"(?m)^[-+\s]*([A-Za-z])\s*=", self.nt):
            used.add(m.group(1))
        for c in "abcdefghijklmnopqrstuvwxyz":
            if c not in used:
                return c
        return "x"

