"""No live formula in any spreadsheet or CSV cdsdsl writes, and reproducible .xlsx (SOURCE_DATE_EPOCH).

The situation: huyện Ninh Thuận 2023 (rulesets/huyen-ninh-thuan-2023.cds, examples/.../cohort.csv), but
the districts are renamed by someone who wants the report to run a command or open a link when a
reviewer opens it (``=cmd|' /C calc'!A0``, ``=HYPERLINK(...)``, text led by + - @ TAB CR), and the
ruleset's title, decision, section 1 and indicators 1.1, 1.2 are retitled the same way.  Every output
(the report workbooks of `cds score`/`cds rank`, the data-entry template, every CSV) must hold that
text as text: no ``<f>`` element in a sheet's XML, a CSV field led by an apostrophe; and our own
readers must give the names back unchanged, with the same points.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest
from _cli_util import cds, no_traceback
from hypothesis import given, settings
from hypothesis import strategies as st

from cdsdsl.dataentry.forms import DATA_SHEET, read_units, template_csv, write_template
from cdsdsl.files.safe_cells import csv_field, escape_csv_text, save_workbook, set_text, text_cell, unescape_csv_text
from cdsdsl.reports.tables import (
    Column,
    Table,
    explain_table,
    lost_points_table,
    rank_table,
    score_table,
    write_report_xlsx,
)
from cdsdsl.rulesets.model import UnitList, load_ruleset
from cdsdsl.scoring.score import score_cohort

ROOT = Path(__file__).resolve().parents[1]
RULESET = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
COHORT = ROOT / "examples" / "huyen-ninh-thuan-2023" / "cohort.csv"

#: the unit names of the probe (the cohort has 8 districts: the first 7 are renamed)
EVIL_NAMES = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)",
              "\t=1+1", "\r=1+1"]
#: in a data file a name's surrounding spaces are dropped when read (``"\t=1+1"`` is read ``=1+1``):
#: the tab- and CR-led names there differ after their first character so that they stay two units
FILE_NAMES = EVIL_NAMES[:5] + ["\t=1+1", "\r=2*3"]
EVIL_TITLE = '=HYPERLINK("http://evil","bo chi so")'
EVIL_DECISION_LEAD = "+1+1 Kế hoạch"
EVIL_SECTION = "=SUM(1,2) Nhận thức số"
EVIL_INDICATOR_11 = "@SUM(A1) Người đứng đầu"
EVIL_INDICATOR_12 = "-2+3 Người đứng đầu"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


# ---------------------------------------------------------------- the probe's files

@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """The retitled ruleset and the cohort with the renamed districts, as files."""
    d = tmp_path_factory.mktemp("probe")
    text = RULESET.read_text(encoding="utf-8")
    for old, new in [("Bộ chỉ số: Bộ chỉ số đánh giá chuyển đổi số cấp huyện\n", f"Bộ chỉ số: {EVIL_TITLE}\n"),
                     ("Văn bản: Kế hoạch", f"Văn bản: {EVIL_DECISION_LEAD}"),
                     ("Mục 1 | Nhận thức số | 60", f"Mục 1 | {EVIL_SECTION} | 60"),
                     ("Chỉ số 1.1 | Người đứng đầu", f"Chỉ số 1.1 | {EVIL_INDICATOR_11}"),
                     ("Chỉ số 1.2 | Người đứng đầu", f"Chỉ số 1.2 | {EVIL_INDICATOR_12}")]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    ruleset = d / "bo-chi-so.cds"
    ruleset.write_text(text, encoding="utf-8")
    rows = list(csv.reader(io.StringIO(COHORT.read_text(encoding="utf-8-sig"))))
    data = [i for i, r in enumerate(rows) if r and not r[0].startswith("#")][1:]  # after the header
    assert len(data) >= len(FILE_NAMES)
    for i, name in zip(data, FILE_NAMES):
        rows[i][0] = name
    cohort = d / "so-lieu.csv"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)  # the attacker's file: names as they are
    cohort.write_text(buf.getvalue(), encoding="utf-8")
    return {"ruleset": ruleset, "cohort": cohort}


@pytest.fixture(scope="module")
def ruleset(files):
    rs = load_ruleset(files["ruleset"])
    assert rs.title == EVIL_TITLE and rs.decision.startswith(EVIL_DECISION_LEAD)
    assert rs.section("1").name == EVIL_SECTION
    assert rs.indicators[0].name.startswith(EVIL_INDICATOR_11)
    return rs


@pytest.fixture(scope="module")
def units(ruleset):
    """The example districts, the first seven carrying the probe's names exactly (tab and CR included)."""
    plain, diags = read_units(COHORT, ruleset)
    assert not [d for d in diags if d.severity.value == "error"]
    return [attrs.evolve(u, name=n) for u, n in zip(plain, EVIL_NAMES)] + plain[len(EVIL_NAMES):]


