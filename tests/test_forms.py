"""Data-entry forms: fields from the formulas, templates for every ruleset, reading filled data back."""
from __future__ import annotations

import csv
import importlib.util
import io
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from cdsdsl.cli import main
from cdsdsl.dataentry.forms import (
    CHOICES_SHEET,
    DATA_SHEET,
    FORM_COLUMNS,
    GUIDE_SHEET,
    TEMPLATE_SHEET,
    build_form,
    form_fields,
    read_units,
    template_csv,
    write_template,
)
from cdsdsl.diagnostics.core import Severity
from cdsdsl.diagnostics.render import render_diagnostics
from cdsdsl.evaluate.runtime import Fault, to_number
from cdsdsl.rulesets.model import load_ruleset, parse_ruleset_text
from cdsdsl.scoring.unitdata import POINTS_KEY

REPO = Path(__file__).resolve().parents[1]
RULESETS = sorted((REPO / "rulesets").glob("*.cds"))
EXAMPLES = REPO / "examples"
HUYEN = REPO / "rulesets" / "huyen-ninh-thuan-2023.cds"
HAS_SCORING = importlib.util.find_spec("cdsdsl.scoring.score") is not None


@pytest.fixture(scope="module")
def huyen():
    return load_ruleset(HUYEN)


@pytest.fixture(scope="module")
def huyen_fields(huyen):
    out: dict[str, dict] = {}
    for f in form_fields(huyen):
        out.setdefault(f.indicator, {})[f.key] = f
    return out


def example_file(stem: str) -> Path:
    return next(p for p in (EXAMPLES / stem).iterdir() if p.name.startswith("cohort"))


def _value(raw):
    if isinstance(raw, list):
        return raw
    try:
        return to_number(raw)  # "9" (csv), 9 (json, xlsx) and "2,5"/Decimal("2.5") compare equal
    except Fault:
        return raw


def plain(units) -> dict:
    """Units as comparable data (numbers as exact values, without the cells they were read from)."""
    return {u.name: (u.group, {item: {k: _value(v.raw) for k, v in vals.items()} for item, vals in u.values.items()})
            for u in units}


def errors(diags):
    return [d for d in diags if d.severity is not Severity.INFO]


# ------------------------------------------------------------------ fields

def test_fields_of_a_ratio(huyen_fields):
    f = huyen_fields["1.3"]
    assert list(f) == ["a", "b"]
    assert {x.kind for x in f.values()} == {"count"}
    assert f["a"].column == "1.3:a"
    assert f["a"].description.startswith("Số lượng văn bản chỉ đạo")
    assert f["a"].applies_to_all and not f["a"].needs_cohort


def test_fields_of_an_option_list(huyen_fields):
    f = huyen_fields["1.1"]
    assert list(f) == ["lựa chọn"]
    opt = f["lựa chọn"]
    assert opt.kind == "option"
    assert opt.choices == ("Trưởng ban là Bí thư/Chủ tịch cấp Huyện",
                           "Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp Huyện",
                           "Chưa có Ban chỉ đạo hoặc có nhưng Trưởng ban không phải Lãnh đạo cấp Huyện")
    assert opt.choices_text.splitlines()[1] == "2. Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp Huyện"
    assert huyen_fields["3.5"]["lựa chọn"].kind == "options"


def test_fields_of_parts_reusing_names(huyen_fields):
    assert list(huyen_fields["3.7"]) == ["1.a", "1.b", "2.a", "2.b"]
    assert list(huyen_fields["6.2"]) == ["1.lựa chọn", "2.lựa chọn"]


def test_item_reference_is_not_a_field(huyen, huyen_fields):
    f = huyen_fields["5.12.2"]
    assert list(f) == ["x"]
    assert f["x"].kind == "money" and f["x"].unit == "triệu đồng"
    form = build_form(huyen)
    assert form.item_refs["5.12.2"] == ("5.12.1",)
    assert "5.11" in form.computed and "5.11" not in huyen_fields
    text = "\n".join(__import__("cdsdsl.dataentry.forms", fromlist=["instructions"]).instructions(huyen, form))
    assert "5.12.2 lấy từ mục 5.12.1 (ô 5.12.1:a)" in text
    assert form.ref_inputs["5.12.2"] == {"mục 5.12.1": ("5.12.1", "a")}


