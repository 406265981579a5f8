"""Spreadsheet rulesets: the decision's own table as `.csv`, `.tsv` or `.xlsx`.

Takes: a table whose columns are the decision's (``STT | Chỉ số/Chỉ số thành
phần | Điểm tối đa | Cách xác định và tính điểm | Nguồn dữ liệu | Đơn vị phối
hợp``), header names matched leniently (case, diacritics, Tỉ/Tỷ, extra words
such as ``(điểm)``), optionally preceded by metadata rows ``Bộ chỉ số: ...``.
Returns: the same `Ruleset` a `.cds` file gives (``format`` ``csv``/``tsv``/``xlsx``).
Repeated header rows, empty rows, column-number rows and rows holding only a
page number are skipped; a row whose STT has no dot is a section; a row with no
STT continues the row above (a table broken across pages); multi-line cells are
kept verbatim.  Problems name the sheet, row and column (``Sheet1!D14``).
"""
from __future__ import annotations

import csv
import re
from fractions import Fraction
from pathlib import Path
from typing import Any

from cdsdsl.diagnostics.core import DataError, Diagnostic, RulesetError, Severity
from cdsdsl.files.safe_cells import unescape_csv_text
from cdsdsl.files.textfile import TextFileProblem, open_delimited, problem_error, records
from cdsdsl.files.xlsx import cell_text, column_letter
from cdsdsl.rulesets.classes import Binding, Correction, Indicator, Rounding, Ruleset, Section, SetFormula, UnitList
from cdsdsl.rulesets.fields import (
    EXPECTED,
    HEADER_KEYS,
    LIST_PREFIX,
    parse_applies_to,
    parse_cohort_method,
    parse_option_mode,
    parse_simple_header,
)
from cdsdsl.rulesets.numbering import normalize_key, parse_max, parse_stt, roman_to_int
from cdsdsl.text.fold import strip_diacritics
from cdsdsl.text.source import Source, Span

__all__ = ["load_sheet_ruleset", "read_table", "rows_to_ruleset", "classify_header", "column_letter"]

#: column field -> the decision's header name (for messages)
COLUMN_NAMES = {
    "id": "STT",
    "name": "Chỉ số/Chỉ số thành phần",
    "max": "Điểm tối đa",
    "formula": "Cách xác định và tính điểm",
    "data_source": "Nguồn dữ liệu",
    "coordinator": "Đơn vị phối hợp",
    "evidence": "Tài liệu kiểm chứng",
    "applies_to": "Áp dụng",
    "option_mode": "Cách hiểu",
    "cohort_method": "Phương pháp",
    "correction": "Sửa",
    "reason": "Lý do sửa",
}
REQUIRED = ("id", "name", "max", "formula")


def _fold(text: str) -> str:
    """Lower case, no diacritics, ``đ`` as ``d``, no parenthesised words, ``tỷ`` as ``ti``."""
    t = strip_diacritics(text).casefold()
    t = re.sub(r"\([^)]*\)", " ", t)
    t = re.sub(r"[^\w/]+", " ", t)
    t = re.sub(r"\bty\b", "ti", t)
    return re.sub(r"\s+", " ", t).strip()


def classify_header(text: str) -> str | None:
    """The field a header cell names, or None."""
    t = _fold(text)
    if not t:
        return None
    if t in ("stt", "tt", "so tt", "so thu tu") or t.startswith("stt "):
        return "id"
    if t.startswith("ly do sua"):
        return "reason"
    if t in ("sua", "cach tinh da sua", "cong thuc sua", "sua cach tinh"):
        return "correction"
    if ("cach xac dinh" in t or "cach tinh" in t or "tinh diem" in t or "cong thuc" in t
            or "cham diem" in t or re.match(r"^(cach|phuong phap|huong dan) (danh gia|cham|tinh)", t)):
        return "formula"
    if "diem toi da" in t or "thang diem" in t or t in ("diem", "diem chuan", "so diem", "diem so"):
        return "max"
    if "nguon" in t or re.match(r"^(don vi|co quan) (cung cap|chu tri)", t):
        return "data_source"
    if "phoi hop" in t:
        return "coordinator"
    if "kiem chung" in t:
        return "evidence"
    if "ap dung" in t:
        return "applies_to"
    if "cach hieu" in t:
        return "option_mode"
    if "phuong phap" in t:
        return "cohort_method"
    if re.match(r"^(ten )?(chi so|chi tieu|tieu chi|noi dung)", t):
        return "name"
    return None


