"""The function `compile_formula` returns: its plain call (the fused fast body, `codegen_public`) gives the
interpreter's points on every indicator of every bundled ruleset; warnings and the trace come from
``.outcome`` / ``.explain``; thresholds are decided exactly (no float)."""
from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import pytest
from _cli_util import RULESET_IDS, RULESETS, example

import cdsdsl
from cdsdsl.diagnostics.core import CdsError
from cdsdsl.evaluate.codegen_public import public_function
from cdsdsl.evaluate.interpret import Policy, evaluate_program
from cdsdsl.evaluate.runtime import HUGE
from cdsdsl.scoring.score import compile_ruleset

# huyện Ninh Thuận 2023, chỉ số 6.9, as the decision writes it
HUYEN_6_9 = ("a= Tổng số hồ sơ giải quyết DVC (gồm cả 4 mức độ) trong năm;\n"
             "b= Tổng số hồ sơ giải quyết trực tuyến của DVCTT mức độ 3;\n"
             "c= Tổng số hồ sơ giải quyết trực tuyến của DVCTT mức độ 4;\n"
             "- Tỷ lệ=(b+c)/a\n- Điểm=\n+ Tỷ lệ>=80%: Điểm tối đa;\n+ Tỷ lệ<80%: Tỷ lệ/80%*Điểm tối đa")


def _same(public, program, inputs, policy):
    """The plain call and the interpreter agree: same points, or the same refusal."""
    try:
        want = evaluate_program(program, inputs, policy=policy).points
    except CdsError as exc:
        with pytest.raises(CdsError) as got:
            public(inputs)
        assert [d.code for d in got.value.diagnostics] == [d.code for d in exc.diagnostics], inputs
        return
    assert public(inputs) == want, (program.item, inputs)


def _figures(rnd: random.Random):
    return rnd.choice([0, 1, 3, 7, 21, 80, 100, rnd.randint(0, 50), rnd.randint(0, 5000), HUGE - 1, HUGE, -1,
                       None, "", "2,5", "80%", "8 333", Decimal("2.5"), "không"])


@pytest.mark.parametrize("ruleset", RULESETS, ids=RULESET_IDS)
def test_plain_call_is_the_interpreter_on_every_indicator(ruleset):
    rs = cdsdsl.load_ruleset(ruleset)
    compiled = compile_ruleset(rs)
    policy = Policy(rs.zero_division, rs.rounding.digits, rs.rounding.mode)
    units, _ = cdsdsl.read_units(example(ruleset), rs)
    rnd = random.Random(ruleset.stem)
    checked = 0
    for c in compiled.items:
        if c.compiled is None or c.needs_cohort or c.sums is not None:
            continue
        public = public_function(c.compiled, policy)
        keys = sorted({k for u in units for k in u.values.get(c.key, {})})
        for u in units:  # the example cohort, cells as read (Value with where)
            _same(public, c.program, u.values.get(c.key, {}), policy)
        for _ in range(40):  # random figures, the plain ones and the ones the full path decides
            _same(public, c.program, {k: _figures(rnd) for k in keys if rnd.random() < 0.95}, policy)
        checked += 1
    # a ruleset whose points are all entered by hand (Hà Nội 2024 huyện) has no formula to compare
    assert checked > 0 or all(c.compiled is None and c.program is None for c in compiled.items)


def test_threshold_80_percent_decided_exactly_not_in_float():
    f = cdsdsl.compile_formula(HUYEN_6_9, 20)
    a = 5 * 10**20
    # (b+c)/a is 0.79999999999999999999…: a float says 0.8 and would give the maximum
    assert float(4 * 10**20 - 1) / a >= 0.8
    assert f({"a": a, "b": 4 * 10**20 - 1, "c": 0}) == Decimal("20.00") - Decimal("0.00")  # rounds up to 20,00
    assert f.outcome({"a": a, "b": 4 * 10**20 - 1, "c": 0}).exact < 20
    assert f({"a": 10, "b": 8, "c": 0}) == Decimal("20.00")  # exactly 80 %
    assert f({"a": 1000, "b": 799, "c": 0}) == Decimal("19.98")  # 79,9 % of 80 % × 20 = 19,975 → 19,98


def test_warnings_and_trace_come_from_outcome_and_explain():
    f = cdsdsl.compile_formula(HUYEN_6_9, 20, item="6.9")
    # a = 0: division by zero scores 0; the plain call gives the points, .outcome the warning
    assert f({"a": 0, "b": 0, "c": 0}) == Decimal("0.00")
    out = f.outcome({"a": 0, "b": 0, "c": 0})
    assert [d.code for d in out.diagnostics] == ["CDS610"] and out.points == Decimal("0.00")
    text = f.explain({"a": 100, "b": 40, "c": 20})
    assert "Tỷ lệ = (40 + 20)/100 = 60%" in text and "15" in text
    assert "ratio" not in text
    assert "Indicator 6.9" in f.explain({"a": 100, "b": 40, "c": 20}, lang="en")


@pytest.mark.parametrize("inputs", [{"a": "100", "b": "40", "c": "20"}, {"a": 100, "b": 40.0, "c": 20},
                                    {"a": Decimal(100), "b": 40, "c": "20"}, {"a": 100, "b": "40", "c": Fraction(20)}])
def test_cells_that_are_not_ints_take_the_exact_path(inputs):
    f = cdsdsl.compile_formula(HUYEN_6_9, 20)
    assert f(inputs) == f.outcome(inputs).points == Decimal("15.00")


def test_too_large_or_wrong_inputs_are_refused_as_the_interpreter_does():
    f = cdsdsl.compile_formula(HUYEN_6_9, 20)
    for bad in ({"a": HUGE, "b": 1, "c": 1}, {"a": 10, "b": -HUGE, "c": 0}, {"a": 10, "b": 11, "c": 0}):
        with pytest.raises(CdsError) as exc:
            f(bad)
        with pytest.raises(CdsError) as ref:
            f.outcome(bad)
        assert exc.value.diagnostics[0].code == ref.value.diagnostics[0].code
    # near the bound but within it: the conservative one-test check hands it to the exact path, same answer
    assert f({"a": HUGE - 1, "b": HUGE - 1, "c": 0}) == Decimal("20.00")
    with pytest.raises(CdsError):
        f(None)  # type: ignore[arg-type]


def test_rounding_policy_of_the_plain_call():
    text = "a = Số lượng\nb = Tổng số\nTỷ lệ = a/b\nĐiểm = Tỷ lệ * Điểm tối đa"
    assert cdsdsl.compile_formula(text, 10)({"a": 1, "b": 8}) == Decimal("1.25")
    assert cdsdsl.compile_formula(text, 10, rounding=1)({"a": 1, "b": 8}) == Decimal("1.3")
    assert cdsdsl.compile_formula(text, 10, rounding=(1, "truncate"))({"a": 1, "b": 8}) == Decimal("1.2")
    assert cdsdsl.compile_formula(text, 10, rounding=0)({"a": 1, "b": 3}) == Decimal("3")
    big = cdsdsl.compile_formula(text, 10**6, rounding=3)  # a table too large to fill in advance
    assert big({"a": 1, "b": 3}) == big({"a": 1, "b": 3}) == Decimal("333333.333")
