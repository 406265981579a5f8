"""The three .xlsx readers (unit data for `cds score`, table rulesets, results tables for `cds audit`) stream,
bound what they read, and name the cell of every problem (cdsdsl/xlsx.py, CDS640-CDS649).

Hostile workbooks are written by hand (zip + XML) so that their sheet can claim the whole grid
(``<dimension ref="A1:XFD1048576"/>``) while holding one cell; they are read in a subprocess capped at
1.5 GB of address space, with a 60 s timeout only as a runaway guard.
"""
from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cdsdsl.dataentry.forms import DATA_SHEET, form_fields, read_units
from cdsdsl.diagnostics.core import CdsError, DataError, RulesetError
from cdsdsl.files import xlsx
from cdsdsl.rulesets.model import load_ruleset
from cdsdsl.rulesets.sheets import load_sheet_ruleset
from cdsdsl.verify.results_table import read_table

REPO = Path(__file__).resolve().parents[1]
HUYEN = REPO / "rulesets" / "huyen-ninh-thuan-2023.cds"
WHOLE_GRID = "A1:XFD1048576"
_HUYEN = load_ruleset(HUYEN)


@pytest.fixture(scope="module")
def huyen():
    return load_ruleset(HUYEN)


# ---------------------------------------------------------------------------
# writing workbooks by hand
# ---------------------------------------------------------------------------
_NS = "http://schemas.openxmlformats.org"
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       f'<Types xmlns="{_NS}/package/2006/content-types">'
       f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/xl/workbook.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       '<Override PartName="/xl/worksheets/sheet1.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
       '</Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         f'<Relationships xmlns="{_NS}/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{_NS}/officeDocument/2006/relationships/officeDocument" '
         'Target="xl/workbook.xml"/></Relationships>')
_WB_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<Relationships xmlns="{_NS}/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_NS}/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>')


def _workbook_xml(title: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<workbook xmlns="{_NS}/spreadsheetml/2006/main" '
            f'xmlns:r="{_NS}/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{escape(title)}" sheetId="1" r:id="rId1"/></sheets></workbook>')


def text(ref: str, value: str) -> tuple[str, str]:
    return ref, f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def num(ref: str, value: float | int) -> tuple[str, str]:
    return ref, f'<c r="{ref}"><v>{value}</v></c>'


def formula(ref: str, f: str, cached: float | None = None) -> tuple[str, str]:
    v = "" if cached is None else f"<v>{cached}</v>"
    return ref, f'<c r="{ref}"><f>{escape(f)}</f>{v}</c>'


def hand_workbook(path: Path, cells: list[tuple[str, str]], *, dimension: str = WHOLE_GRID,
                  title: str = "Sheet1") -> Path:
    """A one-sheet .xlsx whose sheet declares ``dimension`` and holds ``cells`` (from text/num/formula)."""
    rows: dict[int, list[str]] = {}
    for ref, xml in cells:
        rows.setdefault(int(re.sub(r"[A-Z]+", "", ref)), []).append(xml)
    body = "".join(f'<row r="{r}">{"".join(c)}</row>' for r, c in sorted(rows.items()))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             f'<worksheet xmlns="{_NS}/spreadsheetml/2006/main">'
             f'<dimension ref="{dimension}"/><sheetData>{body}</sheetData></worksheet>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _workbook_xml(title))
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def row_cells(row: int, values: list, first_col: int = 1) -> list[tuple[str, str]]:
    out = []
    for j, v in enumerate(values, first_col):
        if v is None:
            continue
        ref = f"{xlsx.column_letter(j - 1)}{row}"
        out.append(text(ref, v) if isinstance(v, str) else num(ref, v))
    return out


# The three readers' own situations: a cohort's wide sheet, a decision's table, a published results table.
COHORT = row_cells(1, ["Đơn vị", "1.3:a", "1.3:b"]) + row_cells(2, ["Huyện Ninh Hải", 12, 20])
RULESET_TABLE = (row_cells(1, ["Bộ chỉ số: Bộ chỉ số thử"]) + row_cells(2, ["Văn bản: Quyết định 1/QĐ-UBND"])
                 + row_cells(4, ["STT", "Chỉ số/Chỉ số thành phần", "Điểm tối đa", "Cách xác định và tính điểm"])
                 + row_cells(5, ["1", "Nhận thức số", 10])
                 + row_cells(6, ["1.1", "Ban chỉ đạo chuyển đổi số", 10, "- Có: Điểm tối đa\n- Không: 0 điểm"]))
