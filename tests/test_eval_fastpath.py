"""The compiled fast path (plain ints, (numerator, denominator) pairs, cross-multiplied
thresholds) gives exactly what the full compiled function and the interpreter give."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from conftest import load_corpus
from eval_helpers import COHORT, inputs_strategy, outcome_or_error, program_of, run_interpret
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cdsdsl.evaluate.codegen import compile_program, compile_quantities
from cdsdsl.evaluate.cohort import Stat, cohort_quantities
from cdsdsl.evaluate.cohort_eval import evaluate_cohort
from cdsdsl.evaluate.runtime import Slow
from cdsdsl.scoring.unitdata import Value

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


def test_every_seed_formula_has_a_fast_function():
    # cohort indicators (min-max, ratio to the best, ``cao nhất``) included
    assert [item for item, c in COMPILED.items() if c.fast is None] == []
    assert sum(c.program.needs_cohort for c in COMPILED.values()) >= 4


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


# ------------------------------------------------------------------ cohort indicators

FEWER = "Tính điểm theo phương pháp Min-Max, đơn vị có số sự cố ít nhất thì điểm tối đa"
LOWEST_RATIO = ("a= Số lượng;\nb= Tổng số;\nTỷ lệ = a/b\n- Địa phương có tỷ lệ thấp nhất: điểm tối đa\n"
                "- Các địa phương còn lại: điểm = tỷ lệ thấp nhất/tỷ lệ của địa phương * điểm tối đa")
COHORT_PROGRAMS = {**{item: PROGRAMS[item] for item in PROGRAMS if PROGRAMS[item].needs_cohort},
                   "8.6 ratio": program_of(SEEDS["8.6"]["formula"], 20, item="8.6", cohort_method="ratio_to_best"),
                   "min-max fewer": program_of(FEWER, 10, item="X"),
                   "ratio fewer": program_of(FEWER, 10, item="X", cohort_method="ratio_to_best"),
                   "lowest ratio": program_of(LOWEST_RATIO, 10, item="X")}
COHORT_COMPILED = {k: compile_program(p) for k, p in COHORT_PROGRAMS.items()}

_bound = st.one_of(st.integers(0, 60), st.fractions(0, 5, max_denominator=12))


@st.composite
def cohort_stats(draw, keys):
    """Stats as a cohort gives them (low <= high, all equal, best = 0 included) and odd ones
    (low > high, negative or int bounds, a missing quantity)."""
    out = {}
    for key in keys:
        kind = draw(st.sampled_from(["values", "values", "values", "equal", "zero", "odd", "missing"]))
        if kind == "values":
            vals = draw(st.lists(_bound, min_size=1, max_size=6))
            out[key] = Stat(Fraction(min(vals)), Fraction(max(vals)), len(vals))
        elif kind == "equal":
            v = Fraction(draw(_bound))
            out[key] = Stat(v, v, draw(st.integers(1, 5)))
        elif kind == "zero":
            out[key] = Stat(Fraction(0), Fraction(0), 3)
        elif kind == "odd":
            lo = draw(st.one_of(_bound, st.integers(-5, 5)))
            hi = draw(st.one_of(_bound, st.integers(-5, 5)))
            out[key] = (lo, hi, 2)
    return out


@pytest.mark.parametrize("name", sorted(COHORT_PROGRAMS))
def test_cohort_fast_equals_full_and_interpreter(name):
    program = COHORT_PROGRAMS[name]
    compiled = COHORT_COMPILED[name]
    assert compiled.fast is not None
    slow = full_path(compiled)
    keys = [q.key for q in cohort_quantities(program)]
    ints = st.fixed_dictionaries({spec.key: st.integers(0, 60) for spec in program.inputs})

    @settings(max_examples=250, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(ints, ints, inputs_strategy(program)), st.one_of(cohort_stats(keys), st.none()))
    def prop(inputs, cohort):
        kw = {"cohort": cohort, "unit": "U"}
        r_fast = outcome(compiled, inputs, **kw)
        assert r_fast == outcome(slow, inputs, **kw)
        assert r_fast == outcome_or_error(lambda: run_interpret(program, inputs, **kw))
        if r_fast[0] == "ok":
            assert type(r_fast[1]) is Fraction

    prop()


def test_cohort_fast_functions_decide_the_plain_cases():
    """Min-max, ratio to the best, ``cao nhất`` on ints and exact stats: no fallback."""
    c = COHORT_COMPILED
    st_x = {"0:x": Stat(Fraction(2), Fraction(10), 4)}
    assert Fraction(*c["5.8"].fast({"x": 6}, st_x)) == Fraction(5, 2)  # 5 * (6-2)/(10-2)
    assert Fraction(*c["min-max fewer"].fast({"x": 4}, st_x)) == Fraction(15, 2)  # 10 * (10-4)/(10-2)
    assert Fraction(*c["8.6 ratio"].fast({"x": 5}, st_x)) == 10
    assert Fraction(*c["ratio fewer"].fast({"x": 4}, st_x)) == 5  # 10 * 2 / 4
    assert Fraction(*c["ratio fewer"].fast({"x": 0}, st_x)) == 10  # x = 0 is the best
    # all equal: the maximum; all equal to 0 when more is better: 0 for everyone
    assert Fraction(*c["5.8"].fast({"x": 3}, {"0:x": Stat(Fraction(3), Fraction(3), 2)})) == 5
    assert Fraction(*c["5.8"].fast({"x": 0}, {"0:x": Stat(Fraction(0), Fraction(0), 2)})) == 0
    assert Fraction(*c["min-max fewer"].fast({"x": 0}, {"0:x": Stat(Fraction(0), Fraction(0), 2)})) == 10
    # best = 0: everyone 0
    assert Fraction(*c["8.6 ratio"].fast({"x": 0}, {"0:x": Stat(Fraction(0), Fraction(0), 2)})) == 0
    # ``Địa phương có tỷ lệ cao nhất``: ties (1/4 == 2/8, unreduced) all get the maximum
    best = {"0:Tỷ lệ": Stat(Fraction(1, 10), Fraction(1, 4), 3)}
    assert Fraction(*c["7.10"].fast({"a": 2, "b": 8}, best)) == 10
    assert Fraction(*c["7.10"].fast({"a": 1, "b": 4}, best)) == 10
    assert Fraction(*c["7.10"].fast({"a": 1, "b": 10}, best)) == 4
    assert Fraction(*c["lowest ratio"].fast({"a": 1, "b": 5}, best)) == 5
    hi = {"0:Tỷ lệ": Stat(Fraction(0), Fraction(1, 2), 2)}
    assert Fraction(*c["4.3"].fast(dict(zip("abcdef", (1, 1, 0, 0, 2, 2))), hi)) == 10
    # no cohort, a missing quantity, odd bounds: the full path decides (CDS617 without a cohort)
    for cohort in (None, {}, {"0:x": (Decimal(1), Decimal(2), 2)}, {"0:x": (Fraction(5), Fraction(2), 2)}):
        with pytest.raises(Slow):
            c["5.8"].fast({"x": 3}, cohort)
    assert outcome(c["5.8"], {"x": 3})[1] == "CDS617"


def _quantities_reference(program, inputs):
    return {k: v for k, v in compile_quantities(program)(inputs).items()}


@pytest.mark.parametrize("name", sorted(COHORT_PROGRAMS))
def test_fast_cohort_quantities_equal_the_full_ones(name):
    program = COHORT_PROGRAMS[name]
    q = compile_quantities(program)
    assert q.table and all(fast is not None for _, fast, _ in q.table)

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(inputs_strategy(program))
    def prop(inputs):
        for key, fast, full in q.table:
            try:
                pair = fast(inputs)
            except (Slow, Exception) as exc:  # noqa: BLE001
                assert type(exc).__name__ in ("Slow", "Fault"), exc
                continue
            assert pair[1] > 0
            assert Fraction(*pair) == Fraction(full(inputs)) == q(inputs)[key]

    prop()


def test_evaluate_cohort_with_the_compiled_formula_equals_the_interpreter():
    units = {"A": {"x": 0}, "B": {"x": "2,5"}, "C": {"x": Decimal(4)}, "D": {"x": "abc"}, "E": {"x": 4}}
    for name in ("5.8", "8.6 ratio", "min-max fewer", "ratio fewer"):
        program, compiled = COHORT_PROGRAMS[name], COHORT_COMPILED[name]
        a = evaluate_cohort(program, units)
        b = evaluate_cohort(program, units, evaluate=compiled)
        for k in units:
            assert outcome_or_error(lambda: _raise_or(a[k])) == outcome_or_error(lambda: _raise_or(b[k])), (name, k)


def _raise_or(v):
    if isinstance(v, Exception):
        raise v
    return v
