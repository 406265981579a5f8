"""Wordings other decisions use for the same constructs (not in the seed corpus).

Each test gives a text in the manner of another province's decision, the AST it reads to, and the
points it scores — the engine is built for the language, not for the seed's exact strings.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

import cdsdsl
from cdsdsl import nodes as n
from cdsdsl.parser import parse_formula
from cdsdsl.resolve import resolve


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
    assert list(f.statements) == [n.PerItem("Mỗi sáng kiến được công nhận", n.Number(Fraction(2))),
                                  n.Cap(n.Number(Fraction(10)))]
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
