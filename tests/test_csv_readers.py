"""Delimited text files as people save them: the Ninh Thuận 2023 district cohort (examples/huyen-ninh-thuan-2023/
cohort.csv) mutated the way Excel, LibreOffice and hand edits break it, read by `read_units`, `cds score` /
`cds rank`, and the ruleset (sheets.py) and results-table (results_table.py) readers.

No row is dropped and no value shifted silently: every shape problem names its row (physical line) and column,
the unit's affected values are refused (exit 1), and the report says how many rows were read and scored."""
from __future__ import annotations

import codecs
import csv
import io
import string
from pathlib import Path

import pytest
from _cli_util import cds, no_traceback
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cdsdsl.dataentry.forms import read_units, read_units_counted
from cdsdsl.diagnostics.core import CdsError, DataError, RulesetError, Severity
from cdsdsl.files.textfile import MAX_CELL_CHARS, column_letter, records, sniff_delimiter
from cdsdsl.rulesets.model import load_ruleset
from cdsdsl.rulesets.sheets import load_sheet_ruleset
from cdsdsl.verify.results_table import read_table

REPO = Path(__file__).resolve().parents[1]
HUYEN = REPO / "rulesets" / "huyen-ninh-thuan-2023.cds"
COHORT = REPO / "examples" / "huyen-ninh-thuan-2023" / "cohort.csv"
HUYEN_TABLE = REPO / "tests" / "data" / "huyen-ninh-thuan-2023.csv"
TEXT = COHORT.read_text(encoding="utf-8")
LINES = TEXT.split("\n")
HEADER = next(csv.reader([LINES[3]]))
PHAN_RANG, NINH_PHUOC, BAC_AI, MINH_HOA = 5, 6, 11, 12  # physical lines of these units' rows


@pytest.fixture(scope="module")
def huyen():
    return load_ruleset(HUYEN)


def col(column: str) -> str:
    """The letter of a cohort column (``5.12.2:x`` → ``BT``)."""
    return column_letter(HEADER.index(column))


def col_at(line: int, old: str) -> str:
    """The letter of the cell that starts just after the first ``,`` of ``old`` on ``line``."""
    text = LINES[line - 1]
    prefix = text[:text.index(old) + 1]
    return column_letter(len(next(csv.reader([prefix]))) - 1)


def mutate(tmp_path: Path, line: int, old: str, new: str, name: str = "cohort.csv") -> Path:
    """The cohort with ``old`` replaced by ``new`` once on physical line ``line``."""
    lines = list(LINES)
    assert old in lines[line - 1], old
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    p = tmp_path / name
    p.write_text("\n".join(lines), encoding="utf-8")
    return p


def plain(units):
    return {u.name: {i: {k: v.raw for k, v in vals.items()} for i, vals in u.values.items()} for u in units}


def of(diags, code):
    return [d for d in diags if d.code == code]


@pytest.fixture(scope="module")
def original(huyen):
    units, diags = read_units(COHORT, huyen)
    assert not [d for d in diags if d.severity is not Severity.INFO]
    return plain(units)


# ------------------------------------------------------------------ shapes

def test_a_row_longer_than_its_header_is_refused_with_its_line_and_column(huyen, tmp_path):
    p = mutate(tmp_path, PHAN_RANG, LINES[PHAN_RANG - 1], LINES[PHAN_RANG - 1] + ",đã kiểm tra")
    units, diags, intake = read_units_counted(p, huyen)
    [d] = of(diags, "CDS653")
    extra = column_letter(len(HEADER))
    assert d.message() == (f"cohort.csv:5: dòng có {len(HEADER) + 1} ô nhưng dòng tiêu đề chỉ có {len(HEADER)} cột; "
                           f"ô thừa đầu tiên `đã kiểm tra` ở cột {extra}; các giá trị của dòng này không được dùng vì "
                           "có thể đã bị lệch cột")
    assert d.message("en").startswith(f"cohort.csv:5: the row has {len(HEADER) + 1} cells but the header has only")
    assert "ngoặc kép" in d.hint() and "quote" in d.hint("en")
    assert d.unit == "Thành phố Phan Rang - Tháp Chàm"
    assert "Thành phố Phan Rang - Tháp Chàm" not in {u.name for u in units}  # refused, not scored
    assert (intake.rows, intake.units) == (8, 7)
    assert intake.refused == (("cohort.csv:5", "Thành phố Phan Rang - Tháp Chàm", "CDS653"),)


