"""The run-time core of compiled formulas: standard library only.

Takes: raw figures as units report them (``7``, ``"2,5"``, ``"80%"``, ``"8 333"``),
option choices, cohort statistics and the values a formula computes.
Returns: exact `fractions.Fraction` values, chosen option indexes, points rounded
once (`decimal.Decimal`); every problem raises `Fault(code, args, span)`.

This file imports nothing but the standard library: `codegen.module_source`
copies it WHOLE into the modules written by ``cds compile`` (so they run without
cdsdsl), and `runtime` imports its names, so there is one copy of each helper.
Do not add a ``from __future__`` import or an import of cdsdsl here.
"""
import re
import unicodedata
from decimal import Decimal
from fractions import Fraction


class Fault(Exception):
    """A run-time problem: a catalogue code (CDS6xx), its arguments and the
    index of the span (in the compiled formula's span table) it concerns."""

    def __init__(self, code, args=None, span=None):
        Exception.__init__(self, code)
        self.code = code
        self.args_ = dict(args or {})
        self.span = span


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']+")
_GROUPED_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_GROUPED_COMMAS = re.compile(r"^\d{1,3}(,\d{3}){2,}$")
_PLAIN = re.compile(r"^\d+$")
_DEC_COMMA = re.compile(r"^\d*,\d+$")
_DEC_DOT = re.compile(r"^\d*\.\d+$")
_VN_FULL = re.compile(r"^\d{1,3}(\.\d{3})+,\d+$")
_EN_FULL = re.compile(r"^\d{1,3}(,\d{3})+\.\d+$")
NON_NEGATIVE = ("count", "money", "ratio", "points", "percent")
#: a figure is below 10**100 and its denominator too (docs/semantics.md, "Numbers"): far above any
#: real figure (tests feed 32-digit ones to the exact arithmetic), far below the 4300 digits Python converts
MAX_DIGITS = 100
HUGE = 10 ** MAX_DIGITS


