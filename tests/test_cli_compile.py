"""`cds compile`: a standalone module, imported without cdsdsl in a fresh process, agrees with `cds score`."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from decimal import Decimal
from fractions import Fraction

import pytest
from _cli_util import ROOT, RULESET_IDS, RULESETS, cds, cds_subprocess, example, no_traceback, rel, uncorrected

import cdsdsl
from cdsdsl.scoring.score import compile_ruleset

# Runs in a fresh interpreter (-I: no PYTHONPATH, no user site) where importing cdsdsl or lark fails.
RUNNER = textwrap.dedent('''
    import importlib.abc, json, sys
    from fractions import Fraction

    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("cdsdsl", "lark"):
                raise ImportError("blocked: " + name)
            return None

    sys.meta_path.insert(0, Block())
    sys.path.insert(0, sys.argv[1])
    import compiled_ruleset as m

    def hook(d):
        return Fraction(*d["fraction"]) if set(d) == {"fraction"} else d

    job = json.loads(sys.stdin.read(), object_hook=hook)
    out = {}
    for unit, items in job["units"].items():
        for item, inputs in items.items():
            try:
                out[unit + "|" + item] = str(m.score(item, inputs, digits=job["digits"], rounding=job["rounding"],
                                                     zero_division=job["zero_division"]))
            except m.Fault as f:
                out[unit + "|" + item] = "Fault " + f.code
    print(json.dumps({"indicators": sorted(m.INDICATORS), "points": out}))
''')


def _plain(raw):
    if isinstance(raw, (Decimal, float)):
        f = Fraction(raw)
        return {"fraction": [f.numerator, f.denominator]}
    if isinstance(raw, Fraction):
        return {"fraction": [raw.numerator, raw.denominator]}
    if isinstance(raw, (list, tuple)):
        return [_plain(x) for x in raw]
    return raw


@pytest.mark.parametrize("ruleset", RULESETS, ids=RULESET_IDS)
def test_compiled_module_agrees_with_cds_score(ruleset, tmp_path):
    module = tmp_path / "compiled_ruleset.py"
    r = cds("compile", rel(ruleset), "-o", module)
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 0, r.stderr
    text = module.read_text(encoding="utf-8")
    assert "import cdsdsl" not in text and "from cdsdsl" not in text and "lark" not in text

    score = cds("score", rel(ruleset), rel(example(ruleset)), "--format", "json")
    assert score.exit_code in (0, 1), score.stderr
    points = {(u["unit"], i["id"]): i for u in json.loads(score.stdout)["units"] for i in u["indicators"]}

    rs = cdsdsl.load_ruleset(ruleset)
    compiled = compile_ruleset(rs)
    units, _ = cdsdsl.read_units(example(ruleset), rs)
    # what the module scores alone: formulas that neither compare units nor sum other indicators
    alone = [c.key for c in compiled.items if c.compiled is not None and not c.needs_cohort and c.sums is None]
    # each cell twice: as typed (text: the module's exact path) and as the number it was read as (ints and
    # option numbers: the module's fast functions on integers)
    job = {"digits": rs.rounding.digits, "rounding": rs.rounding.mode, "zero_division": rs.zero_division,
           "units": {f"{u.name}{tag}": {k: {key: _plain(v.raw if tag == "" or v.number is None else v.number)
                                            for key, v in u.values.get(k, {}).items()}
                                        for k in alone if points[(u.name, k)]["status"] == "scored"}
                     for u in units for tag in ("", "#number")}}
    p = subprocess.run([sys.executable, "-I", "-c", RUNNER, str(tmp_path)], input=json.dumps(job),
                       capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    got = json.loads(p.stdout)
    assert set(got["indicators"]) == {c.key for c in compiled.items if c.program is not None}
    compared = 0
    for key, value in got["points"].items():
        unit, item = key.split("|")
        assert value == points[(unit.removesuffix("#number"), item)]["points"], (unit, item)
        compared += 1
    assert compared == sum(len(v) for v in job["units"].values())
    if alone:
        assert compared > 0


def test_compile_to_stdout_is_valid_python():
    r = cds("compile", "rulesets/huyen-ninh-thuan-2023.cds")
    assert r.exit_code == 0
    compile(r.stdout, "module.py", "exec")
    assert "def chi_so_1_3(" in r.stdout
    assert r.stdout.startswith("# Bộ chỉ số / ruleset: Bộ chỉ số đánh giá chuyển đổi số cấp huyện")
    assert r.stderr == ""  # the bundled ruleset corrects the decision's mistakes
    no_traceback(r.stdout, r.stderr)


def test_compile_names_a_formula_with_errors(tmp_path):
    # the decision as signed: 6.10 names `Tỷ lệ 1`; it is left out and named on stderr with its place
    r = cds("compile", uncorrected(ROOT / "rulesets/huyen-ninh-thuan-2023.cds", tmp_path))
    assert r.exit_code == 0
    compile(r.stdout, "module.py", "exec")
    assert "def chi_so_1_3(" in r.stdout
    assert "chỉ số 6.10" in r.stderr and "huyen-ninh-thuan-2023-goc.cds" in r.stderr
    no_traceback(r.stdout, r.stderr)


def test_compile_subprocess_and_use(tmp_path):
    out = tmp_path / "huyen.py"
    p = cds_subprocess("compile", "rulesets/huyen-ninh-thuan-2023.cds", "-o", out)
    assert p.returncode == 0, p.stderr
    use = ("import sys; sys.path.insert(0, sys.argv[1]); import huyen; "
           "print(huyen.score('1.3', {'a': 7, 'b': 21}))")
    q = subprocess.run([sys.executable, "-I", "-c", use, str(tmp_path)], capture_output=True, text=True,
                       encoding="utf-8", timeout=60)
    assert q.returncode == 0, q.stderr
    assert q.stdout.strip() == "3.33"  # 7/21 of 10 points, rounded once


def test_compile_missing_ruleset():
    r = cds("compile", "rulesets/khong-co.cds", "-o", "x.py")
    assert r.exit_code == 2
    assert "không tìm thấy tệp bộ chỉ số rulesets/khong-co.cds" in r.stderr
    assert not (ROOT / "x.py").exists()
    no_traceback(r.stdout, r.stderr)
