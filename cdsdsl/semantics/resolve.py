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
"""
from __future__ import annotations

import difflib
import re
from fractions import Fraction
from typing import Any, Callable, Iterable, Iterator

import attrs

from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.syntax import nodes as n
from cdsdsl.text.normalize import MAX_NUMBER_DIGITS
from cdsdsl.text.source import Span

CHOICE_KEY = "lựa chọn"
SUBJECT_KEY = "x"
COUNT_KEY = "số lượng"
BUILTIN_NAMES = ("Tỷ lệ", "Điểm", "Điểm tối đa")
_KNOWN_COMPUTED = ("Tỷ lệ", "Tỷ trọng")

# input kinds
COUNT, MONEY, RATIO, NUMBER, OPTION, OPTIONS, POINTS = (
    "count", "money", "ratio", "number", "option", "options", "points")


@attrs.frozen
class InputSpec:
    """One value a unit must supply for this indicator."""

    key: str
    name: str
    description: str
    kind: str
    unit: str | None = None
    constant: Fraction | None = None
    choices: tuple[str, ...] = ()
    part: int = 0
    role: str = "declared"  # declared | subject | choice | count | itemref
    span: Span = attrs.field(default=Span(0, 0), eq=False)

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "description": self.description, "kind": self.kind,
                "unit": self.unit, "constant": None if self.constant is None else str(self.constant),
                "choices": list(self.choices), "part": self.part, "role": self.role}


@attrs.frozen
class PartWhole:
    """``parts`` are counted inside ``wholes`` (a ratio a/b of a part to its total): sum(parts) <= sum(wholes),
    unless ``target`` names a 'whole' that is really a target or a minimum (``b = Số lượng nền tảng số tối
    thiểu theo danh mục yêu cầu (7)``): then the part may exceed it, and scoring does not refuse a > b."""

    parts: tuple[str, ...]
    wholes: tuple[str, ...]
    ratio: str  # the computed name (``Tỷ lệ``)
    span: Span = attrs.field(default=Span(0, 0), eq=False)
    target: str | None = None


#: words that make a denominator a target or a minimum rather than a total (see `PartWhole.target`)
TARGET_WORDS = re.compile(r"tối\s+thiểu|theo\s+(?:danh\s+mục\s+)?yêu\s+cầu|chỉ\s+tiêu|kế\s+hoạch\s+giao", re.I)


# ------------------------------------------------------------------ scoring

@attrs.frozen
class ExprScoring:
    """``Điểm = expr``."""

    expr: Any
    span: Span = attrs.field(default=Span(0, 0), eq=False)


@attrs.frozen
class CaseScoring:
    """A case list: the first matching case gives the points (``mode='first'``);
    for option lists ``mode`` is ``exclusive`` (one option chosen) or
    ``cumulative`` (the chosen options add up).  ``subject`` replaces the
    implicit subject of conditions (``Mức 1 ≥ 10%`` compares ``Tỷ lệ``)."""

    cases: n.Cases
    subject: Any  # an expression, or None when every condition names its subject
    mode: str
    choice_key: str | None = None
    span: Span = attrs.field(default=Span(0, 0), eq=False)


@attrs.frozen
class PerItemScoring:
    points: Any
    count_key: str
    span: Span = attrs.field(default=Span(0, 0), eq=False)


@attrs.frozen
class SumItemsScoring:
    first: str
    last: str
    span: Span = attrs.field(default=Span(0, 0), eq=False)


@attrs.frozen
class CohortScoring:
    """Points relative to the other units: ``method`` is ``minmax`` or
    ``ratio_to_best``; ``ambiguous`` when the words named both."""

    method: str
    direction: str
    subject_key: str
    ambiguous: bool
    settled_by_ruleset: bool
    span: Span = attrs.field(default=Span(0, 0), eq=False)


Scoring = ExprScoring | CaseScoring | PerItemScoring | SumItemsScoring | CohortScoring


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

    @property
    def needs_cohort(self) -> bool:
        """True when scoring one unit needs the other units' data."""
        return uses_cohort(self)

    @property
    def checked_part_wholes(self) -> tuple[PartWhole, ...]:
        """The part/whole ratios whose a > b is a data error (CDS614) when scoring: all but those over a
        target or a minimum.  Both backends (interpreter and compiler) check exactly these."""
        return tuple(pw for pw in self.part_wholes if pw.target is None)

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


