"""Installable as users install it: `python -m build` makes an sdist and a wheel; the wheel ships
grammar/ and rulesets/, and, installed into a fresh virtual environment, parses and runs `cds check`
on a shipped ruleset from there (nothing read from this source tree)."""
from __future__ import annotations

import json
import os
import site
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _build(out: Path) -> tuple[Path, Path]:
    """`python -m build --no-isolation`: the sdist, then the wheel built from that sdist (offline)."""
    cmd = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)]
    # run from `out`: from the repository root, a local `build/` folder (bench scripts keep old copies of
    # the package there) would be imported in place of the `build` front end
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=out)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (sdist,) = out.glob("cdsdsl-*.tar.gz")
    (wheel,) = out.glob("cdsdsl-*.whl")
    return sdist, wheel


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> tuple[Path, Path]:
    import build  # noqa: F401  (the `test` extra installs it)
    import hatchling  # noqa: F401  (the wheel is built offline, without build isolation)
    return _build(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="module")
def installed(tmp_path_factory, dist) -> Path:
    wheel = dist[1]
    target = tmp_path_factory.mktemp("wheel") / "site"
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target",
                           str(target), str(wheel)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return target


def _env(target: Path) -> dict:
    paths = [str(target)] + site.getsitepackages()
    return dict(os.environ, PYTHONPATH=os.pathsep.join(paths), PYTHONIOENCODING="utf-8")


def test_grammar_is_in_the_wheel(installed):
    assert (installed / "cdsdsl" / "data" / "grammar" / "formula.lark").is_file()
    assert (installed / "cdsdsl" / "data" / "rulesets" / "huyen-ninh-thuan-2023.cds").is_file()
    locale = installed / "cdsdsl" / "diagnostics" / "locale"
    for lang in ("vi", "en"):  # the message catalogues, compiled and source
        for suffix in (".mo", ".po"):
            assert (locale / lang / "LC_MESSAGES" / f"cdsdsl{suffix}").is_file()


def test_installed_package_parses_a_corpus_cell(installed, tmp_path, corpus_by_id):
    code = (
        "import json, sys, cdsdsl\n"
        "from cdsdsl.syntax.grammars import grammar_path\n"
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


def test_sdist_holds_what_the_tests_and_rulesets_need(dist):
    import tarfile
    with tarfile.open(dist[0]) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for needed in ("grammar/formula.lark", "grammar/ruleset.lark", "rulesets/huyen-ninh-thuan-2023.cds",
                   "rulesets/sources/huyen-ninh-thuan-2023.txt", "tests/data/seed-formulas.jsonl",
                   "examples/huyen-ninh-thuan-2023/cohort.csv", "pyproject.toml", "README.md"):
        assert needed in names, needed


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory, dist) -> Path:
    """A new virtual environment with the wheel installed as users install it (`pip install WHEEL`).

    Offline: the runtime dependencies are taken from this environment through a .pth file, which
    Python reads after the venv's own site-packages, so cdsdsl itself comes from the wheel."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    py = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    own = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         capture_output=True, text=True, check=True).stdout.strip()
    proc = subprocess.run([str(py), "-m", "pip", "install", "--no-index", "--no-deps", str(dist[1])],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # after the install, so that pip does not find this environment's own copy of cdsdsl and skip it
    deps = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (Path(own) / "cdsdsl_test_deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    return venv


def test_installed_wheel_checks_a_shipped_ruleset(fresh_venv, tmp_path):
    bindir = fresh_venv / ("Scripts" if os.name == "nt" else "bin")
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("PYTHONPATH", None)
    where = subprocess.run(
        [str(bindir / "python"), "-c",
         "import cdsdsl; from cdsdsl.syntax.grammars import ruleset_path, shipped_rulesets; "
         "print(cdsdsl.__file__); print(ruleset_path('huyen-ninh-thuan-2023')); print(*shipped_rulesets())"],
        capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, env=env, timeout=120)
    assert where.returncode == 0, where.stderr
    module, ruleset, names = where.stdout.splitlines()
    assert Path(module).resolve().is_relative_to(fresh_venv.resolve())
    assert Path(ruleset).resolve().is_relative_to(fresh_venv.resolve())
    assert set(names.split()) >= {"huyen-ninh-thuan-2023", "quang-tri-2022-so", "ha-noi-2024-huyen"}
    # `cds check` on the shipped ruleset, from the venv's own entry point: the decision's known
    # mistakes are found (exit 1), e.g. the missing `%` of indicator 3.3 (CDS302)
    proc = subprocess.run([str(bindir / "cds"), "check", ruleset, "--lang", "en"], capture_output=True,
                          text=True, encoding="utf-8", cwd=tmp_path, env=env, timeout=120)
    assert "Traceback" not in proc.stderr
    assert proc.returncode in (0, 1), proc.stderr
    assert "CDS302" in proc.stdout + proc.stderr


def test_installed_wheel_serves_the_pages_from_its_own_files(fresh_venv, tmp_path):
    """`cds serve`'s templates and static files are inside the wheel (issue #15): the pages and the script
    answer from the installed package, nothing from the source tree or the internet."""
    bindir = fresh_venv / ("Scripts" if os.name == "nt" else "bin")
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("PYTHONPATH", None)
    code = ("import cdsdsl.web.app as a; from starlette.testclient import TestClient; "
            "from cdsdsl.syntax.grammars import ruleset_path; "
            "c = TestClient(a.create_app('.', ruleset_path('huyen-ninh-thuan-2023'))); print(a.HERE); "
            "print(c.get('/').status_code, c.get('/unit').status_code, c.get('/static/app.js').status_code, "
            "c.get('/static/app.css').status_code)")
    proc = subprocess.run([str(bindir / "python"), "-W", "ignore", "-c", code], capture_output=True, text=True,
                          encoding="utf-8", cwd=tmp_path, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    here, codes = proc.stdout.splitlines()[-2:]
    assert Path(here).resolve().is_relative_to(fresh_venv.resolve())
    assert codes == "200 200 200 200"
