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
"""
from __future__ import annotations

import csv
import io
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Iterable, Sequence

import attrs

from cdsdsl.evaluate.runtime import round_points
from cdsdsl.files.safe_cells import csv_field, save_workbook, text_cell

__all__ = [
    "Column", "Table", "score_table", "rank_table", "indicator_table", "lost_points_table", "explain_table",
    "indicator_explanation", "write_report_xlsx", "vi_number", "RANK_SHEET", "INDICATOR_SHEET", "LOST_SHEET",
]

RANK_SHEET = "Xếp hạng"
INDICATOR_SHEET = "Điểm theo chỉ số"
LOST_SHEET = "Lý do mất điểm"

_WORDS = {
    "rank": ("Hạng", "Rank"),
    "unit": ("Đơn vị", "Unit"),
    "group": ("Lĩnh vực", "Sector"),
    "total": ("Tổng điểm", "Total"),
    "max": ("Tối đa", "Max"),
    "section": ("Mục", "Section"),
    "group_points": ("Lĩnh vực ưu tiên", "Priority sector"),
    "indicator": ("Chỉ số", "Indicator"),
    "name": ("Tên chỉ số", "Indicator name"),
    "points": ("Điểm", "Points"),
    "lost": ("Điểm bị mất", "Points lost"),
    "reason": ("Lý do mất điểm", "Reason"),
    "trace": ("Cách tính", "Working"),
    "status": ("Ghi chú", "Note"),
    "incomplete": ("(*) chưa chấm được đầy đủ: có chỉ số không chấm được, tính 0 điểm (xem thông báo lỗi).",
                   "(*) not fully scored: some indicators could not be scored and count 0 (see the messages)."),
    "not_applicable": ("không áp dụng", "not applicable"),
    "not_scored": ("không chấm được", "not scored"),
    "entered": ("điểm do đơn vị tự chấm", "points entered by the unit"),
    "children": ("tổng điểm các chỉ số con", "sum of the sub-indicators"),
    "full": ("Đạt điểm tối đa.", "Full points."),
}


def _w(key: str, lang: str) -> str:
    vi, en = _WORDS[key]
    return en if lang == "en" else vi


# ---------------------------------------------------------------- numbers

def vi_number(value: Any, lang: str = "vi", digits: int | None = None) -> str:
    """``Decimal("635.19")`` → ``635,19`` (``1 000,50`` above a thousand); English: ``1,000.50``.

    Decimals are kept as the value has them (points are rounded once by the scorer, so
    a column lines up); a `Fraction` is shown with ``digits`` (default 2) decimals,
    trailing zeros dropped.  ``None`` is an empty string."""
    if value is None:
        return ""
    if isinstance(value, Fraction):
        d = round_points(value, 2 if digits is None else digits)
        text = format(d, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    elif isinstance(value, int):
        text = str(value)
    else:
        text = format(Decimal(value), "f")
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    sep, dec = (",", ".") if lang == "en" else (" ", ",")
    return sign + sep.join(groups) + (dec + frac if frac else "")


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

        body = [[self.cell_text(v, c, lang) for v, c in zip(row, self.columns)] for row in self.rows]
        out = tabulate(body, headers=[c.header for c in self.columns], tablefmt=tablefmt, disable_numparse=True,
                       colalign=["right" if c.numeric else "left" for c in self.columns])
        headers = [c.header for c in self.columns]
        numeric = [c.numeric for c in self.columns]
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
        return [{c.key: _exact_str(v) for c, v in zip(self.columns, row)} for row in self.rows]


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
    room = width - 2 * (n - 1) - sum(w for w, num in zip(widths, numeric) if num)
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
        wrapped = [_wrap_cell(c, w) for c, w in zip(cells, widths)]
        height = max(len(x) for x in wrapped)
        return ["  ".join(pad(x[i] if i < len(x) else "", w, num) for x, w, num in zip(wrapped, widths, numeric))
                .rstrip() for i in range(height)]

    lines = block(headers)
    lines.append("  ".join("-" * w for w in widths))
    for row in body:
        lines.extend(block(row))
    return "\n".join(lines)


def fit_table(headers: Sequence[str], body: Sequence[Sequence[str]], numeric: Sequence[bool], width: int) -> str:
    """The table laid out to at most ``width`` columns (see `Table.text`)."""
    headers = [h.replace("\n", " ") if num else h for h, num in zip(headers, numeric)]
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
                  else _min_text_width([hh, *[r[i] for r in rows]]) for i, (hh, num) in enumerate(zip(h, nums))]
        out.append(_render(h, rows, nums, ws))
    return "\n\n".join(out)


# ---------------------------------------------------------------- cohort helpers

def ruleset_of(cohort: Any) -> Any:
    """The `Ruleset` a cohort was scored with (None for an empty cohort)."""
    for r in cohort.results:
        if r.compiled is not None:
            return r.compiled.ruleset
    return None


def _policy(cohort: Any) -> tuple[int, str]:
    for r in cohort.results:
        if r.compiled is not None:
            return r.compiled.policy.digits, r.compiled.policy.rounding
    return 2, "half_up"


def _round(cohort: Any, value: Fraction) -> Decimal:
    digits, mode = _policy(cohort)
    return round_points(value, digits, mode)


def _section_ids(cohort: Any) -> list[str]:
    ids: list[str] = []
    for r in cohort.results:
        for k in r.sections:
            if k not in ids:
                ids.append(k)
    return ids


def _section_max(cohort: Any, sid: str) -> Fraction:
    """A section's maximum: the most any unit could get (units may have indicators that do not apply)."""
    return max((r.sections[sid].max_points for r in cohort.results if sid in r.sections), default=Fraction(0))