@pytest.fixture(scope="module")
def cohort(ruleset, units):
    return score_cohort(ruleset, units)


# ---------------------------------------------------------------- what a workbook holds

def as_read(text: str) -> str:
    """What a text cell reads back as: XML reads every CR as a line feed (XML 1.0 §2.11)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sheet_xml(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/")}


def assert_no_formula(path: Path) -> list[str]:
    """No ``<f>`` element in any sheet, every str cell a text cell; returns every text the workbook holds."""
    for name, xml in sheet_xml(path).items():
        assert not re.search(r"<f[\s>/]", xml), f"{path.name} › {name} holds a formula"
    texts = []
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str):
                    assert c.data_type == "s", f"{ws.title}!{c.coordinate} = {c.value!r} is {c.data_type}"
                    texts.append(c.value)
                    if c.value.startswith(TRIGGERS):
                        assert c.quotePrefix, f"{ws.title}!{c.coordinate} = {c.value!r} can turn into a formula"
    return texts


def column(ws, letter: str) -> list:
    return [c.value for c in ws[letter]]


def check_report(path: Path, names: list[str]) -> None:
    """The report workbook of the probe's cohort holds every name, the title and the indicator names as text."""
    texts = assert_no_formula(path)
    wb = openpyxl.load_workbook(path)
    rank = wb["Xếp hạng"]
    assert rank["A1"].value == EVIL_TITLE and rank["A2"].value.startswith(EVIL_DECISION_LEAD)
    for name in names:
        assert as_read(name) in column(rank, "B"), name
        assert as_read(name) in [c.value for c in wb["Điểm theo chỉ số"][1]], name  # a column per unit
        assert as_read(name) in column(wb["Lý do mất điểm"], "B"), name
    by_indicator = dict(zip(column(wb["Điểm theo chỉ số"], "A"), column(wb["Điểm theo chỉ số"], "B")))
    assert by_indicator["1.1"].startswith(EVIL_INDICATOR_11)
    assert by_indicator["1.2"].startswith(EVIL_INDICATOR_12)
    assert any(t.startswith(EVIL_INDICATOR_11) for t in column(wb["Lý do mất điểm"], "D") if t)
    assert any(EVIL_SECTION in t for t in texts)  # the section legend under the ranking


# ---------------------------------------------------------------- the rules themselves

@pytest.mark.parametrize("text", EVIL_NAMES + [EVIL_TITLE, "'=already quoted", "''"])
def test_an_xlsx_text_cell_is_never_a_formula(text, tmp_path):
    wb = openpyxl.Workbook()
    cell = text_cell(wb.active, 1, 1, text)
    assert cell.data_type == "s"
    out = save_workbook(wb, tmp_path / "o.xlsx")
    assert assert_no_formula(out) == [as_read(text)]
    # led by a formula character: Excel's quote prefix keeps it text when someone edits the cell
    assert openpyxl.load_workbook(out).active["A1"].quotePrefix == text.startswith(TRIGGERS)


