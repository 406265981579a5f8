"""Transcribed rulesets (rulesets/*.cds): counts, stated maxima and the arithmetic checked by hand.

Each test loads one transcription and asserts
- the number of `Chỉ số` lines (indicators, sub-items such as 5.11.1 included),
- the total the decision states (`Tổng điểm:`),
- every section's (and priority-sector group's) stated maximum, exactly as the decision writes it,
- the sums of the indicator maxima computed by hand (the arithmetic is written next to each number).

Sub-items (5.11.1-5.11.6, 5.12.1-5.12.6) are part of their parent: a section's sum counts the parent
(`Ruleset.top_level`) once, and the parent's maximum is checked against the sum of its children.
"""
from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from cdsdsl.rulesets.model import Ruleset, load_ruleset

RULESETS = Path(__file__).resolve().parent.parent / "rulesets"


def load(name: str) -> Ruleset:
    return load_ruleset(RULESETS / name)


def section_maxima(rs: Ruleset) -> dict[str, Fraction | None]:
    return {s.id: s.stated_max for s in rs.sections}


def section_sums(rs: Ruleset) -> dict[str, Fraction]:
    """Sum of the maxima of each section's top-level indicators (sub-items counted in their parent)."""
    return {s.id: sum((i.max_points or 0 for i in rs.top_level(s.id)), Fraction(0)) for s in rs.sections}


def group_sums(rs: Ruleset) -> dict[str, Fraction]:
    return {g.id: sum((i.max_points or 0 for i in rs.group_indicators(g.id)), Fraction(0)) for g in rs.groups}


def children_sum(rs: Ruleset, parent: str) -> Fraction:
    return sum((c.max_points or 0 for c in rs.children(parent)), Fraction(0))


def top_level_counts(rs: Ruleset) -> dict[str, int]:
    return {s.id: len(rs.top_level(s.id)) for s in rs.sections}


def test_all_files_load_and_all_are_entered_directly():
    """These sets publish only maxima: no indicator has scoring text."""
    names = ["quang-tri-2022-so.cds", "quang-tri-2022-huyen.cds", "quang-tri-2022-xa.cds",
             "ha-noi-2024-thanh-pho.cds", "ha-noi-2024-huyen.cds", "tinh-2021.cds"]
    for name in names:
        rs = load(name)
        assert rs.indicators, name
        assert all(i.formula_text is None and i.entered_directly for i in rs.indicators), name
        assert all(i.max_points is not None for i in rs.indicators), name
        # names are single-line, with single spaces (line-wrapped words joined)
        for i in rs.indicators:
            assert "  " not in i.name and i.name == i.name.strip(), (name, i.id)
        # no duplicate keys
        keys = [i.key for i in rs.indicators]
        assert len(keys) == len(set(keys)), name


# --------------------------------------------------------------------------- Quảng Trị, Phụ lục 1


