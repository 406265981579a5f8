"""Reading one filled cell: which indicator and input it is, its typed value with its location, and the units.

Takes: the `Ruleset` and the data file's path (for locations); headers, cells and unit rows from a layout
reader (`cdsdsl.dataentry.reading`).
Returns: `_CellReader`, the state every layout reader shares: the form's fields by indicator and input,
the indicator/input/group a header or cell names, `value(...)`: the `Value` of one cell (option cells as the
exact choice text, figures kept as read after their scale is checked, docs/data-entry.md "Thang giá trị"),
`add_unit(...)`: one unit with its values, and the located diagnostics (CDS6xx, CDS8xx) found on the way.
"""
from __future__ import annotations

import re
import unicodedata
from fractions import Fraction
from pathlib import Path
from typing import Any

from cdsdsl.dataentry.cells import (
    _NONE,
    _PERCENT_IN_TEXT,
    MAX_DIGITS,
    _cell_str,
    _digit_count,
    _empty,
    _fold,
    _is_none_word,
    _match_choice,
    _norm,
    _raw,
    _show,
)
from cdsdsl.dataentry.facts import FACTS_ITEM, fill_from_facts
from cdsdsl.dataentry.fields import FormField, _group_choice, build_form
from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.evaluate.runtime import Fault, fmt_vi, to_number
from cdsdsl.files.textfile import Record
from cdsdsl.rulesets.model import Ruleset, roman_to_int
from cdsdsl.scoring.unitdata import Unit, Value
from cdsdsl.semantics.resolve import COUNT, MONEY, NUMBER, OPTION, OPTIONS, POINTS, RATIO

#: figures that are often plain whole numbers (a ratio's scale and a point's ``%`` are checked below)
WHOLE_KINDS = frozenset({COUNT, MONEY, NUMBER})


def _choices_list(f: FormField) -> str:
    return "; ".join(f"{i}. {c}" for i, c in enumerate(f.choices, 1))



