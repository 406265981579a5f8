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

Widths are counted as displayed (`display_width`: combining marks take no
column, wide characters two), so the carets stand under the right characters
of a line written in NFD (``Tỷ lệ`` decomposed) or with wide characters, and
``width=`` (the terminal's) wraps messages and hints at spaces and shows a long
source line as a window around the span.
"""
from __future__ import annotations

import json
import unicodedata
from typing import Iterable

from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.record import Diagnostic, Severity

_COLOURS = {Severity.ERROR: "\x1b[31;1m", Severity.WARNING: "\x1b[33;1m", Severity.INFO: "\x1b[36;1m"}
_RESET = "\x1b[0m"


# ---------------------------------------------------------------- display width

def char_width(ch: str) -> int:
    """Columns a character takes on a terminal: 0 for combining marks and format characters,
    2 for East Asian wide and full-width characters, else 1."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2
    return 1


def display_width(text: str) -> int:
    """Columns ``text`` (one line) takes as displayed."""
    if text.isascii():
        return len(text)
    return sum(char_width(c) for c in text)


def _hard_split(word: str, width: int) -> list[str]:
    """A word longer than ``width`` cut into pieces of at most ``width`` columns (marks stay with
    their letter)."""
    pieces, cur, w = [], "", 0
    for ch in word:
        cw = char_width(ch)
        if cur and w + cw > width and cw > 0:
            pieces.append(cur)
            cur, w = "", 0
        cur += ch
        w += cw
    if cur:
        pieces.append(cur)
    return pieces


def wrap_words(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """``text`` wrapped at spaces into lines of at most ``width`` columns: the first line starts with
    ``indent``, the others with ``subsequent`` (default: as many spaces).  A word too long for a line
    is cut only when it cannot fit on a line of its own."""
    subsequent = " " * display_width(indent) if subsequent is None else subsequent
    words = text.split(" ")
    lines: list[str] = []
    cur, cur_w, lead = indent, display_width(indent), True
    for word in words:
        ww = display_width(word)
        room = width - cur_w - (0 if lead else 1)
        if ww <= room:
            cur += ("" if lead else " ") + word
            cur_w += ww + (0 if lead else 1)
            lead = False
            continue
        if not lead:
            lines.append(cur)
            cur, cur_w, lead = subsequent, display_width(subsequent), True
        room = width - cur_w
        if ww <= room or room < 1:
            cur += word
            cur_w += ww
            lead = False
            continue
        pieces = _hard_split(word, room)
        for piece in pieces[:-1]:
            lines.append(cur + piece)
            cur, cur_w = subsequent, display_width(subsequent)
        cur += pieces[-1]
        cur_w += display_width(pieces[-1])
        lead = False
    lines.append(cur)
    return lines


def wrap_block(text: str, width: int | None, extra_indent: int = 2) -> str:
    """Every line of ``text`` wrapped to ``width`` (None: unchanged), continuation lines indented
    like the line plus ``extra_indent``."""
    if width is None:
        return text
    out = []
    for line in text.split("\n"):
        if display_width(line) <= width:
            out.append(line)
            continue
        body = line.lstrip(" ")
        indent = line[: len(line) - len(body)]
        out.extend(wrap_words(body, width, indent, indent + " " * extra_indent))
    return "\n".join(out)


# ---------------------------------------------------------------- diagnostics

def render_diagnostic(diag: Diagnostic, lang: str = "vi", colour: bool = False, width: int | None = None) -> str:
    sev = diag.severity
    label = f"{sev.label(lang)}[{diag.code}]"
    head = _COLOURS[sev] + label + _RESET if colour else label
    message = f"{label}: {diag.message(lang)}"
    if width is not None and display_width(message) > width:
        wrapped = wrap_words(message, width, "", "    ")
        wrapped[0] = head + wrapped[0][len(label):]
        lines = ["\n".join(wrapped)]
    else:
        lines = [f"{head}: {diag.message(lang)}"]
    crumbs = []
    if diag.source is not None:
        crumbs.append(diag.source.name)
    if diag.item:
        crumbs.append(i18n.text("render.indicator", lang, item=diag.item))
    if diag.unit:
        crumbs.append(i18n.text("render.unit", lang, unit=diag.unit))
    pos = diag.position
    where = " › ".join(crumbs)
    if pos:
        where += f":{pos[0]}:{pos[1]}"
    if where:
        lines.append(wrap_block(f"  ┌─ {where}", width, 3))
    if pos and diag.source is not None and diag.span is not None:
        lines.extend(_excerpt(diag, colour, width))
    hint = diag.hint(lang)
    if hint:
        lines.append(wrap_block(i18n.text("render.hint", lang, hint=hint), width, 2))
    return "\n".join(lines)


#: a source line longer than this (a whole formula pasted on one line) is shown around the marked part
#: only, also where no terminal width applies, so that each finding's excerpt stays short (1 000 findings
#: on a 24 000-character line printed 43 MB); the longest line of the corpus and the bundled rulesets has
#: 649 characters
_LONG_LINE = 1000
_AROUND = 80


def _window(text: str, start: int, end: int, room: int) -> tuple[str, int, int]:
    """A part of ``text`` at most ``room`` columns wide showing ``text[start:end]`` (code-point
    indexes), with ``…`` where it was cut; and the span's new indexes in it."""
    if display_width(text) <= room or room < 8:
        return text, start, end
    lo = start
    budget = room - 2  # the two `…`
    # keep a little context before the span, then as much of the span and what follows as fits
    context = min(display_width(text[:start]), max(0, (budget - display_width(text[start:end])) // 3), 10)
    while lo > 0 and display_width(text[lo:start]) < context:
        lo -= 1
    while lo > 0 and unicodedata.combining(text[lo]):
        lo -= 1
    hi = lo
    while hi < len(text) and display_width(text[lo:hi + 1]) <= budget:
        hi += 1
    while hi < len(text) and unicodedata.combining(text[hi]):  # never leave a mark without its letter
        hi += 1
    left = "…" if lo > 0 else ""
    right = "…" if hi < len(text) else ""
    shift = lo - len(left)
    return left + text[lo:hi] + right, start - shift, min(end, hi) - shift


def _excerpt(diag: Diagnostic, colour: bool, width: int | None = None) -> list[str]:
    assert diag.source is not None and diag.span is not None
    (l1, c1), (l2, c2) = diag.position, diag.end_position  # type: ignore[misc]
    if l2 > l1 and c2 <= 1 + diag.source.column_offset:  # a span ending at a line break
        l2, c2 = l2 - 1, len(diag.source.line_text(l2 - 1)) + 1
    out = []
    gutter = len(str(l2))
    for line in range(l1, min(l2, l1 + 4) + 1):
        text = diag.source.line_text(line).replace("\t", " ")
        start = c1 if line == l1 else 1
        end = c2 if line == l2 else len(text) + 1
        s0, e0 = start - 1, max(start - 1, end - 1)
        if width is not None:
            text, s0, e0 = _window(text, s0, e0, width - gutter - 3)
        elif len(text) > _LONG_LINE:
            text, s0, e0 = _window(text, s0, e0, min(_LONG_LINE, display_width(text[s0:e0]) + 2 * _AROUND))
        out.append(f"{str(line).rjust(gutter)} │ {text}")
        # carets in display columns: marks take none, wide characters two
        pad = display_width(text[:s0])
        n = max(1, display_width(text[s0:e0]))
        marks = " " * pad + (_COLOURS[diag.severity] + "^" * n + _RESET if colour else "^" * n)
        out.append(f"{' ' * gutter} │ {marks}")
    return out


def render_diagnostics(diags: Iterable[Diagnostic], lang: str = "vi", colour: bool = False,
                       width: int | None = None) -> str:
    return "\n\n".join(render_diagnostic(d, lang, colour, width) for d in diags)


def diagnostics_json(diags: Iterable[Diagnostic], lang: str = "vi") -> str:
    return json.dumps([d.to_dict(lang) for d in diags], ensure_ascii=False, indent=2)


def summary(diags: list[Diagnostic], lang: str = "vi") -> str:
    counts = {s: sum(1 for d in diags if d.severity is s) for s in Severity}
    return i18n.text("render.summary", lang, errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING],
                     infos=counts[Severity.INFO])
