"""README.md stays true: its Python example prints what its comment says, its commands exist, and
.ci/run runs exactly its two quick-start commands."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_example_prints_what_it_says(tmp_path):
    code = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    expected = re.findall(r"#\s*(?:→\s*)?(\S+)\s*$", code, re.M)
    script = tmp_path / "vi_du.py"
    script.write_text(code, encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, encoding="utf-8",
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == expected


def test_quick_start_commands_are_the_ones_ci_runs():
    blocks = {m.group(1): m.group(2).strip() for m in
              re.finditer(r"<!-- quickstart:(\w+) -->\n```sh\n(.*?)\n```", README, re.S)}
    assert set(blocks) == {"setup", "test"}
    assert "cds rank rulesets/huyen-ninh-thuan-2023.cds examples/huyen-ninh-thuan-2023/cohort.csv" in blocks["setup"]
    assert (ROOT / "rulesets/huyen-ninh-thuan-2023.cds").exists()
    assert (ROOT / "examples/huyen-ninh-thuan-2023/cohort.csv").exists()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "readme_command setup" in ci and "readme_command test" in ci
    # ... in a clone of the repository made in an empty temporary folder, so nothing beside it is used
    assert 'work="$(mktemp -d)"' in ci and 'git clone -q "$src" "$work/cdsdsl"' in ci
    assert ci.index("git clone") < ci.index('bash -c "$setup"')


def test_every_cds_command_the_readme_shows_exists():
    from click.testing import CliRunner

    from cdsdsl.cli import main

    for name in sorted(set(re.findall(r"^cds (\w+)", README, re.M))):
        r = CliRunner().invoke(main, [name, "--help"])
        assert r.exit_code == 0, name
