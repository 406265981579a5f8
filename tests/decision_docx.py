"""Word files shaped like real decisions, built in code with python-docx (for the `cds import` tests).

`decision_docx(ruleset, path)` lays a ruleset's table out as a decision's appendix does: the title lines
above the table (``PHỤ LỤC``, ``BỘ CHỈ SỐ …``, ``(Kèm theo …)``), a header row ``STT | Chỉ số/Chỉ số thành
phần | Điểm tối đa | Cách xác định và tính điểm | Nguồn dữ liệu | Đơn vị phối hợp`` and the column-number
row ``(1) … (6)``, section rows whose last cells are merged, scoring texts as one paragraph a line with
``- `` and ``+ `` lines as Word bullet paragraphs (List Bullet / List Bullet 2, the marker not typed), and
optionally a row a page break split in two (``split_rows``: the second half in a row with no STT) and the
table cut in two by a page break with the header repeated (``break_after``).  The scoring texts written are
the decision's (``formula_text``); the ruleset's own corrections are not part of a decision.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

import docx
from docx.enum.text import WD_BREAK

from cdsdsl.rulesets.cds_writer import format_max

HEADER = ("STT", "Chỉ số/Chỉ số thành phần", "Điểm tối đa", "Cách xác định và tính điểm", "Nguồn dữ liệu",
          "Đơn vị phối hợp")


def fill_cell(cell, text: str, bullets: bool = True) -> None:
    """One paragraph a line; ``- x`` / ``+ x`` as bullet paragraphs of depth 1 / 2 holding ``x``."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        style = None
        m = re.match(r"^([-+]) (\S.*)$", line) if bullets else None
        if m:
            style, line = ("List Bullet" if m.group(1) == "-" else "List Bullet 2"), m.group(2)
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if style:
            p.style = style
        p.add_run(line)


def _row(table, cells: Iterable[str], bullets: bool = True):
    row = table.add_row()
    for cell, text in zip(row.cells, cells):
        fill_cell(cell, text, bullets)
    return row


def _table(document, header: tuple[str, ...] = HEADER, numbers: bool = True):
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    if numbers:
        _row(table, [f"({i})" for i in range(1, len(header) + 1)])
    return table


def decision_docx(rs, path: Path, *, split_rows: dict[str, int] | None = None,
                  break_after: str | None = None, bullets: bool = True) -> Path:
    """Write ``rs``'s table as a decision's .docx at ``path`` (see the module docstring)."""
    split_rows = split_rows or {}
    document = docx.Document()
    document.add_paragraph("PHỤ LỤC")
    document.add_paragraph(rs.title.upper())
    document.add_paragraph(f"(Kèm theo {rs.decision})")
    table = _table(document)
    by_section: dict[str | None, list] = {}
    for ind in rs.indicators:
        by_section.setdefault(ind.section_id, []).append(ind)
    for sec in rs.sections:
        row = _row(table, [sec.label or sec.id, sec.name, format_max(sec.stated_max)])
        row.cells[3].merge(row.cells[5])  # the section row: one merged cell where the texts would be
        for ind in by_section.get(sec.id, []):
            formula = ind.formula_text or ""
            cut = split_rows.get(ind.id)
            lines = formula.split("\n")
            first = "\n".join(lines[:cut]) if cut else formula
            _row(table, [ind.id, ind.name, format_max(ind.max_points), first, ind.data_source or "",
                         "" if cut else ind.coordinator or ""], bullets)
            if cut:  # the rest at the top of the next page, in a row with no STT
                _row(table, ["", "", "", "\n".join(lines[cut:]), "", ind.coordinator or ""], bullets)
            if ind.id == break_after:
                document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                table = _table(document, numbers=False)
    document.save(str(path))
    return path