def test_quang_tri_so():
    rs = load("quang-tri-2022-so.cds")
    assert rs.level == "sở"
    assert rs.date == "31/10/2022"
    # 485 is the constant of the set formula; sections 1-6: 40 + 90 + 60 + 30 + 100 + 165 = 485
    assert rs.stated_total == 485
    assert section_maxima(rs) == {"1": 40, "2": 90, "3": 60, "4": 30, "5": 100, "6": 165}
    assert sum(section_maxima(rs).values()) == 40 + 90 + 60 + 30 + 100 + 165 == 485
    assert section_sums(rs) == {
        "1": 10 + 10 + 10 + 10,                                            # = 40
        "2": 5 + 5 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10,                # = 90
        "3": 10 + 30 + 20,                                                 # = 60
        "4": 10 + 10 + 10,                                                 # = 30
        "5": 10 + 10 + 10 + 10 + 5 + 10 + 10 + 5 + 5 + 10 + 15,            # = 100
        "6": 10 + 5 + 5 + 10 + 10 + 10 + 10 + 10 + 20 + 5 + 10 + 10 + 10 + 10 + 10 + 10 + 10,  # = 165
    }
    assert section_sums(rs) == section_maxima(rs)  # no mismatch in Phụ lục 1
    assert children_sum(rs, "5.11") == 5 + 2 + 2 + 2 + 2 + 2 == rs.indicator("5.11").max_points == 15
    # 4 + 10 + 3 + 3 + 11 + 17 = 48 indicators, plus 6 sub-items 5.11.1-5.11.6
    assert top_level_counts(rs) == {"1": 4, "2": 10, "3": 3, "4": 3, "5": 11, "6": 17}
    main = [i for i in rs.indicators if i.group_id is None]
    assert len(main) == 48 + 6 == 54

    # the priority-sector tables: Phụ lục 1 has 7 (the decision's text names 9 sectors)
    assert [(g.id, g.name, g.stated_max) for g in rs.groups] == [
        ("I", "Du lịch", 55),
        ("II", "Nông nghiệp", 35),
        ("III", "Tài nguyên và môi trường", 30),
        ("IV", "Giao thông vận tải - logistics", 30),
        ("V", "Giáo dục Đào tạo", 55),
        ("VI", "Y tế", 40),
        ("VII", "Năng lượng", 15),
    ]
    assert group_sums(rs) == {
        "I": 11 * 5,    # = 55
        "II": 7 * 5,    # = 35
        "III": 6 * 5,   # = 30
        "IV": 6 * 5,    # = 30
        "V": 11 * 5,    # = 55
        "VI": 8 * 5,    # = 40
        "VII": 3 * 5,   # = 15
    }
    assert {g: len(rs.group_indicators(g)) for g in ("I", "II", "III", "IV", "V", "VI", "VII")} == {
        "I": 11, "II": 7, "III": 6, "IV": 6, "V": 11, "VI": 8, "VII": 3}
    # 11 + 7 + 6 + 6 + 11 + 8 + 3 = 52 sector indicators; 54 + 52 = 106 `Chỉ số` lines in all
    assert len(rs.indicators) == 54 + 52 == 106
    assert rs.indicator("I.1").name == "Số lượng sử dụng ứng dụng dịch vụ thông minh phục vụ du lịch hàng năm"

    # the set formula and its names
    assert rs.set_formula is not None
    assert rs.set_formula.text == "D = (A + B) x 485 / (485 + C)"
    assert [b.name for b in rs.set_formula.bindings] == ["A", "B", "C"]

    # data sources kept, general information not scored
    assert rs.indicator("3.1").data_source == "Cục Viễn thông/ Tỉnh cung cấp"
    assert rs.indicator("5.11").data_source is None  # the decision gives none for 5.11
    assert rs.indicator("2.4").name.endswith("tỉnh phiên bản 2.0")
    assert not any("Tên Sở" in i.name for i in rs.indicators)


# --------------------------------------------------------------------------- Quảng Trị, Phụ lục 2 and 3


QT_MAXIMA = {"1": 60, "2": 90, "3": 100, "4": 60, "5": 100, "6": 170, "7": 150, "8": 150, "9": 0}


def test_quang_tri_huyen():
    rs = load("quang-tri-2022-huyen.cds")
    assert rs.level == "huyện"
    assert rs.stated_total == 880
    assert section_maxima(rs) == QT_MAXIMA
    # 60 + 90 + 100 + 60 + 100 + 170 + 150 + 150 + 0 = 880
    assert sum(section_maxima(rs).values()) == 60 + 90 + 100 + 60 + 100 + 170 + 150 + 150 + 0 == 880
    assert section_sums(rs) == {
        "1": 10 + 10 + 10 + 10 + 10 + 10,                                       # = 60
        "2": 5 + 5 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10,                     # = 90
        "3": 10 + 10 + 10 + 10 + 30 + 20 + 10,                                  # = 100
        "4": 10 + 10 + 10 + 10 + 10 + 5 + 5,                                    # = 60
        "5": 10 + 10 + 10 + 10 + 5 + 10 + 10 + 5 + 5 + 10 + 15,                 # = 100
        "6": 10 + 5 + 5 + 10 + 10 + 10 + 10 + 10 + 20 + 5 + 5
             + 10 + 10 + 10 + 10 + 10 + 10 + 10,                                # = 170
        "7": 20 + 20 + 10 + 20 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10,         # = 150
        "8": 20 + 20 + 20 + 20 + 10 + 20 + 20 + 20,                             # = 150
        "9": 0 + 0 + 0,                                                         # = 0
    }
    assert section_sums(rs) == section_maxima(rs)
    assert children_sum(rs, "5.11") == 5 + 2 + 2 + 2 + 2 + 2 == rs.indicator("5.11").max_points == 15
    # 6 + 10 + 7 + 7 + 11 + 18 + 12 + 8 + 3 = 82 indicators + 6 sub-items = 88
    assert top_level_counts(rs) == {"1": 6, "2": 10, "3": 7, "4": 7, "5": 11, "6": 18, "7": 12, "8": 8, "9": 3}
    assert len(rs.indicators) == 82 + 6 == 88
    assert rs.indicator("5.11").data_source == "Huyện cung cấp"
    assert rs.indicator("8.5").data_source == \
        "Tổng cục Thống kê cung cấp/ Tỉnh/ Huyện cung cấp (điều tra khảo sát)"


