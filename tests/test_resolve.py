"""Semantic resolution (cdsdsl.semantics.resolve): input schema, scopes, subjects, option reading, cohort needs.

Each test names the huyện Ninh Thuận 2023 indicator whose text it resolves.
"""
from __future__ import annotations

from fractions import Fraction

import pytest

from cdsdsl.semantics.resolve import CaseScoring, CohortScoring, ExprScoring, PerItemScoring, SumItemsScoring, resolve
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.parser import parse_formula


def program(cell, **kw):
    return resolve(parse_formula(cell["formula"]), cell["max"], item=cell["id"], title=cell["name"], **kw)


def keys(p):
    return [(i.key, i.kind, i.unit) for i in p.inputs]


def test_huyen_ninh_thuan_2023_1_3_declared_counts(corpus_by_id):
    p = program(corpus_by_id["1.3"])
    assert keys(p) == [("a", "count", None), ("b", "count", None)]
    assert isinstance(p.parts[0].scoring, ExprScoring)
    assert [(pw.parts, pw.wholes) for pw in p.part_wholes] == [(("a",), ("b",))]
    assert not p.needs_cohort and not p.diagnostics


def test_huyen_ninh_thuan_2023_3_7_reused_names_get_part_keys(corpus_by_id):
    p = program(corpus_by_id["3.7"])
    assert [i.key for i in p.inputs] == ["1.a", "1.b", "2.a", "2.b"]
    assert [type(part.scoring) for part in p.parts] == [ExprScoring, ExprScoring]


def test_huyen_ninh_thuan_2023_3_6_constant_in_prose(corpus_by_id):
    p = program(corpus_by_id["3.6"])
    assert p.input("b").constant == 7


def test_huyen_ninh_thuan_2023_7_1_money_unit_from_prose(corpus_by_id):
    assert keys(program(corpus_by_id["7.1"])) == [("a", "money", "tỷ đồng"), ("b", "money", "tỷ đồng")]


def test_huyen_ninh_thuan_2023_1_4_implicit_subject_and_option(corpus_by_id):
    p = program(corpus_by_id["1.4"])
    x = p.input("x")
    assert x.role == "subject" and x.kind == "count" and "số lượng tin, bài" in x.description
    choice = p.input("lựa chọn")
    assert choice.choices == ("Chưa có chuyên mục",)


def test_huyen_ninh_thuan_2023_5_12_1_levels_compare_the_computed_ratio(corpus_by_id):
    scoring = program(corpus_by_id["5.12.1"]).parts[0].scoring
    assert isinstance(scoring, CaseScoring) and scoring.subject == n.Name("Tỷ lệ")


def test_huyen_ninh_thuan_2023_5_12_2_item_reference_is_an_input(corpus_by_id):
    p = program(corpus_by_id["5.12.2"])
    assert p.item_refs == ("5.12.1",)
    assert p.input("mục 5.12.1").role == "itemref" and p.input("x").unit == "triệu đồng"


def test_huyen_ninh_thuan_2023_4_3_aliases_own_ratio_and_cohort_maximum(corpus_by_id):
    p = program(corpus_by_id["4.3"])
    steps = {s.name: s for s in p.parts[0].steps}
    assert steps["g"].expr == n.Name("Tỷ lệ")
    assert steps["k"].expr == n.Aggregate("max", n.Name("Tỷ lệ"))
    assert steps["h"].expr == n.MaxPoints()
    assert p.needs_cohort
    assert [d.code for d in p.diagnostics] == ["CDS203", "CDS203"]


@pytest.mark.parametrize("item, mode", [("1.1", "exclusive"), ("6.16", "exclusive"), ("6.14", "cumulative"),
                                        ("3.5", "cumulative"), ("6.1", "cumulative")])
def test_huyen_ninh_thuan_2023_option_reading(corpus_by_id, item, mode):
    p = program(corpus_by_id[item])
    assert p.parts[0].scoring.mode == mode
    assert p.input("lựa chọn").kind == ("options" if mode == "cumulative" else "option")
    info = [d for d in p.diagnostics if d.code == "CDS204"]
    assert info and ("cộng dồn" if mode == "cumulative" else "loại trừ") in info[0].message()


