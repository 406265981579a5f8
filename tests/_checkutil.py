"""Helpers for the checker tests."""
from __future__ import annotations

from cdsdsl import check_formula

RATIO = "a = Số lượng hộ gia đình có kết nối\nb = Tổng số hộ gia đình\nTỷ lệ = a/b\n"


def findings(text: str, max_points=10, **kw):
    return [(d.code, " ".join(d.source.excerpt(d.span).split()) if d.span is not None and d.source else None)
            for d in check_formula(text, max_points, **kw)]


def codes(text: str, max_points=10, **kw) -> list[str]:
    return [c for c, _ in findings(text, max_points, **kw)]


def only(code: str, text: str, max_points=10, **kw):
    return [d for d in check_formula(text, max_points, **kw) if d.code == code]
