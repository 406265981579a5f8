"""Every formula cell of huyen-ninh-thuan-2023 parses as written, and one cell
per construct of the language brief (§1-§9) has the AST shape it should."""
from __future__ import annotations

from fractions import Fraction as F

import pytest
from conftest import load_corpus

from cdsdsl import Formula, FormulaSyntaxError, parse_formula
from cdsdsl.syntax import nodes as n

CORPUS = load_corpus()


def body(cell_or_text) -> tuple:
    text = cell_or_text["formula"] if isinstance(cell_or_text, dict) else cell_or_text
    f = parse_formula(text)
    assert len(f.parts) == 1
    return f.parts[0].body


def pct(s: str) -> n.Percent:
    return n.Percent(F(s) / 100)


MAX = n.MaxPoints()
TYLE = n.Name("Tỷ lệ")


def times_max(e):
    return n.BinOp("*", e, MAX)


def half_max(d=2, k=1):
    return n.BinOp("*", n.BinOp("/", n.Number(F(k)), n.Number(F(d))), MAX)


@pytest.mark.parametrize("cell", CORPUS, ids=[c["id"] for c in CORPUS])
def test_huyen_ninh_thuan_2023_cell_parses(cell):
    f = parse_formula(cell["formula"], name="huyen-ninh-thuan-2023", item=cell["id"])
    assert isinstance(f, Formula)
    # only warnings/notes of recoveries, each pointing into the text as pasted
    for d in f.diagnostics:
        assert d.severity.value in ("warning", "info")
        assert 0 <= d.span.start <= d.span.end <= len(cell["formula"])
        assert d.item == cell["id"]
    # every node's span lies inside the text
    for node in f.walk():
        assert 0 <= node.span.start <= node.span.end <= len(cell["formula"]), node


def test_corpus_has_85_cells():
    assert len(CORPUS) == 85


# ---------------------------------------------------------- §1 inputs

def test_huyen_ninh_thuan_2023_1_3_inputs_declared_in_prose(corpus_by_id):
    decl_a, decl_b, ratio, score = body(corpus_by_id["1.3"])
    assert decl_a == n.InputDecl("a", "Số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu cấp "
                                 "huyện (Chủ tịch huyện/thị xã/thành phố) ký")
    assert decl_b.name == "b" and decl_b.unit is None
    assert ratio == n.Assign(TYLE, n.BinOp("/", n.Name("a"), n.Name("b")))
    assert score == n.Assign(n.Name("Điểm"), n.BinOp("*", TYLE, MAX))


def test_huyen_ninh_thuan_2023_5_12_1_inputs_with_units(corpus_by_id):
    decl_a, decl_b, *_ = body(corpus_by_id["5.12.1"])
    assert (decl_a.name, decl_a.unit) == ("a", "triệu đồng")
    assert (decl_b.name, decl_b.unit) == ("b", "triệu đồng")


def test_huyen_ninh_thuan_2023_7_1_inputs_in_billions(corpus_by_id):
    decl_a, decl_b, *_ = body(corpus_by_id["7.1"])
    assert decl_a.unit == decl_b.unit == "tỷ đồng"


def test_huyen_ninh_thuan_2023_3_6_constant_in_description(corpus_by_id):
    f = parse_formula(corpus_by_id["3.6"]["formula"])
    decl_b = f.parts[0].body[1]
    assert decl_b.name == "b" and decl_b.constant == 7


def test_declaration_naming_a_defined_name_is_a_formula_not_prose():
    # `c = Tổng số * 2` reads `Tổng số` as the name defined above, not as the start of a description;
    # `d = Tổng số hồ sơ …` begins with the defined name but goes on: a description (prose).
    f = parse_formula("Tổng số = a + b\nc = Tổng số * 2\nd = Tổng số hồ sơ đã xử lý (cả trực tuyến)")
    total, c, d = f.parts[0].body
    assert c == n.Assign(n.Name("c"), n.BinOp("*", n.Name("Tổng số"), n.Number(2)))
    assert d == n.InputDecl("d", "Tổng số hồ sơ đã xử lý (cả trực tuyến)")
    prose = parse_formula("c = Tổng số * 2")
    assert prose.parts[0].body == (n.InputDecl("c", "Tổng số * 2"),)


def test_huyen_ninh_thuan_2023_7_10_dot_declarations_recovered(corpus_by_id):
    f = parse_formula(corpus_by_id["7.10"]["formula"])
    a, b = f.parts[0].body[:2]
    assert isinstance(a, n.InputDecl) and a.name == "a" and a.description == "Tổng số tên miền .vn trên địa bàn"
    assert [d.code for d in f.diagnostics] == ["CDS154", "CDS154"]


