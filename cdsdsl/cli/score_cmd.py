"""`cds score RULESET DATA` and `cds rank RULESET DATA`: points and ranking of a cohort.

DATA is the units' filled data (``.csv``/``.tsv``/``.xlsx``/``.json``, read by
`forms.read_units`).  Every unit is scored together with the others (cohort
indicators compare units); `score` prints the points per unit in the data's
order (total, maximum, per section), `rank` sorts them with their ranks (ties
share a rank: 1, 2, 2, 4).  Data problems go to standard error as located
diagnostics; standard output only carries the result.
Exit codes: 0 every unit fully scored, 1 data errors or a unit not fully
scored, 2 usage errors or unreadable files.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Callable

import attrs
import click

from cdsdsl.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    color_option,
    colour_for,
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
    write_file,
)
from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.core import Diagnostic, Severity
from cdsdsl.diagnostics.render import render_diagnostics, wrap_block

#: cohorts larger than this show a progress bar (on standard error)
PROGRESS_THRESHOLD = 200


def require_file(path: Path, kind: str, lang: str) -> None:
    """Exit with a usage error when ``path`` is not a file; ``kind``: ``ruleset`` or ``data``."""
    if not path.is_file():
        fail_usage(i18n.text("cli.no_such_file_of_kind", lang, what=i18n.text(f"cli.kind.{kind}", lang), path=path),
                   i18n.text("cli.check_path.hint", lang))


def load_inputs(ruleset_path: Path, data_path: Path, lang: str) -> tuple[Any, list, list[Diagnostic]]:
    """The ruleset, the units read from DATA and the data's diagnostics (files checked first)."""
    ruleset, units, diags, _intake = load_inputs_counted(ruleset_path, data_path, lang)
    return ruleset, units, diags


def load_inputs_counted(ruleset_path: Path, data_path: Path, lang: str) -> tuple[Any, list, list[Diagnostic], Any]:
    """`load_inputs` with the `forms.Intake` of the data file (rows read, rows refused)."""
    ruleset, assessment = load_assessment(ruleset_path, data_path, lang)
    return ruleset, list(assessment.units), list(assessment.diagnostics), assessment.intake


def load_assessment(ruleset_path: Path, data_path: Path, lang: str) -> tuple[Any, Any]:
    """The ruleset and the data's `Assessment`: the units' own values and, when the file has ``(thẩm
    định)`` columns, the appraised ones (those are scored and ranked), with the evidence cells."""
    from cdsdsl.dataentry.appraisal import read_assessment
    from cdsdsl.rulesets.model import load_ruleset

    require_file(ruleset_path, "ruleset", lang)
    require_file(data_path, "data", lang)
    ruleset = load_ruleset(ruleset_path)
    if data_path.suffix.lower() == ".parquet":  # read by DuckDB, checked like a .csv file
        from cdsdsl.dataentry.appraisal import Assessment
        from cdsdsl.sql.parquet import read_units_parquet

        units, diags, intake = read_units_parquet(data_path, ruleset)
        return ruleset, Assessment(list(units), None, {}, list(diags), intake)
    return ruleset, read_assessment(data_path, ruleset)


def score_with_progress(ruleset: Any, units: list, lang: str, show: bool, engine: str = "python") -> Any:
    """Score the cohort (``engine``: ``python``, or ``duckdb``: one SQL query, `cdsdsl.sql.engine`); a progress
    bar on standard error for large cohorts when ``show``."""
    from cdsdsl.scoring.score import score_cohort

    if engine != "python":
        from cdsdsl.sql.engine import score_cohort_sql

        if not show or len(units) <= PROGRESS_THRESHOLD:
            return score_cohort_sql(ruleset, units, engine=engine)
        with click.progressbar(length=len(units), label=i18n.text("cli.score.progress", lang), file=sys.stderr) as bar:
            loaded = [0]

            def step(n: int) -> None:
                bar.update(n - loaded[0])
                loaded[0] = n

            return score_cohort_sql(ruleset, units, engine=engine, progress=step)
    if not show or len(units) <= PROGRESS_THRESHOLD:
        return score_cohort(ruleset, units)
    label = i18n.text("cli.score.progress", lang)
    with click.progressbar(length=len(units), label=label, file=sys.stderr) as bar:
        done = [0]

        def progress(n: int, total: int) -> None:
            bar.update(n - done[0])
            done[0] = n

        return score_cohort(ruleset, units, progress=progress)


