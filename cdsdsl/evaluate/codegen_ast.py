"""The pieces of generated code the compilers share: `ast` node builders and `SharedModule`.

Takes: identifiers (from `mangle.Mangler`), exact numbers, spans, user text.
Returns: `ast` nodes; user text only as ``ast.Constant`` or, for docstrings and
file names, through `quoting.quote` (`doc_text`); `SharedModule` collects the
constants (``_F1_10 = _Fraction(1, 10)``), spans and global identifiers of the
functions of one generated module.
"""
from __future__ import annotations

import ast
from fractions import Fraction
from typing import Any, Callable, Sequence

from cdsdsl.evaluate import runtime
from cdsdsl.evaluate.mangle import Mangler
from cdsdsl.evaluate.meaning import Meaning, refs
from cdsdsl.evaluate.quoting import quote
from cdsdsl.semantics.resolve import Program

#: helper name in generated code -> runtime core function
HELPERS = {"_read": "read", "_read_or": "read_or", "_div": "div", "_stat": "stat", "_pick": "pick",
           "_items_sum": "items_sum", "_minmax_points": "minmax_points", "_ratio_points": "ratio_points",
           "_Fault": "Fault", "_Fraction": "Fraction"}
#: a comparison of the formula -> its `ast` operator
COMPARE_OPS: dict[str, type[ast.cmpop]] = {">=": ast.GtE, ">": ast.Gt, "<=": ast.LtE, "<": ast.Lt, "=": ast.Eq,
                                            "!=": ast.NotEq}
KINDS = ("count", "money", "ratio", "number")


def doc_text(text: Any) -> str:
    """User text (an indicator id, a title) for a docstring or a file name: one printable line."""
    return quote(text, "comment")


def load(ident: str) -> ast.Name:
    return ast.Name(ident, ast.Load())


def store(ident: str) -> ast.Name:
    return ast.Name(ident, ast.Store())


def call(func: str, *args: ast.expr) -> ast.Call:
    return ast.Call(load(func), list(args), [])


def lit(value: Any) -> ast.Constant:
    return ast.Constant(value)


def assign(ident: str, value: ast.expr) -> ast.Assign:
    return ast.Assign([store(ident)], value)


class SharedModule:
    """What several compiled functions share: constants, spans, identifiers."""

    def __init__(self) -> None:
        self.consts: dict[Fraction, str] = {}
        self.spans: list[tuple[Any, Any]] = []  # (Span, Source)
        self.globals = Mangler(taken=set(runtime.CORE) | set(HELPERS) | {"SPANS", "INDICATORS", "score",
                                                                         "re", "unicodedata"})

    def const(self, value: Fraction) -> ast.expr:
        value = Fraction(value)
        if value.denominator == 1:
            return lit(int(value))
        if value not in self.consts:
            sign = "m" if value < 0 else ""
            self.consts[value] = f"_F{sign}{abs(value.numerator)}_{value.denominator}"
        return load(self.consts[value])

    def span(self, span: Any, source: Any) -> ast.Constant:
        self.spans.append((span, source))
        return lit(len(self.spans) - 1)

    def const_defs(self) -> list[ast.stmt]:
        return [assign(ident, call("_Fraction", lit(v.numerator), lit(v.denominator)))
                for v, ident in self.consts.items()]


def function_name(item: str | None) -> str:
    return f"chi so {item}" if item else "cong thuc"


def function_def(name: str, args: ast.arguments, body: list[ast.stmt]) -> ast.FunctionDef:
    """``def name(args): body`` (no decorators, no annotation, no type parameters)."""
    fields: dict[str, Any] = {"type_params": []}  # a field since Python 3.12
    return ast.FunctionDef(name, args, body, [], None, **fields)


def branch_statements(gen: Any, cond: Callable[[], ast.expr], then: Callable[[], Any],
                      other: Callable[[], Any]) -> None:
    """`meaning.Meaning.branch` for the compilers: append to ``gen.pre`` the statements of the test,
    then ``if test: <then> else: <other>`` (a constant test keeps one side).  The test may compute
    names (``gen.known`` grows): both sides see them, the code after the chain does not."""
    outer_known, outer_pre = gen.known, gen.pre
    known = dict(outer_known)
    gen.known, gen.pre = known, []
    try:
        test = cond()
        pre = gen.pre
        gen.known, gen.pre = dict(known), []
        then()
        body = gen.pre
        gen.known, gen.pre = known, []
        if isinstance(test, ast.Constant) and test.value is True:
            out = pre + body
        else:
            other()
            out = pre + (gen.pre if isinstance(test, ast.Constant) and test.value is False
                         else [ast.If(test, body, gen.pre)])
    finally:
        gen.known, gen.pre = outer_known, outer_pre
    outer_pre.extend(out)


def built(gen: Any, thunk: Callable[[], Any]) -> list[ast.stmt]:
    """The statements ``thunk()`` appends to ``gen.pre``, built on a copy of ``gen.known``."""
    outer_known, outer_pre = gen.known, gen.pre
    gen.known, gen.pre = dict(outer_known), []
    try:
        thunk()
        out: list[ast.stmt] = gen.pre
        return out
    finally:
        gen.known, gen.pre = outer_known, outer_pre


