"""Diagnostics as data, and the exceptions that carry them.

Takes: a code from the catalogue in `messages.py`, the arguments of its
templates, the span of the words concerned and, where known, the indicator.
Returns: `Diagnostic` objects that render themselves in Vietnamese or English
(`message(lang)`, `hint(lang)`) and serialise to JSON (`to_dict`).  Passes
return lists of diagnostics; only the CLI decides to exit non-zero.
"""
from __future__ import annotations

import enum
from typing import Any, Mapping

import attrs

from cdsdsl.diagnostics.messages import lookup
from cdsdsl.text.source import Source, Span


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def label(self, lang: str = "vi") -> str:
        vi = {"error": "lỗi", "warning": "cảnh báo", "info": "thông tin"}
        return vi[self.value] if lang == "vi" else self.value


def _freeze(args: "Mapping[str, Any] | tuple | None") -> tuple[tuple[str, Any], ...]:
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


class CdsError(Exception):
    """Base of every error cdsdsl raises on purpose; carries diagnostics."""

    def __init__(self, diagnostics: "list[Diagnostic] | Diagnostic", lang: str = "vi") -> None:
        if isinstance(diagnostics, Diagnostic):
            diagnostics = [diagnostics]
        self.diagnostics = list(diagnostics)
        self.lang = lang
        super().__init__(self.diagnostics[0].message(lang) if self.diagnostics else "cdsdsl error")

    @property
    def first(self) -> Diagnostic:
        return self.diagnostics[0]

    @property
    def code(self) -> str:
        return self.first.code

    @property
    def message(self) -> str:
        return self.first.message(self.lang)

    @property
    def hint(self) -> str:
        return self.first.hint(self.lang)

    @property
    def line(self) -> int | None:
        pos = self.first.position
        return pos[0] if pos else None

    @property
    def column(self) -> int | None:
        pos = self.first.position
        return pos[1] if pos else None

    def render(self, lang: str | None = None) -> str:
        from cdsdsl.diagnostics.render import render_diagnostics

        return render_diagnostics(self.diagnostics, lang=lang or self.lang)


class FormulaSyntaxError(CdsError):
    """Formula text that cannot be read (codes CDS1xx)."""


class RulesetError(CdsError):
    """A ruleset file or table that cannot be loaded (codes CDS5xx)."""


class DataError(CdsError):
    """Unit data that cannot be used (codes CDS6xx)."""


class ScoreError(CdsError):
    """A formula that cannot be scored for a unit (codes CDS6xx)."""


class InternalError(Exception):
    """A bug in cdsdsl itself, never the user's fault."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"{what}\nĐây là lỗi của cdsdsl, không phải của văn bản: xin báo lại kèm công thức "
            "(this is a bug in cdsdsl: please report it with the formula)."
        )
