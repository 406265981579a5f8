"""Shared fixtures: the seed corpus of formula cells and the ``../shared`` folder."""
from __future__ import annotations

import json
from pathlib import Path

import pytest


def shared_dir() -> Path:
    """``../shared`` beside the repository (decisions, corpus, briefs)."""
    return Path(__file__).resolve().parents[2] / "shared"


def load_corpus() -> list[dict]:
    """The 85 formula cells of huyen-ninh-thuan-2023, as dicts
    (``source``, ``id``, ``max``, ``name``, ``formula``)."""
    path = shared_dir() / "corpus" / "seed-formulas.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def corpus() -> list[dict]:
    return load_corpus()


@pytest.fixture(scope="session")
def corpus_by_id(corpus) -> dict[str, dict]:
    return {cell["id"]: cell for cell in corpus}
