"""Whatever a `.cds` file holds, loading and checking it end in a ruleset, diagnostics or a `CdsError`.

The seeds are the bundled rulesets (rulesets/*.cds), as transcribed from the decisions.  Hypothesis mutates
them the way files get damaged between a decision's text and `cds check`: lines deleted, duplicated or
swapped, the file cut anywhere, Unicode pasted in (NFD, zero-width, RTL marks, NUL, a BOM in the middle,
tabs, CR-only and mixed line endings), headers broken (`Bộ chỉ số:`, `Mục`/`Chỉ số` headings, the max
cell, `Cách tính:`, `Sửa:`), huge numbers, duplicated indicator ids, deep nesting, very long lines and
bytes that are not UTF-8.  Properties (the project's standard "bad input is normal input"):

- `load_ruleset` returns a ruleset or raises a `CdsError`; `Ruleset.check()` returns diagnostics;
  nothing else escapes;
- every diagnostic names its place: file with line and column, or the indicator;
- every message is non-empty in Vietnamese and in English, and renders (text, colour, JSON).

The default run is modest; `-m slow` runs the same properties with many more examples.
"""
from __future__ import annotations

import json
import re
import tempfile
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cdsdsl.checks.formula import check_formula
from cdsdsl.diagnostics.core import CdsError, Diagnostic
from cdsdsl.diagnostics.messages import _FIELD, lookup
from cdsdsl.diagnostics.render import diagnostics_json, render_diagnostics
from cdsdsl.rulesets.model import load_ruleset, parse_ruleset_text
from cdsdsl.rulesets.structure import fmt_points

ROOT = Path(__file__).resolve().parents[1]
SEEDS = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "rulesets").glob("*.cds"))}
SEED_NAMES = sorted(SEEDS)

#: what gets pasted in by accident: decomposed Vietnamese, invisible marks, control characters
JUNK = [
    "\u0301", "Tỷ le\u0302\u0323", "a\u0300", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e",
    "\u200f", "\u202e", "\u202a", "\x00", "\t", "\r", "\r\n", "\n", "\x0b", "\x0c", "\x1c", "\x85",
    "\u2028", "\u2029", "\\ud800", "\\udfff", "\U0001f600", "\u00a0", "\u3000", "|", ":", "#", "    ",
    "  ", " ", "-", "–", "—", "%", "đ", "điểm", "Mục", "Chỉ số", "Lĩnh vực", "Cách tính:", "Sửa:",
    "Lý do sửa:", "Nhập điểm", "Điểm tối đa", "Danh sách X:", "Áp dụng: Danh sách Y", "Cách hiểu:",
    "Phương pháp:", "Trong đó:", "Công thức tổng:", "Tổng điểm:", "Làm tròn:", "Chia cho 0:",
]
#: header and heading lines as they can be broken
BROKEN_LINES = [
    "Bộ chỉ số:", "Bộ chỉ số", "bộ CHỈ SỐ:   ", "Văn bản:", "Ngày: ngày mai", "Cấp: vũ trụ", "Tổng điểm: -",
    "Tổng điểm: 1e999", "Tổng điểm: " + "9" * 400, "Làm tròn: 99999999999999999999 chữ số",
    "Làm tròn: -1 chữ số", "Chia cho 0: có lẽ", "Công thức tổng:", "Công thức tổng: D = (A + B",
    "Trong đó: A", "Trong đó: = x", "Mục", "Mục |", "Mục 1", "Mục 1 |", "Mục 1 | Nhận thức số",
    "Mục 1 | Nhận thức số | 60 | 70", "Mục IIII | X | 1", "Mục 0 | X | 0", "Mục 1 | X | -",
    "Mục 1 | X | " + "9" * 500, "Mục 1 | X | 1/0", "Mục 1 | X | 0/0", "Mục 1 | X | 1,5,5",
    "Lĩnh vực I | X |", "Lĩnh vực | X | 5", "Chỉ số", "Chỉ số 1.1", "Chỉ số 1.1 | X", "Chỉ số 1.1 | X | abc",
    "Chỉ số 1.1 | X | 5 | 6", "Chỉ số 1..1 | X | 5", "Chỉ số 1.1. | X | 5", "Chỉ số .1 | X | 5",
    "Chỉ số " + ".".join(["1"] * 200) + " | X | 1", "Chỉ số 1.1 | X | 1/3",
    "Chỉ số 1.1 | X | " + "1" * 1000, "Chỉ số 1.1 | X | 0,0000000000000000000001",
    "Cách tính:", "Cách tính: ", "Cách tính: Điểm tối đa", "Cách tính: " + "(" * 300 + "1" + ")" * 300,
    "Cách tính: " + "(" * 2000, "Cách tính: a" + " + a" * 400, "Sửa:", "Sửa: 10", "Lý do sửa: vì",
    "    - Tỷ lệ >= 80%: Điểm tối đa", "    - Tỷ lệ >= 1e99999%: " + "9" * 300 + " điểm",
    "    " + "(" * 500 + "a" + ")" * 500, "    Nếu a thì " * 50, "   - ba dấu cách", "\t- một tab",
    "Áp dụng: Danh sách không có", "Áp dụng: mọi nơi", "Cách hiểu: cả hai", "Phương pháp: ngẫu nhiên",
    "Danh sách A:", "Danh sách A: ;;;", "Danh sách : x", "Nhập điểm", "Nhập điểm:", "Nhập điểm nhé",
    ":", "::", "|", "| | |", "#", "x" * 5000, "Cách tính: " + "x" * 5000,
    "Chỉ số 1.1 | X | " + "9" * 400 + "/7", "Mục 1 | X | " + "9" * 400 + "/7", "Tổng điểm: " + "9" * 400 + "/7",
    "Làm tròn: " + "9" * 5000 + " chữ số", "Làm tròn: 99999999999 chữ số", "Chỉ số 1.99999999999999999999 | X | 5",
    "Mục " + "9" * 5000 + " | X | 1", "Mục 999999 | X | 1", "Chỉ số 1.999999 | X | 1",
    "Trong đó: A = tổng điểm các mục a-b", "Trong đó: Z = tổng điểm các mục 1-" + "9" * 5000,
    "Công thức tổng: D = Điểm tối đa", "Công thức tổng: - A >= 5: 10 điểm", "Công thức tổng: D = E / 0",
    "    - Tỷ lệ >= 1e400%: " + "9" * 4400 + " điểm", "Cách tính: Cộng điểm từ 1." + "9" * 5000 + " đến 1.2",
]