def _set_name(ruleset: Any) -> str | None:
    sf = getattr(ruleset, "set_formula", None)
    if sf is None:
        return None
    name = sf.text.split("=", 1)[0].strip()
    return name if name and len(name) <= 12 else "D"


def _unit_label(r: Any) -> str:
    return r.unit if r.complete else f"{r.unit} (*)"


def _summary_columns(cohort: Any, lang: str, *, ranked: bool) -> tuple[list[Column], list[str]]:
    rs = ruleset_of(cohort)
    cols: list[Column] = []
    if ranked:
        cols.append(Column("rank", _w("rank", lang), True))
    cols.append(Column("unit", _w("unit", lang)))
    has_groups = bool(getattr(rs, "groups", ()))
    if has_groups:
        cols.append(Column("group", _w("group", lang)))
    set_name = _set_name(rs)
    if set_name:
        cols.append(Column("set_total", f"{_w('points', lang)} {set_name}", True))
    cols.append(Column("total", _w("total", lang), True))
    cols.append(Column("max", _w("max", lang), True))
    sids = _section_ids(cohort)
    for sid in sids:
        cols.append(Column(f"section:{sid}", f"{_w('section', lang)} {sid}\n({vi_number(_section_max(cohort, sid), lang)})",
                           True))
    if has_groups:
        cols.append(Column("group_points", _w("group_points", lang), True))
        cols.append(Column("group_max", f"{_w('group_points', lang)}: {_w('max', lang).lower()}", True))
    return cols, sids


def _section_legend(cohort: Any, sids: Sequence[str], lang: str) -> str:
    rs = ruleset_of(cohort)
    parts = []
    for sid in sids:
        try:
            sec = rs.section(sid)
        except (KeyError, AttributeError):
            continue
        parts.append(f"{_w('section', lang)} {sid}: {sec.name}")
    return "; ".join(parts)


