"""Diagnostics as data.

Takes: a code from the catalogue (`messages.py`), the arguments of its
templates, the span of the words concerned and, where known, the indicator.
Returns: `Diagnostic` objects that give their message in Vietnamese or English
(`message(lang)`, `hint(lang)`) and serialise to JSON (`to_dict`).  Passes
return lists of diagnostics; only the CLI decides to exit non-zero.  `render`
shows them as text; `core` holds the exceptions that carry them.
"""
from __future__ import annotations

import enum
from typing import Any, Mapping

import attrs

from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.messages import lookup
from cdsdsl.text.source import Source, Span


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def label(self, lang: str = "vi") -> str:
        """The word for the severity: ``lỗi`` / ``error``."""
        return i18n.raw(f"severity.{self.value}", lang)


def _freeze(args: "Mapping[str, Any] | tuple[tuple[str, Any], ...] | None") -> tuple[tuple[str, Any], ...]:
    if isinstance(args, tuple):
        return args
    return tuple(sorted((args or {}).items()))


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One finding: stable code, severity, place, message and hint."""

    code: str
    severity: Severity
    span: Span | None = None
    args: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_freeze)
    #: indicator id (``"3.1"``), when the finding belongs to one
    item: str | None = None
    #: unit (``"Huyện A"``) for run-time findings about a unit's data
    unit: str | None = None
    #: the text ``span`` points into; not part of equality
    source: Source | None = attrs.field(default=None, eq=False, repr=False)

    @classmethod
    def make(cls, code: str, span: Span | None = None, *, source: Source | None = None,
             item: str | None = None, unit: str | None = None,
             severity: Severity | None = None, **args: Any) -> "Diagnostic":
        entry = lookup(code)
        return cls(code=code, severity=severity or Severity(entry.severity), span=span,
                   args=args, item=item, unit=unit, source=source)

    @property
    def arguments(self) -> dict[str, Any]:
        return dict(self.args)

    def message(self, lang: str = "vi") -> str:
        return lookup(self.code).format_message(lang, self.arguments)

    def hint(self, lang: str = "vi") -> str:
        return lookup(self.code).format_hint(lang, self.arguments)

    @property
    def position(self) -> tuple[int, int] | None:
        if self.span is None or self.source is None:
            return None
        return self.source.position(self.span.start)

    @property
    def end_position(self) -> tuple[int, int] | None:
        if self.span is None or self.source is None:
            return None
        return self.source.position(self.span.end)

    def with_context(self, *, source: Source | None = None, item: str | None = None,
                     unit: str | None = None) -> "Diagnostic":
        """A copy that also names the source, indicator or unit."""
        return attrs.evolve(
            self,
            source=self.source if source is None else source,
            item=self.item if item is None else item,
            unit=self.unit if unit is None else unit,
        )

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        line = column = end_line = end_column = None
        if self.position:
            line, column = self.position
            end_line, end_column = self.end_position  # type: ignore[misc]
        return {
            "code": self.code,
            "severity": self.severity.value,
            "item": self.item,
            "unit": self.unit,
            "file": self.source.name if self.source is not None else None,
            "line": line,
            "column": column,
            "end_line": end_line,
            "end_column": end_column,
            "message": self.message(lang),
            "hint": self.hint(lang),
        }
