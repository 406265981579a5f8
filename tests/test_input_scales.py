"""Values read at the scale their input declares (docs/data-entry.md, "Thang giá trị"): a ratio is written with
`%` and lies in 0–100% unless the scoring text names a level above 100%; a bare number for a ratio is refused
with the `%` form offered, never read as 4 500%; points are not percentages; counts are whole; a figure has at
most `MAX_DIGITS` digits.  Every refusal names the cell, unit, indicator and input, in both languages."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from _cli_util import cds, no_traceback

from cdsdsl.dataentry.forms import MAX_DIGITS, build_form, read_units
from cdsdsl.diagnostics.core import Severity
from cdsdsl.rulesets.model import load_ruleset, parse_ruleset_text
from cdsdsl.scoring.score import score_cohort

REPO = Path(__file__).resolve().parents[1]
HUYEN = REPO / "rulesets" / "huyen-ninh-thuan-2023.cds"
COHORT = REPO / "examples" / "huyen-ninh-thuan-2023" / "cohort.csv"
HA_NOI = REPO / "rulesets" / "ha-noi-2024-huyen.cds"
HA_NOI_COHORT = REPO / "examples" / "ha-noi-2024-huyen" / "cohort.csv"

# An online-services indicator as provincial DTI decisions word it (the ratio is the unit's own figure),
# a growth indicator whose text names a level above 100%, and an indicator scored by the unit itself.
RATIOS = """Bộ chỉ số: Chỉ số dịch vụ công trực tuyến (thử)
Văn bản: Quyết định 1/QĐ-UBND

Mục 1 | Dịch vụ công trực tuyến | 30

Chỉ số 1.1 | Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến | 10
Cách tính:
    - Tỷ lệ >= 80%: Điểm tối đa
    - Tỷ lệ < 80%: Tỷ lệ/80%*Điểm tối đa

Chỉ số 1.2 | Tỷ lệ doanh thu thương mại điện tử năm nay so với năm trước | 10
Cách tính:
    - Tỷ lệ >= 120%: Điểm tối đa
    - Tỷ lệ < 120%: Tỷ lệ/120%*Điểm tối đa

