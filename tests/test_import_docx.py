"""`cds import`: a decision's appendix table in Word -> a ruleset, checked (issue #16 item 1).

The .docx files are built here with python-docx (tests/decision_docx.py), shaped like the decisions: title
lines above the table, a header row and the column-number row, merged section rows, scoring texts as one
paragraph a line with Word bullets, a row split by a page break, the table cut in two with its header
repeated, sub-tables, columns the import does not know, and files that are not .docx at all.
"""
from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import attrs
import docx
import pytest
from _cli_util import ROOT, cds
from decision_docx import HEADER, decision_docx, fill_cell

from cdsdsl.dataentry.forms import read_units
from cdsdsl.diagnostics.core import RulesetError
from cdsdsl.rulesets.cds import parse_ruleset_text
from cdsdsl.rulesets.cds_writer import ruleset_to_cds
from cdsdsl.rulesets.check import check_ruleset
from cdsdsl.rulesets.docx_import import import_docx
from cdsdsl.rulesets.model import load_ruleset

NINH_THUAN = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
COHORT = ROOT / "examples" / "huyen-ninh-thuan-2023" / "cohort.csv"


def decision_only(rs):
    """The ruleset as the decision has it: the project's own additions (``Sửa:``/``Lý do sửa:``
    corrections, ``Phương pháp:`` settling an ambiguous cohort method, ``Thông tin chung`` asking a unit fact once)
    left out, written to a .cds file."""
    plain = attrs.evolve(rs, facts=(), indicators=tuple(attrs.evolve(i, correction=None, cohort_method=None,
                                                                     fact_uses=()) for i in rs.indicators))
    return parse_ruleset_text(ruleset_to_cds(plain), name="decision-only.cds")


def findings(rs):
    """What `cds check` finds, position-free: code, severity, indicator and the text it points at."""
    out = Counter()
    for d in check_ruleset(rs):
        at = d.source.text[d.span.start:d.span.end] if d.source is not None and d.span is not None else ""
        out[(d.code, d.severity.value, d.item, at)] += 1
    return out


def scores(rs):
    """The points of every unit of the example cohort; the data is read with the hand-made ruleset (its
    ``Thông tin chung`` — general information asked once, a project addition — names the file's columns)."""
    units, diags = read_units(COHORT, load_ruleset(NINH_THUAN))
    assert not [d for d in diags if d.severity.value == "error"]
    result = rs.score_cohort(units)
    return {u.unit: (u.total_exact, {k: (r.exact, r.status) for k, r in u.indicators.items()})
            for u in result.results}


@pytest.fixture(scope="module")
def ninh_thuan(tmp_path_factory):
    hand = load_ruleset(NINH_THUAN)
    path = tmp_path_factory.mktemp("docx") / "KH-huyen-ninh-thuan-2023.docx"
    # 3.3's scoring text cut after its third line by a page break; the table cut after 4.2, header repeated
    decision_docx(hand, path, split_rows={"3.3": 3, "6.1": 2}, break_after="4.2")
    return hand, import_docx(path)


def test_ninh_thuan_2023_imports_every_indicator_verbatim(ninh_thuan):
    hand, imported = ninh_thuan
    rs = parse_ruleset_text(imported.text, name="imported.cds")
    assert [(s.id, s.label, s.name, s.stated_max) for s in rs.sections] == \
        [(s.id, s.label, s.name, s.stated_max) for s in hand.sections]
    fields = ("id", "name", "max_points", "formula_text", "data_source", "coordinator", "section_id")
    assert [tuple(getattr(i, f) for f in fields) for i in rs.indicators] == \
        [tuple(getattr(i, f) for f in fields) for i in hand.indicators]
    assert len(rs.indicators) == 85
    assert rs.indicator("3.3").formula_text.endswith("- Tỷ lệ <80: Điểm = Tỷ lệ * điểm tối đa")
    assert rs.level == "huyện" and rs.title == "BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP HUYỆN"
    # the two split rows are joined, and each join is said (at the second half's row in the table)
    joined = [d for d in imported.diagnostics if d.code == "CDS525"]
    assert [d.source.name.split(" › ")[1].split("!")[0] for d in joined] == ["bảng 1", "bảng 2"]
    assert not [d for d in imported.diagnostics if d.code.startswith("CDS90")]


