"""Self-assessed and appraised values (tự đánh giá / thẩm định) and evidence (tài liệu kiểm chứng) in data files.

Takes: a wide data file (``.csv``/``.tsv``, the ``Dữ liệu`` sheet of an ``.xlsx``) and the `Ruleset`.
Returns: `read_assessment(path, ruleset)` -> `Assessment`: the units as they assessed themselves (every
input column as before), the units as appraised (an input's ``(thẩm định)`` column where filled, else the
unit's own value: an input the council did not re-enter is taken as the unit gave it), or None when the
file has no appraisal column, the evidence per unit and indicator (``1.3:tài liệu kiểm chứng``: a document
number or a link, kept as text) and the located diagnostics of both readings.

Columns (docs/data-entry.md, "Tự đánh giá và thẩm định"): ``1.3:a`` the unit's own value (``1.3:a (tự đánh
giá)`` too), ``1.3:a (thẩm định)`` (also ``[thẩm định]``, ``- thẩm định``, ``(TĐ)``) the council's, ``1.3:tài
liệu kiểm chứng`` (also ``1.3:TLKC``, ``1.3:minh chứng``) the evidence.  A file without them reads exactly as
before.  The layout readers are those of `cdsdsl.dataentry.reading`; this module only says which column
holds which value.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import attrs

from cdsdsl.dataentry.cells import _cell_str, _empty
from cdsdsl.dataentry.facts import FACTS_ITEM
from cdsdsl.dataentry.reading import Intake, _Reader, _WideTable
from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.rulesets.model import Ruleset
from cdsdsl.scoring.unitdata import Unit

__all__ = ["APPRAISED_SUFFIX", "EVIDENCE_KEY", "Assessment", "appraisal_form", "column_role", "read_assessment"]

#: how the templates name the council's column of an input, and the evidence column of an indicator
APPRAISED_SUFFIX = " (thẩm định)"
EVIDENCE_KEY = "tài liệu kiểm chứng"

_APPRAISED = re.compile(r"^(?P<base>.*?\S)\s*(?:\((?:thẩm định|tđ)\)|\[(?:thẩm định|tđ)\]|[-–:]\s*thẩm định)$",
                        re.I)
_SELF = re.compile(r"^(?P<base>.*?\S)\s*(?:\((?:tự đánh giá|tự chấm|tđg)\)|\[(?:tự đánh giá|tự chấm)\]|"
                   r"[-–:]\s*tự đánh giá)$", re.I)
_EVIDENCE = re.compile(r"^(?P<base>.*?\S)\s*[: ]\s*(?:tài liệu kiểm chứng|tlkc|minh chứng)$", re.I)


def column_role(header: Any) -> tuple[str, str]:
    """``("1.3:a", "appraised")`` for ``1.3:a (thẩm định)``; ``("1.3", "evidence")`` for ``1.3:tài liệu kiểm
    chứng``; ``(header, "self")`` otherwise (``(tự đánh giá)`` dropped)."""
    text = " ".join(_cell_str(header).split())
    for pattern, role in ((_APPRAISED, "appraised"), (_EVIDENCE, "evidence"), (_SELF, "self")):
        m = pattern.match(text)
        if m:
            return m.group("base").strip(), role
    return text, "self"


@attrs.frozen
class Assessment:
    """What a file with self-assessed and appraised values gives."""

    self_units: list[Unit]
    #: None: the file has no ``(thẩm định)`` column (one value per input, as before)
    appraised_units: list[Unit] | None
    #: ``{unit: {indicator: (evidence text, cell)}}``
    evidence: dict[str, dict[str, tuple[str, str]]]
    diagnostics: list[Diagnostic]
    #: rows read, units, rows refused (of the unit's own values)
    intake: Intake

    @property
    def units(self) -> list[Unit]:
        """The values to score: the appraised ones when the file has them, else the unit's own."""
        return self.appraised_units if self.appraised_units is not None else self.self_units