def test_a_number_past_the_last_column_is_refused_too(huyen, tmp_path):
    # `,5` after 8.8: an extra number, or a decimal part split off somewhere: either way the row is not scored
    p = mutate(tmp_path, PHAN_RANG, LINES[PHAN_RANG - 1], LINES[PHAN_RANG - 1] + ",5")
    units, diags = read_units(p, huyen)
    [d] = [d for d in diags if d.code in ("CDS653", "CDS654")]
    assert d.message().startswith("cohort.csv:5") and d.unit == "Thành phố Phan Rang - Tháp Chàm"
    phan_rang = plain(units).get("Thành phố Phan Rang - Tháp Chàm", {})
    assert "8.8" not in phan_rang and "8.7" not in phan_rang


def test_empty_extra_cells_are_not_a_shape_problem(huyen, tmp_path, original):
    p = mutate(tmp_path, PHAN_RANG, LINES[PHAN_RANG - 1], LINES[PHAN_RANG - 1] + ",,")
    units, diags = read_units(p, huyen)
    assert not [d for d in diags if d.severity is not Severity.INFO] and plain(units) == original


def test_an_unquoted_decimal_comma_is_named_and_the_shifted_values_refused(huyen, tmp_path, original):
    # a money cell of Phan Rang written 40,6 without quotes: every later column shifts
    # (5.12.2:x, the share of the budget spent on information security, triệu đồng)
    p = mutate(tmp_path, PHAN_RANG, ',"40,6",', ",40,6,")
    units, diags = read_units(p, huyen)
    [d] = of(diags, "CDS654")
    where = f"cohort.csv:5:{col('5.12.2:x')}"
    assert d.message().startswith(f"{where}: dòng có {len(HEADER) + 1} ô nhưng dòng tiêu đề chỉ có {len(HEADER)} cột")
    assert "có thể số 40,6 bị tách vì dấu phẩy thập phân; hãy đặt trong ngoặc kép hoặc dùng dấu chấm phẩy" \
        in d.message()
    assert "the number 40,6 was probably split by its decimal comma; quote it or use semicolons" in d.message("en")
    assert "\"40,6\"" in d.hint() and "40.6" in d.hint("en")
    cut = d.arguments["cut_column"]
    assert f"các giá trị từ cột {cut} của dòng này không được dùng" in d.message()
    assert HEADER.index("5.10:b") < [column_letter(j) for j in range(len(HEADER))].index(cut) <= HEADER.index("5.12.2:x")
    phan_rang = plain(units)["Thành phố Phan Rang - Tháp Chàm"]
    # values left of the split are kept as they were; none from the split on is taken (nothing shifted)
    assert phan_rang["1.3"] == original["Thành phố Phan Rang - Tháp Chàm"]["1.3"]
    assert phan_rang["5.10"] == original["Thành phố Phan Rang - Tháp Chàm"]["5.10"]
    assert "5.12.2" not in phan_rang and "8.8" not in phan_rang and "6.1" not in phan_rang
    assert plain(units)["Huyện Ninh Phước"] == original["Huyện Ninh Phước"]


def test_a_split_1234_5_in_a_money_cell_says_so(huyen, tmp_path):
    # 3.1:a (a count) of Ninh Phước written 1234,5: the probe's number
    p = mutate(tmp_path, NINH_PHUOC, ",127970,", ",1234,5,")
    r = cds("score", str(HUYEN), str(p))
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 1
    assert f"cohort.csv:6:{col('3.1:a')}" in r.stderr
    assert "có thể số 1234,5 bị tách vì dấu phẩy thập phân; hãy đặt trong ngoặc kép hoặc dùng dấu chấm phẩy" \
        in r.stderr
    r = cds("score", str(HUYEN), str(p), "--lang", "en")
    assert "the number 1234,5 was probably split by its decimal comma" in r.stderr and r.exit_code == 1


