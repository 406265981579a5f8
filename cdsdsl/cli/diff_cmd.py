"""`cds diff OLD.cds NEW.cds`: what changed from last year's ruleset to this year's.

Indicators added, removed, renumbered (matched by the similarity of their names), maxima changed, scoring texts
changed — as a word diff of the decision's text and as the change in meaning (a threshold moved from 70% to
80%, the points of a stretch of values, options, inputs) —, and the sections' maxima before and after
(`cdsdsl.compare`).  ``--format json`` for tools.
Exit codes (as diff(1)): 0 nothing that can change a score changed; 1 changes; 2 usage errors, a ruleset that
does not load, and two rulesets with no indicator in common (CDS908).
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
    emit,
    format_option,
    guarded,
    lang_option,
    main,
    output_option,
    resolve_format,
    table_width,
)
from cdsdsl.cli.score_cmd import require_file
from cdsdsl.diagnostics.render import wrap_block


def load_pair(old: Path, new: Path, lang: str):  # -> RulesetDiff
    """Both rulesets loaded and compared; CDS908 (exit 2) when they have nothing in common."""
    from cdsdsl.compare.diff import diff_rulesets
    from cdsdsl.diagnostics.core import Diagnostic, RulesetError
    from cdsdsl.rulesets.model import load_ruleset
    from cdsdsl.text.source import Source

    require_file(old, "ruleset", lang)
    require_file(new, "ruleset", lang)
    d = diff_rulesets(load_ruleset(old), load_ruleset(new))
    if d.nothing_in_common:
        raise RulesetError(Diagnostic.make("CDS908", source=Source("", name=str(new)), old=str(old), new=str(new)))
    return d


@main.command("diff")
@click.argument("old", metavar="OLD", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("new", metavar="NEW", type=click.Path(dir_okay=False, path_type=Path))
@format_option("text", "json", default="text")
@lang_option
@output_option
@color_option
@guarded(EXIT_USAGE)
def diff_cmd(old: Path, new: Path, fmt: str | None, lang: str, output: Path | None) -> None:
    """So sánh bộ chỉ số năm trước và năm sau / compare last year's ruleset with this year's.

    Exit 0: không có thay đổi ảnh hưởng điểm; 1: có thay đổi; 2: lỗi dùng lệnh, tệp không đọc được,
    hai bộ chỉ số không có chỉ số chung.
    """
    from cdsdsl.compare.report import diff_json, diff_text

    fmt = resolve_format(fmt, output, ("text", "json"), "text", lang)
    d = load_pair(old, new, lang)
    if fmt == "json":
        emit(json.dumps(diff_json(d, lang), ensure_ascii=False, indent=2), output)
    else:
        emit(wrap_block(diff_text(d, lang), table_width(output), 6), output)
    changed = any(c.changed for c in d.indicators) or any(
        (s.old_stated, s.old_sum) != (s.new_stated, s.new_sum) for s in d.sections)
    raise SystemExit(EXIT_FINDINGS if changed else EXIT_OK)
