"""The OpenAPI 3.1 description of ``/api/v1``, served at ``/api/v1/openapi.json`` (docs/api-http.md).

Takes: nothing.  Returns: `schema()`, a dict built from the table `_OPERATIONS` (path, summary, body).
"""
from __future__ import annotations

from typing import Any

_ERROR = {"type": "object", "properties": {
    "error": {"$ref": "#/components/schemas/Diagnostic"},
    "errors": {"type": "array", "items": {"$ref": "#/components/schemas/Diagnostic"}}}}
_DIAGNOSTIC = {"type": "object", "properties": {
    "code": {"type": "string", "example": "CDS302"}, "severity": {"enum": ["error", "warning", "info"]},
    "item": {"type": ["string", "null"]}, "unit": {"type": ["string", "null"]}, "file": {"type": ["string", "null"]},
    "line": {"type": ["integer", "null"]}, "column": {"type": ["integer", "null"]},
    "end_line": {"type": ["integer", "null"]}, "end_column": {"type": ["integer", "null"]},
    "span": {"type": ["object", "null"], "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}}},
    "message": {"type": "string"}, "hint": {"type": "string"}}}
_RULESET = {"description": "The ruleset: .cds text, or {\"text\": ..., \"format\": \"cds|tsv|csv\"}; in a form, a "
                           "file (.cds, .csv, .tsv, .xlsx). Left out: the server's ruleset.",
            "oneOf": [{"type": "string"}, {"type": "object"}]}
_UNIT = {"type": "object", "description": "{\"name\": \"Huyện A\", \"values\": {\"1.3\": {\"a\": 7, \"b\": 21}}}"}

#: path -> (method, summary, request body properties, answer media type)
_OPERATIONS: dict[str, tuple[str, str, dict[str, Any], str]] = {
    "/api/v1/check": ("post", "Check a ruleset or one formula, as `cds check`",
                      {"text": {"type": "string"}, "format": {"enum": ["cds", "tsv", "csv", "formula"]},
                       "max": {"type": "string"}, "ruleset": {"type": "string", "format": "binary"}},
                      "application/json"),
    "/api/v1/inputs": ("post", "The inputs each indicator asks for, as `cds inputs`", {"ruleset": _RULESET},
                       "application/json"),
    "/api/v1/score": ("post", "Score one unit", {"ruleset": _RULESET, "unit": _UNIT}, "application/json"),
    "/api/v1/explain": ("post", "One unit's points with the reason for every lost point, as `cds explain`",
                        {"ruleset": _RULESET, "unit": {"oneOf": [_UNIT, {"type": "string"}]},
                         "data": {"type": "string", "format": "binary"}}, "application/json"),
    "/api/v1/rank": ("post", "Score and rank a cohort file (?format=xlsx: the report workbook)",
                     {"ruleset": _RULESET, "data": {"type": "string", "format": "binary"}}, "application/json"),
    "/api/v1/compile": ("post", "The ruleset as a plain Python module, as `cds compile`", {"ruleset": _RULESET},
                        "application/json"),
    "/api/v1/template": ("post", "The data-entry template (.xlsx), as `cds template`", {"ruleset": _RULESET},
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "/api/v1/ruleset": ("put", "Make a ruleset text the one the pages score with",
                        {"text": {"type": "string"}, "format": {"type": "string"}}, "application/json"),
    "/api/v1/drafts/{name}": ("put", "Save a draft in the working folder (GET reads it back)",
                              {"text": {"type": "string"}, "format": {"type": "string"}}, "application/json"),
}


def _operation(summary: str, props: dict[str, Any], media: str) -> dict[str, Any]:
    body = {"type": "object", "properties": props}
    return {"summary": summary,
            "parameters": [{"name": "lang", "in": "query", "schema": {"enum": ["vi", "en"]}}],
            "requestBody": {"content": {"application/json": {"schema": body}, "multipart/form-data": {"schema": body}}},
            "responses": {"200": {"description": "the answer", "content": {media: {}}},
                          "4XX": {"description": "a coded error", "content": {"application/json": {
                              "schema": {"$ref": "#/components/schemas/Error"}}}},
                          "500": {"description": "CDS956: an internal error (no traceback)",
                                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}


def schema() -> dict[str, Any]:
    paths: dict[str, Any] = {path: {method: _operation(summary, props, media)}
                             for path, (method, summary, props, media) in _OPERATIONS.items()}
    paths["/api/v1/drafts/{name}"]["get"] = {"summary": "Read a draft back", "responses": {"200": {
        "description": "the draft"}, "404": {"description": "CDS957: no such draft"}}}
    paths["/api/v1/openapi.json"] = {"get": {"summary": "This description", "responses": {"200": {
        "description": "OpenAPI 3.1"}}}}
    return {"openapi": "3.1.0", "info": {"title": "cdsdsl HTTP API", "version": "1"}, "paths": paths,
            "components": {"schemas": {"Diagnostic": _DIAGNOSTIC, "Error": _ERROR}}}
