"""The tables of a scored cohort: what `cds score`, `cds rank` and `cds explain` show.

Takes: a `scoring.CohortResult` (and, for explanations, the units' data it was scored from).
Returns: `Table`s (`cdsdsl.reports.render`) of exact values: `score_table` (data order), `rank_table`
(rank order: rank, unit, total, per-section totals, maxima), `indicator_table` (points per indicator per unit),
`explain_table` and `indicator_explanation` (one unit's points and the reasons for lost points, from
`cdsdsl.evaluate.explain`) and `lost_points_table` (every point lost, with why).  Only formats: the
points themselves come from `scoring`.  No state is kept between calls.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any, Iterable, Sequence

from cdsdsl.diagnostics import i18n
from cdsdsl.evaluate.runtime import round_points
from cdsdsl.reports.render import Column, Table, vi_number
from cdsdsl.reports.totals import gaps_note


def _w(key: str, lang: str) -> str:
    return i18n.raw(f"report.{key}", lang)


# ---------------------------------------------------------------- cohort helpers

def ruleset_of(cohort: Any) -> Any:
    """The `Ruleset` a cohort was scored with (None for an empty cohort)."""
    for r in cohort.results:
        if r.compiled is not None:
            return r.compiled.ruleset
    return None


def _policy(cohort: Any) -> tuple[int, str]:
    for r in cohort.results:
        if r.compiled is not None:
            return r.compiled.policy.digits, r.compiled.policy.rounding
    return 2, "half_up"


def _round(cohort: Any, value: Fraction) -> Decimal:
    digits, mode = _policy(cohort)
    rounded: Decimal = round_points(value, digits, mode)
    return rounded


def _section_ids(cohort: Any) -> list[str]:
    ids: list[str] = []
    for r in cohort.results:
        for k in r.sections:
            if k not in ids:
                ids.append(k)
    return ids


def _section_max(cohort: Any, sid: str) -> Fraction:
    """A section's maximum: the most any unit could get (units may have indicators that do not apply)."""
    return max((r.sections[sid].max_points for r in cohort.results if sid in r.sections), default=Fraction(0))


def _set_name(ruleset: Any) -> str | None:
    sf = getattr(ruleset, "set_formula", None)
    if sf is None:
        return None
    name = sf.text.split("=", 1)[0].strip()
    return name if name and len(name) <= 12 else "D"


def _unit_label(r: Any) -> str:
    return r.unit if r.complete else f"{r.unit} (*)"


def _summary_columns(cohort: Any, lang: str, *, ranked: bool) -> tuple[list[Column], list[str]]:
    rs = ruleset_of(cohort)
    cols: list[Column] = []
    if ranked:
        cols.append(Column("rank", _w("rank", lang), True))
    cols.append(Column("unit", _w("unit", lang)))
    has_groups = bool(getattr(rs, "groups", ()))
    if has_groups:
        cols.append(Column("group", _w("group", lang)))
    set_name = _set_name(rs)
    if set_name:
        cols.append(Column("set_total", f"{_w('points', lang)} {set_name}", True))
    cols.append(Column("total", _w("total", lang), True))
    cols.append(Column("max", _w("max", lang), True))
    sids = _section_ids(cohort)
    for sid in sids:
        header = f"{_w('section', lang)} {sid}\n({vi_number(_section_max(cohort, sid), lang)})"
        cols.append(Column(f"section:{sid}", header, True))
    if has_groups:
        cols.append(Column("group_points", _w("group_points", lang), True))
        cols.append(Column("group_max", f"{_w('group_points', lang)}: {_w('max', lang).lower()}", True))
    return cols, sids


def _section_legend(cohort: Any, sids: Sequence[str], lang: str) -> str:
    rs = ruleset_of(cohort)
    parts = []
    for sid in sids:
        try:
            sec = rs.section(sid)
        except (KeyError, AttributeError):
            continue
        parts.append(f"{_w('section', lang)} {sid}: {sec.name}")
    return "; ".join(parts)


def _summary_row(cohort: Any, r: Any, cols: Sequence[Column], sids: Sequence[str], *, label: bool) -> tuple[Any, ...]:
    out: list[Any] = []
    group_total = r.groups.get(r.group) if r.group else None
    for c in cols:
        k = c.key
        if k == "rank":
            out.append(r.rank)
        elif k == "unit":
            out.append(_unit_label(r) if label else r.unit)
        elif k == "group":
            out.append(r.group or "")
        elif k == "set_total":
            out.append(r.set_total)
        elif k == "total":
            out.append(r.total)
        elif k == "max":
            out.append(r.max_points)
        elif k.startswith("section:"):
            sid = k.split(":", 1)[1]
            out.append(_round(cohort, r.sections[sid].exact) if sid in r.sections else None)
        elif k == "group_points":
            out.append(_round(cohort, group_total.exact) if group_total is not None else None)
        elif k == "group_max":
            out.append(group_total.max_points if group_total is not None else None)
        else:  # pragma: no cover - every column above is handled
            out.append(None)
    return tuple(out)