def test_item_reference_is_filled_from_the_indicator_named(huyen, tmp_path):
    p = tmp_path / "cohort.csv"
    p.write_text("Đơn vị,5.12.1:a,5.12.1:b,5.12.2:x\nHuyện A,200,4000,6\n", encoding="utf-8")
    [u], diags = read_units(p, huyen)
    assert diags == []
    ref = u.values["5.12.2"]["mục 5.12.1"]
    assert ref.raw == "200" and ref.where == "cohort.csv:2:B"


def test_counted_items_and_cohort(huyen_fields):
    assert list(huyen_fields["8.8"]) == ["số lượng"]
    assert huyen_fields["8.8"]["số lượng"].kind == "count"
    assert huyen_fields["8.6"]["x"].needs_cohort and huyen_fields["8.6"]["x"].kind == "money"
    assert huyen_fields["5.8"]["x"].needs_cohort


def test_stated_constant_is_a_field(huyen_fields):
    b = huyen_fields["3.6"]["b"]
    assert b.constant == 7 and "văn bản ghi 7" in b.kind_label


def test_points_entered_directly():
    rs = load_ruleset(REPO / "rulesets" / "ha-noi-2024-thanh-pho.cds")
    fields = form_fields(rs)
    assert len(fields) == len(rs.indicators)
    assert all(f.key == POINTS_KEY and f.kind == "points" for f in fields)
    f71 = next(f for f in fields if f.indicator == "7.1")
    assert f71.max_points == 20 and f71.applies_to == "Phụ lục II" and not f71.applies_to_all
    assert f71.kind_label == "Điểm (0 – 20)"


def test_group_fields():
    rs = load_ruleset(REPO / "rulesets" / "quang-tri-2022-so.cds")
    fields = form_fields(rs)
    grp = [f for f in fields if f.group_id == "I"]
    assert grp and grp[0].indicator == "I.1" and grp[0].column == "I.1:điểm"


def test_unreadable_formula_gives_no_fields_and_a_diagnostic(tmp_path):
    rs = parse_ruleset_text(
        "Bộ chỉ số: Thử\nVăn bản: Thử\n\nMục 1 | A | 20\n\n"
        "Chỉ số 1.1 | Hỏng | 10\nCách tính:\n    Tỷ lệ = a/\n\n"
        "Chỉ số 1.2 | Tốt | 10\nCách tính:\n    - Đã ban hành: Điểm tối đa\n    - Chưa ban hành: 0 điểm\n",
        "thu.cds")
    form = build_form(rs)
    assert [f.indicator for f in form.fields] == ["1.2"]
    [d] = form.diagnostics
    assert d.code == "CDS811" and d.item == "1.1" and d.severity is Severity.ERROR
    assert "1.1" in d.message() and "1.1" in d.message("en")
    out = tmp_path / "mau.xlsx"
    assert [x.code for x in write_template(rs, out)] == ["CDS811"]
    wb = load_workbook(out)
    guide = "\n".join(str(c.value) for c in wb[GUIDE_SHEET]["A"] if c.value)
    assert "không đọc được cách tính của chỉ số 1.1" in guide


# ------------------------------------------------------------------ templates

