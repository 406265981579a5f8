"""Lines broken in the middle of a phrase by copying a decision's table from Word/PDF (issue #12, item 4).

The reader (cdsdsl/syntax/lines.py with joins.py) rejoins a line broken inside parentheses, in the middle
of a condition, between a number and its unit, in the middle of a name or after an operator.  A join of a
line that could also have been a statement of its own (a bullet, `Dưới 80%: …`, `Điểm tối đa`) says which
reading it took (CDS161 inside parentheses, CDS163 otherwise); a bullet line with its own points inside a
parenthesis left open reads two ways and is refused (CDS162).

The property tests break every real cell of tests/data/seed-formulas.jsonl and of the rulesets in
rulesets/ at each space of a kind and compare the tree with the unbroken text's.  The wordings below are
written for these tests, in the style of other provinces' decisions.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from cdsdsl import FormulaSyntaxError, evaluate_formula, load_ruleset, parse_formula, print_formula
from cdsdsl.syntax.lines import paren_depth

ROOT = Path(__file__).resolve().parents[1]


def _cells() -> list[tuple[str, str]]:
    """(where, text) of every formula cell of the seed decisions and of the shipped rulesets, once each."""
    found: dict[str, str] = {}
    for row in (ROOT / "tests" / "data" / "seed-formulas.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(row)
        found.setdefault(rec["formula"], f"{rec['source']} {rec['id']}")
    for path in sorted((ROOT / "rulesets").glob("*.cds")):
        for ind in load_ruleset(path).indicators:
            if ind.formula_text:
                found.setdefault(ind.formula_text, f"{path.stem} {ind.id}")
    return [(where, text) for text, where in found.items()]


CELLS = _cells()


def _key(text: str) -> list[str]:
    """The tree of ``text`` printed, one statement a line, spacing folded inside each (a description
    keeps its words, not its line breaks: one left inside a description shows as an extra line)."""
    return [" ".join(line.split()) for line in print_formula(parse_formula(text)).split("\n")]


def _readable() -> list[tuple[str, str, str]]:
    out = []
    for where, text in CELLS:
        try:
            out.append((where, text, _key(text)))
        except FormulaSyntaxError:
            continue
    return out


READABLE = _readable()


def _in_parens(text: str, i: int) -> bool:
    return paren_depth(text)(i) > 0


def _number_unit(text: str, i: int) -> bool:
    return re.search(r"\d$", text[:i]) is not None and re.match(r" (?:điểm|%)", text[i:], re.I) is not None


def _after_operator(text: str, i: int) -> bool:
    return i > 0 and (text[i - 1] in "*/+=<>" or text[i + 1:i + 2] in ("*", "/", "+"))


def _in_condition(text: str, i: int) -> bool:
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    line = text[start:len(text) if end < 0 else end]
    colon = line.find(":")
    return (colon > 0 and 2 < i - start < colon
            and re.search(r"[<>≥≤]|từ|dưới|trên|đến", line[:colon], re.I) is not None)


def _in_description(text: str, i: int) -> bool:
    start = text.rfind("\n", 0, i) + 1
    return (re.match(r"[a-zA-Z]\s*=\s*\S", text[start:]) is not None and text.find("=", start) < i - 1
            and paren_depth(text)(i) == 0)


@pytest.mark.parametrize("where_broken", [_in_parens, _number_unit, _after_operator, _in_condition,
                                          _in_description],
                         ids=["inside parentheses", "between a number and its unit", "after an operator",
                              "inside a condition", "inside a declared name"])
def test_breaking_a_real_cell_never_changes_its_meaning(where_broken):
    """Every seed/ruleset cell, broken at every space of one kind: the same tree as unbroken, and the
    join is reported (CDS152, CDS161 or CDS163) on the line that was joined."""
    tried = 0
    for where, text, key in READABLE:
        for m in re.finditer(" ", text):
            i = m.start()
            if not where_broken(text, i):
                continue
            tried += 1
            broken = text[:i] + "\n" + text[i + 1:]
            assert _key(broken) == key, (where, text[max(0, i - 40):i + 40])
            if re.search(r"(?:^|\n)\s*[-+]$", text[:i]):
                continue  # a bullet left alone on its line is the next line's bullet: nothing joined
            codes = {d.code for d in parse_formula(broken).diagnostics}
            assert codes & {"CDS152", "CDS161", "CDS163"}, (where, text[max(0, i - 40):i + 40])
    assert tried > 20  # the corpus holds such spaces: the test is not empty


# ------------------------------------------------------------------ wordings written for the test

@pytest.mark.parametrize(("broken", "whole"), [
    # huyện Ninh Thuận 2023 chỉ số 6.9 broken inside parentheses
    ("a = Tổng số hồ sơ giải quyết DVC (gồm cả\n4 mức độ) trong năm;\nb = Tổng số hồ sơ trực tuyến;\n"
     "Tỷ lệ = b/a\nĐiểm = Tỷ lệ*Điểm tối đa",
     "a = Tổng số hồ sơ giải quyết DVC (gồm cả 4 mức độ) trong năm;\nb = Tổng số hồ sơ trực tuyến;\n"
     "Tỷ lệ = b/a\nĐiểm = Tỷ lệ*Điểm tối đa"),
    # a list inside parentheses over three lines, with `;` and bullets inside
    ("a = Số hồ sơ (bao gồm:\n- hồ sơ trực tuyến;\n- hồ sơ trực tiếp);\nb = Tổng số hồ sơ;\nTỷ lệ = a/b\n"
     "- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: 0 điểm",
     "a = Số hồ sơ (bao gồm: - hồ sơ trực tuyến; - hồ sơ trực tiếp);\nb = Tổng số hồ sơ;\nTỷ lệ = a/b\n"
     "- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: 0 điểm"),
    # a ratio cell whose description breaks before `mỗi` inside parentheses: still a ratio, no per-item rule
    ("a = Số sáng kiến được công nhận (mỗi\nsáng kiến tính một lần);\nb = Tổng số sáng kiến;\nTỷ lệ = a/b;\n"
     "Điểm = Tỷ lệ * Điểm tối đa",
     "a = Số sáng kiến được công nhận (mỗi sáng kiến tính một lần);\nb = Tổng số sáng kiến;\nTỷ lệ = a/b;\n"
     "Điểm = Tỷ lệ * Điểm tối đa"),
    # a break before `Từ` inside parentheses: not a new range
    ("a = Số văn bản điện tử (Từ\nngày 01/01 đến hết năm);\nb = Tổng số văn bản;\nĐiểm = a/b*Điểm tối đa",
     "a = Số văn bản điện tử (Từ ngày 01/01 đến hết năm);\nb = Tổng số văn bản;\nĐiểm = a/b*Điểm tối đa"),
])
def test_a_line_broken_inside_parentheses_reads_as_the_whole_line(broken, whole):
    assert _key(broken) == _key(whole)


@pytest.mark.parametrize(("broken", "whole"), [
    ("- Tỷ lệ từ 50% đến\ndưới 80%: 5 điểm\n- Tỷ lệ >= 80%: 10 điểm\n- Tỷ lệ < 50%: 0 điểm",
     "- Tỷ lệ từ 50% đến dưới 80%: 5 điểm\n- Tỷ lệ >= 80%: 10 điểm\n- Tỷ lệ < 50%: 0 điểm"),
    ("- Tỷ lệ\n≥ 80%: Điểm tối đa\n- Tỷ lệ <\n80%: 0 điểm",
     "- Tỷ lệ ≥ 80%: Điểm tối đa\n- Tỷ lệ < 80%: 0 điểm"),
    ("- Tỷ lệ >= 80%:\nĐiểm tối đa;\n- Tỷ lệ < 80%:\nTỷ lệ/80%*Điểm tối đa",
     "- Tỷ lệ >= 80%: Điểm tối đa;\n- Tỷ lệ < 80%: Tỷ lệ/80%*Điểm tối đa"),
    ("Mức 1:\n≥ 2,5% mục 5.12.1: 100% điểm phần này.\nMức 2 ≥ 1%\n(50% điểm)",
     "Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này.\nMức 2 ≥ 1% (50% điểm)"),
])
def test_a_condition_broken_in_the_middle_is_joined(broken, whole):
    assert _key(broken) == _key(whole)


@pytest.mark.parametrize(("broken", "whole", "inputs", "points"), [
    ("a = Số lượng hồ sơ (bao gồm cả hồ\nsơ trực tuyến);\nb = Tổng số hồ sơ;\nTỷ lệ = a /\nb\n"
     "- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ từ 50% đến\ndưới 80%: 5 điểm\n- Tỷ lệ < 50%: 0 điểm",
     None, {"a": 60, "b": 100}, Decimal(5)),
    ("a = Tổng số thủ tục\nhành chính;\nb = Số thủ tục\nđã số hóa;\nTỷ lệ = b/a\nĐiểm = Tỷ lệ *\nĐiểm tối đa",
     None, {"a": 40, "b": 30}, Decimal("7.5")),
    ("a = Số cuộc họp trực tuyến\ncủa UBND huyện;\nb = Tổng số cuộc họp;\nTỷ lệ = a/b\n"
     "- Tỷ lệ >= 70%: 10\nđiểm\n- Tỷ lệ < 70%: 0\nđiểm", None, {"a": 7, "b": 10}, Decimal(10)),
    ("a = Số hộ gia đình có kết nối\nInternet cáp quang;\nb = Tổng số hộ gia đình\ncủa cấp huyện;\n"
     "Tỷ lệ = a/b\n- Tỷ lệ >= 80%:\nĐiểm tối đa\n- Tỷ lệ < 80%:\nTỷ lệ/80%*Điểm tối đa",
     None, {"a": 30, "b": 50}, Decimal("7.5")),
])
def test_broken_cells_score_as_the_decision_means(broken, whole, inputs, points):
    assert evaluate_formula(broken, 10, inputs) == points


@pytest.mark.parametrize(("text", "code", "line"), [
    # the bullet `- CNTT)` inside the parenthesis: a continuation, said so
    ("a = Số doanh nghiệp công nghệ số (gồm doanh nghiệp viễn thông\n- CNTT);\nb = Tổng số doanh nghiệp;\n"
     "Điểm = a/b*Điểm tối đa", "CDS161", "- CNTT)"),
    ("a = Số hồ sơ (kể cả hồ sơ\nMức độ 4 nộp qua Cổng DVC);\nb = Tổng số hồ sơ;\nĐiểm = a/b*Điểm tối đa",
     "CDS161", "Mức độ 4 nộp qua Cổng DVC)"),
    # `Dưới 80%: …` could be a case of its own (implicit subject): the join is said
    ("- Tỷ lệ từ 50% đến\nDưới 80%: 5 điểm\n- Tỷ lệ >= 80%: 10 điểm", "CDS163", "Dưới 80%: 5 điểm"),
    ("- Đã ban hành kế hoạch:\nĐiểm tối đa;\n- Chưa ban hành: 0 điểm", "CDS163", "Điểm tối đa"),
    ("- Mỗi sáng kiến được 2\nĐiểm, tối đa 10 điểm", "CDS163", "Điểm, tối đa 10 điểm"),
])
def test_a_join_that_could_change_the_meaning_says_which_reading_it_took(text, code, line):
    f = parse_formula(text)
    found = [d for d in f.diagnostics if d.code == code]
    assert found, [d.code for d in f.diagnostics]
    assert text[found[0].span.start:found[0].span.end] == line
    assert found[0].severity.value == "warning"


@pytest.mark.parametrize(("text", "line"), [
    ("a = Số hồ sơ (tính cả hồ sơ\n- Tỷ lệ >= 80%: 10 điểm)", "- Tỷ lệ >= 80%: 10 điểm)"),
    ("a = Số văn bản (gồm\nb = Tổng số văn bản)\nTỷ lệ = a/b", "b = Tổng số văn bản)"),
    ("Điểm = Tỷ lệ * Điểm tối đa (áp dụng khi\n- Đã ban hành: 10 điểm\n- Chưa ban hành: 0 điểm)",
     "- Đã ban hành: 10 điểm"),
])
def test_a_line_with_its_own_points_inside_an_open_parenthesis_is_refused_with_both_readings(text, line):
    with pytest.raises(FormulaSyntaxError) as info:
        parse_formula(text)
    err = info.value
    assert err.code == "CDS162"
    assert text[err.first.span.start:err.first.span.end] == line
    assert "(1)" in err.message and "(2)" in err.message
    assert "(1)" in err.first.message("en") and err.first.hint("en")


@pytest.mark.parametrize("text", [
    # a `(` never closed is a stray: the statements after it stay statements
    "a = Số hồ sơ (trực tuyến;\nb = Tổng số hồ sơ;\nTỷ lệ = a/b\n- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: 0 điểm",
    # a finished case before a new bullet is not joined
    "- Tỷ lệ >= 80%: 10 điểm\n- Tỷ lệ từ 50% đến dưới 80%: 5 điểm",
    # a heading's colon waits for its lines, it is not a condition waiting for points
    "Điểm:\n+ Tỷ lệ >= 80%: Điểm tối đa\n+ Tỷ lệ < 80%: 0 điểm",
])
def test_lines_that_do_not_continue_stay_apart(text):
    f = parse_formula(text)
    assert not {d.code for d in f.diagnostics} & {"CDS152", "CDS161", "CDS163"}


def test_a_bullet_alone_on_its_line_is_the_bullet_of_the_next():
    broken = "a = Số văn bản;\nb = Tổng số;\n-\nTỷ lệ = a/b\n-\nĐiểm = Tỷ lệ*Điểm tối đa"
    assert _key(broken) == _key("a = Số văn bản;\nb = Tổng số;\n- Tỷ lệ = a/b\n- Điểm = Tỷ lệ*Điểm tối đa")


@pytest.mark.parametrize(("text", "line"), [
    # a condition cut after `đến`, its end on a new bullet: neither one line nor two can be trusted
    ("- Tỷ lệ >= 80%: 10 điểm\n- Tỷ lệ từ 50% đến\n- dưới 80%: 5 điểm\n- Tỷ lệ < 50%: 0 điểm", "Tỷ lệ từ 50% đến"),
    # an option cut after `và`: read alone it would be a note and its points would go to the next option
    ("- Đã có kế hoạch và\n- Đã ban hành: 10 điểm\n- Chưa có: 0 điểm", "Đã có kế hoạch và"),
    ("+ Tỷ lệ hồ sơ của\n+ Tỷ lệ >= 90%: Điểm tối đa", "Tỷ lệ hồ sơ của"),
])
def test_an_unfinished_line_before_a_new_bullet_is_refused(text, line):
    with pytest.raises(FormulaSyntaxError) as info:
        parse_formula(text)
    err = info.value
    assert err.code == "CDS168"
    assert text[err.first.span.start:err.first.span.end] == line
    assert err.first.hint("en") and "`" in err.first.message("en")
