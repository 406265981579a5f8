"""The phrases of a line that carry meaning beyond its formal pieces: points, caps, per-item rules in
words, levels stated as a share, conditions joined by `và` / `hoặc`.

Takes: ranges of one formula's normalised text (the `LineClassifier` that reads a line calls these).
Returns: nodes — the points of a case (`result`), a per-item rule with its own cap (`PerItem`, `1 điểm cho
mỗi ứng dụng, tối đa 5 điểm`), the comparison or range of a share (`Thực hiện trên 90% kế hoạch` →
`Range(None, 90%, …)`), joined conditions (`a >= 5 hoặc Tỷ lệ >= 50%` → `Joined`); or None when the text is
not such a phrase.  Located errors: CDS211 (`và` and `hoặc` without parentheses), CDS212 (a comparison joined
with words), CDS110 (points that do not read).
"""
from __future__ import annotations

import re
from typing import Any

from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.build import result_expr_tree
from cdsdsl.syntax.pieces import PieceError
from cdsdsl.syntax.recovery import Recovery

COMPARISON_CHAR = re.compile(r"[<>=]")
#: where a cap written after the points starts: `, tối đa 10 điểm`, ` (tối đa 3 điểm)`, ` nhưng không quá 10 điểm`
INLINE_CAP = re.compile(r"(?:[,;]\s*|\s*\(|\s+(?=nhưng\s))(?=(?:nhưng\s+)?"
                        r"(?:tối\s+đa\s+(?:không|là|bằng|\d)|tối\s+đa\s+điểm|không\s+quá|tổng\s+(?:số\s+)?điểm))",
                        re.I)
_CAP_WORDS = re.compile(r"(?:nhưng\s+)?(?:tối\s+đa(?:\s+không\s+quá|\s+là|\s+bằng)?|không\s+quá"
                        r"|tổng\s+(?:số\s+)?điểm\s+(?:không\s+(?:vượt\s+)?quá|tối\s+đa(?:\s+là)?))\s*", re.I)
# `1 điểm cho mỗi ứng dụng`, `Cứ mỗi hội nghị được 0,5 điểm`: a per-item rule in words, split at a joining word
_EACH = re.compile(r"(?:cứ\s+)?mỗi\s", re.I)
_EACH_JOIN = re.compile(r"\s(?:được(?:\s+(?:cộng|tính))?|tính|cộng)\s", re.I)  # `Mỗi X được 2 điểm`
_JOIN_EACH = re.compile(r"\s(?:cho|với)\s+(?=(?:cứ\s+)?mỗi\s)", re.I)  # `2 điểm cho mỗi X`
_POINTS_LEAD = re.compile(r"được\s+", re.I)
# a level as a share: the verb before the percentages and what they are a share of after them
_SHARE_LEAD = re.compile(r"(?:thực\s+hiện|hoàn\s+thành|đạt(?:\s+được)?|được)\s+(?:(?:được\s+)?t[ỷỉ]\s+lệ\s+)?", re.I)
_SHARE_WORD = (r"(?:\s+(?!(?:và|hoặc|nhưng|chưa|không|có|trừ|ngoài|nếu|khi|mà)(?![^\W\d_]))"
               r"[^\s\d%<>=:;,()]+)")  # a word of what the share is of; never one that adds a condition
_SHARE_OF = re.compile(r"\s+(?:(?:của|so\s+với|theo)\s+)?(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|nhiệm\s+vụ|yêu\s+cầu"
                       r"|(?:tổng\s+)?số)" + _SHARE_WORD + r"*?(?:\s+trở\s+(?P<dir>lên|xuống))?\s*", re.I)
_JOIN_WORD = re.compile(r"(?<!hơn)\s+(?:và|hoặc)\s+(?!bằng(?![^\W\d_]))", re.I)  # not `lớn hơn hoặc bằng` (≥)


