"""`cds compare OLD.cds OLD_DATA NEW.cds NEW_DATA`: two years' results for the same units.

Each year's data is scored with its own ruleset as `cds score` scores it; then per unit (matched by name) the
total and each section before and after, and the points of every indicator whose rule changed between the two
rulesets (added, removed, renumbered, new maximum or scoring text, as `cds diff` finds them), marked ``*`` with
the part of the change they make — so that a drop there is not read as worse work.  Units of only one year are
listed.  ``--format json`` for tools.
Exit codes: 0 compared; 1 compared, but a data file had errors or a unit was not fully scored (as `cds score`);
2 usage errors, files that cannot be read, rulesets with nothing in common (CDS908), no unit in both years
(CDS909).
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
    echo_diagnostics,
    emit,
    format_option,
    guarded,
    lang_option,
    main,
    output_option,
    resolve_format,
    table_width,
)
from cdsdsl.cli.diff_cmd import load_pair
from cdsdsl.cli.score_cmd import require_file, split_findings
from cdsdsl.diagnostics.render import wrap_block


@main.command("compare")
@click.argument("old_ruleset", metavar="OLD.cds", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("old_data", metavar="OLD_DATA", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new_ruleset", metavar="NEW.cds", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new_data", metavar="NEW_DATA", type=click.Path(dir_okay=False, path_type=Path))
@format_option("text", "json", default="text")
@lang_option
@output_option
@color_option
@guarded(EXIT_USAGE)
def compare_cmd(old_ruleset: Path, old_data: Path, new_ruleset: Path, new_data: Path, fmt: str | None, lang: str,
                output: Path | None) -> None:
    """So sánh kết quả hai năm của cùng các đơn vị / compare two years' results for the same units.

    Exit 0: đã so sánh; 1: số liệu có lỗi; 2: lỗi dùng lệnh, tệp không đọc được, không có chỉ số
    hoặc đơn vị chung.
    """
    from cdsdsl.compare.report import comparison_json, comparison_text
    from cdsdsl.compare.results import compare_results
    from cdsdsl.dataentry.forms import read_units
    from cdsdsl.diagnostics.core import Diagnostic, RulesetError
    from cdsdsl.scoring.score import score_cohort
    from cdsdsl.text.source import Source

    fmt = resolve_format(fmt, output, ("text", "json"), "text", lang)
    require_file(old_data, "data", lang)
    require_file(new_data, "data", lang)
    d = load_pair(old_ruleset, new_ruleset, lang)
    failed = False
    cohorts = []
    for rs, data in ((d.old, old_data), (d.new, new_data)):
        units, diags = read_units(data, rs)
        cohort = score_cohort(rs, list(units))
        ruleset_diags, unit_diags, bad = split_findings(cohort, list(diags))
        if ruleset_diags or unit_diags:
            echo_diagnostics(ruleset_diags + unit_diags, lang)
        failed = failed or bad
        cohorts.append(cohort)
    cmp = compare_results(d, cohorts[0], cohorts[1])
    if not cmp.units:
        raise RulesetError(Diagnostic.make("CDS909", source=Source("", name=str(new_data)), old=str(old_data),
                                           new=str(new_data)))
    if fmt == "json":
        emit(json.dumps(comparison_json(cmp, lang), ensure_ascii=False, indent=2), output)
    else:
        emit(wrap_block(comparison_text(cmp, lang), table_width(output), 6), output)
    raise SystemExit(EXIT_FINDINGS if failed else EXIT_OK)
