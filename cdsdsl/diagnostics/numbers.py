"""Numbers for people, in the language of the messages: ``8 333,33`` in Vietnamese, ``8,333.33`` in English.

Takes: a number (`Fraction`, `Decimal`, `int`, or anything `Fraction()` accepts), a language and how to show it.
Returns: its text.  The number is rounded once, half away from zero, to ``digits`` decimals (default 2) and its
trailing zero decimals are dropped; with ``as_given``, an `int` or a `Decimal` is shown as it is (published points,
rounded once by the scorer, keep their column: ``635,10``).  ``percent`` multiplies by 100 and adds ``%``.

The decimal and group symbols are the catalogue's (``number.decimal_symbol``, ``number.group_symbol``: a language
brings its own); ``tests/test_numbers.py`` checks them against Babel's CLDR data (``babel.numbers``), except the
Vietnamese thousands separator: a space (``8 333``, as the decisions and the reports write it) where CLDR has a dot.
The digits are grouped by the standard library's format (``{:,f}``), exact on a `Decimal`.  Babel's own
``format_decimal`` is not called at run time: it rounds by the decimal context (half to even) rather than once, half
away from zero, as the scorer does, takes ~100 µs a number (a 10 000-unit report prints millions) and loading its
locale data costs the first number 60 ms or more.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from cdsdsl.diagnostics import i18n

_SYMBOLS: dict[str, dict[int, str]] = {}


def _translation(lang: str) -> dict[int, str]:
    """``str.translate`` table: the standard library's ``,`` / ``.`` to the group and decimal symbols of ``lang``."""
    table = _SYMBOLS.get(lang)
    if table is None:
        table = str.maketrans({",": i18n.raw("number.group_symbol", lang),
                               ".": i18n.raw("number.decimal_symbol", lang)})
        _SYMBOLS[lang] = table
    return table


def round_half_up(value: Fraction, digits: int) -> Decimal:
    """``value`` rounded once to ``digits`` decimals, halves away from zero (``0,125`` → ``0,13``), exactly."""
    scale = 10 ** digits
    q = (2 * abs(value.numerator) * scale + value.denominator) // (2 * value.denominator)
    return Decimal(-q if value < 0 else q).scaleb(-digits)


def format_number(value: Any, lang: str = "vi", digits: int | None = None, *, percent: bool = False,
                  as_given: bool = False) -> str:
    """``value`` as text in ``lang`` (see the module's docstring); a language other than English gets the
    Vietnamese form.  ``as_given``: an `int` or a `Decimal` is shown exactly as it is (a Decimal with the decimals it
    has, ``-0,00`` included), only a `Fraction` is rounded to ``digits``, as the tables of results show them."""
    if as_given and not percent and not isinstance(value, Fraction):
        number = Decimal(value)
        text = f"{number.copy_abs():,f}"
    else:
        number = round_half_up(Fraction(value) * (100 if percent else 1), 2 if digits is None else digits)
        text = f"{number.copy_abs():,f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    sign = "-" if number.is_signed() else ""
    return sign + text.translate(_translation(lang)) + ("%" if percent else "")
