"""`cds template RULESET [-o form.xlsx|form.csv]`: write the data-entry form of a ruleset."""
from __future__ import annotations

from pathlib import Path

import click

from cdsdsl.cli.common import (
    EXIT_FINDINGS,
    EXIT_USAGE,
    _output_path,
    color_option,
    echo,
    echo_diagnostics,
    emit,
    fail_usage,
    guarded,
    lang_option,
    main,
    write_file,
)
from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.core import Severity

_FORMATS = {".xlsx": "xlsx", ".csv": "csv", ".tsv": "tsv"}


@main.command("template")
@click.argument("ruleset", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "output", type=str, default=None, metavar="FILE", callback=_output_path,
              help="Ghi mẫu ra tệp .xlsx, .csv hoặc .tsv (- là màn hình) / write the form to an .xlsx, .csv or "
                   ".tsv file (- is standard output).")
@click.option("--format", "fmt", type=click.Choice(["xlsx", "csv", "tsv"]), default=None,
              help="Định dạng (mặc định theo đuôi của -o; không có -o: csv ra màn hình) / "
                   "format (default: from the -o suffix; without -o: csv to standard output).")
@click.option("--tham-dinh", "--appraisal", "appraisal", is_flag=True, default=False,
              help="Thêm cột thẩm định cho mỗi ô và cột tài liệu kiểm chứng cho mỗi chỉ số (dạng rộng) / also "
                   "the council's column of each input and an evidence column per indicator (wide layouts).")
@lang_option
@color_option
@guarded()
def template_cmd(ruleset: Path, output: Path | None, fmt: str | None, lang: str, appraisal: bool = False) -> None:
    """Tạo mẫu nhập số liệu cho bộ chỉ số / write the data-entry form of a ruleset.

    \b
    cds template rulesets/huyen-ninh-thuan-2023.cds -o mau.xlsx
    cds template rulesets/huyen-ninh-thuan-2023.cds -o mau.csv
    cds template rulesets/huyen-ninh-thuan-2023.cds          (CSV ra màn hình / to stdout)
    """
    from cdsdsl.dataentry.forms import build_form, template_csv
    from cdsdsl.rulesets.model import load_ruleset

    if not ruleset.exists():
        fail_usage(i18n.text("cli.no_such_file", lang, path=ruleset),
                   i18n.text("cli.template.check_ruleset_path.hint", lang))
    if output is not None:
        if output.is_dir():  # before a suffix is added to a name without one
            write_file(output, lambda p: None, lang)
        inferred = _FORMATS.get(output.suffix.lower())
        if fmt is None:
            if inferred is None:
                fail_usage(i18n.text("cli.template.unknown_format", lang, name=output.name),
                           i18n.text("cli.template.unknown_format.hint", lang))
            fmt = inferred
        elif inferred is not None and inferred != fmt:
            fail_usage(i18n.text("cli.template.format_mismatch", lang, fmt=fmt, suffix=output.suffix),
                       i18n.text("cli.template.format_mismatch.hint", lang))
        elif inferred is None and not output.exists():  # `-o mau --format xlsx` writes mau.xlsx
            output = output.with_name(output.name + "." + fmt)
    rs = load_ruleset(ruleset)
    if output is None:
        if fmt == "xlsx":
            fail_usage(i18n.text("cli.template.xlsx_needs_output", lang),
                       i18n.text("cli.template.xlsx_needs_output.hint", lang))
        form = build_form(rs)
        if appraisal:
            from cdsdsl.dataentry.appraisal import appraisal_form

            form = appraisal_form(form)
        emit(template_csv(rs, form=form, delimiter="\t" if fmt == "tsv" else ",").rstrip("\r\n"), None)
        diags = list(form.diagnostics)
    else:
        assert fmt is not None  # given, or taken from the suffix of `output`
        diags = write_file(output, lambda p: _write(rs, p, fmt, appraisal), lang)
        echo(i18n.text("cli.template.written", lang, output=output), err=True)
    if diags:
        echo_diagnostics(diags, lang)
    if any(d.severity is Severity.ERROR for d in diags):
        raise SystemExit(EXIT_FINDINGS)


def _write(rs, path: Path, fmt: str, appraisal: bool = False) -> list:
    """`forms.write_template` to ``path``; a path whose suffix does not name the format (an existing
    file such as ``/dev/full``) gets the form written beside it under a proper name, then copied."""
    import tempfile

    from cdsdsl.dataentry.forms import write_template

    if _FORMATS.get(path.suffix.lower()) == fmt:
        return write_template(rs, path, appraisal=appraisal)
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / f"form.{fmt}"
        diags = write_template(rs, staged, appraisal=appraisal)
        path.write_bytes(staged.read_bytes())
    return diags


__all__ = ["template_cmd", "EXIT_USAGE"]
