"""The embedding API: what `import cdsdsl` offers, JSON results, errors, and scoring from several threads."""
from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from _cli_util import ROOT, example

import cdsdsl

NINH_THUAN = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"


def test_public_names():
    for name in ("load_ruleset", "Ruleset", "Unit", "Value", "read_units", "score_unit", "score_cohort",
                 "UnitResult", "CohortResult", "IndicatorResult", "CdsError", "Diagnostic"):
        assert name in cdsdsl.__all__ and hasattr(cdsdsl, name), name
    rs = cdsdsl.load_ruleset(NINH_THUAN)
    assert isinstance(rs, cdsdsl.Ruleset)


def test_embedding_round_trip():
    rs = cdsdsl.load_ruleset(NINH_THUAN)
    unit = cdsdsl.Unit.from_plain("Huyện A", {"1.3": {"a": 7, "b": 21}, "1.5": {"lựa chọn": "Đã có"}})
    result = rs.score(unit)
    assert isinstance(result, cdsdsl.UnitResult)
    assert result.indicators["1.3"].points == Decimal("3.33")
    assert result.indicators["1.5"].points == Decimal("10.00")
    assert not result.complete  # the other indicators have no data: reported, counted 0
    missing = [d for d in result.diagnostics if d.code == "CDS600"]
    assert missing and all(d.unit == "Huyện A" for d in missing)
    data = json.loads(json.dumps(result.to_dict()))  # JSON-ready: strings for exact numbers
    one_three = next(i for i in data["indicators"] if i["id"] == "1.3")
    assert one_three == {**one_three, "points": "3.33", "exact": "10/3", "status": "scored", "max": 10}
    assert "Tỷ lệ = 7/21 = 33,33%" in result.explain(unit=unit)


def test_cohort_to_dict_and_diagnostics_json():
    rs = cdsdsl.load_ruleset(NINH_THUAN)
    units, diags = cdsdsl.read_units(example(NINH_THUAN), rs)
    cohort = rs.score_cohort(units)
    assert isinstance(cohort, cdsdsl.CohortResult)
    payload = json.loads(json.dumps(cohort.to_dict("en"), ensure_ascii=False))
    assert [u["rank"] for u in payload["units"]] == sorted(u["rank"] for u in payload["units"])
    # a unit with a bad cell gives a located diagnostic that serialises too
    bad = cdsdsl.Unit.from_plain("Huyện Lỗi", {"1.3": {"a": "mười", "b": 21}}, where="thu.csv:2")
    d = next(d for d in rs.score(bad).diagnostics if d.item == "1.3")
    as_dict = d.to_dict()
    assert json.loads(json.dumps(as_dict, ensure_ascii=False)) == as_dict
    assert set(as_dict) >= {"code", "severity", "item", "unit", "file", "line", "column", "message", "hint"}


def test_errors_are_cds_errors(tmp_path):
    with pytest.raises(cdsdsl.CdsError) as info:
        cdsdsl.load_ruleset(tmp_path / "khong-co.cds")
    assert isinstance(info.value, cdsdsl.RulesetError)
    assert info.value.diagnostics and info.value.code.startswith("CDS5")
    bad = tmp_path / "hong.cds"
    bad.write_text("Bộ chỉ số: thử\n", encoding="utf-8")
    with pytest.raises(cdsdsl.CdsError) as info:
        cdsdsl.load_ruleset(bad)
    assert info.value.line == 1
    with pytest.raises(cdsdsl.CdsError):
        cdsdsl.evaluate_formula("Tỷ lệ = a/", 10, {"a": 1})
    # data problems are diagnostics, not exceptions
    rs = cdsdsl.load_ruleset(NINH_THUAN)
    units, diags = cdsdsl.read_units(tmp_path / "khong-co.csv", rs)
    assert units == [] and diags and all(isinstance(d, cdsdsl.Diagnostic) for d in diags)


def _snapshot(cohort) -> str:
    return json.dumps(cohort.to_dict(), ensure_ascii=False, sort_keys=True)


def test_four_threads_score_the_same_cohort_identically():
    rs = cdsdsl.load_ruleset(NINH_THUAN)
    units, _ = cdsdsl.read_units(example(NINH_THUAN), rs)
    expected = _snapshot(cdsdsl.score_cohort(rs, units))
    barrier = threading.Barrier(4)

    def work(_: int) -> str:
        barrier.wait()  # start together
        return _snapshot(cdsdsl.score_cohort(rs, units))

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(work, range(4)))
    assert results == [expected] * 4


def test_no_state_carried_between_calls():
    rs = cdsdsl.load_ruleset(NINH_THUAN)
    units, _ = cdsdsl.read_units(example(NINH_THUAN), rs)
    two = units[:2]
    fresh = _snapshot(cdsdsl.score_cohort(cdsdsl.load_ruleset(NINH_THUAN), two))
    cdsdsl.score_cohort(rs, units)  # a bigger cohort first (cohort indicators: min/max of all units)
    assert _snapshot(cdsdsl.score_cohort(rs, two)) == fresh
