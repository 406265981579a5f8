"""The printed report workbook of huyện Ninh Thuận 2023: its charts, frozen panes and number formats.

The situation: the districts of Ninh Thuận (rulesets/huyen-ninh-thuan-2023.cds, examples/.../cohort.csv) are
scored and ranked, ``cds rank ... -o bao-cao.xlsx`` writes the workbook, and it is printed and handed round a
meeting.  The sheet ``Biểu đồ`` must draw what the tables say: the ranking bars take their data from the
``Xếp hạng`` sheet's total column, row by row in rank order, with the district names as categories; the
section profile has one series per section of the decision, each a district's points in the section over the
most it could get there.  Tables keep their header row and the district-name column in view; points are
numbers (not text) with a 2-decimal format, so that the decimal comma follows the reader's Excel.
"""
from __future__ import annotations

import re
import zipfile
from fractions import Fraction

import openpyxl
import pytest
from _cli_util import ROOT, cds, example, no_traceback

import cdsdsl
from cdsdsl.reports.workbook import write_report_xlsx

NINH_THUAN = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"


@pytest.fixture(scope="module")
def cohort():
    rs = cdsdsl.load_ruleset(NINH_THUAN)
    units, _ = cdsdsl.read_units(example(NINH_THUAN), rs)
    return rs, cdsdsl.score_cohort(rs, units)


@pytest.fixture(scope="module")
def workbook_vi(cohort, tmp_path_factory):
    path = write_report_xlsx(cohort[1], tmp_path_factory.mktemp("vi") / "bao-cao.xlsx", "vi")
    return path, openpyxl.load_workbook(path)


def _header_row(ws, first: str) -> int:
    for row in ws.iter_rows(min_row=1, max_row=10):
        if row[0].value == first:
            return row[0].row
    raise AssertionError(f"no header {first!r} in {ws.title}")


def _refs(series) -> tuple[str, str, str]:
    """(series title cell, categories range, values range) of a chart series, as written in the file."""
    return series.tx.strRef.f, series.cat.strRef.f, series.val.numRef.f


def _title(chart) -> str:
    return "".join(run.t for p in chart.title.tx.rich.p for run in (p.r or ()))


def _axis_title(axis) -> str:
    return "".join(run.t for p in axis.title.tx.rich.p for run in (p.r or ()))


def _cells(ws, ref: str) -> list:
    """The values of a one-column range ``'Sheet'!$C$5:$C$12``."""
    sheet, rng = ref.rsplit("!", 1)
    assert sheet.strip("'") == ws.title
    return [row[0].value for row in ws[rng.replace("$", "")]]


def test_the_ranking_bars_draw_the_total_column_of_every_district_in_rank_order(cohort, workbook_vi):
    rs, cr = cohort
    _, wb = workbook_vi
    assert wb.sheetnames[-1] == "Biểu đồ"
    rank = wb["Xếp hạng"]
    h = _header_row(rank, "Hạng")
    charts = wb["Biểu đồ"]._charts
    assert len(charts) == 2
    bars = charts[0]
    assert bars.tagname == "barChart" and bars.type == "bar"
    assert _title(bars) == "Tổng điểm theo thứ hạng"
    assert (_axis_title(bars.x_axis), _axis_title(bars.y_axis)) == ("Đơn vị", "Điểm")
    assert bars.x_axis.scaling.orientation == "maxMin"  # rank 1 on top, as in the table
    assert len(bars.series) == 1
    title, cats, vals = _refs(bars.series[0])
    n = len(cr.ranking())
    assert n == 8
    # exactly the total column (C) of the ranking, from the first district's row to the last one's
    assert title == f"'Xếp hạng'!C{h}" and rank[f"C{h}"].value == "Tổng điểm"
    assert vals == f"'Xếp hạng'!$C${h + 1}:$C${h + n}"
    assert cats == f"'Xếp hạng'!$B${h + 1}:$B${h + n}"
    assert _cells(rank, cats) == [r.unit for r in cr.ranking()]
    assert _cells(rank, vals) == [pytest.approx(float(r.total)) for r in cr.ranking()]
    totals = _cells(rank, vals)
    assert totals == sorted(totals, reverse=True)


