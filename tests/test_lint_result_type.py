from _checkutil import RATIO, codes, only


def test_ratio_result_is_not_points():
    d = only("CDS301", RATIO + "Điểm = Tỷ lệ")[0]
    assert d.message() == "kết quả `Tỷ lệ` là tỷ lệ, không phải điểm"
    assert d.hint() == "Nhân với điểm tối đa: `Tỷ lệ * Điểm tối đa`."


def test_points_result_is_fine():
    assert "CDS301" not in codes(RATIO + "Điểm = Tỷ lệ * Điểm tối đa")
    assert "CDS301" not in codes(RATIO + "Điểm = Tỷ lệ * 1/2 * Điểm tối đa")
    assert "CDS301" not in codes("- Đã ban hành: Điểm tối đa\n- Chưa ban hành: 0 điểm")