#: words of the decisions' scoring texts (as in test_robustness_pipeline.py)
FORMULA_WORDS = ["Tỷ lệ", ">=", "<", "=", ":", "80%", "Điểm tối đa", "điểm", "a", "/", "*", "(", ")", "Từ",
                 "đến", "dưới", "trở lên", "Mức 1", "Nếu", "thì", "x", "10đ", "0 điểm", "-", "+", "; ",
                 "Trong đó:", "là", "cao nhất", "mục 5.12.1", "Cộng điểm từ 1.1 đến 1.2",
                 "Cộng điểm từ 9.9 đến 1.1", "Mỗi", "tối đa không quá", "bằng", "nhân", "(5 điểm)",
                 "1e400", "9" * 400, "0,0000000001", "/0", "x 0", "1.1.1.1.1.1.1.1.1.1", "%%", "100%/0%"]


def _lines(text: str) -> list[str]:
    return text.split("\n")


@st.composite
def mutated_texts(draw, max_steps: int = 4) -> str:
    """A bundled ruleset after one to `max_steps` accidents."""
    text = SEEDS[draw(st.sampled_from(SEED_NAMES))]
    for _ in range(draw(st.integers(1, max_steps))):
        lines = _lines(text)
        n = len(lines)
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "truncate", "insert", "break",
                                     "replace", "duplicate_id", "endings", "long", "numbers", "formula"]))
        i = draw(st.integers(0, n - 1))
        if kind == "formula":  # a formula line of a `Cách tính:` block, with words or junk put in
            block = [k for k, l in enumerate(lines) if l.startswith("    ")]
            if block:
                k = draw(st.sampled_from(block))
                at = draw(st.integers(4, len(lines[k])))
                word = draw(st.sampled_from(FORMULA_WORDS + JUNK))
                lines[k] = lines[k][:at] + word + lines[k][at:]
        elif kind == "delete":
            count = draw(st.integers(1, 5))
            del lines[i:i + count]
        elif kind == "duplicate":
            count = draw(st.integers(1, 8))
            lines[i:i] = lines[i:i + count]
        elif kind == "swap":
            j = draw(st.integers(0, n - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "truncate":
            return_at = draw(st.integers(0, len(text)))
            text = text[:return_at]
            continue
        elif kind == "insert":
            at = draw(st.integers(0, len(text)))
            junk = draw(st.lists(st.sampled_from(JUNK) | st.text(min_size=1, max_size=4), min_size=1, max_size=3))
            text = text[:at] + "".join(junk) + text[at:]
            continue
        elif kind == "break":
            lines.insert(i, draw(st.sampled_from(BROKEN_LINES)))
        elif kind == "replace":
            lines[i] = draw(st.sampled_from(BROKEN_LINES))
        elif kind == "duplicate_id":
            heads = [k for k, l in enumerate(lines) if l.startswith("Chỉ số ")]
            if heads:
                k = draw(st.sampled_from(heads))
                block = [lines[k]]
                for l in lines[k + 1:]:
                    if l.startswith(("Chỉ số ", "Mục ", "Lĩnh vực ")):
                        break
                    block.append(l)
                lines[i:i] = block
        elif kind == "endings":
            sep = draw(st.sampled_from(["\r", "\r\n", "\n\r", "\u2028", "\x85"]))
            if draw(st.booleans()):
                return_text = sep.join(lines)
            else:  # mixed: only some of the line breaks
                cut = draw(st.integers(0, n))
                return_text = "\n".join(lines[:cut]) + sep + sep.join(lines[cut:])
            text = return_text
            continue
        elif kind == "long":
            lines[i] = lines[i] + " " + draw(st.sampled_from(["x", "1.1 ", "(", "Điểm tối đa ", "| "])) * \
                draw(st.integers(100, 3000))
        else:  # huge numbers in place of the first number of a line
            big = draw(st.sampled_from(["9" * 400, "9" * 5000, "9" * 400 + "/7", "1e999999", "0." + "0" * 300 + "1", "-5", "1/0",
                                        "99999999999999999999999999999999/7", "∞", "NaN", "١٠"]))
            lines[i] = re.sub(r"\d+", big, lines[i], count=1)
        text = "\n".join(lines)
    return text


@st.composite
def mutated_bytes(draw) -> bytes:
    """A mutated ruleset as bytes, sometimes with bytes that are not UTF-8 or a BOM put in."""
    data = draw(mutated_texts()).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        junk = draw(st.sampled_from([b"\xff", b"\xc3", b"\xe1\xbb", b"\xed\xa0\x80", b"\x00", b"\xef\xbb\xbf",
                                     b"\xfe\xff", b"\x80\x80", b"\xf4\x90\x80\x80"]))
        data = data[:at] + junk + data[at:]
    if draw(st.booleans()):
        data = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b""])) + data
    return data


