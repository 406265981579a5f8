"""Test cases of a ruleset: a unit's inputs and the points the decision says they earn.

Takes: a ruleset and its companion file ``NAME.tests.csv`` (written by hand, one row per input or
expected value; docs/ruleset-format.md, "Ca kiểm thử / Test cases"), or the same rows written in the ruleset
file itself under ``Ca kiểm thử:`` (`read_cases_block`, placed at their lines of the ruleset file).
Returns: the cases read (`read_cases`, with a located CDS560-569 diagnostic for each row that
cannot be used) and, for each case, whether the points the engine gives equal the expected
points (`run_cases`).  Scoring is `scoring.score_cohort` on the case's unit alone, the values are
checked by the data forms' own reader (`forms`), and a failure carries the explanation
`cds explain` prints (`reports.indicator_explanation`): nothing here scores a second way.

The file's columns (Vietnamese or English names, any order)::

    Ca,Nguồn,Chỉ số,Số liệu,Giá trị,Điểm mong đợi
    case,source,indicator,input,value,expected

A row with ``Số liệu`` and ``Giá trị`` gives one input of the case's unit; a row with
``Điểm mong đợi`` gives the points expected for ``Chỉ số`` (an indicator, ``Mục 2``, ``Lĩnh
vực I``, ``Tổng`` or ``Công thức tổng``); one row may give both.  ``Ca`` names the case on its
first row and may be left empty on the rows after it; ``Nguồn`` cites the decision's line.
Blank lines and lines starting with ``#`` are skipped.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from cdsdsl.diagnostics.core import CdsError, DataError, Diagnostic
from cdsdsl.files.textfile import TextFileProblem, column_letter, open_delimited, problem_error, records
from cdsdsl.text.fold import fold_case

#: the columns: internal name -> accepted headers (folded)
COLUMNS = {
    "case": ("ca", "case", "tên ca", "ten ca"),
    "source": ("nguồn", "nguon", "source", "căn cứ", "citation"),
    "indicator": ("chỉ số", "chi so", "indicator"),
    "input": ("số liệu", "so lieu", "input", "khoá", "khóa", "key"),
    "value": ("giá trị", "gia tri", "value"),
    "expected": ("điểm mong đợi", "diem mong doi", "expected", "expected points"),
}
_HEADERS_VI = "Ca, Nguồn, Chỉ số, Số liệu, Giá trị, Điểm mong đợi"
_HEADERS_EN = "case, source, indicator, input, value, expected"
_REQUIRED = ("case", "indicator", "value", "expected")


def cases_path_for(ruleset_path: str | Path) -> Path:
    """The companion file of a ruleset: ``rulesets/x.cds`` → ``rulesets/x.tests.csv``."""
    p = Path(ruleset_path)
    return p.with_name(p.stem + ".tests.csv")


def _norm(text: Any) -> str:
    return fold_case(str(text or ""))


@attrs.frozen
class Expectation:
    #: ``indicator`` | ``section`` | ``group`` | ``total`` | ``set``
    target: str
    #: the indicator, section or group id (``""`` for the total)
    key: str
    #: as written in the file
    text: str
    points: Fraction
    where: str
    #: the expected points as written in the file (``3,33``)
    written: str = ""


@attrs.frozen
class Case:
    name: str
    source: str
    #: the file and line of the case's first row
    where: str
    #: ``{indicator: {input key: Value}}`` (each value's ``where`` is its cell)
    inputs: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    expectations: tuple[Expectation, ...] = ()
    group: str | None = None
    #: the case has rows that cannot be used (reported as diagnostics): it is not run
    broken: bool = False

    def unit(self) -> Any:
        from cdsdsl.scoring.unitdata import Unit

        return Unit(self.name, self.inputs, group=self.group, where=self.where)


@attrs.frozen
class Failure:
    """One expected value the engine does not give."""

    expectation: Expectation
    #: the rounded points given (None: not scored)
    got: Decimal | None
    #: the indicator's name (or the section's / group's)
    label: str
    #: ``[(indicator, input key, raw value, cell)]`` of the indicators concerned
    inputs: tuple[tuple[str, str, Any, str], ...] = ()
    #: the working lines and the reason, as `cds explain` gives them
    trace: tuple[str, ...] = ()
    reason: str = ""


@attrs.frozen
class CaseResult:
    case: Case
    failures: tuple[Failure, ...] = ()
    #: compared expectations
    checked: int = 0

    @property
    def status(self) -> str:
        """``passed`` | ``failed`` | ``error`` (the case's rows could not all be read: not run)."""
        if self.case.broken:
            return "error"
        return "failed" if self.failures else "passed"


def _diag(code: str, where: str, **args: Any) -> Diagnostic:
    return Diagnostic.make(code, None, where=where, item=args.pop("item", None), **args)


class _Rows:
    """Reading the rows into cases (the reader of the data forms checks indicators, keys and values)."""

    def __init__(self, path: Path, ruleset: Any, line_offset: int = 0) -> None:
        from cdsdsl.dataentry.reading import _Reader

        self.path = path
        self.name = path.name
        self.line_offset = line_offset  # rows written in a `.cds` file's `Ca kiểm thử:` block
        self.ruleset = ruleset
        self.reader = _Reader(ruleset, path)
        self.diags: list[Diagnostic] = []
        self.sections = {_norm(s.id): s.id for s in ruleset.sections}
        self.groups = {_norm(g.id): g.id for g in ruleset.groups}
        from cdsdsl.scoring.score import compile_ruleset

        self.compiled = compile_ruleset(ruleset)

    def where(self, line: int, col: int | None = None) -> str:
        return f"{self.name}:{line + self.line_offset}" + (f":{column_letter(col)}" if col is not None else "")

    def target(self, text: str) -> tuple[str, str] | None:
        """(kind, id) of what an expected value is for; None when nothing matches."""
        t = _norm(text)
        if t in ("tổng", "tổng điểm", "tong", "tong diem", "total"):
            return "total", ""
        if t in ("công thức tổng", "cong thuc tong", "set formula", "điểm theo công thức tổng"):
            return "set", ""
        m = re.match(r"^(?:mục|muc|section)\s+(\S+?)\.?$", t)
        if m:
            from cdsdsl.rulesets.model import roman_to_int

            sid = m.group(1)
            if sid not in self.sections and roman_to_int(sid.upper()) is not None:
                sid = str(roman_to_int(sid.upper()))  # `Mục V` as the decision writes it
            if sid in self.sections:
                return "section", self.sections[sid]
        m = re.match(r"^(?:lĩnh vực|linh vuc|sector|group)\s+(\S+?)\.?$", t)
        if m and m.group(1) in self.groups:
            return "group", self.groups[m.group(1)]
        item = self.reader.indicator_key(text)
        if item is not None:
            return "indicator", item
        return None

    def near(self, text: str) -> dict[str, str]:
        """The ``near`` / ``near_en`` arguments of CDS561: the closest indicator numbers."""
        keys = [i.key for i in self.ruleset.indicators]
        close = ", ".join(f"`{k}`" for k in difflib.get_close_matches(_norm(text), keys, n=3, cutoff=0.5))
        return {"near": f" Có phải là {close}?" if close else "", "near_en": f" Did you mean {close}?" if close else ""}


def read_cases(path: str | Path, ruleset: Any) -> tuple[list[Case], list[Diagnostic]]:
    """The cases of a test file and the problems of its rows.  A file that cannot be read at all
    (not found is the caller's business; an encoding other than UTF-8, no header) raises `DataError`."""
    path = Path(path)
    try:
        tf = open_delimited(path)
    except TextFileProblem as exc:
        raise problem_error(exc, path.name) from None
    return _read_records(_Rows(path, ruleset), records(tf.text, tf.delimiter, tf.name), tf.name)


def read_cases_block(ruleset: Any) -> tuple[list[Case], list[Diagnostic]]:
    """The cases of a ruleset's own ``Ca kiểm thử:`` block (rows as in ``NAME.tests.csv``, comma-separated),
    placed at their lines of the ruleset file; none when it has no block."""
    block = getattr(ruleset, "test_cases", None)
    if block is None:
        return [], []
    path = Path(ruleset.name)
    offset = block.source.line_offset if block.source is not None else 0
    try:
        recs = records(block.text, ",", path.name)
    except TextFileProblem as exc:
        raise problem_error(exc, path.name) from None
    return _read_records(_Rows(path, ruleset, offset), recs, path.name)


def _read_records(rows: "_Rows", all_recs: Any, file_name: str) -> tuple[list[Case], list[Diagnostic]]:
    """The cases of the rows ``all_recs`` of a test file (or block) named ``file_name``."""
    recs = [r for r in all_recs if any(c.strip() for c in r.cells) and not r.cells[0].lstrip().startswith("#")]
    if not recs:
        raise DataError(_diag("CDS560", rows.where(1), column="Ca", columns=_HEADERS_VI, columns_en=_HEADERS_EN))
    col = _header_columns(recs[0], rows.where(recs[0].line))
    cases: list[dict[str, Any]] = []
    first_row: dict[str, str] = {}
    current: dict[str, Any] | None = None

    def cell(rec: Any, name: str) -> str:
        j = col.get(name)
        if j is None or j >= len(rec.cells):
            return ""
        return unicodedata.normalize("NFC", rec.cells[j]).strip()

    def at(rec: Any, name: str) -> str:
        j = col.get(name)
        line = rec.cell_lines[j] if j is not None and j < len(rec.cell_lines) else rec.line
        return rows.where(line, j)

    for rec in recs[1:]:
        if _open_quote(rows, rec):  # a quote left open swallows the rows after it: never read them silently
            if current is not None:
                current["broken"] = True
            continue
        name = cell(rec, "case")
        if name and (current is None or name != current["name"]):
            if _norm(name) in first_row:
                rows.diags.append(_diag("CDS566", at(rec, "case"), case=name, first=first_row[_norm(name)]))
                current = {"name": name, "skip": True}
                continue
            first_row[_norm(name)] = rows.where(rec.line)
            current = {"name": name, "source": cell(rec, "source"), "where": rows.where(rec.line),
                       "inputs": {}, "expect": [], "group": None, "broken": False, "skip": False, "seen": {}}
            cases.append(current)
            if not current["source"]:
                rows.diags.append(_diag("CDS567", at(rec, "source"),
                                        what=f"ca `{name}` không ghi nguồn (dòng của văn bản)",
                                        what_en=f"case `{name}` names no source (the decision's line)"))
                current["broken"] = True
        elif current is None:
            rows.diags.append(_diag("CDS567", at(rec, "case"), what="dòng này không thuộc ca nào (cột `Ca` trống)",
                                    what_en="this row belongs to no case (the `Ca` column is empty)"))
            continue
        if current.get("skip"):
            continue
        _row(rows, rec, current, cell, at)
    return [_finish(rows, c) for c in cases], rows.diags


def _header_columns(head: Any, where: str) -> dict[str, int]:
    """The header row's columns: ``{internal name: index}``; `DataError` (CDS560) when a required one is missing."""
    col: dict[str, int] = {}
    for j, text in enumerate(head.cells):
        for name, accepted in COLUMNS.items():
            if _norm(text) in accepted and name not in col:
                col[name] = j
    missing = [n for n in _REQUIRED if n not in col]
    if missing:
        shown = {"case": "Ca", "indicator": "Chỉ số", "value": "Giá trị", "expected": "Điểm mong đợi"}[missing[0]]
        raise DataError(_diag("CDS560", where, column=shown, columns=_HEADERS_VI,
                              columns_en=_HEADERS_EN))
    return col


def _open_quote(rows: _Rows, rec: Any) -> bool:
    """Whether a record holds a quote left open or stray (reported: CDS652, with how far the cell runs)."""
    quote = rec.open_quote or rec.stray_quote or ((rec.line, 0) if rec.unclosed else None)
    if quote is None:
        return False
    if rec.unclosed:
        extent, extent_en = "ô này kéo đến hết tệp", "the cell runs to the end of the file"
    else:
        extent = f"ô này kéo đến dòng {rec.end_line}"
        extent_en = f"the cell runs to line {rec.end_line}"
    rows.diags.append(_diag("CDS652", rows.where(quote[0], quote[1]), line=quote[0],
                            column=column_letter(quote[1]), extent=extent, extent_en=extent_en))
    return True


def _finish(rows: _Rows, c: dict[str, Any]) -> Case:
    """The `Case` of the rows read for it, its item references filled in (CDS565 when it expects nothing)."""
    # item references (``mục 5.12.1``) are filled from the indicator they name, as the data forms do
    for item, refs in rows.reader.form.ref_inputs.items():
        for key, (src_item, src_key) in refs.items():
            src = c["inputs"].get(src_item, {}).get(src_key)
            if src is not None and key not in c["inputs"].get(item, {}):
                c["inputs"].setdefault(item, {})[key] = src
    if not c["expect"] and not c["broken"]:
        rows.diags.append(_diag("CDS565", c["where"], case=c["name"]))
        c["broken"] = True
    return Case(c["name"], c["source"], c["where"], c["inputs"], tuple(c["expect"]), c["group"], c["broken"])


def _broken(rows: _Rows, case: dict[str, Any], d: Diagnostic) -> None:
    """Report a row's problem: the case is not run."""
    rows.diags.append(d)
    case["broken"] = True


def _row(rows: _Rows, rec: Any, case: dict[str, Any], cell: Any, at: Any) -> None:
    """Read one row of a case: its group, an input and/or an expected value."""
    name = case["name"]
    ind_text, key_text, raw, expected = cell(rec, "indicator"), cell(rec, "input"), cell(rec, "value"), \
        cell(rec, "expected")
    if _norm(ind_text) in ("lĩnh vực", "linh vuc", "sector", "group") and not key_text:
        _row_group(rows, case, raw, at(rec, "value"))
        return
    if not key_text and not expected:
        _broken(rows, case, _diag(
            "CDS567", rows.where(rec.line),
            what=f"ca `{name}`: dòng không ghi số liệu nào (cột `Số liệu`) và không ghi điểm mong đợi",
            what_en=f"case `{name}`: the row gives no input (column `Số liệu`) and no expected points"))
        return
    target = rows.target(ind_text) if ind_text else None
    if target is None or (key_text and target[0] != "indicator"):
        _broken(rows, case, _diag("CDS561", at(rec, "indicator"), case=name, text=ind_text, **rows.near(ind_text)))
        return
    kind, ident = target
    if key_text and _row_input(rows, rec, case, at, ident, key_text, raw, bool(expected)):
        return
    if expected:
        _row_expected(rows, case, kind, ident, ind_text, expected, at(rec, "expected"))


def _row_group(rows: _Rows, case: dict[str, Any], raw: str, where: str) -> None:
    """A ``Lĩnh vực`` row: the case unit's priority-sector group."""
    name = case["name"]
    gid = rows.reader.group_id(raw, where, name)
    if gid is None:
        detail = "; ".join(d.message("vi") for d in rows.reader.diags[-1:])
        detail_en = "; ".join(d.message("en") for d in rows.reader.diags[-1:])
        _broken(rows, case, _diag("CDS563", where, case=name, value=raw, key="lĩnh vực", indicator="-",
                                  detail=detail or "ô trống", detail_en=detail_en or "empty cell"))
    else:
        case["group"] = gid


def _row_input(rows: _Rows, rec: Any, case: dict[str, Any], at: Any, ident: str, key_text: str, raw: str,
               has_expected: bool) -> bool:
    """An input of the case's unit, checked by the data forms' reader; True when the row is done (an error,
    or no expected value follows)."""
    from cdsdsl.evaluate.runtime import parse_number

    name = case["name"]
    key = rows.reader.input_key(ident, key_text)
    fields = rows.reader.fields.get(ident, {})
    if key is None:
        _broken(rows, case, _diag("CDS562", at(rec, "input"), item=ident, case=name, indicator=ident, key=key_text,
                                  keys=", ".join(f"`{k}`" for k in fields) or "—"))
        return True
    where = at(rec, "value")
    f = fields[key]
    bad: list[Diagnostic] = []
    if not raw:
        bad_vi, bad_en = "ô trống", "the cell is empty"
    else:
        before = len(rows.reader.diags)
        value = rows.reader.value(name, ident, key, raw, where)
        bad = rows.reader.diags[before:]
        bad_vi = bad_en = ""
        if value is not None and f.kind in ("count", "money", "ratio", "number", "points"):
            try:
                parse_number(value.raw, kind=f.kind, where=where, key=key, item=ident, unit=name)
            except CdsError as exc:
                bad = list(exc.diagnostics)
        if value is not None and not bad:
            first = case["seen"].get((ident, key))
            if first is not None:
                _broken(rows, case, _diag(
                    "CDS567", where, what=f"ca `{name}`: số liệu `{key}` của chỉ số {ident} đã ghi ở {first}",
                    what_en=f"case `{name}`: input `{key}` of indicator {ident} is already given at {first}"))
                return True
            case["seen"][(ident, key)] = where
            case["inputs"].setdefault(ident, {})[key] = value
            return not has_expected
        if not bad:
            return False
    _broken(rows, case, _diag("CDS563", where, item=ident, case=name, value=raw, key=key, indicator=ident,
                              detail=bad_vi or "; ".join(d.message("vi") for d in bad),
                              detail_en=bad_en or "; ".join(d.message("en") for d in bad)))
    return True


def _row_expected(rows: _Rows, case: dict[str, Any], kind: str, ident: str, ind_text: str, expected: str,
                  where: str) -> None:
    """The points expected for an indicator, section, group or total."""
    from cdsdsl.evaluate.runtime import parse_number

    name = case["name"]
    try:
        points = parse_number(expected, kind="number")
    except CdsError:
        _broken(rows, case, _diag("CDS564", where, case=name, value=expected))
        return
    if kind == "indicator":
        c = rows.compiled.by_key.get(ident)
        if c is not None and c.needs_cohort:
            _broken(rows, case, _diag("CDS568", where, item=ident, case=name, indicator=ident))
            return
    first = case["seen"].get((kind, ident, None))
    if first is not None:
        _broken(rows, case, _diag(
            "CDS567", where, what=f"ca `{name}`: điểm mong đợi của `{ind_text}` đã ghi ở {first}",
            what_en=f"case `{name}`: the expected points of `{ind_text}` are already given at {first}"))
        return
    case["seen"][(kind, ident, None)] = where
    case["expect"].append(Expectation(kind, ident, ind_text, Fraction(points), where, expected))


# ------------------------------------------------------------------ running

def _got(result: Any, e: Expectation) -> Decimal | None:
    from cdsdsl.evaluate.runtime import round_points

    p = result.compiled.policy
    got: Decimal | None
    if e.target == "indicator":
        got = result.indicators[e.key].points
    elif e.target == "section":
        got = result.section_points(e.key)
    elif e.target == "group":
        g = result.groups.get(e.key)
        got = None if g is None else round_points(g.exact, p.digits, p.rounding)
    elif e.target == "set":
        got = result.set_total
    else:
        got = result.total
    return got


def run_case(ruleset: Any, case: Case, lang: str = "vi") -> CaseResult:
    """Score the case's unit (alone) and compare each expected value with the points given."""
    from cdsdsl.reports.tables import indicator_explanation
    from cdsdsl.scoring.score import score_cohort

    if case.broken:
        return CaseResult(case)
    unit = case.unit()
    cohort = score_cohort(ruleset, [unit])
    result = cohort.results[0]
    failures = []
    for e in case.expectations:
        got = _got(result, e)
        if got is not None and Fraction(got) == e.points:
            continue
        keys = [e.key] if e.target == "indicator" else \
            [k for k, r in result.indicators.items() if r.status != "not_applicable"
             and _belongs(ruleset, k, e)]
        trace: list[str] = []
        reason = ""
        shown_inputs = []
        for k in keys:
            if e.target != "indicator" and k not in case.inputs:
                continue
            lines, why = indicator_explanation(cohort, result, k, unit, lang)
            ir = result.indicators[k]
            prefix = "" if e.target == "indicator" else "  "
            if e.target != "indicator":
                trace.append(f"{k} {ir.name}: {_plain(ir.points, lang)}/{_plain(ir.max_points, lang)}")
            trace.extend(prefix + ln for ln in lines)
            if e.target == "indicator":
                reason = why
            elif why:
                trace.append(f"{prefix}→ {why}")
            for key, v in case.inputs.get(k, {}).items():
                shown_inputs.append((k, key, v.raw, v.where))
        label = result.indicators[e.key].name if e.target == "indicator" else \
            ruleset.section(e.key).name if e.target == "section" else \
            ruleset.group(e.key).name if e.target == "group" else ""
        failures.append(Failure(e, got, label, tuple(shown_inputs), tuple(trace), reason))
    return CaseResult(case, tuple(failures), len(case.expectations))


def _plain(v: Any, lang: str = "vi") -> str:
    from cdsdsl.evaluate.runtime import fmt_vi

    return "?" if v is None else fmt_vi(Fraction(v), lang=lang)


def _belongs(ruleset: Any, key: str, e: Expectation) -> bool:
    ind = next((i for i in ruleset.indicators if i.key == key), None)
    if ind is None:
        return False
    if e.target == "section":
        return bool(ind.section_id == e.key and ind.group_id is None)
    if e.target == "group":
        return bool(ind.group_id == e.key)
    return True


def run_cases(ruleset: Any, cases: list[Case], lang: str = "vi") -> list[CaseResult]:
    return [run_case(ruleset, c, lang) for c in cases]


__all__ = ["Case", "CaseResult", "Expectation", "Failure", "read_cases", "run_case", "run_cases", "cases_path_for"]
