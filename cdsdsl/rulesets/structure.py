"""Ruleset-level checks: does the set add up, is it numbered and referenced consistently?

Takes: a loaded `Ruleset` (from a `.cds` file or a spreadsheet).
Returns: a list of `Diagnostic` (codes CDS540-549), each naming the place
(heading line or sheet cell) and the indicator: a section's stated maximum vs
the sum of its indicators, the stated total vs the sum of the sections,
duplicate numbers, numbering gaps, orphans (5.12.1 with no 5.12), an item whose
maximum is not the sum of its parts, references to items that do not exist,
indicators with no maximum, applicability lists that are not defined.
Formula text is only scanned with a small regex for item references
(``Cộng điểm từ 5.12.1 đến 5.12.6``, ``mục 5.12.1``); the formula checker
does the rest.
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Iterable

from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.rulesets.blocks import line_starts
from cdsdsl.rulesets.numbering import is_contained
from cdsdsl.text.source import Source, Span

if TYPE_CHECKING:  # the data classes, for the annotations: `classes` calls this module (Ruleset.check)
    from cdsdsl.rulesets.classes import Group, Indicator, Ruleset, Section

__all__ = ["check_ruleset_structure", "formula_references", "summed_range", "fmt_points"]

#: ``mục 5.12.1``, ``chỉ số 5.12.1``, ``từ 5.12.1``, ``đến 5.12.6``
_REF = re.compile(r"(?i)\b(?:mục|chỉ số|từ|đến)\s+(\d+(?:\.\d+)+)(?![\d.]*%)")
#: what every match of `_REF` holds: most texts have none, and this is much quicker to look for
_DOTTED_NUMBER = re.compile(r"\d\.\d")
#: ``Cộng điểm từ 5.12.1 đến 5.12.6``
_RANGE = re.compile(r"(?i)cộng\s+điểm\s+(?:các\s+(?:mục|chỉ số)\s+)?từ\s+(\d+(?:\.\d+)+)\s+đến\s+(\d+(?:\.\d+)+)")


def fmt_points(value: Fraction) -> str:
    """``Fraction(5, 2)`` → ``"2,5"`` (Vietnamese decimal comma)."""
    if value.denominator == 1:
        return str(value.numerator)
    try:
        as_float = float(value)
    except OverflowError:  # beyond a float (a maximum of hundreds of digits): exact, 4 decimals
        whole, rest = divmod(abs(round(value * 10000)), 10000)
        text = f"{'-' if value < 0 else ''}{whole}.{rest:04d}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    text = f"{as_float:.4f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def formula_references(text: str) -> list[tuple[str, int, int]]:
    """Item numbers a scoring text refers to: (id, start, end) offsets into ``text``."""
    out: list[tuple[str, int, int]] = []
    if not _DOTTED_NUMBER.search(text):
        return out
    for m in _REF.finditer(text):
        ref = m.group(1).rstrip(".")
        # "5.12.1" may be followed by "." ending a sentence: drop it
        out.append((ref, m.start(1), m.start(1) + len(ref)))
    return out


def summed_range(text: str | None) -> tuple[str, str] | None:
    """(first, last) of ``Cộng điểm từ FIRST đến LAST`` in a scoring text, if any."""
    if not text:
        return None
    m = _RANGE.search(text)
    return (m.group(1), m.group(2)) if m else None


def _place(obj: Indicator | Section | Group, *, use_max: bool = False) -> dict[str, Any]:
    if use_max and obj.max_span is not None:
        return {"span": obj.max_span, "source": getattr(obj, "max_source", None) or obj.source}
    return {"span": obj.span, "source": obj.source}


def _range_members(ruleset: Ruleset, ind: Indicator, first: str, last: str) -> list[Indicator] | None:
    """The indicators from ``first`` to ``last`` in file order (same group), or None if one is missing."""
    inds = [i for i in ruleset.indicators if i.group_id == ind.group_id]
    ids = [i.id for i in inds]
    if first not in ids or last not in ids:
        return None
    a, b = ids.index(first), ids.index(last)
    if a > b:
        return None
    return inds[a:b + 1]


def _summed_by(ruleset: Ruleset) -> dict[str, Indicator]:
    """key of an indicator -> the indicator whose text adds it up (``Cộng điểm từ ... đến ...``)."""
    out: dict[str, Indicator] = {}
    for ind in ruleset.indicators:
        rng = summed_range(ind.effective_formula)
        if rng is None:
            continue
        members = _range_members(ruleset, ind, *rng)
        for m in members or ():
            if m.key != ind.key:
                out.setdefault(m.key, ind)
    return out


def _sum(values: Iterable[Fraction | None]) -> Fraction | None:
    total = Fraction(0)
    for v in values:
        if v is None:
            return None
        total += v
    return total


def _num_key(id: str) -> tuple[int, ...]:
    return tuple(int(p) for p in id.split(".") if p.isdigit())


def check_ruleset_structure(ruleset: Ruleset) -> list[Diagnostic]:
    """All structure findings of ``ruleset``, in file order within each kind."""
    summed = _summed_by(ruleset)
    diags: list[Diagnostic] = []
    diags += _duplicates(ruleset)
    diags += _no_maximum(ruleset)
    diags += _container_sums(ruleset, summed)
    diags += _total(ruleset, summed)
    diags += _gaps(ruleset)
    diags += _orphans(ruleset, summed)
    diags += _parts(ruleset)
    diags += _references(ruleset)
    diags += _applicability(ruleset)
    diags += _set_formula(ruleset)
    diags += _section_prefix(ruleset)
    return diags


def _duplicates(rs: Ruleset) -> list[Diagnostic]:
    out = []
    first: dict[str, Indicator] = {}
    for ind in rs.indicators:
        if ind.key in first:
            out.append(Diagnostic.make("CDS542", item=ind.id, id=ind.key,
                                       first_line=first[ind.key].line, **_place(ind)))
        else:
            first[ind.key] = ind
    seen: dict[str, Section] = {}
    for sec in rs.sections:
        if sec.id in seen and not sec.implicit:
            out.append(Diagnostic.make("CDS542", id=f"mục {sec.label or sec.id}", first_line=seen[sec.id].line,
                                       **_place(sec)))
        seen.setdefault(sec.id, sec)
    return out


def _no_maximum(rs: Ruleset) -> list[Diagnostic]:
    return [Diagnostic.make("CDS547", item=i.id, id=i.key, **_place(i, use_max=True))
            for i in rs.indicators if i.max_points is None]


def _counted(rs: Ruleset, inds: tuple[Indicator, ...],
             summed: dict[str, Indicator]) -> tuple[list[Indicator], list[Indicator]]:
    """(counted, excluded): top-level indicators, minus those another indicator adds up."""
    ids = {i.id for i in inds}
    counted, excluded = [], []
    for i in inds:
        if is_contained(i, ids):
            continue
        if i.key in summed and summed[i.key].key != i.key:
            excluded.append(i)
        else:
            counted.append(i)
    return counted, excluded


def _container_sums(rs: Ruleset, summed: dict[str, Indicator]) -> list[Diagnostic]:
    out = []
    containers: list[tuple[str, str, Section | Group, tuple[Indicator, ...]]] = []
    for sec in rs.sections:
        containers.append(("mục", "section", sec, rs.section_indicators(sec.id)))
    for grp in rs.groups:
        containers.append(("lĩnh vực", "group", grp, rs.group_indicators(grp.id)))
    for what, what_en, cont, inds in containers:
        if cont.stated_max is None or not inds:
            continue
        counted, excluded = _counted(rs, inds, summed)
        computed = _sum(i.max_points for i in counted)
        if computed is None or computed == cont.stated_max:
            continue
        note = note_en = ""
        if excluded:
            by = summed[excluded[0].key].id
            ids = ", ".join(i.id for i in excluded)
            note = f" (Không tính {ids}: đã được cộng trong chỉ số {by}.)"
            note_en = f" ({ids} not counted: indicator {by} adds them up.)"
        label = getattr(cont, "label", "") or cont.id
        out.append(Diagnostic.make("CDS540", what=what, what_en=what_en, id=label,
                                   stated=fmt_points(cont.stated_max), computed=fmt_points(computed),
                                   note=note, note_en=note_en, **_place(cont, use_max=True)))
    return out


def _total(rs: Ruleset, summed: dict[str, Indicator]) -> list[Diagnostic]:
    if rs.stated_total is None or rs.set_formula is not None or not rs.sections:
        return []
    values: list[Fraction | None] = []
    for sec in rs.sections:
        if sec.stated_max is not None:
            values.append(sec.stated_max)
        else:
            counted, _ = _counted(rs, rs.section_indicators(sec.id), summed)
            values.append(_sum(i.max_points for i in counted))
    computed = _sum(values)
    if computed is None or computed == rs.stated_total:
        return []
    src = rs.source
    span = rs.total_span
    if src is None:  # a spreadsheet: point at the first section's row
        src, span = rs.sections[0].source, rs.sections[0].span
    return [Diagnostic.make("CDS541", span, source=src, stated=fmt_points(rs.stated_total),
                            computed=fmt_points(computed))]


def _gaps(rs: Ruleset) -> list[Diagnostic]:
    out = []
    # indicators: by (group, parent prefix), in numeric order
    families: dict[tuple[str | None, str], list[tuple[int, Indicator]]] = {}
    for ind in rs.indicators:
        parts = ind.parts
        if not all(p.isdigit() for p in parts):
            continue
        families.setdefault((ind.group_id, ".".join(parts[:-1])), []).append((int(parts[-1]), ind))
    for (_, prefix), numbered in families.items():
        by_num: dict[int, Indicator] = {}
        for num, i in numbered:
            by_num.setdefault(num, i)
        nums = sorted(by_num)
        prev = 0
        for n in nums:
            if n > prev + 1:
                missing_nums = range(prev + 1, n)
                missing = ", ".join(_numbered(prefix, k) for k in missing_nums[:5]) + \
                    ("…" if len(missing_nums) > 5 else "")
                previous = _numbered(prefix, prev) if prev else "(đầu)"
                out.append(Diagnostic.make("CDS543", item=by_num[n].id, previous=previous,
                                           next=by_num[n].id, missing=missing, **_place(by_num[n])))
            prev = n
    # sections numbered 1, 2, ... (Roman numerals already converted)
    numeric = [s for s in rs.sections if s.id.isdigit()]
    prev = 0
    for sec in sorted(numeric, key=lambda s: int(s.id)):
        n = int(sec.id)
        if prev and n > prev + 1:  # between sections only (an excerpt may start at any section)
            out.append(Diagnostic.make("CDS543", previous=f"mục {prev}",
                                       next=f"mục {sec.label or sec.id}",
                                       missing=", ".join(f"mục {k}" for k in range(prev + 1, min(n, prev + 6)))
                                       + ("…" if n - prev - 1 > 5 else ""), **_place(sec)))
        prev = max(prev, n)
    return out


def _numbered(prefix: str, k: int) -> str:
    """The id of number ``k`` under ``prefix`` (``"5.12"``, 3 -> ``"5.12.3"``; no prefix: ``"3"``)."""
    return f"{prefix}.{k}" if prefix else str(k)


def _orphans(rs: Ruleset, summed: dict[str, Indicator]) -> list[Diagnostic]:
    out = []
    present = {(i.group_id, i.id) for i in rs.indicators}
    missing: dict[tuple[str | None, str], list[Indicator]] = {}
    for ind in rs.indicators:
        pid = ind.parent_id
        if pid is not None and (ind.group_id, pid) not in present:
            missing.setdefault((ind.group_id, pid), []).append(ind)
    for (_, pid), kids in missing.items():
        note = note_en = ""
        by = {summed[k.key].id for k in kids if k.key in summed}
        if len(by) == 1:
            b = by.pop()
            note = f" Chỉ số {b} cộng điểm các chỉ số này."
            note_en = f" Indicator {b} adds these up."
        children = ", ".join(k.id for k in kids)
        out.append(Diagnostic.make("CDS544", item=kids[0].id, parent=pid, children=children,
                                   note=note, note_en=note_en, **_place(kids[0])))
    return out


def _parts(rs: Ruleset) -> list[Diagnostic]:
    out = []
    children: dict[tuple[str | None, str | None], list[Indicator]] = {}
    for k in rs.indicators:
        children.setdefault((k.group_id, k.parent_id), []).append(k)
    for ind in rs.indicators:
        if ind.max_points is None:
            continue
        kids = children.get((ind.group_id, ind.id), [])
        if kids:
            computed = _sum(k.max_points for k in kids)
            if computed is not None and computed != ind.max_points:
                out.append(Diagnostic.make(
                    "CDS545", item=ind.id, id=ind.id, stated=fmt_points(ind.max_points),
                    computed=fmt_points(computed), parts=", ".join(k.id for k in kids),
                    how="các chỉ số con", how_en="its sub-indicators", **_place(ind, use_max=True)))
        rng = summed_range(ind.effective_formula)
        if rng is not None:
            members = [m for m in (_range_members(rs, ind, *rng) or []) if m.key != ind.key]
            computed = _sum(m.max_points for m in members) if members else None
            if computed is not None and computed != ind.max_points:
                out.append(Diagnostic.make(
                    "CDS545", item=ind.id, id=ind.id, stated=fmt_points(ind.max_points),
                    computed=fmt_points(computed), parts=f"{rng[0]}–{rng[1]}",
                    how="các chỉ số được cộng", how_en="the indicators it adds up", **_place(ind, use_max=True)))
    return out


def _references(rs: Ruleset) -> list[Diagnostic]:
    out = []
    ids_by_group: dict[str | None, set[str]] = {}
    for i in rs.indicators:
        ids_by_group.setdefault(i.group_id, set()).add(i.id)
    for ind in rs.indicators:
        ids = ids_by_group[ind.group_id]
        texts: list[tuple[str | None, Source | None]] = [(ind.formula_text, ind.formula_source)]
        if ind.correction is not None:
            texts.append((ind.correction.text, ind.correction.source))
        for text, src in texts:
            if not text:
                continue
            for ref, start, end in formula_references(text):
                if ref not in ids:
                    out.append(Diagnostic.make("CDS546", Span(start, end), source=src, item=ind.id, ref=ref))
    return out


def _applicability(rs: Ruleset) -> list[Diagnostic]:
    out = []
    names = [ul.name for ul in rs.unit_lists]
    for ind in rs.indicators:
        if ind.applies_to and rs.unit_list(ind.applies_to) is None:
            known = known_en = ""
            if names:
                known = " Các danh sách đã khai báo: " + ", ".join(names) + "."
                known_en = " Defined lists: " + ", ".join(names) + "."
            out.append(Diagnostic.make("CDS548", item=ind.id, id=ind.id, name=ind.applies_to,
                                       known=known, known_en=known_en, **_place(ind)))
    return out


def _section_prefix(rs: Ruleset) -> list[Diagnostic]:
    out = []
    for ind in rs.indicators:
        if ind.group_id is not None or ind.section_id is None or "." not in ind.id:
            continue
        if ind.section_id.isdigit() and ind.section_prefix != ind.section_id:
            sec = next((s for s in rs.sections if s.id == ind.section_id), None)
            out.append(Diagnostic.make("CDS549", item=ind.id, id=ind.id,
                                       section=(sec.label if sec else None) or ind.section_id,
                                       prefix=ind.section_prefix, **_place(ind)))
    return out


def _set_formula(rs: Ruleset) -> list[Diagnostic]:
    """`Công thức tổng:` and its `Trong đó:` lines read as scoring reads them (`scoring._set_formula`):
    what would fail for every unit (CDS630, without a line) is said once, at its place, by `cds check`.
    CDS1xx: the formula cannot be read; CDS551: no `D = ...`, or an operation scoring cannot do;
    CDS552: a name not declared under `Trong đó:`; CDS553: a `Trong đó:` line that cannot be read."""
    sf = rs.set_formula
    if sf is None:
        return []
    from cdsdsl.diagnostics.core import CdsError
    from cdsdsl.scoring.score import set_binding_meaning
    from cdsdsl.syntax import nodes as n
    from cdsdsl.syntax.parser import parse_formula

    src = sf.source
    out: list[Diagnostic] = []
    for b in sf.bindings:
        if set_binding_meaning(b.description) is None:
            place: dict[str, Any]
            if rs.source is not None and b.line:
                place = {"span": _line(rs.source, b.line), "source": rs.source}
            else:  # a spreadsheet: the cell of the set formula
                place = {"span": Span(0, len(sf.text)), "source": src}
            out.append(Diagnostic.make("CDS553", name=b.name, description=b.description, **place))
    whole: dict[str, Any] = {"span": Span(0, len(sf.text)), "source": src}
    try:
        formula = parse_formula(sf.text, name=src.name if src is not None else rs.name,
                                line_offset=src.line_offset if src is not None else 0,
                                column_offset=src.column_offset if src is not None else 0)
    except CdsError as exc:
        return out + list(exc.diagnostics)
    fsrc = formula.source if formula.source is not None else src
    assigns = [st for st in formula.statements if isinstance(st, n.Assign)]
    if not assigns:
        return out + [Diagnostic.make("CDS551", formula=sf.text, detail="không có phép gán `D = ...`",
                                      detail_en="no assignment `D = ...`", **whole)]
    bound = {b.name for b in sf.bindings}
    allowed = (n.Number, n.Percent, n.Name, n.Neg, n.BinOp)
    for node in assigns[-1].value.walk():
        if isinstance(node, n.Name) and node.name not in bound:
            out.append(Diagnostic.make("CDS552", node.span, source=fsrc, name=node.name))
        elif not isinstance(node, allowed):
            out.append(Diagnostic.make("CDS551", node.span, source=fsrc, formula=sf.text,
                                       detail="chỉ dùng được số, tên và + - x /",
                                       detail_en="only numbers, names and + - x / can be used"))
            break
    return out


def _line(source: Source, line: int) -> Span:
    """The span of 1-based ``line`` of ``source`` (without its line break)."""
    starts = line_starts(source.text)
    start = starts[line - 1] if line - 1 < len(starts) else len(source.text)
    end = starts[line] - 1 if line < len(starts) else len(source.text)
    return Span(start, max(start, end))
