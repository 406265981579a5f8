"""cdsdsl: a rules engine and formula language for Vietnam's Digital
Transformation Index (Bộ chỉ số đánh giá chuyển đổi số).

The public API is re-exported here; see docs/api.md.  The re-exports are
lazy (PEP 562): ``import cdsdsl`` loads nothing of the engine, and each name
imports its module on first use, so ``cds parse`` loads only the parser.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name -> the module (relative to this package) that defines it
_EXPORTS: dict[str, str] = {
    "CdsError": "diagnostics.core",
    "DataError": "diagnostics.core",
    "Diagnostic": "diagnostics.core",
    "FormulaSyntaxError": "diagnostics.core",
    "InternalError": "diagnostics.core",
    "RulesetError": "diagnostics.core",
    "ScoreError": "diagnostics.core",
    "Severity": "diagnostics.core",
    "Source": "text.source",
    "Span": "text.source",
    "Formula": "syntax.nodes",
    "parse_formula": "syntax.parser",
    "print_formula": "syntax.printer",
    "Outcome": "evaluate.interpret",
    "Policy": "evaluate.interpret",
    "evaluate_formula": "evaluate.interpret",
    "evaluate_program": "evaluate.interpret",
    "CompiledFormula": "evaluate.codegen",
    "compile_formula": "evaluate.codegen",
    "compile_program": "evaluate.codegen",
    "module_source": "evaluate.codegen",
    "check_formula": "checks.formula",
    "check_program": "checks.formula",
    "check_ruleset": "rulesets.check",
    "Ruleset": "rulesets.model",
    "load_ruleset": "rulesets.model",
    "Unit": "scoring.unitdata",
    "Value": "scoring.unitdata",
    "CohortResult": "scoring.score",
    "IndicatorResult": "scoring.score",
    "TotalResult": "scoring.score",
    "UnitResult": "scoring.score",
    "score_cohort": "scoring.score",
    "score_unit": "scoring.score",
    "read_units": "dataentry.forms",
}

__all__ = ["__version__", *_EXPORTS]

#: module paths before the packages by stage (cdsdsl 0.1) -> the module that lives there now.  They keep
#: working (`from cdsdsl.ruleset import load_ruleset`, `cdsdsl.forms.write_template`, docs/api.md) and
#: give the very module object of the new path, so there is still one module per job.
MOVED_MODULES: dict[str, str] = {
    "source": "text.source", "normalize": "text.normalize",
    "messages": "diagnostics.messages", "render": "diagnostics.render",
    "textfile": "files.textfile", "xlsx": "files.xlsx", "safe_cells": "files.safe_cells",
    "grammars": "syntax.grammars", "lalr": "syntax.lalr",
    "nodes": "syntax.nodes", "build": "syntax.build", "parser": "syntax.parser", "printer": "syntax.printer",
    "syntax_examples": "syntax.examples",
    "resolve": "semantics.resolve", "typesys": "semantics.typesys",
    "lint": "checks", "check": "rulesets.check",
    "runtime": "evaluate.runtime", "mangle": "evaluate.mangle", "quoting": "evaluate.quoting",
    "cohort": "evaluate.cohort_eval", "interpret": "evaluate.interpret", "codegen": "evaluate.codegen",
    "explain": "evaluate.explain", "unitdata": "scoring.unitdata",
    "ruleset": "rulesets.model", "sheets": "rulesets.sheets", "ruleset_checks": "rulesets.structure",
    "forms": "dataentry.forms",
    "results_table": "verify.results_table", "audit": "verify.audit", "casetests": "verify.casetests",
}
# (`cdsdsl.diagnostics`, `cdsdsl.scoring` and `cdsdsl.reports` are packages now that export the old
#  modules' names; `cdsdsl.lint.<rule>` is `cdsdsl.checks.<rule>`.)


class _MovedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Import finder for `MOVED_MODULES`: `import cdsdsl.parser` gives `cdsdsl.syntax.parser` itself."""

    def __init__(self) -> None:
        self._specs: dict[str, Any] = {}

    @staticmethod
    def target(fullname: str) -> str | None:
        if not fullname.startswith(__name__ + "."):
            return None
        old = fullname[len(__name__) + 1:]
        if old in MOVED_MODULES:
            return f"{__name__}.{MOVED_MODULES[old]}"
        head, _, rest = old.partition(".")
        if head == "lint" and rest:
            return f"{__name__}.checks.{rest}"
        return None

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if self.target(fullname) is None:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec: Any) -> ModuleType:
        module = importlib.import_module(self.target(spec.name) or "")
        self._specs[spec.name] = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        # the import system has just set the alias's spec on the module: give it back its own
        alias = module.__spec__
        if alias is not None and alias.name in self._specs:
            module.__spec__ = self._specs[alias.name]


if not any(isinstance(f, _MovedModules) for f in sys.meta_path):
    sys.meta_path.insert(0, _MovedModules())

if TYPE_CHECKING:  # for type checkers and IDEs: the eager imports
    from cdsdsl.checks.formula import check_formula, check_program
    from cdsdsl.dataentry.forms import read_units
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
    from cdsdsl.evaluate.codegen import CompiledFormula, compile_formula, compile_program, module_source
    from cdsdsl.evaluate.interpret import Outcome, Policy, evaluate_formula, evaluate_program
    from cdsdsl.rulesets.check import check_ruleset
    from cdsdsl.rulesets.model import Ruleset, load_ruleset
    from cdsdsl.scoring.score import CohortResult, IndicatorResult, TotalResult, UnitResult, score_cohort, score_unit
    from cdsdsl.scoring.unitdata import Unit, Value
    from cdsdsl.syntax.nodes import Formula
    from cdsdsl.syntax.parser import parse_formula
    from cdsdsl.syntax.printer import print_formula
    from cdsdsl.text.source import Source, Span


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
