"""Read a published results table (bảng kết quả chấm điểm) into rows.

Takes: a results table as it is published — tab-separated text copied from a
PDF or Word file (page headers repeated at every page break, ``<i>`` tags,
decimal commas ``41,6``, rows continued on the next page with an empty STT),
or a ``.csv``/``.tsv`` export, or an ``.xlsx`` workbook.
Returns: a `ResultsTable` of `Row` objects (id, name, maximum, points achieved,
reason, and where each cell is), with sections, sub-items and the total row
recognised and ids that a spreadsheet garbled (``6.20`` shown as ``6.2``)
identified with their probable intended id.  Numbers are exact `Decimal`s,
never floats.  Cells that are not numbers are kept with ``Cell.error`` set;
judging the table is `cdsdsl.verify.audit`'s job.  A file that is not a results
table at all raises `DataError` (CDS700, CDS701).
"""
from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Iterable

import attrs

from cdsdsl.diagnostics.core import DataError, Diagnostic
from cdsdsl.files.textfile import TextFileProblem, decode, problem_error, sniff_delimiter
from cdsdsl.files.xlsx import cell_text, column_letter
from cdsdsl.text.fold import strip_diacritics
from cdsdsl.text.source import Source, Span

__all__ = [
    "Cell",
    "Row",
    "ResultsTable",
    "parse_number",
    "read_table",
    "read_table_text",
    "column_letter",
]

ROLES = ("id", "name", "max", "achieved", "reason")


# ---------------------------------------------------------------------------
# numbers
# ---------------------------------------------------------------------------
_NUM_PLAIN = re.compile(r"^[+-]?\d+(?:[.,](\d+))?$")
_NUM_GROUPED_COMMA = re.compile(r"^[+-]?\d{1,3}(?:\.\d{3})+(?:,(\d+))?$")   # 1.000,5 (Vietnamese)
_NUM_GROUPED_DOT = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.(\d+))?$")     # 1,000.5
_NUM_GROUPED_SPACE = re.compile(r"^[+-]?\d{1,3}(?: \d{3})+(?:[.,](\d+))?$")  # 8 333
_EMPTY_MARKS = {"-", "–", "—", ""}


def parse_number(text: str) -> tuple[Decimal, int] | None:
    """``"41,6"`` → ``(Decimal("41.6"), 1)``: the exact value and its decimals.

    Returns ``None`` for an empty cell (or a lone dash, "no value"); raises
    `ValueError` for text that is not a number.  A decimal comma or a decimal
    point is accepted; ``1.000,5`` / ``1,000.5`` / ``8 333`` are read with
    their thousands separators.  A single ``.`` or ``,`` is always a decimal
    separator (points tables do not reach 1 000 per indicator).
    """
    t = text.strip().replace("\u00a0", " ").replace("\u202f", " ").replace("−", "-")
    if t in _EMPTY_MARKS:
        return None
    m = _NUM_PLAIN.match(t)
    if m:
        frac = m.group(1) or ""
        return Decimal(t.replace(",", ".")), len(frac)
    for pat, group_sep, dec_sep in ((_NUM_GROUPED_COMMA, ".", ","), (_NUM_GROUPED_DOT, ",", "."),
                                    (_NUM_GROUPED_SPACE, " ", None)):
        m = pat.match(t)
        if m:
            frac = m.group(1) or ""
            plain = t.replace(group_sep, "")
            if dec_sep is None:
                plain = plain.replace(",", ".")
            elif dec_sep == ",":
                plain = plain.replace(",", ".")
            try:
                return Decimal(plain), len(frac)
            except InvalidOperation:  # pragma: no cover - the patterns exclude it
                break
    raise ValueError(text)


# ---------------------------------------------------------------------------
# the data model
# ---------------------------------------------------------------------------
@attrs.define
class Cell:
    """One cell: cleaned text, where it is, and its number if it holds one."""

    text: str
    #: span of the cell's content (tags and spaces excluded) in the table's `Source`
    span: Span | None
    line: int
    #: 0-based column of the table
    column: int
    #: spreadsheet-style reference: ``D80`` for text (column, line), ``Sheet1!D14`` for xlsx
    ref: str
    number: Decimal | None = None
    decimals: int = 0
    #: the text could not be read as a number (for number columns)
    error: bool = False

    @property
    def empty(self) -> bool:
        return self.text == ""