# --------------------------------------------------------------------------- the properties

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def assert_well_formed(diags: list[Diagnostic], file_name: str, text: str | None = None) -> None:
    """Each diagnostic names its place, says something in both languages and renders."""
    for d in diags:
        assert isinstance(d, Diagnostic), d
        where = d.position
        assert (d.source is not None and where is not None) or d.item, (
            f"{d.code} names no place: {d.message('en')}")
        if d.source is not None:
            assert d.source.name, d.code
            if d.item is None:  # a file-level finding: it is in this file
                assert d.source.name == file_name, (d.code, d.source.name)
        if where is not None:
            line, column = where
            assert line >= 1 and column >= 1, (d.code, where)
            if text is not None and d.source is not None and d.source.name == file_name:
                assert line <= len(_LINE_BREAK.split(text)), (d.code, where, "past the last line")
        for lang in ("vi", "en"):
            message = d.message(lang)
            assert message.strip(), (d.code, lang)
            hint = d.hint(lang)
            for field in _FIELD.findall(lookup(d.code).vi + lookup(d.code).en):  # every argument filled in
                assert "{" + field + "}" not in message + hint, (d.code, lang, field, message)
            d.to_dict(lang)
    for lang in ("vi", "en"):
        for colour in (False, True):
            text = render_diagnostics(diags, lang=lang, colour=colour)
            assert "Traceback" not in text
        json.loads(diagnostics_json(diags, lang=lang))


def load_and_check_file(data: bytes, name: str = "bo-chi-so.cds") -> list[Diagnostic]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            ruleset = load_ruleset(path)
        except CdsError as exc:
            assert exc.diagnostics, "a CdsError without a diagnostic"
            assert_well_formed(exc.diagnostics, str(path))
            return exc.diagnostics
        diags = ruleset.check()
        assert_well_formed(diags, str(path))
        return diags


