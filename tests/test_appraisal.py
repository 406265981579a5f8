"""Self-assessed and appraised scores (issue #16 item 3): two values per input, evidence per indicator, both
scores with the difference and why, units ranked by the appraised score — on huyện Ninh Thuận 2023."""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import cdsdsl
from cdsdsl.cli import main
from cdsdsl.dataentry.appraisal import column_role, read_assessment

REPO = Path(__file__).resolve().parents[1]
HUYEN = REPO / "rulesets" / "huyen-ninh-thuan-2023.cds"
DATA = REPO / "examples" / "huyen-ninh-thuan-2023" / "cohort.csv"

# the council's values (thẩm định) and the evidence, for two units of the example cohort
APPRAISED = {
    "Huyện Ninh Hải": {"1.1:lựa chọn": "Chưa có Ban chỉ đạo hoặc có nhưng Trưởng ban không phải Lãnh đạo cấp Huyện",
                       "3.3:a": "9000"},
    "Huyện Bác Ái": {"Thông tin chung:Số hộ gia đình": "8000"},
}
EVIDENCE = {"Huyện Ninh Hải": "Báo cáo số 125/BC-VHTT ngày 10/10/2023", "Huyện Bác Ái": "https://ninhthuan.gov.vn/bc-12"}


def _with_appraisal(tmp_path: Path, header_word: str = "(thẩm định)") -> Path:
    rows = list(csv.reader(io.StringIO(DATA.read_text(encoding="utf-8"))))
    head = next(i for i, r in enumerate(rows) if r and r[0] == "Đơn vị")
    extra = ["1.1:lựa chọn", "3.3:a", "Thông tin chung:Số hộ gia đình"]
    rows[head] = rows[head] + [f"{c} {header_word}" for c in extra] + ["3.3:tài liệu kiểm chứng"]
    for r in rows[head + 1:]:
        given = APPRAISED.get(r[0], {})
        r += [given.get(c, "") for c in extra] + [EVIDENCE.get(r[0], "")]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows[head:])
    p = tmp_path / "tham-dinh.csv"
    p.write_text(out.getvalue(), encoding="utf-8")
    return p


@pytest.mark.parametrize("header, expected", [
    ("1.3:a (thẩm định)", ("1.3:a", "appraised")), ("1.3:a [Thẩm định]", ("1.3:a", "appraised")),
    ("1.3:a - thẩm định", ("1.3:a", "appraised")), ("1.3:a (TĐ)", ("1.3:a", "appraised")),
    ("1.3:a (tự đánh giá)", ("1.3:a", "self")), ("1.3:a", ("1.3:a", "self")),
    ("1.3:tài liệu kiểm chứng", ("1.3", "evidence")), ("1.3:TLKC", ("1.3", "evidence")),
    ("1.3 minh chứng", ("1.3", "evidence")),
])
def test_the_column_says_whose_value_it_holds(header, expected):
    assert column_role(header) == expected


def test_both_values_are_read_at_their_cells(tmp_path):
    a = read_assessment(_with_appraisal(tmp_path), cdsdsl.load_ruleset(HUYEN))
    assert a.diagnostics == [] and a.appraised_units is not None
    own = {u.name: u for u in a.self_units}
    council = {u.name: u for u in a.appraised_units}
    assert own["Huyện Ninh Hải"].get("3.3", "a").raw == "21969"
    v = council["Huyện Ninh Hải"].get("3.3", "a")
    assert v.raw == "9000" and v.where.startswith("tham-dinh.csv:4:")
    # an input the council left empty keeps the unit's own value; a fact appraised fills every input it fills
    assert council["Huyện Ninh Hải"].get("3.3", "b").raw == "24359"
    assert council["Huyện Bác Ái"].get("3.2", "b").raw == council["Huyện Bác Ái"].get("8.4", "b").raw == "8000"
    assert a.evidence["Huyện Bác Ái"]["3.3"][0] == "https://ninhthuan.gov.vn/bc-12"