@attrs.define
class Row:
    """One row of the table (continuation lines already joined)."""

    id: str
    name: str
    cells: dict[str, Cell]
    line: int
    reason: str = ""
    is_section: bool = False
    is_total: bool = False
    #: when the written id breaks the sequence the way a spreadsheet garbles
    #: ``6.20`` into ``6.2``: the id it probably was
    intended_id: str | None = None
    #: lines of continuation rows joined to this one
    continued_on: list[int] = attrs.Factory(list)

    @property
    def key(self) -> str:
        """The id used for structure: the intended id of a garbled row."""
        return self.intended_id or self.id

    @property
    def max(self) -> Decimal | None:
        c = self.cells.get("max")
        return c.number if c is not None else None

    @property
    def achieved(self) -> Decimal | None:
        c = self.cells.get("achieved")
        return c.number if c is not None else None

    def cell(self, role: str) -> Cell | None:
        return self.cells.get(role)


@attrs.define
class ResultsTable:
    rows: list[Row]
    source: Source
    name: str
    #: the header row's line (row for xlsx)
    header_line: int
    #: the header text of each role's column, as written
    headers: dict[str, str]
    #: "," when the table writes decimal commas, "." otherwise
    decimal_sep: str = ","
    sheet: str | None = None

    @property
    def items(self) -> list[Row]:
        return [r for r in self.rows if not r.is_section and not r.is_total]

    @property
    def sections(self) -> list[Row]:
        return [r for r in self.rows if r.is_section]

    @property
    def total(self) -> Row | None:
        totals = [r for r in self.rows if r.is_total]
        return totals[-1] if totals else None

    def precision(self, role: str) -> int:
        """The column's usual number of decimals: the most common count among
        its non-integer values (0 when every value is a whole number)."""
        counts = Counter(c.decimals for r in self.rows if (c := r.cells.get(role)) is not None
                         and c.number is not None and c.number != c.number.to_integral_value())
        if not counts:
            return 0
        best = max(counts.values())
        return max(d for d, n in counts.items() if n == best)

    def format_number(self, value: Decimal) -> str:
        """A number written the way the table writes numbers."""
        text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if text in ("-0", ""):
            text = "0"
        return text.replace(".", ",") if self.decimal_sep == "," else text

    def children(self, row: Row) -> list[Row]:
        """The rows one level below ``row`` (``5.12`` → ``5.12.1`` … ``5.12.6``;
        a section → its indicators)."""
        if row.is_total:
            return []
        if row.is_section:
            group = self._section_group(row)
            keys = {r.key for r in group}
            return [r for r in group if not any(r.key.startswith(k + ".") for k in keys if k != r.key)]
        prefix = row.key + "."
        return [r for r in self.rows if not r.is_section and not r.is_total
                and r.key.startswith(prefix) and "." not in r.key[len(prefix):]]

    def _section_group(self, section: Row) -> list[Row]:
        i = self.rows.index(section)
        out = []
        for r in self.rows[i + 1:]:
            if r.is_section or r.is_total:
                break
            out.append(r)
        return out


# ---------------------------------------------------------------------------
# cell text: tags, entities, spaces; with offsets into the original
# ---------------------------------------------------------------------------
_TAG_OR_ENTITY = re.compile(r"<[^<>]*>|&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z]+);")


def _clean(raw: str, start: int) -> tuple[str, Span | None]:
    """Strip HTML tags and entities and surrounding spaces from a raw cell.

    Returns the clean text (inner runs of spaces collapsed) and the span, in
    the original text, from its first to its last character.
    """
    chars: list[tuple[str, int, int]] = []  # (text, raw start, raw end)
    pos = 0
    for m in _TAG_OR_ENTITY.finditer(raw):
        for i in range(pos, m.start()):
            chars.append((raw[i], start + i, start + i + 1))
        if m.group(0).startswith("&"):
            chars.append((html.unescape(m.group(0)), start + m.start(), start + m.end()))
        pos = m.end()
    for i in range(pos, len(raw)):
        chars.append((raw[i], start + i, start + i + 1))
    kept = [c for c in chars]
    while kept and not kept[0][0].strip():
        kept.pop(0)
    while kept and not kept[-1][0].strip():
        kept.pop()
    if not kept:
        return "", None
    text = re.sub(r"\s+", " ", "".join(c[0] for c in kept))
    return text, Span(kept[0][1], kept[-1][2])


