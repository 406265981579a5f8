"""Ruleset structure checks (CDS540-549): each with a ruleset that triggers it and a near twin that does not."""
from __future__ import annotations

from pathlib import Path

import pytest

from cdsdsl.rulesets.model import load_ruleset, parse_ruleset_text
from cdsdsl.rulesets.structure import check_ruleset_structure, formula_references, summed_range

ROOT = Path(__file__).resolve().parent.parent
HEAD = "Bộ chỉ số: Thử\nVăn bản: QĐ 1\n"


def codes(body: str, head: str = HEAD) -> list[str]:
    return [d.code for d in check_ruleset_structure(parse_ruleset_text(head + body, "thu.cds"))]


def findings(body: str, head: str = HEAD):
    return check_ruleset_structure(parse_ruleset_text(head + body, "thu.cds"))


# -- huyện Ninh Thuận 2023 --------------------------------------------------------

@pytest.fixture(scope="module")
def huyen_findings():
    return check_ruleset_structure(load_ruleset(ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"))


def test_huyen_ninh_thuan_2023_has_exactly_two_structure_findings(huyen_findings):
    assert [d.code for d in huyen_findings] == ["CDS540", "CDS544"]


def test_huyen_ninh_thuan_2023_section_5_states_100_but_adds_up_to_90(huyen_findings):
    d = huyen_findings[0]
    assert d.message() == "mục V: điểm tối đa ghi 100, nhưng tổng điểm tối đa các chỉ số là 90"
    assert d.message("en") == "section V: the stated maximum is 100, but the indicators' maxima add up to 90"
    assert "Không tính 5.12.1, 5.12.2, 5.12.3, 5.12.4, 5.12.5, 5.12.6: đã được cộng trong chỉ số 5.11." in d.hint()
    line, col = d.position
    assert d.source.line_text(line) == "Mục V | An toàn thông tin mạng | 100" and col == 34


def test_huyen_ninh_thuan_2023_section_5_orphans_5_12_x(huyen_findings):
    d = huyen_findings[1]
    assert d.message() == ("có các chỉ số 5.12.1, 5.12.2, 5.12.3, 5.12.4, 5.12.5, 5.12.6 "
                           "nhưng không có chỉ số 5.12 chứa chúng")
    assert d.item == "5.12.1" and d.hint().endswith("Chỉ số 5.11 cộng điểm các chỉ số này.")
    assert d.source.line_text(d.position[0]).startswith("Chỉ số 5.12.1 |")


def test_huyen_ninh_thuan_2023_5_11_adds_up_to_its_maximum(huyen_findings):
    assert not [d for d in huyen_findings if d.code == "CDS545"]


# -- one pair per check ---------------------------------------------------------------

def test_section_maximum_vs_sum_of_its_indicators():
    bad = findings("Mục 1 | A | 50\nChỉ số 1.1 | x | 30\nChỉ số 1.2 | y | 30\n")
    assert [d.code for d in bad] == ["CDS540"]
    assert bad[0].message() == "mục 1: điểm tối đa ghi 50, nhưng tổng điểm tối đa các chỉ số là 60"
    assert bad[0].position == (3, 13)
    assert codes("Mục 1 | A | 60\nChỉ số 1.1 | x | 30\nChỉ số 1.2 | y | 30\n") == []


def test_priority_sector_group_maximum_vs_sum():
    assert codes("Lĩnh vực I | Du lịch | 10\nChỉ số 1 | x | 5\nChỉ số 2 | y | 6\n") == ["CDS540"]
    assert codes("Lĩnh vực I | Du lịch | 11\nChỉ số 1 | x | 5\nChỉ số 2 | y | 6\n") == []


def test_stated_total_vs_sum_of_sections():
    body = "Mục 1 | A | 10\nChỉ số 1.1 | x | 10\nMục 2 | B | 20\nChỉ số 2.1 | y | 20\n"
    bad = findings(body, HEAD + "Tổng điểm: 40\n")
    assert [d.code for d in bad] == ["CDS541"]
    assert bad[0].message() == "tổng điểm ghi 40, nhưng tổng điểm tối đa các mục là 30"
    assert bad[0].position == (3, 12)
    assert codes(body, HEAD + "Tổng điểm: 30\n") == []


def test_duplicate_ids():
    bad = findings("Mục 1 | A | 20\nChỉ số 1.1 | x | 10\nChỉ số 1.1 | y | 10\n")
    assert [d.code for d in bad] == ["CDS542"]
    assert bad[0].message() == "số thứ tự 1.1 bị trùng (đã có ở dòng 4)" and bad[0].position == (5, 1)
    assert codes("Mục 1 | A | 20\nChỉ số 1.1 | x | 10\nChỉ số 1.2 | y | 10\n") == []


def test_numbering_gap_1_1_1_2_1_4():
    bad = findings("Mục 1 | A | 30\nChỉ số 1.1 | x | 10\nChỉ số 1.2 | y | 10\nChỉ số 1.4 | z | 10\n")
    assert [d.code for d in bad] == ["CDS543"]
    assert bad[0].message() == "đánh số bị thiếu: sau 1.2 là 1.4, không có 1.3"
    assert bad[0].item == "1.4" and bad[0].position == (6, 1)
    assert codes("Mục 1 | A | 30\nChỉ số 1.1 | x | 10\nChỉ số 1.2 | y | 10\nChỉ số 1.3 | z | 10\n") == []


def test_section_numbering_gap():
    assert codes("Mục 1 | A | 10\nChỉ số 1.1 | x | 10\nMục 3 | C | 10\nChỉ số 3.1 | y | 10\n") == ["CDS543"]
    assert codes("Mục 1 | A | 10\nChỉ số 1.1 | x | 10\nMục 2 | C | 10\nChỉ số 2.1 | y | 10\n") == []


def test_orphans_without_their_parent():
    bad = findings("Mục 5 | A | 20\nChỉ số 5.1 | x | 15\nChỉ số 5.2.1 | y | 5\n")
    assert [d.code for d in bad] == ["CDS544"]
    assert bad[0].message() == "có các chỉ số 5.2.1 nhưng không có chỉ số 5.2 chứa chúng"
    assert codes("Mục 5 | A | 20\nChỉ số 5.1 | x | 15\nChỉ số 5.2 | z | 5\nChỉ số 5.2.1 | y | 5\n") == []


def test_parent_maximum_vs_sum_of_children():
    bad = findings("Mục 5 | A | 15\nChỉ số 5.1 | x | 15\nChỉ số 5.1.1 | y | 5\nChỉ số 5.1.2 | z | 5\n")
    assert [d.code for d in bad] == ["CDS545"]
    assert bad[0].message() == ("chỉ số 5.1 có điểm tối đa 15, nhưng tổng điểm tối đa "
                                "các chỉ số con (5.1.1, 5.1.2) là 10")
    assert codes("Mục 5 | A | 10\nChỉ số 5.1 | x | 10\nChỉ số 5.1.1 | y | 5\nChỉ số 5.1.2 | z | 5\n") == []


def test_summing_item_maximum_vs_sum_of_the_range():
    body = ("Mục 5 | A | {m}\nChỉ số 5.1 | x | {m}\nCách tính:\n    Cộng điểm từ 5.2.1 đến 5.2.2\n"
            "Chỉ số 5.2.1 | y | 5\nChỉ số 5.2.2 | z | 5\n")
    bad = [d for d in findings(body.format(m=15)) if d.code == "CDS545"]
    assert bad and bad[0].message() == ("chỉ số 5.1 có điểm tối đa 15, nhưng tổng điểm tối đa "
                                        "các chỉ số được cộng (5.2.1–5.2.2) là 10")
    assert not [d for d in findings(body.format(m=10)) if d.code == "CDS545"]


def test_reference_to_an_item_that_does_not_exist():
    body = "Mục 5 | A | 10\nChỉ số 5.1 | x | 5\nChỉ số 5.2 | y | 5\nCách tính:\n    Mức 1: ≥ 2,5% mục {ref}: 100% điểm\n"
    bad = findings(body.format(ref="5.12.1"))
    assert [d.code for d in bad] == ["CDS546"]
    assert bad[0].message() == "cách tính nhắc tới mục 5.12.1, nhưng bộ chỉ số không có chỉ số 5.12.1"
    assert bad[0].position == (7, 23) and bad[0].end_position == (7, 29)
    assert codes(body.format(ref="5.1")) == []


def test_reference_range_to_missing_items():
    body = "Mục 5 | A | 10\nChỉ số 5.1 | x | 5\nCách tính:\n    Cộng điểm từ 5.2 đến {last}\nChỉ số 5.2 | y | 5\n"
    assert codes(body.format(last="5.3")) == ["CDS546"]
    assert "CDS546" not in codes(body.format(last="5.2"))


def test_indicator_without_maximum():
    bad = findings("Mục 1 | A | -\nChỉ số 1.1 | x | -\n")
    assert [d.code for d in bad] == ["CDS547"]
    assert bad[0].message() == "chỉ số 1.1 không có điểm tối đa" and bad[0].position == (4, 18)
    assert codes("Mục 1 | A | -\nChỉ số 1.1 | x | 5\n") == []


def test_applicability_list_not_defined():
    head = HEAD + "Danh sách Phụ lục II: Sở A; Sở B\n"
    bad = findings("Mục 7 | A | 10\nChỉ số 7.1 | x | 10\nÁp dụng: Danh sách Phụ lục III\n", head)
    assert [d.code for d in bad] == ["CDS548"]
    assert bad[0].message() == ("chỉ số 7.1 áp dụng cho `Danh sách Phụ lục III`, "
                                "nhưng danh sách này chưa được khai báo")
    assert "Phụ lục II" in bad[0].hint()
    assert codes("Mục 7 | A | 10\nChỉ số 7.1 | x | 10\nÁp dụng: Danh sách phụ lục II\n", head) == []


def test_indicator_numbered_for_another_section():
    bad = findings("Mục 2 | A | 10\nChỉ số 1.1 | x | 10\n")
    assert [d.code for d in bad] == ["CDS549"]
    assert bad[0].message() == "chỉ số 1.1 nằm trong mục 2 nhưng số thứ tự lại thuộc mục 1"
    assert codes("Mục 1 | A | 10\nChỉ số 1.1 | x | 10\n") == []


def test_reference_regex():
    assert summed_range("Cộng điểm từ 5.12.1 đến 5.12.6") == ("5.12.1", "5.12.6")
    assert [r for r, _, _ in formula_references("Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này.")] == ["5.12.1"]
    assert formula_references("Thông tư số 03/2017/TT-BTTTT; + Từ 10 đến 19: 1/2") == []


def test_english_messages_and_hints_exist_for_every_cds5xx_code():
    from cdsdsl.diagnostics.messages import CATALOG
    ours = [m for c, m in CATALOG.items() if c.startswith("CDS5")]
    assert len(ours) >= 30
    for m in ours:
        assert m.vi and m.en and m.hint_vi and m.hint_en, m.code
