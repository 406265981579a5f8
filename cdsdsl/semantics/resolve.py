"""Resolve what a formula means: names, inputs, subjects, options, scoring.

Takes: a `Formula` (from `parse_formula`), the indicator's maximum points and,
optionally, its id and title and the ruleset's overrides (option reading,
cohort method).
Returns: a `Program`: the input schema (`InputSpec`: key, description, kind,
unit), and per part the ordered computations and one `Scoring`.  Resolution
findings (unknown names with the nearest defined name, unused inputs, what was
inferred) are `Program.diagnostics`.  The checker, the interpreter and the
compiler all work from a `Program`, never from raw text.

Input keys (the names of the `inputs` mapping of `evaluate_formula`):
- a declared name: ``"a"``, ``"b"``; when one name is declared in several parts
  (huyện 2023 3.7 reuses a and b) it is prefixed by the part: ``"1.a"``, ``"2.a"``;
- ``"x"``: the subject of cases or of a cohort method that names no variable
  (``+ Từ 20 trở lên: ...`` counts the articles named in the heading);
- ``"lựa chọn"``: the chosen option of an option list (its text or its number
  1, 2, ...; a list of them for a cumulative list) (``"1.lựa chọn"`` per part when
  several parts have options);
- ``"số lượng"``: the number of counted items (``Mỗi hoạt động: 1 điểm``);
- ``"mục 5.12.1"``: the amount of another indicator (levels relative to it).

The input schema is in `inputs`, part/whole ratios in `partwhole`, the scoring rules in
`scoring_rules` and `max_points_value` in `maxpoints`; their public names are importable from
here as well (``cdsdsl.resolve.input_kind``, docs/api.md).
"""
from __future__ import annotations

import difflib
import re
from fractions import Fraction
from typing import Any, Callable, Iterable, Iterator

import attrs

from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.semantics.dimensions import Dimension, paren_unit
from cdsdsl.semantics.inputs import (
    BEST_WORDS,
    BUILTIN_NAMES,
    CHOICE_KEY,
    COUNT,
    COUNT_KEY,
    KNOWN_COMPUTED,
    MONEY,
    NUMBER,
    OPTION,
    OPTIONS,
    POINTS,
    RATIO,
    RATIO_START,
    SUBJECT_KEY,
    WORST_WORDS,
    InputSpec,
    count_description,
    input_kind,
)
from cdsdsl.semantics.maxpoints import max_points_value
from cdsdsl.semantics.money_scales import Conversion, convert_part, one_scale_wholes
from cdsdsl.semantics.partwhole import TARGET_WORDS, PartWhole, Rate, part_whole_of
from cdsdsl.semantics.scoring_rules import (
    CaseScoring,
    CohortScoring,
    ExprScoring,
    PerItemScoring,
    PerItemsScoring,
    Scoring,
    SumItemsScoring,
    apply_binop,
    condition_bounds,
    final_quantities,
    names_no_subject,
    option_mode,
    per_items_together,
    share_of,
)
from cdsdsl.semantics.typedecl import declared_spec, inline_divisions
from cdsdsl.syntax import nodes as n
from cdsdsl.text.source import Span

__all__ = [
    # the input schema (inputs.py)
    "CHOICE_KEY", "SUBJECT_KEY", "COUNT_KEY", "BUILTIN_NAMES",
    "COUNT", "MONEY", "RATIO", "NUMBER", "OPTION", "OPTIONS", "POINTS", "InputSpec", "input_kind",
    # part/whole ratios (partwhole.py), scoring rules (scoring_rules.py), the maximum (maxpoints.py)
    "PartWhole", "TARGET_WORDS",
    "ExprScoring", "CaseScoring", "PerItemScoring", "PerItemsScoring", "SumItemsScoring", "CohortScoring", "Scoring",
    "apply_binop", "condition_bounds", "max_points_value",
    # this module
    "Step", "PartProgram", "Program", "computed_from_itself", "uses_cohort", "resolve",
]


@attrs.frozen
class Step:
    """Bind ``name`` in the part's scope: to an input (``key``) or to an expression."""

    name: str
    key: str | None = None
    expr: Any = None
    span: Span = attrs.field(default=Span(0, 0), eq=False)


