"""How a part gives its points: the scoring rules of a resolved program.

Takes: the statements of a part that give points (``Điểm = expr``, a case list, ``Mỗi ...: N điểm``,
``Tổng điểm các mục ...``, a cohort method) and, for option lists, the maximum points.
Returns: one `Scoring` per part (`ExprScoring`, `CaseScoring`, `PerItemScoring` — `PerItemsScoring` when
a part has several per-item lines, which add up —, `SumItemsScoring`, `CohortScoring`; when a part writes
several other rules, error CDS207 — the last is kept only so that the checker can go on: `resolve`), and the
reading of an option list (`option_mode`: exclusive or cumulative, and why), with the exact
arithmetic it needs (`apply_binop`, `share_of_max`) and the thresholds of a condition
(`condition_bounds`); what a line that names no quantity means (`final_quantities`, `names_no_subject`),
several per-item lines of a part as one rule (`per_items_together`) and what graded levels are a share
of (`share_of`).
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Any, Iterable

import attrs

from cdsdsl.syntax import nodes as n
from cdsdsl.text.source import Span

__all__ = ["ExprScoring", "CaseScoring", "PerItemScoring", "PerItemsScoring", "SumItemsScoring", "CohortScoring",
           "Scoring", "option_mode", "names_no_subject", "final_quantities", "per_items_together", "share_of",
           "share_of_max", "apply_binop", "condition_bounds"]


@attrs.frozen
class ExprScoring:
    """``Điểm = expr``."""

    expr: Any
    span: Span = attrs.field(default=Span(0, 0), eq=False)


@attrs.frozen
class CaseScoring:
    """A case list: the first matching case gives the points (``mode='first'``);
    for option lists ``mode`` is ``exclusive`` (one option chosen) or
    ``cumulative`` (the chosen options add up).  ``subject`` replaces the
    implicit subject of conditions (``Mức 1 ≥ 10%`` compares ``Tỷ lệ``)."""

    cases: n.Cases
    subject: Any  # an expression, or None when every condition names its subject
    mode: str
    choice_key: str | None = None
    span: Span = attrs.field(default=Span(0, 0), eq=False)


@attrs.frozen
class PerItemScoring:
    """``Mỗi hoạt động: 1 điểm``: ``points`` for each item counted (the input ``count_key``); ``cap``
    (an expression, or None) bounds this line's sum: ``1 điểm cho mỗi ứng dụng, tối đa 5 điểm``."""

    points: Any
    count_key: str
    span: Span = attrs.field(default=Span(0, 0), eq=False)
    cap: Any = None


@attrs.frozen
class PerItemsScoring:
    """Several per-item lines in one part (``Mỗi ứng dụng: 1 điểm, tối đa 3 điểm`` and ``Mỗi nền tảng:
    0,5 điểm, tối đa 2 điểm``): the points are the sum of the lines, each bounded by its own cap."""

    lines: tuple[PerItemScoring, ...]
    span: Span = attrs.field(default=Span(0, 0), eq=False)


@attrs.frozen
class SumItemsScoring:
    """``Cộng điểm từ first đến last``: the sum of the points of the indicators first to last."""

    first: str
    last: str
    span: Span = attrs.field(default=Span(0, 0), eq=False)


@attrs.frozen
class CohortScoring:
    """Points relative to the other units: ``method`` is ``minmax`` or
    ``ratio_to_best``; ``ambiguous`` when the words named both."""

    method: str
    direction: str
    subject_key: str
    ambiguous: bool
    settled_by_ruleset: bool
    span: Span = attrs.field(default=Span(0, 0), eq=False)
    #: the quantity the part computed that the method ranks (``Tỷ lệ`` after ``Tỷ lệ = a/b``; its name is
    #: ``subject_key``), or None when the unit reports it (the input ``subject_key``, ``x``)
    subject: Any = None


Scoring = ExprScoring | CaseScoring | PerItemScoring | PerItemsScoring | SumItemsScoring | CohortScoring


def option_mode(cases: n.Cases, override: str | None,
                 max_points: Fraction | None = None) -> tuple[str, str, str, bool]:
    """(mode, reason_vi, reason_en, settled) for a list of option cases."""
    if override in ("exclusive", "cumulative"):
        return override, "bộ chỉ số ghi rõ", "stated by the ruleset", True
    shares: list[Fraction | None] = []
    for case in cases.cases:
        if isinstance(case.condition, n.Option):
            shares.append(share_of_max(case.result, max_points))
    nonzero = [s for s in shares if s is not None and s != 0]
    if any(s is None for s in shares):
        return ("exclusive", "có mức điểm không phải là phần của điểm tối đa",
                "some points are not a share of the maximum", False)
    if len(nonzero) >= 2 and sum(nonzero) == 1 and all(s < 1 for s in nonzero):
        return ("cumulative",
                f"các mức {' + '.join(_pct(s) for s in nonzero)} cộng lại đúng bằng điểm tối đa"
                " và không mức nào đạt tối đa một mình",
                f"the shares {' + '.join(_pct(s) for s in nonzero)} add up to exactly the maximum"
                " and none reaches it alone",
                True)
    if any(s == 1 for s in nonzero) or len(nonzero) <= 1:
        return ("exclusive", "có một lựa chọn cho điểm tối đa" if any(s == 1 for s in nonzero)
                else "chỉ có một lựa chọn được điểm",
                "one option alone gives the maximum" if any(s == 1 for s in nonzero)
                else "only one option scores", True)
    return ("exclusive",
            f"các mức {' + '.join(_pct(s) for s in nonzero)} không cộng lại bằng điểm tối đa",
            f"the shares {' + '.join(_pct(s) for s in nonzero)} do not add up to the maximum", False)


