"""Explain a score: inputs used, values computed, the case matched, points lost.

Takes: an interpreter `Outcome` (its trace) or a `scoring.UnitResult`.
Returns: text in Vietnamese (default) or English: ``Tỷ lệ = 7/21 = 33,33%``,
the case or option that matched, and a sentence in the manner of the published
"Lý do mất điểm" column: ``Mất 3,33 điểm do tỷ lệ 33,33% chưa đạt ngưỡng 80%``.
"""
from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any, Callable, cast

from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.core import CdsError
from cdsdsl.evaluate.interpret import Outcome, evaluate_program
from cdsdsl.evaluate.meaning import folded
from cdsdsl.evaluate.runtime import fmt_vi
from cdsdsl.semantics.dimensions import LEXICON
from cdsdsl.semantics.resolve import CohortScoring, PerItemScoring, PerItemsScoring
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.printer import print_condition, print_expr

if TYPE_CHECKING:
    from cdsdsl.evaluate.interpret import TraceEntry


def _t(key: str, lang: str, **args: Any) -> str:
    """The catalogue's text ``explain.<key>`` in ``lang``."""
    return i18n.text(f"explain.{key}", lang, **args)


def _quoted(text: str, lang: str) -> str:
    """Decision text as an explanation shows it: as written in Vietnamese, quoted in another language."""
    return _t("quoted", lang, text=text)


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
    if isinstance(expr, n.MaxPoints) and lang != i18n.SOURCE_LANG and max_points is not None:
        return fmt_vi(max_points, lang=lang)
    if isinstance(expr, n.BinOp):
        left = _substituted(expr.left, values, lang, max_points)
        right = _substituted(expr.right, values, lang, max_points)
        if isinstance(expr.left, n.BinOp) and expr.left.op in "+-" and expr.op in "*/":
            left = f"({left})"
        if isinstance(expr.right, n.BinOp) and (expr.op in "*/" or expr.right.op in "+-"):
            right = f"({right})"
        return f"{left}{expr.op}{right}" if expr.op == "/" else f"{left} {expr.op} {right}"
    if lang != i18n.SOURCE_LANG and not isinstance(expr, (n.Number, n.Percent, n.Name)):
        return _quoted(print_expr(expr), lang)  # decision text (``Tỷ lệ cao nhất``), quoted in English
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
        self.lines: list[str] = []
        self.values: dict[str, Fraction] = {}
        self.subject_value: tuple[str, Fraction] | None = None
        self.matched: TraceEntry | None = None

    def input(self, t: TraceEntry) -> None:
        p, lang, name = self.p, self.lang, cast(str, t.name)  # an input's entry names its key
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
        cell = _t("cell", lang, where=where) if where else ""
        shown_desc = _t("quoted_description", lang, text=desc) if desc else desc  # decision text, quoted in English
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
        self.matched = t
        cond = _quoted(print_condition(t.node.condition), self.lang)  # decision text, quoted in English
        self.lines.append("  " + _t("case_matched", self.lang, condition=cond, points=_pts(t.value, self.lang)))

    def options(self, t: TraceEntry) -> None:
        labels = t.info.get("labels", ())
        chosen = [_quoted(labels[i], self.lang) for i in t.value] if t.value else []
        self.lines.append("  " + _t("chosen", self.lang,
                                    options="; ".join(chosen) if chosen else _t("chosen.none", self.lang)))

    def nomatch(self, t: TraceEntry) -> None:
        self.lines.append("  " + _t("no_case", self.lang, what=f"{t.name} = {_val(t.value, t.name, self.lang)}"))

    def cohort(self, t: TraceEntry) -> None:
        lang = self.lang
        if t.name in ("minmax", "ratio_to_best"):
            d = t.info
            self.lines.append("  " + _t("cohort", lang, x=fmt_vi(d['x'], lang=lang), low=fmt_vi(d['low'], lang=lang),
                                        high=fmt_vi(d['high'], lang=lang)))
        else:
            self.lines.append(f"  {_quoted(cast(str, t.name), lang)} = {_val(t.value, 'tỷ lệ', lang)}")

    def zero_division(self, t: TraceEntry) -> None:
        self.lines.append("  " + _t("zero_division", self.lang, name=t.name))

    def cap(self, t: TraceEntry) -> None:
        self.lines.append("  " + _t("capped", self.lang, value=fmt_vi(t.value, lang=self.lang)))

    def clamp(self, t: TraceEntry) -> None:
        self.lines.append("  " + _t("clamped", self.lang, value=fmt_vi(t.value, lang=self.lang)))


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
    out = _OutcomeLines(outcome, lang)
    head = _t("indicator", lang, item=p.item or "").strip()
    out.lines.append(_t("header", lang, head=head, exact=fmt_vi(outcome.exact, lang=lang),
                        max=fmt_vi(p.max_points, lang=lang), points=outcome.points))
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
    if lost <= 0:
        return _t("full", lang)
    amount = fmt_vi(lost, lang=lang)
    thresholds = _thresholds(matched.node.condition) if matched is not None else []
    if subject is not None:
        name, value = subject
        shown = _val(value, name, lang)
        if thresholds:
            return _t("lost.below_threshold", lang, amount=amount, name=name, value=shown, threshold=thresholds[0])
        return _t("lost.only", lang, amount=amount, name=name, value=shown)
    if matched is not None:
        return _t("lost.condition", lang, amount=amount, condition=_quoted(print_condition(matched.node.condition),
                                                                           lang))
    return _t("lost.plain", lang, amount=amount)