def computed_from_itself(steps: Iterable[Step]) -> list[tuple[Step, list[str]]]:
    """The cycles among a part's computed names, each as (the step that closes it, the names
    around it): a name has one value in a part (its last definition, as evaluation reads it), so
    `Tỷ lệ = a/b` then `Tỷ lệ = Tỷ lệ * Điểm tối đa` defines `Tỷ lệ` from itself (and so does
    `Tỷ lệ = Tỷ lệ cao nhất`: the cohort's highest is taken over the units' own values)."""
    latest = {s.name: s for s in steps}
    uses: dict[str, list[str]] = {}
    for name, step in latest.items():
        if step.expr is None:
            continue
        uses[name] = [x.name for x in step.expr.walk() if isinstance(x, n.Name) and x.name in latest]
    found: list[tuple[Step, list[str]]] = []
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            ring = path[path.index(name):]
            closing = max(ring, key=lambda x: latest[x].span.start)  # the definition written last
            at = ring.index(closing)
            if not any(step.name == closing for step, _ in found):
                found.append((latest[closing], ring[at:] + ring[:at] + [closing]))
            return
        if name in done:
            return
        for used in uses.get(name, ()):
            visit(used, path + [name])
        done.add(name)

    for name in latest:
        visit(name, [])
    return found


@attrs.frozen
class PartProgram:
    index: int
    number: str | None
    title: str | None
    steps: tuple[Step, ...]
    scoring: Scoring | None
    conversions: tuple[Conversion, ...] = attrs.field(default=(), eq=False)  #: money scales converted (CDS330)


@attrs.frozen
class Program:
    formula: n.Formula = attrs.field(eq=False, repr=False)
    max_points: Fraction
    item: str | None
    inputs: tuple[InputSpec, ...]
    parts: tuple[PartProgram, ...]
    cap: Any = None  # ``Tổng điểm không quá ...`` expression
    part_wholes: tuple[PartWhole, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), eq=False, repr=False)
    #: the ratios of things counted differently (people per household): they may exceed 100%
    rates: tuple[Rate, ...] = attrs.field(default=(), eq=False)

    @property
    def needs_cohort(self) -> bool:
        """True when scoring one unit needs the other units' data."""
        return uses_cohort(self)

    @property
    def checked_part_wholes(self) -> tuple[PartWhole, ...]:
        """The part/whole ratios whose a > b is a data error (CDS614) when scoring: all but those over a
        target or a minimum.  Both backends (interpreter and compiler) check exactly these."""
        return tuple(pw for pw in self.part_wholes if pw.target is None and not pw.inline)

    @property
    def checked_divisions(self) -> dict[Any, PartWhole]:
        """The part/whole divisions written inside a formula (``a/b * Điểm tối đa``), by their node: scoring
        refuses a > b there exactly as for ``Tỷ lệ = a/b`` (CDS614)."""
        return {pw.node: pw for pw in self.part_wholes if pw.inline and pw.target is None}

    @property
    def item_refs(self) -> tuple[str, ...]:
        return tuple(sorted({i.key[4:] for i in self.inputs if i.role == "itemref"}))

    def input(self, key: str) -> InputSpec:
        for spec in self.inputs:
            if spec.key == key:
                return spec
        raise KeyError(key)


def _program_exprs(part: PartProgram) -> Iterator[Any]:
    """The expressions and conditions of a part's steps and scoring."""
    for step in part.steps:
        if step.expr is not None:
            yield step.expr
    sc = part.scoring
    if isinstance(sc, ExprScoring):
        yield sc.expr
    elif isinstance(sc, CaseScoring):
        for case in sc.cases.cases:
            yield case.condition
            yield case.result
        if sc.subject is not None:
            yield sc.subject


def uses_cohort(program: Program, walk: Callable[[Any], Iterable[n.Node]] = n.Node.walk) -> bool:
    """`Program.needs_cohort`: a cohort method, or a ``cao nhất`` value or unit in a part.
    ``walk`` lists the nodes of an expression (`Node.walk`, or a checker's cached listing)."""
    for part in program.parts:
        if isinstance(part.scoring, CohortScoring):
            return True
        for expr in _program_exprs(part):
            for node in walk(expr):
                if isinstance(node, (n.Aggregate, n.Best)):
                    return True
    return False


# ---------------------------------------------------------------- resolver

