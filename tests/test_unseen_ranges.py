"""Ranges written with one percentage (issue #12: never a silent wrong number).

Decisions write `Từ 70 - 90%`, `Tỷ lệ từ 70 đến dưới 90%`: the bare bound is a percentage too, as any reader
takes it.  Before: it was the number 70 (a ratio is never 70), so a unit at 80 % matched no level and scored 0
with only a checker warning; `Tỷ lệ từ 70% - 90%` (a name before a dashed range) was an "option" nobody chooses,
and `Tỷ lệ 70 - 90%` likewise.  Now the first two read as 70 %–90 % (note CDS114 where a `%` was supplied), and
the third is refused at its line (CDS115).  Texts written for the test in the manner of the decisions' cells.
"""
from __future__ import annotations

import pytest

import cdsdsl
from cdsdsl.diagnostics.core import CdsError

HEAD = "a = Số xã hoàn thành kế hoạch chuyển đổi số;\nb = Tổng số xã;\n- Tỷ lệ = a/b;\n- Tỷ lệ trên 90%: 2 điểm;\n"
TAIL = "\n- Tỷ lệ dưới 70%: 0 điểm"


@pytest.mark.parametrize("middle, supplied", [
    ("- Tỷ lệ từ 70 - 90%: 1 điểm", True), ("- Từ 70 - 90%: 1 điểm", True),
    ("- Tỷ lệ từ 70 đến 90%: 1 điểm", True), ("- Từ 70 đến 90%: 1 điểm", True),
    ("- Tỷ lệ từ 70% - 90%: 1 điểm", False), ("- Tỷ lệ từ 70% đến 90%: 1 điểm", False),
    ("- Tỷ lệ từ 70% - dưới 90%: 1 điểm", False)])
@pytest.mark.parametrize("share, points", [(95, 2), (90, 1), (80, 1), (70, 1), (69, 0)])
def test_a_range_with_one_percentage_is_a_range_of_percentages(middle, supplied, share, points):
    text = HEAD + middle + TAIL
    if "dưới 90%" in middle and share == 90:
        points = 0  # `từ 70% - dưới 90%` leaves exactly 90 % to no level (CDS401 says so)
    assert cdsdsl.evaluate_formula(text, 2, {"a": share, "b": 100}) == points
    assert cdsdsl.compile_formula(text, 2)({"a": share, "b": 100}) == points
    notes = [d for d in cdsdsl.parse_formula(text).diagnostics if d.code == "CDS114"]
    assert len(notes) == (1 if supplied else 0)
    if supplied:
        assert text[notes[0].span.start:notes[0].span.end] == "70" and "`70%`" in notes[0].message("vi")


@pytest.mark.parametrize("middle", ["- Tỷ lệ 70 - 90%: 1 điểm", "- Tỷ lệ khoảng 70%-90%: 1 điểm",
                                    "- Tỷ lệ đạt 70 đến 90 %: 1 điểm"])
def test_a_condition_on_the_ratio_that_does_not_read_is_refused_not_an_option(middle):
    text = HEAD + middle + TAIL
    with pytest.raises(cdsdsl.FormulaSyntaxError) as refused:
        cdsdsl.parse_formula(text)
    d = refused.value.first
    assert d.code == "CDS115" and d.position[0] == 5 and "`Tỷ lệ`" in d.message("vi")
    with pytest.raises(CdsError):
        cdsdsl.evaluate_formula(text, 2, {"a": 80, "b": 100})


def test_an_option_that_names_no_computed_quantity_stays_an_option():
    text = "- Có trên 50% số xã có cổng thông tin điện tử: 2 điểm\n- Chưa đạt: 0 điểm"
    formula = cdsdsl.parse_formula(text)
    assert not [d for d in formula.diagnostics if d.code in ("CDS114", "CDS115")]


# ------------------------------------------------------------ thresholds in words, thousands, unread options

@pytest.mark.parametrize("condition, share, points", [
    ("Tỷ lệ lớn hơn hoặc bằng 90%", 90, 2), ("Tỷ lệ lớn hơn hoặc bằng 90%", 89, 0),
    ("Tỷ lệ không dưới 90%", 90, 2), ("Không dưới 90%", 89, 0), ("Tỷ lệ cao hơn hoặc bằng 90%", 95, 2)])
def test_at_least_in_words_is_a_comparison(condition, share, points):
    """`lớn hơn hoặc bằng` / `không dưới` is ≥ (it was refused as `… hoặc bằng …` joined with words, CDS212)."""
    text = ("a = Số cuộc tấn công mạng được ngăn chặn;\nb = Tổng số cuộc tấn công mạng;\nTỷ lệ = a/b;\n"
            f"- {condition}: Điểm tối đa;\n- Các trường hợp còn lại: 0 điểm")
    assert cdsdsl.evaluate_formula(text, 2, {"a": share, "b": 100}) == points


@pytest.mark.parametrize("condition, count, points", [("a nhỏ hơn hoặc bằng 2", 2, 1), ("a không lớn hơn 2", 3, 0)])
def test_at_most_in_words_is_a_comparison(condition, count, points):
    text = f"a = Số sự cố mất an toàn thông tin trong năm;\n- {condition}: 1 điểm;\n- Còn lại: 0 điểm"
    assert cdsdsl.evaluate_formula(text, 1, {"a": count}) == points


@pytest.mark.parametrize("written, count, points", [("1.000", 999, 0), ("1.000", 1000, 1), ("10.000", 9999, 0),
                                                    ("1.000.000", 1_000_000, 1)])
def test_a_number_grouped_by_dots_is_thousands(written, count, points):
    """Vietnamese writes one thousand `1.000`: it was read 1 (a unit with 999 transactions scored full points)."""
    text = f"a = Tổng số giao dịch thanh toán điện tử;\n- a ≥ {written}: Điểm tối đa;\n- a < {written}: 0 điểm"
    assert cdsdsl.evaluate_formula(text, 1, {"a": count}) == points
    (note,) = [d for d in cdsdsl.parse_formula(text).diagnostics if d.code == "CDS117"][:1]
    assert text[note.span.start:note.span.end] == written and note.severity.value == "info"


@pytest.mark.parametrize("text", ["- Tỷ lệ ≥ 2.5%: 1 điểm", "- a >= 1.5: 1 điểm", "- a >= 0.125: 1 điểm"])
def test_a_decimal_point_is_not_thousands(text):
    assert not [d for d in cdsdsl.parse_formula("a = Số hồ sơ;\n" + text).diagnostics if d.code == "CDS117"]


@pytest.mark.parametrize("line", ["- Hoàn thành dưới 100%: Tỷ lệ x Điểm tối đa", "- Đạt trên 5 lần: 1 điểm",
                                  "- Còn dưới 80% kế hoạch năm: 0 điểm"])
def test_an_option_stating_a_threshold_in_a_list_that_compares_is_refused(line):
    """`Hoàn thành 100% chỉ tiêu trở lên: Điểm tối đa` then `Hoàn thành dưới 100%: …`: the second was an option
    nobody chooses (a unit at 90 % scored 0, silently); now CDS116 at that line."""
    text = ("a = Số chỉ tiêu hoàn thành;\nb = Tổng số chỉ tiêu được giao;\nTỷ lệ = a/b;\n"
            f"- Tỷ lệ >= 100%: Điểm tối đa;\n{line}")
    with pytest.raises(cdsdsl.FormulaSyntaxError) as refused:
        cdsdsl.parse_formula(text)
    assert refused.value.code == "CDS116" and refused.value.first.position[0] == 5
