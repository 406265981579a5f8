"""Vietnamese text folded for matching: one place for what every reader compares loosely.

Takes: text.  Returns: text.
- `fold_case("  Tỷ LỆ\\n đạt ")` -> ``"tỷ lệ đạt"``: NFC (so a decomposed ``ệ`` is the
  composed one), case-folded (`str.casefold`), every run of whitespace one space, no
  whitespace at either end.  ``ti_as_ty=True`` also reads the word ``tỉ`` as ``tỷ`` (both
  spellings of *tỷ lệ* occur in decisions): for keys and option texts.
- `strip_diacritics("Tỷ lệ Đạt")` -> ``"Ty le Dat"``: ``đ``/``Đ`` as ``d``/``D`` and every
  combining mark dropped (NFD), case and spacing kept: for identifiers, headers and
  labels matched without their accents (callers lower-case or case-fold after it).
"""
from __future__ import annotations

import re
import unicodedata

_TI = re.compile(r"\btỉ\b")


def fold_case(text: str, *, ti_as_ty: bool = False) -> str:
    """NFC, case-folded, whitespace runs as one space, trimmed (``tỉ`` as ``tỷ`` if asked)."""
    folded = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return _TI.sub("tỷ", folded) if ti_as_ty else folded


def strip_diacritics(text: str) -> str:
    """``đ``/``Đ`` as ``d``/``D``, combining marks dropped; case and spacing as they are."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
