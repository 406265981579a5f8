"""General information asked once (``Thông tin chung``): the unit facts many indicators divide by.

Takes: the lines of a ruleset's ``Thông tin chung:`` block and the value of an indicator's
``Dùng thông tin chung:`` field (docs/ruleset-format.md, "Thông tin chung").
Returns: `parse_fact_line(text)` -> ``(name, description, unit)`` or None when the line cannot be read;
`parse_fact_uses(value)` -> ``((input key, fact name), ...)`` or None; `fact_key(text)`: the folded form two
names or descriptions are compared by (an exact match after folding, never a similarity guess).

A fact line is ``NAME = description (unit)``: ``Dân số = Tổng dân số của cấp huyện (người)``; a line with
no ``=`` is a fact whose description is its name.  The unit in a trailing parenthesis is optional.
"""
from __future__ import annotations

import re
from typing import Any

from cdsdsl.rulesets.classes import Fact
from cdsdsl.text.fold import fold_case
from cdsdsl.text.source import Span

__all__ = ["FACTS_ITEM", "check_fact_uses", "fact_key", "parse_fact_line", "parse_fact_uses", "read_facts"]

#: the pseudo-indicator a unit's facts are filed under, in forms (``Thông tin chung:Dân số``) and data
FACTS_ITEM = "Thông tin chung"

_NAME = r"[^\s=;:|#][^=;:|]*?"
_LINE = re.compile(rf"^\s*(?P<name>{_NAME})\s*(?:=\s*(?P<desc>[^=]+?))?\s*;?\s*$")
_UNIT = re.compile(r"^(?P<desc>.*\S)\s*\((?P<unit>[^()]+)\)\s*$")
_USE = re.compile(rf"^\s*(?P<key>[^\s=;:]+)\s*=\s*(?P<name>{_NAME})\s*$")
#: a name that reads like an indicator number (``1.3``) or a header word of the forms would be mistaken
_RESERVED = re.compile(r"^(\d+(\.\d+)*\.?|đơn vị|lĩnh vực|stt|ghi chú)$")


def fact_key(text: str) -> str:
    """Case, spacing, Unicode form and ``tỉ``/``tỷ`` folded, ending ``;``/``.``/``:`` dropped."""
    return fold_case(text, ti_as_ty=True).rstrip(";.: ")


def parse_fact_line(text: str) -> tuple[str, str, str | None] | None:
    """``Dân số = Tổng dân số của cấp huyện (người)`` -> ``("Dân số", "Tổng dân số của cấp huyện", "người")``;
    None when the line is not ``NAME = description`` or the name is reserved."""
    m = _LINE.match(text)
    if m is None:
        return None
    name = " ".join(m.group("name").split())
    if _RESERVED.match(fact_key(name)):
        return None
    desc = " ".join((m.group("desc") or name).split())
    unit = None
    u = _UNIT.match(desc)
    if u is not None:
        desc, unit = u.group("desc"), u.group("unit").strip()
    return name, desc, unit


def parse_fact_uses(value: str) -> tuple[tuple[str, str], ...] | None:
    """``b = Dân số; e = Số công chức`` -> ``(("b", "Dân số"), ("e", "Số công chức"))``; None when a part
    is not ``KEY = NAME``."""
    parts = [p for p in value.split(";") if p.strip()]
    out: list[tuple[str, str]] = []
    for p in parts:
        m = _USE.match(p)
        if m is None:
            return None
        out.append((m.group("key"), " ".join(m.group("name").split())))
    return tuple(out) or None


def read_facts(reader: Any, lines: list[tuple[int, str]], inline: tuple[int, int, str] | None, cut: int,
               key_tok: Any, raw_key: str) -> list[Fact]:
    """The facts of a ``Thông tin chung:`` block of the `.cds` reader (`cdsdsl.rulesets.cds`): one per line,
    errors at the line: a line that is not ``NAME = description`` (CDS578), a name given twice (CDS579),
    no line at all (CDS512)."""
    rows = [(ln, cut, t) for ln, t in lines if t.strip()]
    if inline is not None:
        rows.insert(0, (inline[0], inline[1] - 1, inline[2]))
    if not rows:
        reader.error("CDS512", key_tok.start_pos, key_tok.end_pos, key=raw_key)
        return []
    facts: list[Fact] = []
    seen: dict[str, int] = {}
    for ln, col, text in rows:
        lead = len(text) - len(text.lstrip())
        start = reader.starts[ln - 1] + col + lead
        end = start + len(text.strip())
        parsed = parse_fact_line(text)
        if parsed is None:
            reader.error("CDS578", start, end, text=text.strip())
            continue
        name, desc, unit = parsed
        if fact_key(name) in seen:
            reader.error("CDS579", start, end, name=name, first_line=seen[fact_key(name)])
            continue
        seen[fact_key(name)] = ln
        facts.append(Fact(name, desc, unit, ln, Span(start, end)))
    return facts


def check_fact_uses(reader: Any, facts: list[Fact], uses: list[tuple[str, tuple[tuple[str, str], ...], int, int]],
                    ) -> None:
    """Each ``Dùng thông tin chung: b = NAME`` names a fact of ``Thông tin chung:`` (CDS580 at the value)."""
    known = {fact_key(f.name) for f in facts}
    names = ", ".join(f.name for f in facts) or "—"
    for item, pairs, start, end in uses:
        for _key, name in pairs:
            if fact_key(name) not in known:
                reader.error("CDS580", start, end, item=item, indicator=item, name=name, known=names)
