"""A computed quantity used later is the same quantity, never a new input (issue #12, item 1).

A cell computes `Tỷ lệ = a/b` and a later line means it without naming it: a condition list that never
repeats the name (``- Từ 80% trở lên: Điểm tối đa``, ``- Đạt trên 90%: ...``) or a cohort method
(``Tính điểm theo phương pháp Min-Max``, ``... so với đơn vị cao nhất``).  The unit is asked for a and b
only, and the points come from a/b.  Where two computed quantities could be meant, the cell is refused
with CDS210 naming both (never a guess).  The cells are written for these tests in the manner of the
decisions; each rule is exercised in several wordings (``Tỷ lệ``, ``tỷ lệ``, ``Tỉ lệ``, ``Tỷ lệ (%)``)."""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from eval_helpers import BACKENDS, program_of

import cdsdsl
from cdsdsl.evaluate.cohort_eval import evaluate_cohort
from cdsdsl.scoring.score import score_cohort
from cdsdsl.scoring.unitdata import Unit

DECL = "a = Số xã đã có cổng thông tin điện tử\nb = Tổng số xã trên địa bàn\n"
RATIO_LINES = ["Tỷ lệ = a/b", "- tỷ lệ = a/b", "Tỉ lệ = a/b", "- Tỷ lệ (%) = a/b x 100%", "TỶ LỆ = a / b"]
LEVELS = [
    "- Từ 80% trở lên: Điểm tối đa\n- Từ 50% đến dưới 80%: 1/2 Điểm tối đa\n- Dưới 50%: 0 điểm",
    "+ Đạt từ 80% trở lên: Điểm tối đa;\n+ Đạt từ 50% đến dưới 80%: 1/2*Điểm tối đa;\n+ Đạt dưới 50%: 0 điểm",
    "Thang điểm:\n- ≥ 80%: Điểm tối đa\n- Từ 50% - dưới 80%: 50% điểm\n- Còn lại: 0 điểm",
    "Mức 1 ≥ 80% (điểm tối đa)\nMức 2 ≥ 50% (50% điểm)\nMức 3: < 50%: 0 điểm",
]


def keys(program):
    return [s.key for s in program.inputs]


@pytest.mark.parametrize("ratio", RATIO_LINES)
@pytest.mark.parametrize("levels", LEVELS)
def test_conditions_without_a_name_compare_the_computed_ratio(ratio, levels):
    program = program_of(DECL + ratio + "\n" + levels, 10)
    assert keys(program) == ["a", "b"]  # no `x`, no `tỷ lệ` asked again
    assert not [d for d in program.diagnostics if d.severity.name == "ERROR"]
    for a, expected in [(8, 10), (10, 10), (5, 5), (7, 5), (4, 0), (0, 0)]:
        for run in BACKENDS.values():
            assert run(program, {"a": a, "b": 10}).exact == expected, (a, run)


@pytest.mark.parametrize("ratio", RATIO_LINES[:3])
def test_above_90_percent_with_otherwise(ratio):
    program = program_of(DECL + ratio + "\n- Đạt trên 90%: Điểm tối đa\n- Các trường hợp còn lại: 0 điểm", 4)
    assert keys(program) == ["a", "b"]
    for run in BACKENDS.values():
        assert run(program, {"a": 9, "b": 10}).exact == 0  # exactly 90% is not above 90%
        assert run(program, {"a": 91, "b": 100}).exact == 4


def test_cli_inputs_lists_only_the_parts_of_the_ratio(tmp_path):
    from click.testing import CliRunner

    from cdsdsl.cli import main
    f = tmp_path / "cell.txt"
    f.write_text(DECL + "Tỷ lệ = a/b\n- Từ 80% trở lên: Điểm tối đa\n- Dưới 80%: 0 điểm", encoding="utf-8")
    out = CliRunner().invoke(main, ["inputs", str(f), "--max", "10"])
    assert out.exit_code == 0, out.output
    assert "Số xã đã có cổng thông tin điện tử" in out.output and "Tổng số xã trên địa bàn" in out.output
    assert "tỷ lệ" not in out.output.lower().replace("tỷ lệ = a/b", "")


# ---------------------------------------------------------------- cohort methods on the computed ratio

COHORT_LINES = [
    "Tính điểm theo phương pháp Min-Max",
    "- Tính điểm theo phương pháp min-max dựa trên tỷ lệ của các xã",
    "Điểm được tính theo phương pháp Min - Max",
]


@pytest.mark.parametrize("ratio", RATIO_LINES[:4])
@pytest.mark.parametrize("method", COHORT_LINES)
def test_min_max_ranks_the_computed_ratio(ratio, method):
    program = program_of(DECL + ratio + "\n" + method, 10)
    assert keys(program) == ["a", "b"]
    out = evaluate_cohort(program, {"A": {"a": 1, "b": 10}, "B": {"a": 3, "b": 5}, "C": {"a": 7, "b": 7}})
    # ratios 10 %, 60 %, 100 %: min-max gives 0, 10 × (0,6 − 0,1)/(1 − 0,1) = 50/9, 10
    assert {k: v.exact for k, v in out.items() if k != "__notes__"} == {"A": 0, "B": Fraction(50, 9), "C": 10}


def test_ratio_to_the_best_unit_ranks_the_computed_ratio():
    text = DECL + "Tỉ lệ = a/b\nĐiểm tính theo tỷ lệ của xã so với xã có tỷ lệ cao nhất"
    program = program_of(text, 6, cohort_method="ratio_to_best")
    assert keys(program) == ["a", "b"]
    out = evaluate_cohort(program, {"A": {"a": 1, "b": 4}, "B": {"a": 1, "b": 2}})
    assert {k: v.exact for k, v in out.items() if k != "__notes__"} == {"A": 3, "B": 6}  # 25 % / 50 % × 6


