"""Issue 12, items 6 and 7: a cohort method with no spread warns (CDS622), and every lost point has a reason.

Each reason is asserted on a real ruleset's indicator (huyện Ninh Thuận 2023, tỉnh 2021) in Vietnamese and
English; the last tests go over every unit of every example cohort in examples/."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from cdsdsl import Unit, load_ruleset, score_cohort
from cdsdsl.dataentry.forms import read_units
from cdsdsl.reports.tables import explain_table

REPO = Path(__file__).resolve().parent.parent
HUYEN = REPO / "rulesets" / "huyen-ninh-thuan-2023.cds"


@pytest.fixture(scope="module")
def huyen():
    return load_ruleset(HUYEN)


def explained(rs, units, unit, key):
    """(working, reason) of indicator ``key`` for ``unit``, in Vietnamese and English."""
    units = [Unit(name, vals) for name, vals in units.items()]
    co = score_cohort(rs, units)
    u = next(x for x in units if x.name == unit)
    out = {}
    for lang in ("vi", "en"):
        row = next(r for r in explain_table(co, co.unit(unit), u, lang).rows if r[0] == key)
        out[lang] = (row[5], row[6])
    return co, out


def cds622(co, item):
    return [d for d in co.diagnostics if d.code == "CDS622" and d.item == item]


# ----------------------------------------------------------------- item 6: CDS622

def test_huyen_2023_5_8_min_max_three_districts_with_the_same_number_of_drills_warn_cds622(huyen):
    units = {f"Huyện {c}": {"5.8": {"x": 2}} for c in ("Bác Ái", "Ninh Sơn", "Thuận Bắc")}
    co, why = explained(huyen, units, "Huyện Ninh Sơn", "5.8")
    [d] = cds622(co, "5.8")
    assert d.message("vi") == ("chỉ số 5.8 chấm theo phương pháp Min-Max nhưng 3 đơn vị có số liệu đều có cùng "
                               "giá trị 2: không so sánh được, mọi đơn vị được điểm tối đa")
    assert d.message("en") == ("indicator 5.8 uses the min-max method but the 3 unit(s) with data all have the "
                               "same value 2: nothing to compare, every unit scores the maximum")
    assert d.hint("vi") and d.hint("en")
    assert [co.unit(n).indicators["5.8"].exact for n in units] == [5, 5, 5]
    assert why["vi"][1] == "Đạt điểm tối đa." and why["en"][1] == "Full points."


def test_huyen_2023_8_6_ratio_to_best_all_zero_scores_zero_and_warns(huyen):
    units = {f"Huyện {c}": {"8.6": {"x": 0}} for c in "ABC"}
    co, why = explained(huyen, units, "Huyện A", "8.6")
    [d] = cds622(co, "8.6")
    assert "tỷ lệ so với đơn vị cao nhất" in d.message("vi") and "mọi đơn vị được 0 điểm" in d.message("vi")
    assert "every unit scores 0" in d.message("en")
    assert why["vi"][1] == ("Mất 20 điểm: tỷ lệ so với đơn vị tốt nhất: mọi đơn vị đều là 0 (CDS622) → 0 điểm.")
    assert why["en"][1] == ("Lost 20 points: ratio to the best unit: every unit has 0 (CDS622) → 0 points.")


def test_huyen_2023_5_8_one_district_alone_has_nothing_to_compare_with(huyen):
    co, _ = explained(huyen, {"Huyện Bác Ái": {"5.8": {"x": 3}}}, "Huyện Bác Ái", "5.8")
    [d] = cds622(co, "5.8")
    assert "1 đơn vị có số liệu" in d.message("vi") and "the 1 unit(s)" in d.message("en")
    assert co.unit("Huyện Bác Ái").indicators["5.8"].exact == 5


def test_huyen_2023_5_8_equal_values_with_one_district_missing(huyen):
    units = {"Huyện A": {"5.8": {"x": 2}}, "Huyện B": {"5.8": {"x": 2}}, "Huyện C": {"5.8": {}}}
    co, why = explained(huyen, units, "Huyện C", "5.8")
    [d] = cds622(co, "5.8")
    assert "2 đơn vị có số liệu" in d.message("vi")
    assert co.unit("Huyện A").indicators["5.8"].exact == 5
    assert co.unit("Huyện C").indicators["5.8"].status == "error"
    assert "thiếu số liệu `x`" in why["vi"][1] and "`x`" in why["en"][1] and "missing" in why["en"][1]
    [left_out] = [d for d in co.diagnostics if d.code == "CDS620" and d.item == "5.8"]
    assert "Huyện C" in left_out.message("en") and "is missing" in left_out.message("en")
    assert "thiếu" not in left_out.message("en") and "thiếu số liệu `x`" in left_out.message("vi")


def test_huyen_2023_5_8_a_spread_gives_no_cds622(huyen):
    units = {"Huyện A": {"5.8": {"x": 0}}, "Huyện B": {"5.8": {"x": 2}}}
    co, _ = explained(huyen, units, "Huyện A", "5.8")
    assert cds622(co, "5.8") == []


# ----------------------------------------------------------------- item 7: a reason per kind

def test_reason_min_max_names_lowest_and_highest_district_huyen_2023_5_8(huyen):
    units = {"Huyện Bác Ái": {"5.8": {"x": 0}}, "Huyện Ninh Sơn": {"5.8": {"x": 1}},
             "Huyện Thuận Bắc": {"5.8": {"x": 4}}}
    _, why = explained(huyen, units, "Huyện Ninh Sơn", "5.8")
    assert why["vi"][1] == ("Mất 3,75 điểm: Min-Max: giá trị của đơn vị 1, thấp nhất 0 (Huyện Bác Ái), cao nhất 4 "
                            "(Huyện Thuận Bắc) → 0,25 × 5 = 1,25 điểm.")
    assert why["en"][1] == ("Lost 3.75 points: Min-Max: this unit's value 1, lowest 0 (Huyện Bác Ái), highest 4 "
                            "(Huyện Thuận Bắc) → 0.25 × 5 = 1.25 points.")


def test_reason_ratio_to_best_names_the_best_district_huyen_2023_8_6(huyen):
    units = {"Huyện A": {"8.6": {"x": 250}}, "Huyện B": {"8.6": {"x": 500}}}
    _, why = explained(huyen, units, "Huyện A", "8.6")
    assert why["vi"][1] == ("Mất 10 điểm: tỷ lệ so với đơn vị tốt nhất: giá trị của đơn vị 250, cao nhất 500 "
                            "(Huyện B) → 250/500 × 20 = 10 điểm.")
    assert why["en"][1] == ("Lost 10 points: ratio to the best unit: this unit's value 250, highest 500 (Huyện B) "
                            "→ 250/500 × 20 = 10 points.")


def test_reason_zero_denominator_huyen_2023_5_10(huyen):
    _, why = explained(huyen, {"Huyện A": {"5.10": {"a": 0, "b": 0}}}, "Huyện A", "5.10")
    assert why["vi"][1] == "Mất 5 điểm: mẫu số b bằng 0 (chia cho 0, CDS610) nên chỉ số được 0 điểm."
    assert why["en"][1] == "Lost 5 points: the denominator b is 0 (division by zero, CDS610): the indicator scores 0."


def test_reason_per_item_under_its_cap_huyen_2023_8_8(huyen):
    _, why = explained(huyen, {"Huyện A": {"8.8": {"số lượng": 5}}}, "Huyện A", "8.8")
    assert why["vi"][1] == "Mất 15 điểm: số lượng = 5 × 1 điểm = 5 điểm (tối đa 20 điểm)."
    assert why["en"][1] == "Lost 15 points: số lượng = 5 × 1 points = 5 points (at most 20 points)."
    _, why = explained(huyen, {"Huyện A": {"8.8": {"số lượng": 25}}}, "Huyện A", "8.8")
    assert why["vi"][1] == "Đạt điểm tối đa."  # 25 activities, capped at the maximum 20: nothing lost


def test_reason_option_chosen_and_the_higher_one_huyen_2023_1_1(huyen):
    chosen = "Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp Huyện"
    _, why = explained(huyen, {"Huyện A": {"1.1": {"lựa chọn": chosen}}}, "Huyện A", "1.1")
    assert why["vi"][1] == (f"Mất 5 điểm: đã chọn `{chosen}` (5 điểm); lựa chọn cao nhất là "
                            "`Trưởng ban là Bí thư/Chủ tịch cấp Huyện` (10 điểm).")
    assert why["en"][1] == (f"Lost 5 points: chosen `{chosen}` (5 points); the highest option is "
                            "`Trưởng ban là Bí thư/Chủ tịch cấp Huyện` (10 points).")


def test_reason_options_not_chosen_huyen_2023_3_5(huyen):
    _, why = explained(huyen, {"Huyện A": {"3.5": {"lựa chọn": "1"}}}, "Huyện A", "3.5")
    assert why["vi"][1].startswith("Mất 15 điểm: đã chọn `Đã sử dụng Trung tâm dữ liệu")
    assert "; không chọn `Kết nối với Nền tảng điện toán đám mây" in why["vi"][1]
    assert "; not chosen `Kết nối với Nền tảng điện toán đám mây" in why["en"][1]


def test_reason_part_larger_than_whole_refused_huyen_2023_1_3(huyen):
    _, why = explained(huyen, {"Huyện A": {"1.3": {"a": 30, "b": 20}}}, "Huyện A", "1.3")
    assert why["vi"][1] == "a = 30 lớn hơn b = 20 (Tỷ lệ = 150% > 100%): chỉ số không được chấm"
    assert why["en"][1] == "a = 30 is larger than b = 20 (Tỷ lệ = 150% > 100%): the indicator is not scored"


def test_reason_missing_data_huyen_2023_4_5(huyen):
    _, why = explained(huyen, {"Huyện A": {"4.5": {"a": 3}}}, "Huyện A", "4.5")
    assert why["vi"][1] == "thiếu số liệu `b` (Tổng số công chức, viên chức trên địa bàn)"
    assert why["en"][1].startswith("input `b`") and why["en"][1].endswith("is missing")


def test_reason_sum_of_other_indicators_huyen_2023_5_11(huyen):
    units = {"Huyện A": {k: {"điểm": 1} for k in ("5.12.1", "5.12.2", "5.12.3", "5.12.4", "5.12.5", "5.12.6")}}
    _, why = explained(huyen, units, "Huyện A", "5.11")
    assert why["vi"][1].startswith("Mất ") and "bằng tổng điểm các chỉ số 5.12.1–5.12.6" in why["vi"][1]
    assert "the sum of indicators 5.12.1–5.12.6" in why["en"][1]


def test_reason_sub_indicators_and_entered_points_tinh_2021_5_12():
    rs = load_ruleset(REPO / "rulesets" / "tinh-2021.cds")
    units = {"Tỉnh A": {k: {"điểm": 1} for k in ("5.12.1", "5.12.2", "5.12.3", "5.12.4", "5.12.5", "5.12.6")}}
    _, why = explained(rs, units, "Tỉnh A", "5.12")
    assert "5.12.1 mất" in why["vi"][1] and "5.12.1 lost" in why["en"][1]
    _, why = explained(rs, units, "Tỉnh A", "5.12.1")
    assert re.fullmatch(r"Mất [\d,]+ điểm \(điểm do đơn vị tự chấm: 1/[\d,]+\)\.", why["vi"][1]), why["vi"][1]


# ----------------------------------------------------------------- every example cohort

VI_LETTERS = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
BARE = re.compile(r"(Mất [\d ,]+ điểm|Lost [\d,.]+ points)\.?")


def _examples():
    out = []
    for d in sorted((REPO / "examples").iterdir()):
        data = next(iter(sorted(d.glob("cohort.*"))), None) if d.is_dir() else None
        if data is not None:
            out.append((d.name, data))
    return out


def _decision_text(rs, units):
    """Text that comes from the decision or the data (names, descriptions, labels): may stay Vietnamese."""
    from cdsdsl.scoring.score import compile_ruleset

    cr = compile_ruleset(rs)
    texts = {u.name for u in units} | {i.name for i in rs.indicators}
    for c in cr.by_key.values():
        p = c.program
        if p is None:
            continue
        for spec in p.inputs:
            texts |= {spec.key, spec.description or ""}
        for part in p.parts:
            texts |= {s.name for s in part.steps}
    return sorted((t for t in texts if t), key=len, reverse=True)


@pytest.mark.parametrize("name,data", _examples(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_lost_point_in_every_example_cohort_has_a_reason_and_english_is_english(name, data):
    rs = load_ruleset(REPO / "rulesets" / f"{name}.cds")
    units, _ = read_units(data, rs)
    co = score_cohort(rs, units)
    names = _decision_text(rs, units)
    bare, leaks = [], []
    for u in units:
        r = co.unit(u.name)
        for lang in ("vi", "en"):
            for key, _n, _p, _m, lost, trace, reason in explain_table(co, r, u, lang).rows:
                if lost and lost > 0 and (not reason or BARE.fullmatch(reason)):
                    bare.append((u.name, key, lang, reason))
                if lang == "en":
                    text = re.sub(r"`[^`]*`|“[^”]*”", "", trace + "\n" + (reason or ""))
                    for t in names:  # whole words only: the input `a` is not the letter a of a word
                        text = re.sub(rf"(?<!\w){re.escape(t)}(?!\w)", "", text)
                    for line in text.splitlines():
                        if VI_LETTERS.search(line):
                            leaks.append((u.name, key, line))
    assert bare == []
    assert leaks == [], leaks[:5]


def test_check_in_english_names_places_in_english_huyen_2023_cds310_cds408():
    """`cds check --lang en` listed "b ở 1.3, … (43 nữa)": the Vietnamese words came from check.aggregate."""
    from cdsdsl.rulesets.check import check_ruleset

    found = {d.code: d for d in check_ruleset(load_ruleset(HUYEN)) if d.code in ("CDS310", "CDS408")}
    assert set(found) == {"CDS310", "CDS408"}
    for d in found.values():
        en, vi = d.message("en"), d.message("vi")
        assert " in 1.3" in en and " more)" in en and " ở " not in en and "nữa" not in en
        assert " ở 1.3" in vi and "nữa)" in vi
