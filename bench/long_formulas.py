"""Long generated formulas of several shapes (used by bench_check_size.py and compare_check.py).

Each shape is a function ``n -> text`` giving a formula of about ``n`` lines (or, for the one-line
and nested shapes, of a size growing with ``n``).  The texts are plausible but extreme: a pasted
whole document, a generated ruleset.  Deterministic (no randomness).
"""
from __future__ import annotations


def cases(n: int) -> str:
    """``- Tỷ lệ >= X%: Y điểm`` with distinct, decreasing thresholds, then a fallback line."""
    lines = ["a = Số hồ sơ trực tuyến", "b = Tổng số hồ sơ", "Tỷ lệ = a/b"]
    for i in range(n):
        thr = f"{100 - i * 100 / (n + 1):.4f}".rstrip("0").rstrip(".").replace(".", ",")
        pts = f"{10 - i * 10 / (n + 1):.3f}".rstrip("0").rstrip(".").replace(".", ",")
        lines.append(f"- Tỷ lệ >= {thr}%: {pts} điểm")
    lines.append("- Còn lại: 0 điểm")
    return "\n".join(lines)


def cases_bare(n: int) -> str:
    """The same case lines with no declarations (the unit reports the ratio)."""
    return "\n".join(cases(n).split("\n")[3:])


def levels(n: int) -> str:
    """``Mức N: ≥ X%: Y% điểm`` level lines."""
    lines = ["a = Tổng kinh phí đầu tư cho ATTT", "b = Tổng kinh phí đầu tư cho CNTT", "Tỷ lệ = a/b", "Thang điểm:"]
    for i in range(n):
        thr = f"{100 - i * 100 / (n + 1):.4f}".rstrip("0").rstrip(".").replace(".", ",")
        pct = f"{100 - i * 100 / (n + 1):.3f}".rstrip("0").rstrip(".").replace(".", ",")
        lines.append(f"Mức {i + 1}: ≥ {thr}%: {pct}% điểm")
    lines.append(f"Mức {n + 1}: < {thr}%: 0% điểm")
    return "\n".join(lines)


def per_item(n: int) -> str:
    """``- Mỗi <thing> k: 1 điểm`` lines, then a cap."""
    lines = [f"- Mỗi hoạt động loại {i + 1}: {1 + i % 3} điểm;" for i in range(n)]
    lines.append("- Tổng điểm không quá Điểm tối đa")
    return "\n".join(lines)


def declarations(n: int) -> str:
    """``aK = Số lượng ...`` declarations (a name with a digit is not read as a declaration: the lines
    join into one long note, CDS152), then a short sum and two cases."""
    lines = [f"a{i + 1} = Số lượng văn bản loại {i + 1} được ký số" for i in range(n)]
    lines.append("T = a1 + a2 + a3")
    lines.append("- T >= 100: Điểm tối đa")
    lines.append("- Còn lại: 0 điểm")
    return "\n".join(lines)


def options(n: int) -> str:
    """``- Có <thing> k (x điểm)`` options."""
    lines = [f"- Có ban hành văn bản loại {i + 1} ({1 + i % 5} điểm)" for i in range(n)]
    return "\n".join(lines)


def one_line(n: int) -> str:
    """The case list of `cases` pasted as one line, the statements separated by ``;``."""
    return "; ".join(cases(n).split("\n"))


def long_sum(n: int) -> str:
    """One expression of n terms: ``Điểm = (a1 + a2 + ... + an) / 1000 * Điểm tối đa`` (names not declared)."""
    return "Điểm = (" + " + ".join(f"a{i + 1}" for i in range(n)) + ") / 1000 * Điểm tối đa"


def nested(n: int) -> str:
    """Deeply nested parentheses: ``Điểm = ((((a + 1) + 1) ...) / b * Điểm tối đa``, depth n // 10."""
    d = max(1, n // 10)
    return "a = Số hồ sơ\nb = Tổng số hồ sơ\nĐiểm = " + "(" * d + "a" + " + 1)" * d + " / b * Điểm tối đa"


SHAPES = {
    "cases": cases, "cases_bare": cases_bare, "levels": levels, "per_item": per_item,
    "declarations": declarations, "options": options, "one_line": one_line, "long_sum": long_sum,
    "nested": nested,
}


def repeated(n: int) -> str:
    """The same case line n times: every line after the first can never apply (n - 1 findings CDS404)."""
    return "\n".join(["- Tỷ lệ >= 50%: 5 điểm"] * n + ["- Còn lại: 0 điểm"])


def crossing(n: int) -> str:
    """Ranges that each overlap the next one (``Từ k% đến dưới k+2%``): n - 1 findings CDS402."""
    lines = [f"- Từ {i * 100 / (n + 2):.3f}% đến dưới {(i + 2) * 100 / (n + 2):.3f}%: {1 + i % 5} điểm".replace(".", ",")
             for i in range(n)]
    return "\n".join(lines + ["- Còn lại: 0 điểm"])


SHAPES["repeated"] = repeated
SHAPES["crossing"] = crossing


def windows(n: int) -> str:
    """Wide ranges sliding by a small step, all with the same points: each overlaps many earlier ones on
    many values (n - 1 findings CDS403, each over a long common stretch)."""
    step = 50 / n
    lines = [f"- Từ {i * step:.4f}% đến {i * step + 50:.4f}%: 5 điểm".replace(".", ",") for i in range(n)]
    return "\n".join(lines + ["- Còn lại: 0 điểm"])


SHAPES["windows"] = windows
