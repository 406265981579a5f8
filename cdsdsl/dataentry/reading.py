"""Reading the units' filled data: the ``Mẫu`` (one sheet per unit) and wide layouts, from
``.xlsx``, ``.csv``/``.tsv`` and ``.json`` files.

Takes: a filled form or a cohort file and the `Ruleset`.
Returns: `read_units(path, ruleset)`: the units' data as `cdsdsl.scoring.unitdata.Unit`s plus a list of
located diagnostics (CDS8xx); `read_units_counted`: the same with an `Intake` (rows read, units, rows refused).
Cells are kept *as read* (str, int, Decimal; a list of option texts for a several-option field): numbers
are parsed by the scorer, which also reports missing inputs.  Option cells are checked here and stored as
the exact choice text.  The layouts are described in docs/data-entry.md and `cdsdsl.dataentry.forms`.
"""
from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import attrs

from cdsdsl.dataentry.cells import (
    _GROUP_NAMES,
    _IGNORED_COLS,
    _UNIT_NAMES,
    MAX_DIGITS,
    _cell_str,
    _col_letter,
    _empty,
    _fold,
)
from cdsdsl.dataentry.fields import CHOICES_SHEET, GUIDE_SHEET, TEMPLATE_SHEET
from cdsdsl.dataentry.textrows import _TextRows
from cdsdsl.dataentry.values import WHOLE_KINDS
from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.core import DataError, Diagnostic
from cdsdsl.files.safe_cells import unescape_csv_text
from cdsdsl.files.textfile import TextFileProblem, open_delimited, records
from cdsdsl.rulesets.model import Ruleset
from cdsdsl.scoring.bulk import bulk
from cdsdsl.scoring.unitdata import Unit, Value


@attrs.frozen
class _WideTable:
    """A wide table's header: where it is, its unit and group columns, its input columns, how to name a cell."""

    header: list[Any]
    header_idx: int
    unit_col: int
    #: None: no group column; -1: a group column the ruleset has no groups for (reported once)
    group_col: int | None
    #: the unit and group columns (not inputs)
    skip: set[int | None]
    cols: dict[int, tuple[str, str]]
    cell: Any
    #: the header's named columns that are not inputs (reported once)
    others: tuple[int, ...] = ()
    #: the columns of figures that are often plain whole numbers (`values.WHOLE_KINDS`)
    whole: frozenset[int] = frozenset()


def _blank(v: Any) -> bool:
    """`_empty` with the usual cell, a text, first."""
    return not v.strip() if type(v) is str else _empty(v)


def _wide_header_row(rows: list[list[Any]]) -> int | None:
    """The index of a wide table's header row (the first non-comment row, naming the unit column in its
    first three cells); None when the first non-comment, non-empty row is not one."""
    for i, row in enumerate(rows):
        first = _cell_str(row[0]) if row else ""
        if first.startswith("#"):
            continue
        if any(_fold(c) in _UNIT_NAMES for c in row[:3] if c is not None):
            return i
        if any(not _empty(c) for c in row):
            return None
    return None


