from _checkutil import RATIO, codes, only


def test_jump_at_threshold():
    text = RATIO + "Tỷ lệ ≥ 20%: điểm tối đa\nTỷ lệ < 20%: điểm = điểm tối đa * tỷ lệ"
    d = only("CDS409", text, 20)[0]
    assert d.arguments["below"] == "4" and d.arguments["at"] == "20"
    assert d.source.excerpt(d.span) == "Tỷ lệ < 20%: điểm = điểm tối đa * tỷ lệ"
    assert d.hint() == "Nếu không cố ý, dùng công thức liên tục, ví dụ `Tỷ lệ/20%*Điểm tối đa`."
    assert "CDS409" not in codes(RATIO + "Tỷ lệ ≥ 20%: điểm tối đa\nTỷ lệ < 20%: điểm = Tỷ lệ/20%*Điểm tối đa", 20)


def test_integer_subject_uses_previous_integer():
    text = "- Số bài viết:\n+ Từ 20 trở lên: điểm tối đa\n+ Dưới 20: x/40*Điểm tối đa"
    d = only("CDS409", text)
    assert d and d[0].arguments["below"] == "4,75" and d[0].arguments["at"] == "10"


def test_steps_between_fixed_levels_are_not_reported():
    assert "CDS409" not in codes(RATIO + "- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: 0 điểm")
