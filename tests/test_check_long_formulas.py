"""Long scoring texts — a whole document pasted into one cell, a generated ruleset — are checked
with the right findings at the right lines (the case checks no longer compare every pair of
cases), and an expression too long to read is an error at its place (CDS160), not a crash.

No timing here: bench/bench_check_size.py measures the growth (docs/performance.md, "Checking
long formulas").
"""
from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest
from _checkutil import RATIO
from _cli_util import cds
from hypothesis import given, settings
from hypothesis import strategies as st

from cdsdsl import FormulaSyntaxError, check_formula, compile_formula, evaluate_formula, parse_formula
from cdsdsl.checks.analysis import LintContext
from cdsdsl.semantics.resolve import resolve
from cdsdsl.syntax.parser import MAX_TREE_DEPTH

CASE_CODES = {"CDS401", "CDS402", "CDS403", "CDS404", "CDS405", "CDS406"}


def pct(k: int, steps: int) -> str:
    """k/steps of 100 %, written as a decision writes it (`12,35%`)."""
    return format((Decimal(100 * k) / Decimal(steps)).normalize(), "f").replace(".", ",") + "%"


def bands(steps: int, *, closed_at: int | None = None) -> list[str]:
    """`- Từ a% đến dưới b%: …` for `steps` adjacent bands covering 0%–100%; the band `closed_at`
    is written `đến b%` (its upper end included), so it shares that value with the next band."""
    lines = []
    for k in range(steps):
        upper = "đến" if k == closed_at or k == steps - 1 else "đến dưới"
        points = "Điểm tối đa" if k % 2 else "0 điểm"
        lines.append(f"- Từ {pct(k, steps)} {upper} {pct(k + 1, steps)}: {points}")
    return lines


def case_findings(text: str, max_points=10) -> list:
    return [d for d in check_formula(text, max_points) if d.code in CASE_CODES]


def test_two_thousand_adjacent_bands_have_no_finding():
    text = RATIO + "\n".join(bands(2000))
    assert case_findings(text) == []


def test_two_thousand_bands_with_one_shared_end_report_that_overlap_at_its_line():
    # band 1234 (line 1238 after the 3 declarations) is written `đến 61,75%`: the value 61,75% is in
    # it and in the next band, which gives other points -> one warning, on the next band's line
    text = RATIO + "\n".join(bands(2000, closed_at=1234))
    (d,) = case_findings(text)
    assert d.code == "CDS402"
    assert d.position == (3 + 1235 + 1, 3)
    # (the subject is named `Tỷ lệ`: before, the label was the text of the whole 2 000-line list)
    assert d.message() == ("`Từ 61,7% đến 61,75%` và `Từ 61,75% đến dưới 61,8%` cùng đúng khi Tỷ lệ = 61,75%, "
                           "cho điểm khác nhau (0 và 10); trường hợp viết trước được dùng")
    # the same band list of 20 lines reports the same kind of finding at the same place
    (small,) = case_findings(RATIO + "\n".join(bands(20, closed_at=12)))
    assert small.code == "CDS402" and small.position == (3 + 13 + 1, 3)


def test_a_band_written_twice_in_a_long_list_is_the_one_unreachable_case():
    lines = bands(2000)
    lines.insert(1500, lines[700])  # line 1501 repeats line 701: `Từ 35% đến dưới 35,05%`
    (d,) = case_findings(RATIO + "\n".join(lines))
    assert d.code == "CDS404"
    assert d.position == (3 + 1501, 3)
    assert d.message() == ("trường hợp `Từ 35% đến dưới 35,05%` không bao giờ được dùng: mọi giá trị thoả điều "
                           "kiện này đã thoả `Từ 35% đến dưới 35,05%` viết trước")


def test_a_level_out_of_order_among_a_thousand_levels_names_the_level_it_falls_under():
    # huyện Ninh Thuận 2023 5.12.2 wrote `Mức 1 ≥ 2,5%`, `Mức 2 ≥ 3%`: here followed by 1 000 more levels
    levels = ["Mức 1: ≥ 2,5%: 100% điểm", "Mức 2: ≥ 3%: 70% điểm"]
    levels += [f"Mức {k + 3}: ≥ {pct(999 - k, 1000 * 40)}: {(999 - k) * 60 // 1000}% điểm" for k in range(999)]
    levels.append("Mức 1002: < " + pct(1, 1000 * 40) + ": 0% điểm")
    (d,) = case_findings(RATIO + "\n".join(levels))
    assert d.code == "CDS405"
    assert d.position == (3 + 2, 8)
    assert d.message() == ("các mức không theo thứ tự: Mức 2 (≥ 3%) đòi hỏi cao hơn Mức 1 (≥ 2,5%) "
                           "nên không bao giờ đạt được")