class _Reader(_TextRows):
    """Reads one data file (`read`): its layouts, through the cell checks of `_CellReader`."""

    # -- wide layout (csv, tsv, Dữ liệu sheet)
    def wide(self, rows: list[list[Any]], cell: Any, sheet_where: str) -> bool:
        """Read rows of a wide table; ``cell(row, col)`` names a cell. False when no header row is found."""
        header_idx = _wide_header_row(rows)
        if header_idx is None:
            return False
        header = rows[header_idx]
        unit_col = next(j for j, c in enumerate(header) if c is not None and _fold(c) in _UNIT_NAMES)
        group_col = next((j for j, c in enumerate(header) if c is not None and _fold(c) in _GROUP_NAMES), None)
        skip = {unit_col, group_col}
        if group_col is not None and not self.ruleset.groups:
            self.diag("CDS813", cell(header_idx, group_col), text=_cell_str(header[group_col]))
            group_col = -1
        cols = self.wide_columns(header, header_idx, skip, cell)
        # columns already reported (unknown, item references): a cell there is not "no data"
        others = tuple(j for j, h in enumerate(header) if j not in skip and j not in cols and not _empty(h)
                       and _fold(h) not in _IGNORED_COLS)
        whole = frozenset(j for j, (item, key) in cols.items() if self.fields[item][key].kind in WHOLE_KINDS)
        table = _WideTable(header, header_idx, unit_col, group_col, skip, cols, cell, others, whole)
        for i in range(header_idx + 1, len(rows)):
            row = rows[i]
            if not row or all(_empty(c) for c in row):
                continue
            if _cell_str(row[0]).startswith("#"):
                continue
            self.wide_row(table, i, row)
        return True

    def wide_columns(self, header: list[Any], header_idx: int, skip: set[int | None],
                     cell: Any) -> dict[int, tuple[str, str]]:
        """The input columns of a wide header: ``{column index: (indicator, input key)}``; the other
        columns are reported (CDS802 unknown, CDS803 unknown input, CDS810 item reference, CDS812 twice)."""
        cols: dict[int, tuple[str, str]] = {}
        used: dict[tuple[str, str], str] = {}
        for j, h in enumerate(header):
            if j in skip or _empty(h) or _fold(h) in _IGNORED_COLS:
                continue
            key = self.column(h)
            where = cell(header_idx, j)
            if key is None:
                self.unknown_column(h, where)
                continue
            if key in used:
                self.diag("CDS812", where, item=key[0], key=key[1], first=used[key])
                continue
            used[key] = where
            cols[j] = key
        return cols

    def unknown_column(self, h: Any, where: str) -> None:
        """Report a wide header cell that names no input (an item reference, an unknown input or column)."""
        item, rest = self.split_header(h)
        if item is not None and self.is_itemref(item, rest):
            self.diag("CDS810", where, item=item, key=rest, ref=rest)
        elif item is not None:
            self.diag("CDS803", where, item=item, key=rest or _cell_str(h),
                      known=", ".join(self.fields.get(item, {})) or "—")
        else:
            self.diag("CDS802", where, column=_cell_str(h))

    def wide_row(self, table: _WideTable, i: int, row: list[Any]) -> None:
        """Read data row ``i`` of a wide table: one unit, or a refused row."""
        cell, cols, group_col, unit_col = table.cell, table.cols, table.group_col, table.unit_col
        self.rows_read += 1
        name = unescape_csv_text(_cell_str(row[unit_col])) if unit_col < len(row) else ""  # '=x → =x
        # a text file's row with a shape problem: its values from column `cut` on are refused
        cut = self.shape(i, table.header_idx, unit_col, cols, cell, name) if self.text_records is not None else None
        end = len(row) if cut is None else min(cut, len(row))
        filled = {j: c for j in cols if j < end and not _blank(c := row[j])}
        # the group cell of the row, when the ruleset has groups
        gcol = group_col if group_col is not None and group_col >= 0 and group_col < len(row) else None
        if not name:
            if filled or (gcol is not None and not _empty(row[gcol])):
                self.diag("CDS808", cell(i, unit_col))
                self.refused.append((cell(i, None), "", "CDS808"))
            elif cut is not None:
                self.refused.append((cell(i, None), "", self.diags[-1].code))
            return
        where = cell(i, None)
        group = self.group_id(row[gcol], cell(i, gcol), name) if gcol is not None else None
        values: dict[str, dict[str, Value]] = {}
        # cells in columns already reported (unknown, item references) are not "no data"
        bad = cut is not None or any(j < len(row) and not _empty(row[j]) for j in table.others)
        whole = table.whole
        for j, raw in filled.items():
            item, key = cols[j]
            if j in whole and type(raw) is str and raw.isascii() and raw.isdigit() and len(raw) <= MAX_DIGITS:
                v: Value | None = Value(raw, cell(i, j), int(raw))  # the usual cell: what `value` gives, sooner
            else:
                v = self.value(name, item, key, raw, cell(i, j))
            if v is None:
                bad = True
                continue
            inner = values.get(item)
            if inner is None:
                inner = values[item] = {}
            inner[key] = v
        self.add_unit(name, group, values, where, bad)

    # -- Mẫu layout (one sheet per unit)
    def unit_sheet(self, ws: Any, rows: list[list[Any]], where_of: Callable[[int, int], str]) -> bool:
        header_idx = None
        for i, row in enumerate(rows[:30]):
            folded = [_fold(c) if c is not None else "" for c in row]
            if _fold("Mã ô") in folded and _fold("Giá trị") in folded:
                header_idx = i
                break
        if header_idx is None:
            return False
        folded = [_fold(c) if c is not None else "" for c in rows[header_idx]]
        c_item = folded.index(_fold("Chỉ số")) if _fold("Chỉ số") in folded else 0
        c_key = folded.index(_fold("Mã ô"))
        c_val = folded.index(_fold("Giá trị"))
        name = ""
        group_raw: Any = None
        group_where = where_of(1, 1)
        for i, row in enumerate(rows[:header_idx]):
            for j, c in enumerate(row[:-1]):
                if c is None:
                    continue
                k = _fold(_cell_str(c).rstrip(":"))
                if k in _UNIT_NAMES and not name:
                    name = _cell_str(row[j + 1])
                elif k in _GROUP_NAMES and group_raw is None:
                    group_raw, group_where = row[j + 1], where_of(i, j + 1)
        title = ws.title
        filled = [(i, row) for i, row in enumerate(rows[header_idx + 1:], header_idx + 1)
                  if c_val < len(row) and not _empty(row[c_val])]
        if not name:
            if not filled:
                return True  # the blank template sheet itself
            if _fold(title).startswith(_fold(TEMPLATE_SHEET)):
                self.diag("CDS808", where_of(1, 1))
                return True
            name = title
        sheet_where = f"{self.fname} › {title}"
        self.rows_read += 1
        group = self.group_id(group_raw, group_where, name) if not _empty(group_raw) else None
        values: dict[str, dict[str, Value]] = {}
        bad = False
        for i, row in filled:
            where = where_of(i, c_val)
            raw_item = row[c_item] if c_item < len(row) else None
            raw_key = row[c_key] if c_key < len(row) else None
            item = self.indicator_key(raw_item) if not _empty(raw_item) else None
            if item is None:
                self.diag("CDS802", where_of(i, c_item), unit=name, column=_cell_str(raw_item) or "(trống)")
                bad = True
                continue
            key = self.input_key(item, raw_key) if not _empty(raw_key) else (
                next(iter(self.fields[item])) if len(self.fields.get(item, {})) == 1 else None)
            if key is None:
                if self.is_itemref(item, raw_key):
                    self.diag("CDS810", where_of(i, c_key), item=item, unit=name, key=_cell_str(raw_key),
                              ref=_cell_str(raw_key))
                else:
                    self.diag("CDS803", where_of(i, c_key), item=item, unit=name, key=_cell_str(raw_key),
                              known=", ".join(self.fields.get(item, {})) or "—")
                bad = True
                continue
            if key in values.get(item, {}):
                self.diag("CDS812", where, item=item, unit=name, key=key, first=values[item][key].where)
                continue
            v = self.value(name, item, key, row[c_val], where)
            if v is None:
                bad = True
                continue
            values.setdefault(item, {})[key] = v
        self.add_unit(name, group, values, sheet_where, bad)
        return True

    # -- formats
    def read(self) -> None:
        suffix = self.path.suffix.lower()
        if not self.path.exists():
            self.diag("CDS800", self.fname, name=self.fname, detail="không tìm thấy tệp", detail_en="file not found")
            return
        if suffix in (".xlsx", ".xlsm", ".xls"):  # an .xls is told apart by its bytes (CDS641)
            self.read_xlsx()
        elif suffix in (".csv", ".tsv", ".txt"):
            self.read_text(suffix)
        elif suffix == ".json":
            self.read_json()
        else:
            self.diag("CDS800", self.fname, name=self.fname,
                      detail=f"định dạng {suffix or '(không có đuôi)'} không được hỗ trợ (.xlsx, .csv, .tsv, .json)",
                      detail_en=f"the format {suffix or '(no suffix)'} is not supported (.xlsx, .csv, .tsv, .json)")

    def read_text(self, suffix: str) -> None:
        # encoding, line endings, delimiter and long cells: one reader for every text file (textfile.py)
        try:
            tf = open_delimited(self.path, suffix=suffix)
        except TextFileProblem as exc:
            self.diag("CDS800", self.fname, name=self.fname, detail=exc.detail, detail_en=exc.detail_en)
            return
        except OSError as exc:
            self.diag("CDS800", self.fname, name=self.fname, detail=str(exc.strerror), detail_en=str(exc.strerror))
            return
        text = unicodedata.normalize("NFC", tf.text)
        try:
            recs = records(text, tf.delimiter, self.fname)
        except DataError as exc:  # a cell over the bound (CDS651), located
            self.diags.extend(exc.diagnostics)
            return
        self.text_records, self.delimiter = recs, tf.delimiter
        rows = [list(r.cells) for r in recs]
        width = max((len(r) for r in rows), default=0)
        rows = [r + [""] * (width - len(r)) for r in rows]

        fname = self.fname
        letters = [_col_letter(j) for j in range(width)]

        def cell(i: int, j: int | None) -> str:
            # the physical line the row (cell) starts on: a quoted cell may span lines
            rec = recs[i]
            if j is None:
                return f"{fname}:{rec.line}"
            lines = rec.cell_lines
            return f"{fname}:{lines[j] if j < len(lines) else rec.line}:{letters[j] if j < width else _col_letter(j)}"

        if not self.wide(rows, cell, self.fname):
            self.diag("CDS801", self.fname, name=self.fname)

    def read_xlsx(self) -> None:
        """Stream every worksheet (but the guide and the choice lists) through `cdsdsl.files.xlsx`: bounded, date
        cells as text, each formula cell with no computed value reported at its cell (CDS647)."""
        from cdsdsl.files.xlsx import Unreadable, WorkbookError, formula_diagnostics, open_workbook

        found = False
        try:
            with open_workbook(self.path, self.fname) as book:
                for title in book.sheet_names:
                    if title in (GUIDE_SHEET, CHOICES_SHEET):
                        continue
                    sheet = book.read(title)
                    rows = sheet.rows
                    self.diags.extend(formula_diagnostics(self.fname, sheet))

                    def where_of(i: int, j: int, _t: str = title) -> str:
                        return f"{self.fname} › {_t} › {_col_letter(j)}{i + 1}"

                    def cell(i: int, j: int | None, _t: str = title) -> str:
                        return f"{self.fname} › {_t} › {_col_letter(j if j is not None else 0)}{i + 1}"

                    if self.unit_sheet(sheet, rows, where_of):
                        found = True
                    elif self.wide(rows, cell, f"{self.fname} › {title}"):
                        found = True
        except Unreadable as exc:
            self.units.clear()  # a sheet broken part-way: nothing of the file is used
            self.diag("CDS800", self.fname, name=self.fname, detail=exc.detail_vi, detail_en=exc.detail_en)
            return
        except WorkbookError as exc:
            # a bound passed: nothing of this file is used (a part of a cohort would rank it wrongly)
            self.units.clear()
            self.diags.append(exc.diagnostic)
            return
        if not found:
            self.diag("CDS801", self.fname, name=self.fname)

    def read_json(self) -> None:
        try:
            data = json.loads(self.path.read_bytes().decode("utf-8-sig"), parse_float=Decimal)
        except (UnicodeDecodeError, ValueError) as exc:
            self.diag("CDS800", self.fname, name=self.fname, detail=f"JSON không hợp lệ: {exc}",
                      detail_en=f"invalid JSON: {exc}")
            return
        entries: list[tuple[str, Any, Any, str]] = []  # name, group, values, where
        if isinstance(data, dict) and isinstance(data.get("units"), list):
            for k, u in enumerate(data["units"]):
                where = f"{self.fname} › units[{k}]"
                if not isinstance(u, dict):
                    self.diag("CDS800", where, name=self.fname, detail=f"units[{k}] không phải một đối tượng",
                              detail_en=f"units[{k}] is not an object")
                    continue
                entries.append((_cell_str(u.get("name") or u.get("đơn vị") or ""), u.get("group", u.get("lĩnh vực")),
                                u.get("values", {}), where))
        elif isinstance(data, dict):
            for name, vals in data.items():
                if name.startswith(("#", "_")) or name in ("note", "ghi chú", "ruleset"):
                    continue
                entries.append((_cell_str(name), None, vals, f"{self.fname} › {name}"))
        else:
            self.diag("CDS801", self.fname, name=self.fname)
            return
        for name, group_raw, vals, where in entries:
            self.rows_read += 1
            if not name:
                self.diag("CDS808", where)
                self.refused.append((where, "", "CDS808"))
                continue
            uwhere = f"{self.fname} › {name}"
            group = self.group_id(group_raw, f"{uwhere} › group", name) if not _empty(group_raw) else None
            if not isinstance(vals, dict):
                self.diag("CDS800", uwhere, name=self.fname, detail="`values` phải là một đối tượng",
                          detail_en="`values` must be an object")
                self.refused.append((uwhere, name, "CDS800"))
                continue
            values: dict[str, dict[str, Value]] = {}
            bad = False
            for raw_item, inner in vals.items():
                item = self.indicator_key(raw_item)
                if item is None:
                    self.diag("CDS802", f"{uwhere} › {raw_item}", unit=name, column=str(raw_item))
                    bad = True
                    continue
                if not isinstance(inner, dict):
                    if len(self.fields.get(item, {})) == 1:
                        inner = {next(iter(self.fields[item])): inner}
                    else:
                        self.diag("CDS803", f"{uwhere} › {raw_item}", item=item, unit=name, key="",
                                  known=", ".join(self.fields.get(item, {})) or "—")
                        bad = True
                        continue
                for raw_key, raw in inner.items():
                    cwhere = f"{uwhere} › {item}:{raw_key}"
                    key = self.input_key(item, raw_key)
                    if key is None:
                        if self.is_itemref(item, raw_key):
                            self.diag("CDS810", cwhere, item=item, unit=name, key=str(raw_key), ref=str(raw_key))
                        else:
                            self.diag("CDS803", cwhere, item=item, unit=name, key=str(raw_key),
                                      known=", ".join(self.fields.get(item, {})) or "—")
                        bad = True
                        continue
                    if _empty(raw):
                        continue
                    v = self.value(name, item, key, raw, cwhere)
                    if v is None:
                        bad = True
                        continue
                    values.setdefault(item, {})[key] = v
            self.add_unit(name, group, values, uwhere, bad)


