"""What changed from one year's ruleset to the next: `diff_rulesets(old, new)` -> `RulesetDiff`.

Takes: two `Ruleset`s (last year's decision and this year's).  Returns: language-free data: each indicator
of either year as one `IndicatorChange` — ``kept`` (same number and name, possibly with a new maximum or
scoring text), ``renumbered`` (matched by the similarity of its name, `difflib`), ``added`` or ``removed`` —
with a word diff of the decision's text (`word_diff`) and the change in meaning of the text that scores
(`meaning.meaning_changes`: thresholds moved, points per stretch of values, options, inputs); the sections'
maxima before and after (stated, and the sum of their top-level indicators) and the set's total.
Two rulesets sharing no indicator (by number and name, or by name) are not two years of one indicator set:
`nothing_in_common` is then True and the caller reports CDS908.
"""
from __future__ import annotations

import difflib
import re
from fractions import Fraction

import attrs

from cdsdsl.compare.meaning import MeaningChange, meaning_changes
from cdsdsl.rulesets.classes import Indicator, Ruleset
from cdsdsl.text.fold import strip_diacritics

__all__ = ["IndicatorChange", "RulesetDiff", "SectionTotal", "diff_rulesets", "name_similarity", "word_diff"]

#: two indicators with the same number are the same one when their names are at least this similar
SAME_NUMBER = 0.5
#: two indicators with different numbers are the same one (renumbered) when their names are this similar
RENUMBERED = 0.75


@attrs.frozen
class IndicatorChange:
    """One indicator across the two years; ``old``/``new`` None when it is only in the other year."""

    kind: str  # kept | renumbered | added | removed
    old: Indicator | None
    new: Indicator | None
    similarity: float = 1.0
    #: changed lines of the decision's scoring text, word by word (``[-70%-]{+80%+}``); empty: same text
    text_diff: tuple[str, ...] = ()
    name_diff: str | None = None
    meaning: tuple[MeaningChange, ...] = ()

    @property
    def key(self) -> str:
        return (self.new or self.old).key  # type: ignore[union-attr]

    @property
    def max_changed(self) -> bool:
        return self.old is not None and self.new is not None and self.old.max_points != self.new.max_points

    @property
    def changed(self) -> bool:
        """Anything changed: a new or lost indicator, a new number, maximum or scoring text."""
        return self.kind != "kept" or self.max_changed or bool(self.text_diff) or bool(self.meaning)

    @property
    def scoring_changed(self) -> bool:
        """Its points are not measured the same way in both years: added, removed, a new maximum, scoring text
        or meaning (a renumbering alone is not)."""
        return self.kind in ("added", "removed") or self.max_changed or bool(self.text_diff) or bool(self.meaning)


@attrs.frozen
class SectionTotal:
    """A section's maximum in each year: as the decision states it and as its indicators add up."""

    key: str
    name: str
    old_stated: Fraction | None
    new_stated: Fraction | None
    old_sum: Fraction | None
    new_sum: Fraction | None


@attrs.frozen
class RulesetDiff:
    old: Ruleset
    new: Ruleset
    indicators: tuple[IndicatorChange, ...]
    sections: tuple[SectionTotal, ...]
    old_total: Fraction
    new_total: Fraction

    @property
    def nothing_in_common(self) -> bool:
        return not any(c.kind in ("kept", "renumbered") for c in self.indicators)

    def of_kind(self, kind: str) -> list[IndicatorChange]:
        return [c for c in self.indicators if c.kind == kind]

    def changed_keys(self, year: str = "new") -> set[str]:
        """The keys (in ``year``'s numbering) of the indicators whose scoring changed (`scoring_changed`)."""
        out = set()
        for c in self.indicators:
            ind = c.new if year == "new" else c.old
            if ind is not None and c.scoring_changed:
                out.add(ind.key)
        return out


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", strip_diacritics(text).casefold().replace("tỉ", "tỷ")).strip()


def name_similarity(a: str, b: str) -> float:
    """How alike two indicator names are, 0 to 1 (`difflib` on the words, case and diacritics folded)."""
    return difflib.SequenceMatcher(None, _fold(a).split(), _fold(b).split(), autojunk=False).ratio()


