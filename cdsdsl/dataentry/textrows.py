"""The shape of a delimited text file's rows: a quote left open, cells past the header, a decimal comma.

Takes: the records of a ``.csv``/``.tsv`` file (`cdsdsl.files.textfile.Record`, with their physical lines)
and the wide header's columns.
Returns: `_TextRows.shape(...)`: None for a sound row, else the first column whose values are refused (0: all)
after a located diagnostic (CDS652 quote, CDS653 extra cells, CDS654 split decimal number, CDS655 short row).
"""
from __future__ import annotations

import re
from typing import Any

from cdsdsl.dataentry.cells import _cell_str, _col_letter, _empty, _is_none_word, _match_choice
from cdsdsl.dataentry.values import _CellReader
from cdsdsl.evaluate.runtime import Fault, to_number
from cdsdsl.semantics.resolve import COUNT, MONEY, OPTION, OPTIONS, POINTS, RATIO


class _TextRows(_CellReader):
    """The checks of a text file's rows against its header (the reader of `cdsdsl.dataentry.reading`)."""

    # -- shapes of a text file's rows
    def shape(self, i: int, header_idx: int, unit_col: int, cols: dict[int, tuple[str, str]], cell: Any,
              name: str) -> int | None:
        """Check row ``i`` of a text file against its header: None when it is sound, else the first column
        whose values are refused (0: all), after a located diagnostic (CDS652-CDS655)."""
        assert self.text_records is not None
        rec = self.text_records[i]
        header = self.text_records[header_idx].cells
        width = self.header_width(header_idx)
        unit = name or None
        swallowed = [c for c in rec.cells if "\n" in c and self.delimiter in c.split("\n", 1)[1]]
        broken = rec.open_quote is not None and (swallowed or len(rec.cells) != len(header))
        if rec.unclosed or broken or rec.stray_quote is not None:
            qline, qcol = (rec.open_quote if rec.unclosed or broken else None) or rec.stray_quote \
                or (rec.line, max(len(rec.cells) - 1, 0))
            lost_rows = [ln.split(self.delimiter, 1)[0].strip().strip('"')
                         for c in swallowed or [c for c in rec.cells if "\n" in c] for ln in c.split("\n")[1:]]
            lost_rows = [x for x in lost_rows if x and not x.startswith("#")]
            lost = f" — gồm số liệu của: {', '.join(lost_rows)}" if lost_rows else ""
            lost_en = f" — including the data of: {', '.join(lost_rows)}" if lost_rows else ""
            n_lines = rec.end_line - qline
            if rec.unclosed:
                extent = f"dấu ngoặc kép không được đóng, ô này kéo đến hết tệp (dòng {rec.end_line}){lost}"
                extent_en = (f"the quote is never closed, the cell runs to the end of the file "
                             f"(line {rec.end_line}){lost_en}")
            elif n_lines:
                extent = f"ô này nuốt {n_lines} dòng sau nó (đến dòng {rec.end_line}){lost}"
                extent_en = f"the cell swallows the {n_lines} line(s) after it (to line {rec.end_line}){lost_en}"
            else:
                extent = "ô này nuốt cả dấu phân cách sau nó, các ô sau bị lệch cột"
                extent_en = "the cell swallows the delimiter after it and the later cells shift columns"
            self.diag("CDS652", f"{self.fname}:{qline}:{_col_letter(qcol)}", unit=unit, line=qline,
                      column=_col_letter(qcol), swallowed=n_lines, extent=extent, extent_en=extent_en)
            return 0
        cells = rec.cells
        # the last filled cell: past the header's width only when the row is longer than it
        used = max((j + 1 for j, c in enumerate(cells) if not _empty(c)), default=0) if len(cells) > width else 0
        if used > width:
            split = self.decimal_split(cells, width, unit_col, cols)
            if split is not None:
                j, number, cut = split
                item_key = cols.get(j)
                self.diag("CDS654", cell(i, j), unit=unit, item=item_key[0] if item_key else None, cells=used,
                          header=width, number=number, number_dot=number.replace(",", "."),
                          key_column=_cell_str(header[j]) if j < len(header) else "?", column=_col_letter(j),
                          cut_column=_col_letter(cut))
                return cut
            first = next(j for j in range(width, len(cells)) if not _empty(cells[j]))
            self.diag("CDS653", cell(i, None), unit=unit, cells=used, header=width, text=_cell_str(cells[first]),
                      column=_col_letter(first))
            return 0
        if len(cells) < width:
            self.diag("CDS655", cell(i, None), unit=unit, cells=len(cells), header=width,
                      column=_col_letter(len(cells)))
        return None

    def header_width(self, header_idx: int) -> int:
        """The number of columns up to the header's last named one (computed once per header)."""
        memo = self.header_widths
        if header_idx not in memo:
            assert self.text_records is not None
            header = self.text_records[header_idx].cells
            memo[header_idx] = max((j + 1 for j, c in enumerate(header) if not _empty(c)), default=0)
        return memo[header_idx]

    def fits(self, j: int, text: str, cols: dict[int, tuple[str, str]]) -> bool:
        """Could ``text`` be the value of column ``j`` (by its field's kind)?  For locating a split row."""
        if _empty(text) or j not in cols:
            return True
        f = self.fields[cols[j][0]][cols[j][1]]
        if f.kind in (OPTION, OPTIONS):
            parts = [p for p in re.split(r"[;\n]+", text) if p.strip()] or [text]
            return all(_match_choice(f.choices, p) is not None or _is_none_word(p) for p in parts)
        t = text.strip()
        if len(t) > 64 or (f.kind == POINTS and t.endswith("%")) or (f.kind == RATIO and not t.endswith("%")):
            return False
        try:
            value = to_number(t, f.kind if f.kind in (COUNT, MONEY, RATIO, POINTS) else "number")
        except Fault:
            return False
        if f.kind == POINTS and f.max_points is not None and value > f.max_points:
            return False
        cap = self.ratio_cap(f.indicator) if f.kind == RATIO else None
        return not (cap is not None and value > cap)

    def decimal_split(self, cells: tuple[str, ...], width: int, unit_col: int,
                      cols: dict[int, tuple[str, str]]) -> tuple[int, str, int] | None:
        """(column, ``1234,5``) when joining cells split at unquoted decimal commas makes every cell of the
        row fit its column; the column is the leftmost such split (the values from there on are suspect)."""
        row = list(cells)
        while row and _empty(row[-1]) and len(row) > width:
            row.pop()
        if len(row) - width > 4:  # more than a few splits: not decimal commas (and the search would be slow)
            return None
        pair = re.compile(r"^[+-]?\d[\d.]*$"), re.compile(r"^\d+%?$")
        candidates = [j for j in range(unit_col + 1, len(row) - 1)
                      if pair[0].match(row[j].strip()) and pair[1].match(row[j + 1].strip())]
        if not candidates:
            return None
        merged = row
        chosen: list[int] = []
        first_round: list[tuple[int, int]] = []
        for _ in range(len(row) - width):
            best = None
            for j in range(len(merged) - 1):
                if not (pair[0].match(merged[j].strip()) and pair[1].match(merged[j + 1].strip())):
                    continue
                trial = merged[:j] + [merged[j].strip() + "," + merged[j + 1].strip()] + merged[j + 2:]
                score = sum(self.fits(k, c, cols) for k, c in enumerate(trial[:width]))
                # the best fit; among equals, the shortest decimal part (``40,6`` rather than ``933,9300``)
                rank = (score, -len(merged[j + 1].strip().rstrip("%")))
                if best is None or rank > best[0]:
                    best = (rank, j, trial)
                if not chosen:
                    first_round.append((score, j))
            if best is None:
                return None
            merged = best[2]
            chosen.append(best[1])
        # every cell fits its column, except the joined numbers themselves (``1234,5`` typed into a count
        # column is still a split number; the scorer would refuse it there)
        if len(merged) != width or not all(self.fits(k, c, cols) or k in chosen for k, c in enumerate(merged)):
            return None
        # the values are suspect from the leftmost split that fits as well as the one named
        top = max(sc for sc, _ in first_round)
        cut = min(j for sc, j in first_round if sc == top)
        return chosen[0], merged[chosen[0]], cut
