"""The function `compile_formula` hands out: the fast path and the rounding in one body.

Takes: a `codegen.CompiledFormula` (its fast function's source, `codegen_fast`) and a
`Policy` (digits, rounding, division by zero).
Returns: ``points(inputs) -> Decimal``, a plain Python function whose body is the fast
function's (ints and numerator/denominator pairs, thresholds by integer
cross-multiplication: ``(b + c) * 5 >= 4 * a`` for ``(b+c)/a >= 80%``) with every
``return (numerator, denominator)`` replaced by the rounding, done on integers once
(``(2 * n * 100 + d) // (2 * d)`` for half-up to 2 digits), and the Decimal taken from a
table (`decimal_table`).  Whatever the fast body cannot decide (a figure that is
not an int, a missing input, a division by zero, no matching case, points outside
[0, max], inputs that are not a mapping) raises inside the ``try``; the function then
returns what the full path (`CompiledFormula`, exact Fractions) gives, warnings and
errors included.  So the plain call costs one Python function call on the usual unit;
warnings and the trace come from ``points.outcome(inputs)`` and ``points.explain(inputs)``.

No user text enters the code here: the body is the fast function's own (parsed back from
the source `codegen_fast` wrote, where user text is only in constants), and the names
this module adds are fixed.
"""
from __future__ import annotations

import ast
import copy
from decimal import Decimal
from typing import Any, Callable, Mapping

from cdsdsl.evaluate import runtime
from cdsdsl.evaluate.codegen_ast import doc_text
from cdsdsl.evaluate.interpret import Outcome, Policy, check_inputs, evaluate_program

#: what makes the plain call hand the unit to the full path
FALLBACK = (runtime.Slow, runtime.Fault, KeyError, AttributeError, TypeError)
#: ``a >= b`` and ``a < b`` (on ints, one is false exactly when the other is true)
_COMPLEMENT = {ast.GtE: ast.Lt, ast.Lt: ast.GtE, ast.Gt: ast.LtE, ast.LtE: ast.Gt}


#: a table of rounded points is filled in advance up to this many entries (then as values appear)
PREFILL = 20_001


def decimal_table(max_points: Any, digits: int) -> dict[int, Decimal]:
    """``{q: Decimal(q).scaleb(-digits)}`` for the points 0 … max in steps of 10^-digits when they are
    few (a plain dict: its lookup is the fastest there is), else empty, filled by the full path."""
    top = int(max_points * 10 ** digits)
    if top + 1 > PREFILL:
        return {}
    return {q: Decimal(q).scaleb(-digits) for q in range(top + 1)}


class _Rounding(ast.NodeTransformer):
    """``return (n, d)`` → ``return _DEC[<n/d rounded to an int number of 10^-digits>]``."""

    def __init__(self, digits: int, mode: str) -> None:
        self.scale = 10 ** digits
        self.mode = mode

    def visit_FunctionDef(self, node: ast.FunctionDef) -> Any:  # noqa: N802 - ast API
        if node is not self.top:  # a nested function keeps its own returns
            return node
        self.generic_visit(node)
        return node

    def visit_Return(self, node: ast.Return) -> Any:  # noqa: N802 - ast API
        value = node.value
        if not (isinstance(value, ast.Tuple) and len(value.elts) == 2):
            return ast.Raise(ast.Name("_SLOW", ast.Load()), None)
        num, den = value.elts
        scaled = num if self.scale == 1 else ast.BinOp(num, ast.Mult(), ast.Constant(self.scale))
        if self.mode == "half_up":  # n, d ≥ 0 here (the fast body gives up on negative points)
            q: ast.expr = ast.BinOp(ast.BinOp(ast.BinOp(ast.Constant(2), ast.Mult(), scaled), ast.Add(), den),
                                    ast.FloorDiv(), ast.BinOp(ast.Constant(2), ast.Mult(), den))
        else:  # truncate
            q = ast.BinOp(scaled, ast.FloorDiv(), den)
        return ast.Return(ast.Subscript(ast.Name("_DEC", ast.Load()), q, ast.Load()))

    def visit_Call(self, node: ast.Call) -> Any:  # noqa: N802 - ast API
        """``inputs.get("a")`` → ``inputs["a"]``: a missing input raises KeyError, which hands the
        unit to the full path (defaults and missing values are decided there)."""
        self.generic_visit(node)
        f = node.func
        if (isinstance(f, ast.Attribute) and f.attr == "get" and isinstance(f.value, ast.Name)
                and f.value.id == "inputs" and len(node.args) == 1 and not node.keywords
                and isinstance(node.args[0], ast.Constant)):
            return ast.Subscript(f.value, node.args[0], ast.Load())
        return node

    def visit_If(self, node: ast.If) -> Any:  # noqa: N802 - ast API
        """``if x >= y: ... elif x < y: ... else: raise`` → ``if x >= y: ... else: ...`` (ints are
        totally ordered, so the second test is true whenever the first is false)."""
        self.generic_visit(node)
        test, rest = node.test, node.orelse
        if (len(rest) == 1 and isinstance(rest[0], ast.If) and _complement(test, rest[0].test)):
            node.orelse = rest[0].body
        return node

    def rewrite(self, func: ast.FunctionDef) -> ast.FunctionDef:
        self.top = func
        return self.visit(func)  # type: ignore[no-any-return]


