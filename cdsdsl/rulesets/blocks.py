"""The verbatim blocks of a `.cds` file (scoring texts and corrections, indented by four spaces or a tab).

Takes: the text of a file, or a block's value.  Returns: the text NFC-normalised outside the blocks (a block
keeps its characters as the decision has them), the offset where each line starts, and one block value of a
row a page break split (``Tiếp theo chỉ số``, docs/ruleset-format.md) made of its two halves.
"""
from __future__ import annotations

import re
import unicodedata

from cdsdsl.text.source import Source

__all__ = ["BLOCK_INDENT", "BlockValue", "join_halves", "line_starts", "nfc_outside_blocks"]

#: a block's value as the reader keeps it: (text, its source in the file, the line of its key)
BlockValue = tuple[str, Source, int]


def nfc_outside_blocks(text: str) -> str:
    """NFC-normalise every line but the verbatim (4-space-indented) ones."""
    if unicodedata.is_normalized("NFC", text):
        return text
    lines = text.split("\n")
    return "\n".join(line if BLOCK_INDENT.match(line) else unicodedata.normalize("NFC", line) for line in lines)


#: the indentation of a block line: four spaces, or a tab after at most three spaces (one tab stop)
BLOCK_INDENT = re.compile(r"    | {0,3}\t")


def join_halves(first: BlockValue, second: BlockValue) -> BlockValue:
    """One block value of a row a page break split: the two halves' texts in one text whose lines keep
    their file lines (the lines between become blank lines, which the formula reader skips) and columns
    (a half with a wider indentation keeps the difference as leading spaces)."""
    t1, s1, key_line = first
    t2, s2, _ = second
    col = min(s1.column_offset, s2.column_offset)
    pad1 = " " * (s1.column_offset - col)
    pad2 = " " * (s2.column_offset - col)
    gap = s2.line_offset - (s1.line_offset + t1.count("\n"))
    text = "\n".join(pad1 + line if line else line for line in t1.split("\n")) + "\n" * max(1, gap) + \
        "\n".join(pad2 + line if line else line for line in t2.split("\n"))
    return text, Source(text, name=s1.name, line_offset=s1.line_offset, column_offset=col), key_line


def line_starts(text: str) -> list[int]:
    """The offset where each line of ``text`` starts (``\n`` line ends): 0, then after each ``\n``."""
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts
