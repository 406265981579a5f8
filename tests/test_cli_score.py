"""`cds score` and `cds rank` on every bundled ruleset with its example cohort, and every error path."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from _cli_util import ROOT, RULESET_IDS, RULESETS, cds, cds_subprocess, example, no_traceback, rel

import cdsdsl
from cdsdsl.reports.tables import vi_number


def api_cohort(ruleset: Path):
    rs = cdsdsl.load_ruleset(ruleset)
    units, diags = cdsdsl.read_units(example(ruleset), rs)
    return rs, units, diags, cdsdsl.score_cohort(rs, units)


@pytest.fixture(scope="module", params=RULESETS, ids=RULESET_IDS)
def scored(request):
    return (request.param, *api_cohort(request.param))


def _row_of(stdout: str, unit: str) -> str:
    rows = [ln for ln in stdout.splitlines() if re.search(rf"(^|\s){re.escape(unit)}(\s|$)", ln)]
    assert len(rows) == 1, (unit, stdout)
    return rows[0]


def test_score_table_every_ruleset(scored):
    ruleset, rs, units, diags, cohort = scored
    r = cds("score", rel(ruleset), rel(example(ruleset)))
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 0, r.stderr
    assert "Tổng điểm" in r.stdout and "Tối đa" in r.stdout
    # the data's order, each unit once, with its total and its section totals (decimal commas)
    positions = [r.stdout.index(u.name) for u in units]
    assert positions == sorted(positions)
    for res in cohort.results:
        row = _row_of(r.stdout, res.unit)
        assert vi_number(res.total) in row.split()
        for sid in res.sections:
            assert vi_number(res.section_points(sid)) in row.split()
    for sec in rs.sections:
        assert f"Mục {sec.id}: {sec.name}" in r.stdout  # the legend of the section columns


def test_rank_table_every_ruleset(scored):
    ruleset, rs, units, diags, cohort = scored
    r = cds("rank", rel(ruleset), rel(example(ruleset)))
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 0, r.stderr
    ranking = cohort.ranking()
    positions = [r.stdout.index(res.unit) for res in ranking]
    assert positions == sorted(positions), "sorted by rank"
    for res in ranking:
        row = _row_of(r.stdout, res.unit)
        assert row.split()[0] == str(res.rank)
        assert vi_number(res.score) in row.split()


def test_rank_json_every_ruleset(scored):
    ruleset, rs, units, diags, cohort = scored
    r = cds("rank", rel(ruleset), rel(example(ruleset)), "--format", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)  # stdout is only the JSON
    assert data["ruleset"]["title"] == rs.title
    ranking = data["ranking"]
    assert [e["unit"] for e in ranking] == [res.unit for res in cohort.ranking()]
    ranks = [e["rank"] for e in ranking]
    assert ranks == sorted(ranks) and ranks[0] == 1
    for e, res in zip(ranking, cohort.ranking()):
        assert e["total"] == str(res.total)  # exact strings, decimal point
        for sid in res.sections:
            assert e[f"section:{sid}"] == str(res.section_points(sid))
        assert e["complete"] == res.complete


def test_score_json_every_ruleset(scored):
    ruleset, rs, units, diags, cohort = scored
    r = cds("score", rel(ruleset), rel(example(ruleset)), "--format", "json", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert [u["unit"] for u in data["units"]] == [u.name for u in units]
    first = data["units"][0]
    assert first["total"] == str(cohort.results[0].total)
    assert {i["id"] for i in first["indicators"]} == {i.key for i in rs.indicators}


def test_score_csv(scored):
    ruleset, rs, units, diags, cohort = scored
    r = cds("score", rel(ruleset), rel(example(ruleset)), "--format", "csv")
    assert r.exit_code == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0][:3] == ["Đơn vị", *rows[0][1:3]] and "Tổng điểm" in rows[0]
    assert len(rows) == 1 + len(units)
    total_col = rows[0].index("Tổng điểm")
    assert [row[total_col] for row in rows[1:]] == [str(res.total) for res in cohort.results]


def test_rank_english_headers():
    ruleset = ROOT / "rulesets" / "tinh-2021.cds"
    r = cds("rank", rel(ruleset), rel(example(ruleset)), "--lang", "en")
    assert r.exit_code == 0
    assert "Rank" in r.stdout and "Total" in r.stdout and "Section 1" in r.stdout
    assert re.search(r"\b\d{3}\.\d{2}\b", r.stdout), "English number format"


def test_readme_quickstart_rank_command():
    """The part of README's quick start that CI runs after installing: `cds rank ...`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- quickstart:setup -->", 1)[1].split("```", 2)[1]
    command = next(line for line in block.splitlines() if "cds rank" in line)
    args = command[command.index("cds rank") + len("cds "):].split()
    r = cds(*args)
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 0, r.stderr
    ruleset, data = ROOT / args[1], ROOT / args[2]
    rs = cdsdsl.load_ruleset(ruleset)
    units, _ = cdsdsl.read_units(data, rs)
    assert len(units) >= 2
    lines = r.stdout.splitlines()
    assert lines[0].split()[:2] == ["Hạng", "Đơn"]
    seen_ranks = []
    for u in units:
        row = _row_of(r.stdout, u.name)
        seen_ranks.append(int(row.split()[0]))
    assert sorted(seen_ranks)[0] == 1 and max(seen_ranks) <= len(units)