# ------------------------------------------------------------------ the analyses against brute force

OPS = [">=", ">", "<=", "<", "="]


def _holds(cond, x):
    kind, a, b = cond
    if kind == "range":
        return a <= x < b
    return {">=": x >= a, ">": x > a, "<=": x <= a, "<": x < a, "=": x == a}[kind]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.tuples(st.sampled_from(OPS), st.integers(0, 10), st.just(0)),
                          st.tuples(st.just("range"), st.integers(0, 10), st.integers(0, 10))),
                min_size=2, max_size=12))
def test_first_overlap_and_first_taker_agree_with_comparing_every_pair(conds):
    """`first_crossing` (CDS402/403) and `first_owner` (CDS404/405), found by sweeps, are what
    comparing the cases pair by pair on sampled values gives."""
    conds = [(k, a, b) for k, a, b in conds if k != "range" or a < b]
    if len(conds) < 2:
        return
    def text_of(c):
        kind, a, b = c
        return f"Từ {a * 10}% đến dưới {b * 10}%" if kind == "range" else f"Tỷ lệ {kind} {a * 10}%"
    text = RATIO + "\n".join(f"- {text_of(c)}: {i + 1}/20*Điểm tối đa" for i, c in enumerate(conds))
    (a,) = LintContext(resolve(parse_formula(text), 10)).analyses
    values = sorted({Fraction(k, 20) for k in range(0, 21)})  # every threshold, every midpoint, 0..100%
    sets = [{x for x in values if _holds((kind, Fraction(p, 10), Fraction(q, 10)), x)} for kind, p, q in conds]
    crossing = a.first_crossing()
    for k in range(len(conds)):
        crossers = [i for i in range(len(conds))
                    if i != k and sets[i] & sets[k] and not sets[i] <= sets[k] and not sets[k] <= sets[i]]
        assert crossing[k] == (min(crossers) if crossers else None), (k, conds)
        takers = [min(i for i in range(len(conds)) if x in sets[i]) for x in sets[k]]
        assert a.first_owner(k) == (min(takers) if takers else None), (k, conds)


# ------------------------------------------------------------------ CDS160: an expression too long

def test_a_sum_of_250_terms_is_an_error_at_its_case_not_a_crash():
    result = "(" + " + ".join(["a"] * 250) + ") / 250 * Điểm tối đa"
    text = "a = Số văn bản được ký số\n- Tỷ lệ >= 80%: " + result + "\n- Còn lại: 0 điểm"
    with pytest.raises(FormulaSyntaxError) as info:
        parse_formula(text)
    (d,) = info.value.diagnostics
    assert d.code == "CDS160"
    assert text[d.span.start:d.span.end] == result
    assert d.position == (2, 17)
    assert d.message() == (f"biểu thức quá dài: khoảng 254 phép tính nối tiếp nhau trong một biểu thức "
                           f"(tối đa {MAX_TREE_DEPTH})")
    assert d.message("en") == "expression too long: about 254 operations chained in one expression (at most 200)"
    assert "T1 = a1 + … + a100" in d.hint()
    # check_formula returns it as a finding, with the place
    (found,) = check_formula(text, 10)
    assert (found.code, found.position) == ("CDS160", (2, 17))


def test_a_thousand_terms_on_one_line_is_cds160_not_nested_parentheses():
    # before: CDS104 "parentheses nested too deeply" at line 1, column 1, of a text with no parentheses
    text = "Điểm = " + " + ".join(f"a{i + 1}" for i in range(1000))
    (d,) = check_formula(text, 10)
    assert d.code == "CDS160" and d.position == (1, 1)


def test_a_sum_just_within_the_bound_is_checked_and_scored():
    terms = MAX_TREE_DEPTH - 10
    text = "a = Số văn bản được ký số\nĐiểm = (" + " + ".join(["a"] * terms) + f") / {terms} * Điểm tối đa"
    assert not [d for d in check_formula(text, 10) if d.severity.value == "error"]
    assert evaluate_formula(text, 10, {"a": 1}) == compile_formula(text, 10)({"a": 1}) == 10


