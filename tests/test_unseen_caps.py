"""Per-item points with a cap (issue #12, item 3): the cap written on a per-item line bounds THAT line's
sum; the indicator's maximum (and a separate `Tổng điểm không quá ...` line) still bounds the whole;
several per-item lines each keep their own cap and count their own items.  Every case runs on the
interpreter, the exact compiled function and the integer fast path, which must agree.

The cells are written for these tests in the manner of the decisions (huyện, xã, sở indicator sets)."""
from __future__ import annotations

from fractions import Fraction

import pytest
from eval_helpers import BACKENDS, program_of

import cdsdsl
from cdsdsl.evaluate.codegen import compile_program
from cdsdsl.semantics.resolve import PerItemScoring, PerItemsScoring
from cdsdsl.syntax import nodes as n


@pytest.fixture(params=sorted(BACKENDS))
def backend(request):
    return BACKENDS[request.param]


def fast(program, inputs):
    """The integer fast path's exact result (numerator / denominator), or None when it has none."""
    f = compile_program(program).fast
    if f is None:
        return None
    num, den = f(inputs, None, None)
    return Fraction(num, den)


# ---------------------------------------------------------------- one line, its cap, several wordings

ONE_LINE = [
    "- 1 điểm cho mỗi ứng dụng, tối đa 5 điểm",
    "- Mỗi ứng dụng được 1 điểm nhưng không quá 5 điểm",
    "- Cứ mỗi ứng dụng được 1 điểm (tối đa 5 điểm)",
    "- Mỗi ứng dụng: 1 điểm, tối đa không quá 5 điểm",
    "- Mỗi ứng dụng: 1 điểm (tối đa 5 điểm)",
    "Mỗi ứng dụng tính 1 điểm, tối đa là 5 điểm",
    "- Được 1 điểm với mỗi ứng dụng, tối đa 5 điểm",
]


@pytest.mark.parametrize("text", ONE_LINE)
def test_one_per_item_line_reads_with_its_cap(text):
    st, = cdsdsl.parse_formula(text).statements
    assert isinstance(st, n.PerItem) and st.points == n.Number(Fraction(1)) and st.cap == n.Number(Fraction(5))
    program = program_of(text, 10)
    assert [s.key for s in program.inputs] == ["số lượng"]
    assert program.input("số lượng").description == "Số ứng dụng"
    assert program.cap is None  # the line's cap, not the indicator's


@pytest.mark.parametrize("text", ONE_LINE)
@pytest.mark.parametrize("count,expected", [(0, 0), (3, 3), (5, 5), (7, 5), (40, 5)])
def test_an_indicator_of_10_points_with_a_line_capped_at_5(backend, text, count, expected):
    program = program_of(text, 10)
    out = backend(program, {"số lượng": count})
    assert out.exact == expected
    assert fast(program, {"số lượng": count}) == expected
    assert not [d for d in out.diagnostics if d.code == "CDS613"]  # the cap is no clamp


def test_half_points_per_conference_capped_at_3():
    text = "- Cứ mỗi hội nghị, hội thảo về chuyển đổi số được 0,5 điểm (tối đa 3 điểm)"
    program = program_of(text, 3)
    assert program.input("số lượng").description == "Số hội nghị, hội thảo về chuyển đổi số"
    for count, expected in [(1, Fraction(1, 2)), (5, Fraction(5, 2)), (6, 3), (9, 3)]:
        for run in BACKENDS.values():
            assert run(program, {"số lượng": count}).exact == expected


def test_the_maximum_still_bounds_a_line_whose_cap_is_above_it(backend):
    # `tối đa 10 điểm` on a 6-point indicator: 9 items score 9 -> the maximum 6 (CDS613 says it was brought down)
    program = program_of("- Mỗi sáng kiến được công nhận: 1 điểm, tối đa 10 điểm", 6)
    out = backend(program, {"số lượng": 9})
    assert out.exact == 6
    assert [d.code for d in out.diagnostics] == ["CDS613"]


# ---------------------------------------------------------------- several lines, each its own cap

TWO_LINES = [
    "- Mỗi ứng dụng được triển khai: 1 điểm, tối đa 3 điểm\n- Mỗi nền tảng dùng chung: 0,5 điểm (tối đa 2 điểm)",
    "- 1 điểm cho mỗi ứng dụng được triển khai, tối đa 3 điểm\n- Cứ mỗi nền tảng dùng chung được 0,5 điểm"
    " nhưng không quá 2 điểm",
    "Điểm:\n+ Mỗi ứng dụng được triển khai tính 1 điểm (tối đa 3 điểm);\n"
    "+ Mỗi nền tảng dùng chung tính 0,5 điểm (tối đa 2 điểm)",
]


@pytest.mark.parametrize("text", TWO_LINES)
def test_two_lines_count_their_own_items(text):
    program = program_of(text, 5)
    assert [(s.key, s.description) for s in program.inputs] == [
        ("số lượng 1", "Số ứng dụng được triển khai"), ("số lượng 2", "Số nền tảng dùng chung")]
    sc = program.parts[0].scoring
    assert isinstance(sc, PerItemsScoring) and [line.cap for line in sc.lines] == [
        n.Number(Fraction(3)), n.Number(Fraction(2))]
    assert not [d for d in program.diagnostics if d.code == "CDS207"]  # both lines count, none is dropped


