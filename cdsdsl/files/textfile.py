"""Opening a delimited text file (``.csv``, ``.tsv``, ``.txt``): one place for every reader.

Takes: the bytes of a file (or its path) that a reader wants as delimited text: the units' data
(`forms.read_units`), a ruleset table (`sheets`), a published results table (`results_table`).
Returns: `TextFile` (the decoded text with ``\\n`` line endings, the encoding found, the
delimiter chosen) and `records(...)`: the rows as `Record`s that keep the physical line each
row and each cell starts on, so a message can point at the line a person sees in an editor.
Problems raise `DataError` (CDS650 encoding, CDS651 a cell longer than the bound); readers
that speak in their own codes rewrap them.

The rules (docs/data-entry.md, "Tệp văn bản"):

* **Encoding.**  UTF-8 (with or without the byte-order mark Excel writes for "CSV UTF-8") and
  UTF-16 with its byte-order mark (Excel's "Unicode text") are read.  Anything else is refused,
  naming the file, the first byte that is not UTF-8 (its offset, line and column) and how to save
  the file as UTF-8.  We never guess a legacy code page: Excel on Vietnamese Windows saves "CSV"
  as cp1258 (letters such as ``ế`` as a base letter plus a combining tone mark), elsewhere as
  cp1252, and the same bytes are valid text in both, so a guess can silently turn a unit's name
  into another word.  A NUL character in UTF-8 text (UTF-16 saved without its mark) is refused
  the same way.
* **Line endings.**  LF, CRLF and CR alone (old Mac Excel) all end a line; the text handed on
  has ``\\n`` only, also inside quoted cells.
* **Delimiter.**  ``.tsv`` is tab-separated.  Otherwise the first `SNIFF_LINES` lines that are
  not blank and do not start with ``#`` are looked at, outside quoted cells, and the candidate
  found on the most of these lines wins (every row of a file has its delimiter; a decimal comma, a
  ``1; 2`` option list or a stray tab only some): a tab when it is on at least as many lines as
  ``;`` and ``,`` (Excel's "Text (Tab delimited)" and tables copied from PDF or Word, whose title
  lines may hold commas); otherwise ``;`` or ``,``, on a tie the one found more often, on a further
  tie ``,``.
* **Cells.**  RFC 4180 quoting as Python's `csv` reads it (``"a, b"``, ``""`` for a quote, a
  quoted cell may span lines); a cell longer than `MAX_CELL_CHARS` characters is refused with its
  line and column (Python's own `csv` stops at 131 072 with an error that names no place).
"""
from __future__ import annotations

import codecs
from pathlib import Path

import attrs

from cdsdsl.diagnostics.core import DataError, Diagnostic
from cdsdsl.files.xlsx import column_letter  # (re-exported: the readers of text files name columns by it)

__all__ = ["TextFile", "Record", "MAX_CELL_CHARS", "SNIFF_LINES", "decode", "open_delimited", "sniff_delimiter",
           "records", "column_letter", "TextFileProblem"]

#: the longest cell accepted (characters); a whole decision's scoring text is a few thousand
MAX_CELL_CHARS = 1_000_000
#: how many non-blank, non-comment lines the delimiter is chosen from
SNIFF_LINES = 50


class TextFileProblem(Exception):
    """A file that cannot be read as text: ``detail`` / ``detail_en`` say where and how to fix it."""

    def __init__(self, detail: str, detail_en: str) -> None:
        super().__init__(detail_en)
        self.detail = detail
        self.detail_en = detail_en


@attrs.frozen
class TextFile:
    name: str
    text: str
    #: ``utf-8``, ``utf-8-sig`` (with the byte-order mark) or ``utf-16``
    encoding: str
    delimiter: str


@attrs.frozen
class Record:
    """One row of a delimited text: its cells and the physical lines they start on (1-based)."""

    cells: tuple[str, ...]
    line: int
    end_line: int
    cell_lines: tuple[int, ...] = ()
    #: (line, cell index) of the first quoted cell that runs over a line end, if any
    open_quote: tuple[int, int] | None = None
    #: a quoted cell still open at the end of the text
    unclosed: bool = False
    #: (line, cell index) of the first cell with text after its closing quote (``"40,6"3``): broken quoting
    stray_quote: tuple[int, int] | None = None

    @property
    def lines(self) -> int:
        return self.end_line - self.line + 1


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + (before.count(b"\r") - before.count(b"\r\n")) + 1
    start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
    return line, offset - start + 1