class _PartScope:
    """What resolving one part has met so far: its names (``scope``: a name -> its latest `Step`),
    its steps in order, the names used, the scoring rules written (each with its place), the last
    computed name (the implicit subject of a later case list) and the inputs declared, by name."""

    def __init__(self, idx: int, part: n.Part) -> None:
        self.idx = idx
        self.part = part
        self.scope: dict[str, Step] = {}
        self.steps: list[Step] = []
        self.used: set[str] = set()
        self.scorings: list[tuple[Scoring, Span]] = []
        self.last_computed: str | None = None
        self.decls: dict[str, n.InputDecl] = {}
        self._aggregated: set[str] | None = None

    def bind(self, step: Step) -> None:
        """``step.name`` means ``step`` from here on."""
        self.scope[step.name] = step
        self.steps.append(step)

    def aggregated(self) -> set[str]:
        """The names used under `cao nhất`/`thấp nhất`, found only when needed."""
        if self._aggregated is None:
            self._aggregated = {x.operand.name for st in self.part.body for x in st.walk()
                                if isinstance(x, n.Aggregate) and isinstance(x.operand, n.Name)}
        return self._aggregated


class _Resolver:
    def __init__(self, formula: n.Formula, max_points: Fraction, item: str | None, title: str | None,
                 option_mode: str | None, cohort_method: str | None,
                 types: dict[str, Dimension | str] | None = None) -> None:
        self.f = formula
        self.types = types or {}
        self.rates: list[Rate] = []
        self.max_points = max_points
        self.item = item
        self.title = title or ""
        self.option_mode = option_mode
        self.cohort_method = cohort_method
        self.diags: list[Diagnostic] = []
        self.inputs: dict[str, InputSpec] = {}
        self.part_wholes: list[PartWhole] = []
        self.cap: Any = None
        self.unit_note: str | None = next((st.unit for st in formula.statements
                                           if isinstance(st, n.Note) and st.kind == "unit"), None)
        declared: dict[str, int] = {}
        for part in formula.parts:
            for st in part.body:
                if isinstance(st, n.InputDecl):
                    declared[st.name] = declared.get(st.name, 0) + 1
        self.multi = {k for k, c in declared.items() if c > 1}
        # several per-item lines (in one part or several) each count their own items: `số lượng 1`, `số lượng 2`
        self.per_items = sum(1 for st in formula.statements if isinstance(st, n.PerItem))
        self.per_items_seen = 0
        self.several_parts = len(formula.parts) > 1
        self.option_parts = sum(1 for p in formula.parts
                                if any(isinstance(st, n.Cases) and any(isinstance(c.condition, n.Option)
                                                                       for c in st.cases) for st in p.body))

    def diag(self, code: str, span: Span | None, **args: Any) -> None:
        self.diags.append(Diagnostic.make(code, span, source=self.f.source, item=self.item, **args))

    def key_for(self, name: str, part: n.Part, idx: int) -> str:
        if name in self.multi:
            return f"{part.number or idx + 1}.{name}"
        return name

    def add_input(self, spec: InputSpec) -> None:
        if spec.key not in self.inputs:
            self.inputs[spec.key] = spec

    def resolve(self) -> Program:
        parts = tuple(self.resolve_part(idx, part) for idx, part in enumerate(self.f.parts))
        if self.several_parts:
            for p in parts:
                if p.scoring is None and p.steps:
                    self.diag("CDS206", self.f.parts[p.index].span,
                              where=f"phần {p.number or p.index + 1}", where_en=f"part {p.number or p.index + 1}")
        if all(p.scoring is None for p in parts):
            self.diag("CDS206", self.f.span, where="chỉ số này", where_en="this indicator")
        return Program(self.f, self.max_points, self.item, tuple(self.inputs.values()), parts,
                       self.cap, one_scale_wholes(self.part_wholes, self.inputs), tuple(self.diags), tuple(self.rates))

    def resolve_part(self, idx: int, part: n.Part) -> PartProgram:
        ps = _PartScope(idx, part)
        # inputs described in prose are known from the start of the part, so a formula may use
        # them before the lines that describe them (`Điểm = a/b * Điểm tối đa` then `Trong đó: a = ...`)
        for st in part.body:
            if isinstance(st, n.InputDecl) and not RATIO_START.match(st.description):
                self.declare(ps, st)
        for st in part.body:
            rule = _STATEMENT_RULES.get(type(st))
            if rule is not None:
                rule(self, ps, st)
        for name, decl in ps.decls.items():
            if name not in ps.used and not self.used_later(name, ps.scope):
                self.diag("CDS202", decl.name_span if decl.name_span.end else decl.span, name=name)
        scorings = per_items_together(ps.scorings)
        if len(scorings) > 1:  # error CDS207: the indicator is not scored; the last is kept for the checks
            last_span = scorings[-1][1]
            line = self.f.source.position(last_span.start)[0] if self.f.source else 0
            self.diag("CDS207", last_span, where=f"phần {part.number}" if part.number else "chỉ số này",
                      where_en=f"part {part.number}" if part.number else "this indicator", line=line)
        ps.steps, scoring, moved = convert_part(ps.steps, scorings[-1][0] if scorings else None, self.inputs)
        for conv in moved:
            self.diag("CDS330", conv.node.span, **conv.args())
        for found in inline_divisions(ps.steps, scoring, ps.decls, self.dims(ps)):
            self.ratio_found(found)
        for step, chain in computed_from_itself(ps.steps):
            self.diag("CDS209", step.span, name=step.name, chain=" → ".join(chain))
        return PartProgram(idx, part.number, part.title, tuple(ps.steps), scoring, tuple(moved))

    # -- the statements of a part (`_STATEMENT_RULES`) ------------------------
    def input_statement(self, ps: _PartScope, st: n.InputDecl) -> None:
        if ps.decls.get(st.name) is st:  # declared from the start of the part
            return
        alias = self.alias_of(st, ps.scope, ps.last_computed)
        if alias is None:
            self.declare(ps, st)
        else:
            ps.bind(Step(st.name, None, alias, span=st.span))

    def assign_statement(self, ps: _PartScope, st: n.Assign) -> None:
        self.use(ps, st.value.walk())
        if st.target.name == "Điểm":
            ps.scorings.append((ExprScoring(st.value, span=st.span), st.span))
            return
        ps.bind(Step(st.target.name, None, st.value, span=st.span))
        ps.last_computed = st.target.name
        declared = self.types.get(st.target.name)
        self.ratio_found(part_whole_of(st, ps.decls, self.dims(ps), declared if isinstance(declared, str) else None))

    def dims(self, ps: _PartScope) -> dict[str, Dimension]:
        """The dimensions of the inputs declared in the part, by name."""
        return {name: self.inputs[self.key_for(name, ps.part, ps.idx)].dimension for name in ps.decls
                if self.key_for(name, ps.part, ps.idx) in self.inputs}

    def ratio_found(self, found: PartWhole | Rate | None) -> None:
        if isinstance(found, PartWhole):
            self.part_wholes.append(found)
        elif isinstance(found, Rate):
            self.rates.append(found)

    def cases_statement(self, ps: _PartScope, st: n.Cases) -> None:
        ps.scorings.append((self.cases(st, ps), st.span))

    def per_item_statement(self, ps: _PartScope, st: n.PerItem) -> None:
        self.use(ps, st.walk())
        self.per_items_seen += 1
        key = COUNT_KEY if self.per_items <= 1 else f"{COUNT_KEY} {self.per_items_seen}"
        self.add_input(InputSpec(key, COUNT_KEY, count_description(st.label), COUNT,
                                 part=ps.idx, role="count", span=st.span))
        ps.scorings.append((PerItemScoring(st.points, key, span=st.span, cap=st.cap), st.span))

    def cap_statement(self, ps: _PartScope, st: n.Cap) -> None:
        self.use(ps, st.limit.walk())
        self.cap = st.limit

    def sum_items_statement(self, ps: _PartScope, st: n.SumItems) -> None:
        ps.scorings.append((SumItemsScoring(st.first, st.last, span=st.span), st.span))

    def cohort_statement(self, ps: _PartScope, st: n.CohortMethod) -> None:
        ps.scorings.append((self.cohort(st, ps), st.span))

    # -- names ------------------------------------------------------------------
    def use(self, ps: _PartScope, nodes: Iterable[n.Node]) -> None:
        """The names among an expression's nodes are used."""
        for node in nodes:
            if isinstance(node, n.Name):
                if node.name in ps.scope:
                    ps.used.add(node.name)
                elif node.name in KNOWN_COMPUTED or node.name in ps.aggregated():
                    # `- Tỷ lệ >= 80%: ...` with no `Tỷ lệ = a/b`, or `Giá trị của đơn vị / Giá trị
                    # cao nhất`: the unit reports the value itself
                    ps.bind(self.reported_value(node, ps.idx, ps.part))
                    ps.used.add(node.name)
                else:
                    self.unknown(node, ps.scope)

    def declare(self, ps: _PartScope, st: n.InputDecl) -> None:
        key = self.key_for(st.name, ps.part, ps.idx)
        kind = input_kind(st.description, st.unit)
        spec = InputSpec(key, st.name, st.description, kind, st.unit or (
            self.unit_note if kind == MONEY else paren_unit(st.description)), st.constant, (), ps.idx, "declared",
            span=st.span)
        declared = self.types.get(st.name)
        if isinstance(declared, Dimension):
            spec, inferred = declared_spec(spec, declared)
            if inferred is not None:
                self.diag("CDS661", st.span, name=st.name, declared=declared.label(), inferred=inferred.label(),
                          declared_en=declared.label("en"), inferred_en=inferred.label("en"))
        self.add_input(spec)
        ps.decls[st.name] = st
        ps.bind(Step(st.name, key, None, span=st.span))

    def reported_value(self, node: n.Name, idx: int, part: n.Part) -> Step:
        """A value the text uses but never computes (`Tỷ lệ`, or a name taken `cao nhất`): an input."""
        key = self.key_for(node.name.lower(), part, idx) if self.several_parts else node.name.lower()
        desc = self.title or node.name
        kind = RATIO if node.name in KNOWN_COMPUTED else (MONEY if self.unit_note else NUMBER)
        self.add_input(InputSpec(key, node.name, desc, kind, self.unit_note if kind == MONEY else None,
                                 part=idx, role="declared", span=node.span))
        self.diag("CDS208", node.span, name=node.name, key=key)
        return Step(node.name, key, None, span=node.span)

    def used_later(self, name: str, scope: dict[str, Step]) -> bool:
        """A name used only through an alias (g = Tỷ lệ ... where Tỷ lệ uses a)."""
        for step in scope.values():
            if step.expr is not None and any(isinstance(x, n.Name) and x.name == name for x in step.expr.walk()):
                return True
        return False

    def unknown(self, node: n.Name, scope: dict[str, Step]) -> None:
        if node.name == "Điểm":  # `- Có: điểm`: the points used inside their own formula
            self.diag("CDS201", node.span, name=node.text or node.name,
                      suggestion="có phải là `Điểm tối đa`?", suggestion_en="did you mean `Điểm tối đa`?")
            return
        candidates = [c for c in list(scope) + ["Tỷ lệ", "Điểm tối đa"] if c != node.name]
        close = difflib.get_close_matches(node.name, candidates, n=1, cutoff=0.5)
        if not close:
            base = re.sub(r"\s*\d+(\.\d+)?$", "", node.name)
            close = [base] if base in candidates else []
        if close:
            suggestion, suggestion_en = f"có phải là `{close[0]}`?", f"did you mean `{close[0]}`?"
        elif node.name in KNOWN_COMPUTED:
            suggestion = f"Tính `{node.name}` trước khi dùng, ví dụ `{node.name} = a/b`."
            suggestion_en = f"Compute `{node.name}` before using it, e.g. `{node.name} = a/b`."
        else:
            suggestion = "Khai báo tên này trước khi dùng, ví dụ `a = Số lượng ...`."
            suggestion_en = "Declare the name before using it, e.g. `a = Số lượng ...`."
        self.diag("CDS201", node.span, name=node.text or node.name, suggestion=suggestion,
                  suggestion_en=suggestion_en)

    def alias_of(self, st: n.InputDecl, scope: dict[str, Step], last_computed: str | None) -> Any:
        """``g = Tỷ lệ ... của đơn vị`` → Tỷ lệ; ``k = Tỷ lệ ... cao nhất ...`` → max of Tỷ lệ."""
        desc = st.description
        m = RATIO_START.match(desc)
        if not m or last_computed is None:
            return None
        named = "Tỷ trọng" if "trọng" in m.group(1).lower() else "Tỷ lệ"
        if named in scope:
            last_computed = named
        target = n.Name(last_computed, span=st.span, text=last_computed)
        if BEST_WORDS.search(desc) or WORST_WORDS.search(desc):
            func = "max" if BEST_WORDS.search(desc) else "min"
            expr = n.Aggregate(func, target, span=st.span, text=desc)
            self.diag("CDS203", st.span, name=st.name, description=_short(desc),
                      meaning=f"giá trị {'cao' if func == 'max' else 'thấp'} nhất của `{last_computed}`"
                              " trên tất cả các đơn vị",
                      meaning_en=f"the {'highest' if func == 'max' else 'lowest'} `{last_computed}` over all units")
            return expr
        self.diag("CDS203", st.span, name=st.name, description=_short(desc),
                  meaning=f"`{last_computed}` của chính đơn vị", meaning_en=f"the unit's own `{last_computed}`")
        return target

    # -- scoring rules ----------------------------------------------------------
    def cases(self, st: n.Cases, ps: _PartScope) -> CaseScoring:
        for c in st.cases:
            # the condition's expressions and the result, in this order (a condition holds nothing else)
            nodes = tuple(c.walk())
            self.use(ps, nodes)
            for node in nodes:
                if isinstance(node, n.ItemRef):
                    self.add_input(InputSpec(f"mục {node.item}", f"mục {node.item}",
                                             f"Giá trị của mục {node.item}", MONEY if self.unit_note else NUMBER,
                                             self.unit_note, part=ps.idx, role="itemref", span=node.span))
        implicit = any(names_no_subject(c.condition) for c in st.cases)
        subject = self.implicit_subject(st, ps) if implicit else None
        if not any(isinstance(c.condition, n.Option) for c in st.cases):
            return CaseScoring(st, subject, "first", None, span=st.span)
        mode, choice_key = self.option_list(st, ps)
        return CaseScoring(st, subject, mode, choice_key, span=st.span)

    def computed_subject(self, st: Any, ps: _PartScope, what: str, what_en: str) -> n.Name | None:
        """The quantity the part has computed that a later line means without naming it (a condition
        with no subject, a cohort method): the computed name no later computation uses (``Tỷ lệ`` in
        ``Tỷ lệ = a/b``; ``Tỷ lệ`` again after ``Tỷ lệ A = a/b; Tỷ lệ = Tỷ lệ A * 100%``), None when
        the part computes nothing.  Two or more such names: error CDS210 naming each reading (the
        last one is kept so that the checker can go on; the indicator is not scored)."""
        finals = final_quantities(ps.steps)
        if not finals:
            return None
        if len(finals) > 1:
            self.diag("CDS210", st.span, what=what, what_en=what_en,
                      readings=" hay ".join(f"`{x}`" for x in finals),
                      readings_en=" or ".join(f"`{x}`" for x in finals), first=finals[0], last=finals[-1])
        return n.Name(finals[-1], span=st.span, text=finals[-1])

    def implicit_subject(self, st: n.Cases, ps: _PartScope) -> n.Name:
        """What conditions that name no subject compare (``- Từ 50% đến dưới 80%: ...``): the quantity
        the part computed (`computed_subject`), else a new input ``x`` described by the heading or the
        indicator's title."""
        computed = self.computed_subject(st, ps, "các điều kiện không ghi tên", "the conditions that name nothing")
        if computed is not None:
            return computed
        numeric = [b for c in st.cases for b in condition_bounds(c.condition)]
        pct = any(isinstance(b, n.Percent) for b in numeric)
        kind = RATIO if pct and not self.unit_note else (MONEY if self.unit_note else COUNT)
        heading = st.heading if st.heading and st.heading.lower() not in ("điểm", "thang điểm") else None
        desc = heading or self.title or "giá trị được đánh giá"
        of = share_of(st, self.f.source.text if self.f.source is not None else "") if kind == RATIO else None
        if of is not None:  # `Thực hiện trên 90% kế hoạch`: the unit reports the share of the plan
            desc = f"{desc} (tỷ lệ % so với {of})"
        self.add_input(InputSpec(SUBJECT_KEY, SUBJECT_KEY, desc, kind, self.unit_note, part=ps.idx,
                                 role="subject", span=st.span))
        ps.scope[SUBJECT_KEY] = Step(SUBJECT_KEY, SUBJECT_KEY, span=st.span)
        return n.Name(SUBJECT_KEY, span=st.span, text=desc)

    def option_list(self, st: n.Cases, ps: _PartScope) -> tuple[str, str]:
        """(mode, input key) of a list of options: its reading is reported (CDS204 when settled,
        CDS205 when a guess) and the chosen option(s) are an input."""
        part, idx = ps.part, ps.idx
        choice_key = CHOICE_KEY if self.option_parts <= 1 else f"{part.number or idx + 1}.{CHOICE_KEY}"
        labels = tuple(c.condition.label for c in st.cases if isinstance(c.condition, n.Option))
        mode, why_vi, why_en, settled = option_mode(st, self.option_mode, self.max_points)
        if len(labels) > 1 or mode == "cumulative":
            if settled:
                self.diag("CDS204", st.span, mode_vi="cộng dồn (chọn nhiều, điểm cộng lại)" if mode == "cumulative"
                          else "loại trừ (chỉ chọn một)", mode_en="cumulative (the chosen options add up)"
                          if mode == "cumulative" else "exclusive (one option only)", reason_vi=why_vi,
                          reason_en=why_en)
            else:
                self.diag("CDS205", st.span, reason_vi=why_vi, reason_en=why_en)
        self.add_input(InputSpec(choice_key, CHOICE_KEY, st.heading or self.title or "Lựa chọn",
                                 OPTIONS if mode == "cumulative" else OPTION, None, None, labels, idx,
                                 "choice", span=st.span))
        return mode, choice_key

    def cohort(self, st: n.CohortMethod, ps: _PartScope) -> CohortScoring:
        """A cohort method: it ranks the quantity the part computed (`Tỷ lệ = a/b` then `Tính điểm theo
        phương pháp Min-Max`), else a value the unit reports (input ``x``)."""
        idx = ps.idx
        ambiguous = len(st.methods) > 1
        settled = self.cohort_method in ("minmax", "ratio_to_best")
        method = (self.cohort_method if settled and self.cohort_method is not None
                  else ("ratio_to_best" if "ratio_to_best" in st.methods else st.methods[0]))
        computed = self.computed_subject(st, ps, "phương pháp tính điểm theo nhóm đơn vị",
                                         "the cohort method")
        if computed is not None:
            ps.used.add(computed.name)
            return CohortScoring(method, st.direction, computed.name, ambiguous, settled, span=st.span,
                                 subject=computed)
        kind = MONEY if self.unit_note else COUNT
        self.add_input(InputSpec(SUBJECT_KEY, SUBJECT_KEY, st.basis or self.title or "giá trị được đánh giá",
                                 kind, self.unit_note, part=idx, role="subject", span=st.span))
        return CohortScoring(method, st.direction, SUBJECT_KEY, ambiguous, settled, span=st.span)


