"""Writing the empty data-entry form (mẫu nhập số liệu) of a ruleset.

Takes: a `Ruleset` (its `Form`, see `cdsdsl.dataentry.fields`) and a path.
Returns: `write_template(ruleset, path)` writes the form as ``.xlsx`` (the guide sheet, the ``Mẫu`` sheet a unit
copies, the wide ``Dữ liệu`` sheet, the hidden choice lists with the cells' data validations) or as the wide
``.csv``/``.tsv`` (`template_csv`), and returns the diagnostics of indicators that got no fields;
`instructions(ruleset, form)`: the lines of the guide sheet.  Every cell is written as text, neutralised
against formula injection (`cdsdsl.files.safe_cells`).
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, Iterable

import attrs

from cdsdsl.dataentry.appraisal import appraisal_form
from cdsdsl.dataentry.cells import _id_sort, _norm
from cdsdsl.dataentry.facts import FACTS_ITEM
from cdsdsl.dataentry.fields import (
    CHOICES_SHEET,
    DATA_SHEET,
    FORM_COLUMNS,
    GROUP_HEADER,
    GUIDE_SHEET,
    TEMPLATE_SHEET,
    UNIT_HEADER,
    Form,
    FormField,
    _group_choice,
    _num,
    build_form,
)
from cdsdsl.diagnostics.core import CdsError, Diagnostic
from cdsdsl.files.safe_cells import csv_field, print_setup, save_workbook, text_cell
from cdsdsl.rulesets.model import Indicator, Ruleset
from cdsdsl.semantics.resolve import COUNT, OPTION, POINTS


def _listed_units(ruleset: Ruleset) -> list[str]:
    seen: dict[str, str] = {}
    for ul in ruleset.unit_lists:
        for u in ul.units:
            seen.setdefault(_norm(u), u)
    return list(seen.values())


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
    if form.fact_inputs:
        uses = "; ".join(f"{name}: " + ", ".join(f"{i}:{k}" for (i, k), n in form.fact_inputs.items() if n == name)
                         for name in dict.fromkeys(form.fact_inputs.values()))
        lines.append(f"12. {FACTS_ITEM}: mỗi số liệu chung (dân số, số hộ gia đình, ...) ghi một lần ở các ô "
                     f"\"{FACTS_ITEM}\"; phần mềm dùng cho mọi chỉ số cần đến ({uses}).")
    if any(d.code == "CDS811" for d in form.diagnostics):
        unread = [d.item or "?" for d in form.diagnostics if d.code == "CDS811"]
        lines.append("Lưu ý: không đọc được cách tính của chỉ số " + ", ".join(unread)
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
    if form.fact_inputs:
        lines.append(f"General information (\"{FACTS_ITEM}\": population, households, ...) is written once and used by "
                     "every indicator that needs it.")
    return lines


def write_template(ruleset: Ruleset, path: str | Path, *, appraisal: bool = False) -> list[Diagnostic]:
    """Write the empty form to ``path`` (``.xlsx``, or ``.csv``/``.tsv`` in the wide layout).

    ``appraisal``: the wide layouts also have the council's column of each input and the evidence column of
    each indicator (`cdsdsl.dataentry.appraisal`).  Returns the diagnostics of indicators that got no fields
    (the form is written anyway)."""
    path = Path(path)
    form = build_form(ruleset)
    wide = appraisal_form(form) if appraisal else form
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_xlsx(ruleset, form, path, wide)
    elif suffix in (".csv", ".tsv"):
        path.write_text(template_csv(ruleset, form=wide, delimiter="\t" if suffix == ".tsv" else ","),
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
    row(["# Đơn vị tính"] + pad + [f.unit_text for f in fields])
    row(["# Lựa chọn cho phép"] + pad + [" | ".join(f"{i}. {c}" for i, c in enumerate(f.choices, 1))
                                        for f in fields])
    for name in (list(units) if units is not None else _listed_units(ruleset)):
        row([name] + pad + [""] * len(fields))
    return out.getvalue()


@attrs.frozen
class _Styles:
    """The few styles of the template workbook."""

    bold: Any
    head_fill: Any
    input_fill: Any
    wrap: Any


@attrs.frozen
class _ChoiceLists:
    """Where the hidden ``Danh mục`` sheet lists each option field's choices (``{column: range}``) and the
    groups: the ranges the list validations refer to."""

    by_column: dict[str, str]
    groups: str | None

    def validation_for(self, f: FormField) -> Any:
        """The data validation of a field's value cell (a list, a points range, a whole count), or None."""
        from openpyxl.worksheet.datavalidation import DataValidation

        if f.kind == OPTION and f.column in self.by_column:
            return DataValidation(type="list", formula1=self.by_column[f.column], allow_blank=True,
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

    def group_validation(self) -> Any:
        from openpyxl.worksheet.datavalidation import DataValidation

        return DataValidation(type="list", formula1=self.groups, allow_blank=True)


class _Validations:
    """A sheet's data validations, one per distinct rule: a cell whose rule is already there joins it."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.by_rule: dict[tuple[Any, ...], Any] = {}

    def add(self, dv: Any, ref: str) -> None:
        rule = (dv.type, dv.formula1, dv.formula2, dv.operator)
        if rule in self.by_rule:
            self.by_rule[rule].add(ref)
        else:
            self.ws.add_data_validation(dv)
            dv.add(ref)
            self.by_rule[rule] = dv


def _write_xlsx(ruleset: Ruleset, form: Form, path: Path, wide: Form | None = None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    styles = _Styles(bold=Font(bold=True), head_fill=PatternFill("solid", fgColor="DDEBF7"),
                     input_fill=PatternFill("solid", fgColor="FFF2CC"),
                     wrap=Alignment(wrap_text=True, vertical="top"))
    _write_guide(wb.active, ruleset, form)
    lists = _write_choice_lists(wb.create_sheet(CHOICES_SHEET), ruleset, wide or form)
    _write_unit_sheet(wb.create_sheet(TEMPLATE_SHEET), ruleset, form, lists, styles)
    _write_wide_sheet(wb.create_sheet(DATA_SHEET), ruleset, wide or form, lists, styles)
    wb.move_sheet(CHOICES_SHEET, offset=len(wb.sheetnames))
    save_workbook(wb, path)


def _write_guide(guide: Any, ruleset: Ruleset, form: Form) -> None:
    """The ``Hướng dẫn`` sheet: the instructions, one a row."""
    from openpyxl.styles import Alignment, Font

    guide.title = GUIDE_SHEET
    for i, line in enumerate(instructions(ruleset, form), 1):
        text_cell(guide, i, 1, line).alignment = Alignment(wrap_text=True, vertical="top")
    guide["A1"].font = Font(bold=True, size=13)
    guide.column_dimensions["A"].width = 140


def _write_choice_lists(lists: Any, ruleset: Ruleset, form: Form) -> _ChoiceLists:
    """The hidden list sheet: one column per option field (and the groups), referenced by the validations."""
    from openpyxl.utils import get_column_letter

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
    return _ChoiceLists(list_ref, group_ref)


def _write_unit_sheet(ws: Any, ruleset: Ruleset, form: Form, lists: _ChoiceLists, styles: _Styles) -> None:
    """The ``Mẫu`` sheet a unit copies: its name (B2), its group (B3), then a row per input under headings."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold = styles.bold
    text_cell(ws, 1, 1, f"Mẫu nhập số liệu — {ruleset.title}")
    ws["A1"].font = Font(bold=True, size=13)
    text_cell(ws, 2, 1, UNIT_HEADER).font = bold
    ws["B2"].fill = styles.input_fill
    text_cell(ws, 2, 3, "← ghi tên đầy đủ của đơn vị / the unit's full name")
    if ruleset.groups:
        text_cell(ws, 3, 1, GROUP_HEADER).font = bold
        ws["B3"].fill = styles.input_fill
        text_cell(ws, 3, 3, "← lĩnh vực ưu tiên của đơn vị (nếu có) / the unit's priority sector, if any")
        if lists.groups:
            dv = lists.group_validation()
            ws.add_data_validation(dv)
            dv.add("B3")
    header_row = 5
    for c, name in enumerate(FORM_COLUMNS, 1):
        cell = text_cell(ws, header_row, c, name)
        cell.font, cell.fill = bold, styles.head_fill
    widths = (9, 45, 12, 50, 18, 13, 45, 22)
    for c, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 1)
    print_setup(ws, header_row)
    r = header_row + 1
    by_ind = form.by_indicator()
    headed: set[str] = set()
    validations = _Validations(ws)
    # general information asked once (``Thông tin chung``) comes first, under its own heading
    blocks = ([(FACTS_ITEM, FACTS_ITEM)] if FACTS_ITEM in by_ind else []) + [
        (_heading(ruleset, ind, headed), ind.key) for ind in ruleset.indicators]
    for heading, key in blocks:
        if heading is not None:
            text_cell(ws, r, 2, heading).font = bold
            r += 1
        for f in by_ind.get(key, []):
            values = (f.indicator, f.indicator_name, f.key, f.description, f.kind_label, f.unit_text,
                      f.choices_text)
            for c, v in enumerate(values, 1):
                text_cell(ws, r, c, v).alignment = styles.wrap
            vcell = ws.cell(r, 8)
            vcell.fill = styles.input_fill
            dv = lists.validation_for(f)
            if dv is not None:
                validations.add(dv, vcell.coordinate)
            r += 1



