"""Reading ``.xlsx`` workbooks: streamed, bounded, every problem at a named cell.

Takes: the path of a workbook (``.xlsx``, ``.xlsm``; whatever its suffix, the
bytes decide) and the name to show for it.
Returns: `Workbook`, whose `Workbook.read` gives one worksheet as a `Sheet`:
its rows of cell values up to the last filled row, each row cut after its last
filled cell (rows are *ragged*; `Sheet.padded` squares them up when a reader
needs it), date cells as the text a decision writes (``05/01/2024``), and the
cells that hold a formula with no computed value (``Sheet.formulas``).

The three spreadsheet readers use it: unit data (`cdsdsl.dataentry.forms`, ``cds score``
/ ``rank`` / ``explain``), rulesets given as tables (`cdsdsl.rulesets.sheets`) and
published results (`cdsdsl.verify.results_table`, ``cds audit``).  openpyxl reads in
its read-only streaming mode; the sheet's own ``<dimension>`` (which a
hostile or careless file sets to ``A1:XFD1048576``) is ignored, so trailing
empty rows and columns cost nothing and nothing is sized from it.

Bounds (docs/data-entry.md, docs/ruleset-format.md): `MAX_ROWS` rows,
`MAX_COLUMNS` columns, `MAX_CELL_TEXT` characters in one cell, `MAX_CELLS`
cells in one sheet (counted to the last filled cell of each row), and
`MAX_PART_BYTES` for the parts openpyxl reads whole (shared strings, styles)
and `MAX_SHEET_BYTES` for one sheet's XML.  Going past one raises
`WorkbookError` with a diagnostic (CDS643-CDS646) naming the cell or the sheet.
A file that is not a workbook at all raises `Unreadable` (each reader words it
with its own code: CDS800, CDS517, CDS700); a password-protected file, an old
binary ``.xls`` and a workbook with no worksheet raise `WorkbookError`
(CDS640-CDS642).
"""
from __future__ import annotations

import datetime as _dt
import re
import warnings
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO, Iterator

import attrs

from cdsdsl.diagnostics.core import Diagnostic

__all__ = [
    "MAX_ROWS", "MAX_COLUMNS", "MAX_CELL_TEXT", "MAX_CELLS", "MAX_UNIT_NAME", "MAX_PART_BYTES",
    "MAX_SHEET_BYTES", "Sheet", "Workbook", "WorkbookError", "Unreadable", "open_workbook", "column_letter",
    "cell_text", "cell_ref", "display_value",
]

#: rows of one sheet (the last filled row; empty rows after it are not counted)
MAX_ROWS = 100_000
#: columns of one sheet (the last filled column)
MAX_COLUMNS = 1_000
#: characters in one cell (Excel's own limit: a longer cell was not written by Excel)
MAX_CELL_TEXT = 32_767
#: cells of one sheet, counted from column A to the last filled cell of each row
MAX_CELLS = 2_000_000
#: characters in a unit's name (unit data)
MAX_UNIT_NAME = 200
#: uncompressed size of the parts openpyxl reads whole (shared strings, styles, workbook)
MAX_PART_BYTES = 64 * 1024 * 1024
#: uncompressed size of one sheet's XML (read as a stream)
MAX_SHEET_BYTES = 256 * 1024 * 1024

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, or an encrypted .xlsx
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