# -------------------------------------------------------------- inference

_MONEY_UNITS = ("triệu đồng", "tỷ đồng", "nghìn đồng")
_RATIO_START = re.compile(r"^\s*(t[ỷỉ]\s*lệ|t[ỷỉ]\s*trọng|phần\s+trăm)", re.I)
_COUNT_START = re.compile(r"^\s*(số\s+lượng|số|tổng\s+số|tổng\s+dân\s+số|tổng)\b", re.I)
_BEST_WORDS = re.compile(r"\b(cao|nhiều|lớn)\s+nhất\b", re.I)
_WORST_WORDS = re.compile(r"\b(thấp|ít|nhỏ)\s+nhất\b", re.I)
_MONEY_WORDS = re.compile(r"kinh\s+phí|ngân\s+sách|\bchi\b|giá\s+trị|GRDP", re.I)
_MONEY_TOTAL_WORDS = re.compile(r"kinh\s+phí|tổng\s+chi|giá\s+trị|GRDP", re.I)


def input_kind(description: str, unit: str | None) -> str:
    if unit in _MONEY_UNITS or unit and _MONEY_WORDS.search(description):
        return MONEY
    if _RATIO_START.match(description):
        return RATIO
    if _COUNT_START.match(description):
        if _MONEY_TOTAL_WORDS.search(description):
            return MONEY
        return COUNT
    return NUMBER


def _option_mode(cases: n.Cases, override: str | None,
                 max_points: Fraction | None = None) -> tuple[str, str, str, bool]:
    """(mode, reason_vi, reason_en, settled) for a list of option cases."""
    if override in ("exclusive", "cumulative"):
        return override, "bộ chỉ số ghi rõ", "stated by the ruleset", True
    shares: list[Fraction | None] = []
    for case in cases.cases:
        if isinstance(case.condition, n.Option):
            shares.append(_share_of_max(case.result, max_points))
    nonzero = [s for s in shares if s is not None and s != 0]
    if any(s is None for s in shares):
        return ("exclusive", "có mức điểm không phải là phần của điểm tối đa",
                "some points are not a share of the maximum", False)
    if len(nonzero) >= 2 and sum(nonzero) == 1 and all(s < 1 for s in nonzero):
        return ("cumulative",
                f"các mức {' + '.join(_pct(s) for s in nonzero)} cộng lại đúng bằng điểm tối đa và không mức nào đạt tối đa một mình",
                f"the shares {' + '.join(_pct(s) for s in nonzero)} add up to exactly the maximum and none reaches it alone",
                True)
    if any(s == 1 for s in nonzero) or len(nonzero) <= 1:
        return ("exclusive", "có một lựa chọn cho điểm tối đa" if any(s == 1 for s in nonzero)
                else "chỉ có một lựa chọn được điểm",
                "one option alone gives the maximum" if any(s == 1 for s in nonzero)
                else "only one option scores", True)
    return ("exclusive",
            f"các mức {' + '.join(_pct(s) for s in nonzero)} không cộng lại bằng điểm tối đa",
            f"the shares {' + '.join(_pct(s) for s in nonzero)} do not add up to the maximum", False)


def _pct(f: Fraction) -> str:
    v = f * 100
    return (str(v.numerator) if v.denominator == 1 else f"{float(v):.4g}".replace(".", ",")) + "%"


def _share_of_max(expr: Any, max_points: Fraction | None = None) -> Fraction | None:
    """The constant share of Điểm tối đa an expression is (1/2*Điểm tối đa → 1/2; 0 điểm → 0;
    ``5 điểm`` → 5/max when the maximum is known)."""
    if isinstance(expr, n.MaxPoints):
        return Fraction(1)
    if isinstance(expr, n.Number):
        if expr.value == 0:
            return Fraction(0)
        return expr.value / max_points if max_points else None
    if isinstance(expr, n.Percent):
        return None
    if isinstance(expr, n.BinOp) and expr.op in "*/":
        lc, rc = _const(expr.left), _const(expr.right)
        if lc is not None and rc is not None:  # a constant number of points: 2 * 2,5 điểm
            value = lc * rc if expr.op == "*" else (lc / rc if rc else None)
            return value / max_points if value is not None and max_points else None
        if expr.op == "*":
            if lc is not None and (rs := _share_of_max(expr.right, max_points)) is not None:
                return lc * rs
            if rc is not None and (ls := _share_of_max(expr.left, max_points)) is not None:
                return rc * ls
        elif rc not in (None, 0) and (ls := _share_of_max(expr.left, max_points)) is not None:
            return ls / rc
    return None