_HOW_TO_VI = ("hãy lưu lại tệp dưới dạng UTF-8: trong Excel chọn Tệp › Lưu thành › \"CSV UTF-8 (phân cách bằng "
              "dấu phẩy)\"; trong LibreOffice đánh dấu \"Sửa thiết lập bộ lọc\" và chọn bộ ký tự Unicode (UTF-8)")
_HOW_TO_EN = ("save the file as UTF-8: in Excel File › Save As › \"CSV UTF-8 (Comma delimited)\"; in LibreOffice "
              "tick \"Edit filter settings\" and pick the character set Unicode (UTF-8)")


def decode(raw: bytes, name: str) -> tuple[str, str]:
    """(text with ``\\n`` line endings, encoding) of a file's bytes; `TextFileProblem` when not UTF-8/UTF-16."""
    if raw.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
    if encoding == "utf-8" and b"\x00" in raw:
        at = raw.index(b"\x00")
        line, col = _position(raw, at)
        raise TextFileProblem(
            f"tệp có ký tự NUL ở vị trí {at} (dòng {line}, cột {col}): có thể là UTF-16 không có dấu "
            f"BOM; {_HOW_TO_VI}",
            f"the file has a NUL character at offset {at} (line {line}, column {col}): probably UTF-16 "
            f"without a byte-order mark; {_HOW_TO_EN}")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding == "utf-16":
            raise TextFileProblem(f"tệp có dấu UTF-16 nhưng hỏng ở byte {exc.start}; {_HOW_TO_VI}",
                                  f"the file is marked UTF-16 but breaks at byte {exc.start}; "
                                  f"{_HOW_TO_EN}") from None
        line, col = _position(raw, exc.start)
        byte = raw[exc.start]
        raise TextFileProblem(
            f"tệp không phải UTF-8 — byte 0x{byte:02X} ở vị trí {exc.start} (dòng {line}, cột {col}); "
            f"có thể tệp được lưu theo bảng mã cũ của Windows (cp1258 tiếng Việt hoặc cp1252), không đoán được "
            f"chắc chắn nên không đọc để tránh sai tên đơn vị; {_HOW_TO_VI}",
            f"the file is not UTF-8 — byte 0x{byte:02X} at offset {exc.start} (line {line}, column "
            f"{col}); it was probably saved in a legacy Windows code page (cp1258 Vietnamese or cp1252), which "
            f"cannot be told apart reliably, so it is not read rather than garble names; {_HOW_TO_EN}") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text and "\n" not in text:  # CR-only line endings (old Mac programs)
        text = text.replace("\r", "\n")
    elif "\r" in text:
        # line endings become \n outside quoted cells; a CR inside a quoted cell is part of its text
        # (as Python's csv keeps it), so a name written with one reads back as written
        parts = text.split('"')
        parts[::2] = [part.replace("\r\n", "\n").replace("\r", "\n") for part in parts[::2]]
        text = '"'.join(parts)
    return text, encoding


def _breaks(text: str, start: int, end: int) -> int:
    """Physical line breaks in ``text[start:end]`` (inside a quoted cell CR, LF and CRLF each count once)."""
    return text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)


def _unquoted(line: str) -> str:
    """A line with its quoted parts removed (for counting delimiters)."""
    out, inside = [], False
    for part in line.split('"'):
        if not inside:
            out.append(part)
        inside = not inside
    return "".join(out)


def sniff_delimiter(text: str, suffix: str = "") -> str:
    """The delimiter of ``text`` by the rule in this module's docstring."""
    if suffix.lower() == ".tsv":
        return "\t"
    lines: list[str] = []
    for ln in text.split("\n"):
        if len(lines) >= SNIFF_LINES:
            break
        s = ln.strip()
        if not s or s.lstrip('"').startswith("#"):
            continue
        lines.append(_unquoted(ln))
    on = {d: sum(1 for ln in lines if d in ln) for d in (",", ";", "\t")}
    if on["\t"] and on["\t"] >= max(on[","], on[";"]):
        return "\t"
    total = {d: sum(ln.count(d) for ln in lines) for d in (",", ";")}
    if (on[";"], total[";"]) > (on[","], total[","]):
        return ";"
    return ","


def open_delimited(path: str | Path, *, suffix: str | None = None) -> TextFile:
    """Read, decode and sniff a delimited text file (`TextFileProblem` when it cannot be decoded;
    `OSError` is left to the caller, who knows how it names a missing file)."""
    p = Path(path)
    raw = p.read_bytes()
    text, encoding = decode(raw, p.name)
    return TextFile(p.name, text, encoding, sniff_delimiter(text, suffix if suffix is not None else p.suffix))


