"""Shared fixtures: the seed corpus of formula cells and the decision texts, both inside the repository."""
from __future__ import annotations

import json
from pathlib import Path

import pytest


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
