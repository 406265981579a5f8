"""Reading one logical line into what it states (cdsdsl/syntax/classify.py) and the precise errors and
recoveries of lines that do not read as written (cdsdsl/syntax/recovery.py).  The lines are those of
the decisions in rulesets/sources/*.txt, in several wordings."""
from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from cdsdsl.diagnostics.core import FormulaSyntaxError
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.classify import LineClassifier
from cdsdsl.syntax.lines import split_lines
from cdsdsl.text.source import Source, Span


def classify(text: str) -> tuple[list[tuple[str, Any]], LineClassifier]:
    reader = LineClassifier(text, Source(text))
    lines, reader.nt = split_lines(reader.nt)
    return [reader.classify(line) for line in lines], reader


def one(text: str) -> tuple[str, Any]:
    found, _ = classify(text)
    assert len(found) == 1
    return found[0]


N = n.Name
MAX = n.MaxPoints()


def num(v: int | str) -> n.Number:
    return n.Number(Fraction(v))


def pct(v: str) -> n.Percent:
    return n.Percent(Fraction(v) / 100)


def test_declarations_and_assignments_of_a_ratio():
    # huyện Ninh Thuận 2023, indicator 1.3
    found, reader = classify(
        "a=Số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu cấp huyện (Chủ tịch huyện/thị xã/"
        "thành phố) ký;\nb=Tổng số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số của cấp huyện;\n"
        "- Tỷ lệ=a/b;\n- Điểm=Tỷ lệ*Điểm tối đa")
    assert found == [
        ("stmt", n.InputDecl("a", "Số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu cấp huyện "
                                  "(Chủ tịch huyện/thị xã/thành phố) ký", None, None)),
        ("stmt", n.InputDecl("b", "Tổng số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số của cấp huyện",
                             None, None)),
        ("stmt", n.Assign(N("Tỷ lệ"), n.BinOp("/", N("a"), N("b")))),
        ("stmt", n.Assign(N("Điểm"), n.BinOp("*", N("Tỷ lệ"), MAX))),
    ]
    assert reader.defined == {"a", "b", "Tỷ lệ", "Điểm"}
    assert not reader.diags


@pytest.mark.parametrize("text", [
    "Tỷ lệ (%) = a/b x 100",
    "Tỷ lệ(%)=a/b*100",
    "tỉ lệ (%) = a / b * 100",
])
def test_a_ratio_in_percent_points(text):
    assert one(text) == ("stmt", n.Assign(N("Tỷ lệ"), n.BinOp("*", n.BinOp("/", N("a"), N("b")), num(100))))


def test_options_of_a_decision_are_cases():
    # huyện Ninh Thuận 2023, indicator 1.1
    found, _ = classify(
        "- Trưởng ban là Bí thư/Chủ tịch cấp Huyện: Điểm tối đa\n"
        "- Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp Huyện: 1/2*Điểm tối đa;\n"
        "- Chưa có Ban chỉ đạo hoặc có nhưng Trưởng ban không phải Lãnh đạo cấp Huyện: 0 điểm")
    assert found == [
        ("case", n.Case(n.Option("Trưởng ban là Bí thư/Chủ tịch cấp Huyện"), MAX, None)),
        ("case", n.Case(n.Option("Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp Huyện"),
                        n.BinOp("*", n.BinOp("/", num(1), num(2)), MAX), None)),
        ("case", n.Case(n.Option("Chưa có Ban chỉ đạo hoặc có nhưng Trưởng ban không phải Lãnh đạo cấp Huyện"),
                        num(0), None)),
    ]


@pytest.mark.parametrize("text", ["- Có ban hành (5 điểm)", "- Có ban hành: 5 điểm", "- Có ban hành: 5đ"])
def test_an_option_with_its_points_after_a_colon_or_in_parentheses(text):
    kind, case = one(text)
    assert (kind, case) == ("case", n.Case(n.Option("Có ban hành"), num(5), None))
    assert case.span == Span(2, len(text))


def test_levels():
    # huyện Ninh Thuận 2023, indicators 5.11 and 5.12, written in both ways
    found, _ = classify("Mức 1 ≥ 10 % (điểm tối đa)\nMức 2: ≥ 5%: 50% điểm tối đa")
    assert found == [
        ("case", n.Case(n.Compare(None, ">=", pct("10")), MAX, 1)),
        ("case", n.Case(n.Compare(None, ">=", pct("5")), n.BinOp("*", pct("50"), MAX), 2)),
    ]