def test_quang_tri_xa():
    rs = load("quang-tri-2022-xa.cds")
    assert rs.level == "xã"
    assert rs.stated_total == 880
    assert section_maxima(rs) == QT_MAXIMA
    assert sum(section_maxima(rs).values()) == 880
    assert section_sums(rs) == {
        "1": 10 + 10 + 10 + 10 + 10 + 10,                                       # = 60
        "2": 5 + 5 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10,                     # = 90
        "3": 10 + 10 + 10 + 10 + 30 + 20 + 10,                                  # = 100
        "4": 10 + 10 + 10 + 10 + 10 + 5 + 5,                                    # = 60
        "5": 10 + 10 + 10 + 10 + 5 + 10 + 10 + 5 + 5 + 10 + 15,                 # = 100
        "6": 10 + 5 + 5 + 10 + 10 + 10 + 10 + 10 + 20 + 5 + 5
             + 10 + 10 + 10 + 10 + 10 + 10 + 10,                                # = 170
        "7": 20 + 20 + 10 + 20 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10,         # = 150
        "8": 20 + 20 + 20 + 20 + 10 + 20 + 20 + 20,                             # = 150
        "9": 0 + 0,                                                             # = 0 (only 9.1, 9.2)
    }
    assert section_sums(rs) == section_maxima(rs)
    assert children_sum(rs, "5.11") == 15 == rs.indicator("5.11").max_points
    # 6 + 10 + 7 + 7 + 11 + 18 + 12 + 8 + 2 = 81 indicators + 6 sub-items = 87
    assert top_level_counts(rs) == {"1": 6, "2": 10, "3": 7, "4": 7, "5": 11, "6": 18, "7": 12, "8": 8, "9": 2}
    assert len(rs.indicators) == 81 + 6 == 87
    # verbatim, including the decision's slips
    assert rs.indicator("6.1").name == "Cổng/Trang TTĐT của Xã đáp ứng yêu theo quy định"
    assert not rs.has_indicator("9.3")


# --------------------------------------------------------------------------- Hà Nội 2024


