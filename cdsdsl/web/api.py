"""The JSON HTTP API, versioned under ``/api/v1``: check, inputs, score, explain, rank, compile, template,
drafts, and the OpenAPI schema.

Takes: requests (JSON or multipart forms, docs/api-http.md).  Returns: JSON answers built by `service`;
every failure is a JSON error object (`errors.errors_json`: code, severity, span, line, column, message and
hint in the language of ``?lang=`` / ``Accept-Language``), never a traceback: `guarded` turns a `CdsError`
into a 4xx answer and anything else into CDS956 (500) with the traceback only in the server's log.
"""
from __future__ import annotations

import functools
import logging
import traceback
from typing import Any, Awaitable, Callable

import attrs
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from cdsdsl.diagnostics.core import CdsError, RulesetError
from cdsdsl.web.errors import WebError, diag_json, errors_json, request_lang, web_error
from cdsdsl.web.openapi import schema
from cdsdsl.web.requests import Payload, read_payload
from cdsdsl.web.service import Upload, explanation, public

log = logging.getLogger("cdsdsl.web")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Handler = Callable[[Request], Awaitable[Response]]


def error_response(exc: CdsError, lang: str) -> JSONResponse:
    status = exc.status if isinstance(exc, WebError) else 422
    return JSONResponse(errors_json(exc.diagnostics, lang), status_code=status)


def internal_error(exc: BaseException, lang: str) -> JSONResponse:
    """CDS956: the traceback goes to the server's log, the user gets a coded message."""
    log.error("internal error: %s", "".join(traceback.format_exception(exc)))
    err = web_error("CDS956", 500, kind=type(exc).__name__)
    return JSONResponse(errors_json(err.diagnostics, lang), status_code=500)


def guarded(handler: Handler) -> Handler:
    """Every API handler: `CdsError` → its JSON error, anything else → CDS956."""
    @functools.wraps(handler)
    async def run(request: Request) -> Response:
        lang = request_lang(request.query_params, request.headers)
        try:
            return await handler(request)
        except CdsError as exc:
            return error_response(exc, lang)
        except Exception as exc:  # noqa: BLE001 - the catch-all the contract promises
            return internal_error(exc, lang)
    return run


def app_state(request: Request) -> Any:
    return request.app.state.web


async def payload(request: Request) -> Payload:
    return await read_payload(request, app_state(request).service.max_upload)


def ruleset_of(state: Any, p: Payload) -> Any:
    """The request's ruleset: an uploaded file ``ruleset``, a text ``ruleset`` (``{"text", "format"}`` or a
    string, with ``format``), else the server's current one (CDS954 when there is none)."""
    svc = state.service
    if "ruleset" in p.files:
        return svc.ruleset_from_upload(p.files["ruleset"])
    given = p.fields.get("ruleset")
    if isinstance(given, dict):
        text, fmt = given.get("text"), given.get("format")
    else:
        text, fmt = given, p.text("format")
    if text is None or text == "":
        return state.current_ruleset()
    if not isinstance(text, str):
        raise web_error("CDS953", 422, field="ruleset", allowed='"…" (.cds text) or {"text": "…", "format": "cds"}')
    return svc.ruleset_from_text(text, fmt or None)


# -- endpoints ---------------------------------------------------------------------------------------------
@guarded
async def index(request: Request) -> Response:
    return JSONResponse({"name": "cdsdsl", "api": "v1", "openapi": "/api/v1/openapi.json",
                         "endpoints": sorted(p for p in schema()["paths"])})


@guarded
async def openapi(request: Request) -> Response:
    return JSONResponse(schema())


@guarded
async def check(request: Request) -> Response:
    """A ruleset (text or file) or one formula (``format: formula``, ``max``) checked as `cds check` does."""
    state, p = app_state(request), await payload(request)
    svc = state.service
    if "ruleset" in p.files:
        def run_file() -> dict[str, Any]:
            try:
                rs = svc.ruleset_from_upload(p.files["ruleset"])
            except RulesetError as exc:
                return svc.check_answer(None, list(exc.diagnostics), p.lang, loaded=False)
            return svc.check_ruleset(rs, p.lang)
        answer = await run_in_threadpool(run_file)
    else:
        text = p.text("text")
        if text is None:
            raise web_error("CDS953", 422, field="text", allowed="the ruleset's text, or a file `ruleset`")
        answer = await run_in_threadpool(svc.check_text, text, p.text("format") or None, p.lang,
                                         max_points=p.text("max", "10") or "10")
    return JSONResponse(public(answer))


@guarded
async def inputs(request: Request) -> Response:
    state, p = app_state(request), await payload(request)
    rs = await run_in_threadpool(ruleset_of, state, p)
    return JSONResponse(await run_in_threadpool(state.service.inputs, rs, p.lang))


def _unit_field(p: Payload) -> Any:
    unit = p.fields.get("unit")
    if isinstance(unit, str):  # a form field holding JSON
        import json
        try:
            unit = json.loads(unit)
        except ValueError:
            raise web_error("CDS952", 400, detail="`unit` is not JSON") from None
    if unit is None:
        raise web_error("CDS953", 422, field="unit", allowed='{"name": "...", "values": {"1.3": {"a": 7}}}')
    return unit


