"""The parts of resolution and of the checks' analyses, one job each: the input kinds
(semantics/inputs.py), part/whole ratios (semantics/partwhole.py), the node-class tables of
the typing passes (semantics/typesys.py) and the pieces of the number line (checks/coverage.py).
"""
from __future__ import annotations

import typing
from fractions import Fraction

import pytest

from cdsdsl.checks.coverage import condition_range, make_pieces, piece_span, pieces_between
from cdsdsl.semantics import typesys
from cdsdsl.semantics.inputs import COUNT, MONEY, NUMBER, RATIO, input_kind
from cdsdsl.semantics.partwhole import PartWhole, part_whole_of
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.parser import parse_formula


@pytest.mark.parametrize("description, unit, kind", [
    ("Số lượng hồ sơ trực tuyến", None, COUNT),
    ("Tổng số thủ tục hành chính", None, COUNT),
    ("Tổng chi cho chuyển đổi số", None, MONEY),
    ("Kinh phí chi cho chuyển đổi số", "triệu đồng", MONEY),
    ("Tỷ lệ hồ sơ trực tuyến", None, RATIO),
    ("Điểm đánh giá của Sở", None, NUMBER),
])
def test_input_kind_reads_the_description_and_the_unit(description, unit, kind):
    assert input_kind(description, unit) == kind


def _part_whole(text: str) -> PartWhole | None:
    part = parse_formula(text).parts[0]
    decls = {st.name: st for st in part.body if isinstance(st, n.InputDecl)}
    (assign,) = [st for st in part.body if isinstance(st, n.Assign) and st.target.name != "Điểm"]
    return part_whole_of(assign, decls)


def test_part_whole_of_a_sum_of_parts_over_a_total():
    pw = _part_whole("Tỷ lệ = (a + b)/c\nĐiểm = Tỷ lệ * Điểm tối đa\nTrong đó:\n"
                     "a = Số hồ sơ trực tuyến\nb = Số hồ sơ qua bưu chính\nc = Tổng số hồ sơ")
    assert pw is not None
    assert (pw.parts, pw.wholes, pw.ratio, pw.target) == (("a", "b"), ("c",), "Tỷ lệ", None)


def test_part_whole_of_a_part_over_a_minimum_names_the_target():
    pw = _part_whole("Tỷ lệ = a/b\nĐiểm = Tỷ lệ * Điểm tối đa\nTrong đó:\n"
                     "a = Số lượng nền tảng số đã triển khai\n"
                     "b = Số lượng nền tảng số tối thiểu theo danh mục yêu cầu")
    assert pw is not None and pw.target == "b"


def test_no_part_whole_when_a_name_is_on_both_sides():
    assert _part_whole("Tỷ lệ = a/(a + b)\nĐiểm = Tỷ lệ * Điểm tối đa\nTrong đó:\n"
                       "a = Số hồ sơ đạt\nb = Số hồ sơ không đạt") is None


@pytest.mark.parametrize("table", ["_TYPE_RULES", "_RANGE_RULES"])
def test_every_expression_class_has_a_typing_and_a_range_rule(table):
    assert set(getattr(typesys, table)) == set(typing.get_args(n.Expr))


def test_every_operator_has_a_typing_rule():
    assert set(typesys._BINOP_RULES) == set("+-*/")


def test_pieces_alternate_intervals_and_points():
    pieces = make_pieces([Fraction(1, 2), Fraction(0), Fraction(1, 2)])
    assert [(p.lo, p.hi, p.point) for p in pieces] == [
        (None, 0, False), (0, 0, True), (0, Fraction(1, 2), False), (Fraction(1, 2), Fraction(1, 2), True),
        (Fraction(1, 2), None, False)]


@pytest.mark.parametrize("op, first, last", [(">=", 3, 4), (">", 4, 4), ("<", 0, 2), ("<=", 0, 3), ("=", 3, 3)])
def test_a_comparison_matches_a_run_of_pieces(op, first, last):
    half = Fraction(1, 2)
    pieces = make_pieces([Fraction(0), half])
    cut = {p.lo: i for i, p in enumerate(pieces[1::2])}
    bounds = condition_range(n.Compare(None, op, n.Percent(half)), [half])
    assert bounds is not None
    assert piece_span(bounds, cut, len(pieces)) == (first, last)
    assert pieces_between(bounds, cut, len(pieces)) == frozenset(range(first, last + 1))
