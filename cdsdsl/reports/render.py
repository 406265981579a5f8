"""Tables of exact values and how they are shown: a terminal table, CSV for tools, JSON records.

Takes: columns (`Column`) and rows of exact values (`Decimal` points, `Fraction`, int, text).
Returns: `Table.text(lang, width=)`: tabulate's layout with Vietnamese decimal commas (`vi_number`), laid out
again to fit a terminal's width when it is wider (`fit_table`: text cells wrap, numbers are never cut, blocks
of columns when the numbers alone are too wide); `Table.csv()`: exact values with a decimal point, text
neutralised against formula injection; `Table.records()`: one dict per row, numbers as exact strings.
"""
from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any, Iterable, Sequence

import attrs

from cdsdsl.diagnostics.numbers import format_number
from cdsdsl.files.safe_cells import csv_field

# ---------------------------------------------------------------- numbers

def vi_number(value: Any, lang: str = "vi", digits: int | None = None) -> str:
    """``Decimal("635.19")`` → ``635,19`` (``1 000,50`` above a thousand); English: ``1,000.50``.

    Decimals are kept as the value has them (points are rounded once by the scorer, so
    a column lines up); a `Fraction` is shown with ``digits`` (default 2) decimals,
    trailing zeros dropped.  ``None`` is an empty string."""
    if value is None:
        return ""
    return format_number(value, lang, digits, as_given=True)


