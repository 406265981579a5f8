"""Spreadsheet rulesets (.csv, .tsv, .xlsx) read into the same Ruleset as a `.cds` file."""
from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

import openpyxl
import pytest

from cdsdsl import RulesetError
from cdsdsl.rulesets.model import load_ruleset
from cdsdsl.rulesets.sheets import classify_header, column_letter, rows_to_ruleset
from cdsdsl.rulesets.structure import check_ruleset_structure

ROOT = Path(__file__).resolve().parent.parent
HEADER = ["STT", "Chỉ số/Chỉ số thành phần", "Điểm tối đa", "Cách xác định và tính điểm", "Nguồn dữ liệu",
          "Đơn vị phối hợp"]


def _lines(text):
    return None if text is None else "\n".join(line.rstrip() for line in text.split("\n"))


def _write_csv(path: Path, rows, delimiter=","):
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return path


def _error(rows, **kw) -> RulesetError:
    with pytest.raises(RulesetError) as info:
        rows_to_ruleset(rows, name="bang.csv", sheet="Sheet1", **kw)
    return info.value


SMALL = [
    ["Bộ chỉ số: Bộ chỉ số thử"],
    ["Văn bản: Quyết định 1/QĐ-UBND"],
    ["Tổng điểm:", "20"],
    HEADER,
    ["1", "Nhận thức số", "20", "", "", ""],
    ["1.1", "Ban chỉ đạo", "10", "- Có: Điểm tối đa\n- Không: 0 điểm", "Phòng VHTT", "VP UBND"],
    ["1.2", "Văn bản chỉ đạo", "10", "a=Số văn bản;\nb=Tổng số;\n- Tỷ lệ=a/b", "Phòng VHTT", ""],
]


# -- header matching ---------------------------------------------------------------

@pytest.mark.parametrize("text, field", [
    ("STT", "id"), ("Số TT", "id"), ("Chỉ số/Chỉ số thành phần", "name"), ("CHỈ TIÊU", "name"),
    ("Điểm tối đa (điểm)", "max"), ("Thang điểm", "max"), ("Cách xác định và tính điểm", "formula"),
    ("Cách tính điểm", "formula"), ("Nguồn cung cấp dữ liệu", "data_source"), ("Đơn vị phối hợp", "coordinator"),
    ("Tài liệu kiểm chứng", "evidence"), ("Lý do sửa", "reason"), ("Sửa", "correction"),
    ("Áp dụng", "applies_to"), ("cach hieu", "option_mode"), ("Phương pháp", "cohort_method"), ("Ghi chú", None),
])
def test_header_names_are_matched_leniently(text, field):
    assert classify_header(text) == field


def test_column_letters():
    assert [column_letter(i) for i in (0, 3, 25, 26, 27)] == ["A", "D", "Z", "AA", "AB"]


# -- the huyện table -------------------------------------------------------------------

