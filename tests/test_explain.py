"""Explanations in the manner of the published "Lý do mất điểm" column."""
from __future__ import annotations

from eval_helpers import program_of

from cdsdsl.evaluate.explain import explain_outcome
from cdsdsl.evaluate.interpret import evaluate_program

F = ("a=Số lượng văn bản;\nb=Tổng số văn bản;\nTỷ lệ=a/b\n- Tỷ lệ >= 80%: Điểm tối đa\n"
     "- Tỷ lệ < 80%: Điểm = Tỷ lệ/80%*Điểm tối đa")


def test_dak_lak_2021_5_5_explanation_vi():
    text = explain_outcome(evaluate_program(program_of(F, 5, item="5.5"), {"a": 7, "b": 21}))
    assert "Tỷ lệ = 7/21 = 33,33%" in text
    assert "Trường hợp: Tỷ lệ < 80%" in text
    assert "Mất 2,92 điểm do tỷ lệ 33,33% chưa đạt ngưỡng 80%." in text


def test_dak_lak_2021_5_5_explanation_en():
    text = explain_outcome(evaluate_program(program_of(F, 5, item="5.5"), {"a": 7, "b": 21}), lang="en")
    assert "Tỷ lệ = 7/21 = 33.33%" in text
    assert "Lost 2.92 points" in text


def test_full_points_option():
    program = program_of("- Đã ban hành: Điểm tối đa\n- Chưa ban hành: 0 điểm", 5, item="2.1")
    text = explain_outcome(evaluate_program(program, {"lựa chọn": "Đã ban hành"}))
    assert "Lựa chọn: Đã ban hành" in text and "Đạt điểm tối đa." in text