def test_option_reading_override(corpus_by_id):
    p = program(corpus_by_id["6.14"], option_mode="exclusive")
    assert p.parts[0].scoring.mode == "exclusive"
    assert "bộ chỉ số ghi rõ" in next(d for d in p.diagnostics if d.code == "CDS204").message()


def test_unsettled_option_reading_is_a_warning():
    p = resolve(parse_formula("- Có A: 1/2*Điểm tối đa\n- Có B: 1/4*Điểm tối đa\n- Không: 0 điểm"), 10)
    assert [d.code for d in p.diagnostics] == ["CDS205"]


def test_huyen_ninh_thuan_2023_8_6_cohort_method_named_twice(corpus_by_id):
    sc = program(corpus_by_id["8.6"]).parts[0].scoring
    assert isinstance(sc, CohortScoring) and sc.ambiguous and not sc.settled_by_ruleset
    assert sc.method == "ratio_to_best"
    # the ruleset loader's spelling settles it
    sc = program(corpus_by_id["8.6"], cohort_method="min_max").parts[0].scoring
    assert sc.method == "minmax" and sc.settled_by_ruleset


def test_huyen_ninh_thuan_2023_8_8_per_item_with_cap(corpus_by_id):
    p = program(corpus_by_id["8.8"])
    assert isinstance(p.parts[0].scoring, PerItemScoring)
    assert p.cap == n.MaxPoints() and p.input("số lượng").kind == "count"


def test_huyen_ninh_thuan_2023_5_11_sum_of_items(corpus_by_id):
    sc = program(corpus_by_id["5.11"]).parts[0].scoring
    assert isinstance(sc, SumItemsScoring) and (sc.first, sc.last) == ("5.12.1", "5.12.6")


def test_huyen_ninh_thuan_2023_6_10_unknown_name_suggests_the_defined_one(corpus_by_id):
    d = next(d for d in program(corpus_by_id["6.10"]).diagnostics if d.code == "CDS201")
    assert d.message() == "tên `Tỷ lệ 1` chưa được định nghĩa"
    assert d.hint() == "có phải là `Tỷ lệ`?" and d.hint("en") == "did you mean `Tỷ lệ`?"


def test_ratio_reported_by_the_unit_when_the_text_does_not_compute_it():
    text = "- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: Tỷ lệ/80%*Điểm tối đa"
    p = resolve(parse_formula(text), 10, title="Tỷ lệ hồ sơ trực tuyến")
    assert keys(p) == [("tỷ lệ", "ratio", None)]
    assert p.input("tỷ lệ").description == "Tỷ lệ hồ sơ trực tuyến"
    assert [d.code for d in p.diagnostics] == ["CDS208"]
    # a near-identical text that computes it declares a and b instead, with no CDS208
    p = resolve(parse_formula("a = Số lượng;\nb = Tổng số;\nTỷ lệ = a/b\n" + text), 10)
    assert [i.key for i in p.inputs] == ["a", "b"] and not p.diagnostics


def test_unused_input_is_reported():
    p = resolve(parse_formula("a = Số lượng;\nb = Tổng số;\nĐiểm = b/b * Điểm tối đa"), 10)
    d = [d for d in p.diagnostics if d.code == "CDS202"]
    assert len(d) == 1 and d[0].arguments["name"] == "a"


def test_no_scoring_rule_is_an_error():
    p = resolve(parse_formula("a = Số lượng văn bản;"), Fraction(10))
    assert [d.code for d in p.diagnostics if d.severity.value == "error"] == ["CDS206"]


def test_points_written_as_numbers_settle_the_option_reading():
    # `Có: 5 điểm; Không: 0 điểm` of a 5-point indicator: 5 điểm is the whole maximum → exclusive, no warning
    p = resolve(parse_formula("- Có: 5 điểm\n- Không: 0 điểm"), 5)
    assert p.parts[0].scoring.mode == "exclusive" and "CDS205" not in [d.code for d in p.diagnostics]
    # two options of 5 points each add up to a 10-point maximum → cumulative
    p = resolve(parse_formula("- Có cổng: 5 điểm\n- Có ứng dụng: 5 điểm\n- Không có: 0 điểm"), 10)
    assert p.parts[0].scoring.mode == "cumulative"


