"""Which characters can begin a match of a regular expression (for the lexer).

Takes: a pattern string and its flags.  Returns: `FirstChars`, a test
``may_start(ch)`` that is True for every character that can begin a match (and
possibly for others: the analysis is conservative, never the other way).

`lalr.LalrDriver` uses it to try, at a given character, only the terminals
that can start there: a contextual lexer state has some thirty terminals, and
Python's `re` tries the branches of their alternation one by one at every
token.  The tests of single characters are made by `re` itself (a literal or
a class compiled with the pattern's flags), so case-insensitive matching
follows `re`'s own rules (`ſ` matches `s`, `K` matches `k`).
"""
from __future__ import annotations

import re
import re._constants as C  # the parse-tree vocabulary of re._parser (Python >= 3.11)
import re._parser as P

_CATEGORIES = {
    C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = tuple(op for op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) if op)


class _Any(Exception):
    """The analysis cannot bound the first character (any may start a match)."""


class FirstChars:
    """``may_start(ch)``: can a match of the pattern begin with ``ch``?"""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        try:
            parsed = P.parse(pattern, flags)
            tests, nullable = _first(parsed, parsed.state.flags)
            self.any = nullable  # a pattern that can match the empty string starts anywhere
        except (_Any, re.error):
            tests, self.any = [], True
        self._tests = [re.compile(t, f) for t, f in tests]

    def may_start(self, ch: str) -> bool:
        return self.any or any(t.fullmatch(ch) for t in self._tests)


def _first(items, flags: int) -> tuple[list[tuple[str, int]], bool]:
    """(single-character patterns with their flags, nullable) of a sequence."""
    tests: list[tuple[str, int]] = []
    for op, av in items:
        if op in _ZERO_WIDTH:  # lookarounds only narrow what follows: skipping them is conservative
            continue
        if op is C.LITERAL:
            tests.append((re.escape(chr(av)), flags))
            return tests, False
        if op is C.NOT_LITERAL:
            tests.append(("[^" + re.escape(chr(av)) + "]", flags))
            return tests, False
        if op is C.IN:
            tests.append((_char_class(av), flags))
            return tests, False
        if op is C.ANY:
            raise _Any
        if op is C.SUBPATTERN:
            _group, add, remove, sub = av
            inner, nullable = _first(sub, (flags | add) & ~remove)
        elif op is C.BRANCH:
            inner, nullable = [], False
            for alternative in av[1]:
                alt_tests, alt_nullable = _first(alternative, flags)
                inner += alt_tests
                nullable = nullable or alt_nullable
        elif op in _REPEATS:
            low, _high, sub = av
            inner, nullable = _first(sub, flags)
            nullable = nullable or low == 0
        elif op is getattr(C, "ATOMIC_GROUP", None):
            inner, nullable = _first(av, flags)
        else:  # back references, conditionals, anything new: give up, conservatively
            raise _Any
        tests += inner
        if not nullable:
            return tests, False
    return tests, True


def _char_class(items) -> str:
    parts = []
    for op, av in items:
        if op is C.NEGATE:
            parts.insert(0, "^")
        elif op is C.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is C.RANGE:
            parts.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is C.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            raise _Any
    return "[" + "".join(parts) + "]"