def _exact_str(value: Any) -> Any:
    """JSON/CSV form: Decimal as its exact string (``"635.19"``), Fraction as ``"1/3"`` or an int."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else str(value)
    return value


# ---------------------------------------------------------------- tables

@attrs.frozen
class Column:
    key: str
    header: str
    numeric: bool = False


@attrs.frozen
class Table:
    """Rows of exact values under named columns, with notes printed below the table."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]
    notes: tuple[str, ...] = ()

    def cell_text(self, value: Any, column: Column, lang: str) -> str:
        if value is None:
            return ""
        if column.numeric and isinstance(value, (Decimal, Fraction, int)):
            return vi_number(value, lang)
        return str(value)

    def text(self, lang: str = "vi", tablefmt: str = "simple", width: int | None = None) -> str:
        """The table for a terminal: tabulate, numbers right-aligned with decimal commas.

        ``width`` (the terminal's, `cli.common.table_width`): a table wider than that is laid out
        again to fit, counting columns as displayed: text cells (unit and indicator names) wrap at
        spaces inside their column, number headers wrap (``Tổng\\nđiểm``), numbers are never cut;
        when the numbers alone are too wide, the columns are shown in several blocks, each
        repeating the leading text columns (the unit).  Notes wrap at spaces."""
        from tabulate import tabulate

        from cdsdsl.diagnostics.render import display_width, wrap_block

        body = [[self.cell_text(v, c, lang) for v, c in zip(row, self.columns, strict=False)] for row in self.rows]
        headers = [c.header for c in self.columns]
        numeric = [c.numeric for c in self.columns]
        out: str | None = simple_table(headers, body, numeric) if tablefmt == "simple" else None
        if out is None:
            out = tabulate(body, headers=headers, tablefmt=tablefmt, disable_numparse=True,
                           colalign=["right" if c.numeric else "left" for c in self.columns])
        if width is not None and max((display_width(ln) for ln in out.split("\n")), default=0) > width:
            out = fit_table(headers, body, numeric, width)
        elif any(display_width(t) != len(t) for t in [*headers, *(x for row in body for x in row)]):
            # tabulate counts code points: text in NFD or with wide characters is laid out here
            out = fit_table(headers, body, numeric, 10**6)
        notes = "\n".join(wrap_block(n, width, 0) for n in self.notes)
        return out + ("\n\n" + notes if self.notes else "")

    def csv(self, delimiter: str = ",") -> str:
        """CSV for tools: exact values with a decimal point (``635.19``), UTF-8, a header row.

        Text (headers, unit and indicator names, reasons: every ``str``) is neutralised against formula
        injection (`safe_cells.csv_field`: ``=x`` → ``'=x``); numbers are written as they are (``-1.5``)."""
        rows = [[csv_field(c.header) for c in self.columns]]
        rows += [[csv_field(v) if v is None or isinstance(v, str) else _exact_str(v) for v in row] for row in self.rows]
        lines = []
        for cells in rows:
            # written with "\r\n" so that a field holding a lone CR is quoted too (csv quotes only the
            # characters of its line terminator, and every reader ends a line at a CR); the row ends in "\n"
            line = io.StringIO()
            csv.writer(line, delimiter=delimiter, lineterminator="\r\n").writerow(cells)
            lines.append(line.getvalue()[:-2] + "\n")
        return "".join(lines)

    def records(self) -> list[dict[str, Any]]:
        """One dict per row keyed by the columns' keys, numbers as exact strings."""
        return [{c.key: _exact_str(v) for c, v in zip(self.columns, row, strict=False)} for row in self.rows]


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def simple_table(headers: list[str], body: list[list[str]], numeric: list[bool]) -> str | None:
    """tabulate's ``simple`` layout of text cells (headers padded by 2 and over several lines when they hold
    a new line, top-aligned; columns apart by 2 spaces; a dashed line under the headers; numbers
    right-aligned, text left-aligned; each line right-stripped), built directly: tabulate examines every
    cell's type, which took most of the time of `cds score` on 10 000 units.  None (then tabulate lays it
    out) for what this does not cover: no rows, a row of another length, a cell over several lines, control
    characters, characters wider or narrower than one column.  Tested equal to tabulate's output
    (tests/test_reports_simple_table.py)."""
    n = len(headers)
    if not body or any(len(row) != n for row in body):
        return None
    heads = [h.split("\n") for h in headers]
    cols = [[cell.strip() for cell in col] for col in zip(*body, strict=True)]
    texts = [*(line for lines in heads for line in lines), *(cell for col in cols for cell in col)]
    if any(_CONTROL.search(text) for text in texts):
        return None  # a cell over several lines, a tab, an escape sequence
    from cdsdsl.diagnostics.render import display_width

    if any(display_width(t) != len(t) for t in texts):
        return None
    widths = [max(max(map(len, lines)) + 2, max(map(len, col))) for lines, col in zip(heads, cols, strict=True)]
    pads = [str.rjust if num else str.ljust for num in numeric]
    depth = max(map(len, heads))
    lines = ["  ".join(pad(hl[k] if k < len(hl) else "", w) for hl, w, pad in zip(heads, widths, pads, strict=True))
             .rstrip() for k in range(depth)]
    lines.append("  ".join("-" * w for w in widths))
    columns = [[pad(cell, w) for cell in col] for col, w, pad in zip(cols, widths, pads, strict=True)]
    rows: Iterable[tuple[str, ...]] = zip(*columns, strict=True)
    if depth > 1:  # tabulate's multi-line layout gives a row of empty cells no line at all
        rows = (cells for cells, raw in zip(rows, zip(*cols, strict=True), strict=True) if any(raw))
    lines += ["  ".join(cells).rstrip() for cells in rows]
    return "\n".join(lines)


def _lines_width(text: str) -> int:
    from cdsdsl.diagnostics.render import display_width

    return max((display_width(ln) for ln in text.split("\n")), default=0)


def _wrap_cell(text: str, width: int) -> list[str]:
    from cdsdsl.diagnostics.render import wrap_words

    out: list[str] = []
    for line in text.split("\n"):
        out.extend(wrap_words(line, width) if line else [""])
    return out


def _min_text_width(cells: Sequence[str], cap: int = 12) -> int:
    """The narrowest a text column may get: its longest word, but at most ``cap`` (longer words are
    cut), at least 1."""
    from cdsdsl.diagnostics.render import display_width

    longest = max((display_width(w) for c in cells for w in c.split()), default=1)
    return max(1, min(longest, cap))


