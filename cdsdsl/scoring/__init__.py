"""Stage: scoring.  A ruleset's compiled indicators + units -> points per indicator, section totals, ranks.

Modules by job: `score` (the entry points `compile_ruleset`, `score_unit`, `score_cohort`, and the
cohort's statistics), `compiled` (a ruleset compiled once; the full path of one unit), `fastpath`
(the fast path of one unit), `setformula` (the set formula, ``Công thức tổng``), `results`
(the result classes) and `unitdata` (a unit's values).

The names of `score` (which gives those of the others it used to hold) are exported here
(lazily: importing `cdsdsl.scoring.unitdata` does not compile anything), as when
`cdsdsl.scoring` was one module.
"""
from __future__ import annotations

import importlib
from typing import Any


def __getattr__(name: str) -> Any:
    module = importlib.import_module("cdsdsl.scoring.score")
    if not name.startswith("_") and hasattr(module, name):
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
