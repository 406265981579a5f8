"""Ruleset scoring: huyện Ninh Thuận 2023 cohorts, Quảng Trị 2022 set formula, Hà Nội 2024 applicability."""
from __future__ import annotations

import json
import random
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from scoring_data import plausible_unit

from cdsdsl.rulesets.model import load_ruleset
from cdsdsl.scoring.score import compile_ruleset, score_cohort, score_unit
from cdsdsl.scoring.unitdata import Unit, Value

RULESETS = Path(__file__).resolve().parents[1] / "rulesets"


@pytest.fixture(scope="module")
def huyen():
    return compile_ruleset(load_ruleset(RULESETS / "huyen-ninh-thuan-2023.cds"))


@pytest.fixture(scope="module")
def cohort(huyen):
    rnd = random.Random(7)
    return [plausible_unit(huyen, f"Huyện {i}", rnd) for i in range(12)]


def test_huyen_ninh_thuan_2023_one_unit_reports_cohort_indicators(huyen, cohort):
    r = score_unit(huyen, cohort[0])
    statuses = {k: v.status for k, v in r.indicators.items()}
    assert statuses["5.8"] == "error" and r.indicators["5.8"].diagnostics[0].code == "CDS617"
    if huyen.by_key["6.10"].indicator.correction is None:
        assert statuses["6.10"] == "error"  # the decision's formula names `Tỷ lệ 1`
    assert statuses["1.3"] == "scored"
    assert not r.complete
    assert r.total == Decimal(r.total)


def test_huyen_ninh_thuan_2023_cohort_scored_and_ranked(huyen, cohort):
    progress = []
    res = score_cohort(huyen, cohort, progress=lambda done, total: progress.append((done, total)))
    assert progress[-1] == (12, 12)
    assert all(r.indicators["5.8"].status == "scored" for r in res)
    for r in res:
        for ind in r.indicators.values():
            if ind.exact is not None and ind.max_points is not None:
                assert 0 <= ind.exact <= ind.max_points
        assert r.total_exact == sum((t.exact for t in r.sections.values()), Fraction(0))
    ranks = sorted(r.rank for r in res)
    assert ranks[0] == 1
    best = res.ranking()[0]
    assert best.total == max(r.total for r in res)
    json.dumps(res.to_dict())
    json.dumps(res.to_dict("en"))
    assert "Đơn vị" in res.explain() and "Unit" in res.explain("en")


def test_huyen_ninh_thuan_2023_5_11_counts_5_12_once(huyen, cohort):
    res = score_cohort(huyen, cohort)
    r = res.results[0]
    parts = sum(r.indicators[f"5.12.{i}"].exact for i in range(1, 7))
    assert r.indicators["5.11"].exact == parts
    assert r.sections["5"].max_points == sum(c.max_points for c in huyen.counted if c.indicator.section_id == "5")


def test_interpreter_and_compiled_agree_on_the_whole_set(huyen, cohort):
    from cdsdsl.evaluate.interpret import evaluate_program

    res = score_cohort(huyen, cohort)
    for r, u in zip(res.results, cohort):
        for c in huyen.items:
            ind = r.indicators[c.key]
            if ind.status != "scored" or c.program is None:
                continue
            o = evaluate_program(c.program, u.values.get(c.key, {}), cohort=res.stats.get(c.key),
                                 item_points={k: v.exact for k, v in r.indicators.items() if v.exact is not None},
                                 policy=huyen.policy, unit=u.name)
            assert o.exact == ind.exact, c.key


