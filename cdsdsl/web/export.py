"""A ruleset read from a table written back as a ``.cds`` file (docs/ruleset-format.md), for download.

Takes: a `Ruleset` (from a pasted or uploaded table).  Returns: `cds_text(rs)`, the text of a ``.cds`` file
that reads back to the same sections, indicators, maxima and scoring texts (tests/test_web_pages.py reads it
back).  Scoring texts are written verbatim as indented blocks; a heading's fields are separated by `` | ``.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any


def _max(value: Fraction | None) -> str:
    if value is None:
        return "-"
    return str(value.numerator) if value.denominator == 1 else str(float(value)).replace(".", ",")


def _block(text: str) -> list[str]:
    return ["    " + line if line.strip() else "" for line in text.splitlines()]


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("|", "/")


def cds_text(rs: Any) -> str:
    lines = [f"Bộ chỉ số: {_one_line(rs.title)}", f"Văn bản: {_one_line(rs.decision) or '-'}"]
    if rs.date:
        lines.append(f"Ngày: {_one_line(rs.date)}")
    if rs.level:
        lines.append(f"Cấp: {_one_line(rs.level)}")
    if rs.stated_total is not None:
        lines.append(f"Tổng điểm: {_max(rs.stated_total)}")
    by_section: dict[str, list[Any]] = {}
    for ind in rs.indicators:
        by_section.setdefault(ind.section_id or "", []).append(ind)
    for sec in rs.sections:
        lines += ["", f"Mục {sec.label or sec.id} | {_one_line(sec.name)} | {_max(sec.stated_max)}"]
        for ind in by_section.get(sec.id, []):
            lines += ["", f"Chỉ số {ind.id} | {_one_line(ind.name)} | {_max(ind.max_points)}"]
            if ind.formula_text is not None:
                lines += ["Cách tính:", *_block(ind.formula_text)]
            if ind.correction is not None:
                lines += ["Sửa:", *_block(ind.correction.text)]
                if ind.correction.reason:
                    lines.append(f"Lý do sửa: {_one_line(ind.correction.reason)}")
            if ind.data_source:
                lines.append(f"Nguồn dữ liệu: {_one_line(ind.data_source)}")
            if ind.coordinator:
                lines.append(f"Đơn vị phối hợp: {_one_line(ind.coordinator)}")
    return "\n".join(lines) + "\n"
