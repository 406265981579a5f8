"""`RulesetDiff` and `CohortComparison` for people (text in the catalogue's language) and for tools (JSON).

Takes: what `diff.diff_rulesets` and `results.compare_results` return, and a language.  Returns: the text
`cds diff` and `cds compare` print (every word from the gettext catalogue, numbers in the reader's form),
or JSON-ready dicts (exact numbers as strings).
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

from cdsdsl.compare.diff import IndicatorChange, RulesetDiff
from cdsdsl.compare.meaning import MeaningChange, Points, Stretch
from cdsdsl.compare.results import CohortComparison, Delta, UnitComparison
from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.numbers import format_number

__all__ = ["diff_text", "diff_json", "comparison_text", "comparison_json"]

_KINDS = ("kept", "renumbered", "added", "removed")


def _num(v: Fraction | None, lang: str, percent: bool = False) -> str:
    if v is None:
        return "-"
    return format_number(v, lang, 2, percent=percent)


def _signed(v: Fraction | None, lang: str) -> str:
    if v is None:
        return "-"
    return ("+" if v > 0 else "−" if v < 0 else "±") + format_number(abs(v), lang, 2)


def _points(p: Points | None, lang: str) -> str:
    if p is None or p.text is None:
        return i18n.text("diff.no_case", lang)
    if p.value is not None:
        return i18n.text("diff.points_value", lang, value=_num(p.value, lang))
    return f"`{p.text}`"


def _stretch(subject: str, s: Stretch, pct: bool, lang: str) -> str:
    if s.lo is not None and s.lo == s.hi:
        return f"{subject} = {_num(s.lo, lang, pct)}"
    left = f"{_num(s.lo, lang, pct)} {'≤' if s.lo_in else '<'} " if s.lo is not None else ""
    right = f" {'≤' if s.hi_in else '<'} {_num(s.hi, lang, pct)}" if s.hi is not None else ""
    return f"{left}{subject}{right}"


def meaning_text(m: MeaningChange, lang: str) -> str:
    """One change in meaning as a sentence."""
    args: dict[str, Any] = {"subject": m.subject, "text": m.text}
    if m.old is not None:
        args["old"] = _num(m.old, lang, m.percent)
    if m.new is not None:
        args["new"] = _num(m.new, lang, m.percent)
    if m.stretch is not None:
        args["stretch"] = _stretch(m.subject, m.stretch, m.percent, lang)
    args["before"], args["after"] = _points(m.before, lang), _points(m.after, lang)
    if m.kind == "unreadable":
        args["which"] = i18n.text(f"diff.year.{m.text}", lang)
    return i18n.text(f"diff.meaning.{m.kind}", lang, **args)


def _indicator_lines(c: IndicatorChange, lang: str) -> list[str]:
    out: list[str] = []
    if c.name_diff:
        out.append("    " + i18n.text("diff.name_changed", lang, diff=c.name_diff))
    for line in c.text_diff:
        out.append("    " + i18n.text("diff.text_line", lang, line=line))
    for m in c.meaning:
        out.append("    " + i18n.text("diff.meaning_line", lang, meaning=meaning_text(m, lang)))
    if c.text_diff and not c.meaning:
        out.append("    " + i18n.text("diff.meaning_line", lang, meaning=i18n.text("diff.meaning.same", lang)))
    return out


def _head(c: IndicatorChange, lang: str) -> str:
    ind = c.new or c.old
    assert ind is not None
    if c.kind == "renumbered":
        assert c.old is not None and c.new is not None
        return i18n.text("diff.renumbered_line", lang, old=c.old.key, new=c.new.key, name=c.new.name,
                         similarity=round(c.similarity * 100))
    return f"{ind.key} {ind.name}"


def diff_text(d: RulesetDiff, lang: str) -> str:
    out = [i18n.text("diff.heading", lang, old=d.old.name, new=d.new.name)]
    counts = {k: len(d.of_kind(k)) for k in _KINDS}
    maxed = [c for c in d.indicators if c.max_changed]
    texts = [c for c in d.indicators if c.text_diff]
    out.append(i18n.text("diff.summary", lang, **counts, max=len(maxed), text=len(texts)))
    for kind in ("added", "removed"):
        items = d.of_kind(kind)
        if items:
            out += ["", i18n.text(f"diff.{kind}", lang)]
            for c in items:
                ind = c.new or c.old
                assert ind is not None
                out.append(f"  {'+' if kind == 'added' else '-'} {ind.key} {ind.name} "
                           f"({i18n.text('diff.points_value', lang, value=_num(ind.max_points, lang))})")
    if d.of_kind("renumbered"):
        out += ["", i18n.text("diff.renumbered", lang)]
        out += ["  " + _head(c, lang) for c in d.of_kind("renumbered")]
    if maxed:
        out += ["", i18n.text("diff.max", lang)]
        for c in maxed:
            assert c.old is not None and c.new is not None
            out.append(f"  {c.key} {c.new.name}: {_num(c.old.max_points, lang)} → {_num(c.new.max_points, lang)}")
    if any(c.text_diff or c.meaning or c.name_diff for c in d.indicators):
        out += ["", i18n.text("diff.formula", lang)]
        for c in d.indicators:
            if c.text_diff or c.meaning or c.name_diff:
                out.append("  " + _head(c, lang))
                out += _indicator_lines(c, lang)
    out += ["", i18n.text("diff.sections", lang)]
    for s in d.sections:
        line = i18n.text("diff.section_line", lang, key=s.key, name=s.name, old=_num(s.old_stated, lang),
                         new=_num(s.new_stated, lang))
        if (s.old_sum, s.new_sum) != (s.old_stated, s.new_stated):
            line += " " + i18n.text("diff.section_sums", lang, old=_num(s.old_sum, lang), new=_num(s.new_sum, lang))
        out.append("  " + line)
    out.append("  " + i18n.text("diff.total_line", lang, old=_num(d.old_total, lang), new=_num(d.new_total, lang)))
    return "\n".join(out)


def _s(v: Fraction | None) -> str | None:
    return None if v is None else str(v) if v.denominator == 1 else f"{v.numerator}/{v.denominator}"


def _meaning_json(m: MeaningChange, lang: str) -> dict[str, Any]:
    return {"kind": m.kind, "subject": m.subject or None, "old": _s(m.old), "new": _s(m.new),
            "before": None if m.before is None else {"value": _s(m.before.value), "text": m.before.text},
            "after": None if m.after is None else {"value": _s(m.after.value), "text": m.after.text},
            "text": meaning_text(m, lang)}


def diff_json(d: RulesetDiff, lang: str) -> dict[str, Any]:
    def ind(c: IndicatorChange) -> dict[str, Any]:
        return {"kind": c.kind, "old": c.old.key if c.old else None, "new": c.new.key if c.new else None,
                "name": (c.new or c.old).name if (c.new or c.old) else None,  # type: ignore[union-attr]
                "similarity": round(c.similarity, 3),
                "max": {"old": _s(c.old.max_points) if c.old else None,
                        "new": _s(c.new.max_points) if c.new else None},
                "changed": c.changed, "name_diff": c.name_diff, "text_diff": list(c.text_diff),
                "meaning": [_meaning_json(m, lang) for m in c.meaning]}

    return {"old": d.old.name, "new": d.new.name,
            "summary": {k: len(d.of_kind(k)) for k in _KINDS},
            "indicators": [ind(c) for c in d.indicators],
            "sections": [{"key": s.key, "name": s.name, "old": _s(s.old_stated), "new": _s(s.new_stated),
                          "old_sum": _s(s.old_sum), "new_sum": _s(s.new_sum)} for s in d.sections],
            "total": {"old": _s(d.old_total), "new": _s(d.new_total)}}


def _delta(x: Delta, lang: str) -> str:
    return f"{_num(x.old, lang)} → {_num(x.new, lang)} ({_signed(x.change, lang)})"


def _what(c: IndicatorChange, lang: str) -> str:
    parts = []
    if c.kind in ("added", "removed"):
        parts.append(i18n.text(f"compare.what.{c.kind}", lang))
    if c.kind == "renumbered" and c.old is not None:
        parts.append(i18n.text("compare.what.renumbered", lang, old=c.old.key))
    if c.max_changed and c.old is not None and c.new is not None:
        parts.append(i18n.text("compare.what.max", lang, old=_num(c.old.max_points, lang),
                               new=_num(c.new.max_points, lang)))
    if c.text_diff or (c.meaning and not c.max_changed):
        parts.append(i18n.text("compare.what.formula", lang))
    return "; ".join(parts)


def _unit_lines(u: UnitComparison, lang: str) -> list[str]:
    out = [f"{u.unit}: {_delta(u.total, lang)}"]
    for s in u.sections:
        out.append("  " + i18n.text("diff.section_name", lang, key=s.key, name=s.name) + ": " + _delta(s, lang))
    if u.rule_changes:
        out.append("  " + i18n.text("compare.rule_changes", lang, points=_signed(u.from_rules, lang)))
        for r in u.rule_changes:
            ind = r.change.new or r.change.old
            assert ind is not None
            out.append(f"    * {ind.key} {ind.name} ({_what(r.change, lang)}): {_num(r.old, lang)} → "
                       f"{_num(r.new, lang)}")
    return out


def comparison_text(cmp: CohortComparison, lang: str) -> str:
    out = [i18n.text("compare.heading", lang, old=cmp.diff.old.name, new=cmp.diff.new.name,
                     changed=sum(1 for c in cmp.diff.indicators if c.scoring_changed))]
    for u in cmp.units:
        out += [""] + _unit_lines(u, lang)
    for which, units in (("only_old", cmp.only_old), ("only_new", cmp.only_new)):
        if units:
            out += ["", i18n.text(f"compare.{which}", lang, units="; ".join(units))]
    return "\n".join(out)


def comparison_json(cmp: CohortComparison, lang: str) -> dict[str, Any]:
    def delta(x: Delta) -> dict[str, Any]:
        return {"key": x.key or None, "name": x.name or None, "old": _s(x.old), "new": _s(x.new),
                "change": _s(x.change)}

    def unit(u: UnitComparison) -> dict[str, Any]:
        return {"unit": u.unit, "total": delta(u.total), "sections": [delta(s) for s in u.sections],
                "from_rule_changes": _s(u.from_rules),
                "rule_changes": [{"old_key": r.change.old.key if r.change.old else None,
                                  "new_key": r.change.new.key if r.change.new else None,
                                  "kind": r.change.kind, "what": _what(r.change, lang),
                                  "old": _s(r.old), "new": _s(r.new)} for r in u.rule_changes]}

    return {"old": cmp.diff.old.name, "new": cmp.diff.new.name, "units": [unit(u) for u in cmp.units],
            "only_old": list(cmp.only_old), "only_new": list(cmp.only_new)}
