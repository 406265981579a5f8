"""What scoring returns: one indicator's points (`IndicatorResult`), a section's or group's total
(`TotalResult`), one unit's result (`UnitResult`) and a ranked cohort's (`CohortResult`).

Takes: exact points (Fractions) and the ruleset's rounding policy.
Returns: the result objects, with the points rounded once on demand, ``explain(lang)`` and a
JSON-ready ``to_dict(lang)``.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Iterator, Mapping

import attrs

from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.evaluate.cohort import CohortStats
from cdsdsl.evaluate.explain import explain_unit
from cdsdsl.evaluate.interpret import Policy
from cdsdsl.evaluate.runtime import round_points
from cdsdsl.scoring.unitdata import Unit

if TYPE_CHECKING:
    from cdsdsl.scoring.compiled import CompiledRuleset


@attrs.frozen
class IndicatorResult:
    key: str
    name: str
    max_points: Fraction | None
    exact: Fraction | None
    #: the rounding policy (``points`` is rounded on demand, once)
    policy: Any = attrs.field(eq=False, repr=False)
    #: scored | entered | children | not_applicable | error
    status: str
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def points(self) -> Decimal | None:
        """The points rounded once per the ruleset (``Làm tròn:``)."""
        if self.exact is None:
            return None
        p = self.policy or Policy()
        return round_points(self.exact, p.digits, p.rounding)

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        return {"id": self.key, "name": self.name, "max": json_number(self.max_points),
                "points": None if self.points is None else str(self.points),
                "exact": None if self.exact is None else str(self.exact), "status": self.status,
                "diagnostics": [d.to_dict(lang) for d in self.diagnostics]}


@attrs.frozen
class TotalResult:
    key: str
    exact: Fraction
    max_points: Fraction


def json_number(v: Any) -> Any:
    """A maximum in ``to_dict``: an int when whole, else the fraction as text (``"25/2"``); None stays."""
    if v is None:
        return None
    v = Fraction(v)
    return v.numerator if v.denominator == 1 else str(v)


def errors_of(indicators: Mapping[str, IndicatorResult]) -> Iterator[IndicatorResult]:
    """The indicators whose status is ``error``, without making the results of those the fast path scored
    (`fastpath.LazyIndicators.unplain`: only indicators it handed to the full path can be errors)."""
    unplain = getattr(indicators, "unplain", None)
    results = unplain() if unplain is not None else indicators.values()
    return (r for r in results if r.status == "error")


@attrs.frozen
class UnitResult:
    unit: str
    group: str | None
    indicators: Mapping[str, IndicatorResult]
    sections: Mapping[str, TotalResult]
    groups: Mapping[str, TotalResult]
    total_exact: Fraction
    total: Decimal
    max_points: Fraction
    set_exact: Fraction | None
    set_total: Decimal | None
    diagnostics: tuple[Diagnostic, ...] = ()
    compiled: CompiledRuleset | None = attrs.field(default=None, eq=False, repr=False)
    rank: int | None = None

    @property
    def complete(self) -> bool:
        return not any(True for _ in errors_of(self.indicators))

    @property
    def score(self) -> Decimal:
        """The ranking score: the set formula's value when the ruleset has one, else the total."""
        return self.set_total if self.set_total is not None else self.total

    def _policy(self) -> Policy:
        return self.compiled.policy if self.compiled is not None else Policy()

    def section_points(self, section: str) -> Decimal:
        p = self._policy()
        return round_points(self.sections[section].exact, p.digits, p.rounding)

    def explain(self, lang: str = "vi", *, unit: Unit | None = None, cohort: Any = None) -> str:
        return explain_unit(self, lang=lang, unit=unit, stats=cohort)

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        p = self._policy()
        return {
            "unit": self.unit, "group": self.group, "rank": self.rank, "complete": self.complete,
            "total": str(self.total), "max": json_number(self.max_points),
            "set_total": None if self.set_total is None else str(self.set_total),
            "sections": {k: {"points": str(round_points(t.exact, p.digits, p.rounding)),
                             "max": json_number(t.max_points)} for k, t in self.sections.items()},
            "groups": {k: {"points": str(round_points(t.exact, p.digits, p.rounding)),
                           "max": json_number(t.max_points)} for k, t in self.groups.items()},
            "indicators": [r.to_dict(lang) for r in self.indicators.values()],
            "diagnostics": [d.to_dict(lang) for d in self.diagnostics],
        }


@attrs.frozen
class CohortResult:
    results: tuple[UnitResult, ...]
    stats: Mapping[str, CohortStats] = attrs.field(factory=dict, eq=False, repr=False)
    diagnostics: tuple[Diagnostic, ...] = ()
    units: tuple[Unit, ...] = attrs.field(default=(), eq=False, repr=False)
    #: what reading the data file gave (`forms.Intake`: rows read, rows refused and why), when known
    intake: Any = attrs.field(default=None, eq=False, repr=False)

    def __iter__(self) -> Iterator[UnitResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def unit(self, name: str) -> UnitResult:
        for r in self.results:
            if r.unit == name:
                return r
        raise KeyError(name)

    def ranking(self) -> list[UnitResult]:
        return sorted(self.results, key=lambda r: (r.rank or 0, r.unit))

    def explain(self, lang: str = "vi") -> str:
        by_name = {u.name: u for u in self.units}
        return "\n\n".join(r.explain(lang, unit=by_name.get(r.unit), cohort=self.stats) for r in self.ranking())

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        out: dict[str, Any] = {"units": [r.to_dict(lang) for r in self.ranking()],
                               "diagnostics": [d.to_dict(lang) for d in self.diagnostics]}
        if self.intake is not None:
            out["intake"] = dict(self.intake.to_dict(), scored=len(self.results))
        return out
