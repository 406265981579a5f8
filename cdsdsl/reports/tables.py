"""Result tables and report workbooks: what `cds score`, `cds rank` and `cds explain` show.

Takes: a `scoring.CohortResult` (and, for explanations, the units' data it was
scored from).
Returns: `Table`s (columns and rows of exact values: `Decimal` points, text)
that render as a terminal table (tabulate, Vietnamese decimal commas), CSV
(decimal points, for tools) or JSON records (exact strings), and
`write_report_xlsx`: a workbook for people who have never seen the engine,
with the sheets ``Xếp hạng`` (rank, unit, total, per-section totals, maxima),
``Điểm theo chỉ số`` (points per indicator per unit, with names and maxima)
and ``Lý do mất điểm`` (unit, indicator, points lost, reason).

Only formats: the points themselves come from `scoring`, the reasons from
`explain`.  No state is kept between calls.

The work is done by `cdsdsl.reports.render` (`Table`, `Column`, `vi_number`: showing a table),
`cdsdsl.reports.cohort_tables` (the tables of a cohort) and `cdsdsl.reports.workbook` (the .xlsx report);
this module (and `cdsdsl.reports`) re-exports their names.
"""
from __future__ import annotations

from cdsdsl.reports.cohort_tables import (
    _round as _round,
)
from cdsdsl.reports.cohort_tables import (
    explain_table,
    indicator_explanation,
    indicator_table,
    lost_points_table,
    rank_table,
    score_table,
)
from cdsdsl.reports.cohort_tables import (
    ruleset_of as ruleset_of,
)
from cdsdsl.reports.render import Column, Table, vi_number
from cdsdsl.reports.render import fit_table as fit_table
from cdsdsl.reports.workbook import INDICATOR_SHEET, LOST_SHEET, RANK_SHEET, write_report_xlsx

__all__ = [
    "Column", "Table", "score_table", "rank_table", "indicator_table", "lost_points_table", "explain_table",
    "indicator_explanation", "write_report_xlsx", "vi_number", "RANK_SHEET", "INDICATOR_SHEET", "LOST_SHEET",
]
