"""Cutting normalised formula text into logical lines (cdsdsl/syntax/lines.py): where a one-line paste
is cut into statements (`statement_cuts`), and how physical lines become logical lines (`split_lines`:
bullets, closing punctuation, wrapped lines joined).  The texts are those of the decisions in
rulesets/sources/*.txt, pasted in several ways."""
from __future__ import annotations

import pytest

from cdsdsl.syntax.lines import (
    Line,
    continues_previous,
    paren_depth,
    split_lines,
    starts_statement,
    statement_cuts,
    trailing_punctuation,
)
from cdsdsl.text.normalize import normalize


def pieces(chunk: str) -> list[str]:
    cuts = statement_cuts(chunk)
    return [chunk[a:b] for a, b in zip([0, *cuts], [*cuts, len(chunk)], strict=True)]


# huyện Ninh Thuận 2023, indicator 1.3, its four lines pasted on one
NT_1_3 = ("a=Số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu cấp huyện "
          "(Chủ tịch huyện/thị xã/thành phố) ký; b=Tổng số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số "
          "của cấp huyện; - Tỷ lệ=a/b; - Điểm=Tỷ lệ*Điểm tối đa")
# huyện Ninh Thuận 2023, indicator 1.1, its three options pasted on one line
NT_1_1 = ("- Trưởng ban là Bí thư/Chủ tịch cấp Huyện: Điểm tối đa - Trưởng ban là Phó Bí thư/Phó Chủ tịch "
          "cấp Huyện: 1/2*Điểm tối đa - Chưa có Ban chỉ đạo hoặc có nhưng Trưởng ban không phải Lãnh đạo cấp "
          "Huyện: 0 điểm")


@pytest.mark.parametrize(("chunk", "expected"), [
    (NT_1_3, ["a=Số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu cấp huyện "
              "(Chủ tịch huyện/thị xã/thành phố) ký; ",
              "b=Tổng số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số của cấp huyện; ",
              "- Tỷ lệ=a/b; ", "- Điểm=Tỷ lệ*Điểm tối đa"]),
    # the same statements with no `;`: cut before each `x =` written after a word
    ("a = Số văn bản đã ký số b = Tổng số văn bản Tỷ lệ = a/b",
     ["a = Số văn bản đã ký số ", "b = Tổng số văn bản ", "Tỷ lệ = a/b"]),
    # ... or after a full stop
    ("Tỷ lệ = a/b. Điểm = Tỷ lệ*Điểm tối đa", ["Tỷ lệ = a/b. ", "Điểm = Tỷ lệ*Điểm tối đa"]),
    ("Tỷ lệ >= 90%: 10 điểm; Tỷ lệ < 90%: 0 điểm", ["Tỷ lệ >= 90%: 10 điểm; ", "Tỷ lệ < 90%: 0 điểm"]),
    (NT_1_1, ["- Trưởng ban là Bí thư/Chủ tịch cấp Huyện: Điểm tối đa ",
              "- Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp Huyện: 1/2*Điểm tối đa ",
              "- Chưa có Ban chỉ đạo hoặc có nhưng Trưởng ban không phải Lãnh đạo cấp Huyện: 0 điểm"]),
    # tỉnh Đắk Lắk 2021, indicator 6.7: two bullets whose points are numbers
    ("- Tổng số dịch vụ dữ liệu có trên NDXP được đưa vào sử dụng chính thức của tỉnh là: 4 "
     "- Tổng số dịch vụ dữ liệu có trên NDXP: 10",
     ["- Tổng số dịch vụ dữ liệu có trên NDXP được đưa vào sử dụng chính thức của tỉnh là: 4 ",
      "- Tổng số dịch vụ dữ liệu có trên NDXP: 10"]),
    # huyện Ninh Thuận 2023, indicator 5.12: two levels on one line
    ("Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này. Mức 2: ≥ 1% mục 5.12.1: 50% điểm phần này.",
     ["Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này. ", "Mức 2: ≥ 1% mục 5.12.1: 50% điểm phần này."]),
    # a heading `Điểm =` followed by its cases
    ("Điểm = - Tỷ lệ >= 80%: Điểm tối đa - Tỷ lệ < 80%: 0 điểm",
     ["Điểm = ", "- Tỷ lệ >= 80%: Điểm tối đa ", "- Tỷ lệ < 80%: 0 điểm"]),
    ("Đã ban hành: 10 điểm 2. Chuyển đổi số trong cơ quan nhà nước",
     ["Đã ban hành: 10 điểm ", "2. Chuyển đổi số trong cơ quan nhà nước"]),
    ("Tỷ lệ = a/b Đơn vị: triệu đồng", ["Tỷ lệ = a/b ", "Đơn vị: triệu đồng"]),
    ("Tỷ lệ >= 90%: 10 điểm Ghi chú: tính theo năm", ["Tỷ lệ >= 90%: 10 điểm ", "Ghi chú: tính theo năm"]),
])
def test_a_one_line_paste_is_cut_before_each_statement(chunk, expected):
    assert pieces(chunk) == expected


