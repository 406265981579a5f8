"""What each expression and condition of a resolved `Program` means, written once.

Takes: the nodes of a resolved `Program` (`syntax.nodes`: numbers, percentages,
names, ``mục 5.1``, ``Điểm tối đa``, ``+ - * /``, negation, ``cao nhất``/``thấp
nhất``; comparisons, ranges, ``còn lại``, ``có ... cao nhất``, options).
Returns: whatever the back end's operations build from them: the interpreter's
operations compute `Fraction`s (`interpret`), the compiler's emit Python `ast`
for exact Fractions (`codegen`) or for integer numerator/denominator pairs
(`codegen_fast`).

`Meaning` walks a node through one table per pass (`EXPRESSIONS`,
`CONDITIONS`, `SCORINGS`: node class → handler) and calls the abstract operations listed
in the class body; a back end subclasses it and supplies them.  `Meaning.program_points` is
the whole indicator: each part's points, their sum, and the cap ``Tổng điểm không quá ...``
(a per-item line's own cap, ``1 điểm cho mỗi ứng dụng, tối đa 5 điểm``, bounds that line
only: `Meaning.capped`).  The order of
the operations is the same for every back end (left operand first, the
subject of a range before its bounds, a range's low bound before its high
one), so all back ends meet missing data and zero divisors in the same order.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any, Callable, Sequence

from cdsdsl.evaluate.cohort import best_subject, quantity_key
from cdsdsl.semantics.resolve import (
    CaseScoring,
    CohortScoring,
    ExprScoring,
    PerItemScoring,
    PerItemsScoring,
    Program,
    SumItemsScoring,
)
from cdsdsl.syntax import nodes as n


def folded(program: Program, e: Any) -> Fraction | None:
    """The value of a constant expression (``1/2 * Điểm tối đa`` → 5), else None (a division by
    zero included: it is left to run time)."""
    t = type(e)
    if t is n.Number or t is n.Percent:
        value: Fraction = e.value
        return value
    if t is n.MaxPoints:
        return program.max_points
    if t is n.Neg:
        v = folded(program, e.operand)
        return None if v is None else -v
    if t is n.BinOp:
        a, b = folded(program, e.left), folded(program, e.right)
        if a is None or b is None:
            return None
        if e.op == "/":
            return None if b == 0 else a / b
        return a + b if e.op == "+" else a - b if e.op == "-" else a * b
    return None


def refs(*exprs: Any) -> list[tuple[str, str]]:
    """The names and item references an evaluation point reads, in source order,
    once each, not looking inside ``cao nhất`` (read from the cohort).  The
    interpreter and the compiled code read them all before computing, so both
    meet missing data and zero divisors in the same order."""
    out: list[tuple[str, str]] = []
    stack = [e for e in reversed(exprs) if e is not None]
    while stack:
        e = stack.pop()
        t = type(e)
        if t is n.Name:
            ref = ("name", e.name)
        elif t is n.ItemRef:
            ref = ("item", f"mục {e.item}")
        else:
            ref = None
        if ref is not None:
            if ref not in out:
                out.append(ref)
            continue
        if t is n.Aggregate:
            continue
        stack.extend(reversed(list(e.children())))
    return out


def shown_subject(sc: Any) -> Any:
    """What a no-match warning names: the case list's subject, else the name the
    first condition compares (``Tỷ lệ`` in ``- Tỷ lệ >= 80%: ...``)."""
    if sc.subject is not None:
        return sc.subject
    for case in sc.cases.cases:
        c = case.condition
        left = c.left if type(c) is n.Compare else c.subject if type(c) is n.Range else None
        if type(left) is n.Name:
            return left
    return None


class Meaning:
    """The walk shared by the back ends.  ``value(e)`` means expression ``e``; ``test(c, subject)``
    means condition ``c`` of a case list whose subject is ``subject``.  Subclasses set ``p`` (the
    Program) and ``part`` (the part being scored) and supply the operations below."""

    #: compute constant sub-expressions once, when the code is built (the compilers)
    folds = False
    p: Program
    part: int
    #: the steps of the part being scored, by name
    steps: dict[str, Any]
    #: the ratios whose part must not exceed their whole (`Program.checked_part_wholes`), by span
    wholes: dict[Any, Any]
    #: the same for the divisions written inside a formula (`Program.checked_divisions`), by node
    divisions: dict[Any, Any] = {}

    # ------------------------------------------------------------ the walk
    def value(self, e: Any) -> Any:
        handler = EXPRESSIONS.get(type(e))
        if handler is None:
            return self.unknown(e)
        return handler(self, e)

    def test(self, c: Any, subject: Any) -> Any:
        return CONDITIONS.get(type(c), _never)(self, c, subject)

    def name_value(self, kind: str, name: str, node: Any) -> Any:
        """What a name means (``kind`` ``"name"``) or an item reference (``"item"``, name ``mục 5.1``):
        computed once per part, then remembered."""
        return _name_meaning(self, kind, name, node)

    def first_match(self, sc: CaseScoring, indexes: Sequence[int]) -> Any:
        """The result of the first of the cases ``indexes`` of ``sc`` whose condition holds
        (none holds: `no_match`)."""
        return _chain(self, sc, indexes, 0)

    def option_value(self, sc: CaseScoring, i: int) -> Any:
        """The result of case ``i`` of ``sc`` (an option the unit chose)."""
        result = sc.cases.cases[i].result
        self.prefetch([result])
        return self.value(result)

    def score(self, sc: Any) -> Any:
        """The points of a part scored by ``sc`` (a `resolve` scoring), or None when the back end
        has already put them where they go (a compiler's case list or cohort formula)."""
        return SCORINGS.get(type(sc), _no_points)(self, sc)

    def program_points(self) -> Any:
        """The indicator's points before clamping to [0, max]: the sum of its parts' points (each
        part scored in its own scope, in order), bounded by the indicator's cap ``Tổng điểm không
        quá ...`` when it has one.  The cap is read in the scope of the last part (the names it
        computed), the part being scored when the cap line is met."""
        values = []
        for part in self.p.parts:
            self.part = part.index
            self.steps = {s.name: s for s in part.steps}
            values.append(self.part_points(part))
        total = self.total(values)
        if self.p.cap is not None:
            total = self.capped(total, self.p.cap, None)
        return total

    def capped(self, value: Any, limit: Any, line: PerItemScoring | None) -> Any:
        """``value`` bounded by the expression ``limit``: the cap of per-item ``line``, or (None) of
        the whole indicator.  Reads what ``limit`` needs first, like any evaluation point."""
        self.prefetch([limit])
        return self.at_most(value, self.value(limit), line)

    # ------------------------------------------------------------ operations (abstract)
    def const(self, value: Fraction) -> Any:
        """A number written in the formula."""
        raise NotImplementedError

    def part_points(self, part: Any) -> Any:
        """The points of ``part`` (a `PartProgram`; `score` of its scoring, 0 without one), scored in a
        fresh scope: ``self.part`` and ``self.steps`` are set."""
        raise NotImplementedError

    def total(self, values: list[Any]) -> Any:
        """The sum of the parts' points ``values`` (one value: itself)."""
        raise NotImplementedError

    def at_most(self, value: Any, limit: Any, line: PerItemScoring | None) -> Any:
        """``limit`` when ``value`` exceeds it, else ``value`` (``line``: the per-item line capped, or
        None for the indicator's cap)."""
        raise NotImplementedError

    def named(self, name: str, node: Any) -> Any:
        """The value of a name (an input, a computed step, the implicit subject)."""
        raise NotImplementedError

    def item(self, key: str) -> Any:
        """Another indicator's points, read as input ``mục 5.1``."""
        raise NotImplementedError

    def add(self, a: Any, b: Any) -> Any:
        raise NotImplementedError

    def sub(self, a: Any, b: Any) -> Any:
        raise NotImplementedError

    def mul(self, a: Any, b: Any) -> Any:
        raise NotImplementedError

    def div(self, a: Any, b: Any, node: Any) -> Any:
        """``a / b``; a zero divisor is the problem of ``node`` (a `BinOp`)."""
        raise NotImplementedError

    def neg(self, a: Any) -> Any:
        raise NotImplementedError

    def cohort_value(self, key: str, func: str, node: Any) -> Any:
        """The cohort's highest (``func == "max"``) or lowest value of quantity ``key``, read by
        ``cao nhất``/``thấp nhất`` (``node``, an `Aggregate`)."""
        raise NotImplementedError

    def cohort_stat(self, key: str, func: str) -> Any:
        """The same value, read to decide ``có ... cao nhất`` (`Best`)."""
        raise NotImplementedError

    def unknown(self, e: Any) -> Any:
        """A node no handler knows (the resolver never leaves one)."""
        raise NotImplementedError

    def prefetch(self, exprs: Sequence[Any]) -> None:
        """Read or compute everything ``exprs`` refer to, in `refs` order."""
        raise NotImplementedError

    def need_subject(self, subject: Any, c: Any) -> Any:
        """``subject``, or the problem of a condition without one."""
        raise NotImplementedError

    def hold(self, v: Any) -> Any:
        """``v`` kept for several comparisons (a range's subject)."""
        raise NotImplementedError

    def compare(self, a: Any, op: str, b: Any) -> Any:
        """``a op b`` for ``op`` in ``>= > <= < = !=``."""
        raise NotImplementedError

    def is_false(self, t: Any) -> bool:
        """Whether test ``t`` is known to fail now (the rest of a range is then not looked at)."""
        raise NotImplementedError

    def all_of(self, tests: list[Any]) -> Any:
        """All of ``tests`` (none: true)."""
        raise NotImplementedError

    def any_of(self, tests: list[Any]) -> Any:
        """One of ``tests`` at least."""
        raise NotImplementedError

    def read_input(self, key: str, base: str) -> Any:
        """Input ``key`` read for a scoring rule (``base``: what the compilers call its variable)."""
        raise NotImplementedError

    def items_sum(self, sc: SumItemsScoring) -> Any:
        """The sum of other indicators' points (``Cộng điểm các chỉ số 5.1 đến 5.4``)."""
        raise NotImplementedError

    def cohort_points(self, sc: CohortScoring, x: Any) -> Any:
        """Points from the unit's value ``x`` and its place in the cohort (min-max or ratio to the best)."""
        raise NotImplementedError

    def pick(self, sc: CaseScoring, options: list[int]) -> Any:
        """The options (0-based among ``options``) the unit chose, None when it gave nothing."""
        raise NotImplementedError

    def by_choice(self, chosen: Any, total: Callable[[], Any], missing: Callable[[], Any],
                  other: Callable[[], Any] | None) -> Any:
        """``missing()`` when nothing was given; else ``total()``, or ``other()`` (when there is
        one) if no option was chosen."""
        raise NotImplementedError

    def chosen_total(self, sc: CaseScoring, options: list[int], chosen: Any) -> Any:
        """The sum of the chosen options' results (each via `option_value`)."""
        raise NotImplementedError

    def nothing_chosen(self, sc: CaseScoring) -> Any:
        """The problem of an option list without any choice (CDS600)."""
        raise NotImplementedError

    def has(self, name: str) -> bool:
        """Whether ``name`` is already computed in this part."""
        raise NotImplementedError

    def recall(self, name: str) -> Any:
        raise NotImplementedError

    def slot(self, name: str) -> Any:
        """Where ``name``'s value will be kept (a compiler's variable; taken before its parts)."""
        raise NotImplementedError

    def read_named(self, key: str, slot: Any) -> Any:
        """Input ``key`` read into ``slot``."""
        raise NotImplementedError

    def remember(self, name: str, slot: Any, value: Any) -> Any:
        """``name`` is the input just read; returns its value."""
        raise NotImplementedError

    def remember_step(self, name: str, slot: Any, step: Any, value: Any) -> Any:
        """``name`` is computed by ``step`` (``Tỷ lệ = a / b``) as ``value``; returns its value."""
        raise NotImplementedError

    def unknown_name(self, name: str, node: Any) -> Any:
        """A name neither computed nor read (the resolver never leaves one)."""
        raise NotImplementedError

    def check_part_whole(self, pw: Any, step: Any, part: Any, whole: Any) -> None:
        """A ratio's part must not exceed its whole (CDS614)."""
        raise NotImplementedError

    def branch(self, cond: Callable[[], Any], then: Callable[[], Any], other: Callable[[], Any]) -> Any:
        """``then()`` if the test ``cond()`` holds, else ``other()`` (a compiler builds both)."""
        raise NotImplementedError

    def matched(self, sc: CaseScoring, index: int, value: Any) -> Any:
        """Case ``index`` of ``sc`` holds and its result is ``value``."""
        raise NotImplementedError

    def no_match(self, sc: CaseScoring) -> Any:
        """No case of ``sc`` holds: 0 points and warning CDS612."""
        raise NotImplementedError

    def true(self) -> Any:
        raise NotImplementedError

    def false(self) -> Any:
        raise NotImplementedError


# ------------------------------------------------------------------ expressions

def _number(m: Meaning, e: Any) -> Any:
    return m.const(e.value)


def _max_points(m: Meaning, e: Any) -> Any:
    return m.const(m.p.max_points)


def _name(m: Meaning, e: Any) -> Any:
    return m.named(e.name, e)


def _item(m: Meaning, e: Any) -> Any:
    return m.item(f"mục {e.item}")


def _neg(m: Meaning, e: Any) -> Any:
    if m.folds:
        v = folded(m.p, e)
        if v is not None:
            return m.const(v)
    return m.neg(m.value(e.operand))


def _binop(m: Meaning, e: Any) -> Any:
    if m.folds:
        v = folded(m.p, e)
        if v is not None:
            return m.const(v)
    a = m.value(e.left)
    b = m.value(e.right)
    op = e.op
    if op == "/" and m.divisions:
        pw = m.divisions.get(e)
        if pw is not None:  # `a/b * Điểm tối đa` with a counted within b: a > b is refused, as for `Tỷ lệ = a/b`
            m.check_part_whole(pw, e, a, b)
    if op == "+":
        return m.add(a, b)
    if op == "-":
        return m.sub(a, b)
    if op == "*":
        return m.mul(a, b)
    return m.div(a, b, e)


def _aggregate(m: Meaning, e: Any) -> Any:
    return m.cohort_value(quantity_key(m.part, e.operand), e.func, e)


#: node class -> what the expression means
EXPRESSIONS: dict[type, Callable[[Meaning, Any], Any]] = {
    n.Number: _number, n.Percent: _number, n.MaxPoints: _max_points, n.Name: _name, n.ItemRef: _item,
    n.Neg: _neg, n.BinOp: _binop, n.Aggregate: _aggregate,
}


# ------------------------------------------------------------------ conditions

def _compare(m: Meaning, c: Any, subject: Any) -> Any:
    left = c.left if c.left is not None else m.need_subject(subject, c)
    m.prefetch([left, c.right])
    a = m.value(left)
    b = m.value(c.right)
    return m.compare(a, c.op, b)


def _range(m: Meaning, c: Any, subject: Any) -> Any:
    s_expr = c.subject if c.subject is not None else m.need_subject(subject, c)
    m.prefetch([s_expr, c.low, c.high])
    s = m.hold(m.value(s_expr))
    tests: list[Any] = []
    if c.low is not None:
        t = m.compare(s, ">=" if c.low_inclusive else ">", m.value(c.low))
        if m.is_false(t):
            return t
        tests.append(t)
    if c.high is not None:
        t = m.compare(s, "<=" if c.high_inclusive else "<", m.value(c.high))
        if m.is_false(t):
            return t
        tests.append(t)
    return m.all_of(tests)


def _joined(m: Meaning, c: Any, subject: Any) -> Any:
    """``a >= 5 hoặc Tỷ lệ >= 50%``, ``Tỷ lệ >= 80% và a >= 3``: everything the conditions read is read
    first (so every back end meets missing data the same way, whichever side decides), then all of
    them (``và``) or one of them (``hoặc``) must hold."""
    m.prefetch([e for part in c.conditions for e in _condition_exprs(m, part, subject)])
    tests = [m.test(part, subject) for part in c.conditions]
    return m.all_of(tests) if c.op == "và" else m.any_of(tests)


def _condition_exprs(m: Meaning, c: Any, subject: Any) -> list[Any]:
    """The expressions a comparison, a range or joined conditions read, the implicit subject included."""
    if type(c) is n.Joined:
        return [e for part in c.conditions for e in _condition_exprs(m, part, subject)]
    if type(c) is n.Compare:
        return [c.left if c.left is not None else m.need_subject(subject, c), c.right]
    return [c.subject if c.subject is not None else m.need_subject(subject, c), c.low, c.high]


def _otherwise(m: Meaning, c: Any, subject: Any) -> Any:
    return m.true()


def _best(m: Meaning, c: Any, subject: Any) -> Any:
    """``Địa phương có tỷ lệ cao nhất``: the unit's value equals the cohort's (ties all match)."""
    subj = best_subject(m.p, m.part)
    m.prefetch([subj])
    v = m.value(subj)
    return m.compare(v, "=", m.cohort_stat(quantity_key(m.part, subj), c.func))


def _never(m: Meaning, c: Any, subject: Any) -> Any:
    """An option in a case list read as ``first``: never matches by value."""
    return m.false()


#: node class -> what the condition means
CONDITIONS: dict[type, Callable[[Meaning, Any, Any], Any]] = {
    n.Compare: _compare, n.Range: _range, n.Joined: _joined, n.Otherwise: _otherwise, n.Best: _best,
    n.Option: _never,
}


# ------------------------------------------------------------------ scoring rules

def _expr_scoring(m: Meaning, sc: ExprScoring) -> Any:
    m.prefetch([sc.expr])
    return m.value(sc.expr)


def _per_item(m: Meaning, sc: PerItemScoring) -> Any:
    """``Mỗi ... được 0,5 điểm``: the count times the points of one, bounded by the line's own cap
    (``tối đa 3 điểm``) when it has one."""
    count = m.read_input(sc.count_key, "count")
    m.prefetch([sc.points])
    value = m.mul(count, m.value(sc.points))
    return value if sc.cap is None else m.capped(value, sc.cap, sc)


def _per_items(m: Meaning, sc: PerItemsScoring) -> Any:
    """Several per-item lines in one part: the sum of the lines, each bounded by its own cap."""
    total = _per_item(m, sc.lines[0])
    for line in sc.lines[1:]:
        total = m.add(total, _per_item(m, line))
    return total


def _sum_items(m: Meaning, sc: SumItemsScoring) -> Any:
    return m.items_sum(sc)


def _cohort(m: Meaning, sc: CohortScoring) -> Any:
    """A cohort method on the quantity the part computed (``Tỷ lệ = a/b`` then ``Tính điểm theo
    phương pháp Min-Max``), else on the value the unit reports (input ``x``)."""
    if sc.subject is not None:
        m.prefetch([sc.subject])
        x = m.value(sc.subject)
    else:
        x = m.read_input(sc.subject_key, "x")
    return m.cohort_points(sc, x)


def _cases(m: Meaning, sc: CaseScoring) -> Any:
    """A case list: the first case that holds; with options (``exclusive``: one of them,
    ``cumulative``: the sum of those chosen), the options the unit chose, and when it chose
    none (or gave nothing) the cases that are not options."""
    cases = sc.cases.cases
    if sc.mode not in ("exclusive", "cumulative"):
        return m.first_match(sc, range(len(cases)))
    options = [i for i, c in enumerate(cases) if type(c.condition) is n.Option]
    others = [i for i, c in enumerate(cases) if type(c.condition) is not n.Option]
    chosen = m.pick(sc, options)
    rest = (lambda: m.first_match(sc, others)) if others else None
    return m.by_choice(chosen, lambda: m.chosen_total(sc, options, chosen),
                       rest if rest is not None else (lambda: m.nothing_chosen(sc)), rest)


def _no_points(m: Meaning, sc: Any) -> Any:
    return m.const(Fraction(0))


#: scoring class -> how a part is scored
SCORINGS: dict[type, Callable[[Meaning, Any], Any]] = {
    ExprScoring: _expr_scoring, PerItemScoring: _per_item, PerItemsScoring: _per_items, SumItemsScoring: _sum_items,
    CohortScoring: _cohort, CaseScoring: _cases,
}


# ------------------------------------------------------------------ case chains

def _chain(m: Meaning, sc: CaseScoring, indexes: Sequence[int], pos: int) -> Any:
    if pos == len(indexes):
        return m.no_match(sc)
    i = indexes[pos]
    case = sc.cases.cases[i]
    return m.branch(lambda: m.test(case.condition, sc.subject), lambda: _case_result(m, sc, i),
                    lambda: _chain(m, sc, indexes, pos + 1))


def _case_result(m: Meaning, sc: CaseScoring, i: int) -> Any:
    result = sc.cases.cases[i].result
    m.prefetch([result])
    return m.matched(sc, i, m.value(result))


# ------------------------------------------------------------------ names

def _name_meaning(m: Meaning, kind: str, name: str, node: Any) -> Any:
    if m.has(name):
        return m.recall(name)
    slot = m.slot(name)
    step = m.steps.get(name) if kind != "item" else None
    if kind == "item" or (step is None and any(spec.key == name for spec in m.p.inputs)):
        return m.remember(name, slot, m.read_named(name, slot))  # the implicit subject ``x`` included
    if step is None:
        return m.unknown_name(name, node)
    if step.key is not None:
        return m.remember(name, slot, m.read_named(step.key, slot))
    pw = m.wholes.get(step.span)
    if pw is not None and pw.ratio == name:
        values = [m.name_value("name", x, step.expr) for x in pw.parts + pw.wholes]
        m.check_part_whole(pw, step, _sum(m, values[:len(pw.parts)]), _sum(m, values[len(pw.parts):]))
    m.prefetch([step.expr])
    return m.remember_step(name, slot, step, m.value(step.expr))


def _sum(m: Meaning, values: list[Any]) -> Any:
    total = values[0]
    for v in values[1:]:
        total = m.add(total, v)
    return total
