"""Normalise pasted decision text, keeping a map back to the original.

Takes: text as copy-paste produces it — NFC or NFD Unicode, HTML tags and
entities, LaTeX math (``$\\geq 50\\%$``, ``\\text{...}``), ``≥ ≤ × ÷``, decimal
commas (``2,5%``), odd bullets (``•``), tabs, non-breaking and zero-width
spaces, doubled spaces, Windows line ends.
Returns: `Normalized(text, starts, ends)`: normalised character ``i`` came
from original characters ``[starts[i], ends[i])``, so `Normalized.span` maps
any normalised range back to the words the user pasted.  Nothing here understands formulas.
"""
from __future__ import annotations

import html
import re
import unicodedata
from typing import Callable

import attrs

from cdsdsl.text.source import Span, span_unchecked

#: the most digits a number written in a decision may have (integer and decimal part together): in a formula
#: (parser, CDS113), a ruleset's maximum (`ruleset.parse_max`) and a maximum given to the API
#: (`resolve.max_points_value`, CDS633).  No decision writes more; Python converts at most 4 300.
MAX_NUMBER_DIGITS = 30


@attrs.frozen
class Normalized:
    text: str
    #: for normalised character i, the original range [starts[i], ends[i])
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    original: str

    def span(self, start: int, end: int) -> Span:
        """The original span of normalised characters ``[start, end)``."""
        n = len(self.text)
        if 0 <= start < end <= n:  # the common case, same result as below
            s = self.starts[start]
            e = self.ends[end - 1]
            return span_unchecked(s, e if e > s else s)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if start == n:
            return Span(len(self.original), len(self.original))
        if end == start:
            return Span(self.starts[start], self.starts[start])
        return Span(self.starts[start], max(self.starts[start], self.ends[end - 1]))


class _Buf:
    """Text plus, per character, the original range it came from."""

    def __init__(self, text: str, starts: list[int], ends: list[int]) -> None:
        self.text = text
        self.starts = starts
        self.ends = ends

    def sub(self, pattern: "re.Pattern[str]", repl: Callable[[re.Match[str]], str] | str) -> None:
        if pattern.search(self.text) is None:  # the common case: nothing to rewrite
            return
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for m in pattern.finditer(self.text):
            s, e = m.span()
            new = repl(m) if callable(repl) else repl
            out.append(self.text[pos:s])
            starts.extend(self.starts[pos:s])
            ends.extend(self.ends[pos:s])
            out.append(new)
            if len(new) == e - s:
                starts.extend(self.starts[s:e])
                ends.extend(self.ends[s:e])
            elif new and e > s:
                starts.extend([self.starts[s]] * len(new))
                ends.extend([self.ends[e - 1]] * len(new))
            elif new:  # insertion at an empty match
                at = self.starts[s] if s < len(self.starts) else (self.ends[-1] if self.ends else 0)
                starts.extend([at] * len(new))
                ends.extend([at] * len(new))
            pos = e
        out.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        self.text = "".join(out)
        self.starts = starts
        self.ends = ends


def _nfc(text: str) -> tuple[str, list[int], list[int]]:
    """NFC per cluster (base character + combining marks)."""
    if unicodedata.is_normalized("NFC", text) and not any(map(unicodedata.combining, set(text))):
        n = len(text)
        return text, list(range(n)), list(range(1, n + 1))
    out: list[str] = []
    offs: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = unicodedata.normalize("NFC", text[i:j])
        out.append(cluster)
        offs.extend([i] * len(cluster))
        ends.extend([j] * len(cluster))
        i = j
    return "".join(out), offs, ends


