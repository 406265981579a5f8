"""Declared types and the divisions written inside formulas.

Takes: the text of a ruleset's ``Kiểu:`` field (``a = số người dân; b = số hộ gia đình; Tỷ lệ = tỷ
suất``), an `InputSpec` with the dimension declared for it, or a part's steps and scoring.
Returns: `parse_types`: the declared types by name (a `Dimension`, or ``"rate"``/``"part"`` for a ratio)
and the entries that could not be read; `declared_spec`: the spec with the declaration applied (its
kind and unit follow the declared dimension) and the inferred dimension when it differed (the
resolver notes it, CDS313); `inline_divisions`: the part/whole ratios and rates written inside a
formula (``(a/b) x Điểm tối đa``), so that every way of writing a ratio follows one policy.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

import attrs

from cdsdsl.semantics.dimensions import Dimension, parse_declared
from cdsdsl.semantics.inputs import COUNT, MONEY, NUMBER, POINTS, RATIO, InputSpec
from cdsdsl.semantics.partwhole import PartWhole, Rate, division_of
from cdsdsl.semantics.scoring_rules import CaseScoring, ExprScoring
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.printer import print_expr

__all__ = ["parse_types", "declared_spec", "inline_divisions"]

#: the resolver kind of each declared dimension
_KIND_OF = {"count": COUNT, "money": MONEY, "percent": RATIO, "points": POINTS, "duration": NUMBER,
            "quantity": NUMBER, "number": NUMBER}
_ENTRY = re.compile(r"^\s*([^=:]+?)\s*[=:]\s*(.+?)\s*$")


def parse_types(text: str) -> tuple[dict[str, Dimension | str], list[str]]:
    """The types declared by a ``Kiểu:`` field: entries ``NAME = TYPE`` separated by ``;`` or new lines;
    returns (name -> `Dimension` or ``"rate"``/``"part"``, the entries that could not be read)."""
    types: dict[str, Dimension | str] = {}
    bad: list[str] = []
    for entry in re.split(r"[;\n]", text):
        if not entry.strip():
            continue
        m = _ENTRY.match(entry)
        found = parse_declared(m.group(2)) if m else None
        if m is None or found is None:
            bad.append(entry.strip())
            continue
        name = m.group(1).strip()
        types[re.sub(r"^t[ỷỉ]\s*lệ$", "Tỷ lệ", name, flags=re.I)] = found
    return types, bad


def declared_spec(spec: InputSpec, declared: Dimension) -> tuple[InputSpec, Dimension | None]:
    """``spec`` with its declared dimension (the kind and unit follow it), and the dimension inferred
    from the words when it differs from the declared one (None when they agree)."""
    inferred = spec.dimension
    kind = _KIND_OF.get(declared.kind, spec.kind)
    unit = declared.unit if declared.kind in ("money", "duration", "quantity") else (
        "%" if declared.kind == "percent" else None)
    new = attrs.evolve(spec, kind=kind, unit=unit, declared=declared)
    same = inferred.kind == declared.kind and inferred.unit == declared.unit and (
        declared.kind != "count" or inferred.what == declared.what)
    return new, None if same else inferred


def inline_divisions(steps: Any, scoring: Any, decls: dict[str, n.InputDecl],
                     dims: dict[str, Dimension]) -> Iterator[PartWhole | Rate]:
    """The ratios written inside the part's formulas: every ``parts/wholes`` of declared inputs that is
    not the whole value of a ``Tỷ lệ = a/b`` line (that one is the named ratio's)."""
    for node in _division_nodes(steps, scoring):
        found = division_of(node, decls, dims, None, print_expr(node), node.span, inline=True)
        if found is not None:
            yield found


def _division_nodes(steps: Any, scoring: Any) -> Iterator[n.BinOp]:
    roots: list[tuple[Any, bool]] = [(s.expr, True) for s in steps if s.expr is not None]
    if isinstance(scoring, ExprScoring):
        roots.append((scoring.expr, False))
    elif isinstance(scoring, CaseScoring):
        roots.extend((c.result, False) for c in scoring.cases.cases)
    for root, named in roots:
        for node in root.walk():
            if isinstance(node, n.BinOp) and node.op == "/" and not (named and node is root):
                yield node