def test_huyen_ninh_thuan_2023_3_1_unnamed_declaration_recovered(corpus_by_id):
    text = corpus_by_id["3.1"]["formula"]
    f = parse_formula(text)
    decl = f.parts[0].body[0]
    assert decl == n.InputDecl("a", "Số lượng người dân trưởng thành có điện thoại thông minh")
    assert decl.recovered
    (d,) = f.diagnostics
    assert d.code == "CDS150" and d.severity.value == "warning"
    assert text[d.span.start:d.span.end] == "="
    assert "`a`" in d.message()


def test_huyen_ninh_thuan_2023_4_3_names_bound_to_max_and_cohort(corpus_by_id):
    stmts = body(corpus_by_id["4.3"])
    h = next(s for s in stmts if getattr(s, "target", None) == n.Name("h"))
    assert h.value == MAX
    k = next(s for s in stmts if isinstance(s, n.InputDecl) and s.name == "k")
    assert "cao nhất trên tất cả các đơn vị" in k.description
    assert stmts[-1] == n.Assign(n.Name("Điểm"), n.BinOp("/", n.BinOp("*", n.Name("g"), n.Name("h")), n.Name("k")))


# -------------------------------------------------- §2 computed names

def test_huyen_ninh_thuan_2023_4_3_sums_in_ratio(corpus_by_id):
    ratio = body(corpus_by_id["4.3"])[6]
    a, b, c, d, e, f = (n.Name(x) for x in "abcdef")
    assert ratio == n.Assign(TYLE, n.BinOp("/", n.BinOp("+", n.BinOp("+", n.BinOp("+", a, b), c), d),
                                           n.BinOp("+", e, f)))


def test_huyen_ninh_thuan_2023_1_4_juxtaposition_half_max(corpus_by_id):
    cases = body(corpus_by_id["1.4"])[0].cases
    assert cases[1].result == half_max(2)   # `1/2 Điểm tối đa`
    assert cases[2].result == half_max(4)   # `1/4 Điểm tối đa`


def test_huyen_ninh_thuan_2023_3_6_ratio_times_half(corpus_by_id):
    f = parse_formula(corpus_by_id["3.6"]["formula"])
    score = f.parts[0].body[3]
    # `Tỷ lệ* 1/2*Điểm tối đa`, left to right
    assert score.value == n.BinOp("*", n.BinOp("/", n.BinOp("*", TYLE, n.Number(F(1))), n.Number(F(2))), MAX)


def test_huyen_ninh_thuan_2023_6_9_ratio_over_percent(corpus_by_id):
    cases = body(corpus_by_id["6.9"])[-1].cases
    assert cases[1].result == n.BinOp("*", n.BinOp("/", TYLE, pct("80")), MAX)


def test_huyen_ninh_thuan_2023_7_11_decimal_percent(corpus_by_id):
    cases = body(corpus_by_id["7.11"])[-1].cases
    assert cases[0].condition == n.Compare(TYLE, ">=", pct("0.25"))
    # `điểm = Điểm tối đa * tỷ lệ`: lower-case names are the same names
    assert cases[1].result == n.BinOp("*", MAX, TYLE) and cases[1].target == "Điểm"


def test_huyen_ninh_thuan_2023_5_1_score_named_diem_danh_gia(corpus_by_id):
    assert body(corpus_by_id["5.1"])[-1] == n.Assign(n.Name("Điểm"), times_max(TYLE))


def test_huyen_ninh_thuan_2023_6_10_unknown_name_kept(corpus_by_id):
    # `Tỷ lệ 1*Điểm tối đa`: a name that does not exist, left for the checker
    assert body(corpus_by_id["6.10"])[-1].value == times_max(n.Name("Tỷ lệ 1"))


# ------------------------------------------------------- §3 conditional cases

def test_huyen_ninh_thuan_2023_3_1_cases_under_heading_with_diem_result(corpus_by_id):
    cases = body(corpus_by_id["3.1"])[-1]
    assert cases == n.Cases("Điểm", (
        n.Case(n.Compare(TYLE, ">=", pct("70")), MAX),
        n.Case(n.Compare(TYLE, "<", pct("70")), times_max(TYLE)),
    ))
    assert cases.cases[1].target == "Điểm"


def test_huyen_ninh_thuan_2023_4_7_heading_written_with_equals(corpus_by_id):
    cases = body(corpus_by_id["4.7"])[-1]
    assert cases.heading == "Điểm"
    assert cases.cases[0].condition == n.Compare(TYLE, ">=", pct("60"))