def load_and_check_text(text: str, name: str = "bo-chi-so.cds") -> list[Diagnostic]:
    try:
        ruleset = parse_ruleset_text(text, name)
    except CdsError as exc:
        assert exc.diagnostics, "a CdsError without a diagnostic"
        assert_well_formed(exc.diagnostics, name, text)
        return exc.diagnostics
    diags = ruleset.check()
    assert_well_formed(diags, name, text)
    return diags


FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))


def test_the_bundled_rulesets_are_seeds_that_load():
    """The seeds themselves load and check cleanly of errors (else the mutations say little)."""
    assert len(SEEDS) >= 5
    for name, text in SEEDS.items():
        diags = load_and_check_text(text, name)
        assert not any(d.severity.value == "error" for d in diags), name


@FAST
@given(mutated_texts())
def test_mutated_ruleset_text_gives_only_located_diagnostics(text):
    load_and_check_text(text)


@FAST
@given(mutated_bytes())
def test_mutated_ruleset_file_gives_only_located_diagnostics(data):
    load_and_check_file(data)


@pytest.mark.slow
@SLOW
@given(mutated_texts(max_steps=8))
def test_many_mutated_ruleset_texts(text):
    load_and_check_text(text)


@pytest.mark.slow
@SLOW
@given(mutated_bytes())
def test_many_mutated_ruleset_files(data):
    load_and_check_file(data)


# --------------------------------------------------------------------------- what the fuzzing found (fixed)

HEAD = "Bộ chỉ số: Thử\nVăn bản: Quyết định thử\nMục 1 | Nhận thức số | 10\n"


def _load_error(text: str) -> CdsError:
    with pytest.raises(CdsError) as info:
        parse_ruleset_text(text, "thu.cds")
    assert_well_formed(info.value.diagnostics, "thu.cds")
    return info.value


@pytest.mark.parametrize("written", ["1/0", "0/0", "1,5/2", "9" * 5000])
def test_a_maximum_that_is_no_number_is_named_at_its_cell(written):
    """`Chỉ số 1.1 | Tên | 1/0` (a slip of the keyboard, or a number of thousands of digits pasted from a
    sheet) used to crash the loader with ZeroDivisionError / ValueError; it is CDS506 at the max cell."""
    err = _load_error(HEAD + f"Chỉ số 1.1 | Người đứng đầu là Trưởng ban | {written}\nChỉ số 1.2 | Họp | 5\n")
    assert [d.code for d in err.diagnostics] == ["CDS506"]
    assert err.line == 4 and err.column == len("Chỉ số 1.1 | Người đứng đầu là Trưởng ban | ") + 1
    assert err.first.item == "1.1"


def test_a_stated_total_of_one_over_zero_is_an_invalid_value():
    err = _load_error("Bộ chỉ số: Thử\nVăn bản: Quyết định thử\nTổng điểm: 1/0\nMục 1 | A | 10\n"
                      "Chỉ số 1.1 | B | 10\n")
    assert [d.code for d in err.diagnostics] == ["CDS507"]
    assert (err.line, err.column) == (3, 12)


def test_a_byte_that_is_not_utf8_is_named_by_line_and_column(tmp_path):
    """A ruleset saved by an editor in Windows-1258 (`á` as the single byte E1): the loader used to
    say only "cannot open the ruleset file: 'utf-8' codec can't decode byte 0xe1 in position 77" (CDS517,
    in Python's English, without a line); it now says CDS550 at the line and column of the byte."""
    good = (HEAD + "Chỉ số 1.1 | Nhận thức | 10\n").encode("utf-8")
    bad = good.replace("Nhận thức |".encode("utf-8"), "Nh\u1eadn th".encode("utf-8") + b"\xe1" + b"c |")
    path = tmp_path / "bo-chi-so.cds"
    path.write_bytes(b"\xef\xbb\xbf" + bad)  # a BOM is allowed and not counted as a column
    with pytest.raises(CdsError) as info:
        load_ruleset(path)
    err = info.value
    assert err.code == "CDS550"
    assert (err.line, err.column) == (4, len("Chỉ số 1.1 | Nhận th") + 1)
    assert "E1" in err.message and "UTF-8" in err.message
    assert "E1" in err.first.message("en")
    text = err.render()
    assert "bo-chi-so.cds:4:21" in text and "Nhận th\ufffdc" in text


