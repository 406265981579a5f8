"""Render diagnostics for people (compiler style) and for tools (JSON).

Takes: a list of `Diagnostic`.
Returns: text in the shape of a good compiler's message::

    lỗi[CDS101]: biểu thức không đầy đủ: thiếu một số hoặc một tên sau `/`
      ┌─ huyen-ninh-thuan-2023 › 3.1:4:10
    4 │ - Tỷ lệ=a/
      │          ^
      = gợi ý: Viết thêm số hoặc tên còn thiếu, ví dụ `Tỷ lệ = a/b`.

Colour is added only when asked (the CLI asks on a terminal); it is never part
of a message.  This is the only module that formats diagnostics as text.
"""
from __future__ import annotations

import json
from typing import Iterable

from .diagnostics import Diagnostic, Severity

_COLOURS = {Severity.ERROR: "\x1b[31;1m", Severity.WARNING: "\x1b[33;1m", Severity.INFO: "\x1b[36;1m"}
_RESET = "\x1b[0m"
_HINT = {"vi": "gợi ý", "en": "hint"}
_UNIT = {"vi": "đơn vị", "en": "unit"}
_ITEM = {"vi": "chỉ số", "en": "indicator"}


def render_diagnostic(diag: Diagnostic, lang: str = "vi", colour: bool = False) -> str:
    sev = diag.severity
    head = f"{sev.label(lang)}[{diag.code}]"
    if colour:
        head = _COLOURS[sev] + head + _RESET
    lines = [f"{head}: {diag.message(lang)}"]
    crumbs = []
    if diag.source is not None:
        crumbs.append(diag.source.name)
    if diag.item:
        crumbs.append(f"{_ITEM[lang]} {diag.item}")
    if diag.unit:
        crumbs.append(f"{_UNIT[lang]} {diag.unit}")
    pos = diag.position
    where = " › ".join(crumbs)
    if pos:
        where += f":{pos[0]}:{pos[1]}"
    if where:
        lines.append(f"  ┌─ {where}")
    if pos and diag.source is not None and diag.span is not None:
        lines.extend(_excerpt(diag, colour))
    hint = diag.hint(lang)
    if hint:
        lines.append(f"  = {_HINT[lang]}: {hint}")
    return "\n".join(lines)


def _excerpt(diag: Diagnostic, colour: bool) -> list[str]:
    assert diag.source is not None and diag.span is not None
    (l1, c1), (l2, c2) = diag.position, diag.end_position  # type: ignore[misc]
    if l2 > l1 and c2 <= 1 + diag.source.column_offset:  # a span ending at a line break
        l2, c2 = l2 - 1, len(diag.source.line_text(l2 - 1)) + 1
    out = []
    width = len(str(l2))
    for line in range(l1, min(l2, l1 + 4) + 1):
        text = diag.source.line_text(line).replace("\t", " ")
        out.append(f"{str(line).rjust(width)} │ {text}")
        start = c1 if line == l1 else 1
        end = c2 if line == l2 else len(text) + 1
        n = max(1, end - start)
        marks = " " * (start - 1) + "^" * n
        if colour:
            marks = " " * (start - 1) + _COLOURS[diag.severity] + "^" * n + _RESET
        out.append(f"{' ' * width} │ {marks}")
    return out


def render_diagnostics(diags: Iterable[Diagnostic], lang: str = "vi", colour: bool = False) -> str:
    return "\n\n".join(render_diagnostic(d, lang, colour) for d in diags)


def diagnostics_json(diags: Iterable[Diagnostic], lang: str = "vi") -> str:
    return json.dumps([d.to_dict(lang) for d in diags], ensure_ascii=False, indent=2)


def summary(diags: list[Diagnostic], lang: str = "vi") -> str:
    counts = {s: sum(1 for d in diags if d.severity is s) for s in Severity}
    if lang == "en":
        return f"{counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s), {counts[Severity.INFO]} note(s)"
    return f"{counts[Severity.ERROR]} lỗi, {counts[Severity.WARNING]} cảnh báo, {counts[Severity.INFO]} thông tin"
