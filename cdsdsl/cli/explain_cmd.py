"""`cds explain RULESET DATA --unit NAME`: one unit's points, indicator by indicator, and why points were lost.

The whole cohort is scored (cohort indicators compare units), then for the
unit asked: per section and indicator the points, the working (inputs with
their cells, ``Tỷ lệ = 7/21 = 33,33%``, the case or level matched) and the
reason for each lost point, in Vietnamese (``--lang en``: English).  An
unknown unit is a usage error naming the nearest units.
Exit codes as `cds score`: 0, 1 (data errors / unit not fully scored), 2.
"""
from __future__ import annotations

import difflib
import json
from pathlib import Path
from typing import Any

import click

from cdsdsl.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    color_option,
    echo,
    echo_diagnostics,
    emit,
    fail_usage,
    format_option,
    guarded,
    lang_option,
    main,
    no_unit_exit,
    output_option,
    resolve_format,
    table_width,
)
from cdsdsl.cli.score_cmd import load_inputs_counted, report_findings, score_with_progress
from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.numbers import format_number
from cdsdsl.diagnostics.render import wrap_block
from cdsdsl.text.fold import fold_case


def _fold(text: str) -> str:
    return fold_case(text)


def _number(value: Any, lang: str) -> str:
    """Points as the tables of results show them (``635,10``); nothing for None."""
    return "" if value is None else format_number(value, lang, as_given=True)


def find_unit(names: list[str], wanted: str, lang: str, data: Path) -> str:
    """The unit called ``wanted`` (ignoring case, Unicode form and spacing), else a usage error
    naming the nearest units."""
    if wanted in names:
        return wanted
    folded = {_fold(n): n for n in names}
    if _fold(wanted) in folded:
        return folded[_fold(wanted)]
    near = difflib.get_close_matches(_fold(wanted), list(folded), n=3, cutoff=0.4)
    suggestions = ", ".join(f"`{folded[k]}`" for k in near)
    hint = (i18n.text("cli.explain.did_you_mean", lang, suggestions=suggestions) if near else "") \
        + i18n.text("cli.explain.units_of", lang, data=data,
                    units="; ".join(names[:12]) + ("; ..." if len(names) > 12 else ""))
    fail_usage(i18n.text("cli.explain.no_such_unit", lang, unit=wanted, data=data), hint.strip())
    raise AssertionError  # unreachable


def explain_text(cohort: Any, result: Any, unit: Any, lang: str) -> str:
    """The explanation for people: a heading, then per section its indicators with working and reason."""
    from cdsdsl.reports.tables import explain_table, ruleset_of

    rs = ruleset_of(cohort)
    table = explain_table(cohort, result, unit, lang)
    head = [i18n.text("cli.explain.unit", lang, unit=result.unit)]
    if rs is not None:
        head.append(i18n.text("cli.explain.ruleset", lang, title=rs.title, name=rs.name))
    total = f"{_number(result.total, lang)}/{_number(result.max_points, lang)}"
    line = i18n.text("cli.explain.total", lang, total=total)
    if result.set_total is not None:
        line += i18n.text("cli.explain.set_total", lang, points=_number(result.set_total, lang))
    if result.rank is not None:
        line += i18n.text("cli.explain.rank", lang, rank=result.rank, units=len(cohort.results))
    head.append(line)
    if not result.complete:
        head.append(i18n.text("cli.explain.incomplete", lang))
    from cdsdsl.reports.unit_facts import facts_line

    facts = facts_line(rs, unit, lang)
    if facts is not None:  # the general information the indicators share, given once
        head.append(facts)
    out = ["\n".join(head)]
    section_of = {i.key: (i.group_id and f"g:{i.group_id}") or i.section_id for i in rs.indicators} if rs else {}
    current = object()
    block: list[str] = []
    for (key, name, points, mx, _lost, trace, reason), ir in zip(table.rows, result.indicators.values(),
                                                                     strict=False):
        sec = section_of.get(key)
        if sec != current:
            if block:
                out.append("\n".join(block))
            block = [_section_heading(cohort, result, rs, sec, lang)]
            current = sec
        if ir.status == "not_applicable":
            block.append(f"  {key} {name}: {i18n.text('cli.explain.not_applicable', lang)}")
            continue
        pts = _number(points, lang) if points is not None else i18n.text("cli.not_scored", lang)
        block.append(f"  {key} {name}: {pts}/{_number(mx, lang)}")
        for t in trace.splitlines():
            block.append(f"      {t}")
        if reason:
            block.append(f"      → {reason}")
    if block:
        out.append("\n".join(block))
    from cdsdsl.reports.totals import gaps_note

    gaps = gaps_note(cohort, [result], lang)
    if gaps:  # a section printed above that is not the sum of its printed indicators: the rule, and where
        out.append(gaps)
    return "\n\n".join(out)


