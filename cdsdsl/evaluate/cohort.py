"""Scores relative to the other units: min-max, ratio to the best, highest/lowest, ranks.

Takes: a resolved `Program` and, for every unit of the cohort, the values of
its *cohort quantities* (what ``cao nhất``/``thấp nhất``, ``Địa phương có tỷ
lệ cao nhất`` and ``Tính điểm theo phương pháp Min-Max`` compare).
Returns: `CohortStats` (per quantity: min, max, number of units) that the
interpreter and compiled code read, the cohort formulas (`minmax_points`,
`ratio_points`), competition ranking (`rank`: 1, 2, 2, 4) and the cohort's
notes (`left_out_reason` for CDS620, `no_spread_notes` for CDS622).  Running
the interpreter over a cohort (`evaluate_cohort`) is `cohort_eval`'s job, a
module above the interpreter, which itself reads this one.

Semantics (docs/semantics.md, "Cohorts"):
- min-max, more is better: ``max * (x - min) / (max - min)``; fewer is better:
  ``max * (max_x - x) / (max_x - min)``.  All values equal: every unit scores the
  maximum, except when more is better and the common value is 0 (nobody did
  anything): then every unit scores 0;
- ratio to the best, more is better: ``max * x / best`` (best = 0: every unit
  has 0, scores 0); fewer is better: ``max * best / x`` (x = 0 is the best: max);
- ``cao nhất`` / ``thấp nhất``: the max/min over the units whose value can be
  computed (units with bad data are left out, with a warning CDS620);
- ``Địa phương có tỷ lệ cao nhất``: every unit whose value equals the max (ties
  all get the case).
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable, Iterable, Mapping, NamedTuple, Sequence

import attrs

from cdsdsl.diagnostics.core import Diagnostic, ScoreError
from cdsdsl.evaluate.runtime import fmt_vi, minmax_points, ratio_points
from cdsdsl.semantics.resolve import CaseScoring, CohortScoring, Program
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.printer import print_expr


@attrs.frozen
class Quantity:
    """One value per unit that the cohort compares.  ``key`` is stable and readable
    (``"0:Tỷ lệ"``: part index and the expression); ``expr`` is evaluated in the
    part's scope, or ``input_key`` is read directly (Min-Max subject)."""

    key: str
    part: int
    expr: Any = None
    input_key: str | None = None


def quantity_key(part: int, expr: Any) -> str:
    return f"{part}:{print_expr(expr)}"


def best_subject(program: Program, part_index: int) -> Any:
    """What ``Địa phương có tỷ lệ cao nhất`` compares: the case list's subject, else
    the part's last computed name (``Tỷ lệ``), else the subject input ``x``."""
    part = program.parts[part_index]
    sc = part.scoring
    if isinstance(sc, CaseScoring) and sc.subject is not None:
        return sc.subject
    computed = [s for s in part.steps if s.expr is not None and not isinstance(s.expr, (n.MaxPoints, n.Aggregate))]
    # (`nodes.node` is `attrs.frozen` under another name, which type checkers do not follow)
    if computed:
        return n.Name(computed[-1].name)  # type: ignore[call-arg, unused-ignore]
    return n.Name("x")  # type: ignore[call-arg, unused-ignore]


def cohort_quantities(program: Program) -> tuple[Quantity, ...]:
    """Every quantity the program compares across units, once each."""
    out: dict[str, Quantity] = {}
    for part in program.parts:
        sc = part.scoring
        if isinstance(sc, CohortScoring):
            key = f"{part.index}:{sc.subject_key}"
            out.setdefault(key, Quantity(key, part.index, sc.subject, None) if sc.subject is not None
                           else Quantity(key, part.index, None, sc.subject_key))
        nodes: list[Any] = []
        for step in part.steps:
            if step.expr is not None:
                nodes.extend(step.expr.walk())
        if isinstance(sc, CaseScoring):
            nodes.extend(sc.cases.walk())
        elif sc is not None and hasattr(sc, "expr"):
            nodes.extend(sc.expr.walk())
        for node in nodes:
            if isinstance(node, n.Aggregate):
                key = quantity_key(part.index, node.operand)
                out.setdefault(key, Quantity(key, part.index, node.operand))
            elif isinstance(node, n.Best):
                subj = best_subject(program, part.index)
                key = quantity_key(part.index, subj)
                out.setdefault(key, Quantity(key, part.index, subj))
    return tuple(out.values())


