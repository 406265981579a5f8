"""`cds check FILE`: find the mistakes in a ruleset or in one formula before it is signed.

FILE is a ruleset (``.cds``, ``.csv``, ``.tsv``, ``.xlsx``) or a plain text
file holding one scoring text (``--max``, ``--item``).  Human output (source
line, carets, hint) and a summary line by default, ``--format json`` for tools.
``--inputs`` (also ``--dimensions``) adds, after the findings, each indicator's inputs with the dimension
the engine understood (``a  Số người dân có tài khoản ngân hàng → số người``); in JSON the output is then
``{"findings": [...], "inputs": [...]}`` (the entries of ``cds inputs --format json``).
Exit 0 when there is no error, 1 when there are errors, 2 on usage errors and
on a ruleset that cannot be loaded (its CDS5xx errors are still the report).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
    read_text,
    resolve_format,
    table_width,
)
from cdsdsl.cli.input_entries import formula_entry, ruleset_entries
from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.core import RulesetError, Severity
from cdsdsl.diagnostics.render import diagnostics_json, render_diagnostics, summary

RULESET_SUFFIXES = (".cds", ".csv", ".tsv", ".xlsx")


def _is_ruleset(path: str) -> bool:
    return Path(path).suffix.lower() in RULESET_SUFFIXES


def inputs_text(entries: list[dict[str, Any]], lang: str) -> str:
    """The ``--inputs`` section: a heading, then one line per input, ``1.3  a  <description> → <dimension>``,
    options (their choices are no dimension) and indicators without inputs (points entered directly,
    unreadable texts: see the findings) left out."""
    from cdsdsl.semantics.typesys import kind_label

    rows = [(e["item"] or "", spec["key"], _cut(spec["description"]),
             spec["dimension"] or spec["unit"] or kind_label(spec["kind"], lang))
            for e in entries for spec in e.get("inputs", ()) if spec["kind"] not in ("option", "options")]
    if not rows:
        return ""
    wide = [max(len(r[i]) for r in rows) for i in (0, 1)]
    heading = i18n.text("cli.check.inputs.heading", lang, count=len(rows),
                        items=len({r[0] for r in rows}))
    return "\n".join([heading] + [f"  {r[0]:<{wide[0]}}  {r[1]:<{wide[1]}}  {r[2]} → {r[3]}" for r in rows])


def _cut(text: str, limit: int = 80) -> str:
    """A description on one line, cut at ``limit`` characters (the whole text is in ``cds inputs``)."""
    one = " ".join(text.split())
    return one if len(one) <= limit else one[:limit - 1] + "…"


@main.command("check")
@click.argument("file")
@click.option("--max", "max_points", default="10", show_default=True,
              help="Điểm tối đa của công thức (tệp công thức) / maximum points of a formula file.")
@click.option("--item", default=None, help="Số thứ tự chỉ số (tệp công thức) / indicator id of a formula file.")
@format_option("text", "json", default="text")
@lang_option
@output_option
@click.option("--severity", "min_severity", type=click.Choice(["info", "warning", "error"]), default="info",
              show_default=True, help="Chỉ in từ mức này / only show findings from this level up.")
@click.option("--inputs", "--dimensions", "show_inputs", is_flag=True,
              help="In thêm số liệu đầu vào của từng chỉ số và kiểu đã hiểu (số người, triệu đồng) / also list "
                   "each indicator's inputs with the dimension understood.")
@color_option
@guarded(exit_code_for_cds_error=EXIT_FINDINGS)
def check_cmd(file: str, max_points: str, item: str | None, fmt: str, lang: str, output,
              min_severity: str, show_inputs: bool = False) -> None:
    """Kiểm tra bộ chỉ số hoặc một công thức / check a ruleset or one formula.

    FILE: bộ chỉ số .cds/.csv/.tsv/.xlsx, hoặc tệp văn bản chứa một công thức (- là đầu vào chuẩn).
    """
    from cdsdsl.rulesets.check import check_formula, check_ruleset, sort_diagnostics

    fmt = resolve_format(fmt, output, ("text", "json"), "text", lang)
    unloadable = False
    entries: list[dict[str, Any]] = []
    if file != "-" and not Path(file).exists():
        fail_usage(i18n.text("cli.no_such_file", lang, path=file), i18n.text("cli.check_path.hint", lang))
    if file != "-" and _is_ruleset(file):
        from cdsdsl.rulesets.model import load_ruleset
        try:
            ruleset = load_ruleset(file)
        except RulesetError as exc:  # a ruleset that cannot be loaded: its errors are the findings
            diags = list(exc.diagnostics)
            unloadable = True
        else:
            diags = check_ruleset(ruleset)
            entries = ruleset_entries(ruleset, lang) if show_inputs else []
    else:
        from cdsdsl.rulesets.model import parse_max
        ok, mp = parse_max(max_points)
        if not ok or mp is None:
            fail_usage(i18n.text("cli.invalid_max", lang, value=max_points), i18n.text("cli.invalid_max.hint", lang))
        text = read_text(file, lang)
        diags = check_formula(text, mp, item=item, name="<stdin>" if file == "-" else file)
        if show_inputs:
            entries = [formula_entry(text, mp, item=item, title=None, name=file, lang=lang)]
    diags = sort_diagnostics(diags)
    order = {"info": 0, "warning": 1, "error": 2}
    shown = [d for d in diags if order[d.severity.value] >= order[min_severity]]
    if fmt == "json" and show_inputs:
        emit(json.dumps({"findings": json.loads(diagnostics_json(shown, lang)), "inputs": entries},
                        ensure_ascii=False, indent=2), output)
    elif fmt == "json":
        emit(diagnostics_json(shown, lang), output)
    else:
        colour = colour_for(output=output)
        body = render_diagnostics(shown, lang=lang, colour=colour, width=table_width(output))
        listing = inputs_text(entries, lang) if show_inputs else ""
        emit((body + "\n\n" if body else "") + (listing + "\n\n" if listing else "") + summary(diags, lang), output)
    if unloadable:
        raise SystemExit(EXIT_USAGE)
    raise SystemExit(EXIT_FINDINGS if any(d.severity is Severity.ERROR for d in diags) else EXIT_OK)
