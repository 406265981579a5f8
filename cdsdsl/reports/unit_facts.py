"""General information in the reports: the unit facts asked once (``Thông tin chung``) that indicators share.

Takes: the `Ruleset` (its ``facts``) and the units' data (`scoring.unitdata.Unit`; a fact is filed under the
pseudo-indicator ``Thông tin chung``, as the readers file it) or a scored cohort.
Returns: `unit_facts(ruleset, unit)`: ``{fact name: value as read}`` (the facts the unit gave);
`facts_line(ruleset, unit, lang)`: one line for an explanation (``Thông tin chung: Dân số = 170000 người;
...``), None when the ruleset has no facts; `facts_table(cohort, lang)`: a row per unit (ranking order), a
column per fact with its unit, or None.
"""
from __future__ import annotations

from typing import Any

from cdsdsl.diagnostics import i18n
from cdsdsl.reports.render import Column, Table
from cdsdsl.rulesets.facts import FACTS_ITEM

__all__ = ["facts_line", "facts_table", "unit_facts"]


def _shown(raw: Any) -> str:
    return "; ".join(map(str, raw)) if isinstance(raw, (list, tuple)) else str(raw)


def unit_facts(ruleset: Any, unit: Any) -> dict[str, str]:
    """The facts ``unit`` gave, in the ruleset's order, each as read (``"170000"``)."""
    given = (getattr(unit, "values", None) or {}).get(FACTS_ITEM, {})
    return {f.name: _shown(given[f.name].raw) for f in getattr(ruleset, "facts", ()) if f.name in given}


def facts_line(ruleset: Any, unit: Any, lang: str = "vi") -> str | None:
    """``Thông tin chung: Dân số = 170000 người; Số hộ gia đình = 43590 hộ`` (a fact not given: ``chưa ghi``)."""
    facts = getattr(ruleset, "facts", ())
    if not facts:
        return None
    given = unit_facts(ruleset, unit)
    parts = [f"{f.name} = {given[f.name]}" + (f" {f.unit}" if f.unit else "") if f.name in given
             else f"{f.name} = {i18n.raw('report.facts.missing', lang)}" for f in facts]
    return f"{i18n.raw('report.facts', lang)}: " + "; ".join(parts)


def facts_table(cohort: Any, lang: str = "vi") -> Table | None:
    """A row per unit (ranking order) with each fact it gave; None when the ruleset declares no facts."""
    from cdsdsl.reports.cohort_tables import ruleset_of

    rs = ruleset_of(cohort)
    facts = getattr(rs, "facts", ())
    if not facts:
        return None
    units = {u.name: u for u in getattr(cohort, "units", ())}
    cols = (Column("unit", i18n.raw("report.unit", lang)),) + tuple(
        Column(f"fact:{f.name}", f.name + (f" ({f.unit})" if f.unit else "")) for f in facts)
    rows = []
    for r in cohort.ranking():
        given = unit_facts(rs, units.get(r.unit))
        rows.append((r.unit,) + tuple(given.get(f.name) for f in facts))
    return Table(cols, tuple(rows))