@attrs.frozen
class Intake:
    """What reading a data file gave: rows read (a wide table's data rows, unit sheets, JSON entries),
    units read, and the rows that gave no unit with the code saying why (``(where, unit name, code)``)."""

    source: str
    rows: int
    units: int
    refused: tuple[tuple[str, str, str], ...] = ()

    def line(self, scored: int | None = None, lang: str = "vi") -> str:
        """``Số liệu cohort.csv: đọc 8 dòng, chấm 8 đơn vị, 0 dòng bị từ chối``, with the refused rows."""
        scored = self.units if scored is None else scored
        why = "; ".join(f"{w}{' (' + n + ')' if n else ''}: {c}" for w, n, c in self.refused)
        out = i18n.text("forms.intake", lang, source=self.source, rows=self.rows, scored=scored,
                        refused=len(self.refused))
        return out + (f" ({why})" if why else "")

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "rows": self.rows, "units": self.units,
                "refused": [{"where": w, "unit": n or None, "code": c} for w, n, c in self.refused]}


def read_units_counted(path: str | Path, ruleset: Ruleset) -> tuple[list[Unit], list[Diagnostic], Intake]:
    """`read_units` with the count of rows read and the rows refused (`Intake`), so that a report can say
    that no row was dropped silently."""
    reader = _Reader(ruleset, Path(path))
    with bulk():
        reader.read()
    intake = Intake(reader.fname, reader.rows_read, len(reader.units), tuple(reader.refused))
    return reader.units, reader.diags, intake


