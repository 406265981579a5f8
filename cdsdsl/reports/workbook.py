"""The report workbook of a scored cohort, for people who have never seen the engine.

Takes: a `scoring.CohortResult`, a path and a language.
Returns: `write_report_xlsx(cohort_result, path, lang)` writes the sheets ``Xếp hạng`` (rank, unit, total,
per-section totals, maxima), ``Điểm theo chỉ số`` (points per indicator per unit, with names and maxima) and
``Lý do mất điểm`` (unit, indicator, points lost, reason), and ``Thông tin chung`` (the unit facts asked
once, when the ruleset declares them), then ``Biểu đồ`` (the charts of `cdsdsl.reports.charts`): the tables of
`cdsdsl.reports.cohort_tables`, header rows and the unit-name column frozen, columns sized, points as numbers
with a number format, text cells neutralised against formula injection.
"""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Sequence

import attrs

from cdsdsl.files.safe_cells import print_setup, save_workbook, text_cell
from cdsdsl.reports.charts import RankLayout, add_chart_sheet
from cdsdsl.reports.cohort_tables import (
    _policy,
    _section_ids,
    _w,
    indicator_table,
    lost_points_table,
    rank_table,
    ruleset_of,
)
from cdsdsl.reports.render import Column, Table
from cdsdsl.reports.totals import gaps_note, rule_text
from cdsdsl.reports.unit_facts import facts_table

RANK_SHEET = "Xếp hạng"
INDICATOR_SHEET = "Điểm theo chỉ số"
LOST_SHEET = "Lý do mất điểm"
FACTS_SHEET = "Thông tin chung"
APPRAISAL_SHEET = "Tự đánh giá - thẩm định"
APPRAISAL_DETAIL_SHEET = "Chênh lệch theo chỉ số"


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else float(value)
    return value


#: the columns that name a row, kept in view with the header row when scrolling right (frozen panes)
_LABEL_KEYS = ("unit", "name")


def _frozen_columns(table: Table) -> int:
    """How many leading columns stay in view: up to the column naming the row (unit, indicator name), if it
    is among the first three; otherwise none."""
    keys = [c.key for c in table.columns[:3]]
    for j, key in enumerate(keys, 1):
        if key in _LABEL_KEYS:
            return j
    return 0


def _points_format(digits: int) -> str:
    """Excel's number format for points rounded to ``digits`` places.  The ``.`` is Excel's placeholder for
    the reader's decimal separator: a Vietnamese Excel shows ``12,50``, an English one ``12.50``."""
    return "0" if digits == 0 else "0." + "0" * digits


