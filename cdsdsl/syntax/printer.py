"""Print an AST back as formula text in one house style.

Takes: a `Formula` (or any expression/condition node).
Returns: text that `parse_formula` reads back to an equal tree
(``parse_formula(print_formula(f)) == f``).  House style: one statement per
line, ``-`` bullets (``+`` under a heading), ``Tỷ lệ``/``Điểm tối đa``
spelled canonically, spaces around operators, Vietnamese decimal commas
(``2,5%``), ``>=``/``<=`` as ``≥``/``≤``.
"""
from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from cdsdsl.syntax import nodes as n

_PREC = {"+": 1, "-": 1, "*": 2, "/": 2}
_OPS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "!=": "≠"}


def fmt_number(value: Fraction) -> str:
    """Exact decimal text of a terminating fraction, with a decimal comma."""
    if value.denominator == 1:
        return str(value.numerator)
    sign = "-" if value < 0 else ""
    v = abs(value)
    whole, rest = divmod(v.numerator, v.denominator)
    digits = []
    for _ in range(30):
        if not rest:
            break
        rest *= 10
        d, rest = divmod(rest, v.denominator)
        digits.append(str(d))
    if rest:  # not a terminating decimal: cannot be written as one number
        raise ValueError(f"{value} has no exact decimal form")
    return f"{sign}{whole},{''.join(digits)}"


def _print_neg(e: n.Neg, parent_prec: int, right: bool) -> str:
    text = "-" + print_expr(e.operand, 3)
    return f"({text})" if parent_prec >= 2 else text


def _print_binop(e: n.BinOp, parent_prec: int, right: bool) -> str:
    p = _PREC[e.op]
    text = f"{print_expr(e.left, p)} {e.op} {print_expr(e.right, p, right=True)}"
    if p < parent_prec or (right and p == parent_prec):
        return f"({text})"
    return text


#: per expression node class, its printer: (node, precedence of the parent, is a right operand) -> text
_EXPRESSION_PRINTERS: dict[type[n.Node], Callable[[Any, int, bool], str]] = {
    n.Number: lambda e, p, r: fmt_number(e.value),
    n.Percent: lambda e, p, r: fmt_number(e.value * 100) + "%",
    n.Name: lambda e, p, r: e.name,
    n.MaxPoints: lambda e, p, r: "Điểm tối đa",
    n.ItemRef: lambda e, p, r: f"mục {e.item}",
    n.Aggregate: lambda e, p, r: f"{print_expr(e.operand, 3)} {'cao nhất' if e.func == 'max' else 'thấp nhất'}",
    n.Neg: _print_neg,
    n.BinOp: _print_binop,
}


def print_expr(e: n.Node, parent_prec: int = 0, right: bool = False) -> str:
    """The text of an expression, in parentheses where ``parent_prec`` (and being the right
    operand of an operator of the same precedence) needs them."""
    printer = _EXPRESSION_PRINTERS.get(type(e))
    if printer is None:
        raise TypeError(f"not an expression: {type(e).__name__}")
    return printer(e, parent_prec, right)


def print_result(e: n.Node) -> str:
    """The points of a case: `10 điểm` for a number, else the expression."""
    if isinstance(e, n.Number) and e.value >= 0:
        return f"{fmt_number(e.value)} điểm"
    return print_expr(e)


def _bound(e: n.Node) -> str:
    return print_expr(e)


def _print_compare(c: n.Compare) -> str:
    """`Tỷ lệ ≥ 80%`, `≥ 80%` (no left side), `Có ban hành` (`= words`)."""
    if c.left is None:
        return print_expr(c.right) if c.op == "=" else f"{_OPS[c.op]} {print_expr(c.right)}"
    right = print_expr(c.right)
    if c.op == "=" and isinstance(c.right, n.BinOp) and c.right.op in "+-":
        # `a = (Điểm tối đa + a): ...`: unbracketed, the ` + a:` would read as a new bullet
        right = f"({right})"
    return f"{print_expr(c.left)} {_OPS[c.op]} {right}"


