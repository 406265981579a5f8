"""Find the files the package ships beside its code, in a source tree or an installed wheel.

Takes: a file name.  Returns: its path.
- `grammar_path("formula.lark")`: the grammar files (`grammar/*.lark`).  The wheel
  ships the top-level `grammar/` folder as `cdsdsl/data/grammar/`; a source checkout
  has it beside the package.
- `ruleset_path("huyen-ninh-thuan-2023")`: a ruleset transcribed from a real
  decision (`rulesets/*.cds`), shipped in the wheel as `cdsdsl/data/rulesets/`
  (`cdsdsl/rulesets/` is the code that reads rulesets); `shipped_rulesets()` lists them.
"""
from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parents[1]  # the cdsdsl package
_PLACES = (_PKG / "data", _PKG.parent)  # installed wheel, source checkout


def _shipped(folder: str, name: str) -> Path | None:
    for candidate in (place / folder / name for place in _PLACES):
        if candidate.is_file():
            return candidate
    return None


def grammar_path(name: str) -> Path:
    found = _shipped("grammar", name)
    if found is None:
        raise FileNotFoundError(f"grammar file {name} not found next to {_PKG}")
    return found


def shipped_rulesets() -> list[str]:
    """Names (without `.cds`) of the rulesets shipped with the package."""
    for folder in (place / "rulesets" for place in _PLACES):
        if folder.is_dir():
            return sorted(p.stem for p in folder.glob("*.cds"))
    return []


def ruleset_path(name: str) -> Path:
    """The shipped ruleset called `name` (with or without `.cds`)."""
    found = _shipped("rulesets", name if name.endswith(".cds") else name + ".cds")
    if found is None:
        raise FileNotFoundError(f"no shipped ruleset {name!r}; shipped: {', '.join(shipped_rulesets())}")
    return found
