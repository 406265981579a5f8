"""General information asked once: the form's fact fields and filling the indicators' inputs from them.

Takes: a `Ruleset` with ``Thông tin chung:`` facts (`cdsdsl.rulesets.facts`) and the form's fields
(`cdsdsl.dataentry.fields`); when reading, one unit's values.
Returns: `share_facts(ruleset, fields)` -> `SharedFacts`: the fields the form asks (one field per fact, filed
under the pseudo-indicator ``Thông tin chung``, after the indicators' fields, so that the columns of a file
written before keep their letters; the inputs a fact fills are taken out), the inputs each
fact fills (``bound``), the fields taken out (so an older file with ``3.3:b`` columns still reads) and the
diagnostics (CDS581 an unknown input in ``Dùng thông tin chung:``, CDS582 a fact filling inputs of different
kinds, CDS583 a fact no indicator uses); `fill_from_facts(...)`: a unit's bound inputs filled from its facts
(CDS584 when the unit also gave the indicator's own cell and the two differ).

An input is bound to a fact by the ruleset: explicitly (``Dùng thông tin chung: b = Dân số`` in the
indicator), or when its description is, after folding case and spacing, exactly the fact's description or
name (``b= Tổng số hộ gia đình của cấp huyện;`` and ``Số hộ gia đình = Tổng số hộ gia đình của cấp huyện``).
No similarity is guessed: an input that is not bound is asked in its indicator as before.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

import attrs

from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.evaluate.runtime import Fault, to_number
from cdsdsl.rulesets.facts import FACTS_ITEM, fact_key
from cdsdsl.rulesets.model import Ruleset
from cdsdsl.scoring.unitdata import Value
from cdsdsl.semantics.dimensions import infer_dimension
from cdsdsl.semantics.inputs import input_kind
from cdsdsl.semantics.resolve import OPTION, OPTIONS, POINTS

__all__ = ["FACTS_ITEM", "SharedFacts", "fill_from_facts", "share_facts"]

#: kinds of inputs a fact can fill (a choice or points entered directly is not a fact of the unit)
_NOT_FACTS = (OPTION, OPTIONS, POINTS)


@attrs.frozen
class SharedFacts:
    """The form's fields with the facts asked once."""

    fields: tuple[Any, ...]
    #: ``{(indicator, input key): fact name}``
    bound: dict[tuple[str, str], str]
    #: the indicator fields a fact fills (still readable, for files written before the facts were declared)
    taken: tuple[Any, ...]
    diagnostics: tuple[Diagnostic, ...]


def _bindings(ruleset: Ruleset, fields: tuple[Any, ...], diags: list[Diagnostic]) -> dict[tuple[str, str], str]:
    """Which input each fact fills: explicit ``Dùng thông tin chung:`` first, then exact folded matches."""
    by_key = {fact_key(f.name): f.name for f in ruleset.facts}
    by_key.update({fact_key(f.description): f.name for f in ruleset.facts if fact_key(f.description) not in by_key})
    have = {(f.indicator, f.key): f for f in fields}
    bound: dict[tuple[str, str], str] = {}
    for ind in ruleset.indicators:
        for key, name in ind.fact_uses:
            fact = by_key.get(fact_key(name))
            if fact is None:  # the loader reported it (CDS580)
                continue
            if (ind.key, key) not in have:
                known = ", ".join(f.key for f in fields if f.indicator == ind.key) or "—"
                diags.append(Diagnostic.make("CDS581", ind.span, source=ind.source, item=ind.key, indicator=ind.key,
                                             key=key, name=fact, known=known))
                continue
            bound[(ind.key, key)] = fact
    for f in fields:
        if (f.indicator, f.key) in bound or f.kind in _NOT_FACTS:
            continue
        fact = by_key.get(fact_key(f.description))
        if fact is not None:
            bound[(f.indicator, f.key)] = fact
    return bound


def share_facts(ruleset: Ruleset, fields: tuple[Any, ...], make_field: Callable[..., Any]) -> SharedFacts:
    """The form's fields with one field per fact first and the inputs the facts fill taken out;
    ``make_field(**kw)`` builds a `FormField`."""
    if not ruleset.facts:
        return SharedFacts(fields, {}, (), ())
    diags: list[Diagnostic] = []
    bound = _bindings(ruleset, fields, diags)
    fact_fields = []
    for fact in ruleset.facts:
        users = [f for f in fields if bound.get((f.indicator, f.key)) == fact.name]
        kinds = sorted({f.kind for f in users})
        if len(kinds) > 1:
            diags.append(Diagnostic.make("CDS582", fact.span, source=ruleset.source, name=fact.name,
                                         inputs=", ".join(f"{f.column} ({f.kind})" for f in users)))
        if not users:
            diags.append(Diagnostic.make("CDS583", fact.span, source=ruleset.source, name=fact.name))
        kind = users[0].kind if users else input_kind(fact.description, fact.unit)
        unit = fact.unit or next((f.unit for f in users if f.unit), None)
        used_by = ", ".join(f.column for f in users)
        # what the fact counts or measures: as its users read it, else from its own words
        dimension = next((f.dimension for f in users if f.dimension is not None), None) \
            or infer_dimension(fact.description, unit, kind)
        fact_fields.append(make_field(indicator=FACTS_ITEM, indicator_name=FACTS_ITEM, key=fact.name,
                                      description=fact.description + (f" (dùng cho {used_by})" if used_by else ""),
                                      kind=kind, unit=unit, dimension=dimension))
    kept = tuple(f for f in fields if (f.indicator, f.key) not in bound)
    taken = tuple(f for f in fields if (f.indicator, f.key) in bound)
    return SharedFacts(kept + tuple(fact_fields), bound, taken, tuple(diags))


def _same(a: Any, b: Any, kind: str) -> bool:
    """Do two cells hold the same figure (``24359`` and ``24 359,0`` read alike)?"""
    try:
        return bool(to_number(a, kind) == to_number(b, kind))
    except (Fault, TypeError, ValueError):
        return str(a).strip() == str(b).strip()


def fill_from_facts(bound: Mapping[tuple[str, str], str], kinds: Mapping[tuple[str, str], str],
                    values: dict[str, dict[str, Value]], diag: Callable[..., None], unit: str) -> None:
    """Fill each bound input of ``values`` from the unit's fact (``values["Thông tin chung"][name]``), at the
    fact's cell.  An input the unit also gave in its indicator keeps that value; when the two differ, a
    warning CDS584 names both cells."""
    facts = values.get(FACTS_ITEM)
    if not facts:
        return
    for (item, key), name in bound.items():
        fact = facts.get(name)
        if fact is None:
            continue
        own = values.get(item, {}).get(key)
        if own is None:
            values.setdefault(item, {})[key] = fact
        elif not _same(own.raw, fact.raw, kinds.get((item, key), "number")):
            diag("CDS584", own.where, item=item, unit=unit, key=key, name=name, own=str(own.raw),
                 fact=str(fact.raw), fact_where=fact.where or "?")
