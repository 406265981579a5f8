"""Text damaged by copying a decision from Word/PDF (issue #12, item 12): words run together, doubled spaces,
subscripts flattened, keywords without their diacritics, one name spelled two ways.

The repairs are cdsdsl/text/repair.py's: a run of letters with two vowel groups (a Vietnamese word has
one) is split against the lexicon (the grammar's and the decision vocabulary's words, and the cell's own
one-syllable words) only when exactly one split exists, with the note CDS164; several splits that change
the formula are refused (CDS165).  A subscript also written flat gives CDS166, a keyword phrase without
diacritics CDS167.  The wordings are written for these tests, in the style of other provinces' decisions.
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from cdsdsl import FormulaSyntaxError, evaluate_formula, load_ruleset, parse_formula
from cdsdsl.text.normalize import normalize
from cdsdsl.text.repair import KEYWORDS, repair_words, segmentations

ROOT = Path(__file__).resolve().parents[1]
DECL = "a = Số hồ sơ giải quyết trực tuyến;\nb = Tổng số hồ sơ;\n"


def _codes(text: str) -> list[str]:
    return [d.code for d in parse_formula(text).diagnostics]


def _same_tree(damaged: str, clean: str) -> None:
    assert parse_formula(damaged) == parse_formula(clean)


@pytest.mark.parametrize(("damaged", "clean", "written"), [
    # the points of a case run together
    (DECL + "Tỷ lệ = a/b\n- Tỷ lệ >= 80%: Điểmtốiđa\n- Tỷ lệ < 80%: 0 điểm",
     DECL + "Tỷ lệ = a/b\n- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: 0 điểm", "Điểmtốiđa"),
    # the subject of a condition run together, and the comparison glued to it
    (DECL + "Tỷlệ = a/b\n- Tỷlệ>=80%: Điểm tối đa\n- Tỷ lệ < 80%: 0 điểm",
     DECL + "Tỷ lệ = a/b\n- Tỷ lệ>=80%: Điểm tối đa\n- Tỷ lệ < 80%: 0 điểm", "Tỷlệ"),
    # an option label run together: split with the words the cell writes elsewhere
    ("- Đã có Ban Chỉ đạo: 10 điểm\n- ChưacóBanChỉđạo: 0 điểm",
     "- Đã có Ban Chỉ đạo: 10 điểm\n- Chưa có Ban Chỉ đạo: 0 điểm", "ChưacóBanChỉđạo"),
    # a cap run together
    ("- Mỗi sáng kiến được công nhận: 2 điểm\n- Tổngđiểmkhôngquá 10 điểm",
     "- Mỗi sáng kiến được công nhận: 2 điểm\n- Tổng điểm không quá 10 điểm", "Tổngđiểmkhôngquá"),
    # inside an expression
    (DECL + "Điểm = a/b *Điểmtốiđa", DECL + "Điểm = a/b *Điểm tối đa", "Điểmtốiđa"),
])
def test_words_run_together_are_split_when_only_one_split_exists(damaged, clean, written):
    _same_tree(damaged, clean)
    f = parse_formula(damaged)
    notes = [d for d in f.diagnostics if d.code == "CDS164"]
    assert notes and damaged[notes[0].span.start:notes[0].span.end] == written
    assert notes[0].severity.value == "info" and written in notes[0].message("en")


def test_a_flattened_subscript_is_split_at_the_capitals():
    # Điểm_KNWAN flattened to ĐiểmKNWAN: the name, not `Điểm` (which would read `Điểm = Điểm`)
    f = parse_formula("Điểm_KNWAN = Tỷ lệ * 10\nĐiểm = ĐiểmKNWAN")
    assert f == parse_formula("Điểm KNWAN = Tỷ lệ * 10\nĐiểm = Điểm KNWAN")
    assign = list(f.statements)[-1]
    assert assign.value.name == "Điểm knwan" and assign.value != assign.target
    assert "CDS164" in _codes("Điểm_KNWAN = Tỷ lệ * 10\nĐiểm = ĐiểmKNWAN")


def test_damaged_cells_score_as_the_clean_ones():
    damaged = DECL + "Tỷlệ = a/b\n- Tỷlệ>=80%: Điểmtốiđa\n- Tỷ lệ <  80%:  Tỷ lệ/80%*Điểm tối da"
    assert evaluate_formula(damaged, 10, {"a": 90, "b": 100}) == Decimal(10)
    assert evaluate_formula(damaged, 10, {"a": 60, "b": 100}) == Decimal("7.5")


@pytest.mark.parametrize(("text", "written"), [
    ("- Có kế hoạch kết nối: 10 điểm\n- Kếthành phần: 5 điểm", "Kếthành"),  # kế thành / kết hành
    ("- Đã ban hành kế hoạch: 10 điểm\n- Chưa kếthành: 0 điểm", "kếthành"),
])
def test_words_run_together_that_split_two_ways_are_refused_showing_both(text, written):
    with pytest.raises(FormulaSyntaxError) as info:
        parse_formula(text)
    err = info.value
    assert err.code == "CDS165"
    assert text[err.first.span.start:err.first.span.end] == written
    assert "thành" in err.message and "hành" in err.message and err.hint


@pytest.mark.parametrize("text", [
    # foreign words and acronyms: no split into the lexicon exists, they stay as written
    "a = Số doanh nghiệp dùng Postmart, Internet, website, botnet, SMEdx, IPv6;\nb = Tổng số;\n"
    "Điểm = a/b*Điểm tối đa",
    "- Có kết nối Viettel Post và VNPost: Điểm tối đa\n- Không: 0 điểm",
])
def test_foreign_words_and_acronyms_are_not_split(text):
    assert not {"CDS164", "CDS165"} & set(_codes(text))
    _, repairs = repair_words(normalize(text))
    assert repairs == ()


def _cells() -> list[str]:
    texts = [json.loads(row)["formula"] for row in
             (ROOT / "tests" / "data" / "seed-formulas.jsonl").read_text(encoding="utf-8").splitlines()]
    for path in sorted((ROOT / "rulesets").glob("*.cds")):
        texts.extend(ind.formula_text for ind in load_ruleset(path).indicators if ind.formula_text)
    return texts


def test_no_real_cell_is_repaired():
    """The seed decisions and the shipped rulesets are clean text: nothing in them is split or rewritten."""
    for text in _cells():
        norm = normalize(text)
        repaired, repairs = repair_words(norm)
        assert repairs == () and repaired.text == norm.text, text[:80]


def test_a_split_needs_every_piece_in_the_lexicon_and_counts_the_ways():
    lexicon = KEYWORDS | {"ban", "chỉ", "đạo"}
    assert segmentations("Điểmtốiđa", lexicon) == [["Điểm", "tối", "đa"]]
    assert len(segmentations("kếthành", lexicon)) == 2
    assert segmentations("Postmart", lexicon) == []
    assert segmentations("ĐiểmKNWAN", lexicon) == [["Điểm", "KNWAN"]]  # an acronym after a lower-case letter


@pytest.mark.parametrize(("damaged", "clean"), [
    ("- Đã ban hành: Diem toi da\n- Chưa ban hành: 0 điểm", "- Đã ban hành: Điểm tối đa\n- Chưa ban hành: 0 điểm"),
    (DECL + "Điểm = a/b * Điểm tối da", DECL + "Điểm = a/b * Điểm tối đa"),
    ("- Tỷ lệ từ 80% tro len: 10 điểm\n- Tỷ lệ dưới 80%: 0 điểm",
     "- Tỷ lệ từ 80% trở lên: 10 điểm\n- Tỷ lệ dưới 80%: 0 điểm"),
    ("- Mỗi sáng kiến: 2 điểm\n- Tổng điểm khong qua 10 điểm", "- Mỗi sáng kiến: 2 điểm\n- Tổng điểm không quá 10 điểm"),
])
def test_a_keyword_phrase_without_diacritics_is_read_with_a_note(damaged, clean):
    _same_tree(damaged, clean)
    assert "CDS167" in _codes(damaged)


def test_a_subscript_written_two_ways_is_one_name():
    text = "Điểm = Tỷ lệ₁ * 5 + Tỷ lệ1 * 5"
    f = parse_formula(text)
    value = list(f.statements)[0].value
    assert value.left.left == value.right.left  # the same name
    assert "CDS166" in _codes(text)
    # written one way only, the subscript is no repair to report
    assert "CDS166" not in _codes("Điểm = Tỷ lệ₁ * 10")


@pytest.mark.parametrize("variant", [
    "Tỉ lệ = a/b\n- Tỷ Lệ >= 80%: Điểm tối đa\n- TỶ LỆ < 80%: 0 điểm",
    "Tỷ  lệ  =  a / b\n- Tỷ lệ  >=  80%:  Điểm  tối  đa\n- Tỷ lệ < 80%:   0 điểm",  # doubled spaces
    "Tỷ lệ = a/b\n- Tỉ lệ >= 80%: Điểm tối đa\n- tỷ lệ < 80%: 0 điểm",
])
def test_one_name_spelled_several_ways_is_one_name(variant):
    clean = "Tỷ lệ = a/b\n- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: 0 điểm"
    _same_tree(variant, clean)
    assert evaluate_formula(DECL + variant, 10, {"a": 85, "b": 100}) == Decimal(10)


def test_the_span_of_a_repair_points_at_the_words_pasted():
    text = "- Tỷ lệ >= 80%: Điểm<b>tốiđa</b>\n- Tỷ lệ < 80%: 0 điểm"
    f = parse_formula(text)
    note = next(d for d in f.diagnostics if d.code == "CDS164")
    assert text[note.span.start:note.span.end] == "Điểm<b>tốiđa"


def test_an_underscore_inside_an_option_label_or_a_description_is_kept():
    """`Điểm_KNWAN` is a name and its index (read `Điểm KNWAN`); `cds_units` inside a label is the author's own text
    (found by tests/test_sql_injection.py: the label changed, so the unit's chosen text no longer matched)."""
    f = parse_formula("- Trưởng ban là Bí thư (mã hs_01): Điểm tối đa\n- Khác: 0 điểm")
    (cases,) = [st for st in f.statements if type(st).__name__ == "Cases"]
    assert cases.cases[0].condition.label == "Trưởng ban là Bí thư (mã hs_01)"
    assert "CDS166" not in _codes("- Trưởng ban là Bí thư (mã hs_01): Điểm tối đa\n- Khác: 0 điểm")