RESULTS_TABLE = (row_cells(1, ["STT", "Chỉ số", "Điểm tối đa", "Điểm đạt được"])
                 + row_cells(2, ["I", "Nhận thức số", 10, 8])
                 + row_cells(3, ["1.1", "Ban chỉ đạo chuyển đổi số", 10, 8]))


# ---------------------------------------------------------------------------
# reading in a capped subprocess
# ---------------------------------------------------------------------------
_CAP = 1536 * 1024 * 1024
_RUNNER = f"""
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({_CAP}, {_CAP}))
reader, path, ruleset = sys.argv[1:4]
from cdsdsl.diagnostics.core import CdsError
from cdsdsl.rulesets.model import load_ruleset
read = []
try:
    if reader == "units":
        from cdsdsl.dataentry.forms import read_units
        units, diags = read_units(path, load_ruleset(ruleset))
        read = [[u.name, {{i: {{k: str(v.raw) for k, v in vs.items()}} for i, vs in u.values.items()}}]
                for u in units]
    elif reader == "ruleset":
        rs = load_ruleset(path)
        read, diags = [[i.id, str(i.max_points)] for i in rs.indicators], []
    else:
        from cdsdsl.verify.results_table import read_table
        t = read_table(path)
        read, diags = [[r.id, r.cells["achieved"].text] for r in t.rows], []
except CdsError as exc:
    diags = exc.diagnostics
print(json.dumps({{"read": read, "codes": [d.code for d in diags],
                  "vi": [d.message("vi") for d in diags], "en": [d.message("en") for d in diags]}}))
"""


def read_capped(reader: str, path: Path) -> dict:
    # the code under test is this checkout's (an installed copy of an older cdsdsl must not answer)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    p = subprocess.run([sys.executable, "-c", _RUNNER, reader, str(path), str(HUYEN)], capture_output=True,
                       text=True, encoding="utf-8", timeout=60, cwd=path.parent, env=env)
    assert p.returncode == 0, p.stderr[-2000:]
    return json.loads(p.stdout)


READERS = ["units", "ruleset", "results"]


@pytest.mark.parametrize("reader", READERS)
def test_one_cell_at_XFD200000_under_a_whole_grid_dimension_is_a_column_bound_at_its_cell(tmp_path, reader):
    # the probe's 9 KB file that grew to 8.3 GB in the unit-data reader
    path = hand_workbook(tmp_path / "so-lieu.xlsx", COHORT + [num("XFD200000", 1)])
    out = read_capped(reader, path)
    assert out["codes"] == ["CDS644"] and out["read"] == []
    assert out["vi"][0].startswith("so-lieu.xlsx › Sheet1!XFD200000: ")
    assert "quá giới hạn 1 000 cột" in out["vi"][0] and "after column ALL" in out["en"][0]


@pytest.mark.parametrize("reader", READERS)
def test_one_cell_at_A1048576_is_a_row_bound_at_its_cell(tmp_path, reader):
    # 138 s / 1.8 GB before
    path = hand_workbook(tmp_path / "so-lieu.xlsx", COHORT + [num("A1048576", 1)])
    out = read_capped(reader, path)
    assert out["codes"] == ["CDS643"] and out["read"] == []
    assert out["vi"][0].startswith("so-lieu.xlsx › Sheet1!A1048576: dòng 1048576 có dữ liệu")
    assert "past the limit of 100 000 rows" in out["en"][0]


@pytest.mark.parametrize("reader, cells, expected", [
    ("units", COHORT, [["Huyện Ninh Hải", {"1.3": {"a": "12", "b": "20"}}]]),
    ("ruleset", RULESET_TABLE, [["1.1", "10"]]),
    ("results", RESULTS_TABLE, [["I", "8"], ["1.1", "8"]]),
])
def test_a_sheet_claiming_the_whole_grid_is_read_for_the_cells_it_holds(tmp_path, reader, cells, expected):
    path = hand_workbook(tmp_path / "bang.xlsx", cells)
    out = read_capped(reader, path)
    assert [c for c in out["codes"] if not c.startswith(("CDS526", "CDS807"))] == []
    assert out["read"] == expected


