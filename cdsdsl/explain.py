"""Explain a score: inputs used, values computed, the case matched, points lost.

Takes: an interpreter `Outcome` (its trace) or a `scoring.UnitResult`.
Returns: text in Vietnamese (default) or English: ``Tỷ lệ = 7/21 = 33,33%``,
the case or option that matched, and a sentence in the manner of the published
"Lý do mất điểm" column: ``Mất 3,33 điểm do tỷ lệ 33,33% chưa đạt ngưỡng 80%``.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from . import nodes as n
from .diagnostics import CdsError
from .interpret import Outcome
from .printer import print_condition, print_expr
from .runtime import fmt_vi


def _val(v: Any, name: str | None = None, lang: str = "vi") -> str:
    if v is None:
        return "?"
    v = Fraction(v)
    pct = name is not None and name.lower().startswith(("tỷ lệ", "tỉ lệ", "tỷ trọng"))
    return fmt_vi(v, percent=pct, lang=lang)


def _substituted(expr: Any, values: dict[str, Fraction], lang: str) -> str:
    """``a/b`` with the unit's values: ``7/21``."""
    if isinstance(expr, n.Name) and expr.name in values:
        return _val(values[expr.name], expr.name, lang)
    if isinstance(expr, n.BinOp):
        left, right = _substituted(expr.left, values, lang), _substituted(expr.right, values, lang)
        if isinstance(expr.left, n.BinOp) and expr.left.op in "+-" and expr.op in "*/":
            left = f"({left})"
        if isinstance(expr.right, n.BinOp) and (expr.op in "*/" or expr.right.op in "+-"):
            right = f"({right})"
        return f"{left}{expr.op}{right}" if expr.op == "/" else f"{left} {expr.op} {right}"
    return print_expr(expr)


def _thresholds(case_node: Any) -> list[str]:
    out = []
    for node in case_node.walk() if case_node is not None else ():
        if isinstance(node, n.Percent):
            out.append(fmt_vi(node.value, percent=True))
    return out


def explain_outcome(outcome: Outcome, *, lang: str = "vi", unit: str | None = None) -> str:
    """Lines explaining one indicator's score from an interpreter trace."""
    p = outcome.program
    en = lang == "en"
    lines: list[str] = []
    head = f"{'Indicator' if en else 'Chỉ số'} {p.item or ''}".strip()
    lines.append(f"{head}: {fmt_vi(outcome.exact, lang=lang)}/{fmt_vi(p.max_points, lang=lang)} "
                 f"{'points' if en else 'điểm'} ({outcome.points})")
    values: dict[str, Fraction] = {}
    subject_value = None
    matched = None
    for t in outcome.trace:
        if t.kind == "input":
            try:
                desc = p.input(t.name).description
            except KeyError:
                desc = ""
            where = t.info.get("where")
            values[t.name] = t.value
            for part in p.parts:
                for st in part.steps:
                    if st.key == t.name:
                        values[st.name] = t.value
            cell = f" ({'cell' if en else 'ô'} {where})" if where else ""
            lines.append(f"  {t.name} = {fmt_vi(t.value, 4, lang=lang)}{cell}: {desc}")
        elif t.kind == "step":
            values[t.name] = t.value
            lines.append(f"  {t.name} = {_substituted(t.node, values, lang)} = {_val(t.value, t.name, lang)}")
            subject_value = (t.name, t.value)
        elif t.kind == "case":
            matched = t
            case = t.node
            cond = print_condition(case.condition)
            lines.append(f"  {'Case matched' if en else 'Trường hợp'}: {cond} → "
                         f"{fmt_vi(t.value, lang=lang)} {'points' if en else 'điểm'}")
        elif t.kind == "options":
            labels = t.info.get("labels", ())
            chosen = [labels[i] for i in t.value] if t.value else []
            lines.append(f"  {'Chosen' if en else 'Lựa chọn'}: " + ("; ".join(chosen) if chosen else
                                                                   ("none" if en else "không chọn")))
        elif t.kind == "nomatch":
            lines.append(f"  {'No case matches' if en else 'Không trường hợp nào khớp'}: "
                         f"{t.name} = {_val(t.value, t.name, lang)}")
        elif t.kind == "cohort" and t.name in ("minmax", "ratio_to_best"):
            d = t.info
            lines.append(f"  {'Cohort' if en else 'Cả nhóm'}: x = {fmt_vi(d['x'], lang=lang)}, min = "
                         f"{fmt_vi(d['low'], lang=lang)}, max = {fmt_vi(d['high'], lang=lang)}")
        elif t.kind == "cohort":
            lines.append(f"  {t.name} = {_val(t.value, 'tỷ lệ', lang)}")
        elif t.kind == "zero_division":
            lines.append(f"  {'Division by zero' if en else 'Chia cho 0'} ({t.name} = 0)")
        elif t.kind == "cap":
            lines.append(f"  {'Capped at' if en else 'Giới hạn'} {fmt_vi(t.value, lang=lang)}")
        elif t.kind == "clamp":
            lines.append(f"  {'Clamped to' if en else 'Đưa về'} {fmt_vi(t.value, lang=lang)}")
    lost = p.max_points - outcome.exact
    lines.append("  " + lost_sentence(lost, subject_value, matched, lang=lang))
    return "\n".join(lines)