def test_reports_show_both_scores_the_difference_and_why(tmp_path):
    data = _with_appraisal(tmp_path)
    r = CliRunner().invoke(main, ["rank", str(HUYEN), str(data), "--format", "json"])
    payload = json.loads(r.stdout)
    units = {u["unit"]: u for u in payload["self_assessed"]["units"]}
    hai = units["Huyện Ninh Hải"]
    assert hai["self"] == "646.16"
    # 1.1: Điểm tối đa 10 → 0 điểm; 3.3: 21969/24359 = 90,19% ≥ 80% → 10, appraised 9000/24359 = 36,95% → 3,69
    rows = {(x["unit"], x["indicator"]): x for x in payload["self_assessed"]["indicators"]}
    assert (rows[("Huyện Ninh Hải", "1.1")]["self"], rows[("Huyện Ninh Hải", "1.1")]["appraised"]) == ("10.00", "0.00")
    i33 = rows[("Huyện Ninh Hải", "3.3")]
    assert (i33["self"], i33["appraised"], i33["difference"]) == ("10.00", "3.69", "-6.31")
    assert i33["why"].startswith("a: 21969 → 9000 (tham-dinh.csv:4:")
    assert i33["evidence"].startswith("Báo cáo số 125/BC-VHTT ngày 10/10/2023 (tham-dinh.csv:4:")
    # section 1 loses 10, section 3 6,31; the total difference is that of the printed totals
    assert hai["section:1"] == "-10.00" and hai["section:3"] == "-6.31"
    assert Decimal(hai["appraised"]) - Decimal(hai["self"]) == Decimal(hai["difference"])
    # Bác Ái: 8974 households appraised as 8000 changes 3.2, 3.3 and 8.4 (the fact), with the reason
    assert rows[("Huyện Bác Ái", "3.3")]["why"].startswith("b: 8974 → 8000")
    # ranked by the appraised score: Ninh Hải (646,16 − 16,31 ≈ 629,85) is still first, above Ninh Sơn 622,40
    ranking = [u["unit"] for u in payload["ranking"]]
    assert payload["ranking"][0]["total"] == hai["appraised"] and ranking[:2] == ["Huyện Ninh Hải", "Huyện Ninh Sơn"]


def test_the_ranking_follows_the_appraised_score(tmp_path):
    p = _with_appraisal(tmp_path)
    text = p.read_text(encoding="utf-8").replace(",9000,", ",1000,")  # Ninh Hải's 3.3 appraised far lower
    p.write_text(text, encoding="utf-8")
    a = read_assessment(p, cdsdsl.load_ruleset(HUYEN))
    own = cdsdsl.score_cohort(cdsdsl.load_ruleset(HUYEN), a.self_units)
    council = cdsdsl.score_cohort(cdsdsl.load_ruleset(HUYEN), a.appraised_units)
    assert own.ranking()[0].unit == "Huyện Ninh Hải"
    # 3.3 appraised 1000/24359 = 4,11% → 0,41: 646,16 − 10 − 9,59 = 626,57 (± rounding) — still above 622,40
    hai = council.unit("Huyện Ninh Hải")
    assert hai.indicators["3.3"].points == Decimal("0.41") and hai.rank == 1
    r = CliRunner().invoke(main, ["rank", str(HUYEN), str(p)])
    assert "Tự đánh giá và thẩm định: xếp hạng theo điểm thẩm định" in r.stdout


def test_the_workbook_has_the_comparison_sheets(tmp_path):
    out = tmp_path / "bao-cao.xlsx"
    r = CliRunner().invoke(main, ["rank", str(HUYEN), str(_with_appraisal(tmp_path)), "-o", str(out), "--lang", "en"])
    assert r.exit_code == 0, r.output
    wb = load_workbook(out)
    assert wb.sheetnames[-2:] == ["Tự đánh giá - thẩm định", "Chênh lệch theo chỉ số"]
    head = [c.value for c in next(wb["Tự đánh giá - thẩm định"].iter_rows())]
    assert head[:5] == ["Rank", "Unit", "Self-assessed", "Appraised", "Difference"]


def test_a_file_with_one_value_per_input_reads_and_reports_as_before(tmp_path):
    a = read_assessment(DATA, cdsdsl.load_ruleset(HUYEN))
    assert a.appraised_units is None and a.units is a.self_units and a.evidence == {}
    r = CliRunner().invoke(main, ["rank", str(HUYEN), str(DATA), "--format", "json"])
    assert "self_assessed" not in json.loads(r.stdout)
    # only evidence, no appraisal column: one score, evidence read, no error
    p = tmp_path / "tlkc.csv"
    rows = list(csv.reader(io.StringIO(DATA.read_text(encoding="utf-8"))))
    head = next(i for i, r in enumerate(rows) if r and r[0] == "Đơn vị")
    rows[head].append("1.1:TLKC")
    for r in rows[head + 1:]:
        r.append("QĐ 15/QĐ-UBND")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows[head:])
    p.write_text(out.getvalue(), encoding="utf-8")
    a = read_assessment(p, cdsdsl.load_ruleset(HUYEN))
    assert a.diagnostics == [] and a.appraised_units is None and a.evidence["Huyện Bác Ái"]["1.1"][0] == "QĐ 15/QĐ-UBND"