def _fold(text: str) -> str:
    """Lower case, no diacritics, đ → d, single spaces: for matching headers."""
    t = strip_diacritics(text).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w%]+", " ", t)).strip()


def _header_roles(texts: list[str]) -> dict[str, int] | None:
    """Which column holds which field, if this record is a header row."""
    roles: dict[str, int] = {}
    for i, t in enumerate(texts):
        f = _fold(t)
        if not f:
            continue
        if "max" not in roles and ("toi da" in f or f in ("max", "maximum", "max points")):
            roles["max"] = i
        elif "id" not in roles and f in ("stt", "tt", "so tt", "so thu tu", "ma", "ma so", "ma chi so", "id", "no"):
            roles["id"] = i
        elif "reason" not in roles and ("ly do" in f or "mat diem" in f or "giai trinh" in f
                                        or f in ("reason", "ghi chu", "notes")):
            roles["reason"] = i
        elif "achieved" not in roles and ("dat duoc" in f or "diem dat" in f or f in (
                "diem", "diem so", "diem danh gia", "diem cham", "ket qua", "achieved", "points", "score")):
            roles["achieved"] = i
        elif "name" not in roles and any(k in f for k in ("chi so", "ten", "noi dung", "tieu chi", "chi tieu",
                                                           "indicator", "name")):
            roles["name"] = i
    if {"id", "max", "achieved"} <= roles.keys():
        return roles
    return None


# ---------------------------------------------------------------------------
# raw records: (cells with raw offsets) from delimited text
# ---------------------------------------------------------------------------
@attrs.define
class _RawCell:
    raw: str
    start: int
    line: int


def _records(text: str, delimiter: str, quotes: bool) -> Iterable[list[_RawCell]]:
    """Split delimited text into records of raw cells with their offsets."""
    if not quotes:
        offset = 0
        for lineno, physical in enumerate(text.split("\n"), start=1):
            body = physical[:-1] if physical.endswith("\r") else physical
            row: list[_RawCell] = []
            pos = 0
            for part in body.split(delimiter):
                row.append(_RawCell(part, offset + pos, lineno))
                pos += len(part) + 1
            offset += len(physical) + 1
            yield row
        return
    # CSV with quotes (a quoted field may hold the delimiter, "" and newlines)
    i, n, line = 0, len(text), 1
    while i <= n:
        cells: list[_RawCell] = []
        while True:
            if i < n and text[i] == '"':
                j, start_line = i + 1, line
                buf_start = j
                while j < n:
                    if text[j] == '"':
                        if j + 1 < n and text[j + 1] == '"':
                            j += 2
                            continue
                        break
                    if text[j] == "\n":
                        line += 1
                    j += 1
                cells.append(_RawCell(text[buf_start:j].replace('""', '"'), buf_start, start_line))
                j += 1  # closing quote
                while j < n and text[j] not in (delimiter, "\n"):
                    j += 1
                i = j
            else:
                j = i
                while j < n and text[j] not in (delimiter, "\n"):
                    j += 1
                raw = text[i:j]
                cells.append(_RawCell(raw[:-1] if raw.endswith("\r") else raw, i, line))
                i = j
            if i < n and text[i] == delimiter:
                i += 1
                continue
            break
        yield cells
        if i >= n:
            return
        i += 1  # newline
        line += 1


# ---------------------------------------------------------------------------
# building rows
# ---------------------------------------------------------------------------
_ID = re.compile(r"^(\d+(?:\.\d+)*)\.?$")
_ROMAN = re.compile(r"^([IVXLC]+)\.?$")


