"""#17: money in different scales is converted exactly, once, when the formula is resolved (CDS330 note at
the operand), so the interpreter, both compilers and the SQL engine compute the same, exactly right figure;
CDS305 stays for what cannot be converted (a scale the engine does not know, or none written).

Wordings as decisions write them: ``(tỷ đồng)``, ``(Tỉ đồng)``, ``(đơn vị: tỷ đồng)``, ``(nghìn đồng)``,
``(ngàn đồng)``, ``(tỷ VNĐ)``; every expected figure is computed by hand in the test's docstring or comment.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from _checkutil import codes, only
from sql_engines import engine_params, need

from cdsdsl import check_formula, compile_formula, compile_program, evaluate_formula, parse_formula
from cdsdsl.rulesets.model import load_ruleset
from cdsdsl.scoring.score import score_cohort
from cdsdsl.scoring.unitdata import Unit
from cdsdsl.semantics.resolve import resolve
from cdsdsl.sql.engine import score_cohort_sql

#: a share of IT spending going to information security, the whole in another scale than the part
SHARE = ("a = Kinh phí chi cho an toàn thông tin (triệu đồng)\n"
         "b = Tổng kinh phí chi cho công nghệ thông tin {unit}\n"
         "Tỷ lệ = a/b\n"
         "- Tỷ lệ >= 1%: Điểm tối đa\n"
         "- Tỷ lệ < 1%: 0 điểm")


def both(text: str, max_points: int, inputs: dict) -> tuple[Decimal, Decimal, Fraction]:
    """The interpreter's points, the compiled points (`compile_formula`) and the exact value, which the
    integer (fast) compiler and the Fraction (exact) compiler must agree on."""
    compiled = compile_program(resolve(parse_formula(text), max_points))
    fast = compiled.exact(inputs)
    assert compiled.fast is not None  # the integer compiler took this formula
    compiled.fast = None  # the Fraction compiler alone
    assert compiled.exact(inputs) == fast
    return evaluate_formula(text, max_points, inputs), compile_formula(text, max_points)(inputs), fast


@pytest.mark.parametrize("unit", ["(tỷ đồng)", "(Tỉ đồng)", "(đơn vị: tỷ đồng)", "(tỷ VNĐ)"])
def test_share_of_a_whole_in_ty_dong_is_exact_at_one_percent(unit):
    """a = 20 triệu, b = 2 tỷ = 2 000 triệu: a/b = 20/2 000 = 1% exactly → the maximum (10); a = 19 →
    19/2 000 = 0,95% → 0.  Without the conversion 20/2 = 1 000% (and a > b would be refused as data)."""
    text = SHARE.format(unit=unit)
    assert both(text, 10, {"a": 20, "b": 2}) == (Decimal("10.00"), Decimal("10.00"), 10)
    assert both(text, 10, {"a": 19, "b": 2}) == (Decimal("0.00"), Decimal("0.00"), 0)
    note = only("CDS330", text)
    assert len(note) == 1 and note[0].source.excerpt(note[0].span) == "b"
    assert note[0].message() == "`b` (tỷ đồng) đổi sang triệu đồng: × 1 000"
    assert note[0].message("en") == "`b` (billion đồng) converted to million đồng: × 1 000"
    assert "CDS305" not in codes(text)


@pytest.mark.parametrize("unit", ["(nghìn đồng)", "(ngàn đồng)"])
def test_whole_in_nghin_dong_the_triệu_part_is_the_one_converted(unit):
    """The part is in the larger scale here: a = 3 triệu × 1 000 = 3 000 nghìn; b = 400 000 nghìn:
    a/b = 3 000/400 000 = 0,75% → 0; a = 4 → 4 000/400 000 = 1% → the maximum."""
    text = SHARE.format(unit=unit)
    assert both(text, 10, {"a": 3, "b": 400_000})[:2] == (Decimal("0.00"), Decimal("0.00"))
    assert both(text, 10, {"a": 4, "b": 400_000})[:2] == (Decimal("10.00"), Decimal("10.00"))
    d = only("CDS330", text)[0]
    assert d.source.excerpt(d.span) == "a" and "× 1 000" in d.message()


def test_sum_of_ty_and_trieu_then_share_of_a_total():
    """Tỷ lệ = (a + b)/c with a in tỷ đồng: a = 1,5 tỷ = 1 500 triệu, b = 300 triệu, c = 3 600 triệu:
    (1 500 + 300)/3 600 = 1/2 → Điểm = 1/2 × 10 = 5."""
    text = ("a = Kinh phí ngân sách chi cho chuyển đổi số (tỷ đồng)\n"
            "b = Kinh phí xã hội hóa chi cho chuyển đổi số (triệu đồng)\n"
            "c = Tổng kinh phí theo kế hoạch (triệu đồng)\n"
            "Tỷ lệ = (a + b)/c\n"
            "- Tỷ lệ >= 100%: Điểm tối đa\n"
            "- Tỷ lệ < 100%: Điểm = Tỷ lệ * Điểm tối đa")
    assert both(text, 10, {"a": "1,5", "b": 300, "c": 3600}) == (Decimal("5.00"), Decimal("5.00"), 5)
    assert [d.source.excerpt(d.span) for d in only("CDS330", text)] == ["a"]


def test_nghin_dong_and_ty_dong_differ_by_a_million():
    """a = 250 000 nghìn đồng (250 triệu), b = 1 tỷ × 1 000 000 = 1 000 000 nghìn: a/b = 25% → 2,5 of 10."""
    text = ("a = Kinh phí thuê dịch vụ công nghệ thông tin (nghìn đồng)\n"
            "b = Tổng chi ngân sách cho công nghệ thông tin (tỷ đồng)\n"
            "Tỷ lệ = a/b\n"
            "Điểm = Tỷ lệ * Điểm tối đa")
    assert both(text, 10, {"a": 250_000, "b": 1}) == (Decimal("2.50"), Decimal("2.50"), Fraction(5, 2))
    assert "× 1 000 000" in only("CDS330", text)[0].message()


def test_comparison_of_two_amounts_in_different_scales():
    """``- a >= b``: 900 triệu against 1 tỷ (= 1 000 triệu) is below → 0; 1 000 triệu reaches it → maximum.
    Compared raw, 900 >= 1 would have given the maximum."""
    text = ("a = Kinh phí đã giải ngân cho chuyển đổi số (triệu đồng)\n"
            "b = Kinh phí kế hoạch giao cho chuyển đổi số (tỷ đồng)\n"
            "- a >= b: Điểm tối đa\n"
            "- a < b: 0 điểm")
    assert both(text, 4, {"a": 900, "b": 1})[:2] == (Decimal("0.00"), Decimal("0.00"))
    assert both(text, 4, {"a": 1000, "b": 1})[:2] == (Decimal("4.00"), Decimal("4.00"))
    assert len(only("CDS330", text)) == 2  # b in each condition


def test_same_scale_is_left_alone():
    text = SHARE.format(unit="(triệu đồng)")
    program = resolve(parse_formula(text), 10)
    assert all(not p.conversions for p in program.parts)
    assert "CDS330" not in codes(text)


@pytest.mark.parametrize("unit", ["(USD)", "(triệu USD)", "(VNĐ)", "(trăm triệu đồng)", "(nghìn tỷ đồng)"])
def test_a_scale_that_cannot_be_converted_is_still_refused(unit):
    """CDS305 stays for what has no known scale: the engine converts đồng/nghìn/triệu/tỷ only.  `trăm triệu
    đồng` was read as `triệu đồng` (100 times too small, silently) and `nghìn tỷ đồng` as `tỷ đồng`."""
    text = SHARE.format(unit=unit)
    d = only("CDS305", text)[0]
    assert d.source.excerpt(d.span) == "a/b"
    assert "không đổi được đơn vị" in d.message()
    assert "CDS330" not in codes(text)


def test_money_with_a_count_is_still_a_mix_not_a_conversion():
    text = ("a = Tổng kinh phí (tỷ đồng)\nb = Số lượng doanh nghiệp\nc = Tổng số doanh nghiệp\n"
            "Tỷ lệ = (a+b)/c\nĐiểm = Tỷ lệ*Điểm tối đa")
    found = codes(text)
    assert "CDS304" in found and "CDS330" not in found


def test_the_explanation_shows_the_conversion():
    """a = 150 triệu, b = 2 tỷ: 150/(2 × 1000) = 7,5%; the working names the factor."""
    text = SHARE.format(unit="(tỷ đồng)")
    out = compile_formula(text, 10).explain({"a": 150, "b": 2})
    assert "150/(2 * 1000) = 7,5%" in out


def test_a_part_over_a_whole_in_another_scale_is_not_refused_as_a_bigger_part():
    """a = 500 triệu of b = 2 tỷ (2 000 triệu): 25%, a valid share, not 'a lớn hơn b' (500 > 2 raw)."""
    text = SHARE.format(unit="(tỷ đồng)")
    assert both(text, 10, {"a": 500, "b": 2})[0] == Decimal("10.00")
    assert not [d for d in check_formula(text, 10) if d.severity.name.lower() == "error"]


RULESET = """Bộ chỉ số: Thử đổi đơn vị tiền (kinh phí ghi bằng tỷ đồng và triệu đồng)
Văn bản: Văn bản thử của bộ kiểm thử (không có thật)
Ngày: tháng 12 năm 2026
Cấp: huyện

