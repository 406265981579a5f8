"""Errors of the web application and the HTTP API, as data.

Takes: a `CdsError` (or a code and its arguments) and the request's language.
Returns: `WebError` (an exception carrying diagnostics and an HTTP status) and the JSON shape every error
takes (`diag_json`: code, severity, span, line, column, message and hint in the requested language);
`request_lang` picks the language from ``?lang=`` or ``Accept-Language``.
"""
from __future__ import annotations

from typing import Any, Mapping

from cdsdsl.diagnostics.core import CdsError, Diagnostic, Severity
from cdsdsl.text.source import Source

LANGS = ("vi", "en")


class WebError(CdsError):
    """A request that cannot be answered: its diagnostics and the HTTP status to answer with."""

    def __init__(self, diagnostics: "list[Diagnostic] | Diagnostic", status: int = 400) -> None:
        super().__init__(diagnostics)
        self.status = status


def web_error(code: str, status: int = 400, *, name: str = "<request>", **args: Any) -> WebError:
    """A `WebError` with one diagnostic ``code`` (CDS950-CDS969) filled in with ``args``."""
    return WebError(Diagnostic.make(code, source=Source("", name=name), **args), status)


def diag_json(diag: Diagnostic, lang: str) -> dict[str, Any]:
    """One diagnostic as the API answers it: `Diagnostic.to_dict` plus its span (character offsets into
    the text the position is about) and, for data, the cell it is about (``where``); None where it has none."""
    out = diag.to_dict(lang)
    out["span"] = None if diag.span is None else {"start": diag.span.start, "end": diag.span.end}
    where = diag.arguments.get("where")
    # the data file's cell (`cohort.csv:4:F`), if any
    out["where"] = where if isinstance(where, str) and where not in ("", "?") else None
    return out


def errors_json(diags: "list[Diagnostic]", lang: str) -> dict[str, Any]:
    """The body of an error answer: ``{"error": first, "errors": [every one]}``."""
    shown = [diag_json(d, lang) for d in diags]
    return {"error": shown[0] if shown else None, "errors": shown}


def has_errors(diags: "list[Diagnostic]") -> bool:
    return any(d.severity is Severity.ERROR for d in diags)


def request_lang(query: Mapping[str, str], headers: Mapping[str, str]) -> str:
    """``?lang=en|vi`` first, else the first of vi/en in ``Accept-Language`` by its weight, else ``vi``."""
    asked = query.get("lang", "").lower()
    if asked in LANGS:
        return asked
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate(headers.get("accept-language", "").split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGS and weight > 0:
            ranked.append((-weight, i, primary))
    return min(ranked)[2] if ranked else "vi"
