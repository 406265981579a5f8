"""The pages for policy staff: Author (paste or upload a ruleset, see it checked), Unit (fill one unit's
form, score it) and Cohort (upload a cohort, rank it, charts, report).

Takes: requests from the browser (forms posted by ``static/app.js``).  Returns: HTML rendered by the Jinja2
templates in ``templates/`` with autoescaping on (decision text is never markup), or fragments of it that
the script puts in place; downloads (.cds, .xlsx).  Words come from the catalogue (`i18n.text`); the
language is ``?lang=``, then the ``lang`` cookie, then ``Accept-Language``.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.core import CdsError
from cdsdsl.diagnostics.numbers import format_number
from cdsdsl.web import charts
from cdsdsl.web.api import XLSX, app_state, guarded, rank_cohort, score_one
from cdsdsl.web.drafts import ACTIVE
from cdsdsl.web.errors import LANGS, errors_json, request_lang
from cdsdsl.web.layout import build_layout
from cdsdsl.web.requests import Payload, read_payload
from cdsdsl.web.service import Upload


def make_templates(folder: Path) -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(folder))
    templates.env.autoescape = True
    return templates


def page_lang(request: Request) -> str:
    asked = request.query_params.get("lang", "")
    if asked in LANGS:
        return asked
    cookie = request.cookies.get("lang", "")
    return cookie if cookie in LANGS else request_lang({}, request.headers)


def _context(request: Request, lang: str, **extra: Any) -> dict[str, Any]:
    def t(key: str, **args: Any) -> str:
        return i18n.text(key, lang, **args)

    def num(value: Any) -> str:
        return "" if value is None else format_number(value, lang, as_given=True)

    other = next((code for code in LANGS if code != lang), lang)  # the language the switch offers
    return {"request": request, "lang": lang, "other": other, "t": t, "num": num, **extra}


def render(request: Request, name: str, lang: str, **extra: Any) -> HTMLResponse:
    response = app_state(request).templates.TemplateResponse(request, name, _context(request, lang, **extra))
    if request.query_params.get("lang") in LANGS:
        response.set_cookie("lang", lang, samesite="strict")
    return response


def error_page(request: Request, err: CdsError, lang: str) -> HTMLResponse:
    status = getattr(err, "status", 422)
    response = render(request, "error.html", lang, errors=errors_json(err.diagnostics, lang)["errors"])
    response.status_code = status
    return response


def _current(request: Request) -> tuple[Any, list[Any]]:
    """(the ruleset the pages score with or None, the errors that prevent it)."""
    try:
        return app_state(request).current_ruleset(), []
    except CdsError as exc:
        return None, errors_json(exc.diagnostics, page_lang(request))["errors"]


# -- author --------------------------------------------------------------------------------------------------
async def author(request: Request) -> Response:
    lang = page_lang(request)
    state = app_state(request)
    draft = await run_in_threadpool(state.drafts.load, "author")
    text = draft["text"] if draft else ""
    if not text and state.service.ruleset_path is not None and state.service.ruleset_path.suffix == ".cds":
        text = state.service.ruleset_path.read_text(encoding="utf-8")
    return render(request, "author.html", lang, text=text, fmt=(draft or {}).get("format", ""))


def _check_fragment(request: Request, p: Payload) -> HTMLResponse:
    lang = p.lang
    text = p.text("text") or ""
    if not text.strip():
        return render(request, "author_result.html", lang, layout=None, empty=True, loaded=True)
    answer = app_state(request).service.check_text(text, p.text("format") or None, lang,
                                                    max_points=p.text("max", "10") or "10")
    layout = build_layout(answer["_ruleset"], answer["_diagnostics"], lang)
    return render(request, "author_result.html", lang, layout=layout, empty=False, loaded=answer["loaded"],
                  formula=(p.text("format") == "formula"))


async def page_payload(request: Request) -> Payload:
    p = await read_payload(request, app_state(request).service.max_upload)
    return Payload(p.fields, p.files, page_lang(request))


@guarded
async def author_check(request: Request) -> Response:
    p = await page_payload(request)
    return await run_in_threadpool(_check_fragment, request, p)


def _table_text(upload: Upload, state: Any) -> str:
    """An uploaded spreadsheet ruleset as the tab-separated table the text box holds."""
    from cdsdsl.rulesets.sheets import read_table
    from cdsdsl.web.service import RULESET_SUFFIXES, Scratch, safe_name
    state.service.check_upload(upload, RULESET_SUFFIXES)
    with Scratch(state.workdir) as folder:
        path = folder / safe_name(upload.name, upload.suffix)
        path.write_bytes(upload.data)
        _, rows = read_table(path)
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\n").writerows(rows)
    return out.getvalue()


@guarded
async def author_upload(request: Request) -> Response:
    """An uploaded ruleset file → the text for the text box (a .cds as it is, a sheet as a table)."""
    p = await page_payload(request)
    upload = p.files.get("ruleset")
    if upload is None:
        from cdsdsl.web.errors import web_error
        raise web_error("CDS953", 422, field="ruleset", allowed=".cds, .csv, .tsv, .xlsx")
    state = app_state(request)
    if upload.suffix in (".cds", ".txt"):
        state.service.check_upload(upload, (".cds", ".txt"))
        from cdsdsl.rulesets.load import decode_ruleset_bytes
        return JSONResponse({"text": decode_ruleset_bytes(upload.data, upload.name), "format": "cds"})
    text = await run_in_threadpool(_table_text, upload, state)
    return JSONResponse({"text": text, "format": "tsv"})


@guarded
async def author_download(request: Request) -> Response:
    """``kind=cds``: the ruleset as a .cds file; ``kind=template``: its data-entry workbook."""
    p = await page_payload(request)
    state = app_state(request)
    text, fmt = p.text("text") or "", p.text("format") or None
    rs = await run_in_threadpool(state.service.ruleset_from_text, text, fmt)
    if request.path_params["kind"] == "template":
        data = await run_in_threadpool(state.service.template_xlsx, rs)
        return Response(data, media_type=XLSX, headers={"content-disposition": 'attachment; filename="bieu-mau.xlsx"'})
    from cdsdsl.web.export import cds_text
    body = text if rs.format == "cds" else cds_text(rs)
    return Response(body.encode("utf-8"), media_type="text/plain; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="bo-chi-so.cds"'})


# -- unit ----------------------------------------------------------------------------------------------------
async def unit(request: Request) -> Response:
    lang = page_lang(request)
    rs, errors = await run_in_threadpool(_current, request)
    form = None
    if rs is not None:
        from cdsdsl.dataentry.fields import build_form
        form = await run_in_threadpool(build_form, rs)
    return render(request, "unit.html", lang, rs=rs, errors=errors, form=form)


def unit_payload(p: Payload) -> Payload:
    """The unit form's fields (``f:1.3:a``) as the API's ``unit`` object."""
    values: dict[str, dict[str, str]] = {}
    for key, value in p.fields.items():
        if key.startswith("f:") and isinstance(value, str) and value.strip():
            item, _, name = key[2:].partition(":")
            values.setdefault(item, {})[name] = value.strip()
    unit = {"name": (p.text("name") or "").strip() or "Đơn vị", "values": values}
    return Payload({"unit": unit}, {}, p.lang)


def _unit_fragment(request: Request, p: Payload) -> HTMLResponse:
    state = app_state(request)
    answer = score_one(state, unit_payload(p), True)
    rs = state.current_ruleset()
    names = {s.id: s.name for s in rs.sections}
    labels = {s.id: s.label or s.id for s in rs.sections}
    return render(request, "unit_result.html", p.lang, result=answer["result"], explanation=answer["explanation"],
                  data_diagnostics=answer["data_diagnostics"], section_names=names, section_labels=labels,
                  title=rs.title)


@guarded
async def unit_score(request: Request) -> Response:
    p = await page_payload(request)
    try:
        return await run_in_threadpool(_unit_fragment, request, p)
    except CdsError as exc:
        return error_page(request, exc, p.lang)


def _validate(request: Request, p: Payload) -> dict[str, Any]:
    """Messages per field (``1.3:a``) from reading and scoring the unit as typed; empty fields are skipped."""
    answer = score_one(app_state(request), unit_payload(p), False)
    typed = {k[2:] for k, v in p.fields.items() if k.startswith("f:") and isinstance(v, str) and v.strip()}
    out: dict[str, list[str]] = {}
    found = answer["data_diagnostics"] + [d for ir in answer["result"]["indicators"] for d in ir["diagnostics"]]
    for d in found:
        if d["severity"] != "error" or d["code"] == "CDS600":  # not filled in yet: no message while typing
            continue
        for col in typed:
            item, _, key = col.partition(":")
            if d["item"] == item and (f"`{key}`" in d["message"] or f"{item}:{key}" in d["message"]):
                out.setdefault(col, []).append(f'{d["code"]} {d["message"]} — {d["hint"]}')
    return out


@guarded
async def unit_validate(request: Request) -> Response:
    p = await page_payload(request)
    return JSONResponse(await run_in_threadpool(_validate, request, p))


# -- cohort --------------------------------------------------------------------------------------------------
async def cohort(request: Request) -> Response:
    lang = page_lang(request)
    rs, errors = await run_in_threadpool(_current, request)
    return render(request, "cohort.html", lang, rs=rs, errors=errors)


def _cohort_fragment(request: Request, p: Payload) -> HTMLResponse:
    state = app_state(request)
    rs, diags, scored = rank_cohort(state, p)
    from cdsdsl.reports.tables import rank_table
    table = rank_table(scored, p.lang, label=False)
    from cdsdsl.web.errors import diag_json
    problems = [diag_json(d, p.lang) for d in diags] + [
        diag_json(d, p.lang) for r in scored.results for d in r.diagnostics if d.severity.value == "error"]
    return render(request, "cohort_result.html", p.lang, table=table, intake=scored.intake, problems=problems,
                  totals=charts.totals_bar(scored, p.lang), profile=charts.section_profile(scored, p.lang),
                  distribution=charts.distribution(scored, p.lang))


@guarded
async def cohort_rank(request: Request) -> Response:
    p = await page_payload(request)
    try:
        return await run_in_threadpool(_cohort_fragment, request, p)
    except CdsError as exc:
        return error_page(request, exc, p.lang)


async def set_active(request: Request) -> Response:
    """Forget the author's chosen ruleset: back to the one `cds serve` was given."""
    await run_in_threadpool(app_state(request).drafts.save, ACTIVE, "", "")
    return JSONResponse({"ok": True})


ROUTES = [
    Route("/", author, methods=["GET"]),
    Route("/author/check", author_check, methods=["POST"]),
    Route("/author/upload", author_upload, methods=["POST"]),
    Route("/author/download/{kind:str}", author_download, methods=["POST"]),
    Route("/unit", unit, methods=["GET"]),
    Route("/unit/score", unit_score, methods=["POST"]),
    Route("/unit/validate", unit_validate, methods=["POST"]),
    Route("/cohort", cohort, methods=["GET"]),
    Route("/cohort/rank", cohort_rank, methods=["POST"]),
    Route("/ruleset/reset", set_active, methods=["POST"]),
]
