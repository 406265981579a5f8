"""Whatever text is pasted, checking and scoring it end in results or `CdsError`s — never another exception.

Hypothesis mutates the seed cells (insertions of formula words, cuts, shuffled lines) and builds texts from
formula words; `check_formula` and `evaluate_formula` must return or raise a `CdsError`.
"""
from __future__ import annotations

from conftest import load_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cdsdsl
from cdsdsl.diagnostics.core import CdsError

CELLS = [c["formula"] for c in load_corpus()]
WORDS = ["Tỷ lệ", ">=", "<", "=", ":", "80%", "Điểm tối đa", "điểm", "a", "b", "/", "*", "(", ")", "Từ", "đến",
         "dưới", "trở lên", "Mức 1", "Nếu", "thì", "x", "10đ", "0 điểm", "-", "+", "\n", "; ", "Trong đó:", "là",
         "cao nhất", "mục 5.12.1", "Cộng điểm từ 1.1 đến 1.2", "Mỗi", "tối đa không quá", "bằng", "nhân", "(5 điểm)"]
INPUTS = {"a": 1, "b": 2, "x": 3, "lựa chọn": 1, "số lượng": 2, "tỷ lệ": "50%", "mục 5.12.1": 100}


@st.composite
def texts(draw):
    kind = draw(st.integers(0, 3))
    if kind == 3:
        return " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)))
    text = draw(st.sampled_from(CELLS))
    if kind == 0:
        lines = text.split("\n")
        return "\n".join(draw(st.permutations(lines)))
    if kind == 1:
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(WORDS)) + text[at:]
        return text
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text[:start] + text[end:]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts())
def test_check_and_evaluate_only_raise_cds_errors(text):
    for d in cdsdsl.check_formula(text, 10):
        assert d.message() and d.hint() is not None
    try:
        points = cdsdsl.evaluate_formula(text, 10, INPUTS)
    except CdsError:
        return
    assert 0 <= points <= 10
