"""An indicator's maximum points, as the API accepts it.

Takes: what a caller passes as ``max_points`` (int, Fraction, Decimal, float, text such as ``"2,5"``).
Returns: the exact `Fraction` (`max_points_value`), or raises `ScoreError` CDS633 saying why not.
"""
from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Any, Callable

from cdsdsl.diagnostics.core import Diagnostic, ScoreError
from cdsdsl.text.normalize import MAX_NUMBER_DIGITS

#: what `max_points_value` reads from text: `10`, `2.5`, `2,5`, `5/2`
_MAX_TEXT = re.compile(r"\s*\+?(\d+)(?:[.,](\d+))?(?:\s*/\s*(\d+))?\s*")
_REASONS = {
    "type": ("không phải là số", "not a number"),
    "text": ("không đọc được thành số (viết như `10`, `2.5`, `2,5` hoặc `5/2`)",
             "cannot be read as a number (write it as `10`, `2.5`, `2,5` or `5/2`)"),
    "finite": ("không phải là một số hữu hạn", "not a finite number"),
    "negative": ("là số âm", "is negative"),
    "zero": ("mẫu số bằng 0", "the denominator is 0"),
    "huge": (f"quá lớn hoặc quá nhiều chữ số (nhiều nhất {MAX_NUMBER_DIGITS} chữ số)",
             f"too large or too many digits (at most {MAX_NUMBER_DIGITS} digits)"),
}


def max_points_value(value: Any, argument: str = "max_points") -> Fraction:
    """An indicator's maximum as an exact Fraction, from what a caller of the API may pass
    (int, Fraction, Decimal, float, text such as ``"2,5"``); anything else raises `ScoreError`
    CDS633 naming ``argument``: None, True/False, NaN, ±inf, a negative number, a number of
    more than `MAX_NUMBER_DIGITS` digits, text that is not a number, another type."""

    def refuse(reason: str) -> ScoreError:
        try:
            shown = value if isinstance(value, str) else repr(value)
        except ValueError:  # an int too long to write out
            shown = f"<{type(value).__name__}>"
        shown = shown if len(shown) <= 40 else shown[:20] + "…" + shown[-10:]
        vi, en = _REASONS[reason]
        return ScoreError(Diagnostic.make("CDS633", argument=argument, value=shown, reason=vi, reason_en=en))

    mp = _exact(value, refuse)
    if mp < 0:
        raise refuse("negative")
    if mp.numerator >= 10 ** MAX_NUMBER_DIGITS or mp.denominator >= 10 ** MAX_NUMBER_DIGITS:
        raise refuse("huge")
    return mp


def _exact(value: Any, refuse: Callable[[str], ScoreError]) -> Fraction:
    """``value`` as a Fraction, by its type; ``refuse(reason)`` is the error for a value that is not one."""
    t = type(value)
    if t is Fraction or (isinstance(value, int) and t is not bool):
        return Fraction(value)
    if isinstance(value, Fraction):
        return Fraction(value.numerator, value.denominator)
    if isinstance(value, Decimal):
        return _from_decimal(value, refuse)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise refuse("finite")
        return Fraction(repr(value))  # 2.3 is 23/10, the number written
    if isinstance(value, str):
        return _from_text(value, refuse)
    raise refuse("type")


def _from_decimal(value: Decimal, refuse: Callable[[str], ScoreError]) -> Fraction:
    if not value.is_finite():
        raise refuse("finite")
    exponent = value.as_tuple().exponent  # an int: the value is finite
    if (value and not -MAX_NUMBER_DIGITS <= value.adjusted() < MAX_NUMBER_DIGITS
            or isinstance(exponent, int) and exponent < -MAX_NUMBER_DIGITS):
        raise refuse("huge")
    return Fraction(value)


def _from_text(value: str, refuse: Callable[[str], ScoreError]) -> Fraction:
    """``10``, ``2.5``, ``2,5``, ``5/2`` (`_MAX_TEXT`)."""
    m = _MAX_TEXT.fullmatch(value)
    if m is None:
        raise refuse("negative" if _MAX_TEXT.fullmatch(value.strip().lstrip("-−")) else "text")
    whole, frac, den = m.group(1), m.group(2) or "", m.group(3)
    if len(whole) + len(frac) > MAX_NUMBER_DIGITS or den is not None and len(den) > MAX_NUMBER_DIGITS:
        raise refuse("huge")
    if den is not None and int(den) == 0:
        raise refuse("zero")
    return Fraction(int(whole + frac), 10 ** len(frac)) / (int(den) if den is not None else 1)