def word_diff(old: str | None, new: str | None) -> tuple[str, ...]:
    """The lines that differ, word by word: ``- Tỷ lệ >= [-70%-]{+80%+}: Điểm tối đa``; lines only in the old
    text as ``[-…-]``, only in the new as ``{+…+}``.  Empty when the texts are the same (up to spaces)."""
    a = [ln.strip() for ln in (old or "").split("\n") if ln.strip()]
    b = [ln.strip() for ln in (new or "").split("\n") if ln.strip()]
    if [" ".join(x.split()) for x in a] == [" ".join(x.split()) for x in b]:
        return ()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        olds, news = a[i1:i2], b[j1:j2]
        for k in range(max(len(olds), len(news))):
            x = olds[k] if k < len(olds) else None
            y = news[k] if k < len(news) else None
            out.append(_line_diff(x, y))
    return tuple(out)


def _line_diff(x: str | None, y: str | None) -> str:
    if x is None:
        return "{+" + (y or "") + "+}"
    if y is None:
        return "[-" + x + "-]"
    a, b = x.split(), y.split()
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(" ".join(a[i1:i2]))
            continue
        if i2 > i1:
            parts.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            parts.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(parts)


def _match(old: Ruleset, new: Ruleset) -> list[tuple[Indicator, Indicator, float]]:
    """Pairs (old, new, similarity): the best-named pairs first, each indicator in at most one pair."""
    scored: list[tuple[float, int, int]] = []
    for i, a in enumerate(old.indicators):
        for j, b in enumerate(new.indicators):
            s = name_similarity(a.name, b.name)
            same_number = a.key == b.key
            if s >= (SAME_NUMBER if same_number else RENUMBERED):
                scored.append((s + (0.01 if same_number else 0.0), i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: list[tuple[Indicator, Indicator, float]] = []
    for s, i, j in scored:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((old.indicators[i], new.indicators[j], min(1.0, s)))
    return pairs


def _settings(ind: Indicator) -> dict[str, str | None]:
    return {"cohort_method": ind.cohort_method, "option_mode": ind.option_mode}


def _pair_change(a: Indicator, b: Indicator, similarity: float) -> IndicatorChange:
    kind = "kept" if a.key == b.key else "renumbered"
    name_diff = _line_diff(a.name, b.name) if " ".join(a.name.split()) != " ".join(b.name.split()) else None
    text_diff = word_diff(a.formula_text, b.formula_text)
    meaning: list[MeaningChange] = []
    if a.effective_formula != b.effective_formula or a.max_points != b.max_points:
        meaning = meaning_changes(a.effective_formula, a.max_points, b.effective_formula, b.max_points, b.key,
                                  old=_settings(a), new=_settings(b))
    return IndicatorChange(kind, a, b, similarity, text_diff, name_diff, tuple(meaning))


def _top_sum(rs: Ruleset, section_id: str) -> Fraction | None:
    inds = rs.top_level(section_id)
    if not inds or any(i.max_points is None for i in inds):
        return None
    return sum((i.max_points for i in inds if i.max_points is not None), Fraction(0))


def _sections(old: Ruleset, new: Ruleset) -> list[SectionTotal]:
    out: list[SectionTotal] = []
    new_by_id = {s.id: s for s in new.sections}
    for s in old.sections:
        t = new_by_id.pop(s.id, None)
        out.append(SectionTotal(s.label or s.id, (t or s).name, s.stated_max, t.stated_max if t else None,
                                _top_sum(old, s.id), _top_sum(new, t.id) if t else None))
    for t in new_by_id.values():
        out.append(SectionTotal(t.label or t.id, t.name, None, t.stated_max, None, _top_sum(new, t.id)))
    return out


def _total(rs: Ruleset) -> Fraction:
    return sum((s for s in (_top_sum(rs, sec.id) for sec in rs.sections) if s is not None), Fraction(0))


def diff_rulesets(old: Ruleset, new: Ruleset) -> RulesetDiff:
    """Every indicator of the two years, matched, with what changed (see the module docstring)."""
    pairs = _match(old, new)
    by_new = {id(b): (a, s) for a, b, s in pairs}
    matched_old = {id(a) for a, _, _ in pairs}
    changes: list[IndicatorChange] = []
    for b in new.indicators:
        if id(b) in by_new:
            a, s = by_new[id(b)]
            changes.append(_pair_change(a, b, s))
        else:
            changes.append(IndicatorChange("added", None, b))
    for a in old.indicators:
        if id(a) not in matched_old:
            changes.append(IndicatorChange("removed", a, None))
    return RulesetDiff(old, new, tuple(changes), tuple(_sections(old, new)), _total(old), _total(new))
