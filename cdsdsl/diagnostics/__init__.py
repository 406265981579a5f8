"""Stage: diagnostics.  Data first: the catalogue of messages (`messages`), the `Diagnostic` record and the
errors that carry diagnostics (`core`); `render` turns them into compiler-style text and JSON and depends on
both, never the reverse.

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