def fill_csv(template: str, units: list, delimiter: str = ",") -> str:
    """Write the example units into the template's rows (listed units' rows, or new rows)."""
    rows = list(csv.reader(io.StringIO(template), delimiter=delimiter))
    header_i = next(i for i, r in enumerate(rows) if r and r[0] == "Đơn vị")
    header = rows[header_i]
    for u in units:
        row = next((r for r in rows[header_i + 1:] if r and r[0] == u.name), None)
        if row is None:
            row = [u.name] + [""] * (len(header) - 1)
            rows.append(row)
        if "Lĩnh vực" in header and u.group:
            row[header.index("Lĩnh vực")] = u.group
        for item, vals in u.values.items():
            for key, v in vals.items():
                if key.startswith("mục ") or from_fact(u, item, v):  # filled from another cell, not a column
                    continue
                raw = v.raw
                row[header.index(f"{item}:{key}")] = "; ".join(raw) if isinstance(raw, list) else str(raw)
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def from_fact(u, item, v) -> bool:
    """Was ``v`` of an indicator filled from the unit's general information (``Thông tin chung``), not typed
    in its own cell?"""
    return item != "Thông tin chung" and any(v is fv for fv in u.values.get("Thông tin chung", {}).values())


def cell_value(raw):
    return "; ".join(raw) if isinstance(raw, list) else raw


def fill_xlsx_wide(path: Path, units: list) -> None:
    wb = load_workbook(path)
    ws = wb[DATA_SHEET]
    header = [c.value for c in ws[1]]
    for u in units:
        r = next((c.row for c in ws["A"][2:] if c.value == u.name), None)
        if r is None:
            r = ws.max_row + 1
            ws.cell(r, 1, u.name)
        if u.group:
            ws.cell(r, header.index("Lĩnh vực") + 1, u.group)
        for item, vals in u.values.items():
            for key, v in vals.items():
                if key.startswith("mục ") or from_fact(u, item, v):
                    continue
                ws.cell(r, header.index(f"{item}:{key}") + 1, cell_value(v.raw))
    wb.save(path)


def fill_xlsx_sheets(path: Path, units: list) -> None:
    """Each unit copies the Mẫu sheet, names it after itself and fills the Giá trị column."""
    wb = load_workbook(path)
    template = wb[TEMPLATE_SHEET]
    for n, u in enumerate(units):
        ws = wb.copy_worksheet(template)
        ws.title = f"Đơn vị {n + 1}"
        ws["B2"] = u.name
        if u.group:
            ws["B3"] = u.group
        for row in ws.iter_rows(min_row=6):
            item, key = row[0].value, row[2].value
            if item and key and key in u.values.get(item, {}):
                row[7].value = cell_value(u.values[item][key].raw)
    wb.save(path)


@pytest.mark.parametrize("ruleset_path", RULESETS, ids=lambda p: p.stem)
def test_template_csv_filled_reads_back_like_the_example(ruleset_path, tmp_path):
    rs = load_ruleset(ruleset_path)
    expected, diags = read_units(example_file(ruleset_path.stem), rs)
    assert errors(diags) == [] and expected
    out = tmp_path / "mau.csv"
    assert write_template(rs, out) == []
    filled = tmp_path / "filled.csv"
    filled.write_text(fill_csv(out.read_text(encoding="utf-8-sig"), expected), encoding="utf-8")
    units, diags = read_units(filled, rs)
    assert errors(diags) == [], render_diagnostics(diags)
    assert plain(units) == plain(expected)
    # a listed unit left empty is skipped with an info
    assert all(d.code == "CDS807" for d in diags)


@pytest.mark.parametrize("ruleset_path", RULESETS, ids=lambda p: p.stem)
def test_template_xlsx_filled_reads_back_like_the_example(ruleset_path, tmp_path):
    rs = load_ruleset(ruleset_path)
    expected, _ = read_units(example_file(ruleset_path.stem), rs)
    out = tmp_path / "mau.xlsx"
    assert write_template(rs, out) == []
    wb = load_workbook(out)
    assert wb.sheetnames == [GUIDE_SHEET, TEMPLATE_SHEET, DATA_SHEET, CHOICES_SHEET]
    assert wb[CHOICES_SHEET].sheet_state == "hidden"
    assert [c.value for c in wb[TEMPLATE_SHEET][5]] == list(FORM_COLUMNS)
    # the empty template reads as no units, without errors
    units, diags = read_units(out, rs)
    assert units == [] and errors(diags) == []

    wide = tmp_path / "wide.xlsx"
    wide.write_bytes(out.read_bytes())
    fill_xlsx_wide(wide, expected)
    units, diags = read_units(wide, rs)
    assert errors(diags) == [], render_diagnostics(diags)
    assert plain(units) == plain(expected)

    sheets = tmp_path / "sheets.xlsx"
    sheets.write_bytes(out.read_bytes())
    fill_xlsx_sheets(sheets, expected)
    units, diags = read_units(sheets, rs)
    assert errors(diags) == [], render_diagnostics(diags)
    assert plain(units) == plain(expected)
    assert units[0].where == "sheets.xlsx › Đơn vị 1"


