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
@lang_option
@color_option
@guarded()
def template_cmd(ruleset: Path, output: Path | None, fmt: str | None, lang: str) -> None:
    """Tạo mẫu nhập số liệu cho bộ chỉ số / write the data-entry form of a ruleset.

    \b
    cds template rulesets/huyen-ninh-thuan-2023.cds -o mau.xlsx
    cds template rulesets/huyen-ninh-thuan-2023.cds -o mau.csv
    cds template rulesets/huyen-ninh-thuan-2023.cds          (CSV ra màn hình / to stdout)
    """
    from cdsdsl.dataentry.forms import build_form, template_csv
    from cdsdsl.rulesets.model import load_ruleset

    if not ruleset.exists():
        fail_usage(f"không tìm thấy tệp {ruleset}" if lang == "vi" else f"no such file: {ruleset}",
                   "Kiểm tra đường dẫn tệp bộ chỉ số." if lang == "vi" else "Check the ruleset's path.")
    if output is not None:
        if output.is_dir():  # before a suffix is added to a name without one
            write_file(output, lambda p: None, lang)
        inferred = _FORMATS.get(output.suffix.lower())
        if fmt is None:
            if inferred is None:
                fail_usage(f"không biết định dạng của {output.name}" if lang == "vi"
                           else f"unknown format of {output.name}",
                           "Dùng đuôi .xlsx, .csv hoặc .tsv, hoặc thêm --format." if lang == "vi"
                           else "Use a .xlsx, .csv or .tsv suffix, or add --format.")
            fmt = inferred
        elif inferred is not None and inferred != fmt:
            fail_usage(f"--format {fmt} không khớp với đuôi tệp {output.suffix}" if lang == "vi"
                       else f"--format {fmt} does not match the file suffix {output.suffix}",
                       "Bỏ --format hoặc đổi tên tệp." if lang == "vi" else "Drop --format or rename the file.")
        elif inferred is None and not output.exists():  # `-o mau --format xlsx` writes mau.xlsx
            output = output.with_name(output.name + "." + fmt)
    rs = load_ruleset(ruleset)
    if output is None:
        if fmt == "xlsx":
            fail_usage("mẫu .xlsx cần -o TỆP" if lang == "vi" else "an .xlsx form needs -o FILE",
                       "Ví dụ: cds template bo.cds -o mau.xlsx" if lang == "vi"
                       else "E.g. cds template set.cds -o form.xlsx")
        form = build_form(rs)
        emit(template_csv(rs, form=form, delimiter="\t" if fmt == "tsv" else ",").rstrip("\r\n"), None)
        diags = list(form.diagnostics)
    else:
        diags = write_file(output, lambda p: _write(rs, p, fmt), lang)
        echo((f"đã ghi mẫu nhập số liệu: {output}" if lang == "vi" else f"form written: {output}"), err=True)
    if diags:
        echo_diagnostics(diags, lang)
    if any(d.severity is Severity.ERROR for d in diags):
        raise SystemExit(EXIT_FINDINGS)


def _write(rs, path: Path, fmt: str) -> list:
    """`forms.write_template` to ``path``; a path whose suffix does not name the format (an existing
    file such as ``/dev/full``) gets the form written beside it under a proper name, then copied."""
    import tempfile

    from cdsdsl.dataentry.forms import write_template

    if _FORMATS.get(path.suffix.lower()) == fmt:
        return write_template(rs, path)
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / f"form.{fmt}"
        diags = write_template(rs, staged)
        path.write_bytes(staged.read_bytes())
    return diags


__all__ = ["template_cmd", "EXIT_USAGE"]