def _pts(v: Any, lang: str) -> str:
    return _t("points", lang, value=fmt_vi(v, lang=lang))


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
    d = t.info
    x, low, high, direction = d["x"], d["low"], d["high"], d.get("direction", "max")
    sc = p.parts[t.part].scoring if t.part < len(p.parts) else None
    low_names, high_names = (), ()
    if extremes is not None and isinstance(sc, CohortScoring):
        low_names, high_names = extremes(f"{t.part}:{sc.subject_key}") or ((), ())

    def f(v: Any) -> str:
        return fmt_vi(v, lang=lang)

    fewer = direction == "min"
    head = _t("minmax" if t.name == "minmax" else "ratio_to_best", lang) + (_t("fewer_is_better", lang) if fewer
                                                                             else "")
    mine = _t("this_unit", lang, value=f(x))
    lowest = _t("lowest", lang, value=f(low), names=_names(low_names))
    highest = _t("highest", lang, value=f(high), names=_names(high_names))
    mx = p.max_points
    if t.name == "minmax":
        if low == high:
            same = _t("all_same", lang, value=f(x))
            return f"{head}: {same} → {_pts(t.value, lang)}"
        share = (high - x if fewer else x - low) / (high - low)
        return (f"{head}: {mine}, {lowest}, {highest} → {fmt_vi(share, 2, lang=lang)} × {f(mx)} = "
                f"{_pts(t.value, lang)}")
    if fewer:
        if x == 0:
            return f"{head}: {mine} → {_pts(t.value, lang)}"
        return f"{head}: {mine}, {lowest} → {f(low)}/{f(x)} × {f(mx)} = {_pts(t.value, lang)}"
    if high == 0:
        nobody = _t("all_zero", lang)
        return f"{head}: {nobody} → {_pts(t.value, lang)}"
    return f"{head}: {mine}, {highest} → {f(x)}/{f(high)} × {f(mx)} = {_pts(t.value, lang)}"


def _options_clause(t: Any, p: Any, lang: str) -> str | None:
    """Which options were chosen and which were not, with their points."""
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
        head = _t("options.none", lang)
        return head + (_t("options.list", lang, options=", ".join(label(i) for i in not_chosen)) if not_chosen
                       else "")
    got = _t("options.chosen", lang, options=", ".join(label(i) for i in sorted(chosen)))
    if mode == "cumulative":
        if not_chosen:
            return got + _t("options.not_chosen", lang, options=", ".join(label(i) for i in not_chosen))
        return got
    best = max(range(len(options)), key=lambda i: _case_points(options[i], p.max_points) or 0)
    if best in chosen:
        return got
    return got + _t("options.highest", lang, option=label(best))


def _zero_division_clause(t: TraceEntry, lang: str) -> str:
    return _t("zero_denominator", lang, name=t.name)


def _cohort_reason(t: TraceEntry, p: Any, lang: str, extremes: Any) -> str | None:
    return _cohort_clause(t, p, lang, extremes) if t.name in ("minmax", "ratio_to_best") else None


def _options_reason(t: TraceEntry, p: Any, lang: str, extremes: Any) -> str | None:
    return _options_clause(t, p, lang) or None


def _nomatch_reason(t: TraceEntry, p: Any, lang: str, extremes: Any) -> str | None:
    what = f"{t.name} = {_val(t.value, t.name, lang)}" if t.name else _t("the_value", lang)
    return _t("no_match", lang, what=what)


def _items_reason(t: TraceEntry, p: Any, lang: str, extremes: Any) -> str | None:
    first, _, last = (t.name or "").partition("-")
    return _t("items", lang, first=first, last=last, points=_pts(t.value, lang))


