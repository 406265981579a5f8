"""Helpers shared by the evaluator tests: back ends and input strategies per InputSpec."""
from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from cdsdsl.diagnostics.core import CdsError
from cdsdsl.evaluate.codegen import compile_program
from cdsdsl.evaluate.interpret import evaluate_program
from cdsdsl.semantics.resolve import resolve
from cdsdsl.syntax.parser import parse_formula


def program_of(text, max_points, **kw):
    return resolve(parse_formula(text), max_points, **kw)


def run_interpret(program, inputs, **kw):
    return evaluate_program(program, inputs, **kw)


_COMPILED = {}


def run_compiled(program, inputs, **kw):
    key = id(program)
    if key not in _COMPILED:
        _COMPILED[key] = (program, compile_program(program))
    return _COMPILED[key][1](inputs, **kw)


BACKENDS = {"interpret": run_interpret, "compiled": run_compiled}


def outcome_or_error(f):
    try:
        o = f()
        return ("ok", o.exact, o.points, tuple((d.code, d.message()) for d in o.diagnostics))
    except CdsError as e:
        return ("error", e.code, e.message, e.hint)


def inputs_strategy(program):
    """Plausible and implausible inputs for every key the program declares."""
    fields = {}
    for spec in program.inputs:
        if spec.kind == "option":
            fields[spec.key] = st.one_of(st.integers(0, len(spec.choices) + 1), st.sampled_from(spec.choices or ("x",)),
                                         st.none())
        elif spec.kind == "options":
            fields[spec.key] = st.lists(st.integers(1, max(1, len(spec.choices))), max_size=3)
        else:
            fields[spec.key] = st.one_of(st.integers(0, 60), st.integers(0, 10**6),
                                         st.sampled_from(["2,5", "80%", "8 333", "-1", "", None]),
                                         st.fractions(0, 100, max_denominator=50))
    return st.fixed_dictionaries(fields)


COHORT = {"0:Tỷ lệ": (Fraction(1, 10), Fraction(1, 2), 3), "0:x": (Fraction(0), Fraction(9), 3)}