def test_when_a_set_formula_ranks_the_bars_draw_its_column(tmp_path):
    """Quảng Trị 2022, sở: ``Công thức tổng: D = (A + B) x 485 / (485 + C)`` ranks the departments, so the bars
    draw the ``Điểm D`` column (in rank order, highest first), not ``Tổng điểm``."""
    qt = ROOT / "rulesets" / "quang-tri-2022-so.cds"
    rs = cdsdsl.load_ruleset(qt)
    units, _ = cdsdsl.read_units(example(qt), rs)
    cr = cdsdsl.score_cohort(rs, units)
    wb = openpyxl.load_workbook(write_report_xlsx(cr, tmp_path / "so.xlsx", "vi"))
    rank = wb["Xếp hạng"]
    h = _header_row(rank, "Hạng")
    bars = wb["Biểu đồ"]._charts[0]
    title, cats, vals = _refs(bars.series[0])
    letter = title.rsplit("!", 1)[1].rstrip("0123456789")
    assert rank[f"{letter}{h}"].value == "Điểm D" and _title(bars) == "Điểm D theo thứ hạng"
    assert _cells(rank, vals) == [pytest.approx(float(r.set_total)) for r in cr.ranking()]
    assert _cells(rank, vals) == sorted(_cells(rank, vals), reverse=True)
    assert _cells(rank, cats) == [r.unit for r in cr.ranking()]


def test_the_section_profile_has_one_series_per_section_as_share_of_the_section_maximum(cohort, workbook_vi):
    rs, cr = cohort
    _, wb = workbook_vi
    ws = wb["Biểu đồ"]
    profile = ws._charts[1]
    assert profile.type == "bar" and profile.grouping == "clustered"
    assert _title(profile) == "Điểm từng mục so với tối đa của mục"
    assert profile.y_axis.scaling.min == 0 and profile.y_axis.scaling.max == 1
    assert [s.id for s in rs.sections] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert len(profile.series) == len(rs.sections)
    n = len(cr.ranking())
    for col, (series, sec) in enumerate(zip(profile.series, rs.sections, strict=True), 2):
        title, cats, vals = _refs(series)
        letter = openpyxl.utils.get_column_letter(col)
        assert title == f"'Biểu đồ'!{letter}1"
        assert ws[f"{letter}1"].value == f"Mục {sec.id}: {sec.name}"
        assert cats == f"'Biểu đồ'!$A$2:$A${1 + n}"
        assert vals == f"'Biểu đồ'!${letter}$2:${letter}${1 + n}"
        shares = _cells(ws, vals)
        for res, share in zip(cr.ranking(), shares, strict=True):
            part = res.sections[sec.id]
            assert share == pytest.approx(float(Fraction(part.exact) / part.max_points))
            assert 0 <= share <= 1
        assert all(ws[f"{letter}{i}"].number_format == "0%" for i in range(2, 2 + n))
    assert _cells(ws, "'Biểu đồ'!A2:A%d" % (1 + n)) == [r.unit for r in cr.ranking()]
    assert ws.freeze_panes == "B2"


def test_every_table_keeps_its_header_row_and_naming_column_in_view(workbook_vi):
    _, wb = workbook_vi
    for name, first, frozen in [("Xếp hạng", "Hạng", "C"), ("Điểm theo chỉ số", "Chỉ số", "C"),
                                ("Lý do mất điểm", "Hạng", "C"), ("Thông tin chung", "Đơn vị", "B")]:
        ws = wb[name]
        h = _header_row(ws, first)
        assert ws.freeze_panes == f"{frozen}{h + 1}", name
        assert ws.print_title_rows == f"${h}:${h}", name
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9, name  # A4
    charts = wb["Biểu đồ"]
    assert charts.page_setup.orientation == "landscape" and charts.sheet_properties.pageSetUpPr.fitToPage


def test_points_are_numbers_with_two_decimals_not_text(cohort, workbook_vi):
    rs, cr = cohort
    path, wb = workbook_vi
    ws = wb["Xếp hạng"]
    h = _header_row(ws, "Hạng")
    headers = [c.value for c in ws[h]]
    point_cols = [j for j, v in enumerate(headers) if v == "Tổng điểm" or str(v).startswith("Mục ")]
    assert len(point_cols) == 1 + len(rs.sections)
    for row in ws.iter_rows(min_row=h + 1, max_row=h + len(cr.results)):
        assert isinstance(row[0].value, int) and row[0].number_format == "General"  # the rank: no decimals
        for j in point_cols:
            assert isinstance(row[j].value, (int, float)) and row[j].data_type == "n"
            assert row[j].number_format == "0.00"
    ws = wb["Lý do mất điểm"]
    h = _header_row(ws, "Hạng")
    lost = [row[6] for row in ws.iter_rows(min_row=h + 1, max_row=ws.max_row) if row[6].value is not None
            and row[0].data_type == "n"]
    assert lost and all(c.data_type == "n" and c.number_format == "0.00" for c in lost)
    # in the file: Excel's built-in format 2 ("0.00"), shown with the reader's decimal separator
    with zipfile.ZipFile(path) as z:
        styles = z.read("xl/styles.xml").decode()
    assert re.search(r'<xf numFmtId="2"', styles)