Mục 1 | Kinh phí | 20

Chỉ số 1.1 | Tỷ lệ kinh phí chi cho an toàn thông tin trên tổng kinh phí chi cho công nghệ thông tin | 10
Cách tính:
    a = Kinh phí chi cho an toàn thông tin (triệu đồng)
    b = Tổng kinh phí chi cho công nghệ thông tin (tỷ đồng)
    Tỷ lệ = a/b
    - Tỷ lệ >= 10%: Điểm tối đa
    - Tỷ lệ < 10%: Điểm = Tỷ lệ/10% * Điểm tối đa

Chỉ số 1.2 | Kinh phí chi cho chuyển đổi số so với kế hoạch | 10
Cách tính:
    a = Kinh phí ngân sách chi cho chuyển đổi số (đơn vị: tỷ đồng)
    b = Kinh phí xã hội hóa chi cho chuyển đổi số (triệu đồng)
    c = Tổng kinh phí theo kế hoạch (triệu đồng)
    Tỷ lệ = (a + b)/c
    - Tỷ lệ >= 100%: Điểm tối đa
    - Tỷ lệ < 100%: Điểm = Tỷ lệ * Điểm tối đa
"""

#: unit -> (1.1 a, b; 1.2 a, b, c) and the points by hand
COHORT = {
    # 1.1: 150/(2 × 1 000) = 7,5% → 7,5/10 × 10 = 7,5;  1.2: (1,5 × 1 000 + 300)/3 600 = 50% → 5
    "Huyện A": ((150, 2), ("1,5", 300, 3600), (Fraction(15, 2), 5)),
    # 1.1: 100/2 000 = 5% → 5;  1.2: (0,5 × 1 000 + 0)/1 000 = 50% → 5
    "Huyện B": ((100, 2), ("0,5", 0, 1000), (5, 5)),
    # 1.1: 600/2 000 = 30% ≥ 10% → 10;  1.2: (2 × 1 000 + 0)/1 000 = 200% ≥ 100% → 10
    "Huyện C": ((600, 2), (2, 0, 1000), (10, 10)),
}


@pytest.mark.parametrize("engine, dsn", engine_params())
def test_ruleset_with_mixed_scales_scores_alike_in_python_and_sql(tmp_path, engine, dsn):
    need(engine)
    path = tmp_path / "bo.cds"
    path.write_text(RULESET, encoding="utf-8")
    rs = load_ruleset(path)
    units = [Unit.from_plain(name, {"1.1": dict(zip("ab", v11, strict=True)),
                                    "1.2": dict(zip("abc", v12, strict=True))})
             for name, (v11, v12, _) in COHORT.items()]
    python = score_cohort(rs, units)
    sql = score_cohort_sql(rs, units, engine=engine, dsn=dsn)
    expected = [list(points) for _, _, points in COHORT.values()]
    assert [[r.indicators[k].exact for k in ("1.1", "1.2")] for r in python.results] == expected
    assert [[r.indicators[k].exact for k in ("1.1", "1.2")] for r in sql.results] == expected
    assert [r.rank for r in sql.results] == [r.rank for r in python.results]
