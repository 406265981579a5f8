"""cdsdsl/first_chars.py: the characters that can begin a match of each terminal
of grammar/formula.lark -- never too few (the lexer would miss a token)."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cdsdsl.syntax.first_chars import FirstChars
from cdsdsl.syntax.parser import lark_parser

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "seed-formulas.jsonl"


def test_points_terminal_of_huyen_ninh_thuan_2023_starts_with_so_or_diem_in_any_case():
    first = FirstChars(r"(?i:(số[ ])?điểm)")
    assert all(first.may_start(c) for c in "sSđĐ")
    assert first.may_start("ſ")  # `re` folds the long s to s under IGNORECASE
    assert not any(first.may_start(c) for c in "a1 %(x")


def test_classes_negations_repeats_and_lookarounds():
    assert FirstChars(r"\d+(\.\d+)?[ ]?%").may_start("7") and not FirstChars(r"\d+%").may_start("%")
    assert FirstChars(r"[^\W\d_]+").may_start("ố") and not FirstChars(r"[^\W\d_]+").may_start("_")
    assert FirstChars(r"(?<=a)b|c").may_start("b") and FirstChars(r"(?<=a)b|c").may_start("c")
    assert not FirstChars(r"(?<=a)b|c").may_start("a")
    assert FirstChars(r"x*y").may_start("y") and FirstChars(r"x*y").may_start("x")
    assert not FirstChars(r"x*y").may_start("z")
    assert FirstChars(r"a?").may_start("z")  # matches the empty string: anything may follow
    assert FirstChars(r"(a)?\1b").may_start("q")  # a back reference: not analysed, so anything
    assert not FirstChars(r"(a)\1").may_start("q")  # ... unless a character comes before it


def _terminals():
    lexer = lark_parser().parser.lexer.root_lexer
    flags = lexer.g_regex_flags
    return [(t.name, re.compile(t.pattern.to_regexp(), flags), FirstChars(t.pattern.to_regexp(), flags))
            for t in lexer.scanner.terminals]


TERMINALS = _terminals()
CELLS = [json.loads(line)["formula"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _check(text: str) -> int:
    matched = 0
    for pos in range(len(text)):
        for name, rx, first in TERMINALS:
            if rx.match(text, pos) is not None:
                matched += 1
                assert first.may_start(text[pos]), (name, text[pos:pos + 20])
    return matched


def test_every_terminal_match_in_the_seed_decision_starts_with_an_allowed_character():
    assert sum(_check(cell) for cell in CELLS) > 10_000


_ODD = "ſKİıẞß" + "ĐđƠơƯư" + "ÀÁẢÃẠàáảãạ" + "≥≤×%.,:;()+-*/=<>" + "0123456789 \n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_ODD) + list("abcdhmnorstuvxyzĐIKSTMC")), max_size=25))
def test_generated_text_with_case_folding_letters(text):
    _check(text)


def test_mutated_cells():
    rnd = random.Random(11)
    for _ in range(200):
        cell = rnd.choice(CELLS)
        i = rnd.randrange(len(cell))
        _check(cell[max(0, i - 30):i] + rnd.choice(_ODD) + cell[i:i + 30].upper())