def _summary_row(cohort: Any, r: Any, cols: Sequence[Column], sids: Sequence[str], *, label: bool) -> tuple:
    out: list[Any] = []
    group_total = r.groups.get(r.group) if r.group else None
    for c in cols:
        k = c.key
        if k == "rank":
            out.append(r.rank)
        elif k == "unit":
            out.append(_unit_label(r) if label else r.unit)
        elif k == "group":
            out.append(r.group or "")
        elif k == "set_total":
            out.append(r.set_total)
        elif k == "total":
            out.append(r.total)
        elif k == "max":
            out.append(r.max_points)
        elif k.startswith("section:"):
            sid = k.split(":", 1)[1]
            out.append(_round(cohort, r.sections[sid].exact) if sid in r.sections else None)
        elif k == "group_points":
            out.append(_round(cohort, group_total.exact) if group_total is not None else None)
        elif k == "group_max":
            out.append(group_total.max_points if group_total is not None else None)
        else:  # pragma: no cover - every column above is handled
            out.append(None)
    return tuple(out)


def _summary(cohort: Any, results: Iterable[Any], lang: str, *, ranked: bool, label: bool) -> Table:
    cols, sids = _summary_columns(cohort, lang, ranked=ranked)
    rows = tuple(_summary_row(cohort, r, cols, sids, label=label) for r in results)
    notes = []
    legend = _section_legend(cohort, sids, lang)
    if legend:
        notes.append(legend)
    if label and any(not r.complete for r in cohort.results):
        notes.append(_w("incomplete", lang))
    if label and getattr(cohort, "intake", None) is not None:  # rows read vs units scored: none dropped silently
        notes.append(cohort.intake.line(len(cohort.results), lang))
    return Table(tuple(cols), rows, tuple(notes))


def score_table(cohort: Any, lang: str = "vi", *, label: bool = True) -> Table:
    """Points per unit in the data's order: total, maximum, per section (and priority sector).

    ``label`` marks units not fully scored with ``(*)`` and adds the notes (for people)."""
    return _summary(cohort, cohort.results, lang, ranked=False, label=label)


def rank_table(cohort: Any, lang: str = "vi", *, label: bool = True) -> Table:
    """The ranking: rank (ties share a rank: 1, 2, 2, 4), unit, total, section totals, sorted."""
    return _summary(cohort, cohort.ranking(), lang, ranked=True, label=label)


def indicator_table(cohort: Any, lang: str = "vi") -> Table:
    """One row per indicator (id, name, maximum) and one column per unit with its points."""
    rs = ruleset_of(cohort)
    results = cohort.ranking()
    cols = [Column("indicator", _w("indicator", lang)), Column("name", _w("name", lang)),
            Column("max", _w("max", lang), True)]
    cols += [Column(f"unit:{r.unit}", r.unit, True) for r in results]
    rows = []
    for ind in (rs.indicators if rs is not None else ()):
        row: list[Any] = [ind.key, ind.name, ind.max_points]
        for r in results:
            ir = r.indicators.get(ind.key)
            if ir is None or ir.status == "not_applicable":
                row.append(None)
            else:
                row.append(ir.points)
        rows.append(tuple(row))
    return Table(tuple(cols), tuple(rows))


# ---------------------------------------------------------------- explanations

