"""`cds compile RULESET [-o module.py]`: the ruleset as a plain Python module.

Every indicator's scoring text is parsed, resolved and compiled (by
`codegen.module_source`) into one readable function per indicator
(``chi_so_1_3(inputs, ...)``), with ``INDICATORS`` (id → function, maximum),
``SPANS`` (places in the ruleset file) and ``score(item, inputs)`` returning
the rounded points as a `Decimal`.  The module imports only the standard
library: it runs where cdsdsl is not installed.  Indicators whose points are
entered directly are not in it; a formula with errors becomes a function
that raises ``Fault("CDS615")`` and is reported on standard error.
User text (file names, title, decision, indicator ids) enters the comment
header only through `quoting.quote(..., "comment")`; the module's bytes are
verified (`quoting.verify_module`) before anything is written.
Exit codes: 0 written, 2 usage errors, unreadable ruleset or a module that is
not itself (CDS632, nothing written).
"""
from __future__ import annotations

from pathlib import Path

import click

from cdsdsl.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    color_option,
    echo,
    echo_diagnostics,
    emit,
    guarded,
    lang_option,
    main,
    output_option,
)
from cdsdsl.cli.score_cmd import require_file
from cdsdsl.diagnostics import i18n
from cdsdsl.scoring.module import module_text


@main.command("compile")
@click.argument("ruleset", type=click.Path(dir_okay=False, path_type=Path))
@lang_option
@output_option
@color_option
@guarded(EXIT_USAGE)
def compile_(ruleset: Path, lang: str, output: Path | None) -> None:
    """Biên dịch bộ chỉ số thành mô-đun Python / compile a ruleset into a Python module.

    Mô-đun chỉ dùng thư viện chuẩn (không cần cdsdsl): mỗi chỉ số một hàm, và
    score("1.3", {"a": 7, "b": 21}) trả về điểm (Decimal). Không có -o: in ra màn hình.
    """
    from cdsdsl.rulesets.model import load_ruleset

    require_file(ruleset, "ruleset", lang)
    rs = load_ruleset(ruleset)
    command = f"cds compile {ruleset}" + (f" -o {output.name}" if output is not None else "")
    text, diags = module_text(rs, command)
    emit(text, output)
    if diags:
        echo_diagnostics(diags, lang)
        echo("\n" + i18n.text("cli.compile.formula_errors", lang, count=len(diags)), err=True)
    if output is not None:
        echo(i18n.text("cli.written", lang, output=output), err=True)
    raise SystemExit(EXIT_OK)