@pytest.mark.skipif(not HAS_SCORING, reason="cdsdsl.scoring.score is not written yet")
@pytest.mark.parametrize("ruleset_path", RULESETS, ids=lambda p: p.stem)
def test_filled_template_scores_like_the_example(ruleset_path, tmp_path):
    from cdsdsl.scoring.score import score_cohort

    rs = load_ruleset(ruleset_path)
    expected, _ = read_units(example_file(ruleset_path.stem), rs)
    out = tmp_path / "mau.xlsx"
    write_template(rs, out)
    fill_xlsx_sheets(out, expected)
    units, _ = read_units(out, rs)

    def totals(result):
        return {r.unit: (str(r.total), str(r.score), r.rank) for r in result.results}

    assert totals(score_cohort(rs, units)) == totals(score_cohort(rs, expected))


def test_option_validation_in_the_xlsx(huyen, tmp_path):
    out = tmp_path / "mau.xlsx"
    write_template(huyen, out)
    ws = load_workbook(out)[TEMPLATE_SHEET]
    row = next(r for r in ws.iter_rows(min_row=6) if r[0].value == "1.1")
    dvs = [dv for dv in ws.data_validations.dataValidation if row[7].coordinate in dv.sqref]
    assert dvs and dvs[0].type == "list" and CHOICES_SHEET in dvs[0].formula1
    assert "1. Trưởng ban là Bí thư/Chủ tịch cấp Huyện" in row[6].value


def test_template_csv_layout(huyen):
    text = template_csv(huyen)
    rows = list(csv.reader(io.StringIO(text)))
    header = next(r for r in rows if r[0] == "Đơn vị")
    assert header[1:5] == ["1.1:lựa chọn", "1.2:lựa chọn", "1.3:a", "1.3:b"]
    assert "5.12.2:x" in header and not any("mục" in h for h in header)
    desc = next(r for r in rows if r[0] == "# Mô tả")
    assert desc[header.index("1.3:b")].startswith("Tổng số lượng văn bản")


def test_group_column_and_listed_units():
    so = load_ruleset(REPO / "rulesets" / "quang-tri-2022-so.cds")
    rows = list(csv.reader(io.StringIO(template_csv(so))))
    assert next(r for r in rows if r[0] == "Đơn vị")[1] == "Lĩnh vực"
    hn = load_ruleset(REPO / "rulesets" / "ha-noi-2024-huyen.cds")
    names = [r[0] for r in csv.reader(io.StringIO(template_csv(hn))) if r and not r[0].startswith("#")][1:]
    assert names[0] == "UBND quận Ba Đình" and len(names) == 30


# ------------------------------------------------------------------ reading: formats and leniency

