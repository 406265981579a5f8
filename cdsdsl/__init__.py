"""cdsdsl: a rules engine and formula language for Vietnam's Digital
Transformation Index (Bộ chỉ số đánh giá chuyển đổi số).

The public API is re-exported here; see docs/api.md.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .diagnostics import (  # noqa: E402
    CdsError,
    DataError,
    Diagnostic,
    FormulaSyntaxError,
    InternalError,
    RulesetError,
    ScoreError,
    Severity,
)
from .source import Source, Span  # noqa: E402
from .nodes import Formula  # noqa: E402
from .parser import parse_formula  # noqa: E402
from .printer import print_formula  # noqa: E402
from .interpret import Outcome, Policy, evaluate_formula, evaluate_program  # noqa: E402
from .codegen import CompiledFormula, compile_formula, compile_program, module_source  # noqa: E402
from .check import check_formula, check_program, check_ruleset  # noqa: E402
from .ruleset import Ruleset, load_ruleset  # noqa: E402
from .unitdata import Unit, Value  # noqa: E402
from .scoring import CohortResult, IndicatorResult, TotalResult, UnitResult, score_cohort, score_unit  # noqa: E402
from .forms import read_units  # noqa: E402

__all__ = [
    "__version__",
    "CdsError",
    "DataError",
    "Diagnostic",
    "FormulaSyntaxError",
    "InternalError",
    "RulesetError",
    "ScoreError",
    "Severity",
    "Source",
    "Span",
    "Formula",
    "parse_formula",
    "print_formula",
    "Outcome",
    "Policy",
    "evaluate_formula",
    "evaluate_program",
    "CompiledFormula",
    "compile_formula",
    "compile_program",
    "module_source",
    "check_formula",
    "check_program",
    "check_ruleset",
    "Ruleset",
    "load_ruleset",
    "Unit",
    "Value",
    "CohortResult",
    "IndicatorResult",
    "TotalResult",
    "UnitResult",
    "score_cohort",
    "score_unit",
    "read_units",
]
