"""Parse one indicator's scoring text into a `Formula` AST.

Takes: the text as the decision prints it (``Cách xác định và tính điểm``).
Returns: `cdsdsl.syntax.nodes.Formula` with every node's span pointing into that
text, and ``Formula.diagnostics`` holding the warnings of recoveries; raises
`FormulaSyntaxError` (codes CDS1xx) for text that really cannot be read.

Pipeline: `normalize` → logical lines (`lines.py`: bullets, parts, wrapped lines
joined, one-line pastes cut into statements) → each line classified
(`classify.py`: declaration, assignment, case, level, heading, per-item, cap,
sum of items, cohort method, note) → its formal pieces read by the Lark LALR
grammar ``grammar/formula.lark`` (`pieces.py`) → nodes built by `build.py`;
text that does not read gets a precise error (`recovery.py`).  This module
assembles the statements of the lines into the parts of a `Formula`.
"""
from __future__ import annotations

import re
from typing import Any

import attrs

from cdsdsl.diagnostics.core import Diagnostic, FormulaSyntaxError
from cdsdsl.syntax import nodes as n
from cdsdsl.syntax.classify import LineClassifier
from cdsdsl.syntax.joins import first_open_paren
from cdsdsl.syntax.lines import Line, split_lines
from cdsdsl.syntax.pieces import MAX_TREE_DEPTH, clear_piece_caches, lalr_driver, lark_parser
from cdsdsl.syntax.recovery import MAX_DEPTH
from cdsdsl.text.normalize import MAX_NUMBER_DIGITS
from cdsdsl.text.source import Source, Span

__all__ = ["MAX_DEPTH", "MAX_NUMBER_DIGITS", "MAX_TREE_DEPTH", "Line", "clear_piece_caches", "lalr_driver",
           "lark_parser", "parse_formula", "split_lines"]

_EXPLAIN_RE = re.compile(r"^(giải\s+thích|ghi\s+chú|lưu\s+ý|chú\s+thích)\s*[:.]", re.I)
#: a threshold stated in words (`dưới 100%`, `trên 5 lần`, `từ 3`, `ít nhất 2`): an option holding one, in a list
#: that compares, is a condition not read (`_FormulaParser.refuse_unread_thresholds`)
_THRESHOLD_WORDS = re.compile(r"\d\s*%|(?<![^\W\d_])(?:dưới|trên|từ|tối thiểu|ít nhất|nhiều hơn|ít hơn|lớn hơn|"
                              r"nhỏ hơn|không quá|không dưới|vượt)\s+\d", re.I)
#: the statements that give the points (a formula with none of them gets CDS153)
_SCORING = (n.Assign, n.Cases, n.PerItem, n.SumItems, n.CohortMethod, n.Cap)

#: the note of each kind of repaired word (`text.repair.Repair.kind`)
_REPAIR_CODES = {"split": "CDS164", "subscript": "CDS166", "diacritics": "CDS167", "thousands": "CDS117"}

#: one part being assembled: its number, its title, where it starts, its statements
_Part = tuple[str | None, str | None, int, list[Any]]


