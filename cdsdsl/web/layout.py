"""A checked ruleset laid out as its decision lays it out, with every diagnostic placed where it points.

Takes: a `Ruleset` (or None when it could not be loaded), the diagnostics of `check_ruleset` and the language.
Returns: `Layout`: the sections in order (stated maximum, sum of their indicators' maxima), each with its
indicators (number, name, maximum, scoring text, the inputs the data-entry form will ask for) and the
diagnostics that belong to each; `marked(text, marks)` gives a text as safe HTML with the diagnostics'
spans underlined.  Every character of decision text goes through `markupsafe.escape`: nothing the user
typed is ever emitted as markup.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs
from markupsafe import Markup, escape

from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.diagnostics.numbers import format_number
from cdsdsl.web.errors import diag_json

_RANK = {"error": 0, "warning": 1, "info": 2}


@attrs.define
class Mark:
    start: int
    end: int
    diag: dict[str, Any]


@attrs.define
class Row:
    """One indicator's row: its cells and the diagnostics about it."""

    key: str
    name: str
    max: str
    formula: str | None
    correction: str | None
    inputs: list[dict[str, Any]]
    computed: bool = False
    formula_marks: list[Mark] = attrs.field(factory=list)
    correction_marks: list[Mark] = attrs.field(factory=list)
    max_marked: bool = False
    diags: list[dict[str, Any]] = attrs.field(factory=list)

    def formula_html(self) -> Markup:
        return marked(self.formula or "", self.formula_marks)

    def correction_html(self) -> Markup:
        return marked(self.correction or "", self.correction_marks)

    def worst(self) -> str:
        return min((d["severity"] for d in self.diags), key=_RANK.__getitem__, default="")


@attrs.define
class SectionView:
    id: str
    label: str
    name: str
    max: str
    sum: str
    rows: list[Row] = attrs.field(factory=list)
    max_marked: bool = False
    diags: list[dict[str, Any]] = attrs.field(factory=list)


@attrs.define
class Layout:
    title: str
    decision: str
    sections: list[SectionView]
    whole: list[dict[str, Any]]
    counts: dict[str, int]


def marked(text: str, marks: list[Mark]) -> Markup:
    """``text`` as HTML, each mark's range wrapped in ``<u class="diag SEVERITY">`` (escaped, overlaps
    merged into the first mark that covers a character)."""
    owner: list[Mark | None] = [None] * len(text)
    for mark in sorted(marks, key=lambda m: _RANK[m.diag["severity"]]):
        lo, hi = max(0, mark.start), min(len(text), max(mark.end, mark.start + 1))
        for i in range(lo, hi):
            if owner[i] is None:
                owner[i] = mark
    out: list[str] = []
    i = 0
    while i < len(text):
        m = owner[i]
        j = i
        while j < len(text) and owner[j] is m:
            j += 1
        piece = escape(text[i:j])
        if m is None:
            out.append(str(piece))
        else:
            d = m.diag
            out.append(f'<u class="diag {escape(d["severity"])}" data-code="{escape(d["code"])}" '
                       f'title="{escape(d["code"])}: {escape(d["message"])}">{piece}</u>')
        i = j
    return Markup("".join(out))


def _num(value: Fraction | None, lang: str) -> str:
    return "—" if value is None else format_number(value, lang, as_given=True)


def _inputs(rs: Any) -> tuple[dict[str, list[dict[str, Any]]], set[str]]:
    from cdsdsl.dataentry.fields import build_form
    try:
        form = build_form(rs)
    except Exception:  # noqa: BLE001 - a ruleset the form cannot be built for still gets its layout
        return {}, set()
    out: dict[str, list[dict[str, Any]]] = {}
    for f in form.fields:
        out.setdefault(f.indicator, []).append({"key": f.key, "description": f.description, "kind": f.kind_label,
                                                "unit": f.unit, "choices": list(f.choices)})
    return out, set(form.computed)


def build_layout(rs: Any, diags: list[Diagnostic], lang: str) -> Layout:
    """The layout of ``rs`` with ``diags`` placed (``rs`` None: only the list of diagnostics)."""
    shown = [(d, diag_json(d, lang)) for d in diags]
    counts = {s: sum(1 for _, j in shown if j["severity"] == s) for s in _RANK}
    if rs is None:
        return Layout("", "", [], [j for _, j in shown], counts)
    inputs, computed = _inputs(rs)
    sections: dict[str, SectionView] = {}
    for s in rs.sections:
        members = [i.max_points for i in rs.indicators if i.section_id == s.id and i.parent_id is None
                   and i.group_id is None and i.max_points is not None]
        sections[s.id] = SectionView(s.id, s.label, s.name, _num(s.stated_max, lang), _num(sum(members, Fraction(0)),
                                                                                             lang))
    rows: dict[str, Row] = {}
    for ind in rs.indicators:
        row = Row(ind.key, ind.name, _num(ind.max_points, lang), ind.formula_text,
                  ind.correction.text if ind.correction is not None else None, inputs.get(ind.key, []),
                  computed=ind.key in computed)
        rows[ind.key] = row
        sec = sections.get(ind.section_id or "")
        if sec is None:
            sec = sections.setdefault(ind.section_id or "?", SectionView(ind.section_id or "?", ind.section_id or "",
                                                                         "", "—", "—"))
        sec.rows.append(row)
    whole: list[dict[str, Any]] = []
    for d, j in shown:
        if not _place(rs, d, j, rows, sections):
            whole.append(j)
    return Layout(rs.title, rs.decision, list(sections.values()), whole, counts)


def _overlaps(span: Any, other: Any) -> bool:
    return span is not None and other is not None and span.start < max(other.end, other.start + 1) \
        and other.start < max(span.end, span.start + 1)


def _place(rs: Any, d: Diagnostic, j: dict[str, Any], rows: dict[str, Row],
           sections: dict[str, SectionView]) -> bool:
    """Attach one diagnostic to the cell it points into; False when it belongs to the whole set."""
    src = d.source
    ind = next((i for i in rs.indicators if i.key == d.item), None) if d.item else None
    if ind is not None and src is not None and d.span is not None:
        row = rows[ind.key]
        if ind.formula_text is not None and src.text == ind.formula_text:
            row.formula_marks.append(Mark(d.span.start, d.span.end, j))
            row.diags.append(j)
            return True
        if ind.correction is not None and src.text == ind.correction.text:
            row.correction_marks.append(Mark(d.span.start, d.span.end, j))
            row.diags.append(j)
            return True
    if src is not None and d.span is not None and rs.source is not None and src.text == rs.source.text:
        for i in rs.indicators:
            if _overlaps(d.span, i.max_span):
                rows[i.key].max_marked = True
                rows[i.key].diags.append(j)
                return True
        for s in rs.sections:
            if _overlaps(d.span, s.max_span) and s.id in sections:
                sections[s.id].max_marked = True
                sections[s.id].diags.append(j)
                return True
        for i in rs.indicators:
            if _overlaps(d.span, i.span):
                rows[i.key].diags.append(j)
                return True
    if ind is not None:
        rows[ind.key].diags.append(j)
        return True
    return False
