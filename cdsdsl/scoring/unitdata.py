"""Unit data: the figures one unit (a district, a department) reports.

Takes: nothing (data only).  Readers of .csv/.xlsx/.json forms produce
`Unit`s; the scorer consumes them.  Every value remembers where it came from
(file, sheet, cell) so that a problem is reported at the cell.
"""
from __future__ import annotations

from typing import Any, Mapping

import attrs

#: the input key of points entered directly (indicators with no scoring text)
POINTS_KEY = "điểm"


def _plain_number(value: "Value") -> Any:
    return value.raw if type(value.raw) is int else None


@attrs.frozen
class Value:
    """One figure as read: ``raw`` is what the cell held (str, int, Decimal, list of str for
    several chosen options); ``where`` names the cell, e.g. ``"cohort.csv:4:F"`` or
    ``"form.xlsx › Huyện A › D7"``.

    ``number`` is the cell converted once when read, for the scorer's integer fast path
    (`evaluate.runtime.fast_read`): an int figure (``"1234"`` → 1234), the 1-based number of the
    chosen option (0: none of them), a tuple of them for several; None when only the exact path
    reads ``raw`` (``"2,5"``, ``"80%"``, text).  It never changes a result: the exact path reads ``raw``
    and gives the same value.  Not part of equality."""

    raw: Any
    where: str | None = None
    number: Any = attrs.field(default=attrs.Factory(_plain_number, takes_self=True), eq=False, repr=False)


@attrs.frozen
class Unit:
    """One unit's data: ``values[item_id][input_key]``.

    ``group`` names the priority-sector group (``Lĩnh vực``) that applies to
    the unit, for sets such as Quảng Trị's department set; ``where`` locates
    the unit's row or sheet.
    """

    name: str
    values: Mapping[str, Mapping[str, Value]] = attrs.field(factory=dict)
    group: str | None = None
    where: str | None = None

    def get(self, item: str, key: str) -> Value | None:
        return self.values.get(item, {}).get(key)

    @classmethod
    def from_plain(cls, name: str, data: Mapping[str, Mapping[str, Any]], *, group: str | None = None,
                   where: str | None = None) -> "Unit":
        """``Unit.from_plain("Huyện A", {"1.3": {"a": 9, "b": 10}})``."""
        return cls(name, {item: {k: v if isinstance(v, Value) else Value(v, where) for k, v in vals.items()}
                          for item, vals in data.items()}, group=group, where=where)