def test_subprocess_rank():
    ruleset = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
    p = cds_subprocess("rank", rel(ruleset), rel(example(ruleset)))
    no_traceback(p.stdout, p.stderr)
    assert p.returncode == 0, p.stderr
    assert "Hạng" in p.stdout and "Huyện Ninh Hải" in p.stdout
    assert "Hạng" not in p.stderr  # the table goes to stdout only


def test_output_file(tmp_path):
    ruleset = ROOT / "rulesets" / "tinh-2021.cds"
    out = tmp_path / "rank.json"
    r = cds("rank", rel(ruleset), rel(example(ruleset)), "--format", "json", "-o", out)
    assert r.exit_code == 0 and r.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["ranking"][0]["rank"] == 1


# ------------------------------------------------------------------ ties and progress

def _ha_noi_rows(n: int, tmp_path: Path, same: bool = False) -> Path:
    """A cohort of ``n`` units for ha-noi-2024-huyen made from the example's rows."""
    src = example(ROOT / "rulesets" / "ha-noi-2024-huyen.cds").read_text(encoding="utf-8").splitlines()
    body = [ln for ln in src if ln and not ln.startswith("#")]
    header, rows = body[0], body[1:]
    out = [header]
    for i in range(n):
        cells = next(csv.reader([rows[0 if same else i % len(rows)]]))
        cells[0] = f"Đơn vị thử {i + 1}"
        buf = io.StringIO()
        csv.writer(buf, lineterminator="").writerow(cells)
        out.append(buf.getvalue())
    path = tmp_path / "cohort.csv"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def test_rank_ties_share_a_rank(tmp_path):
    data = _ha_noi_rows(3, tmp_path, same=True)
    src = example(ROOT / "rulesets" / "ha-noi-2024-huyen.cds").read_text(encoding="utf-8").splitlines()
    body = [ln for ln in src if ln and not ln.startswith("#")]
    # a fourth, different unit after three equal ones
    with data.open("a", encoding="utf-8") as fh:
        cells = next(csv.reader([body[2]]))
        cells[0] = "Đơn vị khác"
        csv.writer(fh, lineterminator="\n").writerow(cells)
    r = cds("rank", rel(ROOT / "rulesets" / "ha-noi-2024-huyen.cds"), data, "--format", "json")
    assert r.exit_code == 0, r.stderr
    ranks = {e["unit"]: e["rank"] for e in json.loads(r.stdout)["ranking"]}
    equal = [ranks[f"Đơn vị thử {i}"] for i in (1, 2, 3)]
    assert len(set(equal)) == 1
    other = ranks["Đơn vị khác"]
    assert other in (1, 4) and (other == 4) == (equal[0] == 1)


