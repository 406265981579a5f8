"""`cds explain RULESET DATA --unit NAME` on every bundled ruleset, and its error paths."""
from __future__ import annotations

import json
import re

import pytest
from _cli_util import ROOT, RULESET_IDS, RULESETS, cds, cds_subprocess, example, no_traceback, rel

import cdsdsl

NINH_THUAN = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"


@pytest.mark.parametrize("ruleset", RULESETS, ids=RULESET_IDS)
def test_explain_one_unit_every_ruleset(ruleset):
    rs = cdsdsl.load_ruleset(ruleset)
    units, _ = cdsdsl.read_units(example(ruleset), rs)
    unit = units[-1].name
    r = cds("explain", rel(ruleset), rel(example(ruleset)), "--unit", unit)
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith(f"Đơn vị: {unit}\n")
    assert re.search(r"Tổng điểm: [\d ]+,\d\d/\d+", r.stdout)
    for ind in rs.indicators:
        assert re.search(rf"^  {re.escape(ind.key)} ", r.stdout, re.M), ind.key
    for sec in rs.sections:
        assert f"Mục {sec.id}. {sec.name}" in r.stdout
    assert "→ " in r.stdout  # a reason under each indicator


def test_explain_shows_the_working_and_reasons():
    r = cds("explain", rel(NINH_THUAN), rel(example(NINH_THUAN)), "--unit", "Huyện Ninh Hải")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    # inputs with their cells, an intermediate ratio, the case matched, a lost-point reason
    assert re.search(r"^      a = \d+ văn bản \(ô cohort\.csv:\d+:[A-Z]+\): Số lượng", out, re.M)  # with its unit
    assert re.search(r"Tỷ lệ = [\d ]+/[\d ]+ = [\d,]+%", out)
    assert re.search(r"Trường hợp: .+ → [\d,]+ điểm", out)
    assert re.search(r"→ Mất [\d,]+ điểm do ", out)
    assert "→ Đạt điểm tối đa." in out
    assert re.search(r"hạng \d+/8", out)


def test_explain_english():
    r = cds("explain", rel(NINH_THUAN), rel(example(NINH_THUAN)), "--unit", "Huyện Ninh Hải", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("Unit: Huyện Ninh Hải")
    assert "Total: " in r.stdout and re.search(r"rank \d+ of 8", r.stdout)
    assert re.search(r"→ Lost [\d.]+ points", r.stdout)


def test_explain_json():
    r = cds("explain", rel(NINH_THUAN), rel(example(NINH_THUAN)), "--unit", "huyện ninh hải", "--format", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["unit"] == "Huyện Ninh Hải"  # found ignoring case
    first = data["explanation"][0]
    assert set(first) >= {"indicator", "name", "points", "max", "lost", "trace", "reason"}
    one_three = next(e for e in data["explanation"] if e["indicator"] == "1.3")
    assert any(t.startswith("Tỷ lệ = ") for t in one_three["trace"])
    assert re.fullmatch(r"\d+\.\d\d", one_three["points"])


def test_explain_unknown_unit_names_the_nearest():
    r = cds("explain", rel(NINH_THUAN), rel(example(NINH_THUAN)), "--unit", "Huyen Ninh Hai")
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 2
    assert "không có đơn vị `Huyen Ninh Hai` trong examples/huyen-ninh-thuan-2023/cohort.csv" in r.stderr
    assert "gợi ý: có phải là `Huyện Ninh Hải`" in r.stderr
    assert r.stdout == ""


def test_explain_unknown_unit_english():
    r = cds("explain", rel(NINH_THUAN), rel(example(NINH_THUAN)), "--unit", "Ninh Son", "--lang", "en")
    assert r.exit_code == 2
    assert "no unit `Ninh Son`" in r.stderr and "did you mean `Huyện Ninh Sơn`" in r.stderr


def test_explain_needs_unit():
    r = cds("explain", rel(NINH_THUAN), rel(example(NINH_THUAN)))
    assert r.exit_code == 2
    assert "--unit" in r.stderr
    no_traceback(r.stdout, r.stderr)


def test_explain_missing_data():
    r = cds("explain", rel(NINH_THUAN), "khong-co.csv", "--unit", "A")
    assert r.exit_code == 2 and "không tìm thấy tệp số liệu khong-co.csv" in r.stderr
    no_traceback(r.stdout, r.stderr)


def test_explain_subprocess():
    p = cds_subprocess("explain", rel(NINH_THUAN), rel(example(NINH_THUAN)), "--unit", "Huyện Bác Ái")
    no_traceback(p.stdout, p.stderr)
    assert p.returncode == 0, p.stderr
    assert p.stdout.startswith("Đơn vị: Huyện Bác Ái")
