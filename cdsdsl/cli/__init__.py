"""The `cds` command: a thin click layer over the library.

Each sub-command lives in its own module of this package and only calls the
public API and `cdsdsl.diagnostics.render`.  Exit codes: 0 ok, 1 findings (errors in a
check, a syntax error, failed audit), 2 usage errors or unreadable input.
No Python traceback ever reaches the user: `guarded` turns every `CdsError`
into a rendered diagnostic and any other exception into a short bug report.
"""
from __future__ import annotations

import importlib

import click

from cdsdsl.cli.common import main

# one module per sub-command; importing registers it on `main`
_COMMANDS = ("parse", "check", "inputs", "template", "score", "explain", "compile", "audit", "test", "import",
             "diff", "compare", "serve")
for _name in _COMMANDS:
    try:
        importlib.import_module(f"{__name__}.{_name}_cmd")
    except ModuleNotFoundError as exc:  # a command not written yet
        if exc.name != f"{__name__}.{_name}_cmd":
            raise

__all__ = ["main", "click"]
