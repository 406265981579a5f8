"""Wordings other decisions use for the same constructs (not in the seed corpus).

Each test gives a text in the manner of another province's decision, the AST it reads to, and the
points it scores — the engine is built for the language, not for the seed's exact strings.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

import cdsdsl
from cdsdsl.semantics.resolve import resolve
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.parser import parse_formula


def cases_of(text):
    return next(st for st in parse_formula(text).statements if isinstance(st, n.Cases)).cases


def test_x_between_words_is_multiplication():
    f = parse_formula("Tỷ lệ = a/b x 100%\nĐiểm = Tỷ lệ x Điểm tối đa")
    assign = [st for st in f.statements if isinstance(st, n.Assign)]
    assert assign[0].value == n.BinOp("*", n.BinOp("/", n.Name("a"), n.Name("b")), n.Percent(Fraction(1)))
    assert assign[1].value == n.BinOp("*", n.Name("Tỷ lệ"), n.MaxPoints())


def test_words_for_operators():
    f = parse_formula("Điểm bằng Tỷ lệ nhân Điểm tối đa")
    st = next(iter(f.statements))
    assert st == n.Assign(n.Name("Điểm"), n.BinOp("*", n.Name("Tỷ lệ"), n.MaxPoints()))
    assert cdsdsl.evaluate_formula("a = Số lượng;\nb = Tổng số;\nTỷ lệ = a chia cho b;\nĐiểm = Tỷ lệ nhân 10",
                                   10, {"a": 1, "b": 4}) == Decimal("2.50")


def test_if_then_cases():
    text = ("a = Số văn bản ký số;\nb = Tổng số văn bản;\nTỷ lệ = a/b\n"
            "- Nếu Tỷ lệ >= 90% thì Điểm = Điểm tối đa\n- Nếu Tỷ lệ < 90% thì Điểm = Tỷ lệ x Điểm tối đa")
    cs = cases_of(text)
    assert [c.condition for c in cs] == [n.Compare(n.Name("Tỷ lệ"), ">=", n.Percent(Fraction(9, 10))),
                                         n.Compare(n.Name("Tỷ lệ"), "<", n.Percent(Fraction(9, 10)))]
    assert cdsdsl.evaluate_formula(text, 10, {"a": 8, "b": 10}) == Decimal("8.00")
    assert cdsdsl.evaluate_formula(text, 10, {"a": 9, "b": 10}) == Decimal("10.00")


def test_truong_hop_prefix_and_dat_filler():
    cs = cases_of("- Trường hợp tỷ lệ đạt từ 90% trở lên: điểm tối đa\n- Trường hợp tỷ lệ dưới 90%: 0 điểm")
    assert cs[0].condition == n.Range(n.Name("Tỷ lệ"), n.Percent(Fraction(9, 10)), True, None, False)
    cs = cases_of("- Đạt 100%: 10 điểm\n- Từ 80% đến dưới 100%: 8 điểm\n- Dưới 80%: 0 điểm")
    assert cs[0].condition == n.Compare(None, "=", n.Percent(Fraction(1)))
    # `Các trường hợp còn lại` stays an otherwise-case, not a condition
    cs = cases_of("- Tỷ lệ >= 80%: 10 điểm\n- Các trường hợp còn lại: 0 điểm")
    assert isinstance(cs[1].condition, n.Otherwise)


def test_range_with_a_dash():
    cs = cases_of("≥ 95%: 10 điểm\nTừ 80% - dưới 95%: 7 điểm\n< 80%: 0 điểm")
    assert cs[1].condition == n.Range(None, n.Percent(Fraction(4, 5)), True, n.Percent(Fraction(19, 20)), False)
    assert cdsdsl.evaluate_formula("≥ 95%: 10 điểm\nTừ 80% - dưới 95%: 7 điểm\n< 80%: 0 điểm", 10,
                                   {"x": "85%"}) == Decimal("7.00")


def test_points_in_parentheses():
    cs = cases_of("- Có ban hành (5 điểm)\n- Không ban hành (0 điểm)")
    assert [(c.condition.label, c.result) for c in cs] == [("Có ban hành", n.Number(Fraction(5))),
                                                           ("Không ban hành", n.Number(Fraction(0)))]


def test_per_item_with_the_cap_on_the_same_line():
    f = parse_formula("- Mỗi sáng kiến được công nhận: 2 điểm, tối đa không quá 10 điểm")
    # the cap belongs to its per-item line (issue #12, item 3)
    assert list(f.statements) == [n.PerItem("Mỗi sáng kiến được công nhận", n.Number(Fraction(2)),
                                            cap=n.Number(Fraction(10)))]
    text = "- Mỗi sáng kiến được công nhận: 2 điểm, tối đa không quá 10 điểm"
    assert cdsdsl.evaluate_formula(text, 10, {"số lượng": 7}) == Decimal("10.00")  # 7 × 2 = 14, capped
    assert cdsdsl.evaluate_formula(text, 10, {"số lượng": 3}) == Decimal("6.00")


def test_declarations_with_la_after_trong_do():
    text = ("Tỷ lệ (%) = A/B x 100\nTrong đó: A là số hồ sơ trực tuyến; B là tổng số hồ sơ\n"
            "- Tỷ lệ ≥ 80: 10 điểm\n- Tỷ lệ < 80: Tỷ lệ/80 x 10")
    p = resolve(parse_formula(text), 10)
    assert [(i.key, i.description) for i in p.inputs] == [("A", "số hồ sơ trực tuyến"), ("B", "tổng số hồ sơ")]
    assert cdsdsl.evaluate_formula(text, 10, {"A": 70, "B": 100}) == Decimal("8.75")  # 70 < 80 → 70/80 × 10
    # the ratio is in percent points, so bare thresholds are not a missing `%`
    assert not [d for d in cdsdsl.check_formula(text, 10) if d.severity.value == "error"]


def test_inputs_described_after_the_formula():
    text = "Điểm = a/b × Điểm tối đa\nTrong đó:\na = Số lượng hồ sơ trực tuyến;\nb = Tổng số hồ sơ"
    assert cdsdsl.evaluate_formula(text, 10, {"a": 1, "b": 4}) == Decimal("2.50")


@pytest.mark.parametrize("text", [
    "- Nếu Tỷ lệ >= 90% thì Điểm = Điểm tối đa",
    "- Mỗi sáng kiến: 2 điểm, tối đa không quá 10 điểm",
    "- Có ban hành (5 điểm)\n- Không ban hành (0 điểm)",
    "Từ 80% - dưới 95%: 7 điểm",
    "Điểm bằng Tỷ lệ nhân Điểm tối đa",
])
def test_other_wordings_round_trip_through_the_printer(text):
    f = parse_formula(text)
    assert parse_formula(cdsdsl.print_formula(f)) == f


@pytest.mark.parametrize("text, inputs, expected", [
    # points written `10đ`; `100% số điểm`; `không có điểm`; `Điểm tối đa của chỉ số`
    ("- Có: 10đ\n- Không: 0đ", {"lựa chọn": "Có"}, "10.00"),
    ("- Tỷ lệ ≥ 80%: 100% số điểm\n- Tỷ lệ < 80%: 50% số điểm", {"tỷ lệ": "70%"}, "5.00"),
    ("- Tỷ lệ từ 30% trở lên: điểm tối đa\n- Tỷ lệ dưới 30%: không có điểm", {"tỷ lệ": "10%"}, "0.00"),
    ("- Đã triển khai: Điểm tối đa của chỉ số\n- Chưa triển khai: 0 điểm", {"lựa chọn": 1}, "10.00"),
    # `> =` typed with a space; levels with the condition in parentheses and a dash range
    ("- Tỷ lệ > = 80%: 10 điểm\n- Tỷ lệ < 80%: 0 điểm", {"tỷ lệ": "80%"}, "10.00"),
    ("Mức 1 (≥ 90%): 10 điểm\nMức 2 (70% - dưới 90%): 5 điểm\nMức 3 (< 70%): 0 điểm", {"x": "75%"}, "5.00"),
    # a cap written after the result
    ("a = Số lượng;\nb = Tổng số;\nTỷ lệ = a/b\nĐiểm = Tỷ lệ/80% x Điểm tối đa, tối đa không quá Điểm tối đa",
     {"a": 9, "b": 10}, "10.00"),
    ("Mỗi hội nghị: 1 điểm (tối đa 5 điểm)", {"số lượng": 8}, "5.00"),
    # deductions from the maximum
    ("- Đúng hạn: điểm tối đa\n- Chậm dưới 5 ngày: điểm tối đa - 2\n- Chậm từ 5 ngày trở lên: 0 điểm",
     {"lựa chọn": 2}, "8.00"),
])
def test_more_wordings_score(text, inputs, expected):
    assert cdsdsl.evaluate_formula(text, 10 if "hội nghị" not in text else 5, inputs) == Decimal(expected)


def test_relative_to_the_highest_unit_in_words():
    # `Giá trị của đơn vị / Giá trị cao nhất`: the unit reports the value; the highest is over the cohort
    from cdsdsl.evaluate.cohort_eval import evaluate_cohort

    p = resolve(parse_formula("Điểm = Điểm tối đa x (Giá trị của đơn vị / Giá trị cao nhất)"), 10)
    assert [i.key for i in p.inputs] == ["giá trị"] and p.needs_cohort
    out = evaluate_cohort(p, {"A": {"giá trị": 50}, "B": {"giá trị": 100}})
    assert (out["A"].points, out["B"].points) == (Decimal("5.00"), Decimal("10.00"))


def test_a_case_whose_points_cannot_be_read_is_an_error_not_a_note():
    with pytest.raises(cdsdsl.FormulaSyntaxError) as exc:
        parse_formula("- Đã triển khai: gần đủ điểm\n- Chưa triển khai: 0 điểm")
    assert exc.value.code == "CDS112" and (exc.value.line, exc.value.column) == (1, 18)
    assert exc.value.message == "không đọc được số điểm `gần đủ điểm` của trường hợp `Đã triển khai`"


def test_options_lettered_a_b_are_bullets_and_never_joined():
    # `a) … : 10 điểm` / `b) … : 0 điểm`: two options (the second once read as a wrapped line of the first)
    cs = cases_of("a) Đã ban hành: 10 điểm\nb) Chưa ban hành: 0 điểm")
    assert [c.condition.label for c in cs] == ["Đã ban hành", "Chưa ban hành"]
    assert cdsdsl.evaluate_formula("a) Đã ban hành: 10 điểm\nb) Chưa ban hành: 0 điểm", 10,
                                   {"lựa chọn": 1}) == Decimal("10.00")
    # a case line starting in lower case after a whole case is a case of its own
    cs = cases_of("- Đã ban hành: 10 điểm\nchưa ban hành: 0 điểm")
    assert [c.condition.label for c in cs] == ["Đã ban hành", "chưa ban hành"]


@pytest.mark.parametrize("then, count, points", [("thì được Điểm tối đa", 12, 1), ("thì được 1 điểm", 12, 1),
                                                 ("thì đạt 1 điểm", 12, 1), ("thì được Điểm tối đa", 11, 0)])
def test_if_then_with_duoc_before_the_points(then, count, points):
    """`Nếu a ≥ 12 thì được Điểm tối đa`: `được`/`đạt` before the points is the verb, not a name (it was CDS201)."""
    import cdsdsl

    text = f"a = Số cuộc họp trực tuyến;\n- Nếu a ≥ 12 {then};\n- Nếu a < 12 thì được 0 điểm"
    assert cdsdsl.evaluate_formula(text, 1, {"a": count}) == points