def test_an_unbalanced_quote_names_where_it_opened_and_what_it_swallowed(huyen, tmp_path):
    # Bác Ái's ATTT cells: a quote opened before `3` and never closed on its line runs into Minh Hoạ's row
    p = mutate(tmp_path, BAC_AI, ",3,Không,", ',"3,Không,')
    units, diags, intake = read_units_counted(p, huyen)
    [d] = of(diags, "CDS652")
    letter = col_at(BAC_AI, ",3,Không,")
    assert d.message() == (f"cohort.csv:11:{letter}: dấu ngoặc kép mở ở dòng 11 (cột {letter}) không được đóng đúng "
                           "chỗ: ô này nuốt 1 dòng sau nó (đến dòng 12) — gồm số liệu của: Huyện Minh Hoạ (đơn vị "
                           "giả định); số liệu của dòng này không được dùng")
    assert "swallows the 1 line(s) after it (to line 12) — including the data of: Huyện Minh Hoạ" in d.message("en")
    assert {u.name for u in units} == {u for u in plain(read_units(COHORT, huyen)[0])} - {"Huyện Bác Ái",
                                                                                         "Huyện Minh Hoạ (đơn vị giả định)"}
    assert intake.refused[0][1:] == ("Huyện Bác Ái", "CDS652")


def test_a_quote_closed_in_the_wrong_place_on_its_own_line(huyen, tmp_path):
    p = mutate(tmp_path, PHAN_RANG, ',"40,6",', ',"40,6,')  # the quote closes at the next cell's opening quote
    units, diags = read_units(p, huyen)
    [d] = of(diags, "CDS652")
    assert d.message().startswith(f"cohort.csv:5:{col('5.12.2:x')}: dấu ngoặc kép mở ở dòng 5")
    assert "Thành phố Phan Rang - Tháp Chàm" not in {u.name for u in units}


def test_a_quote_never_closed_runs_to_the_end_of_the_file(huyen, tmp_path):
    p = mutate(tmp_path, MINH_HOA, ",Chưa đáp ứng,", ',"Chưa đáp ứng,')
    units, diags = read_units(p, huyen)
    [d] = of(diags, "CDS652")
    assert "không được đóng, ô này kéo đến hết tệp" in d.message()
    assert "Huyện Minh Hoạ (đơn vị giả định)" not in {u.name for u in units}


def test_a_short_row_warns_and_its_missing_inputs_are_reported_by_the_scorer(huyen, tmp_path):
    row = LINES[MINH_HOA - 1]
    cut = row.rsplit(",", 3)[0]  # the last three cells (8.7:x, 8.8:số lượng and one before) are gone
    p = mutate(tmp_path, MINH_HOA, row, cut)
    units, diags = read_units(p, huyen)
    [d] = of(diags, "CDS655")
    assert d.severity is Severity.WARNING
    assert d.message() == (f"cohort.csv:12: dòng chỉ có {len(HEADER) - 3} ô, dòng tiêu đề có {len(HEADER)} cột: "
                           f"các cột từ {column_letter(len(HEADER) - 3)} được coi là để trống")
    r = cds("score", str(HUYEN), str(p))
    assert r.exit_code == 1 and "CDS600" in r.stderr and "Huyện Minh Hoạ" in r.stderr


def test_refused_rows_are_counted_in_the_report(tmp_path):
    p = mutate(tmp_path, PHAN_RANG, LINES[PHAN_RANG - 1], LINES[PHAN_RANG - 1] + ",đã kiểm tra")
    for command in ("score", "rank"):
        r = cds(command, str(HUYEN), str(p))
        no_traceback(r.stdout, r.stderr)
        assert r.exit_code == 1
        assert ("Số liệu cohort.csv: đọc 8 dòng, chấm 7 đơn vị, 1 dòng bị từ chối "
                "(cohort.csv:5 (Thành phố Phan Rang - Tháp Chàm): CDS653)") in r.stdout
    r = cds("rank", str(HUYEN), str(p), "--lang", "en")
    assert "Data cohort.csv: 8 row(s) read, 7 unit(s) scored, 1 row(s) refused" in r.stdout
    r = cds("score", str(HUYEN), str(p), "--format", "json")
    import json
    intake = json.loads(r.stdout)["intake"]
    assert intake["rows"] == 8 and intake["scored"] == 7 and intake["refused"][0]["code"] == "CDS653"


def test_every_row_is_accounted_for_on_the_example(huyen):
    units, diags, intake = read_units_counted(COHORT, huyen)
    assert (intake.rows, intake.units, intake.refused) == (8, 8, ())
    r = cds("score", str(HUYEN), str(COHORT))
    assert r.exit_code == 0 and "Số liệu cohort.csv: đọc 8 dòng, chấm 8 đơn vị, 0 dòng bị từ chối" in r.stdout


# ------------------------------------------------------------------ encodings, line endings, delimiters

