"""The score and rank tables' layout (`render.simple_table`) is tabulate's ``simple`` one, character for
character, on tables like `cds score`'s: unit names in Vietnamese, points with decimal commas, empty cells."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from cdsdsl.reports.render import simple_table

NAMES = st.sampled_from(["Huyện Ninh Sơn", "Thành phố Phan Rang - Tháp Chàm", "Sở Tư pháp", "UBND xã A", "",
                         "  Huyện có khoảng trắng  ", "Huyện 0001", "x"])
POINTS = st.sampled_from(["635,19", "1 000,50", "0,00", "20", "", "12,5", "-3,25", "1,000.50", "12\u202f345,67", "1\u00a0000"])


@st.composite
def tables(draw):
    n_text = draw(st.integers(1, 2))
    n_num = draw(st.integers(0, 6))
    numeric = [False] * n_text + [True] * n_num
    headers = [draw(st.sampled_from(["Đơn vị", "Hạng", "Tổng điểm", "I", "Điểm tối đa", "Unit", "Rank", "",
                                               "Mục 1\n(60)", "Tổng\nđiểm", "Total\npoints\n(870)"]))
               for _ in numeric]
    rows = draw(st.lists(st.tuples(*[NAMES if not num else POINTS for num in numeric]), min_size=1, max_size=12))
    return headers, [list(r) for r in rows], numeric


@settings(max_examples=600, deadline=None)
@given(tables())
def test_simple_table_is_tabulates_layout(table):
    headers, body, numeric = table
    want = tabulate(body, headers=headers, tablefmt="simple", disable_numparse=True,
                    colalign=["right" if num else "left" for num in numeric])
    assert simple_table(headers, body, numeric) == want


def test_a_row_of_empty_cells_under_headers_over_two_lines():
    # tabulate's multi-line layout writes no line for it; the one-line layout an empty one
    for headers in (["Mục 1\n(60)", "Tổng"], ["Mục 1", "Tổng"]):
        body = [["", ""], ["Huyện A", "1,5"]]
        want = tabulate(body, headers=headers, tablefmt="simple", disable_numparse=True, colalign=["left", "right"])
        assert simple_table(headers, body, [False, True]) == want


def test_what_it_leaves_to_tabulate():
    assert simple_table(["Đơn vị"], [], [False]) is None  # no rows
    assert simple_table(["Đơn vị"], [["Huyện\nNinh Sơn"]], [False]) is None  # a cell over two lines
    assert simple_table(["Đơn vị\r\n"], [["Huyện"]], [False]) is None  # a header with a CR
    assert simple_table(["Đơn vị"], [["\x1b[1mHuyện\x1b[0m"]], [False]) is None  # an escape sequence
    assert simple_table(["Đơn vị"], [["Huyện 寧"]], [False]) is None  # a wide character
    assert simple_table(["Đơn vị"], [["Huye\u0302\u0323n"]], [False]) is None  # combining marks (NFD)