def score_one(state: Any, p: Payload, explain: bool) -> dict[str, Any]:
    """One unit from JSON: its result (and explanation), with the data diagnostics of its cells."""
    rs = ruleset_of(state, p)
    units, diags, _ = state.service.read_unit(rs, _unit_field(p))
    cohort = state.service.score(rs, units, diags, "unit")
    result = cohort.results[0]
    out = {"result": result.to_dict(p.lang), "data_diagnostics": [diag_json(d, p.lang) for d in diags]}
    if explain:
        out["explanation"] = explanation(cohort, result, units[0], p.lang)
    return out


@guarded
async def score(request: Request) -> Response:
    state, p = app_state(request), await payload(request)
    return JSONResponse(await run_in_threadpool(score_one, state, p, False))


def explain_in_cohort(state: Any, p: Payload) -> dict[str, Any]:
    """``data`` file + ``unit`` name: that unit explained within its cohort (as `cds explain`)."""
    rs = ruleset_of(state, p)
    name = p.text("unit") or ""
    units, diags, _ = state.service.read_data(rs, p.files["data"])
    cohort = state.service.score(rs, units, diags, p.files["data"].name)
    names = [u.name for u in units]
    if name not in names:
        raise web_error("CDS955", 422, unit=name, units="; ".join(names[:12]))
    result = cohort.unit(name)
    return {"result": result.to_dict(p.lang), "explanation": explanation(cohort, result, units[names.index(name)],
                                                                         p.lang),
            "data_diagnostics": [diag_json(d, p.lang) for d in diags if d.unit in (None, name)]}


@guarded
async def explain(request: Request) -> Response:
    state, p = app_state(request), await payload(request)
    if "data" in p.files:
        return JSONResponse(await run_in_threadpool(explain_in_cohort, state, p))
    return JSONResponse(await run_in_threadpool(score_one, state, p, True))


def rank_cohort(state: Any, p: Payload) -> tuple[Any, list[Any], Any]:
    """(ruleset, data diagnostics, cohort result) of the uploaded ``data`` file."""
    if "data" not in p.files:
        raise web_error("CDS953", 422, field="data", allowed=".csv, .tsv, .xlsx, .json (a file)")
    rs = ruleset_of(state, p)
    upload: Upload = p.files["data"]
    units, diags, intake = state.service.read_data(rs, upload)
    cohort = state.service.score(rs, units, diags, upload.name)
    return rs, diags, attrs.evolve(cohort, intake=intake)


@guarded
async def rank(request: Request) -> Response:
    state, p = app_state(request), await payload(request)
    _, diags, cohort = await run_in_threadpool(rank_cohort, state, p)
    if request.query_params.get("format") == "xlsx":
        data = await run_in_threadpool(state.service.report_xlsx, cohort, p.lang)
        return Response(data, media_type=XLSX, headers={"content-disposition": 'attachment; filename="bao-cao.xlsx"'})
    out = cohort.to_dict(p.lang)
    out["data_diagnostics"] = [diag_json(d, p.lang) for d in diags]
    return JSONResponse(out)


@guarded
async def compile_(request: Request) -> Response:
    state, p = app_state(request), await payload(request)
    rs = await run_in_threadpool(ruleset_of, state, p)
    text, left_out = await run_in_threadpool(state.service.compile, rs)
    return JSONResponse({"module": text, "left_out": [diag_json(d, p.lang) for d in left_out]})


@guarded
async def template(request: Request) -> Response:
    state, p = app_state(request), await payload(request)
    rs = await run_in_threadpool(ruleset_of, state, p)
    data = await run_in_threadpool(state.service.template_xlsx, rs)
    return Response(data, media_type=XLSX, headers={"content-disposition": 'attachment; filename="bieu-mau.xlsx"'})


@guarded
async def draft(request: Request) -> Response:
    """GET: the draft (404 CDS957 when none); PUT: save ``{"text", "format"}``."""
    state = app_state(request)
    name = request.path_params["name"]
    if request.method == "PUT":
        p = await payload(request)
        text = p.text("text")
        if text is None:
            raise web_error("CDS953", 422, field="text", allowed="the draft's text")
        return JSONResponse(await run_in_threadpool(state.drafts.save, name, text, p.text("format") or ""))
    found = await run_in_threadpool(state.drafts.load, name)
    if found is None:
        raise web_error("CDS957", 404, method="GET", path=request.url.path)
    return JSONResponse(found)


@guarded
async def use_ruleset(request: Request) -> Response:
    """Make a text the ruleset the pages (and requests without one) score with; checked first."""
    state, p = app_state(request), await payload(request)
    text = p.text("text") or ""
    rs = await run_in_threadpool(state.service.ruleset_from_text, text, p.text("format") or None)
    await run_in_threadpool(state.drafts.save, "_active", text, p.text("format") or "")
    return JSONResponse({"title": rs.title, "indicators": len(rs.indicators)})


ROUTES = [
    Route("/api/v1", index, methods=["GET"]),
    Route("/api/v1/openapi.json", openapi, methods=["GET"]),
    Route("/api/v1/check", check, methods=["POST"]),
    Route("/api/v1/inputs", inputs, methods=["POST"]),
    Route("/api/v1/score", score, methods=["POST"]),
    Route("/api/v1/explain", explain, methods=["POST"]),
    Route("/api/v1/rank", rank, methods=["POST"]),
    Route("/api/v1/compile", compile_, methods=["POST"]),
    Route("/api/v1/template", template, methods=["POST"]),
    Route("/api/v1/ruleset", use_ruleset, methods=["PUT"]),
    Route("/api/v1/drafts/{name}", draft, methods=["GET", "PUT"]),
]
