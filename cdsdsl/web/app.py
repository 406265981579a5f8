"""The Starlette application: the API (`api`), the pages (`pages`) and the static files, over one `Service`.

Takes: the working folder (drafts and scratch files live in it, nothing is written elsewhere), the ruleset
`cds serve` was started with (optional) and the upload limit.  Returns: `create_app(...)`, an ASGI app for
uvicorn or Starlette's test client.  Unknown paths and methods answer CDS957, anything unexpected CDS956:
JSON under ``/api``, a page elsewhere.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from cdsdsl.web import api, pages
from cdsdsl.web.drafts import ACTIVE, Drafts
from cdsdsl.web.errors import errors_json, request_lang, web_error
from cdsdsl.web.service import DEFAULT_MAX_UPLOAD, Service

HERE = Path(__file__).resolve().parent


class WebState:
    """What every request shares: the service, the drafts, the templates."""

    def __init__(self, workdir: Path, ruleset_path: Path | None, max_upload: int) -> None:
        self.workdir = workdir.resolve()
        self.service = Service(self.workdir, ruleset_path, max_upload)
        self.drafts = Drafts(self.workdir)
        self.templates = pages.make_templates(HERE / "templates")

    def current_ruleset(self) -> Any:
        """The ruleset the pages score with: the author's chosen draft, else the one `cds serve` was given."""
        active = self.drafts.load(ACTIVE)
        if active is not None and active["text"].strip():
            return self.service.ruleset_from_text(active["text"], active["format"] or None)
        return self.service.default_ruleset()


async def not_found(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 404
    lang = request_lang(request.query_params, request.headers)
    err = web_error("CDS957", status, method=request.method, path=request.url.path)
    if request.url.path.startswith("/api"):
        return JSONResponse(errors_json(err.diagnostics, lang), status_code=status)
    return pages.error_page(request, err, lang)


async def server_error(request: Request, exc: Exception) -> Response:
    return api.internal_error(exc, request_lang(request.query_params, request.headers))


def create_app(workdir: str | Path = ".", ruleset: str | Path | None = None,
               max_upload: int = DEFAULT_MAX_UPLOAD) -> Starlette:
    """The web application over ``workdir`` (default: the current folder)."""
    state = WebState(Path(workdir), Path(ruleset) if ruleset is not None else None, max_upload)
    routes = [*api.ROUTES, *pages.ROUTES, Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static")]
    app = Starlette(routes=routes, exception_handlers={HTTPException: not_found, Exception: server_error})
    app.state.web = state
    return app