_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|<br\s*/?>", re.I)
# `&#` with at most 7 digits (U+10FFFF is 1114111): a longer one is left as written, not converted
_HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]+);")
_LATEX_TEXT = re.compile(r"\\(?:text|mathrm|textrm|mbox|textbf|textit|operatorname)\s*\{([^{}]*)\}")
_LATEX_FRAC = re.compile(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")
_LATEX_CMDS = {
    r"\geq": "≥", r"\ge": "≥", r"\leq": "≤", r"\le": "≤", r"\times": "×", r"\cdot": "×",
    r"\%": "%", r"\lt": "<", r"\gt": ">", r"\div": "÷", r"\left": "", r"\right": "",
    r"\,": " ", r"\;": " ", r"\:": " ", r"\!": "", r"\ ": " ", r"\quad": " ", r"\qquad": " ",
}
_LATEX_CMD = re.compile("|".join(re.escape(k) + (r"(?![A-Za-z])" if k[-1].isalpha() else "")
                                 for k in sorted(_LATEX_CMDS, key=len, reverse=True)))
_DOLLAR = re.compile(r"\${1,2}")
_SYMBOLS = {"≥": ">=", "≧": ">=", "⩾": ">=", "≤": "<=", "≦": "<=", "⩽": "<=", "×": "*", "✕": "*",
            "÷": "/", "−": "-", "–": "-", "—": "-", "＝": "=", "％": "%", "：": ":", "；": ";",
            "“": '"', "”": '"', "‘": "'", "’": "'", "…": "...", "⁄": "/", "∕": "/"}
_SYMBOL = re.compile("[" + "".join(map(re.escape, _SYMBOLS)) + "]")  # every key is one character
_BULLET = re.compile(r"(?m)^([ \t]*)[•◦▪▫●○■□➢➤►▸‣∙·](?=\s|\S)")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_CRLF = re.compile(r"\r\n?|\u2028|\u2029")
# `> =`, `< =`: a comparison typed with a space inside
_SPLIT_COMPARISON = re.compile(r"(?<=[<>]) +(?==)")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
# `x` used as a multiplication sign: `(A + B) x 485`, `2 x Điểm tối đa`
# `x` used as a multiplication sign: `(A + B) x 485`, `2x3`, `a/b x 100%`, `Tỷ lệ x Điểm tối đa`
# (Vietnamese has no word `x`, so a lone `x` between two words is always the sign)
_TIMES_X = re.compile(r"(?<=[\d)%])\s*[xX]\s*(?=[\d(])|(?<=\S) [xX] (?=\S)")
_TRAIL_SPACE = re.compile(r"(?m) +$|^ +")
# necessary conditions of some passes, faster to look for than the pass's own pattern (an
# alternation tried at every position): no match of these, nothing for the pass to rewrite
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_BULLET_CHAR = re.compile(r"[•◦▪▫●○■□➢➤►▸‣∙·]")
_X_BEFORE_NUMBER = re.compile(r"[xX]\s*[\d(]")  # what the first branch of _TIMES_X holds
_REWRITTEN_CHAR = re.compile("[" + _INVISIBLE.pattern[1:-1] + _SYMBOL.pattern[1:-1] + _BULLET_CHAR.pattern[1:-1] + "]")


def _strip_markup(buf: _Buf, seen: "list[tuple[str, str]] | None" = None) -> None:
    """HTML tags and entities, LaTeX commands and ``$``: the markup passes of `normalize`, also used
    for indicator and section names (`clean_markup`); ``seen`` collects (markup, what replaced it)."""
    def rec(f: Callable[[re.Match[str]], str]) -> Callable[[re.Match[str]], str]:
        if seen is None:
            return f

        def g(m: re.Match[str]) -> str:
            new = f(m)
            seen.append((m.group(0), new))
            return new
        return g
    if "<" in buf.text:
        buf.sub(_HTML_TAG, rec(lambda m: "\n" if m.group(0).lower().startswith("<br") else ""))
    if "&" in buf.text:
        buf.sub(_HTML_ENTITY, rec(lambda m: html.unescape(m.group(0))))
    if "\\" in buf.text:
        buf.sub(_LATEX_TEXT, rec(lambda m: m.group(1)))
        buf.sub(_LATEX_FRAC, rec(lambda m: f"({m.group(1)})/({m.group(2)})"))
        buf.sub(_LATEX_CMD, rec(lambda m: _LATEX_CMDS[m.group(0)]))
    if "$" in buf.text:
        buf.sub(_DOLLAR, rec(lambda m: ""))


def clean_markup(text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """``text`` (a name or title) without its HTML/LaTeX markup, cleaned by the passes `normalize`
    uses for formulas, and the repairs made: (markup as written, what replaced it), in order.
    When something was removed, runs of whitespace left behind become one space."""
    n = len(text)
    buf = _Buf(text, list(range(n)), list(range(1, n + 1)))
    seen: list[tuple[str, str]] = []
    _strip_markup(buf, seen)
    if not seen:
        return text, ()
    return " ".join(buf.text.split()), tuple(seen)


def normalize(text: str) -> Normalized:
    """Normalise ``text``; see the module docstring."""
    buf = _Buf(*_nfc(text))
    # a pass whose pattern needs a character the text does not hold is skipped
    if "\r" in buf.text or "\u2028" in buf.text or "\u2029" in buf.text:
        buf.sub(_CRLF, "\n")
    _strip_markup(buf)
    if _REWRITTEN_CHAR.search(buf.text):  # nothing for the next three passes without one of these
        buf.sub(_INVISIBLE, "")
        buf.sub(_SYMBOL, lambda m: _SYMBOLS[m.group(0)])
        if _BULLET_CHAR.search(buf.text):
            buf.sub(_BULLET, lambda m: m.group(1) + "-")
    if "  " in buf.text or _ODD_SPACE.search(buf.text):  # what _SPACES matches
        buf.sub(_SPACES, " ")
    t = buf.text
    if " " in t:
        if " \n" in t or "\n " in t or t.startswith(" ") or t.endswith(" "):  # what _TRAIL_SPACE matches
            buf.sub(_TRAIL_SPACE, "")
        if "<" in buf.text or ">" in buf.text:
            buf.sub(_SPLIT_COMPARISON, "")
    if "," in buf.text:
        buf.sub(_DECIMAL_COMMA, ".")
    t = buf.text
    if " x " in t or " X " in t or _X_BEFORE_NUMBER.search(t):  # what _TIMES_X matches
        buf.sub(_TIMES_X, lambda m: " * " if m.group(0).startswith(" ") else "*")
    return Normalized(buf.text, tuple(buf.starts), tuple(buf.ends), text)
