"""Shared pieces of the `cds` sub-commands: the group, options, error handling."""
from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any, Callable

import click

from .. import __version__
from ..diagnostics import CdsError
from ..render import render_diagnostics

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

lang_option = click.option(
    "--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
    help="Ngôn ngữ thông báo / language of messages.")
output_option = click.option(
    "-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Ghi kết quả ra tệp / write the result to a file.")


def format_option(*choices: str, default: str = "table") -> Callable:
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=default,
                        show_default=True, help="Định dạng kết quả / output format.")


_OS_REASONS = {
    FileNotFoundError: ("không có tệp này", "no such file"),
    IsADirectoryError: ("đây là một thư mục, không phải tệp", "this is a folder, not a file"),
    PermissionError: ("không có quyền đọc", "permission denied"),
}


def read_text(path: str, lang: str = "vi") -> str:
    """Read a UTF-8 text file, or standard input for ``-``."""
    if path == "-":
        return sys.stdin.read()
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        why_vi, why_en = _OS_REASONS.get(type(exc), (exc.strerror or str(exc), exc.strerror or str(exc)))
        fail_usage(
            f"không đọc được tệp {path}: {why_vi}" if lang == "vi" else f"cannot read {path}: {why_en}",
            "Kiểm tra đường dẫn tệp." if lang == "vi" else "Check the file path.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        fail_usage(
            f"{path}: tệp không phải UTF-8 (byte {exc.start})" if lang == "vi"
            else f"{path}: the file is not UTF-8 (byte {exc.start})",
            "Lưu lại tệp với mã hoá UTF-8." if lang == "vi" else "Save the file as UTF-8.")
    raise AssertionError  # unreachable


def _current_lang() -> str:
    ctx = click.get_current_context(silent=True)
    return (ctx.params.get("lang") if ctx is not None else None) or "vi"


def fail_usage(message: str, hint: str = "") -> None:
    """Print a usage error (in the command's --lang) with its hint, and exit 2."""
    en = _current_lang() == "en"
    if message.startswith(("lỗi: ", "error: ")):
        message = message.split(": ", 1)[1]
    lines = [f"{'error' if en else 'lỗi'}: {message}"]
    if hint:
        lines.append(f"  = {'hint' if en else 'gợi ý'}: {hint}")
    click.echo("\n".join(lines), err=True)
    raise SystemExit(EXIT_USAGE)


def emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text)
    else:
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def guarded(exit_code_for_cds_error: int = EXIT_USAGE) -> Callable:
    """Decorator: render `CdsError`s, hide tracebacks, map to exit codes."""

    def deco(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            lang = kwargs.get("lang", "vi")
            try:
                return fn(*args, **kwargs)
            except CdsError as exc:
                click.echo(render_diagnostics(exc.diagnostics, lang=lang,
                                              colour=sys.stderr.isatty()), err=True)
                raise SystemExit(exit_code_for_cds_error)
            except (SystemExit, click.exceptions.Exit, click.ClickException, click.Abort):
                raise
            except KeyboardInterrupt:
                click.echo("đã dừng" if lang == "vi" else "interrupted", err=True)
                raise SystemExit(130)
            except Exception as exc:  # a bug: say so, without a traceback
                msg = ("lỗi nội bộ của cdsdsl (không phải lỗi của dữ liệu): "
                       if lang == "vi" else "internal error in cdsdsl (not your data's fault): ")
                click.echo(f"{msg}{type(exc).__name__}: {exc}", err=True)
                click.echo("  = gợi ý: xin báo lại lỗi này kèm tệp đầu vào." if lang == "vi"
                           else "  = hint: please report this with the input file.", err=True)
                raise SystemExit(3)

        return wrapper

    return deco


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="cds")
def main() -> None:
    """cds: chấm điểm Bộ chỉ số chuyển đổi số (DTI) từ văn bản quyết định.

    cds: score Vietnam's Digital Transformation Index from the decision's own text.
    """
