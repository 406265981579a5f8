"""`rulesets/cds_writer.py`: every shipped ruleset written as .cds and read back is the same ruleset."""
from __future__ import annotations

from fractions import Fraction

import attrs
import pytest
from _cli_util import RULESET_IDS, RULESETS

from cdsdsl.rulesets.cds import parse_ruleset_text
from cdsdsl.rulesets.cds_writer import cell_safe, format_max, ruleset_to_cds
from cdsdsl.rulesets.model import load_ruleset


def _plain(x):
    """A model value without its positions (lines, spans: where it was read, not what it says)."""
    if attrs.has(type(x)):
        fields = {f.name: _plain(getattr(x, f.name)) for f in attrs.fields(type(x))
                  if f.name not in ("line", "span", "max_span", "source", "max_source", "formula_source",
                                    "notes", "name", "total_span", "format")}
        return (type(x).__name__, fields)
    if isinstance(x, tuple):
        return tuple(_plain(v) for v in x)
    return x


@pytest.mark.parametrize("path", RULESETS, ids=RULESET_IDS)
def test_a_ruleset_written_and_read_back_is_the_same(path):
    rs = load_ruleset(path)
    text = ruleset_to_cds(rs)
    again = parse_ruleset_text(text, name="again.cds")
    assert _plain(again) == _plain(rs)
    assert ruleset_to_cds(again) == text


def test_maxima_and_cells():
    assert [format_max(v) for v in (Fraction(10), Fraction(5, 2), Fraction(1, 3), None, Fraction(1, 8))] == \
        ["10", "2,5", "1/3", "-", "0,125"]
    assert cell_safe("Chỉ số | phụ\nhai dòng") == "Chỉ số / phụ hai dòng"