def _complement(a: ast.expr, b: ast.expr) -> bool:
    """Whether ``b`` is ``not a`` for a single comparison of the same two int expressions."""
    if not (isinstance(a, ast.Compare) and isinstance(b, ast.Compare)
            and len(a.ops) == len(b.ops) == 1 and type(a.ops[0]) in _COMPLEMENT):
        return False
    return (type(b.ops[0]) is _COMPLEMENT[type(a.ops[0])] and ast.dump(a.left) == ast.dump(b.left)
            and ast.dump(a.comparators[0]) == ast.dump(b.comparators[0]))


def _range_read(stmt: ast.stmt) -> tuple[str, bool] | None:
    """``(name, non-negative)`` when ``stmt`` is the fast body's check of a figure just read:
    ``if type(x) is not int or not <low> <= x < HUGE: x = _fast_read(x, nonneg)``."""
    if not (isinstance(stmt, ast.If) and not stmt.orelse and isinstance(stmt.test, ast.BoolOp)
            and isinstance(stmt.test.op, ast.Or) and len(stmt.test.values) == 2):
        return None
    kind, bound = stmt.test.values
    if not (isinstance(kind, ast.Compare) and isinstance(kind.left, ast.Call)
            and isinstance(kind.left.func, ast.Name) and kind.left.func.id == "type"
            and len(kind.left.args) == 1 and isinstance(kind.left.args[0], ast.Name)):
        return None
    name = kind.left.args[0].id
    if not (isinstance(bound, ast.UnaryOp) and isinstance(bound.op, ast.Not)
            and isinstance(bound.operand, ast.Compare) and len(bound.operand.comparators) == 2):
        return None
    cmp = bound.operand
    mid, top = cmp.comparators
    if not (isinstance(mid, ast.Name) and mid.id == name and isinstance(top, ast.Constant)
            and top.value == runtime.HUGE):
        return None
    return name, isinstance(cmp.left, ast.Constant) and cmp.left.value == 0