def _cap_reason(t: TraceEntry, p: Any, lang: str, extremes: Any) -> str | None:
    before = t.info.get("before")
    if t.part >= 0:  # a per-item line's own cap (`1 điểm cho mỗi ứng dụng, tối đa 5 điểm`)
        return _t("cap.line", lang, count=_count_label(p, t.name), before=_pts(before, lang),
                  limit=_pts(t.value, lang))
    return _t("cap", lang, before=_pts(before, lang), points=_pts(t.value, lang))


def _clamp_reason(t: TraceEntry, p: Any, lang: str, extremes: Any) -> str | None:
    before, mx = fmt_vi(t.info.get("before"), 4, lang=lang), fmt_vi(p.max_points, lang=lang)
    return _t("clamp", lang, before=before, max=mx, points=_pts(t.value, lang))


#: the clause of the reason each kind of trace entry gives (None, or a kind not here: none)
_REASON_CLAUSES: dict[str, Callable[[TraceEntry, Any, str, Any], str | None]] = {
    "cohort": _cohort_reason, "options": _options_reason, "nomatch": _nomatch_reason, "items": _items_reason,
    "cap": _cap_reason, "clamp": _clamp_reason}


def _count_label(p: Any, key: str | None) -> str:
    """``Số ứng dụng (`số lượng 1`)``: what a per-item line counts, and its input."""
    try:
        return f"{p.input(key).description} (`{key}`)"
    except KeyError:
        return f"`{key}`"


def _line_clauses(p: Any, sc: PerItemsScoring, inputs: dict[str | None, Any], lang: str) -> list[str]:
    """``Số ứng dụng (`số lượng 1`) = 4 × 1 điểm = 4 điểm (tối đa 3 điểm)`` for each line of ``sc``."""
    out = []
    for line in sc.lines:
        count, each = inputs.get(line.count_key), folded(p, line.points)
        if count is None or each is None:
            continue
        cap = folded(p, line.cap) if line.cap is not None else None
        out.append(f"{_count_label(p, line.count_key)} = {fmt_vi(count, lang=lang)} × {_pts(each, lang)}"
                   f" = {_pts(count * each, lang)}"
                   + (_t("at_most", lang, points=_pts(cap, lang)) if cap is not None else ""))
    return out


def _per_item_clauses(outcome: Outcome, lang: str) -> list[str]:
    """``Số lượng = 3 × 2 điểm = 6 điểm (tối đa 10 điểm)`` for each per-item part, last part first."""
    p = outcome.program
    inputs = {t.name: t.value for t in outcome.trace if t.kind == "input"}
    parts = {t.part: t.value for t in outcome.trace if t.kind == "part"}
    out: list[str] = []
    for part in p.parts:
        sc = part.scoring
        if isinstance(sc, PerItemsScoring):
            out[:0] = _line_clauses(p, sc, inputs, lang)
        elif isinstance(sc, PerItemScoring) and sc.cap is not None:
            out[:0] = _line_clauses(p, PerItemsScoring((sc,)), inputs, lang)
        elif isinstance(sc, PerItemScoring) and sc.count_key in inputs:
            count, value = inputs[sc.count_key], parts.get(part.index, ZERO_F)
            each = value / count if count else None
            out.insert(0, (f"{sc.count_key} = {fmt_vi(count, lang=lang)}"
                           + (f" × {_pts(each, lang)}" if each is not None else "")
                           + f" = {_pts(value, lang)}"
                           + _t("at_most", lang, points=_pts(p.max_points, lang))))
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
    return _t("lost.because", lang, amount=amount, clauses="; ".join(clauses))


ZERO_F = Fraction(0)


def explain_unit(result: Any, *, lang: str = "vi", unit: Any = None, stats: Any = None) -> str:
    """A unit's result, indicator by indicator (re-runs the interpreter for the trace
    when the unit's data is given)."""
    cr = result.compiled
    lines = [_t("unit", lang, unit=result.unit, total=result.total, max=fmt_vi(result.max_points, lang=lang))
             + (_t("rank", lang, rank=result.rank) if result.rank else "")]
    for key, r in result.indicators.items():
        c = cr.by_key.get(key) if cr is not None else None
        if r.status == "not_applicable":
            lines.append(f"{key}: {_t('not_applicable', lang)}")
            continue
        if r.status == "error":
            lines.append(f"{key}: {_t('not_scored', lang)}: "
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
                     + ("" if lost <= 0 else _t("lost_short", lang, amount=fmt_vi(lost, lang=lang))))
    return "\n".join(lines)


__all__ = ["explain_outcome", "explain_unit", "lost_sentence", "reason"]
