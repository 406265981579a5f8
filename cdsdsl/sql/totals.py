"""Exact sums and rounding in SQL: section totals, the set total and points as decimals.

Takes: exact pairs ``(n, d)`` (SQL expressions over generated columns, ``n >= 0``, ``d > 0``, NULL for
an indicator that is not counted), the ruleset's rounding (digits, ``half_up`` or ``truncate``).
Returns: sqlglot expressions:

* `rounded_pair`: one pair rounded once as the ruleset says, as an integer count of ``10^-digits``
  (``(2·n·10^k + d) div (2·d)`` for half up: the formula of `runtime.round_points`);
* `sum_parts` + `rounded_sum`: the rounded sum of many pairs without adding fractions in SQL (their
  common denominator would overflow DuckDB's 128-bit integers): each term is cut at ``10^-12``
  (``floor(n·10^12 / d)``, exact integer arithmetic) and the count of terms that were cut is kept,
  so the true sum lies in ``[L, L + m]`` (units of ``10^-12``); when both ends round alike that is
  the answer, exactly.  Otherwise (a sum within ``m·10^-12`` of a rounding boundary) the sum is
  added exactly over the least common multiple of the denominators (`exact_rounded_sum`);
* `decimal`: an integer count of ``10^-digits`` as a DECIMAL with that many places.
"""
from __future__ import annotations

from typing import Sequence

from sqlglot import exp

from cdsdsl.sql.express import mul, plus, when
from cdsdsl.sql.quoting import call, typed

#: the scale at which terms are cut: 10^-SCALE
SCALE = 12


def int_div(a: exp.Expression, b: exp.Expression) -> exp.Expression:
    """Integer division of non-negative integers (``//`` in DuckDB, ``DIV`` in PostgreSQL)."""
    return exp.IntDiv(this=exp.Paren(this=a), expression=exp.Paren(this=b))


def modulo(a: exp.Expression, b: exp.Expression) -> exp.Expression:
    return exp.Mod(this=exp.Paren(this=a), expression=exp.Paren(this=b))


def rounded_int(num: exp.Expression, den: exp.Expression, digits: int, mode: str, dialect: str) -> exp.Expression:
    """``round(num / den)`` at ``digits`` places as an integer (num >= 0, den > 0)."""
    scaled = mul(num, typed(10 ** digits, dialect))
    if mode == "truncate":
        return int_div(scaled, den)
    return int_div(plus(mul(typed(2, dialect), scaled), den), mul(typed(2, dialect), den))


def rounded_pair(n: exp.Expression, d: exp.Expression, digits: int, mode: str, dialect: str) -> exp.Expression:
    """The points of one pair rounded once (NULL stays NULL)."""
    return rounded_int(n, call("NULLIF", d, typed(0, dialect)), digits, mode, dialect)


def decimal(r: exp.Expression, digits: int) -> exp.Expression:
    """An integer count of ``10^-digits`` as ``DECIMAL(38, digits)``, exactly."""
    whole = exp.Cast(this=r, to=exp.DataType.build("DECIMAL(38, 0)"))
    if digits == 0:
        return whole
    unit = exp.Cast(this=exp.Literal.string("0." + "0" * (digits - 1) + "1"),
                    to=exp.DataType.build(f"DECIMAL({digits + 1}, {digits})"))
    return exp.Cast(this=exp.Mul(this=whole, expression=unit), to=exp.DataType.build(f"DECIMAL(38, {digits})"))


def term(n: exp.Expression, d: exp.Expression, dialect: str) -> tuple[exp.Expression, exp.Expression]:
    """(floor(n·10^SCALE / d), 1 when that was cut else 0), both 0 for NULL."""
    k = typed(10 ** SCALE, dialect)
    q = mul(int_div(n, d), k)
    rest = mul(modulo(n, d), k)
    floor = exp.Coalesce(this=plus(q, int_div(rest, d)), expressions=[typed(0, dialect)])
    cut = exp.Coalesce(this=when(exp.NEQ(this=modulo(rest, d), expression=typed(0, dialect)), typed(1, dialect),
                                 typed(0, dialect)), expressions=[typed(0, dialect)])
    return floor, cut


def sum_parts(terms: Sequence[tuple[exp.Expression, exp.Expression]],
              dialect: str) -> tuple[exp.Expression, exp.Expression]:
    """(L, m) of the module docstring from the `term`s of the pairs."""
    low: exp.Expression = typed(0, dialect)
    cuts: exp.Expression = typed(0, dialect)
    for f, c in terms:
        low, cuts = plus(low, f), plus(cuts, c)
    return low, cuts


def _round_scaled(x: exp.Expression, digits: int, mode: str, dialect: str) -> exp.Expression:
    unit = 10 ** (SCALE - digits)
    if mode == "truncate":
        return int_div(x, typed(unit, dialect))
    return int_div(plus(x, typed(unit // 2, dialect)), typed(unit, dialect))


def decided(low: exp.Expression, cuts: exp.Expression, digits: int, mode: str, dialect: str) -> exp.Expression:
    """Whether both ends of ``[low, low + cuts]`` round alike (the rounded sum is then known)."""
    return exp.EQ(this=_round_scaled(low, digits, mode, dialect),
                  expression=_round_scaled(plus(low, cuts), digits, mode, dialect))


def common_denominator(pairs: Sequence[tuple[exp.Expression, exp.Expression]], dialect: str) -> exp.Expression:
    """The least common multiple of the pairs' denominators (1 for NULL)."""
    one = typed(1, dialect)
    lcm: exp.Expression = one
    for _, d in pairs:
        lcm = call("LCM", lcm, exp.Coalesce(this=d, expressions=[one]))
    return lcm


def rounded_sum(low: exp.Expression, cuts: exp.Expression, lcm: exp.Expression,
                pairs: Sequence[tuple[exp.Expression, exp.Expression]], digits: int, mode: str,
                dialect: str) -> exp.Expression:
    """The sum of ``pairs`` rounded once, from its columns ``low``/``cuts`` (`sum_parts`) and, only where
    those do not decide, ``lcm`` (`common_denominator`, computed only there)."""
    one, zero = typed(1, dialect), typed(0, dialect)
    total: exp.Expression = zero
    for n, d in pairs:
        total = plus(total, mul(exp.Coalesce(this=n, expressions=[zero]),
                                int_div(lcm, exp.Coalesce(this=d, expressions=[one]))))
    return when(decided(low, cuts, digits, mode, dialect), _round_scaled(low, digits, mode, dialect),
                rounded_int(total, lcm, digits, mode, dialect))
