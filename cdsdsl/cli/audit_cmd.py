"""`cds audit TABLE [--ruleset RULESET]`: check a published results table.

Reads the table as published (tab-separated text with page headers, ``<i>``
tags and decimal commas) or as ``.csv``/``.tsv``/``.xlsx``, and reports
points above the maximum, sums that disagree with their parts, duplicated or
garbled ids and, with a ruleset, maxima and recomputable points that differ.
Exit codes: 0 no errors (warnings allowed), 1 inconsistencies found,
2 unreadable input.
"""
from __future__ import annotations

from pathlib import Path

import click

from cdsdsl.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    color_option,
    colour_for,
    emit,
    fail_usage,
    format_option,
    guarded,
    lang_option,
    main,
    output_option,
    resolve_format,
    table_width,
)
from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.render import diagnostics_json, render_diagnostics, summary


@main.command("audit")
@click.argument("table", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--ruleset", "ruleset", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Bộ chỉ số để so điểm tối đa và tính lại điểm / ruleset to compare maxima and recompute points.")
@lang_option
@format_option("table", "json")
@output_option
@color_option
@guarded(EXIT_USAGE)
def audit_cmd(table: Path, ruleset: Path | None, lang: str, fmt: str, output: Path | None) -> None:
    """Kiểm tra bảng kết quả đã công bố / audit a published results table.

    TABLE: văn bản phân cách bằng tab (như bản công bố), .csv, .tsv hoặc .xlsx.
    """
    from cdsdsl.verify.audit import audit_file, has_errors

    fmt = resolve_format(fmt, output, ("table", "json"), "table", lang)
    for path in (table, ruleset):
        if path is not None and not path.is_file():
            fail_usage(i18n.text("cli.no_such_file", lang, path=path), i18n.text("cli.check_path.hint", lang))
    diags = audit_file(table, ruleset)
    if fmt == "json":
        emit(diagnostics_json(diags, lang), output)
    else:
        parts = []
        if diags:
            parts.append(render_diagnostics(diags, lang=lang, colour=colour_for(output=output),
                                            width=table_width(output)))
        parts.append(f"{table.name}: {summary(diags, lang)}")
        emit("\n\n".join(parts), output)
    raise SystemExit(EXIT_FINDINGS if has_errors(diags) else EXIT_OK)