def test_huyen_ninh_thuan_2023_csv_loads_to_the_same_indicators_as_the_cds():
    sheet = load_ruleset(ROOT / "tests" / "data" / "huyen-ninh-thuan-2023.csv")
    cds = load_ruleset(ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds")
    assert sheet.format == "csv" and sheet.title == cds.title and sheet.level == "huyện"
    assert len(sheet.indicators) == len(cds.indicators) == 85
    for a, b in zip(sheet.indicators, cds.indicators):
        assert (a.id, a.name, a.max_points, a.section_id, a.data_source, a.coordinator) == \
               (b.id, b.name, b.max_points, b.section_id, b.data_source, b.coordinator), a.id
        assert _lines(a.formula_text) == _lines(b.formula_text), a.id


def test_huyen_ninh_thuan_2023_csv_sections_as_the_decision_states_them():
    sheet = load_ruleset(ROOT / "tests" / "data" / "huyen-ninh-thuan-2023.csv")
    got = [(s.id, s.label, s.stated_max, s.implicit) for s in sheet.sections]
    assert got == [("1", "1", None, True), ("2", "2", 90, False), ("3", "3", None, False),
                   ("4", "4", None, True), ("5", "V", 100, False), ("6", "6", None, True),
                   ("7", "VII", None, False), ("8", "VIII", 150, False)]
    # the page break after 4.3 (a page number and a repeated header) is skipped
    assert sheet.indicator("4.4").name.startswith("Công chức, viên chức chuyên trách")


def test_huyen_ninh_thuan_2023_csv_structure_findings_name_the_cell():
    sheet = load_ruleset(ROOT / "tests" / "data" / "huyen-ninh-thuan-2023.csv")
    diags = check_ruleset_structure(sheet)
    assert [d.code for d in diags] == ["CDS540", "CDS544"]
    assert diags[0].source.name.endswith("tests/data/huyen-ninh-thuan-2023.csv!C40")
    assert diags[0].message() == "mục V: điểm tối đa ghi 100, nhưng tổng điểm tối đa các chỉ số là 90"


# -- round trips -------------------------------------------------------------------------

def test_xlsx_round_trip(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục II"
    for row in SMALL:
        ws.append(row)
    ws.append([None, None, None, None, None, None])
    ws.append(["Trang 2"])
    ws.append(HEADER)
    ws.append(["1.3", "Số bài viết", 2.5, None, "Trung tâm VHTT", None])
    path = tmp_path / "thu.xlsx"
    wb.save(path)
    rs = load_ruleset(path)
    assert rs.format == "xlsx" and rs.title == "Bộ chỉ số thử" and rs.decision == "Quyết định 1/QĐ-UBND"
    assert rs.stated_total == 20
    assert [i.id for i in rs.indicators] == ["1.1", "1.2", "1.3"]
    assert rs.indicator("1.1").formula_text == "- Có: Điểm tối đa\n- Không: 0 điểm"
    assert rs.indicator("1.2").coordinator is None
    i3 = rs.indicator("1.3")
    assert i3.max_points == Fraction(5, 2) and i3.entered_directly and i3.formula_text is None
    assert rs.indicator("1.1").formula_source.name.endswith("thu.xlsx › Phụ lục II!D6")
    diags = check_ruleset_structure(rs)
    assert [d.code for d in diags] == ["CDS540"]
    assert diags[0].message() == "mục 1: điểm tối đa ghi 20, nhưng tổng điểm tối đa các chỉ số là 22,5"
    assert diags[0].source.name.endswith("thu.xlsx › Phụ lục II!C5")


def test_xlsx_named_sheet_missing(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Sheet1"
    path = tmp_path / "thu.xlsx"
    wb.save(path)
    with pytest.raises(RulesetError) as info:
        load_ruleset(path, sheet="Bảng 2")
    assert info.value.code == "CDS527"
    assert info.value.message == "không có trang tính `Bảng 2` trong tệp"


def test_tsv_and_metadata_defaults_from_the_file_name(tmp_path):
    path = _write_csv(tmp_path / "bo-chi-so-xa.tsv", SMALL[3:], delimiter="\t")
    rs = load_ruleset(path)
    assert rs.format == "tsv" and rs.title == "bo-chi-so-xa" and rs.decision == "bo-chi-so-xa"
    assert rs.level == "xã"
    notes = [d for d in rs.notes if d.code == "CDS526"]
    assert notes[0].message() == "không có `Bộ chỉ số` trước dòng tiêu đề: đã lấy `bo-chi-so-xa` từ tên tệp"


def test_row_without_number_continues_the_row_above():
    rows = SMALL + [["", "", "", "- Điểm=Tỷ lệ*Điểm tối đa", "", ""]]
    rs = rows_to_ruleset(rows, name="bang.csv")
    assert rs.indicator("1.2").formula_text.endswith("- Tỷ lệ=a/b\n- Điểm=Tỷ lệ*Điểm tối đa")
    assert [d.code for d in rs.notes] == ["CDS525"]
    assert rs.notes[0].message() == "dòng 8 không có số thứ tự: đã nối vào dòng 7 (bảng bị ngắt trang)"


def test_column_number_row_is_skipped():
    rows = SMALL[:4] + [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]] + SMALL[4:]
    assert len(rows_to_ruleset(rows).indicators) == 2


# -- errors name the sheet, row and column ----------------------------------------------------

def test_no_header_row():
    err = _error([["a", "b"], ["1.1", "x"]])
    assert err.code == "CDS520" and err.message == "không tìm thấy dòng tiêu đề của bảng trong Sheet1"


def test_missing_required_column():
    err = _error([["STT", "Chỉ số", "Cách xác định và tính điểm"], ["1.1", "x", "- Có: 10"]])
    assert err.code == "CDS521"
    assert err.message == "bảng thiếu cột `Điểm tối đa` (dòng tiêu đề Sheet1!A1)"


def test_duplicate_column():
    err = _error([HEADER + ["Điểm tối đa"], ["1.1", "x", "10", "", "", "", "10"]])
    assert err.code == "CDS522"
    assert err.message == "cột `Điểm tối đa` xuất hiện hai lần trong dòng tiêu đề (ô Sheet1!C1 và Sheet1!G1)"


def test_bad_number_names_the_cell():
    err = _error(SMALL + [["1.x", "y", "5", "", "", ""]])
    assert err.code == "CDS523" and err.message == "ô Sheet1!A8: số thứ tự `1.x` không hợp lệ"
    assert err.first.source.name == "bang.csv › Sheet1!A8"


def test_bad_maximum_names_the_cell():
    err = _error(SMALL + [["1.3", "y", "năm", "", "", ""]])
    assert err.code == "CDS524"
    assert err.message == "ô Sheet1!C8: điểm tối đa `năm` không phải là một số"
    err.lang = "en"
    assert err.message == "cell Sheet1!C8: maximum `năm` is not a number"


def test_bad_extra_column_value_names_the_cell():
    rows = [HEADER + ["Cách hiểu"], ["1", "A", "10", "", "", "", ""], ["1.1", "x", "10", "- Có: 10", "", "", "tuỳ"]]
    err = _error(rows)
    assert err.code == "CDS507" and err.first.source.name == "bang.csv › Sheet1!G3"


def test_table_without_indicators():
    assert _error([HEADER]).code == "CDS516"
