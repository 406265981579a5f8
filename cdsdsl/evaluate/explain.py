"""Explain a score: inputs used, values computed, the case matched, points lost.

Takes: an interpreter `Outcome` (its trace) or a `scoring.UnitResult`.
Returns: text in Vietnamese (default) or English: ``Tỷ lệ = 7/21 = 33,33%``,
the case or option that matched, and a sentence in the manner of the published
"Lý do mất điểm" column: ``Mất 3,33 điểm do tỷ lệ 33,33% chưa đạt ngưỡng 80%``.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from cdsdsl.diagnostics.core import CdsError
from cdsdsl.evaluate.interpret import Outcome
from cdsdsl.evaluate.runtime import fmt_vi
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.printer import print_condition, print_expr


def _val(v: Any, name: str | None = None, lang: str = "vi") -> str:
    if v is None:
        return "?"
    v = Fraction(v)
    pct = name is not None and name.lower().startswith(("tỷ lệ", "tỉ lệ", "tỷ trọng"))
    return fmt_vi(v, percent=pct, lang=lang)


def _substituted(expr: Any, values: dict[str, Fraction], lang: str, max_points: Any = None) -> str:
    """``a/b`` with the unit's values: ``7/21`` (in English ``Điểm tối đa`` shows as its number)."""
    if isinstance(expr, n.Name) and expr.name in values:
        return _val(values[expr.name], expr.name, lang)
    if isinstance(expr, n.MaxPoints) and lang == "en" and max_points is not None:
        return fmt_vi(max_points, lang=lang)
    if isinstance(expr, n.BinOp):
        left = _substituted(expr.left, values, lang, max_points)
        right = _substituted(expr.right, values, lang, max_points)
        if isinstance(expr.left, n.BinOp) and expr.left.op in "+-" and expr.op in "*/":
            left = f"({left})"
        if isinstance(expr.right, n.BinOp) and (expr.op in "*/" or expr.right.op in "+-"):
            right = f"({right})"
        return f"{left}{expr.op}{right}" if expr.op == "/" else f"{left} {expr.op} {right}"
    if lang == "en" and not isinstance(expr, (n.Number, n.Percent, n.Name)):
        return f"`{print_expr(expr)}`"  # decision text (``Tỷ lệ cao nhất``), quoted in English
    return print_expr(expr)


def _thresholds(case_node: Any) -> list[str]:
    out = []
    for node in case_node.walk() if case_node is not None else ():
        if isinstance(node, n.Percent):
            out.append(fmt_vi(node.value, percent=True))
    return out


def explain_outcome(outcome: Outcome, *, lang: str = "vi", unit: str | None = None,
                    extremes: Any = None) -> str:
    """Lines explaining one indicator's score from an interpreter trace; the last line is the
    reason for the points lost (`reason`).  ``extremes(quantity key)`` may name the units with
    the cohort's lowest and highest value: ``(["Huyện X"], ["Huyện Y"])``."""
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
            shown_desc = f"“{desc}”" if en and desc else desc  # decision text, quoted in English
            lines.append(f"  {t.name} = {fmt_vi(t.value, 4, lang=lang)}{cell}: {shown_desc}")
        elif t.kind == "step":
            values[t.name] = t.value
            lines.append(f"  {t.name} = {_substituted(t.node, values, lang, p.max_points)} = "
                         f"{_val(t.value, t.name, lang)}")
            subject_value = (t.name, t.value)
        elif t.kind == "case":
            matched = t
            case = t.node
            cond = print_condition(case.condition)
            cond = f"`{cond}`" if en else cond  # decision text, quoted in English
            lines.append(f"  {'Case matched' if en else 'Trường hợp'}: {cond} → "
                         f"{fmt_vi(t.value, lang=lang)} {'points' if en else 'điểm'}")
        elif t.kind == "options":
            labels = t.info.get("labels", ())
            chosen = [f"`{labels[i]}`" if en else labels[i] for i in t.value] if t.value else []
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
            lines.append(f"  {f'`{t.name}`' if en else t.name} = {_val(t.value, 'tỷ lệ', lang)}")
        elif t.kind == "zero_division":
            lines.append(f"  {'Division by zero' if en else 'Chia cho 0'} ({t.name} = 0)")
        elif t.kind == "cap":
            lines.append(f"  {'Capped at' if en else 'Giới hạn'} {fmt_vi(t.value, lang=lang)}")
        elif t.kind == "clamp":
            lines.append(f"  {'Clamped to' if en else 'Đưa về'} {fmt_vi(t.value, lang=lang)}")
    lost = p.max_points - outcome.exact
    why = reason(outcome, lang=lang, extremes=extremes) if lost > 0 else None
    lines.append("  " + (why or lost_sentence(lost, subject_value, matched, lang=lang)))
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
        return (f"Lost {amount} points: `{cond}`." if en else f"Mất {amount} điểm do: {cond}.")
    return f"Lost {amount} points." if en else f"Mất {amount} điểm."


