from _checkutil import RATIO, codes, only

LEVELS = ("Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này.\nMức 2: ≥ {x}% mục 5.12.1: 70% điểm phần này.\n"
          "Mức 3: ≥ 1% mục 5.12.1: 30% điểm phần này\nMức 4: < 1% mục 5.12.1: 0% điểm phần này\nĐơn vị triệu đồng")


def test_levels_out_of_order():
    d = only("CDS405", LEVELS.format(x="3"), 2)[0]
    assert d.source.excerpt(d.span) == "≥ 3% mục 5.12.1"
    assert d.message() == ("các mức không theo thứ tự: Mức 2 (≥ 3% mục 5.12.1) đòi hỏi cao hơn Mức 1 "
                           "(≥ 2,5% mục 5.12.1) nên không bao giờ đạt được")
    assert "cao hơn ngưỡng của Mức 3 (1% mục 5.12.1)" in d.hint()
    assert "CDS405" not in codes(LEVELS.format(x="2"), 2)


def test_level_numbering():
    text = RATIO + "Thang điểm:\nMức 1 ≥ 10% (điểm tối đa)\nMức 3 ≥ 3% (30% điểm)\nMức 4 <3% (0 điểm)"
    d = only("CDS406", text)[0]
    assert d.arguments["found"] == "1, 3, 4" and d.arguments["missing"] == "2"
    assert "CDS406" not in codes(text.replace("Mức 3", "Mức 2").replace("Mức 4", "Mức 3"))