def test_huyen_ninh_thuan_2023_3_3_percent_sign_missing_kept_as_number(corpus_by_id):
    cases = body(corpus_by_id["3.3"])[-1].cases
    assert cases[1].condition == n.Compare(TYLE, "<", n.Number(F(80)))   # the checker reports it


def test_huyen_ninh_thuan_2023_8_1_bare_expression_under_heading(corpus_by_id):
    assert body(corpus_by_id["8.1"])[-1] == n.Assign(n.Name("Điểm"), times_max(TYLE))


def test_huyen_ninh_thuan_2023_1_4_word_ranges_and_option(corpus_by_id):
    (cases,) = body(corpus_by_id["1.4"])
    assert cases.heading == "Đã có chuyên mục và số lượng tin, bài về Chuyển đổi số trong năm đạt"
    conds = [c.condition for c in cases.cases]
    assert conds == [
        n.Range(None, n.Number(F(20)), True, None, False),          # Từ 20 trở lên
        n.Range(None, n.Number(F(10)), True, n.Number(F(19)), True),  # Từ 10 đến 19
        n.Range(None, None, False, n.Number(F(10)), False),          # Dưới 10
        n.Option("Chưa có chuyên mục"),                                # §4: an option among ranges
    ]
    assert cases.cases[0].result == MAX and cases.cases[3].result == n.Number(F(0))


def test_huyen_ninh_thuan_2023_6_5_equality_case(corpus_by_id):
    cases = body(corpus_by_id["6.5"])[-1].cases
    assert cases[0].condition == n.Compare(TYLE, "=", pct("100"))


# ----------------------------------------------------------------- §4 options

def test_huyen_ninh_thuan_2023_2_1_exclusive_options(corpus_by_id):
    assert body(corpus_by_id["2.1"]) == (n.Cases(None, (
        n.Case(n.Option("Đã ban hành"), MAX),
        n.Case(n.Option("Chưa ban hành"), n.Number(F(0))),
    )),)


def test_huyen_ninh_thuan_2023_1_1_three_levels_of_options(corpus_by_id):
    (cases,) = body(corpus_by_id["1.1"])
    assert [c.result for c in cases.cases] == [MAX, half_max(2), n.Number(F(0))]


def test_huyen_ninh_thuan_2023_6_14_cumulative_shape(corpus_by_id):
    (cases,) = body(corpus_by_id["6.14"])
    assert [c.result for c in cases.cases] == [half_max(2), half_max(2), n.Number(F(0))]
    assert all(isinstance(c.condition, n.Option) for c in cases.cases)


def test_huyen_ninh_thuan_2023_6_1_cumulative_with_wrapped_line(corpus_by_id):
    f = parse_formula(corpus_by_id["6.1"]["formula"])
    (cases,) = f.parts[0].body
    assert [c.result for c in cases.cases] == [half_max(5, 4), half_max(5, 1), n.Number(F(0))]
    assert [d.code for d in f.diagnostics] == ["CDS152"]


def test_huyen_ninh_thuan_2023_1_6_frequency_options(corpus_by_id):
    (cases,) = body(corpus_by_id["1.6"])
    assert cases.cases[1].condition == n.Option("Tần suất phát sóng từ 1 tháng/1 lần đến dưới 1 lần/1 tuần")


def test_huyen_ninh_thuan_2023_1_1_prose_options_and_their_near_misses(corpus_by_id):
    # the options of 1.1 are prose (read as options without reading every word) ...
    (cases,) = body(corpus_by_id["1.1"])
    assert all(isinstance(c.condition, n.Option) for c in cases.cases)
    assert cases.cases[-1].condition.label.startswith("Chưa có Ban chỉ đạo hoặc có nhưng Trưởng ban")
    # ... but prose with a comparison, a bad number or an unclosed `(` is still read in full
    assert isinstance(body("- Số văn bản ban hành >= 5: 1 điểm\n- Khác: 0 điểm")[0].cases[0].condition, n.Compare)
    for text, code in [("- Chưa có Ban chỉ đạo (thành lập: 0 điểm\n- Có: 5 điểm", "CDS112"),
                       ("- Số lượng văn bản 2.5.1%: 0 điểm\n- Có: 5 điểm", "CDS108")]:
        with pytest.raises(FormulaSyntaxError) as info:
            parse_formula(text)
        assert info.value.code == code


# ------------------------------------------------------------------ §5 levels

def test_huyen_ninh_thuan_2023_5_12_1_levels(corpus_by_id):
    cases = body(corpus_by_id["5.12.1"])[-1]
    assert cases.heading == "Thang điểm"
    assert [c.level for c in cases.cases] == [1, 2, 3, 4]
    assert cases.cases[0] == n.Case(n.Compare(None, ">=", pct("10")), MAX, 1)
    assert cases.cases[1].result == times_max(pct("70"))
    assert cases.cases[3] == n.Case(n.Compare(None, "<", pct("3")), n.Number(F(0)), 4)


