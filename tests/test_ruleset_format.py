"""The `.cds` ruleset format (docs/ruleset-format.md) and the huyện Ninh Thuận 2023 transcription."""
from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from cdsdsl import RulesetError
from cdsdsl.rulesets.model import Rounding, load_ruleset, parse_ruleset_text
from cdsdsl.syntax.grammars import grammar_path

ROOT = Path(__file__).resolve().parent.parent
HUYEN = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
CORPUS = ROOT / "tests" / "data" / "seed-formulas.jsonl"

HEAD = "Bộ chỉ số: Thử\nVăn bản: Quyết định 1/QĐ-UBND\n"


def _strip_lines(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.split("\n"))


def _error(text: str, lang: str = "vi") -> RulesetError:
    with pytest.raises(RulesetError) as info:
        parse_ruleset_text(text, "thu.cds")
    info.value.lang = lang
    return info.value


@pytest.fixture(scope="module")
def huyen():
    return load_ruleset(HUYEN)


# -- grammar lookup -----------------------------------------------------------

def test_grammar_path_finds_ruleset_grammar_in_source_tree():
    path = grammar_path("ruleset.lark")
    assert path.is_file() and path.parent.name == "grammar"


def test_grammar_path_names_both_places_when_missing():
    with pytest.raises(FileNotFoundError, match="no-such.lark"):
        grammar_path("no-such.lark")


# -- the huyện Ninh Thuận 2023 transcription ------------------------------------

def test_huyen_ninh_thuan_2023_has_85_indicators_in_8_sections(huyen):
    assert len(huyen.indicators) == 85
    assert [s.id for s in huyen.sections] == list("12345678")
    assert [s.label for s in huyen.sections] == ["1", "2", "3", "4", "V", "6", "VII", "VIII"]
    assert huyen.level == "huyện" and huyen.stated_total is None
    assert huyen.rounding == Rounding(2, "half_up") and huyen.zero_division == "zero"


def test_huyen_ninh_thuan_2023_stated_section_maxima(huyen):
    assert {s.id: s.stated_max for s in huyen.sections} == {
        "1": 60, "2": 90, "3": 100, "4": 60, "5": 100, "6": 170, "7": 150, "8": 150}


def test_huyen_ninh_thuan_2023_every_cell_equals_the_seed_corpus(huyen):
    corpus = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [c["id"] for c in corpus] == [i.id for i in huyen.indicators]
    for cell in corpus:
        ind = huyen.indicator(cell["id"])
        assert ind.formula_text == _strip_lines(cell["formula"]), cell["id"]
        assert ind.name == cell["name"].strip(), cell["id"]
        assert ind.max_points == Fraction(cell["max"]), cell["id"]
        assert not ind.entered_directly
    # the decision's mistakes are corrected with `Sửa:` lines, the original text kept above
    corrected = {i.id for i in huyen.indicators if i.correction is not None}
    assert corrected == {"3.1", "3.3", "5.12.2", "5.12.4", "5.12.5", "5.12.6", "6.10", "7.3", "7.6", "7.8"}
    assert all(huyen.indicator(i).correction.reason for i in corrected)
    assert huyen.indicator("6.10").effective_formula.endswith("- Điểm=Tỷ lệ*Điểm tối đa")


def test_huyen_ninh_thuan_2023_keeps_the_decisions_mistakes_verbatim(huyen):
    assert huyen.indicator("3.1").formula_text.startswith("= Số lượng người dân trưởng thành")
    assert "- Tỷ lệ <80: Điểm = Tỷ lệ * điểm tối đa" in huyen.indicator("3.3").formula_text
    assert "- Điểm=Tỷ lệ 1*Điểm tối đa" in huyen.indicator("6.10").formula_text
    assert huyen.indicator("5.11").formula_text == "Cộng điểm từ 5.12.1 đến 5.12.6"


