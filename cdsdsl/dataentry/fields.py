"""What a unit must fill in: the fields of a ruleset's data-entry form.

Takes: a `Ruleset`.
Returns: `build_form(ruleset)`: a `Form` with one `FormField` per value a unit must supply, built by parsing
and resolving each indicator's effective formula (an indicator with no scoring text has one field ``điểm``:
points entered directly, 0..max), the item references (``mục 5.12.1``), the computed indicators and a
diagnostic (CDS811) per indicator whose text cannot be read; `form_fields(ruleset)`: the fields alone.
Also the names of the form's sheets and headers, shared by the template writer and the readers.
"""
from __future__ import annotations

import weakref
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from cdsdsl.dataentry.facts import share_facts
from cdsdsl.diagnostics.core import CdsError, Diagnostic
from cdsdsl.rulesets.model import Indicator, Ruleset
from cdsdsl.scoring.unitdata import POINTS_KEY
from cdsdsl.semantics.dimensions import Dimension
from cdsdsl.semantics.resolve import COUNT, MONEY, NUMBER, OPTION, OPTIONS, POINTS, RATIO, Program, resolve
from cdsdsl.syntax.parser import parse_formula

TEMPLATE_SHEET = "Mẫu"
DATA_SHEET = "Dữ liệu"
GUIDE_SHEET = "Hướng dẫn"
CHOICES_SHEET = "Danh mục"
UNIT_HEADER = "Đơn vị"
GROUP_HEADER = "Lĩnh vực"
FORM_COLUMNS = ("Chỉ số", "Tên chỉ số", "Mã ô", "Mô tả", "Kiểu", "Đơn vị tính", "Lựa chọn cho phép", "Giá trị")
ILLUSTRATION_NOTE = "Dữ liệu minh hoạ, không phải số liệu thật / made-up illustration data"

KIND_LABELS = {
    COUNT: "Số lượng",
    MONEY: "Số tiền",
    RATIO: "Tỷ lệ (%)",
    NUMBER: "Số",
    OPTION: "Chọn một",
    OPTIONS: "Chọn nhiều",
    POINTS: "Điểm",
    "text": "Chữ",
}


@attrs.frozen
class FormField:
    """One cell of the form: the value ``key`` of indicator ``indicator`` (its key, ``"I.1"`` in a group)."""

    indicator: str
    indicator_name: str
    key: str
    description: str
    kind: str
    unit: str | None = None
    choices: tuple[str, ...] = ()
    #: the maximum of points entered directly (``kind == "points"``), else None
    max_points: Fraction | None = None
    #: the ``Danh sách`` the indicator is restricted to (None: every unit)
    applies_to: str | None = None
    #: scoring needs the other units' values too (min-max, ratio to the best)
    needs_cohort: bool = False
    section_id: str | None = None
    group_id: str | None = None
    #: a value the scoring text itself states (``b = Số lượng ... tối thiểu (7)``): fill it in as written
    constant: Fraction | None = None
    #: what the value counts or measures (`InputSpec.dimension`): ``số hộ gia đình``, ``triệu đồng``
    dimension: Dimension | None = attrs.field(default=None, eq=False)

    @property
    def unit_text(self) -> str:
        """The template's ``Đơn vị tính``: the unit (``triệu đồng``, ``%``, ``giờ``) or what is counted
        (``hộ gia đình``); empty for options and points."""
        if self.kind in (OPTION, OPTIONS, POINTS):
            return self.unit or ""
        if self.unit:
            return self.unit
        if self.dimension is not None and self.dimension.kind == "count" and self.dimension.what:
            return self.dimension.noun()
        return ""

    @property
    def column(self) -> str:
        """The wide-layout column name: ``"1.3:a"``."""
        return f"{self.indicator}:{self.key}"

    @property
    def applies_to_all(self) -> bool:
        return self.applies_to is None

    @property
    def kind_label(self) -> str:
        label = KIND_LABELS.get(self.kind, self.kind)
        if self.kind == POINTS and self.max_points is not None:
            return f"{label} (0 – {_num(self.max_points)})"
        if self.kind == OPTIONS:
            return f"{label} (cách nhau bởi ;)"
        if self.constant is not None:
            return f"{label} (văn bản ghi {_num(self.constant)})"
        return label

    @property
    def choices_text(self) -> str:
        """``1. Đã ban hành`` / ``2. Chưa ban hành``, one a line."""
        return "\n".join(f"{i}. {c}" for i, c in enumerate(self.choices, 1))

    def to_dict(self) -> dict[str, Any]:
        return {"indicator": self.indicator, "indicator_name": self.indicator_name, "key": self.key,
                "column": self.column, "description": self.description, "kind": self.kind, "unit": self.unit,
                "choices": list(self.choices),
                "max_points": None if self.max_points is None else _num(self.max_points),
                "applies_to": self.applies_to, "needs_cohort": self.needs_cohort,
                "section": self.section_id, "group": self.group_id,
                "constant": None if self.constant is None else _num(self.constant),
                "dimension": None if self.dimension is None else self.dimension.label()}


@attrs.frozen
class Form:
    """The fields of a ruleset's form, with what could not be turned into fields."""

    ruleset: Ruleset = attrs.field(eq=False, repr=False)
    fields: tuple[FormField, ...]
    #: indicators whose inputs are filled from another indicator (``mục 5.12.1``): ``{"5.12.2": ("5.12.1",)}``
    item_refs: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    #: where each item-reference input is read from: ``{"5.12.2": {"mục 5.12.1": ("5.12.1", "a")}}``
    ref_inputs: dict[str, dict[str, tuple[str, str]]] = attrs.field(factory=dict)
    #: indicators with nothing to fill (their points are computed from other indicators)
    computed: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    #: general information asked once (``Thông tin chung``): ``{(indicator, input key): fact name}``
    fact_inputs: dict[tuple[str, str], str] = attrs.field(factory=dict)
    #: the indicator fields a fact fills (not asked, still read from older files)
    fact_filled: tuple[FormField, ...] = ()

    def by_indicator(self) -> dict[str, list[FormField]]:
        out: dict[str, list[FormField]] = {}
        for f in self.fields:
            out.setdefault(f.indicator, []).append(f)
        return out

    def field(self, indicator: str, key: str) -> FormField:
        for f in self.fields:
            if f.indicator == indicator and f.key == key:
                return f
        raise KeyError(f"{indicator}:{key}")