def _cell_text(value: object) -> str:
    """A cell as the table reads it (`cell_text`), text unescaped (``'=x`` → ``=x``) with ``\n`` line ends."""
    if not isinstance(value, str):
        return cell_text(value)
    return unescape_csv_text(value).replace("\r\n", "\n").replace("\r", "\n")


def read_table(path: Path, sheet: str | None = None) -> tuple[str, list[list[str]]]:
    """(sheet name, rows of cell texts) of a ``.csv``, ``.tsv`` or ``.xlsx`` file."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".tsv"):
        return _read_xlsx(path, sheet)
    try:
        # one reader for delimited text (encoding, line endings, delimiter, long cells): textfile
        try:
            tf = open_delimited(path)
            recs = records(tf.text, tf.delimiter, path.name)
        except TextFileProblem as exc:
            raise RulesetError(problem_error(exc, path.name).diagnostics) from None
        except DataError as exc:  # a cell over the bound, located
            raise RulesetError(exc.diagnostics) from None
        rows = [[_cell_text(c) for c in rec.cells] for rec in recs]
        return path.name, rows
    except RulesetError:
        raise
    except (OSError, UnicodeDecodeError, csv.Error, ValueError, KeyError) as exc:
        raise RulesetError(Diagnostic.make("CDS517", source=Source("", name=str(path)), detail=str(exc))) from None
    except Exception as exc:  # openpyxl raises zipfile/XML errors of several kinds
        raise RulesetError(Diagnostic.make("CDS517", source=Source("", name=str(path)), detail=str(exc))) from None


def _read_xlsx(path: Path, sheet: str | None) -> tuple[str, list[list[str]]]:
    """The first sheet with a header row (or ``sheet``), streamed and bounded by `cdsdsl.files.xlsx`; rows padded
    to the sheet's width as before.  A formula cell with no computed value is an error at its cell (CDS647)."""
    from cdsdsl.files.xlsx import Unreadable, WorkbookError, formula_diagnostics, open_workbook

    where = Source("", name=str(path))
    try:
        with open_workbook(path, path.name) as book:
            names = book.sheet_names
            if sheet is not None and sheet not in names:
                raise RulesetError(Diagnostic.make("CDS527", source=where, sheet=sheet,
                                                   sheets=", ".join(names)))
            first: tuple[str, list[list[str]], list[Diagnostic]] | None = None
            for name in [sheet] if sheet is not None else names:
                read = book.read(name)
                rows = [[_cell_text(c) for c in row] for row in read.padded(where=f"{path.name} › {name}")]
                formulas = formula_diagnostics(path.name, read)
                if first is None:
                    first = (name, rows, formulas)
                if _find_header(rows) is not None:
                    first = (name, rows, formulas)
                    break
            assert first is not None
            if first[2]:
                raise RulesetError(first[2])
            return first[0], first[1]
    except Unreadable as exc:
        raise RulesetError(Diagnostic.make("CDS517", source=where, detail=f"{path.name}: {exc.detail_vi}")) from None
    except WorkbookError as exc:
        raise RulesetError(exc.diagnostic) from None


def _find_header(rows: list[list[str]]) -> tuple[int, dict[str, int]] | None:
    for r, row in enumerate(rows):
        fields = [classify_header(c) for c in row]
        if "id" in fields and "name" in fields:
            return r, {}
    return None


def load_sheet_ruleset(path: str | Path, *, sheet: str | None = None) -> Ruleset:
    """Read a ruleset from a spreadsheet file (by suffix: ``.csv``, ``.tsv``, ``.xlsx``)."""
    p = Path(path)
    sheet_name, rows = read_table(p, sheet)
    fmt = {".csv": "csv", ".tsv": "tsv"}.get(p.suffix.lower(), "xlsx")
    return rows_to_ruleset(rows, name=str(path), sheet=sheet_name, fmt=fmt)


