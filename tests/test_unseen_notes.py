"""A remark inside a decision's case list (issue #12: never a silent wrong number).

Decisions put remarks where the table cell had room: between two cases (`(tính cả hồ sơ trực tuyến)`), or a
`Ghi chú:` / `Lưu ý:` line followed by more cases.  Before: a remark between cases split the list in two and the
later list alone scored (90 % → 0 points instead of 10, with only a warning); cases after `Ghi chú:` were read as
part of the remark (60 % → 0 instead of 5, silently).  Now the list stays one list, cases after a remark that runs
to the end of the cell are refused (CDS169), and a cell left with two scoring rules is refused (CDS207), never
scored by the last one.  The texts are written for the test in the manner of the decisions' cells.
"""
from __future__ import annotations

import pytest

import cdsdsl
from cdsdsl.diagnostics.core import CdsError

HEAD = "a = Số hồ sơ giải quyết đúng hạn;\nb = Tổng số hồ sơ tiếp nhận;\n- Tỷ lệ = a/b;\n"
TOP = "- Tỷ lệ >= 80%: 10 điểm;\n"
REST = "- Tỷ lệ từ 50% đến dưới 80%: 5 điểm;\n- Tỷ lệ < 50%: 0 điểm"
REMARKS = ["Hồ sơ tính cả hồ sơ trực tuyến", "(tính cả hồ sơ tiếp nhận qua bưu chính công ích)",
           "Số liệu lấy theo báo cáo của Văn phòng HĐND và UBND huyện"]


@pytest.mark.parametrize("remark", REMARKS)
@pytest.mark.parametrize("share, points", [(90, 10), (80, 10), (79, 5), (50, 5), (30, 0)])
def test_a_remark_between_two_cases_does_not_split_the_list(remark, share, points):
    text = HEAD + TOP + remark + "\n" + REST
    assert cdsdsl.evaluate_formula(text, 10, {"a": share, "b": 100}) == points
    formula = cdsdsl.parse_formula(text)
    (cases,) = [st for st in formula.statements if isinstance(st, cdsdsl.nodes.Cases)]
    assert len(cases.cases) == 3
    assert cdsdsl.parse_formula(cdsdsl.print_formula(formula)) == formula  # the remark follows the list
    assert not [d for d in cdsdsl.check_formula(text, 10) if d.code in ("CDS207", "CDS401", "CDS402")]


@pytest.mark.parametrize("word", ["Ghi chú", "Lưu ý", "Giải thích", "ghi chú"])
def test_cases_after_a_note_that_runs_to_the_end_are_refused_at_their_line(word):
    text = HEAD + TOP + f"{word}: tính cả hồ sơ trực tuyến\n" + REST
    with pytest.raises(cdsdsl.FormulaSyntaxError) as refused:
        cdsdsl.parse_formula(text)
    d = refused.value.first
    assert d.code == "CDS169" and d.severity.value == "error"
    assert text[d.span.start:d.span.end].startswith("Tỷ lệ từ 50% đến dưới 80%: 5 điểm")
    assert d.position[0] == 6  # the first case after the note
    assert f"sau `{word}:`" in d.message("vi") and f"after `{word}:`" in d.message("en")
    with pytest.raises(CdsError):
        cdsdsl.evaluate_formula(text, 10, {"a": 60, "b": 100})


@pytest.mark.parametrize("note", ["Ghi chú: hồ sơ tính cả hồ sơ trực tuyến.",
                                  "Giải thích: - Hồ sơ đúng hạn là hồ sơ được trả kết quả trước hạn hoặc đúng hạn;\n"
                                  "- Hồ sơ tiếp nhận gồm cả hồ sơ trực tuyến."])
def test_a_note_after_the_last_case_is_still_a_note(note):
    text = HEAD + TOP + REST + "\n" + note
    assert cdsdsl.evaluate_formula(text, 10, {"a": 60, "b": 100}) == 5
    assert cdsdsl.evaluate_formula(text, 10, {"a": 90, "b": 100}) == 10


@pytest.mark.parametrize("second", ["Điểm = Tỷ lệ * Điểm tối đa", "- Điểm = Tỷ lệ x Điểm tối đa"])
def test_two_scoring_rules_in_one_part_are_refused_not_scored_by_the_last(second):
    """`Tỷ lệ ≥ 80%: 10 điểm` then `Điểm = Tỷ lệ * Điểm tối đa`: at 90 % the first gives 10, the second 9."""
    text = HEAD + TOP + "Đơn vị tính: hồ sơ\n" + second
    (d,) = [d for d in cdsdsl.check_formula(text, 10) if d.code == "CDS207"]
    assert d.severity.value == "error" and "không rõ dùng cách nào" in d.message("vi")
    with pytest.raises(CdsError):
        cdsdsl.evaluate_formula(text, 10, {"a": 90, "b": 100})
