"""The module paths of cdsdsl before the packages by stage (docs/api.md names some of them:
`cdsdsl.ruleset`, `cdsdsl.forms`, `cdsdsl.grammars`, ...) still import, and give the very module of the
new path, so there is one module per job and old code keeps working."""
import importlib
import subprocess
import sys

import pytest

import cdsdsl


@pytest.mark.parametrize("old, new", sorted(cdsdsl.MOVED_MODULES.items()))
def test_an_old_module_path_is_the_new_module(old, new):
    moved = importlib.import_module(f"cdsdsl.{old}")
    assert moved is importlib.import_module(f"cdsdsl.{new}")
    assert moved.__spec__.name == f"cdsdsl.{new}"  # the module keeps its own spec


def test_old_paths_of_docs_api_md():
    from cdsdsl.diagnostics import CdsError
    from cdsdsl.lint.analysis import LintContext
    from cdsdsl.reports import write_report_xlsx
    from cdsdsl.ruleset import load_ruleset
    from cdsdsl.scoring import compile_ruleset, score_unit

    assert load_ruleset is cdsdsl.load_ruleset
    assert LintContext is importlib.import_module("cdsdsl.checks.analysis").LintContext
    assert score_unit is cdsdsl.score_unit and callable(compile_ruleset) and callable(write_report_xlsx)
    assert CdsError is cdsdsl.CdsError
    assert cdsdsl.forms.read_units is cdsdsl.read_units


def test_an_unknown_name_is_still_an_error():
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("cdsdsl.no_such_module")
    with pytest.raises(AttributeError):
        cdsdsl.scoring.no_such_name  # noqa: B018


def test_import_cdsdsl_loads_no_stage():
    code = "import sys, cdsdsl; print(sorted(m for m in sys.modules if m.startswith('cdsdsl.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