def lost_sentence(lost: Fraction, subject: tuple[str, Fraction] | None, matched: Any, *, lang: str = "vi") -> str:
    """The "Lý do mất điểm" sentence."""
    en = lang == "en"
    if lost <= 0:
        return "Full points." if en else "Đạt điểm tối đa."
    amount = fmt_vi(lost, lang=lang)
    thresholds = _thresholds(getattr(matched, "node", None).condition) if matched is not None else []
    if subject is not None:
        name, value = subject
        shown = _val(value, name, lang)
        if thresholds and not en:
            return f"Mất {amount} điểm do {name.lower()} {shown} chưa đạt ngưỡng {thresholds[0]}."
        if thresholds:
            return f"Lost {amount} points: {name} {shown} is below the threshold {thresholds[0]}."
        return (f"Lost {amount} points: {name} is {shown}." if en
                else f"Mất {amount} điểm do {name.lower()} chỉ đạt {shown}.")
    if matched is not None:
        cond = print_condition(matched.node.condition)
        return (f"Lost {amount} points: {cond}." if en else f"Mất {amount} điểm do: {cond}.")
    return f"Lost {amount} points." if en else f"Mất {amount} điểm."


def explain_unit(result: Any, *, lang: str = "vi", unit: Any = None, stats: Any = None) -> str:
    """A unit's result, indicator by indicator (re-runs the interpreter for the trace
    when the unit's data is given)."""
    from .interpret import evaluate_program

    en = lang == "en"
    cr = result.compiled
    lines = [f"{'Unit' if en else 'Đơn vị'} {result.unit}: {result.total}/{fmt_vi(result.max_points, lang=lang)}"
             + (f" ({'rank' if en else 'hạng'} {result.rank})" if result.rank else "")]
    for key, r in result.indicators.items():
        c = cr.by_key.get(key) if cr is not None else None
        if r.status == "not_applicable":
            lines.append(f"{key}: {'not applicable' if en else 'không áp dụng'}")
            continue
        if r.status == "error":
            lines.append(f"{key}: {'not scored' if en else 'không chấm được'}: "
                         + "; ".join(d.message(lang) for d in r.diagnostics[:1]))
            continue
        if unit is not None and c is not None and c.program is not None and r.status == "scored":
            try:
                o = evaluate_program(c.program, unit.values.get(key, {}), cohort=(stats or {}).get(key),
                                     item_points={k: v.exact for k, v in result.indicators.items()
                                                  if v.exact is not None}, policy=cr.policy, unit=result.unit)
                lines.append(explain_outcome(o, lang=lang))
                continue
            except CdsError:  # the unit's data cannot be traced: fall back to the plain line
                pass
        lost = (r.max_points or 0) - (r.exact or 0)
        lines.append(f"{key}: {r.points}/{fmt_vi(r.max_points or 0, lang=lang)}"
                     + ("" if lost <= 0 else (f" (lost {fmt_vi(lost, lang=lang)})" if en
                                              else f" (mất {fmt_vi(lost, lang=lang)} điểm)")))
    return "\n".join(lines)


__all__ = ["explain_outcome", "explain_unit", "lost_sentence"]
