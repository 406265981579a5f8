"""Benchmark: `cds serve` under load on localhost, and the Author page's re-check of a whole decision (run by hand).

    .venv/bin/python bench/bench_web.py [--clients 8] [--requests 2000] [--rechecks 30]

Starts the real `cds serve rulesets/huyen-ninh-thuan-2023.cds` on a free port (its own process, as a user runs
it), then:
1. load: N concurrent clients (threads, one keep-alive HTTP connection each) send the requests of
   POST /api/v1/score between them, each a different made-up unit (1.3 a/b, 1.1's choice, 1.4 x vary), and
   check every answer (status 200, 1.3's points equal to a/b × 10 rounded as the ruleset says, computed here
   with Fractions); reports errors, requests per second and the latency p50/p95/p99/max;
2. re-check: what the Author page does after the author stops typing (debounced): POST /author/check with the
   whole Ninh Thuận decision (38 000 characters, 85 formulas), each time with a different character changed so
   that no cache helps, and the whole answer (the laid-out table, 100 kB of HTML) received; reports the median
   and worst round trip against the 300 ms target of issue #15.
Results are recorded under "Web server" in docs/performance.md.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RULESET = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
LOAD0 = ""
CHOICES = ["Trưởng ban là Bí thư/Chủ tịch cấp Huyện", "Trưởng ban là Phó Bí thư/Phó Chủ tịch cấp Huyện"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(work: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "cdsdsl", "serve", str(RULESET), "--port", str(port),
                             "--workdir", str(work)], env=env, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/api/v1")
            c.getresponse().read()
            return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("cds serve did not start")


def expected_13(a: int, b: int) -> str:
    return str((Decimal(Fraction(a, b).numerator * 10) / Decimal(Fraction(a, b).denominator)).quantize(
        Decimal("0.01"), ROUND_HALF_UP))


def client(port: int, jobs: list[int], latencies: list[float], errors: list[str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for n in jobs:
        a, b = n % 37, 37 + n % 11
        unit = {"name": f"Huyện {n}", "values": {"1.3": {"a": a, "b": b}, "1.1": {"lựa chọn": CHOICES[n % 2]},
                                                 "1.4": {"x": n % 30}}}
        body = json.dumps({"unit": unit}).encode("utf-8")
        t = time.perf_counter()
        try:
            conn.request("POST", "/api/v1/score", body=body, headers={"content-type": "application/json"})
            resp = conn.getresponse()
            data = resp.read()
        except OSError as exc:  # a timeout or a closed connection is an error of the run, counted
            errors.append(f"unit {n}: {type(exc).__name__} {exc}")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            continue
        latencies.append(time.perf_counter() - t)
        if resp.status != 200:
            errors.append(f"{resp.status} {data[:200]!r}")
            continue
        got = next(i["points"] for i in json.loads(data)["result"]["indicators"] if i["id"] == "1.3")
        if got != expected_13(a, b):
            errors.append(f"unit {n}: 1.3 = {got}, expected {expected_13(a, b)}")
    conn.close()


def load(port: int, clients: int, requests: int) -> None:
    latencies: list[float] = []
    errors: list[str] = []
    shares = [list(range(i, requests, clients)) for i in range(clients)]
    threads = [threading.Thread(target=client, args=(port, s, latencies, errors)) for s in shares]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t
    q = statistics.quantiles(latencies, n=100)
    print(f"(machine: {os.cpu_count()} CPUs, load average before/after {LOAD0} / {os.getloadavg()[0]:.1f}, "
          f"reference {reference()})")
    print(f"load: {clients} clients, {len(latencies)} POST /api/v1/score, errors {len(errors)}, "
          f"{len(latencies) / wall:.0f} req/s, latency ms p50 {q[49] * 1000:.1f}, p95 {q[94] * 1000:.1f}, "
          f"p99 {q[98] * 1000:.1f}, max {max(latencies) * 1000:.1f}")
    for e in errors[:5]:
        print("  error:", e)


def recheck(port: int, times: int) -> None:
    text = RULESET.read_text(encoding="utf-8")
    where = text.index("Chỉ số 1.3")
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    took: list[float] = []
    for i in range(times + 1):
        changed = text[:where] + f"# sửa lần {i}\n" + text[where:]  # a new text each time: no cache helps
        body = urllib.parse.urlencode({"text": changed, "format": "", "max": "10"}).encode("utf-8")
        t = time.perf_counter()
        conn.request("POST", "/author/check", body=body,
                     headers={"content-type": "application/x-www-form-urlencoded"})
        resp = conn.getresponse()
        html = resp.read()
        if i:  # the first warms the server's parser up (a page opened once)
            took.append(time.perf_counter() - t)
        assert resp.status == 200 and b'data-code="CDS540"' in html, resp.status
    conn.close()
    print(f"re-check of the whole decision ({len(text)} characters, answer {len(html) // 1024} kB): "
          f"median {statistics.median(took) * 1000:.0f} ms, worst {max(took) * 1000:.0f} ms over {times} "
          f"(target ≤ 300 ms; reference {reference()}, load average {os.getloadavg()[0]:.1f})")


def reference() -> str:
    """The `sum(range(10000))` reference of bench/bench_check.py: how fast this machine is right now."""
    import timeit
    best = min(timeit.repeat("sum(range(10000))", number=100, repeat=7)) / 100
    return f"{best * 1e6:.0f} µs"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--rechecks", type=int, default=30)
    args = ap.parse_args()
    global LOAD0
    LOAD0 = f"{os.getloadavg()[0]:.1f}"
    with tempfile.TemporaryDirectory() as work:
        proc, port = start(Path(work))
        try:
            recheck(port, args.rechecks)
            load(port, args.clients, args.requests)
        finally:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