@pytest.mark.parametrize("text", [
    "Nếu Tỷ lệ >= 90% thì Điểm = Điểm tối đa",
    "Khi tỷ lệ >= 90% thì điểm = Điểm tối đa",
    "Trường hợp Tỷ lệ ≥ 90% thì: Điểm = Điểm tối đa",
])
def test_if_then(text):
    assert one(text) == ("case", n.Case(n.Compare(N("Tỷ lệ"), ">=", pct("90")), MAX, None, target="Điểm"))


def test_a_heading_and_the_expression_under_it():
    found, _ = classify("Điểm:\n+ Tỷ lệ*Điểm tối đa")
    assert found == [("heading", ("Điểm", 0, 5)), ("result_expr", n.BinOp("*", N("Tỷ lệ"), MAX))]


@pytest.mark.parametrize(("text", "expected"), [
    ("1. Triển khai nền tảng số", ("part", ("1", "Triển khai nền tảng số"))),
    ("3. Hạ tầng số", ("part", ("3", "Hạ tầng số"))),
    ("Tính điểm theo phương pháp Min-Max dựa vào số lượng hồ sơ",
     ("stmt", n.CohortMethod(("minmax",), "max", "số lượng hồ sơ"))),
    ("Tổng điểm không quá 10 điểm", ("stmt", n.Cap(num(10)))),
    ("Đơn vị tính: triệu đồng", ("stmt", n.Note("unit", "Đơn vị tính: triệu đồng", "triệu đồng"))),
    ("Số liệu lấy theo báo cáo của Sở", ("stmt", n.Note("text", "Số liệu lấy theo báo cáo của Sở"))),
])
def test_titles_methods_caps_and_notes(text, expected):
    assert one(text) == expected


def test_a_per_item_rule_and_its_cap():
    # the cap written on the per-item line bounds that line (issue #12, item 3)
    assert one("Mỗi sáng kiến: 2 điểm, tối đa không quá 10 điểm") == (
        "stmt", n.PerItem("Mỗi sáng kiến", num(2), cap=num(10)))


@pytest.mark.parametrize("text", ["Trong đó: a = Số văn bản", "Trong đó, a = Số văn bản", "với a = Số văn bản"])
def test_the_words_before_a_declaration_are_skipped(text):
    assert one(text) == ("stmt", n.InputDecl("a", "Số văn bản", None, None))


def test_a_declaration_without_a_name_gets_the_first_free_letter():
    found, reader = classify("a = Số văn bản\n= Số văn bản đã ký số")
    assert found[1] == ("stmt", n.InputDecl("b", "Số văn bản đã ký số", None, None))
    assert found[1][1].recovered is True
    assert [(d.code, d.arguments) for d in reader.diags] == [
        ("CDS150", {"name": "b", "description": "Số văn bản đã ký số"})]


def test_a_declaration_written_with_a_full_stop_is_read_with_a_warning():
    found, reader = classify("a. Số văn bản đã ký số")
    assert found == [("stmt", n.InputDecl("a", "Số văn bản đã ký số", None, None))]
    assert [d.code for d in reader.diags] == ["CDS154"]


@pytest.mark.parametrize(("text", "code", "span"), [
    ("Tỷ lệ >= 80% Điểm tối đa", "CDS111", (13, 24)),  # no `:` between the condition and the result
    ("- Đã triển khai: gần đủ điểm", "CDS112", (17, 28)),  # points that cannot be read
    ("Tỷ lệ >= 2.5.1%: 10 điểm", "CDS108", (9, 15)),  # a malformed number
    ("Tỷ lệ >= : 10 điểm", "CDS107", (6, 8)),  # a comparison with no right side
    ("Tỷ lệ >= 80%", "CDS105", (11, 12)),  # a condition with no result
])
def test_a_line_that_cannot_be_read_gets_a_precise_error(text, code, span):
    reader = LineClassifier(text, Source(text))
    lines, reader.nt = split_lines(reader.nt)
    with pytest.raises(FormulaSyntaxError) as info:
        reader.classify(lines[0])
    [diag] = info.value.diagnostics
    assert (diag.code, (diag.span.start, diag.span.end)) == (code, span)


def test_too_many_parentheses_and_too_long_a_number_are_refused_before_reading():
    deep = "Điểm = " + "(" * 51 + "1" + ")" * 51
    with pytest.raises(FormulaSyntaxError) as info:
        LineClassifier(deep, Source(deep)).check_depth()
    assert info.value.diagnostics[0].code == "CDS104"
    long = "a = " + "9" * 40
    with pytest.raises(FormulaSyntaxError) as info:
        LineClassifier(long, Source(long)).check_numbers()
    assert info.value.diagnostics[0].code == "CDS113"
