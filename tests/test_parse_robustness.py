"""Text that is not a formula never crashes the parser: the only outcomes are
a `Formula` or a `FormulaSyntaxError` whose position lies inside the text."""
from __future__ import annotations

import random

import pytest
from conftest import load_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cdsdsl import CdsError, Formula, FormulaSyntaxError, parse_formula

CELLS = [c["formula"] for c in load_corpus()]
NOISE = list("()=:;.,%<>*/+-x\n\t ≥≤×0123456789aĐđ\u0301\u0323<>$\\{}&#•") + ["<i>", "</i>", "<br>", r"\geq", "Mức 1",
                                                                       "Từ", "đến", "trở lên", "mục 5.12.1", ";;"]


def check(text: str) -> None:
    try:
        f = parse_formula(text)
    except FormulaSyntaxError as exc:
        assert isinstance(exc, CdsError)
        span = exc.first.span
        assert 0 <= span.start <= span.end <= len(text)
        lines = text.split("\n")
        assert exc.line is not None and 1 <= exc.line <= len(lines)
        assert 1 <= exc.column <= len(lines[exc.line - 1]) + 1
        # syntax codes, and the two a condition's `và`/`hoặc` can raise while it is read (CDS211, CDS212)
        assert exc.code.startswith("CDS1") or exc.code in ("CDS211", "CDS212")
        assert exc.message and exc.hint is not None
        exc.render()  # renders without error
        return
    assert isinstance(f, Formula)
    for d in f.diagnostics:
        assert 0 <= d.span.start <= d.span.end <= len(text)
    for node in f.walk():
        assert 0 <= node.span.start <= node.span.end <= len(text)


@st.composite
def mutated_cells(draw):
    text = draw(st.sampled_from(CELLS))
    rnd = random.Random(draw(st.integers(0, 2 ** 32)))
    for op in draw(st.lists(st.sampled_from(["cut", "dup", "shuffle", "delete", "insert", "join"]),
                            min_size=1, max_size=4)):
        lines = text.split("\n")
        if op == "cut":
            a = rnd.randrange(len(text) + 1)
            b = rnd.randrange(a, len(text) + 1)
            text = text[:a] + text[b:]
        elif op == "dup":
            i = rnd.randrange(len(lines))
            lines.insert(i, lines[i])
            text = "\n".join(lines)
        elif op == "shuffle":
            rnd.shuffle(lines)
            text = "\n".join(lines)
        elif op == "join":
            text = " ".join(lines)
        elif op == "delete":
            for _ in range(rnd.randint(1, 5)):
                if text:
                    i = rnd.randrange(len(text))
                    text = text[:i] + text[i + 1:]
        else:
            for _ in range(rnd.randint(1, 5)):
                i = rnd.randrange(len(text) + 1)
                text = text[:i] + rnd.choice(NOISE) + text[i:]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_random_unicode_never_crashes(text):
    check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_cells())
def test_mutated_corpus_cells_never_crash(text):
    check(text)


@pytest.mark.slow
@settings(max_examples=20000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.text(), mutated_cells()))
def test_never_crashes_long_run(text):
    check(text)


@pytest.mark.parametrize("prefix", ["", "Tỷ lệ = ", "- Điểm = ", "- Tỷ lệ >= 80%: "])
def test_thousand_deep_parentheses_is_cds104(prefix):
    text = prefix + "(" * 1000 + "a" + ")" * 1000
    with pytest.raises(FormulaSyntaxError) as info:
        parse_formula(text)
    assert info.value.code == "CDS104"
    assert text[info.value.first.span.start] == "("


def test_very_long_flat_sum_is_an_error_not_a_crash():
    # CDS160 (expression too long), at the statement: no longer CDS104 "parentheses nested too
    # deeply" at the first character, which this text has none of
    text = "Điểm = " + " + ".join(["a"] * 5000)
    with pytest.raises(FormulaSyntaxError) as info:
        parse_formula(text)
    assert info.value.code == "CDS160"
    assert (info.value.first.span.start, info.value.first.span.end) == (0, len(text))


def test_deep_unary_minus_is_an_error_not_a_crash():
    text = "Điểm = " + "-" * 5000 + "a"
    with pytest.raises(FormulaSyntaxError) as info:
        parse_formula(text)
    assert info.value.code == "CDS160"
    assert (info.value.first.span.start, info.value.first.span.end) == (0, len(text))


@pytest.mark.parametrize("text", ["", " ", "\n\n", ";", ":", "-", "=", "Mức", "Mức 1", "(", ")", "%", "<br>", "$",
                                  "\x00", "\ufeff", "a=", "Tỷ lệ", "1.", "Giải thích:"])
def test_tiny_inputs(text):
    check(text)


def test_non_string_is_a_type_error():
    with pytest.raises(TypeError):
        parse_formula("Tỷ lệ = a/b".encode())  # type: ignore[arg-type]
