"""Shared fixtures: the seed corpus of formula cells and the decision texts, both inside the repository."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI (CI=true) runs the property tests on a fixed sequence of examples, so that a red run can be
# reproduced and a green one is not luck; a developer's run explores new examples every time
# (and the `slow` marker runs larger budgets).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


REPO = Path(__file__).resolve().parents[1]
#: the 85 formula cells of huyện Ninh Thuận 2023, verbatim (copied from the decision text)
CORPUS_PATH = REPO / "tests" / "data" / "seed-formulas.jsonl"
#: the decision texts the rulesets are transcribed from (see rulesets/sources/README.md)
SOURCES = REPO / "rulesets" / "sources"


def load_corpus() -> list[dict]:
    """The 85 formula cells of huyen-ninh-thuan-2023, as dicts
    (``source``, ``id``, ``max``, ``name``, ``formula``)."""
    with CORPUS_PATH.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def corpus() -> list[dict]:
    return load_corpus()


@pytest.fixture(scope="session")
def corpus_by_id(corpus) -> dict[str, dict]:
    return {cell["id"]: cell for cell in corpus}
