"""Data-entry forms (mẫu nhập số liệu) and reading the units' filled data.

Takes: a `Ruleset` (for the form) and a filled form or a cohort file
(`.xlsx`, `.csv`, `.tsv`, `.json`) for reading.
Returns: `form_fields(ruleset)`: one `FormField` per value a unit must supply,
built by parsing and resolving each indicator's effective formula (an
indicator with no scoring text has one field ``điểm``: points entered
directly, 0..max); `write_template(ruleset, path)` writes the empty form;
`read_units(path, ruleset)` reads the units' data as `cdsdsl.scoring.unitdata.Unit`s
plus a list of located diagnostics (CDS8xx).  Cells are kept *as read*
(str, int, Decimal; a list of option texts for a several-option field):
numbers are parsed by the scorer, which also reports missing inputs.  Option
cells are checked here and stored as the exact choice text.

Layouts (docs/data-entry.md):
- ``Mẫu`` sheet (one sheet per unit): a row per input
  ``Chỉ số | Tên chỉ số | Mã ô | Mô tả | Kiểu | Đơn vị tính | Lựa chọn cho phép | Giá trị``,
  the unit's name in ``B2`` (``Đơn vị``) and its priority-sector group in ``B3`` (``Lĩnh vực``);
- wide (``Dữ liệu`` sheet, ``.csv``/``.tsv``): a row per unit, first column ``Đơn vị``,
  then ``Lĩnh vực`` when the ruleset has groups, then a column per input named
  ``1.3:a`` (indicator:input key).  Rows whose first cell starts with ``#`` are comments.
- ``.json``: ``{"units": [{"name": ..., "group": ..., "values": {"1.3": {"a": 9}}}]}``
  or ``{"Huyện A": {"1.3": {"a": 9}}}``.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Iterable

import attrs

from cdsdsl.diagnostics.core import CdsError, DataError, Diagnostic
from cdsdsl.evaluate.runtime import _NONE_WORDS, Fault, fmt_vi, fold, to_number
from cdsdsl.files.safe_cells import csv_field, save_workbook, text_cell, unescape_csv_text
from cdsdsl.files.textfile import Record, TextFileProblem, open_delimited, records
from cdsdsl.rulesets.model import Indicator, Ruleset, roman_to_int
from cdsdsl.scoring.unitdata import POINTS_KEY, Unit, Value
from cdsdsl.semantics.resolve import COUNT, MONEY, NUMBER, OPTION, OPTIONS, POINTS, RATIO, Program, resolve
from cdsdsl.syntax.parser import parse_formula
from cdsdsl.text.fold import fold_case, strip_diacritics

__all__ = [
    "FormField", "Form", "build_form", "form_fields", "write_template", "template_csv", "read_units",
    "KIND_LABELS", "TEMPLATE_SHEET", "DATA_SHEET", "GUIDE_SHEET", "CHOICES_SHEET", "UNIT_HEADER", "GROUP_HEADER",
    "FORM_COLUMNS", "Intake", "read_units_counted", "MAX_DIGITS",
]

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
                "constant": None if self.constant is None else _num(self.constant)}


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


# ---------------------------------------------------------------------------
# Fields
# ---------------------------------------------------------------------------

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
                   option_mode=ind.option_mode, cohort_method=_cohort_method(ind.cohort_method))


def _cohort_method(value: str | None) -> str | None:
    # the ruleset model says min_max / ratio_to_max; resolve says minmax / ratio_to_best
    return {"min_max": "minmax", "ratio_to_max": "ratio_to_best"}.get(value or "", value)


def build_form(ruleset: Ruleset) -> Form:
    """The form of a ruleset: every field, and diagnostics for indicators whose text cannot be read."""
    fields: list[FormField] = []
    diags: list[Diagnostic] = []
    refs: dict[str, tuple[str, ...]] = {}
    computed: list[str] = []
    pending: list[tuple[str, str, str, str]] = []
    for ind in ruleset.indicators:
        common = dict(indicator=ind.key, indicator_name=ind.name, applies_to=ind.applies_to,
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
                                    **common))
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
    return Form(ruleset, tuple(fields), item_refs=refs, ref_inputs=ref_inputs, computed=tuple(computed),
                diagnostics=tuple(diags))


def form_fields(ruleset: Ruleset) -> list[FormField]:
    """Every value the units fill for ``ruleset``, in indicator order (see `build_form` for diagnostics)."""
    return list(build_form(ruleset).fields)


# ---------------------------------------------------------------------------
# Writing the template
# ---------------------------------------------------------------------------

def _listed_units(ruleset: Ruleset) -> list[str]:
    seen: dict[str, str] = {}
    for ul in ruleset.unit_lists:
        for u in ul.units:
            seen.setdefault(_norm(u), u)
    return list(seen.values())


def _group_choice(ruleset: Ruleset, gid: str) -> str:
    g = ruleset.group(gid)
    return f"{g.id}. {g.name}" if g.name else g.id


def instructions(ruleset: Ruleset, form: Form) -> list[str]:
    """The lines of the ``Hướng dẫn`` sheet (Vietnamese, then English)."""
    lines = [
        f"MẪU NHẬP SỐ LIỆU — {ruleset.title}",
        f"Văn bản: {ruleset.decision}",
        "",
        "HƯỚNG DẪN",
        f"1. Mỗi đơn vị sao chép trang tính \"{TEMPLATE_SHEET}\" (chuột phải vào tên trang › Di chuyển hoặc Sao chép › "
        "Tạo bản sao), đặt tên trang theo tên đơn vị, ghi tên đầy đủ của đơn vị vào ô B2 và điền cột \"Giá trị\".",
        f"   Hoặc điền trang \"{DATA_SHEET}\": mỗi dòng một đơn vị, mỗi cột một ô số liệu (tên cột dạng 1.3:a = "
        "chỉ số 1.3, ô a). Dòng bắt đầu bằng # là dòng mô tả, không phải số liệu.",
        "2. Số lượng: ghi số nguyên (ví dụ 1250). Số tiền: ghi theo đơn vị tính của ô (triệu đồng, tỷ đồng). "
        "Số thập phân viết dấu phẩy hoặc dấu chấm (2,5 hoặc 2.5); không ghi dấu phân cách hàng nghìn.",
        "3. Tỷ lệ: ghi kèm dấu % (ví dụ 85%).",
        "4. Chọn một: chọn trong danh sách của ô (hoặc ghi số thứ tự của lựa chọn, ví dụ 2). Chọn nhiều: ghi các "
        "lựa chọn (hoặc số thứ tự) cách nhau bởi dấu chấm phẩy, ví dụ 1; 2.",
        "5. Điểm: chỉ số không có cách tính điểm trong văn bản thì đơn vị ghi thẳng số điểm, trong khoảng từ 0 "
        "đến điểm tối đa.",
        "6. Để trống ô chưa có số liệu: phần mềm sẽ báo thiếu khi chấm điểm. Một đơn vị không có số liệu nào sẽ "
        "được bỏ qua.",
    ]
    if form.item_refs:
        pairs = "; ".join(f"{k} lấy từ mục {', '.join(v)}"
                          + "".join(f" (ô {src[0]}:{src[1]})" for src in form.ref_inputs.get(k, {}).values())
                          for k, v in form.item_refs.items())
        lines.append("7. Các giá trị \"mục X\" trong cách tính (so sánh với một chỉ số khác) không cần nhập: "
                     f"phần mềm lấy từ chỉ số được nhắc đến ({pairs}).")
    if form.computed:
        lines.append("8. Các chỉ số sau được tính từ các chỉ số khác (cộng điểm các chỉ số thành phần), không có ô "
                     "nhập: " + ", ".join(form.computed) + ".")
    if ruleset.groups:
        lines.append(f"9. Lĩnh vực ưu tiên: ghi vào ô \"{GROUP_HEADER}\" (B3 của trang đơn vị, hoặc cột "
                     f"\"{GROUP_HEADER}\") lĩnh vực tương ứng của đơn vị (ví dụ "
                     f"{_group_choice(ruleset, ruleset.groups[0].id)}); để trống nếu không có. Chỉ điền các chỉ "
                     "số của lĩnh vực đó.")
    restricted = sorted({f.applies_to for f in form.fields if f.applies_to})
    for name in restricted:
        ids = sorted({f.indicator for f in form.fields if f.applies_to == name})
        lines.append(f"10. Chỉ số {', '.join(ids)} chỉ áp dụng cho các đơn vị thuộc Danh sách {name}; đơn vị khác "
                     "để trống.")
    cohort = sorted({f.indicator for f in form.fields if f.needs_cohort}, key=_id_sort)
    if cohort:
        lines.append("11. Điểm các chỉ số sau tính theo so sánh giữa các đơn vị (cần số liệu của cả nhóm): "
                     + ", ".join(cohort) + ".")
    if form.diagnostics:
        lines.append("Lưu ý: không đọc được cách tính của chỉ số " + ", ".join(d.item or "?" for d in form.diagnostics)
                     + "; mẫu không có ô cho các chỉ số này.")
    lines += [
        "",
        "INSTRUCTIONS (English)",
        f"Each unit copies the sheet \"{TEMPLATE_SHEET}\", names it after itself, writes its full name in B2 and "
        f"fills the column \"Giá trị\" (value); or fill the sheet \"{DATA_SHEET}\": one row per unit, one column per "
        "input (1.3:a = indicator 1.3, input a). Counts are whole numbers; money is in the unit of the cell; "
        "ratios carry a % sign; one option: pick from the list (or write its number); several options: separate "
        "them with ';'. Points entered directly lie between 0 and the maximum. Leave missing values empty: "
        "the scorer reports them. \"mục X\" values are taken from the indicator named, not entered.",
    ]
    return lines


def write_template(ruleset: Ruleset, path: str | Path) -> list[Diagnostic]:
    """Write the empty form to ``path`` (``.xlsx``, or ``.csv``/``.tsv`` in the wide layout).

    Returns the diagnostics of indicators that got no fields (the form is written anyway)."""
    path = Path(path)
    form = build_form(ruleset)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_xlsx(ruleset, form, path)
    elif suffix in (".csv", ".tsv"):
        path.write_text(template_csv(ruleset, form=form, delimiter="\t" if suffix == ".tsv" else ","),
                        encoding="utf-8-sig", newline="")
    else:
        raise CdsError(Diagnostic.make("CDS800", None, name=path.name,
                                       detail=f"định dạng {suffix or '(không có đuôi)'} không được hỗ trợ",
                                       detail_en=f"the format {suffix or '(no suffix)'} is not supported"))
    return list(form.diagnostics)


def template_csv(ruleset: Ruleset, *, form: Form | None = None, delimiter: str = ",",
                 units: Iterable[str] | None = None) -> str:
    """The wide form as CSV text: comment rows (``#``), the header ``Đơn vị, [Lĩnh vực,] 1.1:lựa chọn, ...``,
    description rows, then one row per listed unit (the ruleset's ``Danh sách``), empty."""
    form = form or build_form(ruleset)
    fields = form.fields
    lead = [UNIT_HEADER] + ([GROUP_HEADER] if ruleset.groups else [])
    pad = [""] * (len(lead) - 1)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")

    def row(cells: list[str]) -> None:  # every cell is text: neutralised against formula injection
        writer.writerow([csv_field(c) for c in cells])

    row([f"# Mẫu nhập số liệu: {ruleset.title} ({ruleset.decision})"])
    row(["# Mỗi dòng một đơn vị; cột 1.3:a là ô a của chỉ số 1.3; dòng bắt đầu bằng # là mô tả. "
         "Chọn nhiều: cách nhau bởi ;. Xem docs/data-entry.md."])
    if ruleset.groups:
        row(["# Lĩnh vực: " + "; ".join(_group_choice(ruleset, g.id) for g in ruleset.groups)])
    row(lead + [f.column for f in fields])
    row(["# Tên chỉ số"] + pad + [f.indicator_name for f in fields])
    row(["# Mô tả"] + pad + [f.description for f in fields])
    row(["# Kiểu"] + pad + [f.kind_label for f in fields])
    row(["# Đơn vị tính"] + pad + [f.unit or "" for f in fields])
    row(["# Lựa chọn cho phép"] + pad + [" | ".join(f"{i}. {c}" for i, c in enumerate(f.choices, 1))
                                        for f in fields])
    for name in (list(units) if units is not None else _listed_units(ruleset)):
        row([name] + pad + [""] * len(fields))
    return out.getvalue()


def _write_xlsx(ruleset: Ruleset, form: Form, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="DDEBF7")
    input_fill = PatternFill("solid", fgColor="FFF2CC")
    wrap = Alignment(wrap_text=True, vertical="top")

    guide = wb.active
    guide.title = GUIDE_SHEET
    for i, line in enumerate(instructions(ruleset, form), 1):
        text_cell(guide, i, 1, line).alignment = Alignment(wrap_text=True, vertical="top")
    guide["A1"].font = Font(bold=True, size=13)
    guide.column_dimensions["A"].width = 140

    # hidden list sheet: one column per option field (and the groups), referenced by the validations
    lists = wb.create_sheet(CHOICES_SHEET)
    list_ref: dict[str, str] = {}
    col = 1
    option_fields = [f for f in form.fields if f.kind == OPTION and f.choices]
    for f in option_fields:
        letter = get_column_letter(col)
        text_cell(lists, 1, col, f.column)
        for r, choice in enumerate(f.choices, 2):
            text_cell(lists, r, col, choice)
        list_ref[f.column] = f"'{CHOICES_SHEET}'!${letter}$2:${letter}${len(f.choices) + 1}"
        col += 1
    group_ref = None
    if ruleset.groups:
        letter = get_column_letter(col)
        text_cell(lists, 1, col, GROUP_HEADER)
        for r, g in enumerate(ruleset.groups, 2):
            text_cell(lists, r, col, _group_choice(ruleset, g.id))
        group_ref = f"'{CHOICES_SHEET}'!${letter}$2:${letter}${len(ruleset.groups) + 1}"
    lists.sheet_state = "hidden"

    def validation_for(f: FormField) -> DataValidation | None:
        if f.kind == OPTION and f.column in list_ref:
            return DataValidation(type="list", formula1=list_ref[f.column], allow_blank=True,
                                  showErrorMessage=True, errorTitle="Lựa chọn không hợp lệ",
                                  error="Chọn một giá trị trong danh sách.")
        if f.kind == POINTS and f.max_points is not None:
            return DataValidation(type="decimal", operator="between", formula1="0",
                                  formula2=str(float(f.max_points)), allow_blank=True, showErrorMessage=True,
                                  errorTitle="Điểm không hợp lệ", error=f"Điểm từ 0 đến {_num(f.max_points)}.")
        if f.kind == COUNT:
            return DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                                  showErrorMessage=True, errorTitle="Số lượng không hợp lệ",
                                  error="Ghi một số nguyên không âm.")
        return None

    # --- the per-unit sheet
    ws = wb.create_sheet(TEMPLATE_SHEET)
    text_cell(ws, 1, 1, f"Mẫu nhập số liệu — {ruleset.title}")
    ws["A1"].font = Font(bold=True, size=13)
    text_cell(ws, 2, 1, UNIT_HEADER).font = bold
    ws["B2"].fill = input_fill
    text_cell(ws, 2, 3, "← ghi tên đầy đủ của đơn vị / the unit's full name")
    if ruleset.groups:
        text_cell(ws, 3, 1, GROUP_HEADER).font = bold
        ws["B3"].fill = input_fill
        text_cell(ws, 3, 3, "← lĩnh vực ưu tiên của đơn vị (nếu có) / the unit's priority sector, if any")
        if group_ref:
            dv = DataValidation(type="list", formula1=group_ref, allow_blank=True)
            ws.add_data_validation(dv)
            dv.add("B3")
    header_row = 5
    for c, name in enumerate(FORM_COLUMNS, 1):
        cell = text_cell(ws, header_row, c, name)
        cell.font, cell.fill = bold, head_fill
    widths = (9, 45, 12, 50, 18, 13, 45, 22)
    for c, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    r = header_row + 1
    by_ind = form.by_indicator()
    sec_done: set[str] = set()
    grp_done: set[str] = set()
    validations: dict[tuple, DataValidation] = {}
    for ind in ruleset.indicators:
        if ind.group_id and ind.group_id not in grp_done:
            grp_done.add(ind.group_id)
            g = ruleset.group(ind.group_id)
            text_cell(ws, r, 2, f"Lĩnh vực {g.id}. {g.name}").font = bold
            r += 1
        elif not ind.group_id and ind.section_id and ind.section_id not in sec_done:
            sec_done.add(ind.section_id)
            sec = ruleset.section(ind.section_id)
            text_cell(ws, r, 2, f"Mục {sec.label or sec.id}. {sec.name}".rstrip(". ")).font = bold
            r += 1
        for f in by_ind.get(ind.key, []):
            values = (f.indicator, f.indicator_name, f.key, f.description, f.kind_label, f.unit or "",
                      f.choices_text)
            for c, v in enumerate(values, 1):
                text_cell(ws, r, c, v).alignment = wrap
            vcell = ws.cell(r, 8)
            vcell.fill = input_fill
            dv = validation_for(f)
            if dv is not None:
                sig = (dv.type, dv.formula1, dv.formula2, dv.operator)
                if sig in validations:
                    validations[sig].add(vcell.coordinate)
                else:
                    ws.add_data_validation(dv)
                    dv.add(vcell.coordinate)
                    validations[sig] = dv
            r += 1

    # --- the wide sheet
    ds = wb.create_sheet(DATA_SHEET)
    lead = [UNIT_HEADER] + ([GROUP_HEADER] if ruleset.groups else [])
    fields = form.fields
    for c, name in enumerate(lead + [f.column for f in fields], 1):
        cell = text_cell(ds, 1, c, name)
        cell.font, cell.fill = bold, head_fill
    text_cell(ds, 2, 1, "# Mô tả")
    for c, f in enumerate(fields, len(lead) + 1):
        desc = f"{f.indicator} {f.indicator_name} — {f.description} [{f.kind_label}" + (
            f", {f.unit}" if f.unit else "") + "]"
        if f.choices:
            desc += "\n" + f.choices_text
        text_cell(ds, 2, c, desc).alignment = wrap
        ds.column_dimensions[get_column_letter(c)].width = 16
    ds.column_dimensions["A"].width = 32
    listed = _listed_units(ruleset)
    for i, name in enumerate(listed, 3):
        text_cell(ds, i, 1, name)
    last = max(3 + len(listed) + 50, 100)
    ds.freeze_panes = ds.cell(3, len(lead) + 1)
    wide_valid: dict[tuple, DataValidation] = {}
    for c, f in enumerate(fields, len(lead) + 1):
        dv = validation_for(f)
        if dv is None:
            continue
        letter = get_column_letter(c)
        sig = (dv.type, dv.formula1, dv.formula2, dv.operator)
        if sig in wide_valid:
            wide_valid[sig].add(f"{letter}3:{letter}{last}")
        else:
            ds.add_data_validation(dv)
            dv.add(f"{letter}3:{letter}{last}")
            wide_valid[sig] = dv
    if ruleset.groups and group_ref:
        dv = DataValidation(type="list", formula1=group_ref, allow_blank=True)
        ds.add_data_validation(dv)
        dv.add(f"B3:B{last}")
    wb.move_sheet(CHOICES_SHEET, offset=len(wb.sheetnames))
    save_workbook(wb, path)


# ---------------------------------------------------------------------------
# Reading filled data
# ---------------------------------------------------------------------------

def _norm(text: Any) -> str:
    return fold_case(str(text), ti_as_ty=True)


def _fold(text: Any) -> str:
    """Case-, diacritic- and punctuation-insensitive form (``Lựa chọn`` → ``luachon``)."""
    t = strip_diacritics(_norm(text))
    return re.sub(r"[^0-9a-z]+", "", t)


def _cell_str(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _raw(v: Any) -> Any:
    """A cell as kept: strings stripped, floats as Decimal (no binary noise), ints and Decimals as they are."""
    if isinstance(v, bool):
        return v
    if isinstance(v, float):
        return Decimal(repr(v)) if not v.is_integer() else int(v)
    if isinstance(v, str):
        return unicodedata.normalize("NFC", v).strip()
    return v


def _empty(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, str):
        return not v.strip()
    if isinstance(v, (list, tuple)):
        return all(_empty(x) for x in v)
    return False


_UNIT_NAMES = {_fold(x) for x in ("Đơn vị", "Tên đơn vị", "Đơn vị được đánh giá", "Cơ quan, đơn vị", "Đơn vị/Địa phương",
                                   "Địa phương", "Unit")}
_GROUP_NAMES = {_fold(x) for x in ("Lĩnh vực", "Lĩnh vực ưu tiên", "Group", "Priority sector")}
_IGNORED_COLS = {_fold(x) for x in ("STT", "TT", "Ghi chú", "Note", "Notes")}
_ID_SORT = re.compile(r"\d+|[^\d]+")


def _id_sort(key: str) -> list:
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in _ID_SORT.findall(key)]


class _Reader:
    def __init__(self, ruleset: Ruleset, path: Path) -> None:
        self.ruleset = ruleset
        self.path = path
        self.fname = path.name
        self.form = build_form(ruleset)
        self.diags: list[Diagnostic] = []
        self.units: list[Unit] = []
        self.seen: dict[str, str] = {}  # normalised unit name -> where first read
        self.fields: dict[str, dict[str, FormField]] = {}
        for f in self.form.fields:
            self.fields.setdefault(f.indicator, {})[f.key] = f
        self.ind_keys = {ind.key for ind in ruleset.indicators}
        self.ind_by_norm = {_norm(k): k for k in self.ind_keys}
        self.refs = {ind: set(v) for ind, v in self.form.item_refs.items()}
        #: rows (unit sheets, JSON entries) read, and those that gave no unit: (where, unit name, code)
        self.rows_read = 0
        self.refused: list[tuple[str, str, str]] = []
        #: the records of a delimited text file (their physical lines), None for .xlsx/.json
        self.text_records: list[Record] | None = None
        self.delimiter = ","
        self.ratio_caps: dict[str, Fraction | None] = {}

    # -- diagnostics
    def diag(self, code: str, where: str | None, *, item: str | None = None, unit: str | None = None,
             **args: Any) -> None:
        self.diags.append(Diagnostic.make(code, None, item=item, unit=unit, where=where or self.fname,
                                          indicator=item or "?", unit_name=unit or "?", **args))

    # -- names
    def indicator_key(self, text: Any) -> str | None:
        t = _norm(_cell_str(text))
        t = re.sub(r"^(chỉ số|chi so|cs)\s*", "", t).rstrip(".").strip()
        if t in self.ind_by_norm:
            return self.ind_by_norm[t]
        return None

    def input_key(self, item: str, text: Any) -> str | None:
        fields = self.fields.get(item, {})
        t = _cell_str(text)
        if t in fields:
            return t
        n = _norm(t)
        for k in fields:
            if _norm(k) == n:
                return k
        fd = _fold(t)
        matches = [k for k in fields if _fold(k) == fd]
        if len(matches) == 1:
            return matches[0]
        return None

    def is_itemref(self, item: str, text: Any) -> bool:
        refs = self.refs.get(item)
        if not refs:
            return False
        m = re.match(r"^\s*(?:mục|muc)\s*(\S+)\s*$", _norm(_cell_str(text)))
        return bool(m and m.group(1).rstrip(".") in refs)

    def column(self, header: Any) -> tuple[str, str] | None:
        """``"1.3:a"`` → ``("1.3", "a")``; None when not a known indicator/input."""
        text = _cell_str(header)
        if ":" in text:
            left, right = text.split(":", 1)
            item = self.indicator_key(left)
            if item is None:
                return None
            key = self.input_key(item, right)
            return (item, key) if key is not None else None
        item = self.indicator_key(text)
        if item is not None and len(self.fields.get(item, {})) == 1:
            return item, next(iter(self.fields[item]))
        m = re.match(r"^(.*\S)\s+(\S+)$", text)
        if m:
            item = self.indicator_key(m.group(1))
            if item is not None:
                key = self.input_key(item, m.group(2))
                if key is not None:
                    return item, key
        return None

    def split_header(self, header: Any) -> tuple[str | None, str]:
        """Best effort (indicator, input text) of a header that is not a known column, for messages."""
        text = _cell_str(header)
        left, _, right = text.partition(":")
        return self.indicator_key(left), right.strip()

    def group_id(self, text: Any, where: str, unit: str) -> str | None:
        t = _cell_str(text)
        if not t:
            return None
        if not self.ruleset.groups:
            self.diag("CDS813", where, unit=unit, text=t)
            return None
        n = _norm(t)
        n = re.sub(r"^(lĩnh vực|linh vuc)\s+", "", n)
        for g in self.ruleset.groups:
            gid = _norm(g.id)
            candidates = {gid, _norm(g.name), f"{gid}. {_norm(g.name)}", f"{gid} {_norm(g.name)}",
                          f"{gid}: {_norm(g.name)}", f"{gid} - {_norm(g.name)}", f"{gid}.", str(roman_to_int(g.id))}
            if n in candidates:
                return g.id
        fd = _fold(n)
        for g in self.ruleset.groups:
            if fd in (_fold(g.name), _fold(f"{g.id}{g.name}")):
                return g.id
        self.diag("CDS809", where, unit=unit, text=t,
                  choices="; ".join(_group_choice(self.ruleset, g.id) for g in self.ruleset.groups))
        return None

    # -- values
    def value(self, unit: str, item: str, key: str, raw: Any, where: str) -> Value | None:
        """Check one filled cell; None when it is dropped (an error was reported)."""
        f = self.fields[item][key]
        if f.kind in (OPTION, OPTIONS) and not isinstance(raw, bool) and _digit_count(_show(raw)) > MAX_DIGITS:
            self.diag("CDS659", where, item=item, unit=unit, key=key, digits=_digit_count(_show(raw)),
                      limit=MAX_DIGITS)
            return None
        if f.kind in (OPTION, OPTIONS):
            chosen = self.options(unit, f, raw, where)
            if chosen is None:
                return None
            if chosen == [_NONE]:  # ``0`` / ``không``: none of the options (the scorer gives 0 points)
                return Value(_cell_str(raw), where)
            chosen = [c for c in chosen if c is not _NONE]
            if f.kind == OPTION:
                if len(chosen) > 1:
                    self.diag("CDS806", where, item=item, unit=unit, key=key, text=_cell_str(_show(raw)),
                              choices=_choices_list(f))
                    return None
                return Value(chosen[0], where)
            return Value(chosen, where)
        if not self.scale_ok(unit, f, raw, where):
            return None
        return Value(_raw(raw), where)

    def ratio_cap(self, item: str) -> Fraction | None:
        """The largest ratio an indicator's inputs may hold: 100% unless its scoring text names a level above
        100% (``trên 100%``, ``120%``), then no bound."""
        if item not in self.ratio_caps:
            ind = next((i for i in self.ruleset.indicators if i.key == item), None)
            text = (ind.effective_formula or "") if ind is not None else ""
            cap: Fraction | None = Fraction(1)
            for m in _PERCENT_IN_TEXT.finditer(text):
                level = Fraction(m.group(2).replace(",", "."))
                if level > 100 or (level == 100 and m.group(1)):
                    cap = None
                    break
            self.ratio_caps[item] = cap
        return self.ratio_caps[item]

    def scale_ok(self, unit: str, f: FormField, raw: Any, where: str) -> bool:
        """The value's scale by the rule of docs/data-entry.md ("Thang giá trị"); False after an error."""
        if f.kind not in (COUNT, MONEY, RATIO, NUMBER, POINTS) or isinstance(raw, bool):
            return True
        common = dict(item=f.indicator, unit=unit, key=f.key)
        digits = _digit_count(raw)
        if digits > MAX_DIGITS:
            self.diag("CDS659", where, digits=digits, limit=MAX_DIGITS, **common)
            return False
        text = unicodedata.normalize("NFC", raw).strip() if isinstance(raw, str) else None
        if f.kind == POINTS and text is not None and text.endswith("%"):
            self.diag("CDS658", where, value=text, suggestion=text[:-1].strip() or "0", **common)
            return False
        if f.kind != RATIO:
            return True
        if text is not None and not text.endswith("%"):
            try:
                bare = to_number(text, "ratio")
            except Fault:
                return True  # not a number: the scorer says so (CDS601, CDS602)
            if bare == 0:
                return True  # 0 is 0% on every scale
            body = text
            suggestion = f"`{body}%`"
            suggestion_en = f"`{body}%`"
            if bare <= 1:
                as_pct = fmt_vi(bare, 4, percent=True)
                suggestion += f" hoặc `{as_pct}` nếu {body} là phần của 1"
                suggestion_en += f" or `{as_pct}` if {body} is a fraction of 1"
            self.diag("CDS657", where, value=text, suggestion=suggestion, suggestion_en=suggestion_en, **common)
            return False
        try:
            value = to_number(text if text is not None else raw, "ratio")
        except Fault:
            return True
        cap = self.ratio_cap(f.indicator)
        if cap is not None and value > cap:
            self.diag("CDS656", where, value=_cell_str(raw), percent=fmt_vi(value, 4, percent=True),
                      max=fmt_vi(cap, 4, percent=True), **common)
            return False
        return True

    def options(self, unit: str, f: FormField, raw: Any, where: str) -> list[str] | None:
        if isinstance(raw, (list, tuple)):
            parts = [p for p in raw if not _empty(p)]
        else:
            text = _cell_str(raw)
            whole = _match_choice(f.choices, text)
            if whole is not None:
                return [whole]
            if _is_none_word(text):
                return [_NONE]
            parts = [p for p in re.split(r"[;\n]+", text) if p.strip()]
            if not parts:  # only separators (`;`): no choice can be read, and none is not said either
                self.diag("CDS805", where, item=f.indicator, unit=unit, key=f.key, text=text,
                          choices=_choices_list(f))
                return None
            if len(parts) == 1 and re.fullmatch(r"\s*\d+(\s*,\s*\d+)+\s*", parts[0]):
                parts = parts[0].split(",")
        out: list[str] = []
        for p in parts:
            c = _match_choice(f.choices, p)
            if c is None and _is_none_word(p):
                continue
            if c is None:
                self.diag("CDS805", where, item=f.indicator, unit=unit, key=f.key, text=_cell_str(p),
                          choices=_choices_list(f))
                return None
            if c not in out:
                out.append(c)
        return out

    def add_unit(self, name: str, group: str | None, values: dict[str, dict[str, Value]], where: str,
                 row_has_cells: bool) -> None:
        from cdsdsl.files.xlsx import MAX_UNIT_NAME

        if len(name) > MAX_UNIT_NAME:
            self.diag("CDS648", where, length=len(name), limit=MAX_UNIT_NAME)
            return
        if values:
            # item references (``mục 5.12.1``) are filled from the indicator they name, at its cell
            for item, refs in self.form.ref_inputs.items():
                for key, (src_item, src_key) in refs.items():
                    src = values.get(src_item, {}).get(src_key)
                    if src is not None and key not in values.get(item, {}):
                        values.setdefault(item, {})[key] = src
        if not values:
            if not row_has_cells:
                self.diag("CDS807", where, unit=name)
                self.refused.append((where, name, "CDS807"))
            else:
                codes = [d.code for d in self.diags if d.unit == name and d.severity.value == "error"]
                self.refused.append((where, name, codes[-1] if codes else "?"))
            return
        n = _norm(name)
        if n in self.seen:
            self.diag("CDS804", where, unit=name, first=self.seen[n])
            self.refused.append((where, name, "CDS804"))
            return
        self.seen[n] = where
        self.units.append(Unit(name, values, group=group, where=where))

    # -- wide layout (csv, tsv, Dữ liệu sheet)
    def wide(self, rows: list[list[Any]], cell: Any, sheet_where: str) -> bool:
        """Read rows of a wide table; ``cell(row, col)`` names a cell. False when no header row is found."""
        header_idx = None
        for i, row in enumerate(rows):
            first = _cell_str(row[0]) if row else ""
            if first.startswith("#"):
                continue
            if any(_fold(c) in _UNIT_NAMES for c in row[:3] if c is not None):
                header_idx = i
                break
            if any(not _empty(c) for c in row):
                break
        if header_idx is None:
            return False
        header = rows[header_idx]
        unit_col = next(j for j, c in enumerate(header) if c is not None and _fold(c) in _UNIT_NAMES)
        group_col = next((j for j, c in enumerate(header) if c is not None and _fold(c) in _GROUP_NAMES), None)
        skip = {unit_col, group_col}
        if group_col is not None and not self.ruleset.groups:
            self.diag("CDS813", cell(header_idx, group_col), text=_cell_str(header[group_col]))
            group_col = -1
        cols: dict[int, tuple[str, str]] = {}
        ref_cols: set[int] = set()
        used: dict[tuple[str, str], str] = {}
        for j, h in enumerate(header):
            if j in skip or _empty(h) or _fold(h) in _IGNORED_COLS:
                continue
            key = self.column(h)
            where = cell(header_idx, j)
            if key is None:
                item, rest = self.split_header(h)
                if item is not None and self.is_itemref(item, rest):
                    self.diag("CDS810", where, item=item, key=rest, ref=rest)
                    ref_cols.add(j)
                elif item is not None:
                    self.diag("CDS803", where, item=item, key=rest or _cell_str(h),
                              known=", ".join(self.fields.get(item, {})) or "—")
                else:
                    self.diag("CDS802", where, column=_cell_str(h))
                continue
            if key in used:
                self.diag("CDS812", where, item=key[0], key=key[1], first=used[key])
                continue
            used[key] = where
            cols[j] = key
        for i in range(header_idx + 1, len(rows)):
            row = rows[i]
            if not row or all(_empty(c) for c in row):
                continue
            if _cell_str(row[0]).startswith("#"):
                continue
            self.rows_read += 1
            name = unescape_csv_text(_cell_str(row[unit_col])) if unit_col < len(row) else ""  # '=x → =x
            # a text file's row with a shape problem: its values from column `cut` on are refused
            cut = self.shape(i, header_idx, unit_col, cols, cell, name) if self.text_records is not None else None
            filled = {j: row[j] for j in cols if j < len(row) and not _empty(row[j]) and (cut is None or j < cut)}
            if not name:
                if filled or (group_col is not None and group_col >= 0 and group_col < len(row)
                              and not _empty(row[group_col])):
                    self.diag("CDS808", cell(i, unit_col))
                    self.refused.append((cell(i, None), "", "CDS808"))
                elif cut is not None:
                    self.refused.append((cell(i, None), "", self.diags[-1].code))
                continue
            where = cell(i, None)
            group = None
            if group_col is not None and group_col >= 0 and group_col < len(row):
                group = self.group_id(row[group_col], cell(i, group_col), name)
            values: dict[str, dict[str, Value]] = {}
            # cells in columns already reported (unknown, item references) are not "no data"
            bad = any(not _empty(c) for j, c in enumerate(row) if j not in skip and j not in cols
                      and j < len(header) and not _empty(header[j]) and _fold(header[j]) not in _IGNORED_COLS)
            bad = bad or cut is not None
            for j, raw in filled.items():
                item, key = cols[j]
                v = self.value(name, item, key, raw, cell(i, j))
                if v is None:
                    bad = True
                    continue
                values.setdefault(item, {})[key] = v
            self.add_unit(name, group, values, where, bad)
        return True

    # -- Mẫu layout (one sheet per unit)
    def unit_sheet(self, ws, rows: list[list[Any]], where_of) -> bool:
        header_idx = None
        for i, row in enumerate(rows[:30]):
            folded = [_fold(c) if c is not None else "" for c in row]
            if _fold("Mã ô") in folded and _fold("Giá trị") in folded:
                header_idx = i
                break
        if header_idx is None:
            return False
        folded = [_fold(c) if c is not None else "" for c in rows[header_idx]]
        c_item = folded.index(_fold("Chỉ số")) if _fold("Chỉ số") in folded else 0
        c_key = folded.index(_fold("Mã ô"))
        c_val = folded.index(_fold("Giá trị"))
        name = ""
        group_raw: Any = None
        group_where = where_of(1, 1)
        for i, row in enumerate(rows[:header_idx]):
            for j, c in enumerate(row[:-1]):
                if c is None:
                    continue
                k = _fold(_cell_str(c).rstrip(":"))
                if k in _UNIT_NAMES and not name:
                    name = _cell_str(row[j + 1])
                elif k in _GROUP_NAMES and group_raw is None:
                    group_raw, group_where = row[j + 1], where_of(i, j + 1)
        title = ws.title
        filled = [(i, row) for i, row in enumerate(rows[header_idx + 1:], header_idx + 1)
                  if c_val < len(row) and not _empty(row[c_val])]
        if not name:
            if not filled:
                return True  # the blank template sheet itself
            if _fold(title).startswith(_fold(TEMPLATE_SHEET)):
                self.diag("CDS808", where_of(1, 1))
                return True
            name = title
        sheet_where = f"{self.fname} › {title}"
        self.rows_read += 1
        group = self.group_id(group_raw, group_where, name) if not _empty(group_raw) else None
        values: dict[str, dict[str, Value]] = {}
        bad = False
        for i, row in filled:
            where = where_of(i, c_val)
            raw_item = row[c_item] if c_item < len(row) else None
            raw_key = row[c_key] if c_key < len(row) else None
            item = self.indicator_key(raw_item) if not _empty(raw_item) else None
            if item is None:
                self.diag("CDS802", where_of(i, c_item), unit=name, column=_cell_str(raw_item) or "(trống)")
                bad = True
                continue
            key = self.input_key(item, raw_key) if not _empty(raw_key) else (
                next(iter(self.fields[item])) if len(self.fields.get(item, {})) == 1 else None)
            if key is None:
                if self.is_itemref(item, raw_key):
                    self.diag("CDS810", where_of(i, c_key), item=item, unit=name, key=_cell_str(raw_key),
                              ref=_cell_str(raw_key))
                else:
                    self.diag("CDS803", where_of(i, c_key), item=item, unit=name, key=_cell_str(raw_key),
                              known=", ".join(self.fields.get(item, {})) or "—")
                bad = True
                continue
            if key in values.get(item, {}):
                self.diag("CDS812", where, item=item, unit=name, key=key, first=values[item][key].where)
                continue
            v = self.value(name, item, key, row[c_val], where)
            if v is None:
                bad = True
                continue
            values.setdefault(item, {})[key] = v
        self.add_unit(name, group, values, sheet_where, bad)
        return True

    # -- formats
    def read(self) -> None:
        suffix = self.path.suffix.lower()
        if not self.path.exists():
            self.diag("CDS800", self.fname, name=self.fname, detail="không tìm thấy tệp", detail_en="file not found")
            return
        if suffix in (".xlsx", ".xlsm", ".xls"):  # an .xls is told apart by its bytes (CDS641)
            self.read_xlsx()
        elif suffix in (".csv", ".tsv", ".txt"):
            self.read_text(suffix)
        elif suffix == ".json":
            self.read_json()
        else:
            self.diag("CDS800", self.fname, name=self.fname,
                      detail=f"định dạng {suffix or '(không có đuôi)'} không được hỗ trợ (.xlsx, .csv, .tsv, .json)",
                      detail_en=f"the format {suffix or '(no suffix)'} is not supported (.xlsx, .csv, .tsv, .json)")

    def read_text(self, suffix: str) -> None:
        # encoding, line endings, delimiter and long cells: one reader for every text file (textfile.py)
        try:
            tf = open_delimited(self.path, suffix=suffix)
        except TextFileProblem as exc:
            self.diag("CDS800", self.fname, name=self.fname, detail=exc.detail, detail_en=exc.detail_en)
            return
        except OSError as exc:
            self.diag("CDS800", self.fname, name=self.fname, detail=str(exc.strerror), detail_en=str(exc.strerror))
            return
        text = unicodedata.normalize("NFC", tf.text)
        try:
            recs = records(text, tf.delimiter, self.fname)
        except DataError as exc:  # a cell over the bound (CDS651), located
            self.diags.extend(exc.diagnostics)
            return
        self.text_records, self.delimiter = recs, tf.delimiter
        rows = [list(r.cells) for r in recs]
        width = max((len(r) for r in rows), default=0)
        rows = [r + [""] * (width - len(r)) for r in rows]

        def cell(i: int, j: int | None) -> str:
            # the physical line the row (cell) starts on: a quoted cell may span lines
            rec = recs[i]
            line = rec.cell_lines[j] if j is not None and j < len(rec.cell_lines) else rec.line
            return f"{self.fname}:{line}" + (f":{_col_letter(j)}" if j is not None else "")

        if not self.wide(rows, cell, self.fname):
            self.diag("CDS801", self.fname, name=self.fname)

    # -- shapes of a text file's rows
    def shape(self, i: int, header_idx: int, unit_col: int, cols: dict[int, tuple[str, str]], cell: Any,
              name: str) -> int | None:
        """Check row ``i`` of a text file against its header: None when it is sound, else the first column
        whose values are refused (0: all), after a located diagnostic (CDS652-CDS655)."""
        assert self.text_records is not None
        rec = self.text_records[i]
        header = self.text_records[header_idx].cells
        width = max((j + 1 for j, c in enumerate(header) if not _empty(c)), default=0)
        unit = name or None
        swallowed = [c for c in rec.cells if "\n" in c and self.delimiter in c.split("\n", 1)[1]]
        broken = rec.open_quote is not None and (swallowed or len(rec.cells) != len(header))
        if rec.unclosed or broken or rec.stray_quote is not None:
            qline, qcol = (rec.open_quote if rec.unclosed or broken else None) or rec.stray_quote \
                or (rec.line, max(len(rec.cells) - 1, 0))
            lost_rows = [ln.split(self.delimiter, 1)[0].strip().strip('"')
                         for c in swallowed or [c for c in rec.cells if "\n" in c] for ln in c.split("\n")[1:]]
            lost_rows = [x for x in lost_rows if x and not x.startswith("#")]
            lost = f" — gồm số liệu của: {', '.join(lost_rows)}" if lost_rows else ""
            lost_en = f" — including the data of: {', '.join(lost_rows)}" if lost_rows else ""
            n_lines = rec.end_line - qline
            if rec.unclosed:
                extent = f"dấu ngoặc kép không được đóng, ô này kéo đến hết tệp (dòng {rec.end_line}){lost}"
                extent_en = f"the quote is never closed, the cell runs to the end of the file (line {rec.end_line}){lost_en}"
            elif n_lines:
                extent = f"ô này nuốt {n_lines} dòng sau nó (đến dòng {rec.end_line}){lost}"
                extent_en = f"the cell swallows the {n_lines} line(s) after it (to line {rec.end_line}){lost_en}"
            else:
                extent = "ô này nuốt cả dấu phân cách sau nó, các ô sau bị lệch cột"
                extent_en = "the cell swallows the delimiter after it and the later cells shift columns"
            self.diag("CDS652", f"{self.fname}:{qline}:{_col_letter(qcol)}", unit=unit, line=qline,
                      column=_col_letter(qcol), swallowed=n_lines, extent=extent, extent_en=extent_en)
            return 0
        cells = rec.cells
        used = max((j + 1 for j, c in enumerate(cells) if not _empty(c)), default=0)
        if used > width:
            split = self.decimal_split(cells, width, unit_col, cols)
            if split is not None:
                j, number, cut = split
                item_key = cols.get(j)
                self.diag("CDS654", cell(i, j), unit=unit, item=item_key[0] if item_key else None, cells=used,
                          header=width, number=number, number_dot=number.replace(",", "."),
                          key_column=_cell_str(header[j]) if j < len(header) else "?", column=_col_letter(j),
                          cut_column=_col_letter(cut))
                return cut
            first = next(j for j in range(width, len(cells)) if not _empty(cells[j]))
            self.diag("CDS653", cell(i, None), unit=unit, cells=used, header=width, text=_cell_str(cells[first]),
                      column=_col_letter(first))
            return 0
        if len(cells) < width:
            self.diag("CDS655", cell(i, None), unit=unit, cells=len(cells), header=width,
                      column=_col_letter(len(cells)))
        return None

    def fits(self, j: int, text: str, cols: dict[int, tuple[str, str]]) -> bool:
        """Could ``text`` be the value of column ``j`` (by its field's kind)?  For locating a split row."""
        if _empty(text) or j not in cols:
            return True
        f = self.fields[cols[j][0]][cols[j][1]]
        if f.kind in (OPTION, OPTIONS):
            parts = [p for p in re.split(r"[;\n]+", text) if p.strip()] or [text]
            return all(_match_choice(f.choices, p) is not None or _is_none_word(p) for p in parts)
        t = text.strip()
        if len(t) > 64 or (f.kind == POINTS and t.endswith("%")) or (f.kind == RATIO and not t.endswith("%")):
            return False
        try:
            value = to_number(t, f.kind if f.kind in (COUNT, MONEY, RATIO, POINTS) else "number")
        except Fault:
            return False
        if f.kind == POINTS and f.max_points is not None and value > f.max_points:
            return False
        cap = self.ratio_cap(f.indicator) if f.kind == RATIO else None
        return not (cap is not None and value > cap)

    def decimal_split(self, cells: tuple[str, ...], width: int, unit_col: int,
                      cols: dict[int, tuple[str, str]]) -> tuple[int, str, int] | None:
        """(column, ``1234,5``) when joining cells split at unquoted decimal commas makes every cell of the
        row fit its column; the column is the leftmost such split (the values from there on are suspect)."""
        row = list(cells)
        while row and _empty(row[-1]) and len(row) > width:
            row.pop()
        if len(row) - width > 4:  # more than a few splits: not decimal commas (and the search would be slow)
            return None
        pair = re.compile(r"^[+-]?\d[\d.]*$"), re.compile(r"^\d+%?$")
        candidates = [j for j in range(unit_col + 1, len(row) - 1)
                      if pair[0].match(row[j].strip()) and pair[1].match(row[j + 1].strip())]
        if not candidates:
            return None
        merged = row
        chosen: list[int] = []
        first_round: list[tuple[int, int]] = []
        for _ in range(len(row) - width):
            best = None
            for j in range(len(merged) - 1):
                if not (pair[0].match(merged[j].strip()) and pair[1].match(merged[j + 1].strip())):
                    continue
                trial = merged[:j] + [merged[j].strip() + "," + merged[j + 1].strip()] + merged[j + 2:]
                score = sum(self.fits(k, c, cols) for k, c in enumerate(trial[:width]))
                # the best fit; among equals, the shortest decimal part (``40,6`` rather than ``933,9300``)
                rank = (score, -len(merged[j + 1].strip().rstrip("%")))
                if best is None or rank > best[0]:
                    best = (rank, j, trial)
                if not chosen:
                    first_round.append((score, j))
            if best is None:
                return None
            merged = best[2]
            chosen.append(best[1])
        # every cell fits its column, except the joined numbers themselves (``1234,5`` typed into a count
        # column is still a split number; the scorer would refuse it there)
        if len(merged) != width or not all(self.fits(k, c, cols) or k in chosen for k, c in enumerate(merged)):
            return None
        # the values are suspect from the leftmost split that fits as well as the one named
        top = max(sc for sc, _ in first_round)
        cut = min(j for sc, j in first_round if sc == top)
        return chosen[0], merged[chosen[0]], cut

    def read_xlsx(self) -> None:
        """Stream every worksheet (but the guide and the choice lists) through `cdsdsl.files.xlsx`: bounded, date
        cells as text, each formula cell with no computed value reported at its cell (CDS647)."""
        from cdsdsl.files.xlsx import Unreadable, WorkbookError, formula_diagnostics, open_workbook

        found = False
        try:
            with open_workbook(self.path, self.fname) as book:
                for title in book.sheet_names:
                    if title in (GUIDE_SHEET, CHOICES_SHEET):
                        continue
                    sheet = book.read(title)
                    rows = sheet.rows
                    self.diags.extend(formula_diagnostics(self.fname, sheet))

                    def where_of(i: int, j: int, _t: str = title) -> str:
                        return f"{self.fname} › {_t} › {_col_letter(j)}{i + 1}"

                    def cell(i: int, j: int | None, _t: str = title) -> str:
                        return f"{self.fname} › {_t} › {_col_letter(j if j is not None else 0)}{i + 1}"

                    if self.unit_sheet(sheet, rows, where_of):
                        found = True
                    elif self.wide(rows, cell, f"{self.fname} › {title}"):
                        found = True
        except Unreadable as exc:
            self.units.clear()  # a sheet broken part-way: nothing of the file is used
            self.diag("CDS800", self.fname, name=self.fname, detail=exc.detail_vi, detail_en=exc.detail_en)
            return
        except WorkbookError as exc:
            # a bound passed: nothing of this file is used (a part of a cohort would rank it wrongly)
            self.units.clear()
            self.diags.append(exc.diagnostic)
            return
        if not found:
            self.diag("CDS801", self.fname, name=self.fname)

    def read_json(self) -> None:
        try:
            data = json.loads(self.path.read_bytes().decode("utf-8-sig"), parse_float=Decimal)
        except (UnicodeDecodeError, ValueError) as exc:
            self.diag("CDS800", self.fname, name=self.fname, detail=f"JSON không hợp lệ: {exc}",
                      detail_en=f"invalid JSON: {exc}")
            return
        entries: list[tuple[str, Any, Any, str]] = []  # name, group, values, where
        if isinstance(data, dict) and isinstance(data.get("units"), list):
            for k, u in enumerate(data["units"]):
                where = f"{self.fname} › units[{k}]"
                if not isinstance(u, dict):
                    self.diag("CDS800", where, name=self.fname, detail=f"units[{k}] không phải một đối tượng",
                              detail_en=f"units[{k}] is not an object")
                    continue
                entries.append((_cell_str(u.get("name") or u.get("đơn vị") or ""), u.get("group", u.get("lĩnh vực")),
                                u.get("values", {}), where))
        elif isinstance(data, dict):
            for name, vals in data.items():
                if name.startswith(("#", "_")) or name in ("note", "ghi chú", "ruleset"):
                    continue
                entries.append((_cell_str(name), None, vals, f"{self.fname} › {name}"))
        else:
            self.diag("CDS801", self.fname, name=self.fname)
            return
        for name, group_raw, vals, where in entries:
            self.rows_read += 1
            if not name:
                self.diag("CDS808", where)
                self.refused.append((where, "", "CDS808"))
                continue
            uwhere = f"{self.fname} › {name}"
            group = self.group_id(group_raw, f"{uwhere} › group", name) if not _empty(group_raw) else None
            if not isinstance(vals, dict):
                self.diag("CDS800", uwhere, name=self.fname, detail="`values` phải là một đối tượng",
                          detail_en="`values` must be an object")
                self.refused.append((uwhere, name, "CDS800"))
                continue
            values: dict[str, dict[str, Value]] = {}
            bad = False
            for raw_item, inner in vals.items():
                item = self.indicator_key(raw_item)
                if item is None:
                    self.diag("CDS802", f"{uwhere} › {raw_item}", unit=name, column=str(raw_item))
                    bad = True
                    continue
                if not isinstance(inner, dict):
                    if len(self.fields.get(item, {})) == 1:
                        inner = {next(iter(self.fields[item])): inner}
                    else:
                        self.diag("CDS803", f"{uwhere} › {raw_item}", item=item, unit=name, key="",
                                  known=", ".join(self.fields.get(item, {})) or "—")
                        bad = True
                        continue
                for raw_key, raw in inner.items():
                    cwhere = f"{uwhere} › {item}:{raw_key}"
                    key = self.input_key(item, raw_key)
                    if key is None:
                        if self.is_itemref(item, raw_key):
                            self.diag("CDS810", cwhere, item=item, unit=name, key=str(raw_key), ref=str(raw_key))
                        else:
                            self.diag("CDS803", cwhere, item=item, unit=name, key=str(raw_key),
                                      known=", ".join(self.fields.get(item, {})) or "—")
                        bad = True
                        continue
                    if _empty(raw):
                        continue
                    v = self.value(name, item, key, raw, cwhere)
                    if v is None:
                        bad = True
                        continue
                    values.setdefault(item, {})[key] = v
            self.add_unit(name, group, values, uwhere, bad)


def _col_letter(j: int) -> str:
    """0 → ``A`` (`cdsdsl.files.xlsx.column_letter`)."""
    from cdsdsl.files.xlsx import column_letter

    return column_letter(j)


def _show(raw: Any) -> Any:
    return "; ".join(map(str, raw)) if isinstance(raw, (list, tuple)) else raw


def _choices_list(f: FormField) -> str:
    return "; ".join(f"{i}. {c}" for i, c in enumerate(f.choices, 1))


_NONE = "\x00none"


def _is_none_word(text: Any) -> bool:
    return fold(_cell_str(text)) in _NONE_WORDS


def _match_choice(choices: tuple[str, ...], text: Any) -> str | None:
    """The choice ``text`` names: its exact text (any case, spacing, trailing punctuation), its number
    (``2``, ``2.``, ``2)``), or both (``2. Chưa ban hành``); None when it names none."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int) or (isinstance(text, (float, Decimal)) and text == int(text)):
        k = int(text)
        return choices[k - 1] if 1 <= k <= len(choices) else None
    t = fold(_cell_str(text))
    if not t:
        return None
    exact = [c for c in choices if fold(c) == t]
    if exact:
        return exact[0]
    m = re.match(r"^(\d+)\s*[.):]?\s*(.*)$", t)
    if m:
        k = int(m.group(1))
        rest = m.group(2).strip()
        if 1 <= k <= len(choices) and (not rest or _fold(rest) == _fold(choices[k - 1])):
            return choices[k - 1]
        if not rest:
            return None
    folded = [c for c in choices if _fold(c) == _fold(t)]
    if len(folded) == 1:
        return folded[0]
    return None


#: the most digits a figure's cell may hold (a count of citizens has 9, an amount in đồng 15)
MAX_DIGITS = 30
_PERCENT_IN_TEXT = re.compile(r"(trên|vượt|hơn|lớn hơn|>|≥|>=)?\s*(\d+(?:[.,]\d+)?)\s*%", re.I)


def _digit_count(raw: Any) -> int:
    if isinstance(raw, str):
        return sum(ch.isdigit() for ch in raw)
    if isinstance(raw, int):
        return max(1, int(abs(raw).bit_length() * 0.30103) + 1)
    if isinstance(raw, Decimal) and raw.is_finite():
        return len(raw.as_tuple().digits)
    return 0


@attrs.frozen
class Intake:
    """What reading a data file gave: rows read (a wide table's data rows, unit sheets, JSON entries),
    units read, and the rows that gave no unit with the code saying why (``(where, unit name, code)``)."""

    source: str
    rows: int
    units: int
    refused: tuple[tuple[str, str, str], ...] = ()

    def line(self, scored: int | None = None, lang: str = "vi") -> str:
        """``Số liệu cohort.csv: đọc 8 dòng, chấm 8 đơn vị, 0 dòng bị từ chối``, with the refused rows."""
        scored = self.units if scored is None else scored
        why = "; ".join(f"{w}{' (' + n + ')' if n else ''}: {c}" for w, n, c in self.refused)
        if lang == "en":
            out = (f"Data {self.source}: {self.rows} row(s) read, {scored} unit(s) scored, "
                   f"{len(self.refused)} row(s) refused")
        else:
            out = f"Số liệu {self.source}: đọc {self.rows} dòng, chấm {scored} đơn vị, {len(self.refused)} dòng bị từ chối"
        return out + (f" ({why})" if why else "")

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "rows": self.rows, "units": self.units,
                "refused": [{"where": w, "unit": n or None, "code": c} for w, n, c in self.refused]}


def read_units_counted(path: str | Path, ruleset: Ruleset) -> tuple[list[Unit], list[Diagnostic], Intake]:
    """`read_units` with the count of rows read and the rows refused (`Intake`), so that a report can say
    that no row was dropped silently."""
    reader = _Reader(ruleset, Path(path))
    reader.read()
    intake = Intake(reader.fname, reader.rows_read, len(reader.units), tuple(reader.refused))
    return reader.units, reader.diags, intake


def read_units(path: str | Path, ruleset: Ruleset) -> tuple[list[Unit], list[Diagnostic]]:
    """Read the units' filled data from ``path`` (``.xlsx``: unit sheets in the ``Mẫu`` layout and/or the
    ``Dữ liệu`` wide sheet; ``.csv``/``.tsv``: wide; ``.json``).

    Returns the units (in file order) and every problem found, each naming the unit, indicator, input and
    cell (``Diagnostic.arguments["where"]``, also the diagnostic's source name).  Empty cells are not
    errors here (the scorer reports missing inputs); a unit with no values is skipped (info CDS807)."""
    reader = _Reader(ruleset, Path(path))
    reader.read()
    return reader.units, reader.diags
