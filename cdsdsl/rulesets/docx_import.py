"""Importing a decision from Word: the appendix table(s) of a ``.docx`` -> a `Ruleset` and its `.cds` text.

Takes: a ``.docx`` path (read by `cdsdsl.files.docx`: merged cells resolved, list paragraphs written with
their ``-``/``+`` markers).  Returns: `DocxImport`: the `Ruleset`, its `.cds` text (`cds_writer`) and the
located findings of the import.

The table is read as the spreadsheet reader reads one (`sheets`: the same header recognition, section rows,
rows without STT continuing the row above — a row a page break split —, repeated headers, page numbers and
column-number rows skipped): each table with its own header row (a sub-table per sector, columns in any
order) and each table without one but as wide as the table before (the rest of a table a page break cut)
is laid into one table of the known columns.  Every cell that cannot be placed is a finding at its table,
row and column: a column no header names (CDS905), text above a table's header row (CDS906), a table with no
header that continues nothing (CDS907); a row the reader refuses (a bad STT CDS523, a bad maximum CDS524)
is left out and reported there too.  Title and decision come from the paragraphs above the first table
(``BỘ CHỈ SỐ ...``, ``(Kèm theo Quyết định số ...)``).  A file that is not a readable ``.docx`` is CDS900-903,
a document with no recognisable table CDS904: `RulesetError`.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs

from cdsdsl.diagnostics.core import Diagnostic, RulesetError, Severity
from cdsdsl.files.docx import DocxDocument, DocxTable, DocxUnreadable, read_docx
from cdsdsl.files.xlsx import column_letter
from cdsdsl.rulesets.cds_writer import ruleset_to_cds
from cdsdsl.rulesets.classes import Ruleset

# the spreadsheet reader's own pieces: one header recognition, one notion of a row that is not a row
from cdsdsl.rulesets.sheets import COLUMN_NAMES, _not_a_row, _SheetReader, classify_header
from cdsdsl.rulesets.sheets import _fold as _header_fold
from cdsdsl.text.fold import strip_diacritics
from cdsdsl.text.source import Source, Span

__all__ = ["DocxImport", "import_docx"]

_UNREADABLE = {"not_zip": "CDS900", "not_docx": "CDS900", "encrypted": "CDS901", "old_doc": "CDS902",
               "corrupt": "CDS903", "too_big": "CDS903"}
#: how often rows refused by the reader are taken out and the table read again
_MAX_PASSES = 50


@attrs.frozen
class DocxImport:
    """What `import_docx` returns: the ruleset, its `.cds` text, the findings of the import."""

    ruleset: Ruleset
    text: str
    diagnostics: tuple[Diagnostic, ...]


@attrs.define
class _Origin:
    """Where a row of the laid-out table comes from: ``table`` (0 for the paragraphs above the tables),
    its row, and the table column of each laid-out column."""

    table: int
    row: int
    columns: dict[int, int]


def _header_fields(row: tuple[str, ...]) -> dict[str, int] | None:
    """field -> column of a header row (the first column naming a field), or None when not a header."""
    fields: dict[str, int] = {}
    for c, text in enumerate(row):
        f = classify_header(text)
        if f is not None and f not in fields:
            fields[f] = c
    return fields if "id" in fields and "name" in fields else None


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", strip_diacritics(text).casefold()).strip()


def _metadata(doc: DocxDocument) -> list[list[str]]:
    """``Key: value`` rows for the reader from the title lines above the first table: ``BỘ CHỈ SỐ ...`` and
    the decision."""
    rows: list[list[str]] = []
    title = next((p for p in doc.preface if _fold(p).startswith("bo chi so")), None)
    decision = next((p for p in doc.preface
                     if re.search(r"(quyet dinh|ke hoach|huong dan|cong van) so", _fold(p))), None)
    if title:
        rows.append([f"Bộ chỉ số: {' '.join(title.split())}"])
        level = re.search(r"cap (tinh|so|thanh pho|huyen|xa)\b", _fold(title))
        if level:
            words = {"tinh": "tỉnh", "so": "sở", "thanh pho": "thành phố", "huyen": "huyện", "xa": "xã"}
            rows.append([f"Cấp: {words[level.group(1)]}"])
    if decision:
        d = " ".join(decision.split()).strip("()")
        d = re.sub(r"^(?i:kèm theo)\s+", "", d)
        rows.append([f"Văn bản: {d}"])
    return rows


class _Layout:
    """The tables of a document laid into one table of the known fields, each row knowing its origin."""

    def __init__(self, doc: DocxDocument, name: str) -> None:
        self.doc = doc
        self.name = name
        self.fields: list[str] = []
        self.rows: list[list[str]] = []
        self.origins: list[_Origin | None] = []
        self.diags: list[Diagnostic] = []

    def diag(self, code: str, t: DocxTable, r: int, c: int, **args: Any) -> None:
        text = t.cells[r][c]
        src = Source(text, name=f"{self.name} › {_where(t.index, r, c)}")
        self.diags.append(Diagnostic.make(code, Span(0, len(text)), source=src, table=t.index, row=r + 1,
                                          column=column_letter(c), text=_short(text), **args))

    def lay_out(self) -> None:
        for meta in _metadata(self.doc):
            self.rows.append(meta)
            self.origins.append(None)
        current: dict[str, int] | None = None
        width = 0
        header_fold: list[str] = []
        header: tuple[str, ...] = ()
        for t in self.doc.tables:
            found = self.find_header(t)
            if found is not None:
                hrow, current = found
                width = t.width
                self.unplaced_above(t, hrow)
                self.add_header(current)
                header = t.cells[hrow]
                header_fold = [_header_fold(c) for c in header]
                start = hrow + 1
            elif current is not None and t.width == width:
                start = 0  # the rest of the table above, after a page break
            else:
                self.unplaced_table(t)
                continue
            for r in range(start, len(t.cells)):
                self.add_row(t, r, current, header, header_fold)

    def find_header(self, t: DocxTable) -> tuple[int, dict[str, int]] | None:
        for r, row in enumerate(t.cells):
            fields = _header_fields(row)
            if fields is not None:
                return r, fields
        return None

    def add_header(self, fields: dict[str, int]) -> None:
        for f in fields:
            if f not in self.fields:
                self.fields.append(f)
        if not any(o is not None and o.row == -1 for o in self.origins):
            self.rows.append([COLUMN_NAMES[f] for f in self.fields])
            self.origins.append(_Origin(0, -1, {}))
        else:  # a sub-table with a new column: the laid-out header grows
            hdr = next(i for i, o in enumerate(self.origins) if o is not None and o.row == -1)
            self.rows[hdr] = [COLUMN_NAMES[f] for f in self.fields]

    def add_row(self, t: DocxTable, r: int, fields: dict[str, int], header: tuple[str, ...],
                header_fold: list[str]) -> None:
        row = t.cells[r]
        id_cell = row[fields["id"]] if fields["id"] < len(row) else ""
        if _header_fields(row) is not None or _not_a_row(list(row), header_fold, id_cell):
            return  # a header repeated after a page break, a page number, the column numbers (1) (2) …
        known = set(fields.values())
        for c, text in enumerate(row):
            if c not in known and text.strip() and not t.merged(r, c):
                named = header[c].strip() if c < len(header) else ""
                self.diag("CDS905", t, r, c, header=_short(named or "?"))
        laid = ["" for _ in self.fields]
        cols: dict[int, int] = {}
        for f, c in fields.items():
            i = self.fields.index(f)
            cols[i] = c
            laid[i] = row[c] if c < len(row) else ""
        self.rows.append(laid)
        self.origins.append(_Origin(t.index, r, cols))

    def unplaced_above(self, t: DocxTable, hrow: int) -> None:
        for r in range(hrow):
            for c, text in enumerate(t.cells[r]):
                if text.strip() and not t.merged(r, c):
                    self.diag("CDS906", t, r, c)

    def unplaced_table(self, t: DocxTable) -> None:
        for r, row in enumerate(t.cells):
            for c, text in enumerate(row):
                if text.strip() and not t.merged(r, c):
                    self.diag("CDS907", t, r, c)


def _where(table: int, row: int, col: int) -> str:
    """``bảng 2!D5``: the table (counted from 1 in the document), the column letter and row number in it."""
    return f"bảng {table}!{column_letter(col)}{row + 1}"


def _short(text: str, limit: int = 60) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[:limit - 1] + "…"


class _DocxReader(_SheetReader):
    """The spreadsheet reader over the laid-out table, placing findings at the document's cells."""

    def __init__(self, layout: _Layout, skip: set[int]) -> None:
        rows = [["" for _ in row] if i in skip else row for i, row in enumerate(layout.rows)]
        super().__init__(rows, layout.name, "docx", "docx")
        self.layout = layout
        self.bad_rows: set[int] = set()

    def _origin(self, row: int, col: int) -> tuple[int, int, int] | None:
        o = self.layout.origins[row] if row < len(self.layout.origins) else None
        if o is None or o.row < 0:
            return None
        return o.table, o.row, o.columns.get(col, col)

    def ref(self, row: int, col: int) -> str:
        o = self._origin(row, col)
        return _where(*o) if o else f"{column_letter(col)}{row + 1}"

    def place(self, row: int, col: int) -> str:
        return f"{self.name} › {self.ref(row, col)}"

    def continue_record(self, prev: dict[str, Any], r: int) -> None:
        """The spreadsheet reader's row joined to the row above (CDS525), its rows counted in the tables."""
        super().continue_record(prev, r)
        here, above = self._origin(r, 0), self._origin(prev["row"], 0)
        if here is not None and above is not None:
            self.diags[-1] = attrs.evolve(self.diags[-1], args={**self.diags[-1].arguments, "row": here[1] + 1,
                                                                "previous": above[1] + 1})

    def diag(self, code: str, row: int, col: int, *, item: str | None = None, **args: Any) -> None:
        super().diag(code, row, col, item=item, **args)
        if self.diags[-1].severity is Severity.ERROR:
            self.bad_rows.add(row)