Chỉ số 1.3 | Mức độ hài lòng của người dân | 10
"""
HEADER = "Đơn vị,1.1:tỷ lệ,1.2:tỷ lệ,1.3:điểm"


@pytest.fixture(scope="module")
def ratios():
    return parse_ruleset_text(RATIOS, name="dich-vu-cong.cds")


def read_row(tmp_path, ruleset, cells: str, name="so-lieu.csv"):
    p = tmp_path / name
    p.write_text(f"{HEADER}\nHuyện A,{cells}\n", encoding="utf-8")
    return p, *read_units(p, ruleset)


def errors(diags):
    return [d for d in diags if d.severity is Severity.ERROR]


def test_the_inputs_are_declared_as_ratios_and_points(ratios):
    kinds = {(f.indicator, f.key): f.kind for f in build_form(ratios).fields}
    assert kinds == {("1.1", "tỷ lệ"): "ratio", ("1.2", "tỷ lệ"): "ratio", ("1.3", "điểm"): "points"}


def test_a_ratio_with_its_percent_sign_is_scored(ratios, tmp_path):
    _, units, diags = read_row(tmp_path, ratios, "45%,60%,7")
    assert errors(diags) == []
    result = score_cohort(ratios, units).unit("Huyện A")
    assert result.indicators["1.1"].points == Decimal("5.63")  # 45/80 × 10
    assert result.indicators["1.2"].points == Decimal("5.00")  # 60/120 × 10


def test_a_bare_45_for_a_ratio_is_refused_and_45_percent_offered(ratios, tmp_path):
    p, units, diags = read_row(tmp_path, ratios, "45,60%,7")
    [d] = errors(diags)
    assert d.code == "CDS657" and (d.item, d.unit) == ("1.1", "Huyện A")
    assert d.message() == ("so-lieu.csv:2:B: `tỷ lệ` của chỉ số 1.1 (đơn vị Huyện A) là tỷ lệ (%) nhưng ghi số "
                           "không có dấu %: `45`; không đoán thang đo")
    assert d.message("en") == ("so-lieu.csv:2:B: `tỷ lệ` of indicator 1.1 (unit Huyện A) is a ratio (%) but holds a "
                               "number without a % sign: `45`; the scale is not guessed")
    assert d.hint() == "Ghi kèm dấu %: `45%`." and d.hint("en") == "Write it with a % sign: `45%`."
    # the unit is not scored 10/10 on a 4 500% ratio: the indicator has no value
    assert "1.1" not in units[0].values
    rs_file = tmp_path / "dich-vu-cong.cds"
    rs_file.write_text(RATIOS, encoding="utf-8")
    r = cds("score", str(rs_file), str(p))
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 1 and "so-lieu.csv:2:B" in r.stderr and "`45%`" in r.stderr and "Huyện A" in r.stderr


def test_a_fraction_written_bare_offers_both_readings(ratios, tmp_path):
    _, units, diags = read_row(tmp_path, ratios, '"0,45",60%,7')
    [d] = errors(diags)
    assert d.code == "CDS657"
    assert d.hint() == "Ghi kèm dấu %: `0,45%` hoặc `45%` nếu 0,45 là phần của 1."
    assert d.hint("en") == "Write it with a % sign: `0,45%` or `45%` if 0,45 is a fraction of 1."


def test_zero_needs_no_percent_sign(ratios, tmp_path):
    _, units, diags = read_row(tmp_path, ratios, "0,0%,7")
    assert errors(diags) == []


@pytest.mark.parametrize("cell, shown", [("150%", "150%"), ("200000%", "200 000%")])
def test_a_ratio_over_100_percent_is_refused(ratios, tmp_path, cell, shown):
    _, units, diags = read_row(tmp_path, ratios, f"{cell},60%,7")
    [d] = errors(diags)
    assert d.code == "CDS656" and (d.item, d.unit) == ("1.1", "Huyện A")
    assert d.message() == (f"so-lieu.csv:2:B: `tỷ lệ` của chỉ số 1.1 (đơn vị Huyện A) là tỷ lệ nhưng `{cell}` = "
                           f"{shown}, ngoài khoảng 0% – 100%")
    assert d.message("en").endswith(f"is a ratio but `{cell}` = {shown}, outside 0% – 100%")


def test_200000_for_a_ratio_is_an_error(ratios, tmp_path):
    _, units, diags = read_row(tmp_path, ratios, "200000,60%,7")
    [d] = errors(diags)
    assert d.code == "CDS657" and "`200000`" in d.message() and d.hint() == "Ghi kèm dấu %: `200000%`."


def test_a_level_above_100_percent_in_the_text_allows_it(ratios, tmp_path):
    # 1.2 names 120%: revenue this year over last year can exceed 100%
    _, units, diags = read_row(tmp_path, ratios, "45%,150%,7")
    assert errors(diags) == []
    assert score_cohort(ratios, units).unit("Huyện A").indicators["1.2"].points == Decimal("10.00")


def test_numbers_in_json_are_fractions_as_excel_stores_percentages(ratios, tmp_path):
    p = tmp_path / "so-lieu.json"
    p.write_text(json.dumps({"units": [{"name": "Huyện A", "values": {"1.1": {"tỷ lệ": 0.45}, "1.3": 7}},
                                       {"name": "Huyện B", "values": {"1.1": {"tỷ lệ": 45}}}]}), encoding="utf-8")
    units, diags = read_units(p, ratios)
    [d] = errors(diags)
    assert d.code == "CDS656" and d.unit == "Huyện B"
    assert d.message() == ("so-lieu.json › Huyện B › 1.1:tỷ lệ: `tỷ lệ` của chỉ số 1.1 (đơn vị Huyện B) là tỷ lệ "
                           "nhưng `45` = 4 500%, ngoài khoảng 0% – 100%")
    assert score_cohort(ratios, units[:1]).unit("Huyện A").indicators["1.1"].points == Decimal("5.63")


def test_a_points_cell_is_not_a_percentage(ratios, tmp_path):
    _, units, diags = read_row(tmp_path, ratios, "45%,60%,45%")
    [d] = errors(diags)
    assert d.code == "CDS658" and (d.item, d.unit) == ("1.3", "Huyện A")
    assert d.message() == ("so-lieu.csv:2:D: `điểm` của chỉ số 1.3 (đơn vị Huyện A) là số điểm nhưng ghi `45%`: "
                           "điểm không phải là tỷ lệ phần trăm")
    assert d.message("en").endswith("is points but holds `45%`: points are not a percentage")
    assert d.hint() == "Ghi số điểm (ví dụ 45), không có dấu %."


def test_points_with_a_percent_sign_in_the_ha_noi_2024_district_cohort(tmp_path):
    lines = HA_NOI_COHORT.read_text(encoding="utf-8").split("\n")
    row = next(i for i, ln in enumerate(lines) if ln.startswith("UBND quận Ba Đình,"))
    lines[row] = lines[row].replace('UBND quận Ba Đình,"4,5",', "UBND quận Ba Đình,45%,", 1)
    p = tmp_path / "cohort.csv"
    p.write_text("\n".join(lines), encoding="utf-8")
    r = cds("score", str(HA_NOI), str(p))
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 1
    assert f"cohort.csv:{row + 1}:B: `điểm` của chỉ số 1.1 (đơn vị UBND quận Ba Đình) là số điểm nhưng ghi `45%`" \
        in r.stderr
    r = cds("score", str(HA_NOI), str(p), "--lang", "en")
    assert "is points but holds `45%`: points are not a percentage" in r.stderr


def _ninh_thuan_with(tmp_path, old: str, new: str) -> Path:
    text = COHORT.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert old in lines[5]
    lines[5] = lines[5].replace(old, new, 1)  # Huyện Ninh Phước, line 6
    p = tmp_path / "cohort.csv"
    p.write_text("\n".join(lines), encoding="utf-8")
    return p


def test_a_count_takes_whole_numbers_only(tmp_path):
    # 1.3:a: số lượng văn bản chỉ đạo (a count) of Ninh Phước written 4,5
    p = _ninh_thuan_with(tmp_path, "Chủ tịch chủ trì các cuộc họp về CĐS của Huyện,4,8,",
                         'Chủ tịch chủ trì các cuộc họp về CĐS của Huyện,"4,5",8,')
    r = cds("score", str(HUYEN), str(p))
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 1 and "CDS604" in r.stderr and "cohort.csv:6:D" in r.stderr and "Huyện Ninh Phước" in r.stderr


def test_a_cell_of_5000_digits_is_a_located_error(tmp_path):
    p = _ninh_thuan_with(tmp_path, ",127970,", "," + "9" * 5000 + ",")
    units, diags = read_units(p, load_ruleset(HUYEN))
    [d] = errors(diags)
    assert d.code == "CDS659" and (d.item, d.unit) == ("3.1", "Huyện Ninh Phước")
    assert d.message() == (f"cohort.csv:6:T: `a` của chỉ số 3.1 (đơn vị Huyện Ninh Phước) có 5000 chữ số, quá giới hạn "
                           f"{MAX_DIGITS}")
    assert d.message("en").endswith(f"has 5000 digits, over the limit of {MAX_DIGITS}")
    r = cds("score", str(HUYEN), str(p))
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 1 and "lỗi nội bộ" not in r.stderr and "cohort.csv:6:T" in r.stderr


def test_5000_digits_in_an_option_cell_too(tmp_path):
    p = _ninh_thuan_with(tmp_path, ",Đã có,", "," + "1" * 5000 + ",")
    units, diags = read_units(p, load_ruleset(HUYEN))
    [d] = errors(diags)
    assert d.code == "CDS659" and d.item == "1.5"


def test_the_example_cohorts_are_read_unchanged():
    # every bundled example is written at the declared scales: no value is refused by the rule
    for rs_path in sorted((REPO / "rulesets").glob("*.cds")):
        cohort = next((REPO / "examples" / rs_path.stem).glob("cohort.*"))
        units, diags = read_units(cohort, load_ruleset(rs_path))
        assert not [d for d in diags if d.code.startswith("CDS65")], (rs_path.name, diags)