def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_read_csv_lenient_headers_and_options(huyen, tmp_path):
    p = write(tmp_path, "cohort.csv",
              "# ghi chú\nĐơn vị;STT;chỉ số 1.3 : A;1.3:b;1.1;3.5:Lua chon;6.2:2.lựa chọn\n"
              "# Mô tả;;;;;;\n"
              "Huyện A;1;9;10;2;\"1; 2\";đã đáp ứng\n"
              "Huyện B;2;3;4;2. Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp Huyện;Chưa kết nối;0\n")
    units, diags = read_units(p, huyen)
    assert diags == []
    a, b = units
    assert a.values["1.3"]["a"].raw == "9" and a.values["1.3"]["a"].where == "cohort.csv:4:C"
    assert a.values["1.1"]["lựa chọn"].raw == "Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp Huyện"
    assert len(a.values["3.5"]["lựa chọn"].raw) == 2
    assert a.values["6.2"]["2.lựa chọn"].raw == "Đã đáp ứng"
    assert b.values["1.1"]["lựa chọn"].raw == a.values["1.1"]["lựa chọn"].raw
    assert b.values["3.5"]["lựa chọn"].raw == ["Chưa kết nối"]
    assert b.values["6.2"]["2.lựa chọn"].raw == "0"  # none of them: the scorer gives 0 points
    assert a.where == "cohort.csv:4"


def test_read_tsv(huyen, tmp_path):
    p = write(tmp_path, "cohort.tsv", "Đơn vị\t1.3:a\t1.3:b\nHuyện A\t9\t10\n")
    units, diags = read_units(p, huyen)
    assert diags == [] and units[0].values["1.3"]["b"].raw == "10"


def test_read_json_both_shapes(huyen, tmp_path):
    p = write(tmp_path, "a.json", json.dumps({"units": [
        {"name": "Huyện A", "values": {"1.3": {"a": 9, "b": 10}, "1.1": {"lựa chọn": 1}, "5.12.1": {"a": 2.5}}}]}))
    units, diags = read_units(p, huyen)
    assert diags == []
    assert units[0].values["1.3"]["a"].raw == 9
    assert units[0].values["5.12.1"]["a"].raw == Decimal("2.5")
    assert units[0].values["1.1"]["lựa chọn"].raw.startswith("Trưởng ban là Bí thư")
    p = write(tmp_path, "b.json", json.dumps({"Huyện A": {"1.3": {"a": 9, "b": 10}, "1.1": 2},
                                              "note": "x"}, ensure_ascii=False))
    units, diags = read_units(p, huyen)
    assert diags == [] and [u.name for u in units] == ["Huyện A"]
    assert units[0].values["1.1"]["lựa chọn"].raw.startswith("Trưởng ban là Phó")
    assert units[0].values["1.3"]["b"].where == "b.json › Huyện A › 1.3:b"


def test_read_groups(tmp_path):
    so = load_ruleset(REPO / "rulesets" / "quang-tri-2022-so.cds")
    p = write(tmp_path, "so.csv", "Đơn vị,Lĩnh vực,I.1:điểm,1.1:điểm\nSở A,Du lịch,3,4\nSở B,Lĩnh vực VI,,5\n"
                                  "Sở C,,,6\nSở D,I. Du lịch,1,\n")
    units, diags = read_units(p, so)
    assert diags == []
    assert [u.group for u in units] == ["I", "VI", None, "I"]


# ------------------------------------------------------------------ reading: every error, with its cell

def codes(diags):
    return [d.code for d in diags]


def test_unknown_indicator_column(huyen, tmp_path):
    p = write(tmp_path, "cohort.csv", "Đơn vị,1.3:a,1.99:a\nHuyện A,9,1\n")
    units, diags = read_units(p, huyen)
    [d] = diags
    assert d.code == "CDS802" and d.severity is Severity.ERROR
    assert d.message() == "cohort.csv:1:C: `1.99:a` không phải là chỉ số nào của bộ chỉ số"
    assert "is not an indicator" in d.message("en")
    assert units[0].values == {"1.3": {"a": units[0].values["1.3"]["a"]}}


def test_unknown_input_column(huyen, tmp_path):
    p = write(tmp_path, "cohort.csv", "Đơn vị,1.3:z\nHuyện A,9\n")
    _, diags = read_units(p, huyen)
    [d] = diags
    assert d.code == "CDS803" and d.item == "1.3"
    assert d.message() == "cohort.csv:1:B: chỉ số 1.3 không có ô `z` (các ô của chỉ số: a, b)"


