"""The charts of the report workbook, for a report that is printed and handed round.

Takes: the openpyxl workbook `cdsdsl.reports.workbook.write_report_xlsx` is writing, the ranking sheet's
layout (header row, the unit and total columns, how many units) and the scored cohort.
Returns: `add_chart_sheet(...)` adds the sheet ``Biểu đồ`` with

- a bar chart of the points every unit is ranked by, in rank order, whose data ARE the ranking sheet's cells
  (the total column, or the set formula's column such as ``Điểm D`` when the ruleset ranks by one; one row per
  unit; the unit names as categories): the chart shows what the table says;
- a section profile: a clustered bar chart with one series per section, each unit's points in the section as
  a share of the most the unit could get there (so that a section of 60 points and one of 300 compare).  The
  shares are not in any other sheet, so they are written as a table on the chart sheet itself (numbers, a
  percentage format) and the chart references that table.

Titles, axis titles and headers come from the catalogue (``report.chart_*``) in the report's language.  No
formula anywhere: the shares are values computed exactly (Fraction) and written once; user text (unit and
section names) goes through `cdsdsl.files.safe_cells.text_cell` like every other cell.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Sequence

import attrs

from cdsdsl.diagnostics import i18n
from cdsdsl.files.safe_cells import text_cell

CHART_SHEET = "Biểu đồ"


@attrs.frozen
class RankLayout:
    """Where the ranking sheet keeps what the bar chart draws (1-based rows and columns): ``total_col`` is the
    column the units are ranked by."""

    sheet: Any
    header_row: int
    unit_col: int
    total_col: int
    units: int

    @property
    def first_row(self) -> int:
        return self.header_row + 1

    @property
    def last_row(self) -> int:
        return self.header_row + self.units


def _t(key: str, lang: str, **args: Any) -> str:
    return i18n.text(f"report.chart_{key}", lang, **args)


def section_shares(result: Any, sids: Sequence[str]) -> list[float | None]:
    """A unit's points in each section as a share of the section's maximum for that unit (None: nothing to get)."""
    out: list[float | None] = []
    for sid in sids:
        total = result.sections.get(sid)
        if total is None or not total.max_points:
            out.append(None)
        else:
            out.append(float(Fraction(total.exact) / Fraction(total.max_points)))
    return out


def _name_categories(chart: Any, cats: Any) -> None:
    """Unit names as the categories of every series, as text (``strRef``: openpyxl's `set_categories` writes a
    ``numRef``, which spreadsheet programs must guess is text)."""
    from openpyxl.chart.data_source import AxDataSource, StrRef

    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(cats)))


def _bar_height(units: int) -> float:
    """Centimetres: room for every unit's name on the category axis (at least the default chart height)."""
    return max(7.5, 0.7 * units + 3)


def _ranking_chart(layout: RankLayout, lang: str) -> Any:
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "bar"  # horizontal bars: long unit names stay readable
    chart.style = 10
    chart.title = _t("ranking_title", lang, points=layout.sheet.cell(layout.header_row, layout.total_col).value)
    chart.y_axis.title = _t("points_axis", lang)
    chart.x_axis.title = _t("unit_axis", lang)
    chart.x_axis.scaling.orientation = "maxMin"  # rank 1 on top, as in the table
    chart.legend = None
    data = Reference(layout.sheet, min_col=layout.total_col, min_row=layout.header_row, max_row=layout.last_row)
    cats = Reference(layout.sheet, min_col=layout.unit_col, min_row=layout.first_row, max_row=layout.last_row)
    chart.add_data(data, titles_from_data=True)
    _name_categories(chart, cats)
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.width, chart.height = 24, _bar_height(layout.units)
    return chart


def _write_share_table(ws: Any, ranking: Sequence[Any], sids: Sequence[str], names: Sequence[str],
                       lang: str) -> int:
    """The shares table at A1: header row, then a row per unit in rank order.  Returns the header row."""
    from openpyxl.styles import Font

    header = 1
    text_cell(ws, header, 1, _t("unit_axis", lang)).font = Font(bold=True)
    for j, name in enumerate(names, 2):
        text_cell(ws, header, j, name).font = Font(bold=True)
    for i, r in enumerate(ranking, header + 1):
        text_cell(ws, i, 1, r.unit)
        for j, share in enumerate(section_shares(r, sids), 2):
            if share is not None:
                ws.cell(row=i, column=j, value=share).number_format = "0%"
    return header


def _profile_chart(ws: Any, header: int, units: int, sections: int, lang: str) -> Any:
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.style = 10
    chart.title = _t("profile_title", lang)
    chart.y_axis.title = _t("share_axis", lang)
    chart.x_axis.title = _t("unit_axis", lang)
    chart.x_axis.scaling.orientation = "maxMin"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.number_format = "0%"
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    data = Reference(ws, min_col=2, max_col=1 + sections, min_row=header, max_row=header + units)
    cats = Reference(ws, min_col=1, min_row=header + 1, max_row=header + units)
    chart.add_data(data, titles_from_data=True)
    _name_categories(chart, cats)
    chart.width, chart.height = 24, max(9.0, (0.25 * sections + 0.4) * units + 4)
    return chart


def _section_names(ruleset: Any, sids: Sequence[str], lang: str) -> list[str]:
    word = i18n.raw("report.section", lang)
    out = []
    for sid in sids:
        try:
            name = ruleset.section(sid).name
        except (KeyError, AttributeError):
            name = ""
        out.append(f"{word} {sid}: {name}" if name else f"{word} {sid}")
    return out


def add_chart_sheet(wb: Any, layout: RankLayout, cohort: Any, ruleset: Any, sids: Sequence[str], lang: str) -> Any:
    """Add ``Biểu đồ`` (last) with the ranking bar chart and, when the ruleset has sections, the section profile.

    Returns the sheet (its table's header row is row 1; the caller sets up printing), or None for a cohort
    without units (nothing to draw)."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    if layout.units == 0:
        return None
    ws = wb.create_sheet(CHART_SHEET)
    ranking = cohort.ranking()
    names = _section_names(ruleset, sids, lang)
    header = _write_share_table(ws, ranking, sids, names, lang)
    ws.column_dimensions["A"].width = 30
    for j in range(2, 2 + len(sids)):
        ws.column_dimensions[get_column_letter(j)].width = 14
    ws.freeze_panes = ws.cell(row=header + 1, column=2)
    note_row = header + layout.units + 2
    text_cell(ws, note_row, 1, _t("note", lang)).font = Font(italic=True)
    anchor_col = get_column_letter(len(sids) + 3)
    ws.add_chart(_ranking_chart(layout, lang), f"{anchor_col}1")
    if sids:
        rows_used = int(_bar_height(layout.units) / 0.5) + 3  # default row height is 0.5 cm
        ws.add_chart(_profile_chart(ws, header, layout.units, len(sids), lang), f"{anchor_col}{rows_used}")
    return ws
