"""A lean driver for Lark's LALR tables: text of one piece -> Lark tree.

Takes the `Lark` object built from grammar/formula.lark and runs the *same*
parse table, the *same* tree-building callbacks and the *same* per-state
scanners of Lark's contextual lexer, without what a general parser needs and
a formula piece does not: line and column counting, a lexer thread and a
generator per parse, interactive-parser bookkeeping.  Pieces are short (five
tokens on average), so that fixed cost was most of Lark's time.

The result is the tree Lark would build, by construction: nothing here knows
the grammar.  A piece that is not in the language raises `Failure`, the error
Lark would raise as data (its kind and position); anything the driver does
not handle itself (a lexer callback, say) raises `NotHandled` and the caller
asks Lark.  The lexer tries at each character only the terminals that can
start there (`first_chars.py`).  `tests/test_lalr_driver.py` and
`bench/compare_parse.py` check the driver against Lark; `self_check` does on a
few pieces at first use, so that a Lark whose internals differ is never
trusted (the parser then uses `LarkOnly`).
"""
from __future__ import annotations

from typing import Any

from lark import Lark, Token, Tree, UnexpectedInput
from lark.lexer import Scanner
from lark.parsers.lalr_analysis import Shift

from cdsdsl.syntax.first_chars import FirstChars


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


# Tokens are made as `str.__new__(Token, value)` with their slots filled directly
# (Token.__new__ with its keyword handling cost more than the whole shift);
# line and column are unused: positions are offsets into the piece, as with
# propagate_positions=False.

#: `_alternation`'s answer for a character only ignored one-character terminals
#: (the grammar's `%ignore /[ \n]/`) can start, and one of them matches: skip it
_SKIP = object()


def _tree_builder(rule):
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

    def build(children):
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


#: pieces the driver must read exactly as Lark does before it is used (`LalrDriver.self_check`)
_SAMPLES = [("statement", "Tỷ lệ = (a+b)/c"), ("condition", "Từ 10 đến dưới 20"), ("result", "70% điểm"),
            ("expr", "a +"), ("expr", "a ? b")]


class LarkOnly:
    """Stands for the driver when it cannot be used: every piece goes to Lark."""

    def parse(self, text: str, start: str) -> Any:
        raise NotHandled

    def stack_at_shift(self, text: str, start: str, count: int) -> list | None:
        raise NotHandled