def test_duplicate_unit(huyen, tmp_path):
    p = write(tmp_path, "cohort.csv", "Đơn vị,1.3:a\nHuyện A,9\nhuyện  a,8\n")
    units, diags = read_units(p, huyen)
    [d] = diags
    assert d.code == "CDS804" and d.unit == "huyện  a"
    assert d.message() == "cohort.csv:3: đơn vị `huyện  a` đã có số liệu ở cohort.csv:2; bỏ qua lần ghi thứ hai"
    assert len(units) == 1 and units[0].values["1.3"]["a"].raw == "9"


def test_option_not_a_choice(huyen, tmp_path):
    p = write(tmp_path, "cohort.csv", "Đơn vị,1.3:a,2.1:lựa chọn,3.5:lựa chọn\nHuyện A,9,Đã ban hanh rồi,1; 7\n")
    units, diags = read_units(p, huyen)
    assert codes(diags) == ["CDS805", "CDS805"]
    d = diags[0]
    assert d.item == "2.1" and d.unit == "Huyện A"
    assert d.message() == ("cohort.csv:2:C: `Đã ban hanh rồi` không phải là lựa chọn của ô `lựa chọn` chỉ số 2.1 "
                           "(các lựa chọn: 1. Đã ban hành; 2. Chưa ban hành)")
    assert "cohort.csv:2:D" in diags[1].message() and "`7`" in diags[1].message()
    assert "2.1" not in units[0].values and "3.5" not in units[0].values


def test_several_options_for_an_exclusive_list(huyen, tmp_path):
    p = write(tmp_path, "cohort.csv", "Đơn vị,2.1:lựa chọn\nHuyện A,1; 2\n")
    units, diags = read_units(p, huyen)
    [d] = diags
    assert d.code == "CDS806" and "cohort.csv:2:B" in d.message() and "`1; 2`" in d.message()
    assert units == []


def test_empty_unit_row_is_skipped_with_info(huyen, tmp_path):
    p = write(tmp_path, "cohort.csv", "Đơn vị,1.3:a,1.3:b\nHuyện A,,\nHuyện B,,4\n,,\n")
    units, diags = read_units(p, huyen)
    [d] = diags
    assert d.code == "CDS807" and d.severity is Severity.INFO and d.unit == "Huyện A"
    assert d.message() == "cohort.csv:2: đơn vị `Huyện A` chưa có số liệu nào; bỏ qua"
    assert [u.name for u in units] == ["Huyện B"]  # an empty required cell is not an error here


def test_values_without_a_unit_name(huyen, tmp_path):
    p = write(tmp_path, "cohort.csv", "Đơn vị,1.3:a\n,9\n")
    units, diags = read_units(p, huyen)
    assert codes(diags) == ["CDS808"] and diags[0].message().startswith("cohort.csv:2:A:") and units == []


def test_unknown_group(tmp_path):
    so = load_ruleset(REPO / "rulesets" / "quang-tri-2022-so.cds")
    p = write(tmp_path, "so.csv", "Đơn vị,Lĩnh vực,1.1:điểm\nSở A,Văn hoá,3\n")
    units, diags = read_units(p, so)
    [d] = diags
    assert d.code == "CDS809" and d.unit == "Sở A" and "so.csv:2:B" in d.message() and "I. Du lịch" in d.message()
    assert units[0].group is None


def test_group_in_a_ruleset_without_groups(huyen, tmp_path):
    p = write(tmp_path, "cohort.csv", "Đơn vị,Lĩnh vực,1.3:a\nHuyện A,I,9\n")
    units, diags = read_units(p, huyen)
    assert codes(diags) == ["CDS813"] and diags[0].severity is Severity.WARNING
    assert diags[0].message().startswith("cohort.csv:1:B:")
    assert units[0].group is None


