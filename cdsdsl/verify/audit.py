"""Audit a published results table: does it agree with itself (and the ruleset)?

Takes: a `ResultsTable` (see `results_table.py`) or a file path, and
optionally a ruleset (a loaded one, or the path of a ``.cds`` file).
Returns: a list of `Diagnostic` (codes CDS7xx), in table order, each naming
the indicator and pointing at the cell concerned:

- a cell of a number column that is not a number (CDS702);
- points above the indicator's maximum (CDS703) or below zero (CDS704);
- a section whose stated maximum or points differ from the sum of its
  indicators (CDS705, CDS706), a total row that differs from the sum of the
  sections (CDS707, CDS708), an indicator that differs from the sum of its
  sub-indicators, 5.12 = 5.12.1 + … (CDS709, CDS710);
- an id used twice (CDS711) and an id a spreadsheet garbled, 6.20 shown as
  6.2 (CDS712);
- with a ruleset: a maximum that differs from the ruleset's (CDS713), and
  points that differ from the indicator's formula recomputed with the raw
  figures the reason column gives (``7/21``, ``… : 77; … : 8333``) (CDS714).

Sums are exact (`Decimal`).  A difference is reported only when it is a real
inconsistency, not the rounding of the published numbers: parts shown with
*d* decimals may each be off by half a unit of their last decimal, so a sum
whose difference is within the rounding of its non-whole parts and of the
stated number (at least the column's usual precision), or that equals the
stated number once rounded to the stated number's decimals, is consistent.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Iterable

from cdsdsl.diagnostics.core import CdsError, Diagnostic, Severity
from cdsdsl.verify.results_table import Cell, ResultsTable, Row, read_table

__all__ = ["audit_table", "audit_file", "extract_figures", "has_errors"]


# ---------------------------------------------------------------------------
# exact comparison at the table's precision
# ---------------------------------------------------------------------------
def _half_unit(decimals: int) -> Decimal:
    return Decimal(5) / Decimal(10) ** (decimals + 1)


def _is_whole(value: Decimal) -> bool:
    return value == value.to_integral_value()


def _agrees(stated: Cell, parts: list[Cell], precision: int) -> bool:
    """True when ``stated`` can be the sum of ``parts`` given how both are rounded."""
    assert stated.number is not None
    computed = sum((p.number for p in parts if p.number is not None), Decimal(0))
    diff = abs(stated.number - computed)
    if diff == 0:
        return True
    allowance = _half_unit(max(stated.decimals, precision))
    for p in parts:
        if p.number is not None and not _is_whole(p.number):
            allowance += _half_unit(max(p.decimals, precision))
    if diff <= allowance:
        return True
    if stated.decimals >= 1:
        q = Decimal(1).scaleb(-stated.decimals)
        if computed.quantize(q, rounding=ROUND_HALF_UP) == stated.number:
            return True
    return False


def _points_agree(published: Cell, computed: Decimal, precision: int) -> bool:
    assert published.number is not None
    if abs(published.number - computed) <= _half_unit(max(published.decimals, precision)):
        return True
    q = Decimal(1).scaleb(-published.decimals)
    return computed.quantize(q, rounding=ROUND_HALF_UP) == published.number


# ---------------------------------------------------------------------------
# raw figures in the reason column
# ---------------------------------------------------------------------------
_NUM = r"\d{1,3}(?:[. ]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_FRACTION = re.compile(rf"(?<![\d/.,])({_NUM})\s*/\s*({_NUM})(?![\d/]|[.,]\d)(?!\s*\*?\s*[đĐ]i[eêể]m)")
_AFTER_COLON = re.compile(rf"(?::|\blà\b)\s*({_NUM})(?![\d/%]|[.,]\d|\s*%)")


def _figure(text: str) -> Decimal:
    t = text.replace("\u00a0", " ")
    if re.fullmatch(r"\d{1,3}(?:[. ]\d{3})+(?:,\d+)?", t):
        t = t.replace(".", "").replace(" ", "")
    return Decimal(t.replace(",", "."))


def extract_figures(reason: str) -> list[Decimal] | None:
    """The two raw figures a reason gives, in the order written, or None.

    ``"... trên địa bàn: 656/1669 (Tỷ lệ >10% ...)"`` → ``[656, 1669]``;
    ``"...: 77 (Vụ QLDN cung cấp); Số lượng DN: 8333"`` → ``[77, 8333]``;
    ``"- Tổng số ... là : 4 - Tổng số ...: 10"`` → ``[4, 10]``.  Dates
    (``15/7/2020``), document numbers (``3331/QĐ-UBND``), percentages and
    fractions of the maximum (``1/2 Điểm tối đa``) are not figures.  Returns
    None unless exactly one fraction, or else exactly two figures after
    colons, are found.
    """
    if not reason:
        return None
    fractions = _FRACTION.findall(reason)
    if len(fractions) == 1:
        try:
            return [_figure(fractions[0][0]), _figure(fractions[0][1])]
        except InvalidOperation:
            return None
    if fractions:
        return None
    figures = _AFTER_COLON.findall(reason)
    if len(figures) == 2:
        try:
            return [_figure(f) for f in figures]
        except InvalidOperation:
            return None
    return None


# ---------------------------------------------------------------------------
# the audit
# ---------------------------------------------------------------------------
def has_errors(diags: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diags)


class _Auditor:
    def __init__(self, table: ResultsTable) -> None:
        self.t = table
        self.out: list[Diagnostic] = []
        self.precision = {role: table.precision(role) for role in ("max", "achieved")}

    def n(self, value: Decimal) -> str:
        return self.t.format_number(value)

    def diag(self, code: str, at: Cell | None, row: Row | None, **args: Any) -> None:
        self.out.append(Diagnostic.make(code, at.span if at is not None else None,
                                        source=self.t.source,
                                        item=(row.id or None) if row is not None else None, **args))

    # -- single cells -------------------------------------------------------
    def cells(self) -> None:
        for row in self.t.rows:
            label = row.id or row.name
            for role in ("max", "achieved"):
                c = row.cells[role]
                if c.error:
                    self.diag("CDS702", c, row, id=label, cell=c.ref, text=c.text)
                elif c.number is not None and c.number < 0:
                    self.diag("CDS704", c, row, id=label, value=self.n(c.number), cell=c.ref)
            a, m = row.cells["achieved"], row.cells["max"]
            if a.number is not None and m.number is not None and a.number > m.number and a.number >= 0:
                self.diag("CDS703", a, row, id=label, achieved=self.n(a.number), max=self.n(m.number),
                          cell=a.ref)

    # -- ids ------------------------------------------------------------------
    def ids(self) -> None:
        seen: dict[str, Row] = {}
        numeric = [r for r in self.t.rows if r.id]
        for i, row in enumerate(numeric):
            if row.intended_id:
                parent = row.intended_id.rpartition(".")[0]
                prev = next((r for r in reversed(numeric[:i]) if r.key.rpartition(".")[0] == parent), None)
                nxt = next((r for r in numeric[i + 1:] if r.key.rpartition(".")[0] == parent), None)
                self.diag("CDS712", row.cells["id"], row, id=row.id, intended=row.intended_id,
                          previous=prev.id if prev else "—", next=nxt.id if nxt else "—")
            first = seen.get(row.id)
            if first is not None:
                self.diag("CDS711", row.cells["id"], row, id=row.id, line=row.line, first_line=first.line)
            else:
                seen[row.id] = row

    # -- sums -----------------------------------------------------------------
    def _sum(self, row: Row, parts: list[Row], codes: tuple[str, str], **extra: Any) -> None:
        if not parts:
            return
        for role, code in zip(("max", "achieved"), codes, strict=False):
            stated = row.cells[role]
            cells = [p.cells[role] for p in parts]
            if stated.number is None or stated.error or any(c.error for c in cells):
                continue
            if all(c.number is None for c in cells):
                continue  # no breakdown published
            if _agrees(stated, cells, self.precision[role]):
                continue
            computed = sum((c.number for c in cells if c.number is not None), Decimal(0))
            self.diag(code, stated, row, id=row.id, stated=self.n(stated.number), computed=self.n(computed),
                      difference=self.n(abs(stated.number - computed)),
                      first=parts[0].id, last=parts[-1].id, **extra)

    def sums(self) -> None:
        t = self.t
        for row in t.rows:
            if row.is_total:
                continue
            kids = t.children(row)
            if row.is_section:
                self._sum(row, kids, ("CDS705", "CDS706"))
            else:
                self._sum(row, kids, ("CDS709", "CDS710"))
        total = t.total
        if total is not None:
            parts = t.sections or [r for r in t.items if "." not in r.key]
            if parts:
                self._sum(total, parts, ("CDS707", "CDS708"))

    # -- ruleset --------------------------------------------------------------
    def ruleset(self, ruleset: Any, evaluate: Callable[..., Any]) -> None:
        for row in self.t.items:
            ind = _indicator(ruleset, row.key)
            if ind is None:
                continue
            m = row.cells["max"]
            expected = _decimal(getattr(ind, "max_points", None))
            if m.number is not None and expected is not None and m.number != expected:
                self.diag("CDS713", m, row, id=row.id, stated=self.n(m.number), expected=self.n(expected))
                continue  # recomputing with the other maximum would only repeat this finding
            a = row.cells["achieved"]
            if a.number is None or a.error:
                continue
            figures = extract_figures(row.reason)
            formula = getattr(ind, "effective_formula", None)
            if figures is None or not formula:
                continue
            maxp = expected if expected is not None else m.number
            results = []
            for first, second in (figures, figures[::-1]):
                try:
                    value = evaluate(formula, maxp, {"a": first, "b": second})
                except CdsError:  # a formula that needs more than a and b, a cohort method …
                    continue
                value = _decimal(value)
                if value is not None:
                    results.append(value)
            if not results:
                continue
            if any(_points_agree(a, v, self.precision["achieved"]) for v in results):
                continue
            self.diag("CDS714", a, row, id=row.id, stated=self.n(a.number), computed=self.n(_round(results[0])),
                      figures=f"a = {self.n(figures[0])}, b = {self.n(figures[1])}")


def _round(value: Decimal, places: int = 4) -> Decimal:
    q = Decimal(1).scaleb(-places)
    exponent = value.as_tuple().exponent  # a str for NaN and infinities: kept as they are
    return value.quantize(q, rounding=ROUND_HALF_UP).normalize() if isinstance(exponent, int) and exponent < -places \
        else value


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, float):
        return Decimal(repr(value))
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _indicator(ruleset: Any, key: str) -> Any:
    try:
        return ruleset.indicator(key)
    except (LookupError, CdsError):  # an id the ruleset lacks
        return None


def audit_table(table: ResultsTable, ruleset: Any = None, *,
                evaluate: Callable[..., Any] | None = None) -> list[Diagnostic]:
    """All findings on ``table``, in table order.

    ``ruleset`` is a loaded ruleset (``.indicator(id)`` with ``.max_points``
    and ``.effective_formula``); ``evaluate`` defaults to
    `cdsdsl.evaluate_formula`.
    """
    a = _Auditor(table)
    a.cells()
    a.ids()
    a.sums()
    if ruleset is not None:
        from cdsdsl.evaluate.interpret import evaluate_formula

        a.ruleset(ruleset, evaluate if evaluate is not None else evaluate_formula)
    order = {code: i for i, code in enumerate(sorted({d.code for d in a.out}))}
    return sorted(a.out, key=lambda d: (d.position[0] if d.position else 0, order[d.code]))


def audit_file(path: str | Path, ruleset: Any = None, *,
               evaluate: Callable[..., Any] | None = None) -> list[Diagnostic]:
    """Read the table at ``path`` (text, .csv, .tsv, .xlsx) and audit it.

    ``ruleset`` may be a loaded ruleset or the path of a ruleset file.
    Raises `DataError` when the file is not a results table.
    """
    table = read_table(path)
    if isinstance(ruleset, (str, Path)):
        from cdsdsl.rulesets.model import load_ruleset

        ruleset = load_ruleset(ruleset)
    return audit_table(table, ruleset, evaluate=evaluate)