@pytest.mark.parametrize("how", ["crlf", "cr", "bom", "utf-16", "utf-16-be", "semicolon", "tab", "tsv"])
def test_the_same_units_however_the_file_was_saved(huyen, tmp_path, original, how):
    text, name, encoding = TEXT, "cohort.csv", "utf-8"
    if how == "crlf":
        text = TEXT.replace("\n", "\r\n")
    elif how == "cr":
        text = TEXT.replace("\n", "\r")
    elif how == "bom":
        encoding = "utf-8-sig"
    elif how.startswith("utf-16"):
        encoding = how
    elif how in ("semicolon", "tab", "tsv"):
        delim = ";" if how == "semicolon" else "\t"
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delim, lineterminator="\n")
        for row in csv.reader(io.StringIO(TEXT)):
            w.writerow(row)  # 40,6 unquoted now: a decimal comma is no delimiter here
        text, name = buf.getvalue(), ("cohort.tsv" if how == "tsv" else "cohort.csv")
        assert '"40,6"' not in text
    p = tmp_path / name
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    p.write_bytes(data)
    units, diags = read_units(p, huyen)
    assert not [d for d in diags if d.severity is not Severity.INFO]
    assert plain(units) == original


def test_cp1258_from_vietnamese_excel_is_refused_with_the_byte_and_how_to_save(huyen, tmp_path):
    p = tmp_path / "cohort.csv"
    p.write_bytes(TEXT.encode("cp1258", errors="replace"))  # what "CSV (Comma delimited)" saves there
    units, diags = read_units(p, huyen)
    [d] = diags
    assert units == [] and d.code == "CDS800"
    raw = p.read_bytes()
    first = next(i for i, b in enumerate(raw) if b >= 0x80)
    assert f"byte 0x{raw[first]:02X} ở vị trí {first} (dòng 1, cột {first + 1})" in d.message()
    assert "CSV UTF-8 (phân cách bằng dấu phẩy)" in d.message()
    assert f"byte 0x{raw[first]:02X} at offset {first} (line 1, column {first + 1})" in d.message("en")
    assert "CSV UTF-8 (Comma delimited)" in d.message("en")
    r = cds("score", str(HUYEN), str(p))
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 2 and "không phải UTF-8" in r.stderr


def test_utf16_without_its_mark_is_refused(huyen, tmp_path):
    p = tmp_path / "cohort.csv"
    p.write_bytes(TEXT.encode("utf-16-le"))
    units, diags = read_units(p, huyen)
    assert units == [] and diags[0].code == "CDS800" and "NUL" in diags[0].message()


def test_a_cell_longer_than_pythons_csv_limit_is_read(huyen, tmp_path):
    p = mutate(tmp_path, PHAN_RANG, ',"40,6",', ',"' + "4" * 200_000 + '",')
    r = cds("score", str(HUYEN), str(p))
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 1 and "lỗi nội bộ" not in r.stderr
    assert f"cohort.csv:5:{col('5.12.2:x')}" in r.stderr and "CDS659" in r.stderr


def test_a_cell_over_the_bound_is_a_located_error(huyen, tmp_path):
    p = mutate(tmp_path, NINH_PHUOC, ",Đã có,", ',"' + "x" * (MAX_CELL_CHARS + 1) + '",')
    units, diags = read_units(p, huyen)
    [d] = diags
    letter = col("1.5:lựa chọn")
    assert d.code == "CDS651" and d.message() == (f"cohort.csv:6:{letter}: ô ở dòng 6, cột {letter} dài "
                                                  f"{MAX_CELL_CHARS + 1} ký tự, quá giới hạn {MAX_CELL_CHARS}")
    assert "quote" in d.hint("en")


def test_a_ruleset_table_saved_with_cr_and_semicolons_loads_the_same(tmp_path):
    base = load_sheet_ruleset(HUYEN_TABLE)
    rows = list(csv.reader(io.StringIO(HUYEN_TABLE.read_text(encoding="utf-8-sig"))))
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\r", quoting=csv.QUOTE_ALL).writerows(rows)
    p = tmp_path / "huyen.csv"
    p.write_text(buf.getvalue(), encoding="utf-8", newline="")
    again = load_sheet_ruleset(p)
    assert [(i.key, i.name, i.max_points, i.formula_text) for i in again.indicators] == \
        [(i.key, i.name, i.max_points, i.formula_text) for i in base.indicators]


