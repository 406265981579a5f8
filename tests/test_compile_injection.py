"""`cds compile` writes user text into a Python module: it must never become code.

The ruleset's file name and the `-o` name go into the module's comment header, the
ruleset's title and decision into the header and the module docstring, indicator ids,
names, option labels and formula words into constants.  Each test below copies the
Ninh Thuận 2023 district ruleset (rulesets/huyen-ninh-thuan-2023.cds), makes one of these
texts hostile, compiles it, and imports the module in a fresh `python -I` whose working
folder is empty: nothing may happen there (no PWNED file), the module must import, and its
points on examples/huyen-ninh-thuan-2023/cohort.csv must be the interpreter's.
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
import pytest
from _cli_util import ROOT, cds, no_traceback

import cdsdsl
from cdsdsl.cli.compile_cmd import module_text
from cdsdsl.diagnostics.core import CdsError
from cdsdsl.evaluate.interpret import Policy, evaluate_program
from cdsdsl.evaluate.quoting import quote, verify_module
from cdsdsl.scoring.score import compile_ruleset

RULESET = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
COHORT = ROOT / "examples" / "huyen-ninh-thuan-2023" / "cohort.csv"
# what each hostile text tries to run: creating a file in the working folder
PAYLOAD = '__import__("pathlib").Path("PWNED").touch()'
EVIL_FILE_NAME = f'evil\n{PAYLOAD}\n#.cds'
OPTION = "Trưởng ban là Bí thư/Chủ tịch cấp Huyện"  # indicator 1.1, option 1, as cohort.csv spells it

HOSTILE_TEXTS = [
    f"x\n{PAYLOAD}\n#",
    f"x\r{PAYLOAD}\r#",
    f"x\r\n{PAYLOAD}\n",
    f'x"""\n{PAYLOAD}\n"""',
    f"x'''\n{PAYLOAD}\n'''",
    f'x\\\n{PAYLOAD}',
    f"x\x00{PAYLOAD}",
    f"x\u2028{PAYLOAD}\u2029",
    f"x\x0c\x0b\x1b[31m{PAYLOAD}",
    "x coding: latin-1 ",
    "x\ud800\udfff lone surrogates",
]

# Imports the module from its file in an empty folder and scores the job's units (like tests/test_cli_compile.py)
RUNNER = textwrap.dedent('''
    import json, runpy, sys
    from fractions import Fraction

    m = runpy.run_path(sys.argv[1])

    def hook(d):
        return Fraction(*d["fraction"]) if set(d) == {"fraction"} else d

    job = json.loads(sys.stdin.read(), object_hook=hook)
    out = {}
    for unit, items in job["units"].items():
        for item, inputs in items.items():
            try:
                out[unit + "|" + item] = str(m["score"](item, inputs, digits=job["digits"], rounding=job["rounding"],
                                                        zero_division=job["zero_division"]))
            except m["Fault"] as f:
                out[unit + "|" + item] = "Fault " + f.code
    print(json.dumps({"indicators": sorted(m["INDICATORS"]), "points": out, "doc": m["__doc__"]}))
''')


def _plain(raw):
    from decimal import Decimal
    from fractions import Fraction

    if isinstance(raw, (Decimal, float, Fraction)):
        f = Fraction(raw)
        return {"fraction": [f.numerator, f.denominator]}
    if isinstance(raw, (list, tuple)):
        return [_plain(x) for x in raw]
    return raw


def hostile_copy(folder: Path, file_name: str = "huyen.cds", *, title: str | None = None,
                 decision: str | None = None, section: str | None = None, name: str | None = None,
                 option: str | None = None) -> tuple[Path, Path]:
    """The district ruleset with some texts replaced, and its example cohort with the option renamed."""
    text = RULESET.read_text(encoding="utf-8")
    if title is not None:
        text = text.replace("Bộ chỉ số: Bộ chỉ số đánh giá chuyển đổi số cấp huyện\n", f"Bộ chỉ số: {title}\n", 1)
    if decision is not None:
        start = text.index("\nVăn bản: ") + 1
        text = text[:start] + f"Văn bản: {decision}" + text[text.index("\n", start):]
    if section is not None:
        text = text.replace("Mục 1 | Nhận thức số | 60", f"Mục 1 | {section} | 60", 1)
    if name is not None:
        text = text.replace("Chỉ số 1.1 | Người đứng đầu huyện có là thành viên của Ban chỉ đạo, điều hành "
                            "Chuyển đổi số của tỉnh | 10", f"Chỉ số 1.1 | {name} | 10", 1)
    if option is not None:
        text = text.replace(f"    - {OPTION}: Điểm tối đa", f"    - {option}: Điểm tối đa", 1)
    ruleset = folder / file_name
    ruleset.write_text(text, encoding="utf-8")
    cohort = folder / "cohort.csv"
    with COHORT.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    with cohort.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([[option if option is not None and cell == OPTION else cell for cell in row]
                                 for row in rows])
    return ruleset, cohort


def compile_and_compare(ruleset: Path, cohort: Path, module: Path, run_in: Path, *, cwd: Path) -> dict:
    """`cds compile` (run from ``cwd`` with the names as given), then the module in an empty folder:
    no side effect, it imports, and its points equal the interpreter's.  Returns the runner's output."""
    r = cds("compile", ruleset.relative_to(cwd), "-o", module.relative_to(cwd), cwd=cwd)
    no_traceback(r.stdout, r.stderr)
    assert r.exit_code == 0, r.stderr
    text = module.read_text(encoding="utf-8")
    for line in text.split("\n"):
        if not line.startswith("#"):
            break
        assert PAYLOAD not in line or line.lstrip().startswith("#")
    assert text.encode("utf-8").count(b"\x00") == 0

    # the reference: the interpreter (interpret.evaluate_program) on each unit's figures
    rs = cdsdsl.load_ruleset(ruleset)
    compiled = compile_ruleset(rs)
    units, _ = cdsdsl.read_units(cohort, rs)
    policy = Policy(zero_division=rs.zero_division, digits=rs.rounding.digits, rounding=rs.rounding.mode)
    alone = [c for c in compiled.items if c.compiled is not None and not c.needs_cohort and c.sums is None]
    expected, job_units = {}, {}
    for u in units:
        for c in alone:
            inputs = u.values.get(c.key, {})
            try:
                expected[f"{u.name}|{c.key}"] = str(evaluate_program(c.program, inputs, policy=policy).points)
            except CdsError:
                continue  # the unit's data cannot be scored (the example has such units): not compared
            job_units.setdefault(u.name, {})[c.key] = {key: _plain(v.raw) for key, v in inputs.items()}
    job = {"digits": rs.rounding.digits, "rounding": rs.rounding.mode, "zero_division": rs.zero_division,
           "units": job_units}
    p = subprocess.run([sys.executable, "-I", "-c", RUNNER, str(module)], input=json.dumps(job),
                       capture_output=True, text=True, encoding="utf-8", timeout=120, cwd=run_in)
    assert p.returncode == 0, p.stderr
    assert list(run_in.iterdir()) == [], "importing the module did something in its working folder"
    got = json.loads(p.stdout)
    assert set(got["indicators"]) == {c.key for c in compiled.items if c.program is not None}
    assert got["points"] == expected
    # indicator 1.1 (options) is scored by the module for every unit of the example
    assert sum(1 for key in got["points"] if key.endswith("|1.1")) == len(units) > 0
    return got


@pytest.fixture
def folders(tmp_path):
    work, empty = tmp_path / "work", tmp_path / "empty"
    work.mkdir()
    empty.mkdir()
    return work, empty


def test_the_reported_file_name_runs_nothing_when_the_module_is_imported(folders):
    work, empty = folders
    ruleset, cohort = hostile_copy(work, EVIL_FILE_NAME)
    compile_and_compare(ruleset, cohort, work / "module.py", empty, cwd=work)
    assert not (work / "PWNED").exists()


@pytest.mark.parametrize("file_name", [
    'quote".cds', "quote'.cds", 'triple"""quotes.cds', "back\\slash\\.cds", "tab\tand\rcr.cds",
    "x\u2028y.cds", f"evil\r{PAYLOAD}\r#.cds", "coding: latin-1.cds", "bad-\udcff-byte.cds",
])
def test_hostile_ruleset_file_names(folders, file_name):
    work, empty = folders
    ruleset, cohort = hostile_copy(work, file_name)
    compile_and_compare(ruleset, cohort, work / "module.py", empty, cwd=work)


