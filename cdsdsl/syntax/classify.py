"""Classify one logical line of a formula and read its pieces into a statement.

Takes: a `Line` (`lines.py`) of one formula's normalised text.
Returns: ``(kind, value)``: ``("case", Case)``, ``("heading", (text, start,
end))``, ``("part", (number, title))``, ``("result_expr", expression)``,
``("stmt", statement)`` or ``("stmts", [statement, …])``: a declaration
(``a = Số văn bản``), an assignment (``Tỷ lệ = a/b``), a case (``Tỷ lệ >= 80%:
10 điểm``), a level (``Mức 1: …``), a heading (``Điểm:``), a numbered part, a
per-item rule, a cap, a sum of items, a cohort method in words, or a note.
The formal pieces of a line are read by `pieces.py`; errors it cannot recover
from are explained by `recovery.py`.
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.build import canonical_name, compare_right_tree, has_binop_or_maxpoints, result_expr_tree, tree_name
from cdsdsl.syntax.lines import Line
from cdsdsl.syntax.phrases import COMPARISON_CHAR, INLINE_CAP, Phrases
from cdsdsl.syntax.pieces import KNOWN_WORDS, LONG_WORD, PieceError
from cdsdsl.syntax.recovery import BAD_NUMBER
from cdsdsl.text.source import Span

#: a money unit; a multiplier before it stays in the unit (`trăm triệu đồng`, `nghìn tỷ đồng`: scales the engine
#: does not convert, so mixing them with another scale is CDS305, never read as `triệu đồng` 100 times too small)
_UNIT_RE = re.compile(r"((?:(?:trăm|chục|mươi|nghìn|ngàn)\s+)?"
                      r"(?:tri[eêệ]u\s+đồng|tỷ\s+đồng|tỉ\s+đồng|nghìn\s+đồng|ngàn\s+đồng|triệu\s+VNĐ|tỷ\s+VNĐ))", re.I)
_CONST_RE = re.compile(r"\((\d+(?:\.\d+)?)\)\s*$")
_COHORT_RE = re.compile(r"phương\s+pháp|min\s*[-–]?\s*max", re.I)  # holds `pháp` or `max`, any case


def _unit(text: str) -> re.Match[str] | None:
    """`_UNIT_RE.search(text)`, skipped when the text lacks `đồng` and `vnđ` in any case (every match
    holds one; no letter of theirs has a case variant that `re.I` and `str.lower` see differently)."""
    low = text.lower()
    return _UNIT_RE.search(text) if "đồng" in low or "vnđ" in low else None
_RATIO_BEST_RE = re.compile(r"(t[ỷỉ]\s*lệ|so\s+sánh|chia|so)\b.*\bvới\b.*\b(cao|nhiều|lớn)\s+nhất", re.I)
_OTHERWISE_RE = re.compile(r"(còn\s+lại|trường\s+hợp\s+khác|ngoài\s+ra|các\s+trường\s+hợp\s+khác)", re.I)
_BEST_RE = re.compile(r"\b(cao|nhiều|lớn)\s+nhất\b|\b(thấp|ít|nhỏ)\s+nhất\b", re.I)
_POINTS_BY = re.compile(r"(?:tính\s+|chấm\s+)?điểm\s+(?:được\s+)?(?:tính|chấm)\s+theo\s")
_RATIO_NAME = re.compile(r"t[ỷỉ]\s*(?:lệ|trọng)\s", re.I)
_LEVEL_RE = re.compile(r"^mức\s*(\d+)\s*[:.]?\s*", re.I)
_PART_RE = re.compile(r"^(\d+)[.)]\s+(\S.*)$")
_PER_ITEM_RE = re.compile(r"^(?:cứ\s+)?mỗi\s+", re.I)
_FORMAL_COND = re.compile(r"[<>=]|^(từ|dưới|trên)\s+-?\d|^\d+(\.\d+)?\s*%?\s*$|trở lên", re.I)
_WHERE_PREFIX = re.compile(r"^(trong\s+đó|với)\s*[:,]?\s*(?=[A-Za-z]\s*(?:=|:|\s là\s|là\s))", re.I)
_IF_THEN = re.compile(r"^(?:nếu|khi|trường\s+hợp)\s+(.+?)\s+thì\s*:?\s+(?:(?:được|đạt)\s+(?=\S))?(.+)$", re.I)
_COND_PREFIX = re.compile(r"(?:nếu|khi|trường\s+hợp|với)\s+", re.I)
_PERCENT_LHS = re.compile(r"^(t[ỷỉ] ?lệ|t[ỷỉ] trọng)\s*\(\s*%\s*\)\s*=\s*(?=\S)", re.I)
_BANG = re.compile(r"\s+bằng\s+", re.I)
_UNIT_NOTE_RE = re.compile(r"^(đơn\s+vị(\s+tính)?\s*:?\s*)", re.I)
_SUM_ITEMS_START = re.compile(r"^cộng\s+(tổng\s+)?điểm")
_CAP_START = re.compile(r"^tổng\s+(số\s+)?điểm\s+(không|tối đa)")
_DECL_HEAD = re.compile(r"^([A-Za-z])\s*([=.:]|(?<=\s)là(?=\s))\s*(?=\S)")
_NAME_COMPARISON = re.compile(r"^(t[ỷỉ] ?lệ|điểm)\s*(>=|<=|<|>|=)")
_FORMAL_START = re.compile(r"^\s*(t[ỷỉ] ?lệ|điểm|[a-z]\b|[<>=])", re.I)
_UNIT_WORD = re.compile(r"^(địa phương|đơn vị|huyện|xã|sở|cơ quan|quận|tỉnh)", re.I)
_DIEM_WORD = re.compile(r"điểm", re.I)
_FORMULA_LIKE = re.compile(r"[*/]|^\(?[A-Za-z]\s*[-+*/]")


def _assignment_sign(body: str) -> tuple[int, int] | None:
    """(start, end) of the `=` (or ` bằng `) of an assignment in ``body``; None when there is none
    or it belongs to a comparison (`<=`, `>=`, `==`) or starts the line."""
    eq, eq_end = body.find("="), body.find("=") + 1
    if eq < 0 and (mb := _BANG.search(body)):
        eq, eq_end = mb.start(), mb.end()
    if eq > 0 and body[eq - 1] not in "<>=" and (eq_end >= len(body) or body[eq_end] != "="):
        return eq, eq_end
    return None


#: a percentage in a text (`70%`, `2,5 %`)
_PERCENT_IN = re.compile(r"\d\s*%")


class LineClassifier(Phrases):
    """Reads each logical line of one formula into what it states (`classify`)."""

    def classify(self, line: Line) -> tuple[str, Any]:
        """What ``line`` states: the first of the readings below, in order, that fits it."""
        s, e = line.start, line.end
        body = self.nt[s:e]
        # `Trong đó: a = ...`, `Trong đó, A là ...`: the declaration after the words
        m = _WHERE_PREFIX.match(body)
        if m:
            line = line._replace(start=s + m.end())
            s = line.start
            body = self.nt[s:e]
        low = body.lower()
        found = (self.if_then_line(s, e, body) or self.percent_ratio_line(s, e, body)
                 or self.part_line(line, body) or self.level_line(line, body)
                 or self.words_line(s, e, body, low) or self.per_item_words_line(s, e, body)
                 or self.declaration_line(line, body))
        if found is not None:
            return found
        colon = self.case_colon(s, e)
        if colon is not None:
            return self.case_line(line, colon)
        found = self.paren_case_line(s, e, body) or self.assignment_line(s, e, body)
        if found is not None:
            return found
        if body.endswith(":"):
            return "heading", (body[:-1].strip(), s, e)
        found = self.result_expr_line(s, e)
        if found is not None:
            return found
        # a comparison with no result: `- Tỷ lệ >= 80%:` handled above; `Tỷ lệ >= 80% Điểm tối đa`
        if _NAME_COMPARISON.match(low):
            self.refuse_comparison_without_result(s, e, body)
        self.refuse_unreadable_points(s, e)
        return "stmt", self.note(s, e)

    def if_then_line(self, s: int, e: int, body: str) -> tuple[str, Any] | None:
        """`Nếu Tỷ lệ >= 90% thì Điểm = Điểm tối đa`: a case."""
        m = _IF_THEN.match(body)
        if not m:
            return None
        cond = self.condition(*self.strip_range(s + m.start(1), s + m.end(1)))
        expr, target = self.result(*self.strip_range(s + m.start(2), e))
        return "case", n.Case(cond, expr, None, span=self.span(s, e), target=target)

    def percent_ratio_line(self, s: int, e: int, body: str) -> tuple[str, Any] | None:
        """`Tỷ lệ (%) = A/B x 100`: a ratio in percent points."""
        m = _PERCENT_LHS.match(body)
        if not m:
            return None
        name_end = s + len(m.group(1))
        target = n.Name("Tỷ trọng" if "trọng" in m.group(1).lower() else "Tỷ lệ",
                        span=self.span(s, name_end), text=self.nt[s:name_end])
        try:
            value = self.piece("expr", *self.strip_range(s + m.end(), e))
        except PieceError as err:
            raise self.fail(err) from None
        self.defined.add(target.name)
        return "stmt", n.Assign(target, value, span=self.span(s, e))

    def part_line(self, line: Line, body: str) -> tuple[str, Any] | None:
        """A numbered part: `1. Triển khai nền tảng số` (a title, not a statement)."""
        m = _PART_RE.match(body)
        if m and line.bullet is None and ":" not in body and "=" not in body:
            return "part", (m.group(1), m.group(2).strip())
        return None

    def level_line(self, line: Line, body: str) -> tuple[str, Any] | None:
        """Levels: `Mức 1 ≥ 10 % (điểm tối đa)`, `Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này`."""
        m = _LEVEL_RE.match(body)
        if m:
            return "case", self.level(line, int(m.group(1)), line.start + m.end(), line.end)
        return None

    def words_line(self, s: int, e: int, body: str, low: str) -> tuple[str, Any] | None:
        """A cohort method in words (`Tính điểm theo phương pháp min-max`), a sum of items
        (`Cộng điểm các mục`) or a cap (`Tổng điểm không quá 10 điểm`)."""
        if ("pháp" in low or "max" in low) and _COHORT_RE.search(body) and "=" not in body:
            return "stmt", self.cohort(s, e)
        if _POINTS_BY.match(low) and "=" not in body and ":" not in body and _RATIO_BEST_RE.search(body):
            return "stmt", self.cohort(s, e)  # `Điểm tính theo tỷ lệ của xã so với xã có tỷ lệ cao nhất`
        if _SUM_ITEMS_START.match(low) or _CAP_START.match(low):
            try:
                return "stmt", self.piece("statement", s, e)
            except PieceError as err:
                raise self.fail(err) from None
        return None

    def declaration_line(self, line: Line, body: str) -> tuple[str, Any] | None:
        """Declarations `a = ...`, `a. ...`, `A là ...`, `= ...` (name missing); not a case on a
        letter (`c = 2%: Điểm tối đa`)."""
        m = _DECL_HEAD.match(body)
        if m and not (m.group(2) == "." and body[m.end()].isdigit()) and not (
                m.group(2) == "=" and self.is_formal_case(line.start, line.end)):
            return self.declaration(line, m)
        if body.startswith("="):
            return self.declaration(line, None)
        return None

    def paren_case_line(self, s: int, e: int, body: str) -> tuple[str, Any] | None:
        """An option or a range with its points in parentheses: `- Có ban hành (5 điểm)`."""
        paren = self.paren_result(s, e)
        if paren is None or "=" in body:
            return None
        cond_end, rs, re_ = paren
        cs, ce = self.strip_range(s, cond_end)
        if cs >= ce:
            return None
        cond = self.condition(cs, ce)
        expr, target = self.result(rs, re_)
        return "case", n.Case(cond, expr, None, span=self.span(s, e), target=target)

    def assignment_line(self, s: int, e: int, body: str) -> tuple[str, Any] | None:
        """An assignment `Tỷ lệ = a/b`, `Điểm = ...`, `Điểm bằng ...`, or a heading `Điểm=`; None
        when the left side is no short name or the right side is prose."""
        sign = _assignment_sign(body)
        if sign is None:
            return None
        eq, eq_end = sign
        lhs_tree = self.piece_tree("expr", s, s + eq)
        lhs_name = tree_name(lhs_tree) if lhs_tree is not None else None
        if lhs_name is None or not (lhs_name in KNOWN_WORDS or len(lhs_name.split()) <= 3
                                    or (_RATIO_NAME.match(lhs_name) and len(lhs_name.split()) <= 6)):
            return None  # (`Tỷ lệ hồ sơ trực tuyến = c/d` is a name of 5 words)
        rs, re_ = self.strip_range(s + eq_end, e)
        if rs >= re_:
            return "heading", ("Điểm" if lhs_name == "Điểm" else lhs_name, s, e)
        return self.assignment(lhs_name, s, e, rs, re_)

    def assignment(self, lhs_name: str, s: int, e: int, rs: int, re_: int) -> tuple[str, Any] | None:
        """The assignment to ``lhs_name`` of the line ``[s, e)`` whose right side is ``[rs, re_)``
        (with a cap after it: `Điểm = Tỷ lệ x Điểm tối đa, tối đa không quá …`); None when the
        right side is prose."""
        cap = INLINE_CAP.search(self.nt, rs, re_) if lhs_name == "Điểm" else None
        if cap is not None:  # `Điểm = Tỷ lệ/80% x Điểm tối đa, tối đa không quá Điểm tối đa`
            try:
                stmt = self.piece("statement", s, self.strip_range(rs, cap.start())[1])
            except PieceError as err:
                raise self.fail(err) from None
            return "stmts", [stmt, self.cap_after(cap, re_, e)]
        try:
            stmt = self.piece("statement", s, e)
        except PieceError as err:
            if lhs_name in KNOWN_WORDS or len(lhs_name) == 1:
                raise self.fail(err) from None
            return None
        if not self.is_prose_expr(stmt.value) or (lhs_name in KNOWN_WORDS and isinstance(stmt.value, n.BinOp)):
            # `Điểm = Điểm tối đa x (Giá trị của đơn vị / Giá trị cao nhất)`: words as names
            self.defined.add(stmt.target.name)
            return "stmt", stmt
        return None

    def result_expr_line(self, s: int, e: int) -> tuple[str, Any] | None:
        """A bare expression bullet: `+ Tỷ lệ*Điểm tối đa` (the points under a heading `Điểm:`)."""
        words = self.plain_words(s, e)
        tree = None if words is not None else self.piece_tree("expr", s, e)  # plain words: a Name
        if tree is not None and not self.is_prose_tree(tree) and tree_name(tree) is None \
                and has_binop_or_maxpoints(tree):
            return "result_expr", self.piece("expr", s, e)
        return None

    def refuse_comparison_without_result(self, s: int, e: int, body: str) -> None:
        """`Tỷ lệ >= 80% Điểm tối đa` (CDS111), `Tỷ lệ >= 80%` (CDS105), `Tỷ lệ >= 8.0.1%` …: a
        comparison on `Tỷ lệ` or `Điểm` with no result is always an error."""
        cond_err = None
        try:
            self.piece("condition", s, e)
        except PieceError as err:
            cond_err = err
        self.explain_missing_colon(s, e)
        if cond_err is not None:
            self.explain_condition_error(s, e)
            raise self.error("CDS110", cond_err.start, cond_err.end,
                             detail=self.nt[cond_err.start:cond_err.end] or body)
        raise self.error("CDS105", e - 1, e, condition=self.original(s, e))

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
            if _PER_ITEM_RE.match(self.nt[s:i].strip()) and (cap := INLINE_CAP.search(self.nt, rs, re_)):
                re_ = self.strip_range(rs, cap.start())[1]  # `Mỗi ...: 2 điểm, tối đa 10 điểm`
            if rs < re_ and (tree := self.piece_tree("result", rs, re_)) is not None:
                if not self.is_prose_tree(result_expr_tree(tree)):
                    return i
        if candidates:
            i = candidates[-1]
            rs, re_ = self.strip_range(i + 1, e)
            left = self.nt[s:i]
            if _FORMAL_COND.search(left.strip()) and COMPARISON_CHAR.search(left):
                return i  # a formal condition with an unreadable result: report it
        return None

    def case_line(self, line: Line, colon: int) -> tuple[str, Any]:
        """A case `condition: points` split at ``colon``, or a per-item rule `Mỗi …: 2 điểm` (with
        its cap, if written after the points)."""
        s, e = line.start, line.end
        ls, le = self.strip_range(s, colon)
        rs, re_ = self.strip_range(colon + 1, e)
        left = self.nt[ls:le]
        if rs >= re_:
            raise self.error("CDS105", colon, colon + 1, condition=left)
        if _PER_ITEM_RE.match(left):
            # `Mỗi sáng kiến: 2 điểm, tối đa không quá 10 điểm`: the cap may follow the points
            cap = INLINE_CAP.search(self.nt, rs, re_)
            return "stmt", self.per_item(left, s, e, (rs, cap.start() if cap else re_), cap)
        cond = self.condition(ls, le)
        expr, target = self.result(rs, re_)
        return "case", n.Case(cond, expr, None, span=self.span(s, e), target=target)

    def condition(self, s: int, e: int) -> Any:
        """The condition of a case: a comparison or a range when the text is one (`Tỷ lệ >= 80%`,
        `Từ 5 đến 10`), an option (`Đã ban hành`, `Còn lại`, `Đơn vị cao nhất`) when it is prose."""
        m = _COND_PREFIX.match(self.nt, s, e)
        if m:  # `Trường hợp tỷ lệ từ 90% trở lên`, `Nếu Tỷ lệ >= 80%`
            inner = self.try_piece("condition", *self.strip_range(m.end(), e))
            if isinstance(inner, (n.Compare, n.Range)) and not (
                    isinstance(inner, n.Compare) and inner.left is None and inner.op == "="
                    and not self.is_constant(inner.right)):
                return self.condition(*self.strip_range(m.end(), e))
        if self.nt[s:s + 1] == "(" and self.nt[e - 1:e] == ")" and self.nt.find(")", s) == e - 1:
            return self.condition(*self.strip_range(s + 1, e - 1))  # `Mức 1 (≥ 90%): 10 điểm`
        share = self.share_condition(s, e)
        if share is not None:  # `Thực hiện trên 90% kế hoạch`, `Đạt từ 50% đến dưới 80% số xã`
            return share
        joined = self.joined_condition(s, e)
        if joined is not None:  # `a >= 5 hoặc Tỷ lệ >= 50%`
            return joined
        # plain words: Lark reads `implicit_eq` of a `Name`, not a constant: an option
        if self.plain_words(s, e) is not None or self.is_prose_option(s, e):
            return self.option(s, e)
        try:
            cond = self.piece("condition", s, e)
        except PieceError as err:
            return self.unreadable_condition(err, s, e)
        return self.option(s, e) if self.is_prose_condition(cond, self.nt[s:e]) else cond

    def unreadable_condition(self, err: PieceError, s: int, e: int) -> Any:
        """A condition that does not read: a precise error when it looks formal, else an option."""
        text = self.nt[s:e]
        self.explain_condition_error(s, e)
        if err.code in ("CDS103", "CDS107", "CDS108", "CDS109"):
            raise self.error(err.code, err.start, err.end, **err.params) from None
        if COMPARISON_CHAR.search(text) and _FORMAL_START.match(text):
            raise self.error("CDS110", err.start, err.end, detail=self.nt[err.start:err.end] or text) from None
        return self.option(s, e)

    def is_prose_option(self, s: int, e: int) -> bool:
        """`Chưa có Ban chỉ đạo hoặc …`: words that `condition` below would call an option
        whatever Lark made of them, decided without reading them all.  With no `<>=` nor
        `bằng` there is no comparison (so no CDS109 and no CDS110), with no surplus `(` no
        CDS103, with no `BAD_NUMBER` no CDS108; a text that opens an unknown name of
        several words then reads as `implicit_eq` or a range whose subject is that prose
        (an option), or not at all (an option too)."""
        text = self.nt[s:e]
        return (not COMPARISON_CHAR.search(text) and "bằng" not in text.lower()
                and text.count("(") <= text.count(")") and not BAD_NUMBER.search(text)
                and self.opens_unknown_name(s, e, "condition"))

    def option(self, s: int, e: int) -> Any:
        """A condition in words: `Còn lại` (otherwise), `Đơn vị cao nhất` (best), else an option."""
        label = self.nt[s:e]
        span = self.span(s, e)
        if _OTHERWISE_RE.search(label):
            return n.Otherwise(label, span=span)
        m = _BEST_RE.search(label)
        if m and _UNIT_WORD.match(label):
            return n.Best("max" if m.group(1) else "min", label, span=span)
        self.refuse_unread_comparison(label, s, e)
        return n.Option(label, span=span)

    def refuse_unread_comparison(self, label: str, s: int, e: int) -> None:
        """CDS115 for an "option" that names a quantity the cell computed and a percentage (`Tỷ lệ 70 - 90%`):
        a condition on that quantity the reader could not read; as an option nobody would choose it and the
        unit would lose its points without a word."""
        if not _PERCENT_IN.search(label):
            return
        low = label.lower()
        for name in self.defined:
            if len(name) > 1 and low.startswith(name.lower()) and not low[len(name):len(name) + 1].isalnum():
                raise self.error("CDS115", s, e, condition=label, name=name)

    def level(self, line: Line, number: int, s: int, e: int) -> n.Case:
        """`Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này` or `Mức 1 ≥ 10 % (điểm tối đa)`."""
        colon = self.case_colon(s, e)
        if colon is not None:
            bounds: tuple[int, int, int] | None = (colon, colon + 1, e)
        else:  # the result in parentheses at the end: `≥ 10 % (điểm tối đa)`, `(70% điểm)`
            bounds = self.paren_result(s, e, check=False)
        if bounds is None:
            raise self.error("CDS105", e - 1 if e > s else e, e, condition=self.nt[line.start:e])
        cond_end, res_start, res_end = bounds
        cs, ce = self.strip_range(s, cond_end)
        rs, re_ = self.strip_range(res_start, res_end)
        if rs >= re_:
            raise self.error("CDS105", res_start - 1, res_start, condition=self.nt[line.start:ce])
        cond = self.condition(cs, ce) if cs < ce else n.Otherwise("", span=self.span(cs, cs))
        expr, target = self.result(rs, re_)
        return n.Case(cond, expr, number, span=self.span(line.start, line.end), target=target)

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

    def declaration(self, line: Line, m: re.Match[str] | None) -> tuple[str, Any]:
        """A declaration `a = Số văn bản` (``m``: `_DECL_HEAD`'s match), or `= Số văn bản` (``m`` is
        None: the name is missing, CDS150); `a = b*c` is an assignment, `a. Số văn bản` warns (CDS154)."""
        s, e = line.start, line.end
        recovered = m is None
        name = self.next_free_name() if m is None else m.group(1)
        sep = "=" if m is None else m.group(2)
        ds, de = self.strip_range(s + 1 if m is None else s + m.end(), e)
        name_span = self.span(s, s + 1)
        desc = self.nt[ds:de]
        if sep != "." and not recovered:
            assign = self.letter_assignment(name, name_span, s, e, ds, de)
            if assign is not None:
                return "stmt", assign
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

    def letter_assignment(self, name: str, name_span: Span, s: int, e: int, ds: int, de: int) -> n.Assign | None:
        """`a = b*c`: the assignment of an expression to the letter ``name`` (the line is
        ``[s, e)``, the right side ``[ds, de)``); None when the right side is prose (a
        description); a right side shaped like a formula that does not read is an error."""
        words = self.plain_words(ds, de)
        if words is not None and len(words) > 1 and canonical_name(words) not in self.defined:
            return None  # a name of several words, not defined: prose (what Lark's tree would say)
        if self.opens_unknown_name(ds, de):
            return None
        tree = self.piece_tree("expr", ds, de)
        if tree is not None and not self.is_prose_tree(tree):
            expr = self.piece("expr", ds, de)
            self.defined.add(name)
            target = n.Name(name, span=name_span, text=name)
            return n.Assign(target, expr, span=self.span(s, e))
        desc = self.nt[ds:de]
        if tree is None and _FORMULA_LIKE.search(desc) and not LONG_WORD.search(desc):
            try:
                self.piece("expr", ds, de)
            except PieceError as err:
                raise self.fail(err) from None
        return None

    def cohort(self, s: int, e: int) -> n.CohortMethod:
        """A cohort method in words: min-max or ratio to the best, its direction and its basis."""
        text = self.nt[s:e]
        methods = []
        if re.search(r"min\s*[-–]?\s*max", text, re.I):
            methods.append("minmax")
        if _RATIO_BEST_RE.search(text):
            methods.append("ratio_to_best")
        if not methods:
            methods.append("ratio_to_best" if _BEST_RE.search(text) else "minmax")
        low = text.lower()
        lowest = re.search(r"(thấp|ít|nhỏ)\s+nhất", low)
        highest = re.search(r"(cao|nhiều|lớn)\s+nhất|(cao|nhiều|lớn)\b.*\bnhất", low)
        direction = "min" if lowest and not highest else "max"
        bm = (re.search(r"(dựa\s+vào|dựa\s+trên|căn\s+cứ\s+vào|căn\s+cứ)\s+(.*)$", text, re.I)
              or re.search(r"(theo)\s+(?!phương\s+pháp)(.*)$", text, re.I))
        basis = bm.group(2).strip() if bm else ""
        return n.CohortMethod(tuple(methods), direction, basis, span=self.span(s, e), text=text)

    def note(self, s: int, e: int) -> n.Note:
        """A line that states nothing formal: a unit (`Đơn vị tính: triệu đồng`), a list, or text."""
        text = self.nt[s:e]
        um = _unit(text)
        if um and (_UNIT_NOTE_RE.match(text) or len(text) < 60):
            unit = re.sub(r"\s+", " ", um.group(1).lower()).replace("tỉ", "tỷ")
            unit = re.sub(r"^tri[eêệ]u", "triệu", unit)
            return n.Note("unit", text, unit, span=self.span(s, e))
        if re.search(r"\d\)\s", text) or re.match(r"^(danh\s+mục|danh\s+sách)", text, re.I):
            return n.Note("list", text, span=self.span(s, e))
        return n.Note("text", text, span=self.span(s, e))

