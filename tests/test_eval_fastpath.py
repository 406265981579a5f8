"""The compiled fast path (plain ints, (numerator, denominator) pairs, cross-multiplied
thresholds) gives exactly what the full compiled function and the interpreter give."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from cdsdsl.codegen import compile_program
from cdsdsl.runtime import Slow
from cdsdsl.unitdata import Value

from conftest import load_corpus
from eval_helpers import COHORT, inputs_strategy, outcome_or_error, program_of, run_interpret

RATIO_80 = ("a= Số lượng;\nb= Tổng số;\n- Tỷ lệ=a/b\n- Điểm=\n+ Tỷ lệ>=80%: Điểm tối đa;\n"
            "+ Tỷ lệ<80%: Tỷ lệ/80%*Điểm tối đa")
SEEDS = {cell["id"]: cell for cell in load_corpus()}
PROGRAMS = {item: program_of(c["formula"], c["max"], item=item, title=c["name"]) for item, c in SEEDS.items()
            if item != "6.10"}
COMPILED = {item: compile_program(p) for item, p in PROGRAMS.items()}


def full_path(compiled):
    """The same compiled formula with its fast function switched off."""
    slow = compile_program(compiled.program)
    slow.fast = None
    return slow


def outcome(f, inputs, **kw):
    return outcome_or_error(lambda: f(inputs, **kw))


def test_most_seed_formulas_have_a_fast_function():
    fast = [item for item, c in COMPILED.items() if c.fast is not None]
    # only the cohort indicators (min-max, ``cao nhất``) are left to the full path
    assert len(fast) >= len(COMPILED) - 8
    for item, c in COMPILED.items():
        if c.fast is None:
            assert c.program.needs_cohort, item


def test_threshold_exactly_at_80_percent_scores_the_maximum():
    c = compile_program(program_of(RATIO_80, 10))
    assert c.fast({"a": 4, "b": 5}) == (10, 1)
    out = c({"a": 4, "b": 5})
    assert out.exact == 10 and out.points == Decimal("10.00") and out.diagnostics == ()
    # one below the threshold: 79/100 / 80% * 10, exactly
    assert c({"a": 79, "b": 100}).exact == Fraction(79, 100) / Fraction(4, 5) * 10
    assert c({"a": 400000001, "b": 500000000}).exact == 10


def test_cross_multiplication_is_not_fooled_by_large_or_unreduced_numbers():
    c = compile_program(program_of(RATIO_80, 10))
    for a, b in [(8 * 10**30, 10**31), (8 * 10**30 - 1, 10**31), (12, 15), (16, 20), (0, 7)]:
        num, den = c.fast({"a": a, "b": b})
        ref = Fraction(a, b)
        assert Fraction(num, den) == (10 if ref >= Fraction(4, 5) else ref / Fraction(4, 5) * 10)


@pytest.mark.parametrize("a,b", [(0, 0), (3, 0), (-1, 5), (1, -5), (6, 5)])
def test_zero_negative_or_too_small_denominators_leave_to_the_full_path(a, b):
    program = program_of(RATIO_80, 10, item="X")
    c = compile_program(program)
    with pytest.raises(Slow):
        c.fast({"a": a, "b": b})
    kw = {"unit": "U"}
    assert outcome(c, {"a": a, "b": b}, **kw) == outcome(full_path(c), {"a": a, "b": b}, **kw) \
        == outcome_or_error(lambda: run_interpret(program, {"a": a, "b": b}, **kw))


@pytest.mark.parametrize("a,b", [(7, 21), (4, 5), (0, 3), (79, 100), (77, 8333)])
def test_int_inputs_and_other_forms_give_identical_results(a, b):
    c = compile_program(program_of(RATIO_80, 10))
    ref = outcome(c, {"a": a, "b": b})
    for inputs in ({"a": Fraction(a), "b": Fraction(b)}, {"a": Decimal(a), "b": Decimal(b)},
                   {"a": str(a), "b": str(b)}, {"a": Value(a, "A1"), "b": Value(b, "B1")},
                   {"a": Value(str(a)), "b": Value(Decimal(b))}):
        assert outcome(c, inputs) == ref
        assert outcome(full_path(c), inputs) == ref


def test_bool_and_missing_inputs_are_not_taken_for_ints():
    c = compile_program(program_of(RATIO_80, 10, item="X"))
    for inputs in ({"a": True, "b": 5}, {"a": 4}, {"a": 4, "b": None}, {"a": 4, "b": ""}):
        with pytest.raises(Slow):
            c.fast(inputs)
        assert outcome(c, inputs) == outcome(full_path(c), inputs)


def test_no_match_and_clamp_keep_their_warnings():
    c = compile_program(program_of("a=Số lượng;\nb=Tổng số;\nTỷ lệ=a/b\n- Tỷ lệ >= 80%: Điểm tối đa", 10, item="X"))
    out = c({"a": 1, "b": 2}, unit="Huyện A")
    assert out.exact == 0 and [d.code for d in out.diagnostics] == ["CDS612"]
    c = compile_program(program_of("a=Số lượng;\nĐiểm = a * Điểm tối đa", 10, item="X"))
    out = c({"a": 2})
    assert out.exact == 10 and [d.code for d in out.diagnostics] == ["CDS613"]


@pytest.mark.parametrize("choice", [1, 2, 3, 0, [1, 2], [2, 2], [], [3], "1;2", Value([1, 2]), Value(2)])
def test_options_given_as_numbers_or_text(choice):
    for item in ("1.1", "6.14", "1.4"):
        c = COMPILED[item]
        inputs = {"lựa chọn": choice, "x": 12}
        assert outcome(c, inputs) == outcome(full_path(c), inputs)


@pytest.mark.parametrize("item", sorted(i for i, c in COMPILED.items() if c.fast is not None))
def test_fast_equals_full_and_interpreter_on_every_seed(item):
    compiled = COMPILED[item]
    slow = full_path(compiled)
    program = PROGRAMS[item]
    ints = st.fixed_dictionaries({spec.key: (st.integers(0, 10**6) if spec.kind not in ("option", "options")
                                             else st.integers(0, len(spec.choices) + 1)) for spec in program.inputs})

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(ints, inputs_strategy(program)), st.sampled_from([None, COHORT]))
    def prop(inputs, cohort):
        kw = {"cohort": cohort, "item_points": {"5.12.1": 1, "5.12.3": Fraction(1, 3)}, "unit": "U"}
        r_fast = outcome(compiled, inputs, **kw)
        assert r_fast == outcome(slow, inputs, **kw)
        assert r_fast == outcome_or_error(lambda: run_interpret(program, inputs, **kw))
        if r_fast[0] == "ok":
            assert 0 <= r_fast[1] <= program.max_points
            assert type(r_fast[1]) is Fraction

    prop()
