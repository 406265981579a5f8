"""Load a ruleset file: the reader is chosen by the file's suffix.

Takes: a path (``.cds``/``.txt``: `cds.py`; ``.csv``, ``.tsv``, ``.xlsx``: `sheets.py`).
Returns: a `Ruleset`.  A file that cannot be read, or whose bytes are not UTF-8, raises `RulesetError`
with a located diagnostic (CDS517, CDS518, CDS550).
"""
from __future__ import annotations

from pathlib import Path

from cdsdsl.diagnostics.core import Diagnostic, RulesetError
from cdsdsl.rulesets.cds import parse_ruleset_text
from cdsdsl.rulesets.classes import Ruleset
from cdsdsl.text.source import Source, Span

__all__ = ["decode_ruleset_bytes", "load_ruleset"]


def load_ruleset(path: str | Path, *, sheet: str | None = None) -> Ruleset:
    """Read a ruleset from ``.cds``, ``.csv``, ``.tsv`` or ``.xlsx`` (by suffix)."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".csv", ".tsv", ".xlsx", ".xlsm", ".xls"):  # an .xls is told apart by its bytes (CDS641)
        from cdsdsl.rulesets.sheets import load_sheet_ruleset

        return load_sheet_ruleset(p, sheet=sheet)
    if suffix not in (".cds", ".txt"):
        raise RulesetError(Diagnostic.make("CDS518", source=Source("", name=str(path)), suffix=suffix or p.name))
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise RulesetError(Diagnostic.make("CDS517", source=Source("", name=str(path)), detail=str(exc))) from None
    return parse_ruleset_text(decode_ruleset_bytes(raw, str(path)), str(path))


def decode_ruleset_bytes(raw: bytes, name: str) -> str:
    """The text of a `.cds` file (UTF-8, a BOM allowed); bytes that are not UTF-8 raise CDS550
    at their line and column (the text around them shown with U+FFFD in their place)."""
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = body[:exc.start].decode("utf-8", errors="replace")
        shown = body.decode("utf-8", errors="replace")
        bad = " ".join(f"{b:02X}" for b in body[exc.start:exc.end])
        source = Source(shown, name=name)
        raise RulesetError(Diagnostic.make("CDS550", Span(len(before), len(before) + 1), source=source,
                                           bytes=bad)) from None
