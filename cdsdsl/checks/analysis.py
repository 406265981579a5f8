"""Analyses shared by the lint rules: the lint context, percent slips, case coverage.

Takes: a resolved `Program` and its `Formula`'s `Source`.
Returns: a `LintContext` holding per part a `PartTyper` (types, ranges) and,
for every case list over one numeric subject, a `CaseAnalysis`: the number
line cut at every threshold into elementary pieces (open intervals and single
points), which cases match each piece, and which case wins it (first match
wins).  Pieces are exact (Fractions); for an integer subject (a count) a piece
counts only if it holds an integer.  The rules in this package turn these
facts into diagnostics; nothing here reports.
"""
from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Iterator

import attrs

from cdsdsl.diagnostics.core import Diagnostic, Severity
from cdsdsl.semantics.resolve import CaseScoring, Program, condition_bounds, uses_cohort
from cdsdsl.semantics.typesys import COUNT, MONEY, RATIO, UNIT, Interval, PartTyper, TypeIssue, evaluate
from cdsdsl.syntax import nodes as n
from cdsdsl.text.source import Source, Span


@attrs.frozen
class Slip:
    """A bare number where a percent was meant: ``Tỷ lệ <80`` (``big``: > 1, nonsense
    for a ratio) or ``≥ 0,5 mục 5.12.1`` among levels written with ``%``."""

    number: n.Number
    where: Any  # the Compare / Range / BinOp holding it
    big: bool
    division: bool = False


@attrs.frozen
class Piece:
    """A piece of the number line cut at the thresholds: the open interval (``lo``, ``hi``) (a None
    bound is infinite) or, when ``point``, the single value ``lo`` == ``hi``."""

    lo: Fraction | None
    hi: Fraction | None
    point: bool

    @property
    def rep(self) -> Fraction:
        """A representative (real) value inside the piece."""
        lo, hi = self.lo, self.hi
        if self.point:
            return lo
        if lo is None:
            return Fraction(0) if hi is None else hi - 1
        return lo + 1 if hi is None else (lo + hi) / 2

    @property
    def int_rep(self) -> Fraction | None:
        """An integer inside the piece, if any."""
        lo, hi = self.lo, self.hi
        if self.point:
            return lo if lo.denominator == 1 else None
        if lo is None:
            return Fraction(0) if hi is None else Fraction(math.ceil(hi) - 1)
        above = Fraction(math.floor(lo) + 1)
        return above if hi is None or above < hi else None

    def witness(self, integer: bool) -> Fraction | None:
        return self.int_rep if integer else self.rep


@attrs.frozen
class NumCase:
    index: int  # index in Cases.cases
    case: n.Case
    #: the pieces matched by the condition: ``first`` to ``last`` (consecutive, see `_pieces_between`;
    #: empty when ``first > last``)
    first: int
    last: int

    @property
    def matches(self) -> frozenset[int]:
        """The pieces matched by the condition, as a set (built on demand: the rules use the ends)."""
        return frozenset(range(self.first, self.last + 1))


