"""A ruleset as one plain Python module: what `cds compile` writes and the web API's compile answers.

Takes: a ruleset (any object shaped like `Ruleset`) and the command that asks, for the header.
Returns: `module_text`: (the module's text, the diagnostics of formulas that could not be compiled).  The
header's user text enters only through `quoting.quote(..., "comment")`, and the module is verified
(`quoting.verify_module`) before it is returned: a CDS632 `CdsError` otherwise.
"""
from __future__ import annotations

from typing import Any

from cdsdsl.diagnostics.core import CdsError, Diagnostic
from cdsdsl.evaluate.quoting import quote, verify_module


def _comment(text: Any) -> str:
    return quote(text, "comment")


def module_text(ruleset: Any, command: str) -> tuple[str, list]:
    """(module source, diagnostics of formulas that could not be compiled)."""
    from cdsdsl.evaluate.codegen import module_source
    from cdsdsl.scoring.score import compile_ruleset

    compiled = compile_ruleset(ruleset)
    programs = [c.program for c in compiled.items if c.program is not None]
    entered = [c.key for c in compiled.items if c.program is None and not c.errors]
    cohort = [c.key for c in compiled.items if c.needs_cohort]
    failed = [c for c in compiled.items if c.errors]
    q = _comment
    header = [
        f"# Bộ chỉ số / ruleset: {q(ruleset.title)}",
        f"# Văn bản / decision: {q(ruleset.decision)}",
        f"# Tạo bởi / made by: {q(command)}  (cdsdsl; chỉ cần thư viện chuẩn của Python)",
        f"# Làm tròn / rounding: {q(ruleset.rounding.digits)} chữ số, "
        f"{'nửa lên' if ruleset.rounding.mode == 'half_up' else 'cắt bỏ'}; chia cho 0 / zero division: "
        f"{q(ruleset.zero_division)}",
        "# Cách dùng / usage: score(\"1.3\", {\"a\": 7, \"b\": 21}, digits=2, rounding=\"half_up\") -> Decimal",
    ]
    if entered:
        header.append("# Không có trong mô-đun (điểm nhập trực tiếp hoặc cộng từ chỉ số con) / not in the module "
                      "(points entered directly or summed from sub-indicators): " + q(", ".join(entered)))
    if cohort:
        header.append("# Cần số liệu cả nhóm (tham số cohort) / need the cohort's statistics (the cohort "
                      "argument): " + q(", ".join(cohort)))
    if failed:
        header.append("# Công thức còn lỗi (hàm báo Fault CDS615) / formulas with errors (the function raises "
                      "Fault CDS615): " + q(", ".join(c.key for c in failed)))
    source = module_source(programs, title=ruleset.title)
    diags = [c.errors[0] for c in failed if c.errors]
    text = "\n".join(header) + "\n" + source
    problem = verify_module(text, source, command)
    if problem is not None:  # never write a module that does not import or does something else
        raise CdsError(Diagnostic.make("CDS632", None, detail=problem))
    return text, diags
