"""The exceptions that carry diagnostics.

Takes: one `Diagnostic` or a list of them (`record.py`) and the language of the message.
Returns: exceptions whose text is the first diagnostic's message and that render
every diagnostic as the CLI does (`render()`, through `render.py`).
`Diagnostic` and `Severity` are exported here too, where they were defined before.
"""
from __future__ import annotations

from cdsdsl.diagnostics.record import Diagnostic, Severity
from cdsdsl.diagnostics.render import render_diagnostics

__all__ = ["CdsError", "DataError", "Diagnostic", "FormulaSyntaxError", "InternalError", "RulesetError", "ScoreError",
           "Severity"]


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
        """Every diagnostic as the CLI shows it (caret excerpts of the lines)."""
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
