"""Totals as printed: where adding up the printed points gives another number than the printed total, say so.

Takes: a scored cohort (`scoring.CohortResult`) or one unit's result.
Returns: `rounding_rule(cohort)`: the one rule every output uses, as data (``{"digits": 2, "mode": "half_up",
"totals": "exact"}``: section, group and set totals add the EXACT points and are rounded once, like every
indicator's points, docs/semantics.md); `rule_text(cohort, lang)`: that rule in words; `sum_gaps(result)`: the
places of one unit where the printed total differs from the sum of the printed parts it adds up (a section and
its counted indicators, an indicator and its sub-indicators, the total and its sections), each as
``(what, printed total, sum of the printed parts)``; `gaps_note(cohort, results, lang, sections_only=)`: the
note an output prints when there is such a place, naming them; None when every printed total adds up.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any, Iterable

from cdsdsl.diagnostics import i18n
from cdsdsl.evaluate.runtime import round_points
from cdsdsl.reports.render import vi_number

__all__ = ["gaps_note", "rounding_rule", "rule_text", "sum_gaps"]


def _policy(result: Any) -> tuple[int, str]:
    cr = getattr(result, "compiled", None)
    return (cr.policy.digits, cr.policy.rounding) if cr is not None else (2, "half_up")


def _cohort_policy(cohort: Any) -> tuple[int, str]:
    for r in cohort.results:
        if r.compiled is not None:
            return _policy(r)
    return 2, "half_up"


def rounding_rule(cohort: Any) -> dict[str, Any]:
    """The rule of every output, as data (JSON): digits, mode, and ``totals: "exact"``."""
    digits, mode = _cohort_policy(cohort)
    return {"digits": digits, "mode": mode, "totals": "exact"}


def rule_text(cohort: Any, lang: str = "vi") -> str:
    digits, mode = _cohort_policy(cohort)
    return i18n.text("report.rounding_rule", lang, digits=digits, mode=i18n.raw(f"report.rounding.{mode}", lang))


def _printed(value: Fraction | None, digits: int, mode: str) -> Decimal:
    out: Decimal = round_points(value or Fraction(0), digits, mode)
    return out


def sum_gaps(result: Any, *, sections_only: bool = False) -> list[tuple[tuple[str, str], Decimal, Decimal]]:
    """Where one unit's printed total is not the sum of its printed parts: ``(what, total, sum)``.

    ``what`` is ``("section", "3")`` / ``("group", "I")`` (its counted indicators), ``("indicator", "5.11")`` (its
    sub-indicators) or ``("total", "")`` (the sections); ``sections_only``: only the total against its sections
    (a table that prints the sections, not the indicators)."""
    cr = getattr(result, "compiled", None)
    if cr is None:
        return []
    digits, mode = _policy(result)
    out: list[tuple[tuple[str, str], Decimal, Decimal]] = []
    if not sections_only:
        parts: dict[tuple[str, str], Decimal] = {}
        for c in cr.counted:
            r = result.indicators[c.key]
            if r.status == "not_applicable":
                continue
            where = ("g", c.indicator.group_id) if c.indicator.group_id is not None else ("s", c.indicator.section_id)
            parts[where] = parts.get(where, Decimal(0)) + _printed(r.exact, digits, mode)
        for (kind, key), added in parts.items():
            t = (result.groups if kind == "g" else result.sections).get(key)
            if t is not None and _printed(t.exact, digits, mode) != added:
                out.append((("group" if kind == "g" else "section", key), _printed(t.exact, digits, mode), added))
        for c in cr.items:
            r = result.indicators[c.key]
            if not c.children or r.status != "children":
                continue
            added = sum((_printed(result.indicators[k].exact, digits, mode) for k in c.children
                         if k in result.indicators and result.indicators[k].status != "not_applicable"), Decimal(0))
            if _printed(r.exact, digits, mode) != added:
                out.append((("indicator", c.key), _printed(r.exact, digits, mode), added))
    added = sum((_printed(t.exact, digits, mode) for t in result.sections.values()), Decimal(0))
    if result.total != added:
        out.append((("total", ""), result.total, added))
    return out


def _what(what: tuple[str, str], lang: str) -> str:
    """A place of `sum_gaps` in words: ``mục 3``, ``lĩnh vực I``, ``chỉ số 5.11``, ``tổng``."""
    kind, key = what
    return i18n.text(f"report.place.{kind}", lang, key=key)


def gaps_note(cohort: Any, results: Iterable[Any], lang: str = "vi", *, sections_only: bool = False) -> str | None:
    """The rule and the places where the printed parts do not add up to the printed total (None: they do)."""
    found = []
    for r in results:
        for what, total, added in sum_gaps(r, sections_only=sections_only):
            found.append(i18n.text("report.sum_gap", lang, unit=r.unit, what=_what(what, lang),
                                   total=vi_number(total, lang), added=vi_number(added, lang)))
    if not found:
        return None
    return rule_text(cohort, lang) + " " + i18n.text("report.sum_gaps", lang, places="; ".join(found))
