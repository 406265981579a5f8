"""Stage: diagnostics.  Data first: every user-facing text in gettext catalogues (`i18n`, ``locale/``), the
catalogue of diagnostic codes over them (`messages`), numbers in the reader's language (`numbers`) and the
`Diagnostic` record (`record`); `render` turns diagnostics into compiler-style text and JSON; the errors that
carry diagnostics and render themselves (`core`) come last.  No module imports one above it.

The names of `core` are exported here too (`from cdsdsl.diagnostics import CdsError`), as when
`cdsdsl.diagnostics` was one module.
"""
from cdsdsl.diagnostics.core import (
                                     CdsError,
                                     DataError,
                                     Diagnostic,
                                     FormulaSyntaxError,
                                     InternalError,
                                     RulesetError,
                                     ScoreError,
                                     Severity,
)

__all__ = ["CdsError", "DataError", "Diagnostic", "FormulaSyntaxError", "InternalError", "RulesetError", "ScoreError",
           "Severity"]