def indicator_explanation(cohort: Any, unit_result: Any, key: str, unit: Any = None,
                          lang: str = "vi") -> tuple[list[str], str]:
    """(working lines, reason) for one indicator of one unit.

    The working re-runs the reference interpreter on the unit's data for its trace
    (``Tỷ lệ = 7/21 = 33,33%``, the case matched); the reason is the "Lý do mất điểm"
    sentence of `explain`, or the message that stopped the indicator from being scored."""
    from cdsdsl.evaluate.explain import explain_outcome
    from cdsdsl.evaluate.interpret import evaluate_program

    r = unit_result.indicators[key]
    if r.status == "not_applicable":
        return [], _w("not_applicable", lang)
    if r.status == "error":
        return [], "; ".join(d.message(lang) for d in r.diagnostics[:1]) or _w("not_scored", lang)
    lost = (r.max_points or Fraction(0)) - (r.exact or Fraction(0))
    cr = unit_result.compiled
    c = cr.by_key.get(key) if cr is not None else None
    if r.status == "scored" and unit is not None and c is not None and c.program is not None:
        from cdsdsl.diagnostics.core import CdsError

        try:
            outcome = evaluate_program(
                c.program, unit.values.get(key, {}), cohort=(getattr(cohort, "stats", None) or {}).get(key),
                item_points={k: v.exact for k, v in unit_result.indicators.items() if v.exact is not None},
                policy=cr.policy, unit=unit_result.unit)
        except CdsError as exc:  # the scorer succeeded, so this is unexpected: show why
            return [], "; ".join(d.message(lang) for d in exc.diagnostics[:1])
        lines = [ln.strip() for ln in explain_outcome(outcome, lang=lang,
                                                      extremes=_extremes(cohort, c, cr)).splitlines()]
        return lines[1:-1], lines[-1] if len(lines) > 1 else ""
    if lost <= 0:
        return [], _w("full", lang)
    how = _w("entered", lang) if r.status == "entered" else _w("children", lang) if r.status == "children" else ""
    if r.status == "children":  # name the sub-indicators that lost points
        kids = [(k, ir) for k, ir in unit_result.indicators.items()
                if c is not None and k in c.children and ir.max_points is not None
                and ir.status != "not_applicable" and (ir.max_points - (ir.exact or Fraction(0))) > 0]
        if kids:
            word = "lost" if lang == "en" else "mất"
            how += ": " + ", ".join(f"{k} {word} {vi_number(ir.max_points - (ir.exact or Fraction(0)), lang)}"
                                    for k, ir in kids)
    elif r.status == "entered" and r.exact is not None:
        how += f": {vi_number(r.exact, lang)}/{vi_number(r.max_points or 0, lang)}"
    amount = vi_number(lost, lang)
    reason = (f"Lost {amount} points" if lang == "en" else f"Mất {amount} điểm") + (f" ({how})." if how else ".")
    return [], reason


_EXTREMES: list = []  # the recent (cohort, indicator key, names) so a report does not recompute them


def _extremes(cohort: Any, c: Any, cr: Any) -> Any:
    """For a cohort indicator: ``names(quantity key) -> (units with the lowest value, units with the highest)``,
    read from every unit's data the way the cohort statistics were (units it does not apply to left out)."""
    if cohort is None or c is None or c.program is None or not c.program.needs_cohort:
        return None
    for co, key, table in _EXTREMES:
        if co is cohort and key == c.key:
            return table.get
    from cdsdsl.diagnostics.core import CdsError
    from cdsdsl.evaluate.interpret import unit_quantities

    stats = (getattr(cohort, "stats", None) or {}).get(c.key) or {}
    table: dict[str, tuple[list[str], list[str]]] = {}
    for u in getattr(cohort, "units", ()):
        if not cr.applies(c, u):
            continue
        try:
            got = unit_quantities(c.program, u.values.get(c.key, {}), unit=u.name, policy=cr.policy)
        except CdsError:
            continue
        for q, v in got.items():
            st = stats.get(q)
            if st is None or isinstance(v, CdsError) or v is None:
                continue
            low, high = table.setdefault(q, ([], []))
            if v == st[0]:
                low.append(u.name)
            if v == st[1]:
                high.append(u.name)
    _EXTREMES.append((cohort, c.key, table))
    del _EXTREMES[:-32]  # one cohort's cohort indicators fit: a report asks unit by unit, indicator by indicator
    return table.get


def explain_table(cohort: Any, unit_result: Any, unit: Any = None, lang: str = "vi") -> Table:
    """One unit, indicator by indicator: points, maximum, points lost, working and reason."""
    cols = (Column("indicator", _w("indicator", lang)), Column("name", _w("name", lang)),
            Column("points", _w("points", lang), True), Column("max", _w("max", lang), True),
            Column("lost", _w("lost", lang), True), Column("trace", _w("trace", lang)),
            Column("reason", _w("reason", lang)))
    rows = []
    for key, r in unit_result.indicators.items():
        trace, reason = indicator_explanation(cohort, unit_result, key, unit, lang)
        lost = None
        if r.status not in ("not_applicable",) and r.max_points is not None:
            lost = _round(cohort, r.max_points - (r.exact or Fraction(0)))
        points = r.points if r.status != "error" else None
        rows.append((key, r.name, points, r.max_points, lost, "\n".join(trace), reason))
    return Table(cols, tuple(rows))