def test_huyen_ninh_thuan_2023_5_12_2_levels_relative_to_item(corpus_by_id):
    stmts = body(corpus_by_id["5.12.2"])
    cases, unit = stmts
    assert cases.cases[0] == n.Case(
        n.Compare(None, ">=", n.BinOp("*", pct("2.5"), n.ItemRef("5.12.1"))), times_max(pct("100")), 1)
    assert cases.cases[3].condition.op == "<"
    assert unit == n.Note("unit", "Đơn vị triệu đồng", "triệu đồng")


# ------------------------------------------------------------------- §6 parts

def test_huyen_ninh_thuan_2023_3_6_parts_and_list_note(corpus_by_id):
    f = parse_formula(corpus_by_id["3.6"]["formula"])
    assert [(p.number, p.title) for p in f.parts] == [("1", "Triển khai nền tảng số"), ("2", "Mô hình triển khai")]
    assert [type(s).__name__ for s in f.parts[1].body] == ["InputDecl", "InputDecl", "Assign", "Assign", "Note"]
    assert f.parts[1].body[-1].kind == "list"


def test_huyen_ninh_thuan_2023_3_7_parts_reuse_names(corpus_by_id):
    f = parse_formula(corpus_by_id["3.7"]["formula"])
    assert [s.name for s in f.parts[0].body[:2]] == ["a", "b"]
    assert [s.name for s in f.parts[1].body[:2]] == ["a", "b"]


def test_huyen_ninh_thuan_2023_5_11_sum_of_items(corpus_by_id):
    assert body(corpus_by_id["5.11"]) == (n.SumItems("5.12.1", "5.12.6"),)


# ------------------------------------------------------------------- §7 cohort

def test_huyen_ninh_thuan_2023_5_8_min_max(corpus_by_id):
    (m,) = body(corpus_by_id["5.8"])
    assert m.methods == ("minmax",) and m.direction == "max"
    assert m.basis.startswith("đơn vị nào nhiều cuộc diễn tập")


def test_huyen_ninh_thuan_2023_8_6_min_max_and_ratio_to_best(corpus_by_id):
    m, note, unit = body(corpus_by_id["8.6"])
    assert m.methods == ("minmax", "ratio_to_best")
    assert note.kind == "text" and unit.unit == "triệu đồng"


def test_huyen_ninh_thuan_2023_7_10_best_unit_and_others(corpus_by_id):
    cases = body(corpus_by_id["7.10"])[-1].cases
    assert cases[0].condition == n.Best("max", "Địa phương có tỷ lệ cao nhất")
    assert cases[1].condition == n.Otherwise("Các địa phương còn lại")
    assert cases[1].result == times_max(n.BinOp("/", TYLE, n.Aggregate("max", TYLE)))


# ------------------------------------------------------------- §8 counting

def test_huyen_ninh_thuan_2023_8_8_per_item_with_cap(corpus_by_id):
    *notes, per, cap = body(corpus_by_id["8.8"])
    assert per == n.PerItem("Mỗi hoạt động hiệu quả", n.Number(F(1)))
    assert cap == n.Cap(MAX)
    assert [x.kind for x in notes] == ["list", "text"]


# ---------------------------------------------------------------- §9 notes

def test_huyen_ninh_thuan_2023_6_6_explanation(corpus_by_id):
    note = body(corpus_by_id["6.6"])[-1]
    assert note.kind == "explanation" and note.text.startswith("Giải thích: DVCTT được điền sẵn")


def test_huyen_ninh_thuan_2023_6_7_explanation_over_several_lines(corpus_by_id):
    note = body(corpus_by_id["6.7"])[-1]
    assert note.kind == "explanation"
    assert note.text.endswith("2) Cá thể hóa thực hiện dịch vụ; 3) Cá thể hóa về trả kết quả dịch vụ")


def test_huyen_ninh_thuan_2023_8_7_unit_note_with_dots(corpus_by_id):
    note = body(corpus_by_id["8.7"])[-1]
    assert note.kind == "unit" and note.unit == "triệu đồng"


def test_huyen_ninh_thuan_2023_6_18_unit_in_description_misspelt(corpus_by_id):
    # `Đơn vị triêu đồng` (a missing diacritic) still names the unit
    assert body(corpus_by_id["6.18"])[0].unit == "triệu đồng"


def test_text_with_no_rule_warns():
    f = parse_formula("Giải thích: chỉ là lời giải thích")
    assert [d.code for d in f.diagnostics] == ["CDS153"]
