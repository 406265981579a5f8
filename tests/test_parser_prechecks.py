"""The parser skips a pattern when a plain test shows it cannot match (cdsdsl/syntax/lines.py,
cdsdsl/normalize.py).  Those tests must never skip a match: here is why they hold."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cdsdsl.syntax.lines as P

# every character, once (to ask `re` which characters it folds to a letter)
_ALL = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


@pytest.mark.parametrize("word", ["đơn", "đồng", "vnđ", "pháp", "max"])
def test_lower_case_test_sees_every_case_re_folds_together(word):
    # `"đồng" in text.lower()` stands for `re.search("đồng", text, re.I)`: it does, when every
    # character that re.I matches to a letter of the word lowers (str.lower) to that letter
    for letter in set(word):
        folded = set(re.findall(re.escape(letter), _ALL, re.I))
        assert {ch.lower() for ch in folded} == {letter}, (letter, folded)


def test_the_test_would_be_wrong_for_i():
    # ... which is not true of every letter: re.I folds `İ` and `ı` to `i`, str.lower does not
    folded = set(re.findall("i", _ALL, re.I))
    assert {ch.lower() for ch in folded} != {"i"}


_SPACE_RUN_PATTERNS = ["_CUT_BARE_COMPARE", "_CUT_BARE_PUNCT", "_CUT_BARE_WORDS", "_CUT_LEVEL", "_CUT_BULLET"]


def _lookbehind_form(name: str) -> "re.Pattern[str]":
    """`(?<=\\S)\\s+(?=X)` for the module's `\\s\\s*(?=X)`."""
    fast = getattr(P, name)
    assert fast.pattern.startswith(r"\s\s*(?=")
    return re.compile(r"(?<=\S)\s+" + fast.pattern[len(r"\s\s*"):], fast.flags)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "\n", "\t", "a", "b.", "B", "Tỷ lệ", "=", "==", ">", "-", "+", "mức 1",
                                 ":", "điểm", "ghi chú", "1", "x", "Đơn vị", "triệu", "Danh", "mục"]), max_size=12).map("".join))
def test_space_runs_on_generated_chunks(chunk):
    for name in _SPACE_RUN_PATTERNS:
        slow = _lookbehind_form(name)
        assert P._space_runs(getattr(P, name), chunk) == [m.span() for m in slow.finditer(chunk)], name


@pytest.mark.parametrize("chunk", [
    "  Tỷ lệ = a/b",          # a run at the very start is not a cut
    "Số văn bản Tỷ lệ = a/b",  # a run after a word is
    "a = 1;  b = 2",
    "x\n\t Mức 1: 5 điểm",
    "Có ban hành   - Chưa ban hành: 0 điểm",
])
def test_space_runs_are_those_of_the_lookbehind_patterns(chunk):
    for name in _SPACE_RUN_PATTERNS:
        slow = _lookbehind_form(name)
        assert P._space_runs(getattr(P, name), chunk) == [m.span() for m in slow.finditer(chunk)], name
    assert P._space_runs(P._CUT_BARE_COMPARE, "Số văn bản Tỷ lệ = a/b") == [(10, 11)]