class Stat(NamedTuple):
    """A cohort quantity's lowest and highest value and how many units have one."""

    low: Fraction
    high: Fraction
    count: int  # type: ignore[assignment]  # (a field named as tuple's method `count`)


class CohortStats(dict[str, Stat]):
    """``{quantity key: Stat}`` for one indicator over a cohort (a dict, so that
    compiled code reads it directly)."""

    @classmethod
    def from_values(cls, values: Mapping[str, Iterable[Fraction]]) -> "CohortStats":
        out = cls()
        for key, vals in values.items():
            vals = list(vals)
            if vals:
                out[key] = Stat(min(vals), max(vals), len(vals))
        return out


def needs_cohort_error(program: Program, unit: str | None = None) -> ScoreError:
    method, method_en = "giá trị cao nhất/thấp nhất của cả nhóm", "the cohort's highest/lowest value"
    for part in program.parts:
        if isinstance(part.scoring, CohortScoring):
            if part.scoring.method == "minmax":
                method, method_en = "phương pháp Min-Max", "the min-max method"
            else:
                method, method_en = "tỷ lệ so với đơn vị cao nhất", "the ratio to the best unit"
    return ScoreError(Diagnostic.make("CDS617", program.formula.span if program.formula is not None else None,
                                      source=getattr(program.formula, "source", None), item=program.item,
                                      unit=unit, indicator=program.item or "?", unit_name=unit or "?",
                                      method=method, method_en=method_en))


# ------------------------------------------------------------- cohort formulas
# (the same arithmetic is emitted by codegen; keep both in step)

def cohort_points(method: str, x: Fraction, stat: Stat, max_points: Fraction, direction: str) -> Fraction:
    f: Callable[..., Fraction] = minmax_points if method == "minmax" else ratio_points
    return f(Fraction(x), stat[0], stat[1], max_points, direction)


# -------------------------------------------------------------------- ranking

def rank(scores: Sequence[Any], *, descending: bool = True) -> list[int]:
    """Competition ranking ("1224"): equal scores share a rank, the next rank skips.
    ``rank([9, 7, 7, 5]) == [1, 2, 2, 4]``.  ``None`` (not scored) ranks last."""
    def key(i: int) -> tuple[bool, Any]:
        v = scores[i]
        return (v is None, -v if (descending and v is not None) else (v if v is not None else 0))

    order = sorted(range(len(scores)), key=key)
    ranks = [0] * len(scores)
    prev: Any = object()
    current = 0
    for pos, i in enumerate(order):
        if scores[i] != prev:
            current = pos + 1
            prev = scores[i]
        ranks[i] = current
    return ranks


def left_out_reason(err: Any) -> dict[str, Any]:
    """CDS620's ``reason``/``reason_en``: why a unit's value cannot be computed, in each language
    (``err`` None: a division by zero)."""
    if err is None:
        return {"reason": "chia cho 0", "reason_en": "division by zero"}
    diags = getattr(err, "diagnostics", ())
    if diags:
        return {"reason": diags[0].message("vi"), "reason_en": diags[0].message("en")}
    return {"reason": err.message, "reason_en": err.message}


def no_spread_notes(program: Program, stats: Mapping[str, Stat]) -> list[Diagnostic]:
    """CDS622 for every Min-Max / ratio-to-best part whose units all have the same value
    (one unit alone included: nothing to compare it with).  What they score is
    `cohort_points`' rule (docs/semantics.md): the maximum, or 0 for everyone when more is
    better and the shared value is 0.  The scorer (`scoring.score_cohort`) and
    `evaluate_cohort` both call this, so the two agree."""
    notes: list[Diagnostic] = []
    for part in program.parts:
        sc = part.scoring
        if isinstance(sc, CohortScoring):
            st = stats.get(f"{part.index}:{sc.subject_key}")
            if st is not None and st[0] == st[1]:
                zero = cohort_points(sc.method, st[1], st, Fraction(1), sc.direction) == 0
                notes.append(Diagnostic.make(
                    "CDS622", None, item=program.item, indicator=program.item or "?", value=fmt_vi(st[1]),
                    count=st[2], method=_METHOD[sc.method][0], method_en=_METHOD[sc.method][1],
                    outcome="mọi đơn vị được 0 điểm" if zero else "mọi đơn vị được điểm tối đa",
                    outcome_en="every unit scores 0" if zero else "every unit scores the maximum"))
    return notes


_METHOD = {"minmax": ("phương pháp Min-Max", "the min-max method"),
           "ratio_to_best": ("tỷ lệ so với đơn vị cao nhất", "the ratio to the best unit")}
