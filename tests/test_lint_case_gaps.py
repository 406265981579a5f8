from _checkutil import RATIO, codes, only


def test_gap_between_strict_thresholds():
    d = only("CDS401", RATIO + "- Tỷ lệ > 80%: Điểm tối đa\n- Tỷ lệ < 80%: Tỷ lệ*Điểm tối đa")[0]
    assert d.message() == "không trường hợp nào áp dụng khi Tỷ lệ = 80%"
    assert "CDS401" not in codes(RATIO + "- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: Tỷ lệ*Điểm tối đa")


def test_counts_are_whole_numbers():
    counts = "- Số bài viết đạt:\n+ Từ 20 trở lên: điểm tối đa;\n+ Từ 10 đến 19: 1/2 Điểm tối đa;\n+ Dưới 10: 1/4 Điểm tối đa"
    assert "CDS401" not in codes(counts)
    money = "Đơn vị triệu đồng\n" + counts.replace("Số bài viết", "Kinh phí")
    d = only("CDS401", money)[0]
    assert "= 19,5 (mọi giá trị lớn hơn 19 và nhỏ hơn 20)" in d.message()
