"""Self-assessed against appraised scores (tự đánh giá / thẩm định): both scores, the difference, and why.

Takes: the cohort scored on the units' own values, the cohort scored on the appraised values (ranked by it),
both unit lists and the evidence cells (`cdsdsl.dataentry.appraisal.Assessment`).
Returns: `comparison_tables(...)` -> ``(units table, indicators table)``: per unit (appraised ranking order)
the self-assessed and appraised totals, their difference and each section's difference; per unit and
indicator whose points or inputs differ (or that carries evidence): both points, the difference, why
(each input that changed: ``a: 300 → 280 (d.csv:2:C)``; or the cohort, or the sub-indicators) and the
evidence (tài liệu kiểm chứng) with its cell.  Differences are those of the printed
points (each rounded once), so they add up as printed.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from cdsdsl.diagnostics import i18n
from cdsdsl.evaluate.runtime import round_points
from cdsdsl.reports.render import Column, Table

__all__ = ["comparison_tables", "comparison_records"]


def _w(key: str, lang: str, **args: Any) -> str:
    return i18n.text(f"report.appraisal.{key}", lang, **args)


def _round(result: Any, value: Fraction) -> Decimal:
    p = result.compiled.policy if result.compiled is not None else None
    out: Decimal = round_points(value, p.digits if p else 2, p.rounding if p else "half_up")
    return out


def _shown(raw: Any) -> str:
    return "; ".join(map(str, raw)) if isinstance(raw, (list, tuple)) else str(raw)


def _changed_inputs(own: Any, council: Any, key: str) -> list[str]:
    """``a: 300 → 280 (d.csv:2:C)`` for each input of indicator ``key`` whose value differs."""
    mine = own.values.get(key, {}) if own is not None else {}
    theirs = council.values.get(key, {}) if council is not None else {}
    out = []
    for k in list(mine) + [k for k in theirs if k not in mine]:
        a, b = mine.get(k), theirs.get(k)
        if (a.raw if a else None) != (b.raw if b else None):
            before = _shown(a.raw) if a else "—"
            after = _shown(b.raw) if b else "—"
            out.append(f"{k}: {before} → {after}" + (f" ({b.where})" if b is not None and b.where else ""))
    return out


def _why(own_r: Any, council_r: Any, key: str, own: Any, council: Any, lang: str) -> str:
    changed = _changed_inputs(own, council, key)
    if changed:
        return "; ".join(changed)
    c = council_r.compiled.by_key.get(key) if council_r.compiled is not None else None
    if c is not None and c.children:
        return _w("children", lang)
    if c is not None and c.needs_cohort:
        return _w("cohort", lang)
    return ""


def comparison_tables(own_cohort: Any, council_cohort: Any, own_units: Any, council_units: Any,
                      evidence: dict[str, dict[str, tuple[str, str]]], lang: str = "vi") -> tuple[Table, Table]:
    """(units: both totals, difference, section differences; indicators: both points, difference, why, evidence)."""
    own_by = {r.unit: r for r in own_cohort.results}
    own_u = {u.name: u for u in own_units}
    council_u = {u.name: u for u in council_units}
    sids: list[str] = []
    for r in council_cohort.results:
        sids += [s for s in r.sections if s not in sids]
    ucols = (Column("rank", i18n.raw("report.rank", lang), True), Column("unit", i18n.raw("report.unit", lang)),
             Column("self", _w("self", lang), True), Column("appraised", _w("appraised", lang), True),
             Column("difference", _w("difference", lang), True)) + tuple(
        Column(f"section:{s}", _w("section_difference", lang, id=s), True) for s in sids)
    urows = []
    icols = (Column("unit", i18n.raw("report.unit", lang)), Column("indicator", i18n.raw("report.indicator", lang)),
             Column("self", _w("self", lang), True), Column("appraised", _w("appraised", lang), True),
             Column("difference", _w("difference", lang), True), Column("why", _w("why", lang)),
             Column("evidence", _w("evidence", lang)))
    irows = []
    for r in council_cohort.ranking():
        mine = own_by.get(r.unit)
        if mine is None:
            continue
        # differences of the printed points (each rounded once): they add up as printed
        diff = [_round(r, r.sections[s].exact) - _round(mine, mine.sections[s].exact)
                if s in r.sections and s in mine.sections else None for s in sids]
        urows.append((r.rank, r.unit, mine.total, r.total, r.total - mine.total, *diff))
        ev = evidence.get(r.unit, {})
        for key, ir in r.indicators.items():
            own_ir = mine.indicators.get(key)
            a, b = (own_ir.exact if own_ir else None), ir.exact
            why = _why(mine, r, key, own_u.get(r.unit), council_u.get(r.unit), lang) if a != b or \
                _changed_inputs(own_u.get(r.unit), council_u.get(r.unit), key) else ""
            if a == b and not why and key not in ev:
                continue
            d = ir.points - own_ir.points if own_ir is not None and own_ir.points is not None and \
                ir.points is not None else None
            shown_ev = f"{ev[key][0]} ({ev[key][1]})" if key in ev else ""
            irows.append((r.unit, key, own_ir.points if own_ir else None, ir.points, d, why, shown_ev))
    return Table(ucols, tuple(urows)), Table(icols, tuple(irows))


def comparison_records(own_cohort: Any, council_cohort: Any, own_units: Any, council_units: Any,
                       evidence: dict[str, dict[str, tuple[str, str]]], lang: str = "vi") -> dict[str, Any]:
    """The two tables as JSON records (exact strings): ``{"units": [...], "indicators": [...]}``."""
    units, indicators = comparison_tables(own_cohort, council_cohort, own_units, council_units, evidence, lang)
    return {"units": units.records(), "indicators": indicators.records()}