def _num(f: Fraction | int | Decimal) -> str:
    if isinstance(f, Fraction):
        if f.denominator == 1:
            return str(f.numerator)
        return format(Decimal(f.numerator) / Decimal(f.denominator), "f").rstrip("0").rstrip(".").replace(".", ",")
    return str(f)


def indicator_program(ruleset: Ruleset, ind: Indicator) -> Program:
    """Parse and resolve one indicator's effective formula (raises `CdsError` when it cannot be read)."""
    text = ind.effective_formula
    assert text is not None
    src = ind.effective_source
    formula = parse_formula(text, name=src.name if src is not None else ruleset.name,
                            line_offset=src.line_offset if src is not None else 0,
                            column_offset=src.column_offset if src is not None else 0, item=ind.key)
    return resolve(formula, ind.max_points if ind.max_points is not None else 0, item=ind.key, title=ind.name,
                   option_mode=ind.option_mode, cohort_method=_cohort_method(ind.cohort_method),
                   types=ind.declared_types)


def _cohort_method(value: str | None) -> str | None:
    # the ruleset model says min_max / ratio_to_max; resolve says minmax / ratio_to_best
    return {"min_max": "minmax", "ratio_to_max": "ratio_to_best"}.get(value or "", value)


#: the form of each ruleset already built (a ruleset is frozen, so is its form): reading data for the same
#: ruleset again (`cds serve` scoring one unit per request) does not parse and resolve its 85 formulas again
_FORMS: "weakref.WeakKeyDictionary[Ruleset, Form]" = weakref.WeakKeyDictionary()


def build_form(ruleset: Ruleset) -> Form:
    """The form of a ruleset: every field, and diagnostics for indicators whose text cannot be read."""
    form = _FORMS.get(ruleset)
    if form is None:
        form = _build_form(ruleset)
        _FORMS[ruleset] = form
    return form


def _build_form(ruleset: Ruleset) -> Form:
    fields: list[FormField] = []
    diags: list[Diagnostic] = []
    refs: dict[str, tuple[str, ...]] = {}
    computed: list[str] = []
    pending: list[tuple[str, str, str, str]] = []
    for ind in ruleset.indicators:
        common: dict[str, Any] = dict(indicator=ind.key, indicator_name=ind.name, applies_to=ind.applies_to,
                      section_id=ind.section_id, group_id=ind.group_id)
        if ind.entered_directly or not (ind.effective_formula or "").strip():
            if ruleset.children(ind.key):  # 5.11 = 5.11.1 + ... + 5.11.6: the scorer adds the sub-items up
                computed.append(ind.key)
                continue
            fields.append(FormField(key=POINTS_KEY, description=f"Điểm tự chấm của chỉ số {ind.id}",
                                    kind=POINTS, max_points=ind.max_points if ind.max_points is not None
                                    else None, **common))
            continue
        try:
            prog = indicator_program(ruleset, ind)
        except CdsError as exc:
            first = exc.diagnostics[0] if exc.diagnostics else None
            detail = first.message("vi") if first else str(exc)
            detail_en = first.message("en") if first else str(exc)
            diags.append(Diagnostic.make("CDS811", None, item=ind.key, indicator=ind.key, detail=detail,
                                         detail_en=detail_en))
            continue
        cohort = prog.needs_cohort
        n_before = len(fields)
        for spec in prog.inputs:
            if spec.role == "itemref":
                continue
            fields.append(FormField(key=spec.key, description=spec.description, kind=spec.kind, unit=spec.unit,
                                    choices=tuple(spec.choices), needs_cohort=cohort, constant=spec.constant,
                                    dimension=spec.dimension, **common))
        if prog.item_refs:
            refs[ind.key] = prog.item_refs
            for spec in prog.inputs:
                if spec.role == "itemref":
                    pending.append((ind.key, spec.key, spec.key[4:].strip(), spec.kind))
        if len(fields) == n_before:
            computed.append(ind.key)
    ref_inputs: dict[str, dict[str, tuple[str, str]]] = {}
    for item, key, target, kind in pending:
        # the amount of the indicator named: its first input of the same kind (5.12.1's `a`, the ATTT budget)
        cands = [f for f in fields if f.indicator == target and f.kind not in (OPTION, OPTIONS)]
        same = [f for f in cands if f.kind == kind] or cands
        if same:
            ref_inputs.setdefault(item, {})[key] = (target, same[0].key)
    shared = share_facts(ruleset, tuple(fields), FormField)
    return Form(ruleset, shared.fields, item_refs=refs, ref_inputs=ref_inputs, computed=tuple(computed),
                diagnostics=tuple(diags) + shared.diagnostics, fact_inputs=shared.bound, fact_filled=shared.taken)


def _group_choice(ruleset: Ruleset, gid: str) -> str:
    g = ruleset.group(gid)
    return f"{g.id}. {g.name}" if g.name else g.id


def form_fields(ruleset: Ruleset) -> list[FormField]:
    """Every value the units fill for ``ruleset``, in indicator order (see `build_form` for diagnostics)."""
    return list(build_form(ruleset).fields)