class _FormulaParser(LineClassifier):
    """Reads the lines of one formula and assembles their statements into parts."""

    def parse(self) -> n.Formula:
        """The `Formula` of the text (its diagnostics: the warnings of the recoveries)."""
        self.report_repairs()
        self.check_depth()
        self.check_numbers()
        lines, self.nt = split_lines(self.nt)
        self.parts: list[_Part] = [(None, None, 0, [])]
        self.pending_heading: tuple[str, int, int] | None = None
        self.cases: list[n.Case] = []
        #: remarks met inside the list of cases being read (`add`): they follow the list
        self.held_notes: list[n.Note] = []
        self.cases_start = 0
        explanation: tuple[int, int] | None = None
        for line in lines:
            s, e = line.start, line.end
            self.warn_repairs(line)
            if explanation is not None:  # everything after `Giải thích:` explains
                self.refuse_scoring_in_note(line, explanation[0])
                explanation = (explanation[0], e)
            elif _EXPLAIN_RE.match(self.nt[s:e]):
                self.flush_cases()
                explanation = (s, e)
            else:
                self.add(*self.classify(line), s)
        self.flush_cases()
        if explanation is not None:
            s, e = explanation
            text = re.sub(r"\s*\n\s*", " ", self.nt[s:e])
            self.parts[-1][3].append(n.Note("explanation", text, span=self.span(s, e)))
        return self.formula()

    def refuse_scoring_in_note(self, line: Line, note_start: int) -> None:
        """CDS169 for a line after `Ghi chú:` / `Giải thích:` that reads as a case with its points
        (`- Tỷ lệ từ 50% đến dưới 80%: 5 điểm`): the note, which runs to the end of the formula, would
        swallow it and its points would silently never be given."""
        saved = (len(self.diags), set(self.defined))
        try:
            kind, _value = self.classify(line)
        except FormulaSyntaxError:
            kind = ""
        finally:
            del self.diags[saved[0]:]
            self.defined = saved[1]
        if kind == "case":
            head = self.nt[note_start:line.start].split("\n", 1)[0].split(":", 1)[0].strip()
            raise self.error("CDS169", line.start, line.end, note=head, line=self.nt[line.start:line.end].strip())

    def report_repairs(self) -> None:
        """A note for each damaged word repaired (`text.repair`: CDS164 words run together, CDS166 a
        subscript also written flat, CDS167 a keyword without its diacritics); CDS165 (an error) for
        words run together that split more than one way."""
        for rep in self.repairs:
            if rep.kind == "ambiguous":
                raise self.error("CDS165", rep.start, rep.end, written=rep.written, first=rep.readings[0],
                                 second=rep.readings[1])
            self.warn(_REPAIR_CODES[rep.kind], rep.start, rep.end, written=rep.written, read=rep.read)

    def warn_repairs(self, line: Line) -> None:
        """CDS152 for a line that was joined to the previous one, CDS161/CDS163 for a join whose joined
        line could also have been a statement of its own (CDS162, an error, when it reads as one),
        CDS151 for doubled punctuation."""
        for kind, a, b, prev_end in line.notes:
            alone = self.nt[a:b].replace("\n", " ")
            if kind == "unfinished":  # the line stops on `đến`, `và` … and the next one is a bullet
                raise self.error("CDS168", line.start, prev_end, line=" ".join(self.nt[line.start:prev_end].split()),
                                 last=self.nt[line.start:prev_end].split()[-1],
                                 next=" ".join(self.nt[a:b].split()))
            if kind == "ambiguous":
                raise self.error("CDS162", a, b, line=alone, joined=" ".join(self.nt[line.start:b].split()))
            if kind == "paren":
                opened = first_open_paren(self.nt, line.start, prev_end)
                self.warn("CDS161", a, b, line=alone, opened=" ".join(self.nt[opened:prev_end].split()))
            else:
                self.warn("CDS163", a, b, line=alone, last=self.nt[line.start:prev_end].split()[-1],
                          joined=" ".join(self.nt[line.start:b].split()))
        if line.joined and not line.notes:
            self.warn("CDS152", line.start, line.end)
        for tok, at in line.stray:
            self.warn("CDS151", at, at + len(tok), token=tok)

    def flush_cases(self) -> None:
        """Close the list of cases being read (under its heading, if any); a heading with no
        cases under it becomes a note."""
        if self.cases:
            self.refuse_unread_thresholds()
            heading = self.pending_heading[0] if self.pending_heading else None
            start = self.pending_heading[1] if self.pending_heading else self.cases_start
            span = Span(self.span(start, start).start, self.cases[-1].span.end)
            self.parts[-1][3].append(n.Cases(heading, tuple(self.cases), span=span))
            self.parts[-1][3].extend(self.held_notes)
            self.cases = []
            self.held_notes = []
            self.pending_heading = None
        elif self.pending_heading is not None:
            h, s, e = self.pending_heading
            self.parts[-1][3].append(n.Note("text", h, span=self.span(s, e)))
            self.pending_heading = None

    def note_percent_bounds(self, formula: n.Formula) -> None:
        """CDS114 for each range bound written as a bare number beside a percentage (`từ 70 - 90%`), which the
        builder reads in the other bound's unit (`build._same_unit`).  Ranges are conditions: only the case
        lists are looked at, not the whole tree."""
        for st in formula.statements:
            if not isinstance(st, n.Cases):
                continue
            for case in st.cases:
                for node in case.condition.walk():
                    if isinstance(node, n.Range):
                        for bound in (node.low, node.high):
                            if isinstance(bound, n.Percent) and bound.text and "%" not in bound.text:
                                self.diags.append(Diagnostic.make("CDS114", bound.span, source=self.source,
                                                                  written=bound.text, read=f"{bound.text}%"))

    def refuse_unread_thresholds(self) -> None:
        """CDS116 for an "option" that states a threshold (`Hoàn thành dưới 100%`, `Đạt trên 5 lần`) in a list
        whose other cases compare a quantity: a condition the reader could not read.  As an option nobody
        would choose it, and a unit in its band would score no case, silently."""
        compared = [c for c in self.cases if isinstance(c.condition, (n.Compare, n.Range, n.Joined))]
        if not compared:
            return
        for case in self.cases:
            cond = case.condition
            if type(cond) is n.Option and _THRESHOLD_WORDS.search(cond.label):
                raise FormulaSyntaxError([Diagnostic.make("CDS116", cond.span, source=self.source,
                                                          condition=cond.label)])

    def add(self, kind: str, value: Any, s: int) -> None:
        """Add what a line states (`classify`: ``kind`` and ``value``; the line starts at ``s``)."""
        if kind == "case":
            if not self.cases:
                self.cases_start = s
            self.cases.append(value)
            return
        if kind == "stmt" and self.cases and isinstance(value, n.Note) and value.kind == "text":
            # a remark between two cases does not end the list: `- Tỷ lệ >= 80%: 10 điểm` / `(tính cả hồ sơ
            # trực tuyến)` / `- Tỷ lệ từ 50% đến dưới 80%: 5 điểm` is one list (two lists would leave the first
            # unused); the remark goes after the list
            self.held_notes.append(value)
            return
        if kind == "heading":
            self.flush_cases()
            self.pending_heading = value
            return
        if kind == "result_expr" and self.pending_heading is not None and not self.cases:
            # `- Điểm:` followed by `+ Tỷ lệ*Điểm tối đa`
            h, hs, _ = self.pending_heading
            target = n.Name("Điểm", span=self.span(hs, hs + len(h)), text=h)
            self.pending_heading = None
            self.parts[-1][3].append(n.Assign(target, value, span=Span(self.span(hs, hs).start, value.span.end)))
            return
        self.flush_cases()
        statements = self.parts[-1][3]
        if kind == "part":
            number, title = value
            self.parts.append((number, title, s, []))
            self.defined = set()
        elif kind == "result_expr":
            statements.append(n.Assign(n.Name("Điểm", span=value.span, text=""), value, span=value.span))
        elif kind == "stmts":
            statements.extend(value)
        else:
            statements.append(value)

    def formula(self) -> n.Formula:
        """The `Formula` of the parts read (an unnumbered first part only when it holds statements),
        with CDS153 when no statement gives the points."""
        built: list[n.Part] = []
        for number, title, start, body in self.parts:
            if number is None and not body and len(self.parts) > 1:
                continue
            if body:
                span = Span(self.span(start, start).start if number else body[0].span.start, body[-1].span.end)
            else:
                span = self.span(start, start)
            built.append(n.Part(number, title, tuple(body), span=span))
        if not built:
            built.append(n.Part(None, None, (), span=Span(0, 0)))
        formula = n.Formula(tuple(built), span=Span(0, len(self.text)), source=self.source)
        self.note_percent_bounds(formula)
        if not any(isinstance(st, _SCORING) and (not isinstance(st, n.Assign) or st.target.name == "Điểm")
                   for st in formula.statements):
            self.diags.append(Diagnostic.make("CDS153", Span(0, len(self.text)), source=self.source))
        return attrs.evolve(formula, diagnostics=tuple(self.diags))


def parse_formula(text: str, *, name: str = "<formula>", line_offset: int = 0,
                  column_offset: int = 0, item: str | None = None) -> n.Formula:
    """Parse one indicator's scoring text.  See the module docstring."""
    if not isinstance(text, str):
        raise TypeError("parse_formula expects a str")
    source = Source(text, name=name, line_offset=line_offset, column_offset=column_offset)
    parser = _FormulaParser(text, source)
    try:
        formula = parser.parse()
    except FormulaSyntaxError as exc:
        if item is not None:
            exc.diagnostics = [d.with_context(item=item) for d in exc.diagnostics]
        raise
    except RecursionError:
        raise FormulaSyntaxError([Diagnostic.make("CDS104", Span(0, min(1, len(text))), source=source,
                                                  depth=f">{MAX_DEPTH}", limit=MAX_DEPTH, item=item)]) from None
    if item is not None:
        formula = attrs.evolve(formula, diagnostics=tuple(d.with_context(item=item) for d in formula.diagnostics))
    return formula