def test_ha_noi_thanh_pho():
    rs = load("ha-noi-2024-thanh-pho.cds")
    assert rs.level == "thành phố"
    assert rs.stated_total == 400
    assert section_maxima(rs) == {"1": 30, "2": 30, "3": 20, "4": 20, "5": 50, "6": 120, "7": 20, "8": 30,
                                  "9": 80}
    # 30 + 30 + 20 + 20 + 50 + 120 + 20 + 30 + 80 = 400
    assert sum(section_maxima(rs).values()) == 30 + 30 + 20 + 20 + 50 + 120 + 20 + 30 + 80 == 400
    assert section_sums(rs) == {
        "1": 5 + 5 + 10 + 5 + 5,                                                # = 30
        "2": 10 + 5 + 10 + 5,                                                   # = 30
        "3": 10 + 10,                                                           # = 20
        "4": 5 + 5 + 5 + 5,                                                     # = 20
        "5": 10 + 5 + 5 + 5 + 5 + 10 + 5 + 5,                                   # = 50
        "6": 5 + 10 + 10 + 5 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 10 + 5 + 5,   # = 120
        "7": 20,                                                                # = 20
        "8": 5 + 5 + 5 + 5 + 5 + 5,                                             # = 30
        "9": 50 + 30,                                                           # = 80
    }
    assert section_sums(rs) == section_maxima(rs)
    # the counts in the section names "(5 chỉ số)" ... and in Điều 3: 5+4+2+4+8 = 23, 14+1+6+2 = 23, 46 in all
    counts = top_level_counts(rs)
    assert counts == {"1": 5, "2": 4, "3": 2, "4": 4, "5": 8, "6": 14, "7": 1, "8": 6, "9": 2}
    for s in rs.sections:
        assert f"({counts[s.id]} chỉ số)" in s.name
    assert sum(counts[k] for k in "12345") == 23 and sum(counts[k] for k in "6789") == 23
    assert len(rs.indicators) == 46

    # kinh tế số (*) applies only to the units of Phụ lục II
    assert rs.indicator("7.1").applies_to == "Phụ lục II"
    assert [i.id for i in rs.indicators if i.applies_to] == ["7.1"]
    pl1 = rs.unit_list("Phụ lục I")
    pl2 = rs.unit_list("Phụ lục II")
    assert pl1 is not None and pl2 is not None
    assert len(pl1.units) == 22 and pl1.units[0] == "Văn phòng UBND Thành phố"
    assert pl1.units[-1] == "Ban Quản lý các Khu Công nghiệp và Chế xuất"
    assert pl2.units == ("Sở Công Thương", "Sở Giáo dục và Đào tạo", "Sở Lao động, Thương binh và Xã hội",
                         "Sở Nông nghiệp và Phát triển nông thôn", "Sở Tài nguyên và Môi trường",
                         "Sở Thông Tin và Truyền Thông", "Sở Văn hóa và Thể thao", "Sở Y tế", "Sở Du lịch")
    assert set(pl2.units) <= set(pl1.units)


def test_ha_noi_huyen():
    rs = load("ha-noi-2024-huyen.cds")
    assert rs.level == "huyện"
    assert rs.stated_total == 500
    assert section_maxima(rs) == {"1": 40, "2": 30, "3": 40, "4": 40, "5": 70, "6": 90, "7": 30, "8": 60,
                                  "9": 100}
    # 40 + 30 + 40 + 40 + 70 + 90 + 30 + 60 + 100 = 500
    assert sum(section_maxima(rs).values()) == 40 + 30 + 40 + 40 + 70 + 90 + 30 + 60 + 100 == 500
    assert section_sums(rs) == {
        "1": 5 + 5 + 10 + 5 + 5 + 5 + 5,                                        # = 40
        "2": 10 + 10 + 10,                                                      # = 30
        "3": 5 + 5 + 5 + 5 + 10 + 10,                                           # = 40
        "4": 5 + 5 + 5 + 5 + 5 + 5 + 5 + 5,                                     # = 40
        "5": 10 + 10 + 5 + 10 + 5 + 10 + 10 + 10,                               # = 70
        "6": 10 + 10 + 10 + 20 + 5 + 5 + 10 + 5 + 5 + 10,                       # = 90
        "7": 5 + 5 + 5 + 5 + 5 + 5,                                             # = 30
        "8": 5 + 5 + 5 + 5 + 10 + 5 + 10 + 5 + 5 + 5,                           # = 60
        "9": 40 + 60,                                                           # = 100
    }
    assert section_sums(rs) == section_maxima(rs)
    counts = top_level_counts(rs)
    assert counts == {"1": 7, "2": 3, "3": 6, "4": 8, "5": 8, "6": 10, "7": 6, "8": 10, "9": 2}
    for s in rs.sections:
        assert f"({counts[s.id]} chỉ số)" in s.name
    assert len(rs.indicators) == 60
    # Điều 3 states 33 (group I) and 27 (group II) for cấp huyện, but the table has
    # 7 + 3 + 6 + 8 + 8 = 32 and 10 + 6 + 10 + 2 = 28 (32 + 28 = 60): a slip of the decision.
    assert sum(counts[k] for k in "12345") == 32 != 33
    assert sum(counts[k] for k in "6789") == 28 != 27
    assert not any(i.applies_to for i in rs.indicators)
    pl1 = rs.unit_list("Phụ lục I")
    assert pl1 is not None and len(pl1.units) == 30
    assert pl1.units[0] == "UBND quận Ba Đình" and pl1.units[-1] == "UBND huyện Ứng Hòa"