def test_a_maximum_of_hundreds_of_digits_is_refused_at_its_cell_not_crashed():
    """`Chỉ số 1.1 | … | 999…9/7` (400 digits): the section sum check used to crash turning it into a
    float (OverflowError); a maximum has at most 30 digits, so it is CDS506 at its cell."""
    big = "9" * 400 + "/7"
    diags = load_and_check_text(HEAD + f"Chỉ số 1.1 | Người đứng đầu | {big}\n")
    bad = [d for d in diags if d.code == "CDS506"]
    assert len(bad) == 1 and bad[0].position == (4, 31)


def test_points_beyond_a_float_are_written_exactly():
    assert fmt_points(Fraction(10 ** 400 + 1, 4)) == "25" + "0" * 398 + ",25"
    assert fmt_points(Fraction(-(10 ** 400) - 1, 3)) == "-" + "3" * 400 + ",6667"
    assert fmt_points(Fraction(5, 2)) == "2,5"  # the float path, unchanged


@pytest.mark.parametrize("digits", ["11", "99999999999", "9" * 5000])
def test_rounding_to_more_than_ten_digits_is_refused(digits):
    """`Làm tròn: 99999999999 chữ số` was accepted (scoring would round to 10**-99999999999 and never
    finish) and 5000 digits crashed the loader (int() refuses them); both are CDS507 at the value."""
    err = _load_error(f"Bộ chỉ số: Thử\nVăn bản: Quyết định thử\nLàm tròn: {digits} chữ số\nMục 1 | A | 10\n"
                      "Chỉ số 1.1 | B | 10\n")
    assert [d.code for d in err.diagnostics] == ["CDS507"]
    assert (err.line, err.column) == (3, 11)
    assert "0 đến 10" in err.hint and "0 to 10" in err.first.hint("en")


def test_rounding_to_ten_digits_is_still_read():
    rs = parse_ruleset_text("Bộ chỉ số: Thử\nVăn bản: Quyết định thử\nLàm tròn: 10 chữ số, cắt bỏ\n"
                            "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\n", "thu.cds")
    assert (rs.rounding.digits, rs.rounding.mode) == (10, "truncate")


@pytest.mark.parametrize("heading, kind", [
    ("Chỉ số 1.99999999999999999999 | B | 5", "Chỉ số"),
    ("Chỉ số 1." + "9" * 5000 + " | B | 5", "Chỉ số"),
    ("Mục " + "9" * 5000 + " | A | 10", "Mục"),
])
def test_a_number_of_more_than_six_digits_in_an_stt_is_invalid(heading, kind):
    """An STT such as `1.99999999999999999999` (a key held down) used to reach the numbering-gap check,
    which listed the gap with range() (OverflowError) or int() (over 4 300 digits, ValueError)."""
    err = _load_error(HEAD + "Chỉ số 1.1 | B | 10\n" + heading + "\n")
    assert "CDS511" in [d.code for d in err.diagnostics]
    d = next(d for d in err.diagnostics if d.code == "CDS511")
    assert d.position[0] == 5 and d.arguments["kind"] == kind


def test_a_big_gap_between_sections_lists_the_first_missing_ones_only():
    """`Mục 1` then `Mục 999999`: the gap message named all 999 997 missing sections (megabytes)."""
    diags = load_and_check_text(HEAD + "Chỉ số 1.1 | B | 10\nMục 999999 | C | 10\nChỉ số 999999.1 | D | 10\n")
    gap = [d for d in diags if d.code == "CDS543"]
    assert len(gap) == 1 and gap[0].position == (5, 1)
    assert gap[0].arguments["missing"] == "mục 2, mục 3, mục 4, mục 5, mục 6…"


@pytest.mark.parametrize("number", ["1" * 31, "9" * 400, "9" * 4400])
def test_a_number_of_more_than_thirty_digits_in_a_formula_is_cds113(number):
    """A scoring text with a number of hundreds of digits (a bad paste): 4 400 digits crashed the builder
    (Fraction → int() refuses more than 4 300 digits); any number over 30 digits is now CDS113 at its place
    in the ruleset file."""
    diags = load_and_check_text(HEAD + "Chỉ số 1.1 | B | 10\nCách tính:\n    - Tỷ lệ >= 80%: " + number
                                + " điểm\n    - Tỷ lệ < 80%: 0 điểm\n")
    assert [d.code for d in diags] == ["CDS113"]
    assert diags[0].position == (6, len("    - Tỷ lệ >= 80%: ") + 1) and diags[0].item == "1.1"
    assert f"({len(number)} chữ số;" in diags[0].message()
    assert f"({len(number)} digits;" in diags[0].message("en")


