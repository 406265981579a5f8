"""Shared pieces of the `cds` sub-commands: the group, options, error handling.

Also the output contract every command keeps (docs/cli.md, "The contract"):
`-o -` is standard output, `-o` creates missing folders and turns an unwritable
path into a usage error (exit 2); `--format` defaults to the `-o` suffix;
standard output in a legacy encoding (cp1258, cp1252, ascii) degrades visibly
instead of failing; colour follows `--color` and `NO_COLOR`; tables fit
`COLUMNS` or the terminal.
"""
from __future__ import annotations

import codecs
import errno
import functools
import io
import itertools
import json
import os
import shutil
import sys
import unicodedata
from pathlib import Path
from typing import Any, Callable, NoReturn

import click

from cdsdsl import __version__
from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.core import CdsError
from cdsdsl.diagnostics.render import render_diagnostics, wrap_block

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

lang_option = click.option(
    "--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
    help="Ngôn ngữ thông báo / language of messages.")


def _output_path(ctx: click.Context, param: click.Parameter, value: str | None) -> Path | None:
    """``-o -`` (or no ``-o``) is standard output: None."""
    return None if value in (None, "-") else Path(value)


output_option = click.option(
    "-o", "--output", "output", type=str, default=None, metavar="FILE", callback=_output_path,
    help="Ghi kết quả ra tệp (- là màn hình; thư mục chưa có sẽ được tạo) / write the result to a file "
         "(- is standard output; missing folders are created).")

color_option = click.option(
    "--color", "--colour", "color", type=click.Choice(["auto", "always", "never"]), default="auto",
    show_default=True,
    help="Tô màu: auto = chỉ trên màn hình và khi không đặt NO_COLOR / colour: auto = only on a terminal, "
         "unless NO_COLOR is set.")

#: the -o suffixes that name a format, and the format each names
SUFFIX_FORMATS = {".json": "json", ".csv": "csv", ".xlsx": "xlsx", ".txt": "table", ".md": "table",
                  ".parquet": "parquet"}


def format_option(*choices: str, default: str = "table") -> Callable:
    """``--format``: None when not given, so that `resolve_format` can follow the ``-o`` suffix."""
    return click.option("--format", "fmt", type=click.Choice(list(choices)), default=None,
                        help=f"Định dạng kết quả (mặc định: theo đuôi của -o, nếu không thì {default}) / "
                             f"output format (default: from the -o suffix, else {default}).")


def resolve_format(fmt: str | None, output: Path | None, choices: tuple[str, ...], default: str,
                   lang: str = "vi") -> str:
    """The format to write: ``--format`` if given, else the one the ``-o`` suffix names, else ``default``.

    A suffix naming a format the command cannot write, or contradicting ``--format``, is a usage error;
    an unknown suffix keeps the default.  ``table`` stands for the command's text format (``text``,
    ``tree``) when it has no ``table``."""
    named = SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None
    if named == "table" and "table" not in choices:
        named = default if default in ("text", "tree") else None
    if fmt is None:
        if named is None:
            return default
        assert output is not None  # `named` comes from its suffix
        if named not in choices:
            fail_usage(i18n.text("cli.format_not_writable", lang, suffix=output.suffix, output=output),
                       i18n.text("cli.format_not_writable.hint", lang, choices=", ".join(choices)))
        return named
    if named is not None and named != fmt and not (named == "table" and fmt in ("text", "tree")):
        assert output is not None  # `named` comes from its suffix
        fail_usage(i18n.text("cli.format_contradicts_suffix", lang, fmt=fmt, suffix=output.suffix, output=output),
                   i18n.text("cli.format_contradicts_suffix.hint", lang))
    return fmt


#: catalogue keys of the reasons a file cannot be read
_OS_REASONS = {
    FileNotFoundError: "cli.read_reason.not_found",
    IsADirectoryError: "cli.read_reason.is_folder",
    PermissionError: "cli.read_reason.permission",
}


def read_text(path: str, lang: str = "vi") -> str:
    """Read a UTF-8 text file, or standard input for ``-`` (its bytes, decoded by the same rule)."""
    p = Path(path)
    try:
        raw = sys.stdin.buffer.read() if path == "-" else p.read_bytes()
    except OSError as exc:
        reason = _OS_REASONS.get(type(exc))
        why = i18n.text(reason, lang) if reason else exc.strerror or str(exc)
        fail_usage(i18n.text("cli.cannot_read", lang, path=path, why=why), i18n.text("cli.check_path.hint", lang))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        name = "<stdin>" if path == "-" else path
        fail_usage(i18n.text("cli.not_utf8", lang, name=name, start=exc.start), i18n.text("cli.not_utf8.hint", lang))
    raise AssertionError  # unreachable


def _current_lang() -> str:
    ctx = click.get_current_context(silent=True)
    return (ctx.params.get("lang") if ctx is not None else None) or "vi"