def _make_cells(raw: list[_RawCell], roles: dict[str, int], ref_prefix: str) -> dict[str, Cell]:
    out: dict[str, Cell] = {}
    for role, col in roles.items():
        if col < len(raw):
            rc = raw[col]
            text, span = _clean(rc.raw, rc.start)
            if span is None:
                span = Span(rc.start, rc.start)
            line = rc.line
        else:
            last = raw[-1]
            text, span, line = "", Span(last.start + len(last.raw), last.start + len(last.raw)), last.line
        out[role] = Cell(text=text, span=span, line=line, column=col,
                         ref=f"{ref_prefix}{column_letter(col)}{line}")
    return out


def _read_numbers(cells: dict[str, Cell]) -> None:
    for role in ("max", "achieved"):
        c = cells.get(role)
        if c is None:
            continue
        try:
            parsed = parse_number(c.text)
        except ValueError:
            c.error = True
            continue
        if parsed is not None:
            c.number, c.decimals = parsed


def _is_total_label(text: str) -> bool:
    f = _fold(text)
    return f == "tong" or f.startswith(("tong cong", "tong diem", "tong so diem", "total", "cong"))


def _join(a: str, b: str) -> str:
    if not a:
        return b
    if not b:
        return a
    return f"{a} {b}"


def _build(records: Iterable[list[_RawCell]], source: Source, name: str,
           ref_prefix: str = "", sheet: str | None = None) -> ResultsTable:
    roles: dict[str, int] | None = None
    header_line = 0
    headers: dict[str, str] = {}
    rows: list[Row] = []
    for raw in records:
        texts = [_clean(c.raw, c.start)[0] for c in raw]
        found = _header_roles(texts)
        if found is not None:
            if roles is None:
                roles, header_line = found, raw[0].line
                headers = {r: texts[i] for r, i in found.items()}
            continue  # a header repeated at a page break
        if roles is None or not any(texts):
            continue  # preamble (title, "Phụ lục") or a blank line
        if sum(1 for t in texts if t) == 1 and len(raw) == 1:
            continue  # page-break debris: a page number, a title line without cells
        cells = _make_cells(raw, roles, ref_prefix)
        _read_numbers(cells)
        sid = cells["id"].text
        name_text = unicodedata.normalize("NFC", cells["name"].text) if "name" in cells else ""
        reason = unicodedata.normalize("NFC", cells["reason"].text) if "reason" in cells else ""
        has_numbers = not (cells["max"].empty and cells["achieved"].empty)
        if not sid or _is_total_label(sid):
            label = sid or name_text
            if has_numbers and _is_total_label(label):
                rows.append(Row(id="", name=name_text or sid, cells=cells, line=raw[0].line,
                                reason=reason, is_total=True))
                continue
            if rows and not rows[-1].is_total:
                prev = rows[-1]  # a row continued after a page break: join it
                prev.name = _join(prev.name, name_text)
                prev.reason = _join(prev.reason, reason)
                prev.continued_on.append(raw[0].line)
                for role in ("max", "achieved"):
                    if prev.cells[role].empty and not cells[role].empty:
                        prev.cells[role] = cells[role]
            continue
        sid = sid[:-1] if sid.endswith(".") and len(sid) > 1 else sid
        rows.append(Row(id=sid, name=name_text, cells=cells, line=raw[0].line, reason=reason,
                        is_section=bool(_ROMAN.match(sid))))
    if roles is None:
        raise DataError(Diagnostic.make("CDS701", source=source, name=name))
    dotted = any("." in r.id for r in rows)
    for r in rows:
        if not r.is_section and _ID.match(r.id) and "." not in r.id and dotted:
            r.is_section = True
    _find_garbled_ids(rows)
    return ResultsTable(rows=rows, source=source, name=name, header_line=header_line, headers=headers,
                        decimal_sep=_decimal_sep(rows), sheet=sheet)


def _decimal_sep(rows: list[Row]) -> str:
    commas = dots = 0
    for r in rows:
        for role in ("max", "achieved"):
            t = r.cells[role].text
            if re.fullmatch(r"[+-]?\d+,\d+", t):
                commas += 1
            elif re.fullmatch(r"[+-]?\d+\.\d+", t):
                dots += 1
    return "." if dots > commas else ","