def _read(layout: _Layout) -> tuple[Ruleset, list[Diagnostic]]:
    """Read the laid-out table; rows the reader refuses are reported and left out, and the rest read again."""
    skip: set[int] = set()
    refused: list[Diagnostic] = []
    header_row = next((i for i, o in enumerate(layout.origins) if o is not None and o.row == -1), 0)
    for _ in range(_MAX_PASSES):
        reader = _DocxReader(layout, skip)
        try:
            rs = reader.read()
        except RulesetError as exc:
            bad = {r for r in reader.bad_rows if r > header_row} - skip
            if not bad:
                raise RulesetError(refused + list(exc.diagnostics)) from None
            refused += [d for d in exc.diagnostics if d.severity is Severity.ERROR]
            skip |= bad
            continue
        return rs, refused + list(rs.notes)
    raise RulesetError(refused)


def import_docx(path: str | Path, *, name: str | None = None) -> DocxImport:
    """Read the decision's table(s) from the ``.docx`` at ``path`` into a ruleset (see the module docstring)."""
    p = Path(path)
    shown = name or str(path)
    try:
        doc = read_docx(p)
    except DocxUnreadable as exc:
        code = _UNREADABLE[exc.reason]
        raise RulesetError(Diagnostic.make(code, source=Source("", name=shown), path=shown,
                                           detail=exc.detail or exc.reason)) from None
    layout = _Layout(doc, shown)
    layout.lay_out()
    if not layout.fields:
        raise RulesetError(layout.diags + [Diagnostic.make("CDS904", source=Source("", name=shown), path=shown,
                                                            tables=len(doc.tables))])
    rs, notes = _read(layout)
    rs = attrs.evolve(rs, format="cds")
    preface = (f"Nhập từ {p.name} (cds import): bảng, tên và cách tính chép nguyên văn từ văn bản.",)
    text = ruleset_to_cds(rs, preface)
    return DocxImport(rs, text, tuple(layout.diags + notes))
