"""check_ruleset: structure + formulas, positions in the ruleset file, corrected indicators."""
from __future__ import annotations

from cdsdsl.checks.formula import CorrectedDiagnostic
from cdsdsl.diagnostics.core import Severity
from cdsdsl.rulesets.check import check_ruleset
from cdsdsl.rulesets.model import parse_ruleset_text

HEAD = "Bộ chỉ số: Thử\nVăn bản: QĐ 1\n\nMục 1 | Hạ tầng | 10\n\n"
IND = """Chỉ số 1.1 | Tỷ lệ hộ có cáp quang | 10
Cách tính:
    a=Số lượng hộ gia đình có cáp quang;
    b= Tổng số hộ gia đình;
    - Tỷ lệ=a/b
    - Tỷ lệ ≥ 80%: Điểm tối đa
    - Tỷ lệ <80: Điểm = Tỷ lệ * điểm tối đa
"""
FIX = """Sửa:
    a=Số lượng hộ gia đình có cáp quang;
    b= Tổng số hộ gia đình;
    - Tỷ lệ=a/b
    - Tỷ lệ ≥ 80%: Điểm tối đa
    - Tỷ lệ <80%: Điểm = Tỷ lệ * điểm tối đa
Lý do sửa: thiếu dấu %
"""


def test_formula_findings_point_into_the_ruleset_file():
    rs = parse_ruleset_text(HEAD + IND, name="thu.cds")
    slip = [d for d in check_ruleset(rs) if d.code == "CDS302"][0]
    assert slip.item == "1.1" and slip.position == (12, 7) and slip.source.name == "thu.cds"
    assert slip.to_dict()["line"] == 12


def test_corrected_original_is_reported_as_corrected_and_correction_is_checked():
    rs = parse_ruleset_text(HEAD + IND + FIX, name="thu.cds")
    diags = check_ruleset(rs)
    slip = [d for d in diags if d.code == "CDS302"]
    assert len(slip) == 1 and isinstance(slip[0], CorrectedDiagnostic)
    assert slip[0].severity is Severity.INFO and slip[0].original_severity is Severity.ERROR
    assert slip[0].message().startswith("(đã sửa trong bộ chỉ số: thiếu dấu %) thiếu dấu `%`")
    assert slip[0].message("en").startswith("(corrected in the ruleset: thiếu dấu %)")
    assert slip[0].to_dict()["corrected"] is True and slip[0].position[0] == 12
    # the correction itself is checked normally: its jump is reported, positions in the Sửa block
    jumps = [d for d in diags if d.code == "CDS409" and not isinstance(d, CorrectedDiagnostic)]
    assert jumps and jumps[0].position[0] == 18
    assert not any(d.severity is Severity.ERROR for d in diags)


def test_syntax_error_becomes_a_diagnostic():
    bad = IND.replace("- Tỷ lệ=a/b", "- Tỷ lệ=a/")
    diags = check_ruleset(parse_ruleset_text(HEAD + bad, name="thu.cds"))
    errs = [d for d in diags if d.code.startswith("CDS1") and d.severity is Severity.ERROR]
    assert errs and errs[0].item == "1.1" and errs[0].position[0] == 10


def test_structure_checks_are_included():
    diags = check_ruleset(parse_ruleset_text(HEAD.replace("| 10", "| 20") + IND, name="thu.cds"))
    assert "CDS540" in [d.code for d in diags]


def test_cohort_method_settled_by_ruleset():
    text = HEAD.replace("| 10", "| 20") + """Chỉ số 1.1 | Kinh phí | 20
Cách tính:
    Tính điểm theo phương pháp Min-Max dựa vào tỷ lệ của Huyện với Huyện chi cao nhất
Phương pháp: min-max
"""
    codes = [d.code for d in check_ruleset(parse_ruleset_text(text, name="thu.cds"))]
    assert "CDS410" not in codes and "CDS411" in codes
