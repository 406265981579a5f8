"""Cohort scoring: min-max, ratio to the best, all equal, ties, ranking (huyện 2023 5.8, 8.6, 7.10)."""
from __future__ import annotations

from fractions import Fraction

from conftest import load_corpus
from eval_helpers import program_of

from cdsdsl.evaluate.cohort_eval import evaluate_cohort, rank
from cdsdsl.evaluate.runtime import minmax_points, ratio_points

SEEDS = {c["id"]: c for c in load_corpus()}


def seed(item, **kw):
    c = SEEDS[item]
    return program_of(c["formula"], c["max"], item=item, title=c["name"], **kw)


def scores(out):
    return {k: v.exact for k, v in out.items() if k != "__notes__"}


def test_huyen_2023_5_8_min_max():
    out = evaluate_cohort(seed("5.8"), {"A": {"x": 0}, "B": {"x": 2}, "C": {"x": 4}})
    assert scores(out) == {"A": 0, "B": Fraction(5, 2), "C": 5}


def test_huyen_2023_5_8_min_max_all_equal():
    assert scores(evaluate_cohort(seed("5.8"), {"A": {"x": 3}, "B": {"x": 3}})) == {"A": 5, "B": 5}
    out = evaluate_cohort(seed("5.8"), {"A": {"x": 0}, "B": {"x": 0}})
    assert scores(out) == {"A": 0, "B": 0}
    assert [d.code for d in out["__notes__"]] == ["CDS622"]


def test_huyen_2023_8_6_ratio_to_best():
    program = seed("8.6", cohort_method="ratio_to_best")
    out = evaluate_cohort(program, {"A": {"x": 50}, "B": {"x": 100}, "C": {"x": 0}})
    assert scores(out) == {"A": 10, "B": 20, "C": 0}


def test_ratio_and_minmax_formulas_edge_cases():
    assert ratio_points(Fraction(0), Fraction(0), Fraction(0), 10, "max") == 0
    assert ratio_points(Fraction(0), Fraction(0), Fraction(5), 10, "min") == 10
    assert minmax_points(Fraction(3), Fraction(1), Fraction(5), 10, "min") == 5


def test_huyen_2023_7_10_best_unit_and_ties():
    units = {"A": {"a": 1, "b": 4}, "B": {"a": 2, "b": 8}, "C": {"a": 1, "b": 10}}
    out = scores(evaluate_cohort(seed("7.10"), units))
    assert out == {"A": 10, "B": 10, "C": 4}


def test_huyen_2023_4_3_highest_ratio_leaves_out_bad_units():
    units = {"A": {k: v for k, v in zip("abcdef", (1, 1, 0, 0, 2, 2))},
             "B": {k: v for k, v in zip("abcdef", (1, 0, 0, 0, 2, 2))},
             "C": {k: v for k, v in zip("abcdef", (0, 0, 0, 0, 0, 0))}}
    out = evaluate_cohort(seed("4.3"), units)
    assert out["A"].exact == 10 and out["B"].exact == 5
    assert [d.code for d in out["__notes__"]] == ["CDS620"]


def test_competition_ranking():
    assert rank([9, 7, 7, 5]) == [1, 2, 2, 4]
    assert rank([5, None, 9]) == [2, 3, 1]
    assert rank([1, 1, 1]) == [1, 1, 1]
