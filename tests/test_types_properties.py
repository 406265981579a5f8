"""Properties of the types (issue #17) and of the one a > b policy (issue #12, item 5).

1. Typing never crashes on generated formulas, and the dimensions, part/whole ratios and rates it infers
   are the same after re-printing (`print_formula` round trip).
2. On every cell of every ruleset in rulesets/, what `cds check` claims is what scoring does:
   - a part/whole ratio (CDS408) refuses a > b (CDS614); a rate or a ratio over a target never does;
   - with valid data the points stay within the checker's range: when the checker reports no CDS407, the
     scorer never has to clamp the points into [0, Điểm tối đa];
   - a case the checker calls unreachable (CDS404) is never the case that matched.
   Cells scored against the cohort (min-max, ratio to the best) or adding up other items need the other
   units or items: they are left to tests/test_scoring.py.
"""
from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_printer import case_lists, exprs, names

from cdsdsl import parse_formula, print_formula
from cdsdsl.checks.analysis import LintContext
from cdsdsl.checks.formula import check_program
from cdsdsl.dataentry.fields import indicator_program
from cdsdsl.diagnostics.core import CdsError, DataError
from cdsdsl.evaluate.interpret import evaluate_program
from cdsdsl.rulesets.model import load_ruleset
from cdsdsl.semantics.resolve import SumItemsScoring, resolve
from cdsdsl.syntax import nodes as n

REPO = Path(__file__).resolve().parents[1]

# ------------------------------------------------------------------ 1. generated formulas

DESCRIPTIONS = [
    "Số người dân có tài khoản ngân hàng", "Tổng số hộ gia đình", "Tổng dân số từ 15 tuổi trở lên",
    "Số lượng CBCCVC được tập huấn", "Tổng số công chức, viên chức", "Số TTHC có phát sinh hồ sơ trực tuyến",
    "Tổng số thủ tục hành chính", "Số văn bản đã ký số", "Tổng số văn bản đi", "Số lượng cuộc họp trực tuyến",
    "Tổng kinh phí chi cho CĐS (triệu đồng)", "Giá trị GRDP (tỷ đồng)", "Thời gian xử lý (giờ)",
    "Băng thông (Mbps)", "Tỷ lệ hồ sơ trực tuyến (%)", "Số bưu gửi chuyển phát", "Số cán bộ chuyên trách (người)",
    "Số lượng nền tảng số tối thiểu theo danh mục yêu cầu (7)", "Tổng số tên miền .vn trên địa bàn",
]


def _decl(name: str, desc: str) -> n.InputDecl:
    unit = "triệu đồng" if "triệu đồng" in desc else "tỷ đồng" if "tỷ đồng" in desc else None
    return n.InputDecl(name, desc, unit, Fraction(7) if desc.endswith("(7)") else None)


_LETTER = st.sampled_from(list("abcdef"))
statements = st.one_of(
    st.builds(_decl, _LETTER, st.sampled_from(DESCRIPTIONS)),
    st.builds(_decl, _LETTER, st.sampled_from(DESCRIPTIONS)),
    st.builds(lambda t, a, b: n.Assign(t, n.BinOp("/", n.Name(a), n.Name(b))), names, _LETTER, _LETTER),
    st.builds(lambda v: n.Assign(n.Name("Điểm"), v), exprs),
    st.builds(lambda t, v: n.Assign(t, v), names, exprs),
    case_lists(),
)


def _well_formed(body: list) -> list:
    out: list = []
    for s in body:
        if isinstance(s, n.Cases) and out and isinstance(out[-1], n.Cases) and s.heading is None:
            s = n.Cases("Điểm", s.cases)
        out.append(s)
    return out


def _typed(program) -> dict:
    """Everything the typing infers: each input's dimension, each name's type, the ratios' reading."""
    ctx = LintContext(program)
    check_program(program)  # every lint rule types and ranges the program: must not raise
    types = {}
    for idx, part in enumerate(program.parts):
        typer = ctx.typer_of(idx)
        for step in part.steps:
            types[(idx, step.name)] = typer.name_type(step.name)
    return {"dims": {s.key: s.dimension for s in program.inputs}, "types": types,
            "part_wholes": sorted((p.parts, p.wholes, p.ratio, p.inline, p.target) for p in program.part_wholes),
            "rates": sorted((r.parts, r.wholes, r.ratio) for r in program.rates)}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(statements, min_size=1, max_size=7))
def test_typing_never_crashes_and_survives_the_print_round_trip(body):
    formula = n.Formula((n.Part(None, None, tuple(_well_formed(body))),))
    text = print_formula(formula)
    try:
        again = parse_formula(text)
    except CdsError:  # a generated body the reader refuses is not this property's matter
        return
    first = _typed(resolve(formula, 10))
    assert _typed(resolve(again, 10)) == first, text


# ------------------------------------------------------------------ 2. checker claims == scorer behaviour

def _cells():
    for path in sorted((REPO / "rulesets").glob("*.cds")):
        rs = load_ruleset(path)
        for ind in rs.indicators:
            if ind.entered_directly or not (ind.effective_formula or "").strip():
                continue
            try:
                program = indicator_program(rs, ind)
            except CdsError:
                continue
            if program.needs_cohort or any(isinstance(p.scoring, SumItemsScoring) for p in program.parts):
                continue
            if any(d.severity.value == "error" for d in program.diagnostics):
                continue
            yield pytest.param(program, id=f"{path.stem}:{ind.key}")