def test_progress_bar_only_on_large_cohorts(tmp_path):
    ruleset = rel(ROOT / "rulesets" / "ha-noi-2024-huyen.cds")
    big = _ha_noi_rows(250, tmp_path)
    r = cds("rank", ruleset, big)
    assert r.exit_code == 0, r.stderr
    assert "Đang chấm điểm" in r.stderr
    assert "Đang chấm điểm" not in r.stdout
    assert r.stdout.count("Đơn vị thử") == 250
    r = cds("rank", ruleset, big, "--format", "json")  # JSON to stdout: no bar at all
    assert "Đang chấm điểm" not in r.stderr
    assert len(json.loads(r.stdout)["ranking"]) == 250
    small = cds("rank", ruleset, rel(example(ROOT / "rulesets" / "ha-noi-2024-huyen.cds")))
    assert "Đang chấm điểm" not in small.stderr


# ------------------------------------------------------------------ error paths

def test_missing_ruleset_file():
    r = cds("score", "rulesets/khong-co.cds", "examples/tinh-2021/cohort.csv")
    assert r.exit_code == 2
    assert "không tìm thấy tệp bộ chỉ số rulesets/khong-co.cds" in r.stderr
    no_traceback(r.stdout, r.stderr)


def test_missing_data_file():
    r = cds("rank", "rulesets/tinh-2021.cds", "examples/tinh-2021/khong-co.csv", "--lang", "en")
    assert r.exit_code == 2
    assert "no such data file: examples/tinh-2021/khong-co.csv" in r.stderr
    no_traceback(r.stdout, r.stderr)


def test_unreadable_data(tmp_path):
    bad = tmp_path / "so-lieu.xlsx"
    bad.write_bytes(b"not a workbook\x00\xff")
    r = cds("score", "rulesets/tinh-2021.cds", bad)
    assert r.exit_code == 2
    assert "CDS800" in r.stderr and "so-lieu.xlsx" in r.stderr
    assert r.stdout == ""
    no_traceback(r.stdout, r.stderr)


def test_unreadable_ruleset(tmp_path):
    bad = tmp_path / "hong.cds"
    bad.write_text("Bộ chỉ số: thử\nChỉ số 1.1 | Tên | 10\nKhoá lạ: x\n", encoding="utf-8")
    r = cds("rank", bad, "examples/tinh-2021/cohort.csv")
    assert r.exit_code == 2
    assert re.search(r"lỗi\[CDS5\d\d\]", r.stderr)
    assert f"{bad}:" in r.stderr  # file:line:column
    no_traceback(r.stdout, r.stderr)


def test_bad_cell_is_located(tmp_path):
    ruleset = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
    lines = example(ruleset).read_text(encoding="utf-8").splitlines()
    header_at = next(i for i, ln in enumerate(lines) if ln.startswith("Đơn vị,"))
    header = next(csv.reader([lines[header_at]]))
    col = header.index("1.3:a")
    row = next(csv.reader([lines[header_at + 1]]))
    unit = row[0]
    row[col] = "mười hai"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(row)
    lines[header_at + 1] = buf.getvalue()
    data = tmp_path / "cohort.csv"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cds("score", rel(ruleset), data)
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 1, "a unit not fully scored because of its data"
    letters = ""
    n = col + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    cell = f"cohort.csv:{header_at + 2}:{letters}"
    msg = next(block for block in r.stderr.split("\n\n") if "mười hai" in block)
    assert "CDS601" in msg and "1.3" in msg and unit in msg and cell in msg and "gợi ý" in msg
    assert f"{unit} (*)" in r.stdout, "the unit is still listed, marked not fully scored"


def test_xlsx_needs_output():
    r = cds("rank", "rulesets/tinh-2021.cds", "examples/tinh-2021/cohort.csv", "--format", "xlsx")
    assert r.exit_code == 2
    assert "--format xlsx cần -o" in r.stderr
    no_traceback(r.stdout, r.stderr)


def test_unknown_option_is_usage_error():
    r = cds("score", "rulesets/tinh-2021.cds", "examples/tinh-2021/cohort.csv", "--format", "pdf")
    assert r.exit_code == 2
    no_traceback(r.stdout, r.stderr)
