"""The compiler: safe identifiers, exact constants, a standalone exported module."""
from __future__ import annotations

import ast
import keyword
import subprocess
import sys
from pathlib import Path

from conftest import load_corpus
from eval_helpers import program_of
from hypothesis import given
from hypothesis import strategies as st

from cdsdsl.evaluate.codegen import compile_program, module_source
from cdsdsl.evaluate.mangle import Mangler, identifier

REPO = Path(__file__).resolve().parents[1]


@given(st.text(min_size=0, max_size=30))
def test_mangled_identifiers_are_safe(text):
    m = Mangler()
    ident = m(text)
    assert ident.isidentifier() and not keyword.iskeyword(ident) and not ident.startswith("_")
    assert m(text) == ident


def test_mangle_readable_and_collision_free():
    m = Mangler()
    assert m("Tỷ lệ") == "ty_le"
    assert m("Tỉ lệ") == "ty_le_2" or m("Tỉ lệ") == "ti_le"
    assert m("class") == "class_"
    assert identifier("Điểm tối đa") == "diem_toi_da"
    assert m("a") != m("A")


def test_huyen_2023_5_12_1_exact_constants_in_generated_code():
    cell = next(c for c in load_corpus() if c["id"] == "5.12.1")
    compiled = compile_program(program_of(cell["formula"], cell["max"], item="5.12.1"))
    assert "_F1_10 = _Fraction(1, 10)" in compiled.source
    tree = ast.parse(compiled.source)
    assert not any(isinstance(node, ast.Constant) and isinstance(node.value, float) for node in ast.walk(tree))


def test_user_text_only_as_constants():
    program = program_of("- Đã ban hành'); import os; os.system('x'): Điểm tối đa\n- Chưa ban hành: 0 điểm", 5,
                         item="2.1")
    src = compile_program(program).source
    tree = ast.parse(src)
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    assert "os" not in names
    assert compile_program(program)({"lựa chọn": 1}).exact == 5


def test_module_source_imports_without_the_parser(tmp_path):
    corpus = load_corpus()
    programs = [program_of(c["formula"], c["max"], item=c["id"], title=c["name"]) for c in corpus]
    (tmp_path / "huyen2023.py").write_text(module_source(programs, title="huyen-ninh-thuan-2023"), encoding="utf-8")
    code = ("import sys, huyen2023\n"
            "assert 'lark' not in sys.modules and 'cdsdsl' not in sys.modules\n"
            "print(huyen2023.score('1.3', {'a': 7, 'b': 21}), huyen2023.score('8.8', {'số lượng': 30}),"
            " huyen2023.score('1.1', {'lựa chọn': 2}))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["3.33", "20.00", "5.00"]
