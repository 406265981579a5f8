"""A lean driver for Lark's LALR tables: text of one piece -> Lark tree.

Takes the `Lark` object built from grammar/formula.lark and runs the *same*
parse table, the *same* tree-building callbacks and the *same* per-state
scanners of Lark's contextual lexer, without what a general parser needs and
a formula piece does not: line and column counting, a lexer thread and a
generator per parse, interactive-parser bookkeeping.  Pieces are short (five
tokens on average), so that fixed cost was most of Lark's time
(`bench/bench_driver.py`: the driver against Lark on the pieces of the seed
decision and of the shipped rulesets).

The result is the tree Lark would build, by construction: nothing here knows
the grammar.  A piece that is not in the language raises `Failure`, the error
Lark would raise as data (its kind and position); a piece the driver does not
handle itself (a shift on the end of input) raises `NotHandled` and the caller
asks Lark.

The driver reads Lark's internals (parse table, contextual lexer, scanner), so
it is pinned to the Lark versions it was tested with (`TESTED_LARK`, the same
bounds as pyproject.toml's requirement).  Any other Lark, or internals that do
not have the expected shape, or sample pieces read differently from Lark, make
the driver's construction raise `LarkMismatch` with the reason: never a silent
fallback.  `tests/test_lalr_driver.py` and `bench/compare_parse.py` check the
driver against Lark.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import lark as lark_package
from lark import Lark, Token, Tree, UnexpectedInput
from lark.lexer import BasicLexer, ContextualLexer
from lark.parsers.lalr_analysis import Shift

from cdsdsl.diagnostics.core import CdsError
from cdsdsl.diagnostics.record import Diagnostic

#: the Lark releases the driver was tested with: ``>= low`` and ``< high`` (pyproject.toml
#: requires the same; tested: 1.1.9, 1.2.1, 1.2.2, 1.3.0, 1.3.1)
TESTED_LARK = ((1, 1, 9), (1, 4))


class LarkMismatch(CdsError, RuntimeError):
    """The installed Lark is not one the driver was tested with (CDS990), or its internals differ (CDS991).

    A `CdsError`, so the CLI shows it as a coded message in the user's language with the fix
    (``pip install 'lark>=…,<…'``), not as an internal error."""

    #: the CLI's exit code: the installation, not the input, is wrong (docs/cli.md "The contract")
    exit_code = 2


def _mismatch(detail: str) -> LarkMismatch:
    low, high = TESTED_LARK
    return LarkMismatch(Diagnostic.make("CDS991", None, detail=detail, version=lark_package.__version__,
                                        low=_dotted(low), high=_dotted(high)))


class NotHandled(Exception):
    """The driver leaves this piece to Lark (a case it does not handle)."""


class Failure(Exception):
    """The piece is not in the language; what Lark would raise, as data.

    ``what`` is ``"token"`` (Lark's UnexpectedToken: ``start`` and ``value``
    of the unexpected token), ``"eof"`` (UnexpectedToken on the end of input,
    or UnexpectedEOF) or ``"chars"`` (UnexpectedCharacters at ``start``)."""

    def __init__(self, what: str, start: int = 0, value: str = "") -> None:
        super().__init__(what)
        self.what, self.start, self.value = what, start, value


#: a tree-building callback: the values of a rule's children -> the rule's value
Callback = Callable[[list[Any]], Any]
#: a parser action on a terminal: the next state (a shift), or (size, callback, rule name) (a
#: reduction; no callback for a `?rule: x` that hands its one child up)
Action = int | tuple[int, Callback | None, str]
#: what a parser state lexes with: the compiled alternations of its scanner, and the ignored terminals
StateLexer = tuple[tuple[Any, ...], frozenset[str]]


def check_lark_version(version: str) -> None:
    """Raise `LarkMismatch` unless Lark ``version`` (``"1.3.1"``) is within `TESTED_LARK`."""
    try:
        numbers = tuple(int(part) for part in version.split(".")[:3])
    except ValueError:  # a pre-release ("1.4.0rc1") is not a tested release
        numbers = ()
    low, high = TESTED_LARK
    if not numbers or not low <= numbers < high:
        raise LarkMismatch(Diagnostic.make("CDS990", None, version=version, low=_dotted(low), high=_dotted(high)))


def _dotted(numbers: tuple[int, ...]) -> str:
    return ".".join(map(str, numbers))


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise _mismatch(f"does not know this Lark's internals: {what}")


# Tokens are made as `str.__new__(Token, value)` with their slots filled directly
# (Token.__new__ with its keyword handling cost more than the whole shift);
# line and column are unused: positions are offsets into the piece, as with
# propagate_positions=False.


def _tree_builder(rule: Any) -> Callback | None:
    """The tree-building callback of ``rule``, as Lark's `ParseTreeBuilder`
    makes it for our options (LALR, no placeholders, no positions, `Tree`),
    in one call instead of a chain of wrappers: drop the filtered tokens
    (`"("`), splice in the children of `_rule`s, then hand a lone child of a
    `?rule` up as it is, else make `Tree(name, children)`.  None for a
    `?rule: x` that always hands its one child up (no call at all)."""
    name = rule.alias or rule.options.template_source or rule.origin.name
    keep_all = rule.options.keep_all_tokens
    include = [(i, not sym.is_term and sym.name.startswith("_")) for i, sym in enumerate(rule.expansion)
               if keep_all or not (sym.is_term and sym.filter_out)]
    expand1 = bool(rule.options.expand1 and not rule.alias)
    if len(include) == len(rule.expansion) and not any(splice for _, splice in include):
        if expand1 and len(include) == 1:
            return None
        if expand1:
            return lambda children: children[0] if len(children) == 1 else Tree(name, children)
        return lambda children: Tree(name, children)

    def build(children: list[Any]) -> Any:
        kept = []
        for i, splice in include:
            if splice:
                kept.extend(children[i].children)
            else:
                kept.append(children[i])
        if expand1 and len(kept) == 1:
            return kept[0]
        return Tree(name, kept)
    return build


def _failure_at(tok: Token | None) -> Failure:
    """The failure of a parser state that has no action on ``tok`` (None: the end of input)."""
    if tok is None:
        return Failure("eof")
    return Failure("token", tok.start_pos or 0, tok.value)


#: pieces the driver must read exactly as Lark does before it is used (`LalrDriver.self_check`)
_SAMPLES = [("statement", "Tỷ lệ = (a+b)/c"), ("condition", "Từ 10 đến dưới 20"), ("result", "70% điểm"),
            ("expr", "a +"), ("expr", "a + * b"), ("expr", "a ? b"), ("condition", "Đạt từ 50% trở lên")]


class LalrDriver:
    """Parse with the tables of an already built LALR `Lark` (contextual lexer).

    Construction raises `LarkMismatch` for a Lark the driver was not tested with
    (`check_lark_version`), whose internals do not have the shape it reads, or
    that reads the sample pieces differently (`self_check`); `ValueError` for
    options it does not implement (a postlexer, lexer callbacks)."""

    def __init__(self, lark: Lark) -> None:
        check_lark_version(lark_package.__version__)
        if lark.options.postlex is not None or lark.options.lexer_callbacks:
            raise ValueError("the driver does not support postlex or lexer callbacks")
        self._actions: dict[int, dict[str, Action]] = {}
        self._goto: dict[int, dict[str, int]] = {}
        self._chains: dict[tuple[int, int, str], tuple[int, tuple[Callback, ...]]] = {}
        try:
            self._read_tables(lark)
        except (AttributeError, KeyError, TypeError) as exc:
            raise _mismatch(f"does not know this Lark's internals: {type(exc).__name__}: {exc}") from exc
        self.self_check(lark)

    def _read_tables(self, lark: Lark) -> None:
        """Flatten the parse table.  actions[state][terminal] is an `Action`,
        with no callback for a `?rule: x` that just passes its one child up
        (most reductions of an expression: expr <- sum <- product <- unary <-
        atom); goto[state][rule name] is the state after a reduction.  _chains
        caches runs of one-child reductions (`_chain`)."""
        frontend = lark.parser
        parser = frontend.parser.parser
        table = parser.parse_table
        callbacks = parser.callbacks
        _expect(isinstance(table.states, dict) and isinstance(callbacks, dict), "parse table or callbacks")
        if any(isinstance(k, str) for k in callbacks):
            raise ValueError("the driver does not support token callbacks")
        plain_trees = (lark.options.tree_class in (None, Tree) and not lark.options.maybe_placeholders
                       and not lark.options.propagate_positions and lark.options.transformer is None)
        for state, row in table.states.items():
            acts: dict[str, Action] = {}
            gos: dict[str, int] = {}
            for sym, (action, arg) in row.items():
                if action is Shift:
                    if sym.isupper() or sym.startswith("$"):
                        acts[sym] = arg
                    else:
                        gos[sym] = arg
                else:
                    callback = _tree_builder(arg) if plain_trees else callbacks[arg]
                    acts[sym] = (len(arg.expansion), callback, arg.origin.name)
            self._actions[state] = acts
            self._goto[state] = gos
        self._start_states: dict[str, int] = dict(table.start_states)
        self._end_states: dict[str, int] = dict(table.end_states)
        lexer = frontend.lexer
        _expect(isinstance(lexer, ContextualLexer), f"a contextual lexer, not {type(lexer).__name__}")
        _expect(all(isinstance(basic, BasicLexer) for basic in lexer.lexers.values()), "the lexer of a state")
        self._state_lexers: dict[int, BasicLexer] = dict(lexer.lexers)
        self._scan: dict[int, StateLexer] = {}
        self._root_lexer: BasicLexer = lexer.root_lexer
        _expect(set(self._state_lexers) >= set(self._actions), "a lexer for every parser state")
        self._scan_of(self._root_lexer)  # (fails now if the scanner has not the shape the driver reads)

    def self_check(self, lark: Lark) -> None:
        """Raise `LarkMismatch` unless a few sample pieces read as ``lark``
        reads them (the same tree, or an error for both)."""
        for start, text in _SAMPLES:
            try:
                ours = self.parse(text, start)
            except Failure:
                ours = None
            try:
                theirs = lark.parse(text, start=start)
            except UnexpectedInput:
                theirs = None
            if ours != theirs:
                raise _mismatch(f"reads {text!r} ({start}) differently from Lark {lark_package.__version__}")

    def parse(self, text: str, start: str) -> Any:
        """Lark's tree for ``text`` read from rule ``start``; raises `Failure`
        (not in the language) or `NotHandled` (ask Lark)."""
        return self._run(text, start, 0)

    def stack_at_shift(self, text: str, start: str, count: int) -> list[Any] | None:
        """The parser's value stack right after it shifts the ``count``-th
        token of ``text`` (None when the text has fewer tokens): what the
        first tokens have become, without reading the rest.  Raises `Failure`
        when the text is not in the language before that token."""
        stack: list[Any] | None = self._run(text, start, count)
        return stack

    def _run(self, text: str, start: str, stop_after: int) -> Any:
        actions = self._actions
        goto = self._goto
        chains = self._chains
        new_str = str.__new__
        scan = self._scan
        state = self._start_states[start]
        end_state = self._end_states[start]
        state_stack = [state]
        value_stack: list[Any] = []
        append_state = state_stack.append
        append_value = value_stack.append
        pos, n = 0, len(text)
        typ = None
        while typ != "$END":
            # ---- next token, lexed in the context of the state on top
            mres, ignore = scan.get(state) or self._lexer_of(state)
            while True:
                if pos >= n:
                    typ, tok = "$END", None
                    break
                for mre in mres:
                    m = mre.match(text, pos)
                    if m is not None:
                        break
                else:
                    raise self._lex_failure(text, pos)
                end = m.end()
                typ = m.lastgroup
                if typ not in ignore:
                    # a token (see the note above `_tree_builder`)
                    value = m.group(0)
                    tok = new_str(Token, value)
                    tok.type = typ
                    tok.value = value
                    tok.start_pos = pos
                    tok.end_pos = end
                    tok.line = tok.column = tok.end_line = tok.end_column = None
                    pos = end
                    break
                pos = end
            # ---- feed it: reduce as needed, then shift
            while True:
                act = actions[state].get(typ)
                if act is None:
                    raise _failure_at(tok)
                if isinstance(act, int):
                    if tok is None:
                        raise NotHandled
                    state = act
                    append_state(state)
                    append_value(tok)
                    if stop_after:
                        stop_after -= 1
                        if not stop_after:
                            return list(value_stack)
                    break
                size, callback, origin = act
                if size == 1 and tok is not None:
                    # a run of one-child reductions (`a`: name -> name_ref -> atom -> ... -> expr)
                    # keeps the state below; its end state and callbacks are worked out once
                    chain = chains.get((state_stack[-2], state, typ))
                    if chain is None:
                        chain = self._chain(state_stack[-2], state, typ)
                    state, callbacks = chain
                    state_stack[-1] = state
                    if callbacks:
                        value = value_stack[-1]
                        for callback in callbacks:
                            value = callback([value])
                        value_stack[-1] = value
                    continue
                if size:
                    s = value_stack[-size:]
                    del state_stack[-size:]
                    del value_stack[-size:]
                else:
                    s = []
                state = goto[state_stack[-1]][origin]
                append_state(state)
                append_value(s[0] if callback is None else callback(s))
                if tok is None and state == end_state:
                    return None if stop_after else value_stack[-1]
        raise NotHandled  # pragma: no cover - the loop returns at $END

    def _lexer_of(self, state: int) -> StateLexer:
        """What parser ``state`` lexes with: its lexer's scanner (Lark compiles
        it on first use, and so does this), shared by the states that share the lexer."""
        found = self._scan[state] = self._scan_of(self._state_lexers[state])
        return found

    def _scan_of(self, basic: BasicLexer) -> StateLexer:
        scanner = basic.scanner  # built on first use; sets basic.callback
        if basic.callback:  # a terminal with a callback (none in our grammar): Lark reads the piece
            raise NotHandled
        mres = tuple(scanner._mres)
        _expect(all(callable(getattr(mre, "match", None)) for mre in mres), "the scanner's compiled patterns")
        return mres, frozenset(basic.ignore_types)

    def _chain(self, below: int, state: int, typ: str) -> tuple[int, tuple[Callback, ...]]:
        """The one-child reductions the parser makes from ``state`` (above
        ``below``) on a ``typ`` token: the state they end in and the callbacks
        they apply, in order (pass-through rules have none)."""
        actions, goto = self._actions, self._goto
        key = (below, state, typ)
        callbacks = []
        while True:
            act = actions[state].get(typ)
            if act is None or isinstance(act, int) or act[0] != 1:
                break
            _, callback, origin = act
            if callback is not None:
                callbacks.append(callback)
            state = goto[below][origin]
        chain = (state, tuple(callbacks))
        self._chains[key] = chain
        return chain

    def _lex_failure(self, text: str, pos: int) -> Failure:
        """No terminal the state accepts matches at `pos`.  Lark's contextual
        lexer then reads the text with all terminals: a token there is an
        unexpected token, no token is unexpected characters at `pos`."""
        mres, ignore = self._scan_of(self._root_lexer)
        at = pos
        while at < len(text):
            for mre in mres:
                m = mre.match(text, at)
                if m is not None:
                    break
            else:
                break
            if m.lastgroup not in ignore:
                return Failure("token", at, m.group(0))
            if m.end() == at:
                raise NotHandled
            at = m.end()
        return Failure("chars", pos)