def test_huyen_ninh_thuan_2023_data_source_and_coordinator(huyen):
    ind = huyen.indicator("1.1")
    assert (ind.data_source, ind.coordinator) == ("Phòng VHTT", "VP. HĐND và UBND")
    assert huyen.indicator("7.7").coordinator is None
    assert huyen.indicator("5.12.1").coordinator == "Phòng VHTT"
    assert huyen.indicator("5.11").data_source is None


def test_huyen_ninh_thuan_2023_formula_positions_point_into_the_file(huyen):
    ind = huyen.indicator("3.1")
    lines = HUYEN.read_text(encoding="utf-8").split("\n")
    line, col = ind.formula_source.position(0)
    assert col == 5 and lines[line - 1] == "    " + ind.formula_text.split("\n")[0]
    # the line of "b= Tổng dân số" is the next one
    off = ind.formula_text.index("b=")
    assert ind.formula_source.position(off) == (line + 1, 5)
    assert ind.formula_source.line_text(line + 1).startswith("    b= Tổng dân số")


def test_huyen_ninh_thuan_2023_5_12_x_have_no_parent_and_5_11_no_children(huyen):
    assert huyen.parent("5.12.1") is None
    assert huyen.children("5.11") == ()
    assert huyen.indicator("5.12.3").parent_id == "5.12"
    assert [i.id for i in huyen.section_indicators("5")][-6:] == [f"5.12.{k}" for k in range(1, 7)]


# -- the format ----------------------------------------------------------------

FULL = HEAD + """Ngày: 08/2023
Cấp: Huyện
Tổng điểm: 30
Làm tròn: 3 chữ số, cắt bỏ
Chia cho 0: lỗi
Công thức tổng: D = (A + B) x 485 / (485 + C)
Trong đó: A = tổng điểm các mục 1-6
Trong đó: B = tổng điểm lĩnh vực ưu tiên
Danh sách Phụ lục II: Sở Công Thương; Sở Tài chính

# mục một
Mục 1 | Nhận thức số | 20

Chỉ số 1.1 | Có ban chỉ đạo | 10
Cách tính:
    - Có: Điểm tối đa

    - Không: 0 điểm
Sửa:
    - Có: Điểm tối đa
    - Không: 0 điểm
Lý do sửa: bỏ dòng trống
Nguồn dữ liệu: Phòng VHTT
    và Phòng Nội vụ
Đơn vị phối hợp: VP UBND
Tài liệu kiểm chứng: Quyết định thành lập
Áp dụng: Danh sách Phụ lục II
Cách hiểu: cộng dồn
Phương pháp: tỷ lệ với cao nhất

Chỉ số 1.2 | Số bài viết | -
Nhập điểm

Lĩnh vực I | Du lịch | 10
Chỉ số 1 | Ứng dụng du lịch | 10
CÁCH TÍNH: Điểm = Tỉ lệ * Điểm tối đa
"""


def test_every_field_of_the_format_is_read():
    rs = parse_ruleset_text(FULL, "day-du.cds")
    assert (rs.title, rs.decision, rs.date, rs.level) == ("Thử", "Quyết định 1/QĐ-UBND", "08/2023", "huyện")
    assert rs.stated_total == 30 and rs.rounding == Rounding(3, "truncate") and rs.zero_division == "error"
    assert rs.set_formula.text == "D = (A + B) x 485 / (485 + C)"
    assert [(b.name, b.description) for b in rs.set_formula.bindings] == [
        ("A", "tổng điểm các mục 1-6"), ("B", "tổng điểm lĩnh vực ưu tiên")]
    assert rs.unit_lists[0].name == "Phụ lục II" and rs.unit_lists[0].units == ("Sở Công Thương", "Sở Tài chính")
    i = rs.indicator("1.1")
    assert i.formula_text == "- Có: Điểm tối đa\n\n- Không: 0 điểm"
    assert i.correction.text == "- Có: Điểm tối đa\n- Không: 0 điểm"
    assert i.correction.reason == "bỏ dòng trống"
    assert i.effective_formula == i.correction.text and i.effective_source is i.correction.source
    assert i.correction.source.position(0) == (22, 5)
    assert i.data_source == "Phòng VHTT\nvà Phòng Nội vụ"
    assert (i.coordinator, i.evidence, i.applies_to) == ("VP UBND", "Quyết định thành lập", "Phụ lục II")
    assert (i.option_mode, i.cohort_method) == ("cumulative", "ratio_to_max")
    j = rs.indicator("1.2")
    assert j.max_points is None and j.entered_directly and j.formula_text is None
    g = rs.indicator("I.1")
    assert g.group_id == "I" and g.section_id is None and rs.groups[0].stated_max == 10
    assert g.formula_text == "Điểm = Tỉ lệ * Điểm tối đa"
    assert g.formula_source.position(0) == (38, 12)