# ---------------------------------------------------------------------------
# each bound, at and past it
# ---------------------------------------------------------------------------
def _codes(diags) -> list[str]:
    return [d.code for d in diags]


def test_a_unit_on_the_last_allowed_row_is_read_and_one_row_further_is_a_located_bound(tmp_path, huyen):
    last = xlsx.MAX_ROWS
    ok = hand_workbook(tmp_path / "ok.xlsx", row_cells(1, ["Đơn vị", "1.3:a"]) + row_cells(last, ["Huyện A", 5]))
    units, diags = read_units(ok, huyen)
    assert [u.name for u in units] == ["Huyện A"] and diags == []
    assert units[0].values["1.3"]["a"].where == f"ok.xlsx › Sheet1 › B{last}"
    past = hand_workbook(tmp_path / "past.xlsx", row_cells(1, ["Đơn vị", "1.3:a"])
                         + row_cells(last + 1, ["Huyện A", 5]))
    units, diags = read_units(past, huyen)
    assert units == [] and _codes(diags) == ["CDS643"]
    assert diags[0].message() == (f"past.xlsx › Sheet1!A{last + 1}: dòng {last + 1} có dữ liệu, quá giới hạn "
                                  "100 000 dòng của một trang tính; không đọc tệp này")


def test_an_input_column_at_ALL_is_read_and_one_column_further_is_a_located_bound(tmp_path, huyen):
    assert xlsx.column_letter(xlsx.MAX_COLUMNS - 1) == "ALL"
    ok = hand_workbook(tmp_path / "ok.xlsx", [text("A1", "Đơn vị"), text("ALL1", "1.3:a"), text("A2", "Huyện A"),
                                              num("ALL2", 7)])
    units, diags = read_units(ok, huyen)
    assert diags == [] and units[0].values["1.3"]["a"].raw == 7
    past = hand_workbook(tmp_path / "past.xlsx", [text("A1", "Đơn vị"), text("ALM1", "1.3:a")])
    with pytest.raises(RulesetError) as info:
        load_sheet_ruleset(past)
    assert _codes(info.value.diagnostics) == ["CDS644"]
    assert info.value.diagnostics[0].message("en").startswith("past.xlsx › Sheet1!ALM1: a filled cell lies after "
                                                               "column ALL")


def test_a_cell_longer_than_excel_allows_is_a_located_bound(tmp_path, huyen):
    ok = hand_workbook(tmp_path / "ok.xlsx", COHORT + [text("D2", "g" * xlsx.MAX_CELL_TEXT)])
    units, diags = read_units(ok, huyen)
    assert [u.name for u in units] == ["Huyện Ninh Hải"]
    past = hand_workbook(tmp_path / "past.xlsx", RESULTS_TABLE + [text("E3", "g" * (xlsx.MAX_CELL_TEXT + 1))])
    with pytest.raises(DataError) as info:
        read_table(past)
    assert _codes(info.value.diagnostics) == ["CDS645"]
    assert info.value.diagnostics[0].message() == ("past.xlsx › Sheet1!E3: ô chứa 32 768 ký tự, quá giới hạn "
                                                   "32 767 ký tự của một ô; không đọc tệp này")


def test_a_unit_name_past_the_limit_is_reported_at_its_row_and_the_unit_skipped(tmp_path, huyen):
    name_ok = "Huyện " + "N" * (xlsx.MAX_UNIT_NAME - 6)
    long = name_ok + "x"
    path = hand_workbook(tmp_path / "ten.xlsx", row_cells(1, ["Đơn vị", "1.3:a"]) + row_cells(2, [name_ok, 3])
                         + row_cells(3, [long, 4]))
    units, diags = read_units(path, huyen)
    assert [u.name for u in units] == [name_ok]
    assert _codes(diags) == ["CDS648"]
    assert diags[0].message() == ("ten.xlsx › Sheet1 › A3: tên đơn vị dài 201 ký tự, quá giới hạn 200 ký tự; "
                                  "bỏ qua đơn vị này")


