"""General information asked once (issue #12 item 9): a ruleset's ``Thông tin chung`` block, the inputs it
fills, the forms that ask each fact once, reading and scoring with it, and the reports that show it."""
from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import cdsdsl
from cdsdsl.cli import main
from cdsdsl.dataentry.forms import DATA_SHEET, TEMPLATE_SHEET, build_form, read_units, template_csv, write_template
from cdsdsl.diagnostics.core import RulesetError, Severity
from cdsdsl.rulesets.model import load_ruleset, parse_ruleset_text

REPO = Path(__file__).resolve().parents[1]
HUYEN = REPO / "rulesets" / "huyen-ninh-thuan-2023.cds"
HUYEN_DATA = REPO / "examples" / "huyen-ninh-thuan-2023" / "cohort.csv"

# three indicators of a district set that divide by the same households and population (decision-like text)
SET = """Bộ chỉ số: Thử thông tin chung
Văn bản: Kế hoạch thử
Thông tin chung:
    Số hộ gia đình = Tổng số hộ gia đình của cấp huyện (hộ)
    Dân số = Tổng dân số của cấp huyện (người)

Mục 3 | Hạ tầng số | 30

Chỉ số 3.2 | Tỷ lệ hộ gia đình có điện thoại thông minh | 10
Cách tính:
    a= Số lượng hộ gia đình có người có điện thoại thông minh;
    b= Tổng số hộ gia đình của cấp huyện;
    - Tỷ lệ=a/b
    - Điểm = Tỷ lệ * Điểm tối đa

Chỉ số 3.3 | Tỷ lệ hộ gia đình có cáp quang | 10
Cách tính:
    a=Số lượng hộ gia đình có kết nối Internet băng rộng cáp quang;
    b= TỔNG SỐ HỘ GIA ĐÌNH  của cấp huyện
    - Tỷ lệ=a/b
    - Tỷ lệ ≥ 80%: Điểm tối đa
    - Tỷ lệ <80%: Điểm = Tỷ lệ * điểm tối đa

Chỉ số 3.4 | Tỷ lệ người dân có tài khoản định danh | 10
Cách tính:
    a= Số người có tài khoản định danh điện tử;
    b= Tổng dân số trên địa bàn;
    - Tỷ lệ=a/b
    - Điểm = Tỷ lệ * Điểm tối đa
Dùng thông tin chung: b = dân số
"""


def _rs(text: str = SET):
    return parse_ruleset_text(text, "thu.cds")


def _load_error(text: str):
    with pytest.raises(RulesetError) as info:
        _rs(text)
    return info.value.diagnostics


# ------------------------------------------------------------------ the ruleset

def test_the_block_declares_each_fact_with_its_description_and_unit():
    rs = _rs()
    assert [(f.name, f.description, f.unit, f.line) for f in rs.facts] == [
        ("Số hộ gia đình", "Tổng số hộ gia đình của cấp huyện", "hộ", 4),
        ("Dân số", "Tổng dân số của cấp huyện", "người", 5)]
    assert rs.indicator("3.4").fact_uses == (("b", "dân số"),)
    assert rs.indicator("3.2").fact_uses == ()


