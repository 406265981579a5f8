"""The one door through which user text enters generated Python code.

Takes: any text that came from a user — a ruleset's file name or title, the
``-o`` name, an indicator id, a section name, an input key, an option label, a
formula's words — and where it is going.
Returns: text that cannot change what the generated code does:

- ``quote(text)`` (``where="literal"``): a Python string literal (``repr``);
  the value read back is exactly ``text`` (NUL, CR, lone surrogates, quotes and
  backslashes are escaped; Vietnamese letters stay readable).
- ``quote(text, where="comment")``: text for a ``#`` comment, a docstring or a
  file name given to ``compile()``: one line of printable characters.  A
  backslash is doubled and every character that is not printable (newline, CR,
  NUL, tab, other control and format characters, lone surrogates, line and
  paragraph separators) is written as its escape (``\\n``, ``\\x00``,
  ``\\ud800``), so a comment never ends early and the file always encodes as
  UTF-8.  ``coding:``/``coding=`` is written ``coding\\x3a``/``coding\\x3d``: on the
  first two lines of a file Python reads it as the file's encoding (PEP 263).

Identifiers are never made from user text: they come from `mangle.Mangler`.
Code built as `ast` nodes carries user text only in ``ast.Constant`` nodes,
which ``ast.unparse`` writes as literals the same way ``repr`` does; comments
and docstrings go through ``quote(..., where="comment")``.
`verify_module` checks the finished text (see there).
"""
from __future__ import annotations

import ast
import re
from typing import Any

_CODING = re.compile(r"(?<=coding)([:=])")


def quote(text: Any, where: str = "literal") -> str:
    """``text`` made safe for generated code: a string literal or comment text (see the module doc)."""
    text = str(text)
    if where == "literal":
        return repr(text)
    if where != "comment":
        raise ValueError(f"unknown place for quoted text: {where!r}")
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch.isprintable():  # never true for controls, surrogates, U+2028/9, NUL
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return _CODING.sub(lambda m: f"\\x{ord(m.group(1)):02x}", "".join(out))


def verify_module(text: str, expected: str, name: str = "<module>") -> str | None:
    """Why ``text`` (a generated module: comment header + ``expected``) is not the module it should be,
    or None when it is.

    The file's bytes (UTF-8, as it will be written) must compile, and must parse to exactly the tree of
    ``expected`` (the code without its header): a header line that is not a comment, or a coding cookie,
    would add or change statements."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"UnicodeEncodeError: {exc}"
    try:
        compile(data, quote(name, "comment"), "exec", dont_inherit=True)
        got = ast.dump(ast.parse(data))
        want = ast.dump(ast.parse(expected))
    except (SyntaxError, ValueError, UnicodeDecodeError, MemoryError, RecursionError) as exc:
        return f"{type(exc).__name__}: {exc}"
    if got != want:
        return "the file's statements differ from the generated code (a header line is not a comment)"
    return None