def test_crlf_and_missing_final_newline_are_accepted():
    rs = parse_ruleset_text((HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nCách tính:\n    - Có: Điểm tối đa")
                            .replace("\n", "\r\n"), "crlf.cds")
    assert rs.indicator("1.1").formula_text == "- Có: Điểm tối đa"


def test_decomposed_unicode_keys_are_read():
    import unicodedata
    text = unicodedata.normalize("NFD", HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nNguồn dữ liệu: Phòng X\n")
    assert parse_ruleset_text(text).indicator("1.1").data_source is not None


# -- error paths: message, hint and place ---------------------------------------

def test_unknown_key_is_named_with_its_line_and_column():
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nNguon: Phòng VHTT\n")
    assert err.code == "CDS501"
    assert err.message == "khóa `Nguon` không có trong định dạng tệp bộ chỉ số"
    assert (err.line, err.column) == (5, 1)
    assert err.first.item == "1.1" and err.first.source.name == "thu.cds"
    assert "Nguồn dữ liệu" in err.hint
    err.lang = "en"
    assert err.message == "unknown key `Nguon` in a ruleset file"


def test_missing_title_and_decision():
    err = _error("Mục 1 | A | 10\nChỉ số 1.1 | B | 10\n")
    assert [d.code for d in err.diagnostics] == ["CDS502", "CDS502"]
    assert err.message == "thiếu `Bộ chỉ số:` ở phần đầu tệp"
    assert err.hint == "Thêm dòng `Bộ chỉ số: ...` trước mục đầu tiên."


def test_header_key_after_first_section():
    err = _error(HEAD + "Mục 1 | A | 10\nTổng điểm: 10\nChỉ số 1.1 | B | 10\n")
    assert err.code == "CDS503" and (err.line, err.column) == (4, 1)
    assert err.message == "`Tổng điểm:` thuộc phần đầu tệp, phải đứng trước mục đầu tiên"


def test_indicator_field_outside_an_indicator():
    err = _error(HEAD + "Mục 1 | A | 10\nNguồn dữ liệu: X\nChỉ số 1.1 | B | 10\n")
    assert err.code == "CDS504" and err.line == 4
    assert err.message == "`Nguồn dữ liệu:` chỉ dùng bên trong một chỉ số"


def test_field_written_twice():
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nNguồn dữ liệu: X\nNguồn dữ liệu: Y\n")
    assert err.code == "CDS505" and err.line == 6
    assert err.message == "`Nguồn dữ liệu:` được viết hai lần (lần đầu ở dòng 5)"


def test_maximum_that_is_not_a_number_points_at_the_cell():
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | mười\n")
    assert err.code == "CDS506" and (err.line, err.column) == (4, 18)
    assert err.message == "điểm tối đa `mười` không phải là một số"
    assert err.first.end_position == (4, 22)


@pytest.mark.parametrize("line, key, value", [
    ("Làm tròn: hai chữ số", "Làm tròn:", "hai chữ số"),
    ("Chia cho 0: bỏ qua", "Chia cho 0:", "bỏ qua"),
    ("Cấp: quận", "Cấp:", "quận"),
    ("Tổng điểm: nhiều", "Tổng điểm:", "nhiều"),
])
def test_invalid_header_values(line, key, value):
    err = _error(HEAD + line + "\nMục 1 | A | 10\nChỉ số 1.1 | B | 10\n")
    assert err.code == "CDS507" and err.line == 3
    assert err.message == f"giá trị `{value}` của `{key}` không hợp lệ"


@pytest.mark.parametrize("line", ["Áp dụng: Phụ lục II", "Cách hiểu: tuỳ", "Phương pháp: trung bình"])
def test_invalid_indicator_values(line):
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\n" + line + "\n")
    assert err.code == "CDS507" and err.line == 5 and err.first.item == "1.1"


def test_stray_indented_line():
    err = _error(HEAD + "Mục 1 | A | 10\n    - Có: Điểm tối đa\nChỉ số 1.1 | B | 10\n")
    assert err.code == "CDS508" and (err.line, err.column) == (4, 1)


@pytest.mark.parametrize("indent, what", [("  ", "2 dấu cách"), (" ", "1 dấu cách"), ("   ", "3 dấu cách")])
def test_indentation_must_be_four_spaces_or_a_tab(indent, what):
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nCách tính:\n" + indent + "- Có: Điểm tối đa\n")
    assert err.code == "CDS509" and err.line == 6
    assert err.message == f"thụt lề phải là 4 dấu cách hoặc một tab (dòng này thụt lề bằng {what})"
    # a tab is an indentation like four spaces (tests/test_ruleset_authoring.py)


def test_heading_with_too_few_cells():
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | Người đứng đầu\n")
    assert err.code == "CDS510" and err.line == 4
    assert err.message == "dòng `Chỉ số` cần 3 ô `STT | Tên | Điểm tối đa`, ở đây có 2"


def test_invalid_indicator_number():
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.a | B | 10\n")
    assert err.code == "CDS511" and (err.line, err.column) == (4, 8)


def test_empty_scoring_text():
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nCách tính:\nNguồn dữ liệu: X\n")
    assert err.code == "CDS512" and err.line == 5
    assert err.message == "`Cách tính:` không có nội dung"


def test_scoring_text_inline_and_indented():
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nCách tính: - Có: 10\n    - Không: 0 điểm\n")
    assert err.code == "CDS513" and err.line == 5


def test_reason_without_correction_and_binding_without_set_formula():
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nLý do sửa: thiếu %\n")
    assert err.code == "CDS514" and err.message == "`Lý do sửa:` cần `Sửa:` viết trước"
    err = _error(HEAD + "Trong đó: A = x\nMục 1 | A | 10\nChỉ số 1.1 | B | 10\n")
    assert err.code == "CDS514" and err.line == 3


def test_indicator_before_first_section():
    err = _error(HEAD + "Chỉ số 1.1 | B | 10\n")
    assert err.code == "CDS515" and err.line == 3
    assert err.message == "chỉ số 1.1 đứng trước mục đầu tiên"


def test_no_indicator():
    assert _error(HEAD + "Mục 1 | A | 10\n").code == "CDS516"


def test_entered_directly_with_a_scoring_text():
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nNhập điểm\nCách tính:\n    - Có: 10\n")
    assert err.code == "CDS519" and err.line == 5


def test_unreadable_line_is_a_syntax_error_with_its_line():
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\n| lạ\n")
    assert err.code == "CDS500" and err.line == 5
    assert err.message == "không đọc được dòng này: `| lạ`"


def test_unsupported_suffix_and_missing_file(tmp_path):
    with pytest.raises(RulesetError) as info:
        load_ruleset(tmp_path / "x.docx")
    assert info.value.code == "CDS518"
    assert info.value.message == "loại tệp `.docx` không được hỗ trợ"
    with pytest.raises(RulesetError) as info:
        load_ruleset(tmp_path / "khong-co.cds")
    assert info.value.code == "CDS517"


def test_all_errors_are_reported_together_and_render():
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | x\nChỉ số 1.2 | C | 10\nNguon: y\n")
    assert [d.code for d in err.diagnostics] == ["CDS506", "CDS501"]
    text = err.render()
    assert "thu.cds › chỉ số 1.1:4:18" in text and "gợi ý:" in text
