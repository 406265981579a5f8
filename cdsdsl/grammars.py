"""Find the grammar files (`grammar/*.lark`), in a source tree or an installed wheel.

The wheel ships the top-level `grammar/` folder as `cdsdsl/grammar/`; a source
checkout has it beside the package.
"""
from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def grammar_path(name: str) -> Path:
    for candidate in (_PKG / "grammar" / name, _PKG.parent / "grammar" / name):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"grammar file {name} not found next to {_PKG}")
