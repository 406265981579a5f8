"""Compile a resolved `Program` to a plain Python function, by building `ast` nodes.

Takes: `Program`s (from `resolve`).
Returns: `CompiledFormula` (call it with one unit's inputs: the same `Outcome`
points and warnings as `interpret.evaluate_program`, without the trace) and,
for ``cds compile``, `module_source(programs)`: the text of an importable
module that needs only the standard library (`standalone_runtime` is copied in whole).

The functions are built by `codegen_exact.ExactGen` (exact Fractions) and
`codegen_fast.FastGen` (ints), both back ends of `meaning.Meaning`, which says
once what each construct means; this module puts them together.

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
from types import SimpleNamespace
from typing import Any, Callable, Mapping, Sequence

from cdsdsl.diagnostics.core import CdsError, Diagnostic, ScoreError
from cdsdsl.evaluate import runtime, standalone_runtime
from cdsdsl.evaluate.codegen_ast import (
    HELPERS,
    SharedModule,
    assign,
    call,
    doc_text,
    function_def,
    helper_aliases,
    lit,
    load,
)
from cdsdsl.evaluate.codegen_ast import function_name as function_name  # public since before the split
from cdsdsl.evaluate.codegen_exact import ExactGen, build_function
from cdsdsl.evaluate.codegen_fast import FAST_HELPERS, build_fast_function, build_fast_quantity
from cdsdsl.evaluate.codegen_public import public_function
from cdsdsl.evaluate.cohort import needs_cohort_error
from cdsdsl.evaluate.interpret import (
    Outcome,
    Policy,
    check_program,
    fault_to_error,
    finish,
    fmt_subject,
)
from cdsdsl.semantics.resolve import CaseScoring, ExprScoring, PerItemScoring, PerItemsScoring, Program
from cdsdsl.syntax import nodes as n

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
        notes: list[tuple[Any, ...]] = []
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

        z = SimpleNamespace(expr=expr, span=span)
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
        elif isinstance(sc, (PerItemScoring, PerItemsScoring)):
            for line in sc.lines if isinstance(sc, PerItemsScoring) else (sc,):
                nodes.extend(line.points.walk())
                nodes.extend(line.cap.walk() if line.cap is not None else ())
        for node in nodes:
            if type(node) is n.BinOp and node.op == "/" and node.span == span:
                return part.index, node
    if program.cap is not None:
        for node in program.cap.walk():
            if type(node) is n.BinOp and node.op == "/" and node.span == span:
                return len(program.parts) - 1, node
    return None


def compile_program(program: Program) -> CompiledFormula:
    """Compile one Program (raises ScoreError CDS615 when it has resolution errors)."""
    check_program(program)
    mod = SharedModule()
    func = build_function(program, mod)
    fast = build_fast_function(program, mod)
    module = ast.Module(body=mod.const_defs() + [func], type_ignores=[])
    ast.fix_missing_locations(module)
    namespace: dict[str, Any] = {"__builtins__": __builtins__}
    for alias, target in HELPERS.items():
        namespace[alias] = Fraction if target == "Fraction" else getattr(runtime, target)
    for alias, target in FAST_HELPERS.items():
        namespace[alias] = getattr(runtime, target)
    code = compile(module, doc_text(f"<cdsdsl {program.item or 'formula'}>"), "exec")
    exec(code, namespace)  # noqa: S102 - code built from ast nodes, user text only in Constants
    fast_function, fast_source = None, ""
    if fast is not None:
        fast_module = ast.Module(body=[fast], type_ignores=[])
        ast.fix_missing_locations(fast_module)
        exec(compile(fast_module, doc_text(f"<cdsdsl {program.item or 'formula'} fast>"), "exec"),  # noqa: S102
             namespace)
        fast_function, fast_source = namespace[fast.name], ast.unparse(fast_module)
    return CompiledFormula(program, namespace[func.name], mod.spans, ast.unparse(module), fast_function,
                           fast_source)


def compile_quantities(program: Program) -> Callable[[Mapping[str, object]], dict[str, Any]]:
    """A function giving one unit's value of each cohort quantity (`cohort.cohort_quantities`):
    ``{key: Fraction}``, or the `runtime.Fault` that prevents computing it."""
    from cdsdsl.evaluate.cohort import cohort_quantities

    check_program(program)
    mod = SharedModule()
    funcs: list[tuple[str, str]] = []
    defs: list[ast.stmt] = []
    for q in cohort_quantities(program):
        gen = ExactGen(program, mod, mod.globals(f"luong {q.key}"))
        gen.part = q.part
        gen.steps = {s.name: s for s in program.parts[q.part].steps}
        known: dict[str, str] = {}
        if q.input_key is not None:
            body = [gen.read_stmt(q.input_key, "value"), ast.Return(load("value"))]
        else:
            body = gen.need([q.expr], known) + [ast.Return(gen.expr(q.expr, known))]
        args = ast.arguments(posonlyargs=[], args=[ast.arg("inputs")], kwonlyargs=[], kw_defaults=[], defaults=[],
                             vararg=None, kwarg=None)
        defs.append(function_def(gen.fname, args, body))
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
    exec(compile(module, doc_text(f"<cdsdsl quantities {program.item}>"), "exec"), namespace)  # noqa: S102
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
    function, max_points, fast = INDICATORS[item]
    if fast is not None and item_points is None:
        # the usual unit (whole figures, options by number): integers only, the same points
        try:
            num, den = fast(inputs, cohort)
        except (Slow, Fault, KeyError, AttributeError, TypeError):
            pass
        else:
            return round_pair(num, den, digits, rounding)
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


def decision_docstring(program: Program) -> str:
    """The docstring of an indicator's function in a compiled module: its id and maximum, then the
    decision's text as the ruleset gives it, each line through `quoting.quote` (one printable line)."""
    head = f"Chỉ số {program.item or ''}".strip() + f" (tối đa {runtime.fmt_vi(program.max_points)} điểm)"
    src = getattr(program.formula, "source", None)
    text = getattr(src, "text", "") or ""
    lines = [doc_text(line.rstrip()) for line in text.strip("\n").splitlines()]
    return "\n".join([doc_text(head), "", *("    " + line if line else "" for line in lines)]) + "\n    "


