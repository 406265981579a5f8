"""Check formulas and rulesets before a decision is signed.

Takes: a resolved `Program` (`check_program`), a formula text and its maximum
(`check_formula`); `cdsdsl.rulesets.check.check_ruleset` checks a loaded `Ruleset` with them.
Returns: a list of `Diagnostic`s, never raises for bad input: the reading
notes of the parser (CDS1xx), resolution (CDS2xx: unknown names with the
nearest defined one, unused inputs, how option lists and aliases were read),
types and units (CDS3xx) and cases, levels and score ranges (CDS4xx) from the
rules in `cdsdsl.checks` (`LINT_RULES`), plus, for a ruleset, the structure
checks of `ruleset_checks.py` (CDS54x) and the loader's notes.

Findings about a whole set (divisions by a figure that can be 0, part/whole
data checks, cohort indicators) are reported once per call, not per formula.

Corrected indicators (``Sửa:`` in the ruleset): the original text is still
checked; its findings keep their code and place but become information, with
the message prefixed "(đã sửa trong bộ chỉ số: <lý do>)" (`CorrectedDiagnostic`);
the correction is checked normally.
"""
from __future__ import annotations

from typing import Any, Iterable

import attrs

from cdsdsl.checks import LINT_RULES, lint
from cdsdsl.checks.analysis import Fact, LintContext
from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.core import CdsError, Diagnostic, Severity
from cdsdsl.semantics.resolve import Program, max_points_value, resolve
from cdsdsl.syntax.parser import parse_formula

__all__ = ["check_program", "check_formula", "CorrectedDiagnostic", "sort_diagnostics"]

#: the ruleset's ``Phương pháp:`` values → resolve's cohort methods
_COHORT = {"min_max": "minmax", "minmax": "minmax", "ratio_to_max": "ratio_to_best", "ratio_to_best": "ratio_to_best"}
_OUTCOME = {
    "zero": ("chỉ số được 0 điểm kèm cảnh báo (mặc định, `Chia cho 0: 0 điểm`)",
             "the indicator scores 0 with a warning (the default, `Chia cho 0: 0 điểm`)"),
    "error": ("việc chấm điểm chỉ số đó báo lỗi (`Chia cho 0: lỗi`)",
              "scoring that indicator stops with an error (`Chia cho 0: lỗi`)"),
}


@attrs.frozen(kw_only=True)
class CorrectedDiagnostic(Diagnostic):
    """A finding on an original text that the ruleset corrects (``Sửa:``).

    Keeps the code and the place of the finding; the severity is lowered to
    information (``original_severity`` keeps the real one) and the message
    says that, and why, the text was corrected.
    """

    reason: str = ""
    original_severity: Severity = Severity.INFO

    def message(self, lang: str = "vi") -> str:
        inner = super().message(lang)
        reason = self.reason or i18n.raw("check.corrected.no_reason", lang)
        return i18n.text("check.corrected", lang, reason=reason, inner=inner)

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        out = super().to_dict(lang)
        out["corrected"] = True
        out["original_severity"] = self.original_severity.value
        return out


def _corrected(d: Diagnostic, reason: str) -> CorrectedDiagnostic:
    fields = {a.name: getattr(d, a.name) for a in attrs.fields(Diagnostic)}
    fields["severity"] = Severity.INFO
    return CorrectedDiagnostic(**fields, reason=reason, original_severity=d.severity)


def sort_diagnostics(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    """File order (line, column); findings without a place last; stable otherwise."""
    def key(d: Diagnostic) -> tuple[str, tuple[int, int]]:
        pos = d.position
        return (d.source.name if d.source is not None else "\uffff", pos or (10**9, 0))
    return sorted(diags, key=key)


# ------------------------------------------------------------------ programs

def _check_one(program: Program, facts: list[Fact], *, max_known: bool = True) -> list[Diagnostic]:
    ctx = LintContext(program, facts=facts)
    ctx.max_known = max_known
    out = list(program.formula.diagnostics) + list(program.diagnostics)
    out.extend(lint(ctx, LINT_RULES))
    return out


def aggregate(facts: list[Fact], zero_division: str = "zero") -> list[Diagnostic]:
    """The once-per-set findings (CDS310, CDS408, CDS411) from the facts the rules recorded."""
    out: list[Diagnostic] = []
    by_code: dict[str, list[Fact]] = {}
    for fact in facts:
        by_code.setdefault(fact[0], []).append(fact)
    for code, items in by_code.items():
        _, item, span, source, _data = items[0]
        names: list[str] = []
        names_en: list[str] = []
        for _c, it, _s, _src, data in items:
            if code == "CDS310":
                what = f"{data['denominator']}"
            elif code == "CDS408":
                what = f"{data['parts']} ≤ {data['wholes']}"
            else:
                what = None
            if what is None:
                label, label_en = it or "công thức này", it or "this formula"
            else:  # the English message names the place in English (no "ở" in --lang en)
                label, label_en = what + (f" ở {it}" if it else ""), what + (f" in {it}" if it else "")
            if label not in names:
                names.append(label)
                names_en.append(label_en)
        more = len(names) - 6
        examples = ", ".join(names[:6]) + (f", … ({more} nữa)" if more > 0 else "")
        examples_en = ", ".join(names_en[:6]) + (f", … ({more} more)" if more > 0 else "")
        args: dict[str, Any] = {"count": len(items), "examples": examples, "examples_en": examples_en}
        if code == "CDS310":
            args["outcome"], args["outcome_en"] = _OUTCOME.get(zero_division, _OUTCOME["zero"])
        out.append(Diagnostic.make(code, span, source=source, item=None if len(items) > 1 else item, **args))
    return out


def check_program(program: Program) -> list[Diagnostic]:
    """All findings on one resolved program (the set-level ones included, once)."""
    facts: list[Fact] = []
    out = _check_one(program, facts)
    return out + aggregate(facts)


def _parse_and_resolve(text: str, max_points: Any, *, name: str, item: str | None, title: str | None,
                       line_offset: int = 0, column_offset: int = 0, option_mode: str | None = None,
                       cohort_method: str | None = None,
                       types: dict[str, Any] | None = None) -> tuple[Program | None, list[Diagnostic]]:
    try:
        formula = parse_formula(text, name=name, line_offset=line_offset, column_offset=column_offset, item=item)
    except CdsError as exc:
        return None, [d if d.item is not None or item is None else d.with_context(item=item)
                      for d in exc.diagnostics]
    program = resolve(formula, max_points, item=item, title=title, option_mode=option_mode,
                      cohort_method=_COHORT.get(cohort_method or "", cohort_method), types=types)
    return program, []


def check_formula(text: str, max_points: Any = 10, *, item: str | None = None, title: str | None = None,
                  name: str = "<formula>", option_mode: str | None = None,
                  cohort_method: str | None = None, types: dict[str, Any] | None = None) -> list[Diagnostic]:
    """Check one scoring text with its maximum points.  Syntax errors come back as
    diagnostics (codes CDS1xx), never as exceptions.  Diagnostics render in either
    language on demand (``d.message("en")``).  A ``max_points`` that is not a maximum (None,
    NaN, negative, …) raises `ScoreError` CDS633.  ``types``: declared types, as a ruleset's ``Kiểu:``
    (`cdsdsl.semantics.typedecl.parse_types`)."""
    max_points = max_points_value(max_points)
    program, errors = _parse_and_resolve(text, max_points, name=name, item=item, title=title,
                                         option_mode=option_mode, cohort_method=cohort_method, types=types)
    if program is None:
        return errors
    return check_program(program)
