"""`cds parse [FILE|-]`: print the AST of one formula."""
from __future__ import annotations

import click

from cdsdsl.cli.common import (
    EXIT_FINDINGS,
    color_option,
    echo_diagnostics,
    emit,
    format_option,
    guarded,
    lang_option,
    main,
    output_option,
    read_text,
    resolve_format,
)


def _tree(node, indent: int = 0) -> list[str]:
    import attrs

    from cdsdsl.syntax.nodes import Node

    pad = "  " * indent
    fields = []
    children = []
    for f in attrs.fields(type(node)):
        if f.name in ("span", "diagnostics", "source", "name_span"):
            continue
        v = getattr(node, f.name)
        if isinstance(v, Node):
            children.append((f.name, [v]))
        elif isinstance(v, tuple) and v and isinstance(v[0], Node):
            children.append((f.name, list(v)))
        elif v is not None and v != () and f.eq:
            fields.append(f"{f.name}={v!s}" if not isinstance(v, str) else f"{f.name}={v!r}")
    out = [f"{pad}{type(node).__name__}" + (f" {' '.join(fields)}" if fields else "")]
    for name, nodes in children:
        for child in nodes:
            sub = _tree(child, indent + 2)
            sub[0] = f"{pad}  {name}: " + sub[0].lstrip()
            out.extend(sub)
    return out


@main.command("parse")
@click.argument("file", default="-")
@format_option("tree", "json", "text", default="tree")
@lang_option
@output_option
@color_option
@guarded(exit_code_for_cds_error=EXIT_FINDINGS)
def parse_cmd(file: str, fmt: str, lang: str, output) -> None:
    """Đọc một công thức và in cây cú pháp / parse one formula and print its tree.

    FILE chứa văn bản "Cách xác định và tính điểm" (- là đầu vào chuẩn).
    --format text in lại công thức theo văn phong chuẩn.
    """
    import json

    from cdsdsl.syntax.nodes import to_dict
    from cdsdsl.syntax.parser import parse_formula
    from cdsdsl.syntax.printer import print_formula

    fmt = resolve_format(fmt, output, ("tree", "json", "text"), "tree", lang)
    text = read_text(file, lang)
    formula = parse_formula(text, name="<stdin>" if file == "-" else file)
    if fmt == "json":
        payload = to_dict(formula)
        payload["diagnostics"] = [d.to_dict(lang) for d in formula.diagnostics]
        emit(json.dumps(payload, ensure_ascii=False, indent=2), output)
    elif fmt == "text":
        emit(print_formula(formula), output)
    else:
        emit("\n".join(_tree(formula)), output)
    if formula.diagnostics:
        echo_diagnostics(formula.diagnostics, lang)
