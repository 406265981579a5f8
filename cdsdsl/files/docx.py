"""Reading the tables of a Word ``.docx`` file: merged cells resolved into a plain grid of cell texts.

Takes: the path of a ``.docx`` file (a decision, its appendix table laid out as Word lays it out).
Returns: `DocxDocument`: the paragraphs outside tables (the title lines) and every top-level table as a
`DocxTable` — one text per grid cell, rows padded to the table's width.  A merged cell (``gridSpan``
across columns, ``vMerge`` down rows) keeps its text in its top-left grid cell; the other cells it covers
are empty and know their origin (`DocxTable.origins`), so that a reader can tell "empty" from "merged".
A cell's paragraphs are joined by line ends; a list paragraph (a bullet or a number, set on the paragraph
or by its style) gets the marker a decision types: ``- `` for the first bullet level, ``+ `` for the
second, ``1. `` ``2. `` for numbers (counted within the cell); a paragraph that already starts with its
own ``-``/``+`` is left as it is.  Tracked deletions are left out, insertions kept.

Unreadable input raises `DocxUnreadable` with a reason (``not_zip``, ``encrypted``, ``old_doc``,
``not_docx``, ``corrupt``, ``too_big``) and a detail; the callers turn it into a located message.
Only python-docx's XML parser (lxml, external entities off) reads the parts.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any, Iterator

import attrs

__all__ = ["DocxDocument", "DocxTable", "DocxUnreadable", "read_docx"]

#: the parts of a .docx larger than this (uncompressed) are refused (a zip bomb, not a decision)
MAX_PART_BYTES = 64 * 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: elements that only wrap others (content controls, custom XML, tracked insertions): looked through
_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins", f"{_W}smartTag"}
#: bullet markers by list depth, as decisions type them
_BULLETS = ("- ", "+ ", "* ")
_TYPED_MARKER = re.compile(r"^\s*(?:[-+*•–]|\d+[.)]|[a-zđ][.)])\s")


class DocxUnreadable(Exception):
    """The file is not a readable ``.docx``: ``reason`` is one of the keys in this module's docstring."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@attrs.frozen
class DocxTable:
    """One table of the document: ``index`` counts from 1 in document order; ``cells[r][c]`` is the text of
    grid row ``r``, column ``c`` (0-based); ``origins[r][c]`` the grid cell whose text covers it (itself
    unless merged); ``title`` the last paragraph above the table (a sub-table's sector name)."""

    index: int
    cells: tuple[tuple[str, ...], ...]
    origins: tuple[tuple[tuple[int, int], ...], ...]
    title: str = ""

    @property
    def width(self) -> int:
        return max((len(r) for r in self.cells), default=0)

    def merged(self, row: int, col: int) -> bool:
        """Whether the grid cell is covered by a merged cell that starts elsewhere."""
        return self.origins[row][col] != (row, col)


@attrs.frozen
class DocxDocument:
    """The paragraphs outside tables (non-empty, in order), the top-level tables, and how many of the
    paragraphs come before the first table (the decision's title lines)."""

    paragraphs: tuple[str, ...]
    tables: tuple[DocxTable, ...]
    before_tables: int = 0

    @property
    def preface(self) -> tuple[str, ...]:
        """The paragraphs above the first table."""
        return self.paragraphs[:self.before_tables] if self.tables else self.paragraphs


def read_docx(path: Path) -> DocxDocument:
    """The paragraphs and tables of the ``.docx`` at ``path``; `DocxUnreadable` when it is not one."""
    _screen(path)
    try:
        import docx  # python-docx: the package, its parts and relationships, parsed safely by lxml

        document = docx.Document(str(path))
        body = document.element.body
        numbering = _Numbering(document)
        return _read_body(body, numbering)
    except DocxUnreadable:
        raise
    except (KeyError, ValueError, zipfile.BadZipFile, EOFError, OSError) as exc:
        raise DocxUnreadable("corrupt", f"{type(exc).__name__}: {exc}") from None
    except Exception as exc:  # lxml's XMLSyntaxError, python-docx's PackageNotFoundError, zlib errors
        name = type(exc).__name__
        reason = "not_docx" if name == "PackageNotFoundError" else "corrupt"
        raise DocxUnreadable(reason, f"{name}: {exc}") from None