@pytest.mark.parametrize("chunk", [
    "Điểm = Điểm tối đa + Điểm tối đa",  # arithmetic, not a bullet
    "Tỷ lệ của a và b = Điểm",  # `b =` after `và` continues the phrase
    "Có ban hành; trong đó có kế hoạch",  # no statement after the `;`
    "a = Số văn bản (gồm quyết định; Kế hoạch)",  # a `;` inside parentheses
    "a;",
])
def test_text_that_is_one_statement_is_not_cut(chunk):
    assert statement_cuts(chunk) == []


def test_a_semicolon_inside_parentheses_is_not_a_cut():
    assert pieces("a = Số văn bản (gồm: quyết định; kế hoạch); b = Tổng số văn bản") == [
        "a = Số văn bản (gồm: quyết định; kế hoạch); ", "b = Tổng số văn bản"]


def test_paren_depth_counts_open_parentheses_before_a_position():
    depth_at = paren_depth("a (b (c) d) e) (f")
    assert [depth_at(i) for i in (0, 3, 6, 8, 12, 14, 16)] == [0, 1, 2, 1, 0, 0, 1]
    assert paren_depth("no parentheses")(5) == 0


@pytest.mark.parametrize(("chunk", "at", "expected"), [
    ("x; Đã ban hành", 3, True),  # a capital word
    ("x; b = Tổng số", 3, True),  # a declaration
    ("x; Tỷ lệ >= 80%", 3, True),
    ("x; mức 2: 5 điểm", 3, True),
    ("x; trong đó có kế hoạch", 3, False),
    ("x; A thấp", 3, False),  # a capital letter alone is no statement
    ("x;", 2, False),  # nothing after
])
def test_starts_statement(chunk, at, expected):
    assert starts_statement(chunk, at) is expected


@pytest.mark.parametrize(("seg", "expected"), [
    ("Tỷ lệ=a/b", (9, False, [])),
    ("Tỷ lệ=a/b;", (9, True, [])),
    ("Điểm tối đa.", (11, True, [])),
    ("Có, ", (2, False, [])),  # a comma does not close a statement
    ("Tỷ lệ=a/b;;", (9, True, [(";", 110)])),  # the second mark is stray, at its place in the text
    ("Tỷ lệ=a/b; .", (9, True, [(".", 111)])),
])
def test_trailing_punctuation(seg, expected):
    assert trailing_punctuation(seg, 100) == expected


def logical(text: str) -> tuple[list[tuple[str, str | None, bool, tuple, bool]], str]:
    nt = normalize(text).text
    assert nt == text  # the texts below are already normal: positions are those of the text
    lines, joined = split_lines(nt)
    return [(nt[ln.start:ln.end], ln.bullet, ln.joined, ln.stray, ln.closed) for ln in lines], joined