@pytest.mark.parametrize("block, expected", [
    ("Thông tin chung: Dân số = Tổng dân số (người)\n", [("Dân số", "Tổng dân số", "người")]),  # on the key line
    ("Thông tin chung:\n\tSố doanh nghiệp\n", [("Số doanh nghiệp", "Số doanh nghiệp", None)]),  # a tab, no `=`
    ("thông tin CHUNG:\n    Số xã = Tổng số UBND cấp xã;\n\n    Số cán bộ = Tổng số cán bộ, công chức\n",
     [("Số xã", "Tổng số UBND cấp xã", None), ("Số cán bộ", "Tổng số cán bộ, công chức", None)]),
])
def test_several_wordings_of_the_block(block, expected):
    rs = _rs("Bộ chỉ số: T\nVăn bản: V\n" + block + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nNhập điểm\n")
    assert [(f.name, f.description, f.unit) for f in rs.facts] == expected


@pytest.mark.parametrize("line, code, words", [
    ("    1.3 = Tổng dân số", "CDS578", "1.3 = Tổng dân số"),           # a name that reads as an indicator number
    ("    Dân số = Tổng = dân số", "CDS578", "Dân số = Tổng = dân số"),  # two `=`
    ("    Số hộ gia đình = Tổng số hộ", "CDS579", "dòng 4"),              # declared twice (case folded)
])
def test_a_bad_fact_line_is_located(line, code, words):
    text = SET.replace("    Dân số = Tổng dân số của cấp huyện (người)\n",
                       "    Dân số = Tổng dân số của cấp huyện (người)\n" + line.replace("Số hộ", "số hộ", 1) + "\n")
    [d] = [d for d in _load_error(text) if d.code == code]
    assert d.position[0] == 6 and d.position[1] == 5
    assert words.lower() in d.message().lower()


def test_using_an_undeclared_fact_names_the_ones_declared():
    [d] = _load_error(SET.replace("b = dân số", "b = Dân số cả tỉnh"))
    assert d.code == "CDS580" and d.item == "3.4" and d.position[0] == SET.count("\n", 0, SET.index("Dùng")) + 1
    assert "Dân số cả tỉnh" in d.message() and "Số hộ gia đình, Dân số" in d.message()
    assert "Dân số cả tỉnh" in d.message("en") and "there is no general information" in d.message("en")


def test_a_use_that_is_not_key_equals_name_is_cds507():
    [d] = _load_error(SET.replace("b = dân số", "b dân số"))
    assert d.code == "CDS507" and "b = Dân số" in d.hint()


def test_the_block_after_the_first_section_is_refused():
    text = SET.replace("Chỉ số 3.4", "Thông tin chung:\n    Số xã = Tổng số xã\n\nChỉ số 3.4")
    assert "CDS503" in {d.code for d in _load_error(text)}


# ------------------------------------------------------------------ the form

def test_the_form_asks_each_fact_once_and_not_the_inputs_it_fills():
    form = build_form(_rs())
    columns = [f.column for f in form.fields]
    assert columns == ["3.2:a", "3.3:a", "3.4:a", "Thông tin chung:Số hộ gia đình", "Thông tin chung:Dân số"]
    # the same description after folding case and spacing binds; an explicit line binds another wording
    assert form.fact_inputs == {("3.4", "b"): "Dân số", ("3.2", "b"): "Số hộ gia đình",
                                ("3.3", "b"): "Số hộ gia đình"}
    fact = form.field("Thông tin chung", "Số hộ gia đình")
    assert fact.kind == "count" and fact.unit == "hộ" and "dùng cho 3.2:b, 3.3:b" in fact.description
    assert form.diagnostics == ()


def test_no_similarity_is_guessed():
    # `Tổng dân số trên địa bàn` is not `Tổng dân số của cấp huyện`: without the explicit line it stays asked
    form = build_form(_rs(SET.replace("Dùng thông tin chung: b = dân số\n", "")))
    assert ("3.4", "b") not in form.fact_inputs and "3.4:b" in [f.column for f in form.fields]


def test_form_problems_of_the_bindings_are_located():
    text = SET.replace("b = dân số", "c = Dân số").replace(
        "    Dân số = Tổng dân số của cấp huyện (người)\n",
        "    Dân số = Tổng dân số của cấp huyện (người)\n    Số xã = Tổng số xã\n")
    diags = {d.code: d for d in build_form(_rs(text)).diagnostics}
    assert diags["CDS581"].item == "3.4" and "`c`" in diags["CDS581"].message() and "a, b" in diags["CDS581"].message()
    assert diags["CDS583"].severity is Severity.INFO and diags["CDS583"].position[0] == 6
    money = SET.replace("b= TỔNG SỐ HỘ GIA ĐÌNH  của cấp huyện", "b= Tổng kinh phí (triệu đồng)").replace(
        "Chỉ số 3.4 |", "Dùng thông tin chung: b = Số hộ gia đình\n\nChỉ số 3.4 |")
    [d] = build_form(_rs(money)).diagnostics
    assert d.code == "CDS582" and d.position[0] == 4
    assert "3.2:b (count), 3.3:b (money)" in d.message() and "Số hộ gia đình" in d.message()


def test_the_templates_have_one_place_per_fact(tmp_path):
    rs = _rs()
    header = next(r for r in csv.reader(io.StringIO(template_csv(rs))) if r[0] == "Đơn vị")
    assert header.count("Thông tin chung:Dân số") == 1 and "3.4:b" not in header
    out = tmp_path / "mau.xlsx"
    assert write_template(rs, out) == []
    wb = load_workbook(out)
    rows = [[c.value for c in r] for r in wb[TEMPLATE_SHEET].iter_rows(min_row=6)]
    # the general information first, under its heading, one row per fact
    assert rows[0][1] == "Thông tin chung" and [r[2] for r in rows[1:3]] == ["Số hộ gia đình", "Dân số"]
    assert not any(r[0] == "3.2" and r[2] == "b" for r in rows)
    assert [c.value for c in wb[DATA_SHEET][1]].count("Thông tin chung:Số hộ gia đình") == 1


# ------------------------------------------------------------------ reading and scoring

def _csv(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "so-lieu.csv"
    p.write_text(text, encoding="utf-8")
    return p


def test_a_fact_written_once_fills_every_input_and_scores(tmp_path):
    p = _csv(tmp_path, "Đơn vị,3.2:a,3.3:a,3.4:a,Thông tin chung:Số hộ gia đình,Thông tin chung:Dân số\n"
                       "Huyện A,300,250,4500,400,9000\n")
    rs = _rs()
    [u], diags = read_units(p, rs)
    assert diags == []
    assert u.get("3.2", "b").raw == u.get("3.3", "b").raw == "400"
    assert u.get("3.3", "b").where == "so-lieu.csv:2:E"  # the fact's cell
    r = cdsdsl.score_cohort(rs, [u]).unit("Huyện A")
    # 3.2: 300/400 = 75% × 10 = 7,5; 3.3: 250/400 = 62,5% < 80% → 6,25; 3.4: 4500/9000 = 50% × 10 = 5
    assert [r.indicators[k].points for k in ("3.2", "3.3", "3.4")] == [Decimal("7.50"), Decimal("6.25"),
                                                                      Decimal("5.00")]


def test_a_file_written_before_the_facts_still_reads(tmp_path):
    # the old columns (`3.2:b` ...) are still inputs the reader knows: an older file scores the same
    p = _csv(tmp_path, "Đơn vị,3.2:a,3.2:b,3.3:a,3.3:b,3.4:a,3.4:b\nHuyện A,300,400,250,400,4500,9000\n")
    [u], diags = read_units(p, _rs())
    assert diags == []
    r = cdsdsl.score_cohort(_rs(), [u]).unit("Huyện A")
    assert r.total == Decimal("18.75")


def test_an_indicator_cell_that_contradicts_the_fact_is_a_located_warning(tmp_path):
    p = _csv(tmp_path, "Đơn vị,3.2:a,3.3:a,3.3:b,3.4:a,Thông tin chung:Số hộ gia đình,Thông tin chung:Dân số\n"
                       "Huyện A,300,250,500,4500,400,9000\n")
    [u], diags = read_units(p, _rs())
    [d] = diags
    assert d.code == "CDS584" and d.severity is Severity.WARNING and d.unit == "Huyện A"
    assert d.message() == ("so-lieu.csv:2:D: ô `b` của chỉ số 3.3 (đơn vị Huyện A) ghi 500, khác thông tin chung "
                           "`Số hộ gia đình` = 400 ở so-lieu.csv:2:F; chỉ số dùng số ghi ở ô của nó")
    assert u.get("3.3", "b").raw == "500" and u.get("3.2", "b").raw == "400"
    # the same figure written twice is no contradiction
    p = _csv(tmp_path, "Đơn vị,3.2:a,3.3:a,3.3:b,3.4:a,Thông tin chung:Số hộ gia đình\nHuyện A,300,250,400,1,400\n")
    assert read_units(p, _rs())[1] == []


def test_json_and_unit_sheets_carry_facts_too(tmp_path):
    p = tmp_path / "so-lieu.json"
    p.write_text(json.dumps({"Huyện A": {"Thông tin chung": {"Số hộ gia đình": 400}, "3.2": {"a": 300}}},
                            ensure_ascii=False), encoding="utf-8")
    [u], diags = read_units(p, _rs())
    assert diags == [] and u.get("3.2", "b").raw == 400


# ------------------------------------------------------------------ the bundled ruleset and its example

def test_ninh_thuan_asks_population_households_and_enterprises_once():
    rs = load_ruleset(HUYEN)
    form = build_form(rs)
    uses: dict[str, list[str]] = {}
    for (item, key), name in form.fact_inputs.items():
        uses.setdefault(name, []).append(f"{item}:{key}")
    assert sorted(uses["Dân số"]) == ["3.1:b", "4.6:b", "8.1:b"]
    assert sorted(uses["Số hộ gia đình"]) == ["3.2:b", "3.3:b", "8.4:b"]
    assert sorted(uses["Số doanh nghiệp"]) == ["7.10:b", "7.2:b", "7.3:b", "7.6:b", "7.7:b"]
    assert form.diagnostics == ()


def test_ninh_thuan_scores_the_same_with_facts_as_with_every_cell(tmp_path):
    """The example cohort gives each fact once; written out cell by cell (the layout before facts), the same
    units score the same points on every indicator."""
    rs = load_ruleset(HUYEN)
    units, diags = read_units(HUYEN_DATA, rs)
    assert diags == []
    form = build_form(rs)
    columns = [f.column for f in form.fields if f.indicator != "Thông tin chung"] + \
        [f.column for f in form.fact_filled]
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["Đơn vị"] + columns)
    for u in units:
        row = [u.name]
        for col in columns:
            item, key = col.split(":", 1)
            v = u.get(item, key)
            row.append("" if v is None else "; ".join(v.raw) if isinstance(v.raw, list) else str(v.raw))
        w.writerow(row)
    old = _csv(tmp_path, out.getvalue())
    old_units, diags = read_units(old, rs)
    assert diags == []
    a, b = cdsdsl.score_cohort(rs, units), cdsdsl.score_cohort(rs, old_units)
    for ra in a.results:
        rb = b.unit(ra.unit)
        assert {k: v.exact for k, v in ra.indicators.items()} == {k: v.exact for k, v in rb.indicators.items()}
    assert [(r.unit, str(r.total)) for r in a.ranking()][:2] == [("Huyện Ninh Hải", "646.16"),
                                                                 ("Huyện Ninh Sơn", "622.40")]


# ------------------------------------------------------------------ the reports and commands

def test_reports_show_the_facts(tmp_path):
    runner = CliRunner()
    r = runner.invoke(main, ["explain", str(HUYEN), str(HUYEN_DATA), "--unit", "Huyện Bác Ái"])
    assert "Thông tin chung: Dân số = 35000 người; Dân số từ 15 tuổi trở lên = 26600 người; Số hộ gia đình = " \
        "8974 hộ" in r.stdout
    r = runner.invoke(main, ["explain", str(HUYEN), str(HUYEN_DATA), "--unit", "Huyện Bác Ái", "--lang", "en"])
    assert "General information: Dân số = 35000 người" in r.stdout
    r = runner.invoke(main, ["score", str(HUYEN), str(HUYEN_DATA), "--format", "json"])
    first = json.loads(r.stdout)["units"][0]
    assert first["facts"]["Số hộ gia đình"] == "43590" and first["facts"]["Dân số"] == "170000"
    out = tmp_path / "bao-cao.xlsx"
    r = runner.invoke(main, ["rank", str(HUYEN), str(HUYEN_DATA), "-o", str(out)])
    assert r.exit_code == 0, r.output
    ws = load_workbook(out)["Thông tin chung"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert rows[0][:3] == ["Đơn vị", "Dân số (người)", "Dân số từ 15 tuổi trở lên (người)"]
    assert rows[1][:2] == ["Huyện Ninh Hải", "95000"]


def test_cds_inputs_lists_the_facts_and_what_they_fill():
    r = CliRunner().invoke(main, ["inputs", str(HUYEN), "--format", "json"])
    entries = json.loads(r.stdout)
    facts = next(e for e in entries if e["item"] == "Thông tin chung")["inputs"]
    assert [f["key"] for f in facts][:3] == ["Dân số", "Dân số từ 15 tuổi trở lên", "Số hộ gia đình"]
    assert facts[0]["used_by"] == ["4.6:b", "8.1:b", "3.1:b"]
    b = next(s for e in entries if e["item"] == "7.7" for s in e["inputs"] if s["key"] == "b")
    assert b["fact"] == "Số doanh nghiệp"
    table = CliRunner().invoke(main, ["inputs", str(HUYEN)]).stdout
    assert "Tổng dân số trên địa bàn ← Thông tin chung: Dân số" in table
