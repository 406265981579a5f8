"""The `.cds` reader: the text of a ruleset file -> `Ruleset`.

Takes: the text of a `.cds` file (docs/ruleset-format.md, grammar `grammar/ruleset.lark`) and the name
diagnostics show.  Returns: a `Ruleset` whose sources point into the file; non-fatal findings are its
``notes``.  Errors raise `RulesetError` carrying located diagnostics (codes CDS500-519, CDS570-577).
This module only reads: it neither checks formulas nor scores.
"""
from __future__ import annotations

import re
from fractions import Fraction
from typing import Any, Protocol, cast

import attrs
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput

from cdsdsl.diagnostics.core import Diagnostic, RulesetError, Severity
from cdsdsl.rulesets.blocks import BLOCK_INDENT, join_halves, line_starts, nfc_outside_blocks
from cdsdsl.rulesets.classes import (
    Binding,
    CasesBlock,
    Correction,
    Fact,
    Group,
    Indicator,
    Rounding,
    Ruleset,
    Section,
    SetFormula,
    UnitList,
)
from cdsdsl.rulesets.corrections import short_correction
from cdsdsl.rulesets.facts import check_fact_uses, parse_fact_uses, read_facts
from cdsdsl.rulesets.fields import (
    CASES_KEY,
    EXPECTED,
    FLAG_ENTERED,
    HEADER_KEYS,
    INDICATOR_KEYS,
    KNOWN_KEYS,
    LIST_PREFIX,
    parse_applies_to,
    parse_cohort_method,
    parse_option_mode,
    parse_simple_header,
    parse_types_field,
)
from cdsdsl.rulesets.numbering import normalize_key, parse_max, parse_stt
from cdsdsl.syntax.grammars import grammar_path
from cdsdsl.text.normalize import clean_markup
from cdsdsl.text.source import Source, Span

__all__ = ["parse_ruleset_text"]

#: ``Tiếp theo chỉ số 2.3``: the rest of a row a page break split (docs/ruleset-format.md)
_CONTINUATION = re.compile(r"^\(?tiếp(?: theo)?\)?\s+chỉ số\s+(\S+)$")
_TEXT_FIELDS = {"data_source", "coordinator", "evidence", "reason"}
_BLOCK_FIELDS = {"formula", "correction"}

class _Tok(Protocol):
    """What the reader uses of a lark `Token`: its text (`str`) and where it is; the LALR lexer sets every
    position, which lark's own annotations leave optional."""

    start_pos: int
    end_pos: int
    line: int


def _token(child: Any) -> _Tok:
    """A child of a line's parse tree that the grammar makes a token."""
    assert isinstance(child, Token)
    return cast(_Tok, child)


def _maybe_token(child: Any) -> _Tok | None:
    """An optional token: ``None`` where the line leaves it out."""
    return None if child is None else _token(child)


_PARSER: Lark | None = None


def _parser() -> Lark:
    global _PARSER
    if _PARSER is None:
        _PARSER = Lark(grammar_path("ruleset.lark").read_text(encoding="utf-8"), parser="lalr",
                       maybe_placeholders=True)
    return _PARSER


@attrs.define
class _Open:
    """An indicator being read."""

    id: str
    name: str
    max_points: Fraction | None
    section_id: str | None
    group_id: str | None
    line: int
    span: Span
    max_span: Span | None
    fields: dict[str, Any] = attrs.field(factory=dict)   # field -> value
    field_lines: dict[str, int] = attrs.field(factory=dict)  # field -> line
    entered: int | None = None  # line of `Nhập điểm`
    continued: int | None = None  # line of `Tiếp theo chỉ số` (a row split by a page break)
    first_halves: dict[str, Any] = attrs.field(factory=dict)  # field -> its value before the page break


