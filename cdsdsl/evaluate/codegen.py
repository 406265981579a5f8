"""Compile a resolved `Program` to a plain Python function, by building `ast` nodes.

Takes: `Program`s (from `resolve`).
Returns: `CompiledFormula` (call it with one unit's inputs: the same `Outcome`
points and warnings as `interpret.evaluate_program`, without the trace) and,
for ``cds compile``, `module_source(programs)`: the text of an importable
module that needs only the standard library (the runtime core is copied in).

Rules: user text enters the generated code only as `ast.Constant` (input keys,
option labels, the span table), and in docstrings and file names only through
`quoting.quote` (one printable line); identifiers come only from `mangle.Mangler`;
numbers are exact (``Fraction(4, 5)`` for ``80%``, hoisted as module
constants); every run-time problem raises ``Fault(code, args, span_index)``
and the span table maps the index back to the formula's words.  Evaluation
order (which input is read first, which division is met first) is the
interpreter's, so that both back ends report the same first problem.
"""
from __future__ import annotations

import ast
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from cdsdsl.diagnostics.core import CdsError, Diagnostic, ScoreError
from cdsdsl.evaluate import runtime, standalone_runtime
from cdsdsl.evaluate.cohort import best_subject, needs_cohort_error, quantity_key
from cdsdsl.evaluate.interpret import (
    Outcome,
    Policy,
    fmt_subject,
    check_program,
    condition_exprs,
    fault_to_error,
    finish,
    formula_errors,
    refs,
    shown_subject,
)
from cdsdsl.evaluate.mangle import Mangler
from cdsdsl.evaluate.quoting import quote
from cdsdsl.semantics.resolve import CaseScoring, CohortScoring, ExprScoring, PerItemScoring, Program, SumItemsScoring
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.printer import print_expr

#: helper name in generated code -> runtime core function
HELPERS = {"_read": "read", "_read_or": "read_or", "_div": "div", "_stat": "stat", "_pick": "pick",
           "_items_sum": "items_sum", "_minmax_points": "minmax_points", "_ratio_points": "ratio_points",
           "_Fault": "Fault", "_Fraction": "Fraction"}
_KINDS = ("count", "money", "ratio", "number")


def _doc(text: Any) -> str:
    """User text (an indicator id, a title) for a docstring or a file name: one printable line."""
    return quote(text, "comment")


def _name(ident: str) -> ast.Name:
    return ast.Name(ident, ast.Load())


def _store(ident: str) -> ast.Name:
    return ast.Name(ident, ast.Store())


def _call(func: str, *args: ast.expr) -> ast.Call:
    return ast.Call(_name(func), list(args), [])


def _c(value: Any) -> ast.Constant:
    return ast.Constant(value)


def _assign(ident: str, value: ast.expr) -> ast.Assign:
    return ast.Assign([_store(ident)], value)


class _Module:
    """What several compiled functions share: constants, spans, identifiers."""

    def __init__(self) -> None:
        self.consts: dict[Fraction, str] = {}
        self.spans: list[tuple[Any, Any]] = []  # (Span, Source)
        self.globals = Mangler(taken=set(runtime.CORE) | set(HELPERS) | {"SPANS", "INDICATORS", "score",
                                                                         "re", "unicodedata"})

    def const(self, value: Fraction) -> ast.expr:
        value = Fraction(value)
        if value.denominator == 1:
            return _c(int(value))
        if value not in self.consts:
            sign = "m" if value < 0 else ""
            self.consts[value] = f"_F{sign}{abs(value.numerator)}_{value.denominator}"
        return _name(self.consts[value])

    def span(self, span: Any, source: Any) -> ast.Constant:
        self.spans.append((span, source))
        return _c(len(self.spans) - 1)

    def const_defs(self) -> list[ast.stmt]:
        return [_assign(ident, _call("_Fraction", _c(v.numerator), _c(v.denominator)))
                for v, ident in self.consts.items()]


