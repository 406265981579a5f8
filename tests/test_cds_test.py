"""`cds test RULESET`: the test cases written beside each ruleset (NAME.tests.csv) pass, and a test file
that is wrong is told where and how (CDS560-569).

The cases of rulesets/*.tests.csv are hand-computed from the decision texts (rulesets/sources/); here every
one of them runs, so CI runs them.  The small files below are written in the test, the way staff write them.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from _cli_util import ROOT, RULESET_IDS, RULESETS, cds, no_traceback

from cdsdsl.rulesets.model import load_ruleset
from cdsdsl.verify.casetests import cases_path_for, read_cases, run_cases

HUYEN = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
HEADER = "Ca,Nguồn,Chỉ số,Số liệu,Giá trị,Điểm mong đợi\n"
CITE = "rulesets/sources/huyen-ninh-thuan-2023.txt:24"


@pytest.mark.parametrize("ruleset", RULESETS, ids=RULESET_IDS)
def test_every_ruleset_passes_its_hand_computed_cases(ruleset: Path) -> None:
    cases_file = cases_path_for(ruleset)
    assert cases_file.is_file(), f"{ruleset.name} has no {cases_file.name}"
    r = cds("test", ruleset.relative_to(ROOT))
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 0, r.stdout + r.stderr
    assert r.stderr == ""  # no row of the shipped files is refused
    m = re.search(r"^(\d+) ca: (\d+) đạt, 0 không đạt, 0 không chạy được$", r.stdout, re.M)
    assert m and m.group(1) == m.group(2) and int(m.group(1)) >= 2, r.stdout
    # every case names the decision's line it comes from, and that line exists
    for case in read_cases(cases_file, load_ruleset(ruleset))[0]:
        for cite in re.findall(r"(rulesets/sources/[\w.-]+\.txt):(\d+)", case.source):
            lines = (ROOT / cite[0]).read_text(encoding="utf-8").split("\n")
            assert 1 <= int(cite[1]) <= len(lines), (case.name, case.source)


def test_ninh_thuan_cases_cover_a_dozen_indicators_of_different_kinds() -> None:
    rs = load_ruleset(HUYEN)
    cases, diags = read_cases(cases_path_for(HUYEN), rs)
    assert diags == []
    targets = {(e.target, e.key) for c in cases for e in c.expectations}
    indicators = {k for t, k in targets if t == "indicator"}
    assert len(indicators) >= 12, sorted(indicators)
    # thresholds exactly at the boundary (3.1 70%, 3.3 80%, 4.7 60%, 6.9 80%), options (1.1, 3.5), levels
    # (5.12.1), a sum of items (5.11), a section and the total
    assert {"1.1", "1.4", "3.1", "3.3", "3.5", "3.6", "4.7", "5.11", "5.12.1", "6.9"} <= indicators
    assert ("section", "1") in targets and ("section", "5") in targets and ("total", "") in targets
    assert all(r.status == "passed" for r in run_cases(rs, cases))


def _write(tmp_path: Path, rows: str, *, name: str = "huyen") -> Path:
    shutil.copy(HUYEN, tmp_path / f"{name}.cds")
    (tmp_path / f"{name}.tests.csv").write_text(HEADER + rows, encoding="utf-8")
    return tmp_path / f"{name}.cds"


def test_a_wrong_expected_value_fails_with_the_inputs_and_the_explanation(tmp_path: Path) -> None:
    # 1.3: Tỷ lệ = a/b, Điểm = Tỷ lệ x 10: 7/21 x 10 = 3,33 (rounded to 2 digits), not 3,34
    rs = _write(tmp_path, f"1.3 sai một phần trăm,{CITE},1.3,a,7,\n,,1.3,b,21,\"3,34\"\n"
                          f"1.4 đúng,{CITE},1.4,x,20,10\n")
    r = cds("test", rs, cwd=tmp_path)
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 1, r.stdout + r.stderr
    out = r.stdout
    assert "KHÔNG ĐẠT: 1.3 sai một phần trăm" in out
    assert "đạt: 1.4 đúng" in out
    assert "chỉ số 1.3 Văn bản chỉ đạo" in out
    assert "mong đợi 3,34, được 3,33 (huyen.tests.csv:3:F)" in out
    assert "số liệu: 1.3:a = 7 (huyen.tests.csv:2:E); 1.3:b = 21 (huyen.tests.csv:3:E)" in out
    assert "Tỷ lệ = 7/21 = 33,33%" in out  # the working `cds explain` shows
    assert "→ Mất 6,67 điểm do tỷ lệ chỉ đạt 33,33%." in out
    assert out.rstrip().endswith("2 ca: 1 đạt, 1 không đạt, 0 không chạy được")

    en = cds("test", rs, "--lang", "en", cwd=tmp_path)
    assert en.exit_code == 1
    assert "FAILED: 1.3 sai một phần trăm" in en.stdout
    assert "expected 3,34, got 3.33 (huyen.tests.csv:3:F)"  # the expected value as written in en.stdout
    assert "2 case(s): 1 passed, 1 failed, 0 not run" in en.stdout


def test_a_wrong_section_total_shows_the_indicators_of_the_section(tmp_path: Path) -> None:
    rs = _write(tmp_path, f"Mục 1 sai,{CITE},1.1,lựa chọn,1,\n,,1.3,a,1,\n,,1.3,b,2,\n,,Mục 1,,,20\n")
    r = cds("test", rs, cwd=tmp_path)
    assert r.exit_code == 1
    assert "mục 1 Nhận thức số: mong đợi 20, được 15 (huyen.tests.csv:5:F)" in r.stdout
    assert "1.1 Người đứng đầu huyện" in r.stdout and "1.3 Văn bản chỉ đạo" in r.stdout


def test_json_format(tmp_path: Path) -> None:
    rs = _write(tmp_path, f"1.3 sai,{CITE},1.3,a,7,\n,,1.3,b,21,4\n")
    r = cds("test", rs, "--format", "json", cwd=tmp_path)
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert doc["summary"] == {"passed": 0, "failed": 1, "error": 0}
    (case,) = doc["cases"]
    assert case["status"] == "failed" and case["source"] == CITE
    (f,) = case["failures"]
    assert (f["key"], f["expected"], f["got"]) == ("1.3", "4", "3.33")
    assert {"indicator": "1.3", "key": "a", "value": "7", "where": "huyen.tests.csv:2:E"} in f["inputs"]
    assert any("7/21" in t for t in f["trace"])


BAD = [
    # (what is wrong, rows, code, place, words of the message)
    ("unknown indicator", f"A,{CITE},9.9,a,1,\n,,1.3,,,1\n", "CDS561", "huyen.tests.csv:2:C",
     "bộ chỉ số không có chỉ số `9.9`"),
    ("unknown input key", f"A,{CITE},1.3,c,1,\n,,1.3,,,1\n", "CDS562", "huyen.tests.csv:2:D",
     "chỉ số 1.3 không có số liệu `c` (các số liệu: `a`, `b`)"),
    ("a count that does not read", f"A,{CITE},1.3,a,tám,\n,,1.3,b,10,1\n", "CDS563", "huyen.tests.csv:2:E",
     "không đọc được giá trị `tám` của số liệu `a` chỉ số 1.3"),
    ("an option that is not a choice", f"A,{CITE},1.5,lựa chọn,Có lẽ,10\n", "CDS563", "huyen.tests.csv:2:E",
     "không đọc được giá trị `Có lẽ` của số liệu `lựa chọn` chỉ số 1.5"),
    ("an empty value", f"A,{CITE},1.3,a,,\n,,1.3,b,10,1\n", "CDS563", "huyen.tests.csv:2:E", "ô trống"),
    ("expected points that are not a number", f"A,{CITE},1.5,lựa chọn,Đã có,mười\n", "CDS564",
     "huyen.tests.csv:2:F", "điểm mong đợi `mười` không phải là một số"),
    ("a case with no expected value", f"A,{CITE},1.3,a,1,\n,,1.3,b,2,\n", "CDS565", "huyen.tests.csv:2",
     "ca `A` không có điểm mong đợi nào"),
    ("duplicate case names", f"A,{CITE},1.5,lựa chọn,Đã có,10\nB,{CITE},1.5,lựa chọn,Chưa có,0\n"
     f"A,{CITE},1.5,lựa chọn,Chưa có,0\n", "CDS566", "huyen.tests.csv:4:A",
     "tên ca `A` đã dùng cho một ca khác (huyen.tests.csv:2)"),
    ("a case with no source", "A,,1.5,lựa chọn,Đã có,10\n", "CDS567", "huyen.tests.csv:2:B",
     "ca `A` không ghi nguồn"),
    ("a row before any case", f",{CITE},1.5,lựa chọn,Đã có,10\n", "CDS567", "huyen.tests.csv:2:A",
     "dòng này không thuộc ca nào"),
    ("an input given twice", f"A,{CITE},1.3,a,1,\n,,1.3,b,2,\n,,1.3,a,2,5\n", "CDS567", "huyen.tests.csv:4:E",
     "số liệu `a` của chỉ số 1.3 đã ghi ở huyen.tests.csv:2:E"),
    ("an expected value given twice", f"A,{CITE},1.5,lựa chọn,Đã có,10\n,,1.5,,,0\n", "CDS567",
     "huyen.tests.csv:3:F", "điểm mong đợi của `1.5` đã ghi ở huyen.tests.csv:2:F"),
    ("a cohort indicator", f"A,{CITE},5.8,x,3,5\n", "CDS568", "huyen.tests.csv:2:F",
     "chỉ số 5.8 so sánh các đơn vị với nhau"),
]


@pytest.mark.parametrize("what, rows, code, place, words", BAD, ids=[b[0] for b in BAD])
def test_a_bad_row_is_located_and_its_case_is_not_run(tmp_path: Path, what: str, rows: str, code: str,
                                                      place: str, words: str) -> None:
    # a good case after the bad one still runs
    rs = _write(tmp_path, rows + f"Ca tốt,{CITE},1.5,lựa chọn,Đã có,10\n")
    r = cds("test", rs, cwd=tmp_path)
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 1, r.stdout + r.stderr
    assert f"lỗi[{code}]: {place}: " in r.stderr, r.stderr
    assert words in r.stderr, r.stderr
    assert "gợi ý:" in r.stderr
    assert "đạt: Ca tốt" in r.stdout
    en = cds("test", rs, "--lang", "en", cwd=tmp_path)
    assert f"error[{code}]: {place}: " in en.stderr and "hint:" in en.stderr, en.stderr


def test_no_test_file_is_a_usage_error(tmp_path: Path) -> None:
    shutil.copy(HUYEN, tmp_path / "huyen.cds")
    r = cds("test", "huyen.cds", cwd=tmp_path)
    assert r.exit_code == 2
    assert "CDS569" in r.stderr and "huyen.tests.csv" in r.stderr and "--cases" in r.stderr


def test_a_file_without_the_columns_is_unreadable(tmp_path: Path) -> None:
    shutil.copy(HUYEN, tmp_path / "huyen.cds")
    (tmp_path / "huyen.tests.csv").write_text("Tên,Chỉ số,Điểm\nA,1.5,10\n", encoding="utf-8")
    r = cds("test", "huyen.cds", cwd=tmp_path)
    assert r.exit_code == 2
    assert "lỗi[CDS560]: huyen.tests.csv:1: tệp ca kiểm thử thiếu cột `Ca`" in r.stderr


def test_a_file_that_is_not_utf8_is_unreadable(tmp_path: Path) -> None:
    shutil.copy(HUYEN, tmp_path / "huyen.cds")
    (tmp_path / "huyen.tests.csv").write_bytes("Ca,Nguồn,Chỉ số\n".encode("utf-8").replace("ồ".encode("utf-8"), b"\xf4"))
    r = cds("test", "huyen.cds", cwd=tmp_path)
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 2 and "CDS650" in r.stderr


def test_english_headers_and_another_file_with_cases(tmp_path: Path) -> None:
    shutil.copy(HUYEN, tmp_path / "huyen.cds")
    (tmp_path / "other.csv").write_text(
        "case,source,indicator,input,value,expected\n"
        f"3.3 at 80%,{CITE},3.3,a,8,\n,,3.3,b,10,10\n", encoding="utf-8")
    r = cds("test", "huyen.cds", "--cases", "other.csv", "--lang", "en", cwd=tmp_path)
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "passed: 3.3 at 80%" in r.stdout


def test_a_quote_left_open_is_reported_with_the_lines_it_swallows(tmp_path: Path) -> None:
    rs = _write(tmp_path, f"A,{CITE},1.5,lựa chọn,\"Đã có,10\nCa tốt,{CITE},1.5,lựa chọn,Đã có,10\n")
    r = cds("test", rs, cwd=tmp_path)
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 1
    assert ("lỗi[CDS652]: huyen.tests.csv:2:E: dấu ngoặc kép mở ở dòng 2 (cột E) không được đóng đúng chỗ: ô này "
            "kéo đến hết tệp") in r.stderr
    assert "0 ca" in r.stdout  # the rows it swallowed are not read as cases


def test_cases_written_in_the_ruleset_file_run_at_their_lines(tmp_path):
    """`Ca kiểm thử:` in the .cds (#16 item 2, the block form): the rows of NAME.tests.csv under the key, run
    by `cds test`, failures placed at the ruleset file's lines; the companion file's cases run after them."""
    from cdsdsl.diagnostics.core import RulesetError
    from cdsdsl.rulesets.cds import parse_ruleset_text
    from cdsdsl.rulesets.cds_writer import ruleset_to_cds
    from cdsdsl.verify.casetests import read_cases_block, run_cases

    src = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
    rows = [ln for ln in (ROOT / "rulesets" / "huyen-ninh-thuan-2023.tests.csv").read_text(encoding="utf-8")
            .splitlines() if ln and not ln.startswith("#")]
    text = src.read_text(encoding="utf-8")
    lines_before = text.count("\n")
    rows = rows[:9]  # the header and the first seven cases (1.1, 1.3, 1.4 at 20, 19, 10, 9 posts, no column)
    block = "\nCa kiểm thử:\n" + "".join(f"    {ln}\n" for ln in rows)
    block += "    1.4 đúng 20 tin bài ghi sai,văn bản dòng 33,1.4,x,20,5\n"
    path = tmp_path / "ninh-thuan.cds"
    path.write_text(text + block, encoding="utf-8")
    rs = parse_ruleset_text(path.read_text(encoding="utf-8"), name=str(path))
    cases, diags = read_cases_block(rs)
    assert diags == [] and len(cases) == 8
    results = run_cases(rs, cases)
    assert [r.case.name for r in results if r.status != "passed"] == ["1.4 đúng 20 tin bài ghi sai"]
    failed = next(r for r in results if r.status == "failed").failures[0]
    wrong_line = lines_before + 2 + len(rows) + 1  # blank line, `Ca kiểm thử:`, the rows, then this one
    assert failed.expectation.where == f"{path.name}:{wrong_line}:F"
    r = cds("test", path)
    assert r.exit_code == 1 and "8 ca: 7 đạt, 1 không đạt" in r.stdout
    # the writer keeps the block, and it reads back the same
    again = parse_ruleset_text(ruleset_to_cds(rs), name="again.cds")
    assert again.test_cases.text == rs.test_cases.text
    # twice is an error at the second key (its rows are then lines of no block, CDS508)
    with pytest.raises(RulesetError) as exc:
        parse_ruleset_text(text + block + "\nCa kiểm thử:\n    Ca,Nguồn,Chỉ số,Số liệu,Giá trị,Điểm mong đợi\n",
                           name="twice.cds")
    assert [d.code for d in exc.value.diagnostics][0] == "CDS505"
