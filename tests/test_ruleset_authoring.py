"""Authoring friction met on unseen decision text (issue 12, item 8), in `.cds` rulesets and pasted formulas:
tabs as indentation, a `Sửa:` that replaces one phrase, HTML/LaTeX markup in names, a table row split by a
page break (`Tiếp theo chỉ số X`). docs/ruleset-format.md states each rule."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import cdsdsl
from cdsdsl import RulesetError
from cdsdsl.checks.formula import check_formula
from cdsdsl.diagnostics.render import render_diagnostic
from cdsdsl.rulesets.model import load_ruleset, parse_ruleset_text
from cdsdsl.syntax.parser import parse_formula

ROOT = Path(__file__).resolve().parent.parent
NINH_THUAN = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
HEAD = "Bộ chỉ số: Thử\nVăn bản: Kế hoạch 1/KH-UBND\n"


def _error(text: str) -> RulesetError:
    with pytest.raises(RulesetError) as info:
        parse_ruleset_text(text, "thu.cds")
    return info.value


def _findings(rs, item: str) -> list[tuple[str, str, str]]:
    """What the check says about one indicator: code, message and the words it marks (not where)."""
    out = []
    for d in rs.check():
        if d.item == item:
            words = d.source.excerpt(d.span) if d.source is not None and d.span is not None else ""
            out.append((d.code, d.message(), words))
    return sorted(out)


def _points(rs, values: dict) -> dict:
    result = rs.score(cdsdsl.Unit.from_plain("Huyện A", values))
    return {k: r.points for k, r in result.indicators.items()}, result.total


# -- a. tabs as indentation ------------------------------------------------------------------------------

RATE = ["- Tỷ lệ >= 80%: Điểm tối đa", "- Tỷ lệ <80: Tỷ lệ * Điểm tối đa"]  # `<80`: the % slip of CDS302


def _rate_ruleset(indents: list[str]) -> str:
    lines = "".join(ind + text + "\n" for ind, text in zip(indents, RATE))
    return HEAD + "Mục 3 | Hạ tầng số | 10\nChỉ số 3.3 | Tỷ lệ hộ có cáp quang | 10\nCách tính:\n" + lines


@pytest.mark.parametrize("indents", [["\t", "\t"], ["  \t", "   \t"], ["\t", "    "], ["    ", "\t"]],
                         ids=["tabs", "spaces-then-tab", "tab-then-spaces", "spaces-then-tab-line"])
def test_tab_indented_scoring_text_reads_like_spaces(indents):
    spaces = parse_ruleset_text(_rate_ruleset(["    ", "    "]), "thu.cds")
    tabs = parse_ruleset_text(_rate_ruleset(indents), "thu.cds")
    assert _findings(tabs, "3.3") == _findings(spaces, "3.3")
    for rate in ("0.5", "0.8", "0.95"):
        assert _points(tabs, {"3.3": {"tỷ lệ": rate}}) == _points(spaces, {"3.3": {"tỷ lệ": rate}})


@pytest.mark.parametrize("indent", ["\t", "  \t", "    "])
def test_positions_in_a_tab_indented_block_count_a_tab_as_one_column(indent):
    text = _rate_ruleset([indent, indent])
    rs = parse_ruleset_text(text, "thu.cds")
    slip = next(d for d in rs.check() if d.code == "CDS302")
    line, col = slip.position
    assert line == 7
    file_line = text.split("\n")[line - 1]
    # the column is the character's index + 1 in the file's line, a tab counting one
    assert file_line[col - 1:].startswith("Tỷ lệ <80")
    shown = render_diagnostic(slip)
    src_line = next(l for l in shown.split("\n") if l.startswith("7 │"))
    caret_line = next(l for l in shown.split("\n") if "^" in l)
    assert src_line[caret_line.index("^"):].startswith("Tỷ lệ <80")


def test_tab_indented_continuation_of_a_text_field():
    rs = parse_ruleset_text(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nNhập điểm\nNguồn dữ liệu: Phòng VHTT\n"
                            "\tVăn phòng HĐND và UBND\n", "thu.cds")
    assert rs.indicator("1.1").data_source == "Phòng VHTT\nVăn phòng HĐND và UBND"


@pytest.mark.parametrize("indent", [" ", "  ", "   "])
def test_one_to_three_spaces_are_still_an_error(indent):
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nCách tính:\n" + indent + "- Có: Điểm tối đa\n")
    assert err.code == "CDS509" and err.line == 6


@pytest.mark.parametrize("pasted", [
    "\t- Tỷ lệ >= 80%: Điểm tối đa\n\t- Tỷ lệ <80: Tỷ lệ * Điểm tối đa",
    "-\tTỷ lệ >= 80%:\tĐiểm tối đa\n- Tỷ lệ\t<80: Tỷ lệ * Điểm tối đa",
    "  \t- Tỷ lệ >= 80%: Điểm tối đa\n    - Tỷ lệ <80: Tỷ lệ * Điểm tối đa",
])
def test_pasted_formula_with_tabs_reads_like_spaces_and_marks_the_right_words(pasted):
    formula = parse_formula(pasted)
    plain = parse_formula("\n".join(RATE))
    assert repr(formula.parts) == repr(plain.parts)  # spans are not in the repr: the same tree
    rs = parse_ruleset_text(HEAD + "Mục 3 | A | 10\nChỉ số 3.3 | B | 10\nCách tính:\n" +
                            "".join("    " + l + "\n" for l in RATE), "thu.cds")
    spaced = _findings(rs, "3.3")
    got = check_formula(pasted, 10, item="3.3")
    slip = next(d for d in got if d.code == "CDS302")
    assert pasted[slip.span.start:slip.span.end].replace("\t", " ").startswith("Tỷ lệ")
    assert "<80" in pasted[slip.span.start:slip.span.end]
    assert sorted(d.code for d in got if d.code in ("CDS302", "CDS409")) == \
        sorted(c for c, _, _ in spaced if c in ("CDS302", "CDS409"))


# -- b. a `Sửa:` replacing one phrase ----------------------------------------------------------------------

NT_TEXT = NINH_THUAN.read_text(encoding="utf-8")
# huyện Ninh Thuận 2023, indicator 3.3: the decision writes `Tỷ lệ <80` (the % is missing); the ruleset
# repeats the whole corrected text under `Sửa:`
NT_FULL_FIX = NT_TEXT[NT_TEXT.index("Sửa:\n    a=Số lượng hộ gia đình có kết nối Internet băng rộng cáp quang"):
                      NT_TEXT.index("Lý do sửa: thiếu dấu %: `Tỷ lệ <80`")]


def _ninh_thuan_with(fix: str):
    text = NT_TEXT.replace(NT_FULL_FIX, fix)
    assert text != NT_TEXT
    return parse_ruleset_text(text, "huyen-ninh-thuan-2023.cds")


@pytest.mark.parametrize("fix", [
    'Sửa: "Tỷ lệ <80" → "Tỷ lệ <80%"\n',
    'Sửa: "Tỷ lệ <80" -> "Tỷ lệ <80%"\n',
    'Sửa:\n    "- Tỷ lệ <80:" → "- Tỷ lệ <80%:"\n',
    'Sửa:  “<80:”  ->  “<80%:”\n',
])
def test_short_correction_of_ninh_thuan_3_3_behaves_like_the_whole_corrected_text(fix):
    whole = load_ruleset(NINH_THUAN)
    short = _ninh_thuan_with(fix)
    assert short.indicator("3.3").effective_formula == whole.indicator("3.3").effective_formula
    assert short.indicator("3.3").correction.reason == whole.indicator("3.3").correction.reason
    assert short.indicator("3.3").correction.replaced
    assert _findings(short, "3.3") == _findings(whole, "3.3")
    assert any(c == "CDS302" for c, _, _ in _findings(short, "3.3"))  # the slip, reported as corrected
    for a, b in ((79, 100), (80, 100), (45, 60), (0, 10)):
        values = {"3.3": {"a": a, "b": b}}
        assert _points(short, values) == _points(whole, values)
    assert _points(short, {"3.3": {"a": 79, "b": 100}})[0]["3.3"] == Decimal("7.90")


def test_short_correction_positions_point_at_the_original_lines():
    short = _ninh_thuan_with('Sửa: "Tỷ lệ <80" → "Tỷ lệ <80%"\n')
    jump = next(d for d in short.check() if d.item == "3.3" and d.code == "CDS409" and
                "đã sửa" not in d.message())
    line = jump.position[0]
    assert NT_TEXT.split("\n")[line - 1].strip() == "- Tỷ lệ <80: Điểm = Tỷ lệ * điểm tối đa"


@pytest.mark.parametrize("fix, code, marked", [
    ('Sửa: "Tỷ lệ < 80" → "Tỷ lệ <80%"\n', "CDS570", "Tỷ lệ < 80"),       # a space the original has not
    ('Sửa: "tỷ lệ <80" → "tỷ lệ <80%"\n', "CDS570", "tỷ lệ <80"),         # case differs
    ('Sửa: "80" → "80%"\n', "CDS571", "80"),                              # twice: lines 193 and 194
    ('Sửa: "Tỷ lệ" -> "Tỷ lệ %"\n', "CDS571", "Tỷ lệ"),
    ('Sửa: "8" -> "8"\n', "CDS571", "8"),
    ('Sửa: "<80" → "<"\n', "CDS572", '"<80" → "<"'),                      # the result does not read
])
def test_short_correction_errors_are_located_on_the_sua_line(fix, code, marked):
    with pytest.raises(RulesetError) as info:
        _ninh_thuan_with(fix)
    d = info.value.first
    assert d.code == code and d.item == "3.3"
    assert d.position[0] == 195  # the `Sửa:` line
    assert d.source.excerpt(d.span) == marked
    assert d.hint()
    if code == "CDS571":
        assert "lines" in d.arguments and "193" in d.arguments["lines"]


def test_short_correction_without_original_text_is_an_error():
    err = _error(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nSửa: \"a\" → \"b\"\n")
    assert err.code == "CDS573" and err.line == 5


def test_a_whole_correction_that_quotes_is_not_read_as_a_replacement():
    rs = parse_ruleset_text(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nCách tính:\n    - Có: 10 điểm\nSửa:\n"
                            '    - Có "Kế hoạch" -> "đã ban hành": 10 điểm\n    - Không: 0 điểm\n', "thu.cds")
    corr = rs.indicator("1.1").correction
    assert corr.replaced == () and corr.text.startswith('- Có "Kế hoạch"')


# -- c. HTML or LaTeX markup in names ------------------------------------------------------------------------

@pytest.mark.parametrize("written, name, removed", [
    ("<i>Thể chế số</i>", "Thể chế số", ["`<i>`", "`</i>`"]),
    ("<b>Hạ tầng số</b> và <br/> nền tảng", "Hạ tầng số và nền tảng", ["`<b>`", "`</b>`", "`<br/>`"]),
    ("An toàn &amp; an ninh mạng", "An toàn & an ninh mạng", ["`&amp;` → `&`"]),
    ("\\textbf{Chính quyền số}", "Chính quyền số", ["`\\textbf{Chính quyền số}` → `Chính quyền số`"]),
    ("Tỷ lệ hồ sơ $\\geq$ 4 sao", "Tỷ lệ hồ sơ ≥ 4 sao", ["`\\geq` → `≥`", "`$`"]),
    ("<span style=\"color:red\">Kinh tế số</span>&nbsp;", "Kinh tế số", ["`&nbsp;`"]),
])
def test_markup_in_indicator_and_section_names_is_removed_with_a_note(written, name, removed):
    rs = parse_ruleset_text(HEAD + f"Mục 1 | {written} | 10\nChỉ số 1.1 | {written} | 10\nCách tính: 10 điểm\n",
                            "thu.cds")
    assert rs.section("1").name == name
    assert rs.indicator("1.1").name == name
    notes = [d for d in rs.check() if d.code == "CDS574"]
    assert [d.position for d in notes] == [(3, 9), (4, 14)]
    for d in notes:
        assert d.severity.name == "INFO"
        assert d.source.excerpt(d.span) == written
        for r in removed:
            assert r in d.message() and r in d.message("en")


def test_markup_in_a_group_name_is_removed_too():
    rs = parse_ruleset_text(HEAD + "Mục 1 | A | 10\nChỉ số 1.1 | B | 10\nCách tính: 10 điểm\n"
                            "Lĩnh vực I | <em>Nông nghiệp</em> | 5\nChỉ số 1 | C | 5\nNhập điểm\n", "thu.cds")
    assert rs.group("I").name == "Nông nghiệp"


@pytest.mark.parametrize("plain", ["Tỷ lệ < 80% hồ sơ", "Thông tin & truyền thông", "Giá 5$ mỗi tháng",
                                   "Sở KH&CN", "a<b"])
def test_names_without_markup_stay_as_written_and_get_no_note(plain):
    rs = parse_ruleset_text(HEAD + f"Mục 1 | A | 10\nChỉ số 1.1 | {plain} | 10\nCách tính: 10 điểm\n", "thu.cds")
    if plain == "Giá 5$ mỗi tháng":  # a lone `$` is LaTeX's math sign to the formula cleaner: removed, said
        assert rs.indicator("1.1").name == "Giá 5 mỗi tháng"
        assert [d.code for d in rs.notes] == ["CDS574"]
        return
    assert rs.indicator("1.1").name == plain
    assert not [d for d in rs.notes if d.code == "CDS574"]


# -- d. a row split by a page break ------------------------------------------------------------------------

WHOLE_2_3 = (HEAD + "Mục 2 | Hạ tầng số | 20\n"
             "Chỉ số 2.3 | Tỷ lệ hộ gia đình có cáp quang | 10\nCách tính:\n"
             "    a = Số hộ có cáp quang;\n    b = Tổng số hộ;\n    - Tỷ lệ = a/b\n"
             "    - Tỷ lệ >= 80%: Điểm tối đa\n    - Tỷ lệ <80: Tỷ lệ * Điểm tối đa\n"
             "Nguồn dữ liệu: Phòng VHTT\n    Doanh nghiệp viễn thông\n"
             "Chỉ số 2.4 | Có Kế hoạch | 10\nCách tính:\n    - Có: Điểm tối đa\n    - Không: 0 điểm\n")


@pytest.mark.parametrize("split", [
    # the break after the rate line; the rest after a page-number comment
    ("Chỉ số 2.3 | Tỷ lệ hộ gia đình có cáp quang | 10\nCách tính:\n"
     "    a = Số hộ có cáp quang;\n    b = Tổng số hộ;\n    - Tỷ lệ = a/b\n"
     "# --- trang 7 ---\nTiếp theo chỉ số 2.3\nCách tính:\n"
     "    - Tỷ lệ >= 80%: Điểm tối đa\n    - Tỷ lệ <80: Tỷ lệ * Điểm tối đa\n"
     "Nguồn dữ liệu: Phòng VHTT\n    Doanh nghiệp viễn thông\n"),
    # both cells split: the formula and the data source, a tab-indented second half, `(tiếp)`
    ("Chỉ số 2.3 | Tỷ lệ hộ gia đình có cáp quang | 10\nCách tính:\n"
     "    a = Số hộ có cáp quang;\n    b = Tổng số hộ;\n    - Tỷ lệ = a/b\n    - Tỷ lệ >= 80%: Điểm tối đa\n"
     "Nguồn dữ liệu: Phòng VHTT\n\n(Tiếp) chỉ số 2.3\nCách tính:\n\t- Tỷ lệ <80: Tỷ lệ * Điểm tối đa\n"
     "Nguồn dữ liệu: Doanh nghiệp viễn thông\n"),
    # the first half on the key line, lower case marker, STT with a trailing dot
    ("Chỉ số 2.3 | Tỷ lệ hộ gia đình có cáp quang | 10\nCách tính: a = Số hộ có cáp quang;\n"
     "Nguồn dữ liệu: Phòng VHTT\ntiếp theo chỉ số 2.3.\nCách tính:\n    b = Tổng số hộ;\n    - Tỷ lệ = a/b\n"
     "    - Tỷ lệ >= 80%: Điểm tối đa\n    - Tỷ lệ <80: Tỷ lệ * Điểm tối đa\n"
     "Nguồn dữ liệu: Doanh nghiệp viễn thông\n"),
], ids=["formula", "formula-and-source", "inline-first-half"])
def test_a_row_split_by_a_page_break_scores_as_if_written_whole(split):
    whole = parse_ruleset_text(WHOLE_2_3, "thu.cds")
    start = WHOLE_2_3.index("Chỉ số 2.3")
    end = WHOLE_2_3.index("Chỉ số 2.4")
    text = WHOLE_2_3[:start] + split + WHOLE_2_3[end:]
    joined = parse_ruleset_text(text, "thu.cds")
    assert joined.indicator("2.3").data_source == whole.indicator("2.3").data_source
    assert [i.key for i in joined] == ["2.3", "2.4"]
    assert _findings(joined, "2.3") == _findings(whole, "2.3")
    for a, b in ((79, 100), (80, 100), (3, 4), (0, 5)):
        values = {"2.3": {"a": a, "b": b}, "2.4": {"lựa chọn": "Có"}}
        assert _points(joined, values) == _points(whole, values)
    # every finding points at the words it names, in the file
    lines = text.split("\n")
    for d in joined.check():
        if d.item == "2.3" and d.span is not None and d.source is not None:
            line, col = d.position
            assert lines[line - 1].replace("\t", " ")[col - 1:].startswith(
                d.source.excerpt(d.span).split("\n")[0].strip())


def test_continuation_of_an_unknown_indicator_is_located():
    err = _error(WHOLE_2_3 + "Tiếp theo chỉ số 2.9\nCách tính:\n    - Chưa: 0 điểm\n")
    assert [d.code for d in err.diagnostics] == ["CDS575"]
    assert err.line == WHOLE_2_3.count("\n") + 1 and err.first.item == "2.9"


def test_continuation_before_its_start_is_located():
    text = HEAD + "Mục 2 | A | 10\nTiếp theo chỉ số 2.1\nChỉ số 2.1 | B | 10\nCách tính: 10 điểm\n"
    err = _error(text)
    assert err.code == "CDS576" and err.line == 4
    assert err.first.arguments["line"] == 5


def test_continuation_after_another_indicator_is_located():
    err = _error(WHOLE_2_3 + "Tiếp theo chỉ số 2.3\nNguồn dữ liệu: Sở TTTT\n")
    assert err.code == "CDS577" and err.line == WHOLE_2_3.count("\n") + 1
    assert err.first.arguments["between"] == "chỉ số 2.4"
    assert "indicator 2.4 is in between" in err.first.message("en")


def test_continuation_after_a_section_heading_names_the_section():
    err = _error(HEAD + "Mục 2 | A | 10\nChỉ số 2.5 | B | 10\nCách tính: 10 điểm\nMục 3 | C | 10\n"
                 "Tiếp theo chỉ số 2.5\n")
    assert err.code == "CDS577" and err.line == 7
    assert err.message.endswith("nhưng mục 3 ở giữa")


def test_a_field_written_twice_without_a_continuation_is_still_an_error():
    err = _error(HEAD + "Mục 2 | A | 10\nChỉ số 2.1 | B | 10\nCách tính: 10 điểm\nCách tính: 5 điểm\n")
    assert err.code == "CDS505"


def test_several_replacements_apply_in_order_each_once():
    text = (HEAD + "Mục 1 | A | 20\nChỉ số 1.1 | Tỷ lệ hồ sơ trực tuyến | 20\nCách tính:\n"
            "    - Tỷ lệ ≥ 80: Điểm tối đa\n    - 50% ≤ Tỷ lệ < 80: 1/2 Điểm tối đa\n    - Tỷ lệ < 50%: 0 điểm\n")
    whole = parse_ruleset_text(text + "Sửa:\n    - Tỷ lệ ≥ 80%: Điểm tối đa\n"
                               "    - 50% ≤ Tỷ lệ < 80%: 1/2 Điểm tối đa\n    - Tỷ lệ < 50%: 0 điểm\n", "thu.cds")
    short = parse_ruleset_text(text + 'Sửa:\n    "≥ 80:" → "≥ 80%:"\n    "< 80:" -> "< 80%:"\n', "thu.cds")
    assert short.indicator("1.1").correction.text == whole.indicator("1.1").correction.text
    assert short.indicator("1.1").correction.replaced == (("≥ 80:", "≥ 80%:"), ("< 80:", "< 80%:"))
    assert _findings(short, "1.1") == _findings(whole, "1.1")
    for rate in ("0.3", "0.5", "0.79", "0.8"):
        assert _points(short, {"1.1": {"tỷ lệ": rate}}) == _points(whole, {"1.1": {"tỷ lệ": rate}})
    # each phrase is looked for in the text as the lines above left it: `80:` twice in the original (CDS571),
    # once after the first line, then never (CDS570 on the third line)
    assert _error(text + 'Sửa: "80:" → "80%:"\n').code == "CDS571"
    ok = parse_ruleset_text(text + 'Sửa:\n    "≥ 80:" → "≥ 80%:"\n    "80:" → "80%:"\n', "thu.cds")
    assert ok.indicator("1.1").correction.text == whole.indicator("1.1").correction.text
    err = _error(text + 'Sửa:\n    "≥ 80:" → "≥ 80%:"\n    "80:" → "80%:"\n    "80:" → "80%:"\n')
    assert err.code == "CDS570" and err.line == 12


# -- the transcribed huyện Ninh Thuận 2023 ruleset (the one whose 85 indicators carry scoring text) -----------

def _all_findings(rs) -> list[tuple]:
    out = []
    for d in rs.check():
        words = d.source.excerpt(d.span).strip() if d.source is not None and d.span is not None else ""
        out.append((d.item or "", d.code, d.message(), " ".join(words.split())))
    return sorted(out)


@pytest.mark.parametrize("every", [1, 2], ids=["all-tabs", "every-other-line-a-tab"])
def test_ninh_thuan_indented_with_tabs_reads_the_same(every):
    lines = NT_TEXT.split("\n")
    tabbed = "\n".join("\t" + l[4:] if l.startswith("    ") and n % every == 0 else l
                       for n, l in enumerate(lines))
    assert tabbed.count("\n\t") > 150
    a, b = load_ruleset(NINH_THUAN), parse_ruleset_text(tabbed, str(NINH_THUAN))
    assert _all_findings(a) == _all_findings(b)
    if every == 1:  # the same texts; mixed blocks keep 3 leading spaces on their 4-space lines
        assert [(i.key, i.formula_text, i.effective_formula, i.data_source) for i in a] == \
            [(i.key, i.formula_text, i.effective_formula, i.data_source) for i in b]
    values = {"1.3": {"a": 7, "b": 21}, "3.3": {"a": 79, "b": 100}, "1.5": {"lựa chọn": "Đã có"}}
    assert _points(a, values) == _points(b, values)


def test_ninh_thuan_with_every_scoring_text_split_by_a_page_break_reads_the_same():
    whole = load_ruleset(NINH_THUAN)
    breaks = {}  # file line after which the marker goes -> indicator id
    for ind in whole:
        src, n = ind.formula_source, (ind.formula_text or "").count("\n") + 1
        if src is not None and src.column_offset == 4 and n >= 2:
            breaks[src.line_offset + n // 2] = ind.id
    assert len(breaks) > 60
    out = []
    for no, line in enumerate(NT_TEXT.split("\n"), 1):
        out.append(line)
        if no in breaks:
            out += ["# --- ngắt trang ---", f"Tiếp theo chỉ số {breaks[no]}", "Cách tính:"]
    split = parse_ruleset_text("\n".join(out), str(NINH_THUAN))
    assert [i.key for i in split] == [i.key for i in whole]
    for a, b in zip(whole, split):
        assert [l for l in (b.formula_text or "").split("\n") if l] == \
            [l for l in (a.formula_text or "").split("\n") if l]
    assert _all_findings(split) == _all_findings(whole)
    values = {"1.3": {"a": 7, "b": 21}, "3.3": {"a": 79, "b": 100}, "1.5": {"lựa chọn": "Đã có"}}
    assert _points(split, values) == _points(whole, values)