@attrs.frozen
class CaseAnalysis:
    """Coverage of the numeric cases of one case list."""

    scoring: CaseScoring
    part: int
    subject: str  # the name the results use for the subject
    subject_label: str
    integer: bool
    ratio_subject: bool
    relative_to: str | None  # ``5.12.1`` for ``≥ 2,5% mục 5.12.1``
    pieces: tuple[Piece, ...]
    domain: frozenset[int]
    cases: tuple[NumCase, ...]
    #: derived: the pieces of the domain holding a value of the subject (an integer for a count)
    valid: frozenset[int] = attrs.field(init=False, eq=False, repr=False)
    #: derived: per case, the pieces where it is the first match (see `effective`)
    firsts: tuple[tuple[int, ...], ...] = attrs.field(init=False, eq=False, repr=False)
    #: derived: ``rank[p]`` = how many valid pieces come before piece ``p`` (``rank[len(pieces)]``: all of them)
    rank: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    #: derived: the valid pieces no case matches, in order (see `gaps`)
    uncovered: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    #: derived: the valid pieces in order (``valid_pieces[rank[p]] == p`` for a valid piece ``p``)
    valid_pieces: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)
    #: the owners of the valid pieces by rank, for `first_owner` (built when first asked)
    owners: Any = attrs.field(init=False, default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # every piece holds a real value; not every one an integer
        valid = (frozenset(i for i in self.domain if self.pieces[i].int_rep is not None) if self.integer
                 else self.domain)
        object.__setattr__(self, "valid", valid)
        rank, seen = [], 0
        for p in range(len(self.pieces)):
            rank.append(seen)
            seen += p in valid
        rank.append(seen)
        object.__setattr__(self, "rank", tuple(rank))
        # each case's pieces not matched by an earlier case: every piece is taken once, by the first case
        # matching it (``after[p]``: the first piece from p on that no case has taken yet; path halving)
        count = len(self.pieces)
        after = list(range(count + 1))

        def untaken(p: int) -> int:
            while after[p] != p:
                after[p] = after[after[p]]
                p = after[p]
            return p

        firsts = []
        for c in self.cases:
            mine = []
            p = untaken(c.first) if c.first <= c.last else count
            while p <= c.last:
                if p in valid:
                    mine.append(p)
                after[p] = p + 1
                p = untaken(p + 1)
            firsts.append(tuple(mine))
        object.__setattr__(self, "firsts", tuple(firsts))
        object.__setattr__(self, "valid_pieces", tuple(sorted(valid)))
        object.__setattr__(self, "uncovered", tuple(p for p in self.valid_pieces if untaken(p) == p))

    def nonempty(self, region: frozenset[int]) -> list[int]:
        """The pieces of ``region`` holding a valid value, in order."""
        return sorted(region & self.valid)

    def effective(self, k: int) -> list[int]:
        """Pieces where case ``k`` (position in ``cases``) is the first match."""
        return list(self.firsts[k])

    def owner(self) -> dict[int, int]:
        """Piece -> the case (position in ``cases``) that is its first match."""
        return {p: k for k, first in enumerate(self.firsts) for p in first}

    def gaps(self) -> list[int]:
        """The valid pieces of the domain no case matches, in order."""
        return list(self.uncovered)

    def valid_span(self, k: int) -> tuple[int, int]:
        """The valid pieces case ``k`` matches, as positions among the valid pieces: (first, last),
        empty when first > last.  (A case matches consecutive pieces, so its valid ones are
        consecutive among the valid pieces.)"""
        c = self.cases[k]
        if c.first > c.last:
            return 0, -1
        return self.rank[c.first], self.rank[c.last + 1] - 1

    def first_crossing(self) -> list[int | None]:
        """Per case ``k``, the first case whose valid pieces overlap those of ``k`` with neither
        holding all the other's (None if no case does).  If that case comes before ``k``, it is the
        first earlier case overlapping ``k`` that way.  Found by two sweeps over the valid pieces
        (a case is a run of them), not by comparing every pair: case ``i`` crosses case ``k`` when
        ``lo_i < lo_k <= hi_i < hi_k`` or ``lo_k < lo_i <= hi_k < hi_i``."""
        spans = [self.valid_span(k) for k in range(len(self.cases))]
        live = [k for k, (lo, hi) in enumerate(spans) if lo <= hi]
        best: list[int | None] = [None] * len(self.cases)
        size = self.rank[-1]
        # lo_i < lo_k and lo_k <= hi_i <= hi_k - 1: cases taken by their low end, looked up by their high end
        tree = _MinTree(size)
        by_lo = sorted(live, key=lambda i: spans[i][0])
        j = 0
        for k in sorted(live, key=lambda k: spans[k][0]):
            lo, hi = spans[k]
            while j < len(by_lo) and spans[by_lo[j]][0] < lo:
                tree.put(spans[by_lo[j]][1], by_lo[j])
                j += 1
            best[k] = tree.least(lo, hi - 1)
        # hi_i > hi_k and lo_k + 1 <= lo_i <= hi_k: cases taken by their high end, looked up by their low end
        tree = _MinTree(size)
        by_hi = sorted(live, key=lambda i: -spans[i][1])
        j = 0
        for k in sorted(live, key=lambda k: -spans[k][1]):
            lo, hi = spans[k]
            while j < len(by_hi) and spans[by_hi[j]][1] > hi:
                tree.put(spans[by_hi[j]][0], by_hi[j])
                j += 1
            other = tree.least(lo + 1, hi)
            if other is not None and (best[k] is None or other < best[k]):
                best[k] = other
        return best

    def first_owner(self, k: int) -> int | None:
        """The first case matching one of the valid pieces case ``k`` matches (None if it matches
        none): the least owner (`owner`) over those pieces."""
        lo, hi = self.valid_span(k)
        if lo > hi:
            return None
        tree = self.owners
        if tree is None:  # built on the first question
            tree = _MinTree(self.rank[-1])
            for case, first in enumerate(self.firsts):
                for p in first:
                    tree.put(self.rank[p], case)
            object.__setattr__(self, "owners", tree)
        return tree.least(lo, hi)

    def hull(self, pieces: list[int]) -> Interval:
        lo_p, hi_p = self.pieces[pieces[0]], self.pieces[pieces[-1]]
        return Interval(lo_p.lo, hi_p.hi, lo_p.point or lo_p.lo is None, hi_p.point or hi_p.hi is None)

    def value(self, k: int, x: Fraction, env: dict, max_points: Fraction) -> Fraction | None:
        return evaluate(self.cases[k].case.result, {self.subject: x}, max_points, env)

    def depends_on_subject(self, k: int, env: dict, max_points: Fraction) -> bool:
        a = self.value(k, _PROBE_A, env, max_points)
        b = self.value(k, _PROBE_B, env, max_points)
        return a is None or b is None or a != b


class _MinTree:
    """The least value put at positions ``lo``..``hi``, for positions 0..size-1 (a segment tree)."""

    def __init__(self, size: int) -> None:
        self.size = max(1, size)
        self.cells: list[int | None] = [None] * (2 * self.size)

    def put(self, pos: int, value: int) -> None:
        cells = self.cells
        pos += self.size
        while pos >= 1:
            here = cells[pos]
            if here is not None and here <= value:
                return
            cells[pos] = value
            pos //= 2

    def least(self, lo: int, hi: int) -> int | None:
        cells = self.cells
        out: int | None = None
        lo, hi = max(lo, 0) + self.size, min(hi, self.size - 1) + self.size + 1
        while lo < hi:
            if lo & 1:
                if cells[lo] is not None and (out is None or cells[lo] < out):
                    out = cells[lo]
                lo += 1
            if hi & 1:
                hi -= 1
                if cells[hi] is not None and (out is None or cells[hi] < out):
                    out = cells[hi]
            lo //= 2
            hi //= 2
        return out


#: two values of the subject, to tell a result that depends on it from a constant
_PROBE_A, _PROBE_B = Fraction(1, 3), Fraction(2, 7)


class LintContext:
    """Everything a lint rule needs about one program, and where its findings go."""

    def __init__(self, program: Program, *, facts: list | None = None) -> None:
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

def _threshold(expr: Any, slips: dict[int, Slip]) -> tuple[Fraction, str | None, bool] | None:
    """(value, item referred to, written as a percent) of a threshold; a slipped
    bare number is read as the percent that was meant."""
    if isinstance(expr, n.Number):
        s = slips.get(id(expr))
        return (expr.value / 100 if s is not None else expr.value), None, s is not None
    if isinstance(expr, n.Percent):
        return expr.value, None, True
    if isinstance(expr, n.BinOp) and expr.op == "*":
        for coef, ref in ((expr.left, expr.right), (expr.right, expr.left)):
            if isinstance(ref, n.ItemRef):
                t = _threshold(coef, slips)
                if t is not None and t[1] is None:
                    return t[0], ref.item, t[2]
    if isinstance(expr, n.BinOp) and expr.op == "/":
        a, b = _threshold(expr.left, slips), _threshold(expr.right, slips)
        if a and b and a[1] is None and b[1] is None and b[0] != 0:
            return a[0] / b[0], None, a[2] or b[2]
    return None


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
    # a ratio divided by a bare number: ``Tỷ lệ/80*Điểm tối đa`` next to ``Tỷ lệ >= 80%``
    # (``Tỷ lệ* 1/2*Điểm tối đa`` reads (Tỷ lệ*1)/2 and is not one)
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


def _part_exprs(part: Any) -> Iterator[Any]:
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

#: a comparison ``x op t``: (t bounds x from below, t bounds x from above, t itself matches)
_COMPARISONS = {">=": (True, False, True), ">": (True, False, False), "<=": (False, True, True),
                "<": (False, True, False), "=": (True, True, True)}


def _bounds(cond: Any, vals: list[Fraction]) -> tuple[Fraction | None, bool, Fraction | None, bool] | None:
    """The values a numeric condition matches, as (low, low included, high, high included), with the
    threshold values ``vals`` (`condition_bounds` order); None for a condition that is not one."""
    if isinstance(cond, n.Compare):
        if cond.op not in _COMPARISONS:
            return None
        below, above, included = _COMPARISONS[cond.op]
        t = vals[0]
        return (t if below else None), included, (t if above else None), included
    if isinstance(cond, n.Range):
        it = iter(vals)
        lo = next(it) if cond.low is not None else None
        hi = next(it) if cond.high is not None else None
        return lo, cond.low_inclusive, hi, cond.high_inclusive
    if isinstance(cond, n.Otherwise):
        return None, False, None, False
    return None


def _pieces_between(bounds: tuple[Fraction | None, bool, Fraction | None, bool], cut: dict[Fraction, int],
                    count: int) -> frozenset[int]:
    """The pieces of `make_pieces` whose values lie within ``bounds`` (every bound is a cut point;
    ``cut`` maps a cut point to its position).  Piece 2i+1 is the i-th cut point and piece 2i the
    open interval just below it, so the pieces matched are consecutive."""
    first, last = _piece_span(bounds, cut, count)
    return frozenset(range(first, last + 1))


def _piece_span(bounds: tuple[Fraction | None, bool, Fraction | None, bool], cut: dict[Fraction, int],
                count: int) -> tuple[int, int]:
    """The first and the last of the (consecutive) pieces of `_pieces_between`."""
    lo, lo_in, hi, hi_in = bounds
    first = 0 if lo is None else 2 * cut[lo] + (1 if lo_in else 2)
    last = count - 1 if hi is None else 2 * cut[hi] + (1 if hi_in else 0)
    return first, last


def make_pieces(points: list[Fraction]) -> list[Piece]:
    """The number line cut at ``points``: below the first point, the first point, between the first
    and the second, ..., above the last (piece 2i+1 is the i-th point)."""
    pieces: list[Piece] = []
    prev: Fraction | None = None
    for p in sorted(set(points)):
        pieces.append(Piece(prev, p, False))
        pieces.append(Piece(p, p, True))
        prev = p
    pieces.append(Piece(prev, None, False))
    return pieces


def analyse_cases(ctx: LintContext, part: int, sc: CaseScoring) -> CaseAnalysis | None:
    typer = ctx.typer_of(part)
    slips = ctx.slip_numbers
    numeric: list[tuple[int, n.Case, Any, list[Fraction]]] = []
    subject_name: str | None = None
    subject_expr: Any = None
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
        if subject_name is None:
            subject_name, subject_expr = subj.name, subj
        elif subj.name != subject_name:
            return None
        vals = []
        for b in condition_bounds(cond):
            t = _threshold(b, slips)
            if t is None:
                return None
            vals.append(t[0])
            relative.add(t[1])
        numeric.append((i, case, cond, vals))
    if subject_name is None or len(relative) > 1:
        return None
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
    cut = {p.lo: i for i, p in enumerate(pieces[1::2])}
    domain = _pieces_between((dom.lo, dom.lo_closed, dom.hi, dom.hi_closed), cut, len(pieces))
    cases = []
    for i, case, cond, vals in numeric:
        bounds = _bounds(cond, vals)
        if bounds is None:
            return None
        cases.append(NumCase(i, case, *_piece_span(bounds, cut, len(pieces))))
    # a subject the conditions do not write (`- Từ 50% đến dưới 80%: …` after `Tỷ lệ = a/b`) is a name
    # resolve made with the place of the whole case list: its label is its name, not that text
    implied = subject_expr.span == sc.span
    label = ctx.text(subject_expr) if subject_expr.span.end and not implied else (subject_expr.text or subject_name)
    if subject_name == "x" or not label:
        spec = typer.spec("x") if subject_name == "x" else None
        desc = " ".join(spec.description.split()) if spec is not None else ""
        label = f"x ({desc[:40]}{'…' if len(desc) > 40 else ''})" if desc else subject_name
    return CaseAnalysis(sc, part, subject_name, label, integer,
                        ty.kind == RATIO or rel is not None, rel, tuple(pieces), domain, tuple(cases))


def fmt_subject_value(a: CaseAnalysis, x: Fraction) -> str:
    from cdsdsl.semantics.typesys import fmt_num, fmt_pct
    if a.ratio_subject:
        return fmt_pct(x) + (f" mục {a.relative_to}" if a.relative_to else "")
    return fmt_num(x)


def is_money(ty_kind: str) -> bool:
    return ty_kind == MONEY


__all__ = ["LintContext", "CaseAnalysis", "Slip", "Piece", "find_slips", "analyse_cases", "make_pieces",
           "fmt_subject_value", "UNIT"]