def lost_points_table(cohort: Any, lang: str = "vi") -> Table:
    """Every (unit, indicator) that lost points, with the reason, units in ranking order."""
    cols = (Column("rank", _w("rank", lang), True), Column("unit", _w("unit", lang)),
            Column("indicator", _w("indicator", lang)), Column("name", _w("name", lang)),
            Column("points", _w("points", lang), True), Column("max", _w("max", lang), True),
            Column("lost", _w("lost", lang), True), Column("reason", _w("reason", lang)))
    units = {u.name: u for u in getattr(cohort, "units", ())}
    rows = []
    for r in cohort.ranking():
        for key, ir in r.indicators.items():
            if ir.status == "not_applicable" or ir.max_points is None:
                continue
            lost = ir.max_points - (ir.exact or Fraction(0))
            if lost <= 0 and ir.status != "error":
                continue
            _, reason = indicator_explanation(cohort, r, key, units.get(r.unit), lang)
            rows.append((r.rank, r.unit, key, ir.name, ir.points if ir.status != "error" else None,
                         ir.max_points, _round(cohort, lost), reason))
    return Table(cols, tuple(rows))


# ---------------------------------------------------------------- workbook

def _xlsx_value(value: Any) -> Any:
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else float(value)
    return value


def _write_sheet(ws: Any, table: Table, title_lines: Sequence[str], widths: dict[str, int],
                 digits: int) -> None:
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
    number_format = "0" if digits == 0 else "0." + "0" * digits
    for i, values in enumerate(table.rows, header_row + 1):
        for j, (col, v) in enumerate(zip(table.columns, values), 1):
            cell = text_cell(ws, i, j, _xlsx_value(v))
            if col.numeric and isinstance(v, Decimal):
                cell.number_format = number_format
            if not col.numeric:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
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


def write_report_xlsx(cohort_result: Any, path: str | Path, lang: str = "vi") -> Path:
    """Write the report workbook of a scored cohort to ``path`` and return the path.

    Sheets: ``Xếp hạng`` (rank, unit, total, maximum, per-section totals), ``Điểm theo chỉ số``
    (a row per indicator with its name and maximum, a column per unit) and ``Lý do mất điểm``
    (unit, indicator, points lost and why).  Header rows are styled and frozen, columns sized.
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
    incomplete = ("chưa chấm được đầy đủ: có chỉ số không chấm được, tính 0 điểm (xem sheet Lý do mất điểm)"
                  if lang != "en" else "not fully scored: some indicators could not be scored and count 0 "
                  "(see the sheet Lý do mất điểm)")
    ranking = attrs.evolve(ranking, columns=ranking.columns + (Column("status", _w("status", lang)),),
                           rows=tuple(row + ("" if r.complete else incomplete,)
                                      for row, r in zip(ranking.rows, cohort_result.ranking())),
                           notes=tuple(n for n in ranking.notes))
    _write_sheet(ws, ranking, title, {"unit": 40, "rank": 7, "status": 50}, digits)
    ws2 = wb.create_sheet(INDICATOR_SHEET)
    _write_sheet(ws2, indicator_table(cohort_result, lang), [], {"indicator": 10, "name": 60, "max": 8}, digits)
    ws3 = wb.create_sheet(LOST_SHEET)
    _write_sheet(ws3, lost_points_table(cohort_result, lang), [],
                 {"rank": 7, "unit": 30, "indicator": 10, "name": 45, "reason": 70}, digits)
    save_workbook(wb, path)
    return path
