"""Totals add up as printed (issue #12 item 10), for every bundled ruleset and its example cohort.

The documented rule (docs/semantics.md "Rounding"): every indicator's points and every total are rounded once,
as the ruleset says, from the exact points; a section (and the total) adds the EXACT points, so its printed
value may differ from the sum of the printed points.  The property: in what `cds explain` and `cds rank`
print (decimal commas), each section equals the sum of its printed indicator points, and the total the sum
of the printed sections — or the output says so, with the rule and those very numbers.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

import cdsdsl
from cdsdsl.cli import main
from cdsdsl.cli.explain_cmd import explain_text
from cdsdsl.evaluate.runtime import round_points
from cdsdsl.reports.tables import rank_table

REPO = Path(__file__).resolve().parents[1]
CASES = [(p, next((REPO / "examples" / p.stem).glob("cohort.*"))) for p in sorted((REPO / "rulesets").glob("*.cds"))]

_SECTION = re.compile(r"^Mục (\S+?)\. .*: ([\d ,]+)/[\d ,]+$")
_INDICATOR = re.compile(r"^  (\S+) .*: ([\d ,]+)/[\d ,]+$")
_NUMBER = r"([\d ]+,\d+)"


def _vi(text: str) -> Decimal:
    """A number as printed: ``1 000,50`` → ``1000.50``."""
    return Decimal(text.replace(" ", "").replace(",", "."))


def _gap_named(text: str, unit: str, what: str, printed: Decimal, added: Decimal) -> bool:
    def show(d: Decimal) -> str:
        return f"{d:,.2f}".replace(",", " ").replace(".", ",")

    return f"{unit}, {what}: in {show(printed)}, cộng các điểm đã in được {show(added)}" in text


@pytest.fixture(scope="module", params=CASES, ids=lambda c: c[0].stem)
def scored(request):
    rs_path, data = request.param
    rs = cdsdsl.load_ruleset(rs_path)
    units, _ = cdsdsl.read_units(data, rs)
    return rs, units, cdsdsl.score_cohort(rs, units)


def test_each_printed_section_adds_up_or_the_explanation_says_so(scored):
    rs, units, cohort = scored
    by_name = {u.name: u for u in units}
    for r in cohort.results:
        text = explain_text(cohort, r, by_name[r.unit], "vi")
        counted = {c.key for c in r.compiled.counted if c.indicator.group_id is None}
        sections: dict[str, Decimal] = {}
        added: dict[str, Decimal] = {}
        current = None
        for line in text.splitlines():
            m = _SECTION.match(line)
            if m:
                current = m.group(1)
                sections[current] = _vi(m.group(2))
                continue
            m = _INDICATOR.match(line)
            if m and current is not None and m.group(1) in counted:
                added[current] = added.get(current, Decimal(0)) + _vi(m.group(2))
        assert sections, text[:300]
        for sid, printed in sections.items():
            # the documented rule: the exact points added, rounded once
            exact = r.sections[sid].exact
            assert printed == round_points(exact, r.compiled.policy.digits, r.compiled.policy.rounding)
            if printed != added.get(sid, Decimal(0)):
                assert _gap_named(text, r.unit, f"mục {sid}", printed, added[sid]), (r.unit, sid, text[-600:])
                # rounding only: at most half a hundredth per indicator added
                n = sum(1 for c in r.compiled.counted if c.indicator.section_id == sid)
                assert abs(printed - added[sid]) <= Decimal("0.005") * n
        if sum(sections.values()) != r.total:
            assert _gap_named(text, r.unit, "tổng", r.total, sum(sections.values()))
        else:
            assert "tổng: in" not in text


def test_each_printed_total_adds_up_or_the_ranking_says_so(scored):
    rs, units, cohort = scored
    table = rank_table(cohort, "vi")
    text = table.text("vi")
    keys = [c.key for c in table.columns]
    for row, r in zip(table.rows, cohort.ranking(), strict=True):
        # the numbers as printed: the table's own cells, with decimal commas
        cells = dict(zip(keys, (table.cell_text(v, c, "vi") for v, c in zip(row, table.columns, strict=True)),
                         strict=True))
        sections = [_vi(cells[k]) for k in keys if k.startswith("section:") and cells[k]]
        total = _vi(cells["total"])
        assert cells["total"] in text
        if sum(sections) != total:
            assert _gap_named(text, r.unit, "tổng", total, sum(sections)), text[-800:]
    if all(sum(_vi(table.cell_text(v, c, "vi")) for v, c in zip(row, table.columns, strict=True)
               if c.key.startswith("section:") and v is not None) == row[keys.index("total")] for row in table.rows):
        assert "Quy tắc làm tròn" not in text


def test_ninh_thuan_states_the_rule_where_the_printed_points_do_not_add_up():
    # Huyện Ninh Hải: sections 55,71 + 85 + 69,53 + 54,70 + 64,20 + 121,43 + 97,68 + 97,92 = 646,17 printed,
    # the total adds the exact points: 646,16
    r = CliRunner().invoke(main, ["rank", str(REPO / "rulesets" / "huyen-ninh-thuan-2023.cds"),
                                  str(REPO / "examples" / "huyen-ninh-thuan-2023" / "cohort.csv")])
    assert "Huyện Ninh Hải, tổng: in 646,16, cộng các điểm đã in được 646,17" in r.stdout
    assert "cộng điểm chính xác rồi mới làm tròn" in r.stdout
    r = CliRunner().invoke(main, ["rank", str(REPO / "rulesets" / "huyen-ninh-thuan-2023.cds"),
                                  str(REPO / "examples" / "huyen-ninh-thuan-2023" / "cohort.csv"), "--format", "json"])
    assert json.loads(r.stdout)["rounding"] == {"digits": 2, "mode": "half_up", "totals": "exact"}


def test_a_set_whose_points_add_up_prints_no_rule_note():
    # Hà Nội 2024 (points entered in halves): every printed total is the sum of its printed parts
    r = CliRunner().invoke(main, ["rank", str(REPO / "rulesets" / "ha-noi-2024-huyen.cds"),
                                  str(REPO / "examples" / "ha-noi-2024-huyen" / "cohort.csv")])
    assert r.exit_code == 0 and "Quy tắc làm tròn" not in r.stdout


def test_the_rule_in_english_and_in_the_workbook(tmp_path):
    from openpyxl import load_workbook

    rs = REPO / "rulesets" / "huyen-ninh-thuan-2023.cds"
    data = REPO / "examples" / "huyen-ninh-thuan-2023" / "cohort.csv"
    r = CliRunner().invoke(main, ["explain", str(rs), str(data), "--unit", "Huyện Bác Ái", "--lang", "en"])
    assert "Rounding rule:" in r.stdout and "Huyện Bác Ái, section 3: printed 55.62, the printed points add up " \
        "to 55.61" in r.stdout
    out = tmp_path / "bao-cao.xlsx"
    assert CliRunner().invoke(main, ["rank", str(rs), str(data), "-o", str(out)]).exit_code == 0
    cells = [c.value for row in load_workbook(out)["Xếp hạng"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any("Quy tắc làm tròn" in c and "Huyện Bác Ái, mục 3: in 55,62, cộng các điểm đã in được 55,61" in c
               for c in cells)


def test_three_thirds_print_0_33_each_and_the_section_says_1_00(tmp_path):
    # three indicators `Tỷ lệ = a/b; Điểm = Tỷ lệ * Điểm tối đa` with a = 1, b = 3, maximum 1: each 1/3 point,
    # printed 0,33; the section adds the exact thirds: 1, printed 1,00 — and says why it is not 0,99
    cell = "Cách tính:\n    a = Số văn bản đã ban hành;\n    b = Tổng số văn bản;\n    - Tỷ lệ = a/b\n" \
           "    - Điểm = Tỷ lệ * Điểm tối đa\n"
    rs_path = tmp_path / "ba-phan.cds"
    rs_path.write_text("Bộ chỉ số: Ba phần ba\nVăn bản: Thử\nMục 1 | Văn bản | 3\n" + "".join(
        f"Chỉ số 1.{i} | Văn bản {i} | 1\n" + cell for i in (1, 2, 3)), encoding="utf-8")
    data = tmp_path / "so-lieu.csv"
    data.write_text("Đơn vị,1.1:a,1.1:b,1.2:a,1.2:b,1.3:a,1.3:b\nXã A,1,3,1,3,1,3\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["explain", str(rs_path), str(data), "--unit", "Xã A"])
    assert "Mục 1. Văn bản: 1,00/3" in r.stdout and r.stdout.count(": 0,33/1") == 3
    assert "Xã A, mục 1: in 1,00, cộng các điểm đã in được 0,99" in " ".join(r.stdout.split())