def _print_range(c: n.Range) -> str:
    """`Từ 5 đến dưới 10`, `Tỷ lệ từ 80% trở lên`, `Dưới 5`, `5 < Tỷ lệ ≤ 10`, …"""
    subj = f"{print_expr(c.subject)} " if c.subject is not None else ""
    lo, hi = c.low, c.high
    if lo is not None and hi is not None:
        upto = f"{'' if c.high_inclusive else 'dưới '}{_bound(hi)}"
        if c.low_inclusive:
            return f"{subj}{'từ' if subj else 'Từ'} {_bound(lo)} đến {upto}"
        if subj:
            return f"{_bound(lo)} < {subj}{'≤' if c.high_inclusive else '<'} {_bound(hi)}"
        return f"Trên {_bound(lo)} đến {upto}"
    if lo is not None:
        if c.low_inclusive:
            return f"{subj}từ {_bound(lo)} trở lên" if subj else f"Từ {_bound(lo)} trở lên"
        return f"{subj}trên {_bound(lo)}" if subj else f"Trên {_bound(lo)}"
    if hi is not None:
        if c.high_inclusive:
            return f"{subj}từ {_bound(hi)} trở xuống" if subj else f"{_bound(hi)} trở xuống"
        return f"{subj}dưới {_bound(hi)}" if subj else f"Dưới {_bound(hi)}"
    raise ValueError("a range with no bound")


#: per condition node class, its printer
_CONDITION_PRINTERS: dict[type[n.Node], Callable[[Any], str]] = {
    n.Compare: _print_compare,
    n.Range: _print_range,
    n.Joined: lambda c: f" {c.op} ".join(f"({print_condition(x)})" if isinstance(x, n.Joined) else print_condition(x)
                                          for x in c.conditions),
    n.Option: lambda c: c.label,
    n.Otherwise: lambda c: c.label,
    n.Best: lambda c: c.label,
}


def print_condition(c: n.Node) -> str:
    """The text of a case's condition (`Tỷ lệ ≥ 80%`, `Từ 5 đến dưới 10`, an option's words)."""
    printer = _CONDITION_PRINTERS.get(type(c))
    if printer is None:
        raise TypeError(f"not a condition: {type(c).__name__}")
    return printer(c)


def _print_cases(st: n.Cases, bullet: str) -> list[str]:
    out = []
    case_bullet = "-"
    if st.heading is not None:
        out.append(f"- {st.heading}:")
        case_bullet = "+"
    for case in st.cases:
        cond = print_condition(case.condition)
        if case.level is not None:
            out.append(f"Mức {case.level}: {cond}: {print_result(case.result)}")
        else:
            out.append(f"{case_bullet} {cond}: {print_result(case.result)}")
    return out


def _print_cohort(st: n.CohortMethod, bullet: str) -> list[str]:
    if st.text:
        return [st.text]
    names = {"minmax": "Min-Max", "ratio_to_best": "tỷ lệ so với đơn vị cao nhất"}
    return [f"Tính điểm theo phương pháp {' và '.join(names[m] for m in st.methods)} dựa vào {st.basis}"]


#: per statement node class, its printer: (node, bullet) -> lines
_STATEMENT_PRINTERS: dict[type[n.Node], Callable[[Any, str], list[str]]] = {
    n.InputDecl: lambda st, b: [f"{st.name} = {st.description}"],
    n.Assign: lambda st, b: [f"{b} {st.target.name} = {print_expr(st.value)}"],
    n.Cases: _print_cases,
    n.PerItem: lambda st, b: [f"- {st.label}: {print_result(st.points)}"
                              + (f", tối đa {print_result(st.cap)}" if st.cap is not None else "")],
    n.Cap: lambda st, b: [f"- Tổng điểm không quá {print_expr(st.limit)}"],
    n.SumItems: lambda st, b: [f"Cộng điểm từ {st.first} đến {st.last}"],
    n.CohortMethod: _print_cohort,
    n.Note: lambda st, b: st.text.split("\n"),
}


def print_statement(st: n.Node, bullet: str = "-") -> list[str]:
    """The lines of one statement (``bullet`` before an assignment)."""
    printer = _STATEMENT_PRINTERS.get(type(st))
    if printer is None:
        raise TypeError(f"not a statement: {type(st).__name__}")
    return printer(st, bullet)


def print_formula(f: n.Formula) -> str:
    """The text of a whole formula: each part's `number. title`, then its statements."""
    lines: list[str] = []
    for part in f.parts:
        if part.number is not None:
            lines.append(f"{part.number}. {part.title or ''}".rstrip())
        for st in part.body:
            printed = print_statement(st)
            if isinstance(st, n.Note) and st.kind == "text" and lines and printed \
                    and not lines[-1].endswith((";", ":")):
                # the reader joins a line that may go on the line before (`syntax/joins.py`): `(tính cả hồ sơ
                # trực tuyến)` after a case, `Số lượng sự cố …` after `a = Số lượng văn bản …`; `;` ends the line
                lines[-1] += ";"
            lines.extend(printed)
    return "\n".join(lines)

