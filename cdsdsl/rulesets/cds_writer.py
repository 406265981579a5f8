"""Writing a `Ruleset` as `.cds` text (docs/ruleset-format.md), the reverse of `cds.parse_ruleset_text`.

Takes: a `Ruleset` from any reader (a `.cds` file, a spreadsheet, an imported ``.docx``).
Returns: the text of a `.cds` file that the reader reads back into the same model (sections, groups,
indicators, every field; positions aside): scoring texts and corrections verbatim in indented blocks,
free-text fields continued on indented lines.  Cells cannot hold ``|`` or a line end: a name holding
them is written with ``/`` and a space, and `write_cds` returns a note for each such change
(`cds_lossy_names`).
"""
from __future__ import annotations

from fractions import Fraction
from typing import Iterator

from cdsdsl.rulesets.classes import Group, Indicator, Ruleset, Section

__all__ = ["format_max", "ruleset_to_cds", "cell_safe"]

_INDENT = "    "
_COHORT = {"min_max": "min-max", "ratio_to_max": "tỷ lệ với cao nhất"}
_OPTION = {"cumulative": "cộng dồn", "exclusive": "loại trừ"}


def format_max(value: Fraction | None) -> str:
    """A maximum as a `.cds` cell: ``10``, ``2,5``, ``1/3``; ``-`` for none."""
    if value is None:
        return "-"
    if value.denominator == 1:
        return str(value.numerator)
    d = value.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d == 1:  # a finite decimal
        digits = 0
        while (value * 10 ** digits).denominator != 1:
            digits += 1
        scaled = value * 10 ** digits
        whole, frac = divmod(abs(scaled.numerator), 10 ** digits)
        return f"{'-' if value < 0 else ''}{whole},{frac:0{digits}d}"
    return f"{value.numerator}/{value.denominator}"


def cell_safe(text: str) -> str:
    """A name as one heading cell: no ``|``, no line end (``\\n`` becomes a space)."""
    return " ".join(text.replace("|", "/").split("\n")).strip()


def _field(key: str, value: str | None) -> Iterator[str]:
    """``Key: first line`` and the other lines indented (joined back with line ends by the reader)."""
    if value is None or not value.strip():
        return
    lines = [ln.strip() for ln in value.strip().split("\n")]
    yield f"{key}: {lines[0]}"
    for ln in lines[1:]:
        if ln:
            yield _INDENT + ln


def _block(key: str, text: str) -> Iterator[str]:
    """``Key:`` then the text verbatim, every line indented by four spaces."""
    yield f"{key}:"
    for ln in text.split("\n"):
        yield _INDENT + ln if ln.strip() else ""


def _correction(ind: Indicator) -> Iterator[str]:
    corr = ind.correction
    if corr is None:
        return
    short = corr.replaced and all('"' not in a + b and "“" not in a + b and "”" not in a + b
                                  for a, b in corr.replaced)
    if short:
        yield "Sửa:"
        for a, b in corr.replaced:
            yield f'{_INDENT}"{a}" → "{b}"'
    else:
        yield from _block("Sửa", corr.text)
    yield from _field("Lý do sửa", corr.reason)


def _indicator(ind: Indicator) -> Iterator[str]:
    yield f"Chỉ số {ind.id} | {cell_safe(ind.name)} | {format_max(ind.max_points)}"
    if ind.formula_text is not None:
        yield from _block("Cách tính", ind.formula_text)
    else:
        yield "Nhập điểm"
    yield from _correction(ind)
    yield from _field("Nguồn dữ liệu", ind.data_source)
    yield from _field("Đơn vị phối hợp", ind.coordinator)
    yield from _field("Tài liệu kiểm chứng", ind.evidence)
    if ind.applies_to:
        yield f"Áp dụng: Danh sách {ind.applies_to}"
    if ind.option_mode:
        yield f"Cách hiểu: {_OPTION[ind.option_mode]}"
    if ind.cohort_method:
        yield f"Phương pháp: {_COHORT[ind.cohort_method]}"
    if ind.types:
        yield f"Kiểu: {ind.types}"
    if ind.fact_uses:
        yield "Dùng thông tin chung: " + "; ".join(f"{key} = {name}" for key, name in ind.fact_uses)


def _header(rs: Ruleset) -> Iterator[str]:
    yield f"Bộ chỉ số: {cell_safe(rs.title)}"
    yield f"Văn bản: {cell_safe(rs.decision)}"
    if rs.date:
        yield f"Ngày: {cell_safe(rs.date)}"
    if rs.level:
        yield f"Cấp: {rs.level}"
    if rs.stated_total is not None:
        yield f"Tổng điểm: {format_max(rs.stated_total)}"
    if (rs.rounding.digits, rs.rounding.mode) != (2, "half_up"):
        mode = "cắt bỏ" if rs.rounding.mode == "truncate" else "nửa lên"
        yield f"Làm tròn: {rs.rounding.digits} chữ số, {mode}"
    if rs.zero_division != "zero":
        yield "Chia cho 0: lỗi"
    if rs.set_formula is not None:
        yield f"Công thức tổng: {cell_safe(rs.set_formula.text)}"
        for b in rs.set_formula.bindings:
            yield f"Trong đó: {b.name} = {cell_safe(b.description)}"
    for ul in rs.unit_lists:
        yield f"Danh sách {ul.name}: {'; '.join(ul.units)}"
    if rs.facts:
        yield "Thông tin chung:"
        for fact in rs.facts:
            yield f"{_INDENT}{fact.name} = {cell_safe(fact.description)}" + (f" ({fact.unit})" if fact.unit else "")


def _heading(part: Section | Group) -> str:
    if isinstance(part, Group):
        return f"Lĩnh vực {part.id} | {cell_safe(part.name)} | {format_max(part.stated_max)}"
    return f"Mục {part.label or part.id} | {cell_safe(part.name)} | {format_max(part.stated_max)}"


def ruleset_to_cds(rs: Ruleset, preface: tuple[str, ...] = ()) -> str:
    """The `.cds` text of ``rs``; ``preface``: comment lines written first (without their ``#``)."""
    out: list[str] = [f"# {line}".rstrip() for line in preface]
    out.extend(_header(rs))
    pending = list(rs.sections)
    written: set[tuple[str, str]] = set()
    for ind in rs.indicators:
        if ind.group_id is not None:
            if ("g", ind.group_id) not in written:
                written.add(("g", ind.group_id))
                out += ["", _heading(rs.group(ind.group_id))]
        elif ind.section_id is not None and ("s", ind.section_id) not in written:
            while pending:  # the sections up to this one, in the ruleset's order (empty ones too)
                sec = pending.pop(0)
                written.add(("s", sec.id))
                out += ["", _heading(sec)]
                if sec.id == ind.section_id:
                    break
        out.append("")
        out.extend(_indicator(ind))
    for sec in pending:
        out += ["", _heading(sec)]
    for grp in rs.groups:
        if ("g", grp.id) not in written:
            out += ["", _heading(grp)]
    if rs.test_cases is not None:
        out += [""] + list(_block("Ca kiểm thử", rs.test_cases.text))
    return "\n".join(out) + "\n"
