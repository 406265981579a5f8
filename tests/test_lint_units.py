from _checkutil import codes, only


def test_count_plus_money():
    text = ("a = Số lượng doanh nghiệp\nb = Tổng kinh phí (triệu đồng)\nc = Tổng số doanh nghiệp\n"
            "Tỷ lệ = (a+b)/c\nĐiểm = Tỷ lệ*Điểm tối đa")
    d = only("CDS304", text)[0]
    assert d.source.excerpt(d.span) == "a+b"
    ok = text.replace("b = Tổng kinh phí (triệu đồng)", "b = Số lượng hợp tác xã")
    assert "CDS304" not in codes(ok)


def test_trieu_over_ty_is_converted_not_refused():
    """#17 turned this refusal into an exact conversion: b (tỷ đồng) × 1 000 is in triệu đồng like a (note CDS330,
    tests/test_units_money_scales.py computes the points); a scale that cannot be converted is still CDS305."""
    text = "a = Kinh phí cho ATTT (triệu đồng)\nb = Tổng kinh phí CNTT (tỷ đồng)\nTỷ lệ = a/b\nĐiểm = Tỷ lệ*Điểm tối đa"
    assert "CDS305" not in codes(text) and "CDS330" in codes(text)
    d = only("CDS305", text.replace("(tỷ đồng)", "(USD)"))[0]
    assert "không đổi được đơn vị" in d.message()
    assert d.source.excerpt(d.span) == "a/b"


def test_trieu_plus_ty():
    """a + b with b in tỷ đồng: converted (CDS330 at b); with b in USD: refused at `a+b` (CDS305)."""
    text = ("a = Kinh phí A (triệu đồng)\nb = Tổng kinh phí B (tỷ đồng)\nc = Tổng kinh phí (triệu đồng)\n"
            "Tỷ lệ = (a+b)/c\nĐiểm = Tỷ lệ*Điểm tối đa")
    assert "CDS305" not in codes(text)
    assert only("CDS330", text)[0].source.excerpt(only("CDS330", text)[0].span) == "b"
    usd = text.replace("(tỷ đồng)", "(USD)")
    assert only("CDS305", usd)[0].source.excerpt(only("CDS305", usd)[0].span) == "a+b"
    assert "CDS305" not in codes(text.replace("(tỷ đồng)", "(triệu đồng)"))