def _dedupe(diags: list[Diagnostic]) -> list[Diagnostic]:
    seen: set = set()
    out = []
    for d in diags:
        key = (d.code, d.item, d.unit, d.span, d.args)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def split_findings(cohort: Any, data_diags: list[Diagnostic]) -> tuple[list[Diagnostic], list[Diagnostic], bool]:
    """(ruleset findings, data/scoring findings, failed); notes (infos) are left out.

    Ruleset findings are about formulas that cannot be scored (CDS615, naming the formula's
    own error): the same for every unit, so reported once.  ``failed``: the data had errors,
    or a unit has an indicator not scored because of its data."""
    from cdsdsl.scoring.results import errors_of

    failed = any(d.severity is Severity.ERROR for d in data_diags)
    ruleset_diags: list[Diagnostic] = []
    unit_diags = [d for d in data_diags + list(cohort.diagnostics) if d.severity is not Severity.INFO]
    for r in cohort.results:
        for ir in errors_of(r.indicators):
            if not (ir.diagnostics and ir.diagnostics[0].code == "CDS615"):
                failed = True
        for d in r.diagnostics:
            if d.severity is Severity.INFO:
                continue
            (ruleset_diags if d.code == "CDS615" or d.unit is None else unit_diags).append(d)
    flagged = {d.item for d in ruleset_diags if d.code == "CDS615"}
    # a formula's own errors (CDS201 ...) are summed up by its CDS615 line
    ruleset_diags = [d for d in ruleset_diags if d.code == "CDS615" or d.item not in flagged]
    return _dedupe(ruleset_diags), _dedupe(unit_diags), failed


def report_findings(cohort: Any, data_diags: list[Diagnostic], lang: str) -> bool:
    """Print the findings on standard error; True when the run failed (exit 1)."""
    ruleset_diags, unit_diags, failed = split_findings(cohort, data_diags)
    colour, width = colour_for(err=True), table_width(err=True)
    parts = []
    if ruleset_diags:
        parts.append(render_diagnostics(ruleset_diags, lang=lang, colour=colour, width=width))
    if unit_diags:
        parts.append(render_diagnostics(unit_diags, lang=lang, colour=colour, width=width))
    if parts:
        echo("\n\n".join(parts), err=True)
        n_err = sum(1 for d in ruleset_diags + unit_diags if d.severity is Severity.ERROR)
        n_warn = sum(1 for d in ruleset_diags + unit_diags if d.severity is Severity.WARNING)
        incomplete = sum(1 for r in cohort.results if not r.complete)
        line = i18n.text("cli.score.summary", lang, errors=n_err, warnings=n_warn, incomplete=incomplete,
                         units=len(cohort.results))
        if ruleset_diags:
            line += i18n.text("cli.score.see_check", lang)
        echo("\n" + wrap_block(line, width), err=True)
    return failed


def _ruleset_info(ruleset: Any) -> dict[str, Any]:
    return {"title": ruleset.title, "decision": ruleset.decision, "file": str(ruleset.name),
            "total": None if ruleset.stated_total is None else str(ruleset.stated_total),
            "sections": [{"id": s.id, "label": s.label, "name": s.name,
                          "max": None if s.stated_max is None else str(s.stated_max)} for s in ruleset.sections]}


def run_scoring(ruleset_path: Path, data_path: Path, *, lang: str, fmt: str, output: Path | None,
                ranked: bool, engine: str = "python") -> None:
    from cdsdsl.reports import tables as reports

    fmt = resolve_format(fmt, output, ("table", "json", "csv", "xlsx", "parquet"), "table", lang)
    if fmt in ("xlsx", "parquet") and output is None:
        fail_usage(i18n.text("cli.score.xlsx_needs_output", lang), i18n.text("cli.score.xlsx_needs_output.hint", lang))
    ruleset, assessment = load_assessment(ruleset_path, data_path, lang)
    units, data_diags, intake = list(assessment.units), list(assessment.diagnostics), assessment.intake
    if not units:
        if data_diags:
            echo_diagnostics(data_diags, lang)
        fail_usage(i18n.text("cli.score.no_unit", lang, data=data_path), i18n.text("cli.score.no_unit.hint", lang),
                   code=no_unit_exit(intake))
    show_progress = not (fmt == "json" and output is None)
    cohort = attrs.evolve(score_with_progress(ruleset, units, lang, show_progress, engine), intake=intake)
    compared = _comparison(ruleset, assessment, cohort, lang)
    failed = report_findings(cohort, data_diags, lang)
    table_of: Callable = reports.rank_table if ranked else reports.score_table
    if fmt == "xlsx":
        assert output is not None  # refused above
        write_file(output, lambda p: reports.write_report_xlsx(cohort, p, lang, comparison=compared), lang)
        echo(i18n.text("cli.score.report_written", lang, output=output), err=True)
    elif fmt == "parquet":
        from cdsdsl.sql.parquet import write_table_parquet

        assert output is not None  # refused above
        write_file(output, lambda p: write_table_parquet(table_of(cohort, lang, label=False), p), lang)
        echo(i18n.text("cli.written", lang, output=output), err=True)
    elif fmt == "json":
        from cdsdsl.reports.totals import rounding_rule

        # the one rounding rule of every total (exact points added, rounded once): printed parts may not add up
        payload: dict[str, Any] = {"ruleset": _ruleset_info(ruleset), "rounding": rounding_rule(cohort)}
        if ranked:
            payload["ranking"] = [dict(rec, complete=r.complete) for rec, r in
                                  zip(table_of(cohort, lang, label=False).records(), cohort.ranking(),
                                      strict=False)]
        else:
            payload["units"] = [r.to_dict(lang) for r in cohort.results]
        if ruleset.facts:  # general information asked once (`Thông tin chung`), as each unit gave it
            from cdsdsl.reports.unit_facts import unit_facts

            given = {u.name: unit_facts(ruleset, u) for u in units}
            for rec in payload.get("units") or payload.get("ranking") or []:
                rec["facts"] = given.get(rec.get("unit"), {})
        # the data's and the cohort's diagnostics, then the units' own (the ranking has no per-indicator
        # detail to carry them), each once
        ruleset_diags, unit_diags, _ = split_findings(cohort, data_diags)
        payload["diagnostics"] = [d.to_dict(lang) for d in
                                  _dedupe(data_diags + list(cohort.diagnostics) + ruleset_diags + unit_diags)]
        payload["intake"] = dict(intake.to_dict(), scored=len(cohort.results))
        if compared is not None:  # self-assessed against appraised: both scores, differences and why
            payload["self_assessed"] = {"units": compared[0].records(), "indicators": compared[1].records()}
        payload["complete"] = not failed
        emit(json.dumps(payload, ensure_ascii=False, indent=2), output)
    elif fmt == "csv":
        emit(table_of(cohort, lang, label=False).csv().rstrip("\n"), output)
    else:
        text = table_of(cohort, lang).text(lang, width=table_width(output))
        if compared is not None:
            text += "\n\n" + "\n\n".join([i18n.text("report.appraisal.title", lang),
                                           compared[0].text(lang, width=table_width(output)),
                                           i18n.text("report.appraisal.detail", lang),
                                           compared[1].text(lang, width=table_width(output))])
        emit(text, output)
    raise SystemExit(EXIT_FINDINGS if failed else EXIT_OK)