def test_a_ruleset_table_with_a_cell_longer_than_pythons_csv_limit(tmp_path):
    # a scoring text pasted with 200 000 characters (over Python csv's 131 072): read as it is
    rows = list(csv.reader(io.StringIO(HUYEN_TABLE.read_text(encoding="utf-8-sig"))))
    at = next(i for i, r in enumerate(rows) if r and r[0] == "1.3")
    rows[at][3] = rows[at][3] + " " + "x" * 200_000
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    p = tmp_path / "huyen.csv"
    p.write_text(buf.getvalue(), encoding="utf-8")
    rs = load_sheet_ruleset(p)
    assert rs.indicator("1.3").formula_text.endswith("x" * 200_000)


def test_a_ruleset_table_with_a_5000_digit_maximum_is_a_located_error(tmp_path):
    rows = list(csv.reader(io.StringIO(HUYEN_TABLE.read_text(encoding="utf-8-sig"))))
    at = next(i for i, r in enumerate(rows) if r and r[0] == "1.3")
    rows[at][2] = "9" * 5000
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    p = tmp_path / "huyen.csv"
    p.write_text(buf.getvalue(), encoding="utf-8")
    with pytest.raises(RulesetError) as e:
        load_sheet_ruleset(p)
    assert e.value.code == "CDS524" and e.value.message.startswith(f"ô huyen.csv!C{at + 1}: điểm tối đa `999")


def test_a_ruleset_table_in_cp1252_is_refused(tmp_path):
    p = tmp_path / "huyen.csv"
    p.write_bytes("STT,Chỉ số/Chỉ số thành phần,Điểm tối đa\n".encode("cp1258", errors="replace"))
    with pytest.raises(RulesetError) as e:
        load_sheet_ruleset(p)
    assert e.value.code == "CDS650" and "huyen.csv" in e.value.message and "UTF-8" in e.value.message


def test_a_results_table_with_cr_line_endings_and_a_legacy_encoding(tmp_path):
    p = tmp_path / "kq.csv"
    p.write_text("STT;Chỉ số;Điểm tối đa;Điểm đạt được\r1;Nhận thức;10;8,5\r1.1;A;5;5\r", encoding="utf-8",
                 newline="")
    t = read_table(p)
    assert [(r.id, r.line) for r in t.rows] == [("1", 2), ("1.1", 3)]
    p.write_bytes("STT;Chỉ số;Điểm tối đa;Điểm đạt được\n".encode("cp1258", errors="replace"))
    with pytest.raises(DataError) as e:
        read_table(p)
    assert e.value.code == "CDS650" and "kq.csv" in e.value.message


def test_records_keep_physical_lines():
    recs = records('a,b\n"x\ny",2\n\nc,"3"\n', ",")
    assert [(r.cells, r.line, r.end_line) for r in recs] == [
        (("a", "b"), 1, 1), (("x\ny", "2"), 2, 3), ((), 4, 4), (("c", "3"), 5, 5)]
    assert recs[1].open_quote == (2, 0) and recs[1].cell_lines == (2, 3)


def test_the_delimiter_rule():
    assert sniff_delimiter("Đơn vị;1.3:a\nHuyện A;2,5\nHuyện B;3,5\n") == ";"  # decimal commas do not win
    assert sniff_delimiter("Đơn vị,3.5:lựa chọn\nHuyện A,1; 2\nHuyện B,2\n") == ","  # an option list does not
    assert sniff_delimiter('# a; b; c\nĐơn vị,"x;y"\n') == ","  # comments and quoted cells are not counted
    assert sniff_delimiter("Phụ lục, kết quả\nSTT\tChỉ số\tĐiểm\n") == "\t"  # a title line with a comma
    assert sniff_delimiter("STT,Lý do\n1,a\tb\n2,c\n") == ","  # a stray tab in one cell
    assert sniff_delimiter("a;b\n", ".tsv") == "\t"


# ------------------------------------------------------------------ properties

_CELL = st.one_of(st.sampled_from(["", "9", "2,5", "45%", "Đã ban hành", "1; 2", "Huyện A", '"', "x\ny", "#"]),
                  st.text(alphabet=string.digits + ",;\t\"\r\n %ĐạỷAb", max_size=12),
                  st.integers(min_value=0, max_value=3).map(lambda k: "7" * (10 ** k)))


