"""Interpreter and compiled code agree with an independent Fraction reference (tests/reference_eval.py)
on generated inputs, for every seed formula of huyện Ninh Thuận 2023 that one unit can score alone."""
from __future__ import annotations

from fractions import Fraction

import pytest
from conftest import load_corpus
from eval_helpers import program_of, run_compiled, run_interpret
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reference_eval import Unsupported, reference_points

SEEDS = {c["id"]: c for c in load_corpus()}
PROGRAMS = {}
for _id, _cell in SEEDS.items():
    _p = program_of(_cell["formula"], _cell["max"], item=_id, title=_cell["name"])
    if not _p.needs_cohort and not any(d.severity.value == "error" for d in _p.diagnostics) \
            and all(part.scoring is not None and type(part.scoring).__name__ != "SumItemsScoring"
                    for part in _p.parts):
        PROGRAMS[_id] = _p


@st.composite
def plain_inputs(draw, program):
    """Whole numbers; parts never larger than their wholes; wholes > 0; options by number."""
    values = {}
    wholes = {k for pw in program.part_wholes for k in pw.wholes}
    for spec in program.inputs:
        if spec.kind == "option":
            values[spec.key] = draw(st.integers(1, len(spec.choices)))
        elif spec.kind == "options":
            values[spec.key] = draw(st.lists(st.integers(1, len(spec.choices)), min_size=1, unique=True))
        else:
            values[spec.key] = draw(st.integers(1 if spec.name in wholes else 0, 5000))
    for part in program.parts:  # scale the parts down into their whole (names are per part: 3.7 reuses a, b)
        for pw in program.part_wholes:
            if not any(s.name == pw.ratio and s.span == pw.span for s in part.steps):
                continue
            keys = [s.key for s in part.steps if s.name in pw.parts and s.key]
            whole = sum(values[s.key] for s in part.steps if s.name in pw.wholes and s.key)
            total = sum(values[k] for k in keys)
            if total > whole:
                for k in keys:
                    values[k] = values[k] * whole // total
    return values


def test_the_reference_covers_most_seeds():
    assert len(PROGRAMS) >= 70, sorted(set(SEEDS) - set(PROGRAMS))


@pytest.mark.parametrize("item", sorted(PROGRAMS))
def test_interpreter_and_compiled_agree_with_the_reference(item):
    program = PROGRAMS[item]

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(plain_inputs(program))
    def prop(inputs):
        try:
            expected = reference_points(program, inputs)
        except Unsupported:
            return
        assert run_interpret(program, inputs).exact == expected
        assert run_compiled(program, inputs).exact == expected

    prop()


def test_reference_on_hand_values():
    # dak-lak 5.5 shape: 7/21 of 5 → 5/3
    p = PROGRAMS["1.3"]
    assert reference_points(p, {"a": 7, "b": 21}) == Fraction(10, 3)


@pytest.mark.slow
@pytest.mark.parametrize("item", sorted(PROGRAMS))
def test_interpreter_and_compiled_agree_with_the_reference_long(item):
    program = PROGRAMS[item]

    @settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
    @given(plain_inputs(program))
    def prop(inputs):
        expected = reference_points(program, inputs)
        assert run_interpret(program, inputs).exact == expected
        assert run_compiled(program, inputs).exact == expected

    prop()
