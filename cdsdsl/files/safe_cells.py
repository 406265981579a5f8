"""Spreadsheet output that is safe to open: user text never becomes a formula, and workbooks are reproducible.

Takes: user text (unit names, ruleset and section titles, indicator names, decision text) on its way
into an ``.xlsx`` cell or a CSV field, and finished openpyxl workbooks.
Returns: cells that hold text as text, CSV fields neutralised by the OWASP CSV-injection rule (and
the rule's inverse for our readers), and ``.xlsx`` files whose timestamps come from
``SOURCE_DATE_EPOCH`` when it is set.

Every writer of ``.xlsx`` or CSV in cdsdsl goes through this module (reports.py, forms.py,
examples/make_examples.py); the readers (forms.py, sheets.py) undo the CSV rule with
`unescape_csv_text`.  The rules (docs/data-entry.md, docs/cli.md):

- ``.xlsx``: a ``str`` is stored as a text cell (``t="inlineStr"``), never as a formula, whatever it
  starts with (openpyxl otherwise stores any string starting with ``=`` as a formula).  Text that starts
  with one of ``= + - @``, a tab or a CR also gets Excel's "quote prefix" style, so that editing the cell in
  Excel keeps it text.  A CR is written as a line feed (XML reads every CR as LF anyway, XML 1.0 §2.11).
  Numbers stay numbers.
- CSV: a text field that starts with ``=``, ``+``, ``-``, ``@``, a tab or a CR gets a leading apostrophe
  ``'`` (OWASP, "CSV Injection").  A text field that starts with an apostrophe followed by one of those
  characters or by another apostrophe gets one more apostrophe, so that reading undoes writing exactly:
  `unescape_csv_text` drops one leading apostrophe before ``= + - @ ' TAB CR``.  Numbers the project
  formats itself (``Decimal``, ``Fraction``, ``int``: ``-1.5``, ``-1/3``) are never touched: only ``str``
  values are text.
- ``SOURCE_DATE_EPOCH`` (https://reproducible-builds.org/specs/source-date-epoch/): when set, the
  workbook's created/modified dates (``docProps/core.xml``) and every zip entry's date come from it, so
  two runs write byte-identical files; when unset, openpyxl's own behaviour (the current time).

Imports nothing of ours above `diagnostics`.
"""
from __future__ import annotations

import datetime as _dt
import io
import os
import zipfile
from pathlib import Path
from typing import Any

from cdsdsl.diagnostics.core import CdsError, Diagnostic
from cdsdsl.text.source import Source

__all__ = ["FORMULA_TRIGGERS", "escape_csv_text", "unescape_csv_text", "csv_field", "text_cell", "set_text",
           "save_workbook", "source_date_epoch"]

#: first characters that make a spreadsheet program read a field as a formula (OWASP)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_AFTER_QUOTE = FORMULA_TRIGGERS + ("'",)


# ---------------------------------------------------------------- CSV

def _quoted(text: str) -> bool:
    """An apostrophe, then a trigger or another apostrophe."""
    return len(text) >= 2 and text[0] == "'" and text[1] in _ESCAPED_AFTER_QUOTE


def escape_csv_text(text: str) -> str:
    """A text field for CSV: ``=cmd|' /C calc'!A0`` → ``'=cmd|' /C calc'!A0``, ``-2+3`` → ``'-2+3``.

    Text led by ``'`` and then a trigger or ``'`` (``'=x``) gets one more apostrophe (``''=x``), so
    `unescape_csv_text` gives back exactly what was written.  Other text is unchanged."""
    if text.startswith(FORMULA_TRIGGERS) or _quoted(text):
        return "'" + text
    return text


def unescape_csv_text(text: str) -> str:
    """What `escape_csv_text` wrote, read back: ``'=cmd`` → ``=cmd``, ``''=x`` → ``'=x``; other text unchanged.

    Only an apostrophe followed by ``= + - @ ' TAB CR`` is dropped (``'Huyện A`` stays as it is)."""
    return text[1:] if _quoted(text) else text


def csv_field(value: Any) -> Any:
    """A value for ``csv.writer``: text (``str``) neutralised by `escape_csv_text`, ``None`` as ``""``,
    anything else (the numbers the project formats itself) as it is."""
    if value is None:
        return ""
    if isinstance(value, str):
        return escape_csv_text(value)
    return value


# ---------------------------------------------------------------- xlsx

def set_text(cell: Any, value: Any) -> Any:
    """Put ``value`` in an openpyxl cell; a ``str`` is stored as text, never as a formula. Returns the cell.

    openpyxl binds a string starting with ``=`` as a formula (``data_type "f"``, written as ``<f>``);
    setting ``data_type = "s"`` after the value makes it an inline string.  Text led by a formula
    trigger also gets the quote-prefix style (Excel keeps it text when the cell is edited)."""
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n")
        cell.value = text
        cell.data_type = "s"
        if value.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def text_cell(ws: Any, row: int, column: int, value: Any = None) -> Any:
    """``ws.cell(row, column, value)`` for user text: the cell, holding ``value`` as text (see `set_text`).

    ``value=None`` leaves the cell as it is, like ``ws.cell``."""
    cell = ws.cell(row=row, column=column)
    if value is not None:
        set_text(cell, value)
    return cell


# ---------------------------------------------------------------- reproducible files

_ZIP_MIN = _dt.datetime(1980, 1, 1)
_ZIP_MAX = _dt.datetime(2107, 12, 31, 23, 59, 58)


def source_date_epoch(path: str | Path | None = None) -> _dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a naive UTC datetime, or None when it is unset or empty.

    Raises `CdsError` (CDS623) when it is not a whole number of seconds since 1970 (the spec: such a
    value must stop the build rather than be ignored)."""
    raw = os.environ.get("SOURCE_DATE_EPOCH")
    if raw is None or raw.strip() == "":
        return None
    text = raw.strip()
    try:
        if not text.isascii() or not text.isdigit():
            raise ValueError(text)
        return _dt.datetime.fromtimestamp(int(text), _dt.timezone.utc).replace(tzinfo=None)
    except (ValueError, OverflowError, OSError):
        raise CdsError(Diagnostic.make("CDS623", source=Source("", name="SOURCE_DATE_EPOCH"), value=raw,
                                       path=str(path) if path is not None else "?")) from None


def save_workbook(wb: Any, path: str | Path) -> Path:
    """Save an openpyxl workbook to ``path``: the one place every ``.xlsx`` writer saves through.

    Without ``SOURCE_DATE_EPOCH``: ``wb.save(path)``.  With it: the document's created and modified
    dates are the epoch's (openpyxl's ``save`` overwrites ``modified`` with the current time, so
    ``docProps/core.xml`` is written again afterwards), and every zip entry gets the epoch's date
    (zip stores 1980..2107, the epoch is clamped to it) and fixed permissions; entries keep their
    order and compression."""
    path = Path(path)
    stamp = source_date_epoch(path)
    if stamp is None:
        wb.save(path)
        return path
    from openpyxl.xml.functions import tostring

    wb.properties.created = stamp
    buf = io.BytesIO()
    wb.save(buf)  # sets wb.properties.modified to now
    wb.properties.modified = stamp
    core = tostring(wb.properties.to_tree())
    zip_time = min(max(stamp, _ZIP_MIN), _ZIP_MAX).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as dst:
        for info in src.infolist():
            data = core if info.filename == "docProps/core.xml" else src.read(info.filename)
            entry = zipfile.ZipInfo(info.filename, date_time=zip_time)
            entry.compress_type = info.compress_type
            entry.create_system = 3
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, data)
    path.write_bytes(out.getvalue())
    return path


def print_setup(ws: Any, header_row: int) -> None:
    """A sheet printed and handed round (reports) or filled by hand (forms): A4 landscape, as wide as one page,
    the header row repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