def read_units(path: str | Path, ruleset: Ruleset) -> tuple[list[Unit], list[Diagnostic]]:
    """Read the units' filled data from ``path`` (``.xlsx``: unit sheets in the ``Mẫu`` layout and/or the
    ``Dữ liệu`` wide sheet; ``.csv``/``.tsv``: wide; ``.json``).

    Returns the units (in file order) and every problem found, each naming the unit, indicator, input and
    cell (``Diagnostic.arguments["where"]``, also the diagnostic's source name).  Empty cells are not
    errors here (the scorer reports missing inputs); a unit with no values is skipped (info CDS807)."""
    reader = _Reader(ruleset, Path(path))
    with bulk():
        reader.read()
    return reader.units, reader.diags


def read_rows_counted(rows: list[list[Any]], ruleset: Ruleset, name: str,
                      cell: Callable[[int, int | None], str]) -> tuple[list[Unit], list[Diagnostic], Intake]:
    """`read_units_counted` for a wide table already in memory (a .parquet file read by `cdsdsl.sql.parquet`):
    ``rows[0]`` is the header, ``cell(row, col)`` names a cell in messages; the same checks and messages
    as a .csv file."""
    reader = _Reader(ruleset, Path(name))
    if not reader.wide(rows, cell, reader.fname):
        reader.diag("CDS801", reader.fname, name=reader.fname)
    return reader.units, reader.diags, Intake(reader.fname, reader.rows_read, len(reader.units),
                                              tuple(reader.refused))
