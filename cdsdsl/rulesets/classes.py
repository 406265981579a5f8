"""The data classes of a ruleset: one indicator set (bộ chỉ số) as its decision lays it out.

Takes: the values a reader found (`cds.py` for `.cds` files, `sheets.py` for spreadsheets).
Returns: a frozen `Ruleset` with its `Section`s, priority-sector `Group`s and `Indicator`s, each
indicator carrying its scoring text verbatim and a `Source` whose positions point into the ruleset file.

Everything the later passes need is on the model (``Indicator.effective_formula`` and
``effective_source``, ``max_points``, ``applies_to`` and ``Ruleset.unit_lists``, ``option_mode``,
``cohort_method``, ``entered_directly``, ``Ruleset.rounding``, ``zero_division``, ``set_formula``,
``children()``/``parent()``); ``Ruleset.check()``, ``.score()`` and ``.score_cohort()`` call those passes
(imported when called: a ruleset loads without them).
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Iterator

import attrs

from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.rulesets.numbering import is_contained, normalize_key
from cdsdsl.semantics.typedecl import parse_types
from cdsdsl.text.source import Source, Span

__all__ = ["Binding", "CasesBlock", "Correction", "Fact", "Group", "Indicator", "Rounding", "Ruleset", "Section",
           "SetFormula", "UnitList"]


@attrs.frozen
class Rounding:
    """Rounding of final points: ``digits`` decimals, ``mode`` ``"half_up"`` or ``"truncate"``."""

    digits: int = 2
    mode: str = "half_up"


@attrs.frozen
class Binding:
    """One ``Trong đó:`` line of a set formula: ``A = tổng điểm các mục 1-6``."""

    name: str
    description: str
    line: int | None = None


@attrs.frozen
class SetFormula:
    """A formula over named totals (``D = (A + B) x 485 / (485 + C)``), verbatim."""

    text: str
    bindings: tuple[Binding, ...] = ()
    source: Source | None = attrs.field(default=None, eq=False, repr=False)
    line: int | None = None


@attrs.frozen
class UnitList:
    """``Danh sách NAME: unit; unit; ...``: the units an indicator may be restricted to."""

    name: str
    units: tuple[str, ...]
    line: int | None = None


@attrs.frozen
class CasesBlock:
    """A `.cds` file's ``Ca kiểm thử:`` block: test cases as the rows of a ``NAME.tests.csv`` file, verbatim;
    ``source`` places them in the ruleset file (`cdsdsl.verify.casetests.read_cases_block`)."""

    text: str
    source: Source | None = attrs.field(default=None, eq=False, repr=False)
    line: int | None = None


@attrs.frozen
class Fact:
    """One line of ``Thông tin chung:``: a unit fact asked once (``Dân số = Tổng dân số của cấp huyện``)."""

    name: str
    description: str
    unit: str | None = None
    line: int | None = None
    span: Span | None = None


@attrs.frozen
class Section:
    """A section (mục): ``id`` normalised to Arabic digits (``"5"``), ``label`` as written (``"V"``)."""

    id: str
    name: str
    stated_max: Fraction | None
    label: str = ""
    line: int | None = None
    #: the heading line (or the sheet row) and the cell of the maximum
    span: Span | None = None
    max_span: Span | None = None
    source: Source | None = attrs.field(default=None, eq=False, repr=False)
    #: made up by a spreadsheet loader for indicators whose table has no section row
    implicit: bool = False
    #: where ``max_span`` points, when not into ``source`` (a spreadsheet's max cell)
    max_source: Source | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Group:
    """A priority-sector group (lĩnh vực ưu tiên, Quảng Trị): ``id`` as written (``"I"``)."""

    id: str
    name: str
    stated_max: Fraction | None
    line: int | None = None
    span: Span | None = None
    max_span: Span | None = None
    source: Source | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Correction:
    """A replacement scoring text (``Sửa:``) and why (``Lý do sửa:``)."""

    text: str
    reason: str | None
    source: Source | None = attrs.field(default=None, eq=False, repr=False)
    line: int | None = None
    #: a short ``Sửa: "from" → "to"``: the phrases replaced in the original (``text`` is the result)
    replaced: tuple[tuple[str, str], ...] = ()


@attrs.frozen
class Indicator:
    """One indicator (chỉ số) with its scoring text verbatim."""

    id: str
    name: str
    #: ``None`` when the decision states no maximum (written ``-``)
    max_points: Fraction | None
    #: the scoring text exactly as in the decision (``None``: points entered directly)
    formula_text: str | None
    #: positions in the ruleset file (or sheet cell) of ``formula_text``
    formula_source: Source | None = attrs.field(default=None, eq=False, repr=False)
    correction: Correction | None = None
    data_source: str | None = None
    coordinator: str | None = None
    evidence: str | None = None
    #: name of a ``Danh sách`` the indicator is restricted to
    applies_to: str | None = None
    #: ``"cumulative"`` / ``"exclusive"`` (``Cách hiểu:``), overriding the inferred reading
    option_mode: str | None = None
    #: ``"min_max"`` / ``"ratio_to_max"`` (``Phương pháp:``)
    cohort_method: str | None = None
    #: the declared types (``Kiểu: a = số người dân; Tỷ lệ = tỷ suất``) as written, see `declared_types`
    types: str | None = None
    entered_directly: bool = False
    #: ``Dùng thông tin chung: b = Dân số``: (input key, fact name) pairs, filled from the unit's facts
    fact_uses: tuple[tuple[str, str], ...] = ()
    section_id: str | None = None
    group_id: str | None = None
    line: int | None = None
    #: the heading line (or the sheet row) and the cell of the maximum
    span: Span | None = None
    max_span: Span | None = None
    #: the file (or sheet cell) ``span`` points into
    source: Source | None = attrs.field(default=None, eq=False, repr=False)
    #: where ``max_span`` points, when not into ``source`` (a spreadsheet's max cell)
    max_source: Source | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def key(self) -> str:
        """Unique key in its ruleset: the id, prefixed by the group (``"I.1"``) inside a group."""
        return f"{self.group_id}.{self.id}" if self.group_id else self.id

    @property
    def declared_types(self) -> dict[str, Any] | None:
        """The ``Kiểu:`` declarations: a name -> its `Dimension`, or ``"rate"``/``"part"`` for a ratio."""
        return parse_types(self.types)[0] if self.types else None

    @property
    def effective_formula(self) -> str | None:
        """The text to score: the correction if any, else the original."""
        return self.correction.text if self.correction is not None else self.formula_text

    @property
    def effective_source(self) -> Source | None:
        return self.correction.source if self.correction is not None else self.formula_source

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.id.split("."))

    @property
    def parent_id(self) -> str | None:
        """``"5.12"`` for ``"5.12.1"``; ``None`` for ``"5.11"`` (whose parent is section 5)."""
        p = self.parts
        return ".".join(p[:-1]) if len(p) > 2 else None

    @property
    def section_prefix(self) -> str:
        """The section its number names (``"5"`` for ``"5.12.1"``)."""
        return self.parts[0]


@attrs.frozen
class Ruleset:
    """One indicator set: metadata, sections, groups and indicators in file order."""

    title: str
    decision: str
    date: str | None = None
    level: str | None = None
    stated_total: Fraction | None = None
    rounding: Rounding = Rounding()
    #: ``"zero"`` (a zero denominator gives 0 points, with a warning) or ``"error"``
    zero_division: str = "zero"
    set_formula: SetFormula | None = None
    unit_lists: tuple[UnitList, ...] = ()
    #: ``Thông tin chung:``: the unit facts asked once and shared by the indicators that use them
    facts: tuple[Fact, ...] = ()
    sections: tuple[Section, ...] = ()
    groups: tuple[Group, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    #: file name as given to the loader, and the format read (``cds``, ``csv``, ``tsv``, ``xlsx``)
    name: str = "<ruleset>"
    format: str = "cds"
    #: the whole `.cds` file (None for spreadsheets, whose places are per cell)
    source: Source | None = attrs.field(default=None, eq=False, repr=False)
    total_span: Span | None = None
    #: non-fatal findings of the loader (infos, warnings)
    notes: tuple[Diagnostic, ...] = attrs.field(default=(), eq=False, repr=False)
    #: the test cases written in the file (``Ca kiểm thử:``), if any
    test_cases: CasesBlock | None = None

    # -- lookups -----------------------------------------------------------
    def indicator(self, id: str) -> Indicator:
        """The indicator whose key is ``id`` (``"5.12.1"``, or ``"I.1"`` inside group I)."""
        for ind in self.indicators:
            if ind.key == id:
                return ind
        raise KeyError(f"không có chỉ số {id} (no indicator {id})")

    def has_indicator(self, id: str) -> bool:
        return any(ind.key == id for ind in self.indicators)

    def section(self, id: str) -> Section:
        for sec in self.sections:
            if sec.id == id or sec.label == id:
                return sec
        raise KeyError(f"không có mục {id} (no section {id})")

    def group(self, id: str) -> Group:
        for grp in self.groups:
            if grp.id == id:
                return grp
        raise KeyError(f"không có lĩnh vực {id} (no group {id})")

    def unit_list(self, name: str) -> UnitList | None:
        want = normalize_key(name)
        for ul in self.unit_lists:
            if normalize_key(ul.name) == want:
                return ul
        return None

    def section_indicators(self, section_id: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.section_id == section_id and i.group_id is None)

    def group_indicators(self, group_id: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.group_id == group_id)

    def parent(self, id: str) -> Indicator | None:
        """The indicator containing ``id`` by numbering (5.12 for 5.12.1), if it exists."""
        ind = self.indicator(id)
        pid = ind.parent_id
        if pid is None:
            return None
        for other in self.indicators:
            if other.id == pid and other.group_id == ind.group_id:
                return other
        return None

    def children(self, id: str) -> tuple[Indicator, ...]:
        """The indicators directly below ``id`` by numbering (5.12.1 … for 5.12)."""
        ind = self.indicator(id)
        depth = len(ind.parts)
        return tuple(o for o in self.indicators
                     if o.group_id == ind.group_id and len(o.parts) == depth + 1
                     and o.parts[:depth] == ind.parts)

    def top_level(self, section_id: str) -> tuple[Indicator, ...]:
        """The indicators of a section that no other indicator of it contains by numbering."""
        inds = self.section_indicators(section_id)
        ids = {i.id for i in inds}
        out = [i for i in inds if not is_contained(i, ids)]
        return tuple(out)

    # -- the later stages, as methods (imported lazily: a ruleset loads without them)
    def check(self) -> "list[Diagnostic]":
        """Every finding about this ruleset: structure, and each indicator's formula (`cdsdsl.checks.formula`)."""
        from cdsdsl.rulesets.check import check_ruleset

        return check_ruleset(self)

    def score(self, unit: Any) -> Any:
        """Score one unit (`cdsdsl.scoring.unitdata.Unit`); see `cdsdsl.scoring.score.score_unit`."""
        from cdsdsl.scoring.score import score_unit

        return score_unit(self, unit)

    def score_cohort(self, units: Any, progress: Any = None) -> Any:
        """Score and rank all units together; see `cdsdsl.scoring.score.score_cohort`."""
        from cdsdsl.scoring.score import score_cohort

        return score_cohort(self, units, progress=progress)

    def __iter__(self) -> Iterator[Indicator]:
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)
