"""The normaliser: what it rewrites, and the map back to the original text."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cdsdsl.text.normalize import normalize


@pytest.mark.parametrize("raw,expected", [
    ("Tỷ lệ ≥ 80%", "Tỷ lệ >= 80%"),
    ("Tỷ lệ ≤ 2,5%", "Tỷ lệ <= 2.5%"),
    ("(A + B) x 485", "(A + B) * 485"),
    ("2 × Điểm tối đa", "2 * Điểm tối đa"),
    ("a\t=\tb", "a = b"),
    ("a  =   b", "a = b"),
    ("a=b\r\nc=d", "a=b\nc=d"),
    ("<i>Điểm tối đa</i>", "Điểm tối đa"),
    ("a<br>b", "a\nb"),
    ("a &lt; b", "a < b"),
    (r"$\geq 80\%$", ">= 80%"),
    (r"$\text{Điểm tối đa}$", "Điểm tối đa"),
    (r"$\frac{a}{b}$", "(a)/(b)"),
    ("• Đã có", "- Đã có"),
    ("a\u200b=\u00a0b", "a= b"),
    ("Tỷ lệ – 1", "Tỷ lệ - 1"),
])
def test_rewrites(raw, expected):
    assert normalize(raw).text == expected


def test_nfd_becomes_nfc_and_maps_back():
    raw = unicodedata.normalize("NFD", "Điểm tối đa")
    norm = normalize(raw)
    assert norm.text == "Điểm tối đa"
    sp = norm.span(0, len(norm.text))
    assert raw[sp.start:sp.end] == raw
    # one composed character maps to its base letter and combining marks
    i = norm.text.index("ố")
    sp = norm.span(i, i + 1)
    assert unicodedata.normalize("NFC", raw[sp.start:sp.end]) == "ố"


def test_html_tag_map_back():
    raw = "- Tỷ lệ: <i>Điểm tối đa</i>"
    norm = normalize(raw)
    i = norm.text.index("Điểm")
    sp = norm.span(i, i + len("Điểm tối đa"))
    assert raw[sp.start:sp.end] == "Điểm tối đa"


def test_latex_map_back():
    raw = r"Tỷ lệ $\geq$ 80\%"
    norm = normalize(raw)
    i = norm.text.index(">=")
    sp = norm.span(i, i + 2)
    assert raw[sp.start:sp.end] == r"\geq"


def test_decimal_comma_only_between_digits():
    assert normalize("Tổng số DVCTT 3, 4").text == "Tổng số DVCTT 3, 4"
    assert normalize("0,5").text == "0.5"


def test_letter_x_is_not_always_times():
    assert normalize("x = Số lượng").text == "x = Số lượng"
    assert normalize("hệ thống xử lý").text == "hệ thống xử lý"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_map_is_total_and_monotone(raw):
    norm = normalize(raw)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    for a, b in zip(norm.starts, norm.ends):
        assert 0 <= a <= b <= len(raw)
    assert list(norm.starts) == sorted(norm.starts)
    for i in range(len(norm.text) + 1):
        sp = norm.span(i, len(norm.text))
        assert 0 <= sp.start <= sp.end <= len(raw)
