from fractions import Fraction

from _checkutil import RATIO, codes, only

from cdsdsl.diagnostics.core import Severity


def test_overlap_same_points_is_information():
    d = only("CDS403", RATIO + "- Tỷ lệ>=80%: Điểm tối đa;\n- Tỷ lệ<=80%: Tỷ lệ/80%*Điểm tối đa", 20)[0]
    assert d.severity is Severity.INFO and d.hint() == "Nên viết `Tỷ lệ<80%` để các trường hợp không chồng lên nhau."
    assert not {"CDS402", "CDS403"} & set(codes(RATIO + "- Tỷ lệ>=80%: Điểm tối đa;\n- Tỷ lệ<80%: Tỷ lệ/80%*Điểm tối đa"))


def test_overlap_different_points_is_a_warning():
    d = only("CDS402", RATIO + "- Tỷ lệ>=80%: Điểm tối đa;\n- Tỷ lệ<=80%: Tỷ lệ*Điểm tối đa")[0]
    assert d.severity is Severity.WARNING and "(10 và 8)" in d.message()


def test_descending_levels_are_not_overlaps():
    text = RATIO + "- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ >= 50%: 1/2*Điểm tối đa\n- Tỷ lệ < 50%: 0 điểm"
    assert not {"CDS402", "CDS403", "CDS404"} & set(codes(text))
    assert Fraction(1) == 1