def test_an_appraisal_column_of_an_unknown_input_is_located(tmp_path):
    p = tmp_path / "sai.csv"
    p.write_text("Đơn vị,1.3:a,1.3:z (thẩm định),9.9:TLKC\nHuyện A,4,5,x\n", encoding="utf-8")
    a = read_assessment(p, cdsdsl.load_ruleset(HUYEN))
    codes = {(d.code, d.arguments["where"]) for d in a.diagnostics}
    assert ("CDS803", "sai.csv:1:C") in codes and ("CDS802", "sai.csv:1:D") in codes


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_appraisal_template_filled_reads_back_both_values(tmp_path, suffix):
    from cdsdsl.dataentry.forms import write_template

    rs = cdsdsl.load_ruleset(HUYEN)
    out = tmp_path / f"mau{suffix}"
    assert write_template(rs, out, appraisal=True) == []
    values = {"1.3:a": "9", "1.3:b": "12", "1.3:a (thẩm định)": "6", "1.3:tài liệu kiểm chứng": "QĐ 7/QĐ-UBND"}
    if suffix == ".csv":
        rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
        header = next(r for r in rows if r and r[0] == "Đơn vị")
        row = ["Huyện A"] + [""] * (len(header) - 1)
        for k, v in values.items():
            row[header.index(k)] = v
        rows.append(row)
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        out.write_text(buf.getvalue(), encoding="utf-8")
    else:
        wb = load_workbook(out)
        ws = wb["Dữ liệu"]
        header = [c.value for c in ws[1]]
        ws.cell(3, 1, "Huyện A")
        for k, v in values.items():
            ws.cell(3, header.index(k) + 1, v)
        # the Mẫu sheet a unit copies asks one value per input, as before
        assert not any("thẩm định" in str(c.value or "") for row in wb["Mẫu"].iter_rows() for c in row)
        wb.save(out)
    a = read_assessment(out, rs)
    assert [d for d in a.diagnostics if d.severity.value == "error"] == []
    own = cdsdsl.score_cohort(rs, a.self_units).unit("Huyện A")
    council = cdsdsl.score_cohort(rs, a.appraised_units).unit("Huyện A")
    # 1.3: 9/12 = 75% × 10 = 7,50 self-assessed; appraised 6/12 = 50% × 10 = 5,00
    assert (own.indicators["1.3"].points, council.indicators["1.3"].points) == (Decimal("7.50"), Decimal("5.00"))
    assert a.evidence["Huyện A"]["1.3"][0] == "QĐ 7/QĐ-UBND"


def test_cds_template_tham_dinh_flag():
    r = CliRunner().invoke(main, ["template", str(HUYEN), "--tham-dinh"])
    header = next(row for row in csv.reader(io.StringIO(r.stdout)) if row and row[0] == "Đơn vị")
    assert header[1:4] == ["1.1:lựa chọn", "1.1:lựa chọn (thẩm định)", "1.1:tài liệu kiểm chứng"]
    assert "Thông tin chung:Dân số (thẩm định)" in header


def test_report_sheets_print_on_a4_landscape_with_the_header_on_every_page(tmp_path):
    out = tmp_path / "bao-cao.xlsx"
    assert CliRunner().invoke(main, ["rank", str(HUYEN), str(DATA), "-o", str(out)]).exit_code == 0
    wb = load_workbook(out)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9"  # 9: A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.print_title_rows and ws.freeze_panes is not None
    # the ranking's header is below the title lines: that row repeats on every printed page
    assert wb["Xếp hạng"].print_title_rows == "$5:$5" and wb["Xếp hạng"]["A5"].value == "Hạng"


def test_the_form_prints_on_a4_landscape(tmp_path):
    from cdsdsl.dataentry.forms import write_template

    out = tmp_path / "mau.xlsx"
    write_template(cdsdsl.load_ruleset(HUYEN), out)
    wb = load_workbook(out)
    assert wb["Mẫu"].print_title_rows == "$5:$5" and wb["Dữ liệu"].print_title_rows == "$1:$1"
    assert all(wb[n].page_setup.orientation == "landscape" for n in ("Mẫu", "Dữ liệu"))
