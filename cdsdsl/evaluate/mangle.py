"""Vietnamese names → safe, readable, unique Python identifiers.

Takes: names as a formula writes them (``Tỷ lệ``, ``a``, ``mục 5.12.1``) and
indicator ids (``5.12.1``).
Returns: identifiers for generated code: ASCII (diacritics removed, ``đ`` →
``d``), ``str.isidentifier()``, never a keyword or a builtin, never starting
with the reserved prefix ``_`` (kept for cdsdsl's own helpers), unique within
a `Mangler` (``a``/``a_2``), and a table back to the original (`Mangler.table`).
"""
from __future__ import annotations

import builtins
import keyword
import re

from cdsdsl.text.fold import strip_diacritics

RESERVED_PREFIX = "_"
_BUILTINS = frozenset(dir(builtins)) | {"Fraction", "Decimal", "inputs", "cohort", "item_points", "notes"}


def ascii_fold(text: str) -> str:
    return strip_diacritics(text)


def identifier(text: str) -> str:
    """A readable identifier for ``text`` (not yet made unique)."""
    s = ascii_fold(text)
    if len(s) > 1:
        s = s.lower()
    s = re.sub(r"[^0-9A-Za-z]+", "_", s).strip("_")
    if not s:
        s = "v"
    if s[0].isdigit():
        s = "v_" + s
    if keyword.iskeyword(s) or keyword.issoftkeyword(s) or s in _BUILTINS:
        s += "_"
    assert s.isidentifier() and not s.startswith(RESERVED_PREFIX)
    return s


class Mangler:
    """Hands out unique identifiers; the same (scope, name) always gets the same one."""

    def __init__(self, taken: "set[str] | frozenset[str]" = frozenset()) -> None:
        self._given: dict[tuple[str, str], str] = {}
        self._used: set[str] = set(taken)
        self.table: dict[str, str] = {}  # identifier -> original

    def __call__(self, name: str, scope: str = "") -> str:
        key = (scope, name)
        if key in self._given:
            return self._given[key]
        base = identifier(f"{scope} {name}" if scope else name)
        ident, k = base, 2
        while ident in self._used:
            ident = f"{base}_{k}"
            k += 1
        self._used.add(ident)
        self._given[key] = ident
        self.table[ident] = f"{scope}: {name}" if scope else name
        return ident