def test_numbers_stay_numbers_in_a_workbook(tmp_path):
    wb = openpyxl.Workbook()
    set_text(wb.active["A1"], -1.5)
    set_text(wb.active["A2"], 7)
    out = save_workbook(wb, tmp_path / "o.xlsx")
    ws = openpyxl.load_workbook(out).active
    assert (ws["A1"].value, ws["A1"].data_type, ws["A2"].value) == (-1.5, "n", 7)


@pytest.mark.parametrize("text", EVIL_NAMES)
def test_csv_text_led_by_a_formula_character_gets_an_apostrophe(text):
    assert escape_csv_text(text) == "'" + text
    assert unescape_csv_text(escape_csv_text(text)) == text


@pytest.mark.parametrize("text", ["Huyện Ninh Hải", "'Huyện A", "1.3:a", "# Mô tả", "", "'"])
def test_other_csv_text_is_left_alone(text):
    assert escape_csv_text(text) == text
    assert unescape_csv_text(text) == text


def test_an_apostrophe_before_a_formula_character_survives_the_round_trip():
    assert escape_csv_text("'=x") == "''=x" and unescape_csv_text("''=x") == "'=x"
    assert escape_csv_text("''") == "'''" and unescape_csv_text("'''") == "''"


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("=+-@'\t\r\nab 1")) | st.characters(), max_size=12))
def test_reading_undoes_writing_for_any_text(text):
    written = escape_csv_text(text)
    assert unescape_csv_text(written) == text
    assert not written.startswith(TRIGGERS)


def test_numbers_in_a_csv_are_not_quoted_but_text_that_looks_like_one_is():
    """-1.5 points (a number the project formats) stays a number; the text "-1.5" is text."""
    table = Table((Column("unit", "Đơn vị"), Column("points", "Điểm", True)),
                  ((Decimal("-1.5"), Decimal("-1.5")), ("-1.5", Decimal("2.25"))))
    rows = list(csv.reader(io.StringIO(table.csv())))
    assert rows == [["Đơn vị", "Điểm"], ["-1.5", "-1.5"], ["'-1.5", "2.25"]]
    assert csv_field(None) == "" and csv_field(-3) == -3


# ---------------------------------------------------------------- the library's outputs

def test_report_workbook_holds_the_names_as_text(cohort, tmp_path):
    check_report(write_report_xlsx(cohort, tmp_path / "bao-cao.xlsx"), EVIL_NAMES)
    check_report(write_report_xlsx(cohort, tmp_path / "report.xlsx", lang="en"), EVIL_NAMES)


def test_template_workbook_holds_the_titles_as_text(ruleset, tmp_path):
    out = tmp_path / "mau.xlsx"
    write_template(ruleset, out)
    texts = assert_no_formula(out)
    wb = openpyxl.load_workbook(out)
    assert wb["Mẫu"]["A1"].value == f"Mẫu nhập số liệu — {EVIL_TITLE}"
    names = column(wb["Mẫu"], "B")
    assert any(n and n.startswith(EVIL_INDICATOR_11) for n in names)
    assert any(n and n.startswith(EVIL_INDICATOR_12) for n in names)
    assert any(EVIL_SECTION in t for t in texts)


def test_template_workbook_lists_the_units_of_a_list_as_text(ruleset, tmp_path):
    """A `Danh sách` of units named like the probe: the wide sheet's column A holds them as text."""
    listed = attrs.evolve(ruleset, unit_lists=(UnitList("Phụ lục I", tuple(FILE_NAMES)),))
    out = tmp_path / "mau.xlsx"
    write_template(listed, out)
    assert_no_formula(out)
    assert column(openpyxl.load_workbook(out)[DATA_SHEET], "A")[2:] == [as_read(n) for n in FILE_NAMES]


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("make", [score_table, rank_table], ids=["score", "rank"])
def test_score_and_rank_csv_neutralise_the_names_and_keep_the_numbers(cohort, make):
    table = make(cohort, label=False)
    rows = csv_rows(table.csv())
    unit_col = rows[0].index("Đơn vị")
    total_col = rows[0].index("Tổng điểm")
    written = {r[unit_col]: r[total_col] for r in rows[1:]}
    for name in EVIL_NAMES:
        assert escape_csv_text(name) in written, name
    for rec in table.records():  # the totals are the exact numbers, unquoted
        assert written[escape_csv_text(rec["unit"])] == rec["total"]
    assert {unescape_csv_text(k) for k in written} == {r.unit for r in cohort.results}