class WorkbookError(Exception):
    """A workbook that cannot be read as it is; ``diagnostic`` says where, what and how to fix it."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic
        super().__init__(diagnostic.message("en"))


class Unreadable(Exception):
    """Not a workbook at all (not a zip, a part missing or broken); each reader words it with its own code."""

    def __init__(self, detail_vi: str, detail_en: str) -> None:
        self.detail_vi = detail_vi
        self.detail_en = detail_en
        super().__init__(detail_en)


#: the last column openpyxl's `get_column_letter` names (``ZZZ``); a delimited text may have more
_LAST_NAMED_COLUMN = 18_278


def column_letter(index: int) -> str:
    """0 → ``A``, 25 → ``Z``, 26 → ``AA``: the column's letters as Excel writes them (openpyxl's
    `get_column_letter`), for a workbook's cell or a delimited text's column alike; past ``ZZZ`` (only a
    delimited text goes there) the letters go on the same way (``AAAA``)."""
    from openpyxl.utils import get_column_letter

    if index < _LAST_NAMED_COLUMN:
        return str(get_column_letter(index + 1))
    above, last = divmod(index, 26)
    return column_letter(above - 1) + str(get_column_letter(last + 1))


def cell_text(value: object, *, plain_decimals: bool = False) -> str:
    """The text of a cell's value, for every reader of cells: ``None`` → ``""``; a float that is a whole
    number without its ``.0`` (``1.0`` → ``"1"``), another as its shortest form (``2.5``); with
    ``plain_decimals`` (the results table, which reads the text back as a number) a float never has an
    exponent (``1.5e-07`` → ``"0.00000015"``); anything else (text, int, bool, date) as `str` writes it.
    Text comes back as it is: a reader strips or unescapes it as its own rules say."""
    if value is None:
        return ""
    if not isinstance(value, float):
        return str(value)
    if not plain_decimals:
        return str(int(value)) if value.is_integer() else repr(value)
    text = repr(value)  # the shortest text that is this float: what the cell shows
    if "e" in text or "E" in text:
        text = format(Decimal(text), "f")
    return text[:-2] if text.endswith(".0") else text


def sheet_prefix(title: str) -> str:
    """``Sheet1!``; ``'Huyện A'!`` for a title that is not a single word (as Excel writes references)."""
    return (title if re.fullmatch(r"\w+", title) else "'" + title.replace("'", "''") + "'") + "!"


def cell_ref(title: str, row: int, col: int) -> str:
    """0-based row and column → ``Sheet1!D7``."""
    return f"{sheet_prefix(title)}{column_letter(col)}{row + 1}"


def display_value(value: Any) -> Any:
    """A date/time cell as a decision writes it (``05/01/2024``, ``05/01/2024 13:45``, ``13:45``);
    any other value unchanged."""
    if isinstance(value, _dt.datetime):
        text = value.strftime("%d/%m/%Y")
        if value.time() != _dt.time(0, 0):
            text += " " + _time_text(value.time())
        return text
    if isinstance(value, _dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, _dt.time):
        return _time_text(value)
    if isinstance(value, _dt.timedelta):
        return str(value)
    return value


def _time_text(t: _dt.time) -> str:
    return t.strftime("%H:%M:%S" if t.second or t.microsecond else "%H:%M")


@attrs.define
class Sheet:
    """One worksheet as read: ragged rows (0-based), cut after the last filled cell of each row and after
    the last filled row."""

    title: str
    rows: list[list[Any]]
    #: cells holding a formula with no computed value: ``(row, col) -> "=SUM(D3:D6)"`` (the cell reads None)
    formulas: dict[tuple[int, int], str] = attrs.Factory(dict)
    #: the width the sheet declares (its ``<dimension>``) when that is within `MAX_COLUMNS`, else 0
    declared_width: int = 0

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def padded(self, fill: Any = None, *, where: str = "") -> list[list[Any]]:
        """Every row as wide as the widest (or as the sheet's declared width, when sane): the square table
        the readers saw when openpyxl materialised the used rectangle.  Bounded by `MAX_CELLS`."""
        width = max(self.width, self.declared_width)
        if width * len(self.rows) > MAX_CELLS:
            raise WorkbookError(Diagnostic.make(
                "CDS646", where=where or self.title, sheet=self.title,
                detail=f"{len(self.rows)} dòng × {width} cột, quá {MAX_CELLS:,} ô".replace(",", " "),
                detail_en=f"{len(self.rows)} rows × {width} columns, more than {MAX_CELLS:,} cells"))
        return [list(r) + [fill] * (width - len(r)) for r in self.rows]


class Workbook:
    """An open workbook (read-only, cached values).  Use as a context manager, or call `close`."""

    def __init__(self, path: Path, name: str) -> None:
        self.path = path
        self.name = name
        self._file: BinaryIO | None = None
        self._wb: Any = None  # openpyxl's read-only workbooks (values, then formulas when asked)
        self._wb_formulas: Any = None
        self._formula_parts: dict[str, bool] = {}

    # -- opening
    def open(self) -> "Workbook":
        _check_container(self.path, self.name)
        self._wb = self._load(data_only=True)
        if not self.sheet_names:
            self.close()
            raise WorkbookError(Diagnostic.make("CDS642", where=self.name, name=self.name))
        return self

    def _load(self, *, data_only: bool) -> Any:
        from openpyxl import load_workbook

        f = open(self.path, "rb")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                wb = load_workbook(f, read_only=True, data_only=data_only, keep_links=False)
        except Exception as exc:  # a missing or broken part: KeyError, XML errors, zipfile errors …
            f.close()
            raise Unreadable(f"không phải bảng tính .xlsx đọc được ({type(exc).__name__}: {exc})",
                             f"not a readable .xlsx workbook ({type(exc).__name__}: {exc})") from None
        if data_only:
            self._file = f
        else:
            self._file_formulas = f
        return wb

    def close(self) -> None:
        for wb in (self._wb, self._wb_formulas):
            if wb is not None:
                try:
                    wb.close()
                except Exception:  # pragma: no cover - closing never matters to the result
                    pass
        for f in (self._file, getattr(self, "_file_formulas", None)):
            if f is not None:
                f.close()
        self._wb = self._wb_formulas = self._file = None

    def __enter__(self) -> "Workbook":
        return self.open()

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- sheets
    @property
    def sheet_names(self) -> list[str]:
        """The worksheets, in order (chart sheets left out)."""
        assert self._wb is not None
        return [ws.title for ws in self._wb.worksheets]

    @property
    def all_names(self) -> list[str]:
        """Every sheet, chart sheets included (for messages naming the choices)."""
        assert self._wb is not None
        return list(self._wb.sheetnames)

    def read(self, title: str) -> Sheet:
        """One worksheet, streamed and bounded; raises `WorkbookError` past a bound."""
        assert self._wb is not None
        ws = self._wb[title]
        path = getattr(ws, "_worksheet_path", None)
        self._check_sheet_size(path, title)
        declared = ws.max_column if isinstance(ws.max_column, int) and ws.max_column <= MAX_COLUMNS else 0
        ws.reset_dimensions()
        sheet = Sheet(title, [], declared_width=declared)
        cells = 0
        pending_empty = 0
        for i, row in self._stream(ws, title):
            end = len(row)
            while end and row[end - 1] is None:
                end -= 1
            if not end:
                pending_empty += 1
                continue
            if i >= MAX_ROWS:
                j = next(k for k, v in enumerate(row) if v is not None)
                raise self._bound("CDS643", title, i, j, limit=f"{MAX_ROWS:,}".replace(",", " "),
                                  row=i + 1)
            values = [display_value(v) for v in row[:end]]
            for j, v in enumerate(values):
                if type(v) is str and len(v) > MAX_CELL_TEXT:
                    raise self._bound("CDS645", title, i, j, length=f"{len(v):,}".replace(",", " "),
                                      limit=f"{MAX_CELL_TEXT:,}".replace(",", " "))
            cells += end
            if cells > MAX_CELLS:
                raise self._bound("CDS646", title, i, end - 1,
                                  detail=f"quá {MAX_CELLS:,} ô".replace(",", " "),
                                  detail_en=f"more than {MAX_CELLS:,} cells")
            if pending_empty:
                sheet.rows.extend([] for _ in range(pending_empty))
                pending_empty = 0
            sheet.rows.append(values)
        if self._has_formulas(path):
            sheet.formulas = self._uncomputed(title, sheet.rows)
        return sheet

    def _stream(self, ws: Any, title: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(0-based row, row values cut at `MAX_COLUMNS`) for every row; raises past the column bound."""
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                for i, row in enumerate(ws.iter_rows(values_only=True)):
                    if len(row) > MAX_COLUMNS:
                        tail = row[MAX_COLUMNS:]
                        if tail.count(None) != len(tail):
                            j = MAX_COLUMNS + next(k for k, v in enumerate(tail) if v is not None)
                            raise self._bound("CDS644", title, i, j,
                                              limit=f"{MAX_COLUMNS:,}".replace(",", " "),
                                              last=column_letter(MAX_COLUMNS - 1))
                        row = row[:MAX_COLUMNS]
                    yield i, row
        except WorkbookError:
            raise
        except Exception as exc:  # broken sheet XML, a shared string index out of range …
            raise Unreadable(f"trang `{title}` hỏng ({type(exc).__name__}: {exc})",
                             f"the sheet `{title}` is broken ({type(exc).__name__}: {exc})") from None

    def _bound(self, code: str, title: str, i: int, j: int, **args: Any) -> WorkbookError:
        ref = cell_ref(title, i, j)
        return WorkbookError(Diagnostic.make(code, where=f"{self.name} › {ref}", cell=ref, sheet=title,
                                             name=self.name, **args))

    # -- the parts behind a sheet
    def _archive(self) -> zipfile.ZipFile | None:
        return getattr(self._wb, "_archive", None)

    def _check_sheet_size(self, part: str | None, title: str) -> None:
        zf = self._archive()
        if zf is None or part is None:
            return
        try:
            size = zf.getinfo(part).file_size
        except KeyError:
            return
        if size > MAX_SHEET_BYTES:
            raise WorkbookError(Diagnostic.make(
                "CDS646", where=f"{self.name} › {title}", sheet=title, name=self.name,
                detail=f"XML của trang {size // 2**20} MB, quá {MAX_SHEET_BYTES // 2**20} MB",
                detail_en=f"the sheet's XML is {size // 2**20} MB, more than {MAX_SHEET_BYTES // 2**20} MB"))

    def _has_formulas(self, part: str | None) -> bool:
        """Whether the sheet's XML holds a formula element (a byte scan; True when it cannot tell)."""
        zf = self._archive()
        if zf is None or part is None:
            return True
        if part in self._formula_parts:
            return self._formula_parts[part]
        found = False
        try:
            with zf.open(part) as src:
                tail = b""
                while chunk := src.read(1 << 20):
                    if _FORMULA_TAG.search(tail + chunk):
                        found = True
                        break
                    tail = chunk[-16:]
        except Exception:
            found = True
        self._formula_parts[part] = found
        return found

    def _uncomputed(self, title: str, rows: list[list[Any]]) -> dict[tuple[int, int], str]:
        """The cells read as empty that hold a formula: a second streamed pass with formulas as text."""
        if self._wb_formulas is None:
            self._wb_formulas = self._load(data_only=False)
        ws = self._wb_formulas[title]
        ws.reset_dimensions()
        out: dict[tuple[int, int], str] = {}
        for i, row in self._stream(ws, title):
            if i >= MAX_ROWS and any(v is not None for v in row):
                j = next(k for k, v in enumerate(row) if v is not None)
                raise self._bound("CDS643", title, i, j, limit=f"{MAX_ROWS:,}".replace(",", " "), row=i + 1)
            have = rows[i] if i < len(rows) else ()
            for j, v in enumerate(row):
                if v is None or (j < len(have) and have[j] is not None):
                    continue
                text = _formula_text(v)
                if text is not None:
                    out[(i, j)] = text
                    if len(out) > MAX_CELLS:
                        raise self._bound("CDS646", title, i, j, detail=f"quá {MAX_CELLS:,} ô".replace(",", " "),
                                          detail_en=f"more than {MAX_CELLS:,} cells")
        return out


def _formula_text(v: Any) -> str | None:
    if isinstance(v, str):
        return v if v.startswith("=") else None
    text = getattr(v, "text", None)  # ArrayFormula
    if isinstance(text, str):
        return text if text.startswith("=") else "=" + text
    if type(v).__name__ == "DataTableFormula":
        return "=TABLE()"
    return None


def _check_container(path: Path, name: str) -> None:
    """Tell an encrypted workbook, an old ``.xls`` and a non-zip from a workbook, before openpyxl opens it."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
            if head == _CFB:
                f.seek(0)
                data = f.read(64 * 1024 * 1024)
                code = "CDS640" if _ENCRYPTED in data else "CDS641"
                raise WorkbookError(Diagnostic.make(code, where=name, name=name))
    except OSError as exc:
        raise Unreadable(str(exc.strerror or exc), str(exc.strerror or exc)) from None
    if not zipfile.is_zipfile(path):
        raise Unreadable("không phải bảng tính .xlsx (tệp không phải dạng nén zip của Excel)",
                         "not an .xlsx workbook (the file is not the zip archive Excel writes)")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Unreadable(f"tệp nén hỏng ({exc})", f"a broken zip archive ({exc})") from None
    whole = sum(i.file_size for i in infos
                if not i.filename.startswith(("xl/worksheets/", "xl/media/", "xl/charts/", "xl/drawings/",
                                              "xl/embeddings/", "docProps/thumbnail")))
    if whole > MAX_PART_BYTES:
        raise WorkbookError(Diagnostic.make(
            "CDS646", where=name, sheet="", name=name,
            detail=f"các phần đọc một lần (chuỗi dùng chung, kiểu định dạng) {whole // 2**20} MB, "
                   f"quá {MAX_PART_BYTES // 2**20} MB",
            detail_en=f"the parts read whole (shared strings, styles) are {whole // 2**20} MB, "
                      f"more than {MAX_PART_BYTES // 2**20} MB"))


def open_workbook(path: str | Path, name: str | None = None) -> Workbook:
    """Open ``path`` for reading (raises `Unreadable` or `WorkbookError`); use as ``with open_workbook(p) as wb``."""
    p = Path(path)
    return Workbook(p, name or p.name)


#: formula cells reported one by one; the rest are counted in one CDS649
FORMULAS_SHOWN = 20


def formula_diagnostics(name: str, sheet: Sheet) -> list[Diagnostic]:
    """CDS647 for each cell of ``sheet`` holding a formula with no computed value (the first
    `FORMULAS_SHOWN`), CDS649 counting the rest."""
    out: list[Diagnostic] = []
    cells = sorted(sheet.formulas.items())
    for (i, j), formula in cells[:FORMULAS_SHOWN]:
        ref = cell_ref(sheet.title, i, j)
        shown = formula if len(formula) <= 80 else formula[:79] + "…"
        out.append(Diagnostic.make("CDS647", where=f"{name} › {ref}", cell=ref, sheet=sheet.title, formula=shown))
    rest = cells[FORMULAS_SHOWN:]
    if rest:
        refs = [cell_ref(sheet.title, i, j) for (i, j), _ in rest]
        listed = ", ".join(refs[:10]) + (", …" if len(refs) > 10 else "")
        out.append(Diagnostic.make("CDS649", where=f"{name} › {sheet_prefix(sheet.title)[:-1]}", sheet=sheet.title,
                                   count=len(rest), cells=listed))
    return out
