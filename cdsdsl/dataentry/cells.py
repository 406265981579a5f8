"""Cell text helpers of the data-entry forms: what a cell says, folded for matching.

Takes: one cell value as a reader gives it (str, int, float, Decimal, None; a list for a JSON option list).
Returns: its text (`_cell_str`), the value as kept (`_raw`: floats as Decimal), whether it is empty, its
normalised and folded forms for matching headers and choices (`_norm`, `_fold`), the choice it names
(`_match_choice`), its digit count (`_digit_count`, bounded by `MAX_DIGITS`) and a column's letter.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal
from typing import Any

from cdsdsl.evaluate.runtime import _NONE_WORDS, fold
from cdsdsl.text.fold import fold_case, strip_diacritics

#: the most digits a figure's cell may hold (a count of citizens has 9, an amount in đồng 15)
MAX_DIGITS = 30
_PERCENT_IN_TEXT = re.compile(r"(trên|vượt|hơn|lớn hơn|>|≥|>=)?\s*(\d+(?:[.,]\d+)?)\s*%", re.I)


def _norm(text: Any) -> str:
    return fold_case(str(text), ti_as_ty=True)


def _fold(text: Any) -> str:
    """Case-, diacritic- and punctuation-insensitive form (``Lựa chọn`` → ``luachon``)."""
    t = strip_diacritics(_norm(text))
    return re.sub(r"[^0-9a-z]+", "", t)


def _cell_str(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _raw(v: Any) -> Any:
    """A cell as kept: strings stripped, floats as Decimal (no binary noise), ints and Decimals as they are."""
    if isinstance(v, bool):
        return v
    if isinstance(v, float):
        return Decimal(repr(v)) if not v.is_integer() else int(v)
    if isinstance(v, str):
        return unicodedata.normalize("NFC", v).strip()
    return v


def _empty(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, str):
        return not v.strip()
    if isinstance(v, (list, tuple)):
        return all(_empty(x) for x in v)
    return False


_UNIT_NAMES = {_fold(x) for x in ("Đơn vị", "Tên đơn vị", "Đơn vị được đánh giá", "Cơ quan, đơn vị",
                                   "Đơn vị/Địa phương", "Địa phương", "Unit")}
_GROUP_NAMES = {_fold(x) for x in ("Lĩnh vực", "Lĩnh vực ưu tiên", "Group", "Priority sector")}
_IGNORED_COLS = {_fold(x) for x in ("STT", "TT", "Ghi chú", "Note", "Notes")}
_ID_SORT = re.compile(r"\d+|[^\d]+")


def _id_sort(key: str) -> list[tuple[int, int, str]]:
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in _ID_SORT.findall(key)]



@functools.lru_cache(maxsize=4096)
def _col_letter(j: int) -> str:
    """0 → ``A``: openpyxl's `get_column_letter` (imported when a location is first written; each
    letter made once: a 10 000-row file names 1,5 million cells)."""
    from openpyxl.utils import get_column_letter

    letter: str = get_column_letter(j + 1)
    return letter


def _show(raw: Any) -> Any:
    return "; ".join(map(str, raw)) if isinstance(raw, (list, tuple)) else raw


_NONE = "\x00none"


def _is_none_word(text: Any) -> bool:
    return fold(_cell_str(text)) in _NONE_WORDS


def _match_choice(choices: tuple[str, ...], text: Any) -> str | None:
    """The choice ``text`` names: its exact text (any case, spacing, trailing punctuation), its number
    (``2``, ``2.``, ``2)``), or both (``2. Chưa ban hành``); None when it names none."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int) or (isinstance(text, (float, Decimal)) and text == int(text)):
        k = int(text)
        return choices[k - 1] if 1 <= k <= len(choices) else None
    t = fold(_cell_str(text))
    if not t:
        return None
    exact = [c for c in choices if fold(c) == t]
    if exact:
        return exact[0]
    m = re.match(r"^(\d+)\s*[.):]?\s*(.*)$", t)
    if m:
        k = int(m.group(1))
        rest = m.group(2).strip()
        if 1 <= k <= len(choices) and (not rest or _fold(rest) == _fold(choices[k - 1])):
            return choices[k - 1]
        if not rest:
            return None
    folded = [c for c in choices if _fold(c) == _fold(t)]
    if len(folded) == 1:
        return folded[0]
    return None



def _digit_count(raw: Any) -> int:
    if isinstance(raw, str):
        return sum(ch.isdigit() for ch in raw)
    if isinstance(raw, int):
        return max(1, int(abs(raw).bit_length() * 0.30103) + 1)
    if isinstance(raw, Decimal) and raw.is_finite():
        return len(raw.as_tuple().digits)
    return 0
