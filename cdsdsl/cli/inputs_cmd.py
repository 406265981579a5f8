"""`cds inputs FILE`: the input schema of every indicator (what each unit must supply).

FILE is a ruleset (``.cds``, ``.csv``, ``.tsv``, ``.xlsx``) or a text file with
one formula (``--max``, ``--item``).  A table (tabulate) by default, ``--format
json`` for tools.  Indicators whose text cannot be read are listed with the error.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from cdsdsl.cli.check_cmd import _is_ruleset
from cdsdsl.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    color_option,
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

_FACTS = "Thông tin chung"


def _with_facts(rs: Any, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """General information asked once: an entry ``Thông tin chung`` (one input per fact, with the inputs it
    fills) after the indicators, and ``"fact"`` on each input a fact fills (its unit gives it once)."""
    if not rs.facts:
        return entries
    from cdsdsl.dataentry.forms import build_form

    form = build_form(rs)
    for e in entries:
        for spec in e.get("inputs", ()):
            fact = form.fact_inputs.get((e["item"], spec["key"]))
            if fact is not None:
                spec["fact"] = fact
    facts = [{"key": f.key, "name": f.key, "description": f.description, "kind": f.kind, "unit": f.unit,
              "dimension": None if f.dimension is None else f.dimension.label(),
              "constant": None, "choices": [], "part": None, "role": "fact",
              "used_by": [f"{i}:{k}" for (i, k), n in form.fact_inputs.items() if n == f.key]}
             for f in form.fields if f.indicator == _FACTS]
    return entries + [{"item": _FACTS, "needs_cohort": False, "inputs": facts}]


@main.command("inputs")
@click.argument("file")
@click.option("--max", "max_points", default="10", show_default=True, help="Điểm tối đa (tệp công thức).")
@click.option("--item", default=None, help="Số thứ tự chỉ số (tệp công thức).")
@format_option("table", "json", default="table")
@lang_option
@output_option
@color_option
@guarded(exit_code_for_cds_error=EXIT_USAGE)
def inputs_cmd(file: str, max_points: str, item: str | None, fmt: str, lang: str, output) -> None:
    """Liệt kê số liệu đầu vào của từng chỉ số / list the inputs of every indicator.

    Exit 0, 1 when an indicator's text cannot be read (listed with its error), 2 on usage errors
    and unloadable rulesets.
    """
    from tabulate import tabulate

    from cdsdsl.reports.tables import Column, Table
    from cdsdsl.semantics.typesys import kind_label

    fmt = resolve_format(fmt, output, ("table", "json"), "table", lang)
    width = table_width(output)

    if file != "-" and not Path(file).exists():
        fail_usage(i18n.text("cli.no_such_file", lang, path=file), i18n.text("cli.check_path.hint", lang))
    entries: list[dict[str, Any]] = []
    if file != "-" and _is_ruleset(file):
        from cdsdsl.rulesets.model import load_ruleset
        rs = load_ruleset(file)
        entries = _with_facts(rs, ruleset_entries(rs, lang))
    else:
        from cdsdsl.rulesets.model import parse_max
        ok, mp = parse_max(max_points)
        if not ok or mp is None:
            fail_usage(i18n.text("cli.invalid_max", lang, value=max_points))
        entries.append(formula_entry(read_text(file, lang), mp, item=item, title=None, name=file, lang=lang))
    failed = any(e.get("error") for e in entries)
    if fmt == "json":
        emit(json.dumps(entries, ensure_ascii=False, indent=2), output)
        raise SystemExit(EXIT_FINDINGS if failed else EXIT_OK)
    headers = i18n.text("cli.inputs.headers", lang).split("|")
    rows = []
    for e in entries:
        if e.get("error"):
            rows.append([e["item"] or "", "", i18n.text("cli.usage_error", lang, message=e["error"]), "", "", ""])
            continue
        if e.get("entered_directly"):
            rows.append([e["item"], "", i18n.text("cli.inputs.entered_directly", lang),
                         "", "", ""])
            continue
        for spec in e["inputs"]:
            desc = spec["description"] + (f" ← {_FACTS}: {spec['fact']}" if spec.get("fact") else "")
            choices = "; ".join(spec["choices"])
            if width is None:  # no width to wrap to: cut long texts as before
                if len(desc) > 70:
                    desc = desc[:69] + "…"
                if len(choices) > 60:
                    choices = choices[:59] + "…"
            rows.append([e["item"] or "", spec["key"], desc, kind_label(spec["kind"], lang),
                         spec["dimension"] or spec["unit"] or "", choices])
    if width is None:
        emit(tabulate(rows, headers=headers, tablefmt="simple"), output)
    else:  # wrapped to the terminal, every text whole
        table = Table(tuple(Column(f"c{i}", h) for i, h in enumerate(headers)), tuple(map(tuple, rows)))
        emit(table.text(lang, width=width), output)
    raise SystemExit(EXIT_FINDINGS if failed else EXIT_OK)
