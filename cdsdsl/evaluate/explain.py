"""Explain a score: inputs used, values computed, the case matched, points lost.

Takes: an interpreter `Outcome` (its trace) or a `scoring.UnitResult`.
Returns: text in Vietnamese (default) or English: ``Tỷ lệ = 7/21 = 33,33%``,
the case or option that matched, and a sentence in the manner of the published
"Lý do mất điểm" column: ``Mất 3,33 điểm do tỷ lệ 33,33% chưa đạt ngưỡng 80%``.
"""
from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any, Callable, cast

from cdsdsl.diagnostics.core import CdsError
from cdsdsl.evaluate.interpret import Outcome, evaluate_program
from cdsdsl.evaluate.runtime import fmt_vi
from cdsdsl.semantics.dimensions import LEXICON
from cdsdsl.semantics.resolve import CohortScoring, PerItemScoring
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.printer import print_condition, print_expr

if TYPE_CHECKING:
    from cdsdsl.evaluate.interpret import TraceEntry


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


def _unit_after(spec: Any, lang: str) -> str:
    """What an input's value is counted in, after the number: `` triệu đồng``, `` giờ``, `` hộ gia đình``
    (`InputSpec.dimension`); nothing for a ratio, an option or a count of things outside the lexicon."""
    dim = spec.dimension
    if dim.kind in ("money", "duration", "quantity") and dim.unit:
        return " " + dim.label(lang)
    if dim.kind == "count" and dim.what in LEXICON and spec.kind == "count":
        return " " + dim.noun(lang)
    return ""


def _thresholds(case_node: Any) -> list[str]:
    out = []
    for node in case_node.walk() if case_node is not None else ():
        if isinstance(node, n.Percent):
            out.append(fmt_vi(node.value, percent=True))
    return out


class _OutcomeLines:
    """The lines `explain_outcome` writes, one trace entry at a time (`_TRACE_LINES` says how)."""

    def __init__(self, outcome: Outcome, lang: str) -> None:
        self.p = outcome.program
        self.lang = lang
        self.en = lang == "en"
        self.lines: list[str] = []
        self.values: dict[str, Fraction] = {}
        self.subject_value: tuple[str, Fraction] | None = None
        self.matched: TraceEntry | None = None

    def input(self, t: TraceEntry) -> None:
        p, en, lang, name = self.p, self.en, self.lang, cast(str, t.name)  # an input's entry names its key
        try:
            spec = p.input(name)
            desc, unit = spec.description, _unit_after(spec, lang)
        except KeyError:
            desc, unit = "", ""
        where = t.info.get("where")
        self.values[name] = t.value
        for part in p.parts:
            for st in part.steps:
                if st.key == name:
                    self.values[st.name] = t.value
        cell = f" ({'cell' if en else 'ô'} {where})" if where else ""
        shown_desc = f"“{desc}”" if en and desc else desc  # decision text, quoted in English
        self.lines.append(f"  {name} = {fmt_vi(t.value, 4, lang=lang)}{unit}{cell}: {shown_desc}")

    def step(self, t: TraceEntry) -> None:
        name, lang = cast(str, t.name), self.lang  # a step's entry names the computed name
        self.values[name] = t.value
        rate = next((r for r in self.p.rates if r.node is t.node and not r.inline), None)
        shown = _val(t.value, name, lang)
        if rate is not None and t.value is not None:  # a rate keeps its unit: 2,5 người/hộ gia đình (250%)
            value = Fraction(t.value)
            shown = f"{fmt_vi(value, 4, lang=lang)} {rate.unit(lang)} ({fmt_vi(value, percent=True, lang=lang)})"
        self.lines.append(f"  {name} = {_substituted(t.node, self.values, lang, self.p.max_points)} = {shown}")
        self.subject_value = (name, t.value)

    def case(self, t: TraceEntry) -> None:
        en = self.en
        self.matched = t
        cond = print_condition(t.node.condition)
        cond = f"`{cond}`" if en else cond  # decision text, quoted in English
        self.lines.append(f"  {'Case matched' if en else 'Trường hợp'}: {cond} → "
                          f"{fmt_vi(t.value, lang=self.lang)} {'points' if en else 'điểm'}")

    def options(self, t: TraceEntry) -> None:
        en = self.en
        labels = t.info.get("labels", ())
        chosen = [f"`{labels[i]}`" if en else labels[i] for i in t.value] if t.value else []
        self.lines.append(f"  {'Chosen' if en else 'Lựa chọn'}: " + ("; ".join(chosen) if chosen else
                                                                    ("none" if en else "không chọn")))

    def nomatch(self, t: TraceEntry) -> None:
        self.lines.append(f"  {'No case matches' if self.en else 'Không trường hợp nào khớp'}: "
                          f"{t.name} = {_val(t.value, t.name, self.lang)}")

    def cohort(self, t: TraceEntry) -> None:
        en, lang = self.en, self.lang
        if t.name in ("minmax", "ratio_to_best"):
            d = t.info
            self.lines.append(f"  {'Cohort' if en else 'Cả nhóm'}: x = {fmt_vi(d['x'], lang=lang)}, min = "
                              f"{fmt_vi(d['low'], lang=lang)}, max = {fmt_vi(d['high'], lang=lang)}")
        else:
            self.lines.append(f"  {f'`{t.name}`' if en else t.name} = {_val(t.value, 'tỷ lệ', lang)}")

    def zero_division(self, t: TraceEntry) -> None:
        self.lines.append(f"  {'Division by zero' if self.en else 'Chia cho 0'} ({t.name} = 0)")

    def cap(self, t: TraceEntry) -> None:
        self.lines.append(f"  {'Capped at' if self.en else 'Giới hạn'} {fmt_vi(t.value, lang=self.lang)}")

    def clamp(self, t: TraceEntry) -> None:
        self.lines.append(f"  {'Clamped to' if self.en else 'Đưa về'} {fmt_vi(t.value, lang=self.lang)}")