class Phrases(Recovery):
    """The phrase readers `LineClassifier` builds on (see the module docstring)."""

    def result(self, s: int, e: int) -> tuple[Any, str | None]:
        """The points of a case and the name they are given to (`Điểm`, or None): CDS110 when
        they do not read."""
        try:
            expr, target = self.piece("result", s, e)
        except PieceError as err:
            raise self.error(err.code if err.code != "CDS100" else "CDS110", err.start, err.end,
                             **(err.params or {"detail": self.nt[s:e]})) from None
        return expr, target

    def cap_after(self, cap: re.Match[str], re_: int, e: int) -> n.Cap:
        """The `Cap` written after the points: `, tối đa không quá 10 điểm`, `(tối đa 5 điểm)`."""
        words = _CAP_WORDS.match(self.nt, cap.end(), re_)
        ls_, le_ = self.strip_range(words.end() if words else cap.end(), re_)
        if le_ > ls_ and self.nt[le_ - 1] == ")" and "(" not in self.nt[ls_:le_]:
            le_ -= 1
        limit, _t = self.result(ls_, le_)
        return n.Cap(limit, span=self.span(cap.end(), e))

    def per_item(self, label: str, s: int, e: int, points: tuple[int, int],
                 cap: re.Match[str] | None) -> n.PerItem:
        """The per-item rule `label` of the line ``[s, e)`` whose points are at ``points``, with the cap
        written after them (``cap``: `, tối đa 5 điểm`, `(tối đa 3 điểm)`, `nhưng không quá 10 điểm`):
        that cap bounds this line's sum only."""
        expr, _target = self.result(*self.strip_range(*points))
        limit = self.cap_after(cap, e, e).limit if cap is not None else None
        return n.PerItem(label, expr, span=self.span(s, e), cap=limit)

    def per_item_words_line(self, s: int, e: int, body: str) -> tuple[str, Any] | None:
        """A per-item rule in words: `1 điểm cho mỗi ứng dụng, tối đa 5 điểm`, `Mỗi ứng dụng được 2 điểm
        nhưng không quá 10 điểm`, `Cứ mỗi hội nghị được 0,5 điểm (tối đa 3 điểm)`; None when the line is
        not one (no `mỗi`, a `:` or `=`, or points that do not read)."""
        if "mỗi" not in body.lower() or ":" in body or "=" in body:
            return None
        cap = INLINE_CAP.search(self.nt, s, e)
        end = self.strip_range(s, cap.start())[1] if cap is not None else e
        if _EACH.match(self.nt, s, end):  # `Mỗi X được 2 điểm`: the last joining word whose points read
            splits = [(s, j.start(), j.end(), end) for j in _EACH_JOIN.finditer(self.nt, s, end)][::-1]
        else:  # `[Được] 2 điểm cho mỗi X`
            lead = _POINTS_LEAD.match(self.nt, s, end)
            splits = [(j.end(), end, lead.end() if lead else s, j.start())
                      for j in _JOIN_EACH.finditer(self.nt, s, end)]
        for ls, le, ps, pe in splits:
            ps, pe = self.strip_range(ps, pe)
            tree = self.piece_tree("result", ps, pe) if ps < pe else None
            if tree is None or self.is_prose_tree(result_expr_tree(tree)):
                continue
            label = self.nt[ls:le].strip()
            return "stmt", self.per_item(label[:1].upper() + label[1:], s, e, (ps, pe), cap)
        return None

    def share_condition(self, s: int, e: int) -> Any:
        """A level stated as a share of something countable — `Thực hiện trên 90% kế hoạch`, `Từ 70% - 90%
        kế hoạch`, `Đạt từ 50% đến dưới 80% số xã`, `Hoàn thành 100% chỉ tiêu` — read as the comparison or
        range of the share (the words around the percentages name what it is a share of); None when the
        text is not one (no `%`, other words after it, or the rest does not read as a condition on the
        share alone)."""
        text = self.nt[s:e]
        last = text.rfind("%")
        of = _SHARE_OF.fullmatch(text, last + 1) if last >= 0 else None
        if of is None:
            return None
        lead = _SHARE_LEAD.match(text)
        cs, ce = self.strip_range(s + (lead.end() if lead else 0), s + last + 1)
        cond = self.try_piece("condition", cs, ce) if cs < ce else None
        subject = cond.left if isinstance(cond, n.Compare) else cond.subject if isinstance(cond, n.Range) else 0
        if subject is not None or not self.percent_bounds(cond):
            return None
        if of.group("dir") and isinstance(cond, n.Compare) and cond.op == "=":  # `80% kế hoạch trở lên`
            return n.Compare(None, ">=" if of.group("dir").lower() == "lên" else "<=", cond.right, span=cond.span)
        return cond

    def joined_condition(self, s: int, e: int) -> Any:
        """Conditions joined by `và`/`hoặc` outside parentheses, each a comparison or a range (`a >= 5 hoặc
        Tỷ lệ >= 50%`): a `Joined`; None when the words join no such conditions (an option `Chưa có Ban chỉ
        đạo hoặc có nhưng ...`) or the grammar reads the whole as one range (`Tỷ lệ >= 50% và Tỷ lệ < 80%`).
        Both words without parentheses (CDS211), or a comparison joined with words (CDS212): errors."""
        joins = self.top_level_joins(s, e)
        if not joins:
            return None
        whole = self.try_piece("condition", s, e)
        if isinstance(whole, (n.Compare, n.Range)) and not self.is_prose_condition(whole, self.nt[s:e]) and not any(
                isinstance(x, n.Name) and _JOIN_WORD.search(f" {x.name} ") for x in whole.walk()):
            return None  # one range (`Tỷ lệ >= 50% và Tỷ lệ < 80%`); not `a >= 5 (hoặc đã ban hành)`
        bounds = [s] + [x for j in joins for x in j[:2]] + [e]
        parts = [self.strip_range(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
        conds = [self.formal_part(ps, pe) for ps, pe in parts]
        if not any(c is not None for c in conds):
            return None
        ops = {self.nt[j[0]:j[1]].strip().lower() for j in joins}
        if len(ops) > 1:
            raise self.error("CDS211", joins[0][0], joins[-1][1], condition=self.nt[s:e])
        words = next(((ps, pe) for (ps, pe), c in zip(parts, conds, strict=True) if c is None), None)
        if words is not None:
            raise self.error("CDS212", words[0], words[1], condition=self.nt[s:e], words=self.nt[words[0]:words[1]])
        return n.Joined(ops.pop(), tuple(conds), span=self.span(s, e))

    def top_level_joins(self, s: int, e: int) -> list[tuple[int, int]]:
        """The ``[start, end)`` of each ` và ` / ` hoặc ` of ``[s, e)`` outside parentheses."""
        out = []
        for m in _JOIN_WORD.finditer(self.nt, s, e):
            before = self.nt[s:m.start()]
            if before.count("(") == before.count(")"):
                out.append((m.start(), m.end()))
        return out

    def formal_part(self, s: int, e: int) -> Any:
        """One side of `và`/`hoặc`: a comparison or a range (a level as a share included), conditions joined
        in parentheses (`(Tỷ lệ >= 80% và a >= 3) hoặc b > 1`), else None."""
        if self.nt[s:s + 1] == "(" and self.nt[e - 1:e] == ")" and self.nt.find(")", s) == e - 1:
            inner = self.strip_range(s + 1, e - 1)
            return self.joined_condition(*inner) or self.formal_part(*inner)
        cond = self.share_condition(s, e) or self.try_piece("condition", s, e)
        if isinstance(cond, (n.Compare, n.Range)) and not self.is_prose_condition(cond, self.nt[s:e]) and not (
                isinstance(cond, n.Compare) and cond.left is not None and self.is_prose_expr(cond.left)):
            return cond
        return None

    @staticmethod
    def percent_bounds(cond: Any) -> bool:
        """Every bound of the comparison or range ``cond`` is a percentage (`70% - 90%`, `trên 90%`)."""
        bounds = [cond.right] if isinstance(cond, n.Compare) else [b for b in (cond.low, cond.high) if b is not None]
        return bool(bounds) and all(isinstance(b, n.Percent) for b in bounds)

    def is_prose_condition(self, cond: Any, text: str) -> bool:
        """True when the condition Lark read from ``text`` is prose, so an option: `= <names>`, a
        range whose subject is prose, a comparison of prose written without `<>=` (`bằng`)."""
        if isinstance(cond, n.Compare) and cond.left is None and cond.op == "=" and not self.is_constant(cond.right):
            return True
        if isinstance(cond, n.Range) and cond.subject is not None and self.is_prose_expr(cond.subject):
            return True
        return (isinstance(cond, n.Compare) and cond.left is not None and self.is_prose_expr(cond.left)
                and not COMPARISON_CHAR.search(text))
