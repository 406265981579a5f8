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
from typing import Any

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
from cdsdsl.diagnostics.core import CdsError, Diagnostic
from cdsdsl.evaluate.quoting import quote, verify_module


def _comment(text: Any) -> str:
    return quote(text, "comment")


def module_text(ruleset: Any, command: str) -> tuple[str, list]:
    """(module source, diagnostics of formulas that could not be compiled)."""
    from cdsdsl.evaluate.codegen import module_source
    from cdsdsl.scoring.score import compile_ruleset

    compiled = compile_ruleset(ruleset)
    programs = [c.program for c in compiled.items if c.program is not None]
    entered = [c.key for c in compiled.items if c.program is None and not c.errors]
    cohort = [c.key for c in compiled.items if c.needs_cohort]
    failed = [c for c in compiled.items if c.errors]
    q = _comment
    header = [
        f"# Bộ chỉ số / ruleset: {q(ruleset.title)}",
        f"# Văn bản / decision: {q(ruleset.decision)}",
        f"# Tạo bởi / made by: {q(command)}  (cdsdsl; chỉ cần thư viện chuẩn của Python)",
        f"# Làm tròn / rounding: {q(ruleset.rounding.digits)} chữ số, "
        f"{'nửa lên' if ruleset.rounding.mode == 'half_up' else 'cắt bỏ'}; chia cho 0 / zero division: "
        f"{q(ruleset.zero_division)}",
        "# Cách dùng / usage: score(\"1.3\", {\"a\": 7, \"b\": 21}, digits=2, rounding=\"half_up\") -> Decimal",
    ]
    if entered:
        header.append("# Không có trong mô-đun (điểm nhập trực tiếp hoặc cộng từ chỉ số con) / not in the module "
                      "(points entered directly or summed from sub-indicators): " + q(", ".join(entered)))
    if cohort:
        header.append("# Cần số liệu cả nhóm (tham số cohort) / need the cohort's statistics (the cohort "
                      "argument): " + q(", ".join(cohort)))
    if failed:
        header.append("# Công thức còn lỗi (hàm báo Fault CDS615) / formulas with errors (the function raises "
                      "Fault CDS615): " + q(", ".join(c.key for c in failed)))
    source = module_source(programs, title=ruleset.title)
    diags = [c.errors[0] for c in failed if c.errors]
    text = "\n".join(header) + "\n" + source
    problem = verify_module(text, source, command)
    if problem is not None:  # never write a module that does not import or does something else
        raise CdsError(Diagnostic.make("CDS632", None, detail=problem))
    return text, diags


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
