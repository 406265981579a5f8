"""The full compiled function of a `Program`: exact `Fraction` code, built as `ast`.

Takes: a resolved `Program` and the `codegen_ast.SharedModule` it goes into.
Returns: ``def f(inputs, cohort=None, item_points=None, notes=None)`` returning
the exact points (before clamping), raising ``_Fault(code, args, span_index)``.
What each expression and condition means is `meaning.Meaning`'s; `ExactGen`
supplies the operations as `ast` for exact arithmetic with the run-time helpers
(`codegen_ast.HELPERS`).
"""
from __future__ import annotations

import ast
from fractions import Fraction
from typing import Any

from cdsdsl.diagnostics.core import Diagnostic, ScoreError
from cdsdsl.evaluate import runtime
from cdsdsl.evaluate.codegen_ast import (
    COMPARE_OPS,
    CodeGen,
    SharedModule,
    assign,
    call,
    doc_text,
    error_function,
    function_def,
    function_name,
    lit,
    load,
    store,
)
from cdsdsl.evaluate.interpret import (
    formula_errors,
)
from cdsdsl.evaluate.meaning import shown_subject
from cdsdsl.semantics.resolve import CaseScoring, CohortScoring, Program, SumItemsScoring
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.printer import print_expr


class ExactGen(CodeGen):
    """`meaning.Meaning` building exact Fraction code; ``known`` maps each name computed so far to its variable."""

    known: dict[str, str]

    # ------------------------------------------------------------ reading names
    def read_stmt(self, key: str, ident: str) -> ast.stmt:
        try:
            spec = self.p.input(key)
        except KeyError:
            spec = None
        kind = spec.reading if spec is not None else "number"
        if spec is not None and spec.constant is not None:
            return assign(ident, call("_read_or", load("inputs"), lit(key), lit(kind),
                                        self.mod.const(spec.constant)))
        return assign(ident, call("_read", load("inputs"), lit(key), lit(kind)))

    def recall(self, name: str) -> ast.expr:
        return load(self.known[name])

    def read_named(self, key: str, slot: str) -> ast.expr:
        self.pre.append(self.read_stmt(key, slot))
        return load(slot)

    def remember(self, name: str, slot: str, value: ast.expr) -> ast.expr:
        self.known[name] = slot
        return value

    def remember_step(self, name: str, slot: str, step: Any, value: ast.expr) -> ast.expr:
        self.pre.append(assign(slot, value))
        self.known[name] = slot
        return load(slot)

    def unknown_name(self, name: str, node: Any) -> ast.expr:
        raise ScoreError(Diagnostic.make("CDS615", None, item=self.p.item, indicator=self.p.item or "?",
                                         detail=f"`{name}`"))

    def check_part_whole(self, pw: Any, step: Any, part: ast.expr, whole: ast.expr) -> None:
        first_key = next((s.key for s in self.steps.values() if s.name == pw.parts[0] and s.key), None)
        args = ast.Dict([lit(k) for k in ("parts", "wholes", "part_value", "whole_value", "ratio", "key")],
                        [lit(" + ".join(pw.parts)), lit(" + ".join(pw.wholes)), part, whole, lit(pw.ratio),
                         lit(first_key or pw.parts[0])])
        self.pre.append(ast.If(ast.Compare(part, [ast.Gt()], [whole]),
                               [ast.Raise(call("_Fault", lit("CDS614"), args, self.mod.span(step.span, self.src)),
                                          None)], []))

    # ------------------------------------------------------------ expressions and conditions
    def expr(self, e: Any, known: dict[str, str]) -> ast.expr:
        """``e`` as an exact expression over the names in ``known`` (computed before)."""
        saved = self.known, self.pre
        self.known, self.pre = known, []
        try:
            value: ast.expr = self.value(e)
            return value
        finally:
            self.known, self.pre = saved

    # the operations of `meaning.Meaning`: exact Fraction code
    def const(self, value: Fraction) -> ast.expr:
        return self.mod.const(value)

    def named(self, name: str, node: Any) -> ast.expr:
        return load(self.known[name])

    def item(self, key: str) -> ast.expr:
        return load(self.known[key])

    def add(self, a: ast.expr, b: ast.expr) -> ast.expr:
        return ast.BinOp(a, ast.Add(), b)

    def sub(self, a: ast.expr, b: ast.expr) -> ast.expr:
        return ast.BinOp(a, ast.Sub(), b)

    def mul(self, a: ast.expr, b: ast.expr) -> ast.expr:
        return ast.BinOp(a, ast.Mult(), b)

    def div(self, a: ast.expr, b: ast.expr, node: Any) -> ast.expr:
        return call("_div", a, b, self.mod.span(node.span, self.src))

    def neg(self, a: ast.expr) -> ast.expr:
        return ast.UnaryOp(ast.USub(), a)

    def cohort_stat(self, key: str, func: str) -> ast.expr:
        return ast.Subscript(call("_stat", load("cohort"), lit(key)), lit(1 if func == "max" else 0), ast.Load())

    def unknown(self, e: Any) -> ast.expr:
        raise ScoreError(Diagnostic.make("CDS615", None, item=self.p.item, indicator=self.p.item or "?",
                                         detail=type(e).__name__))

    def need_subject(self, subject: Any, c: Any) -> Any:
        if subject is None:
            raise ScoreError(Diagnostic.make("CDS615", c.span, source=self.src, item=self.p.item,
                                             indicator=self.p.item or "?", detail="no subject"))
        return subject

    def hold(self, v: ast.expr) -> ast.expr:
        if isinstance(v, ast.Name):
            return v
        s = self.fresh("s")
        self.pre.append(assign(s, v))
        return load(s)

    def compare(self, a: ast.expr, op: str, b: ast.expr) -> ast.expr:
        return ast.Compare(a, [COMPARE_OPS[op]()], [b])

    # ------------------------------------------------------------ scoring
    def scoring(self, sc: Any, target: str, known: dict[str, str]) -> list[ast.stmt]:
        """The statements setting ``target`` to the points of a part scored by ``sc``."""
        saved = self.known, self.pre, self.target
        self.known, self.pre, self.target = known, [], target
        try:
            value = self.score(sc)
            out = self.pre
            if value is not None:
                out.append(assign(target, value))
            return out
        finally:
            self.known, self.pre, self.target = saved

    def read_input(self, key: str, base: str) -> ast.expr:
        ident = self.fresh(base)
        self.pre.append(self.read_stmt(key, ident))
        return load(ident)

    def items_sum(self, sc: SumItemsScoring) -> ast.expr:
        return call("_items_sum", load("item_points"), lit(sc.first), lit(sc.last))

    def cohort_points(self, sc: CohortScoring, x: ast.expr) -> ast.expr:
        st = self.fresh("stat")
        func = "_minmax_points" if sc.method == "minmax" else "_ratio_points"
        self.pre.append(assign(st, call("_stat", load("cohort"), lit(f"{self.part}:{sc.subject_key}"))))
        return call(func, x, ast.Subscript(load(st), lit(0), ast.Load()), ast.Subscript(load(st), lit(1), ast.Load()),
                    self.mod.const(self.p.max_points), lit(sc.direction))

    def matched(self, sc: CaseScoring, index: int, value: ast.expr) -> None:
        self.pre.append(assign(self.target, value))

    def no_match(self, sc: CaseScoring) -> None:
        subj = shown_subject(sc)
        known = self.known
        value: ast.expr = load(known[subj.name]) if type(subj) is n.Name and subj.name in known else lit(None)
        note = ast.Tuple([lit("CDS612"), self.mod.span(sc.span, self.src),
                          lit(print_expr(subj) if subj is not None else None), value], ast.Load())
        self.pre += [ast.If(ast.Compare(load("notes"), [ast.IsNot()], [lit(None)]),
                            [ast.Expr(ast.Call(ast.Attribute(load("notes"), "append", ast.Load()), [note], []))],
                            []),
                     assign(self.target, lit(0))]

    def pick(self, sc: CaseScoring, options: list[int]) -> str:
        cases = sc.cases.cases
        labels = tuple(c.label for c in (cases[i].condition for i in options) if isinstance(c, n.Option))
        chosen = self.fresh("chosen")
        self.pre.append(assign(chosen, call("_pick", load("inputs"), lit(sc.choice_key), lit(labels),
                                            lit(sc.mode == "cumulative"))))
        return chosen

    def chosen_total(self, sc: CaseScoring, options: list[int], chosen: str) -> None:
        target, known, out = self.target, self.known, self.pre
        out.append(assign(target, lit(0)))
        for j, i in enumerate(options):
            self.known, self.pre = dict(known), []
            value = self.option_value(sc, i)
            body = self.pre + [ast.AugAssign(store(target), ast.Add(), value)]
            self.known, self.pre = known, out
            out.append(ast.If(ast.Compare(lit(j), [ast.In()], [load(chosen)]), body, []))

    def nothing_chosen(self, sc: CaseScoring) -> None:
        self.pre.append(ast.Raise(call("_Fault", lit("CDS600"), ast.Dict([lit("key")], [lit(sc.choice_key)]),
                                       self.mod.span(sc.span, self.src)), None))

    # ------------------------------------------------------------ the parts, their sum, caps
    def part_points(self, part: Any) -> ast.expr:
        target = self.local(f"điểm phần {part.index + 1}") if len(self.p.parts) > 1 else self.local("điểm")
        self.known = {}
        if part.scoring is None:
            self.pre.append(assign(target, lit(0)))
        else:
            self.pre.extend(self.scoring(part.scoring, target, self.known))
        return load(target)

    def total(self, values: list[ast.expr]) -> ast.expr:
        if len(values) == 1:
            return values[0]
        total = self.local("tổng")
        expr: ast.expr = values[0]
        for v in values[1:]:
            expr = ast.BinOp(expr, ast.Add(), v)
        self.pre.append(assign(total, expr))
        return load(total)

    def at_most(self, value: ast.expr, limit: ast.expr, line: Any) -> ast.expr:
        """``if v > limit: v = limit`` on the indicator's total (its variable), or on a fresh variable
        holding a per-item line's sum."""
        if line is None and isinstance(value, ast.Name):
            var = value.id
        else:
            var = self.fresh("capped")
            self.pre.append(assign(var, value))
        self.pre.append(ast.If(ast.Compare(load(var), [ast.Gt()], [limit]), [assign(var, limit)], []))
        return load(var)

    # ------------------------------------------------------------ function
    def function(self) -> ast.FunctionDef:
        body: list[ast.stmt] = []
        doc = f"{doc_text(self.p.item or 'công thức')}: điểm tối đa {runtime.fmt_vi(self.p.max_points)}"
        body.append(ast.Expr(lit(doc)))
        self.known, self.pre = {}, body
        total = self.program_points()  # the parts, their sum and the cap: `meaning.Meaning.program_points`
        body.append(ast.Return(total))
        args = ast.arguments(posonlyargs=[], args=[ast.arg("inputs")],
                             kwonlyargs=[], kw_defaults=[], defaults=[],
                             vararg=None, kwarg=None)
        args.args += [ast.arg("cohort"), ast.arg("item_points"), ast.arg("notes")]
        args.defaults = [lit(None), lit(None), lit(None)]
        return function_def(self.fname, args, body)


def build_function(program: Program, mod: SharedModule) -> ast.FunctionDef:
    fname = mod.globals(function_name(program.item))
    errors = formula_errors(program)
    if errors:
        return error_function(program, fname, "; ".join(d.message() for d in errors))
    return ExactGen(program, mod, fname).function()