def _pct(f: Fraction) -> str:
    v = f * 100
    return (str(v.numerator) if v.denominator == 1 else f"{float(v):.4g}".replace(".", ",")) + "%"


def share_of_max(expr: Any, max_points: Fraction | None = None) -> Fraction | None:
    """The constant share of Điểm tối đa an expression is (1/2*Điểm tối đa → 1/2; 0 điểm → 0;
    ``5 điểm`` → 5/max when the maximum is known)."""
    if isinstance(expr, n.MaxPoints):
        return Fraction(1)
    if isinstance(expr, n.Number):
        if expr.value == 0:
            return Fraction(0)
        return expr.value / max_points if max_points else None
    if isinstance(expr, n.Percent):
        return None
    if isinstance(expr, n.BinOp) and expr.op in "*/":
        lc, rc = _const(expr.left), _const(expr.right)
        if lc is not None and rc is not None:  # a constant number of points: 2 * 2,5 điểm
            value = lc * rc if expr.op == "*" else (lc / rc if rc else None)
            return value / max_points if value is not None and max_points else None
        if expr.op == "*":
            if lc is not None and (rs := share_of_max(expr.right, max_points)) is not None:
                return lc * rs
            if rc is not None and (ls := share_of_max(expr.left, max_points)) is not None:
                return rc * ls
        elif rc not in (None, 0) and (ls := share_of_max(expr.left, max_points)) is not None:
            return ls / rc
    return None


def apply_binop(op: str, a: Fraction | None, b: Fraction | None) -> Fraction | None:
    """``a op b`` exactly; None when a side is unknown or the divisor is 0 (for static analysis)."""
    if a is None or b is None:
        return None
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    return a / b if b != 0 else None


def _const(expr: Any) -> Fraction | None:
    """The value of a constant expression (``2 * 2,5``, ``-50%``), None when it is not one."""
    if isinstance(expr, (n.Number, n.Percent)):
        return expr.value
    if isinstance(expr, n.BinOp):
        return apply_binop(expr.op, _const(expr.left), _const(expr.right))
    if isinstance(expr, n.Neg):
        v = _const(expr.operand)
        return -v if v is not None else None
    return None



def condition_bounds(cond: Any) -> list[Any]:
    """The threshold expressions of a condition (``Tỷ lệ >= 80%`` → [80%]; a range → its bounds)."""
    if isinstance(cond, n.Compare):
        return [cond.right]
    if isinstance(cond, n.Range):
        return [b for b in (cond.low, cond.high) if b is not None]
    return []


def names_no_subject(cond: Any) -> bool:
    """A comparison or range that names no subject (``Từ 80% trở lên``), alone or joined by ``và``/``hoặc``."""
    if isinstance(cond, n.Joined):
        return any(names_no_subject(c) for c in cond.conditions)
    if isinstance(cond, n.Compare):
        return cond.left is None
    return isinstance(cond, n.Range) and cond.subject is None


def final_quantities(steps: Iterable[Any]) -> list[str]:
    """The names a part computes (not inputs, not ``Điểm tối đa`` or a cohort's highest) that no other
    computed name uses, in the order of their last definitions: what a later line means when it names
    nothing."""
    latest: dict[str, Any] = {}
    for s in steps:
        if s.expr is not None and not isinstance(s.expr, (n.MaxPoints, n.Aggregate)):
            latest.pop(s.name, None)
            latest[s.name] = s
        elif s.name in latest:  # redefined as an input or a cohort value: no longer computed here
            del latest[s.name]
    used = {x.name for s in latest.values() for x in s.expr.walk() if isinstance(x, n.Name) and x.name != s.name}
    return [name for name in latest if name not in used]


def per_items_together(scorings: list[tuple[Any, Span]]) -> list[tuple[Any, Span]]:
    """A part's scoring rules with its per-item lines, when it has several, as one `PerItemsScoring` (they
    add up, each line bounded by its own cap) where the last of them was written."""
    lines = [sc for sc, _ in scorings if isinstance(sc, PerItemScoring)]
    if len(lines) < 2:
        return scorings
    last = max(i for i, (sc, _) in enumerate(scorings) if isinstance(sc, PerItemScoring))
    span = Span(lines[0].span.start, lines[-1].span.end)
    out = [(sc, sp) for i, (sc, sp) in enumerate(scorings) if not isinstance(sc, PerItemScoring) or i == last]
    return [(PerItemsScoring(tuple(lines), span=span), span) if isinstance(sc, PerItemScoring) else (sc, sp)
            for sc, sp in out]


_SHARE_NOUN = re.compile(r"%\s+(?:của\s+|so\s+với\s+|theo\s+)?(kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|nhiệm\s+vụ"
                         r"|yêu\s+cầu|(?:tổng\s+)?số\s+[^\d%<>=:;,()]+?)(?:\s+[^\d%<>=:;,()]*?)?\s*[:(]", re.I)




def share_of(st: n.Cases, text: str) -> str | None:
    """What the levels of ``st`` are a share of, as written after their percentages in ``text`` (the
    formula's source): `kế hoạch` in `Thực hiện trên 90% kế hoạch: 2 điểm`, `số xã` in `Đạt từ 50% số
    xã trở lên`; None when no level says."""
    for case in st.cases:
        m = _SHARE_NOUN.search(text, case.span.start, case.span.end)
        if m is not None:
            return re.sub(r"\s+", " ", m.group(1)).lower()
    return None
