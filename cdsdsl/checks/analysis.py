"""Analyses shared by the lint rules: the lint context, percent slips, the subjects of case lists.

Takes: a resolved `Program` and its `Formula`'s `Source`.
Returns: a `LintContext` holding per part a `PartTyper` (types, ranges), the percent slips
(`Slip`: a bare number where a percent was meant) and, for every case list over one numeric
subject, a `CaseAnalysis` (`coverage`: which case wins each piece of the number line), built
here from the program by `analyse_cases`.  The rules in this package turn these facts into
diagnostics; nothing here reports.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable, Iterator

import attrs

from cdsdsl.checks.coverage import (
    CaseAnalysis,
    NumCase,
    Piece,
    condition_range,
    fmt_subject_value,
    make_pieces,
    piece_span,
    pieces_between,
)
from cdsdsl.diagnostics.core import Diagnostic, Severity
from cdsdsl.semantics.resolve import CaseScoring, PartProgram, Program, condition_bounds, uses_cohort
from cdsdsl.semantics.typesys import COUNT, RATIO, UNIT, Interval, PartTyper, TypeIssue
from cdsdsl.syntax import nodes as n
from cdsdsl.text.source import Source, Span

__all__ = ["LintContext", "CaseAnalysis", "Slip", "Piece", "find_slips", "analyse_cases", "make_pieces",
           "fmt_subject_value", "UNIT"]

#: a finding reported once per formula set (`LintContext.fact`): (code, item, span, source, data)
Fact = tuple[str, "str | None", "Span | None", "Source | None", dict[str, Any]]


@attrs.frozen
class Slip:
    """A bare number where a percent was meant: ``Tỷ lệ <80`` (``big``: > 1, nonsense
    for a ratio) or ``≥ 0,5 mục 5.12.1`` among levels written with ``%``."""

    number: n.Number
    where: Any  # the Compare / Range / BinOp holding it
    big: bool
    division: bool = False



class LintContext:
    """Everything a lint rule needs about one program, and where its findings go."""

    def __init__(self, program: Program, *, facts: list[Fact] | None = None) -> None:
        self.program = program
        self.formula = program.formula
        self.source: Source | None = program.formula.source
        self.item = program.item
        self.max_points = program.max_points
        self.max_known = True
        self.type_issues: list[TypeIssue] = []
        self.typers = [PartTyper(program, part, self.type_issues.append) for part in program.parts]
        self.facts = facts if facts is not None else []
        self._slips: list[Slip] | None = None
        self._analyses: list[CaseAnalysis] | None = None
        # listed once, read by several rules: id(expr) -> tuple(expr.walk()); part -> its expressions
        self._nodes: dict[int, tuple[n.Node, ...]] = {}
        self._exprs: dict[int, tuple[Any, ...]] = {}

    # -- reporting ---------------------------------------------------------
    def diag(self, code: str, span: Span | None, *, severity: Severity | None = None, **args: Any) -> Diagnostic:
        return Diagnostic.make(code, span, source=self.source, item=self.item, severity=severity, **args)

    def fact(self, code: str, span: Span | None, **data: Any) -> None:
        """A finding reported once per formula set (see `check.aggregate`)."""
        self.facts.append((code, self.item, span, self.source, data))

    def text(self, node_or_span: Any) -> str:
        span = node_or_span if isinstance(node_or_span, Span) else node_or_span.span
        if self.source is None:
            return ""
        return " ".join(self.source.excerpt(span).split())

    # -- shared analyses ---------------------------------------------------
    def typer_of(self, part: int) -> PartTyper:
        return self.typers[part]

    def nodes(self, expr: n.Node) -> tuple[n.Node, ...]:
        """``tuple(expr.walk())``, walked once per context: the rules walk the same expressions.
        (The listing starts with ``expr`` and keeps it alive: its ``id`` names it for the context's lifetime.)"""
        nodes = self._nodes.get(id(expr))
        if nodes is None:
            nodes = self._nodes[id(expr)] = tuple(expr.walk())
        return nodes

    def part_exprs(self, part: int) -> tuple[Any, ...]:
        """The expressions of part ``part`` (see `_part_exprs`), listed once per context."""
        exprs = self._exprs.get(part)
        if exprs is None:
            exprs = self._exprs[part] = tuple(_part_exprs(self.program.parts[part]))
        return exprs

    @property
    def needs_cohort(self) -> bool:
        """`Program.needs_cohort`, from the node lists of this context."""
        return uses_cohort(self.program, self.nodes)

    @property
    def slips(self) -> list[Slip]:
        if self._slips is None:
            self._slips = find_slips(self)
        return self._slips

    @property
    def slip_numbers(self) -> dict[int, Slip]:
        return {id(s.number): s for s in self.slips}

    @property
    def analyses(self) -> list[CaseAnalysis]:
        if self._analyses is None:
            self._analyses = []
            for idx, part in enumerate(self.program.parts):
                if isinstance(part.scoring, CaseScoring):
                    a = analyse_cases(self, idx, part.scoring)
                    if a is not None:
                        self._analyses.append(a)
        return self._analyses

    def case_scorings(self) -> Iterator[tuple[int, CaseScoring]]:
        for idx, part in enumerate(self.program.parts):
            if isinstance(part.scoring, CaseScoring):
                yield idx, part.scoring


# ---------------------------------------------------------------- subjects

#: a threshold's value, the item it is a share of (``2,5% mục 5.12.1``) and whether it is written as a percent
Threshold = tuple[Fraction, "str | None", bool]


def _threshold(expr: Any, slips: dict[int, Slip]) -> Threshold | None:
    """(value, item referred to, written as a percent) of a threshold; a slipped
    bare number is read as the percent that was meant."""
    rule = _THRESHOLD_RULES.get(type(expr))
    return None if rule is None else rule(expr, slips)


def _number_threshold(expr: n.Number, slips: dict[int, Slip]) -> Threshold | None:
    s = slips.get(id(expr))
    return (expr.value / 100 if s is not None else expr.value), None, s is not None


def _percent_threshold(expr: n.Percent, slips: dict[int, Slip]) -> Threshold | None:
    return expr.value, None, True


def _binop_threshold(expr: n.BinOp, slips: dict[int, Slip]) -> Threshold | None:
    if expr.op == "*":
        for coef, ref in ((expr.left, expr.right), (expr.right, expr.left)):
            if isinstance(ref, n.ItemRef):
                t = _threshold(coef, slips)
                if t is not None and t[1] is None:
                    return t[0], ref.item, t[2]
    if expr.op == "/":
        a, b = _threshold(expr.left, slips), _threshold(expr.right, slips)
        if a and b and a[1] is None and b[1] is None and b[0] != 0:
            return a[0] / b[0], None, a[2] or b[2]
    return None


#: the threshold each kind of expression writes (`_threshold`); another is not one
_THRESHOLD_RULES: dict[type, Callable[[Any, dict[int, Slip]], Threshold | None]] = {
    n.Number: _number_threshold,
    n.Percent: _percent_threshold,
    n.BinOp: _binop_threshold,
}


def _subject_of(cond: Any, default: Any) -> Any:
    if isinstance(cond, n.Compare):
        return cond.left if cond.left is not None else default
    if isinstance(cond, n.Range):
        return cond.subject if cond.subject is not None else default
    return None


def subject_is_ratio(ctx: LintContext, part: int, subject: Any) -> bool:
    if subject is None:
        return False
    return ctx.typer_of(part).type_of(subject).kind == RATIO


# ---------------------------------------------------------------- slips

def find_slips(ctx: LintContext) -> list[Slip]:
    """The bare numbers where a percent was meant: in the thresholds of conditions over a ratio,
    then in divisions of a ratio."""
    return _threshold_slips(ctx) + _division_slips(ctx)


def _threshold_slips(ctx: LintContext) -> list[Slip]:
    """``Tỷ lệ <80`` (a bare number > 1 compared with a ratio), and a bare number among thresholds
    written with ``%`` (``≥ 0,5 mục 5.12.1``)."""
    out: list[Slip] = []
    for idx, sc in ctx.case_scorings():
        subject = sc.subject
        conds = [c.condition for c in sc.cases.cases if isinstance(c.condition, (n.Compare, n.Range))]
        percents = sum(1 for c in conds for b in condition_bounds(c) if _coef_kind(b) == "percent")
        for cond in conds:
            subj = _subject_of(cond, subject)
            ratio = subject_is_ratio(ctx, idx, subj)
            for b in condition_bounds(cond):
                num, rel = _bare_number(b)
                if num is None:
                    continue
                if not (ratio or rel):
                    continue
                if num.value > 1:
                    out.append(Slip(num, cond, True))
                elif percents and num.value > 0:
                    out.append(Slip(num, cond, False))
    return out


def _division_slips(ctx: LintContext) -> list[Slip]:
    """A ratio divided by a bare number: ``Tỷ lệ/80*Điểm tối đa`` next to ``Tỷ lệ >= 80%``
    (``Tỷ lệ* 1/2*Điểm tối đa`` reads (Tỷ lệ*1)/2 and is not one)."""
    out: list[Slip] = []
    for idx in range(len(ctx.program.parts)):
        typer = ctx.typer_of(idx)
        for expr in ctx.part_exprs(idx):
            for node in ctx.nodes(expr):
                if (isinstance(node, n.BinOp) and node.op == "/" and isinstance(node.right, n.Number)
                        and isinstance(typer.resolve_alias(node.left), n.Name)
                        and node.right.value > 1
                        and (node.right.value >= 10 or node.right.value in _written_percents(ctx, idx))
                        and typer.type_of(node.left).kind == RATIO):
                    out.append(Slip(node.right, node, True, division=True))
    return out


def _written_percents(ctx: LintContext, idx: int) -> set[Fraction]:
    """The percents written in part ``idx`` (expressions and conditions), in percent: ``80%`` → 80."""
    exprs = list(ctx.part_exprs(idx))
    scoring = ctx.program.parts[idx].scoring
    if isinstance(scoring, CaseScoring):
        exprs.extend(c.condition for c in scoring.cases.cases)
    return {x.value * 100 for e in exprs for x in ctx.nodes(e) if isinstance(x, n.Percent)}


def _part_exprs(part: PartProgram) -> Iterator[Any]:
    for step in part.steps:
        if step.expr is not None:
            yield step.expr
    sc = part.scoring
    if sc is None:
        return
    if hasattr(sc, "expr"):
        yield sc.expr
    if isinstance(sc, CaseScoring):
        for c in sc.cases.cases:
            yield c.result


def _coef_kind(expr: Any) -> str | None:
    if isinstance(expr, n.Percent):
        return "percent"
    if isinstance(expr, n.Number):
        return "number"
    if isinstance(expr, n.BinOp) and expr.op == "*":
        for side in (expr.left, expr.right):
            if isinstance(side, (n.Percent, n.Number)):
                return _coef_kind(side)
    return None


def _bare_number(expr: Any) -> tuple[n.Number | None, bool]:
    """The bare number of a threshold (``80``, ``0,5`` in ``0,5 mục 5.12.1``) and whether it is relative."""
    if isinstance(expr, n.Number):
        return expr, False
    if isinstance(expr, n.BinOp) and expr.op == "*":
        if isinstance(expr.left, n.Number) and isinstance(expr.right, n.ItemRef):
            return expr.left, True
        if isinstance(expr.right, n.Number) and isinstance(expr.left, n.ItemRef):
            return expr.right, True
    return None, False


# ---------------------------------------------------------------- coverage

#: a numeric case: (its position in the list, the case, its condition, its threshold values)
_NumericCase = tuple[int, n.Case, Any, list[Fraction]]


def analyse_cases(ctx: LintContext, part: int, sc: CaseScoring) -> CaseAnalysis | None:
    """The coverage of a case list whose conditions compare one subject with constant thresholds
    (see `coverage`); None for another case list (a ``cao nhất`` case, several subjects, a
    threshold that is not a constant, thresholds relative to different indicators)."""
    typer = ctx.typer_of(part)
    found = _numeric_cases(typer, sc, ctx.slip_numbers)
    if found is None:
        return None
    numeric, subject_expr, relative = found
    subject_name = subject_expr.name
    rel = next(iter(relative)) if relative else None
    ty = typer.type_of(subject_expr)
    integer = ty.kind == COUNT and rel is None
    if rel is not None:
        dom = Interval(Fraction(0), None, True, False)
    else:
        dom = typer.range_of(subject_expr)
    points = [v for _, _, _, vals in numeric for v in vals]
    if dom.lo is not None:
        points.append(dom.lo)
    if dom.hi is not None:
        points.append(dom.hi)
    pieces = make_pieces(points)
    cut = {p.lo: i for i, p in enumerate(pieces[1::2]) if p.lo is not None}  # (every point has its lo)
    domain = pieces_between((dom.lo, dom.lo_closed, dom.hi, dom.hi_closed), cut, len(pieces))
    cases = []
    for i, case, cond, vals in numeric:
        bounds = condition_range(cond, vals)
        if bounds is None:
            return None
        cases.append(NumCase(i, case, *piece_span(bounds, cut, len(pieces))))
    label = _subject_label(ctx, typer, sc, subject_expr)
    return CaseAnalysis(sc, part, subject_name, label, integer,
                        ty.kind == RATIO or rel is not None, rel, tuple(pieces), domain, tuple(cases),
                        ty.what if ty.kind == RATIO and ty.what else None)


def _numeric_cases(typer: PartTyper, sc: CaseScoring,
                   slips: dict[int, Slip]) -> tuple[list[_NumericCase], n.Name, set[str | None]] | None:
    """The numeric cases of a case list (options left out), their one subject and the items their
    thresholds are shares of (None: not a share); None when the list is not over one subject."""
    numeric: list[_NumericCase] = []
    subject_expr: n.Name | None = None
    relative: set[str | None] = set()
    for i, case in enumerate(sc.cases.cases):
        cond = case.condition
        if isinstance(cond, n.Option):
            continue
        if isinstance(cond, n.Best):
            return None
        if isinstance(cond, n.Otherwise):
            numeric.append((i, case, cond, []))
            continue
        subj = typer.resolve_alias(_subject_of(cond, sc.subject)) if _subject_of(cond, sc.subject) is not None else None
        if not isinstance(subj, n.Name):
            return None
        if subject_expr is None:
            subject_expr = subj
        elif subj.name != subject_expr.name:
            return None
        vals = []
        for b in condition_bounds(cond):
            t = _threshold(b, slips)
            if t is None:
                return None
            vals.append(t[0])
            relative.add(t[1])
        numeric.append((i, case, cond, vals))
    if subject_expr is None or len(relative) > 1:
        return None
    return numeric, subject_expr, relative


def _subject_label(ctx: LintContext, typer: PartTyper, sc: CaseScoring, subject_expr: n.Name) -> str:
    """How the messages name the subject of a case list."""
    subject_name = subject_expr.name
    # a subject the conditions do not write (`- Từ 50% đến dưới 80%: …` after `Tỷ lệ = a/b`) is a name
    # resolve made with the place of the whole case list: its label is its name, not that text
    implied = subject_expr.span == sc.span
    label = ctx.text(subject_expr) if subject_expr.span.end and not implied else (subject_expr.text or subject_name)
    if subject_name == "x" or not label:
        spec = typer.spec("x") if subject_name == "x" else None
        desc = " ".join(spec.description.split()) if spec is not None else ""
        label = f"x ({desc[:40]}{'…' if len(desc) > 40 else ''})" if desc else subject_name
    return label
