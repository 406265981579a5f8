from _checkutil import RATIO, codes, only


def test_shadowed_case():
    text = RATIO + "- Tỷ lệ >= 50%: Điểm tối đa\n- Tỷ lệ >= 80%: 1/2*Điểm tối đa\n- Tỷ lệ < 50%: 0 điểm"
    d = only("CDS404", text)[0]
    assert d.source.excerpt(d.span) == "Tỷ lệ >= 80%: 1/2*Điểm tối đa"
    assert "`Tỷ lệ >= 50%` viết trước" in d.message()
    fixed = RATIO + "- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ >= 50%: 1/2*Điểm tối đa\n- Tỷ lệ < 50%: 0 điểm"
    assert "CDS404" not in codes(fixed)


def test_impossible_ratio():
    d = only("CDS404", RATIO + "- Tỷ lệ > 100%: Điểm tối đa\n- Tỷ lệ <= 100%: Tỷ lệ*Điểm tối đa")[0]
    assert "không có tỷ lệ từ 0% đến 100% nào" in d.message()
    assert "CDS404" not in codes(RATIO + "- Tỷ lệ = 100%: Điểm tối đa\n- Tỷ lệ < 100%: Tỷ lệ*Điểm tối đa")
