"""Short corrections of a `.cds` file: ``Sửa: "from" → "to"`` (docs/ruleset-format.md, "Short corrections").

Takes: the `.cds` reader (its text, line starts and ``error``), the indicator's key, the ``Sửa:`` block and the
``Cách tính:`` block.  Returns: the `Correction` (the original with each phrase replaced exactly once), or None
when the correction is a whole text; errors CDS570-573 are added to the reader at the phrase.
"""
from __future__ import annotations

import re
from typing import Any, Protocol

from cdsdsl.diagnostics.core import FormulaSyntaxError
from cdsdsl.rulesets.blocks import BlockValue
from cdsdsl.rulesets.classes import Correction
from cdsdsl.text.source import Source, Span

__all__ = ["short_correction"]

#: one line of a short correction: ``"Tỷ lệ <80" → "Tỷ lệ <80%"`` (``->`` too)
_REPLACEMENT = re.compile(r'^[ \t]*["“]([^"“”]+)["”][ \t]*(?:→|->)[ \t]*["“]([^"“”]*)["”][ \t]*$')


class _Reader(Protocol):
    """What a correction needs of the `.cds` reader: the file's name and line starts, adding an error."""

    name: str
    starts: list[int]

    def error(self, code: str, start: int, end: int, *, item: str | None = None, **args: Any) -> None: ...

    def line_span(self, line: int) -> Span: ...


def short_correction(self: _Reader, item: str, corr: BlockValue, formula: BlockValue | None) -> Correction | None:
    """``Sửa: "from" → "to"`` (one line each): the original with each phrase replaced, exactly once;
    ``None`` when the correction is a whole text. Errors are added (and a correction returned)."""
    text, src, key_line = corr
    lines = text.split("\n")
    found = [_REPLACEMENT.match(line) for line in lines]
    if not any(found) or any(m is None and line.strip() for m, line in zip(found, lines, strict=True)):
        return None
    def where(li: int, col: int) -> int:  # the file offset of column ``col`` of line ``li`` of the text
        return self.starts[src.line_offset + li] + src.column_offset + col
    if formula is None:
        ks = self.line_span(key_line)
        self.error("CDS573", ks.start, ks.end, item=item)
        return Correction(text, None, src, key_line)
    fsrc: Source = formula[1]
    result = formula[0]
    replaced: list[tuple[str, str]] = []
    for li, m in enumerate(found):
        if m is None:
            continue
        frm, to = m.group(1), m.group(2)
        at: list[int] = []
        i = result.find(frm)
        while i >= 0:  # overlapping occurrences count too: `88` twice in `888`
            at.append(i)
            i = result.find(frm, i + 1)
        s, e = where(li, m.start(1)), where(li, m.end(1))
        if not at:
            self.error("CDS570", s, e, item=item, phrase=frm)
            return Correction(text, None, src, key_line)
        if len(at) > 1:
            lines_at = ", ".join(dict.fromkeys(str(fsrc.position(i)[0]) for i in at))
            self.error("CDS571", s, e, item=item, phrase=frm, count=len(at), lines=lines_at)
            return Correction(text, None, src, key_line)
        result = result[:at[0]] + to + result[at[0] + len(frm):]
        replaced.append((frm, to))
    new_src = Source(result, name=self.name, line_offset=fsrc.line_offset, column_offset=fsrc.column_offset)
    from cdsdsl.syntax.parser import parse_formula  # here: the parser is not needed to read most rulesets

    try:
        parse_formula(result, name=self.name, line_offset=fsrc.line_offset, column_offset=fsrc.column_offset)
    except FormulaSyntaxError as exc:
        first = exc.diagnostics[0]
        li = max(i for i, m in enumerate(found) if m is not None)
        m = found[li]
        assert m is not None
        self.error("CDS572", where(li, m.start(0) + (len(m.group(0)) - len(m.group(0).lstrip()))),
                   where(li, len(m.group(0).rstrip())), item=item, phrase=replaced[-1][0],
                   to=replaced[-1][1], detail=first.message("vi"), detail_en=first.message("en"))
    return Correction(result, None, new_src, key_line, tuple(replaced))

