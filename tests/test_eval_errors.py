"""Bad data: each outcome with its message, its location and its hint (both back ends)."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from eval_helpers import BACKENDS, program_of

from cdsdsl.diagnostics.core import DataError, ScoreError
from cdsdsl.evaluate.interpret import Policy
from cdsdsl.evaluate.runtime import parse_number
from cdsdsl.scoring.unitdata import Value

RATIO = "a=Số lượng văn bản đã ký;\nb=Tổng số văn bản;\n- Tỷ lệ=a/b;\n- Điểm=Tỷ lệ*Điểm tối đa"


@pytest.fixture(params=sorted(BACKENDS))
def backend(request):
    return BACKENDS[request.param]


def test_huyen_2023_1_3_missing_input_names_key_and_description(backend):
    with pytest.raises(DataError) as exc:
        backend(program_of(RATIO, 10, item="1.3"), {"a": 3}, unit="Huyện A")
    d = exc.value.first
    assert d.code == "CDS600" and d.item == "1.3" and d.unit == "Huyện A"
    assert exc.value.message == "thiếu số liệu `b` (Tổng số văn bản)"
    assert d.message("en") == "input `b` (Tổng số văn bản) is missing"


def test_huyen_2023_1_3_text_where_a_number_is_expected_names_the_cell(backend):
    with pytest.raises(DataError) as exc:
        backend(program_of(RATIO, 10, item="1.3"), {"a": Value("bảy", "dv.csv:4:C"), "b": 21}, unit="Huyện A")
    assert exc.value.code == "CDS601"
    assert exc.value.message == "`a` = `bảy` ở ô dv.csv:4:C: không phải là số"
    assert "Ghi một số" in exc.value.hint


def test_huyen_2023_1_3_negative_count(backend):
    with pytest.raises(DataError) as exc:
        backend(program_of(RATIO, 10, item="1.3"), {"a": -1, "b": 21})
    assert exc.value.code == "CDS603"


def test_huyen_2023_1_3_part_larger_than_whole_is_not_scored(backend):
    with pytest.raises(DataError) as exc:
        backend(program_of(RATIO, 10, item="1.3"), {"a": Value(12, "dv.csv:4:C"), "b": 10}, unit="Huyện A")
    assert exc.value.code == "CDS614"
    assert exc.value.message == ("a = 12 lớn hơn b = 10 (Tỷ lệ = 120% > 100%): "
                                 "chỉ số không được chấm")
    assert exc.value.first.span is not None and exc.value.line == 3


#: huyện Ninh Thuận 2023 indicator 3.6: b is the MINIMUM number of platforms the list requires (7), not a total
PLATFORMS = ("1. Triển khai nền tảng số\n- a= Số lượng nền tảng số dùng chung đã triển khai;\n"
             "- b=Số lượng nền tảng số tối thiểu theo danh mục yêu cầu (7);\n- Tỷ lệ=a/b;\n"
             "- Điểm=Tỷ lệ* 1/2*Điểm tối đa\n2. Mô hình triển khai\n"
             "- c= Số lượng nền tảng số triển khai tập trung trên Trung tâm dữ liệu;\n- d=Số lượng nền tảng số;\n"
             "- Tỷ lệ=c/d;\n- Điểm=Tỷ lệ* 1/2*Điểm tối đa")


def test_huyen_2023_3_6_more_platforms_than_the_minimum_is_valid_and_clamped(backend):
    """a = 14 over a minimum b = 7 is not a part larger than its whole (no CDS614, as `cds check` says with
    CDS407): 14/7 × 10 + 4/4 × 10 = 30 points, clamped to the maximum 20 and reported (CDS613)."""
    out = backend(program_of(PLATFORMS, 20, item="3.6"), {"a": 14, "b": 7, "c": 4, "d": 4}, unit="Huyện A")
    assert out.points == Decimal("20.00")
    assert "CDS613" in [d.code for d in out.diagnostics]
    # the second ratio is over a true total: c > d is still refused
    with pytest.raises(DataError) as exc:
        backend(program_of(PLATFORMS, 20, item="3.6"), {"a": 7, "b": 7, "c": 5, "d": 4}, unit="Huyện A")
    assert exc.value.code == "CDS614" and exc.value.message.startswith("c = 5 lớn hơn d = 4")


def test_huyen_2023_1_3_division_by_zero_scores_zero_with_warning(backend):
    out = backend(program_of(RATIO, 10, item="1.3"), {"a": 0, "b": 0}, unit="Huyện A")
    assert out.exact == 0 and out.points == Decimal("0.00")
    assert [d.code for d in out.diagnostics] == ["CDS610"]
    assert out.diagnostics[0].message() == ("chia cho 0 (b, b = 0): "
                                           "chỉ số được 0 điểm")


def test_huyen_2023_1_3_division_by_zero_policy_error(backend):
    with pytest.raises(ScoreError) as exc:
        backend(program_of(RATIO, 10, item="1.3"), {"a": 0, "b": 0}, policy=Policy("error"))
    assert exc.value.code == "CDS611"


def test_option_not_in_list_lists_the_choices(backend):
    program = program_of("- Đã ban hành: Điểm tối đa\n- Chưa ban hành: 0 điểm", 5, item="2.1")
    with pytest.raises(DataError) as exc:
        backend(program, {"lựa chọn": "Đang soạn"})
    assert exc.value.code == "CDS605"
    assert exc.value.hint.endswith("1. Đã ban hành; 2. Chưa ban hành.")


def test_several_options_for_an_exclusive_list(backend):
    program = program_of("- Đã ban hành: Điểm tối đa\n- Chưa ban hành: 0 điểm", 5, item="2.1")
    with pytest.raises(DataError) as exc:
        backend(program, {"lựa chọn": [1, 2]})
    assert exc.value.code == "CDS606"


def test_cohort_indicator_alone_says_why(backend):
    program = program_of("Tính điểm theo phương pháp Min-Max dựa vào đơn vị nào nhiều cuộc diễn tập nhất", 5,
                         item="5.8")
    with pytest.raises(ScoreError) as exc:
        backend(program, {"x": 3}, unit="Huyện A")
    assert exc.value.code == "CDS617"
    assert "cần số liệu của tất cả các đơn vị" in exc.value.message


@pytest.mark.parametrize("raw,kind,expected", [
    (7, "count", 7), ("2,5", "number", Fraction(5, 2)), ("80%", "ratio", Fraction(4, 5)),
    ("1.234,5", "money", Fraction(24690, 20)), ("8 333", "count", 8333), ("1.234.567", "count", 1234567),
    (Decimal("0.1"), "number", Fraction(1, 10)), (0.1, "number", Fraction(1, 10)), ("0.25", "ratio", Fraction(1, 4)),
    ("8.33", "money", Fraction(833, 100))])
def test_parse_number_accepts(raw, kind, expected):
    assert parse_number(raw, kind=kind) == expected


@pytest.mark.parametrize("raw,kind,code", [
    ("8.333", "count", "CDS602"), ("8.333", "money", "CDS602"), ("2,5", "count", "CDS604"), ("abc", "number", "CDS601"),
    ("80%", "count", "CDS601"), ("-3", "count", "CDS603"), (True, "count", "CDS601"), (float("nan"), "number", "CDS601"),
    ("", "count", "CDS600")])
def test_parse_number_refuses(raw, kind, code):
    with pytest.raises(DataError) as exc:
        parse_number(raw, kind=kind, key="b", item="7.3", unit="Huyện A", where="dv.csv:9:D")
    assert exc.value.code == code


def test_parse_number_ambiguous_dot_gives_both_readings():
    with pytest.raises(DataError) as exc:
        parse_number("8.333", kind="count", key="b", item="7.3", unit="Huyện A", where="dv.csv:9:D")
    assert exc.value.message == "`b` = `8.333` ở ô dv.csv:9:D có thể là 8333 hoặc 8,333"
    assert exc.value.first.message("en").endswith("could be 8333 or 8,333")
