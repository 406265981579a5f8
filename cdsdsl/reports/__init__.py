"""Stage: reports.  Scored cohorts -> the tables the CLI prints (`tables`: score, rank, explain, lost points;
text, CSV, records) and the .xlsx report.

The names of `tables` are exported here (lazily), as when `cdsdsl.reports` was one module.
"""
from __future__ import annotations

import importlib
from typing import Any


def __getattr__(name: str) -> Any:
    module = importlib.import_module("cdsdsl.reports.tables")
    if not name.startswith("_") and hasattr(module, name):
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