def _with_docstring(func: ast.FunctionDef, doc: str) -> ast.FunctionDef:
    body = func.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]
    func.body = [ast.Expr(lit(doc)), *body]
    return func


class _HugeName(ast.NodeTransformer):
    def visit_Constant(self, node: ast.Constant) -> Any:  # noqa: N802 - ast API
        return load("HUGE") if type(node.value) is int and node.value == runtime.HUGE else node


def _named_huge(func: ast.FunctionDef | None) -> ast.FunctionDef | None:
    """A fast function's bound on figures written ``HUGE`` (the runtime's 10**100) rather than 101 digits."""
    return None if func is None else _HugeName().visit(func)


def module_source(programs: Sequence[Program], *, title: str | None = None) -> str:
    """An importable module scoring ``programs`` with the standard library only: one function per
    indicator (the decision's text as its docstring) and, where there is one, its fast function on
    integers, which `score` tries first."""
    mod = SharedModule()
    funcs = [_with_docstring(build_function(p, mod), decision_docstring(p)) for p in programs]
    fasts = [_named_huge(build_fast_function(p, mod)) for p in programs]
    spans: list[ast.expr] = []
    for span, src in mod.spans:
        if span is not None and src is not None:
            line, col = src.position(span.start)
            spans.append(ast.Tuple([lit(line), lit(col), lit(src.excerpt(span))], ast.Load()))
        else:
            spans.append(lit(None))
    indicators = ast.Dict([lit(p.item) for p in programs],
                          [ast.Tuple([load(f.name), call("_Fraction", lit(p.max_points.numerator),
                                                           lit(p.max_points.denominator)),
                                      load(fast.name) if fast is not None else lit(None)], ast.Load())
                           for p, f, fast in zip(programs, funcs, fasts, strict=True)])
    of = f" của {doc_text(title)}" if title else ""
    doc = ast.Expr(lit(f"Điểm các chỉ số{of}, dịch bởi cdsdsl (cds compile).\n\n"
                       "Chỉ dùng thư viện chuẩn của Python. `score(\"1.3\", {\"a\": 7, \"b\": 21})` → Decimal."))
    fast_aliases = [assign(alias, load(target)) for alias, target in FAST_HELPERS.items() if alias not in HELPERS]
    body = ([doc] + _core_statements() + helper_aliases() + fast_aliases + mod.const_defs()
            + [assign("SPANS", ast.Tuple(spans, ast.Load()))]
            + [f for pair in zip(funcs, fasts, strict=True) for f in pair if f is not None]
            + [assign("INDICATORS", indicators)] + ast.parse(_MODULE_TAIL).body)
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

    The plain call is the fast one (`codegen_public`: integer arithmetic on the usual unit, the exact
    path otherwise, same points as the interpreter); ``f.outcome(inputs)`` gives the interpreter's
    `Outcome` (warnings, trace) and ``f.explain(inputs, lang="vi")`` its explanation.

    ``f = compile_formula("Tỷ lệ = a/b\\nĐiểm = Tỷ lệ * Điểm tối đa", 5); f({"a": 7, "b": 21}) == Decimal("1.67")``.
    Raises `CdsError` subclasses only (at compile time and at call time).
    """
    from cdsdsl.evaluate.interpret import check_rounding, policy_of
    from cdsdsl.semantics.resolve import max_points_value, resolve
    from cdsdsl.syntax.parser import parse_formula

    max_points = max_points_value(max_points)
    policy = policy_of(rounding, zero_division)
    check_rounding(policy)
    program = resolve(parse_formula(text), max_points, item=item, title=title, option_mode=option_mode,
                      cohort_method=cohort_method)
    return public_function(compile_program(program), policy)

__all__ = ["CompiledFormula", "compile_program", "compile_formula", "compile_quantities", "module_source"]

