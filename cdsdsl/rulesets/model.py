"""Rulesets: one indicator set (bộ chỉ số) as its decision lays it out — the public names in one place.

Takes: a ruleset file (`.cds`, see docs/ruleset-format.md, grammar `grammar/ruleset.lark`; or a
spreadsheet `.csv`/`.tsv`/`.xlsx`, see `sheets.py`).  Returns: a frozen `Ruleset` with its `Section`s,
priority-sector `Group`s and `Indicator`s, each indicator carrying its scoring text verbatim and a
`Source` whose positions point into the ruleset file.  Errors raise `RulesetError` carrying located
diagnostics (codes CDS500-519).

This module only gathers the names (it is `cdsdsl.ruleset` of docs/api.md); the work is done by
`classes` (the data classes), `numbering` and `fields` (numbers, keys and field values as written),
`cds` (the `.cds` reader), `sheets` (the spreadsheet reader) and `load` (`load_ruleset`, which picks the
reader).  Structure checks are in `structure.py`, the whole-ruleset check in `check.py`.
"""
from __future__ import annotations

from cdsdsl.rulesets.cds import parse_ruleset_text
from cdsdsl.rulesets.classes import (
    Binding,
    Correction,
    Group,
    Indicator,
    Rounding,
    Ruleset,
    Section,
    SetFormula,
    UnitList,
)
from cdsdsl.rulesets.fields import (
    EXPECTED,
    FLAG_ENTERED,
    HEADER_KEYS,
    INDICATOR_KEYS,
    KNOWN_KEYS,
    LEVELS,
    LIST_PREFIX,
    MAX_ROUNDING_DIGITS,
    parse_applies_to,
    parse_cohort_method,
    parse_level,
    parse_option_mode,
    parse_rounding,
    parse_simple_header,
    parse_zero_division,
)
from cdsdsl.rulesets.load import decode_ruleset_bytes, load_ruleset
from cdsdsl.rulesets.numbering import is_contained, normalize_key, parse_max, parse_stt, roman_to_int

__all__ = [
    "Binding", "Correction", "Group", "Indicator", "Rounding", "Ruleset", "Section", "SetFormula",
    "UnitList", "load_ruleset", "parse_ruleset_text", "parse_max", "parse_stt", "normalize_key",
    "roman_to_int",
    # the keys and field values the readers share (importable from here before the split too)
    "EXPECTED", "FLAG_ENTERED", "HEADER_KEYS", "INDICATOR_KEYS", "KNOWN_KEYS", "LEVELS", "LIST_PREFIX",
    "MAX_ROUNDING_DIGITS", "decode_ruleset_bytes", "is_contained", "parse_applies_to", "parse_cohort_method",
    "parse_level", "parse_option_mode", "parse_rounding", "parse_simple_header", "parse_zero_division",
]
