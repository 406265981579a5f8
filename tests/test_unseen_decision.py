"""A whole indicator set in another province's wording, end to end: a spreadsheet copied from the
decision (its own column names), loaded, checked, turned into a form, filled, scored and ranked.

Nothing here comes from the seed decisions: the table below is written the way other decisions
write (`TT | Tiêu chí | Điểm | Phương pháp chấm điểm`, `Nếu … thì …`, `x 100`, `(5 điểm)`, `10đ`).
"""
from __future__ import annotations

import json
from decimal import Decimal

import openpyxl
import pytest

import cdsdsl
from cdsdsl.dataentry.forms import form_fields, read_units

ROWS = [
    ("TT", "Tiêu chí", "Điểm", "Phương pháp chấm điểm", "Đơn vị cung cấp"),
    ("I", "Chính quyền số", 30, None, None),
    ("1", "Tỷ lệ hồ sơ giải quyết trực tuyến", 10,
     "Tỷ lệ (%) = A/B x 100\nTrong đó: A là số hồ sơ trực tuyến; B là tổng số hồ sơ\n"
     "- Tỷ lệ ≥ 80: 10 điểm\n- Tỷ lệ < 80: Tỷ lệ/80 x 10", "Văn phòng"),
    ("2", "Ban hành kế hoạch chuyển đổi số năm", 10,
     "- Ban hành đúng hạn (10 điểm)\n- Ban hành chậm (5 điểm)\n- Không ban hành (0 điểm)", "Phòng VHTT"),
    ("3", "Văn bản điện tử có ký số", 10,
     "a = Số văn bản đi được ký số;\nb = Tổng số văn bản đi;\nTỷ lệ = a/b\n"
     "- Nếu Tỷ lệ >= 90% thì Điểm = Điểm tối đa\n- Nếu Tỷ lệ < 90% thì Điểm = Tỷ lệ x Điểm tối đa", "Văn phòng"),
    ("II", "Xã hội số", 20, None, None),
    ("1", "Sáng kiến chuyển đổi số được công nhận", 10,
     "- Mỗi sáng kiến được công nhận: 2 điểm, tối đa không quá 10 điểm", "Phòng VHTT"),
    ("2", "Tổ công nghệ số cộng đồng hoạt động", 10, "- Có: 10đ\n- Không: 0đ", "UBND xã"),
]


@pytest.fixture()
def ruleset(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Bang diem"
    ws.append(["Bộ chỉ số: Bộ chỉ số chuyển đổi số cấp xã (minh hoạ)"])
    ws.append(["Văn bản: Quyết định minh hoạ, không phải văn bản thật"])
    for row in ROWS:
        ws.append(list(row))
    path = tmp_path / "bo-chi-so.xlsx"
    wb.save(path)
    return cdsdsl.load_ruleset(path)


def test_the_table_loads_with_its_own_column_names(ruleset):
    assert [(s.id, s.stated_max) for s in ruleset.sections] == [("1", 30), ("2", 20)]
    assert [i.key for i in ruleset.indicators] == ["1.1", "1.2", "1.3", "2.1", "2.2"]
    assert ruleset.indicator("1.1").data_source == "Văn phòng"


def test_the_check_finds_no_error_and_the_form_asks_for_the_right_figures(ruleset):
    assert [d.code for d in ruleset.check() if d.severity.value == "error"] == []
    fields = {(f.indicator, f.key) for f in form_fields(ruleset)}
    assert fields == {("1.1", "A"), ("1.1", "B"), ("1.2", "lựa chọn"), ("1.3", "a"), ("1.3", "b"),
                      ("2.1", "số lượng"), ("2.2", "lựa chọn")}


def test_units_are_scored_and_ranked(ruleset, tmp_path):
    data = {"units": [
        {"name": "Xã An Hải", "values": {"1.1": {"A": 70, "B": 100}, "1.2": {"lựa chọn": "Ban hành chậm"},
                                         "1.3": {"a": 95, "b": 100}, "2.1": {"số lượng": 7},
                                         "2.2": {"lựa chọn": "Có"}}},
        {"name": "Xã Bình Minh", "values": {"1.1": {"A": 90, "B": 100}, "1.2": {"lựa chọn": 1},
                                            "1.3": {"a": 80, "b": 100}, "2.1": {"số lượng": 2},
                                            "2.2": {"lựa chọn": "Không"}}},
    ]}
    path = tmp_path / "so-lieu.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    units, diags = read_units(path, ruleset)
    assert not [d for d in diags if d.severity.value == "error"]
    result = ruleset.score_cohort(units)
    by_unit = {r.unit: r for r in result.results}
    a, b = by_unit["Xã An Hải"], by_unit["Xã Bình Minh"]
    # An Hải: 70/80 × 10 = 8,75; chậm 5; 95% ≥ 90% → 10; 7 × 2 = 14 → 10; Có 10  → 43,75
    assert [a.indicators[k].points for k in ("1.1", "1.2", "1.3", "2.1", "2.2")] == [
        Decimal("8.75"), Decimal("5.00"), Decimal("10.00"), Decimal("10.00"), Decimal("10.00")]
    assert a.total == Decimal("43.75")
    # Bình Minh: 90 ≥ 80 → 10; đúng hạn 10; 80% × 10 = 8; 2 × 2 = 4; Không 0  → 32
    assert b.total == Decimal("32.00")
    assert (a.rank, b.rank) == (1, 2)