def _summary(cohort: Any, results: Iterable[Any], lang: str, *, ranked: bool, label: bool) -> Table:
    results = tuple(results)
    cols, sids = _summary_columns(cohort, lang, ranked=ranked)
    rows = tuple(_summary_row(cohort, r, cols, sids, label=label) for r in results)
    notes = []
    legend = _section_legend(cohort, sids, lang)
    if legend:
        notes.append(legend)
    if label and any(not r.complete for r in cohort.results):
        notes.append(_w("incomplete", lang))
    gaps = gaps_note(cohort, results, lang, sections_only=True) if label else None
    if gaps:  # a printed total that is not the sum of the printed sections: the rule, and where
        notes.append(gaps)
    if label and getattr(cohort, "intake", None) is not None:  # rows read vs units scored: none dropped silently
        notes.append(cohort.intake.line(len(cohort.results), lang))
    return Table(tuple(cols), rows, tuple(notes))


def score_table(cohort: Any, lang: str = "vi", *, label: bool = True) -> Table:
    """Points per unit in the data's order: total, maximum, per section (and priority sector).

    ``label`` marks units not fully scored with ``(*)`` and adds the notes (for people)."""
    return _summary(cohort, cohort.results, lang, ranked=False, label=label)


def rank_table(cohort: Any, lang: str = "vi", *, label: bool = True) -> Table:
    """The ranking: rank (ties share a rank: 1, 2, 2, 4), unit, total, section totals, sorted."""
    return _summary(cohort, cohort.ranking(), lang, ranked=True, label=label)


def indicator_table(cohort: Any, lang: str = "vi") -> Table:
    """One row per indicator (id, name, maximum) and one column per unit with its points."""
    rs = ruleset_of(cohort)
    results = cohort.ranking()
    cols = [Column("indicator", _w("indicator", lang)), Column("name", _w("name", lang)),
            Column("max", _w("max", lang), True)]
    cols += [Column(f"unit:{r.unit}", r.unit, True) for r in results]
    rows = []
    for ind in (rs.indicators if rs is not None else ()):
        row: list[Any] = [ind.key, ind.name, ind.max_points]
        for r in results:
            ir = r.indicators.get(ind.key)
            if ir is None or ir.status == "not_applicable":
                row.append(None)
            else:
                row.append(ir.points)
        rows.append(tuple(row))
    return Table(tuple(cols), tuple(rows))


# ---------------------------------------------------------------- explanations

def indicator_explanation(cohort: Any, unit_result: Any, key: str, unit: Any = None,
                          lang: str = "vi") -> tuple[list[str], str]:
    """(working lines, reason) for one indicator of one unit.

    The working re-runs the reference interpreter on the unit's data for its trace
    (``Tỷ lệ = 7/21 = 33,33%``, the case matched); the reason is the "Lý do mất điểm"
    sentence of `explain`, or the message that stopped the indicator from being scored."""
    from cdsdsl.evaluate.explain import explain_outcome
    from cdsdsl.evaluate.interpret import evaluate_program

    r = unit_result.indicators[key]
    if r.status == "not_applicable":
        return [], _w("not_applicable", lang)
    if r.status == "error":
        return [], "; ".join(d.message(lang) for d in r.diagnostics[:1]) or _w("not_scored", lang)
    lost = (r.max_points or Fraction(0)) - (r.exact or Fraction(0))
    cr = unit_result.compiled
    c = cr.by_key.get(key) if cr is not None else None
    if r.status == "scored" and unit is not None and c is not None and c.program is not None:
        from cdsdsl.diagnostics.core import CdsError

        try:
            outcome = evaluate_program(
                c.program, unit.values.get(key, {}), cohort=(getattr(cohort, "stats", None) or {}).get(key),
                item_points={k: v.exact for k, v in unit_result.indicators.items() if v.exact is not None},
                policy=cr.policy, unit=unit_result.unit)
        except CdsError as exc:  # the scorer succeeded, so this is unexpected: show why
            return [], "; ".join(d.message(lang) for d in exc.diagnostics[:1])
        lines = [ln.strip() for ln in explain_outcome(outcome, lang=lang,
                                                      extremes=_extremes(cohort, c, cr)).splitlines()]
        return lines[1:-1], lines[-1] if len(lines) > 1 else ""
    if lost <= 0:
        return [], _w("full", lang)
    how = _w("entered", lang) if r.status == "entered" else _w("children", lang) if r.status == "children" else ""
    if r.status == "children":  # name the sub-indicators that lost points
        kids = [(k, ir) for k, ir in unit_result.indicators.items()
                if c is not None and k in c.children and ir.max_points is not None
                and ir.status != "not_applicable" and (ir.max_points - (ir.exact or Fraction(0))) > 0]
        if kids:
            lost_by = [(k, ir.max_points - (ir.exact or Fraction(0))) for k, ir in kids]
            how += ": " + ", ".join(i18n.text("report.lost_by", lang, key=k, amount=vi_number(v, lang))
                                    for k, v in lost_by)
    elif r.status == "entered" and r.exact is not None:
        how += f": {vi_number(r.exact, lang)}/{vi_number(r.max_points or 0, lang)}"
    amount = vi_number(lost, lang)
    reason = i18n.text("report.lost_points", lang, amount=amount) + (f" ({how})." if how else ".")
    return [], reason