def _huge(raw):
    """Fault CDS601 for a figure with too many digits, the value shortened for the message
    (an int of more than 4300 digits cannot even be written out)."""
    if isinstance(raw, (str, Decimal)):
        text = str(raw)
    elif isinstance(raw, int):
        text = ("-" if raw < 0 else "") + "10^%d" % (len("%x" % abs(raw)) * 12 // 10)  # about
    else:
        try:
            text = "%.3e" % raw
        except (OverflowError, TypeError, ValueError):
            text = "<" + type(raw).__name__ + ">"
    text = text if len(text) <= 40 else text[:20] + "…" + text[-10:]
    return Fault("CDS601", {"value": text, "detail": "huge"})


def _text_number(text, kind):
    """A Fraction from text written the Vietnamese way; Fault on anything unclear."""
    s = unicodedata.normalize("NFC", text).strip()
    if not s:
        raise Fault("CDS600", {})
    percent = False
    if s.endswith("%"):
        percent = True
        s = s[:-1].strip()
    sign = 1
    if s[:1] in ("-", "\u2212"):
        sign = -1
        s = s[1:].strip()
    elif s[:1] == "+":
        s = s[1:].strip()
    digits = _SPACES.sub("", s)
    if len(digits) > 2 * MAX_DIGITS + 8:  # before converting: Python converts at most 4300 digits
        raise _huge(text)
    if _SPACES.search(s) and not re.fullmatch(r"\d{1,3}([\s\u00a0\u202f\u2009\u2007']\d{3})+([.,]\d+)?", s):
        raise Fault("CDS601", {"value": text, "detail": "space"})
    if _PLAIN.match(digits):
        value = Fraction(int(digits))
    elif _VN_FULL.match(digits):  # 1.234,5
        whole, frac = digits.split(",")
        value = Fraction(whole.replace(".", "") + "." + frac)
    elif _EN_FULL.match(digits):  # 1,234.5: English grouping
        value = Fraction(digits.replace(",", ""))
    elif _GROUPED_COMMAS.match(digits):  # 1,234,567
        value = Fraction(int(digits.replace(",", "")))
    elif _DEC_COMMA.match(digits):  # 2,5 (Vietnamese decimal comma)
        value = Fraction(digits.replace(",", ".") if not digits.startswith(",") else "0" + digits.replace(",", "."))
    elif _GROUPED_DOTS.match(digits):
        if digits.count(".") >= 2:  # 1.234.567: only thousands can repeat
            value = Fraction(int(digits.replace(".", "")))
        else:  # 8.333: 8333 (Vietnamese grouping) or 8,333 (English decimal point)?
            raise Fault("CDS602", {"value": text, "grouped": digits.replace(".", ""),
                                   "decimal": digits.replace(".", ",")})
    elif _DEC_DOT.match(digits):  # 0.25, 8.33: a decimal point
        value = Fraction(digits if not digits.startswith(".") else "0" + digits)
    else:
        raise Fault("CDS601", {"value": text, "detail": "text"})
    if percent:
        if kind in ("count", "money"):
            raise Fault("CDS601", {"value": text, "detail": "percent"})
        value = value / 100
    elif kind == "percent":  # an input declared `(%)`: `45` is 45%, as `45%` is (docs/data-entry.md)
        value = value / 100
    return sign * value


def to_number(raw, kind="number"):
    """An exact Fraction from a raw figure.  ``kind``: count (whole, >= 0),
    money/ratio/points (>= 0), percent (>= 0; a ratio declared ``(%)``: a bare number is in percent,
    ``45`` = ``45%``) or number.  Raises Fault (CDS600-605)."""
    t = type(raw)
    if t is int:
        if not -HUGE < raw < HUGE:
            raise _huge(raw)
        value = Fraction(raw)
    elif t is Fraction:
        value = raw
    elif raw is None:
        raise Fault("CDS600", {})
    elif t is bool:
        raise Fault("CDS601", {"value": str(raw), "detail": "bool"})
    elif isinstance(raw, int):
        value = Fraction(int(raw))
    elif isinstance(raw, Fraction):
        value = raw
    elif isinstance(raw, Decimal):
        if not raw.is_finite():
            raise Fault("CDS601", {"value": str(raw), "detail": "text"})
        if raw and not -MAX_DIGITS <= raw.adjusted() < MAX_DIGITS:  # before Fraction makes 10**exponent
            raise _huge(raw)
        value = Fraction(raw)
    elif isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise Fault("CDS601", {"value": str(raw), "detail": "text"})
        value = Fraction(repr(raw))  # 0.1 is read as 1/10, the number the cell shows
    elif isinstance(raw, str):
        value = _text_number(raw, kind)
    else:
        try:
            shown = repr(raw)
        except Exception:  # noqa: BLE001 - a strange object: its type is enough
            shown = "<" + type(raw).__name__ + ">"
        raise Fault("CDS601", {"value": shown if len(shown) <= 40 else shown[:39] + "…", "detail": "text"})
    if not -HUGE < value.numerator < HUGE or value.denominator >= HUGE:
        raise _huge(raw)
    if value < 0 and kind in NON_NEGATIVE:
        raise Fault("CDS603", {"value": str(raw)})
    if kind == "count" and value.denominator != 1:
        raise Fault("CDS604", {"value": str(raw)})
    if kind == "percent" and not isinstance(raw, str):  # a number for a `(%)` input is in percent too
        value = value / 100
    return value


def read(inputs, key, kind, missing=None):
    """``inputs[key]`` as a Fraction (a `Value`-like object with ``raw`` is unwrapped)."""
    raw = inputs.get(key, missing)
    if raw is missing:
        raise Fault("CDS600", {"key": key})
    if type(raw) is int and 0 <= raw < HUGE and kind != "percent":
        return raw
    raw = getattr(raw, "raw", raw)
    if raw is None or raw == "":
        raise Fault("CDS600", {"key": key})
    try:
        return to_number(raw, kind)
    except Fault as f:
        f.args_.setdefault("key", key)
        raise


def read_or(inputs, key, kind, default):
    """``read`` with a value written in the formula (``b = ... (7)``) used when the unit gives none."""
    raw = inputs.get(key)
    raw = getattr(raw, "raw", raw)
    if raw is None or raw == "":
        return default
    return read(inputs, key, kind)


def fold(text):
    """Option text folded for matching: NFC, case, inner spaces, surrounding punctuation."""
    s = unicodedata.normalize("NFC", str(text)).casefold()
    s = re.sub(r"\s+", " ", s)
    return s.strip(" \t\r\n.,;:!?-+*•–—()[]\"'“”")


NONE_WORDS = ("0", "không", "khong", "none", "không chọn", "chưa chọn")


def choose(raw, labels, cumulative):
    """The 0-based indexes of the chosen options.

    ``raw``: an option's text (matched leniently), its 1-based number, 0 or
    ``"không"`` for none of them; for a cumulative list also a list of these or
    text joined by ``;``.  Raises Fault CDS600 (nothing given), CDS605 (not an
    option), CDS606 (several options for an exclusive list)."""
    raw = getattr(raw, "raw", raw)
    if raw is None or raw == "":
        raise Fault("CDS600", {})
    if isinstance(raw, (list, tuple, set, frozenset)):
        items = list(raw)
    elif isinstance(raw, str):
        folded = fold(raw)
        if any(fold(lab) == folded for lab in labels):
            items = [raw]
        else:
            items = [p for p in re.split(r"[;\n]", raw) if p.strip()] or [raw]
    else:
        items = [raw]
    folded_labels = [fold(lab) for lab in labels]
    chosen = []
    for item in items:
        item = getattr(item, "raw", item)
        index = None
        if isinstance(item, bool):
            index = None
        elif isinstance(item, int):
            index = item - 1 if 0 < item <= len(labels) else (-1 if item == 0 else None)
        elif isinstance(item, str):
            f = fold(item)
            if f in folded_labels:
                index = folded_labels.index(f)
            elif f.isdigit():
                k = int(f)
                index = k - 1 if 0 < k <= len(labels) else (-1 if k == 0 else None)
            elif f in NONE_WORDS:
                index = -1
        if index is None:
            raise Fault("CDS605", {"value": str(item),
                                   "choices": "; ".join(f"{i + 1}. {lab}" for i, lab in enumerate(labels))})
        if index >= 0 and index not in chosen:
            chosen.append(index)
    if not cumulative and len(chosen) > 1:
        raise Fault("CDS606", {"value": "; ".join(labels[i] for i in chosen)})
    return chosen


def round_points(value, digits=2, mode="half_up"):
    """Round exact points once, at the end: ``half_up`` (0,125 → 0,13; away from
    zero for negatives) or ``truncate`` (towards zero).  Returns a Decimal with
    exactly ``digits`` decimals."""
    if type(value) is not Fraction:
        value = Fraction(value)
    scale = 10 ** digits
    num, den = abs(value.numerator) * scale, value.denominator
    if mode == "half_up":
        q = (2 * num + den) // (2 * den)
    elif mode == "truncate":
        q = num // den
    else:
        raise ValueError(f"unknown rounding mode {mode!r}")
    if value < 0:
        q = -q
    return Decimal(q).scaleb(-digits)

def div(a, b, span=None):
    """``a / b`` exactly; a zero divisor raises Fault CDS610 at ``span``."""
    if not b:
        raise Fault("CDS610", {}, span)
    if type(a) is int and type(b) is int:
        return Fraction(a, b)
    return Fraction(a) / b


def stat(cohort, key):
    """(low, high, count) of a cohort quantity; Fault CDS617 without the cohort."""
    if cohort is None or key not in cohort:
        raise Fault("CDS617", {"quantity": key})
    return cohort[key]


def minmax_points(x, low, high, max_points, direction):
    """Min-max: ``max * (x - min) / (max - min)`` (fewer is better: ``(max - x)``).
    All equal: the maximum, except 0 for everyone when more is better and all are 0."""
    if high == low:
        if direction == "max" and high == 0:
            return Fraction(0)
        return Fraction(max_points)
    if direction == "min":
        return Fraction(max_points) * (high - x) / (high - low)
    return Fraction(max_points) * (x - low) / (high - low)


def ratio_points(x, low, high, max_points, direction):
    """Ratio to the best: ``max * x / best`` (best = 0: 0); fewer is better:
    ``max * best / x`` (x = 0 is the best: the maximum)."""
    if direction == "min":
        if x == 0:
            return Fraction(max_points)
        return Fraction(max_points) * low / x
    if high == 0:
        return Fraction(0)
    return Fraction(max_points) * x / high


def pick(inputs, key, labels, cumulative):
    """The chosen option indexes for ``inputs[key]``, or None when nothing is given."""
    raw = inputs.get(key)
    raw = getattr(raw, "raw", raw)
    if raw is None or raw == "":
        return None
    try:
        return choose(raw, labels, cumulative)
    except Fault as f:
        f.args_.setdefault("key", key)
        raise


def items_sum(item_points, first, last):
    """Points of the indicators ``first`` … ``last`` (same depth), from a mapping
    ``{id: points}`` or a callable ``(first, last) -> points``."""
    if item_points is None:
        raise Fault("CDS616", {"first": first, "last": last})
    if callable(item_points):
        return Fraction(item_points(first, last))

    def tup(i):
        try:
            return tuple(int(x) for x in str(i).split("."))
        except ValueError:
            return None

    lo, hi = tup(first), tup(last)
    total = Fraction(0)
    for i, v in item_points.items():
        t = tup(i)
        if t is not None and len(t) == len(lo) and lo <= t <= hi:
            total += Fraction(v)
    return total


def round_pair(num, den, digits=2, mode="half_up"):
    """`round_points` of the points ``num/den`` (0 <= num/den, den > 0, as the fast functions give
    them), computed on the two ints."""
    scale = 10 ** digits
    if mode == "half_up":
        q = (2 * num * scale + den) // (2 * den)
    elif mode == "truncate":
        q = num * scale // den
    else:
        raise ValueError(f"unknown rounding mode {mode!r}")
    key = (q, digits)
    rounded = _ROUNDED.get(key)
    if rounded is None:
        rounded = Decimal(q).scaleb(-digits)
        if len(_ROUNDED) < 100000:  # points take few values: each Decimal made once
            _ROUNDED[key] = rounded
    return rounded


_ROUNDED: dict = {}  # (q, digits) -> Decimal


# ------------------------------------------------------------ fast path
# Compiled formulas also get a *fast* function (`codegen_fast.FastGen`) that works on
# plain ints and (numerator, denominator) pairs.  It gives up with `Slow`
# whenever anything is not the plain case (a non-int figure, a missing input, a
# zero or negative divisor, no matching case, points outside [0, max]); the
# caller then runs the full function, which produces the value and diagnostics.

class Slow(Exception):
    """The fast path cannot decide this unit; run the full path."""


SLOW = Slow()


def fast_value(raw):
    """What the fast path reads of a cell: a `Value`'s ``number`` (the cell converted once when read),
    else its ``raw``; anything else as it is."""
    number = getattr(raw, "number", None)
    return getattr(raw, "raw", raw) if number is None else number


def fast_read(raw, nonneg):
    """A plain int figure (a `Value` gives its ``number``), else `Slow`."""
    raw = fast_value(raw)
    if type(raw) is int and (raw >= 0 or not nonneg) and -HUGE < raw < HUGE:
        return raw
    raise SLOW


def fast_read_or(raw, default, nonneg):
    """`fast_read`, with the formula's own value when the unit gives none."""
    raw = fast_value(raw)
    if raw is None or raw == "":
        return default
    if type(raw) is int and (raw >= 0 or not nonneg) and -HUGE < raw < HUGE:
        return raw
    raise SLOW


def fast_pick(raw, count, cumulative):
    """Chosen option indexes given as numbers (``2``, ``0``, ``[1, 3]`` when
    cumulative; a `Value` gives its ``number``), None when nothing is given, else `Slow`
    (text is left to `choose`)."""
    raw = fast_value(raw)
    if raw is None or raw == "":
        return None
    if type(raw) is int:
        if 0 < raw <= count:
            return (raw - 1,)
        if raw == 0:
            return ()
        raise SLOW
    if cumulative and type(raw) in (list, tuple):
        chosen = set()
        for x in raw:
            x = getattr(x, "raw", x)
            if type(x) is not int or x < 0 or x > count:
                raise SLOW
            if x:
                chosen.add(x - 1)
        return chosen
    raise SLOW


def fast_stat(cohort, key):
    """A cohort quantity's lowest and highest value as ``(ln, ld, hn, hd)`` (``low = ln/ld``,
    ``high = hn/hd``, denominators > 0) when both are ints or Fractions, else `Slow`
    (no cohort, no such quantity, anything else: `stat` and the full path decide)."""
    try:
        s = cohort[key]
        low, high = s[0], s[1]
    except Exception:  # noqa: BLE001 - None, a missing key, a strange mapping: the full path decides
        raise SLOW from None
    if (type(low) is Fraction or type(low) is int) and (type(high) is Fraction or type(high) is int):
        return low.numerator, low.denominator, high.numerator, high.denominator
    raise SLOW
