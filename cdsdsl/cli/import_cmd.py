"""`cds import DECISION.docx [-o ruleset.cds]`: the decision's appendix table as a ruleset, then checked.

The `.cds` text goes to ``-o`` (standard output without it); the report — every cell the import could not
place (CDS905-907, at its table, row and column), the rows it refused, then `cds check`'s findings on the
written ruleset (positions in that file) and a summary line — goes to standard output when ``-o`` names a
file, else to standard error.  ``--format json`` gives the report as JSON (with ``-o``).
Exit codes: 0 every cell placed and no error in the check; 1 the ruleset was written but a cell was not
placed, a row was refused or the check found errors; 2 usage errors and input that is not a readable
``.docx`` with an indicator table (CDS900-904).
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from cdsdsl.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    color_option,
    colour_for,
    echo,
    emit,
    fail_usage,
    format_option,
    guarded,
    lang_option,
    main,
    output_option,
    table_width,
)
from cdsdsl.cli.score_cmd import require_file
from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.core import Severity
from cdsdsl.diagnostics.render import render_diagnostics, summary

#: import findings that mean a cell of the decision is not in the ruleset
_NOT_PLACED = ("CDS905", "CDS907")


@main.command("import")
@click.argument("docx_path", metavar="DECISION.docx", type=click.Path(dir_okay=False, path_type=Path))
@output_option
@format_option("text", "json", default="text")
@lang_option
@color_option
@guarded(EXIT_USAGE)
def import_cmd(docx_path: Path, output: Path | None, fmt: str | None, lang: str) -> None:
    """Nhập bộ chỉ số từ bảng phụ lục của văn bản .docx / import a ruleset from a decision's .docx table.

    Ghi bộ chỉ số .cds (tên và cách tính chép nguyên văn) rồi kiểm tra nó như `cds check`. Exit 0: mọi ô
    đã đưa vào, không có lỗi; 1: có ô không đưa vào được hoặc có lỗi khi kiểm tra; 2: tệp không đọc được.
    """
    from cdsdsl.rulesets.cds import parse_ruleset_text
    from cdsdsl.rulesets.check import check_ruleset, sort_diagnostics
    from cdsdsl.rulesets.docx_import import import_docx

    fmt = fmt or "text"
    if fmt == "json" and output is None:
        fail_usage(i18n.text("cli.import.json_needs_output", lang),
                   i18n.text("cli.import.json_needs_output.hint", lang))
    require_file(docx_path, "decision", lang)
    imported = import_docx(docx_path)
    emit(imported.text.rstrip("\n"), output)
    written = parse_ruleset_text(imported.text, name=str(output) if output else "<stdout>")
    found = sort_diagnostics(list(check_ruleset(written)))
    notes = list(imported.diagnostics)
    failed = any(d.code in _NOT_PLACED or d.severity is Severity.ERROR for d in notes) or \
        any(d.severity is Severity.ERROR for d in found)
    done = i18n.text("cli.import.written", lang, output=output or "<stdout>", path=docx_path,
                     sections=len(written.sections), indicators=len(written.indicators))
    if fmt == "json":
        payload = {"decision": str(docx_path), "output": str(output), "sections": len(written.sections),
                   "indicators": len(written.indicators), "import": [d.to_dict(lang) for d in notes],
                   "check": [d.to_dict(lang) for d in found]}
        echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        err = output is None
        colour, width = colour_for(err=err), table_width(err=err)
        parts = [render_diagnostics(notes, lang=lang, colour=colour, width=width)] if notes else []
        parts += [done, i18n.text("cli.import.check_heading", lang)]
        if found:
            parts.append(render_diagnostics(found, lang=lang, colour=colour, width=width))
        parts.append(summary(found, lang))
        echo("\n\n".join(p for p in parts if p), err=err)
    raise SystemExit(EXIT_FINDINGS if failed else EXIT_OK)