class _RoleReader(_Reader):
    """The wide reader, reading one role's values: ``"self"`` or ``"appraised"``."""

    def __init__(self, ruleset: Ruleset, path: Path, role: str) -> None:
        super().__init__(ruleset, path)
        self.role = role
        self.role_cols: dict[int, str] = {}  # column -> "appraised" | "evidence"
        self.appraised_cols: dict[int, tuple[str, str]] = {}
        self.evidence_cols: dict[int, str] = {}
        self.self_col: dict[tuple[str, str], int] = {}
        self.evidence: dict[str, dict[str, tuple[str, str]]] = {}

    def wide_columns(self, header: list[Any], header_idx: int, skip: set[int | None],
                     cell: Any) -> dict[int, tuple[str, str]]:
        roles = [column_role(h) if not _empty(h) else ("", "self") for h in header]
        plain = [roles[j][0] if roles[j][1] == "self" and not _empty(h) else h if _empty(h) else None
                 for j, h in enumerate(header)]
        cols = super().wide_columns(plain, header_idx, skip, cell)
        self.self_col = {key: j for j, key in cols.items()}
        for j, (base, role) in enumerate(roles):
            if role == "self":
                continue
            self.role_cols[j] = role
            if role == "evidence":
                item = self.indicator_key(base)
                if item is None:
                    self.diag("CDS802", cell(header_idx, j), column=_cell_str(header[j]))
                else:
                    self.evidence_cols[j] = item
                continue
            key = self.column(base)
            if key is None:
                self.unknown_column(base, cell(header_idx, j))
            else:
                self.appraised_cols[j] = key
        if self.role == "appraised":
            cols.update(self.appraised_cols)
        return cols

    def wide_row(self, table: _WideTable, i: int, row: list[Any]) -> None:
        if not self.role_cols:  # a file with one value per input: read as before
            super().wide_row(table, i, row)
            return
        table = attrs.evolve(table, skip=table.skip | set(self.role_cols))
        name = _cell_str(row[table.unit_col]) if table.unit_col < len(row) else ""
        for j, item in self.evidence_cols.items():
            if j < len(row) and not _empty(row[j]) and name:
                self.evidence.setdefault(name, {})[item] = (_cell_str(row[j]), table.cell(i, j))
        if self.role == "appraised":
            row = list(row)
            for j, key in self.appraised_cols.items():
                own = self.self_col.get(key)
                if j < len(row) and not _empty(row[j]) and own is not None and own < len(row):
                    row[own] = None  # the council's value replaces the unit's, at its own cell
        super().wide_row(table, i, row)


def read_assessment(path: str | Path, ruleset: Ruleset) -> Assessment:
    """The self-assessed units, the appraised ones (None without a ``(thẩm định)`` column) and the evidence."""
    own = _RoleReader(ruleset, Path(path), "self")
    own.read()
    intake = Intake(own.fname, own.rows_read, len(own.units), tuple(own.refused))
    if not own.appraised_cols:
        return Assessment(own.units, None, own.evidence, own.diags, intake)
    council = _RoleReader(ruleset, Path(path), "appraised")
    council.read()
    seen = {(d.code, d.arguments.get("where"), d.message()) for d in own.diags}
    diags = own.diags + [d for d in council.diags if (d.code, d.arguments.get("where"), d.message()) not in seen]
    return Assessment(own.units, council.units, own.evidence, diags, intake)


def appraisal_form(form: Any) -> Any:
    """The wide form for an appraisal: after each input its council's column (``1.3:a (thẩm định)``), after
    each indicator its evidence column (``1.3:tài liệu kiểm chứng``), for `cds template --tham-dinh`."""
    fields: list[Any] = []
    items = [f.indicator for f in form.fields]
    for n, f in enumerate(form.fields):
        fields.append(f)
        fields.append(attrs.evolve(f, key=f.key + APPRAISED_SUFFIX,
                                   description=f"{f.description} — giá trị thẩm định "
                                               "(để trống: giữ giá trị tự đánh giá)"))
        last = n + 1 == len(items) or items[n + 1] != f.indicator
        if last and f.indicator != FACTS_ITEM:
            fields.append(attrs.evolve(f, key=EVIDENCE_KEY, kind="text", unit=None, choices=(), max_points=None,
                                       constant=None,
                                       description="Tài liệu kiểm chứng: số, ngày văn bản hoặc đường dẫn"))
    return attrs.evolve(form, fields=tuple(fields))
