"""Stage: scoring.  A ruleset's compiled indicators + units -> points per indicator, section totals, ranks
(`score`); a unit's values (`unitdata`).

The names of `score` are exported here (lazily: importing `cdsdsl.scoring.unitdata` does not compile
anything), as when `cdsdsl.scoring` was one module.
"""
from __future__ import annotations

import importlib
from typing import Any


def __getattr__(name: str) -> Any:
    module = importlib.import_module("cdsdsl.scoring.score")
    if not name.startswith("_") and hasattr(module, name):
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