def test_a_ruleset_scores_the_cohort_on_the_computed_ratio(tmp_path):
    """The compiled scorer (`score_cohort`) agrees with the interpreter, and the unit types a and b only."""
    cds = tmp_path / "xa.cds"
    cds.write_text("Bộ chỉ số: Thử\nVăn bản: Quyết định thử\n\nMục 1 | Hạ tầng | 10\n\n"
                   "Chỉ số 1.1 | Cổng thông tin cấp xã | 10\nCách tính:\n"
                   "    a = Số xã đã có cổng thông tin điện tử\n    b = Tổng số xã trên địa bàn\n    Tỷ lệ = a/b\n"
                   "    Tính điểm theo phương pháp Min-Max\n", encoding="utf-8")
    rs = cdsdsl.load_ruleset(cds)
    units = [Unit("A", {"1.1": {"a": 1, "b": 10}}), Unit("B", {"1.1": {"a": 3, "b": 5}}),
             Unit("C", {"1.1": {"a": 7, "b": 7}})]
    result = score_cohort(rs, units)
    got = {r.unit: r.indicators["1.1"].exact for r in result.results}
    assert got == {"A": 0, "B": Fraction(50, 9), "C": 10}
    # and the SQL engine (one query for the cohort) ranks the same computed ratio
    from cdsdsl.sql.engine import score_cohort_sql

    by_sql = score_cohort_sql(rs, units)
    assert {r.unit: r.indicators["1.1"].exact for r in by_sql.results} == got
    assert [(r.unit, r.rank) for r in by_sql.ranking()] == [(r.unit, r.rank) for r in result.ranking()]


def test_equal_ratios_warn_no_spread(tmp_path):
    program = program_of(DECL + "Tỷ lệ = a/b\nTính điểm theo phương pháp Min-Max", 10)
    out = evaluate_cohort(program, {"A": {"a": 1, "b": 2}, "B": {"a": 2, "b": 4}, "C": {"a": 5, "b": 10}})
    assert {v.exact for k, v in out.items() if k != "__notes__"} == {10}
    assert [d.code for d in out["__notes__"]] == ["CDS622"]


# ---------------------------------------------------------------- two computed quantities: CDS210

TWO = ("a = Số xã có cổng thông tin\nb = Tổng số xã\nc = Số hồ sơ trực tuyến\nd = Tổng số hồ sơ\n"
       "{one} = a/b\n{two} = c/d\n")


@pytest.mark.parametrize("names", [("Tỷ lệ 1", "Tỷ lệ 2"), ("Tỷ lệ xã", "Tỷ lệ hồ sơ"), ("e", "f")])
@pytest.mark.parametrize("rest", [LEVELS[0], LEVELS[3], "- Đạt trên 90%: Điểm tối đa\n- Còn lại: 0 điểm",
                                  COHORT_LINES[0]])
def test_two_computed_quantities_are_an_ambiguity_error(names, rest):
    text = TWO.format(one=names[0], two=names[1]) + rest
    program = program_of(text, 10)
    errors = [d for d in program.diagnostics if d.code == "CDS210"]
    assert len(errors) == 1 and errors[0].severity.name == "ERROR"
    message = errors[0].message()
    assert f"`{names[0]}`" in message and f"`{names[1]}`" in message
    assert f"`{names[0]}`" in errors[0].message("en")
    assert text[errors[0].span.start:errors[0].span.end].strip()  # located at the line(s) that name nothing
    with pytest.raises(cdsdsl.ScoreError) as info:  # never scored with a guess
        cdsdsl.evaluate_program(program, {"a": 1, "b": 1, "c": 1, "d": 1})
    assert "CDS210" in {d.code for d in info.value.diagnostics}
    assert "CDS210" in {d.code for d in cdsdsl.check_formula(text, 10)}


@pytest.mark.parametrize("text", [
    TWO.format(one="Tỷ lệ 1", two="Tỷ lệ 2") + "Tỷ lệ = (Tỷ lệ 1 + Tỷ lệ 2)/2\n" + LEVELS[0],  # combined: one
    TWO.format(one="Tỷ lệ 1", two="Tỷ lệ 2") + "- Tỷ lệ 2 >= 80%: Điểm tối đa\n- Tỷ lệ 2 < 80%: 0 điểm",  # named
    DECL + "Tỷ lệ = a/b\nk = Tỷ lệ của xã cao nhất\n" + LEVELS[0],  # the cohort's highest is no reading
])
def test_one_reading_is_no_ambiguity(text):
    assert "CDS210" not in {d.code for d in program_of(text, 10).diagnostics}


def test_a_later_computation_that_uses_the_ratio_is_the_subject():
    # `Tỷ lệ = a/b`, then `c = Tỷ lệ * 100`: conditions on plain numbers compare c (the ratio in percent points)
    text = DECL + "Tỷ lệ = a/b\nc = Tỷ lệ * 100\n- Từ 80 trở lên: Điểm tối đa\n- Dưới 80: 0 điểm"
    program = program_of(text, 10)
    assert program.parts[0].scoring.subject.name == "c" and keys(program) == ["a", "b"]
    for run in BACKENDS.values():
        assert run(program, {"a": 8, "b": 10}).exact == 10
        assert run(program, {"a": 79, "b": 100}).exact == 0


def test_the_diagnostics_page_lists_cds210():
    page = (Path(__file__).resolve().parents[1] / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    assert "CDS210" in page