def _pts(v: Any, lang: str) -> str:
    return f"{fmt_vi(v, lang=lang)} {'points' if lang == 'en' else 'điểm'}"


def _names(names: Any) -> str:
    names = list(names or ())
    if not names:
        return ""
    shown = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    return f" ({shown})"


def _const(r: Any, max_points: Fraction) -> Fraction | None:
    """A constant result's points (``1/2*Điểm tối đa``), None when it depends on the data."""
    if isinstance(r, (n.Number, n.Percent)):
        return Fraction(r.value)
    if isinstance(r, n.MaxPoints):
        return Fraction(max_points)
    if isinstance(r, n.BinOp):
        a, b = _const(r.left, max_points), _const(r.right, max_points)
        if a is None or b is None or (r.op == "/" and b == 0):
            return None
        return a + b if r.op == "+" else a - b if r.op == "-" else a * b if r.op == "*" else a / b
    return None


def _case_points(case: Any, max_points: Fraction) -> Fraction | None:
    return _const(case.result, max_points)


def _cohort_clause(t: Any, p: Any, lang: str, extremes: Any) -> str:
    """``Min-Max: giá trị của đơn vị 45%, thấp nhất 20% (Huyện X), cao nhất 80% (Huyện Y) → 0,42 × 10 = 4,17 điểm``."""
    from cdsdsl.semantics.resolve import CohortScoring

    en = lang == "en"
    d = t.info
    x, low, high, direction = d["x"], d["low"], d["high"], d.get("direction", "max")
    sc = p.parts[t.part].scoring if t.part < len(p.parts) else None
    low_names, high_names = (), ()
    if extremes is not None and isinstance(sc, CohortScoring):
        low_names, high_names = extremes(f"{t.part}:{sc.subject_key}") or ((), ())
    f = lambda v: fmt_vi(v, lang=lang)  # noqa: E731
    fewer = direction == "min"
    if t.name == "minmax":
        head = "Min-Max" + ((" (fewer is better)" if en else " (ít hơn là tốt)") if fewer else "")
    else:
        head = ("ratio to the best unit" if en else "tỷ lệ so với đơn vị tốt nhất") + \
            ((" (fewer is better)" if en else " (ít hơn là tốt)") if fewer else "")
    mine = f"this unit's value {f(x)}" if en else f"giá trị của đơn vị {f(x)}"
    lowest = f"{'lowest' if en else 'thấp nhất'} {f(low)}{_names(low_names)}"
    highest = f"{'highest' if en else 'cao nhất'} {f(high)}{_names(high_names)}"
    mx = p.max_points
    if t.name == "minmax":
        if low == high:
            same = (f"every unit has the same value {f(x)} (CDS622)" if en
                    else f"mọi đơn vị có cùng giá trị {f(x)} (CDS622)")
            return f"{head}: {same} → {_pts(t.value, lang)}"
        share = (high - x if fewer else x - low) / (high - low)
        return (f"{head}: {mine}, {lowest}, {highest} → {fmt_vi(share, 2, lang=lang)} × {f(mx)} = "
                f"{_pts(t.value, lang)}")
    if fewer:
        if x == 0:
            return f"{head}: {mine} → {_pts(t.value, lang)}"
        return f"{head}: {mine}, {lowest} → {f(low)}/{f(x)} × {f(mx)} = {_pts(t.value, lang)}"
    if high == 0:
        nobody = "every unit has 0 (CDS622)" if en else "mọi đơn vị đều là 0 (CDS622)"
        return f"{head}: {nobody} → {_pts(t.value, lang)}"
    return f"{head}: {mine}, {highest} → {f(x)}/{f(high)} × {f(mx)} = {_pts(t.value, lang)}"


def _options_clause(t: Any, p: Any, lang: str) -> str | None:
    """Which options were chosen and which were not, with their points."""
    en = lang == "en"
    sc = p.parts[t.part].scoring if t.part < len(p.parts) else None
    cases = getattr(getattr(sc, "cases", None), "cases", ())
    options = [c for c in cases if type(c.condition) is n.Option]
    if not options:
        return None
    chosen = set(t.value or ())
    mode = t.info.get("mode")

    def label(i: int) -> str:
        pts = _case_points(options[i], p.max_points)
        return f"`{options[i].condition.label}`" + (f" ({_pts(pts, lang)})" if pts is not None else "")

    not_chosen = [i for i in range(len(options)) if i not in chosen
                  and (_case_points(options[i], p.max_points) or 0) > 0]
    if not chosen:
        head = "no option chosen" if en else "không chọn lựa chọn nào"
        return head + (f"; {'the options' if en else 'các lựa chọn'}: " + ", ".join(label(i) for i in not_chosen)
                       if not_chosen else "")
    got = f"{'chosen' if en else 'đã chọn'} " + ", ".join(label(i) for i in sorted(chosen))
    if mode == "cumulative":
        if not_chosen:
            return got + f"; {'not chosen' if en else 'không chọn'} " + ", ".join(label(i) for i in not_chosen)
        return got
    best = max(range(len(options)), key=lambda i: _case_points(options[i], p.max_points) or 0)
    if best in chosen:
        return got
    return got + f"; {'the highest option is' if en else 'lựa chọn cao nhất là'} {label(best)}"