def _comparison(ruleset: Any, assessment: Any, cohort: Any, lang: str) -> Any:
    """(units table, indicators table) of self-assessed against appraised, when the data has appraised values."""
    if assessment.appraised_units is None:
        return None
    from cdsdsl.reports.appraisal import comparison_tables
    from cdsdsl.scoring.score import score_cohort

    own = score_cohort(ruleset, assessment.self_units)
    return comparison_tables(own, cohort, assessment.self_units, assessment.appraised_units, assessment.evidence,
                             lang)


_DATA_HELP = "DATA: số liệu các đơn vị (.csv, .tsv, .xlsx theo mẫu `cds template`, .json hoặc .parquet)."

#: ``--engine``: who scores the cohort
engine_option = click.option(
    "--engine", type=click.Choice(["python", "duckdb"]), default="python", show_default=True,
    help="Bộ máy chấm điểm: python, hoặc duckdb (một truy vấn SQL cho cả nhóm, kết quả như nhau, nhanh hơn với "
         "nhóm lớn) / the scoring engine: python, or duckdb (one SQL query for the whole cohort; the same results).")


@main.command("score")
@click.argument("ruleset", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path))
@format_option("table", "json", "csv", "xlsx", "parquet")
@engine_option
@lang_option
@output_option
@color_option
@guarded(EXIT_USAGE)
def score(ruleset: Path, data: Path, fmt: str, engine: str, lang: str, output: Path | None) -> None:
    """Chấm điểm từng đơn vị / score every unit of DATA.

    In tổng điểm, điểm tối đa và điểm từng mục của mỗi đơn vị, theo thứ tự trong tệp số liệu.
    RULESET: bộ chỉ số (.cds, .csv, .tsv, .xlsx).
    """
    run_scoring(ruleset, data, lang=lang, fmt=fmt, output=output, ranked=False, engine=engine)


@main.command("rank")
@click.argument("ruleset", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("data", type=click.Path(dir_okay=False, path_type=Path))
@format_option("table", "json", "csv", "xlsx", "parquet")
@engine_option
@lang_option
@output_option
@color_option
@guarded(EXIT_USAGE)
def rank(ruleset: Path, data: Path, fmt: str, engine: str, lang: str, output: Path | None) -> None:
    """Xếp hạng các đơn vị / rank the units of DATA.

    Sắp xếp theo tổng điểm (hoặc điểm theo công thức tổng của bộ chỉ số), đồng hạng khi bằng điểm
    (1, 2, 2, 4), kèm tổng điểm từng mục. --format xlsx -o bao-cao.xlsx ghi báo cáo Excel
    (Xếp hạng, Điểm theo chỉ số, Lý do mất điểm).
    """
    run_scoring(ruleset, data, lang=lang, fmt=fmt, output=output, ranked=True, engine=engine)


score.help = (score.help or "") + "\n\n" + _DATA_HELP
rank.help = (rank.help or "") + "\n\n" + _DATA_HELP
