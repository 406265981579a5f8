"""The repository stands alone: a user's clone has nothing beside it.

Every file the project tracks is searched for paths that point outside the
repository (an absolute path to a developer's machine, or the shared
folder the project was first built beside); the data the tests read are checked
to be inside the repository.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

#: an absolute POSIX path into a machine's folders, a Windows user folder, or the old shared folder beside the clone
OUTSIDE = re.compile(
    r"""(?:^|[\s"'`(=:])/(?:work|home|Users|root|farm|mnt|srv|tmp|opt|var)/"""
    r"""|\.\./sha[r]ed\b|\b[A-Za-z]:\\(?:Users|Documents and Settings)\\"""
)


def _tracked_files() -> list[Path]:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):  # an unpacked sdist: no git
        skip = {".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".hypothesis"}
        return [p for p in REPO.rglob("*") if p.is_file() and not skip & set(p.relative_to(REPO).parts)]
    return [REPO / name for name in out.decode("utf-8").split("\0") if name]


def test_no_file_points_outside_the_repository():
    found = []
    for path in _tracked_files():
        if path.suffix in {".xlsx", ".png", ".parquet"}:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()[:120]}")
    assert not found, "paths outside the repository:\n" + "\n".join(found)


def test_the_pattern_catches_what_it_is_for():
    # (the examples are assembled so that this file itself holds no such path)
    for line in ('CORPUS = Path("/' + 'work/shared/corpus/x.jsonl")', "see ../" + "shared/decisions", 'open(r"C:\\Users\\me\\a.csv")',
                 "cds audit /" + "home/me/dak-lak.txt"):
        assert OUTSIDE.search(line), line
    for line in ("rulesets/sources/dak-lak-ket-qua-2021.txt", "a/b*Điểm tối đa", "Tỷ lệ = a/b; 1/2*Điểm tối đa",
                 "https://example.org/" + "work/x"):
        assert not OUTSIDE.search(line), line


@pytest.mark.parametrize("name", ["huyen-ninh-thuan-2023.txt", "quang-tri-2793-2022.txt", "ha-noi-2024.txt",
                                  "dak-lak-ket-qua-2021.txt"])
def test_decision_sources_are_in_the_repository(name):
    path = REPO / "rulesets" / "sources" / name
    assert path.is_file() and path.stat().st_size > 1000
    assert name in (REPO / "rulesets" / "sources" / "README.md").read_text(encoding="utf-8")


def test_corpus_is_in_the_repository(corpus):
    from conftest import CORPUS_PATH
    assert CORPUS_PATH.is_relative_to(REPO)
    assert len(corpus) == 85
