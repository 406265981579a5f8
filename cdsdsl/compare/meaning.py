"""What a change of an indicator's scoring text changes in its meaning, read from the resolved programs.

Takes: the old and new scoring texts of one indicator (the texts that score: a correction when there is one)
with their maxima.  Returns: a list of `MeaningChange`s, language-free data: a threshold of a case list that
moved (``Tỷ lệ`` from 70% to 80%), thresholds added or removed, and each stretch of the subject's values whose
points differ (``70% ≤ Tỷ lệ < 80%``: before ``Điểm tối đa`` = 10, now ``Tỷ lệ*Điểm tối đa``); inputs the unit
must supply that appear or disappear; options whose points changed.  The case lists are compared on the
number line cut at the thresholds of both years (`checks.coverage`: which case wins each piece, first match
wins), so a change of wording with the same cases is no change, and a moved threshold is said once.
A text that does not parse or resolve gives `MeaningChange("unreadable")` rather than a guess.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs

from cdsdsl.checks.analysis import LintContext
from cdsdsl.checks.coverage import CaseAnalysis, Piece, make_pieces
from cdsdsl.diagnostics.core import CdsError
from cdsdsl.semantics.resolve import CaseScoring, Program, resolve
from cdsdsl.semantics.typesys import evaluate
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.parser import parse_formula
from cdsdsl.syntax.printer import print_condition, print_result

__all__ = ["MeaningChange", "Points", "Stretch", "meaning_changes", "program_of"]

_COHORT = {"min_max": "minmax", "ratio_to_max": "ratio_to_best"}


@attrs.frozen
class Points:
    """What a case gives: its value when constant (``Điểm tối đa`` of a 10-point indicator: 10), and its
    text in the house style; ``text`` None: no case applies there."""

    value: Fraction | None
    text: str | None

    def same_as(self, other: "Points") -> bool:
        if self.value is not None and other.value is not None:
            return self.value == other.value
        return self.text == other.text


@attrs.frozen
class Stretch:
    """Values of the subject from ``lo`` to ``hi`` (None: unbounded), each end included or not."""

    lo: Fraction | None
    lo_in: bool
    hi: Fraction | None
    hi_in: bool


@attrs.frozen
class MeaningChange:
    """One change in meaning. ``kind``: ``threshold_moved`` (``old``, ``new``), ``threshold_added`` /
    ``threshold_removed`` (``new`` / ``old``), ``points`` (``stretch``, ``before``, ``after``),
    ``input_added`` / ``input_removed`` (``text``), ``option_points`` (``text``, ``before``, ``after``),
    ``option_added`` / ``option_removed`` (``text``, ``after``/``before``), ``kind_changed`` (the scoring is of
    another kind: cases ↔ a formula), ``now_computed`` / ``now_entered`` (points entered by the unit in one
    year, computed from a scoring text in the other), ``unreadable`` (``text``: which year's text does not read).
    ``subject``: the case list's subject (``Tỷ lệ``); ``percent``: its values are shares (shown with %)."""

    kind: str
    subject: str = ""
    percent: bool = False
    old: Fraction | None = None
    new: Fraction | None = None
    stretch: Stretch | None = None
    before: Points | None = None
    after: Points | None = None
    text: str = ""


def program_of(text: str | None, max_points: Fraction | None, item: str, cohort_method: str | None = None,
               option_mode: str | None = None) -> Program | None:
    """The resolved program of a scoring text; None for no text, or a text that does not read."""
    if text is None:
        return None
    try:
        formula = parse_formula(text, name=item, item=item)
        return resolve(formula, max_points if max_points is not None else Fraction(0), item=item,
                       option_mode=option_mode, cohort_method=_COHORT.get(cohort_method or "", cohort_method))
    except CdsError:
        return None


def _points(case: n.Case, max_points: Fraction) -> Points:
    try:
        value = evaluate(case.result, {}, max_points)
    except (ZeroDivisionError, ArithmeticError):
        value = None
    return Points(value, print_result(case.result))


def _thresholds(a: CaseAnalysis) -> set[Fraction]:
    return {p.lo for p in a.pieces if p.point and p.lo is not None}


def _holding(a: CaseAnalysis, v: Fraction) -> int | None:
    """The piece of ``a``'s number line holding ``v``, when it is a valid value of the subject there."""
    for i, p in enumerate(a.pieces):
        inside = v == p.lo if p.point else (p.lo is None or p.lo < v) and (p.hi is None or v < p.hi)
        if inside:
            return i if i in a.valid else None
    return None


def _winner(a: CaseAnalysis, v: Fraction, owner: dict[int, int], max_points: Fraction) -> Points | None:
    """What ``v`` scores in ``a`` (first match wins); None when ``v`` is not a value of the subject there."""
    piece = _holding(a, v)
    if piece is None:
        return None
    k = owner.get(piece)
    if k is None:
        return Points(None, None)
    return _points(a.cases[k].case, max_points)


def _stretches(old: CaseAnalysis, new: CaseAnalysis, old_max: Fraction, new_max: Fraction
               ) -> list[MeaningChange]:
    """The stretches of the subject's values whose points differ, adjacent pieces with the same change merged."""
    pieces = make_pieces(sorted(_thresholds(old) | _thresholds(new)))
    old_owner, new_owner = old.owner(), new.owner()
    out: list[MeaningChange] = []
    run: tuple[Piece, Piece, Points, Points] | None = None

    def close() -> None:
        if run is not None:
            first, last, before, after = run
            stretch = Stretch(first.lo, first.point, last.hi, last.point)
            out.append(MeaningChange("points", old.subject_label, old.ratio_subject, stretch=stretch,
                                     before=before, after=after))

    for piece in pieces:
        v = piece.witness(old.integer and new.integer)
        if v is None:
            continue
        before, after = _winner(old, v, old_owner, old_max), _winner(new, v, new_owner, new_max)
        if before is None or after is None or before.same_as(after):
            close()
            run = None
            continue
        if run is not None and run[2] == before and run[3] == after:
            run = (run[0], piece, before, after)
        else:
            close()
            run = (piece, piece, before, after)
    close()
    return out


def _threshold_changes(old: CaseAnalysis, new: CaseAnalysis) -> list[MeaningChange]:
    gone, came = sorted(_thresholds(old) - _thresholds(new)), sorted(_thresholds(new) - _thresholds(old))
    subject, pct = old.subject_label, old.ratio_subject
    if len(gone) == len(came):
        return [MeaningChange("threshold_moved", subject, pct, old=a, new=b) for a, b in zip(gone, came, strict=True)]
    return [MeaningChange("threshold_removed", subject, pct, old=a) for a in gone] + \
        [MeaningChange("threshold_added", subject, pct, new=b) for b in came]


def _options(p: Program) -> dict[str, Points]:
    """Option text (house style) -> what it gives, for the case lists whose conditions are options."""
    out: dict[str, Points] = {}
    for part in p.parts:
        sc = part.scoring
        if not isinstance(sc, CaseScoring):
            continue
        for case in sc.cases.cases:
            cond = case.condition
            if isinstance(cond, (n.Option, n.Otherwise)):
                out.setdefault(" ".join(print_condition(cond).split()), _points(case, p.max_points))
    return out


def _option_changes(old: Program, new: Program) -> list[MeaningChange]:
    a, b = _options(old), _options(new)
    out = [MeaningChange("option_points", text=k, before=a[k], after=b[k]) for k in a
           if k in b and not a[k].same_as(b[k])]
    out += [MeaningChange("option_removed", text=k, before=a[k]) for k in a if k not in b]
    out += [MeaningChange("option_added", text=k, after=b[k]) for k in b if k not in a]
    return out


def _input_changes(old: Program, new: Program) -> list[MeaningChange]:
    def described(p: Program) -> dict[str, str]:
        return {" ".join(i.description.casefold().split()): i.description for i in p.inputs
                if i.role in ("declared", "subject", "count") and i.description}
    a, b = described(old), described(new)
    return [MeaningChange("input_removed", text=a[k]) for k in a if k not in b] + \
        [MeaningChange("input_added", text=b[k]) for k in b if k not in a]


def _pairs(old: list[CaseAnalysis], new: list[CaseAnalysis]) -> list[tuple[CaseAnalysis, CaseAnalysis]]:
    """Case lists of the two years paired: by subject, then in order."""
    pairs: list[tuple[CaseAnalysis, CaseAnalysis]] = []
    rest = list(new)
    for a in old:
        b = next((x for x in rest if x.subject_label == a.subject_label), None)
        if b is None and rest and len(old) == len(new):
            b = rest[0]
        if b is not None:
            rest.remove(b)
            pairs.append((a, b))
    return pairs


def meaning_changes(old_text: str | None, old_max: Fraction | None, new_text: str | None,
                    new_max: Fraction | None, item: str, **settings: Any) -> list[MeaningChange]:
    """The changes in meaning from the old scoring text to the new (see the module docstring)."""
    if (old_text is None) != (new_text is None):  # points entered by the unit in one year, computed in the other
        return [MeaningChange("now_entered" if new_text is None else "now_computed")]
    old_p = program_of(old_text, old_max, item, **settings.get("old", {}))
    new_p = program_of(new_text, new_max, item, **settings.get("new", {}))
    if old_p is None or new_p is None:
        which = "old" if old_p is None and old_text is not None else "new" if new_p is None and new_text else ""
        return [MeaningChange("unreadable", text=which)] if which else []
    old_a, new_a = LintContext(old_p).analyses, LintContext(new_p).analyses
    out: list[MeaningChange] = []
    if bool(old_a) != bool(new_a):
        out.append(MeaningChange("kind_changed"))
    for a, b in _pairs(old_a, new_a):
        out += _threshold_changes(a, b)
        out += _stretches(a, b, old_p.max_points, new_p.max_points)
    out += _option_changes(old_p, new_p)
    out += _input_changes(old_p, new_p)
    return out
