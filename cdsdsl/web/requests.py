"""What a request carries, read once: JSON or a multipart form, bounded in size.

Takes: a Starlette `Request` and the byte limit.
Returns: `Payload` (text fields, uploaded files, the language asked for); a body over the limit is CDS950,
a body that is not JSON/a form is CDS952.  The body is read in chunks and refused as soon as it passes the
limit, before anything is parsed.
"""
from __future__ import annotations

import json
from typing import Any

import attrs
from starlette.requests import Request

from cdsdsl.web.errors import request_lang, web_error
from cdsdsl.web.service import Upload

#: room for the multipart framing and the other fields around a file of the maximum size
_FRAMING = 64 * 1024


@attrs.frozen
class Payload:
    """The fields (str, or any JSON value for a JSON body), the uploaded files and the language."""

    fields: dict[str, Any]
    files: dict[str, Upload]
    lang: str

    def text(self, name: str, default: str | None = None) -> str | None:
        value = self.fields.get(name, default)
        return value if value is None or isinstance(value, str) else str(value)


async def read_body(request: Request, limit: int) -> bytes:
    """The body, refused with CDS950 once it passes ``limit`` (+ the framing of a form)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + _FRAMING:
        raise web_error("CDS960", 413, size=int(declared), limit=limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit + _FRAMING:
            raise web_error("CDS960", 413, size=f"> {size}", limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)


async def read_payload(request: Request, limit: int) -> Payload:
    """JSON (``application/json``) or a form (``multipart/form-data``, ``x-www-form-urlencoded``)."""
    lang = request_lang(request.query_params, request.headers)
    body = await read_body(request, limit)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
        request._body = body  # the form parser reads the body already bounded above
        try:
            form = await request.form(max_files=8, max_fields=2000, max_part_size=limit + 1)
        except Exception as exc:  # the multipart parser's own errors: a malformed form
            raise web_error("CDS952", 400, detail=str(exc)[:200]) from None
        fields: dict[str, Any] = {}
        files: dict[str, Upload] = {}
        for key, value in form.multi_items():
            if isinstance(value, str):
                fields[key] = value
            else:
                files[key] = Upload(value.filename or key, await value.read())
        return Payload(fields, files, lang)
    if not body.strip():
        return Payload({}, {}, lang)
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise web_error("CDS952", 400, detail=str(exc)[:200]) from None
    if not isinstance(data, dict):
        raise web_error("CDS952", 400, detail="JSON object expected ({...})")
    return Payload(data, {}, lang)
