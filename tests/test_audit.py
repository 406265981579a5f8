"""`cds audit`: reading published results tables and finding their inconsistencies."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from cdsdsl.cli import main
from cdsdsl.diagnostics.core import DataError, Severity
from cdsdsl.diagnostics.render import render_diagnostics
from cdsdsl.verify.audit import audit_file, audit_table, extract_figures, has_errors
from cdsdsl.verify.results_table import parse_number, read_table, read_table_text

REPO = Path(__file__).resolve().parents[1]
DECISIONS = REPO / "rulesets" / "sources"
DAK_LAK = DECISIONS / "dak-lak-ket-qua-2021.txt"


HEADER = "STT\tChỉ số đánh giá\tĐiểm tối đa\tĐiểm đạt được\tLý do mất điểm"


def table(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def findings(text: str, **kw) -> set[tuple[str, str | None]]:
    return {(d.code, d.item) for d in audit_table(read_table_text(text, "t.txt"), **kw)}


# ---------------------------------------------------------------------------
# the real Đắk Lắk 2021 table
# ---------------------------------------------------------------------------
def test_dak_lak_exact_findings():
    diags = audit_file(DAK_LAK)
    got = [(d.code, d.item, d.position[0] if d.position else None) for d in diags]
    assert got == [
        ("CDS706", "5", 64),      # section 5: 54 stated, indicators add up to 55,47
        ("CDS703", "5.10", 80),   # 8 points of a maximum of 5
        ("CDS706", "6", 89),      # section 6: 78,47 stated, indicators add up to 78,544
        ("CDS711", "6.2", 114),   # 6.2 twice (lines 91 and 114)
        ("CDS712", "6.2", 114),   # … the second being 6.20 garbled by a spreadsheet
    ]
    by = {(d.code, d.item): d.arguments for d in diags}
    assert (by[("CDS706", "5")]["stated"], by[("CDS706", "5")]["computed"],
            by[("CDS706", "5")]["difference"]) == ("54", "55,47", "1,47")
    assert (by[("CDS706", "6")]["stated"], by[("CDS706", "6")]["computed"],
            by[("CDS706", "6")]["difference"]) == ("78,47", "78,544", "0,074")
    assert (by[("CDS703", "5.10")]["achieved"], by[("CDS703", "5.10")]["max"],
            by[("CDS703", "5.10")]["cell"]) == ("8", "5", "D80")
    assert by[("CDS711", "6.2")]["first_line"] == 91
    assert by[("CDS712", "6.2")]["intended"] == "6.20"
    assert (by[("CDS712", "6.2")]["previous"], by[("CDS712", "6.2")]["next"]) == ("6.19", "6.21")
    assert [d.severity for d in diags].count(Severity.ERROR) == 4


def test_dak_lak_rendered_with_caret_under_the_number():
    diags = audit_file(DAK_LAK)
    text = render_diagnostics(diags)
    assert "lỗi[CDS703]: chỉ số 5.10 đạt 8 điểm, lớn hơn điểm tối đa 5 (ô D80)" in text
    assert "dak-lak-ket-qua-2021.txt › chỉ số 5.10:80:59" in text
    lines = text.splitlines()
    i = lines.index(next(l for l in lines if l.startswith("80 │")))
    src, carets = lines[i], lines[i + 1]
    col = carets.index("^")
    assert src[col] == "8" and carets.count("^") == 1
    # the section's stated number, inside <i> tags for section 6
    j = lines.index(next(l for l in lines if l.startswith("89 │")))
    c = lines[j + 1].index("^")
    assert lines[j][c:c + 5] == "78,47" and lines[j + 1].count("^") == 5


def test_dak_lak_rows_read():
    t = read_table(DAK_LAK)
    by = {}
    for r in t.rows:
        by.setdefault(r.id, []).append(r)
    assert len(t.rows) == 9 + 98 + 6  # 9 sections, 98 indicators, 6 sub-indicators (5.12.x)
    assert len(t.sections) == 9 and t.total is None
    assert by["3"][0].achieved == Decimal("41.6") and by["6"][0].name == "Hoạt động chính quyền số"
    assert by["6.11"][0].achieved == Decimal("8.174") and by["8.4"][0].cells["achieved"].decimals == 1
    # rows continued after a page break (empty STT) are joined
    assert by["4.10"][0].name.endswith("được bồi dưỡng, tập huấn kỹ năng số")
    assert by["5.9"][0].reason.endswith("số người tham dự")
    assert "656/1669" in by["7.4"][0].reason
    assert by["6.16"][0].continued_on == [110]
    # the garbled id
    assert [r.line for r in by["6.2"]] == [91, 114]
    assert by["6.2"][1].intended_id == "6.20" and by["6.2"][0].intended_id is None
    # 9.x: maximum 0, nothing achieved — not an error
    assert by["9.1"][0].max == 0 and by["9.1"][0].achieved is None
    assert [c.id for c in t.children(by["5.12"][0])] == [f"5.12.{i}" for i in range(1, 7)]
    assert t.precision("achieved") == 2


# ---------------------------------------------------------------------------
# each check, with a near-identical table that does not trigger it
# ---------------------------------------------------------------------------
def test_above_maximum():
    bad = table("1\tA\t10\t8", "1.1\tx\t5\t8", "1.2\tx\t5\t0")
    ok = table("1\tA\t10\t5", "1.1\tx\t5\t5", "1.2\tx\t5\t0")
    assert findings(bad) == {("CDS703", "1.1")}
    assert findings(ok) == set()


def test_negative_points():
    assert findings(table("1\tA\t10\t-2", "1.1\tx\t5\t-2", "1.2\tx\t5\t0")) == {("CDS704", "1"), ("CDS704", "1.1")}
    assert findings(table("1\tA\t10\t2", "1.1\tx\t5\t2", "1.2\tx\t5\t0")) == set()


def test_section_maximum_mismatch():
    d = audit_table(read_table_text(table("1\tA\t100\t10", "1.1\tx\t50\t5", "1.2\tx\t40\t5"), "t.txt"))
    assert [(x.code, x.item) for x in d] == [("CDS705", "1")]
    assert (d[0].arguments["stated"], d[0].arguments["computed"], d[0].arguments["difference"]) == ("100", "90", "10")
    assert d[0].message("en") == ("section 1 states a maximum of 100 but its indicators 1.1–1.2 add up to 90 "
                                  "(off by 10)")
    assert findings(table("1\tA\t90\t10", "1.1\tx\t50\t5", "1.2\tx\t40\t5")) == set()


def test_section_points_mismatch_and_exact_decimals():
    assert findings(table("1\tA\t20\t6,5", "1.1\tx\t10\t6,8", "1.2\tx\t10\t0")) == {("CDS706", "1")}
    # 0,1 + 0,2 is exactly 0,3: no binary-float surprise
    assert findings(table("1\tA\t20\t0,3", "1.1\tx\t10\t0,1", "1.2\tx\t10\t0,2")) == set()


def test_section_sum_at_the_tables_precision():
    # three thirds shown as 0,33: the total 1 is what the exact values give — rounding, not an error
    assert findings(table("1\tA\t3\t1", "1.1\tx\t1\t0,33", "1.2\tx\t1\t0,33", "1.3\tx\t1\t0,33")) == set()
    # a part with three decimals, the total with two or one: 9,604 shown as 9,60 or 9,6 is consistent …
    parts = ("1.1\tx\t10\t8,174", "1.2\tx\t10\t1,25", "1.3\tx\t10\t0,18")
    assert findings(table("1\tA\t30\t9,60", *parts)) == set()
    assert findings(table("1\tA\t30\t9,6", *parts)) == set()
    # … 9,67 is not (as Đắk Lắk's section 6: 78,47 for 78,544)
    assert findings(table("1\tA\t30\t9,67", *parts)) == {("CDS706", "1")}
    # whole parts are exact: 1 point off is never rounding
    assert findings(table("1\tA\t20\t11", "1.1\tx\t10\t5", "1.2\tx\t10\t5")) == {("CDS706", "1")}


def test_total_row():
    rows = ("1\tA\t10\t5", "1.1\tx\t10\t5", "2\tB\t10\t4", "2.1\tx\t10\t4")
    assert findings(table(*rows, "\tTổng cộng\t20\t10")) == {("CDS708", None)}
    assert findings(table(*rows, "\tTổng cộng\t30\t9")) == {("CDS707", None)}
    assert findings(table(*rows, "\tTổng cộng\t20\t9")) == set()
    t = read_table_text(table(*rows, "\tTổng cộng\t20\t9"), "t.txt")
    assert t.total is not None and t.total.achieved == 9 and len(t.sections) == 2


def test_parent_and_children():
    rows = ("5\tATTT\t15\t6,8", "5.12\tTổng kinh phí\t15\t6,8")
    good = ("5.12.1\tx\t5\t5", "5.12.2\tx\t10\t1,8")
    assert findings(table(*rows, *good)) == set()
    assert findings(table(*rows, "5.12.1\tx\t5\t5", "5.12.2\tx\t10\t1,2")) == {("CDS710", "5.12")}
    assert findings(table(*rows, "5.12.1\tx\t5\t5", "5.12.2\tx\t5\t1,8")) == {("CDS709", "5.12")}


def test_duplicate_id_is_not_a_garbled_id():
    assert findings(table("1\tA\t20\t0", "1.1\tx\t10\t0", "1.1\ty\t10\t0")) == {("CDS711", "1.1")}
    assert findings(table("1\tA\t20\t0", "1.1\tx\t10\t0", "1.2\ty\t10\t0")) == set()


def test_garbled_id():
    items = [f"2.{i}\tx\t1\t0" for i in range(1, 10)]
    bad = table("2\tA\t11\t0", *items, "2.1\ty\t1\t0", "2.11\tz\t1\t0")
    d = audit_table(read_table_text(bad, "t.txt"))
    assert {(x.code, x.item) for x in d} == {("CDS711", "2.1"), ("CDS712", "2.1")}
    g = next(x for x in d if x.code == "CDS712")
    assert g.arguments["intended"] == "2.10" and g.severity is Severity.WARNING
    assert "probably 2.10, turned into the number 2.1 by a spreadsheet" in g.message("en")
    # a real 2.10: nothing
    assert findings(table("2\tA\t11\t0", *items, "2.10\ty\t1\t0", "2.11\tz\t1\t0")) == set()
    # a table that starts at 2.9: garbled, but no duplicate
    assert findings(table("2.9\tx\t1\t0", "2.1\ty\t1\t0", "2.11\tz\t1\t0")) == {("CDS712", "2.1")}
    # 6.19, 6.2, 6.3: the next id does not go on after 6.20, so 6.2 is a plain repeat
    rows = [f"6.{i}\tx\t1\t0" for i in range(1, 20)]
    assert findings(table(*rows, "6.2\ty\t1\t0", "6.3\tz\t1\t0")) == {("CDS711", "6.2"), ("CDS711", "6.3")}


def test_unparseable_number_names_the_cell_and_does_not_cascade():
    d = audit_table(read_table_text(table("1\tA\t20\t6,8", "1.1\tx\t10\t6,8,1", "1.2\tx\t10\t0"), "t.txt"))
    assert [(x.code, x.item, x.arguments["cell"], x.arguments["text"]) for x in d] == [
        ("CDS702", "1.1", "D3", "6,8,1")]
    assert findings(table("1\tA\t20\t6,8", "1.1\tx\t10\t6,8", "1.2\tx\t10\t0")) == set()
    assert findings(table("1\tA\t20\t6,8", "1.1\tx\tmười\t6,8", "1.2\tx\t10\t0")) == {("CDS702", "1.1")}


def test_zero_maximum_and_empty_points_are_fine():
    assert findings(table("9\t<i>Đô thị thông minh</i>\t0\t", "9.1\tx\t0\t", "9.2\ty\t0\t")) == set()
    assert findings(table("9\tĐô thị\t0\t-", "9.1\tx\t0\t–")) == set()


# ---------------------------------------------------------------------------
# reading: headers, debris, tags, decimal commas, formats
# ---------------------------------------------------------------------------
def test_lenient_headers_page_debris_and_tags():
    import unicodedata

    header = unicodedata.normalize("NFD", "stt\tTên chỉ số\tĐIỂM TỐI ĐA\tĐiểm\tLý do")
    text = "\n".join([
        "Phụ lục", "BẢNG KẾT QUẢ", "", header,
        "1\t<i>Nhận thức số</i>\t<i>20</i>\t<b>12,5</b>\t",
        "1.1\tA &amp; B\t10\t7,5\tThiếu",
        "", "- 2 -", header,
        "\tcòn tiếp\t\t\tvăn bản",
        "1.2\tC\t10\t5\t",
    ])
    t = read_table_text(text, "t.txt")
    assert [r.id for r in t.rows] == ["1", "1.1", "1.2"]
    assert t.rows[0].name == "Nhận thức số" and t.rows[0].achieved == Decimal("12.5")
    assert t.rows[1].name == "A & B còn tiếp" and t.rows[1].reason == "Thiếu văn bản"
    assert audit_table(t) == []


def test_parse_number():
    assert parse_number("41,6") == (Decimal("41.6"), 1)
    assert parse_number("8.174") == (Decimal("8.174"), 3)
    assert parse_number("5,0") == (Decimal("5.0"), 1)
    assert parse_number("1.000,5") == (Decimal("1000.5"), 1)
    assert parse_number(" ") is None and parse_number("-") is None
    for bad in ("6,8,1", "abc", "1/2", "80%"):
        with pytest.raises(ValueError):
            parse_number(bad)


@given(st.decimals(min_value=0, max_value=1000, places=3, allow_nan=False, allow_infinity=False))
def test_parse_number_roundtrip_decimal_comma(value):
    text = format(value, "f").replace(".", ",")
    assert parse_number(text)[0] == value


def test_csv_semicolon_and_quoted_decimal_commas(tmp_path):
    p = tmp_path / "kq.csv"
    p.write_text('STT;Chỉ số;Điểm tối đa;Điểm đạt được;Lý do mất điểm\n'
                 '1;Nhận thức;10;8,5;\n1.1;"A; B";5;5,5;"dòng\nhai"\n1.2;C;5;3;\n', encoding="utf-8")
    t = read_table(p)
    assert [r.id for r in t.rows] == ["1", "1.1", "1.2"] and t.rows[1].name == "A; B"
    d = audit_file(p)
    assert {(x.code, x.item) for x in d} == {("CDS703", "1.1")}
    assert d[0].position == (3, len('1.1;"A; B";5;') + 1)  # points at 5,5 on line 3
    p2 = tmp_path / "kq2.csv"
    p2.write_text('STT,Chỉ số,Điểm tối đa,Điểm đạt được\n1,A,10,"8,5"\n1.1,x,10,"8,5"\n', encoding="utf-8")
    assert audit_file(p2) == []


def test_xlsx(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["Phụ lục"])
    ws.append([])
    ws.append(["STT", "Chỉ số đánh giá", "Điểm tối đa", "Điểm đạt được", "Lý do mất điểm"])
    ws.append(["5", "An toàn thông tin mạng", 20, 11.5])
    ws.append(["5.1", "Số lượng hệ thống", 10, 1.5, None])                      # row 5
    for i in range(2, 10):
        ws.append([f"5.{i}", "z", 0, None])                                     # rows 6-13
    ws.append([5.1, "x", 5, 8])       # row 14: a number cell, 5.10 turned into 5.1; and 8 > 5
    ws.append(["5.11", "y", 5, 2])                                             # row 15
    p = tmp_path / "kq.xlsx"
    wb.save(p)
    t = read_table(p)
    assert t.sheet == "Sheet1" and [r.line for r in t.rows] == list(range(4, 16))
    assert t.rows[1].achieved == Decimal("1.5") and t.rows[-2].intended_id == "5.10"
    d = audit_file(p)
    got = {(x.code, x.item, x.arguments.get("cell")) for x in d}
    assert got == {("CDS703", "5.1", "Sheet1!D14"), ("CDS711", "5.1", None), ("CDS712", "5.1", None)}
    assert all(x.position is not None and x.position[0] == 14 and x.source.name == "kq.xlsx!Sheet1"
               for x in d)
    text = render_diagnostics(d, lang="en")
    assert "(cell Sheet1!D14)" in text and "kq.xlsx!Sheet1 › indicator 5.1:14:" in text
    # a text cell where a number belongs, and a sheet name with a space
    ws.title = "Kết quả 2021"
    ws["D15"] = "abc"
    wb.save(p)
    d = audit_file(p)
    assert ("CDS702", "5.11", "'Kết quả 2021'!D15") in {(x.code, x.item, x.arguments.get("cell")) for x in d}


def test_unreadable_inputs(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("không phải bảng\n1\t2\t3\n", encoding="utf-8")
    with pytest.raises(DataError) as e:
        audit_file(p)
    assert e.value.code == "CDS701"
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DataError) as e:
        audit_file(bad)
    assert e.value.code == "CDS700"
    latin = tmp_path / "l.txt"
    latin.write_bytes("STT\tĐiểm tối đa".encode("cp1258", errors="replace") + b"\xff\xfe")
    with pytest.raises(DataError):
        audit_file(latin)


# ---------------------------------------------------------------------------
# raw figures and recomputation with a ruleset
# ---------------------------------------------------------------------------
def test_extract_figures():
    assert extract_figures("... trên địa bàn: 656/1669 (Tỷ lệ >10% điểm tối đa)") == [656, 1669]
    assert extract_figures("Số doanh nghiệp nền tảng số trên địa bàn: 77 (Vụ QLDN cung cấp); "
                           "Số lượng DN: 8333") == [77, 8333]
    assert extract_figures("- Tổng số dịch vụ ... của tỉnh là : 4 - Tổng số dịch vụ dữ liệu có trên NDXP: 10") == [4, 10]
    assert extract_figures("... đã được xử lý, loại bỏ mã độc: 7; ... trong danh sách blacklist: 21") == [7, 21]
    assert extract_figures("đã xử lý 7/21 địa chỉ") == [7, 21]
    assert extract_figures("Số lượng DN: 8.333; đạt: 1.234,5") == [8333, Decimal("1234.5")]
    # not figures: dates, document numbers, fractions of the maximum, a lone number, percentages
    assert extract_figures("Công văn số 2606/BTTTT-THH-ATTT ngày 15/7/2020") is None
    assert extract_figures("Theo Quyết định số 3331/QĐ-UBND") is None
    assert extract_figures("được 1/2 Điểm tối đa") is None
    assert extract_figures("Năm 2021 có 09 văn bản") is None
    assert extract_figures("Tỷ lệ: 80%; số: 5") is None
    assert extract_figures("") is None


class FakeIndicator:
    def __init__(self, max_points, formula):
        self.max_points, self.effective_formula = max_points, formula


class FakeRuleset:
    def __init__(self, **inds):
        self.inds = {k.replace("_", "."): v for k, v in inds.items()}

    def indicator(self, id):
        return self.inds[id]


def fake_evaluate(text, max_points, inputs):
    """`Tỷ lệ/10%*Điểm tối đa` capped at the maximum, `Tỷ lệ*Điểm tối đa` otherwise."""
    rate = Decimal(inputs["a"]) / Decimal(inputs["b"])
    if "10%" in text:
        return min(Decimal(max_points), rate / Decimal("0.1") * Decimal(max_points))
    return rate * Decimal(max_points)


RECOMPUTE = table(
    "7\tKinh tế số\t40\t24,92",
    "7.3\tDN nền tảng số\t10\t0,92\tSố doanh nghiệp nền tảng số trên địa bàn: 77 (Vụ QLDN cung cấp); Số lượng DN: 8333",
    "7.4\tSMEdx\t20\t20\tSố lượng doanh nghiệp tham gia SMEdx: 656/1669",
    "7.5\tTỷ lệ\t10\t4\t- Tổng số đã dùng là : 4 - Tổng số: 10",
)


def test_recompute_with_ruleset_agrees():
    rs = FakeRuleset(**{"7_3": FakeIndicator(10, "Tỷ lệ/10%*Điểm tối đa"),
                        "7_4": FakeIndicator(20, "Tỷ lệ/10%*Điểm tối đa"),
                        "7_5": FakeIndicator(10, "Điểm = Tỷ lệ*Điểm tối đa")})
    assert audit_table(read_table_text(RECOMPUTE, "t.txt"), rs, evaluate=fake_evaluate) == []


def test_recompute_with_ruleset_disagrees_and_maxima():
    text = RECOMPUTE.replace("\t0,92\t", "\t0,5\t").replace("7\tKinh tế số\t40\t24,92", "7\tKinh tế số\t40\t24,5")
    rs = FakeRuleset(**{"7_3": FakeIndicator(10, "Tỷ lệ/10%*Điểm tối đa"),
                        "7_4": FakeIndicator(15, "Tỷ lệ/10%*Điểm tối đa"),
                        "7_5": FakeIndicator(10, "Điểm = Tỷ lệ*Điểm tối đa")})
    d = audit_table(read_table_text(text, "t.txt"), rs, evaluate=fake_evaluate)
    assert [(x.code, x.item) for x in d] == [("CDS714", "7.3"), ("CDS713", "7.4")]
    assert d[0].arguments["computed"] == "0,924" and d[0].arguments["figures"] == "a = 77, b = 8333"
    assert d[0].severity is Severity.WARNING and d[1].severity is Severity.ERROR
    assert d[1].arguments == {"id": "7.4", "stated": "20", "expected": "15"}


def test_recompute_tries_the_other_order_of_figures():
    # the formula writes Tỷ lệ = b/a: the reason's order (used, total) is then the other way round
    rs = FakeRuleset(**{"7_5": FakeIndicator(10, "Tỷ lệ = b/a")})

    def b_over_a(text, max_points, inputs):
        return Decimal(inputs["b"]) / Decimal(inputs["a"]) * Decimal(max_points)

    t = read_table_text(table("7.5\tTỷ lệ\t10\t4\t- Tổng số đã dùng là : 4 - Tổng số: 10"), "t.txt")
    assert audit_table(t, rs, evaluate=b_over_a) == []


def test_recompute_skips_formulas_that_need_more_than_a_and_b():
    def needs_c(text, max_points, inputs):
        from cdsdsl.diagnostics.core import Diagnostic, ScoreError

        raise ScoreError(Diagnostic.make("CDS600", key="c"))

    rs = FakeRuleset(**{"7_3": FakeIndicator(10, "x")})
    t = read_table_text(table("7.3\tx\t10\t0,5\tSố: 77; DN: 8333"), "t.txt")
    assert audit_table(t, rs, evaluate=needs_c) == []


def test_real_evaluator_when_available():
    rs = FakeRuleset(**{"7_4": FakeIndicator(20, "Tỷ lệ = a/b\n- Tỷ lệ >= 10%: Điểm tối đa\n"
                                                 "- Tỷ lệ < 10%: Điểm = Tỷ lệ/10%*Điểm tối đa")})
    t = read_table_text(table("7.4\tSMEdx\t20\t20\tSố lượng doanh nghiệp tham gia SMEdx: 656/1669"), "t.txt")
    assert audit_table(t, rs) == []


# ---------------------------------------------------------------------------
# the command
# ---------------------------------------------------------------------------
def test_cli_dak_lak_vi_and_en(tmp_path):
    runner = CliRunner()
    r = runner.invoke(main, ["audit", str(DAK_LAK)])
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output
    assert "lỗi[CDS703]" in r.output and "dak-lak-ket-qua-2021.txt: 4 lỗi, 1 cảnh báo, 0 thông tin" in r.output
    r = runner.invoke(main, ["audit", str(DAK_LAK), "--lang", "en"])
    assert r.exit_code == 1
    assert "error[CDS703]: indicator 5.10 scores 8 points, more than its maximum 5 (cell D80)" in r.output
    assert "error[CDS706]: section 6 states 78,47 points but its indicators 6.1–6.22 add up to 78,544 (off by 0,074)" \
        in r.output
    assert "4 error(s), 1 warning(s), 0 note(s)" in r.output
    out = tmp_path / "audit.json"
    r = runner.invoke(main, ["audit", str(DAK_LAK), "--format", "json", "-o", str(out)])
    assert r.exit_code == 1 and r.output == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(x["code"], x["item"], x["line"]) for x in data] == [
        ("CDS706", "5", 64), ("CDS703", "5.10", 80), ("CDS706", "6", 89), ("CDS711", "6.2", 114),
        ("CDS712", "6.2", 114)]


def test_cli_exit_codes(tmp_path):
    runner = CliRunner()
    ok = tmp_path / "ok.txt"
    ok.write_text(table("1\tA\t10\t5", "1.1\tx\t10\t5"), encoding="utf-8")
    r = runner.invoke(main, ["audit", str(ok)])
    assert r.exit_code == 0 and "ok.txt: 0 lỗi, 0 cảnh báo, 0 thông tin" in r.output
    warn = tmp_path / "warn.txt"
    warn.write_text(table("2.9\tx\t1\t0", "2.1\ty\t1\t0", "2.11\tz\t1\t0"), encoding="utf-8")
    assert runner.invoke(main, ["audit", str(warn)]).exit_code == 0  # a warning only
    notable = tmp_path / "no.txt"
    notable.write_text("xin chào\n", encoding="utf-8")
    r = runner.invoke(main, ["audit", str(notable), "--lang", "en"])
    assert r.exit_code == 2 and "CDS701" in r.output and "Traceback" not in r.output
    r = runner.invoke(main, ["audit", str(tmp_path / "missing.txt")])
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_subprocess_python_m_cdsdsl(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONIOENCODING="utf-8")
    p = subprocess.run([sys.executable, "-m", "cdsdsl", "audit", str(DAK_LAK), "--lang", "en"],
                       capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, env=env)
    assert p.returncode == 1
    assert "Traceback" not in p.stdout + p.stderr
    assert "error[CDS703]" in p.stdout and "warning[CDS712]" in p.stdout
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken")
    p = subprocess.run([sys.executable, "-m", "cdsdsl", "audit", str(broken)],
                       capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, env=env)
    assert p.returncode == 2 and "CDS700" in p.stderr
    assert "Traceback" not in p.stdout + p.stderr


def test_has_errors():
    d = audit_table(read_table_text(table("2.9\tx\t1\t0", "2.1\ty\t1\t0", "2.11\tz\t1\t0"), "t.txt"))
    assert d and not has_errors(d)


def test_with_the_transcribed_provincial_ruleset(tmp_path):
    ruleset_path = REPO / "rulesets" / "tinh-2021.cds"
    from cdsdsl.rulesets.model import load_ruleset

    ruleset = load_ruleset(ruleset_path)
    # the ruleset copies the table's structure: maxima agree, the findings are the same
    assert [(d.code, d.item) for d in audit_file(DAK_LAK, ruleset)] == [
        ("CDS706", "5"), ("CDS703", "5.10"), ("CDS706", "6"), ("CDS711", "6.2"), ("CDS712", "6.2")]
    # a maximum changed in the table: named against the ruleset (and the section sum breaks)
    text = DAK_LAK.read_text(encoding="utf-8").replace(
        "7.3\tSố lượng doanh nghiệp nền tảng số\t10\t", "7.3\tSố lượng doanh nghiệp nền tảng số\t15\t")
    changed = tmp_path / "kq.txt"
    changed.write_text(text, encoding="utf-8")
    d = [(x.code, x.item) for x in audit_file(changed, ruleset_path)]
    assert ("CDS713", "7.3") in d and ("CDS705", "7") in d
    # the 6.2 after 6.19 is compared as 6.20 (10 points), not as the real 6.2 (5 points)
    assert ("CDS713", "6.2") not in d
