"""Case coverage: the number line cut at a case list's thresholds, and which case wins each piece.

Takes: the numeric cases of one case list over one subject, with their threshold values (from
`analysis.analyse_cases`, which reads them from the program) and the subject's domain.
Returns: a `CaseAnalysis`: the number line cut at every threshold into elementary pieces (open
intervals and single points, `make_pieces`), which cases match each piece (`NumCase`: a run of
consecutive pieces), and which case wins it (first match wins).  Pieces are exact (Fractions);
for an integer subject (a count) a piece counts only if it holds an integer.
"""
from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Callable

import attrs

from cdsdsl.semantics.resolve import CaseScoring, Step
from cdsdsl.semantics.typesys import Interval, evaluate, fmt_num, fmt_pct
from cdsdsl.syntax import nodes as n

__all__ = ["Piece", "NumCase", "CaseAnalysis", "Bounds", "condition_range", "piece_span", "pieces_between",
           "make_pieces", "fmt_subject_value"]

#: the values a numeric condition matches: (low, low included, high, high included); None is infinite
Bounds = tuple[Fraction | None, bool, Fraction | None, bool]


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
        if self.point and lo is not None:  # a point's lo is its value
            return lo
        if lo is None:
            return Fraction(0) if hi is None else hi - 1
        return lo + 1 if hi is None else (lo + hi) / 2

    @property
    def int_rep(self) -> Fraction | None:
        """An integer inside the piece, if any."""
        lo, hi = self.lo, self.hi
        if self.point and lo is not None:  # a point's lo is its value
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
    #: the pieces matched by the condition: ``first`` to ``last`` (consecutive, see `pieces_between`;
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
    #: the unit of a rate subject (``người/hộ gia đình``: people per household), shown next to its percent
    rate_unit: str | None = None
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
    owners: _MinTree | None = attrs.field(init=False, default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # every piece holds a real value; not every one an integer
        valid = (frozenset(i for i in self.domain if self.pieces[i].int_rep is not None) if self.integer
                 else self.domain)
        object.__setattr__(self, "valid", valid)
        rank: list[int] = []
        seen = 0
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

        firsts: list[tuple[int, ...]] = []
        for c in self.cases:
            mine: list[int] = []
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
            other, mine = tree.least(lo + 1, hi), best[k]
            if other is not None and (mine is None or other < mine):
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

    def witness(self, p: int) -> Fraction:
        """A value of the subject in the valid piece ``p`` (an integer for a count)."""
        w = self.pieces[p].witness(self.integer)
        if w is None:
            raise ValueError(f"piece {p} holds no value of the subject")  # only valid pieces are asked for
        return w

    def hull(self, pieces: list[int]) -> Interval:
        lo_p, hi_p = self.pieces[pieces[0]], self.pieces[pieces[-1]]
        return Interval(lo_p.lo, hi_p.hi, lo_p.point or lo_p.lo is None, hi_p.point or hi_p.hi is None)

    def value(self, k: int, x: Fraction, env: dict[str, Step], max_points: Fraction) -> Fraction | None:
        return evaluate(self.cases[k].case.result, {self.subject: x}, max_points, env)

    def depends_on_subject(self, k: int, env: dict[str, Step], max_points: Fraction) -> bool:
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
                here = cells[lo]
                if here is not None and (out is None or here < out):
                    out = here
                lo += 1
            if hi & 1:
                hi -= 1
                here = cells[hi]
                if here is not None and (out is None or here < out):
                    out = here
            lo //= 2
            hi //= 2
        return out


#: two values of the subject, to tell a result that depends on it from a constant
_PROBE_A, _PROBE_B = Fraction(1, 3), Fraction(2, 7)

# ---------------------------------------------------------------- coverage

#: a comparison ``x op t``: (t bounds x from below, t bounds x from above, t itself matches)
_COMPARISONS = {">=": (True, False, True), ">": (True, False, False), "<=": (False, True, True),
                "<": (False, True, False), "=": (True, True, True)}


def condition_range(cond: Any, vals: list[Fraction]) -> Bounds | None:
    """The values a numeric condition matches, as (low, low included, high, high included), with the
    threshold values ``vals`` (`condition_bounds` order); None for a condition that is not one."""
    rule = _RANGE_OF_CONDITION.get(type(cond))
    return None if rule is None else rule(cond, vals)


def _compare_range(cond: n.Compare, vals: list[Fraction]) -> Bounds | None:
    if cond.op not in _COMPARISONS:
        return None
    below, above, included = _COMPARISONS[cond.op]
    t = vals[0]
    return (t if below else None), included, (t if above else None), included


def _range_range(cond: n.Range, vals: list[Fraction]) -> Bounds | None:
    it = iter(vals)
    lo = next(it) if cond.low is not None else None
    hi = next(it) if cond.high is not None else None
    return lo, cond.low_inclusive, hi, cond.high_inclusive


def _otherwise_range(cond: n.Otherwise, vals: list[Fraction]) -> Bounds | None:
    return None, False, None, False


#: the values each kind of numeric condition matches (`condition_range`)
_RANGE_OF_CONDITION: dict[type, Callable[[Any, list[Fraction]], Bounds | None]] = {
    n.Compare: _compare_range,
    n.Range: _range_range,
    n.Otherwise: _otherwise_range,
}


def pieces_between(bounds: Bounds, cut: dict[Fraction, int], count: int) -> frozenset[int]:
    """The pieces of `make_pieces` whose values lie within ``bounds`` (every bound is a cut point;
    ``cut`` maps a cut point to its position).  Piece 2i+1 is the i-th cut point and piece 2i the
    open interval just below it, so the pieces matched are consecutive."""
    first, last = piece_span(bounds, cut, count)
    return frozenset(range(first, last + 1))


def piece_span(bounds: Bounds, cut: dict[Fraction, int], count: int) -> tuple[int, int]:
    """The first and the last of the (consecutive) pieces of `pieces_between`."""
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


def fmt_subject_value(a: CaseAnalysis, x: Fraction) -> str:
    """A value of the subject as the messages write it: a percent for a ratio (``80%``, ``2,5% mục
    5.12.1`` for a share of another indicator), else a number (``3,98``)."""
    if a.ratio_subject:
        rate = f" ({fmt_num(x)} {a.rate_unit})" if a.rate_unit else ""
        return fmt_pct(x) + (f" mục {a.relative_to}" if a.relative_to else "") + rate
    return fmt_num(x)
