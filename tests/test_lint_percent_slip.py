from _checkutil import RATIO, codes, findings, only

LEVELS = ("Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này.\nMức 2: ≥ 1,5% mục 5.12.1: 70% điểm phần này.\n"
          "Mức 3: ≥ {x} mục 5.12.1: 30% điểm phần này\nMức 4: < {x} mục 5.12.1: 0% điểm phần này\nĐơn vị triệu đồng")


def test_ratio_compared_with_bare_number():
    text = RATIO + "- Tỷ lệ ≥ 80%: Điểm tối đa\n- Tỷ lệ <80: Điểm = Tỷ lệ * điểm tối đa"
    assert ("CDS302", "Tỷ lệ <80") in findings(text)
    d = only("CDS302", text)[0]
    assert "điều kiện luôn đúng" in d.message() and d.hint() == "Viết `Tỷ lệ <80%`."
    assert "condition holds for every ratio" in d.message("en")


def test_with_percent_no_slip():
    assert "CDS302" not in codes(RATIO + "- Tỷ lệ ≥ 80%: Điểm tối đa\n- Tỷ lệ <80%: Điểm = Tỷ lệ * điểm tối đa")


def test_count_compared_with_number_is_not_a_slip():
    assert "CDS302" not in codes("- Số bài viết:\n+ Từ 20 trở lên: điểm tối đa\n+ Dưới 20: 0 điểm")


def test_ratio_divided_by_bare_number():
    text = RATIO + "- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: Tỷ lệ/80*Điểm tối đa"
    assert ("CDS302", "Tỷ lệ/80") in findings(text)
    assert "CDS302" not in codes(RATIO + "- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: Tỷ lệ/80%*Điểm tối đa")
    assert "CDS302" not in codes(RATIO + "Điểm = Tỷ lệ * 1/2 * Điểm tối đa")


def test_small_number_among_percent_levels():
    text = LEVELS.format(x="0,5")
    found = findings(text, 2)
    assert ("CDS303", "≥ 0,5 mục 5.12.1") in found and ("CDS303", "< 0,5 mục 5.12.1") in found
    d = only("CDS303", text, 2)[0]
    assert "nghĩa là 50% của mục 5.12.1" in d.message() and d.hint() == "Viết `≥ 0,5% mục 5.12.1`."
    assert "CDS303" not in codes(LEVELS.format(x="0,5%"), 2)