def test_ninh_thuan_2023_imported_checks_and_scores_like_the_hand_made_ruleset(ninh_thuan):
    """The acceptance of #16: same `cds check` findings, same points on examples/huyen-ninh-thuan-2023.
    The comparison is with the hand-made ruleset without the project's corrections (a decision has none)."""
    hand, imported = ninh_thuan
    rs = parse_ruleset_text(imported.text, name="imported.cds")
    plain = decision_only(hand)
    assert findings(rs) == findings(plain)
    assert scores(rs) == scores(plain)
    # the comparison can fail: the corrections of the hand-made ruleset change both findings and points
    assert findings(hand) != findings(plain) and scores(hand) != scores(plain)
    by_unit = scores(rs)
    assert by_unit["Huyện Ninh Phước"][1]["3.3"][0] is not None


def test_bullets_numbers_and_paragraphs_of_a_cell_become_the_lines_a_decision_types(tmp_path):
    document = docx.Document()
    document.add_paragraph("BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP XÃ")
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("TT", "Tên chỉ số", "Điểm tối đa (điểm)", "Phương pháp chấm điểm")):
        cell.text = text
    row = table.add_row().cells
    row[0].text, row[1].text, row[2].text = "1", "Nhận thức số", "20"
    row = table.add_row().cells
    row[0].text, row[1].text, row[2].text = "1.1", "Tỷ lệ cán bộ được tập huấn", "10"
    cell = row[3]
    cell.paragraphs[0].add_run("a = Số cán bộ được tập huấn;")
    cell.add_paragraph("b = Tổng số cán bộ;")
    cell.add_paragraph("Tỷ lệ = a/b", style="List Bullet")
    cell.add_paragraph("Tỷ lệ ≥ 80%: Điểm tối đa", style="List Bullet 2")
    cell.add_paragraph("- Tỷ lệ < 80%: Điểm = Tỷ lệ × Điểm tối đa", style="List Bullet 2")  # marker typed too
    row = table.add_row().cells
    row[0].text, row[1].text, row[2].text = "1.2", "Văn bản chỉ đạo", "10"
    row[3].paragraphs[0].add_run("Có văn bản:")
    row[3].add_paragraph("Đã ban hành: Điểm tối đa", style="List Number")
    row[3].add_paragraph("Chưa ban hành: 0 điểm", style="List Number")
    path = tmp_path / "xa.docx"
    document.save(str(path))
    rs = import_docx(path).ruleset
    assert rs.indicator("1.1").formula_text == (
        "a = Số cán bộ được tập huấn;\nb = Tổng số cán bộ;\n- Tỷ lệ = a/b\n+ Tỷ lệ ≥ 80%: Điểm tối đa\n"
        "- Tỷ lệ < 80%: Điểm = Tỷ lệ × Điểm tối đa")
    assert rs.indicator("1.2").formula_text == "Có văn bản:\n1. Đã ban hành: Điểm tối đa\n2. Chưa ban hành: 0 điểm"
    assert rs.level == "xã" and [s.name for s in rs.sections] == ["Nhận thức số"]


