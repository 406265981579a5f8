"""The input schema of a formula: what a unit must supply, and how its kind is read from the prose.

Takes: an input's description and unit as the decision writes them (``a = Số lượng hồ sơ``,
``b = Kinh phí (triệu đồng)``).
Returns: its kind (`input_kind`: count, money, ratio, number; options and points are given by the
resolver), and `InputSpec`, the record of one value a unit supplies (key, description, kind, unit).
The reserved keys (`SUBJECT_KEY`, `CHOICE_KEY`, `COUNT_KEY`) are described in `resolve`.
"""
from __future__ import annotations

import functools
import re
from fractions import Fraction
from typing import Any

import attrs

from cdsdsl.semantics.dimensions import COUNT_UNITS, DURATIONS, QUANTITIES, Dimension, infer_dimension, paren_unit
from cdsdsl.text.source import Span

CHOICE_KEY = "lựa chọn"
SUBJECT_KEY = "x"
COUNT_KEY = "số lượng"
BUILTIN_NAMES = ("Tỷ lệ", "Điểm", "Điểm tối đa")
KNOWN_COMPUTED = ("Tỷ lệ", "Tỷ trọng")

#: the kinds of input (`InputSpec.kind`)
COUNT, MONEY, RATIO, NUMBER, OPTION, OPTIONS, POINTS = (
    "count", "money", "ratio", "number", "option", "options", "points")


@attrs.frozen
class InputSpec:
    """One value a unit must supply for this indicator."""

    key: str
    name: str
    description: str
    kind: str
    unit: str | None = None
    constant: Fraction | None = None
    choices: tuple[str, ...] = ()
    part: int = 0
    role: str = "declared"  # declared | subject | choice | count | itemref
    span: Span = attrs.field(default=Span(0, 0), eq=False)
    #: the dimension the ruleset declares (``Kiểu:``), else None: inferred from the words (`dimension`)
    declared: Dimension | None = attrs.field(default=None, eq=False, kw_only=True)

    @property
    def dimension(self) -> Dimension:
        """What the value counts or measures: declared, else inferred from the description and unit."""
        return self.declared if self.declared is not None else _inferred(self.description, self.unit, self.kind)

    @property
    def reading(self) -> str:
        """How a raw figure is read (`evaluate.runtime.to_number` kinds): ``percent`` for a ratio declared
        ``(%)`` (``45`` and ``45%`` are both 45%), else the kind when it is one of count, money, ratio,
        number; otherwise number."""
        if self.kind == RATIO and self.unit == "%":
            return "percent"
        return self.kind if self.kind in (COUNT, MONEY, RATIO, NUMBER) else NUMBER

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "description": self.description, "kind": self.kind,
                "unit": self.unit, "constant": None if self.constant is None else str(self.constant),
                "choices": list(self.choices), "part": self.part, "role": self.role}


@functools.lru_cache(maxsize=4096)
def _inferred(description: str, unit: str | None, kind: str) -> Dimension:
    return infer_dimension(description, unit, kind)


# ------------------------------------------------ what the prose says of an input

_MONEY_UNITS = ("triệu đồng", "tỷ đồng", "nghìn đồng")
RATIO_START = re.compile(r"^\s*(t[ỷỉ]\s*lệ|t[ỷỉ]\s*trọng|phần\s+trăm)", re.I)
_COUNT_START = re.compile(r"^\s*(số\s+lượng|số|tổng\s+số|tổng\s+dân\s+số|tổng)\b", re.I)
BEST_WORDS = re.compile(r"\b(cao|nhiều|lớn)\s+nhất\b", re.I)
WORST_WORDS = re.compile(r"\b(thấp|ít|nhỏ)\s+nhất\b", re.I)
_MONEY_WORDS = re.compile(r"kinh\s+phí|ngân\s+sách|\bchi\b|giá\s+trị|GRDP", re.I)
_MONEY_TOTAL_WORDS = re.compile(r"kinh\s+phí|tổng\s+chi|giá\s+trị|GRDP", re.I)


def input_kind(description: str, unit: str | None) -> str:
    """The kind of a declared input, from its description and unit: money (a money unit, or
    ``kinh phí``/``ngân sách``/``chi``/``giá trị``/``GRDP`` with a unit), ratio (``Tỷ lệ``,
    ``Tỷ trọng``, ``Phần trăm``, or a unit ``(%)``), count (``Số``, ``Số lượng``, ``Tổng số``, or a unit
    ``(người)``, ``(hồ sơ)``), a number for a duration or a quantity (``(giờ)``, ``(ngày)``, ``(Mbps)``:
    decimals allowed), else a number."""
    if unit in _MONEY_UNITS or unit and _MONEY_WORDS.search(description):
        return MONEY
    written = paren_unit(description)
    if written == "%":
        return RATIO
    if written in DURATIONS or written in QUANTITIES.values():
        return NUMBER  # hours, days, Mbps take decimals (`12,5`)
    if written in COUNT_UNITS:
        return COUNT
    if RATIO_START.match(description):
        return RATIO
    if _COUNT_START.match(description):
        if _MONEY_TOTAL_WORDS.search(description):
            return MONEY
        return COUNT
    return NUMBER


def count_description(label: str) -> str:
    """The description of the number of counted items (``Mỗi hoạt động`` → ``Số hoạt động``)."""
    label = re.sub(r"^(?:cứ\s+)?mỗi\s+", "", label, flags=re.I)
    return f"Số {label}"