def test_cds_check_reports_the_overlap_of_a_long_ruleset_cell_at_its_file_line(tmp_path):
    body = "\n".join("    " + line for line in (RATIO + "\n".join(bands(2000, closed_at=1234))).split("\n"))
    f = tmp_path / "dai.cds"
    f.write_text("Bộ chỉ số: Bộ chỉ số thử\nVăn bản: Quyết định thử\nTổng điểm: 10\n\n"
                 "Mục 1 | Mục thử | 10\n\nChỉ số 1.1 | Tỷ lệ hồ sơ trực tuyến | 10\nCách tính:\n" + body + "\n",
                 encoding="utf-8")
    r = cds("check", str(f), "--format", "json")
    assert r.exit_code == 0, r.output
    found = [d for d in json.loads(r.output) if d["code"] in CASE_CODES]
    assert len(found) == 1 and found[0]["code"] == "CDS402"
    assert found[0]["line"] == 8 + 3 + 1236 and found[0]["column"] == 7


def test_a_level_numbered_one_million_lists_the_missing_numbers_as_one_run():
    # the work and the message grew with the number written: `Mức 1000000` listed 999 998 numbers (7,9 MB)
    text = RATIO + "Mức 1: ≥ 10%: 100% điểm\nMức 1: ≥ 5%: 50% điểm\nMức 1000000: < 5%: 0% điểm"
    (d,) = [d for d in check_formula(text, 10) if d.code == "CDS406"]
    assert d.message() == "số thứ tự các mức không liên tục: 1, 1, 1000000 (thiếu hoặc trùng 2–999999, 1)"
    assert d.message("en") == ("the levels are not numbered consecutively: 1, 1, 1000000 "
                               "(missing or repeated 2–999999, 1)")
    # a short run is still listed number by number
    (short,) = [d for d in check_formula(RATIO + "Mức 1: ≥ 10%: 100% điểm\nMức 4: < 10%: 0% điểm", 10)
                if d.code == "CDS406"]
    assert short.message() == "số thứ tự các mức không liên tục: 1, 4 (thiếu hoặc trùng 2, 3)"


def test_cds_check_shows_a_long_pasted_line_around_each_finding_only():
    # a case list of 1 000 lines pasted on one line (24 000 characters): every finding printed the whole
    # line, 43 MB for 1 000 findings; now a window around the marked case, the carets under it
    from cdsdsl.diagnostics.render import render_diagnostic

    text = "; ".join(["- Tỷ lệ >= 50%: 5 điểm"] * 1000)
    found = [d for d in check_formula(text, 10) if d.code == "CDS404"]
    assert len(found) == 999
    d = found[500]
    lines = render_diagnostic(d).split("\n")
    shown, carets = lines[2].split(" │ ", 1)[1], lines[3].split(" │ ", 1)[1]
    assert len(shown) <= 1002 and shown.startswith("…") and shown.endswith("…")
    start = carets.index("^")
    assert shown[start:start + carets.count("^")] == "Tỷ lệ >= 50%: 5 điểm" == d.source.excerpt(d.span)
    # a line of ordinary length is shown whole, as before
    short = [x for x in check_formula("- Tỷ lệ >= 50%: 5 điểm; - Tỷ lệ >= 50%: 5 điểm", 10) if x.code == "CDS404"]
    assert render_diagnostic(short[0]).split("\n")[2] == "1 │ - Tỷ lệ >= 50%: 5 điểm; - Tỷ lệ >= 50%: 5 điểm"


def test_a_thousand_wide_overlapping_bands_with_the_same_points_each_name_the_first_band():
    # `Từ k·0,05% đến k·0,05% + 50%: 5 điểm`: every band overlaps the first one on a long stretch with
    # the same points (information CDS403, at the first value they share); the points are compared once
    lines = [f"- Từ {pct(k, 2000)} đến {pct(k + 1000, 2000)}: 5 điểm" for k in range(1000)]
    found = case_findings(RATIO + "\n".join(lines + ["- Còn lại: 0 điểm"]))
    assert [d.code for d in found] == ["CDS403"] * 999
    d = found[499]  # band 500, line 3 + 501
    assert d.position == (3 + 501, 3)
    assert d.message() == ("`Từ 0% đến 50%` và `Từ 25% đến 75%` cùng đúng khi Tỷ lệ = 25%; cả hai cho cùng số điểm (5) "
                           "nên kết quả không đổi")