def choice_statements(gen: Any, chosen: str, total: Callable[[], Any], missing: Callable[[], Any],
                      other: Callable[[], Any] | None) -> None:
    """`meaning.Meaning.by_choice` for the compilers: ``if chosen is None: <missing> else: <total>``
    (``if chosen: <total> else: <other>`` when there is an ``other``)."""
    total_stmts = built(gen, total)
    missing_stmts = built(gen, missing)
    given: list[ast.stmt] = [ast.If(load(chosen), total_stmts, built(gen, other))] if other is not None \
        else total_stmts
    gen.pre.append(ast.If(ast.Compare(load(chosen), [ast.Is()], [lit(None)]), missing_stmts, given))


def error_function(program: Program, fname: str, detail: str) -> ast.FunctionDef:
    body = [ast.Expr(lit(f"{doc_text(program.item)}: không chấm được (công thức còn lỗi)")),
            ast.Raise(call("_Fault", lit("CDS615"), ast.Dict([lit("detail")], [lit(detail)]), lit(None)), None)]
    args = ast.arguments(posonlyargs=[], args=[ast.arg("inputs"), ast.arg("cohort"), ast.arg("item_points"),
                                              ast.arg("notes")], kwonlyargs=[], kw_defaults=[],
                         defaults=[lit(None), lit(None), lit(None)], vararg=None, kwarg=None)
    return function_def(fname, args, body)


def helper_aliases() -> list[ast.stmt]:
    return [assign(alias, load(target)) for alias, target in HELPERS.items()]


class CodeGen(Meaning):
    """What the two compilers (`codegen_exact.ExactGen`, `codegen_fast.FastGen`) share: local names, the
    statements computing the names an expression reads (``known``: each name computed so far → its value in
    generated code), and the control-flow operations of `meaning.Meaning` that do not depend on how a value is
    represented.  A subclass supplies the value operations."""

    folds = True
    #: names of run-time helpers the generated function uses (no local variable may take them)
    helper_names: frozenset[str] = frozenset(HELPERS)

    def __init__(self, program: Program, mod: SharedModule, fname: str) -> None:
        self.p = program
        self.mod = mod
        self.fname = fname
        self.local = Mangler(taken=set(mod.globals._used) | set(self.helper_names)
                             | {"inputs", "cohort", "item_points", "notes"})
        self.part = 0
        self.steps: dict[str, Any] = {}
        self.wholes = {pw.span: pw for pw in program.checked_part_wholes}
        self.divisions = program.checked_divisions
        self.src = program.formula.source
        self.tmp = 0
        self.known: dict[str, Any] = {}
        self.pre: list[ast.stmt] = []
        self.target = ""

    def ident(self, name: str) -> str:
        scope = f"p{self.part + 1}" if len(self.p.parts) > 1 else ""
        return self.local(name, scope)

    def fresh(self, base: str) -> str:
        self.tmp += 1
        return f"_{base}{self.tmp}"

    def need(self, exprs: Sequence[Any], known: dict[str, Any]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for kind, name in refs(*exprs):
            out.extend(self.compute(kind, name, known))
        return out

    def compute(self, kind: str, name: str, known: dict[str, Any]) -> list[ast.stmt]:
        """The statements computing ``name`` into its variable (none when ``known`` has it)."""
        if name in known:
            return []
        saved = self.known, self.pre
        self.known, self.pre = known, []
        try:
            self.name_value(kind, name, None)
            return self.pre
        finally:
            self.known, self.pre = saved

    def has(self, name: str) -> bool:
        return name in self.known

    def slot(self, name: str) -> str:
        return self.ident(name)

    def condition(self, c: Any, subject: Any, known: dict[str, Any]) -> tuple[list[ast.stmt], ast.expr]:
        """The statements computing what ``c`` needs, and the test."""
        saved = self.known, self.pre
        self.known, self.pre = known, []
        try:
            test = self.test(c, subject)
            return self.pre, test
        finally:
            self.known, self.pre = saved

    def prefetch(self, exprs: Sequence[Any]) -> None:
        self.pre.extend(self.need(exprs, self.known))

    def cohort_value(self, key: str, func: str, node: Any) -> Any:
        return self.cohort_stat(key, func)

    def cohort_stat(self, key: str, func: str) -> Any:
        raise NotImplementedError

    def is_false(self, t: ast.expr) -> bool:
        return False

    def all_of(self, tests: list[ast.expr]) -> ast.expr:
        if not tests:
            return lit(True)
        return tests[0] if len(tests) == 1 else ast.BoolOp(ast.And(), tests)

    def any_of(self, tests: list[ast.expr]) -> ast.expr:
        return tests[0] if len(tests) == 1 else ast.BoolOp(ast.Or(), tests)

    def true(self) -> ast.expr:
        return lit(True)

    def false(self) -> ast.expr:
        return lit(False)

    def branch(self, cond: Callable[[], ast.expr], then: Callable[[], Any], other: Callable[[], Any]) -> None:
        branch_statements(self, cond, then, other)

    def by_choice(self, chosen: str, total: Callable[[], Any], missing: Callable[[], Any],
                  other: Callable[[], Any] | None) -> None:
        choice_statements(self, chosen, total, missing, other)
