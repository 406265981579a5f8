from _checkutil import codes, only


def test_count_plus_money():
    text = ("a = Số lượng doanh nghiệp\nb = Tổng kinh phí (triệu đồng)\nc = Tổng số doanh nghiệp\n"
            "Tỷ lệ = (a+b)/c\nĐiểm = Tỷ lệ*Điểm tối đa")
    d = only("CDS304", text)[0]
    assert d.source.excerpt(d.span) == "a+b"
    ok = text.replace("b = Tổng kinh phí (triệu đồng)", "b = Số lượng hợp tác xã")
    assert "CDS304" not in codes(ok)


def test_trieu_and_ty_without_conversion():
    text = "a = Kinh phí cho ATTT (triệu đồng)\nb = Tổng kinh phí CNTT (tỷ đồng)\nTỷ lệ = a/b\nĐiểm = Tỷ lệ*Điểm tối đa"
    d = only("CDS305", text)[0]
    assert "sai 1 000 lần" in d.message()
    assert "CDS305" not in codes(text.replace("(tỷ đồng)", "(triệu đồng)"))


def test_trieu_plus_ty():
    text = ("a = Kinh phí A (triệu đồng)\nb = Kinh phí B (tỷ đồng)\nc = Tổng kinh phí (triệu đồng)\n"
            "Tỷ lệ = (a+b)/c\nĐiểm = Tỷ lệ*Điểm tối đa")
    assert only("CDS305", text)[0].source.excerpt(only("CDS305", text)[0].span) == "a+b"
    assert "CDS305" not in codes(text.replace("(tỷ đồng)", "(triệu đồng)"))