def test_thirty_digits_in_a_formula_are_still_a_number():
    assert not [d for d in check_formula("- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: 0 điểm\n"
                                         "Trong đó: Tỷ lệ = a/" + "1" * 30, 10) if d.code == "CDS113"]


# Quảng Trị 2022 (sở): `Công thức tổng: D = (A + B) x 485 / (485 + C)` and its three `Trong đó:` lines
SO = SEEDS["quang-tri-2022-so.cds"]
SO_FORMULA = "Công thức tổng: D = (A + B) x 485 / (485 + C)"
SO_BINDING = "Trong đó: A = tổng điểm các mục 1-6"


def _so_line(prefix: str) -> int:
    return next(k for k, l in enumerate(SO.split("\n"), 1) if l.startswith(prefix))


@pytest.mark.parametrize("description", ["tổng điểm các mục a-b", "tổng điểm các mục 1-" + "9" * 5000, "gì đó"])
def test_a_set_formula_binding_that_cannot_be_read_is_cds553_at_its_line(description):
    """`Trong đó: A = tổng điểm các mục a-b` passed `cds check` silently and crashed scoring (int('a'),
    exit 3); it is now CDS553 at the `Trong đó:` line, and scoring says CDS630 for each unit."""
    text = SO.replace(SO_BINDING, "Trong đó: A = " + description, 1)
    diags = [d for d in load_and_check_text(text, "so.cds") if d.severity.value == "error"]
    assert [d.code for d in diags] == ["CDS553"]
    assert diags[0].position == (_so_line("Trong đó: A ="), 1)
    assert diags[0].arguments["name"] == "A"


def test_a_set_formula_binding_of_letters_does_not_crash_scoring():
    from cdsdsl.scoring.score import set_binding_meaning

    assert set_binding_meaning("tổng điểm các mục a-b") is None
    assert set_binding_meaning("tổng điểm các mục 1-" + "9" * 5000) is None
    assert set_binding_meaning("tổng điểm các mục 1-6") == ("sections", 1, 6)
    assert set_binding_meaning("điểm tối đa lĩnh vực ưu tiên") == ("group_max",)


def test_a_set_formula_name_not_declared_is_cds552_at_its_column():
    """`Công thức tổng: D = (A + B) x 485 / (485 + E)`: E is bound nowhere; scoring failed for every unit
    (CDS630, no line) while `cds check` said nothing; now CDS552 at the E."""
    text = SO.replace(SO_FORMULA, SO_FORMULA.replace("+ C)", "+ E)"), 1)
    diags = [d for d in load_and_check_text(text, "so.cds") if d.severity.value == "error"]
    assert [d.code for d in diags] == ["CDS552"]
    assert diags[0].position == (_so_line("Công thức tổng:"), SO_FORMULA.index("C)") + 1)
    assert diags[0].source.name == "so.cds"


def test_a_set_formula_that_cannot_be_read_is_a_syntax_error_at_its_place():
    text = SO.replace(SO_FORMULA, "Công thức tổng: D = (A + B", 1)
    diags = [d for d in load_and_check_text(text, "so.cds") if d.severity.value == "error"]
    assert [d.code for d in diags] == ["CDS103"]
    assert diags[0].position[0] == _so_line("Công thức tổng:")


@pytest.mark.parametrize("written, says", [("- A >= 5: 10 điểm", "D = ..."), ("D = Điểm tối đa", "+ - x /")])
def test_a_set_formula_scoring_cannot_compute_is_cds551(written, says):
    """A set formula written as cases, or using words scoring does not know there (`Điểm tối đa`):
    each unit failed with CDS630 at scoring; `cds check` now says CDS551 at the formula."""
    text = SO.replace(SO_FORMULA, "Công thức tổng: " + written, 1)
    diags = [d for d in load_and_check_text(text, "so.cds") if d.severity.value == "error"]
    assert [d.code for d in diags] == ["CDS551"]
    assert diags[0].position[0] == _so_line("Công thức tổng:")
    assert diags[0].position[1] >= len("Công thức tổng: ") + 1
    assert says in diags[0].message("en")