#: the recent (cohort, indicator key, names) so a report does not recompute them
_EXTREMES: list[tuple[Any, str, Any]] = []


def _extremes(cohort: Any, c: Any, cr: Any) -> Any:
    """For a cohort indicator: ``names(quantity key) -> (units with the lowest value, units with the highest)``,
    read from every unit's data the way the cohort statistics were (units it does not apply to left out)."""
    if cohort is None or c is None or c.program is None or not c.program.needs_cohort:
        return None
    for co, key, found in _EXTREMES:
        if co is cohort and key == c.key:
            return found.get
    from cdsdsl.diagnostics.core import CdsError
    from cdsdsl.evaluate.interpret import unit_quantities

    stats = (getattr(cohort, "stats", None) or {}).get(c.key) or {}
    table: dict[str, tuple[list[str], list[str]]] = {}
    for u in getattr(cohort, "units", ()):
        if not cr.applies(c, u):
            continue
        try:
            got = unit_quantities(c.program, u.values.get(c.key, {}), unit=u.name, policy=cr.policy)
        except CdsError:
            continue
        for q, v in got.items():
            st = stats.get(q)
            if st is None or isinstance(v, CdsError) or v is None:
                continue
            low, high = table.setdefault(q, ([], []))
            if v == st[0]:
                low.append(u.name)
            if v == st[1]:
                high.append(u.name)
    _EXTREMES.append((cohort, c.key, table))
    del _EXTREMES[:-32]  # one cohort's cohort indicators fit: a report asks unit by unit, indicator by indicator
    return table.get


def explain_table(cohort: Any, unit_result: Any, unit: Any = None, lang: str = "vi") -> Table:
    """One unit, indicator by indicator: points, maximum, points lost, working and reason."""
    cols = (Column("indicator", _w("indicator", lang)), Column("name", _w("name", lang)),
            Column("points", _w("points", lang), True), Column("max", _w("max", lang), True),
            Column("lost", _w("lost", lang), True), Column("trace", _w("trace", lang)),
            Column("reason", _w("reason", lang)))
    rows = []
    for key, r in unit_result.indicators.items():
        trace, reason = indicator_explanation(cohort, unit_result, key, unit, lang)
        lost = None
        if r.status not in ("not_applicable",) and r.max_points is not None:
            lost = _round(cohort, r.max_points - (r.exact or Fraction(0)))
        points = r.points if r.status != "error" else None
        rows.append((key, r.name, points, r.max_points, lost, "\n".join(trace), reason))
    return Table(cols, tuple(rows))


def lost_points_table(cohort: Any, lang: str = "vi") -> Table:
    """Every (unit, indicator) that lost points, with the reason, units in ranking order."""
    cols = (Column("rank", _w("rank", lang), True), Column("unit", _w("unit", lang)),
            Column("indicator", _w("indicator", lang)), Column("name", _w("name", lang)),
            Column("points", _w("points", lang), True), Column("max", _w("max", lang), True),
            Column("lost", _w("lost", lang), True), Column("reason", _w("reason", lang)))
    units = {u.name: u for u in getattr(cohort, "units", ())}
    rows = []
    for r in cohort.ranking():
        for key, ir in r.indicators.items():
            if ir.status == "not_applicable" or ir.max_points is None:
                continue
            lost = ir.max_points - (ir.exact or Fraction(0))
            if lost <= 0 and ir.status != "error":
                continue
            _, reason = indicator_explanation(cohort, r, key, units.get(r.unit), lang)
            rows.append((r.rank, r.unit, key, ir.name, ir.points if ir.status != "error" else None,
                         ir.max_points, _round(cohort, lost), reason))
    return Table(cols, tuple(rows))
