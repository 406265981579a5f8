"""The fast compiled function of a `Program`: plain int numerator/denominator code.

Takes: a resolved `Program` and the `codegen_ast.SharedModule` it goes into.
Returns: ``def f(inputs, cohort=None, item_points=None) -> (numerator, denominator)``,
raising `runtime.Slow` whenever the full function (`codegen_exact`) must decide,
or None when the program uses something this path does not handle.  What each
expression and condition means is `meaning.Meaning`'s; `FastGen` supplies the
operations on ``("i", int)`` / ``("r", numerator, denominator)`` values.
"""
from __future__ import annotations

import ast
from fractions import Fraction
from typing import Any

from cdsdsl.evaluate import runtime
from cdsdsl.evaluate.codegen_ast import (
    COMPARE_OPS,
    HELPERS,
    CodeGen,
    SharedModule,
    assign,
    call,
    doc_text,
    function_def,
    function_name,
    lit,
    load,
    store,
)
from cdsdsl.evaluate.interpret import (
    formula_errors,
)
from cdsdsl.semantics.resolve import CaseScoring, CohortScoring, Program, SumItemsScoring

# ------------------------------------------------------------------ fast path
#: helper name in fast functions -> runtime function (in process only, not in `module_source`)
FAST_HELPERS = {"_SLOW": "SLOW", "_fast_read": "fast_read", "_fast_read_or": "fast_read_or",
                "_fast_pick": "fast_pick", "_items_sum": "items_sum", "_fast_stat": "fast_stat"}


class _Unsupported(Exception):
    """The program uses something the fast path does not handle (e.g. a non-whole default value)."""


#: a value in fast code: ``("i", int expression)`` or ``("r", numerator, denominator)`` (denominator > 0)
Value = tuple[Any, ...]


def _den(ident: str) -> str:
    """The denominator variable of the pair whose numerator is ``ident``."""
    return f"_d_{ident}"


