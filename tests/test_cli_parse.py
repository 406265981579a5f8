"""`cds parse [FILE|-]`: tree and JSON output, exit codes, no tracebacks."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cdsdsl.cli import main

REPO = Path(__file__).resolve().parents[1]
CELL_3_1 = ("= Số lượng người dân trưởng thành có điện thoại thông minh;\nb= Tổng dân số của cấp huyện;\n"
            "- Tỷ lệ=a/b\n- Điểm:\n+ Tỷ lệ >= 70%: Điểm tối đa;\n+ Tỷ lệ < 70%: Điểm = Tỷ lệ*Điểm tối đa")


def run(args, input=None):
    return CliRunner().invoke(main, ["parse", *args], input=input, catch_exceptions=False)


def test_parse_stdin_prints_the_tree():
    r = run(["-"], input="- Đã ban hành: Điểm tối đa\n- Chưa ban hành: 0 điểm")
    assert r.exit_code == 0, r.output
    assert "Cases" in r.output and "Option label='Đã ban hành'" in r.output
    assert "Traceback" not in r.output


def test_parse_file_json(tmp_path):
    f = tmp_path / "3.1.txt"
    f.write_text(CELL_3_1, encoding="utf-8")
    r = CliRunner().invoke(main, ["parse", str(f), "--format", "json"], catch_exceptions=False)
    assert r.exit_code == 0
    payload = json.loads(r.stdout)
    assert payload["type"] == "Formula"
    body = payload["parts"][0]["body"]
    assert body[0] == {"type": "InputDecl", "name": "a",
                       "description": "Số lượng người dân trưởng thành có điện thoại thông minh",
                       "unit": None, "constant": None, "span": [0, 58], "name_span": [0, 1],
                       "recovered": True}
    assert [d["code"] for d in payload["diagnostics"]] == ["CDS150"]
    assert payload["diagnostics"][0]["line"] == 1


def test_parse_text_format_prints_canonical_text():
    r = run(["-", "--format", "text"], input="Tỷ lệ=a/b\nĐiểm=Tỷ lệ*Điểm tối đa")
    assert r.exit_code == 0
    assert r.stdout.strip() == "- Tỷ lệ = a / b\n- Điểm = Tỷ lệ * Điểm tối đa"


def test_syntax_error_exit_1_with_rendered_diagnostic():
    r = run(["-"], input="- Tỷ lệ >= : Điểm tối đa")
    assert r.exit_code == 1
    assert "CDS107" in r.output and "so sánh thiếu vế phải" in r.output
    assert "Traceback" not in r.output


def test_syntax_error_in_english():
    r = run(["-", "--lang", "en"], input="- Tỷ lệ >= : Điểm tối đa")
    assert r.exit_code == 1
    assert "a comparison is missing its right-hand side" in r.output


def test_missing_file_exit_2(tmp_path):
    r = run([str(tmp_path / "nope.txt")])
    assert r.exit_code == 2
    assert "nope.txt" in r.output and "Traceback" not in r.output


def test_bad_option_exit_2():
    r = CliRunner().invoke(main, ["parse", "-", "--format", "yaml"], input="a")
    assert r.exit_code == 2


def _subprocess(args, input=None, cwd=None):
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "cdsdsl", "parse", *args], input=input, capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=cwd, timeout=60)


def test_subprocess_ok(tmp_path):
    p = _subprocess(["-"], input=CELL_3_1, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert "InputDecl name='a'" in p.stdout
    assert "CDS150" in p.stderr
    assert "Traceback" not in p.stdout + p.stderr


def test_subprocess_syntax_error(tmp_path):
    p = _subprocess(["-"], input="Tỷ lệ = (a+b/c", cwd=tmp_path)
    assert p.returncode == 1
    assert "CDS103" in p.stderr and "Traceback" not in p.stdout + p.stderr


def test_subprocess_missing_file(tmp_path):
    p = _subprocess([str(tmp_path / "missing.txt")], cwd=tmp_path)
    assert p.returncode == 2
    assert "Traceback" not in p.stdout + p.stderr


@pytest.mark.parametrize("text", ["(" * 1000 + "a" + ")" * 1000, "\x00\x01", ""])
def test_subprocess_never_tracebacks(tmp_path, text):
    p = _subprocess(["-"], input=text, cwd=tmp_path)
    assert p.returncode in (0, 1)
    assert "Traceback" not in p.stdout + p.stderr
