"""reports: number format, tables and the xlsx report workbook (opened with openpyxl)."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import openpyxl
import pytest
from _cli_util import ROOT, cds, example, no_traceback, rel, uncorrected

import cdsdsl
from cdsdsl.reports import tables as reports

NINH_THUAN = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"


@pytest.fixture(scope="module")
def cohort():
    rs = cdsdsl.load_ruleset(NINH_THUAN)
    units, _ = cdsdsl.read_units(example(NINH_THUAN), rs)
    return rs, cdsdsl.score_cohort(rs, units)


@pytest.mark.parametrize("value, lang, text", [
    (Decimal("635.19"), "vi", "635,19"),
    (Decimal("1000.50"), "vi", "1 000,50"),
    (Decimal("1000.50"), "en", "1,000.50"),
    (Decimal("-3.25"), "vi", "-3,25"),
    (Decimal("10.00"), "vi", "10,00"),
    (Fraction(1, 3), "vi", "0,33"),
    (Fraction(10), "vi", "10"),
    (870, "vi", "870"),
    (None, "vi", ""),
])
def test_vi_number(value, lang, text):
    assert reports.vi_number(value, lang) == text


def test_rank_table_rows(cohort):
    rs, cr = cohort
    t = reports.rank_table(cr, label=False)
    keys = [c.key for c in t.columns]
    assert keys[:4] == ["rank", "unit", "total", "max"]
    assert keys[4:] == [f"section:{s.id}" for s in rs.sections]
    assert [row[1] for row in t.rows] == [r.unit for r in cr.ranking()]
    assert all(isinstance(row[2], Decimal) for row in t.rows)
    rec = t.records()[0]
    assert rec["total"] == str(cr.ranking()[0].total) and rec["rank"] == 1
    text = t.text()
    assert "Mục 1\n" not in text and "Mục 1" in text and "(60)" in text  # header: section and its maximum


def _header_row(ws, first: str) -> int:
    for row in ws.iter_rows(min_row=1, max_row=10):
        if row[0].value == first:
            return row[0].row
    raise AssertionError(f"no header {first!r} in {ws.title}")


def test_report_workbook(cohort, tmp_path):
    rs, cr = cohort
    path = reports.write_report_xlsx(cr, tmp_path / "bao-cao.xlsx", "vi")
    wb = openpyxl.load_workbook(path)
    # huyện Ninh Thuận 2023 declares general information: its sheet comes after the tables, then the charts
    assert wb.sheetnames == ["Xếp hạng", "Điểm theo chỉ số", "Lý do mất điểm", "Thông tin chung", "Biểu đồ"]

    ws = wb["Xếp hạng"]
    assert ws["A1"].value == rs.title
    h = _header_row(ws, "Hạng")
    headers = [c.value for c in ws[h]]
    assert headers[:4] == ["Hạng", "Đơn vị", "Tổng điểm", "Tối đa"]
    assert headers[4] == "Mục 1 (60)"
    assert ws[h][0].font.bold and ws.freeze_panes == f"C{h + 1}"  # header row, rank and unit columns
    assert ws.column_dimensions["B"].width >= 30
    for i, res in enumerate(cr.ranking()):
        row = [c.value for c in ws[h + 1 + i]]
        assert row[0] == res.rank and row[1] == res.unit
        assert row[2] == pytest.approx(float(res.total)) and row[3] == 870
        for j, sec in enumerate(rs.sections):
            assert row[4 + j] == pytest.approx(float(res.section_points(sec.id)))

    ws = wb["Điểm theo chỉ số"]
    h = _header_row(ws, "Chỉ số")
    headers = [c.value for c in ws[h]]
    assert headers[:3] == ["Chỉ số", "Tên chỉ số", "Tối đa"]
    assert headers[3:] == [r.unit for r in cr.ranking()]
    rows = list(ws.iter_rows(min_row=h + 1, max_row=h + len(rs.indicators), values_only=True))
    assert [r[0] for r in rows] == [i.key for i in rs.indicators]
    assert [r[1] for r in rows] == [i.name for i in rs.indicators]
    first = cr.ranking()[0]
    for r in rows:
        ir = first.indicators[r[0]]
        assert r[2] == pytest.approx(float(ir.max_points))
        assert r[3] == (None if ir.points is None else pytest.approx(float(ir.points)))
    assert ws.freeze_panes == f"C{h + 1}"  # header row, indicator key and name

    ws = wb["Lý do mất điểm"]
    h = _header_row(ws, "Hạng")
    headers = [c.value for c in ws[h]]
    assert headers == ["Hạng", "Đơn vị", "Chỉ số", "Tên chỉ số", "Điểm", "Tối đa", "Điểm bị mất", "Lý do mất điểm"]
    rows = [r for r in ws.iter_rows(min_row=h + 1, values_only=True) if r[1]]
    lost_expected = sum(1 for res in cr.results for ir in res.indicators.values()
                        if ir.status == "error" or (ir.exact is not None and ir.exact < ir.max_points))
    assert len(rows) == lost_expected
    one_three = next(r for r in rows if r[1] == "Huyện Ninh Hải" and r[2] == "1.3")
    res = cr.unit("Huyện Ninh Hải").indicators["1.3"]
    assert one_three[6] == pytest.approx(float(res.max_points - res.exact), abs=0.006)
    assert one_three[7].startswith("Mất ") and "tỷ lệ" in one_three[7]


def test_report_lists_a_formula_that_cannot_be_scored(tmp_path):
    # the decision as signed: 6.10 names `Tỷ lệ 1`, so it is listed as not scored, with the reason
    rs = cdsdsl.load_ruleset(uncorrected(NINH_THUAN, tmp_path))
    units, _ = cdsdsl.read_units(example(NINH_THUAN), rs)
    path = tmp_path / "bao-cao.xlsx"
    reports.write_report_xlsx(cdsdsl.score_cohort(rs, units), path, "vi")
    ws = openpyxl.load_workbook(path)["Lý do mất điểm"]
    h = _header_row(ws, "Hạng")
    rows = [r for r in ws.iter_rows(min_row=h + 1, values_only=True) if r[1]]
    not_scored = next(r for r in rows if r[2] == "6.10")
    assert not_scored[4] is None and "công thức còn lỗi" in not_scored[7]


def test_cli_rank_xlsx(tmp_path):
    out = tmp_path / "bao-cao.xlsx"
    r = cds("rank", rel(NINH_THUAN), rel(example(NINH_THUAN)), "--format", "xlsx", "-o", out)
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "" and f"đã ghi báo cáo {out}" in r.stderr
    wb = openpyxl.load_workbook(out)
    # huyện Ninh Thuận 2023 declares general information: its sheet comes after the tables, then the charts
    assert wb.sheetnames == ["Xếp hạng", "Điểm theo chỉ số", "Lý do mất điểm", "Thông tin chung", "Biểu đồ"]
    # the row count of the data file is in the workbook too: no row dropped without a word
    texts = [c.value for row in wb["Xếp hạng"].iter_rows(max_row=6) for c in row if isinstance(c.value, str)]
    assert "Số liệu cohort.csv: đọc 8 dòng, chấm 8 đơn vị, 0 dòng bị từ chối" in texts


def test_cli_score_xlsx_english_headers(tmp_path):
    out = tmp_path / "report.xlsx"
    r = cds("score", "rulesets/tinh-2021.cds", "examples/tinh-2021/cohort.csv", "--format", "xlsx", "-o", out,
            "--lang", "en")
    assert r.exit_code == 0, r.stderr
    wb = openpyxl.load_workbook(out)
    ws = wb["Xếp hạng"]
    h = _header_row(ws, "Rank")
    assert [c.value for c in ws[h]][:4] == ["Rank", "Unit", "Total", "Max"]