def test_item_reference_column_is_ignored(huyen, tmp_path):
    p = write(tmp_path, "cohort.csv", "Đơn vị,5.12.2:x,5.12.2:mục 5.12.1\nHuyện A,3,100\n")
    units, diags = read_units(p, huyen)
    [d] = diags
    assert d.code == "CDS810" and d.severity is Severity.WARNING and d.item == "5.12.2"
    assert d.message().startswith("cohort.csv:1:C: `mục 5.12.1` của chỉ số 5.12.2 không cần nhập")
    assert units[0].values == {"5.12.2": {"x": units[0].values["5.12.2"]["x"]}}


def test_duplicate_column(huyen, tmp_path):
    p = write(tmp_path, "cohort.csv", "Đơn vị,1.3:a,1.3: a\nHuyện A,9,8\n")
    units, diags = read_units(p, huyen)
    [d] = diags
    assert d.code == "CDS812" and "cohort.csv:1:C" in d.message() and "cohort.csv:1:B" in d.message()
    assert units[0].values["1.3"]["a"].raw == "9"


def test_unreadable_files(huyen, tmp_path):
    for name, content, code in [("x.pdf", b"%PDF", "CDS800"), ("x.json", b"{", "CDS800"),
                                ("x.csv", b"\xff\xfe\x00", "CDS800"), ("x.xlsx", b"not a zip", "CDS800"),
                                ("x2.csv", "Tên,Giá trị\nA,1\n".encode(), "CDS801"),
                                ("x.json", b"[1, 2]", "CDS801")]:
        p = tmp_path / name
        p.write_bytes(content)
        units, diags = read_units(p, huyen)
        assert units == [] and codes(diags) == [code], (name, codes(diags))
        assert name in diags[0].message()
    units, diags = read_units(tmp_path / "missing.csv", huyen)
    assert codes(diags) == ["CDS800"] and "không tìm thấy tệp" in diags[0].message()


def test_unit_sheet_errors_name_the_cell(huyen, tmp_path):
    out = tmp_path / "form.xlsx"
    write_template(huyen, out)
    wb = load_workbook(out)
    ws = wb.copy_worksheet(wb[TEMPLATE_SHEET])
    ws.title = "Huyện A"
    rows = {(r[0].value, r[2].value): r for r in ws.iter_rows(min_row=6)}
    rows[("1.3", "a")][7].value = 9
    rows[("2.1", "lựa chọn")][7].value = "Có lẽ"
    rows[("5.12.1", "a")][7].value = 2.5
    bad = rows[("1.3", "b")]
    bad[2].value = "z"
    bad[7].value = 10
    blank = wb.copy_worksheet(wb[TEMPLATE_SHEET])  # a copy nobody filled: ignored
    blank.title = "Mẫu (2)"
    wb.save(out)
    units, diags = read_units(out, huyen)
    assert codes(diags) == ["CDS803", "CDS805"]
    row_21 = rows[("2.1", "lựa chọn")][7].row
    assert diags[1].message().startswith(f"form.xlsx › Huyện A › H{row_21}: `Có lẽ`")
    assert diags[0].message().startswith(f"form.xlsx › Huyện A › C{bad[2].row}: chỉ số 1.3 không có ô `z`")
    [u] = units
    assert u.name == "Huyện A"  # B2 empty: the sheet's name
    assert u.values["1.3"]["a"].raw == 9 and u.values["5.12.1"]["a"].raw == Decimal("2.5")
    assert u.values["1.3"]["a"].where == f"form.xlsx › Huyện A › H{rows[('1.3', 'a')][7].row}"


def test_unit_sheet_without_a_name(huyen, tmp_path):
    out = tmp_path / "form.xlsx"
    write_template(huyen, out)
    wb = load_workbook(out)
    ws = wb.copy_worksheet(wb[TEMPLATE_SHEET])  # keeps the name "Mẫu Copy"
    next(r for r in ws.iter_rows(min_row=6) if r[0].value == "1.3")[7].value = 4
    wb.save(out)
    units, diags = read_units(out, huyen)
    assert units == [] and codes(diags) == ["CDS808"]
    assert diags[0].message().startswith(f"form.xlsx › {ws.title} › B2")


