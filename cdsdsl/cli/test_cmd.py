"""`cds test RULESET`: run the test cases written beside a ruleset (``NAME.tests.csv``) or in it (``Ca kiểm thử:``).

Each case is a unit's inputs and the points the decision gives them; the case's unit is scored
as `cds score` scores it (`cdsdsl.verify.casetests`) and every expected value compared with the points
given.  A line per case (đạt / KHÔNG ĐẠT), for a failure the indicator, the inputs, expected vs
got and the explanation `cds explain` gives, then a summary line.
Exit codes: 0 every case passes, 1 a case fails or cannot be run (its rows are reported with
CDS561-568), 2 usage errors and files that cannot be read (CDS560, CDS569, a ruleset that does
not load).
"""
from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

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
from cdsdsl.cli.score_cmd import require_file
from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.numbers import format_number
from cdsdsl.diagnostics.render import wrap_block


def _num(v: Any, lang: str) -> str:
    return "?" if v is None else format_number(v, lang, as_given=True)


def _target(e: Any, lang: str) -> str:
    kind = e.target if e.target in ("indicator", "section", "group", "set") else "total"
    return i18n.text(f"cli.test.target.{kind}", lang, key=e.key)


def _text(results: list, path: Path, rs: Any, lang: str) -> str:
    out = [i18n.text("cli.test.heading", lang, path=path, name=rs.name)]
    word = {status: i18n.text(f"cli.test.{status}", lang) for status in ("passed", "failed", "error")}
    for r in results:
        c = r.case
        out.append(f"  {word[r.status]}: {c.name} ({c.source or c.where})")
        if r.status == "error":
            out.append("      " + i18n.text("cli.test.rows_have_errors", lang))
        for f in r.failures:
            e = f.expectation
            got = i18n.text("cli.not_scored", lang) if f.got is None else _num(Fraction(f.got), lang)
            out.append("      " + i18n.text("cli.test.expected_got", lang, target=_target(e, lang),
                                            label=" " + f.label if f.label else "",
                                            expected=e.written or _num(e.points, lang), got=got, where=e.where))
            if f.inputs:
                shown = "; ".join(f"{k}:{key} = {'; '.join(map(str, raw)) if isinstance(raw, list) else raw}"
                                  + (f" ({where})" if where else "") for k, key, raw, where in f.inputs)
                out.append("      " + i18n.text("cli.test.inputs", lang, inputs=shown))
            for t in f.trace:
                out.append(f"        {t}")
            if f.reason:
                out.append(f"        → {f.reason}")
    counts = {s: sum(1 for r in results if r.status == s) for s in ("passed", "failed", "error")}
    out.append(i18n.text("cli.test.summary", lang, cases=len(results), **counts))
    return "\n".join(out)


def _json(results: list, path: Path, rs: Any, diags: list, lang: str) -> str:
    def fail(f: Any) -> dict:
        e = f.expectation
        return {"target": e.target, "key": e.key, "label": f.label, "where": e.where,
                "expected": str(Decimal(e.points.numerator) / Decimal(e.points.denominator)),
                "got": None if f.got is None else str(f.got),
                "inputs": [{"indicator": k, "key": key, "value": raw, "where": where}
                           for k, key, raw, where in f.inputs],
                "trace": list(f.trace), "reason": f.reason}

    payload = {
        "ruleset": rs.name, "tests": str(path),
        "cases": [{"name": r.case.name, "source": r.case.source, "where": r.case.where, "status": r.status,
                   "checked": r.checked, "failures": [fail(f) for f in r.failures]} for r in results],
        "summary": {s: sum(1 for r in results if r.status == s) for s in ("passed", "failed", "error")},
        "diagnostics": [d.to_dict(lang) for d in diags],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


@main.command("test")
@click.argument("ruleset", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--cases", "cases_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Tệp ca kiểm thử / the test-case file (mặc định / default: RULESET.tests.csv bên cạnh).")
@format_option("text", "json", default="text")
@lang_option
@output_option
@color_option
@guarded(EXIT_USAGE)
def test(ruleset: Path, cases_path: Path | None, fmt: str, lang: str, output: Path | None) -> None:
    """Chạy các ca kiểm thử của bộ chỉ số / run a ruleset's test cases.

    Mỗi ca: số liệu của một đơn vị và điểm mà văn bản cho (tệp RULESET.tests.csv bên cạnh
    bộ chỉ số; xem docs/ruleset-format.md). Exit 0: mọi ca đạt; 1: có ca không đạt hoặc
    không chạy được; 2: lỗi dùng lệnh hoặc tệp không đọc được.
    """
    from cdsdsl.diagnostics.core import Diagnostic, RulesetError
    from cdsdsl.rulesets.model import load_ruleset
    from cdsdsl.verify.casetests import cases_path_for, read_cases, read_cases_block, run_cases

    fmt = resolve_format(fmt, output, ("text", "json"), "text", lang)
    require_file(ruleset, "ruleset", lang)
    rs = load_ruleset(ruleset)
    path = cases_path if cases_path is not None else cases_path_for(ruleset)
    # the cases written in the ruleset (`Ca kiểm thử:`), then those of the companion file when there is one
    cases, diags = read_cases_block(rs) if cases_path is None else ([], [])
    if path.is_file() or not cases:
        if not path.is_file():
            raise RulesetError(Diagnostic.make("CDS569", None, path=str(path), ruleset=str(ruleset)), lang)
        more, more_diags = read_cases(path, rs)
        cases, diags = cases + more, diags + more_diags
    else:
        path = ruleset
    if diags:
        echo_diagnostics(diags, lang)
    results = run_cases(rs, cases, lang)
    if fmt == "json":
        emit(_json(results, path, rs, diags, lang), output)
    else:
        emit(wrap_block(_text(results, path, rs, lang), table_width(output), 8), output)
    ok = results and all(r.status == "passed" for r in results) and not diags
    raise SystemExit(EXIT_OK if ok else EXIT_FINDINGS)
