"""The example cohorts in examples/: labelled, reproducible, consistent, readable, scorable; embed.py runs."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cdsdsl.dataentry.forms import ILLUSTRATION_NOTE, build_form, indicator_program, read_units
from cdsdsl.diagnostics.render import render_diagnostics
from cdsdsl.evaluate.runtime import to_number
from cdsdsl.rulesets.model import load_ruleset

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
RULESETS = sorted((REPO / "rulesets").glob("*.cds"))
HAS_SCORING = importlib.util.find_spec("cdsdsl.scoring.score") is not None
ENV = dict(os.environ, PYTHONPATH=str(REPO), PYTHONIOENCODING="utf-8")


def example(stem: str) -> Path:
    files = [p for p in (EXAMPLES / stem).iterdir() if p.name.startswith("cohort")]
    assert len(files) == 1, files
    return files[0]


@pytest.mark.parametrize("ruleset_path", RULESETS, ids=lambda p: p.stem)
def test_every_ruleset_has_a_labelled_example(ruleset_path):
    path = example(ruleset_path.stem)
    head = path.read_text(encoding="utf-8")[:400]
    assert ILLUSTRATION_NOTE in head and "made-up illustration data" in head


@pytest.mark.parametrize("ruleset_path", RULESETS, ids=lambda p: p.stem)
def test_example_reads_cleanly(ruleset_path):
    rs = load_ruleset(ruleset_path)
    units, diags = read_units(example(ruleset_path.stem), rs)
    assert diags == [], render_diagnostics(diags)
    assert 5 <= len(units) <= 10 or ruleset_path.stem == "huyen-ninh-thuan-2023"
    names = [u.name for u in units]
    assert len(set(names)) == len(names)
    form = build_form(rs)
    for u in units:
        for f in form.fields:
            v = u.get(f.indicator, f.key)
            if f.kind == "points" and v is not None:
                pts = to_number(v.raw, "points")
                assert 0 <= pts <= (f.max_points or 0), (u.name, f.column, v.raw)


def test_units_come_from_the_decisions_lists():
    for stem in ("ha-noi-2024-huyen", "ha-noi-2024-thanh-pho"):
        rs = load_ruleset(REPO / "rulesets" / f"{stem}.cds")
        listed = set(rs.unit_list("Phụ lục I").units)
        units, _ = read_units(example(stem), rs)
        assert {u.name for u in units} <= listed
    # Hà Nội 7.1 applies to Phụ lục II only: filled for those units, empty for the others
    rs = load_ruleset(REPO / "rulesets" / "ha-noi-2024-thanh-pho.cds")
    annex2 = set(rs.unit_list("Phụ lục II").units)
    units, _ = read_units(example("ha-noi-2024-thanh-pho"), rs)
    assert any(u.name in annex2 for u in units) and any(u.name not in annex2 for u in units)
    for u in units:
        assert (u.get("7.1", "điểm") is not None) == (u.name in annex2)


def test_quang_tri_departments_with_priority_sectors():
    rs = load_ruleset(REPO / "rulesets" / "quang-tri-2022-so.cds")
    units, _ = read_units(example("quang-tri-2022-so"), rs)
    groups = {u.name: u.group for u in units}
    assert groups["Sở Y tế"] == "VI" and groups["Sở Tư pháp"] is None
    assert sum(1 for g in groups.values() if g) >= 3
    for u in units:
        filled_groups = {item.split(".")[0] for item in u.values if not item[0].isdigit()}
        assert filled_groups <= ({u.group} if u.group else set())


def test_ninh_thuan_example_is_consistent():
    rs = load_ruleset(REPO / "rulesets" / "huyen-ninh-thuan-2023.cds")
    units, _ = read_units(example("huyen-ninh-thuan-2023"), rs)
    assert len(units) >= 8
    assert "Huyện Bác Ái" in {u.name for u in units}
    form = build_form(rs)
    for ind in rs.indicators:
        prog = indicator_program(rs, ind)
        for n, pw in enumerate(prog.part_wholes):
            keys = {f.key for f in form.fields + form.fact_filled if f.indicator == ind.key}

            def key(name: str) -> str:
                return name if name in keys else f"{n + 1}.{name}"

            for u in units:
                part = sum(to_number(u.get(ind.key, key(k)).raw, "count" if ind.key != "7.1" else "money")
                           for k in pw.parts) if all(u.get(ind.key, key(k)) for k in pw.parts) else None
                whole = sum(to_number(u.get(ind.key, key(k)).raw, "money") for k in pw.wholes)
                assert part is not None and part <= whole, (u.name, ind.key, pw)
    # options come from the allowed lists (read_units checks them) and money is in triệu đồng
    f = form.field("5.12.2", "x")
    assert f.unit == "triệu đồng"
    for u in units:
        assert to_number(u.get("5.12.2", "x").raw, "money") < to_number(u.get("5.12.1", "a").raw, "money")


def test_examples_are_reproducible():
    p = subprocess.run([sys.executable, str(EXAMPLES / "make_examples.py"), "--check"], capture_output=True,
                       text=True, encoding="utf-8", env=ENV)
    assert p.returncode == 0, p.stdout + p.stderr


@pytest.mark.skipif(not HAS_SCORING, reason="cdsdsl.scoring.score is not written yet")
@pytest.mark.parametrize("ruleset_path", RULESETS, ids=lambda p: p.stem)
def test_examples_score(ruleset_path):
    from cdsdsl.scoring.score import score_cohort

    rs = load_ruleset(ruleset_path)
    units, _ = read_units(example(ruleset_path.stem), rs)
    result = score_cohort(rs, units)
    assert len(result) == len(units)
    assert sorted(r.rank for r in result.results)[0] == 1
    for r in result.results:
        assert 0 <= r.total <= r.max_points
        # every missing value would be a data error: the examples fill every input they should
        missing = [d for d in r.diagnostics if d.code == "CDS600"]
        if not rs.groups:  # (a department is not asked for other sectors' indicators)
            assert missing == [], render_diagnostics(missing[:3])


@pytest.mark.skipif(not HAS_SCORING, reason="cdsdsl.scoring.score is not written yet")
def test_embed_runs():
    p = subprocess.run([sys.executable, str(EXAMPLES / "embed.py")], capture_output=True, text=True,
                       encoding="utf-8", env=ENV, cwd=EXAMPLES.parent.parent)
    assert p.returncode == 0, p.stderr
    assert "Traceback" not in p.stdout + p.stderr
    assert "Xếp hạng / ranking" in p.stdout and "  1. " in p.stdout
    assert "Chỉ số 1.3:" in p.stdout  # one unit's explanation


@pytest.mark.skipif(not HAS_SCORING, reason="cdsdsl.scoring.score is not written yet")
def test_embed_runs_on_another_ruleset():
    p = subprocess.run([sys.executable, str(EXAMPLES / "embed.py"), str(REPO / "rulesets" / "quang-tri-2022-xa.cds"),
                        str(example("quang-tri-2022-xa")), "--lang", "en"], capture_output=True, text=True,
                       encoding="utf-8", env=ENV)
    assert p.returncode == 0, p.stderr
    assert "Xã " in p.stdout and "Traceback" not in p.stderr