class FastGen(CodeGen):
    """The same program on plain ints: every value is an int (``("i", expr)``) or a pair
    ``("r", numerator, denominator)`` with denominator > 0, never reduced.  Thresholds are
    decided by cross-multiplication (``n * 5 >= 4 * d`` for ``n/d >= 80%``), and no
    Fraction is built.  Anything unusual raises ``_SLOW`` (see `runtime.Slow`): the
    caller then runs the full function, so results and diagnostics never differ."""

    helper_names = frozenset(HELPERS) | frozenset(FAST_HELPERS)
    known: dict[str, Value]

    def __init__(self, program: Program, mod: SharedModule, fname: str) -> None:
        super().__init__(program, mod, fname)
        #: a cohort quantity's function has no cohort to read (see `quantity`)
        self.no_cohort = False

    # ------------------------------------------------------------ values
    def const(self, value: Fraction) -> Value:
        value = Fraction(value)
        if value.denominator == 1:
            return ("i", lit(int(value)))
        return ("r", lit(value.numerator), lit(value.denominator))

    @staticmethod
    def _atomic(e: ast.expr) -> bool:
        return isinstance(e, (ast.Name, ast.Constant))

    def atom(self, e: ast.expr, pre: list[ast.stmt]) -> ast.expr:
        if self._atomic(e):
            return e
        t = self.fresh("t")
        pre.append(assign(t, e))
        return load(t)

    def bind(self, ident: str, v: Value, pre: list[ast.stmt]) -> Value:
        """Assign ``v`` to ``ident`` (and its denominator) and return the named value."""
        if v[0] == "i":
            pre.append(assign(ident, v[1]))
            return ("i", load(ident))
        pre.append(assign(ident, v[1]))
        pre.append(assign(_den(ident), v[2]))
        return ("r", load(ident), load(_den(ident)))

    @staticmethod
    def _mul(a: ast.expr, b: ast.expr) -> ast.expr:
        if isinstance(a, ast.Constant) and a.value == 1:
            return b
        if isinstance(b, ast.Constant) and b.value == 1:
            return a
        return ast.BinOp(a, ast.Mult(), b)

    def add_pairs(self, a: Value, b: Value, op: ast.operator, pre: list[ast.stmt]) -> Value:
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

    def mul(self, a: Value, b: Value) -> Value:
        if a[0] == "i" and b[0] == "i":
            return ("i", self._mul(a[1], b[1]))
        if a[0] == "i":
            return ("r", self._mul(a[1], b[1]), b[2])
        if b[0] == "i":
            return ("r", self._mul(a[1], b[1]), a[2])
        return ("r", self._mul(a[1], b[1]), self._mul(a[2], b[2]))

    def div_pairs(self, a: Value, b: Value, pre: list[ast.stmt]) -> Value:
        # a zero divisor (CDS610) or a negative one: the full path decides
        bn = self.atom(b[1], pre)
        if not (isinstance(bn, ast.Constant) and isinstance(bn.value, int) and bn.value > 0):
            pre.append(ast.If(ast.Compare(bn, [ast.LtE()], [lit(0)]), [ast.Raise(load("_SLOW"), None)], []))
        if b[0] == "i":
            if a[0] == "i":
                return ("r", a[1], bn)
            return ("r", a[1], self._mul(a[2], bn))
        if a[0] == "i":
            return ("r", self._mul(a[1], b[2]), bn)
        return ("r", self._mul(a[1], b[2]), self._mul(a[2], bn))

    def compare_pairs(self, a: Value, op: ast.cmpop, b: Value) -> ast.expr:
        if a[0] == "i" and b[0] == "i":
            return ast.Compare(a[1], [op], [b[1]])
        if a[0] == "i":
            return ast.Compare(self._mul(a[1], b[2]), [op], [b[1]])
        if b[0] == "i":
            return ast.Compare(a[1], [op], [self._mul(b[1], a[2])])
        return ast.Compare(self._mul(a[1], b[2]), [op], [self._mul(b[1], a[2])])

    # ------------------------------------------------------------ reading names
    def read_stmt(self, key: str, ident: str) -> tuple[list[ast.stmt], Value]:
        try:
            spec = self.p.input(key)
        except KeyError:
            spec = None
        kind = spec.reading if spec is not None else "number"
        if kind == "percent":  # `45` means 45%: the exact path reads it
            raise _Unsupported("a percent input")
        nonneg = kind in runtime.NON_NEGATIVE
        # not an int, negative where it cannot be, or too large (`runtime.HUGE`): `_fast_read` decides
        low = lit(0) if nonneg else ast.UnaryOp(ast.USub(), lit(runtime.HUGE))
        bad: ast.expr = ast.BoolOp(ast.Or(), [
            ast.Compare(call("type", load(ident)), [ast.IsNot()], [load("int")]),
            ast.UnaryOp(ast.Not(), ast.Compare(low, [ast.LtE() if nonneg else ast.Lt(), ast.Lt()],
                                               [load(ident), lit(runtime.HUGE)]))])
        if spec is not None and spec.constant is not None:
            default = Fraction(spec.constant)
            if default.denominator != 1:
                raise _Unsupported("a non-whole default value")
            slow = call("_fast_read_or", load(ident), lit(int(default)), lit(nonneg))
        else:
            slow = call("_fast_read", load(ident), lit(nonneg))
        get = ast.Call(ast.Attribute(load("inputs"), "get", ast.Load()), [lit(key)], [])
        return [assign(ident, get), ast.If(bad, [assign(ident, slow)], [])], ("i", load(ident))

    def recall(self, name: str) -> Value:
        value: Value = self.known[name]
        return value

    def read_named(self, key: str, slot: str) -> Value:
        out, value = self.read_stmt(key, slot)
        self.pre.extend(out)
        return value

    def remember(self, name: str, slot: str, value: Value) -> Value:
        self.known[name] = value
        return value

    def remember_step(self, name: str, slot: str, step: Any, value: Value) -> Value:
        bound = self.known[name] = self.bind(slot, value, self.pre)
        return bound

    def unknown_name(self, name: str, node: Any) -> Value:
        raise _Unsupported(name)

    def check_part_whole(self, pw: Any, step: Any, part: Value, whole: Value) -> None:
        # a part larger than its whole (CDS614): the full path reports it
        self.pre.append(ast.If(self.compare_pairs(part, ast.Gt(), whole), [ast.Raise(load("_SLOW"), None)], []))

    # ------------------------------------------------------------ expressions and conditions
    def expr(self, e: Any, known: dict[str, Value], pre: list[ast.stmt]) -> Value:
        """``e`` as an int or a pair over the names in ``known``; statements it needs go to ``pre``."""
        saved = self.known, self.pre
        self.known, self.pre = known, pre
        try:
            value: Value = self.value(e)
            return value
        finally:
            self.known, self.pre = saved

    # the operations of `meaning.Meaning` on ("i", int) / ("r", numerator, denominator) values
    def named(self, name: str, node: Any) -> Value:
        value: Value = self.known[name]
        return value

    def item(self, key: str) -> Value:
        value: Value = self.known[key]
        return value

    def add(self, a: Value, b: Value) -> Value:
        return self.add_pairs(a, b, ast.Add(), self.pre)

    def sub(self, a: Value, b: Value) -> Value:
        return self.add_pairs(a, b, ast.Sub(), self.pre)

    def div(self, a: Value, b: Value, node: Any) -> Value:
        return self.div_pairs(a, b, self.pre)

    def neg(self, a: Value) -> Value:
        return ("i", ast.UnaryOp(ast.USub(), a[1])) if a[0] == "i" else ("r", ast.UnaryOp(ast.USub(), a[1]), a[2])

    def cohort_stat(self, key: str, func: str) -> Value:
        """The cohort's highest (``func == "max"``) or lowest value of quantity ``key`` as a
        pair, read with `runtime.fast_stat` (no cohort, no value or not exact: `_SLOW`)."""
        ln, ld, hn, hd = self.stat_names(key, self.pre)
        return ("r", hn, hd) if func == "max" else ("r", ln, ld)

    def unknown(self, e: Any) -> Value:
        raise _Unsupported(type(e).__name__)

    def need_subject(self, subject: Any, c: Any) -> Any:
        if subject is None:
            raise _Unsupported("no subject")
        return subject

    def hold(self, v: Value) -> Value:
        pre = self.pre
        return ("i", self.atom(v[1], pre)) if v[0] == "i" else ("r", self.atom(v[1], pre), self.atom(v[2], pre))

    def compare(self, a: Value, op: str, b: Value) -> ast.expr:
        return self.compare_pairs(a, COMPARE_OPS[op](), b)

    def stat_names(self, key: str, pre: list[ast.stmt]) -> tuple[ast.Name, ...]:
        """``ln, ld, hn, hd = _fast_stat(cohort, key)``: lowest and highest value as pairs."""
        if self.no_cohort:
            raise _Unsupported("cohort value in a cohort quantity")
        i = self.fresh("st")
        names = [f"{i}_ln", f"{i}_ld", f"{i}_hn", f"{i}_hd"]
        pre.append(ast.Assign([ast.Tuple([store(x) for x in names], ast.Store())],
                              call("_fast_stat", load("cohort"), lit(key))))
        return tuple(load(x) for x in names)

    # ------------------------------------------------------------ scoring
    def set_target(self, target: str, v: Value) -> list[ast.stmt]:
        if v[0] == "i":
            return [assign(target, v[1]), assign(_den(target), lit(1))]
        return [assign(target, v[1]), assign(_den(target), v[2])]

    def scoring(self, sc: Any, target: str, known: dict[str, Value]) -> list[ast.stmt]:
        """The statements setting ``target`` and its denominator to the points of a part scored by ``sc``."""
        saved = self.known, self.pre, self.target
        self.known, self.pre, self.target = known, [], target
        try:
            value = self.score(sc)
            out = self.pre
            if value is not None:
                out.extend(self.set_target(target, value))
            return out
        finally:
            self.known, self.pre, self.target = saved

    def read_input(self, key: str, base: str) -> Value:
        out, value = self.read_stmt(key, self.fresh(base))
        self.pre.extend(out)
        return value

    def items_sum(self, sc: SumItemsScoring) -> Value:
        s = self.fresh("sum")
        self.pre.append(assign(s, call("_items_sum", load("item_points"), lit(sc.first), lit(sc.last))))
        return ("r", ast.Attribute(load(s), "numerator", ast.Load()), ast.Attribute(load(s), "denominator", ast.Load()))

    def cohort_points(self, sc: CohortScoring, x: Value) -> None:
        if x[0] != "i":  # a computed ratio (`Tỷ lệ = a/b`): the full path ranks it
            raise _Unsupported("cohort method on a fraction")
        self.pre.extend(self.cohort_scoring(sc, self.target, x))

    def cohort_scoring(self, sc: CohortScoring, target: str, x: Value) -> list[ast.stmt]:
        """`runtime.minmax_points` / `runtime.ratio_points` on an int ``x`` and the cohort's
        lowest ``ln/ld`` and highest ``hn/hd``, in integer arithmetic; the same rules
        (all equal, best = 0, x = 0 when fewer is better).  A zero or negative
        denominator (``low > high``, a negative best) goes to the full path."""
        out: list[ast.stmt] = []
        xv = x[1]
        ln, ld, hn, hd = self.stat_names(f"{self.part}:{sc.subject_key}", out)
        mx = Fraction(self.p.max_points)
        mn, md = lit(mx.numerator), lit(mx.denominator)
        slow: list[ast.stmt] = [ast.Raise(load("_SLOW"), None)]

        def pair(num: ast.expr, den: ast.expr) -> list[ast.stmt]:
            return [assign(target, num), assign(_den(target), den)]

        def mul(*xs: ast.expr) -> ast.expr:
            e = xs[0]
            for y in xs[1:]:
                e = self._mul(e, y)
            return e

        if sc.method == "minmax":
            # max - min as a pair: (hn*ld - ln*hd) / (hd*ld), > 0 unless all are equal
            span = self.fresh("span")
            out.append(assign(span, ast.BinOp(mul(hn, ld), ast.Sub(), mul(ln, hd))))
            if sc.direction == "max":
                equal: list[ast.stmt] = [ast.If(ast.Compare(hn, [ast.Eq()], [lit(0)]), pair(lit(0), lit(1)),
                                                pair(mn, md))]
                # max * (x*ld - ln) / ld / span * hd*ld
                value = pair(mul(mn, ast.BinOp(mul(xv, ld), ast.Sub(), ln), hd), mul(md, load(span)))
            else:
                equal = pair(mn, md)
                # max * (hn - x*hd) / hd / span * hd*ld
                value = pair(mul(mn, ast.BinOp(hn, ast.Sub(), mul(xv, hd)), ld), mul(md, load(span)))
            out.append(ast.If(ast.Compare(load(span), [ast.Eq()], [lit(0)]), equal,
                              [ast.If(ast.Compare(load(span), [ast.Lt()], [lit(0)]), slow, [])] + value))
            return out
        if sc.direction == "max":
            # best = 0: everyone 0; else max * x / best
            out.append(ast.If(ast.Compare(hn, [ast.Eq()], [lit(0)]), pair(lit(0), lit(1)),
                              [ast.If(ast.Compare(hn, [ast.Lt()], [lit(0)]), slow, [])]
                              + pair(mul(mn, xv, hd), mul(md, hn))))
            return out
        # fewer is better: x = 0 is the best (max); else max * best / x
        out.append(ast.If(ast.Compare(xv, [ast.Eq()], [lit(0)]), pair(mn, md),
                          [ast.If(ast.Compare(xv, [ast.Lt()], [lit(0)]), slow, [])]
                          + pair(mul(mn, ln), mul(md, ld, xv))))
        return out

    def matched(self, sc: CaseScoring, index: int, value: Value) -> None:
        self.pre.extend(self.set_target(self.target, value))

    def no_match(self, sc: CaseScoring) -> None:
        self.pre.append(ast.Raise(load("_SLOW"), None))  # no case matches: CDS612, the full path warns

    def pick(self, sc: CaseScoring, options: list[int]) -> str:
        chosen = self.fresh("chosen")
        get = ast.Call(ast.Attribute(load("inputs"), "get", ast.Load()), [lit(sc.choice_key)], [])
        # one option given by its number (the usual case) inline, anything else via `runtime.fast_pick`
        plain = ast.BoolOp(ast.And(), [ast.Compare(call("type", load(chosen)), [ast.Is()], [load("int")]),
                                       ast.Compare(lit(0), [ast.Lt(), ast.LtE()], [load(chosen), lit(len(options))])])
        self.pre += [assign(chosen, get),
                     ast.If(plain,
                            [assign(chosen, ast.Tuple([ast.BinOp(load(chosen), ast.Sub(), lit(1))], ast.Load()))],
                            [assign(chosen, call("_fast_pick", load(chosen), lit(len(options)),
                                                 lit(sc.mode == "cumulative")))])]
        return chosen

    def chosen_total(self, sc: CaseScoring, options: list[int], chosen: str) -> None:
        target, known, out = self.target, self.known, self.pre
        out.extend(self.set_target(target, ("i", lit(0))))
        for j, i in enumerate(options):
            self.known, self.pre = dict(known), []
            v = self.option_value(sc, i)
            body = self.pre
            if v[0] == "i":
                body.append(assign(target, ast.BinOp(load(target), ast.Add(),
                                                     self._mul(v[1], load(_den(target))))))
            else:
                vn, vd = self.atom(v[1], body), self.atom(v[2], body)
                body.append(ast.Assign([ast.Tuple([store(target), store(_den(target))], ast.Store())],
                                       ast.Tuple([ast.BinOp(self._mul(load(target), vd), ast.Add(),
                                                            self._mul(vn, load(_den(target)))),
                                                  self._mul(load(_den(target)), vd)], ast.Load())))
            self.known, self.pre = known, out
            out.append(ast.If(ast.Compare(lit(j), [ast.In()], [load(chosen)]), body, []))

    def nothing_chosen(self, sc: CaseScoring) -> None:
        self.pre.append(ast.Raise(load("_SLOW"), None))  # nothing chosen: CDS600, the full path reports it

    # ------------------------------------------------------------ the parts, their sum, caps
    def part_points(self, part: Any) -> Value:
        target = self.local(f"điểm phần {part.index + 1}") if len(self.p.parts) > 1 else self.local("điểm")
        self.known = {}
        if part.scoring is None:
            self.pre.extend(self.set_target(target, ("i", lit(0))))
        else:
            self.pre.extend(self.scoring(part.scoring, target, self.known))
        return ("r", load(target), load(_den(target)))

    def total(self, values: list[Value]) -> Value:
        if len(values) == 1:
            return values[0]
        total = self.local("tổng")
        v = values[0]
        for x in values[1:]:
            v = self.add_pairs(v, x, ast.Add(), self.pre)
        self.pre.extend(self.set_target(total, v))
        return ("r", load(total), load(_den(total)))

    def at_most(self, value: Value, limit: Value, line: Any) -> Value:
        """``if v > limit: v = limit`` on the indicator's total (its variables), or on fresh variables
        holding a per-item line's sum."""
        pre = self.pre
        if line is None and value[0] == "r" and isinstance(value[1], ast.Name):
            var = value[1].id
        else:
            var = self.fresh("capped")
            pre.extend(self.set_target(var, value))
        limit = ("i", self.atom(limit[1], pre)) if limit[0] == "i" else \
            ("r", self.atom(limit[1], pre), self.atom(limit[2], pre))
        current: Value = ("r", load(var), load(_den(var)))
        pre.append(ast.If(self.compare_pairs(current, ast.Gt(), limit), self.set_target(var, limit), []))
        return current

    # ------------------------------------------------------------ function
    def function(self) -> ast.FunctionDef:
        body: list[ast.stmt] = [ast.Expr(lit(f"{doc_text(self.p.item or 'công thức')}: đường nhanh (số nguyên); "
                                            "trả về (tử số, mẫu số) hoặc dừng bằng _SLOW"))]
        self.known, self.pre = {}, body
        tv = self.program_points()  # the parts, their sum and the cap: `meaning.Meaning.program_points`
        total = tv[1].id
        # outside [0, max] (CDS613): the full path clamps and warns
        out_of_range = ast.BoolOp(ast.Or(), [ast.Compare(load(total), [ast.Lt()], [lit(0)]),
                                             self.compare_pairs(tv, ast.Gt(), self.const(self.p.max_points))])
        body.append(ast.If(out_of_range, [ast.Raise(load("_SLOW"), None)], []))
        body.append(ast.Return(ast.Tuple([load(total), load(_den(total))], ast.Load())))
        args = ast.arguments(posonlyargs=[], args=[ast.arg("inputs"), ast.arg("cohort"), ast.arg("item_points")],
                             kwonlyargs=[], kw_defaults=[], defaults=[lit(None), lit(None)], vararg=None, kwarg=None)
        return function_def(self.fname, args, body)


