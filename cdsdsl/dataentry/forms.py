"""Data-entry forms (mẫu nhập số liệu) and reading the units' filled data: the public names, in one place.

Takes: a `Ruleset` (for the form) and a filled form or a cohort file
(`.xlsx`, `.csv`, `.tsv`, `.json`) for reading.
Returns: `form_fields(ruleset)`: one `FormField` per value a unit must supply,
built by parsing and resolving each indicator's effective formula (an
indicator with no scoring text has one field ``điểm``: points entered
directly, 0..max); `write_template(ruleset, path)` writes the empty form;
`read_units(path, ruleset)` reads the units' data as `cdsdsl.scoring.unitdata.Unit`s
plus a list of located diagnostics (CDS8xx).  Cells are kept *as read*
(str, int, Decimal; a list of option texts for a several-option field):
numbers are parsed by the scorer, which also reports missing inputs.  Option
cells are checked here and stored as the exact choice text.

Layouts (docs/data-entry.md):
- ``Mẫu`` sheet (one sheet per unit): a row per input
  ``Chỉ số | Tên chỉ số | Mã ô | Mô tả | Kiểu | Đơn vị tính | Lựa chọn cho phép | Giá trị``,
  the unit's name in ``B2`` (``Đơn vị``) and its priority-sector group in ``B3`` (``Lĩnh vực``);
- wide (``Dữ liệu`` sheet, ``.csv``/``.tsv``): a row per unit, first column ``Đơn vị``,
  then ``Lĩnh vực`` when the ruleset has groups, then a column per input named
  ``1.3:a`` (indicator:input key).  Rows whose first cell starts with ``#`` are comments.
- ``.json``: ``{"units": [{"name": ..., "group": ..., "values": {"1.3": {"a": 9}}}]}``
  or ``{"Huyện A": {"1.3": {"a": 9}}}``.

The work is done by the modules of `cdsdsl.dataentry`, one per job: `fields` (what a unit fills in),
`template` (writing the empty form), `cells` (a cell's text), `values` (a cell's typed value and location),
`textrows` (a text file's row shapes) and `reading` (the layouts and file formats).  This module (also
importable as `cdsdsl.forms`) re-exports their public names.
"""
from __future__ import annotations

from cdsdsl.dataentry.cells import MAX_DIGITS
from cdsdsl.dataentry.fields import (
    CHOICES_SHEET,
    DATA_SHEET,
    FORM_COLUMNS,
    GROUP_HEADER,
    GUIDE_SHEET,
    ILLUSTRATION_NOTE,
    KIND_LABELS,
    TEMPLATE_SHEET,
    UNIT_HEADER,
    Form,
    FormField,
    build_form,
    form_fields,
    indicator_program,
)
from cdsdsl.dataentry.reading import Intake, read_units, read_units_counted
from cdsdsl.dataentry.template import instructions, template_csv, write_template

__all__ = [
    "FormField", "Form", "build_form", "form_fields", "write_template", "template_csv", "read_units",
    "KIND_LABELS", "TEMPLATE_SHEET", "DATA_SHEET", "GUIDE_SHEET", "CHOICES_SHEET", "UNIT_HEADER", "GROUP_HEADER",
    "FORM_COLUMNS", "Intake", "read_units_counted", "MAX_DIGITS", "ILLUSTRATION_NOTE", "indicator_program",
    "instructions",
]