def apply_binop(op: str, a: Fraction | None, b: Fraction | None) -> Fraction | None:
    """``a op b`` exactly; None when a side is unknown or the divisor is 0 (for static analysis)."""
    if a is None or b is None:
        return None
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    return a / b if b != 0 else None


def _const(expr: Any) -> Fraction | None:
    if isinstance(expr, (n.Number, n.Percent)):
        return expr.value
    if isinstance(expr, n.BinOp):
        return apply_binop(expr.op, _const(expr.left), _const(expr.right))
    if isinstance(expr, n.Neg):
        v = _const(expr.operand)
        return -v if v is not None else None
    return None


def _input_names(expr: Any) -> list[str] | None:
    """['a','b'] for a+b, None when not a plain sum of names."""
    if isinstance(expr, n.Name):
        return [expr.name]
    if isinstance(expr, n.BinOp) and expr.op == "+":
        a, b = _input_names(expr.left), _input_names(expr.right)
        return a + b if a is not None and b is not None else None
    return None


# ---------------------------------------------------------------- resolver

class _Resolver:
    def __init__(self, formula: n.Formula, max_points: Fraction, item: str | None, title: str | None,
                 option_mode: str | None, cohort_method: str | None) -> None:
        self.f = formula
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
        for idx, part in enumerate(formula.parts):
            for st in part.body:
                if isinstance(st, n.InputDecl):
                    declared.setdefault(st.name, 0)
                    declared[st.name] += 1
        self.multi = {k for k, c in declared.items() if c > 1}
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
                       self.cap, tuple(self.part_wholes), tuple(self.diags))

    def resolve_part(self, idx: int, part: n.Part) -> PartProgram:
        scope: dict[str, Step] = {}
        steps: list[Step] = []
        used: set[str] = set()
        scorings: list[tuple[Scoring, Span]] = []
        last_computed: str | None = None
        decls: dict[str, n.InputDecl] = {}

        aggregated_names: list[set[str]] = []

        def aggregated() -> set[str]:  # names used under `cao nhất`/`thấp nhất`, found only when needed
            if not aggregated_names:
                aggregated_names.append({x.operand.name for st in part.body for x in st.walk()
                                         if isinstance(x, n.Aggregate) and isinstance(x.operand, n.Name)})
            return aggregated_names[0]

        def use(nodes: Iterable[n.Node]) -> None:  # the names among an expression's nodes are used
            for node in nodes:
                if isinstance(node, n.Name):
                    if node.name in scope:
                        used.add(node.name)
                    elif node.name in _KNOWN_COMPUTED or node.name in aggregated():
                        # `- Tỷ lệ >= 80%: ...` with no `Tỷ lệ = a/b`, or `Giá trị của đơn vị / Giá trị
                        # cao nhất`: the unit reports the value itself
                        step = self.reported_value(node, idx, part)
                        scope[node.name] = step
                        steps.append(step)
                        used.add(node.name)
                    else:
                        self.unknown(node, scope)

        def declare(st: n.InputDecl) -> None:
            key = self.key_for(st.name, part, idx)
            kind = input_kind(st.description, st.unit)
            self.add_input(InputSpec(key, st.name, st.description, kind, st.unit or (
                self.unit_note if kind == MONEY else None), st.constant, (), idx, "declared", span=st.span))
            step = Step(st.name, key, None, span=st.span)
            decls[st.name] = st
            scope[st.name] = step
            steps.append(step)

        # inputs described in prose are known from the start of the part, so a formula may use
        # them before the lines that describe them (`Điểm = a/b * Điểm tối đa` then `Trong đó: a = ...`)
        for st in part.body:
            if isinstance(st, n.InputDecl) and not _RATIO_START.match(st.description):
                declare(st)

        for st in part.body:
            if isinstance(st, n.InputDecl):
                if st.name in decls and decls[st.name] is st:
                    continue
                alias = self.alias_of(st, scope, last_computed)
                if alias is None:
                    declare(st)
                    continue
                step = Step(st.name, None, alias, span=st.span)
                scope[st.name] = step
                steps.append(step)
            elif isinstance(st, n.Assign):
                use(st.value.walk())
                if st.target.name == "Điểm":
                    scorings.append((ExprScoring(st.value, span=st.span), st.span))
                    continue
                step = Step(st.target.name, None, st.value, span=st.span)
                scope[st.target.name] = step
                steps.append(step)
                last_computed = st.target.name
                self.part_whole(st, decls)
            elif isinstance(st, n.Cases):
                scorings.append((self.cases(st, idx, part, scope, last_computed, use), st.span))
            elif isinstance(st, n.PerItem):
                use(st.points.walk())
                self.add_input(InputSpec(COUNT_KEY, COUNT_KEY, _count_description(st.label), COUNT,
                                         part=idx, role="count", span=st.span))
                scorings.append((PerItemScoring(st.points, COUNT_KEY, span=st.span), st.span))
            elif isinstance(st, n.Cap):
                use(st.limit.walk())
                self.cap = st.limit
            elif isinstance(st, n.SumItems):
                scorings.append((SumItemsScoring(st.first, st.last, span=st.span), st.span))
            elif isinstance(st, n.CohortMethod):
                scorings.append((self.cohort(st, idx), st.span))
        for name, st in decls.items():
            if name not in used and not self.used_later(name, scope, scorings):
                self.diag("CDS202", st.name_span if st.name_span.end else st.span, name=name)
        if len(scorings) > 1:
            last_span = scorings[-1][1]
            line = self.f.source.position(last_span.start)[0] if self.f.source else 0
            self.diag("CDS207", last_span, where=f"phần {part.number}" if part.number else "chỉ số này",
                      where_en=f"part {part.number}" if part.number else "this indicator", line=line)
        scoring = scorings[-1][0] if scorings else None
        for step, chain in computed_from_itself(steps):
            self.diag("CDS209", step.span, name=step.name, chain=" → ".join(chain))
        return PartProgram(idx, part.number, part.title, tuple(steps), scoring)

    def reported_value(self, node: n.Name, idx: int, part: n.Part) -> Step:
        """A value the text uses but never computes (`Tỷ lệ`, or a name taken `cao nhất`): an input."""
        key = self.key_for(node.name.lower(), part, idx) if self.several_parts else node.name.lower()
        desc = self.title or node.name
        kind = RATIO if node.name in _KNOWN_COMPUTED else (MONEY if self.unit_note else NUMBER)
        self.add_input(InputSpec(key, node.name, desc, kind, self.unit_note if kind == MONEY else None,
                                 part=idx, role="declared", span=node.span))
        self.diag("CDS208", node.span, name=node.name, key=key)
        return Step(node.name, key, None, span=node.span)

    def used_later(self, name: str, scope: dict[str, Step], scorings: list) -> bool:
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
        elif node.name in _KNOWN_COMPUTED:
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
        m = _RATIO_START.match(desc)
        if not m or last_computed is None:
            return None
        named = "Tỷ trọng" if "trọng" in m.group(1).lower() else "Tỷ lệ"
        if named in scope:
            last_computed = named
        target = n.Name(last_computed, span=st.span, text=last_computed)
        if _BEST_WORDS.search(desc) or _WORST_WORDS.search(desc):
            func = "max" if _BEST_WORDS.search(desc) else "min"
            expr = n.Aggregate(func, target, span=st.span, text=desc)
            self.diag("CDS203", st.span, name=st.name, description=_short(desc),
                      meaning=f"giá trị {'cao' if func == 'max' else 'thấp'} nhất của `{last_computed}` trên tất cả các đơn vị",
                      meaning_en=f"the {'highest' if func == 'max' else 'lowest'} `{last_computed}` over all units")
            return expr
        self.diag("CDS203", st.span, name=st.name, description=_short(desc),
                  meaning=f"`{last_computed}` của chính đơn vị", meaning_en=f"the unit's own `{last_computed}`")
        return target

    def part_whole(self, st: n.Assign, decls: dict[str, n.InputDecl]) -> None:
        v = st.value
        if isinstance(v, n.BinOp) and v.op == "/":
            num, den = _input_names(v.left), _input_names(v.right)
            if num and den and all(x in decls for x in num + den) and not set(num) & set(den):
                target = next((x for x in den if TARGET_WORDS.search(decls[x].description)), None)
                self.part_wholes.append(PartWhole(tuple(num), tuple(den), st.target.name, span=st.span,
                                                  target=target))

    def cases(self, st: n.Cases, idx: int, part: n.Part, scope: dict[str, Step],
              last_computed: str | None, use) -> CaseScoring:
        has_option = any(isinstance(c.condition, n.Option) for c in st.cases)
        implicit = any(isinstance(c.condition, (n.Compare, n.Range)) and
                       (c.condition.left if isinstance(c.condition, n.Compare) else c.condition.subject) is None
                       for c in st.cases)
        for c in st.cases:
            # the condition's expressions and the result, in this order (a condition holds nothing else)
            nodes = tuple(c.walk())
            use(nodes)
            for node in nodes:
                if isinstance(node, n.ItemRef):
                    self.add_input(InputSpec(f"mục {node.item}", f"mục {node.item}",
                                             f"Giá trị của mục {node.item}", MONEY if self.unit_note else NUMBER,
                                             self.unit_note, part=idx, role="itemref", span=node.span))
        subject = None
        if implicit:
            if last_computed is not None:
                subject = n.Name(last_computed, span=st.span, text=last_computed)
            else:
                numeric = [b for c in st.cases for b in condition_bounds(c.condition)]
                pct = any(isinstance(b, n.Percent) for b in numeric)
                kind = RATIO if pct and not self.unit_note else (MONEY if self.unit_note else COUNT)
                heading = st.heading if st.heading and st.heading.lower() not in ("điểm", "thang điểm") else None
                desc = heading or self.title or "giá trị được đánh giá"
                self.add_input(InputSpec(SUBJECT_KEY, SUBJECT_KEY, desc, kind, self.unit_note, part=idx,
                                         role="subject", span=st.span))
                subject = n.Name(SUBJECT_KEY, span=st.span, text=desc)
                scope[SUBJECT_KEY] = Step(SUBJECT_KEY, SUBJECT_KEY, span=st.span)
        mode = "first"
        choice_key = None
        if has_option:
            choice_key = CHOICE_KEY if self.option_parts <= 1 else f"{part.number or idx + 1}.{CHOICE_KEY}"
            labels = tuple(c.condition.label for c in st.cases if isinstance(c.condition, n.Option))
            mode, why_vi, why_en, settled = _option_mode(st, self.option_mode, self.max_points)
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
        return CaseScoring(st, subject, mode if has_option else "first", choice_key, span=st.span)

    def cohort(self, st: n.CohortMethod, idx: int) -> CohortScoring:
        ambiguous = len(st.methods) > 1
        settled = self.cohort_method in ("minmax", "ratio_to_best")
        method = self.cohort_method if settled else ("ratio_to_best" if "ratio_to_best" in st.methods
                                                      else st.methods[0])
        kind = MONEY if self.unit_note else COUNT
        self.add_input(InputSpec(SUBJECT_KEY, SUBJECT_KEY, st.basis or self.title or "giá trị được đánh giá",
                                 kind, self.unit_note, part=idx, role="subject", span=st.span))
        return CohortScoring(method, st.direction, SUBJECT_KEY, ambiguous, settled, span=st.span)


