"""Two years' results for the same units: `compare_results(diff, old_cohort, new_cohort)` -> `CohortComparison`.

Takes: the `RulesetDiff` of the two years' rulesets and each year's scored cohort (`scoring.results.
CohortResult`: the ruleset and its data scored as `cds score` scores them).  Returns: per unit (matched by
name, case and spaces aside) the total before and after and the change, the same per section (matched by
section number), and the points of every indicator whose scoring changed between the rulesets (added,
removed, new maximum, scoring text or meaning; a renumbering alone is not a change) — these are marked, so
that a drop there is read as a change of the rule, not of the work.  Units of only one year are listed
apart, never dropped silently.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs

from cdsdsl.compare.diff import IndicatorChange, RulesetDiff

__all__ = ["CohortComparison", "UnitComparison", "compare_results"]


@attrs.frozen
class Delta:
    """A value in each year (None: not there / not scored) and its change."""

    key: str
    name: str
    old: Fraction | None
    new: Fraction | None

    @property
    def change(self) -> Fraction | None:
        return None if self.old is None or self.new is None else self.new - self.old


@attrs.frozen
class RuleChange:
    """The points one unit got for an indicator whose scoring changed, and how it changed."""

    change: IndicatorChange
    old: Fraction | None
    new: Fraction | None


@attrs.frozen
class UnitComparison:
    unit: str
    total: Delta
    sections: tuple[Delta, ...]
    rule_changes: tuple[RuleChange, ...]
    #: the part of the total's change made on indicators whose scoring changed (points not measured alike)
    from_rules: Fraction


@attrs.frozen
class CohortComparison:
    diff: RulesetDiff
    units: tuple[UnitComparison, ...]
    only_old: tuple[str, ...]
    only_new: tuple[str, ...]


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _points(result: Any, key: str | None) -> Fraction | None:
    if result is None or key is None:
        return None
    ir = result.indicators.get(key)
    return None if ir is None else ir.exact


def _unit(diff: RulesetDiff, old: Any, new: Any) -> UnitComparison:
    names = {s.key: s.name for s in diff.sections}
    old_sections = {s.label or s.id: s.id for s in diff.old.sections}
    new_sections = {s.label or s.id: s.id for s in diff.new.sections}
    sections = []
    for key, name in names.items():
        a = old.sections.get(old_sections.get(key, "")) if key in old_sections else None
        b = new.sections.get(new_sections.get(key, "")) if key in new_sections else None
        sections.append(Delta(key, name, a.exact if a is not None else None, b.exact if b is not None else None))
    changes = []
    from_rules = Fraction(0)
    for c in diff.indicators:
        if not c.scoring_changed:
            continue
        a = _points(old, c.old.key if c.old else None)
        b = _points(new, c.new.key if c.new else None)
        changes.append(RuleChange(c, a, b))
        from_rules += (b or 0) - (a or 0)
    total = Delta("", "", old.total_exact, new.total_exact)
    return UnitComparison(new.unit, total, tuple(sections), tuple(changes), from_rules)


def compare_results(diff: RulesetDiff, old_cohort: Any, new_cohort: Any) -> CohortComparison:
    """The units of both years side by side (see the module docstring)."""
    old_by = {_fold(r.unit): r for r in old_cohort.results}
    units = []
    only_new = []
    for r in new_cohort.results:
        o = old_by.pop(_fold(r.unit), None)
        if o is None:
            only_new.append(r.unit)
            continue
        units.append(_unit(diff, o, r))
    return CohortComparison(diff, tuple(units), tuple(r.unit for r in old_by.values()), tuple(only_new))