_PAGE = re.compile(r"^(?:trang\s*)?[-–]?\s*\d+\s*[-–]?(?:\s*/\s*\d+)?$", re.IGNORECASE)


def _not_a_row(row: list[str], header_fold: list[str], id_cell: str) -> bool:
    """An empty row, the header repeated after a page break, a page number or the column numbers."""
    nonempty = [c for c in row if c.strip()]
    if not nonempty:
        return True
    if [_fold(c) for c in row][:len(header_fold)] == header_fold[:len(row)] or classify_header(id_cell) == "id":
        return True  # header repeated after a page break
    if len(nonempty) == 1 and _PAGE.match(nonempty[0].strip()):
        return True  # a page number ("7", "- 7 -", "Trang 7", "7/12"), in whatever column
    return len(nonempty) >= 3 and all(re.fullmatch(r"\(?\d+\)?", c.strip()) for c in nonempty) and \
        [int(c.strip("() ")) for c in nonempty] == list(range(1, len(nonempty) + 1))  # (1) (2) (3) ...


class _SheetReader:
    def __init__(self, rows: list[list[str]], name: str, sheet: str, fmt: str) -> None:
        self.rows = rows
        self.name = name
        self.sheet = sheet
        self.fmt = fmt
        self.diags: list[Diagnostic] = []

    def ref(self, row: int, col: int) -> str:
        return f"{self.sheet}!{column_letter(col)}{row + 1}"

    def cell_source(self, row: int, col: int) -> Source:
        text = self.rows[row][col] if col < len(self.rows[row]) else ""
        return Source(text, name=self.place(row, col))

    def place(self, row: int, col: int) -> str:
        """``thu.xlsx › Sheet1!D14``; ``bang.csv!D14`` when the sheet is the file itself."""
        if self.sheet == Path(self.name).name:
            return f"{self.name}!{column_letter(col)}{row + 1}"
        return f"{self.name} › {self.ref(row, col)}"

    def diag(self, code: str, row: int, col: int, *, item: str | None = None, **args: Any) -> None:
        src = self.cell_source(row, col)
        self.diags.append(Diagnostic.make(code, Span(0, len(src.text)), source=src, item=item,
                                          cell=self.ref(row, col), **args))

    def read(self) -> Ruleset:
        header_at = _find_header(self.rows)
        if header_at is None:
            self.diags.append(Diagnostic.make("CDS520", source=Source("", name=self.name),
                                              sheet=self.sheet))
            raise RulesetError(self._errors_first())
        hrow = header_at[0]
        columns = self.header_columns(hrow)
        if any(d.severity is Severity.ERROR for d in self.diags):
            raise RulesetError(self._errors_first())
        meta = self.read_meta(hrow)
        self.columns = columns
        sections: list[Section] = []
        records: list[dict[str, Any]] = []
        current_section: str | None = None
        header_fold = [_fold(c) for c in self.rows[hrow]]
        for r in range(hrow + 1, len(self.rows)):
            row = self.rows[r]

            def get(f: str, row: list[str] = row) -> str:
                return row[columns[f]] if f in columns and columns[f] < len(row) else ""

            if _not_a_row(row, header_fold, get("id")):
                continue
            stt = get("id").strip()
            if not stt:
                if records:
                    self.continue_record(records[-1], r)
                continue
            # a section numbered with its items written 5.1, 5.2, … (huyện Ninh Thuận 2023 V): a bare 6 after
            # them is the next section, not item 6 of section V
            dotted = any(rec["section"] == current_section and "." in rec["written"] for rec in records)
            roman_section = bool(sections) and sections[-1].id == current_section and not dotted and \
                roman_to_int(sections[-1].label.rstrip(".")) is not None
            if roman_section and re.fullmatch(r"\d+\.?", stt):
                # sections numbered I, II, … with their items 1, 2, …: item 2 of section II is 2.2
                stt = f"{current_section}.{stt.rstrip('.')}"
            sec = parse_stt(stt, "section")
            if sec is not None:
                ok, mx = parse_max(get("max") or "-")
                if not ok:
                    self.diag("CDS524", r, columns["max"], text=get("max").strip())
                    continue
                sections.append(self.make_section(r, sec[0], sec[1], get("name").strip(), mx))
                current_section = sec[0]
                continue
            ind = parse_stt(stt, "indicator")
            if ind is None:
                self.diag("CDS523", r, columns["id"], stt=stt)
                continue
            prefix = ind[0].split(".")[0]
            if current_section != prefix:
                if not any(s.id == prefix for s in sections):
                    sections.append(self.make_section(r, prefix, prefix, "", None, implicit=True))
                current_section = prefix
            records.append({"row": r, "id": ind[0], "section": current_section, "written": get("id").strip(),
                            "cells": {f: (row[c] if c < len(row) else "") for f, c in columns.items()}})
        indicators = [self.make_indicator(rec) for rec in records]
        if not indicators and not any(d.severity is Severity.ERROR for d in self.diags):
            self.diags.append(Diagnostic.make("CDS516", source=Source("", name=f"{self.name} › {self.sheet}")))
        if any(d.severity is Severity.ERROR for d in self.diags):
            raise RulesetError(self._errors_first())
        return Ruleset(
            title=meta["title"], decision=meta["decision"], date=meta.get("date"), level=meta.get("level"),
            stated_total=meta.get("total"), rounding=meta.get("rounding") or Rounding(),
            zero_division=meta.get("zero_division") or "zero", set_formula=meta.get("set_formula"),
            unit_lists=tuple(meta.get("unit_lists", ())), sections=tuple(sections), groups=(),
            indicators=tuple(i for i in indicators if i is not None), name=self.name, format=self.fmt,
            source=None, total_span=None, notes=tuple(self.diags),
        )

    def header_columns(self, hrow: int) -> dict[str, int]:
        """The column of each field the header row ``hrow`` names; a field named twice (CDS522) or a required
        one missing (CDS521) is an error."""
        columns: dict[str, int] = {}
        for c, text in enumerate(self.rows[hrow]):
            field = classify_header(text)
            if field is None:
                continue
            if field in columns:
                self.diag("CDS522", hrow, c, column=text.strip(), first=self.ref(hrow, columns[field]))
                continue
            columns[field] = c
        for field in REQUIRED:
            if field not in columns:
                self.diag("CDS521", hrow, 0, column=COLUMN_NAMES[field])
        return columns

    def continue_record(self, prev: dict[str, Any], r: int) -> None:
        """Row ``r`` has no STT: its cells continue those of the record above (CDS525, an info)."""
        row = self.rows[r]
        for f, c in self.columns.items():
            if c < len(row) and row[c].strip() and f != "id":
                prev["cells"][f] = (prev["cells"].get(f, "") + "\n" + row[c]).strip("\n") \
                    if prev["cells"].get(f) else row[c]
        self.diags.append(Diagnostic.make("CDS525", Span(0, 0), source=self.cell_source(r, 0),
                                          row=r + 1, previous=prev["row"] + 1))

    def _errors_first(self) -> list[Diagnostic]:
        return sorted(self.diags, key=lambda d: d.severity is not Severity.ERROR)

    def make_section(self, r: int, ident: str, label: str, name: str, mx: Fraction | None,
                     implicit: bool = False) -> Section:
        id_src = self.cell_source(r, self.columns["id"])
        max_src = self.cell_source(r, self.columns["max"])
        return Section(ident, name, mx, label, r + 1, Span(0, len(id_src.text)), Span(0, len(max_src.text)),
                       id_src, implicit, max_src)

    def make_indicator(self, rec: dict[str, Any]) -> Indicator | None:
        r = rec["row"]
        cells: dict[str, str] = rec["cells"]
        cols = self.columns
        ok, mx = parse_max(cells.get("max", "") or "-")
        if not ok:
            self.diag("CDS524", r, cols["max"], item=rec["id"], text=cells.get("max", "").strip())
            return None

        def text(f: str) -> str | None:
            v = cells.get(f, "")
            return v.strip() or None

        def verbatim(f: str) -> tuple[str | None, Source | None]:
            v = cells.get(f, "")
            if not v.strip():
                return None, None
            v = v.strip("\n")
            return v, Source(v, name=self.place(r, cols[f]))

        formula, fsrc = verbatim("formula")
        corr_text, corr_src = verbatim("correction")
        extras: dict[str, str | None] = {}
        for f, parser in (("applies_to", parse_applies_to), ("option_mode", parse_option_mode),
                          ("cohort_method", parse_cohort_method)):
            raw = text(f)
            if raw is None:
                extras[f] = None
                continue
            parsed = parser(raw)
            if parsed is None:
                exp = EXPECTED[f]
                self.diag("CDS507", r, cols[f], item=rec["id"], key=COLUMN_NAMES[f], value=raw,
                          expected=exp[0], expected_en=exp[1])
            extras[f] = parsed

        correction = Correction(corr_text, text("reason"), corr_src, r + 1) if corr_text else None
        id_src = self.cell_source(r, cols["id"])
        max_src = self.cell_source(r, cols["max"])
        return Indicator(
            id=rec["id"], name=(cells.get("name") or "").strip(), max_points=mx,
            formula_text=formula, formula_source=fsrc, correction=correction,
            data_source=text("data_source"), coordinator=text("coordinator"), evidence=text("evidence"),
            applies_to=extras["applies_to"], option_mode=extras["option_mode"],
            cohort_method=extras["cohort_method"], entered_directly=formula is None,
            section_id=rec["section"], group_id=None, line=r + 1,
            span=Span(0, len(id_src.text)), max_span=Span(0, len(max_src.text)), source=id_src,
            max_source=max_src,
        )

    def read_meta(self, hrow: int) -> dict[str, Any]:
        meta: dict[str, Any] = {"unit_lists": []}
        bindings: list[Binding] = []
        for r in range(hrow):
            row = self.rows[r]
            cells = [(c, v) for c, v in enumerate(row) if v.strip()]
            if not cells:
                continue
            c0, first = cells[0]
            if ":" not in first:
                continue
            raw_key, _, value = first.partition(":")
            value = value.strip() or (cells[1][1].strip() if len(cells) > 1 else "")
            key = normalize_key(raw_key)
            if key.startswith(LIST_PREFIX):
                units = tuple(u.strip() for u in value.split(";") if u.strip())
                meta["unit_lists"].append(UnitList(raw_key.strip()[len(LIST_PREFIX):].strip(), units, r + 1))
                continue
            field = HEADER_KEYS.get(key)
            if field is None:
                continue  # a title line of the decision such as "PHỤ LỤC II"
            parsed: object = parse_simple_header(field, value)
            if field == "set_formula":
                parsed = SetFormula(value, (), Source(value, name=self.place(r, c0)), r + 1)
            elif field == "binding":
                m = re.match(r"^\s*([^\s=:]+)\s*[=:]\s*(.+?)\s*$", value)
                parsed = Binding(m.group(1), m.group(2), r + 1) if m else None
                if parsed is not None:
                    bindings.append(parsed)
                    continue
            if parsed is None and field in EXPECTED:
                exp = EXPECTED[field]
                self.diag("CDS507", r, c0, key=raw_key.strip() + ":", value=value, expected=exp[0],
                          expected_en=exp[1])
                continue
            meta[field] = parsed
        if meta.get("set_formula") is not None and bindings:
            sf: SetFormula = meta["set_formula"]
            meta["set_formula"] = SetFormula(sf.text, tuple(bindings), sf.source, sf.line)
        stem = Path(self.name).stem
        for field, label in (("title", "Bộ chỉ số"), ("decision", "Văn bản")):
            if not meta.get(field):
                meta[field] = stem
                self.diags.append(Diagnostic.make("CDS526", source=Source("", name=self.name), key=label,
                                                  value=stem))
        if "level" not in meta:
            words = set(re.split(r"[-_ .]+", _fold(stem)))
            for w, level in (("huyen", "huyện"), ("xa", "xã"), ("tinh", "tỉnh"), ("so", "sở")):
                if w in words:
                    meta["level"] = level
                    break
        return meta


def rows_to_ruleset(rows: list[list[str]], *, name: str = "<table>", sheet: str = "Sheet1",
                    fmt: str = "csv") -> Ruleset:
    """A `Ruleset` from rows of cell texts (what `read_table` returns)."""
    return _SheetReader(rows, name, sheet, fmt).read()