def test_the_lines_of_a_decision_keep_their_bullets_and_closing_marks():
    text = ("- Trưởng ban là Bí thư/Chủ tịch cấp Huyện: Điểm tối đa\n"
            "- Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp Huyện: 1/2*Điểm tối đa;\n"
            "- Chưa có Ban chỉ đạo hoặc có nhưng Trưởng ban không phải Lãnh đạo cấp Huyện: 0 điểm")
    assert logical(text) == ([
        ("Trưởng ban là Bí thư/Chủ tịch cấp Huyện: Điểm tối đa", "-", False, (), False),
        ("Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp Huyện: 1/2*Điểm tối đa", "-", False, (), True),
        ("Chưa có Ban chỉ đạo hoặc có nhưng Trưởng ban không phải Lãnh đạo cấp Huyện: 0 điểm", "-", False, (),
         False)], text)


def test_doubled_punctuation_is_stray():
    assert logical("- Tỷ lệ=a/b;;\n- Điểm=Tỷ lệ*Điểm tối đa.")[0] == [
        ("Tỷ lệ=a/b", "-", False, ((";", 12),), True), ("Điểm=Tỷ lệ*Điểm tối đa", "-", False, (), True)]


@pytest.mark.parametrize(("text", "first", "joined"), [
    # a phrase wrapped in lower case
    ("a = Số văn bản\nchỉ đạo của huyện;\nb = Tổng số", "a = Số văn bản\nchỉ đạo của huyện",
     "a = Số văn bản chỉ đạo của huyện;\nb = Tổng số"),
    # a line that ends with an operator
    ("Điểm = Tỷ lệ *\nĐiểm tối đa", "Điểm = Tỷ lệ *\nĐiểm tối đa", "Điểm = Tỷ lệ * Điểm tối đa"),
    # a line that starts with one (`*` here is no bullet)
    ("Điểm = Tỷ lệ\n*Điểm tối đa", "Điểm = Tỷ lệ\n*Điểm tối đa", "Điểm = Tỷ lệ *Điểm tối đa"),
    # an option whose points are on the next line
    ("- Có ban hành Kế hoạch\nChuyển đổi số năm 2023: 5 điểm\n- Chưa ban hành: 0 điểm",
     "Có ban hành Kế hoạch\nChuyển đổi số năm 2023: 5 điểm",
     "- Có ban hành Kế hoạch Chuyển đổi số năm 2023: 5 điểm\n- Chưa ban hành: 0 điểm"),
])
def test_a_wrapped_line_is_joined_to_the_line_it_continues(text, first, joined):
    lines, new_text = logical(text)
    assert lines[0][0] == first and lines[0][2] is True
    assert new_text == joined and len(new_text) == len(text)


@pytest.mark.parametrize("text", [
    "- Tỷ lệ=a/b;\nđiểm tối đa",  # the first line is closed by its `;`
    "- Đã triển khai: 5 điểm\nmức 1: 3 điểm",  # a level is a statement of its own
    "a = Số văn bản\nb = Tổng số",
])
def test_a_line_that_does_not_continue_stays_apart(text):
    lines, new_text = logical(text)
    assert len(lines) == 2 and not any(joined for _, _, joined, _, _ in lines)
    assert new_text == text


def test_continues_previous_judges_the_next_line_by_the_previous_one():
    text = "- Có ban hành\nkế hoạch"
    prev = Line(2, 13, "-")
    assert continues_previous(text, prev, "kế hoạch") is True
    assert continues_previous(text, prev._replace(closed=True), "kế hoạch") is False
    assert continues_previous(text, prev, "Mức 1: 5 điểm") is False


def test_bullets_of_other_kinds_and_blank_lines():
    lines, _ = split_lines("a) Có kế hoạch: 5 điểm\n12) Không có: 0 điểm\n\n  \n• Khác: 1 điểm")
    assert [(ln.bullet, ln.start) for ln in lines] == [("a)", 3), ("12)", 27), ("•", 50)]
    assert split_lines("  \n - ; \n") == ([], "  \n - ; \n")