@pytest.mark.parametrize("out_name", [f"out\n{PAYLOAD}\n#.py", 'o"""\\.py', "o\r.py", "coding=latin-1.py"])
def test_hostile_output_names(folders, out_name):
    work, empty = folders
    ruleset, cohort = hostile_copy(work)
    compile_and_compare(ruleset, cohort, work / out_name, empty, cwd=work)


@pytest.mark.parametrize("hostile", [
    f'Bộ chỉ số """ {PAYLOAD} """ \\ \' "',
    "Bộ chỉ số \x00 có NUL",
    "coding: latin-1 — Bộ chỉ số cấp huyện",
    "Bộ chỉ số \x1b[31m \x7f \u200b \ufeff",
])
def test_hostile_title_decision_section_and_indicator_name(folders, hostile):
    work, empty = folders
    ruleset, cohort = hostile_copy(work, title=hostile, decision=hostile + " (văn bản)",
                                   section=hostile + " (mục)", name=hostile + " (chỉ số)")
    got = compile_and_compare(ruleset, cohort, work / "module.py", empty, cwd=work)
    assert quote(hostile, "comment") in got["doc"]  # the title, escaped, in the module's docstring


@pytest.mark.parametrize("label", [
    'Trưởng ban là "Bí thư" \\ Chủ tịch """cấp""" Huyện',
    "Trưởng ban là Bí thư' + __import__('pathlib').Path('PWNED').touch() + '",
    'Trưởng ban là Bí thư" + __import__("pathlib").Path("PWNED").touch() + "',
    "Trưởng ban là Bí thư\\' + __import__(\\'pathlib\\').Path(\\'PWNED\\').touch() + \\'",
    "Trưởng ban là Bí thư \\n Chủ tịch cấp Huyện {0} %s",
])
def test_hostile_option_labels_in_the_formula(folders, label):
    work, empty = folders
    ruleset, cohort = hostile_copy(work, option=label)
    compile_and_compare(ruleset, cohort, work / "module.py", empty, cwd=work)


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_header_of_any_loader_is_comments_only(tmp_path, hostile):
    # a ruleset from a workbook may hold any text in its title or decision cell (CR, NUL, U+2028…)
    rs = cdsdsl.load_ruleset(RULESET)
    rs = attrs.evolve(rs, title=hostile, decision=hostile)
    text, _ = module_text(rs, f"cds compile {hostile} -o {hostile}.py")
    module = tmp_path / "m.py"
    module.write_bytes(text.encode("utf-8"))
    code = "import runpy, sys; m = runpy.run_path(sys.argv[1]); print(m['score']('1.3', {'a': 7, 'b': 21}))"
    p = subprocess.run([sys.executable, "-I", "-c", code, str(module)], capture_output=True, text=True,
                       encoding="utf-8", timeout=60, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "3.33"  # 7/21 of 10 points
    assert sorted(x.name for x in tmp_path.iterdir()) == ["m.py"]
    header = [line for line in text.split("\n") if line.startswith("#")]
    assert len(header) >= 5 and all(line.isprintable() for line in header)


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS + ["", "plain", "đơn vị ' \" \\"])
def test_quote_literal_reads_back_exactly(hostile):
    import ast

    assert ast.literal_eval(quote(hostile)) == hostile


