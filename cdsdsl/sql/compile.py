"""A compiled ruleset as one SQL query over a table of units: `compile_ruleset_sql`.

Takes: a `scoring.compiled.CompiledRuleset` (every indicator parsed, resolved, compiled once) and a
dialect (``duckdb`` or ``postgres``).
Returns: `SqlRuleset`: the query as a sqlglot AST (``.query``, ``.sql()`` renders it), the input
table's columns the loader must fill (`InputColumn`: which indicator and input each generated column
holds), what every output column means, and the located notes (CDS680: an indicator the query cannot
express is scored by the Python engine and handed to the query as data; CDS682: the set formula and
the ranking by it are the Python engine's).

The query reads the table ``cds_units`` (one row per unit: ``cohort_no`` — units are compared and
ranked within their cohort, so one query can score several —, ``unit_no``, ``unit_name``,
``unit_group``, then the generated input columns) and gives one row per unit, in that order: for each indicator
``k<j>_n``/``k<j>_d`` (its exact points, reduced; NULL when not scored), ``k<j>_f`` (0 scored
plainly, 1 scored with a warning, 2 an error, 3 not applicable: the Python engine then writes the
message), ``k<j>_p`` (the points rounded once, DECIMAL); ``t<b>_p`` per section or group; ``total_p``
and ``rank_no`` (competition ranking, 1 2 2 4, by the rounded total: `RANK()`).  Layers, as CTEs:
``q`` cohort quantities → ``s<j>`` their exact lowest and highest value → ``r1``/``f1``/``g1`` the
indicators' raw points, clamped with flags, reduced → ``r2``/``f2``/``g2`` the indicators that add
others' points (``Cộng điểm từ … đến …``, parent indicators) → ``t``/``o`` totals and ranks.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs
from sqlglot import exp

from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.evaluate.cohort import cohort_quantities
from cdsdsl.scoring.fastpath import sum_candidates
from cdsdsl.sql.express import ERROR, ZERO_DIVISION, Scored, Unsupported, V, compile_indicator, compile_quantity, when
from cdsdsl.sql.express import mul as _mul
from cdsdsl.sql.quoting import NUMBER_TYPES, call, column, dialect_of, generated, number_type, text, typed
from cdsdsl.sql.stats import stats_ctes
from cdsdsl.sql.totals import common_denominator, decided, decimal, int_div, rounded_pair, rounded_sum, sum_parts, term

UNITS = "cds_units"
#: flags of an indicator's points
PLAIN, WARNED, FAILED, NOT_APPLICABLE = 0, 1, 2, 3


@attrs.frozen
class InputColumn:
    """A generated column of ``cds_units``: ``role`` ``number`` (columns ``<name>_n``/``<name>_d``: the
    figure ``key`` of indicator ``item`` read as ``kind``; both NULL when missing, ``_d`` 0 when it is
    not a valid figure), ``choice`` (``<name>``: the chosen options as bits, -1 when invalid),
    ``applies`` (``<name>``: the unit is in the indicator's ``Áp dụng:`` list) or ``python`` (the
    indicator's points computed by the Python engine: ``_n``/``_d``/``_f``)."""

    name: str
    role: str
    item: str
    key: str = ""
    kind: str = "number"
    labels: tuple[str, ...] = ()
    cumulative: bool = False


class Plan:
    """The generated columns of the input table and of the statistics, allocated as formulas ask."""

    def __init__(self, dialect: str, ids: list[str]) -> None:
        self.dialect = dialect
        self.ids = ids
        self.inputs: dict[tuple, InputColumn] = {}
        self.stat_keys: dict[tuple[str, str], int] = {}
        #: points of indicators already computed (reduced pairs), for the second level
        self.done: dict[str, tuple[exp.Expression, exp.Expression]] = {}

    def _col(self, key: tuple, make: Any) -> InputColumn:
        col = self.inputs.get(key)
        if col is None:
            col = self.inputs[key] = make(f"v{len(self.inputs)}")
        return col

    def number(self, item: str, key: str, kind: str) -> tuple[exp.Expression, exp.Expression]:
        c = self._col(("number", item, key, kind), lambda name: InputColumn(name, "number", item, key, kind))
        return column(f"{c.name}_n"), column(f"{c.name}_d")

    def choice(self, item: str, key: str, labels: tuple[str, ...], cumulative: bool) -> exp.Expression:
        c = self._col(("choice", item, key, labels, cumulative),
                      lambda name: InputColumn(name, "choice", item, key, labels=labels, cumulative=cumulative))
        return column(c.name)

    def applies(self, item: str) -> exp.Expression:
        return column(self._col(("applies", item), lambda name: InputColumn(name, "applies", item)).name)

    def python(self, item: str) -> InputColumn:
        return self._col(("python", item), lambda name: InputColumn(name, "python", item))

    def stat(self, item: str, key: str, func: str) -> tuple[exp.Expression, exp.Expression]:
        j = self.stat_keys.get((item, key))
        if j is None:
            raise Unsupported(f"cohort quantity {key}")
        side = "hi" if func == "max" else "lo"
        return column(f"s{j}_{side}_n"), column(f"s{j}_{side}_d")

    def points(self, item: str, first: str, last: str) -> V:
        keys = [k for k in sum_candidates(self.ids, first, last) if k in self.done]
        return self.pair_sum(keys)

    def pair_sum(self, keys: list[str]) -> V:
        zero, one = typed(0, self.dialect), typed(1, self.dialect)
        total = V(zero, one)
        for k in keys:
            n, d = self.done[k]
            n, d = exp.Coalesce(this=n, expressions=[zero]), exp.Coalesce(this=d, expressions=[one])
            total = V(exp.Add(this=exp.Paren(this=_mul(total.n, d)), expression=exp.Paren(this=_mul(n, total.d))),
                      _mul(total.d, d))
        return total


@attrs.frozen
class Indicator:
    """One indicator's place in the query: ``j`` (its columns ``k<j>_…``), its level (1, or 2 when it
    adds other indicators' points) and how it is scored."""

    j: int
    key: str
    level: int
    how: str  # formula | entered | children | error | python
    scored: Scored | None = None
    max_points: Fraction | None = None


@attrs.frozen
class SqlRuleset:
    query: exp.Expression
    dialect: str
    inputs: tuple[InputColumn, ...]
    indicators: tuple[Indicator, ...]
    buckets: tuple[tuple[bool, str, str | None, tuple[str, ...]], ...]
    notes: tuple[Diagnostic, ...]
    ranks_by_total: bool
    #: ((indicator, quantity key), j): the statistics columns ``s<j>_lo_n`` … of the result
    stat_keys: tuple[tuple[tuple[str, str], int], ...] = ()

    def sql(self, pretty: bool = True) -> str:
        """The query as text for the dialect."""
        return self.query.sql(dialect=dialect_of(self.dialect), pretty=pretty)


def _select(cols: list[exp.Expression], source: str, star: bool = True) -> exp.Select:
    return exp.select(*([exp.Star()] if star else []), *cols, copy=False).from_(
        exp.Table(this=generated(source)), copy=False)


def _alias(e: exp.Expression, name: str) -> exp.Expression:
    return exp.Alias(this=e, alias=generated(name))


class _Builder:
    def __init__(self, cr: Any, dialect: str) -> None:
        if dialect not in NUMBER_TYPES:
            raise ValueError(f"unknown SQL dialect {dialect!r}")
        self.cr = cr
        self.dialect = dialect
        self.plan = Plan(dialect, [c.key for c in cr.items])
        self.notes: list[Diagnostic] = []
        #: indicators another one adds up (their points are kept reduced)
        self.summed = {k for c in cr.items if c.sums is not None or c.children for k in self._summed(c)}
        self.ctes: list[tuple[str, exp.Expression]] = []

    def num(self, v: int) -> exp.Expression:
        return typed(v, self.dialect)

    # ------------------------------------------------------------ indicators
    def indicators(self) -> list[Indicator]:
        order = [c for c in self.cr.items if c.sums is None and not c.children]
        order += [c for c in self.cr.items if c.sums is not None or c.children]
        out: list[Indicator] = []
        for j, c in enumerate(order):  # what the second level reads: the first level's reduced points
            if c.sums is None and not c.children:
                self.plan.done[c.key] = (column(f"k{j}_n"), column(f"k{j}_d"))
        for j, c in enumerate(order):
            level = 2 if (c.sums is not None or c.children) else 1
            if c.errors:
                out.append(Indicator(j, c.key, level, "error"))
            elif c.children:
                out.append(Indicator(j, c.key, level, "children"))
            elif c.entered:
                out.append(Indicator(j, c.key, level, "entered", max_points=c.max_points))
            else:
                out.append(self.formula(j, c, level))
        return out

    def formula(self, j: int, c: Any, level: int) -> Indicator:
        try:
            if level == 2 and any(k in self.cr.by_key and k not in self.plan.done for k in self._summed(c)):
                raise Unsupported("a sum of sums")
            scored = compile_indicator(c.program, self.plan)
        except Unsupported as u:
            self.notes.append(Diagnostic.make("CDS680", c.program.formula.span, source=c.program.formula.source,
                                              item=c.key, indicator=c.key, what=u.what))
            self.plan.python(c.key)
            return Indicator(j, c.key, level, "python", max_points=c.max_points)
        return Indicator(j, c.key, level, "formula", scored, c.max_points)

    def _summed(self, c: Any) -> list[str]:
        if c.children:
            return list(c.children)
        return [k for k in sum_candidates(self.plan.ids, *c.sums)]

    def quantities(self) -> None:
        """The ``q`` layer and one statistics CTE per cohort quantity."""
        cols: list[exp.Expression] = []
        specs: list[tuple[int, str]] = []
        for c in self.cr.cohort_items:
            if c.program is None or c.errors:
                continue
            for q in cohort_quantities(c.program):
                j = len(self.plan.stat_keys)
                try:
                    s = compile_quantity(c.program, self.plan, q.part, q.expr, q.input_key)
                except Unsupported:
                    continue
                self.plan.stat_keys[(c.key, q.key)] = j
                ok: exp.Expression = exp.Is(this=s.stop, expression=exp.null()) if s.stop is not None else exp.true()
                applies = self.applies(c)
                if applies is not None:
                    ok = exp.And(this=ok, expression=exp.Paren(this=applies))
                cols += [_alias(s.value.n, f"q{j}_n"), _alias(s.value.d, f"q{j}_d"), _alias(ok, f"q{j}_ok")]
                specs.append((j, c.key))
        if not specs:
            return
        self.ctes.append(("q", exp.select(column("unit_no"), column("cohort_no"), *cols, copy=False).from_(
            exp.Table(this=generated(UNITS)), copy=False)))
        for j, _key in specs:
            self.ctes.extend(stats_ctes(j, self.dialect))

    def applies(self, c: Any) -> exp.Expression | None:
        """Whether the indicator applies to the unit (None: always)."""
        tests: list[exp.Expression] = []
        if c.indicator.group_id is not None:
            tests.append(exp.Coalesce(this=exp.EQ(this=column("unit_group"), expression=text(c.indicator.group_id)),
                                      expressions=[exp.false()]))
        if c.applies_to is not None:
            tests.append(self.plan.applies(c.key))
        if not tests:
            return None
        return tests[0] if len(tests) == 1 else exp.And(this=tests[0], expression=tests[1])

    def raw(self, ind: Indicator) -> list[exp.Expression]:
        """``k<j>_rn``, ``_rd``, ``_rs`` (stop), ``_rw`` (no case), ``_na`` of one indicator."""
        j, c = ind.j, self.cr.by_key[ind.key]
        null = exp.Cast(this=exp.null(), to=number_type(self.dialect))  # typed: PostgreSQL reads a bare NULL as text
        no_stop = exp.Cast(this=exp.null(), to=exp.DataType.build("INTEGER"))
        if ind.how == "formula":
            assert ind.scored is not None
            v, stop = ind.scored.value, ind.scored.stop
            parts = [v.n, v.d, stop if stop is not None else no_stop, v.w if v.w is not None else exp.false()]
        elif ind.how == "entered":
            n, d = self.plan.number(ind.key, "điểm", "points")
            parts = [n, d, when(exp.Is(this=n, expression=exp.null()), exp.Literal.number(ERROR)), exp.false()]
        elif ind.how == "children":
            s = self.plan.pair_sum([k for k in c.children if k in self.plan.done])
            parts = [s.n, s.d, no_stop, exp.false()]
        elif ind.how == "python":
            col = self.plan.python(ind.key).name
            parts = [column(f"{col}_n"), column(f"{col}_d"), column(f"{col}_f"), exp.false()]
        else:
            parts = [null, null, exp.Literal.number(ERROR), exp.false()]
        applies = self.applies(c)
        na = exp.Not(this=exp.Paren(this=applies)) if applies is not None else exp.false()
        names = ["rn", "rd", "rs", "rw", "na"]
        return [_alias(e, f"k{j}_{s}") for e, s in zip([*parts, na], names, strict=True)]

    def final(self, ind: Indicator) -> list[exp.Expression]:
        """``k<j>_cn``/``_cd`` (clamped to [0, max]) and ``k<j>_f`` (the flag)."""
        j = ind.j
        rn, rd, rs, rw, na = (column(f"k{j}_{s}") for s in ("rn", "rd", "rs", "rw", "na"))
        zero, one = self.num(0), self.num(1)
        stop_error = exp.EQ(this=rs, expression=exp.Literal.number(ERROR))
        zdiv = exp.EQ(this=rs, expression=exp.Literal.number(ZERO_DIVISION))
        zdiv_fails = self.cr.policy.zero_division == "error"
        if ind.how == "python":  # the Python engine's own flag and value
            flag = when(na, exp.Literal.number(NOT_APPLICABLE), rs)
            return [_alias(rn, f"k{j}_cn"), _alias(rd, f"k{j}_cd"), _alias(flag, f"k{j}_f")]
        clamp = ind.how == "formula"
        mx = Fraction(ind.max_points) if ind.max_points is not None else None
        ifs_n: list[tuple[exp.Expression, exp.Expression]] = [(na, exp.null()), (stop_error, exp.null())]
        ifs_d: list[tuple[exp.Expression, exp.Expression]] = [(na, exp.null()), (stop_error, exp.null())]
        flags: list[tuple[exp.Expression, exp.Expression]] = [(na, exp.Literal.number(NOT_APPLICABLE)),
                                                               (stop_error, exp.Literal.number(FAILED))]
        if ind.how == "entered" and mx is not None:
            over = exp.GT(this=_mul(rn, self.num(mx.denominator)), expression=_mul(self.num(mx.numerator), rd))
            ifs_n.append((over, exp.null()))
            ifs_d.append((over, exp.null()))
            flags.append((over, exp.Literal.number(FAILED)))
        if clamp:
            zres = (exp.null(), exp.null()) if zdiv_fails else (zero, one)
            ifs_n.append((zdiv, zres[0]))
            ifs_d.append((zdiv, zres[1]))
            flags.append((zdiv, exp.Literal.number(FAILED if zdiv_fails else WARNED)))
            below = exp.LT(this=rn, expression=zero)
            ifs_n.append((below, zero))
            ifs_d.append((below, one))
            flags.append((below, exp.Literal.number(WARNED)))
            assert mx is not None
            above = exp.GT(this=_mul(rn, self.num(mx.denominator)), expression=_mul(self.num(mx.numerator), rd))
            ifs_n.append((above, self.num(mx.numerator)))
            ifs_d.append((above, self.num(mx.denominator)))
            flags.append((above, exp.Literal.number(WARNED)))
            flags.append((rw, exp.Literal.number(WARNED)))

        def case(ifs: list[tuple[exp.Expression, exp.Expression]], default: exp.Expression) -> exp.Expression:
            return exp.Case(ifs=[exp.If(this=t, true=v) for t, v in ifs], default=default)

        return [_alias(case(ifs_n, rn), f"k{j}_cn"), _alias(case(ifs_d, rd), f"k{j}_cd"),
                _alias(case(flags, exp.Literal.number(PLAIN)), f"k{j}_f")]

    def reduced(self, ind: Indicator) -> list[exp.Expression]:
        """``k<j>_n``/``k<j>_d`` (reduced when another indicator adds them up: smaller products there), and
        the indicator's term of every sum it is in (`totals.term`)."""
        j = ind.j
        cn: exp.Expression = column(f"k{j}_cn")
        cd: exp.Expression = column(f"k{j}_cd")
        if ind.key in self.summed:
            g = call("GCD", cn, cd)
            cn, cd = int_div(cn, g), int_div(cd, g)
        low, cut = term(column(f"k{j}_n"), column(f"k{j}_d"), self.dialect)
        return [_alias(cn, f"k{j}_n"), _alias(cd, f"k{j}_d"), _alias(low, f"k{j}_l"), _alias(cut, f"k{j}_m")]

    def level(self, inds: list[Indicator], level: int, source: str) -> str:
        """The three CTEs of one level; returns the name of the last."""
        mine = [i for i in inds if i.level == level]
        if not mine:
            return source
        r, f, g, h = f"r{level}", f"f{level}", f"g{level}", f"h{level}"
        self.ctes.append((r, _select([e for i in mine for e in self.raw(i)], source)))
        self.ctes.append((f, _select([e for i in mine for e in self.final(i)], r)))
        self.ctes.append((g, _select([e for i in mine for e in self.reduced(i)[:2]], f)))
        self.ctes.append((h, _select([e for i in mine for e in self.reduced(i)[2:]], g)))
        return h

    # ------------------------------------------------------------ totals and ranks
    def totals(self, inds: list[Indicator], source: str) -> exp.Select:
        cr, dialect = self.cr, self.dialect
        digits, mode = cr.policy.digits, cr.policy.rounding
        pair = {i.key: (column(f"k{i.j}_n"), column(f"k{i.j}_d")) for i in inds}
        j_of = {i.key: i.j for i in inds}
        parts: list[exp.Expression] = []
        sums: list[tuple[str, list[str]]] = []
        everything: list[str] = []
        for b, bucket in enumerate(cr.fast.buckets):
            grouped, keys = bucket[0], bucket[3]
            sums.append((f"t{b}", list(keys)))
            if not grouped:  # the set total adds the sections, not the groups
                everything += list(keys)
        sums.append(("total", everything))
        lcms: list[exp.Expression] = []
        for name, keys in sums:
            pairs = [pair[k] for k in keys]
            low, cuts = sum_parts([(column(f"k{j_of[k]}_l"), column(f"k{j_of[k]}_m")) for k in keys], dialect)
            parts += [_alias(low, f"{name}_l"), _alias(cuts, f"{name}_m")]
            undecided = exp.Not(this=exp.Paren(this=decided(column(f"{name}_l"), column(f"{name}_m"), digits, mode,
                                                            dialect)))
            lcms.append(_alias(when(undecided, common_denominator(pairs, dialect)), f"{name}_c"))
        self.ctes.append(("t", _select(parts, source)))
        self.ctes.append(("tc", _select(lcms, "t")))
        out: list[exp.Expression] = [column("cohort_no"), column("unit_no"), column("unit_name")]
        for i in inds:
            out += [column(f"k{i.j}_n"), column(f"k{i.j}_d"), column(f"k{i.j}_f"),
                    _alias(decimal(rounded_pair(*pair[i.key], digits, mode, dialect), digits), f"k{i.j}_p")]
        for j in range(len(self.plan.stat_keys)):
            out += [column(f"s{j}_{side}") for side in ("lo_n", "lo_d", "hi_n", "hi_d", "count")]
        for name, keys in sums:
            pairs = [pair[k] for k in keys]
            r = rounded_sum(column(f"{name}_l"), column(f"{name}_m"), column(f"{name}_c"), pairs, digits, mode,
                            dialect)
            out.append(_alias(r, f"{name}_r"))
        self.ctes.append(("o", _select(out, "tc", star=False)))
        final: list[exp.Expression] = [exp.Star()]
        for name, _keys in sums:
            final.append(_alias(decimal(column(f"{name}_r"), digits), f"{name}_p"))
        rank = exp.Window(this=exp.Anonymous(this="RANK"), partition_by=[column("cohort_no")],
                          order=exp.Order(expressions=[exp.Ordered(this=column("total_r"), desc=True)]))
        final.append(_alias(rank, "rank_no"))
        return exp.select(*final, copy=False).from_(exp.Table(this=generated("o")), copy=False).order_by(
            column("cohort_no"), column("unit_no"), copy=False)

    def build(self) -> SqlRuleset:
        self.quantities()
        inds = self.indicators()
        base = UNITS
        if self.plan.stat_keys:
            joined = exp.select(exp.Star()).from_(exp.Table(this=generated(UNITS)), copy=False)
            for j in range(len(self.plan.stat_keys)):
                on = exp.EQ(this=column(f"s{j}_c", f"s{j}"), expression=column("cohort_no", UNITS))
                joined = joined.join(exp.Table(this=generated(f"s{j}")), on=on, join_type="LEFT", copy=False)
            self.ctes.append(("u", joined))
            base = "u"
        source = self.level(inds, 1, base)
        source = self.level(inds, 2, source)
        final = self.totals(inds, source)
        for name, q in self.ctes:
            final = final.with_(generated(name), as_=q, copy=False)
        if dialect_of(self.dialect) == "postgres":
            # PostgreSQL would otherwise fold each layer into the next, copying every expression into
            # each place that reads it: the plan grows exponentially with the layers (and runs out of memory)
            for cte in final.find(exp.With).expressions:  # type: ignore[union-attr]
                cte.set("materialized", True)
        rs = self.cr.ruleset
        if getattr(rs, "set_formula", None):
            self.notes.append(Diagnostic.make("CDS682", None))
        buckets = tuple((b[0], b[1], b[2], b[3]) for b in self.cr.fast.buckets)
        return SqlRuleset(final, self.dialect, tuple(self.plan.inputs.values()), tuple(inds), buckets,
                          tuple(self.notes), not getattr(rs, "set_formula", None),
                          tuple(self.plan.stat_keys.items()))


def compile_ruleset_sql(ruleset: Any, dialect: str = "duckdb") -> SqlRuleset:
    """The SQL query of a ruleset (a `Ruleset` or a `CompiledRuleset`) in ``dialect``."""
    from cdsdsl.scoring.score import compile_ruleset

    return _Builder(compile_ruleset(ruleset), dialect).build()