def test_diagnostics_render_with_unit_and_indicator(huyen, tmp_path):
    p = write(tmp_path, "cohort.csv", "Đơn vị,2.1:lựa chọn\nHuyện A,Có lẽ\n")
    _, diags = read_units(p, huyen)
    text = render_diagnostics(diags)
    assert "lỗi[CDS805]: cohort.csv:2:B" in text and "chỉ số 2.1 › đơn vị Huyện A" in text
    assert "Pick one of the listed choices" in render_diagnostics(diags, lang="en")


# ------------------------------------------------------------------ cds template

def test_cli_template_to_stdout_and_files(tmp_path):
    runner = CliRunner()
    r = runner.invoke(main, ["template", str(HUYEN)])
    assert r.exit_code == 0, r.output
    assert "Đơn vị,1.1:lựa chọn" in r.stdout
    r = runner.invoke(main, ["template", str(HUYEN), "--format", "tsv"])
    assert r.exit_code == 0 and "Đơn vị\t1.1:lựa chọn" in r.stdout
    for name in ("mau.xlsx", "mau.csv", "mau.tsv"):
        r = runner.invoke(main, ["template", str(HUYEN), "-o", str(tmp_path / name)])
        assert r.exit_code == 0, r.output
        assert (tmp_path / name).exists()
    assert load_workbook(tmp_path / "mau.xlsx").sheetnames[0] == GUIDE_SHEET
    units, diags = read_units(tmp_path / "mau.csv", load_ruleset(HUYEN))
    assert units == [] and diags == []
    r = runner.invoke(main, ["template", str(HUYEN), "-o", str(tmp_path / "mau"), "--format", "xlsx"])
    assert r.exit_code == 0 and (tmp_path / "mau.xlsx").exists()


def test_cli_template_usage_errors(tmp_path):
    runner = CliRunner()
    for args in (["template", str(tmp_path / "none.cds")],
                 ["template", str(HUYEN), "-o", str(tmp_path / "mau.pdf")],
                 ["template", str(HUYEN), "-o", str(tmp_path / "mau.csv"), "--format", "xlsx"],
                 ["template", str(HUYEN), "--format", "xlsx"]):
        r = runner.invoke(main, args)
        assert r.exit_code == 2, (args, r.output)
        assert "Traceback" not in r.output


def test_cli_template_reports_unreadable_formulas(tmp_path):
    cds = tmp_path / "thu.cds"
    cds.write_text("Bộ chỉ số: Thử\nVăn bản: Thử\n\nMục 1 | A | 10\n\nChỉ số 1.1 | Hỏng | 10\nCách tính:\n"
                   "    Tỷ lệ = a/\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["template", str(cds), "-o", str(tmp_path / "mau.xlsx"), "--lang", "en"])
    assert r.exit_code == 1
    assert "error[CDS811]" in r.output and (tmp_path / "mau.xlsx").exists()


def test_cli_template_subprocess(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONIOENCODING="utf-8")
    p = subprocess.run([sys.executable, "-m", "cdsdsl", "template", str(REPO / "rulesets" / "quang-tri-2022-so.cds"),
                        "-o", "mau.xlsx"], capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, env=env)
    assert p.returncode == 0, p.stderr
    assert "Traceback" not in p.stdout + p.stderr and (tmp_path / "mau.xlsx").exists()
    p = subprocess.run([sys.executable, "-m", "cdsdsl", "template", "missing.cds"],
                       capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, env=env)
    assert p.returncode == 2 and "Traceback" not in p.stdout + p.stderr
    broken = tmp_path / "broken.cds"
    broken.write_text("Mục 1 | A\n", encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "cdsdsl", "template", str(broken)],
                       capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, env=env)
    assert p.returncode == 2 and "Traceback" not in p.stdout + p.stderr and "CDS5" in p.stderr