@pytest.mark.parametrize("hostile", HOSTILE_TEXTS)
def test_quote_comment_is_one_printable_line(hostile):
    c = quote(hostile, "comment")
    assert c.isprintable() and "\n" not in c and "\r" not in c and "\x00" not in c
    c.encode("utf-8")
    assert "coding:" not in c and "coding=" not in c
    compile(f"# {c}\nx = 1\n".encode("utf-8"), "m.py", "exec")


def test_a_module_that_would_not_be_itself_is_refused_not_written(folders, monkeypatch):
    # if a header line ever stopped being a comment, `cds compile` must fail, exit != 0, write nothing
    work, _ = folders
    import cdsdsl.scoring.module as cc  # module_text (moved from cli/compile_cmd so the web API shares it)

    monkeypatch.setattr(cc, "_comment", lambda text: str(text))  # the escaping forgotten
    rs_evil = hostile_copy(work, EVIL_FILE_NAME)[0]
    r = cds("compile", rs_evil.name, "-o", "module.py", cwd=work)
    assert r.exit_code != 0
    assert "CDS632" in r.stderr
    assert not (work / "module.py").exists()
    no_traceback(r.stdout, r.stderr)
    # with a NUL the file could not even be imported
    rs_nul = hostile_copy(work, "nul.cds", title="x\x00y")[0]
    r = cds("compile", rs_nul.name, "-o", "module.py", "--lang", "en", cwd=work)
    assert r.exit_code != 0 and "CDS632" in r.stderr and "not valid" in r.stderr
    assert not (work / "module.py").exists()


def test_verify_module_names_what_is_wrong():
    good = "x = 1\n"
    assert verify_module("# title\n" + good, good) is None
    assert "differ" in verify_module(f"# title\n{PAYLOAD}\n" + good, good)
    assert verify_module("# a\x00b\n" + good, good) is not None
    assert verify_module("# coding: latin-1\nx = 'ả'\n", "x = 'ả'\n") is not None


def test_docstrings_and_compile_names_never_carry_raw_user_text():
    # an indicator id with a NUL used to reach compile()'s file name: ValueError
    f = cdsdsl.compile_formula("a = Số lượng\nb = Tổng số\nTỷ lệ = a/b\nĐiểm = Tỷ lệ * Điểm tối đa", 10,
                               item="1.3\x00\n'''")
    assert str(f({"a": 7, "b": 21})) == "3.33"
    assert "\x00" not in f.compiled.source


def test_module_source_that_does_not_compile_is_an_error(monkeypatch):
    from cdsdsl.evaluate import codegen

    rs = cdsdsl.load_ruleset(RULESET)
    programs = [c.program for c in compile_ruleset(rs).items if c.program is not None][:3]
    monkeypatch.setattr(codegen.ast, "unparse", lambda tree: "def broken(:\n")
    with pytest.raises(CdsError) as e:
        codegen.module_source(programs)
    assert e.value.code == "CDS632"