def _screen(path: Path) -> None:
    """Refuse, before parsing, what is not a .docx: an OLE container (a password-protected document or a
    Word 97-2003 ``.doc``), a file that is not a zip, a zip without ``word/document.xml``, a part too big."""
    with open(path, "rb") as fh:
        head = fh.read(9)
    if head[:8] == _OLE_MAGIC:
        data = path.read_bytes()
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            raise DocxUnreadable("encrypted")
        raise DocxUnreadable("old_doc")
    if not zipfile.is_zipfile(path):
        raise DocxUnreadable("not_zip", _kind(head))
    try:
        with zipfile.ZipFile(path) as zf:
            infos = {i.filename: i for i in zf.infolist()}
            if "word/document.xml" not in infos:
                kinds = sorted({n.split("/")[0] for n in infos if "/" in n})
                raise DocxUnreadable("not_docx", ", ".join(kinds[:5]))
            big = [i.filename for i in infos.values() if i.file_size > MAX_PART_BYTES]
            if big:
                raise DocxUnreadable("too_big", big[0])
            bad = zf.testzip()
            if bad is not None:
                raise DocxUnreadable("corrupt", bad)
    except zipfile.BadZipFile as exc:
        raise DocxUnreadable("corrupt", str(exc)) from None


def _kind(head: bytes) -> str:
    """What the first bytes of a file that is not a zip say it is (for the message)."""
    for magic, kind in ((b"%PDF", "PDF"), (b"{\\rtf", "RTF"), (b"<?xml", "XML"), (b"<html", "HTML"),
                        (b"<!DOCTYPE", "HTML")):
        if head.lower().startswith(magic.lower()):
            return kind
    return repr(head)


def _kids(el: Any, tag: str) -> Iterator[Any]:
    """The children of ``el`` named ``tag``, looking through wrappers (content controls, insertions)."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _kids(child, tag)


def _read_body(body: Any, numbering: "_Numbering") -> DocxDocument:
    paragraphs: list[str] = []
    tables: list[DocxTable] = []
    before = 0
    last = ""
    for el in _kids_any(body):
        if el.tag == f"{_W}p":
            text = _paragraph_text(el).strip()
            if text:
                paragraphs.append(text)
                last = text
        elif el.tag == f"{_W}tbl":
            if not tables:
                before = len(paragraphs)
            tables.append(_read_table(el, len(tables) + 1, last, numbering))
    return DocxDocument(tuple(paragraphs), tuple(tables), before)


def _kids_any(el: Any) -> Iterator[Any]:
    for child in el:
        if child.tag in _WRAPPERS:
            yield from _kids_any(child)
        else:
            yield child


def _val(el: Any, path: str) -> str | None:
    """The ``w:val`` of the first element at ``path`` (``w:tcPr/w:gridSpan``), ``""`` when it has none."""
    found = el.find(path.replace("w:", _W))
    if found is None:
        return None
    return str(found.get(f"{_W}val", ""))


def _read_table(tbl: Any, index: int, title: str, numbering: "_Numbering") -> DocxTable:
    rows: list[list[str]] = []
    origins: list[list[tuple[int, int]]] = []
    for r, tr in enumerate(_kids(tbl, f"{_W}tr")):
        texts: list[str] = []
        orig: list[tuple[int, int]] = []
        before = int(_val(tr, "w:trPr/w:gridBefore") or 0)
        for _ in range(before):
            orig.append((r, len(texts)))
            texts.append("")
        for tc in _kids(tr, f"{_W}tc"):
            span = max(1, int(_val(tc, "w:tcPr/w:gridSpan") or 1))
            vmerge = _val(tc, "w:tcPr/w:vMerge")
            c = len(texts)
            above = origins[r - 1][c] if r > 0 and c < len(origins[r - 1]) else None
            if vmerge is not None and vmerge != "restart" and above is not None:
                origin, text = above, ""
            else:
                origin, text = (r, c), _cell_text(tc, numbering)
            for k in range(span):
                texts.append(text if k == 0 else "")
                orig.append(origin)
        rows.append(texts)
        origins.append(orig)
    width = max((len(r) for r in rows), default=0)
    for r, (texts, orig) in enumerate(zip(rows, origins, strict=True)):
        while len(texts) < width:
            orig.append((r, len(texts)))
            texts.append("")
    return DocxTable(index, tuple(tuple(r) for r in rows), tuple(tuple(o) for o in origins), title)


def _cell_text(tc: Any, numbering: "_Numbering") -> str:
    """A cell's paragraphs, one a line, list markers written out; blank lines at either end dropped."""
    lines: list[str] = []
    counters: dict[tuple[str, int], int] = {}
    for p in tc.iter(f"{_W}p"):
        text = _paragraph_text(p)
        marker = numbering.marker(p, counters)
        if marker and text.strip() and not _TYPED_MARKER.match(text):
            text = marker + text.lstrip()
        lines.append(text)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def _paragraph_text(p: Any) -> str:
    """The text of a paragraph as printed: runs, tabs, line breaks; deletions, field codes and text boxes
    left out."""
    out: list[str] = []
    skip = {f"{_W}del", f"{_W}txbxContent", f"{_W}instrText", f"{_W}delText", f"{_W}pPr", f"{_W}rPr"}

    def walk(el: Any) -> None:
        for child in el:
            tag = child.tag
            if tag in skip:
                continue
            if tag == f"{_W}t":
                out.append(child.text or "")
            elif tag == f"{_W}tab":
                out.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                if child.get(f"{_W}type") != "page":
                    out.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                out.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(out)


