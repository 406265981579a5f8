"""Numbers and keys as a decision writes them, shared by the `.cds` reader, the spreadsheet reader and
the structure checks.

Takes: a cell or line's text.  Returns: an STT (số thứ tự) as id and label (``parse_stt``: ``"V"`` ->
``"5"``), a Roman numeral's value (``roman_to_int``), a maximum (``parse_max``: ``"2,5 điểm"`` -> 5/2),
a key as compared (``normalize_key``); and whether an indicator is inside another by numbering
(``is_contained``).
"""
from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from typing import TYPE_CHECKING

from cdsdsl.text.fold import fold_case
from cdsdsl.text.normalize import MAX_NUMBER_DIGITS

if TYPE_CHECKING:
    from cdsdsl.rulesets.classes import Indicator

__all__ = ["is_contained", "normalize_key", "parse_max", "parse_stt", "roman_to_int"]

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_RE = re.compile(r"^(?=[IVXLC]+$)C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
#: each number of an STT has at most 6 digits (a longer one is a slip, and would be a huge gap to report)
_SECTION_STT = re.compile(r"^\d{1,6}\.?$")
_INDICATOR_STT = re.compile(r"^\d{1,6}(\.\d{1,6})*\.?$")


def roman_to_int(text: str) -> int | None:
    t = text.strip().upper()
    if not t or not _ROMAN_RE.match(t):
        return None
    total = 0
    for a, b in zip(t, t[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def parse_stt(text: str, kind: str) -> tuple[str, str] | None:
    """(normalised id, as written) for STT ``text`` of a ``"section"``, ``"group"`` or ``"indicator"``."""
    t = unicodedata.normalize("NFC", text).strip()
    if kind in ("section", "group"):
        if _SECTION_STT.match(t):
            return t.rstrip("."), t
        r = roman_to_int(t.rstrip("."))
        if r is not None:
            return (str(r) if kind == "section" else t.rstrip(".").upper()), t
        return None
    if _INDICATOR_STT.match(t):
        return t.rstrip("."), t
    return None


_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?(?:/\d+)?$")


def parse_max(text: str | None) -> tuple[bool, Fraction | None]:
    """(ok, value): ``"10"``, ``"2,5"``, ``"1/2"``, ``"10 điểm"``; ``"-"`` is (True, None)."""
    if text is None:
        return True, None
    t = unicodedata.normalize("NFC", str(text)).strip()
    t = re.sub(r"\s*(điểm|đ)\.?$", "", t, flags=re.IGNORECASE).strip()
    if t in ("-", "–", "—"):
        return True, None
    if not _NUMBER.match(t) or sum(ch.isdigit() for ch in t) > MAX_NUMBER_DIGITS:
        return False, None
    try:
        return True, Fraction(t.replace(",", "."))
    except (ValueError, ZeroDivisionError):  # "1/0", "1,5/2"
        return False, None


def normalize_key(text: str) -> str:
    """A key as compared: NFC, case-folded, ``Tỉ`` read as ``Tỷ``, single spaces."""
    return fold_case(text, ti_as_ty=True)

def is_contained(ind: "Indicator", ids: "set[str]") -> bool:
    """True when an indicator numbered below ``ind`` (5.12 for 5.12.1, or 5 ... ) is among ``ids``."""
    pid = ind.parent_id
    while pid is not None:
        if pid in ids:
            return True
        pid = ".".join(pid.split(".")[:-1]) if pid.count(".") >= 2 else None
    return False
