"""Shared by the CLI tests: the bundled rulesets with their example cohorts, and runners."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from cdsdsl.cli import main

ROOT = Path(__file__).resolve().parents[1]
RULESETS = sorted((ROOT / "rulesets").glob("*.cds"))
RULESET_IDS = [p.stem for p in RULESETS]


def example(ruleset: Path) -> Path:
    """The example cohort of a bundled ruleset (examples/<name>/cohort.csv or .json)."""
    found = sorted((ROOT / "examples" / ruleset.stem).glob("cohort.*"))
    assert found, f"no example cohort for {ruleset.name}"
    return found[0]


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


def cds(*args: str, cwd: Path = ROOT):
    """Run `cds ARGS` in-process (CliRunner), from the repository root; stdout and stderr apart."""
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    finally:
        os.chdir(old)


def cds_subprocess(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `python -m cdsdsl ARGS` in a real process."""
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
               PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "cdsdsl", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def no_traceback(*texts: str) -> None:
    for t in texts:
        assert "Traceback" not in (t or ""), t


def uncorrected(ruleset: Path, tmp_path: Path) -> Path:
    """A copy of a ruleset without its `Sửa:` corrections: the decision's text as it was signed."""
    out, in_correction = [], False
    for line in ruleset.read_text(encoding="utf-8").split("\n"):
        if line.startswith("Sửa:"):
            in_correction = True
            continue
        if in_correction and (line.startswith("    ") or line.startswith("Lý do sửa:")):
            continue
        in_correction = False
        out.append(line)
    copy = tmp_path / f"{ruleset.stem}-goc.cds"
    copy.write_text("\n".join(out), encoding="utf-8")
    return copy