def test_quang_tri_2022_so_set_formula_with_group():
    rs = load_ruleset(RULESETS / "quang-tri-2022-so.cds")
    cr = compile_ruleset(rs)
    values = {c.key: {"điểm": int(c.max_points) // 2} for c in cr.items if c.entered and c.max_points}
    unit = Unit("Sở Du lịch", values, group="I")
    r = score_unit(cr, unit)
    a = sum(r.sections[k].exact for k in r.sections)
    b = r.groups["I"].exact
    assert r.set_exact == (a + b) * 485 / (485 + 55)
    no_group = score_unit(cr, Unit("Sở Nội vụ", values))
    assert no_group.set_exact == sum(t.exact for t in no_group.sections.values())


def test_points_entered_directly_are_validated():
    rs = load_ruleset(RULESETS / "quang-tri-2022-so.cds")
    cr = compile_ruleset(rs)
    r = score_unit(cr, Unit("Sở A", {"1.1": {"điểm": Value(12, "so.csv:2:B")}}))
    d = r.indicators["1.1"].diagnostics[0]
    assert d.code == "CDS621"
    assert d.message() == "điểm nhập trực tiếp 12 (ô so.csv:2:B) nằm ngoài [0, 10]"
    assert r.indicators["1.2"].diagnostics[0].code == "CDS600"


def test_ha_noi_2024_not_applicable_left_out_of_total_and_max():
    rs = load_ruleset(RULESETS / "ha-noi-2024-thanh-pho.cds")
    cr = compile_ruleset(rs)
    inside = score_unit(cr, Unit("Sở Y tế", {}))
    outside = score_unit(cr, Unit("Sở Nội vụ", {}))
    assert inside.indicators["7.1"].status != "not_applicable"
    assert outside.indicators["7.1"].status == "not_applicable"
    assert inside.max_points - outside.max_points == 20


# ------------------------------------------------------------ fast path == full path

def _same_result(fast, full):
    assert fast.unit == full.unit and fast.group == full.group
    assert list(fast.indicators) == list(full.indicators)
    for k in full.indicators:
        a, b = fast.indicators[k], full.indicators[k]
        assert (a.status, a.exact, a.points, a.max_points) == (b.status, b.exact, b.points, b.max_points), k
        assert type(a.exact) is type(b.exact), k
        assert [d.message() for d in a.diagnostics] == [d.message() for d in b.diagnostics], k
    assert fast.sections == full.sections and list(fast.sections) == list(full.sections)
    assert fast.groups == full.groups and list(fast.groups) == list(full.groups)
    assert (fast.total_exact, fast.total, fast.max_points, fast.set_exact, fast.set_total) == \
        (full.total_exact, full.total, full.max_points, full.set_exact, full.set_total)
    assert [d.message() for d in fast.diagnostics] == [d.message() for d in full.diagnostics]
    assert {**fast.to_dict(), "rank": None} == {**full.to_dict(), "rank": None}


@pytest.mark.parametrize("name", sorted(p.name for p in RULESETS.glob("*.cds")))
def test_fast_scoring_equals_the_full_path_on_every_ruleset(name):
    cr = compile_ruleset(load_ruleset(RULESETS / name))
    rnd = random.Random(11)
    groups = [None] + [g.id for g in cr.ruleset.groups][:2]
    units = [plausible_unit(cr, f"Huyện {i}", rnd, group=groups[i % len(groups)]) for i in range(9)]
    # some units with text figures, Values, zero totals and missing data: these take the full path
    units[1] = Unit.from_plain("Huyện 1", {k: {kk: (str(v) if isinstance(v, int) else v) for kk, v in d.items()}
                                           for k, d in units[1].values.items()})
    units[2] = Unit.from_plain("Huyện 2", units[2].values)
    units[3] = Unit("Huyện 3", {k: {kk: 0 for kk in d} for k, d in units[3].values.items()})
    units[4] = Unit("Huyện 4", {k: d for i, (k, d) in enumerate(units[4].values.items()) if i % 3})
    res = score_cohort(cr, units)
    for u, r in zip(units, res):
        _same_result(r, cr.score_unit_full(u, stats=res.stats))
        _same_result(cr.score_unit(u), cr.score_unit_full(u))
    full = [cr.score_unit_full(u, stats=res.stats) for u in units]
    from cdsdsl.evaluate.cohort import rank
    assert [r.rank for r in res] == rank([r.score for r in full])


# ------------------------------------------------------------ cohort indicators: fast == old path

def _old_stats(cr, units):
    """The cohort statistics and CDS620 notes as `score_cohort` collected them before the
    fast path (every unit's quantities as Fractions, `CohortStats.from_values`)."""
    from cdsdsl.diagnostics.core import Diagnostic
    from cdsdsl.evaluate.cohort import CohortStats, no_spread_notes
    from cdsdsl.evaluate.runtime import Fault, fault_error

    stats, notes = {}, []
    for c in cr.cohort_items:
        values = {}
        for u in units:
            if not cr.applies(c, u):
                continue
            for key, v in c.quantities(u.values.get(c.key, {})).items():
                if isinstance(v, Fault):
                    reason = fault_error(v, item=c.key, unit=u.name).message if v.code != "CDS610" else "chia cho 0"
                    notes.append(Diagnostic.make("CDS620", None, item=c.key, unit=u.name, indicator=c.key,
                                                 unit_name=u.name, aggregate="giá trị cao nhất/thấp nhất",
                                                 aggregate_en="highest/lowest value", reason=reason,
                                                 reason_en=reason))
                else:
                    values.setdefault(key, []).append(v)
        stats[c.key] = CohortStats.from_values(values)
        # then CDS622 when every unit has the same value (the issue-12 warning that score_cohort gives)
        notes.extend(no_spread_notes(c.program, stats[c.key]))
    return stats, notes


def _cohort_case(huyen, overrides, n=8, seed=5):
    rnd = random.Random(seed)
    units = [plausible_unit(huyen, f"Huyện {i}", rnd) for i in range(n)]
    out = []
    for i, u in enumerate(units):
        vals = {k: dict(d) for k, d in u.values.items()}
        for item, per_unit in overrides.items():
            if i < len(per_unit) and per_unit[i] is not None:
                vals[item] = per_unit[i]
        out.append(Unit(u.name, vals))
    return out


def _check_cohort(huyen, units):
    from cdsdsl.evaluate.cohort_eval import evaluate_cohort, rank

    res = score_cohort(huyen, units)
    old_stats, old_notes = _old_stats(huyen, units)
    assert res.stats == old_stats
    for k, s in res.stats.items():
        assert list(s) == list(old_stats[k])
        for stat in s.values():
            assert type(stat.low) is Fraction and type(stat.high) is Fraction and type(stat.count) is int
    assert [d.message() for d in res.diagnostics] == [d.message() for d in old_notes]
    full = [huyen.score_unit_full(u, stats=res.stats) for u in units]
    for r, f in zip(res, full):
        _same_result(r, f)
    assert [r.rank for r in res] == rank([f.score for f in full])
    # the interpreter, one cohort indicator at a time
    for c in huyen.cohort_items:
        ref = evaluate_cohort(c.program, {u.name: u.values.get(c.key, {}) for u in units}, policy=huyen.policy)
        for r in res:
            got, want = r.indicators[c.key], ref[r.unit]
            if isinstance(want, Exception):
                assert got.status == "error", (c.key, r.unit)
            else:
                assert got.exact == want.exact, (c.key, r.unit)
                assert [d.message() for d in got.diagnostics] == [d.message() for d in want.diagnostics]
    return res


def _abcdef(*v):
    return dict(zip("abcdef", v))


def test_cohort_ties_score_the_same(huyen):
    units = _cohort_case(huyen, {
        "5.8": [{"x": 7}, {"x": 7}, {"x": 2}, {"x": 2}, {"x": 4}, {"x": 7}, {"x": 3}, {"x": 5}],
        "7.10": [{"a": 1, "b": 4}, {"a": 2, "b": 8}, {"a": 3, "b": 12}, {"a": 1, "b": 10}, {"a": 0, "b": 5},
                 {"a": 1, "b": 8}, {"a": 1, "b": 5}, {"a": 2, "b": 9}],
        "8.6": [{"x": 40}, {"x": 40}, {"x": 10}, {"x": 0}, {"x": 20}, {"x": 5}, {"x": 1}, {"x": 39}],
        "4.3": [_abcdef(1, 1, 0, 0, 2, 2), _abcdef(2, 0, 0, 0, 2, 2), _abcdef(1, 0, 0, 0, 2, 2)]
        + [_abcdef(0, 0, 0, 0, 1, 1)] * 5,
    })
    res = _check_cohort(huyen, units)
    pts = {k: [r.indicators[k].exact for r in res] for k in ("5.8", "7.10", "8.6", "4.3")}
    assert pts["5.8"][:4] == [5, 5, 0, 0]
    assert pts["7.10"][:4] == [10, 10, 10, 4]
    assert pts["8.6"][:2] == [20, 20]
    assert pts["4.3"][:3] == [10, 10, 5]


def test_cohort_all_equal_and_best_zero(huyen):
    units = _cohort_case(huyen, {
        "5.8": [{"x": 3}] * 8,     # all equal: everyone the maximum
        "5.9": [{"x": 0}] * 8,     # all 0, more is better: everyone 0
        "8.6": [{"x": 0}] * 8,     # best = 0: everyone 0
        "8.7": [{"x": 9}] * 8,     # all equal: everyone the maximum
        "7.10": [{"a": 0, "b": 5}] * 8,  # best ratio 0: 0 == best, the case gives the maximum
        "4.3": [_abcdef(0, 0, 0, 0, 3, 3)] * 8,  # highest 0: division by zero (CDS610) for everyone
    })
    res = _check_cohort(huyen, units)
    for r in res:
        assert (r.indicators["5.8"].exact, r.indicators["5.9"].exact, r.indicators["8.6"].exact,
                r.indicators["8.7"].exact, r.indicators["7.10"].exact) == (5, 0, 0, 20, 10)
        assert r.indicators["4.3"].exact == 0
        assert [d.code for d in r.indicators["4.3"].diagnostics] == ["CDS610"]


def test_cohort_units_with_bad_data_are_left_out_of_the_statistics(huyen):
    units = _cohort_case(huyen, {
        "5.8": [{"x": "abc"}, {"x": 2}, {"x": -3}, {"x": 6}, {}],
        "4.3": [_abcdef(0, 0, 0, 0, 0, 0), _abcdef(1, 0, 0, 0, 2, 2), _abcdef(9, 9, 9, 9, 1, 1),
                _abcdef(1, 1, 0, 0, 2, 2), _abcdef(0, 0, 0, 0, 2, 2)],
        "7.10": [{"a": 5, "b": 0}, {"a": 9, "b": 3}, {"a": 1, "b": 3}, {"a": 1, "b": 6}, {"a": 0, "b": 6}],
        "8.6": [{"x": "1.234"}, {"x": 30}, {"x": 60}, {"x": ""}, {"x": 15}],
    }, n=5)
    res = _check_cohort(huyen, units)
    assert res.stats["5.8"]["0:x"] == (2, 6, 2)
    assert res.stats["4.3"]["0:Tỷ lệ"] == (0, Fraction(1, 2), 3)
    # 7.10 divides the .vn domain names by the enterprises: a rate (two things counted), so 9 names for 3
    # enterprises is valid data (3 per enterprise, the highest); only b = 0 is left out
    assert res.stats["7.10"]["0:Tỷ lệ"] == (0, Fraction(3), 4)
    assert res.stats["8.6"]["0:x"] == (15, 60, 3)
    assert {d.code for d in res.diagnostics} == {"CDS620"}
    assert res.results[0].indicators["5.8"].status == "error"
    assert res.results[1].indicators["5.8"].exact == 0 and res.results[3].indicators["5.8"].exact == 5


def test_cohort_decimal_text_value_and_fraction_inputs(huyen):
    units = _cohort_case(huyen, {
        "5.8": [{"x": Decimal(4)}, {"x": "2"}, {"x": Value(6, "B7")}, {"x": Fraction(8)}, {"x": 1}],
        "8.6": [{"x": "2,5"}, {"x": Decimal("7.5")}, {"x": Value("10")}, {"x": 5}, {"x": 3.5}],
        "8.7": [{"x": Fraction(7, 2)}, {"x": "1.234.567"}, {"x": 3}, {"x": "8.333"}, {"x": 0}],
        "7.10": [{"a": "1", "b": Decimal(4)}, {"a": Value(2), "b": "8"}, {"a": 1, "b": 5}, {"a": 0, "b": 3},
                 {"a": Fraction(1), "b": 7}],
        "4.3": [_abcdef("1", Decimal(1), 0, 0, Value(2), 2), _abcdef(1, 0, 0, 0, 2, 2), _abcdef(0, 0, 0, 0, 1, 1),
                _abcdef(0, 0, 0, 0, 1, 1), _abcdef(0, 0, 0, 0, "1", 1)],
    }, n=5)
    res = _check_cohort(huyen, units)
    assert res.stats["8.6"]["0:x"].low == Fraction(5, 2)
    assert res.results[2].indicators["8.6"].exact == 20


def test_cohort_scoring_on_random_plausible_units(huyen):
    rnd = random.Random(19)
    units = [plausible_unit(huyen, f"Huyện {i}", rnd) for i in range(40)]
    res = _check_cohort(huyen, units)
    # plain int data: the cohort indicators were decided by their fast functions
    assert all(c.compiled.fast is not None for c in huyen.cohort_items)
    for r in res:
        assert not set(r.indicators._slow) & {c.key for c in huyen.cohort_items}


def test_totals_fraction_shortcut_is_a_plain_fraction():
    from cdsdsl.scoring.fastpath import pair_fraction as _frac

    for num, den in [(6, 4), (0, 7), (-9, 3), (10**30 + 1, 3 * 10**20)]:
        f, ref = _frac(num, den), Fraction(num, den)
        assert type(f) is Fraction and f == ref and hash(f) == hash(ref) and repr(f) == repr(ref)
        assert (f.numerator, f.denominator) == (ref.numerator, ref.denominator) and f + 1 == ref + 1
