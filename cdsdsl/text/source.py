"""Source text and spans.

Takes: the text a user pasted (a formula cell, a ruleset file) and its name.
Returns: a `Source` that turns character offsets into (line, column) and back
into the original line, and `Span(start, end)`, the half-open range of
characters every AST node and diagnostic carries.  Offsets always point into
the *original* text, never into the normalised copy.  Imports nothing of ours.
"""
from __future__ import annotations

import bisect

import attrs


@attrs.frozen
class Span:
    """Half-open character range ``[start, end)`` into a `Source`'s text."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def cover(self, other: "Span | None") -> "Span":
        """The smallest span containing both."""
        if other is None:
            return self
        return Span(min(self.start, other.start), max(self.end, other.end))

    def shift(self, offset: int) -> "Span":
        return Span(self.start + offset, self.end + offset)


_new = object.__new__
_set = object.__setattr__


def span_unchecked(start: int, end: int) -> Span:
    """``Span(start, end)`` for a caller that knows ``0 <= start <= end``
    (skips the check and attrs' frozen ``__init__``; the hot path of parsing)."""
    sp = _new(Span)
    _set(sp, "start", start)
    _set(sp, "end", end)
    return sp


@attrs.frozen(eq=False)
class Source:
    """A named text with a line index (lines and columns are 1-based)."""

    text: str
    name: str = "<formula>"
    #: Where this text starts inside a bigger file (line, column), so that a
    #: formula cell of a ruleset reports positions in the ruleset file.
    line_offset: int = 0
    #: Columns to add on every line (a formula block indented in a ruleset file).
    column_offset: int = 0
    _line_starts: list[int] | None = attrs.field(init=False, default=None, repr=False)

    @property
    def _starts(self) -> list[int]:
        """Offsets where lines start, built on first use (most sources are
        parsed without ever asking for a line)."""
        starts = self._line_starts
        if starts is None:
            starts = [0]
            text = self.text
            i = text.find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = text.find("\n", i + 1)
            object.__setattr__(self, "_line_starts", starts)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1 + self.line_offset, offset - self._starts[line] + 1 + self.column_offset

    def line_text(self, line: int) -> str:
        """The text of 1-based line ``line`` (of this source's numbering)."""
        idx = line - 1 - self.line_offset
        if idx < 0 or idx >= len(self._starts):
            return ""
        start = self._starts[idx]
        end = self._starts[idx + 1] - 1 if idx + 1 < len(self._starts) else len(self.text)
        return " " * self.column_offset + self.text[start:end].rstrip("\r")

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def excerpt(self, span: Span) -> str:
        return self.text[span.start:span.end]
