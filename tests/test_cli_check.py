"""`cds check` and `cds inputs`."""
from __future__ import annotations

import json
from pathlib import Path

from _cli_util import uncorrected
from click.testing import CliRunner

from cdsdsl.cli import main

ROOT = Path(__file__).resolve().parents[1]
RULESET = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
GOOD = "a = Số lượng hộ\nb = Tổng số hộ\nTỷ lệ = a/b\nĐiểm = Tỷ lệ*Điểm tối đa\n"
BAD = "a = Số lượng hộ\nb = Tổng số hộ\nTỷ lệ = a/b\n- Tỷ lệ ≥ 80%: Điểm tối đa\n- Tỷ lệ <80: Điểm = Tỷ lệ * điểm tối đa\n"


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_formula_file_ok(tmp_path):
    f = tmp_path / "f.txt"
    f.write_text(GOOD, encoding="utf-8")
    r = run("check", str(f), "--max", "10")
    assert r.exit_code == 0, r.output
    assert r.output.strip().endswith("0 lỗi, 0 cảnh báo, 2 thông tin")


def test_formula_file_with_error_human_and_json(tmp_path):
    f = tmp_path / "f.txt"
    f.write_text(BAD, encoding="utf-8")
    r = run("check", str(f), "--item", "3.3")
    assert r.exit_code == 1
    assert "lỗi[CDS302]" in r.output and "5 │ - Tỷ lệ <80" in r.output and "^^^^^^^^^" in r.output
    assert "= gợi ý: Viết `Tỷ lệ <80%`." in r.output
    r = run("check", str(f), "--format", "json", "--lang", "en")
    assert r.exit_code == 1
    data = json.loads(r.output)
    slip = next(d for d in data if d["code"] == "CDS302")
    assert {"code", "severity", "item", "line", "column", "end_line", "end_column", "message", "hint"} <= set(slip)
    assert (slip["line"], slip["column"], slip["end_column"]) == (5, 3, 12)
    assert slip["message"].startswith("missing `%`")


def test_stdin():
    r = run("check", "-", input=GOOD)
    assert r.exit_code == 0


def test_ruleset():
    # the bundled ruleset corrects the decision's mistakes (`Sửa:`): they are still reported,
    # as information marked corrected, and nothing is left at error level
    r = run("check", str(RULESET), "--format", "json")
    assert r.exit_code == 0
    data = json.loads(r.output)
    found = {(d["item"], d["code"]): d for d in data}
    for key in [("3.3", "CDS302"), ("6.10", "CDS201"), ("5.12.2", "CDS405")]:
        assert found[key]["severity"] == "info" and found[key]["corrected"]
        assert found[key]["original_severity"] == "error"
        assert found[key]["message"].startswith("(đã sửa trong bộ chỉ số:")
    r = run("check", str(RULESET), "--severity", "warning")
    assert "thông tin[" not in r.output and "0 lỗi, 3 cảnh báo" in r.output


def test_uncorrected_ruleset_has_errors(tmp_path):
    # the same ruleset without its `Sửa:` blocks: the decision's six errors are errors again
    r = run("check", str(uncorrected(RULESET, tmp_path)), "--format", "json")
    assert r.exit_code == 1
    data = json.loads(r.output)
    assert {(d["item"], d["code"]) for d in data if d["severity"] == "error"} == {
        ("3.3", "CDS302"), ("7.3", "CDS302"), ("7.6", "CDS302"), ("7.8", "CDS302"),
        ("6.10", "CDS201"), ("5.12.2", "CDS405")}


def test_usage_errors(tmp_path):
    assert run("check", str(tmp_path / "missing.cds")).exit_code == 2
    f = tmp_path / "f.txt"
    f.write_text(GOOD, encoding="utf-8")
    assert run("check", str(f), "--max", "abc").exit_code == 2
    assert run("check", str(f), "--format", "xml").exit_code == 2


def test_unloadable_ruleset_is_reported(tmp_path):
    f = tmp_path / "bad.cds"
    f.write_text("Bộ chỉ số: X\n", encoding="utf-8")
    r = run("check", str(f))
    # unreadable input is exit 2 (docs/cli.md), its CDS5xx errors still the report
    assert r.exit_code == 2 and "lỗi[CDS5" in r.output


def test_inputs_table_and_json(tmp_path):
    r = run("inputs", str(RULESET))
    assert r.exit_code == 0
    assert "Khoá" in r.output and "triệu đồng" in r.output and "Đã ban hành; Chưa ban hành" in r.output
    r = run("inputs", str(RULESET), "--format", "json")
    data = {e["item"]: e for e in json.loads(r.output)}
    assert [i["key"] for i in data["3.7"]["inputs"]] == ["1.a", "1.b", "2.a", "2.b"]
    assert data["7.1"]["inputs"][0]["unit"] == "tỷ đồng" and data["8.6"]["needs_cohort"] is True
    f = tmp_path / "f.txt"
    f.write_text(GOOD, encoding="utf-8")
    r = run("inputs", str(f), "--format", "json", "--lang", "en")
    assert [i["kind"] for i in json.loads(r.output)[0]["inputs"]] == ["count", "count"]