def build_fast_quantity(program: Program, mod: SharedModule, q: Any) -> ast.FunctionDef | None:
    """``f(inputs) -> (numerator, denominator)``: one cohort quantity (`cohort.Quantity`) on
    plain ints, raising `runtime.Slow` when the full quantity function must decide."""
    fname = mod.globals(f"luong {q.key} nhanh")
    gen = FastGen(program, mod, fname)
    gen.no_cohort = True
    gen.part = q.part
    gen.steps = {s.name: s for s in program.parts[q.part].steps}
    try:
        if q.input_key is not None:
            body, v = gen.read_stmt(q.input_key, gen.ident("giá trị"))
        else:
            known: dict[str, Value] = {}
            body = gen.need([q.expr], known)
            v = gen.expr(q.expr, known, body)
    except (_Unsupported, KeyError):
        return None
    value = ast.Tuple([v[1], lit(1)] if v[0] == "i" else [v[1], v[2]], ast.Load())
    args = ast.arguments(posonlyargs=[], args=[ast.arg("inputs")], kwonlyargs=[], kw_defaults=[], defaults=[],
                         vararg=None, kwarg=None)
    return function_def(fname, args, body + [ast.Return(value)])


def build_fast_function(program: Program, mod: SharedModule) -> ast.FunctionDef | None:
    """The fast function of ``program`` (see `FastGen`), or None when it has none."""
    if formula_errors(program):
        return None
    fname = mod.globals(function_name(program.item) + " nhanh")
    try:
        return FastGen(program, mod, fname).function()
    except (_Unsupported, KeyError):
        return None


