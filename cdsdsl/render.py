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


#: a source line longer than this (a whole formula pasted on one line) is shown around the marked part
#: only, so that each finding's excerpt stays short (1 000 findings on a 24 000-character line printed
#: 43 MB); the longest line of the corpus and the bundled rulesets has 649 characters
_LONG_LINE = 1000
_AROUND = 80


def _window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """``text`` cut to `_AROUND` characters around columns ``start``..``end`` (1-based, end excluded)
    and at most `_LONG_LINE` characters, with ``…`` where it is cut; the columns in the cut text."""
    if len(text) <= _LONG_LINE:
        return text, start, end
    lo = max(0, start - 1 - _AROUND)
    hi = min(len(text), max(end - 1, start) + _AROUND, lo + _LONG_LINE)
    shift = lo - (1 if lo > 0 else 0)  # the `…` in front takes a column
    cut = ("…" if lo > 0 else "") + text[lo:hi] + ("…" if hi < len(text) else "")
    return cut, start - shift, min(end, hi + 1) - shift


def _excerpt(diag: Diagnostic, colour: bool) -> list[str]:
    assert diag.source is not None and diag.span is not None
    (l1, c1), (l2, c2) = diag.position, diag.end_position  # type: ignore[misc]
    if l2 > l1 and c2 <= 1 + diag.source.column_offset:  # a span ending at a line break
        l2, c2 = l2 - 1, len(diag.source.line_text(l2 - 1)) + 1
    out = []
    width = len(str(l2))
    for line in range(l1, min(l2, l1 + 4) + 1):
        text = diag.source.line_text(line).replace("\t", " ")
        start = c1 if line == l1 else 1
        end = c2 if line == l2 else len(text) + 1
        text, start, end = _window(text, start, end)
        out.append(f"{str(line).rjust(width)} │ {text}")
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