def reason(outcome: Outcome, *, lang: str = "vi", extremes: Any = None) -> str | None:
    """Why the unit lost points, from the trace: the cohort method's numbers, a zero
    denominator, options chosen and not chosen, per-item counts, a case list no case of
    which matched, a sum of other indicators, a cap or a clamp.  None when the trace has
    none of these (the caller then uses `lost_sentence`: the subject and its threshold)."""
    from cdsdsl.semantics.resolve import PerItemScoring

    p = outcome.program
    en = lang == "en"
    lost = p.max_points - outcome.exact
    if lost <= 0:
        return None
    clauses: list[str] = []
    inputs = {t.name: t.value for t in outcome.trace if t.kind == "input"}
    parts = {t.part: t.value for t in outcome.trace if t.kind == "part"}
    for t in outcome.trace:
        if t.kind == "zero_division":
            clauses.append(f"the denominator {t.name} is 0 (division by zero, CDS610): the indicator scores 0" if en
                           else f"mẫu số {t.name} bằng 0 (chia cho 0, CDS610) nên chỉ số được 0 điểm")
            clauses = clauses[-1:]
            break
        if t.kind == "cohort" and t.name in ("minmax", "ratio_to_best"):
            clauses.append(_cohort_clause(t, p, lang, extremes))
        elif t.kind == "options":
            c = _options_clause(t, p, lang)
            if c:
                clauses.append(c)
        elif t.kind == "nomatch":
            what = f"{t.name} = {_val(t.value, t.name, lang)}" if t.name else ("the value" if en else "giá trị")
            clauses.append(f"no case matches {what} (CDS612): 0 points" if en
                           else f"không trường hợp nào khớp với {what} (CDS612) nên được 0 điểm")
        elif t.kind == "items":
            first, _, last = (t.name or "").partition("-")
            clauses.append(f"the sum of indicators {first}–{last} = {_pts(t.value, lang)}; see their reasons" if en
                           else f"bằng tổng điểm các chỉ số {first}–{last} = {_pts(t.value, lang)}; "
                                f"xem lý do ở các chỉ số đó")
        elif t.kind == "cap":
            before = t.info.get("before")
            clauses.append(f"the total {_pts(before, lang)} is capped at {_pts(t.value, lang)}" if en
                           else f"tổng {_pts(before, lang)} vượt mức giới hạn nên chỉ tính {_pts(t.value, lang)}")
        elif t.kind == "clamp":
            before = t.info.get("before")
            clauses.append(f"the result {fmt_vi(before, 4, lang=lang)} is outside [0, {fmt_vi(p.max_points, lang=lang)}]"
                           f", brought to {_pts(t.value, lang)} (CDS613)" if en
                           else f"kết quả {fmt_vi(before, 4, lang=lang)} nằm ngoài [0, {fmt_vi(p.max_points, lang=lang)}]"
                                f" nên đưa về {_pts(t.value, lang)} (CDS613)")
    if not any(t.kind == "zero_division" for t in outcome.trace):
        for part in p.parts:
            sc = part.scoring
            if isinstance(sc, PerItemScoring) and sc.count_key in inputs:
                count, value = inputs[sc.count_key], parts.get(part.index, ZERO_F)
                each = value / count if count else None
                clauses.insert(0, (f"{sc.count_key} = {fmt_vi(count, lang=lang)}"
                                   + (f" × {_pts(each, lang)}" if each is not None else "")
                                   + f" = {_pts(value, lang)}"
                                   + (f" (at most {_pts(p.max_points, lang)})" if en
                                      else f" (tối đa {_pts(p.max_points, lang)})")))
    if not clauses:
        return None
    amount = fmt_vi(lost, lang=lang)
    return (f"Lost {amount} points: " if en else f"Mất {amount} điểm: ") + "; ".join(clauses) + "."


ZERO_F = Fraction(0)


def explain_unit(result: Any, *, lang: str = "vi", unit: Any = None, stats: Any = None) -> str:
    """A unit's result, indicator by indicator (re-runs the interpreter for the trace
    when the unit's data is given)."""
    from cdsdsl.evaluate.interpret import evaluate_program

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


__all__ = ["explain_outcome", "explain_unit", "lost_sentence", "reason"]
