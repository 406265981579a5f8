"""What a lint rule is: a name, the codes it may report, and ``check(ctx)`` yielding `Diagnostic`s for one
formula's `LintContext`.  The rules themselves are the other modules of this package; `cdsdsl.checks`
lists them in order (`LINT_RULES`)."""
from __future__ import annotations

from typing import Callable, Iterable

import attrs

from cdsdsl.checks.analysis import LintContext
from cdsdsl.diagnostics.core import Diagnostic


@attrs.frozen
class Rule:
    name: str
    codes: tuple[str, ...]
    check: Callable[[LintContext], Iterable[Diagnostic]]
