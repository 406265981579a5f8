"""Print an AST back as formula text in one house style.

Takes: a `Formula` (or any expression/condition node).
Returns: text that `parse_formula` reads back to an equal tree
(``parse_formula(print_formula(f)) == f``).  House style: one statement per
line, ``-`` bullets (``+`` under a heading), ``Tỷ lệ``/``Điểm tối đa``
spelled canonically, spaces around operators, Vietnamese decimal commas
(``2,5%``), ``>=``/``<=`` as ``≥``/``≤``.
"""
from __future__ import annotations

from fractions import Fraction

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


def print_expr(e: n.Node, parent_prec: int = 0, right: bool = False) -> str:
    if isinstance(e, n.Number):
        return fmt_number(e.value)
    if isinstance(e, n.Percent):
        return fmt_number(e.value * 100) + "%"
    if isinstance(e, n.Name):
        return e.name
    if isinstance(e, n.MaxPoints):
        return "Điểm tối đa"
    if isinstance(e, n.ItemRef):
        return f"mục {e.item}"
    if isinstance(e, n.Aggregate):
        return f"{print_expr(e.operand, 3)} {'cao nhất' if e.func == 'max' else 'thấp nhất'}"
    if isinstance(e, n.Neg):
        inner = print_expr(e.operand, 3)
        text = "-" + inner
        return f"({text})" if parent_prec >= 2 else text
    if isinstance(e, n.BinOp):
        p = _PREC[e.op]
        text = f"{print_expr(e.left, p)} {e.op} {print_expr(e.right, p, right=True)}"
        if p < parent_prec or (right and p == parent_prec):
            return f"({text})"
        return text
    raise TypeError(f"not an expression: {type(e).__name__}")


def print_result(e: n.Node) -> str:
    if isinstance(e, n.Number) and e.value >= 0:
        return f"{fmt_number(e.value)} điểm"
    return print_expr(e)


def _bound(e: n.Node) -> str:
    return print_expr(e)


def print_condition(c: n.Node) -> str:
    if isinstance(c, n.Compare):
        if c.left is None:
            return print_expr(c.right) if c.op == "=" else f"{_OPS[c.op]} {print_expr(c.right)}"
        right = print_expr(c.right)
        if c.op == "=" and isinstance(c.right, n.BinOp) and c.right.op in "+-":
            # `a = (Điểm tối đa + a): ...`: unbracketed, the ` + a:` would read as a new bullet
            right = f"({right})"
        return f"{print_expr(c.left)} {_OPS[c.op]} {right}"
    if isinstance(c, n.Range):
        subj = f"{print_expr(c.subject)} " if c.subject is not None else ""
        lo, hi = c.low, c.high
        if lo is not None and hi is not None:
            if c.low_inclusive:
                return f"{subj}{'từ' if subj else 'Từ'} {_bound(lo)} đến {'' if c.high_inclusive else 'dưới '}{_bound(hi)}"
            if subj:
                return (f"{_bound(lo)} < {print_expr(c.subject)} "
                        f"{'≤' if c.high_inclusive else '<'} {_bound(hi)}")
            return f"Trên {_bound(lo)} đến {'' if c.high_inclusive else 'dưới '}{_bound(hi)}"
        if lo is not None:
            if c.low_inclusive:
                return f"{subj}từ {_bound(lo)} trở lên" if subj else f"Từ {_bound(lo)} trở lên"
            return f"{subj}trên {_bound(lo)}" if subj else f"Trên {_bound(lo)}"
        if hi is not None:
            if c.high_inclusive:
                return f"{subj}từ {_bound(hi)} trở xuống" if subj else f"{_bound(hi)} trở xuống"
            return f"{subj}dưới {_bound(hi)}" if subj else f"Dưới {_bound(hi)}"
        raise ValueError("a range with no bound")
    if isinstance(c, (n.Option, n.Otherwise, n.Best)):
        return c.label
    raise TypeError(f"not a condition: {type(c).__name__}")


def print_statement(st: n.Node, bullet: str = "-") -> list[str]:
    if isinstance(st, n.InputDecl):
        return [f"{st.name} = {st.description}"]
    if isinstance(st, n.Assign):
        return [f"{bullet} {st.target.name} = {print_expr(st.value)}"]
    if isinstance(st, n.Cases):
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
    if isinstance(st, n.PerItem):
        return [f"- {st.label}: {print_result(st.points)}"]
    if isinstance(st, n.Cap):
        return [f"- Tổng điểm không quá {print_expr(st.limit)}"]
    if isinstance(st, n.SumItems):
        return [f"Cộng điểm từ {st.first} đến {st.last}"]
    if isinstance(st, n.CohortMethod):
        if st.text:
            return [st.text]
        names = {"minmax": "Min-Max", "ratio_to_best": "tỷ lệ so với đơn vị cao nhất"}
        return [f"Tính điểm theo phương pháp {' và '.join(names[m] for m in st.methods)} dựa vào {st.basis}"]
    if isinstance(st, n.Note):
        return st.text.split("\n")
    raise TypeError(f"not a statement: {type(st).__name__}")


def print_formula(f: n.Formula) -> str:
    lines: list[str] = []
    for part in f.parts:
        if part.number is not None:
            lines.append(f"{part.number}. {part.title or ''}".rstrip())
        for st in part.body:
            lines.extend(print_statement(st))
    return "\n".join(lines)
