"""Hypothesis: well-formed formulas raise no errors, and the coverage analysis agrees
with a brute-force first-match evaluation on sampled values."""
from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from cdsdsl import check_formula
from cdsdsl.checks.analysis import LintContext
from cdsdsl.diagnostics.core import Severity
from cdsdsl.semantics.resolve import resolve
from cdsdsl.syntax.parser import parse_formula

RATIO = "a = Số lượng hộ gia đình có kết nối\nb = Tổng số hộ gia đình\nTỷ lệ = a/b\n"
RESULTS = ["Điểm tối đa", "1/2*Điểm tối đa", "Tỷ lệ*Điểm tordax", "0 điểm", "Tỷ lệ*Điểm tối đa"]
OPS = [">=", ">", "<=", "<", "="]


def pct(p: int) -> str:
    return f"{p}%"


@st.composite
def covering(draw):
    """Descending thresholds, first match wins, a final `<` case: covers [0, 100%]."""
    ts = sorted(set(draw(st.lists(st.integers(1, 99), min_size=1, max_size=4))), reverse=True)
    res = [r for r in RESULTS if "tordax" not in r]
    lines = [f"- Tỷ lệ >= {pct(t)}: {draw(st.sampled_from(res))}" for t in ts]
    lines.append(f"- Tỷ lệ < {pct(ts[-1])}: {draw(st.sampled_from(res))}")
    return RATIO + "\n".join(lines)


@settings(max_examples=40, deadline=None)
@given(covering())
def test_well_formed_thresholds_raise_no_errors(text):
    diags = check_formula(text, 10)
    assert not [d for d in diags if d.severity is Severity.ERROR], [d.message() for d in diags]
    assert not [d for d in diags if d.code in ("CDS401", "CDS404", "CDS402")]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["Đã ban hành", "Chưa ban hành", "Có", "Không", "Đã triển khai"]),
                min_size=2, max_size=4, unique=True), st.data())
def test_option_lists_raise_no_errors(labels, data):
    shares = ["Điểm tối đa"] + ["1/2*Điểm tối đa", "0 điểm"] * 2
    text = "\n".join(f"- {lab}: {shares[i] if i < len(shares) else '0 điểm'}" for i, lab in enumerate(labels))
    diags = check_formula(text, 10)
    assert not [d for d in diags if d.severity is Severity.ERROR]


def _brute(cases, x):
    """First matching case (index) for value x, by direct comparison."""
    for i, (op, t) in enumerate(cases):
        if {">=": x >= t, ">": x > t, "<=": x <= t, "<": x < t, "=": x == t}[op]:
            return i
    return None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(OPS), st.integers(0, 100)), min_size=1, max_size=4))
def test_coverage_agrees_with_brute_force(conds):
    text = RATIO + "\n".join(f"- Tỷ lệ {op} {t}%: {i + 1}/10*Điểm tối đa" for i, (op, t) in enumerate(conds))
    program = resolve(parse_formula(text), 10)
    ctx = LintContext(program)
    (a,) = ctx.analyses
    cases = [(op, Fraction(t, 100)) for op, t in conds]
    owner = a.owner()
    # sampled values: every threshold, the midpoints between them, the ends of [0, 1]
    pts = sorted({Fraction(0), Fraction(1)} | {t for _, t in cases})
    samples = set(pts) | {(p + q) / 2 for p, q in zip(pts, pts[1:])}
    for x in samples:
        piece = next(i for i, p in enumerate(a.pieces)
                     if (p.point and p.lo == x) or (not p.point and (p.lo is None or p.lo < x)
                                                     and (p.hi is None or x < p.hi)))
        expected = _brute(cases, x)
        assert owner.get(piece) == expected, (x, conds)
    gaps = {a.pieces[g].witness(False) for g in a.gaps()}
    assert all(_brute(cases, g) is None for g in gaps)
    assert bool(a.gaps()) == any(_brute(cases, x) is None for x in samples)
    unreachable = {k for k in range(len(a.cases)) if not a.effective(k)}
    assert unreachable == {k for k in range(len(cases)) if all(_brute(cases, x) != k for x in samples)}