def test_in_english_the_charts_speak_english(cohort, tmp_path):
    _, cr = cohort
    wb = openpyxl.load_workbook(write_report_xlsx(cr, tmp_path / "report.xlsx", "en"))
    bars, profile = wb["Biểu đồ"]._charts
    assert _title(bars) == "Total in rank order"
    assert (_axis_title(bars.x_axis), _axis_title(bars.y_axis)) == ("Unit", "Points")
    assert _title(profile) == "Points per section against the section maximum"
    assert _axis_title(profile.y_axis) == "Share of the section's maximum points"
    assert wb["Biểu đồ"]["B1"].value.startswith("Section 1: ")


def test_cds_rank_writes_the_charts_and_the_same_bytes_twice(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    outs = []
    for k in (1, 2):
        out = tmp_path / f"bao-cao-{k}.xlsx"
        r = cds("rank", NINH_THUAN, example(NINH_THUAN), "-o", out)
        no_traceback(r.output, r.stderr)
        assert r.exit_code == 0, r.stderr
        outs.append(out)
    assert outs[0].read_bytes() == outs[1].read_bytes()
    with zipfile.ZipFile(outs[0]) as z:
        names = z.namelist()
        assert {"xl/charts/chart1.xml", "xl/charts/chart2.xml"} <= set(names)
        # the chart sheet's table holds values, never a formula
        sheets = [n for n in names if n.startswith("xl/worksheets/sheet")]
        assert all("<f>" not in z.read(n).decode() for n in sheets)


# ---------------------------------------------------------------- the data-entry template handed round with it

def _validated(ws) -> dict[str, str]:
    """{cell: list formula} of a sheet's list validations."""
    out: dict[str, str] = {}
    for dv in ws.data_validations.dataValidation:
        if dv.type == "list":
            for rng in dv.sqref.ranges:
                for row in ws[rng.coord] if ":" in rng.coord else ((ws[rng.coord],),):
                    for cell in row:
                        out[cell.coordinate] = dv.formula1
    return out


def _choices(wb, formula: str) -> list[str]:
    sheet, rng = formula.rsplit("!", 1)
    return [row[0].value for row in wb[sheet.strip("'")][rng.replace("$", "")]]


def test_every_one_choice_input_of_the_template_is_a_drop_down_and_nothing_is_locked(tmp_path):
    from cdsdsl.dataentry.fields import build_form
    from cdsdsl.dataentry.template import write_template

    rs = cdsdsl.load_ruleset(NINH_THUAN)
    form = build_form(rs)
    options = [f for f in form.fields if f.kind == "option"]
    assert len(options) == 25  # e.g. 1.1 "Người đứng đầu ... trực tiếp chỉ đạo": Có / Không
    write_template(rs, tmp_path / "mau.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "mau.xlsx")
    # the unit's sheet: a row per input (indicator in A, input in C), the value in H
    unit = wb["Mẫu"]
    lists = _validated(unit)
    rows = {(r[0].value, r[2].value): r[7].coordinate for r in unit.iter_rows(min_row=6) if r[2].value}
    for f in options:
        cell = rows[(f.indicator, f.key)]
        assert _choices(wb, lists[cell]) == list(f.choices), (f.indicator, f.key)
    # the wide sheet: a column per input, a drop-down on every data row of the option columns
    wide = wb["Dữ liệu"]
    lists = _validated(wide)
    header = {c.value: c.column_letter for c in wide[1]}
    for f in options:
        letter = header[f.column]
        assert all(f"{letter}{r}" in lists for r in range(3, 60)), f.column
        assert _choices(wb, lists[f"{letter}3"]) == list(f.choices)
    # no formula to protect (by design: docs/data-entry.md), so no sheet is protected and no input is locked
    for ws in wb:
        assert not ws.protection.sheet, ws.title
        assert all(c.data_type != "f" for row in ws.iter_rows() for c in row), ws.title