#: what each kind of statement of a part does (one entry per class; a `Note` does nothing here)
_STATEMENT_RULES: dict[type, Callable[[_Resolver, _PartScope, Any], None]] = {
    n.InputDecl: _Resolver.input_statement,
    n.Assign: _Resolver.assign_statement,
    n.Cases: _Resolver.cases_statement,
    n.PerItem: _Resolver.per_item_statement,
    n.Cap: _Resolver.cap_statement,
    n.SumItems: _Resolver.sum_items_statement,
    n.CohortMethod: _Resolver.cohort_statement,
}


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def resolve(formula: n.Formula, max_points: Any, *, item: str | None = None, title: str | None = None,
            option_mode: str | None = None, cohort_method: str | None = None,
            types: dict[str, Dimension | str] | None = None) -> Program:
    """Resolve a parsed formula (see the module docstring).

    ``option_mode``: ``"exclusive"``/``"cumulative"`` overrides the inferred
    reading of option lists; ``cohort_method``: ``"minmax"``/``"ratio_to_best"``
    settles a cohort method whose words name both; ``types``: the ruleset's declared types (``Kiểu:``,
    `semantics.typedecl.parse_types`): a name -> its `Dimension`, or ``"rate"``/``"part"`` for a ratio.
    """
    mp = max_points_value(max_points)
    # the ruleset loader spells the overrides its own way
    cohort_method = {"min_max": "minmax", "ratio_to_max": "ratio_to_best"}.get(cohort_method or "", cohort_method)
    return _Resolver(formula, mp, item, title, option_mode, cohort_method, types).resolve()