def _sector_decision(path: Path) -> Path:
    """Two sub-tables (sở, then the sectors' table with its columns in another order and a `Ghi chú`
    column), a title row inside the first table, a merged section row, an indicator whose STT, name and
    maximum cells are merged down over two rows, and the signature table at the end."""
    document = docx.Document()
    document.add_paragraph("BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP SỞ")
    document.add_paragraph("(Kèm theo Quyết định số 12/QĐ-UBND ngày 5/3/2024 của UBND tỉnh)")
    t1 = document.add_table(rows=2, cols=4)
    t1.rows[0].cells[0].merge(t1.rows[0].cells[3]).text = "Phụ lục I. Các chỉ số chung"
    for cell, text in zip(t1.rows[1].cells, HEADER[:4]):
        cell.text = text
    sec = t1.add_row().cells
    sec[0].text = "I"
    sec[1].merge(sec[2]).text = "Chỉ số chung"
    a, b = t1.add_row().cells, t1.add_row().cells
    for top, bottom in zip(a[:3], b[:3]):
        top.merge(bottom)  # STT, name and maximum merged down over the two rows of one indicator
    a[0].text, a[1].text, a[2].text = "1", "Cổng thông tin điện tử", "10"
    fill_cell(a[3], "- Có cổng: Điểm tối đa")
    fill_cell(b[3], "- Chưa có: 0 điểm")
    document.add_paragraph("Lĩnh vực y tế")
    t2 = document.add_table(rows=1, cols=5)
    for cell, text in zip(t2.rows[0].cells, ("STT", "Cách tính điểm", "Tên chỉ số", "Ghi chú", "Điểm tối đa")):
        cell.text = text
    sec = t2.add_row().cells
    sec[0].text, sec[2].text, sec[4].text = "II", "Y tế", "5"
    row = t2.add_row().cells
    row[0].text, row[2].text, row[4].text, row[3].text = "1", "Bệnh án điện tử", "5", "áp dụng từ 2025"
    fill_cell(row[1], "- Đã triển khai: Điểm tối đa\n- Chưa triển khai: 0 điểm")
    row = t2.add_row().cells
    row[0].text, row[2].text, row[4].text = "x.2", "Đặt lịch khám trực tuyến", "5"
    sign = document.add_table(rows=1, cols=2)
    sign.rows[0].cells[1].text = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"
    document.save(str(path))
    return path


def test_sub_tables_merged_cells_and_every_cell_not_placed_is_located(tmp_path):
    imported = import_docx(_sector_decision(tmp_path / "so.docx"))
    rs = imported.ruleset
    assert [(s.label, s.name, s.stated_max) for s in rs.sections] == [("I", "Chỉ số chung", None), ("II", "Y tế", 5)]
    assert [(i.key, i.name, i.max_points) for i in rs.indicators] == \
        [("1.1", "Cổng thông tin điện tử", 10), ("2.1", "Bệnh án điện tử", 5)]
    assert rs.indicator("1.1").formula_text == "- Có cổng: Điểm tối đa\n- Chưa có: 0 điểm"
    assert rs.indicator("2.1").formula_text == "- Đã triển khai: Điểm tối đa\n- Chưa triển khai: 0 điểm"
    assert rs.decision == "Quyết định số 12/QĐ-UBND ngày 5/3/2024 của UBND tỉnh" and rs.level == "sở"
    placed = {(d.code, d.arguments.get("table"), d.arguments.get("row"), d.arguments.get("column"))
              for d in imported.diagnostics}
    assert ("CDS906", 1, 1, "A") in placed          # the title row inside table 1
    assert ("CDS905", 2, 3, "D") in placed          # table 2's `Ghi chú` cell of indicator 1
    assert ("CDS907", 3, 1, "B") in placed          # the signature table
    assert ("CDS523", None, None, None) in {(d.code, None, None, None) for d in imported.diagnostics}
    bad = next(d for d in imported.diagnostics if d.code == "CDS523")
    assert bad.source.name.endswith("bảng 2!A4")    # the refused row, at its cell; the rest is imported
    note = next(d for d in imported.diagnostics if d.code == "CDS905")
    assert "Ghi chú" in note.message("vi") and "áp dụng từ 2025" in note.message("en")


def test_cli_import_writes_the_ruleset_and_reports_with_exit_codes(tmp_path):
    path = _sector_decision(tmp_path / "so.docx")
    out = tmp_path / "so.cds"
    r = cds("import", path, "-o", out)
    assert r.exit_code == 1, r.output  # written, but cells were not placed
    assert load_ruleset(out).indicator("2.1").name == "Bệnh án điện tử"
    assert "bảng 2, dòng 3, cột D" in r.stdout and "Đã ghi" in r.stdout
    r = cds("import", path, "--format", "json")
    assert r.exit_code == 2 and "-o" in r.stderr  # the JSON report needs the .cds in a file
    r = cds("import", path, "-o", out, "--lang", "en", "--format", "json")
    import json
    report = json.loads(r.stdout)
    assert report["indicators"] == 2 and {d["code"] for d in report["import"]} >= {"CDS905", "CDS906", "CDS907"}
    clean = tmp_path / "clean.docx"
    decision_docx(load_ruleset(ROOT / "rulesets" / "ha-noi-2024-huyen.cds"), clean)
    r = cds("import", clean, "-o", tmp_path / "hn.cds")
    assert r.exit_code == 0, r.output