#: the line(s) each kind of trace entry adds to an explanation (other kinds add none)
_TRACE_LINES: dict[str, Callable[[_OutcomeLines, TraceEntry], None]] = {
    "input": _OutcomeLines.input, "step": _OutcomeLines.step, "case": _OutcomeLines.case,
    "options": _OutcomeLines.options, "nomatch": _OutcomeLines.nomatch, "cohort": _OutcomeLines.cohort,
    "zero_division": _OutcomeLines.zero_division, "cap": _OutcomeLines.cap, "clamp": _OutcomeLines.clamp}


def explain_outcome(outcome: Outcome, *, lang: str = "vi", unit: str | None = None,
                    extremes: Any = None) -> str:
    """Lines explaining one indicator's score from an interpreter trace; the last line is the
    reason for the points lost (`reason`).  ``extremes(quantity key)`` may name the units with
    the cohort's lowest and highest value: ``(["Huyện X"], ["Huyện Y"])``."""
    p = outcome.program
    en = lang == "en"
    out = _OutcomeLines(outcome, lang)
    head = f"{'Indicator' if en else 'Chỉ số'} {p.item or ''}".strip()
    out.lines.append(f"{head}: {fmt_vi(outcome.exact, lang=lang)}/{fmt_vi(p.max_points, lang=lang)} "
                     f"{'points' if en else 'điểm'} ({outcome.points})")
    for t in outcome.trace:
        add = _TRACE_LINES.get(t.kind)
        if add is not None:
            add(out, t)
    lost = p.max_points - outcome.exact
    why = reason(outcome, lang=lang, extremes=extremes) if lost > 0 else None
    out.lines.append("  " + (why or lost_sentence(lost, out.subject_value, out.matched, lang=lang)))
    return "\n".join(out.lines)


def lost_sentence(lost: Fraction, subject: tuple[str, Fraction] | None, matched: Any, *, lang: str = "vi") -> str:
    """The "Lý do mất điểm" sentence."""
    en = lang == "en"
    if lost <= 0:
        return "Full points." if en else "Đạt điểm tối đa."
    amount = fmt_vi(lost, lang=lang)
    thresholds = _thresholds(matched.node.condition) if matched is not None else []
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
    en = lang == "en"
    d = t.info
    x, low, high, direction = d["x"], d["low"], d["high"], d.get("direction", "max")
    sc = p.parts[t.part].scoring if t.part < len(p.parts) else None
    low_names, high_names = (), ()
    if extremes is not None and isinstance(sc, CohortScoring):
        low_names, high_names = extremes(f"{t.part}:{sc.subject_key}") or ((), ())

    def f(v: Any) -> str:
        return fmt_vi(v, lang=lang)

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


def _zero_division_clause(t: TraceEntry, lang: str) -> str:
    return (f"the denominator {t.name} is 0 (division by zero, CDS610): the indicator scores 0" if lang == "en"
            else f"mẫu số {t.name} bằng 0 (chia cho 0, CDS610) nên chỉ số được 0 điểm")


def _cohort_reason(t: TraceEntry, p: Any, lang: str, extremes: Any) -> str | None:
    return _cohort_clause(t, p, lang, extremes) if t.name in ("minmax", "ratio_to_best") else None


def _options_reason(t: TraceEntry, p: Any, lang: str, extremes: Any) -> str | None:
    return _options_clause(t, p, lang) or None


