from _checkutil import codes, only

AMBIGUOUS = "Tính điểm theo phương pháp Min-Max dựa vào tỷ lệ của Huyện với Huyện chi cao nhất"


def test_ambiguous_cohort_method():
    d = only("CDS410", AMBIGUOUS, 20)[0]
    assert "Phương pháp: min-max" in d.hint()
    assert "CDS410" not in codes(AMBIGUOUS, 20, cohort_method="min_max")
    assert "CDS410" not in codes("Tính điểm theo phương pháp Min-Max dựa vào đơn vị nào nhiều cuộc diễn tập nhất", 5)


def test_cohort_needs_all_units():
    assert "CDS411" in codes(AMBIGUOUS, 20)
    assert "CDS411" not in codes("- Đã ban hành: Điểm tối đa\n- Chưa ban hành: 0 điểm")