def test_explain_and_lost_points_csv_neutralise_decision_text(cohort, units):
    result = cohort.unit(EVIL_NAMES[0])
    rows = csv_rows(explain_table(cohort, result, units[0]).csv())
    names = {r[0]: r[1] for r in rows[1:]}
    assert names["1.1"] == "'" + cohort.unit(EVIL_NAMES[0]).indicators["1.1"].name
    assert names["1.2"].startswith("'" + EVIL_INDICATOR_12)
    for r in rows[1:]:
        assert not any(cell.startswith(TRIGGERS) for cell in r), r
    lost = csv_rows(lost_points_table(cohort).csv())
    assert {escape_csv_text(n) for n in EVIL_NAMES} <= {r[1] for r in lost[1:]}
    for r in lost[1:]:
        assert not any(cell.startswith(TRIGGERS) for cell in r), r


def fill_template(text: str, units) -> str:
    """Fill the template's unit rows (found by the name as our reader reads it) with the units' values."""
    rows = csv_rows(text)
    header_at = next(i for i, r in enumerate(rows) if r and r[0] == "Đơn vị")
    header = rows[header_at]
    by_name = {u.name: u for u in units}
    for r in rows[header_at + 1:]:
        u = by_name.get(unescape_csv_text(r[0].strip()))
        if u is None:
            continue
        for item, vals in u.values.items():
            for key, v in vals.items():
                if f"{item}:{key}" in header:
                    r[header.index(f"{item}:{key}")] = "; ".join(v.raw) if isinstance(v.raw, list) else str(v.raw)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def totals(result) -> dict[str, tuple]:
    return {r.unit: (str(r.total), r.rank) for r in result.results}


def test_template_csv_round_trip_keeps_the_names_and_the_points(ruleset, units, tmp_path):
    # the reader takes names that differ only in spaces or case for one unit (CDS804): "\t=1+1" and
    # "\r=1+1" would be the same district, so the CR-led name is "\r=2*3" here
    units = [attrs.evolve(u, name=n) for u, n in zip(units, FILE_NAMES)] + units[len(FILE_NAMES):]
    cohort = score_cohort(ruleset, units)
    text = template_csv(ruleset, units=[u.name for u in units])
    rows = csv_rows(text)
    firsts = [r[0] for r in rows if r]
    for name in FILE_NAMES:
        assert escape_csv_text(name) in firsts
    indicator_names = next(r for r in rows if r and r[0] == "# Tên chỉ số")
    assert "'" + ruleset.indicators[0].name in indicator_names
    assert not any(c.startswith(TRIGGERS) for r in rows for c in r)
    filled = tmp_path / "da-dien.csv"
    filled.write_text(fill_template(text, units), encoding="utf-8")
    back, diags = read_units(filled, ruleset)
    assert not [d for d in diags if d.severity.value == "error"], [d.message() for d in diags]
    assert [u.name for u in back] == [u.name for u in units]
    assert totals(score_cohort(ruleset, back)) == totals(cohort)