class _Numbering:
    """What list a paragraph belongs to: its ``w:numPr`` (or its style's), the level's number format."""

    def __init__(self, document: Any) -> None:
        self.styles: dict[str, tuple[str | None, int | None, str]] = {}  # styleId -> (numId, ilvl, name)
        self.formats: dict[tuple[str, int], str] = {}  # (numId, ilvl) -> numFmt
        try:
            styles_el = document.styles.element
        except Exception:  # a document without a styles part
            styles_el = None
        if styles_el is not None:
            for st in styles_el.iter(f"{_W}style"):
                sid = st.get(f"{_W}styleId") or ""
                name = _val(st, "w:name") or ""
                num = _val(st, "w:pPr/w:numPr/w:numId")
                lvl = _val(st, "w:pPr/w:numPr/w:ilvl")
                self.styles[sid] = (num, int(lvl) if lvl else None, name)
        try:
            part = document.part.numbering_part
        except Exception:  # no numbering part: no lists
            return
        abstract: dict[str, dict[int, str]] = {}
        for an in part.element.iter(f"{_W}abstractNum"):
            levels = {int(lv.get(f"{_W}ilvl", "0")): _val(lv, "w:numFmt") or "decimal"
                      for lv in an.iter(f"{_W}lvl")}
            abstract[str(an.get(f"{_W}abstractNumId", ""))] = levels
        for num in part.element.iter(f"{_W}num"):
            levels = abstract.get(_val(num, "w:abstractNumId") or "", {})
            for ilvl, fmt in levels.items():
                self.formats[(str(num.get(f"{_W}numId", "")), ilvl)] = fmt

    def marker(self, p: Any, counters: dict[tuple[str, int], int]) -> str:
        """The marker a decision types for paragraph ``p`` (``- ``, ``+ ``, ``2. ``), or ``""``."""
        num = _val(p, "w:pPr/w:numPr/w:numId")
        lvl_text = _val(p, "w:pPr/w:numPr/w:ilvl")
        style = _val(p, "w:pPr/w:pStyle")
        sname = ""
        if style is not None and style in self.styles:
            snum, slvl, sname = self.styles[style]
            num = num if num is not None else snum
            if lvl_text is None and slvl is not None:
                lvl_text = str(slvl)
        if num is None or num == "0":
            return ""
        level = int(lvl_text) if lvl_text else 0
        depth = level
        m = re.search(r"(\d)$", sname)
        if level == 0 and m:  # Word's own single-level styles: "List Bullet 2" is the second depth
            depth = int(m.group(1)) - 1
        fmt = self.formats.get((num, level), "bullet" if "bullet" in sname.lower() else "decimal")
        if fmt in ("bullet", "none"):
            return _BULLETS[min(depth, len(_BULLETS) - 1)] if fmt == "bullet" else ""
        counters[(num, level)] = counters.get((num, level), 0) + 1
        n = counters[(num, level)]
        if fmt in ("lowerLetter", "upperLetter"):
            letter = "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26]
            return f"{letter.upper() if fmt == 'upperLetter' else letter}) "
        return f"{n}. "