def _section_heading(cohort: Any, result: Any, rs: Any, sec: str | None, lang: str) -> str:
    from cdsdsl.reports.tables import _round

    if sec is None or rs is None:
        return "?"
    if sec.startswith("g:"):
        gid = sec[2:]
        g = rs.group(gid)
        t = result.groups.get(gid)
        pts = f": {_number(_round(cohort, t.exact), lang)}/{_number(t.max_points, lang)}" if t else ""
        return i18n.text("cli.explain.sector", lang, id=gid, name=g.name, points=pts)
    try:
        s = rs.section(sec)
        name = s.name
    except KeyError:
        name = ""
    t = result.sections.get(sec)
    pts = f": {_number(_round(cohort, t.exact), lang)}/{_number(t.max_points, lang)}" if t else ""
    return i18n.text("cli.explain.section", lang, id=sec, name=name, points=pts)


@main.command("explain")
@click.argument("ruleset", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--unit", "unit_name", required=True,
              help="Tên đơn vị như trong tệp số liệu / the unit's name as in DATA.")
@format_option("table", "json", "csv")
@lang_option
@output_option
@color_option
@guarded(EXIT_USAGE)
def explain(ruleset: Path, data: Path, unit_name: str, fmt: str, lang: str, output: Path | None) -> None:
    """Giải thích điểm của một đơn vị / explain one unit's points.

    Với từng chỉ số: điểm, cách tính (số liệu và ô của nó, giá trị trung gian như
    `Tỷ lệ = 7/21 = 33,33%`, trường hợp hoặc mức đạt được) và lý do mất điểm.
    RULESET: bộ chỉ số; DATA: số liệu của cả nhóm đơn vị (để tính các chỉ số so sánh giữa các đơn vị).
    """
    from cdsdsl.reports.tables import explain_table

    fmt = resolve_format(fmt, output, ("table", "json", "csv"), "table", lang)
    ruleset_obj, units, data_diags, intake = load_inputs_counted(ruleset, data, lang)
    if not units:
        if data_diags:
            echo_diagnostics(data_diags, lang)
        fail_usage(i18n.text("cli.explain.no_unit", lang, data=data), code=no_unit_exit(intake))
    name = find_unit([u.name for u in units], unit_name, lang, data)
    cohort = score_with_progress(ruleset_obj, units, lang, show=not (fmt == "json" and output is None))
    result = cohort.unit(name)
    unit = next(u for u in units if u.name == name)
    # only this unit's findings (and the data file's own errors) concern the reader
    mine = [d for d in data_diags if d.unit in (None, name)]
    failed = report_findings(_only(cohort, name), mine, lang)
    # the cohort the unit is compared with: rows read vs units scored (standard error, as the findings)
    echo(intake.line(len(cohort.results), lang), err=True)
    if fmt == "json":
        table = explain_table(cohort, result, unit, lang)
        payload = result.to_dict(lang)
        if ruleset_obj.facts:
            from cdsdsl.reports.unit_facts import unit_facts

            payload["facts"] = unit_facts(ruleset_obj, unit)
        from cdsdsl.reports.totals import rounding_rule

        payload["rounding"] = rounding_rule(cohort)
        payload["explanation"] = [dict(rec, trace=rec["trace"].splitlines() if rec["trace"] else [])
                                  for rec in table.records()]
        emit(json.dumps(payload, ensure_ascii=False, indent=2), output)
    elif fmt == "csv":
        emit(explain_table(cohort, result, unit, lang).csv().rstrip("\n"), output)
    else:
        emit(wrap_block(explain_text(cohort, result, unit, lang), table_width(output), 4), output)
    raise SystemExit(EXIT_FINDINGS if failed else EXIT_OK)


def _only(cohort: Any, name: str) -> Any:
    import attrs

    return attrs.evolve(cohort, results=tuple(r for r in cohort.results if r.unit == name),
                        diagnostics=tuple(d for d in cohort.diagnostics if d.unit in (None, name)))