def condition_bounds(cond: Any) -> list[Any]:
    """The threshold expressions of a condition (``Tỷ lệ >= 80%`` → [80%]; a range → its bounds)."""
    if isinstance(cond, n.Compare):
        return [cond.right]
    if isinstance(cond, n.Range):
        return [b for b in (cond.low, cond.high) if b is not None]
    return []


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _count_description(label: str) -> str:
    label = re.sub(r"^mỗi\s+", "", label, flags=re.I)
    return f"Số {label}"


#: what `max_points_value` reads from text: `10`, `2.5`, `2,5`, `5/2`
_MAX_TEXT = re.compile(r"\s*\+?(\d+)(?:[.,](\d+))?(?:\s*/\s*(\d+))?\s*")
_REASONS = {
    "type": ("không phải là số", "not a number"),
    "text": ("không đọc được thành số (viết như `10`, `2.5`, `2,5` hoặc `5/2`)",
             "cannot be read as a number (write it as `10`, `2.5`, `2,5` or `5/2`)"),
    "finite": ("không phải là một số hữu hạn", "not a finite number"),
    "negative": ("là số âm", "is negative"),
    "zero": ("mẫu số bằng 0", "the denominator is 0"),
    "huge": (f"quá lớn hoặc quá nhiều chữ số (nhiều nhất {MAX_NUMBER_DIGITS} chữ số)",
             f"too large or too many digits (at most {MAX_NUMBER_DIGITS} digits)"),
}