# --------------------------------------------------------------------------- provincial set (Đắk Lắk 2021)


def test_tinh_2021():
    rs = load("tinh-2021.cds")
    assert rs.level == "tỉnh"
    assert rs.stated_total is None  # the results table has no total row
    assert section_maxima(rs) == {"1": 100, "2": 100, "3": 100, "4": 100, "5": 100, "6": 200, "7": 150,
                                  "8": 150, "9": 0}
    # 100 + 100 + 100 + 100 + 100 + 200 + 150 + 150 + 0 = 1000
    assert sum(section_maxima(rs).values()) == 100 * 5 + 200 + 150 + 150 + 0 == 1000
    assert section_sums(rs) == {
        "1": 10 * 10,                                                           # = 100
        "2": 5 + 5 + 10 * 9,                                                    # = 100
        "3": 10 + 10 + 10 + 10 + 30 + 20 + 10,                                  # = 100
        "4": 10 * 7 + 5 * 6,                                                    # = 100
        "5": 10 + 10 + 10 + 10 + 5 + 10 + 10 + 5 + 5 + 5 + 5 + 15,              # = 100
        "6": 10 + 5 + 10 + 5 + 5 + 5 + 10 + 10 + 10 + 10 + 10 + 20 + 5 + 5
             + 10 * 8,                                                          # = 200 (6.15-6.22: 10 each)
        "7": 20 + 20 + 10 + 20 + 10 * 8,                                        # = 150
        "8": 20 + 20 + 20 + 20 + 10 + 20 + 20 + 20,                             # = 150
        "9": 0 + 0 + 0,                                                         # = 0
    }
    assert section_sums(rs) == section_maxima(rs)
    assert children_sum(rs, "5.12") == 5 + 2 + 2 + 2 + 2 + 2 == rs.indicator("5.12").max_points == 15
    assert [c.id for c in rs.children("5.12")] == [f"5.12.{k}" for k in range(1, 7)]
    # 10 + 11 + 7 + 13 + 12 + 22 + 12 + 8 + 3 = 98 indicators + 6 sub-items = 104
    assert top_level_counts(rs) == {"1": 10, "2": 11, "3": 7, "4": 13, "5": 12, "6": 22, "7": 12, "8": 8,
                                    "9": 3}
    assert len(rs.indicators) == 98 + 6 == 104
    # the "6.2" printed after 6.19 is 6.20
    ids6 = [i.id for i in rs.top_level("6")]
    assert ids6 == [f"6.{k}" for k in range(1, 23)]
    assert rs.indicator("6.2").name == "Triển khai Cổng dữ liệu mở"
    assert rs.indicator("6.20").name == "Triển khai nền tảng trợ lý ảo phục vụ công chức, viên chức"
    # names joined across page breaks; no achieved points anywhere
    assert rs.indicator("4.10").name == "Tỷ lệ người lao động được bồi dưỡng, tập huấn kỹ năng số"
    assert rs.section("2").name == "Thể chế số"  # <i>...</i> dropped
    text = (RULESETS / "tinh-2021.cds").read_text(encoding="utf-8")
    assert "Điểm đạt được" not in "\n".join(l for l in text.splitlines() if not l.startswith("#"))


@pytest.mark.parametrize("name", ["quang-tri-2022-so.cds", "quang-tri-2022-huyen.cds", "quang-tri-2022-xa.cds",
                                  "ha-noi-2024-thanh-pho.cds", "ha-noi-2024-huyen.cds", "tinh-2021.cds"])
def test_parent_maxima_equal_children(name):
    """Wherever an indicator has sub-items, its maximum is the sum of theirs (checked by hand above)."""
    rs = load(name)
    for ind in rs.indicators:
        kids = rs.children(ind.key)
        if kids:
            assert ind.max_points == sum(k.max_points for k in kids), (name, ind.id)
