"""Static checks are part of the suite: ruff (pyproject.toml [tool.ruff]: pycodestyle, pyflakes, import order,
bugbear, and mccabe complexity ≤ 20) on the code, tests, docs scripts, benchmarks and examples; mypy
(pyproject.toml [tool.mypy]: the whole package, strict on the packages listed there) on the package; and the
size rule of #11: no module of the package over 600 lines."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAX_MODULE_LINES = 600


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def _have(module: str) -> bool:
    return shutil.which(module) is not None or subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _have("ruff"), reason="ruff is not installed (pip install '.[test]')")
def test_ruff_passes():
    proc = _run("ruff", "check", "--no-cache", "cdsdsl", "tests", "bench", "docs", "examples")
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.skipif(not _have("mypy"), reason="mypy is not installed (pip install '.[test]')")
def test_mypy_passes(tmp_path):
    proc = _run("mypy", "--cache-dir", str(tmp_path / "mypy-cache"))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_no_module_is_over_600_lines():
    big = {str(p.relative_to(ROOT)): n for p in sorted((ROOT / "cdsdsl").rglob("*.py"))
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert big == {}