def max_points_value(value: Any, argument: str = "max_points") -> Fraction:
    """An indicator's maximum as an exact Fraction, from what a caller of the API may pass
    (int, Fraction, Decimal, float, text such as ``"2,5"``); anything else raises `ScoreError`
    CDS633 naming ``argument``: None, True/False, NaN, ±inf, a negative number, a number of
    more than 30 digits, text that is not a number, another type."""
    from decimal import Decimal

    from cdsdsl.diagnostics.core import ScoreError

    def refuse(reason: str) -> ScoreError:
        try:
            shown = value if isinstance(value, str) else repr(value)
        except ValueError:  # an int too long to write out
            shown = f"<{type(value).__name__}>"
        shown = shown if len(shown) <= 40 else shown[:20] + "…" + shown[-10:]
        vi, en = _REASONS[reason]
        return ScoreError(Diagnostic.make("CDS633", argument=argument, value=shown, reason=vi, reason_en=en))

    t = type(value)
    if t is Fraction or (isinstance(value, int) and t is not bool):
        mp = Fraction(value)
    elif isinstance(value, Fraction):
        mp = Fraction(value.numerator, value.denominator)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise refuse("finite")
        if value and not -MAX_NUMBER_DIGITS <= value.adjusted() < MAX_NUMBER_DIGITS or value.as_tuple().exponent < -MAX_NUMBER_DIGITS:
            raise refuse("huge")
        mp = Fraction(value)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise refuse("finite")
        mp = Fraction(repr(value))  # 2.3 is 23/10, the number written
    elif isinstance(value, str):
        m = _MAX_TEXT.fullmatch(value)
        if m is None:
            raise refuse("negative" if _MAX_TEXT.fullmatch(value.strip().lstrip("-−")) else "text")
        whole, frac, den = m.group(1), m.group(2) or "", m.group(3)
        if len(whole) + len(frac) > MAX_NUMBER_DIGITS or den is not None and len(den) > MAX_NUMBER_DIGITS:
            raise refuse("huge")
        if den is not None and int(den) == 0:
            raise refuse("zero")
        mp = Fraction(int(whole + frac), 10 ** len(frac)) / (int(den) if den is not None else 1)
    else:
        raise refuse("type")
    if mp < 0:
        raise refuse("negative")
    if mp.numerator >= 10 ** MAX_NUMBER_DIGITS or mp.denominator >= 10 ** MAX_NUMBER_DIGITS:
        raise refuse("huge")
    return mp


def resolve(formula: n.Formula, max_points: Any, *, item: str | None = None, title: str | None = None,
            option_mode: str | None = None, cohort_method: str | None = None) -> Program:
    """Resolve a parsed formula (see the module docstring).

    ``option_mode``: ``"exclusive"``/``"cumulative"`` overrides the inferred
    reading of option lists; ``cohort_method``: ``"minmax"``/``"ratio_to_best"``
    settles a cohort method whose words name both.
    """
    mp = max_points_value(max_points)
    # the ruleset loader spells the overrides its own way
    cohort_method = {"min_max": "minmax", "ratio_to_max": "ratio_to_best"}.get(cohort_method or "", cohort_method)
    return _Resolver(formula, mp, item, title, option_mode, cohort_method).resolve()
