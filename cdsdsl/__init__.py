"""cdsdsl: a rules engine and formula language for Vietnam's Digital
Transformation Index (Bộ chỉ số đánh giá chuyển đổi số).

The public API is re-exported here; see docs/api.md.  The re-exports are
lazy (PEP 562): ``import cdsdsl`` loads nothing of the engine, and each name
imports its module on first use, so ``cds parse`` loads only the parser.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name -> the module (relative to this package) that defines it
_EXPORTS: dict[str, str] = {
    "CdsError": "diagnostics",
    "DataError": "diagnostics",
    "Diagnostic": "diagnostics",
    "FormulaSyntaxError": "diagnostics",
    "InternalError": "diagnostics",
    "RulesetError": "diagnostics",
    "ScoreError": "diagnostics",
    "Severity": "diagnostics",
    "Source": "source",
    "Span": "source",
    "Formula": "nodes",
    "parse_formula": "parser",
    "print_formula": "printer",
    "Outcome": "interpret",
    "Policy": "interpret",
    "evaluate_formula": "interpret",
    "evaluate_program": "interpret",
    "CompiledFormula": "codegen",
    "compile_formula": "codegen",
    "compile_program": "codegen",
    "module_source": "codegen",
    "check_formula": "check",
    "check_program": "check",
    "check_ruleset": "check",
    "Ruleset": "ruleset",
    "load_ruleset": "ruleset",
    "Unit": "unitdata",
    "Value": "unitdata",
    "CohortResult": "scoring",
    "IndicatorResult": "scoring",
    "TotalResult": "scoring",
    "UnitResult": "scoring",
    "score_cohort": "scoring",
    "score_unit": "scoring",
    "read_units": "forms",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # for type checkers and IDEs: the eager imports
    from .check import check_formula, check_program, check_ruleset
    from .codegen import CompiledFormula, compile_formula, compile_program, module_source
    from .diagnostics import (CdsError, DataError, Diagnostic, FormulaSyntaxError, InternalError, RulesetError,
                              ScoreError, Severity)
    from .forms import read_units
    from .interpret import Outcome, Policy, evaluate_formula, evaluate_program
    from .nodes import Formula
    from .parser import parse_formula
    from .printer import print_formula
    from .ruleset import Ruleset, load_ruleset
    from .scoring import CohortResult, IndicatorResult, TotalResult, UnitResult, score_cohort, score_unit
    from .source import Source, Span
    from .unitdata import Unit, Value


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    if not name.startswith("__"):
        # `import cdsdsl; cdsdsl.scoring` worked when the package imported
        # every module eagerly: keep it working for submodules
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