def _nomatch_reason(t: TraceEntry, p: Any, lang: str, extremes: Any) -> str | None:
    en = lang == "en"
    what = f"{t.name} = {_val(t.value, t.name, lang)}" if t.name else ("the value" if en else "giá trị")
    return (f"no case matches {what} (CDS612): 0 points" if en
            else f"không trường hợp nào khớp với {what} (CDS612) nên được 0 điểm")


def _items_reason(t: TraceEntry, p: Any, lang: str, extremes: Any) -> str | None:
    first, _, last = (t.name or "").partition("-")
    return (f"the sum of indicators {first}–{last} = {_pts(t.value, lang)}; see their reasons" if lang == "en"
            else f"bằng tổng điểm các chỉ số {first}–{last} = {_pts(t.value, lang)}; xem lý do ở các chỉ số đó")


def _cap_reason(t: TraceEntry, p: Any, lang: str, extremes: Any) -> str | None:
    before = t.info.get("before")
    return (f"the total {_pts(before, lang)} is capped at {_pts(t.value, lang)}" if lang == "en"
            else f"tổng {_pts(before, lang)} vượt mức giới hạn nên chỉ tính {_pts(t.value, lang)}")


def _clamp_reason(t: TraceEntry, p: Any, lang: str, extremes: Any) -> str | None:
    before, mx = fmt_vi(t.info.get("before"), 4, lang=lang), fmt_vi(p.max_points, lang=lang)
    return (f"the result {before} is outside [0, {mx}], brought to {_pts(t.value, lang)} (CDS613)" if lang == "en"
            else f"kết quả {before} nằm ngoài [0, {mx}] nên đưa về {_pts(t.value, lang)} (CDS613)")


#: the clause of the reason each kind of trace entry gives (None, or a kind not here: none)
_REASON_CLAUSES: dict[str, Callable[[TraceEntry, Any, str, Any], str | None]] = {
    "cohort": _cohort_reason, "options": _options_reason, "nomatch": _nomatch_reason, "items": _items_reason,
    "cap": _cap_reason, "clamp": _clamp_reason}


def _per_item_clauses(outcome: Outcome, lang: str) -> list[str]:
    """``Số lượng = 3 × 2 điểm = 6 điểm (tối đa 10 điểm)`` for each per-item part, last part first."""
    p = outcome.program
    inputs = {t.name: t.value for t in outcome.trace if t.kind == "input"}
    parts = {t.part: t.value for t in outcome.trace if t.kind == "part"}
    out: list[str] = []
    for part in p.parts:
        sc = part.scoring
        if isinstance(sc, PerItemScoring) and sc.count_key in inputs:
            count, value = inputs[sc.count_key], parts.get(part.index, ZERO_F)
            each = value / count if count else None
            out.insert(0, (f"{sc.count_key} = {fmt_vi(count, lang=lang)}"
                           + (f" × {_pts(each, lang)}" if each is not None else "")
                           + f" = {_pts(value, lang)}"
                           + (f" (at most {_pts(p.max_points, lang)})" if lang == "en"
                              else f" (tối đa {_pts(p.max_points, lang)})")))
    return out


def reason(outcome: Outcome, *, lang: str = "vi", extremes: Any = None) -> str | None:
    """Why the unit lost points, from the trace: the cohort method's numbers, a zero
    denominator, options chosen and not chosen, per-item counts, a case list no case of
    which matched, a sum of other indicators, a cap or a clamp.  None when the trace has
    none of these (the caller then uses `lost_sentence`: the subject and its threshold)."""
    p = outcome.program
    lost = p.max_points - outcome.exact
    if lost <= 0:
        return None
    zero = next((t for t in outcome.trace if t.kind == "zero_division"), None)
    if zero is not None:  # the only reason then
        clauses = [_zero_division_clause(zero, lang)]
    else:
        clauses = _per_item_clauses(outcome, lang)
        for t in outcome.trace:
            clause_of = _REASON_CLAUSES.get(t.kind)
            clause = clause_of(t, p, lang, extremes) if clause_of is not None else None
            if clause:
                clauses.append(clause)
    if not clauses:
        return None
    amount = fmt_vi(lost, lang=lang)
    return (f"Lost {amount} points: " if lang == "en" else f"Mất {amount} điểm: ") + "; ".join(clauses) + "."


ZERO_F = Fraction(0)


def explain_unit(result: Any, *, lang: str = "vi", unit: Any = None, stats: Any = None) -> str:
    """A unit's result, indicator by indicator (re-runs the interpreter for the trace
    when the unit's data is given)."""
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