def _find_garbled_ids(rows: list[Row]) -> None:
    """Mark ids a spreadsheet turned into a shorter number (``6.20`` → ``6.2``).

    Siblings (same parent) are numbered 1, 2, 3 … in table order.  A row whose
    last number breaks that sequence, when the expected number is its own
    digits followed by zeros (expected 20, written 2), and the next sibling
    goes on after the expected number, is marked with the intended id.
    """
    numeric = [r for r in rows if _ID.match(r.id) and "." in r.id]
    ids = {r.id for r in numeric}
    last_seen: dict[str, int] = {}
    for idx, r in enumerate(numeric):
        parent, _, last = r.id.rpartition(".")
        prev = last_seen.get(parent, 0)
        expected = prev + 1
        n = int(last)
        if n != expected and len(last) < len(str(expected)) and str(expected).startswith(last) \
                and set(str(expected)[len(last):]) == {"0"}:
            nxt = next((s for s in numeric[idx + 1:] if s.id.rpartition(".")[0] == parent), None)
            intended = f"{parent}.{expected}"
            if intended not in ids and (nxt is None or int(nxt.id.rpartition(".")[2]) > expected):
                r.intended_id = intended
                n = expected
        last_seen[parent] = n


# ---------------------------------------------------------------------------
# entry points
# ---------------------------------------------------------------------------
def read_table_text(text: str, name: str = "<table>", delimiter: str | None = None,
                    quotes: bool | None = None) -> ResultsTable:
    """Read a results table from text (tab-separated as published, or CSV)."""
    if "\r" in text:  # CRLF and CR-only line endings: lines end with \n (as textfile.decode gives them)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    delimiter = delimiter or sniff_delimiter(text)
    if quotes is None:
        quotes = delimiter != "\t"
    source = Source(text, name=name)
    return _build(_records(text, delimiter, quotes), source, name)


def read_table(path: str | Path) -> ResultsTable:
    """Read a results table file: ``.xlsx``/``.xlsm`` with openpyxl, ``.csv``
    (``,`` or ``;``, quoted fields), anything else as tab-separated text."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):  # an .xls is told apart by its bytes (CDS641)
        return _read_xlsx(p)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise DataError(Diagnostic.make("CDS700", name=str(p), detail=exc.strerror or str(exc))) from None
    try:
        text, _encoding = decode(raw, p.name)
    except TextFileProblem as exc:
        raise problem_error(exc, p.name) from None
    if suffix == ".csv":
        return read_table_text(text, p.name, delimiter=sniff_delimiter(text, suffix), quotes=True)
    if suffix == ".tsv":
        return read_table_text(text, p.name, delimiter="\t", quotes=False)
    return read_table_text(text, p.name)


def _read_xlsx(p: Path) -> ResultsTable:
    """The first worksheet holding a results table, streamed and bounded by `cdsdsl.files.xlsx`; rows padded to the
    sheet's width as before.  A formula cell with no computed value is an error at its cell (CDS647)."""
    from cdsdsl.files.xlsx import Unreadable, WorkbookError, formula_diagnostics, open_workbook, sheet_prefix

    try:
        with open_workbook(p, p.name) as book:
            last_error: DataError | None = None
            for title in book.sheet_names:
                sheet = book.read(title)
                # one line of text per sheet row, so that line numbers are row numbers
                lines = [[cell_text(v, plain_decimals=True).replace("\t", " ").replace("\n", " ").replace("\r", " ")
                          for v in row]
                         for row in sheet.padded(where=f"{p.name} › {title}")]
                text = "\n".join("\t".join(cells) for cells in lines)
                source = Source(text, name=f"{p.name}!{title}")
                try:
                    table = _build(_records(text, "\t", False), source, source.name,
                                   ref_prefix=sheet_prefix(title), sheet=title)
                except DataError as exc:
                    last_error = exc
                    continue
                formulas = formula_diagnostics(p.name, sheet)
                if formulas:
                    raise DataError(formulas)
                return table
            if last_error is not None:
                raise DataError(Diagnostic.make("CDS701", name=p.name)) from None
            raise DataError(Diagnostic.make("CDS700", name=str(p), detail="no sheet"))
    except Unreadable as exc:
        raise DataError(Diagnostic.make("CDS700", name=str(p), detail=exc.detail_vi)) from None
    except WorkbookError as exc:
        raise DataError(exc.diagnostic) from None
