"""`cds serve [RULESET] [--host 127.0.0.1] [--port 8000]`: the web pages and the JSON API on this machine.

RULESET (optional) is the ruleset the unit and cohort pages score with until the author picks another on the
Author page; it is loaded first, so that a broken file is reported here (exit 2) and not at the first
request.  The server binds 127.0.0.1 (this machine only) unless ``--host`` says otherwise; drafts and the
request's scratch files live in ``--workdir`` (default: the current folder), nothing is written elsewhere.
Exit codes: 0 after Ctrl+C, 2 for a ruleset that cannot be loaded or a port already in use.
"""
from __future__ import annotations

import socket
from pathlib import Path

import click

from cdsdsl.cli.common import EXIT_USAGE, color_option, echo, fail_usage, guarded, lang_option, main
from cdsdsl.diagnostics import i18n


def port_free(host: str, port: int) -> bool:
    """Whether ``host:port`` can be bound now (the server binds it right after)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


@main.command("serve")
@click.argument("ruleset", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Địa chỉ lắng nghe (mặc định chỉ máy này) / address to bind (default: this machine only).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Cổng / port.")
@click.option("--workdir", default=".", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Thư mục làm việc: bản nháp và tệp tạm chỉ được ghi ở đây / working folder: drafts and "
                   "scratch files are written only here.")
@click.option("--max-upload", default=5 * 1024 * 1024, show_default=True, type=click.IntRange(1024, None),
              help="Cỡ tối đa của một tệp tải lên (byte) / largest upload accepted (bytes).")
@lang_option
@color_option
@guarded(EXIT_USAGE)
def serve(ruleset: Path | None, host: str, port: int, workdir: Path, max_upload: int, lang: str) -> None:
    """Mở trang web chấm điểm trên máy này / start the web pages and the JSON API on this machine.

    \b
    cds serve rulesets/huyen-ninh-thuan-2023.cds      → http://127.0.0.1:8000/
    """
    import uvicorn

    from cdsdsl.web.app import create_app

    if ruleset is not None:
        if not ruleset.exists():
            fail_usage(i18n.text("cli.no_such_file", lang, path=ruleset), i18n.text("cli.check_path.hint", lang))
        from cdsdsl.rulesets.model import load_ruleset
        load_ruleset(ruleset)  # a ruleset that cannot be loaded: its diagnostics, exit 2
    workdir.mkdir(parents=True, exist_ok=True)
    if not port_free(host, port):
        fail_usage(i18n.text("cli.serve.port_busy", lang, host=host, port=port),
                   i18n.text("cli.serve.port_busy.hint", lang, port=port))
    app = create_app(workdir, ruleset.resolve() if ruleset is not None else None, max_upload)
    shown = f"[{host}]" if ":" in host else host
    echo(i18n.text("cli.serve.listening", lang, url=f"http://{shown}:{port}/", workdir=workdir.resolve()), err=True)
    # keep-alive longer than uvicorn's 5 s: a client of the API (a spreadsheet macro, a province's system) that
    # pauses between requests keeps its connection instead of racing the server closing it
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_keep_alive=30)
