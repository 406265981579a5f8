"""cdsdsl/text/fold.py: the one text-folding helper the readers match with (options, keys, headers,
identifiers), checked against the definitions the readers had each written before it."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cdsdsl.text.fold import fold_case, strip_diacritics

REPO = Path(__file__).resolve().parents[1]


def _spelled_out_fold_case(text: str, ti_as_ty: bool) -> str:
    t = unicodedata.normalize("NFC", text).casefold().strip()
    if ti_as_ty:
        t = re.sub(r"\btỉ\b", "tỷ", t)
    return re.sub(r"\s+", " ", t)


def _spelled_out_strip(text: str) -> str:
    t = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in t if not unicodedata.combining(c))


def test_case_spacing_and_composition():
    decomposed = unicodedata.normalize("NFD", "Tỷ Lệ")
    assert fold_case(f"  {decomposed}\n\t ĐẠT\u00a0 ") == "tỷ lệ đạt" == fold_case("tỷ lệ đạt")
    assert fold_case("Tỉ lệ") == "tỉ lệ" and fold_case("Tỉ lệ", ti_as_ty=True) == "tỷ lệ"
    assert fold_case("Tỉnh", ti_as_ty=True) == "tỉnh"  # a word, not a syllable inside one
    assert fold_case("Straße") == "strasse"  # str.casefold, not str.lower


def test_diacritics_and_d_bar():
    assert strip_diacritics("Tỷ lệ Đạt đủ") == "Ty le Dat du"
    assert strip_diacritics(unicodedata.normalize("NFD", "Số điểm")) == "So diem"
    assert strip_diacritics("a  b\n") == "a  b\n"  # spacing and case as they are


def _words() -> set[str]:
    words: set[str] = set()
    for path in sorted((REPO / "rulesets").glob("*.cds")) + sorted((REPO / "rulesets").glob("*.csv")):
        text = path.read_text(encoding="utf-8")
        words.update(text.split())
        words.update(text.splitlines())
    for line in (REPO / "tests" / "data" / "seed-formulas.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            formula = json.loads(line)["formula"]
            words.update(formula.split())
            words.update(formula.splitlines())
    return words


def test_every_word_and_line_of_the_rulesets_and_the_seed_decision_folds_as_spelled_out():
    words = _words()
    assert len(words) > 1000
    for word in words:
        for ti_as_ty in (False, True):
            assert fold_case(word, ti_as_ty=ti_as_ty) == _spelled_out_fold_case(word, ti_as_ty), word
        assert strip_diacritics(word) == _spelled_out_strip(word), word


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aAdDđĐiItTỉỈỷỶ\u0300\u0301\u0303\u0309\u0323 \t\n\u00a0\u2003.,ßſİK")),
               max_size=20))
def test_generated_text_folds_as_spelled_out(text):
    for ti_as_ty in (False, True):
        assert fold_case(text, ti_as_ty=ti_as_ty) == _spelled_out_fold_case(text, ti_as_ty)
    assert strip_diacritics(text) == _spelled_out_strip(text)


def test_the_runtime_core_keeps_its_own_copy_folding_the_same_way():
    # runtime.fold is copied verbatim into compiled modules that run without cdsdsl
    # (codegen.module_source), so it cannot call fold_case; it must fold as fold_case does
    from cdsdsl.evaluate.runtime import fold

    punctuation = " \t\r\n.,;:!?-+*•–—()[]\"'“”"
    for word in sorted(_words()) + ["  (Có)\u00a0", "—ĐẠT—", "Tỉ  lệ ."]:
        assert fold(word) == fold_case(word).strip(punctuation), word