CELLS = list(_cells())


def _part_of(program, ratio):
    """The part whose steps or scoring hold ``ratio`` (a part/whole ratio or a rate)."""
    for part in program.parts:
        roots = [s.expr for s in part.steps if s.expr is not None]
        sc = part.scoring
        roots += [sc.expr] if hasattr(sc, "expr") else [c.result for c in sc.cases.cases] if hasattr(sc, "cases") else []
        if any(s.span == ratio.span for s in part.steps) or (
                ratio.node is not None and any(x is ratio.node for r in roots for x in r.walk())):
            return part
    return None


def _keys(program, name: str, ratio=None) -> list[str]:
    part = _part_of(program, ratio) if ratio is not None else None
    if part is not None:
        return [next((s.key for s in part.steps if s.name == name and s.key), name)]
    return [s.key for s in program.inputs if s.name == name] or [name]


def _random_inputs(program, rng: random.Random) -> dict:
    values: dict = {}
    for s in program.inputs:
        if s.kind == "count":
            values[s.key] = rng.choice([0, 1, 2, 3, 5, 7, 10, 20, 50, 100, 1000])
        elif s.kind in ("money", "number"):
            values[s.key] = Fraction(rng.randint(0, 20000), rng.choice([1, 10, 100]))
        elif s.kind == "ratio":
            values[s.key] = f"{rng.randint(0, 100)}%"
        elif s.kind == "points":
            values[s.key] = rng.randint(0, 10)
        elif s.kind == "option":
            values[s.key] = rng.choice(s.choices) if s.choices else 1
        elif s.kind == "options":
            values[s.key] = [c for c in s.choices if rng.random() < 0.5] or [s.choices[0]]
    _make_wholes_whole(program, values)
    return values


def _total(program, values: dict, names, ratio) -> Fraction:
    return sum((Fraction(values.get(k, 0)) for x in names for k in _keys(program, x, ratio)), Fraction(0))


def _make_wholes_whole(program, values: dict) -> None:
    """Valid data: every part/whole ratio has parts <= wholes and a whole above 0."""
    for _ in range(3):
        for pw in program.part_wholes:
            if pw.target is not None:
                continue
            gap = _total(program, values, pw.parts, pw) - _total(program, values, pw.wholes, pw)
            key = _keys(program, pw.wholes[0], pw)[0]
            values[key] = Fraction(values.get(key, 0)) + max(gap, 0) + (1 if values.get(key, 0) == 0 else 0)


def _claims(program) -> tuple[bool, set]:
    found = check_program(program)
    over = any(d.code == "CDS407" for d in found)
    unreachable = {(d.span.start, d.span.end) for d in found if d.code == "CDS404" and d.span is not None}
    return over, unreachable


@pytest.mark.parametrize("program", CELLS)
def test_the_checker_claims_what_the_scorer_does(program):
    rng = random.Random(program.item)
    over, unreachable = _claims(program)
    for _ in range(25):
        values = _random_inputs(program, rng)
        try:
            outcome = evaluate_program(program, values)
        except DataError as exc:  # valid data: only a zero denominator or an unchosen option may stop it
            assert exc.diagnostics[0].code != "CDS614", (program.item, values)
            continue
        if not over:  # no CDS407: the points never need clamping into [0, max]
            assert not [t for t in outcome.trace if t.kind == "clamp"], (program.item, values)
        for t in outcome.trace:
            if t.kind == "case" and t.node is not None:
                assert (t.node.span.start, t.node.span.end) not in unreachable, (program.item, values)


@pytest.mark.parametrize("program", [c for c in CELLS if c.values[0].part_wholes or c.values[0].rates])
def test_a_over_b_is_refused_exactly_where_the_checker_says_part_of_whole(program):
    rng = random.Random(program.item)
    claimed = check_program(program)
    for ratio in list(program.part_wholes) + list(program.rates):
        values = _random_inputs(program, rng)
        for name in ratio.parts:  # parts above their wholes, every other ratio still valid
            for key in _keys(program, name, ratio):
                values[key] = _total(program, values, ratio.wholes, ratio) + 1
        _make_other_wholes_whole(program, values, ratio)
        refused = _refused(program, values)
        checked = getattr(ratio, "target", "rate") is None
        assert refused == checked, (program.item, ratio, values)
        if checked:  # the checker says so: a part/whole ratio whose bound is checked on the data
            assert any(d.code == "CDS408" for d in claimed) or program.part_wholes


def _make_other_wholes_whole(program, values: dict, tested) -> None:
    for pw in program.part_wholes:
        if pw is tested or pw.target is not None or set(pw.parts) & set(tested.parts):
            continue
        gap = _total(program, values, pw.parts, pw) - _total(program, values, pw.wholes, pw)
        if gap > 0:
            key = _keys(program, pw.wholes[0], pw)[0]
            values[key] = Fraction(values.get(key, 0)) + gap


def _refused(program, values: dict) -> bool:
    try:
        evaluate_program(program, values)
    except DataError as exc:
        return any(d.code == "CDS614" for d in exc.diagnostics)
    return False


def test_the_rulesets_hold_part_wholes_and_rates():
    """The properties above are not vacuous: the shipped cells hold both kinds of ratio."""
    assert sum(len(c.values[0].part_wholes) for c in CELLS) > 30
    assert sum(len(c.values[0].rates) for c in CELLS) >= 1  # 7.9: giao dịch per bưu gửi (7.10 is a cohort cell)