def _layout(headers: Sequence[str], body: Sequence[Sequence[str]], numeric: Sequence[bool],
            width: int, comfortable: int = 0) -> list[int] | None:
    """Column widths that fit ``width`` (2 spaces between columns), or None when they cannot
    without narrowing a text column below ``comfortable`` columns (or its natural width)."""
    n = len(headers)
    widths = [0] * n
    for j in range(n):
        cells = [row[j] for row in body]
        if numeric[j]:
            w = max([_lines_width(c) for c in cells] + [_min_text_width([headers[j]], 10**6)])
            widths[j] = w
        else:
            widths[j] = max(_lines_width(c) for c in [headers[j], *cells])
    room = width - 2 * (n - 1) - sum(w for w, num in zip(widths, numeric, strict=False) if num)
    text_cols = [j for j in range(n) if not numeric[j]]
    natural = {j: widths[j] for j in text_cols}
    least = {j: min(natural[j], max(comfortable, _min_text_width([headers[j], *[row[j] for row in body]])))
             for j in text_cols}
    if room < sum(least.values()):
        return None
    # shrink the widest text columns first until the text fits the room left by the numbers
    while sum(widths[j] for j in text_cols) > room:
        j = max(text_cols, key=lambda k: (widths[k] - least[k] > 0, widths[k]))
        if widths[j] <= least[j]:
            return None
        widths[j] -= 1
    return widths


def _render(headers: Sequence[str], body: Sequence[Sequence[str]], numeric: Sequence[bool],
            widths: Sequence[int]) -> str:
    """A table like tabulate's ``simple``: headers, dashes, rows; cells wrapped to ``widths``."""
    from cdsdsl.diagnostics.render import display_width

    def pad(text: str, w: int, right: bool) -> str:
        gap = " " * max(0, w - display_width(text))
        return gap + text if right else text + gap

    def block(cells: Sequence[str]) -> list[str]:
        wrapped = [_wrap_cell(c, w) for c, w in zip(cells, widths, strict=False)]
        height = max(len(x) for x in wrapped)
        columns = list(zip(wrapped, widths, numeric, strict=False))
        return ["  ".join(pad(x[i] if i < len(x) else "", w, num) for x, w, num in columns).rstrip()
                for i in range(height)]

    lines = block(headers)
    lines.append("  ".join("-" * w for w in widths))
    for row in body:
        lines.extend(block(row))
    return "\n".join(lines)


def fit_table(headers: Sequence[str], body: Sequence[Sequence[str]], numeric: Sequence[bool], width: int) -> str:
    """The table laid out to at most ``width`` columns (see `Table.text`)."""
    headers = [h.replace("\n", " ") if num else h for h, num in zip(headers, numeric, strict=False)]
    comfortable = min(24, width // 3)
    widths = _layout(headers, body, numeric, width, comfortable)
    if widths is not None:
        return _render(headers, body, numeric, widths)
    # blocks of columns, each repeating the leading columns up to the first text ones (rank, unit)
    keys: list[int] = []
    seen_text = False
    for j, num in enumerate(numeric):
        if num and seen_text:
            break
        seen_text = seen_text or not num
        keys.append(j)
    rest = [j for j in range(len(headers)) if j not in keys]
    if not rest:  # only text columns: wrap them as narrow as their words allow
        widths = _layout(headers, body, numeric, width)
        if widths is not None:
            return _render(headers, body, numeric, widths)
        rest, keys = keys[1:], keys[:1]
    blocks: list[list[int]] = []
    for j in rest:
        trial = keys + (blocks[-1] if blocks else []) + [j]
        if blocks and _layout([headers[k] for k in trial], [[r[k] for k in trial] for r in body],
                              [numeric[k] for k in trial], width, comfortable) is not None:
            blocks[-1].append(j)
        else:
            blocks.append([j])
    out = []
    for b in blocks:
        cols = keys + b
        h, rows, nums = [headers[k] for k in cols], [[r[k] for k in cols] for r in body], [numeric[k] for k in cols]
        ws = _layout(h, rows, nums, width, comfortable) or _layout(h, rows, nums, width)
        if ws is None:  # one column still too wide: as narrow as its words allow, numbers whole
            ws = [max(_lines_width(c) for c in [hh, *[r[i] for r in rows]]) if num
                  else _min_text_width([hh, *[r[i] for r in rows]])
                  for i, (hh, num) in enumerate(zip(h, nums, strict=False))]
        out.append(_render(h, rows, nums, ws))
    return "\n\n".join(out)
