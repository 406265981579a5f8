"""The one reader of delimited text (`cdsdsl.files.textfile`) reads a ruleset table however Excel saved it, and
refuses a legacy code page; the one column-letter and cell-text helpers (`cdsdsl.files.xlsx`) behave as every
reader needs (docs/data-entry.md, "Tệp văn bản")."""
from __future__ import annotations

import codecs
import csv
import datetime
import io
from pathlib import Path

import pytest

from cdsdsl.diagnostics.core import RulesetError
from cdsdsl.files.textfile import decode
from cdsdsl.files.xlsx import cell_text, column_letter
from cdsdsl.rulesets.sheets import load_sheet_ruleset

HUYEN_TABLE = Path(__file__).resolve().parent / "data" / "huyen-ninh-thuan-2023.csv"


def _rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO(HUYEN_TABLE.read_text(encoding="utf-8-sig"))))


def _table(rows: list[list[str]], delimiter: str) -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


def _seen(path: Path) -> list[tuple[object, ...]]:
    rs = load_sheet_ruleset(path)
    return [(i.key, i.name, i.max_points, i.formula_text, i.data_source) for i in rs.indicators]


# what Excel and Vietnamese offices save: (delimiter, bytes of the text)
SAVED_AS = {
    "CSV UTF-8 (with the BOM Excel writes)": (",", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
    "UTF-8 without a BOM": (",", lambda t: t.encode("utf-8")),
    "Unicode Text (UTF-16 LE with its BOM, tab-separated)":
        ("\t", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
    "UTF-16 BE with its BOM": (";", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
}


@pytest.mark.parametrize("how", sorted(SAVED_AS))
def test_a_ruleset_table_reads_the_same_in_every_encoding_read(tmp_path, how):
    delimiter, encode = SAVED_AS[how]
    p = tmp_path / "huyen.csv"
    p.write_bytes(encode(_table(_rows(), delimiter)))
    seen = _seen(p)
    assert seen == _seen(HUYEN_TABLE)
    # the decision's own words came through, tone marks and all (not a table of plain ASCII)
    assert sum(1 for _, name, *_ in seen if not name.isascii()) > len(seen) // 2


@pytest.mark.parametrize("legacy", ["cp1258", "cp1252"])
def test_a_ruleset_table_in_a_legacy_code_page_is_refused_at_its_first_byte(tmp_path, legacy):
    text = _table(_rows(), ",")
    raw = text.encode(legacy, errors="replace")
    p = tmp_path / "huyen.csv"
    p.write_bytes(raw)
    with pytest.raises(RulesetError) as e:
        load_sheet_ruleset(p)
    first = next(i for i, b in enumerate(raw) if b >= 0x80)
    assert e.value.code == "CDS650" and "huyen.csv" in e.value.message
    assert f"byte 0x{raw[first]:02X}" in e.value.message


def test_the_encoding_found_is_the_bom_or_utf8():
    word = "Tỷ lệ hồ sơ giải quyết đúng hạn"
    assert decode(codecs.BOM_UTF8 + word.encode("utf-8"), "a.csv") == (word, "utf-8-sig")
    assert decode(word.encode("utf-8"), "a.csv") == (word, "utf-8")
    assert decode(word.encode("utf-16"), "a.csv") == (word, "utf-16")
    assert decode(codecs.BOM_UTF16_BE + word.encode("utf-16-be"), "a.csv") == (word, "utf-16")


def _letters(index: int) -> str:
    """Bijective base 26, written out: the definition the helper must agree with."""
    out = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        out = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[r] + out
    return out


@pytest.mark.parametrize("index", [0, 25, 26, 701, 702, 16383, 18277, 18278, 18279, 475253, 475254, 10**6])
def test_column_letters_past_excels_last_column_go_on_the_same_way(index):
    assert column_letter(index) == _letters(index)


def test_column_letters_at_the_edges_of_openpyxls_range():
    assert [column_letter(i) for i in (16383, 18277, 18278)] == ["XFD", "ZZZ", "AAAA"]


@pytest.mark.parametrize("value, text, plain", [
    (None, "", ""),
    (1.0, "1", "1"),
    (2.5, "2.5", "2.5"),
    (True, "True", "True"),
    (7, "7", "7"),
    (" Xã A ", " Xã A ", " Xã A "),  # text as it is: the reader strips by its own rule
    (1.5e-07, "1.5e-07", "0.00000015"),
    (1e16, "10000000000000000", "10000000000000000"),
    (datetime.datetime(2024, 1, 5), "2024-01-05 00:00:00", "2024-01-05 00:00:00"),
])
def test_cell_text(value, text, plain):
    assert cell_text(value) == text
    assert cell_text(value, plain_decimals=True) == plain