def problem_error(problem: TextFileProblem, name: str) -> DataError:
    """CDS650 for a file that cannot be decoded."""
    return DataError(Diagnostic.make("CDS650", None, name=name, detail=problem.detail, detail_en=problem.detail_en))


def _too_long(name: str, line: int, col: int, length: int) -> DataError:
    return DataError(Diagnostic.make("CDS651", None, where=f"{name}:{line}:{column_letter(col)}", line=line,
                                     column=column_letter(col), length=length, limit=MAX_CELL_CHARS))


def records(text: str, delimiter: str, name: str = "<text>", *, limit: int = MAX_CELL_CHARS) -> list[Record]:
    """The rows of ``text`` (``\\n`` line endings) as Python's `csv` reads them (a blank line is a row
    with no cells), each with the physical lines it spans.  A cell over ``limit`` characters raises
    `DataError` CDS651 naming its line and column."""
    out: list[Record] = []
    n = len(text)
    i = 0
    line = 1
    while i < n:
        if text[i] == "\n":
            out.append(Record((), line, line))
            i += 1
            line += 1
            continue
        nl = text.find("\n", i)
        nl = n if nl < 0 else nl
        parts = text[i:nl].split(delimiter) if text.find('"', i, nl) < 0 else _simple_quoted(text[i:nl], delimiter)
        if parts is not None:  # a line without quotes, or whose quoted cells are plain: what the delimiter cuts
            for k, part in enumerate(parts):
                if len(part) > limit:
                    raise _too_long(name, line, k, len(part))
            out.append(Record(tuple(parts), line, line, (line,) * len(parts)))
            i = nl + 1
            line += 1
            continue
        start_line = line
        eol = nl  # the next newline at or after i (a quoted cell may run past it: found again then)
        cells: list[str] = []
        cell_lines: list[int] = []
        open_quote: tuple[int, int] | None = None
        stray_quote: tuple[int, int] | None = None
        unclosed = False
        while True:
            cell_line = line
            if i < n and text[i] == '"':
                pieces: list[str] = []
                j = i + 1
                while True:
                    k = text.find('"', j)
                    if k < 0:
                        pieces.append(text[j:])
                        line += _breaks(text, j, n)
                        j = n
                        unclosed = True
                        break
                    pieces.append(text[j:k])
                    line += _breaks(text, j, k)
                    if k + 1 < n and text[k + 1] == '"':
                        pieces.append('"')
                        j = k + 2
                        continue
                    j = k + 1
                    break
                if line > cell_line and open_quote is None:
                    open_quote = (cell_line, len(cells))
                if j > eol:
                    eol = _next_newline(text, j, n)
                e = _stop(text, j, delimiter, eol)
                if e > j and stray_quote is None:
                    stray_quote = (cell_line, len(cells))
                pieces.append(text[j:e])
                value = "".join(pieces)
                i = e
            else:
                if i > eol:
                    eol = _next_newline(text, i, n)
                e = _stop(text, i, delimiter, eol)
                value = text[i:e]
                i = e
            if len(value) > limit:
                raise _too_long(name, cell_line, len(cells), len(value))
            cells.append(value)
            cell_lines.append(cell_line)
            if i < n and text[i] == delimiter:
                i += 1
                continue
            break
        out.append(Record(tuple(cells), start_line, line, tuple(cell_lines), open_quote, unclosed, stray_quote))
        if i < n:  # the newline ending the row
            i += 1
            line += 1
    return out


def _simple_quoted(line: str, delimiter: str) -> list[str] | None:
    """The cells of a one-line row whose quoted cells are plain (``"8,5"``: a quote at each end, none
    inside, closed on the same line): what the general loop of `records` reads, found by splitting;
    None for anything else (``""`` inside, a quote left open or followed by text), which that loop reads."""
    parts = line.split(delimiter)
    cells: list[str] = []
    k = 0
    while k < len(parts):
        piece = parts[k]
        if '"' in piece:
            if piece[:1] != '"':
                return None
            while len(piece) < 2 or piece[-1] != '"':
                k += 1
                if k >= len(parts):
                    return None
                piece += delimiter + parts[k]
            piece = piece[1:-1]
            if '"' in piece:
                return None
        cells.append(piece)
        k += 1
    return cells


def _next_newline(text: str, j: int, n: int) -> int:
    nl = text.find("\n", j)
    return n if nl < 0 else nl


def _stop(text: str, j: int, delimiter: str, eol: int) -> int:
    """Where the cell starting at ``j`` ends: the next delimiter before ``eol`` (the next newline, or the
    end of the text), else ``eol``.  Searching only up to ``eol`` keeps a long row linear."""
    d = text.find(delimiter, j, eol)
    return eol if d < 0 else d
