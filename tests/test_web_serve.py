"""`cds serve` (issue #15): the command starts the server on the port asked, binds this machine only by default,
reports an unloadable ruleset and a busy port as usage errors (exit 2) without a traceback."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

ROOT = Path(__file__).resolve().parents[1]
RULESET = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cds(*args: str, cwd: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8")
    return subprocess.Popen([sys.executable, "-m", "cdsdsl", "serve", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_up(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise AssertionError(proc.stderr.read().decode("utf-8") if proc.stderr else "exited")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


def test_serve_starts_on_the_port_and_answers_the_api(tmp_path):
    port = free_port()
    proc = cds(str(RULESET), "--port", str(port), "--workdir", str(tmp_path / "work"), cwd=tmp_path)
    try:
        wait_up(f"http://127.0.0.1:{port}/api/v1", proc)
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/score?lang=en", method="POST",
                                     data=json.dumps({"unit": {"name": "Huyện A", "values": {"1.3": {"a": 7, "b": 21}}}}
                                                     ).encode("utf-8"), headers={"content-type": "application/json"})
        got = json.load(urllib.request.urlopen(req, timeout=30))
        assert got["result"]["indicators"][2]["points"] == "3.33"  # 7/21 × 10
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30).read().decode("utf-8")
        assert "Soạn bộ chỉ số" in page
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in err.decode("utf-8")
    assert {p.name for p in tmp_path.iterdir()} == {"work"}  # nothing written beside the working folder


def test_serve_refuses_a_busy_port_and_an_unloadable_ruleset(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        proc = cds(str(RULESET), "--port", str(port), cwd=tmp_path)
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and f"cổng {port}" in err.decode("utf-8")
    bad = tmp_path / "hong.cds"
    bad.write_bytes(b"B\xe1\xbb\x99 ch\xff s\xe1\xbb\x91: x\n")
    proc = cds(str(bad), "--port", str(free_port()), "--lang", "en", cwd=tmp_path)
    _, err = proc.communicate(timeout=120)
    text = err.decode("utf-8")
    assert proc.returncode == 2 and "CDS550" in text and "Traceback" not in text