def test_inputs_may_be_described_after_the_formula_uses_them():
    text = "Điểm = a/b * Điểm tối đa\nTrong đó:\na = Số văn bản ký số;\nb = Tổng số văn bản"
    p = resolve(parse_formula(text), 10)
    assert [i.key for i in p.inputs] == ["a", "b"]
    assert not [d for d in p.diagnostics if d.code in ("CDS201", "CDS202")]
    assert [s.key for s in p.parts[0].steps[:2]] == ["a", "b"]  # inputs are read first


def test_points_used_inside_their_own_formula_are_reported_not_a_crash():
    # `- Có: điểm` reads `điểm` as the name of the points themselves: an error that suggests `Điểm tối đa`
    p = resolve(parse_formula("- Có: điểm\n- Không: 0 điểm"), 10)
    d = next(d for d in p.diagnostics if d.code == "CDS201")
    assert d.hint() == "có phải là `Điểm tối đa`?"
    import cdsdsl

    with pytest.raises(cdsdsl.ScoreError) as exc:
        cdsdsl.evaluate_formula("- Có: điểm\n- Không: 0 điểm", 10, {"lựa chọn": 1})
    assert exc.value.code == "CDS615"


# ------------------------------------------------------- CDS209 a name computed from itself

def test_huyen_ninh_thuan_2023_7_2_mutated_ratio_redefined_from_itself_is_an_error():
    # found by tests/test_robustness_pipeline.py: 7.2 with its scoring line's `Điểm` typed `Tỷ lệ`;
    # evaluation recursed forever (RecursionError) before CDS209
    import cdsdsl

    text = ("a = Số lượng doanh nghiệp công nghệ số\nb = Tổng số doanh nghiệp trên địa bàn;\nTỷ lệ = a/b.\n"
            "Tỷ lệ ≥ 5%: điểm tối đa\nTỷ lệ = Điểm tối đa * tỷ lệ")
    (d,) = [d for d in cdsdsl.check_formula(text, 20) if d.code == "CDS209"]
    assert d.severity.value == "error" and text[d.span.start:d.span.end] == "Tỷ lệ = Điểm tối đa * tỷ lệ"
    assert d.message() == "`Tỷ lệ` được tính từ chính nó: Tỷ lệ → Tỷ lệ"
    assert d.message("en") == "`Tỷ lệ` is computed from itself: Tỷ lệ → Tỷ lệ"
    with pytest.raises(cdsdsl.CdsError):
        cdsdsl.evaluate_formula(text, 20, {"a": 1, "b": 2})
    # the same lines with the scoring line as the decision writes it: no error
    fixed = text.replace("Tỷ lệ = Điểm tối đa * tỷ lệ", "Điểm = Điểm tối đa * tỷ lệ")
    assert not [d for d in cdsdsl.check_formula(fixed, 20) if d.code == "CDS209"]
    # two scoring rules (`Tỷ lệ ≥ 5%: điểm tối đa` and `Điểm = Điểm tối đa * tỷ lệ`): 50% gives 20 by the first and
    # 10 by the second; the engine no longer picks the last (it did, with a warning): CDS207 is an error
    (d,) = [d for d in cdsdsl.check_formula(fixed, 20) if d.code == "CDS207"]
    assert d.severity.value == "error" and fixed[d.span.start:d.span.end] == "Điểm = Điểm tối đa * tỷ lệ"
    with pytest.raises(cdsdsl.CdsError) as refused:
        cdsdsl.evaluate_formula(fixed, 20, {"a": 1, "b": 2})
    assert "CDS207" in str(refused.value)


def test_a_cycle_through_two_names_is_reported_at_the_redefinition():
    text = "a = Số A\nb = Số B\nc = a/b\nd = c * 2\nc = d / 2\nĐiểm = c * Điểm tối đa"
    (d,) = [d for d in resolve(parse_formula(text), 10).diagnostics if d.code == "CDS209"]
    assert text[d.span.start:d.span.end] == "c = d / 2" and dict(d.args)["chain"] == "c → d → c"
    redefined = text.replace("c = d / 2", "c = b / 2")  # a second definition that does not use itself
    assert not [d for d in resolve(parse_formula(redefined), 10).diagnostics if d.code == "CDS209"]