def _write_sheet(ws: Any, table: Table, title_lines: Sequence[str], widths: dict[str, int],
                 digits: int) -> int:
    """Write ``table`` under ``title_lines``; returns the header row."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    row = 1
    for line in title_lines:
        text_cell(ws, row, 1, line).font = Font(bold=row == 1, size=13 if row == 1 else 11)
        row += 1
    if title_lines:
        row += 1
    header_row = row
    fill = PatternFill("solid", fgColor="1F4E78")
    thin = Side(style="thin", color="A6A6A6")
    for j, col in enumerate(table.columns, 1):
        cell = text_cell(ws, header_row, j, col.header.replace("\n", " "))
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(bottom=thin, top=thin, left=thin, right=thin)
    number_format = _points_format(digits)
    for i, values in enumerate(table.rows, header_row + 1):
        for j, (col, v) in enumerate(zip(table.columns, values, strict=False), 1):
            cell = text_cell(ws, i, j, _xlsx_value(v))
            if col.numeric and col.key != "rank" and isinstance(v, (Decimal, Fraction)):
                cell.number_format = number_format
            if not col.numeric:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
    ws.freeze_panes = ws.cell(row=header_row + 1, column=_frozen_columns(table) + 1)
    print_setup(ws, header_row)
    for j, col in enumerate(table.columns, 1):
        width = widths.get(col.key)
        if width is None:
            longest = max([len(str(col.header))] + [len(str(r[j - 1])) for r in table.rows if r[j - 1] is not None])
            width = min(max(8, longest + 2), 18 if col.numeric else 40)
        ws.column_dimensions[get_column_letter(j)].width = width
    if table.rows:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(table.columns))}{header_row + len(table.rows)}"
    for k, note in enumerate(table.notes):
        text_cell(ws, header_row + len(table.rows) + 2 + k, 1, note).font = Font(italic=True)
    return header_row



def _rule_notes(cohort: Any, lang: str) -> tuple[str, ...]:
    """The rounding rule, always (the workbook prints indicators, sections and totals side by side), with the
    places where the printed points do not add up to the printed total."""
    gaps = gaps_note(cohort, cohort.ranking(), lang)
    return (gaps,) if gaps else (rule_text(cohort, lang),)


def write_report_xlsx(cohort_result: Any, path: str | Path, lang: str = "vi", *,
                      comparison: tuple[Table, Table] | None = None) -> Path:
    """Write the report workbook of a scored cohort to ``path`` and return the path.

    Sheets: ``Xếp hạng`` (rank, unit, total, maximum, per-section totals), ``Điểm theo chỉ số``
    (a row per indicator with its name and maximum, a column per unit) and ``Lý do mất điểm``
    (unit, indicator, points lost and why), then ``Biểu đồ`` (ranking bars and section profile; only the
    self-assessed/appraised comparison sheets come after it).
    Header rows and the naming column are styled and frozen, columns sized.
    Sheet names stay Vietnamese in every language (tools find them by name); headers follow ``lang``."""
    from openpyxl import Workbook

    path = Path(path)
    rs = ruleset_of(cohort_result)
    digits, _ = _policy(cohort_result)
    title = [getattr(rs, "title", "") or "", getattr(rs, "decision", "") or ""]
    title = [t for t in title if t]
    if getattr(cohort_result, "intake", None) is not None:  # rows read vs units scored, as in the text report
        title.append(cohort_result.intake.line(len(cohort_result.results), lang))
    wb = Workbook()
    ws = wb.active
    ws.title = RANK_SHEET
    ranking = rank_table(cohort_result, lang, label=False)
    incomplete = _w("incomplete_sheet", lang)
    ranking = attrs.evolve(ranking, columns=ranking.columns + (Column("status", _w("status", lang)),),
                           rows=tuple(row + ("" if r.complete else incomplete,)
                                      for row, r in zip(ranking.rows, cohort_result.ranking(), strict=False)),
                           notes=tuple(n for n in ranking.notes) + _rule_notes(cohort_result, lang))
    header = _write_sheet(ws, ranking, title, {"unit": 40, "rank": 7, "status": 50}, digits)
    keys = [c.key for c in ranking.columns]
    ranked_by = keys.index("set_total" if "set_total" in keys else "total") + 1  # what the ranking sorts on
    layout = RankLayout(ws, header, keys.index("unit") + 1, ranked_by, len(ranking.rows))
    ws2 = wb.create_sheet(INDICATOR_SHEET)
    _write_sheet(ws2, indicator_table(cohort_result, lang), [], {"indicator": 10, "name": 60, "max": 8}, digits)
    ws3 = wb.create_sheet(LOST_SHEET)
    _write_sheet(ws3, lost_points_table(cohort_result, lang), [],
                 {"rank": 7, "unit": 30, "indicator": 10, "name": 45, "reason": 70}, digits)
    facts = facts_table(cohort_result, lang)
    if facts is not None:  # general information asked once, as the units gave it (last: the others keep their place)
        _write_sheet(wb.create_sheet(FACTS_SHEET), facts, [], {"unit": 40}, digits)
    charts = add_chart_sheet(wb, layout, cohort_result, rs, _section_ids(cohort_result), lang)
    if charts is not None:  # after the cohort's tables, which keep their place
        print_setup(charts, 1)
    if comparison is not None:  # self-assessed against appraised (`cdsdsl.reports.appraisal`)
        _write_sheet(wb.create_sheet(APPRAISAL_SHEET), comparison[0], [], {"unit": 40, "rank": 7}, digits)
        _write_sheet(wb.create_sheet(APPRAISAL_DETAIL_SHEET), comparison[1], [],
                     {"unit": 30, "indicator": 10, "why": 60, "evidence": 40}, digits)
    save_workbook(wb, path)
    return path
