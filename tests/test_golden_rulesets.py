"""Golden scores: indicators of the bundled rulesets scored on hand-computed inputs.

Each case names the ruleset and the indicator, gives the unit's figures, and writes the arithmetic next
to the expected points (rounded once, 2 digits, half-up).  Scoring goes through the real ruleset files,
so the huyện Ninh Thuận 2023 cases use the texts as corrected there (`Sửa:`), and the maxima-only sets
score points entered directly.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import cdsdsl
from cdsdsl.scoring.unitdata import Unit

RULESETS = Path(__file__).resolve().parents[1] / "rulesets"


def _load(name: str):
    return cdsdsl.load_ruleset(RULESETS / f"{name}.cds")


HUYEN = "huyen-ninh-thuan-2023"

# (indicator, inputs, expected points, arithmetic)
HUYEN_CASES = [
    ("1.1", {"lựa chọn": "Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp Huyện"}, "5.00", "1/2 × 10"),
    ("1.3", {"a": 9, "b": 12}, "7.50", "9/12 = 75% × 10"),
    ("1.4", {"x": 15}, "5.00", "15 bài: Từ 10 đến 19 → 1/2 × 10"),
    ("1.4", {"x": 25, "lựa chọn": "Chưa có chuyên mục"}, "0.00", "the option wins: 0 điểm"),
    ("1.6", {"lựa chọn": 2}, "5.00", "option 2 (1 tháng/1 lần … 1 lần/1 tuần): 1/2 × 10"),
    ("2.1", {"lựa chọn": "Đã ban hành"}, "5.00", "Điểm tối đa of 5"),
    ("3.1", {"a": 600, "b": 1000}, "6.00", "60% < 70% → 0,6 × 10"),
    ("3.1", {"a": 700, "b": 1000}, "10.00", "70% ≥ 70% → Điểm tối đa"),
    ("3.3", {"a": 79, "b": 100}, "7.90", "corrected `<80%`: 79% → 0,79 × 10"),
    ("3.5", {"lựa chọn": [1, 2]}, "30.00", "cumulative: 1/2 × 30 + 1/2 × 30"),
    ("3.5", {"lựa chọn": 2}, "15.00", "cumulative, one option: 1/2 × 30"),
    ("3.6", {"a": 5, "c": 3, "d": 4}, "14.64", "5/7 × 1/2 × 20 + 3/4 × 1/2 × 20 = 7,142857 + 7,5"),
    ("3.7", {"1.a": 1, "1.b": 4, "2.a": 2, "2.b": 2}, "6.25", "1/4 × 1/2 × 10 + 2/2 × 1/2 × 10"),
    ("5.12.1", {"a": 8, "b": 100}, "3.50", "8% ≥ 7% (Mức 2) → 70% × 5"),
    ("5.12.2", {"x": 40, "mục 5.12.1": 1000}, "1.40", "40/1000 = 4% ≥ 3% (Mức 2, corrected Mức 1 = 5%) → 70% × 2"),
    ("5.12.4", {"x": 6, "mục 5.12.1": 1000}, "0.60", "0,6% ≥ 0,5% (Mức 3, corrected %) → 30% × 2"),
    ("6.1", {"lựa chọn": [1, 2]}, "10.00", "cumulative: 4/5 × 10 + 1/5 × 10"),
    ("6.1", {"lựa chọn": "Đã chuyển đổi sang công nghệ IPv6"}, "2.00", "1/5 × 10"),
    ("6.9", {"a": 1000, "b": 300, "c": 200}, "12.50", "(300+200)/1000 = 50% < 80% → 50%/80% × 20"),
    ("6.10", {"a": 30, "b": 20, "c": 100, "d": 100}, "1.25", "corrected: (30+20)/(100+100) = 25% × 5"),
    ("6.18", {"a": 15, "b": 1000}, "10.00", "1,5% ≥ 1% → Điểm tối đa"),
    ("7.1", {"a": 15, "b": 100}, "3.00", "15% < 20% → 20 × 0,15"),
    ("7.3", {"a": 77, "b": 8333}, "0.09", "corrected: 77/8333 = 0,924% < 10% → 10 × 0,00924 (the published 0,92 used /10%)"),
    ("8.2", {"a": 800, "b": 1000}, "20.00", "80% ≥ 80% → Điểm tối đa (the overlapping `<=80%` gives 20 too)"),
    ("8.5", {"a": 35, "b": 100}, "5.00", "35% < 70% → 35%/70% × 10"),
    ("8.8", {"số lượng": 25}, "20.00", "25 × 1 điểm = 25, capped at Điểm tối đa 20"),
    ("8.8", {"số lượng": 7}, "7.00", "7 × 1 điểm"),
]


@pytest.mark.parametrize("item, inputs, expected, arithmetic", HUYEN_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(HUYEN_CASES)])
def test_huyen_ninh_thuan_2023_golden(item, inputs, expected, arithmetic):
    rs = _load(HUYEN)
    result = rs.score(Unit.from_plain("Huyện A", {item: inputs}))
    got = result.indicators[item]
    assert got.status == "scored", (arithmetic, [d.message() for d in got.diagnostics])
    assert got.points == Decimal(expected), arithmetic


def test_huyen_ninh_thuan_2023_cohort_golden():
    rs = _load(HUYEN)
    units = [
        Unit.from_plain("Huyện A", {"4.3": {"a": 1, "b": 1, "c": 1, "d": 1, "e": 10, "f": 10},  # 4/20 = 20%
                                    "5.8": {"x": 5}, "7.10": {"a": 30, "b": 100}, "8.6": {"x": 100}}),
        Unit.from_plain("Huyện B", {"4.3": {"a": 1, "b": 0, "c": 1, "d": 0, "e": 10, "f": 10},  # 2/20 = 10%
                                    "5.8": {"x": 3}, "7.10": {"a": 15, "b": 100}, "8.6": {"x": 50}}),
        Unit.from_plain("Huyện C", {"4.3": {"a": 0, "b": 0, "c": 0, "d": 0, "e": 10, "f": 10},  # 0%
                                    "5.8": {"x": 1}, "7.10": {"a": 0, "b": 100}, "8.6": {"x": 0}}),
    ]
    res = {r.unit: r.indicators for r in rs.score_cohort(units).results}
    points = {u: {k: res[u][k].points for k in ("4.3", "5.8", "7.10", "8.6")} for u in res}
    assert points["Huyện A"] == {"4.3": Decimal("10.00"),   # g*h/k = 20% × 10 / 20% (the highest)
                                 "5.8": Decimal("5.00"),    # min-max: (5-1)/(5-1) × 5
                                 "7.10": Decimal("10.00"),  # the highest ratio: Điểm tối đa
                                 "8.6": Decimal("20.00")}   # ratio to the best (settled): 100/100 × 20
    assert points["Huyện B"] == {"4.3": Decimal("5.00"),    # 10% × 10 / 20%
                                 "5.8": Decimal("2.50"),    # (3-1)/(5-1) × 5
                                 "7.10": Decimal("5.00"),   # 15%/30% × 10
                                 "8.6": Decimal("10.00")}   # 50/100 × 20
    assert points["Huyện C"] == {"4.3": Decimal("0.00"), "5.8": Decimal("0.00"),
                                 "7.10": Decimal("0.00"), "8.6": Decimal("0.00")}


def test_quang_tri_2022_so_set_formula_golden():
    rs = _load("quang-tri-2022-so")
    # points entered directly: 1.1 = 10, 1.2 = 5 (A = 15 over the main sections); sector I (Du lịch, max 55):
    # I.1 = 5, I.2 = 4 (B = 9, C = 55)  →  D = (15 + 9) × 485 / (485 + 55) = 11 640 / 540 = 21,5555… → 21,56
    unit = Unit.from_plain("Sở Văn hoá, Thể thao và Du lịch",
                           {"1.1": {"điểm": 10}, "1.2": {"điểm": 5}, "I.1": {"điểm": 5}, "I.2": {"điểm": 4}},
                           group="I")
    r = rs.score(unit)
    assert r.total_exact == 15 and r.max_points == 485            # A, out of the main sections' 485
    assert (r.groups["I"].exact, r.groups["I"].max_points) == (9, 55)  # B and C
    assert r.set_total == Decimal("21.56")
    # a department with no priority sector: B = C = 0 → D = A × 485 / 485 = A
    r = rs.score(Unit.from_plain("Sở Tư pháp", {"1.1": {"điểm": 10}, "1.2": {"điểm": 5}}))
    assert r.set_total == Decimal("15.00")
    # indicators of another sector do not apply to it
    assert r.indicators["I.1"].status == "not_applicable"


def test_ha_noi_2024_thanh_pho_applicability_golden():
    rs = _load("ha-noi-2024-thanh-pho")
    # 7.1 (kinh tế số, 20 points) applies only to Phụ lục II: a unit outside it is scored out of 400 - 20 = 380
    outside = rs.score(Unit.from_plain("Sở Tư pháp", {"1.1": {"điểm": 5}}))
    assert outside.indicators["7.1"].status == "not_applicable" and outside.max_points == 380
    inside = rs.score(Unit.from_plain("Sở Công Thương", {"1.1": {"điểm": 5}, "7.1": {"điểm": "12,5"}}))
    assert inside.max_points == 400
    assert inside.indicators["7.1"].points == Decimal("12.50") and inside.total == Decimal("17.50")  # 5 + 12,5


def test_tinh_2021_points_entered_above_the_maximum_are_an_error():
    rs = _load("tinh-2021")
    # Đắk Lắk published 8 of 5 for 5.10: entered as such, it is refused with the cell named
    r = rs.score(Unit.from_plain("Tỉnh X", {"5.10": {"điểm": 8}}, where="kq.csv:80:D"))
    d = next(d for d in r.indicators["5.10"].diagnostics if d.code == "CDS621")
    assert d.message() == "điểm nhập trực tiếp 8 (ô kq.csv:80:D) nằm ngoài [0, 5]"