@st.composite
def csv_bytes(draw, header):
    delim = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    quote_all = draw(st.booleans())
    rows = [header]
    for _ in range(draw(st.integers(min_value=0, max_value=5))):
        width = len(header) + draw(st.integers(min_value=-2, max_value=2))
        rows.append([draw(_CELL) for _ in range(max(width, 0))])
    buf = io.StringIO()
    csv.writer(buf, delimiter=delim, lineterminator=newline,
               quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL).writerows(rows)
    text = buf.getvalue()
    if draw(st.booleans()):  # hand edits: a stray quote, a lost delimiter
        at = draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:at] + draw(st.sampled_from(['"', delim, newline, ""])) + text[at:]
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258"]))
    return text.encode(encoding, errors="replace")


COHORT_HEADER = ["Đơn vị", "1.1:lựa chọn", "1.3:a", "1.3:b", "3.1:a", "3.5:lựa chọn"]
TABLE_HEADER = ["STT", "Chỉ số/Chỉ số thành phần", "Điểm tối đa", "Cách xác định và tính điểm"]
RESULTS_HEADER = ["STT", "Chỉ số", "Điểm tối đa", "Điểm đạt được", "Lý do mất điểm"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=csv_bytes(COHORT_HEADER))
def test_any_cohort_text_gives_located_diagnostics_only(huyen, tmp_path, data):
    p = tmp_path / "cohort.csv"
    p.write_bytes(data)
    units, diags = read_units(p, huyen)  # nothing but diagnostics comes out
    for d in diags:
        assert d.arguments.get("where", "").startswith("cohort.csv"), d.message()
        d.message("vi"), d.message("en"), d.hint("vi"), d.hint("en")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=csv_bytes(TABLE_HEADER))
def test_any_ruleset_table_text_raises_only_located_ruleset_errors(tmp_path, data):
    p = tmp_path / "bang.csv"
    p.write_bytes(data)
    try:
        load_sheet_ruleset(p)
    except RulesetError as exc:
        for d in exc.diagnostics:
            assert (d.source is not None and d.source.name) or d.arguments.get("where") or \
                d.arguments.get("name"), d.message()
            d.message("en"), d.hint("en")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=csv_bytes(RESULTS_HEADER))
def test_any_results_table_text_is_read_or_refused_with_a_place(tmp_path, data):
    from cdsdsl.verify.audit import audit_file

    p = tmp_path / "kq.csv"
    p.write_bytes(data)
    try:
        found = audit_file(p)
    except CdsError as exc:
        found = exc.diagnostics
    for d in found:
        assert (d.source is not None and d.source.name) or d.arguments.get("name"), d.message()
        d.message("en"), d.hint("en")


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet=list('ab,;\t"\n 1ệ'), max_size=80), delimiter=st.sampled_from([",", ";", "\t"]))
def test_records_cut_cells_as_pythons_csv_does(text, delimiter):
    # the one reader replaces csv.reader in forms.py and sheets.py: same cells on every text csv can read
    expected = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    recs = records(text, delimiter)
    assert [list(r.cells) for r in recs] == expected
    assert [r.line for r in recs] == sorted(r.line for r in recs)
    assert all(r.end_line - r.line == sum(c.count("\n") for c in r.cells) for r in recs)


def test_an_option_cell_of_separators_only_is_an_unreadable_choice(tmp_path):
    """Ninh Thuận 2023 indicator 1.1 (one choice): a cell holding only `;` was an IndexError (exit 3, found
    by the property above); it is CDS805 at its cell, and the unit's other values are still read."""
    from cdsdsl.dataentry.forms import read_units
    from cdsdsl.rulesets.model import load_ruleset

    repo = Path(__file__).resolve().parents[1]
    huyen = load_ruleset(repo / "rulesets" / "huyen-ninh-thuan-2023.cds")
    data = tmp_path / "cohort.csv"
    data.write_text("Đơn vị,1.1:lựa chọn,1.3:a,1.3:b\nHuyện A,;,4,7\n", encoding="utf-8")
    units, diags = read_units(data, huyen)
    bad = [d for d in diags if d.code == "CDS805"]
    assert len(bad) == 1 and bad[0].unit == "Huyện A" and bad[0].item == "1.1"
    assert "cohort.csv:2" in bad[0].message() and "cohort.csv:2" in bad[0].message("en")
    assert units and units[0].values["1.3"]["a"].raw in (4, "4")