def fail_usage(message: str, hint: str = "", code: int = EXIT_USAGE) -> NoReturn:
    """Print a usage error (in the command's --lang) with its hint, and exit 2 (or ``code``)."""
    lang = _current_lang()
    if message.startswith(("lỗi: ", "error: ")):
        message = message.split(": ", 1)[1]
    lines = [i18n.text("cli.usage_error", lang, message=message)]
    if hint:
        lines.append(i18n.text("render.hint", lang, hint=hint))
    echo(wrap_block("\n".join(lines), table_width(err=True)), err=True)
    raise SystemExit(code)


def no_unit_exit(intake: Any) -> int:
    """Exit code when a data file gives no unit to score: 1 when it had rows and they were refused for
    data errors (the contract's "data errors"), 2 when it holds no unit or cannot be read at all
    (unusable input: not a workbook, not UTF-8, a bound passed)."""
    return EXIT_FINDINGS if intake is not None and intake.refused else EXIT_USAGE


# ---------------------------------------------------------------- writing

#: stand-ins for the symbols cdsdsl's own output uses, where an encoding has none of them; one column
#: each, so that tables and carets stay lined up (others, such as ``≤``, become ``?``)
_ASCII_STAND_INS = {"│": "|", "┌": "+", "─": "-", "→": ">", "›": ">", "×": "x", "–": "-", "—": "-",
                    "“": '"', "”": '"', "‘": "'", "’": "'"}


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _degrade(char: str, encoding: str) -> str:
    """``char`` in a form ``encoding`` can hold: a composed letter plus combining marks (cp1258
    writes ``ệ`` as ``ê`` + U+0323), an ASCII stand-in for a symbol (``│`` → ``|``), else ``?``:
    visibly not the character, never a crash."""
    decomposed = unicodedata.normalize("NFD", char)
    base, marks = decomposed[:1], decomposed[1:]
    if marks:
        for k in range(len(marks), -1, -1):
            for kept in itertools.combinations(range(len(marks)), k):
                head = unicodedata.normalize("NFC", base + "".join(marks[i] for i in kept))
                rest = "".join(m for i, m in enumerate(marks) if i not in kept)
                if len(head) == 1 and _encodable(head + rest, encoding):
                    return head + rest
    stand_in = _ASCII_STAND_INS.get(char)
    if stand_in is not None and _encodable(stand_in, encoding):
        return stand_in
    return "?"


def legacy_errors(encoding: str) -> str:
    """The name of a codec error handler for ``encoding`` that writes what the encoding cannot hold
    with `_degrade` (registered on first use; the handler must know the encoding: a charmap codec
    such as cp1258 reports itself as ``charmap``)."""
    name = f"cdsdsl-legacy-{codecs.lookup(encoding).name}"
    try:
        codecs.lookup_error(name)
    except LookupError:
        def handler(exc: UnicodeError) -> tuple[str, int]:
            if not isinstance(exc, UnicodeEncodeError):
                raise exc
            return "".join(_degrade(c, encoding) for c in exc.object[exc.start:exc.end]), exc.end

        codecs.register_error(name, handler)
    return name


def _adapt_streams() -> None:
    """Standard output and error in a legacy encoding (PYTHONIOENCODING=cp1258, a Windows console
    redirected to a file): characters the encoding cannot hold degrade instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        enc = getattr(stream, "encoding", None)
        if not isinstance(stream, io.TextIOWrapper) or not enc:
            continue
        try:
            if codecs.lookup(enc).name == "utf-8":
                continue
            stream.reconfigure(errors=legacy_errors(enc))
        except (LookupError, ValueError, io.UnsupportedOperation):
            continue


def echo(text: str = "", err: bool = False) -> None:
    """Write a line to standard output (or error) in its own encoding, as it is (no ANSI stripping:
    colour is decided by `colour_for`).  A standard output that cannot be written (a full disk, a
    closed pipe) is a usage error, not a traceback."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    try:
        try:
            stream.write(text + "\n")
        except UnicodeEncodeError:  # a stream we could not reconfigure: escapes, never a crash
            enc = getattr(stream, "encoding", None) or "ascii"
            stream.write((text + "\n").encode(enc, "backslashreplace").decode(enc))
        stream.flush()
    except BrokenPipeError:  # `cds rank ... | head`: the reader has gone, so stop quietly
        _silence_stdout()
        raise SystemExit(EXIT_FINDINGS) from None
    except OSError as exc:
        if err:
            raise
        _silence_stdout()
        lang = _current_lang()
        fail_usage(i18n.text("cli.cannot_write_stdout", lang, why=_write_reason(exc, lang)),
                   i18n.text("cli.cannot_write_stdout.hint", lang))