def test_a_quoted_name_saved_by_a_spreadsheet_program_reads_back(ruleset, units, tmp_path):
    """The CSV opened in a spreadsheet program and saved as .xlsx keeps the apostrophe as text:
    the wide sheet's unit name ``'=cmd...`` still reads as ``=cmd...``."""
    out = tmp_path / "mau.xlsx"
    write_template(ruleset, out)
    wb = openpyxl.load_workbook(out)
    ws = wb[DATA_SHEET]
    header = [c.value for c in ws[1]]
    for r, u in enumerate(units[:5], 3):
        set_text(ws.cell(r, 1), escape_csv_text(u.name))
        for item, vals in u.values.items():
            for key, v in vals.items():
                if f"{item}:{key}" in header:
                    raw = "; ".join(v.raw) if isinstance(v.raw, list) else v.raw
                    set_text(ws.cell(r, header.index(f"{item}:{key}") + 1), raw)
    wb.save(out)
    back, diags = read_units(out, ruleset)
    assert [u.name for u in back] == EVIL_NAMES[:5]


def test_ruleset_table_cells_quoted_against_formulas_read_back(tmp_path):
    """A ruleset table exported with the apostrophe rule (a name ``'=…``, bullet lines ``'- Có``) reads as written."""
    rows = [["Bộ chỉ số: " + "Bộ chỉ số thử"], ["STT", "Chỉ số/Chỉ số thành phần", "Điểm tối đa",
                                                 "Cách xác định và tính điểm"],
            ["1", escape_csv_text("=SUM(1,2) Nhận thức số"), "10", ""],
            ["1.1", escape_csv_text(EVIL_INDICATOR_11), "10", escape_csv_text("- Có: Điểm tối đa\n- Không: 0 điểm")]]
    path = tmp_path / "bang.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    rs = load_ruleset(path)
    assert rs.section("1").name == "=SUM(1,2) Nhận thức số"
    assert rs.indicators[0].name == EVIL_INDICATOR_11
    assert rs.indicators[0].formula_text.startswith("- Có: Điểm tối đa")


# ---------------------------------------------------------------- through the CLI

def cli_names(files, ruleset) -> list[str]:
    """The names as `cds` reads them from the probe's data file (surrounding spaces dropped)."""
    back, _ = read_units(files["cohort"], ruleset)
    names = [u.name for u in back][:len(FILE_NAMES)]
    assert names == [n.strip() for n in FILE_NAMES]
    return names


@pytest.mark.parametrize("command", ["score", "rank"])
def test_cli_report_workbook(command, files, ruleset, tmp_path):
    out = tmp_path / f"{command}.xlsx"
    r = cds(command, files["ruleset"], files["cohort"], "--format", "xlsx", "-o", out)
    no_traceback(r.output, r.stderr)
    assert r.exit_code == 0, r.stderr
    check_report(out, cli_names(files, ruleset))


@pytest.mark.parametrize("command", ["score", "rank"])
def test_cli_csv(command, files, ruleset, tmp_path):
    out = tmp_path / f"{command}.csv"
    r = cds(command, files["ruleset"], files["cohort"], "--format", "csv", "-o", out)
    assert r.exit_code == 0, r.stderr
    rows = csv_rows(out.read_text(encoding="utf-8"))
    assert not any(c.startswith(TRIGGERS) for row in rows for c in row)
    js = cds(command, files["ruleset"], files["cohort"], "--format", "json")
    import json

    payload = json.loads(js.stdout)
    expected = {rec["unit"]: rec["total"] for rec in payload.get("ranking", payload.get("units"))}
    unit_col, total_col = rows[0].index("Đơn vị"), rows[0].index("Tổng điểm")
    got = {unescape_csv_text(r[unit_col]): r[total_col] for r in rows[1:]}
    assert got == expected
    for name in cli_names(files, ruleset):
        assert escape_csv_text(name) in [r[unit_col] for r in rows[1:]]