def _one_range_check(body: list[ast.stmt]) -> list[ast.stmt]:
    """The reads at the top of the body check each figure against ``HUGE`` (10^100) with two
    comparisons; one conservative test after them, ``a*a + b*b + c*c < HUGE**2``, costs less.
    When it fails (some figure may be too large) the full path decides, so nothing changes."""
    names: list[str] = []
    i = 0
    while i < len(body):
        stmt = body[i]
        read = _range_read(stmt)
        if read is not None and isinstance(stmt, ast.If) and isinstance(stmt.test, ast.BoolOp):
            name, nonneg = read
            kind = stmt.test.values[0]
            stmt.test = (ast.BoolOp(ast.Or(), [kind, ast.Compare(ast.Name(name, ast.Load()), [ast.Lt()],
                                                                  [ast.Constant(0)])])
                         if nonneg else kind)
            names.append(name)
        elif not (isinstance(stmt, ast.Assign) and isinstance(stmt.value, (ast.Call, ast.Subscript))):
            break
        i += 1
    if not names:
        return body
    squares: ast.expr = ast.BinOp(ast.Name(names[0], ast.Load()), ast.Mult(), ast.Name(names[0], ast.Load()))
    for name in names[1:]:
        squares = ast.BinOp(squares, ast.Add(),
                            ast.BinOp(ast.Name(name, ast.Load()), ast.Mult(), ast.Name(name, ast.Load())))
    check = ast.If(ast.Compare(squares, [ast.GtE()], [ast.Constant(runtime.HUGE ** 2)]),
                   [ast.Raise(ast.Name("_SLOW", ast.Load()), None)], [])
    return body[:i] + [check] + body[i:]


def _fused(compiled: Any, policy: Policy) -> ast.FunctionDef | None:
    """The fast function with the rounding inside and the fall-back around it, or None."""
    if compiled.fast is None or not compiled.fast_source or policy.digits < 0 \
            or policy.rounding not in ("half_up", "truncate"):
        return None
    tree = ast.parse(compiled.fast_source)
    funcs = [s for s in tree.body if isinstance(s, ast.FunctionDef)]
    if len(funcs) != 1:
        return None
    func = _Rounding(policy.digits, policy.rounding).rewrite(copy.deepcopy(funcs[0]))
    body = func.body
    doc = []
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        doc, body = [body[0]], body[1:]
    body = _one_range_check(body)
    handler = ast.ExceptHandler(ast.Name("_FALLBACK", ast.Load()), None,
                                [ast.Return(ast.Call(ast.Name("_full", ast.Load()),
                                                     [ast.Name("inputs", ast.Load())], []))])
    func.body = doc + [ast.Try(body, [handler], [], [])]
    func.name = "points"
    return func


def public_function(compiled: Any, policy: Policy) -> Callable[[Mapping[str, object]], Decimal]:
    """``points(inputs) -> Decimal`` for ``compiled`` under ``policy``, with ``.outcome``,
    ``.explain`` and ``.compiled`` (see the module docstring)."""

    table = decimal_table(compiled.program.max_points, policy.digits)

    def full(inputs: Mapping[str, object]) -> Decimal:
        check_inputs(inputs)
        points: Decimal = compiled(inputs, policy=policy).points
        if points >= 0 and len(table) < 10 * PREFILL:  # the fast body finds it next time
            table[int(points.scaleb(policy.digits))] = points
        return points

    func = _fused(compiled, policy)
    if func is None:
        points = full
    else:
        module = ast.Module(body=[func], type_ignores=[])
        ast.fix_missing_locations(module)
        namespace = dict(compiled.fast.__globals__)
        namespace.update(_DEC=table, _FALLBACK=FALLBACK, _full=full)
        exec(compile(module, doc_text(f"<cdsdsl {compiled.program.item or 'formula'} points>"), "exec"),  # noqa: S102
             namespace)
        points = namespace["points"]

    def outcome(inputs: Mapping[str, object], *, unit: str | None = None) -> Outcome:
        """The interpreter's `Outcome` for ``inputs``: exact points, rounded points, warnings, trace."""
        return evaluate_program(compiled.program, inputs, policy=policy, unit=unit)

    def explain(inputs: Mapping[str, object], *, lang: str = "vi", unit: str | None = None) -> str:
        """Lines explaining the points of ``inputs`` and the reason for the points lost (`explain_outcome`)."""
        from cdsdsl.evaluate.explain import explain_outcome

        return explain_outcome(outcome(inputs, unit=unit), lang=lang, unit=unit)

    points.compiled = compiled  # type: ignore[attr-defined]
    points.outcome = outcome  # type: ignore[attr-defined]
    points.explain = explain  # type: ignore[attr-defined]
    points.__doc__ = f"Điểm của công thức (tối đa {runtime.fmt_vi(compiled.program.max_points)})."
    return points