def _silence_stdout() -> None:
    """Point standard output at /dev/null so that Python's own flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


#: catalogue keys of the reasons a file cannot be written
_WRITE_REASONS = {
    errno.ENOENT: "cli.write_reason.no_folder",
    errno.EISDIR: "cli.write_reason.is_folder",
    errno.ENOTDIR: "cli.write_reason.not_a_folder",
    errno.EEXIST: "cli.write_reason.not_a_folder",
    errno.EACCES: "cli.write_reason.permission",
    errno.EPERM: "cli.write_reason.permission",
    errno.EROFS: "cli.write_reason.read_only",
    errno.ENOSPC: "cli.write_reason.full",
}


def _write_reason(exc: OSError, lang: str) -> str:
    reason = _WRITE_REASONS.get(exc.errno or 0)
    return i18n.text(reason, lang) if reason else exc.strerror or str(exc)


def write_file(output: Path, write: Callable[[Path], Any], lang: str | None = None) -> Any:
    """Run ``write(output)`` after creating the missing folders of ``output``; an ``OSError`` (a
    read-only folder, /dev/full, a path that is a folder) is a usage error naming the path (exit 2)."""
    lang = lang or _current_lang()
    try:
        if output.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(output))
        output.parent.mkdir(parents=True, exist_ok=True)
        return write(output)
    except OSError as exc:
        fail_usage(i18n.text("cli.cannot_write", lang, output=output, why=_write_reason(exc, lang)),
                   i18n.text("cli.cannot_write.hint", lang))


def emit(text: str, output: Path | None) -> None:
    """The result: to standard output, or to the file ``output`` (UTF-8, one final newline)."""
    if output is None:
        echo(text)
    else:
        data = text if text.endswith("\n") else text + "\n"
        write_file(output, lambda p: p.write_text(data, encoding="utf-8"))


def echo_diagnostics(diags: Any, lang: str) -> None:
    """Diagnostics on standard error, coloured and wrapped as the contract says."""
    echo(render_diagnostics(diags, lang=lang, colour=colour_for(err=True), width=table_width(err=True)), err=True)


# ---------------------------------------------------------------- colour and width

_colour_mode = "auto"


def colour_for(err: bool = False, output: Path | None = None) -> bool:
    """Whether to colour what goes to standard error (``err``) or output: never into a file,
    ``--color always``/``never`` as said, ``auto``: a terminal, no ``NO_COLOR``, not ``TERM=dumb``."""
    if output is not None or _colour_mode == "never":
        return False
    if _colour_mode == "always":
        return True
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    stream = sys.stderr if err else sys.stdout
    try:
        return bool(stream is not None and stream.isatty())
    except (ValueError, AttributeError):
        return False


def table_width(output: Path | None = None, err: bool = False) -> int | None:
    """The width tables and messages must fit: None (no limit) for a file; else ``COLUMNS`` when it
    is a number, else the terminal's width when standard output (``err``: error) is a terminal,
    else no limit (a pipe or redirection keeps whole rows, one per line, for tools such as grep)."""
    if output is not None:
        return None
    env = os.environ.get("COLUMNS", "").strip()
    if env.isdigit() and int(env) > 0:
        return max(20, int(env))
    stream = sys.stderr if err else sys.stdout
    try:
        if stream is not None and stream.isatty():
            return shutil.get_terminal_size((80, 24)).columns
    except (ValueError, AttributeError, OSError):
        pass
    return None


def _wants_json(kwargs: dict[str, Any]) -> bool:
    """The command was asked for JSON on standard output (``--format json`` without ``-o`` or with ``-o -``)."""
    return kwargs.get("output") is None and kwargs.get("fmt") == "json"


def guarded(exit_code_for_cds_error: int = EXIT_USAGE) -> Callable:
    """Decorator: render `CdsError`s, hide tracebacks, map to exit codes."""

    def deco(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            global _colour_mode
            lang = kwargs.get("lang", "vi")
            _colour_mode = kwargs.pop("color", None) or "auto"
            _adapt_streams()
            try:
                return fn(*args, **kwargs)
            except CdsError as exc:
                echo(render_diagnostics(exc.diagnostics, lang=lang, colour=colour_for(err=True),
                                        width=table_width(err=True)), err=True)
                if _wants_json(kwargs):  # tools reading standard output still get a JSON document
                    echo(json.dumps({"diagnostics": [d.to_dict(lang) for d in exc.diagnostics]},
                                    ensure_ascii=False, indent=2))
                # an error of the installation, not of the input (an untested Lark) says so by its own exit code
                raise SystemExit(getattr(exc, "exit_code", exit_code_for_cds_error)) from None
            except (SystemExit, click.exceptions.Exit, click.ClickException, click.Abort):
                raise
            except KeyboardInterrupt:
                echo(i18n.text("cli.interrupted", lang), err=True)
                raise SystemExit(130) from None
            except BrokenPipeError:
                _silence_stdout()
                raise SystemExit(EXIT_FINDINGS) from None
            except Exception as exc:  # a bug: say so, without a traceback
                echo(i18n.text("cli.internal_error", lang, kind=type(exc).__name__, detail=exc), err=True)
                echo(i18n.text("cli.internal_error.hint", lang), err=True)
                raise SystemExit(3) from None

        return wrapper

    return deco


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="cds")
def main() -> None:
    """cds: chấm điểm Bộ chỉ số chuyển đổi số (DTI) từ văn bản quyết định.

    cds: score Vietnam's Digital Transformation Index from the decision's own text.
    """