def _not_docx(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good = tmp_path / "good.docx"
    document = docx.Document()
    document.add_paragraph("Chỉ có đoạn văn, không có bảng.")
    document.save(str(good))
    files = {}
    pdf = tmp_path / "pdf.docx"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    files["CDS900"] = (pdf, "PDF")
    xlsx = tmp_path / "bang.docx"
    with zipfile.ZipFile(xlsx, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    files["CDS900 "] = (xlsx, "xl")
    # a CFB (OLE) container, as Word writes a password-protected .docx: the header magic and, in its
    # directory, the stream names `EncryptionInfo` / `EncryptedPackage` (UTF-16)
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)
    encrypted = tmp_path / "mat-khau.docx"
    encrypted.write_bytes(header + "EncryptionInfo".encode("utf-16-le") + bytes(100))
    files["CDS901"] = (encrypted, "mật khẩu")
    doc97 = tmp_path / "cu.docx"
    doc97.write_bytes(header + "WordDocument".encode("utf-16-le") + bytes(100))
    files["CDS902"] = (doc97, "97-2003")
    cut = tmp_path / "cut.docx"
    data = good.read_bytes()
    cut.write_bytes(data[: len(data) * 2 // 3] + data[-200:])  # a download cut short, its end kept
    files["CDS903"] = (cut, "bị hỏng")
    files["CDS904"] = (good, "0 bảng")
    return files


def test_bad_input_is_a_located_message_and_exit_2(tmp_path):
    for code, (path, words) in _not_docx(tmp_path).items():
        code = code.strip()
        with pytest.raises(RulesetError) as exc:
            import_docx(path)
        assert [d.code for d in exc.value.diagnostics] == [code], path
        r = cds("import", path)
        assert r.exit_code == 2 and f"[{code}]" in r.stderr and str(path) in r.stderr, (code, r.output)
        assert words in r.stderr or code in ("CDS900 ",), (code, r.stderr)
        r = cds("import", path, "--lang", "en")
        assert r.exit_code == 2 and "hint:" in r.stderr and "Traceback" not in r.output


def test_a_table_cut_by_a_page_break_without_its_header_continues_the_one_before(tmp_path):
    """Word files made from PDFs often cut the table at each page into a new table without the header row."""
    document = docx.Document()
    document.add_paragraph("BỘ CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ CẤP HUYỆN")
    cols = ("STT", "Tên chỉ số", "Điểm tối đa", "Cách tính điểm", "Ghi chú")
    first = document.add_table(rows=1, cols=5)
    for cell, text in zip(first.rows[0].cells, cols):
        cell.text = text
    for stt, name, mx, text in (("1", "Nhận thức số", "20", ""), ("1.1", "Chuyên mục về chuyển đổi số", "10",
                                                                   "- Đã có: Điểm tối đa")):
        cells = first.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = stt, name, mx
        fill_cell(cells[3], text)
    document.add_paragraph("- 2 -")  # the page number between the two halves
    rest = document.add_table(rows=0, cols=5)
    cells = rest.add_row().cells  # the rest of 1.1 at the top of the page
    fill_cell(cells[3], "- Chưa có: 0 điểm")
    cells = rest.add_row().cells
    cells[0].text, cells[1].text, cells[2].text, cells[4].text = "1.2", "Truyền thanh cơ sở", "10", "mới"
    fill_cell(cells[3], "- Có: Điểm tối đa\n- Không: 0 điểm")
    path = tmp_path / "cat-trang.docx"
    document.save(str(path))
    imported = import_docx(path)
    assert [(i.id, i.formula_text) for i in imported.ruleset.indicators] == [
        ("1.1", "- Đã có: Điểm tối đa\n- Chưa có: 0 điểm"), ("1.2", "- Có: Điểm tối đa\n- Không: 0 điểm")]
    note = next(d for d in imported.diagnostics if d.code == "CDS905")
    assert (note.arguments["table"], note.arguments["row"], note.arguments["column"]) == (2, 2, "E")
    assert "“Ghi chú”" in note.message("vi")
