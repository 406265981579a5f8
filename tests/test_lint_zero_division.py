from _checkutil import RATIO, codes, only


def test_once_per_formula_set():
    text = ("1. A\n- a= Số lượng A;\n- b= Tổng số A;\n- Tỷ lệ=a/b;\n- Điểm=Tỷ lệ* 1/2*Điểm tối đa\n"
            "2. B\n- c= Số lượng B;\n- d= Tổng số B;\n- Tỷ lệ=c/d;\n- Điểm=Tỷ lệ* 1/2*Điểm tối đa")
    found = only("CDS310", text)
    assert len(found) == 1 and found[0].arguments["count"] == 2
    assert "chỉ số được 0 điểm kèm cảnh báo" in found[0].message()


def test_no_division_by_an_input():
    assert "CDS310" not in codes("- Đã ban hành: Điểm tối đa\n- Chưa ban hành: 0 điểm")
    assert "CDS310" not in codes(RATIO.replace("Tỷ lệ = a/b", "Tỷ lệ = a/100") + "Điểm = Tỷ lệ*Điểm tối đa")