@pytest.mark.parametrize("text", TWO_LINES)
@pytest.mark.parametrize("apps,platforms,expected", [
    (0, 0, 0),
    (2, 2, 3),                      # 2 + 1
    (4, 1, Fraction(7, 2)),         # min(4, 3) + 0,5 = 3,5: the first line's cap, not the indicator's
    (1, 6, 3),                      # 1 + min(3, 2)
    (10, 10, 5),                    # 3 + 2: each line at its cap, the maximum reached
])
def test_a_5_point_indicator_with_lines_capped_at_3_and_2(backend, text, apps, platforms, expected):
    program = program_of(text, 5)
    inputs = {"số lượng 1": apps, "số lượng 2": platforms}
    assert backend(program, inputs).exact == expected
    assert fast(program, inputs) == expected


def test_a_cap_on_the_per_item_part_leaves_the_other_part_alone(backend):
    # before issue #12 the cap of part 2 clamped the whole indicator: 4 + 2 = 6 came out as 3
    text = ("1. Văn bản chỉ đạo\na = Số văn bản đã ban hành\nb = Tổng số văn bản phải ban hành\nTỷ lệ = a/b\n"
            "Điểm = Tỷ lệ * 4\n2. Sáng kiến\n- Mỗi sáng kiến: 1 điểm, tối đa 3 điểm")
    program = program_of(text, 7)
    assert program.cap is None
    assert backend(program, {"a": 2, "b": 2, "số lượng": 2}).exact == 6
    assert backend(program, {"a": 1, "b": 2, "số lượng": 9}).exact == 5  # 2 + min(9, 3)


def test_a_total_line_still_caps_the_whole(backend):
    # `Tổng điểm không quá ...` on its own line bounds the indicator (huyện Ninh Thuận 2023, 8.8 style)
    text = ("- Mỗi ứng dụng: 1 điểm, tối đa 3 điểm\n- Mỗi nền tảng: 1 điểm, tối đa 3 điểm\n"
            "- Tổng điểm không quá 4 điểm")
    program = program_of(text, 5)
    assert program.cap == n.Number(Fraction(4))
    assert backend(program, {"số lượng 1": 5, "số lượng 2": 5}).exact == 4  # min(3 + 3, 4)
    assert backend(program, {"số lượng 1": 1, "số lượng 2": 2}).exact == 3


def test_the_cap_is_read_in_the_last_parts_scope_on_every_backend():
    """`Tổng điểm không quá 4/a` written in part 2, where `a` is part 2's `a` (`2.a`): both backends read
    it there (the interpreter used to take part 1's scope for the cap's divisions and named `1.a`)."""
    text = ("1. Văn bản\na = Số văn bản đã ban hành\nb = Tổng số văn bản\nĐiểm = a/b * 2\n2. Hồ sơ\n"
            "a = Số hồ sơ trực tuyến\nb = Tổng số hồ sơ\nĐiểm = a/b * 2\nTổng điểm không quá 4/a")
    program = program_of(text, 4)
    messages = []
    for run in BACKENDS.values():
        # 1/1*2 + 2/2*2 = 4, at most 4/2 = 2 (part 1's a would allow 4/1 = 4)
        assert run(program, {"1.a": 1, "1.b": 1, "2.a": 2, "2.b": 2}).exact == 2
        out = run(program, {"1.a": 1, "1.b": 1, "2.a": 0, "2.b": 1})  # 4/0 in the cap
        assert out.exact == 0
        messages += [d.message() for d in out.diagnostics if d.code == "CDS610"]
    assert len(messages) == 2 and messages[0] == messages[1] and "2.a" in messages[0]


def test_explain_names_the_line_that_hit_its_cap():
    text = TWO_LINES[0]
    program = program_of(text, 5)
    o = cdsdsl.evaluate_program(program, {"số lượng 1": 4, "số lượng 2": 1})
    from cdsdsl.evaluate.explain import reason
    vi, en = reason(o), reason(o, lang="en")
    assert "Số ứng dụng được triển khai (`số lượng 1`): 4 điểm vượt mức tối đa của dòng này nên chỉ tính 3 điểm" in vi
    assert "exceeds this line's cap, counted as 3 points" in en
    assert "vượt" not in en


def test_checker_range_uses_each_lines_cap():
    # 3 + 2 = 5 fits the maximum: no CDS407; without the caps the sum has no upper limit
    assert "CDS407" not in {d.code for d in cdsdsl.check_formula(TWO_LINES[0], 5)}
    assert "CDS407" in {d.code for d in cdsdsl.check_formula(TWO_LINES[0], 4)}  # 3 + 2 > 4
    uncapped = "- Mỗi ứng dụng: 1 điểm\n- Mỗi nền tảng: 0,5 điểm"
    assert "CDS407" in {d.code for d in cdsdsl.check_formula(uncapped, 5)}


def test_printing_keeps_the_cap_on_its_line():
    f = cdsdsl.parse_formula(TWO_LINES[1])
    printed = cdsdsl.print_formula(f)
    assert "tối đa 3 điểm" in printed and "Tổng điểm" not in printed
    assert cdsdsl.parse_formula(printed) == f
    assert isinstance(program_of(printed, 5).parts[0].scoring.lines[0], PerItemScoring)