class _FunctionGen:
    def __init__(self, program: Program, mod: _Module, fname: str) -> None:
        self.p = program
        self.mod = mod
        self.fname = fname
        self.local = Mangler(taken=set(mod.globals._used) | set(HELPERS) | {"inputs", "cohort", "item_points",
                                                                             "notes"})
        self.part = 0
        self.steps: dict[str, Any] = {}
        self.wholes = {pw.span: pw for pw in program.checked_part_wholes}
        self.src = program.formula.source
        self.tmp = 0

    def ident(self, name: str) -> str:
        scope = f"p{self.part + 1}" if len(self.p.parts) > 1 else ""
        return self.local(name, scope)

    def fresh(self, base: str) -> str:
        self.tmp += 1
        return f"_{base}{self.tmp}"

    # ------------------------------------------------------------ reading names
    def read_stmt(self, key: str, ident: str) -> ast.stmt:
        try:
            spec = self.p.input(key)
        except KeyError:
            spec = None
        kind = spec.kind if spec is not None and spec.kind in _KINDS else "number"
        if spec is not None and spec.constant is not None:
            return _assign(ident, _call("_read_or", _name("inputs"), _c(key), _c(kind),
                                        self.mod.const(spec.constant)))
        return _assign(ident, _call("_read", _name("inputs"), _c(key), _c(kind)))

    def need(self, exprs: Sequence[Any], known: dict[str, str]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for kind, name in refs(*exprs):
            out.extend(self.compute(kind, name, known))
        return out

    def compute(self, kind: str, name: str, known: dict[str, str]) -> list[ast.stmt]:
        if name in known:
            return []
        ident = self.ident(name)
        if kind == "item":
            known[name] = ident
            return [self.read_stmt(name, ident)]
        step = self.steps.get(name)
        if step is None:
            if any(spec.key == name for spec in self.p.inputs):
                known[name] = ident
                return [self.read_stmt(name, ident)]
            raise ScoreError(Diagnostic.make("CDS615", None, item=self.p.item, indicator=self.p.item or "?",
                                             detail=f"`{name}`"))
        if step.key is not None:
            known[name] = ident
            return [self.read_stmt(step.key, ident)]
        out: list[ast.stmt] = []
        pw = self.wholes.get(step.span)
        if pw is not None and pw.ratio == name:
            for x in pw.parts + pw.wholes:
                out.extend(self.compute("name", x, known))
            first_key = next((s.key for s in self.steps.values() if s.name == pw.parts[0] and s.key), None)
            part = self.sum_of(pw.parts, known)
            whole = self.sum_of(pw.wholes, known)
            args = ast.Dict([_c(k) for k in ("parts", "wholes", "part_value", "whole_value", "ratio", "key")],
                            [_c(" + ".join(pw.parts)), _c(" + ".join(pw.wholes)), part, whole, _c(pw.ratio),
                             _c(first_key or pw.parts[0])])
            out.append(ast.If(ast.Compare(part, [ast.Gt()], [whole]),
                              [ast.Raise(_call("_Fault", _c("CDS614"), args,
                                               self.mod.span(step.span, self.src)), None)], []))
        out.extend(self.need([step.expr], known))
        out.append(_assign(ident, self.expr(step.expr, known)))
        known[name] = ident
        return out

    def sum_of(self, names: Sequence[str], known: dict[str, str]) -> ast.expr:
        expr: ast.expr = _name(known[names[0]])
        for x in names[1:]:
            expr = ast.BinOp(expr, ast.Add(), _name(known[x]))
        return expr

    # ------------------------------------------------------------ expressions
    def folded(self, e: Any) -> Fraction | None:
        """The value of a constant expression (``1/2 * Điểm tối đa`` → 5), else None."""
        t = type(e)
        if t is n.Number or t is n.Percent:
            return e.value
        if t is n.MaxPoints:
            return self.p.max_points
        if t is n.Neg:
            v = self.folded(e.operand)
            return None if v is None else -v
        if t is n.BinOp:
            a, b = self.folded(e.left), self.folded(e.right)
            if a is None or b is None:
                return None
            if e.op == "/":
                return None if b == 0 else a / b
            return a + b if e.op == "+" else a - b if e.op == "-" else a * b
        return None

    def expr(self, e: Any, known: dict[str, str]) -> ast.expr:
        t = type(e)
        if t is n.BinOp or t is n.Neg:
            value = self.folded(e)
            if value is not None:
                return self.mod.const(value)
        if t is n.Number or t is n.Percent:
            return self.mod.const(e.value)
        if t is n.Name:
            return _name(known[e.name])
        if t is n.ItemRef:
            return _name(known[f"mục {e.item}"])
        if t is n.MaxPoints:
            return self.mod.const(self.p.max_points)
        if t is n.Neg:
            return ast.UnaryOp(ast.USub(), self.expr(e.operand, known))
        if t is n.BinOp:
            left, right = self.expr(e.left, known), self.expr(e.right, known)
            if e.op == "/":
                return _call("_div", left, right, self.mod.span(e.span, self.src))
            op = {"+": ast.Add(), "-": ast.Sub(), "*": ast.Mult()}[e.op]
            return ast.BinOp(left, op, right)
        if t is n.Aggregate:
            return ast.Subscript(_call("_stat", _name("cohort"), _c(quantity_key(self.part, e.operand))),
                                 _c(1 if e.func == "max" else 0), ast.Load())
        raise ScoreError(Diagnostic.make("CDS615", None, item=self.p.item, indicator=self.p.item or "?",
                                         detail=type(e).__name__))

    def condition(self, c: Any, subject: Any, known: dict[str, str]) -> tuple[list[ast.stmt], ast.expr]:
        t = type(c)
        ops = {">=": ast.GtE, ">": ast.Gt, "<=": ast.LtE, "<": ast.Lt, "=": ast.Eq, "!=": ast.NotEq}
        if t is n.Compare:
            exprs = condition_exprs(c, subject)
            pre = self.need(exprs, known)
            return pre, ast.Compare(self.expr(exprs[0], known), [ops[c.op]()], [self.expr(exprs[1], known)])
        if t is n.Range:
            exprs = condition_exprs(c, subject)
            pre = self.need(exprs, known)
            first = self.expr(exprs[0], known)
            if isinstance(first, (ast.Name, ast.Constant)):
                s = first.id if isinstance(first, ast.Name) else None
            else:
                s = None
            if s is None:
                s = self.fresh("s")
                pre.append(_assign(s, first))
            tests: list[ast.expr] = []
            if c.low is not None:
                tests.append(ast.Compare(_name(s), [ast.GtE() if c.low_inclusive else ast.Gt()],
                                         [self.expr(c.low, known)]))
            if c.high is not None:
                tests.append(ast.Compare(_name(s), [ast.LtE() if c.high_inclusive else ast.Lt()],
                                         [self.expr(c.high, known)]))
            if not tests:
                return pre, _c(True)
            return pre, tests[0] if len(tests) == 1 else ast.BoolOp(ast.And(), tests)
        if t is n.Best:
            subj = best_subject(self.p, self.part)
            pre = self.need([subj], known)
            stat = ast.Subscript(_call("_stat", _name("cohort"), _c(quantity_key(self.part, subj))),
                                 _c(1 if c.func == "max" else 0), ast.Load())
            return pre, ast.Compare(self.expr(subj, known), [ast.Eq()], [stat])
        if t is n.Otherwise:
            return [], _c(True)
        return [], _c(False)

    # ------------------------------------------------------------ scoring
    def scoring(self, sc: Any, target: str, known: dict[str, str]) -> list[ast.stmt]:
        if isinstance(sc, ExprScoring):
            return self.need([sc.expr], known) + [_assign(target, self.expr(sc.expr, known))]
        if isinstance(sc, PerItemScoring):
            out = self.compute("name", sc.count_key, known) if sc.count_key in known else []
            cnt = self.fresh("count")
            out = [self.read_stmt(sc.count_key, cnt)]
            out += self.need([sc.points], known)
            return out + [_assign(target, ast.BinOp(_name(cnt), ast.Mult(), self.expr(sc.points, known)))]
        if isinstance(sc, SumItemsScoring):
            return [_assign(target, _call("_items_sum", _name("item_points"), _c(sc.first), _c(sc.last)))]
        if isinstance(sc, CohortScoring):
            x, st = self.fresh("x"), self.fresh("stat")
            func = "_minmax_points" if sc.method == "minmax" else "_ratio_points"
            return [self.read_stmt(sc.subject_key, x),
                    _assign(st, _call("_stat", _name("cohort"), _c(f"{self.part}:{sc.subject_key}"))),
                    _assign(target, _call(func, _name(x), ast.Subscript(_name(st), _c(0), ast.Load()),
                                          ast.Subscript(_name(st), _c(1), ast.Load()),
                                          self.mod.const(self.p.max_points), _c(sc.direction)))]
        if isinstance(sc, CaseScoring):
            return self.cases(sc, target, known)
        return [_assign(target, _c(0))]

    def chain(self, sc: CaseScoring, indexes: list[int], pos: int, target: str,
              known: dict[str, str]) -> list[ast.stmt]:
        cases = sc.cases.cases
        if pos == len(indexes):
            subj = shown_subject(sc)
            value: ast.expr = (_name(known[subj.name]) if type(subj) is n.Name and subj.name in known else _c(None))
            note = ast.Tuple([_c("CDS612"), self.mod.span(sc.span, self.src),
                              _c(print_expr(subj) if subj is not None else None), value], ast.Load())
            return [ast.If(ast.Compare(_name("notes"), [ast.IsNot()], [_c(None)]),
                           [ast.Expr(ast.Call(ast.Attribute(_name("notes"), "append", ast.Load()), [note], []))],
                           []),
                    _assign(target, _c(0))]
        case = cases[indexes[pos]]
        k = dict(known)
        pre, test = self.condition(case.condition, sc.subject, k)
        kb = dict(k)
        body = self.need([case.result], kb) + [_assign(target, self.expr(case.result, kb))]
        if isinstance(test, ast.Constant) and test.value is True:
            return pre + body
        if isinstance(test, ast.Constant) and test.value is False:
            return pre + self.chain(sc, indexes, pos + 1, target, k)
        return pre + [ast.If(test, body, self.chain(sc, indexes, pos + 1, target, k))]

    def cases(self, sc: CaseScoring, target: str, known: dict[str, str]) -> list[ast.stmt]:
        cases = sc.cases.cases
        if sc.mode not in ("exclusive", "cumulative"):
            return self.chain(sc, list(range(len(cases))), 0, target, known)
        options = [i for i, c in enumerate(cases) if type(c.condition) is n.Option]
        others = [i for i, c in enumerate(cases) if type(c.condition) is not n.Option]
        labels = tuple(cases[i].condition.label for i in options)
        chosen = self.fresh("chosen")
        pick = _assign(chosen, _call("_pick", _name("inputs"), _c(sc.choice_key), _c(labels),
                                     _c(sc.mode == "cumulative")))
        total: list[ast.stmt] = [_assign(target, _c(0))]
        for j, i in enumerate(options):
            kb = dict(known)
            res = cases[i].result
            body = self.need([res], kb) + [ast.AugAssign(_store(target), ast.Add(), self.expr(res, kb))]
            total.append(ast.If(ast.Compare(_c(j), [ast.In()], [_name(chosen)]), body, []))
        if others:
            numeric = self.chain(sc, others, 0, target, dict(known))
            missing = numeric
            given = [ast.If(_name(chosen), total, self.chain(sc, others, 0, target, dict(known)))]
        else:
            missing = [ast.Raise(_call("_Fault", _c("CDS600"), ast.Dict([_c("key")], [_c(sc.choice_key)]),
                                       self.mod.span(sc.span, self.src)), None)]
            given = total
        return [pick, ast.If(ast.Compare(_name(chosen), [ast.Is()], [_c(None)]), missing, given)]

    # ------------------------------------------------------------ function
    def function(self) -> ast.FunctionDef:
        body: list[ast.stmt] = []
        doc = f"{_doc(self.p.item or 'công thức')}: điểm tối đa {runtime.fmt_vi(self.p.max_points)}"
        body.append(ast.Expr(_c(doc)))
        part_vars: list[str] = []
        known: dict[str, str] = {}
        for part in self.p.parts:
            self.part = part.index
            self.steps = {s.name: s for s in part.steps}
            known = {}
            target = self.local(f"điểm phần {part.index + 1}") if len(self.p.parts) > 1 else self.local("điểm")
            part_vars.append(target)
            if part.scoring is None:
                body.append(_assign(target, _c(0)))
            else:
                body.extend(self.scoring(part.scoring, target, known))
        total = self.local("tổng") if len(part_vars) > 1 else part_vars[0]
        if len(part_vars) > 1:
            expr: ast.expr = _name(part_vars[0])
            for v in part_vars[1:]:
                expr = ast.BinOp(expr, ast.Add(), _name(v))
            body.append(_assign(total, expr))
        if self.p.cap is not None:
            body.extend(self.need([self.p.cap], known))
            limit = self.expr(self.p.cap, known)
            body.append(ast.If(ast.Compare(_name(total), [ast.Gt()], [limit]), [_assign(total, limit)], []))
        body.append(ast.Return(_name(total)))
        args = ast.arguments(posonlyargs=[], args=[ast.arg("inputs")],
                             kwonlyargs=[], kw_defaults=[], defaults=[],
                             vararg=None, kwarg=None)
        args.args += [ast.arg("cohort"), ast.arg("item_points"), ast.arg("notes")]
        args.defaults = [_c(None), _c(None), _c(None)]
        return ast.FunctionDef(self.fname, args, body, [], None, type_params=[])


# ------------------------------------------------------------------ fast path
#: helper name in fast functions -> runtime function (in process only, not in `module_source`)
FAST_HELPERS = {"_SLOW": "SLOW", "_fast_read": "fast_read", "_fast_read_or": "fast_read_or",
                "_fast_pick": "fast_pick", "_items_sum": "items_sum", "_fast_stat": "fast_stat"}


class _Unsupported(Exception):
    """The program uses something the fast path does not handle (e.g. a non-whole default value)."""


def _den(ident: str) -> str:
    """The denominator variable of the pair whose numerator is ``ident``."""
    return f"_d_{ident}"


class _FastGen:
    """The same program on plain ints: every value is an int (``("i", expr)``) or a pair
    ``("r", numerator, denominator)`` with denominator > 0, never reduced.  Thresholds are
    decided by cross-multiplication (``n * 5 >= 4 * d`` for ``n/d >= 80%``), and no
    Fraction is built.  Anything unusual raises ``_SLOW`` (see `runtime.Slow`): the
    caller then runs the full function, so results and diagnostics never differ."""

    folded = _FunctionGen.folded

    def __init__(self, program: Program, mod: _Module, fname: str) -> None:
        self.p = program
        self.mod = mod
        self.fname = fname
        self.local = Mangler(taken=set(mod.globals._used) | set(HELPERS) | set(FAST_HELPERS)
                             | {"inputs", "cohort", "item_points", "notes"})
        self.part = 0
        self.steps: dict[str, Any] = {}
        self.wholes = {pw.span: pw for pw in program.checked_part_wholes}
        self.tmp = 0
        #: a cohort quantity's function has no cohort to read (see `quantity`)
        self.no_cohort = False

    def ident(self, name: str) -> str:
        scope = f"p{self.part + 1}" if len(self.p.parts) > 1 else ""
        return self.local(name, scope)

    def fresh(self, base: str) -> str:
        self.tmp += 1
        return f"_{base}{self.tmp}"

    # ------------------------------------------------------------ values
    def const(self, value: Fraction) -> tuple:
        value = Fraction(value)
        if value.denominator == 1:
            return ("i", _c(int(value)))
        return ("r", _c(value.numerator), _c(value.denominator))

    @staticmethod
    def _atomic(e: ast.expr) -> bool:
        return isinstance(e, (ast.Name, ast.Constant))

    def atom(self, e: ast.expr, pre: list[ast.stmt]) -> ast.expr:
        if self._atomic(e):
            return e
        t = self.fresh("t")
        pre.append(_assign(t, e))
        return _name(t)

    def bind(self, ident: str, v: tuple, pre: list[ast.stmt]) -> tuple:
        """Assign ``v`` to ``ident`` (and its denominator) and return the named value."""
        if v[0] == "i":
            pre.append(_assign(ident, v[1]))
            return ("i", _name(ident))
        pre.append(_assign(ident, v[1]))
        pre.append(_assign(_den(ident), v[2]))
        return ("r", _name(ident), _name(_den(ident)))

    @staticmethod
    def _mul(a: ast.expr, b: ast.expr) -> ast.expr:
        if isinstance(a, ast.Constant) and a.value == 1:
            return b
        if isinstance(b, ast.Constant) and b.value == 1:
            return a
        return ast.BinOp(a, ast.Mult(), b)

    def add(self, a: tuple, b: tuple, op: ast.operator, pre: list[ast.stmt]) -> tuple:
        if a[0] == "i" and b[0] == "i":
            return ("i", ast.BinOp(a[1], op, b[1]))
        if a[0] == "i":
            d = self.atom(b[2], pre)
            return ("r", ast.BinOp(self._mul(a[1], d), op, b[1]), d)
        if b[0] == "i":
            d = self.atom(a[2], pre)
            return ("r", ast.BinOp(a[1], op, self._mul(b[1], d)), d)
        ad, bd = self.atom(a[2], pre), self.atom(b[2], pre)
        return ("r", ast.BinOp(self._mul(a[1], bd), op, self._mul(b[1], ad)), self._mul(ad, bd))

    def mul(self, a: tuple, b: tuple) -> tuple:
        if a[0] == "i" and b[0] == "i":
            return ("i", self._mul(a[1], b[1]))
        if a[0] == "i":
            return ("r", self._mul(a[1], b[1]), b[2])
        if b[0] == "i":
            return ("r", self._mul(a[1], b[1]), a[2])
        return ("r", self._mul(a[1], b[1]), self._mul(a[2], b[2]))

    def div(self, a: tuple, b: tuple, pre: list[ast.stmt]) -> tuple:
        # a zero divisor (CDS610) or a negative one: the full path decides
        bn = self.atom(b[1], pre)
        if not (isinstance(bn, ast.Constant) and bn.value > 0):
            pre.append(ast.If(ast.Compare(bn, [ast.LtE()], [_c(0)]), [ast.Raise(_name("_SLOW"), None)], []))
        if b[0] == "i":
            if a[0] == "i":
                return ("r", a[1], bn)
            return ("r", a[1], self._mul(a[2], bn))
        if a[0] == "i":
            return ("r", self._mul(a[1], b[2]), bn)
        return ("r", self._mul(a[1], b[2]), self._mul(a[2], bn))

    def compare(self, a: tuple, op: ast.cmpop, b: tuple) -> ast.expr:
        if a[0] == "i" and b[0] == "i":
            return ast.Compare(a[1], [op], [b[1]])
        if a[0] == "i":
            return ast.Compare(self._mul(a[1], b[2]), [op], [b[1]])
        if b[0] == "i":
            return ast.Compare(a[1], [op], [self._mul(b[1], a[2])])
        return ast.Compare(self._mul(a[1], b[2]), [op], [self._mul(b[1], a[2])])

    # ------------------------------------------------------------ reading names
    def read_stmt(self, key: str, ident: str) -> tuple[list[ast.stmt], tuple]:
        try:
            spec = self.p.input(key)
        except KeyError:
            spec = None
        kind = spec.kind if spec is not None and spec.kind in _KINDS else "number"
        nonneg = kind in runtime.NON_NEGATIVE
        # not an int, negative where it cannot be, or too large (`runtime.HUGE`): `_fast_read` decides
        low = _c(0) if nonneg else ast.UnaryOp(ast.USub(), _c(runtime.HUGE))
        bad: ast.expr = ast.BoolOp(ast.Or(), [
            ast.Compare(_call("type", _name(ident)), [ast.IsNot()], [_name("int")]),
            ast.UnaryOp(ast.Not(), ast.Compare(low, [ast.LtE() if nonneg else ast.Lt(), ast.Lt()],
                                               [_name(ident), _c(runtime.HUGE)]))])
        if spec is not None and spec.constant is not None:
            default = Fraction(spec.constant)
            if default.denominator != 1:
                raise _Unsupported("a non-whole default value")
            slow = _call("_fast_read_or", _name(ident), _c(int(default)), _c(nonneg))
        else:
            slow = _call("_fast_read", _name(ident), _c(nonneg))
        get = ast.Call(ast.Attribute(_name("inputs"), "get", ast.Load()), [_c(key)], [])
        return [_assign(ident, get), ast.If(bad, [_assign(ident, slow)], [])], ("i", _name(ident))

    def need(self, exprs: Sequence[Any], known: dict[str, tuple]) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        for kind, name in refs(*exprs):
            out.extend(self.compute(kind, name, known))
        return out

    def compute(self, kind: str, name: str, known: dict[str, tuple]) -> list[ast.stmt]:
        if name in known:
            return []
        ident = self.ident(name)
        step = self.steps.get(name) if kind != "item" else None
        if kind == "item" or (step is None and any(spec.key == name for spec in self.p.inputs)):
            out, v = self.read_stmt(name, ident)
            known[name] = v
            return out
        if step is None:
            raise _Unsupported(name)
        if step.key is not None:
            out, v = self.read_stmt(step.key, ident)
            known[name] = v
            return out
        out: list[ast.stmt] = []
        pw = self.wholes.get(step.span)
        if pw is not None and pw.ratio == name:
            for x in pw.parts + pw.wholes:
                out.extend(self.compute("name", x, known))
            part = self.sum_of(pw.parts, known, out)
            whole = self.sum_of(pw.wholes, known, out)
            # a part larger than its whole (CDS614): the full path reports it
            out.append(ast.If(self.compare(part, ast.Gt(), whole), [ast.Raise(_name("_SLOW"), None)], []))
        out.extend(self.need([step.expr], known))
        v = self.expr(step.expr, known, out)
        known[name] = self.bind(ident, v, out)
        return out

    def sum_of(self, names: Sequence[str], known: dict[str, tuple], pre: list[ast.stmt]) -> tuple:
        v = known[names[0]]
        for x in names[1:]:
            v = self.add(v, known[x], ast.Add(), pre)
        return v

    # ------------------------------------------------------------ expressions
    def expr(self, e: Any, known: dict[str, tuple], pre: list[ast.stmt]) -> tuple:
        t = type(e)
        if t is n.BinOp or t is n.Neg:
            value = self.folded(e)
            if value is not None:
                return self.const(value)
        if t is n.Number or t is n.Percent:
            return self.const(e.value)
        if t is n.Name:
            return known[e.name]
        if t is n.ItemRef:
            return known[f"mục {e.item}"]
        if t is n.MaxPoints:
            return self.const(self.p.max_points)
        if t is n.Neg:
            v = self.expr(e.operand, known, pre)
            return ("i", ast.UnaryOp(ast.USub(), v[1])) if v[0] == "i" else ("r", ast.UnaryOp(ast.USub(), v[1]), v[2])
        if t is n.BinOp:
            a = self.expr(e.left, known, pre)
            b = self.expr(e.right, known, pre)
            if e.op == "/":
                return self.div(a, b, pre)
            if e.op == "*":
                return self.mul(a, b)
            return self.add(a, b, ast.Add() if e.op == "+" else ast.Sub(), pre)
        if t is n.Aggregate:
            return self.stat(quantity_key(self.part, e.operand), e.func, pre)
        raise _Unsupported(t.__name__)

    def stat(self, key: str, func: str, pre: list[ast.stmt]) -> tuple:
        """The cohort's highest (``func == "max"``) or lowest value of quantity ``key`` as a
        pair, read with `runtime.fast_stat` (no cohort, no value or not exact: `_SLOW`)."""
        ln, ld, hn, hd = self.stat_names(key, pre)
        return ("r", hn, hd) if func == "max" else ("r", ln, ld)

    def stat_names(self, key: str, pre: list[ast.stmt]) -> tuple[ast.Name, ...]:
        """``ln, ld, hn, hd = _fast_stat(cohort, key)``: lowest and highest value as pairs."""
        if self.no_cohort:
            raise _Unsupported("cohort value in a cohort quantity")
        i = self.fresh("st")
        names = [f"{i}_ln", f"{i}_ld", f"{i}_hn", f"{i}_hd"]
        pre.append(ast.Assign([ast.Tuple([_store(x) for x in names], ast.Store())],
                              _call("_fast_stat", _name("cohort"), _c(key))))
        return tuple(_name(x) for x in names)

    def condition(self, c: Any, subject: Any, known: dict[str, tuple]) -> tuple[list[ast.stmt], ast.expr]:
        t = type(c)
        ops = {">=": ast.GtE, ">": ast.Gt, "<=": ast.LtE, "<": ast.Lt, "=": ast.Eq, "!=": ast.NotEq}
        if t is n.Compare:
            exprs = condition_exprs(c, subject)
            pre = self.need(exprs, known)
            a = self.expr(exprs[0], known, pre)
            b = self.expr(exprs[1], known, pre)
            return pre, self.compare(a, ops[c.op](), b)
        if t is n.Range:
            exprs = condition_exprs(c, subject)
            pre = self.need(exprs, known)
            s = self.expr(exprs[0], known, pre)
            s = ("i", self.atom(s[1], pre)) if s[0] == "i" else ("r", self.atom(s[1], pre), self.atom(s[2], pre))
            tests: list[ast.expr] = []
            if c.low is not None:
                tests.append(self.compare(s, ast.GtE() if c.low_inclusive else ast.Gt(),
                                          self.expr(c.low, known, pre)))
            if c.high is not None:
                tests.append(self.compare(s, ast.LtE() if c.high_inclusive else ast.Lt(),
                                          self.expr(c.high, known, pre)))
            if not tests:
                return pre, _c(True)
            return pre, tests[0] if len(tests) == 1 else ast.BoolOp(ast.And(), tests)
        if t is n.Otherwise:
            return [], _c(True)
        if t is n.Best:
            # ``Địa phương có tỷ lệ cao nhất``: the unit's value equals the cohort's (ties all match)
            subj = best_subject(self.p, self.part)
            pre = self.need([subj], known)
            v = self.expr(subj, known, pre)
            return pre, self.compare(v, ast.Eq(), self.stat(quantity_key(self.part, subj), c.func, pre))
        return [], _c(False)

    # ------------------------------------------------------------ scoring
    def set_target(self, target: str, v: tuple) -> list[ast.stmt]:
        if v[0] == "i":
            return [_assign(target, v[1]), _assign(_den(target), _c(1))]
        return [_assign(target, v[1]), _assign(_den(target), v[2])]

    def scoring(self, sc: Any, target: str, known: dict[str, tuple]) -> list[ast.stmt]:
        if isinstance(sc, ExprScoring):
            out = self.need([sc.expr], known)
            return out + self.set_target(target, self.expr(sc.expr, known, out))
        if isinstance(sc, PerItemScoring):
            out, cnt = self.read_stmt(sc.count_key, self.fresh("count"))
            out += self.need([sc.points], known)
            return out + self.set_target(target, self.mul(cnt, self.expr(sc.points, known, out)))
        if isinstance(sc, SumItemsScoring):
            s = self.fresh("sum")
            return [_assign(s, _call("_items_sum", _name("item_points"), _c(sc.first), _c(sc.last))),
                    _assign(target, ast.Attribute(_name(s), "numerator", ast.Load())),
                    _assign(_den(target), ast.Attribute(_name(s), "denominator", ast.Load()))]
        if isinstance(sc, CaseScoring):
            return self.cases(sc, target, known)
        if isinstance(sc, CohortScoring):
            return self.cohort_scoring(sc, target)
        return self.set_target(target, ("i", _c(0)))

    def cohort_scoring(self, sc: CohortScoring, target: str) -> list[ast.stmt]:
        """`runtime.minmax_points` / `runtime.ratio_points` on an int ``x`` and the cohort's
        lowest ``ln/ld`` and highest ``hn/hd``, in integer arithmetic; the same rules
        (all equal, best = 0, x = 0 when fewer is better).  A zero or negative
        denominator (``low > high``, a negative best) goes to the full path."""
        out, x = self.read_stmt(sc.subject_key, self.fresh("x"))
        xv = x[1]
        ln, ld, hn, hd = self.stat_names(f"{self.part}:{sc.subject_key}", out)
        mx = Fraction(self.p.max_points)
        mn, md = _c(mx.numerator), _c(mx.denominator)
        slow = [ast.Raise(_name("_SLOW"), None)]

        def pair(num: ast.expr, den: ast.expr) -> list[ast.stmt]:
            return [_assign(target, num), _assign(_den(target), den)]

        def mul(*xs: ast.expr) -> ast.expr:
            e = xs[0]
            for y in xs[1:]:
                e = self._mul(e, y)
            return e

        if sc.method == "minmax":
            # max - min as a pair: (hn*ld - ln*hd) / (hd*ld), > 0 unless all are equal
            span = self.fresh("span")
            out.append(_assign(span, ast.BinOp(mul(hn, ld), ast.Sub(), mul(ln, hd))))
            if sc.direction == "max":
                equal = [ast.If(ast.Compare(hn, [ast.Eq()], [_c(0)]), pair(_c(0), _c(1)), pair(mn, md))]
                # max * (x*ld - ln) / ld / span * hd*ld
                value = pair(mul(mn, ast.BinOp(mul(xv, ld), ast.Sub(), ln), hd), mul(md, _name(span)))
            else:
                equal = pair(mn, md)
                # max * (hn - x*hd) / hd / span * hd*ld
                value = pair(mul(mn, ast.BinOp(hn, ast.Sub(), mul(xv, hd)), ld), mul(md, _name(span)))
            out.append(ast.If(ast.Compare(_name(span), [ast.Eq()], [_c(0)]), equal,
                              [ast.If(ast.Compare(_name(span), [ast.Lt()], [_c(0)]), slow, [])] + value))
            return out
        if sc.direction == "max":
            # best = 0: everyone 0; else max * x / best
            out.append(ast.If(ast.Compare(hn, [ast.Eq()], [_c(0)]), pair(_c(0), _c(1)),
                              [ast.If(ast.Compare(hn, [ast.Lt()], [_c(0)]), slow, [])]
                              + pair(mul(mn, xv, hd), mul(md, hn))))
            return out
        # fewer is better: x = 0 is the best (max); else max * best / x
        out.append(ast.If(ast.Compare(xv, [ast.Eq()], [_c(0)]), pair(mn, md),
                          [ast.If(ast.Compare(xv, [ast.Lt()], [_c(0)]), slow, [])]
                          + pair(mul(mn, ln), mul(md, ld, xv))))
        return out

    def chain(self, sc: CaseScoring, indexes: list[int], pos: int, target: str,
              known: dict[str, tuple]) -> list[ast.stmt]:
        cases = sc.cases.cases
        if pos == len(indexes):
            return [ast.Raise(_name("_SLOW"), None)]  # no case matches: CDS612, the full path warns
        case = cases[indexes[pos]]
        k = dict(known)
        pre, test = self.condition(case.condition, sc.subject, k)
        kb = dict(k)
        body = self.need([case.result], kb)
        body += self.set_target(target, self.expr(case.result, kb, body))
        if isinstance(test, ast.Constant) and test.value is True:
            return pre + body
        if isinstance(test, ast.Constant) and test.value is False:
            return pre + self.chain(sc, indexes, pos + 1, target, k)
        return pre + [ast.If(test, body, self.chain(sc, indexes, pos + 1, target, k))]

    def cases(self, sc: CaseScoring, target: str, known: dict[str, tuple]) -> list[ast.stmt]:
        cases = sc.cases.cases
        if sc.mode not in ("exclusive", "cumulative"):
            return self.chain(sc, list(range(len(cases))), 0, target, known)
        options = [i for i, c in enumerate(cases) if type(c.condition) is n.Option]
        others = [i for i, c in enumerate(cases) if type(c.condition) is not n.Option]
        chosen = self.fresh("chosen")
        get = ast.Call(ast.Attribute(_name("inputs"), "get", ast.Load()), [_c(sc.choice_key)], [])
        # one option given by its number (the usual case) inline, anything else via `runtime.fast_pick`
        plain = ast.BoolOp(ast.And(), [ast.Compare(_call("type", _name(chosen)), [ast.Is()], [_name("int")]),
                                       ast.Compare(_c(0), [ast.Lt(), ast.LtE()], [_name(chosen), _c(len(options))])])
        pick = [_assign(chosen, get),
                ast.If(plain, [_assign(chosen, ast.Tuple([ast.BinOp(_name(chosen), ast.Sub(), _c(1))], ast.Load()))],
                       [_assign(chosen, _call("_fast_pick", _name(chosen), _c(len(options)),
                                              _c(sc.mode == "cumulative")))])]
        total: list[ast.stmt] = self.set_target(target, ("i", _c(0)))
        for j, i in enumerate(options):
            kb = dict(known)
            body = self.need([cases[i].result], kb)
            v = self.expr(cases[i].result, kb, body)
            if v[0] == "i":
                body.append(_assign(target, ast.BinOp(_name(target), ast.Add(),
                                                      self._mul(v[1], _name(_den(target))))))
            else:
                vn, vd = self.atom(v[1], body), self.atom(v[2], body)
                body.append(ast.Assign([ast.Tuple([_store(target), _store(_den(target))], ast.Store())],
                                       ast.Tuple([ast.BinOp(self._mul(_name(target), vd), ast.Add(),
                                                            self._mul(vn, _name(_den(target)))),
                                                  self._mul(_name(_den(target)), vd)], ast.Load())))
            total.append(ast.If(ast.Compare(_c(j), [ast.In()], [_name(chosen)]), body, []))
        if others:
            missing = self.chain(sc, others, 0, target, dict(known))
            given = [ast.If(_name(chosen), total, self.chain(sc, others, 0, target, dict(known)))]
        else:
            missing = [ast.Raise(_name("_SLOW"), None)]  # nothing chosen: CDS600
            given = total
        return pick + [ast.If(ast.Compare(_name(chosen), [ast.Is()], [_c(None)]), missing, given)]

    # ------------------------------------------------------------ function
    def function(self) -> ast.FunctionDef:
        body: list[ast.stmt] = [ast.Expr(_c(f"{_doc(self.p.item or 'công thức')}: đường nhanh (số nguyên); "
                                            "trả về (tử số, mẫu số) hoặc dừng bằng _SLOW"))]
        parts: list[str] = []
        known: dict[str, tuple] = {}
        for part in self.p.parts:
            self.part = part.index
            self.steps = {s.name: s for s in part.steps}
            known = {}
            target = self.local(f"điểm phần {part.index + 1}") if len(self.p.parts) > 1 else self.local("điểm")
            parts.append(target)
            if part.scoring is None:
                body.extend(self.set_target(target, ("i", _c(0))))
            else:
                body.extend(self.scoring(part.scoring, target, known))
        total = self.local("tổng") if len(parts) > 1 else parts[0]
        if len(parts) > 1:
            v: tuple = ("r", _name(parts[0]), _name(_den(parts[0])))
            for x in parts[1:]:
                v = self.add(v, ("r", _name(x), _name(_den(x))), ast.Add(), body)
            body.extend(self.set_target(total, v))
        tv = ("r", _name(total), _name(_den(total)))
        if self.p.cap is not None:
            body.extend(self.need([self.p.cap], known))
            limit = self.expr(self.p.cap, known, body)
            limit = ("i", self.atom(limit[1], body)) if limit[0] == "i" else \
                ("r", self.atom(limit[1], body), self.atom(limit[2], body))
            body.append(ast.If(self.compare(tv, ast.Gt(), limit), self.set_target(total, limit), []))
        # outside [0, max] (CDS613): the full path clamps and warns
        out_of_range = ast.BoolOp(ast.Or(), [ast.Compare(_name(total), [ast.Lt()], [_c(0)]),
                                             self.compare(tv, ast.Gt(), self.const(self.p.max_points))])
        body.append(ast.If(out_of_range, [ast.Raise(_name("_SLOW"), None)], []))
        body.append(ast.Return(ast.Tuple([_name(total), _name(_den(total))], ast.Load())))
        args = ast.arguments(posonlyargs=[], args=[ast.arg("inputs"), ast.arg("cohort"), ast.arg("item_points")],
                             kwonlyargs=[], kw_defaults=[], defaults=[_c(None), _c(None)], vararg=None, kwarg=None)
        return ast.FunctionDef(self.fname, args, body, [], None, type_params=[])


def build_fast_quantity(program: Program, mod: _Module, q: Any) -> ast.FunctionDef | None:
    """``f(inputs) -> (numerator, denominator)``: one cohort quantity (`cohort.Quantity`) on
    plain ints, raising `runtime.Slow` when the full quantity function must decide."""
    fname = mod.globals(f"luong {q.key} nhanh")
    gen = _FastGen(program, mod, fname)
    gen.no_cohort = True
    gen.part = q.part
    gen.steps = {s.name: s for s in program.parts[q.part].steps}
    try:
        if q.input_key is not None:
            body, v = gen.read_stmt(q.input_key, gen.ident("giá trị"))
        else:
            known: dict[str, tuple] = {}
            body = gen.need([q.expr], known)
            v = gen.expr(q.expr, known, body)
    except (_Unsupported, KeyError):
        return None
    value = ast.Tuple([v[1], _c(1)] if v[0] == "i" else [v[1], v[2]], ast.Load())
    args = ast.arguments(posonlyargs=[], args=[ast.arg("inputs")], kwonlyargs=[], kw_defaults=[], defaults=[],
                         vararg=None, kwarg=None)
    return ast.FunctionDef(fname, args, body + [ast.Return(value)], [], None, type_params=[])


def build_fast_function(program: Program, mod: _Module) -> ast.FunctionDef | None:
    """The fast function of ``program`` (see `_FastGen`), or None when it has none."""
    if formula_errors(program):
        return None
    fname = mod.globals(function_name(program.item) + " nhanh")
    try:
        return _FastGen(program, mod, fname).function()
    except (_Unsupported, KeyError):
        return None


def _error_function(program: Program, fname: str, detail: str) -> ast.FunctionDef:
    body = [ast.Expr(_c(f"{_doc(program.item)}: không chấm được (công thức còn lỗi)")),
            ast.Raise(_call("_Fault", _c("CDS615"), ast.Dict([_c("detail")], [_c(detail)]), _c(None)), None)]
    args = ast.arguments(posonlyargs=[], args=[ast.arg("inputs"), ast.arg("cohort"), ast.arg("item_points"),
                                              ast.arg("notes")], kwonlyargs=[], kw_defaults=[],
                         defaults=[_c(None), _c(None), _c(None)], vararg=None, kwarg=None)
    return ast.FunctionDef(fname, args, body, [], None, type_params=[])


def _helper_aliases() -> list[ast.stmt]:
    return [_assign(alias, _name(target)) for alias, target in HELPERS.items()]


# ------------------------------------------------------------------ in process

class CompiledFormula:
    """A Program compiled to one Python function.  Call it with one unit's inputs."""

    def __init__(self, program: Program, function: Callable[..., Any], spans: list[tuple[Any, Any]],
                 source: str, fast: Callable[..., tuple[int, int]] | None = None, fast_source: str = "") -> None:
        self.program = program
        self.function = function
        self.spans = spans
        self.source = source
        #: ``fast(inputs, cohort, item_points) -> (numerator, denominator)`` on plain ints,
        #: raising `runtime.Slow` (or a `runtime.Fault`) when the full function must decide
        self.fast = fast
        self.fast_source = fast_source

    def __repr__(self) -> str:
        return f"<CompiledFormula {self.program.item or ''}>"

    def exact(self, inputs: Mapping[str, object], *, cohort: Mapping[str, Any] | None = None,
              item_points: Any = None, unit: str | None = None, policy: Policy | None = None,
              diags: list[Diagnostic] | None = None) -> Fraction:
        """The exact points, clamped to [0, max] (warnings appended to ``diags``)."""
        fast = self.fast
        if fast is not None:
            try:
                num, den = fast(inputs, cohort, item_points)
            except _FALLBACK:
                pass
            else:
                return Fraction(num, den)
        policy = policy or _DEFAULT_POLICY
        notes: list[tuple] = []
        p = self.program
        try:
            total = self.function(inputs, cohort, item_points, notes)
        except runtime.Fault as f:
            if f.code == "CDS610":
                span, src = self.spans[f.span] if f.span is not None else (None, None)
                diag = self._zero(f, inputs, unit, policy)
                if policy.zero_division == "error":
                    raise ScoreError(diag) from None
                if diags is not None:
                    diags.append(diag)
                total, notes = 0, []
            else:
                raise self._error(f, inputs, unit) from None
        mx = p.max_points
        if notes and diags is not None:
            for code, idx, subject, value in notes:
                span, src = self.spans[idx]
                diags.append(Diagnostic.make(code, span, source=src, item=p.item, unit=unit,
                                             indicator=p.item or "?", unit_name=unit or "?",
                                             subject=subject or "giá trị", value=fmt_subject(value)))
        if type(total) is not Fraction:
            total = Fraction(total)
        if total < 0 or total > mx:
            tmp: list[Diagnostic] = []
            exact, _ = finish(p, Fraction(total), tmp, None, unit, policy)
            if diags is not None:
                diags.extend(tmp)
            return exact
        return total

    def __call__(self, inputs: Mapping[str, object], *, cohort: Mapping[str, Any] | None = None,
                 item_points: Any = None, unit: str | None = None, policy: Policy | None = None) -> Outcome:
        policy = policy or _DEFAULT_POLICY
        if not callable(getattr(inputs, "get", None)) or isinstance(inputs, (str, bytes)):
            from cdsdsl.evaluate.interpret import check_inputs

            check_inputs(inputs)
        diags: list[Diagnostic] = []
        exact = self.exact(inputs, cohort=cohort, item_points=item_points, unit=unit, policy=policy, diags=diags)
        # the warnings of the interpreter come in this order: clamp, then no-match
        diags.sort(key=lambda d: 0 if d.code in ("CDS610", "CDS613") else 1)
        return Outcome(exact, runtime.round_points(exact, policy.digits, policy.rounding), (), tuple(diags), (),
                       self.program)

    def _zero(self, f: runtime.Fault, inputs: Mapping[str, object], unit: str | None, policy: Policy) -> Diagnostic:
        from cdsdsl.evaluate.interpret import denominator_key, zero_division

        span, src = self.spans[f.span]
        node = _find_division(self.program, span)
        part = node[0] if node else 0
        expr = node[1].right if node else "?"

        class _Z:
            pass

        z = _Z()
        z.expr, z.span = expr, span
        return zero_division(self.program, z, inputs, unit, policy,
                             denominator_key(self.program, part, expr) if node else None)

    def _error(self, f: runtime.Fault, inputs: Mapping[str, object], unit: str | None) -> CdsError:
        if f.code == "CDS617":
            return needs_cohort_error(self.program, unit)
        if f.code in ("CDS615",):
            return ScoreError(Diagnostic.make("CDS615", None, item=self.program.item,
                                              indicator=self.program.item or "?", detail=f.args_.get("detail", "")))
        if f.code == "CDS616":
            return ScoreError(Diagnostic.make("CDS616", None, item=self.program.item,
                                              indicator=self.program.item or "?", **f.args_))
        err = fault_to_error(self.program, f, inputs, unit)
        if f.span is not None and f.code == "CDS614":
            span, src = self.spans[f.span]
            d = err.diagnostics[0]
            import attrs as _attrs
            err.diagnostics[0] = _attrs.evolve(d, span=span)
        return err


_DEFAULT_POLICY = Policy()
_FALLBACK = (runtime.Slow, runtime.Fault)


def _find_division(program: Program, span: Any) -> tuple[int, Any] | None:
    for part in program.parts:
        nodes: list[Any] = []
        for s in part.steps:
            if s.expr is not None:
                nodes.extend(s.expr.walk())
        sc = part.scoring
        if isinstance(sc, ExprScoring):
            nodes.extend(sc.expr.walk())
        elif isinstance(sc, CaseScoring):
            nodes.extend(sc.cases.walk())
        elif isinstance(sc, PerItemScoring):
            nodes.extend(sc.points.walk())
        for node in nodes:
            if type(node) is n.BinOp and node.op == "/" and node.span == span:
                return part.index, node
    if program.cap is not None:
        for node in program.cap.walk():
            if type(node) is n.BinOp and node.op == "/" and node.span == span:
                return len(program.parts) - 1, node
    return None


def function_name(item: str | None) -> str:
    return f"chi so {item}" if item else "cong thuc"


def build_function(program: Program, mod: _Module) -> ast.FunctionDef:
    fname = mod.globals(function_name(program.item))
    errors = formula_errors(program)
    if errors:
        return _error_function(program, fname, "; ".join(d.message() for d in errors))
    return _FunctionGen(program, mod, fname).function()


def compile_program(program: Program) -> CompiledFormula:
    """Compile one Program (raises ScoreError CDS615 when it has resolution errors)."""
    check_program(program)
    mod = _Module()
    func = build_function(program, mod)
    fast = build_fast_function(program, mod)
    module = ast.Module(body=mod.const_defs() + [func], type_ignores=[])
    ast.fix_missing_locations(module)
    namespace: dict[str, Any] = {"__builtins__": __builtins__}
    for alias, target in HELPERS.items():
        namespace[alias] = Fraction if target == "Fraction" else getattr(runtime, target)
    for alias, target in FAST_HELPERS.items():
        namespace[alias] = getattr(runtime, target)
    code = compile(module, _doc(f"<cdsdsl {program.item or 'formula'}>"), "exec")
    exec(code, namespace)  # noqa: S102 - code built from ast nodes, user text only in Constants
    fast_function, fast_source = None, ""
    if fast is not None:
        fast_module = ast.Module(body=[fast], type_ignores=[])
        ast.fix_missing_locations(fast_module)
        exec(compile(fast_module, _doc(f"<cdsdsl {program.item or 'formula'} fast>"), "exec"),  # noqa: S102
             namespace)
        fast_function, fast_source = namespace[fast.name], ast.unparse(fast_module)
    return CompiledFormula(program, namespace[func.name], mod.spans, ast.unparse(module), fast_function,
                           fast_source)


def compile_quantities(program: Program) -> Callable[[Mapping[str, object]], dict[str, Any]]:
    """A function giving one unit's value of each cohort quantity (`cohort.cohort_quantities`):
    ``{key: Fraction}``, or the `runtime.Fault` that prevents computing it."""
    from cdsdsl.evaluate.cohort import cohort_quantities

    check_program(program)
    mod = _Module()
    funcs: list[tuple[str, str]] = []
    defs: list[ast.stmt] = []
    for q in cohort_quantities(program):
        gen = _FunctionGen(program, mod, mod.globals(f"luong {q.key}"))
        gen.part = q.part
        gen.steps = {s.name: s for s in program.parts[q.part].steps}
        known: dict[str, str] = {}
        if q.input_key is not None:
            body = [gen.read_stmt(q.input_key, "value"), ast.Return(_name("value"))]
        else:
            body = gen.need([q.expr], known) + [ast.Return(gen.expr(q.expr, known))]
        args = ast.arguments(posonlyargs=[], args=[ast.arg("inputs")], kwonlyargs=[], kw_defaults=[], defaults=[],
                             vararg=None, kwarg=None)
        defs.append(ast.FunctionDef(gen.fname, args, body, [], None, type_params=[]))
        funcs.append((q.key, gen.fname))
    fast_names: list[str | None] = []
    for q in cohort_quantities(program):
        fdef = build_fast_quantity(program, mod, q)
        fast_names.append(None if fdef is None else fdef.name)
        if fdef is not None:
            defs.append(fdef)
    module = ast.Module(body=mod.const_defs() + defs, type_ignores=[])
    ast.fix_missing_locations(module)
    namespace: dict[str, Any] = {"__builtins__": __builtins__}
    for alias, target in HELPERS.items():
        namespace[alias] = Fraction if target == "Fraction" else getattr(runtime, target)
    for alias, target in FAST_HELPERS.items():
        namespace[alias] = getattr(runtime, target)
    exec(compile(module, _doc(f"<cdsdsl quantities {program.item}>"), "exec"), namespace)  # noqa: S102
    table = [(key, namespace[fname]) for key, fname in funcs]

    def quantities(inputs: Mapping[str, object]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, f in table:
            try:
                out[key] = Fraction(f(inputs))
            except runtime.Fault as fault:
                out[key] = fault
        return out

    #: ``(key, fast, full)`` per quantity: ``fast(inputs) -> (num, den)`` (den > 0, not reduced)
    #: or None, raising `runtime.Slow`/`runtime.Fault` when ``full`` must decide
    quantities.table = tuple((key, None if fn is None else namespace[fn], f)  # type: ignore[attr-defined]
                             for (key, f), fn in zip(table, fast_names, strict=True))
    return quantities


# ------------------------------------------------------------------ module export

_MODULE_TAIL = '''
def score(item, inputs, cohort=None, item_points=None, digits=2, rounding="half_up", zero_division="zero"):
    """Points of indicator ``item`` for one unit's ``inputs``, rounded once.

    Division by zero scores 0 (``zero_division="error"`` raises Fault CDS610);
    points outside [0, max] are clamped.  Problems raise ``Fault(code, args, span)``:
    ``SPANS[span]`` is (line, column, words) in the formula's text.
    """
    function, max_points = INDICATORS[item]
    try:
        total = function(inputs, cohort, item_points, None)
    except Fault as fault:
        if fault.code != "CDS610" or zero_division == "error":
            raise
        total = 0
    total = min(max(Fraction(total), Fraction(0)), max_points)
    return round_points(total, digits, rounding)
'''


def _core_statements() -> list[ast.stmt]:
    """The whole of `standalone_runtime` (standard library only), as statements to copy into a module."""
    text = Path(standalone_runtime.__file__).read_text(encoding="utf-8")
    return ast.parse(text).body


def module_source(programs: Sequence[Program], *, title: str | None = None) -> str:
    """An importable module scoring ``programs`` with the standard library only."""
    mod = _Module()
    funcs = [build_function(p, mod) for p in programs]
    spans = []
    for span, src in mod.spans:
        if span is not None and src is not None:
            line, col = src.position(span.start)
            spans.append(ast.Tuple([_c(line), _c(col), _c(src.excerpt(span))], ast.Load()))
        else:
            spans.append(_c(None))
    indicators = ast.Dict([_c(p.item) for p in programs],
                          [ast.Tuple([_name(f.name), _call("_Fraction", _c(p.max_points.numerator),
                                                           _c(p.max_points.denominator))], ast.Load())
                           for p, f in zip(programs, funcs, strict=True)])
    doc = ast.Expr(_c(f"Điểm các chỉ số{' của ' + _doc(title) if title else ''}, dịch bởi cdsdsl (cds compile).\n\n"
                      "Chỉ dùng thư viện chuẩn của Python. `score(\"1.3\", {\"a\": 7, \"b\": 21})` → Decimal."))
    body = ([doc] + _core_statements() + _helper_aliases() + mod.const_defs()
            + [_assign("SPANS", ast.Tuple(spans, ast.Load()))] + funcs
            + [_assign("INDICATORS", indicators)] + ast.parse(_MODULE_TAIL).body)
    module = ast.Module(body=body, type_ignores=[])
    ast.fix_missing_locations(module)
    source = ast.unparse(module) + "\n"
    try:  # never hand out a module that does not compile
        compile(source.encode("utf-8"), "<cds compile>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError, UnicodeEncodeError, MemoryError, RecursionError) as exc:
        raise CdsError(Diagnostic.make("CDS632", None, detail=f"{type(exc).__name__}: {exc}")) from None
    return source


def compile_formula(text: str, max_points: Any, *, rounding: Any = None, zero_division: str = "zero",
                    item: str | None = None, title: str | None = None, option_mode: str | None = None,
                    cohort_method: str | None = None) -> Callable[[Mapping[str, object]], Decimal]:
    """Parse, resolve and compile a formula once; the result maps inputs to rounded points.

    ``f = compile_formula("Tỷ lệ = a/b\\nĐiểm = Tỷ lệ * Điểm tối đa", 5); f({"a": 7, "b": 21}) == Decimal("1.67")``.
    Raises `CdsError` subclasses only (at compile time and at call time).
    """
    from cdsdsl.evaluate.interpret import policy_of, check_inputs, check_rounding
    from cdsdsl.semantics.resolve import max_points_value, resolve
    from cdsdsl.syntax.parser import parse_formula

    max_points = max_points_value(max_points)
    policy = policy_of(rounding, zero_division)
    check_rounding(policy)
    program = resolve(parse_formula(text), max_points, item=item, title=title, option_mode=option_mode,
                      cohort_method=cohort_method)
    compiled = compile_program(program)

    def points(inputs: Mapping[str, object]) -> Decimal:
        check_inputs(inputs)
        return compiled(inputs, policy=policy).points

    points.compiled = compiled  # type: ignore[attr-defined]
    points.__doc__ = f"Điểm của công thức (tối đa {runtime.fmt_vi(program.max_points)})."
    return points


__all__ = ["CompiledFormula", "compile_program", "compile_formula", "compile_quantities", "module_source"]