class _Reader:
    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self.text = nfc_outside_blocks(text.replace("\r\n", "\n").replace("\r", "\n"))
        self.source = Source(self.text, name=name)
        self.starts = line_starts(self.text)
        self.diags: list[Diagnostic] = []
        self.header: dict[str, object] = {}
        self.header_lines: dict[str, int] = {}
        self.header_spans: dict[str, Span] = {}
        self.bindings: list[Binding] = []
        self.unit_lists: list[UnitList] = []
        self.facts: list[Fact] = []
        # `Dùng thông tin chung:` fields: (indicator, (input key, fact name) pairs, value start, value end)
        self.fact_uses: list[tuple[str, tuple[tuple[str, str], ...], int, int]] = []
        self.sections: list[Section] = []
        self.groups: list[Group] = []
        self.indicators: list[Indicator] = []
        self.current: _Open | None = None
        self.section_id: str | None = None
        self.group_id: str | None = None
        self.seen_heading = False
        # the field receiving indented lines: (kind, key, first line) and its lines
        self.block_field: str | None = None
        # (line, text, indentation): the indentation is removed in close_block
        self.block_lines: list[tuple[int, str, int]] = []
        self.block_key_line = 0
        self.block_inline: tuple[int, int, str] | None = None  # (line, col, text) on the key line
        self.block_target = ""  # "indicator" | "header" | "file" (the `Ca kiểm thử:` block)
        self.cases: CasesBlock | None = None
        # `Tiếp theo chỉ số X` not after X: (id, start, end, line), judged at the end of the file
        self.pending_continuations: list[tuple[str, int, int, int]] = []

    # -- diagnostics --
    def error(self, code: str, start: int, end: int, *, item: str | None = None, **args: Any) -> None:
        self.diags.append(Diagnostic.make(code, Span(start, max(start, end)), source=self.source, item=item,
                                          **args))

    def line_span(self, line: int) -> Span:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return Span(start, end)

    # -- main loop --
    def read(self) -> Ruleset:
        parse_text = self.text if self.text.endswith("\n") else self.text + "\n"
        try:
            tree = _parser().parse(parse_text)
        except UnexpectedInput as exc:
            pos = getattr(exc, "pos_in_stream", None) or 0
            pos = min(pos, len(self.text))
            line = self.source.position(pos)[0]
            ls = self.line_span(line)
            got = self.text[ls.start:ls.end]
            detail = f"`{got.strip()[:60]}`"
            self.error("CDS500", ls.start, ls.end, detail=detail)
            raise RulesetError(self.diags) from None
        for node in tree.children:
            if isinstance(node, Token):  # a comment
                continue
            getattr(self, "on_" + node.data)(node)
        self.close_block()
        self.close_indicator()
        return self.finish()

    # -- line kinds --
    def on_blank(self, node: Tree[Token]) -> None:
        if self.block_field is not None and self.block_lines:
            self.block_lines.append((0, "", 0))  # kept only if more block lines follow

    def on_bad_indent(self, node: Tree[Token]) -> None:
        tok = _token(node.children[0])
        raw = str(tok)
        n = len(raw) - len(raw.lstrip(" "))  # 1-3 spaces (four spaces or a tab make a block line)
        what = (f"{n} dấu cách", f"{n} spaces")
        item = self.current.id if self.current else None
        self.error("CDS509", tok.start_pos, tok.end_pos, item=item, what=what[0], what_en=what[1])
        if self.block_field is not None:  # keep the block (no second "empty" error)
            self.block_lines.append((tok.line, raw.lstrip(), 0))

    def on_block_line(self, node: Tree[Token]) -> None:
        tok = _token(node.children[0])
        if self.block_field is None:
            item = self.current.id if self.current else None
            self.error("CDS508", tok.start_pos, tok.end_pos, item=item)
            return
        raw = str(tok)
        m = BLOCK_INDENT.match(raw)
        self.block_lines.append((tok.line, raw, m.end() if m else 0))

    def on_flag(self, node: Tree[Token]) -> None:
        tok = _token(node.children[0])
        self.close_block()
        key = normalize_key(str(tok))
        cont = _CONTINUATION.match(key)
        if cont:
            self.on_continuation(cont.group(1).rstrip("."), tok)
            return
        if key != FLAG_ENTERED:
            self.error("CDS501", tok.start_pos, tok.end_pos, item=self.current.id if self.current else None,
                       key=str(tok).strip(), known=KNOWN_KEYS)
            return
        if self.current is None:
            self.error("CDS504", tok.start_pos, tok.end_pos, key="Nhập điểm")
            return
        if self.current.entered is not None:
            self.error("CDS505", tok.start_pos, tok.end_pos, item=self.current.id, key="Nhập điểm",
                       first_line=self.current.entered)
            return
        self.current.entered = tok.line

    def on_continuation(self, ident: str, tok: _Tok) -> None:
        """``Tiếp theo chỉ số X``: the following fields continue those of X, written just above."""
        start = tok.start_pos + (len(str(tok)) - len(str(tok).lstrip()))
        end = start + len(str(tok).strip())
        cur = self.current
        if cur is not None and cur.id == ident:
            cur.continued = tok.line
            return
        if cur is not None:  # read what follows as a continuation anyway: the error is said once, here
            cur.continued = tok.line
        earlier = [i for i in self.indicators if i.id == ident and i.group_id == self.group_id]
        if earlier:
            if cur is not None:
                between = (f"chỉ số {cur.id}", f"indicator {cur.id}")
            elif self.group_id is not None:
                between = (f"lĩnh vực {self.group_id}", f"group {self.group_id}")
            else:
                between = (f"mục {self.section_id}", f"section {self.section_id}")
            self.error("CDS577", start, end, item=ident, id=ident, line=earlier[-1].line,
                       between=between[0], between_en=between[1])
            return
        self.pending_continuations.append((ident, start, end, tok.line))

    def on_field(self, node: Tree[Token]) -> None:
        key_tok = _token(node.children[0])
        val_tok = _maybe_token(node.children[1]) if len(node.children) > 1 else None
        self.close_block()
        raw_key = str(key_tok).strip()
        key = normalize_key(raw_key)
        value = str(val_tok).strip() if val_tok is not None else ""
        kstart, kend = key_tok.start_pos, key_tok.end_pos
        item = self.current.id if self.current else None
        if key in HEADER_KEYS or key.startswith(LIST_PREFIX):
            if self.seen_heading:
                self.error("CDS503", kstart, kend, item=item, key=raw_key + ":")
                return
            self.on_header(key, raw_key, value, key_tok, val_tok)
            return
        if key == CASES_KEY:  # test cases: a block of the file, closing the indicator above
            self.close_indicator()
            if self.cases is not None:
                return self.error("CDS505", kstart, kend, key=raw_key + ":", first_line=self.cases.line)
            self.cases = CasesBlock("", None, key_tok.line)
            return self.open_block("cases", "file", key_tok, val_tok, value)
        if key not in INDICATOR_KEYS:
            self.error("CDS501", kstart, kend, item=item, key=raw_key, known=KNOWN_KEYS)
            return
        field = INDICATOR_KEYS[key]
        if self.current is None:
            self.error("CDS504", kstart, kend, key=raw_key + ":")
            return
        cur = self.current
        if (field in cur.field_lines and cur.continued is not None and cur.field_lines[field] < cur.continued
                and (field in _BLOCK_FIELDS or field in _TEXT_FIELDS) and field not in cur.first_halves
                and field in cur.fields):
            cur.first_halves[field] = cur.fields.pop(field)  # joined with this second half in close_block
            del cur.field_lines[field]
        if field in cur.field_lines:
            self.error("CDS505", kstart, kend, item=cur.id, key=raw_key + ":", first_line=cur.field_lines[field])
            return
        cur.field_lines[field] = key_tok.line
        if field in _BLOCK_FIELDS or field in _TEXT_FIELDS:
            self.open_block(field, "indicator", key_tok, val_tok, value)
            return
        vstart = val_tok.start_pos if val_tok is not None else kend
        vend = val_tok.end_pos if val_tok is not None else kend + 1
        parser = {"applies_to": parse_applies_to, "option_mode": parse_option_mode,
                  "cohort_method": parse_cohort_method, "types": parse_types_field,
                  "fact_uses": parse_fact_uses}[field]
        parsed = parser(value)
        if field == "fact_uses" and parsed is not None:  # the names are checked once the facts are all read
            self.fact_uses.append((cur.id, cast("tuple[tuple[str, str], ...]", parsed), vstart, vend))
        if parsed is None:
            exp = EXPECTED[field]
            self.error("CDS507", vstart, vend, item=cur.id, key=raw_key + ":", value=value,
                       expected=exp[0], expected_en=exp[1])
            return
        cur.fields[field] = parsed

    def on_header(self, key: str, raw_key: str, value: str, key_tok: _Tok, val_tok: _Tok | None) -> None:
        kstart, kend = key_tok.start_pos, key_tok.end_pos
        vstart = val_tok.start_pos if val_tok is not None else kend
        vend = val_tok.end_pos if val_tok is not None else kend + 1
        if val_tok is not None:
            raw = str(val_tok)
            vstart += len(raw) - len(raw.lstrip())
            vend = vstart + len(raw.strip())
        if key.startswith(LIST_PREFIX):
            lname = raw_key[len(LIST_PREFIX):].strip()
            units = tuple(u.strip() for u in value.split(";") if u.strip())
            for ul in self.unit_lists:
                if normalize_key(ul.name) == normalize_key(lname):
                    self.error("CDS505", kstart, kend, key=raw_key + ":", first_line=ul.line)
                    return
            if not units:
                exp = EXPECTED["units"]
                self.error("CDS507", vstart, vend, key=raw_key + ":", value=value, expected=exp[0],
                           expected_en=exp[1])
                return
            self.unit_lists.append(UnitList(lname, units, key_tok.line))
            return
        field = HEADER_KEYS[key]
        if field == "binding":
            if "set_formula" not in self.header:
                self.error("CDS514", kstart, kend, key=raw_key + ":", needs="Công thức tổng:")
                return
            m = re.match(r"^\s*([^\s=:]+)\s*[=:]\s*(.+?)\s*$", value)
            if not m:
                exp = EXPECTED["binding"]
                self.error("CDS507", vstart, vend, key=raw_key + ":", value=value, expected=exp[0],
                           expected_en=exp[1])
                return
            self.bindings.append(Binding(m.group(1), m.group(2), key_tok.line))
            return
        if field in self.header_lines:
            self.error("CDS505", kstart, kend, key=raw_key + ":", first_line=self.header_lines[field])
            return
        self.header_lines[field] = key_tok.line
        self.header_spans[field] = Span(vstart, vend)
        if field == "facts":  # indented lines follow, one fact a line (`cdsdsl.rulesets.facts`)
            self.open_block(field, "header", key_tok, val_tok, value)
            return
        parsed: object = parse_simple_header(field, value)
        if field == "set_formula":
            col = self.source.position(vstart)[1]
            parsed = (value, Source(value, name=self.name, line_offset=key_tok.line - 1, column_offset=col - 1),
                      key_tok.line)
            if not value:
                parsed = None
                self.error("CDS512", kstart, kend, key=raw_key + ":")
                return
        if parsed is None and field in EXPECTED:
            exp = EXPECTED[field]
            self.error("CDS507", vstart, vend, key=raw_key + ":", value=value, expected=exp[0],
                       expected_en=exp[1])
            return
        self.header[field] = parsed

    def on_heading(self, node: Tree[Token]) -> None:
        self.close_block()
        kind_tok = _token(node.children[0])
        stt_tok = _token(node.children[1])
        cells = [_maybe_token(c) for c in node.children[2:]]
        kind = normalize_key(str(kind_tok))
        kind_label = {"mục": "Mục", "lĩnh vực": "Lĩnh vực", "chỉ số": "Chỉ số"}[kind]
        line = kind_tok.line
        lspan = self.line_span(line)
        self.close_indicator()
        if len(cells) != 2:
            self.error("CDS510", lspan.start, lspan.end, kind=kind_label, expected=3, count=len(cells) + 1)
            return
        name_tok = cells[0]
        name = str(name_tok).strip() if name_tok is not None else ""
        if name and name_tok is not None:
            name = self.clean_name(name, name_tok, stt_tok)
        max_tok = cells[1]
        max_text = str(max_tok).strip() if max_tok is not None else ""
        if max_tok is not None:
            raw = str(max_tok)
            lead = len(raw) - len(raw.lstrip())
            max_span = Span(max_tok.start_pos + lead, max_tok.start_pos + lead + len(raw.strip()))
        else:
            max_span = Span(lspan.end, lspan.end)
        stt_text = str(stt_tok).strip()
        stt_start = stt_tok.start_pos + (len(str(stt_tok)) - len(str(stt_tok).lstrip()))
        what = {"mục": "section", "lĩnh vực": "group", "chỉ số": "indicator"}[kind]
        parsed = parse_stt(stt_text, what)
        if parsed is None:
            self.error("CDS511", stt_start, stt_start + len(stt_text), stt=stt_text, kind=kind_label)
            return
        ident, label = parsed
        ok, max_value = parse_max(max_text) if max_text else (False, None)
        if not ok:
            self.error("CDS506", max_span.start, max(max_span.end, max_span.start + 1),
                       item=ident if what == "indicator" else None,
                       text=max_text)
            return
        self.seen_heading = True
        if what == "section":
            self.sections.append(Section(ident, name, max_value, label, line, lspan, max_span, self.source))
            self.section_id, self.group_id = ident, None
        elif what == "group":
            self.groups.append(Group(ident, name, max_value, line, lspan, max_span, self.source))
            self.group_id = ident
        else:
            if self.section_id is None and self.group_id is None:
                self.error("CDS515", lspan.start, lspan.end, item=ident, id=ident)
            self.current = _Open(ident, name, max_value, self.section_id, self.group_id, line, lspan, max_span)

    def clean_name(self, name: str, tok: _Tok, stt_tok: _Tok) -> str:
        """The name without HTML/LaTeX markup (the formulas' cleaner), with an info note naming what went."""
        cleaned, repairs = clean_markup(name)
        if not repairs:
            return name
        shown: list[str] = []
        for markup, new in repairs:
            item = f"`{markup}` → `{new}`" if new.strip() else f"`{markup}`"
            if item not in shown:
                shown.append(item)
        raw = str(tok)
        start = tok.start_pos + (len(raw) - len(raw.lstrip()))
        ident = str(stt_tok).strip()
        self.error("CDS574", start, start + len(raw.strip()), item=ident, repairs=", ".join(shown),
                   repairs_en=", ".join(shown))
        return cleaned

    # -- blocks (verbatim and continued text) --
    def open_block(self, field: str, target: str, key_tok: _Tok, val_tok: _Tok | None, value: str) -> None:
        self.block_field = field
        self.block_target = target
        self.block_lines = []
        self.block_key_line = key_tok.line
        self.block_key_tok = key_tok
        if val_tok is not None and value:
            raw = str(val_tok)
            lead = len(raw) - len(raw.lstrip())
            col = self.source.position(val_tok.start_pos + lead)[1]
            self.block_inline = (key_tok.line, col, raw[lead:].rstrip())
        else:
            self.block_inline = None

    def close_block(self) -> None:
        field = self.block_field
        if field is None:
            return
        self.block_field = None
        # every line loses the block's shortest indentation (4 spaces, or 1 for a tab): a tab counts as
        # one column, so positions stay exact; in a block mixing the two, what a line has beyond that
        # shortest indentation stays in its text (leading spaces the formula reader skips)
        indents = [i for _, _, i in self.block_lines if i > 0]
        cut = min(indents) if indents else 4
        lines = [(ln, t[min(i, cut):]) for ln, t, i in self.block_lines]
        while lines and lines[-1][1] == "":
            lines.pop()
        inline = self.block_inline
        if self.block_target == "file":  # `Ca kiểm thử:`: the rows verbatim, placed in the file
            text, at = "\n".join(t for _, t in lines), (lines[0][0] if lines else self.block_key_line)
            self.cases = CasesBlock(text, Source(text, name=self.name, line_offset=at - 1, column_offset=cut),
                                    self.block_key_line)
            return
        cur = self.current
        key_tok = self.block_key_tok
        raw_key = str(key_tok).strip() + ":"
        if self.block_target == "header":
            self.facts.extend(read_facts(self, lines, inline, cut, key_tok, raw_key))
            return
        assert cur is not None
        if field in _BLOCK_FIELDS:
            if inline and lines:
                self.error("CDS513", key_tok.start_pos, key_tok.end_pos, item=cur.id, key=raw_key)
                return
            if inline:
                line, col, text = inline
                src = Source(text, name=self.name, line_offset=line - 1, column_offset=col - 1)
            elif lines:
                text = "\n".join(t for _, t in lines)
                src = Source(text, name=self.name, line_offset=lines[0][0] - 1, column_offset=cut)
            else:
                self.error("CDS512", key_tok.start_pos, key_tok.end_pos, item=cur.id, key=raw_key)
                return
            value = (text, src, self.block_key_line)
            first = cur.first_halves.get(field)
            cur.fields[field] = join_halves(first, value) if first is not None else value
            return
        parts = ([inline[2]] if inline else []) + [t.strip() for _, t in lines]
        text = "\n".join(parts).strip()
        first = cur.first_halves.get(field)
        if first:
            text = first + ("\n" + text if text else "")
        cur.fields[field] = text or None

    def close_indicator(self) -> None:
        self.close_block()
        cur = self.current
        if cur is None:
            return
        self.current = None
        f = cur.fields
        formula = f.get("formula")
        corr = f.get("correction")
        if cur.entered is not None and "formula" in cur.field_lines:
            ls = self.line_span(cur.entered)
            self.error("CDS519", ls.start, ls.end, item=cur.id, id=cur.id)
        if "reason" in cur.field_lines and "correction" not in cur.field_lines:
            ls = self.line_span(cur.field_lines["reason"])
            self.error("CDS514", ls.start, ls.end, item=cur.id, key="Lý do sửa:", needs="Sửa:")
        correction = None
        if corr is not None:
            correction = short_correction(self, cur.id, corr, formula) or Correction(corr[0], f.get("reason"), corr[1],
                                                                                  corr[2])
            if correction.reason is None and f.get("reason") is not None:
                correction = attrs.evolve(correction, reason=f.get("reason"))
        self.indicators.append(Indicator(
            id=cur.id, name=cur.name, max_points=cur.max_points,
            formula_text=formula[0] if formula else None,
            formula_source=formula[1] if formula else None,
            correction=correction,
            data_source=f.get("data_source"), coordinator=f.get("coordinator"), evidence=f.get("evidence"),
            applies_to=f.get("applies_to"), option_mode=f.get("option_mode"), fact_uses=f.get("fact_uses") or (),
            cohort_method=f.get("cohort_method"), types=f.get("types"),
            entered_directly=cur.entered is not None or formula is None,
            section_id=cur.section_id if cur.group_id is None else None, group_id=cur.group_id,
            line=cur.line, span=cur.span, max_span=cur.max_span, source=self.source,
        ))

    def finish(self) -> Ruleset:
        for ident, start, end, line in self.pending_continuations:
            later = [i for i in self.indicators if i.id == ident and (i.line or 0) > line]
            if later:
                self.error("CDS576", start, end, item=ident, id=ident, line=later[0].line)
            else:
                self.error("CDS575", start, end, item=ident, id=ident)
        check_fact_uses(self, self.facts, self.fact_uses)
        for key, label in (("title", "Bộ chỉ số:"), ("decision", "Văn bản:")):
            if not self.header.get(key):
                self.error("CDS502", 0, 0, key=label)
        if not self.indicators and not any(d.code == "CDS500" for d in self.diags):
            self.error("CDS516", max(0, len(self.text) - 1), len(self.text))
        errors = [d for d in self.diags if d.severity is Severity.ERROR]
        if errors:
            raise RulesetError(sorted(self.diags, key=lambda d: d.span.start if d.span else 0))
        h = self.header
        set_formula = None
        if "set_formula" in h:
            text, src, line = cast("tuple[str, Source, int]", h["set_formula"])
            set_formula = SetFormula(text, tuple(self.bindings), src, line)
        return Ruleset(
            title=str(h["title"]), decision=str(h["decision"]),
            date=h.get("date") or None, level=h.get("level"),  # type: ignore[arg-type]
            stated_total=h.get("total"),  # type: ignore[arg-type]
            rounding=h.get("rounding") or Rounding(),  # type: ignore[arg-type]
            zero_division=h.get("zero_division") or "zero",  # type: ignore[arg-type]
            set_formula=set_formula, unit_lists=tuple(self.unit_lists), facts=tuple(self.facts),
            sections=tuple(self.sections), groups=tuple(self.groups), indicators=tuple(self.indicators),
            name=self.name, format="cds", source=self.source, total_span=self.header_spans.get("total"),
            notes=tuple(self.diags), test_cases=self.cases,
        )


def parse_ruleset_text(text: str, name: str = "<ruleset>") -> Ruleset:
    """Read the text of a `.cds` file; ``name`` is the file name diagnostics show."""
    return _Reader(text, name).read()
