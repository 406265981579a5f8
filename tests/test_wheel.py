"""The wheel ships grammar/ and the installed package parses from there."""
from __future__ import annotations

import json
import os
import site
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _build_wheel(out: Path) -> Path:
    try:
        import build  # noqa: F401
        cmd = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)]
    except ImportError:
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
               "-w", str(out), str(REPO)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (wheel,) = out.glob("cdsdsl-*.whl")
    return wheel


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    import hatchling  # noqa: F401  (the `test` extra installs it: the wheel is built offline)
    tmp = tmp_path_factory.mktemp("wheel")
    wheel = _build_wheel(tmp / "dist")
    target = tmp / "site"
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target",
                           str(target), str(wheel)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return target


def _env(target: Path) -> dict:
    paths = [str(target)] + site.getsitepackages()
    return dict(os.environ, PYTHONPATH=os.pathsep.join(paths), PYTHONIOENCODING="utf-8")


def test_grammar_is_in_the_wheel(installed):
    assert (installed / "cdsdsl" / "grammar" / "formula.lark").is_file()


def test_installed_package_parses_a_corpus_cell(installed, tmp_path, corpus_by_id):
    code = (
        "import json, sys, cdsdsl\n"
        "from cdsdsl.grammars import grammar_path\n"
        "f = cdsdsl.parse_formula(sys.stdin.read())\n"
        "print(json.dumps({'file': cdsdsl.__file__, 'grammar': str(grammar_path('formula.lark')),\n"
        "                  'text': cdsdsl.print_formula(f)}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], input=corpus_by_id["3.1"]["formula"], capture_output=True,
                          text=True, encoding="utf-8", cwd=tmp_path, env=_env(installed), timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert Path(out["file"]).resolve().is_relative_to(installed.resolve())
    assert Path(out["grammar"]).resolve().is_relative_to(installed.resolve())
    assert "+ Tỷ lệ ≥ 70%: Điểm tối đa" in out["text"]
