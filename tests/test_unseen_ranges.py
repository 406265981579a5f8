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