def test_too_many_cells_in_one_sheet_is_a_bound(tmp_path, huyen, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_CELLS", 5)
    units, diags = read_units(hand_workbook(tmp_path / "lon.xlsx", COHORT), huyen)
    assert units == [] and _codes(diags) == ["CDS646"]
    assert diags[0].message("en").startswith("lon.xlsx › Sheet1!C2: the workbook is too large to read: more than 5")


def test_shared_strings_past_the_part_bound_are_refused_before_openpyxl_reads_them(tmp_path, huyen, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_PART_BYTES", 1000)
    with pytest.raises(RulesetError) as info:
        load_sheet_ruleset(hand_workbook(tmp_path / "bo.xlsx", RULESET_TABLE))
    assert _codes(info.value.diagnostics) == ["CDS646"]
    assert "các phần đọc một lần" in info.value.diagnostics[0].message()


# ---------------------------------------------------------------------------
# a formula with no computed value
# ---------------------------------------------------------------------------
def _openpyxl_cohort(path: Path, rows: list[list]) -> Path:
    """openpyxl writes formulas without computing them: the file a script produces."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_a_formula_without_a_computed_value_names_its_cell_in_both_languages(tmp_path, huyen):
    path = _openpyxl_cohort(tmp_path / "so-lieu.xlsx", [["Đơn vị", "1.3:a", "1.3:b"],
                                                        ["Huyện Ninh Hải", "=D2+E2", 20, 4, 8]])
    units, diags = read_units(path, huyen)
    assert _codes(diags) == ["CDS647"]
    d = diags[0]
    assert d.message("vi") == ("so-lieu.xlsx › 'Dữ liệu'!B2: ô chứa công thức `=D2+E2` nhưng tệp không lưu giá "
                               "trị đã tính, nên ô được đọc là trống")
    assert d.message("en") == ("so-lieu.xlsx › 'Dữ liệu'!B2: the cell holds the formula `=D2+E2` but the file "
                               "keeps no computed value, so the cell reads as empty")
    assert "Excel hoặc LibreOffice" in d.hint("vi") and "Excel or LibreOffice" in d.hint("en")
    assert units[0].values == {"1.3": {"b": units[0].values["1.3"]["b"]}}  # a is missing, not a wrong number


def test_a_formula_with_its_cached_value_reads_the_value(tmp_path, huyen):
    path = hand_workbook(tmp_path / "so-lieu.xlsx", row_cells(1, ["Đơn vị", "1.3:a"])
                         + [text("A2", "Huyện A"), formula("B2", "D2+E2", cached=12), text("C2", "=không phải")])
    units, diags = read_units(path, huyen)
    assert diags == [] and units[0].values["1.3"]["a"].raw == 12


def test_formulas_without_values_in_a_ruleset_table_and_a_results_table_stop_the_read_at_the_cell(tmp_path):
    bo = hand_workbook(tmp_path / "bo.xlsx", RULESET_TABLE + [formula("C6", "5+5")], title="Phụ lục")
    with pytest.raises(RulesetError) as info:
        load_sheet_ruleset(bo)
    assert _codes(info.value.diagnostics) == ["CDS647"]
    assert info.value.diagnostics[0].message().startswith("bo.xlsx › 'Phụ lục'!C6: ô chứa công thức `=5+5`")
    kq = hand_workbook(tmp_path / "kq.xlsx", RESULTS_TABLE + [formula("D3", "SUM(D4:D9)")])
    with pytest.raises(DataError) as info:
        read_table(kq)
    assert _codes(info.value.diagnostics) == ["CDS647"]
    assert info.value.diagnostics[0].message("en").startswith("kq.xlsx › Sheet1!D3: the cell holds the formula "
                                                              "`=SUM(D4:D9)`")


def test_many_formula_cells_are_named_one_by_one_then_counted(tmp_path, huyen):
    rows = [["Đơn vị", "1.3:a", "1.3:b"]] + [[f"Huyện {k}", f"={k}+1", f"={k}+2"] for k in range(13)]
    units, diags = read_units(_openpyxl_cohort(tmp_path / "so-lieu.xlsx", rows), huyen)
    formula_diags = [d for d in diags if d.code in ("CDS647", "CDS649")]
    assert _codes(formula_diags) == ["CDS647"] * xlsx.FORMULAS_SHOWN + ["CDS649"]
    assert formula_diags[-1].message() == ("so-lieu.xlsx › 'Dữ liệu': còn 6 ô khác chứa công thức chưa có giá trị "
                                           "đã tính (các ô: 'Dữ liệu'!B12, 'Dữ liệu'!C12, 'Dữ liệu'!B13, "
                                           "'Dữ liệu'!C13, 'Dữ liệu'!B14, 'Dữ liệu'!C14)")


# ---------------------------------------------------------------------------
# dates in messages
# ---------------------------------------------------------------------------
def test_a_date_in_an_option_cell_is_shown_as_the_decision_writes_it(tmp_path, huyen):
    path = _openpyxl_cohort(tmp_path / "so-lieu.xlsx", [["Đơn vị", "2.1:lựa chọn", "1.3:a"],
                                                        ["Huyện A", datetime.datetime(2024, 1, 5), 3]])
    units, diags = read_units(path, huyen)
    assert _codes(diags) == ["CDS805"]
    assert "`05/01/2024` không phải là lựa chọn" in diags[0].message()
    assert "datetime" not in diags[0].message() and "2024-01-05" not in diags[0].message()


def test_a_date_in_a_count_cell_reaches_the_scorer_as_its_text(tmp_path, huyen):
    from cdsdsl.scoring.score import score_cohort

    path = _openpyxl_cohort(tmp_path / "so-lieu.xlsx", [["Đơn vị", "1.3:a", "1.3:b"],
                                                        ["Huyện A", datetime.datetime(2024, 1, 5, 13, 45), 10]])
    units, diags = read_units(path, huyen)
    assert diags == [] and units[0].values["1.3"]["a"].raw == "05/01/2024 13:45"
    result = score_cohort(huyen, units).results[0].indicators["1.3"]
    messages = [d.message("en") for d in result.diagnostics]
    assert any("`05/01/2024 13:45` in cell so-lieu.xlsx › Dữ liệu › B2" in m for m in messages), messages


def test_dates_in_a_ruleset_table_and_a_results_table(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in (["Bộ chỉ số: Thử"], ["Văn bản: Quyết định 1"], ["STT", "Chỉ số", "Điểm tối đa", "Cách tính điểm"],
              ["1.1", "Ban chỉ đạo", datetime.date(2024, 1, 5), "- Có: Điểm tối đa"]):
        ws.append(r)
    wb.save(tmp_path / "bo.xlsx")
    with pytest.raises(RulesetError) as info:
        load_sheet_ruleset(tmp_path / "bo.xlsx")
    assert [d.code for d in info.value.diagnostics if d.code == "CDS524"] == ["CDS524"]
    assert any("05/01/2024" in d.message() for d in info.value.diagnostics)
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in (["STT", "Chỉ số", "Điểm tối đa", "Điểm đạt được"], ["1.1", "Ban chỉ đạo", 10,
                                                                   datetime.datetime(2024, 1, 5)]):
        ws.append(r)
    wb.save(tmp_path / "kq.xlsx")
    cell = read_table(tmp_path / "kq.xlsx").rows[0].cells["achieved"]
    assert cell.text == "05/01/2024" and cell.error


def test_display_value_of_dates_and_times():
    assert xlsx.display_value(datetime.datetime(2024, 1, 5)) == "05/01/2024"
    assert xlsx.display_value(datetime.datetime(2024, 1, 5, 7, 5, 9)) == "05/01/2024 07:05:09"
    assert xlsx.display_value(datetime.date(2023, 12, 31)) == "31/12/2023"
    assert xlsx.display_value(datetime.time(13, 45)) == "13:45"
    assert xlsx.display_value(12) == 12 and xlsx.display_value("05/01") == "05/01"


# ---------------------------------------------------------------------------
# files that are not readable workbooks
# ---------------------------------------------------------------------------
def _chart_sheets_only(path: Path) -> None:
    from openpyxl.chart import BarChart, Reference

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([1, 2])
    chart = BarChart()
    chart.add_data(Reference(ws, min_col=1, max_col=2, min_row=1))
    wb.create_chartsheet("Biểu đồ").add_chart(chart)
    wb.remove(ws)
    wb.save(path)


def _no_sheet(path: Path) -> None:
    hand_workbook(path, [])
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist() if n != "xl/worksheets/sheet1.xml"}
    parts["xl/workbook.xml"] = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", parts["xl/workbook.xml"])
    parts["xl/_rels/workbook.xml.rels"] = re.sub(rb"<Relationship .*/>", b"", parts["xl/_rels/workbook.xml.rels"])
    with zipfile.ZipFile(path, "w") as z:
        for n, b in parts.items():
            z.writestr(n, b)


def _compound_file(stream_name: str):
    """An OLE compound file (what Excel writes for .xls, and around an encrypted .xlsx) with a directory
    entry named ``stream_name``."""
    def write(path: Path) -> None:
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + stream_name.encode("utf-16-le")
                         + b"\0" * 1024)
    return write


def _truncated(path: Path) -> None:
    hand_workbook(path, COHORT)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _broken_sheet_xml(path: Path) -> None:
    hand_workbook(path, [("A1", '<c r="A1"><v>1</v>')])


def _shared_string_out_of_range(path: Path) -> None:
    hand_workbook(path, [("A1", '<c r="A1" t="s"><v>7</v></c>')])


def _word_document(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")


UNREADABLE = {"units": "CDS800", "ruleset": "CDS517", "results": "CDS700"}


@pytest.mark.parametrize("make, name, code, says", [
    (lambda p: p.write_bytes("Đơn vị,1.3:a\n".encode("utf-8")), "so-lieu.xlsx", None, "zip"),
    (_truncated, "so-lieu.xlsx", None, "zip"),
    (_word_document, "so-lieu.xlsx", None, "Content_Types"),
    (_broken_sheet_xml, "so-lieu.xlsx", None, "Sheet1"),
    (_shared_string_out_of_range, "so-lieu.xlsx", None, "Sheet1"),
    (_compound_file("EncryptedPackage"), "so-lieu.xlsx", "CDS640", "mật khẩu"),
    (_compound_file("Workbook"), "so-lieu.xls", "CDS641", "Excel 97-2003"),
    (_compound_file("Workbook"), "so-lieu.xlsx", "CDS641", "Excel 97-2003"),
    (_chart_sheets_only, "so-lieu.xlsx", "CDS642", "trang biểu đồ"),
    (_no_sheet, "so-lieu.xlsx", "CDS642", "không có trang tính"),
], ids=["text", "truncated", "docx", "broken-xml", "shared-string", "password", "xls", "xls-renamed",
        "chart-sheets", "no-sheet"])
@pytest.mark.parametrize("reader", READERS)
def test_a_file_that_is_not_a_readable_workbook_gets_a_located_message(tmp_path, huyen, make, name, code, says,
                                                                       reader):
    path = tmp_path / name
    make(path)
    if reader == "units":
        units, diags = read_units(path, huyen)
        assert units == []
    else:
        with pytest.raises(CdsError) as info:
            (load_ruleset if reader == "ruleset" else read_table)(path)
        diags = info.value.diagnostics
    assert _codes(diags) == [code or UNREADABLE[reader]]
    assert name in diags[0].message() and says in diags[0].message()


def test_an_xlsm_workbook_is_read_like_an_xlsx(tmp_path, huyen):
    src = hand_workbook(tmp_path / "so-lieu.xlsx", COHORT)
    units, diags = read_units(shutil.copy(src, tmp_path / "so-lieu.xlsm"), huyen)
    assert diags == [] and [u.name for u in units] == ["Huyện Ninh Hải"]


def test_cli_score_and_audit_on_a_chart_only_workbook_say_so_plainly(tmp_path):
    from _cli_util import cds, no_traceback

    path = tmp_path / "so-lieu.xlsx"
    _chart_sheets_only(path)
    r = cds("score", "rulesets/huyen-ninh-thuan-2023.cds", path, "--lang", "en")
    assert r.exit_code not in (0, 3) and "CDS642" in r.stderr and "only chart sheets" in r.stderr
    no_traceback(r.stdout, r.stderr)
    r = cds("audit", path)
    assert r.exit_code == 2 and "CDS642" in r.stderr
    no_traceback(r.stdout, r.stderr)


# ---------------------------------------------------------------------------
# any small workbook: only the project's diagnostics, each naming its place
# ---------------------------------------------------------------------------
_CELL_IN_PLACE = re.compile(r"(?:›\s*[^›]+\s*›\s*|!)[A-Z]{1,3}[0-9]+$")


def _columns() -> list[str]:
    return [f.column for f in form_fields(_HUYEN)][:30]


cell_values = st.one_of(
    st.none(),
    st.integers(-5, 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.sampled_from(["Đã ban hành", "Chưa ban hành", "1", "2,5", "85%", "không", "x", " ", "# ghi chú",
                     "Huyện A", "Huyện B", "=không phải công thức"]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn")), max_size=12),
    st.datetimes(min_value=datetime.datetime(1950, 1, 1), max_value=datetime.datetime(2100, 1, 1)),
    st.booleans(),
    st.sampled_from(["=1+1", "=SUM(B2:B4)", "=B2*2"]),
)


@st.composite
def small_workbooks(draw):
    header_row = draw(st.integers(1, 4))
    columns = draw(st.lists(st.sampled_from(_columns() + ["Lĩnh vực", "STT", "Ghi chú", "9.9:z", "1.3"]),
                            max_size=6))
    layout = draw(st.sampled_from(["wide", "wide", "unit sheet", "loose"]))
    title = draw(st.sampled_from(["Dữ liệu", "Sheet1", "Huyện A", "Mẫu"]))
    cells: dict[tuple[int, int], object] = {}
    if layout == "wide":
        for j, h in enumerate(["Đơn vị"] + columns, 1):
            cells[(header_row, j)] = h
    elif layout == "unit sheet":
        cells[(1, 1)], cells[(1, 2)] = "Đơn vị", draw(st.sampled_from(["Huyện A", "", None]))
        for j, h in enumerate(["Chỉ số", "Tên chỉ số", "Mã ô", "Mô tả", "Kiểu", "Đơn vị tính", "Lựa chọn cho phép",
                               "Giá trị"], 1):
            cells[(header_row + 1, j)] = h
        for k, col in enumerate(columns):
            item, _, key = col.partition(":")
            cells[(header_row + 2 + k, 1)], cells[(header_row + 2 + k, 3)] = item, key
    for (r, c), v in draw(st.dictionaries(st.tuples(st.integers(1, 40), st.integers(1, 12)), cell_values,
                                          max_size=25)).items():
        cells[(r, c)] = v
    return title, cells


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(book=small_workbooks())
def test_any_small_workbook_gives_only_located_project_diagnostics(tmp_path, book):
    title, cells = book
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for (r, c), v in cells.items():
        if isinstance(v, str):
            v = "".join(ch for ch in v if ch in "\t\n" or ord(ch) >= 32)  # what a cell may hold
        ws.cell(r, c, v)
    path = tmp_path / "so-lieu.xlsx"
    wb.save(path)
    units, diags = read_units(path, _HUYEN)  # nothing but the project's diagnostics: any exception fails here
    for d in diags:
        where = d.arguments["where"]
        assert where.startswith("so-lieu.xlsx"), (d.code, where)
        if d.code == "CDS801":  # nothing found in the whole file
            assert where == "so-lieu.xlsx"
            continue
        assert title in where or xlsx.sheet_prefix(title)[:-1] in where, (d.code, where)
        names_cell = bool(_CELL_IN_PLACE.search(where))
        whole_sheet = where == f"so-lieu.xlsx › {title}" and d.code in ("CDS804", "CDS807", "CDS648")
        assert names_cell or whole_sheet, (d.code, where)
    # openpyxl writes any text of two or more characters starting with "=" as a formula, never computed
    formulas = sorted((r, c) for (r, c), v in cells.items() if isinstance(v, str) and len(v) > 1
                      and v.startswith("="))
    reported = [d for d in diags if d.code in ("CDS647", "CDS649")]
    if formulas and len(formulas) <= xlsx.FORMULAS_SHOWN:
        assert sorted(d.arguments["cell"] for d in reported) == sorted(
            xlsx.cell_ref(title, r - 1, c - 1) for r, c in formulas)
