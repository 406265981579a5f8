from _checkutil import RATIO, codes, only


def test_ratio_result_is_not_points():
    d = only("CDS301", RATIO + "Điểm = Tỷ lệ")[0]
    assert d.message() == "kết quả `Tỷ lệ` là tỷ lệ, không phải điểm"
    assert d.hint() == "Nhân với điểm tối đa: `Tỷ lệ * Điểm tối đa`."


def test_points_result_is_fine():
    assert "CDS301" not in codes(RATIO + "Điểm = Tỷ lệ * Điểm tối đa")
    assert "CDS301" not in codes(RATIO + "Điểm = Tỷ lệ * 1/2 * Điểm tối đa")
    assert "CDS301" not in codes("- Đã ban hành: Điểm tối đa\n- Chưa ban hành: 0 điểm")


def test_ratio_times_a_number_of_points_is_points():
    # decisions often write the maximum as a number: `Điểm = Tỷ lệ x 10`
    assert "CDS301" not in codes(RATIO + "Điểm = Tỷ lệ * 10")
    assert "CDS301" in codes(RATIO + "Điểm = Tỷ lệ * 1")  # 1 is not a number of points


def test_percent_points_ratio_compared_with_bare_numbers():
    # `Tỷ lệ (%) = a/b x 100` then thresholds without `%`: consistent, no slip, result is points
    text = RATIO.replace("Tỷ lệ = a/b", "Tỷ lệ = a/b * 100") + "- Tỷ lệ >= 80: 10 điểm\n- Tỷ lệ < 80: Tỷ lệ/80 * 10"
    assert "Tỷ lệ = a/b * 100" in text
    assert not {"CDS301", "CDS302"} & set(codes(text))