class LalrDriver:
    """Parse with the tables of an already built LALR `Lark` (contextual lexer)."""

    def __init__(self, lark: Lark) -> None:
        frontend = lark.parser
        if lark.options.postlex is not None or lark.options.lexer_callbacks:
            raise ValueError("the driver does not support postlex or lexer callbacks")
        parser = frontend.parser.parser
        table = parser.parse_table
        callbacks = parser.callbacks
        if any(isinstance(k, str) for k in callbacks):
            raise ValueError("the driver does not support token callbacks")
        plain_trees = (lark.options.tree_class in (None, Tree) and not lark.options.maybe_placeholders
                       and not lark.options.propagate_positions and lark.options.transformer is None)
        # Flattened tables.  actions[state][terminal] is the next state (an
        # int) for a shift, or (size, callback, rule name) for a reduction,
        # with no callback (None) for a `?rule: x` that just passes its one
        # child up (most reductions of an expression: expr <- sum <- product
        # <- unary <- atom); goto[state][rule name] is the state after a
        # reduction.  _chains caches runs of one-child reductions (`_chain`).
        self._actions: dict[int, dict[str, Any]] = {}
        self._goto: dict[int, dict[str, int]] = {}
        for state, row in table.states.items():
            acts, gos = {}, {}
            for sym, (action, arg) in row.items():
                if action is Shift:
                    (acts if sym.isupper() or sym.startswith("$") else gos)[sym] = arg
                else:
                    callback = _tree_builder(arg) if plain_trees else callbacks[arg]
                    acts[sym] = (len(arg.expansion), callback, arg.origin.name)
            self._actions[state] = acts
            self._goto[state] = gos
        self._chains: dict[tuple[int, int, str], tuple[int, tuple]] = {}
        self._start_states = table.start_states
        self._end_states = table.end_states
        # per parser state: (alternations by first character, ignored terminal names, lexer)
        lexer = frontend.lexer
        per_lexer: dict[int, tuple] = {}
        self._scan: dict[int, tuple] = {}
        self._first: dict[str, FirstChars] = {}
        for state, basic in lexer.lexers.items():
            entry = per_lexer.get(id(basic))
            if entry is None:  # (Lark compiles a lexer's scanner on first use: so does `_alternation`)
                entry = ({}, frozenset(basic.ignore_types), basic)
                per_lexer[id(basic)] = entry
            self._scan[state] = entry
        self._root_lexer = lexer.root_lexer

    def self_check(self, lark: Lark) -> None:
        """Raise unless a few sample pieces read as ``lark`` reads them (the same
        tree, or an error for both)."""
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
                raise ValueError(f"the driver reads {text!r} ({start}) differently from Lark")

    def parse(self, text: str, start: str) -> Any:
        """Lark's tree for ``text`` read from rule ``start``; raises `Failure`
        (not in the language) or `NotHandled` (ask Lark)."""
        return self._run(text, start, 0)

    def stack_at_shift(self, text: str, start: str, count: int) -> list | None:
        """The parser's value stack right after it shifts the ``count``-th
        token of ``text`` (None when the text has fewer tokens): what the
        first tokens have become, without reading the rest.  Raises `Failure`
        when the text is not in the language before that token."""
        return self._run(text, start, count)

    def _run(self, text: str, start: str, stop_after: int) -> Any:
        actions = self._actions
        goto = self._goto
        chains = self._chains
        new_str = str.__new__
        scan = self._scan
        state = self._start_states[start]
        end_state = self._end_states[start]
        state_stack = [state]
        value_stack: list = []
        append_state = state_stack.append
        append_value = value_stack.append
        pos, n = 0, len(text)
        typ = None
        while typ != "$END":
            # ---- next token, lexed in the context of the state on top
            by_char, ignore, basic = scan[state]
            while True:
                if pos >= n:
                    typ, tok = "$END", None
                    break
                mres = by_char.get(text[pos])
                if mres is None:
                    mres = self._alternation(by_char, basic, text[pos])
                if mres is _SKIP:  # a space
                    pos += 1
                    continue
                for mre in mres:
                    m = mre.match(text, pos)
                    if m is not None:
                        break
                else:
                    self._lex_failure(text, pos)
                end = m.end()
                typ = m.lastgroup
                if typ not in ignore:
                    # a token (see the note above `_SKIP`)
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
                    raise Failure("eof") if tok is None else Failure("token", tok.start_pos, tok.value)
                if act.__class__ is int:
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

    def _alternation(self, by_char: dict, basic, ch: str) -> tuple:
        """The scanner of lexer ``basic`` cut down to the terminals that can
        start with ``ch``, in the scanner's order (Lark's `Scanner` builds it):
        the first of them that matches is the first of all that matches, since
        the others cannot match there at all."""
        scanner = basic.scanner  # built on first use; sets basic.callback
        if basic.callback:  # a terminal with a callback (none in our grammar): Lark reads the piece
            raise NotHandled
        terminals = []
        for t in scanner.terminals:
            first = self._first.get(t.name)
            if first is None:
                first = self._first[t.name] = FirstChars(t.pattern.to_regexp(), basic.g_regex_flags)
            if first.may_start(ch):
                terminals.append(t)
        mres = tuple(Scanner(terminals, basic.g_regex_flags, basic.re, basic.use_bytes)._mres) if terminals else ()
        if terminals and all(t.name in basic.ignore_types and t.pattern.min_width == t.pattern.max_width == 1
                             for t in terminals) and any(mre.fullmatch(ch) for mre in mres):
            mres = _SKIP  # only ignored one-character terminals can start here, and one matches
        by_char[ch] = mres
        return mres

    def _chain(self, below: int, state: int, typ: str) -> tuple[int, tuple]:
        """The one-child reductions the parser makes from ``state`` (above
        ``below``) on a ``typ`` token: the state they end in and the callbacks
        they apply, in order (pass-through rules have none)."""
        actions, goto = self._actions, self._goto
        key = (below, state, typ)
        callbacks = []
        while True:
            act = actions[state].get(typ)
            if act is None or act.__class__ is int or act[0] != 1:
                break
            _, callback, origin = act
            if callback is not None:
                callbacks.append(callback)
            state = goto[below][origin]
        chain = (state, tuple(callbacks))
        self._chains[key] = chain
        return chain

    def _lex_failure(self, text: str, pos: int):
        """No terminal the state accepts matches at `pos`.  Lark's contextual
        lexer then reads the text with all terminals: a token there is an
        unexpected token, no token is unexpected characters at `pos`."""
        root = self._root_lexer
        mres = root.scanner._mres
        at = pos
        while at < len(text):
            for mre in mres:
                m = mre.match(text, at)
                if m is not None:
                    break
            else:
                break
            if m.lastgroup not in root.ignore_types:
                raise Failure("token", at, m.group(0))
            if m.end() == at:
                raise NotHandled
            at = m.end()
        raise Failure("chars", pos)
