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
from cdsdsl.evaluate.quoting import quote
from cdsdsl.scoring.module import module_text


def sql_query(ruleset: Any, dialect: str, lang: str, output: Path | None) -> None:
    """Print (or write) the ruleset's SQL query: its input table, then the query (`cdsdsl.sql.compile`)."""
    from cdsdsl.sql.compile import compile_ruleset_sql
    from cdsdsl.sql.load import create_table

    sr = compile_ruleset_sql(ruleset, dialect)
    header = [f"-- {line}" for line in sql_header(sr)]
    text = "\n".join(header) + "\n" + create_table(sr, temporary=False) + ";\n\n" + sr.sql() + ";\n"
    emit(text, output)
    if sr.notes:
        echo_diagnostics(list(sr.notes), lang)
    if output is not None:
        echo(i18n.text("cli.written", lang, output=output), err=True)
    raise SystemExit(EXIT_OK)


def sql_header(sr: Any) -> list[str]:
    """What the input table's generated columns hold (comment lines; user text through `quoting.quote`)."""
    out = ["cdsdsl: fill cds_units (one row per unit; cohort_no groups the units compared together), then run",
           "the query. Numbers are exact fractions: <col>_n / <col>_d (both NULL: empty; _d = 0: not a valid figure)."]
    for c in sr.inputs:
        what = {"number": f"indicator {c.item}, input {c.key} ({c.kind})",
                "choice": f"indicator {c.item}, option chosen for {c.key}: bit i = option i+1 ("
                          + "; ".join(c.labels) + "), -1 invalid",
                "applies": f"indicator {c.item} applies to the unit (Áp dụng)",
                "python": f"indicator {c.item}: points computed by cdsdsl (cds score), _f its flag"}[c.role]
        out.append(_comment(f"{c.name}: {what}"))
    return out


def _comment(text: Any) -> str:
    return quote(text, "comment")


@main.command("compile")
@click.argument("ruleset", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "target", type=click.Choice(["python", "sql"]), default="python", show_default=True,
              help="Mô-đun Python, hoặc truy vấn SQL chấm cả nhóm / a Python module, or the SQL query scoring "
                   "a cohort.")
@click.option("--dialect", type=click.Choice(["duckdb", "postgres"]), default="duckdb", show_default=True,
              help="Hệ quản trị của truy vấn SQL / the database the SQL query is written for (with --to sql).")
@lang_option
@output_option
@color_option
@guarded(EXIT_USAGE)
def compile_(ruleset: Path, target: str, dialect: str, lang: str, output: Path | None) -> None:
    """Biên dịch bộ chỉ số thành mô-đun Python / compile a ruleset into a Python module.

    Mô-đun chỉ dùng thư viện chuẩn (không cần cdsdsl): mỗi chỉ số một hàm, và
    score("1.3", {"a": 7, "b": 21}) trả về điểm (Decimal). Không có -o: in ra màn hình.
    --to sql: truy vấn SQL (DuckDB hoặc PostgreSQL) đọc bảng cds_units và chấm điểm, cộng tổng, xếp hạng
    mọi đơn vị (docs/cli.md).
    """
    from cdsdsl.rulesets.model import load_ruleset

    require_file(ruleset, "ruleset", lang)
    rs = load_ruleset(ruleset)
    if target == "sql":
        sql_query(rs, dialect, lang, output)
    command = f"cds compile {ruleset}" + (f" -o {output.name}" if output is not None else "")
    text, diags = module_text(rs, command)
    emit(text, output)
    if diags:
        echo_diagnostics(diags, lang)
        echo("\n" + i18n.text("cli.compile.formula_errors", lang, count=len(diags)), err=True)
    if output is not None:
        echo(i18n.text("cli.written", lang, output=output), err=True)
    raise SystemExit(EXIT_OK)