def _heading(ruleset: Ruleset, ind: Indicator, headed: set[str]) -> str | None:
    """The heading row before an indicator: its group (``Lĩnh vực I. ...``) or, with no group, its section
    (``Mục 1. ...``), the first time it is met (``headed`` records them); None otherwise."""
    if ind.group_id and "g:" + ind.group_id not in headed:
        headed.add("g:" + ind.group_id)
        g = ruleset.group(ind.group_id)
        return f"Lĩnh vực {g.id}. {g.name}"
    if not ind.group_id and ind.section_id and "s:" + ind.section_id not in headed:
        headed.add("s:" + ind.section_id)
        sec = ruleset.section(ind.section_id)
        return f"Mục {sec.label or sec.id}. {sec.name}".rstrip(". ")
    return None


def _write_wide_sheet(ds: Any, ruleset: Ruleset, form: Form, lists: _ChoiceLists, styles: _Styles) -> None:
    """The ``Dữ liệu`` sheet: a header of input columns, their descriptions, a row per listed unit."""
    from openpyxl.utils import get_column_letter

    lead = [UNIT_HEADER] + ([GROUP_HEADER] if ruleset.groups else [])
    fields = form.fields
    for c, name in enumerate(lead + [f.column for f in fields], 1):
        cell = text_cell(ds, 1, c, name)
        cell.font, cell.fill = styles.bold, styles.head_fill
    text_cell(ds, 2, 1, "# Mô tả")
    for c, f in enumerate(fields, len(lead) + 1):
        desc = f"{f.indicator} {f.indicator_name} — {f.description} [{f.kind_label}" + (
            f", {f.unit_text}" if f.unit_text else "") + "]"
        if f.choices:
            desc += "\n" + f.choices_text
        text_cell(ds, 2, c, desc).alignment = styles.wrap
        ds.column_dimensions[get_column_letter(c)].width = 16
    ds.column_dimensions["A"].width = 32
    listed = _listed_units(ruleset)
    for i, name in enumerate(listed, 3):
        text_cell(ds, i, 1, name)
    last = max(3 + len(listed) + 50, 100)
    ds.freeze_panes = ds.cell(3, len(lead) + 1)
    print_setup(ds, 1)
    validations = _Validations(ds)
    for c, f in enumerate(fields, len(lead) + 1):
        dv = lists.validation_for(f)
        if dv is None:
            continue
        letter = get_column_letter(c)
        validations.add(dv, f"{letter}3:{letter}{last}")
    if ruleset.groups and lists.groups:
        dv = lists.group_validation()
        ds.add_data_validation(dv)
        dv.add(f"B3:B{last}")
