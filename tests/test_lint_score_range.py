from _checkutil import RATIO, codes, only


def test_ratio_over_threshold_without_cap():
    d = only("CDS407", RATIO + "Điểm = Tỷ lệ/80%*Điểm tối đa")[0]
    assert "tới 12,5 điểm, vượt 2,5 so với 10" in d.message()
    assert "CDS407" not in codes(RATIO + "- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: Tỷ lệ/80%*Điểm tối đa")


def test_whole_that_is_a_minimum():
    text = ("a= Số lượng nền tảng số đã triển khai;\nb=Số lượng nền tảng số tối thiểu theo danh mục yêu cầu (7);\n"
            "Tỷ lệ=a/b;\nĐiểm=Tỷ lệ*Điểm tối đa")
    d = only("CDS407", text)[0]
    assert "không có giới hạn trên" in d.message() and "b là mức tối thiểu" in d.message()
    assert "CDS407" not in codes(text.replace("tối thiểu theo danh mục yêu cầu (7)", "trên địa bàn"))


def test_part_whole_is_a_data_check():
    d = only("CDS408", RATIO + "Điểm = Tỷ lệ*Điểm tối đa")[0]
    assert d.arguments["examples"] == "a ≤ b"
    assert "CDS407" not in codes(RATIO + "Điểm = Tỷ lệ*Điểm tối đa")


def test_per_item_needs_a_cap():
    assert "CDS407" in codes("- Mỗi hoạt động hiệu quả: 1 điểm")
    assert "CDS407" not in codes("- Mỗi hoạt động hiệu quả: 1 điểm\n- Tổng điểm không quá Điểm tối đa")
