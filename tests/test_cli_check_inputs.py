"""#17 "shown everywhere": `cds check --inputs` (also `--dimensions`) lists each indicator's inputs with the
dimension the engine understood, after the findings; in JSON ``{"findings": [...], "inputs": [...]}``.
Without the flag the output is unchanged (findings only), so ~150 inputs never drown the findings."""
from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from cdsdsl.cli import main

ROOT = Path(__file__).resolve().parents[1]
RULESET = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"


def run(*args):
    return CliRunner().invoke(main, list(args))


def _line(output: str, item: str, key: str) -> str:
    found = [ln for ln in output.splitlines() if re.match(rf"\s+{re.escape(item)}\s+{re.escape(key)}\s", ln)]
    assert len(found) == 1, (item, key, found)
    return found[0]


def test_ninh_thuan_inputs_are_listed_with_their_dimension():
    """huyện Ninh Thuận 2023: 3.1 a counts people (`Số lượng người dân trưởng thành có điện thoại thông minh`),
    3.3 b households, 4.5 a officials (`công chức, viên chức được bồi dưỡng`), 5.12.1 a money in triệu đồng."""
    r = run("check", str(RULESET), "--inputs")
    assert r.exit_code == 0, r.output
    assert "Số liệu đầu vào và kiểu đã hiểu (" in r.output
    assert _line(r.output, "3.1", "a").endswith("→ số người")
    assert _line(r.output, "3.3", "b").endswith("Tổng số hộ gia đình của cấp huyện → số hộ gia đình")
    assert _line(r.output, "4.5", "a").endswith("→ số cán bộ, công chức, viên chức")
    assert _line(r.output, "5.12.1", "a").endswith("(triệu đồng) → triệu đồng")
    listing = r.output.split("Số liệu đầu vào")[1]
    assert "→ lựa chọn" not in listing and not re.search(r"^\s+1\.1\s", listing, re.M)  # options: no dimension
    # the findings come first, the summary last
    assert r.output.index("thông tin[") < r.output.index("Số liệu đầu vào") < r.output.rindex("lỗi, ")


def test_english_labels():
    r = run("check", str(RULESET), "--dimensions", "--lang", "en", "--severity", "error")
    assert "Inputs and the dimension understood (" in r.output
    assert _line(r.output, "3.3", "b").endswith("→ number of households")


def test_without_the_flag_nothing_is_listed():
    r = run("check", str(RULESET))
    assert "Số liệu đầu vào" not in r.output and " → số người" not in r.output


def test_json_has_findings_and_inputs():
    r = run("check", str(RULESET), "--inputs", "--format", "json")
    data = json.loads(r.output)
    plain = json.loads(run("check", str(RULESET), "--format", "json").output)
    assert data["findings"] == plain  # the same findings as without the flag
    by_item = {e["item"]: e for e in data["inputs"]}
    dims = {s["key"]: s["dimension"] for s in by_item["3.2"]["inputs"]}
    assert dims == {"a": "số hộ gia đình", "b": "số hộ gia đình"}
    spec = by_item["5.12.1"]["inputs"][1]
    assert (spec["key"], spec["kind"], spec["unit"], spec["dimension"]) == ("b", "money", "triệu đồng", "triệu đồng")


def test_a_formula_file_lists_its_inputs(tmp_path):
    """One formula: money in tỷ đồng next to triệu đồng, each shown in its own scale."""
    f = tmp_path / "f.txt"
    f.write_text("a = Kinh phí chi cho an toàn thông tin (triệu đồng)\n"
                 "b = Tổng kinh phí chi cho công nghệ thông tin (tỷ đồng)\nTỷ lệ = a/b\n"
                 "Điểm = Tỷ lệ * Điểm tối đa\n", encoding="utf-8")
    r = run("check", str(f), "--inputs")
    assert r.exit_code == 0, r.output
    assert "(tỷ đồng) đổi sang triệu đồng: × 1 000" in r.output
    assert _line(r.output, "", "b").endswith("(tỷ đồng) → tỷ đồng")