def test_cli_explain_csv(files, tmp_path):
    out = tmp_path / "giai-thich.csv"
    r = cds("explain", files["ruleset"], files["cohort"], "--unit", FILE_NAMES[0], "--format", "csv", "-o", out)
    no_traceback(r.output, r.stderr)
    assert r.exit_code in (0, 1), r.stderr
    rows = csv_rows(out.read_text(encoding="utf-8"))
    assert {r[0]: r[1] for r in rows[1:]}["1.1"].startswith("'" + EVIL_INDICATOR_11)
    assert not any(c.startswith(TRIGGERS) for row in rows for c in row)


def test_cli_template_outputs(files, ruleset, tmp_path):
    xlsx = tmp_path / "mau.xlsx"
    r = cds("template", files["ruleset"], "-o", xlsx)
    assert r.exit_code == 0, r.stderr
    assert any(t.startswith(EVIL_INDICATOR_11) for t in assert_no_formula(xlsx))
    for suffix, delimiter in ((".csv", ","), (".tsv", "\t")):
        path = tmp_path / f"mau{suffix}"
        r = cds("template", files["ruleset"], "-o", path)
        assert r.exit_code == 0, r.stderr
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=delimiter))
        assert "'" + ruleset.indicators[0].name in next(r for r in rows if r and r[0] == "# Tên chỉ số")
        assert not any(c.startswith(TRIGGERS) for row in rows for c in row)
    shown = cds("template", files["ruleset"])
    assert shown.exit_code == 0
    assert not any(c.startswith(TRIGGERS) for row in csv_rows(shown.stdout) for c in row)


# ---------------------------------------------------------------- reproducible workbooks

EPOCH = 1700000000  # 2023-11-14 22:13:20 UTC


def stamps(path: Path) -> tuple[set, set]:
    with zipfile.ZipFile(path) as z:
        core = z.read("docProps/core.xml").decode()
        return (set(re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]+)<", core)),
                {i.date_time for i in z.infolist()})


def writers(cohort, ruleset, files):
    """Every .xlsx output: (name, write(path))."""
    return [
        ("report", lambda p: write_report_xlsx(cohort, p)),
        ("template", lambda p: write_template(ruleset, p)),
        ("cds score", lambda p: cds("score", files["ruleset"], files["cohort"], "--format", "xlsx", "-o", p)),
        ("cds rank", lambda p: cds("rank", files["ruleset"], files["cohort"], "--format", "xlsx", "-o", p)),
        ("cds template", lambda p: cds("template", files["ruleset"], "-o", p)),
    ]


def test_source_date_epoch_gives_identical_files(cohort, ruleset, files, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    for name, write in writers(cohort, ruleset, files):
        a, b = tmp_path / f"{name}-1.xlsx", tmp_path / f"{name}-2.xlsx"
        write(a)
        write(b)
        assert stamps(a) == ({"2023-11-14T22:13:20Z"}, {(2023, 11, 14, 22, 13, 20)}), name
        assert a.read_bytes() == b.read_bytes(), name
    # another epoch, other stamps: they come from the variable; before 1980 the zip dates stop at 1980
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    out = write_report_xlsx(cohort, tmp_path / "epoch0.xlsx")
    assert stamps(out) == ({"1970-01-01T00:00:00Z"}, {(1980, 1, 1, 0, 0, 0)})


def test_without_source_date_epoch_the_time_of_writing_is_kept(cohort, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    out = write_report_xlsx(cohort, tmp_path / "now.xlsx")
    written = {datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ") for s in stamps(out)[0]}
    assert min(written) >= before


@pytest.mark.parametrize("value", ["2024-01-01", "-5", "1.5", "99999999999999999999"])
def test_a_malformed_source_date_epoch_is_an_error_not_a_traceback(value, files, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    out = tmp_path / "bao-cao.xlsx"
    r = cds("rank", files["ruleset"], files["cohort"], "--format", "xlsx", "-o", out, "--lang", "en")
    no_traceback(r.output, r.stderr)
    assert r.exit_code == 2
    assert "CDS623" in r.stderr and "SOURCE_DATE_EPOCH" in r.stderr and value in r.stderr
    assert not out.exists()
