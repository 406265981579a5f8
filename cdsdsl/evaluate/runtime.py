"""Exact arithmetic, number reading, option matching and rounding at run time.

Takes: raw figures as units report them (``7``, ``"2,5"``, ``"80%"``,
``"1.234,5"``, ``"8 333"``, ``Decimal``, ``Fraction``) and the values a
formula computes.
Returns: `fractions.Fraction` values (exact: ``7/21`` stays ``1/3``), the
final points rounded once as a `decimal.Decimal`, and located errors.

Two layers:

* the *core* (``Fault``, `to_number`, `read`, `choose`, `round_points`, ...):
  `standalone_runtime`, standard library only, raising `Fault(code, args)`;
  re-exported here.  `codegen.module_source` copies that whole file into a
  compiled module so that it runs without cdsdsl;
* the *cdsdsl layer* (`parse_number`, `fault_error`): turns a `Fault` into a
  `DataError`/`ScoreError` carrying a `Diagnostic` that names the indicator,
  the unit, the input key and the cell.

Imports only `diagnostics` and `messages` of ours (see docs/semantics.md).
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from cdsdsl.diagnostics.core import DataError, Diagnostic, ScoreError
from cdsdsl.diagnostics.numbers import format_number
from cdsdsl.evaluate import standalone_runtime
from cdsdsl.evaluate.standalone_runtime import (
    HUGE,
    MAX_DIGITS,
    NON_NEGATIVE,
    NONE_WORDS,
    SLOW,
    Fault,
    Slow,
    choose,
    div,
    fast_pick,
    fast_read,
    fast_read_or,
    fast_stat,
    fast_value,
    fold,
    items_sum,
    minmax_points,
    pick,
    ratio_points,
    read,
    read_or,
    round_pair,
    round_points,
    stat,
    to_number,
)

ZERO = Fraction(0)
ONE = Fraction(1)




# The fast path's helpers (`Slow`, `fast_read`, ...) are in the core too: a compiled
# module (`codegen.module_source`) runs its fast functions with them.

#: the top-level names of the core (`standalone_runtime`), all of which a compiled module defines
CORE = tuple(name for name in vars(standalone_runtime) if not name.startswith("__"))
_NONE_WORDS = NONE_WORDS  # the old name (dataentry.forms imports it)

__all__ = ["HUGE", "MAX_DIGITS", "NON_NEGATIVE", "NONE_WORDS", "Fault", "choose", "div", "fold", "items_sum",
           "minmax_points", "pick", "ratio_points", "read", "read_or", "round_pair", "round_points", "stat",
           "to_number",
           "ZERO", "ONE", "Slow", "SLOW", "fast_value", "fast_read", "fast_read_or", "fast_pick", "fast_stat", "CORE",
           "DATA_CODES", "fault_diagnostic", "fault_error", "parse_number", "fmt_vi"]

#: codes that are about a unit's data (DataError); the others are ScoreError
DATA_CODES = frozenset({"CDS600", "CDS601", "CDS602", "CDS603", "CDS604", "CDS605", "CDS606", "CDS614",
                        "CDS621"})

_DETAIL = {
    "space": ("khoảng trắng không đúng chỗ", "stray spaces"),
    "text": ("không phải là số", "not a number"),
    "percent": ("số lượng hoặc số tiền không viết bằng %", "a count or an amount is not written with %"),
    "bool": ("giá trị đúng/sai không phải là số", "a true/false value is not a number"),
    "huge": ("số quá lớn hoặc quá nhiều chữ số (nhiều nhất 100 chữ số trước và 100 chữ số sau dấu thập phân)",
             "too large a number or too many digits (at most 100 digits before and 100 after the decimal point)"),
}


def fault_diagnostic(fault: Fault, *, item: str | None = None, unit: str | None = None,
                     where: str | None = None, description: str | None = None, span: Any = None,
                     source: Any = None, severity: Any = None) -> Diagnostic:
    """The `Diagnostic` for a `Fault`, naming indicator, unit, key and cell."""
    args = dict(fault.args_)
    args.setdefault("key", "?")
    args.setdefault("value", "")
    args["indicator"] = item or "?"
    args["unit_name"] = unit or "?"
    args["where"] = where or "?"
    args["description"] = description or args.get("description") or args["key"]
    if fault.code == "CDS614":
        whole = Fraction(args["whole_value"])
        args["ratio_value"] = fmt_vi(Fraction(args["part_value"]) / whole, percent=True) if whole else "∞"
    for k, v in list(args.items()):
        if isinstance(v, (int, Fraction)) and not isinstance(v, bool):
            args[k] = fmt_vi(v, 4)
    detail = args.get("detail")
    if detail in _DETAIL:
        args["detail"], args["detail_en"] = _DETAIL[detail]
    return Diagnostic.make(fault.code, span, source=source, item=item, unit=unit, severity=severity, **args)


def fault_error(fault: Fault, **context: Any) -> DataError | ScoreError:
    """The exception to raise for a `Fault` (see `fault_diagnostic` for ``context``)."""
    diag = fault_diagnostic(fault, **context)
    return (DataError if fault.code in DATA_CODES else ScoreError)(diag)


def parse_number(raw: Any, *, kind: str = "number", where: str | None = None, key: str | None = None,
                 item: str | None = None, unit: str | None = None,
                 description: str | None = None) -> Fraction:
    """Read one figure exactly (see docs/semantics.md, "Numbers").

    Accepts int, Decimal, Fraction, float (read as the decimal it prints as:
    ``0.1`` → 1/10) and text: ``"2,5"``, ``"80%"``, ``"1.234,5"``, ``"8 333"``,
    ``"1.234.567"``.  ``"8.333"`` is ambiguous (8 333 or 8,333) and is refused
    with a hint.  A count must be whole; counts, amounts and ratios must not be
    negative.  Raises `DataError` naming ``key``, ``item``, ``unit`` and the
    cell ``where``.
    """
    try:
        return to_number(getattr(raw, "raw", raw), kind)
    except Fault as f:
        if key is not None:
            f.args_.setdefault("key", key)
        raise fault_error(f, item=item, unit=unit, where=where or getattr(raw, "where", None),
                          description=description) from None


def fmt_vi(value: Any, digits: int = 2, *, percent: bool = False, lang: str = "vi") -> str:
    """A number the Vietnamese way (``33,33``, ``8 333``; ``33,33%`` with ``percent``);
    English style with ``lang="en"``.  Trailing zero decimals are dropped (`format_number`)."""
    return format_number(value, lang, digits, percent=percent)
