"""One number formatter (cdsdsl/diagnostics/numbers.py) gives, byte for byte, what the formatters it replaces gave:
`evaluate.runtime.fmt_vi` (rounded, trailing zeros dropped) and `reports.tables.vi_number` (``as_given``)."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cdsdsl.diagnostics.numbers import format_number, round_half_up
from cdsdsl.evaluate.runtime import fmt_vi, round_points
from cdsdsl.reports.tables import vi_number

VALUES = [0, 1, -1, 7, 1000, -1000, 999_999, 1_234_567, 10 ** 15 + 1, Fraction(1, 3), Fraction(-1, 3), Fraction(2, 3),
          Fraction(1, 8), Fraction(-1, 8), Fraction(1, 200), Fraction(-1, 200), Fraction(-1, 1000), Fraction(199, 50),
          Fraction(25000001, 3), Fraction(-25000001, 3), Fraction(5, 2), Fraction(1, 10 ** 9), Decimal("635.19"),
          Decimal("635.10"), Decimal("-0.00"), Decimal("1000.50"), Decimal("-1234567.125"), Decimal("0"),
          Decimal("1E+3"), Decimal("12345678901234567890123456789012.5"), Decimal("0.005"), Decimal("-0.005")]
NUMBERS = st.one_of(st.integers(-10 ** 12, 10 ** 12),
                    st.fractions(max_denominator=10 ** 6).filter(lambda f: abs(f) < 10 ** 12),
                    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10 ** 9, max_value=10 ** 9))


@pytest.mark.parametrize("value", VALUES, ids=str)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_rounded_form_is_fmt_vi_s(value, lang):
    for digits in (0, 2, 4):
        assert format_number(value, lang, digits) == fmt_vi(value, digits, lang=lang)
        assert format_number(value, lang, digits, percent=True) == fmt_vi(value, digits, percent=True, lang=lang)


@pytest.mark.parametrize("value", VALUES, ids=str)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_as_given_form_is_vi_number_s(value, lang):
    assert format_number(value, lang, as_given=True) == vi_number(value, lang)
    if isinstance(value, Fraction):
        assert format_number(value, lang, 4, as_given=True) == vi_number(value, lang, 4)


@given(NUMBERS, st.sampled_from(["vi", "en"]), st.integers(0, 5))
def test_both_forms_on_any_number(value, lang, digits):
    assert format_number(value, lang, digits) == fmt_vi(value, digits, lang=lang)
    assert format_number(value, lang, as_given=True) == vi_number(value, lang)


@given(st.fractions(max_denominator=10 ** 6), st.integers(0, 6))
def test_rounding_is_the_scorer_s(value, digits):
    assert round_half_up(value, digits) == round_points(value, digits)


def test_examples():
    assert format_number(Fraction(25000001, 3)) == "8 333 333,67"
    assert format_number(Fraction(25000001, 3), "en") == "8,333,333.67"
    assert format_number(Fraction(1, 3), percent=True) == "33,33%"
    assert format_number(Decimal("635.10"), as_given=True) == "635,10"
    assert format_number(Decimal("635.10")) == "635,1"


def test_the_symbols_are_cldr_s():
    """The catalogue's symbols are Babel's (CLDR), except the Vietnamese thousands separator (a space, on purpose)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    from cdsdsl.diagnostics import i18n

    for lang in i18n.languages():
        assert i18n.raw("number.decimal_symbol", lang) == get_decimal_symbol(lang)
        assert i18n.raw("number.group_symbol", lang) == (" " if lang == "vi" else get_group_symbol(lang))