class _CellReader:
    """The state every layout reader shares, and what it does with one header or cell."""


    def __init__(self, ruleset: Ruleset, path: Path) -> None:
        self.ruleset = ruleset
        self.path = path
        self.fname = path.name
        self.form = build_form(ruleset)
        self.diags: list[Diagnostic] = []
        self.units: list[Unit] = []
        self.seen: dict[str, str] = {}  # normalised unit name -> where first read
        self.fields: dict[str, dict[str, FormField]] = {}
        for f in self.form.fields + self.form.fact_filled:  # a fact's inputs still read from older files
            self.fields.setdefault(f.indicator, {})[f.key] = f
        self.ind_keys = {ind.key for ind in ruleset.indicators} | ({FACTS_ITEM} if ruleset.facts else set())
        self.ind_by_norm = {_norm(k): k for k in self.ind_keys}
        self.refs = {ind: set(v) for ind, v in self.form.item_refs.items()}
        #: rows (unit sheets, JSON entries) read, and those that gave no unit: (where, unit name, code)
        self.rows_read = 0
        self.refused: list[tuple[str, str, str]] = []
        #: the records of a delimited text file (their physical lines), None for .xlsx/.json
        self.text_records: list[Record] | None = None
        self.delimiter = ","
        self.ratio_caps: dict[str, Fraction | None] = {}
        #: (indicator, input, cell text) -> (choice text(s), number(s)) of option cells read without a message
        self.choice_memo: dict[tuple[str, str, str], tuple[Any, Any]] = {}
        #: a text file's header row -> its width up to the last named column
        self.header_widths: dict[int, int] = {}

    # -- diagnostics
    def diag(self, code: str, where: str | None, *, item: str | None = None, unit: str | None = None,
             **args: Any) -> None:
        self.diags.append(Diagnostic.make(code, None, item=item, unit=unit, where=where or self.fname,
                                          indicator=item or "?", unit_name=unit or "?", **args))

    # -- names
    def indicator_key(self, text: Any) -> str | None:
        t = _norm(_cell_str(text))
        t = re.sub(r"^(chỉ số|chi so|cs)\s*", "", t).rstrip(".").strip()
        if t in self.ind_by_norm:
            return self.ind_by_norm[t]
        return None

    def input_key(self, item: str, text: Any) -> str | None:
        fields = self.fields.get(item, {})
        t = _cell_str(text)
        if t in fields:
            return t
        n = _norm(t)
        for k in fields:
            if _norm(k) == n:
                return k
        fd = _fold(t)
        matches = [k for k in fields if _fold(k) == fd]
        if len(matches) == 1:
            return matches[0]
        return None

    def is_itemref(self, item: str, text: Any) -> bool:
        refs = self.refs.get(item)
        if not refs:
            return False
        m = re.match(r"^\s*(?:mục|muc)\s*(\S+)\s*$", _norm(_cell_str(text)))
        return bool(m and m.group(1).rstrip(".") in refs)

    def column(self, header: Any) -> tuple[str, str] | None:
        """``"1.3:a"`` → ``("1.3", "a")``; None when not a known indicator/input."""
        text = _cell_str(header)
        if ":" in text:
            left, right = text.split(":", 1)
            item = self.indicator_key(left)
            if item is None:
                return None
            key = self.input_key(item, right)
            return (item, key) if key is not None else None
        item = self.indicator_key(text)
        if item is not None and len(self.fields.get(item, {})) == 1:
            return item, next(iter(self.fields[item]))
        m = re.match(r"^(.*\S)\s+(\S+)$", text)
        if m:
            item = self.indicator_key(m.group(1))
            if item is not None:
                key = self.input_key(item, m.group(2))
                if key is not None:
                    return item, key
        return None

    def split_header(self, header: Any) -> tuple[str | None, str]:
        """Best effort (indicator, input text) of a header that is not a known column, for messages."""
        text = _cell_str(header)
        left, _, right = text.partition(":")
        return self.indicator_key(left), right.strip()

    def group_id(self, text: Any, where: str, unit: str) -> str | None:
        t = _cell_str(text)
        if not t:
            return None
        if not self.ruleset.groups:
            self.diag("CDS813", where, unit=unit, text=t)
            return None
        n = _norm(t)
        n = re.sub(r"^(lĩnh vực|linh vuc)\s+", "", n)
        for g in self.ruleset.groups:
            gid = _norm(g.id)
            candidates = {gid, _norm(g.name), f"{gid}. {_norm(g.name)}", f"{gid} {_norm(g.name)}",
                          f"{gid}: {_norm(g.name)}", f"{gid} - {_norm(g.name)}", f"{gid}.", str(roman_to_int(g.id))}
            if n in candidates:
                return g.id
        fd = _fold(n)
        for g in self.ruleset.groups:
            if fd in (_fold(g.name), _fold(f"{g.id}{g.name}")):
                return g.id
        self.diag("CDS809", where, unit=unit, text=t,
                  choices="; ".join(_group_choice(self.ruleset, g.id) for g in self.ruleset.groups))
        return None

    # -- values
    def value(self, unit: str, item: str, key: str, raw: Any, where: str) -> Value | None:
        """Check one filled cell; None when it is dropped (an error was reported).  The `Value` carries the
        cell converted once (``Value.number``) when it is a whole figure or known options."""
        f = self.fields[item][key]
        if f.kind in WHOLE_KINDS:
            # the usual cell, a plain whole number (``"1234"``, or an int from a workbook): what the checks
            # below keep, with its number; anything else takes them
            if type(raw) is str and raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS:
                return Value(raw, where, int(raw))
            if type(raw) is int and _digit_count(raw) <= MAX_DIGITS:
                return Value(raw, where)
        if f.kind in (OPTION, OPTIONS) and type(raw) is str:
            memo = self.choice_memo.get((item, key, raw))
            if memo is not None:  # the same text in the same column: read the same way, no message
                return Value(memo[0], where, memo[1])
            n_diags = len(self.diags)
            v = self.option_value(unit, f, raw, where)
            if v is not None and len(self.diags) == n_diags:
                self.choice_memo[(item, key, raw)] = (v.raw, v.number)
            return v
        return self.option_value(unit, f, raw, where) if f.kind in (OPTION, OPTIONS) else self.figure(f, unit, raw,
                                                                                                       where)

    def figure(self, f: FormField, unit: str, raw: Any, where: str) -> Value | None:
        """A figure's cell after its scale check (docs/data-entry.md "Thang giá trị")."""
        if not self.scale_ok(unit, f, raw, where):
            return None
        return Value(_raw(raw), where)

    def option_value(self, unit: str, f: FormField, raw: Any, where: str) -> Value | None:
        """An option cell as the exact choice text (a list of them for several), with its number(s)."""
        item, key = f.indicator, f.key
        if f.kind in (OPTION, OPTIONS) and not isinstance(raw, bool) and _digit_count(_show(raw)) > MAX_DIGITS:
            self.diag("CDS659", where, item=item, unit=unit, key=key, digits=_digit_count(_show(raw)),
                      limit=MAX_DIGITS)
            return None
        if f.kind in (OPTION, OPTIONS):
            chosen = self.options(unit, f, raw, where)
            if chosen is None:
                return None
            if chosen == [_NONE]:  # ``0`` / ``không``: none of the options (the scorer gives 0 points)
                return Value(_cell_str(raw), where, 0)
            chosen = [c for c in chosen if c is not _NONE]
            if f.kind == OPTION:
                if len(chosen) > 1:
                    self.diag("CDS806", where, item=item, unit=unit, key=key, text=_cell_str(_show(raw)),
                              choices=_choices_list(f))
                    return None
                return Value(chosen[0], where, f.choices.index(chosen[0]) + 1)
            return Value(chosen, where, tuple(f.choices.index(c) + 1 for c in chosen))
        return None

    def ratio_cap(self, item: str) -> Fraction | None:
        """The largest ratio an indicator's inputs may hold: 100% unless its scoring text names a level above
        100% (``trên 100%``, ``120%``), then no bound."""
        if item not in self.ratio_caps:
            ind = next((i for i in self.ruleset.indicators if i.key == item), None)
            text = (ind.effective_formula or "") if ind is not None else ""
            cap: Fraction | None = Fraction(1)
            for m in _PERCENT_IN_TEXT.finditer(text):
                level = Fraction(m.group(2).replace(",", "."))
                if level > 100 or (level == 100 and m.group(1)):
                    cap = None
                    break
            self.ratio_caps[item] = cap
        return self.ratio_caps[item]

    def scale_ok(self, unit: str, f: FormField, raw: Any, where: str) -> bool:
        """The value's scale by the rule of docs/data-entry.md ("Thang giá trị"); False after an error."""
        if f.kind not in (COUNT, MONEY, RATIO, NUMBER, POINTS) or isinstance(raw, bool):
            return True
        common = dict(item=f.indicator, unit=unit, key=f.key)
        digits = _digit_count(raw)
        if digits > MAX_DIGITS:
            self.diag("CDS659", where, digits=digits, limit=MAX_DIGITS, **common)
            return False
        text = unicodedata.normalize("NFC", raw).strip() if isinstance(raw, str) else None
        if f.kind == POINTS and text is not None and text.endswith("%"):
            self.diag("CDS658", where, value=text, suggestion=text[:-1].strip() or "0", **common)
            return False
        if f.kind != RATIO:
            return True
        declared_pct = f.unit == "%"  # an input declared `(%)`: `45` is 45% (docs/data-entry.md)
        if text is not None and not text.endswith("%") and not declared_pct:
            try:
                bare = to_number(text, "ratio")
            except Fault:
                return True  # not a number: the scorer says so (CDS601, CDS602)
            if bare == 0:
                return True  # 0 is 0% on every scale
            body = text
            suggestion = f"`{body}%`"
            suggestion_en = f"`{body}%`"
            if bare <= 1:
                as_pct = fmt_vi(bare, 4, percent=True)
                suggestion += f" hoặc `{as_pct}` nếu {body} là phần của 1"
                suggestion_en += f" or `{as_pct}` if {body} is a fraction of 1"
            self.diag("CDS657", where, value=text, suggestion=suggestion, suggestion_en=suggestion_en, **common)
            return False
        try:
            value = to_number(text if text is not None else raw, "percent" if declared_pct else "ratio")
        except Fault:
            return True
        if declared_pct and text is None and 0 < value * 100 <= 1:
            # a number cell of a `(%)` input is in percent; 0 < cell <= 1 may be Excel's 45% stored as 0,45
            shown = fmt_vi(value * 100, 4, percent=True)
            self.diag("CDS657", where, value=_cell_str(raw), suggestion=f"`{shown}`",
                      suggestion_en=f"`{shown}`", **common)
            return False
        cap = self.ratio_cap(f.indicator)
        if cap is not None and value > cap:
            self.diag("CDS656", where, value=_cell_str(raw), percent=fmt_vi(value, 4, percent=True),
                      max=fmt_vi(cap, 4, percent=True), **common)
            return False
        return True

    def options(self, unit: str, f: FormField, raw: Any, where: str) -> list[str] | None:
        if isinstance(raw, (list, tuple)):
            parts = [p for p in raw if not _empty(p)]
        else:
            text = _cell_str(raw)
            whole = _match_choice(f.choices, text)
            if whole is not None:
                return [whole]
            if _is_none_word(text):
                return [_NONE]
            parts = [p for p in re.split(r"[;\n]+", text) if p.strip()]
            if not parts:  # only separators (`;`): no choice can be read, and none is not said either
                self.diag("CDS805", where, item=f.indicator, unit=unit, key=f.key, text=text,
                          choices=_choices_list(f))
                return None
            if len(parts) == 1 and re.fullmatch(r"\s*\d+(\s*,\s*\d+)+\s*", parts[0]):
                parts = parts[0].split(",")
        out: list[str] = []
        for p in parts:
            c = _match_choice(f.choices, p)
            if c is None and _is_none_word(p):
                continue
            if c is None:
                self.diag("CDS805", where, item=f.indicator, unit=unit, key=f.key, text=_cell_str(p),
                          choices=_choices_list(f))
                return None
            if c not in out:
                out.append(c)
        return out

    def add_unit(self, name: str, group: str | None, values: dict[str, dict[str, Value]], where: str,
                 row_has_cells: bool) -> None:
        from cdsdsl.files.xlsx import MAX_UNIT_NAME

        if len(name) > MAX_UNIT_NAME:
            self.diag("CDS648", where, length=len(name), limit=MAX_UNIT_NAME)
            return
        if values and self.form.fact_inputs:  # general information asked once fills the inputs that use it
            kinds = {(f.indicator, f.key): f.kind for f in self.form.fact_filled}
            fill_from_facts(self.form.fact_inputs, kinds, values, self.diag, name)
        if values:
            # item references (``mục 5.12.1``) are filled from the indicator they name, at its cell
            for item, refs in self.form.ref_inputs.items():
                for key, (src_item, src_key) in refs.items():
                    src = values.get(src_item, {}).get(src_key)
                    if src is not None and key not in values.get(item, {}):
                        values.setdefault(item, {})[key] = src
        if not values:
            if not row_has_cells:
                self.diag("CDS807", where, unit=name)
                self.refused.append((where, name, "CDS807"))
            else:
                codes = [d.code for d in self.diags if d.unit == name and d.severity.value == "error"]
                self.refused.append((where, name, codes[-1] if codes else "?"))
            return
        n = _norm(name)
        if n in self.seen:
            self.diag("CDS804", where, unit=name, first=self.seen[n])
            self.refused.append((where, name, "CDS804"))
            return
        self.seen[n] = where
        self.units.append(Unit(name, values, group=group, where=where))
