"""`cds diff` and `cds compare`: one indicator set across two years (issue #16 item 4).

The "next year" is written here from the real huyện Ninh Thuận 2023 ruleset, as a new decision changes one:
indicator 3.1's threshold moves from 70% to 80% (in the decision's text and in the ruleset's correction),
indicator 2.3's maximum goes from 10 to 15, indicator 1.5 is dropped so that 1.6 becomes 1.5, and a new
indicator 2.11 is added.  The reports are asserted whole.
"""
from __future__ import annotations

import csv
import io
import json
import re
from fractions import Fraction

import pytest
from _cli_util import ROOT, cds

from cdsdsl.compare.diff import diff_rulesets, name_similarity, word_diff
from cdsdsl.compare.meaning import Stretch, meaning_changes
from cdsdsl.compare.report import diff_text
from cdsdsl.rulesets.model import load_ruleset

OLD = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
OLD_DATA = ROOT / "examples" / "huyen-ninh-thuan-2023" / "cohort.csv"
NEW_2_11 = """Chỉ số 2.11 | Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng | 10
Cách tính:
    a = Số hồ sơ công việc được xử lý trên môi trường mạng;
    b = Tổng số hồ sơ công việc;
    - Tỷ lệ = a/b
    - Điểm = Tỷ lệ*Điểm tối đa

"""


def _block(text: str, key: str) -> tuple[int, int]:
    start = text.index(f"\nChỉ số {key} |") + 1
    nxt = re.search(r"^(Chỉ số|Mục) ", text[start + 1:], flags=re.M)
    return start, start + 1 + nxt.start()


def next_year(text: str) -> str:
    s, e = _block(text, "3.1")
    text = text[:s] + text[s:e].replace("70%", "80%") + text[e:]
    text = text.replace("Chỉ số 2.3 | Kế hoạch hành động hằng năm của cấp Huyện về chuyển đổi số | 10",
                        "Chỉ số 2.3 | Kế hoạch hành động hằng năm của cấp Huyện về chuyển đổi số | 15")
    s, e = _block(text, "1.5")
    text = text[:s] + text[e:]
    text = text.replace("Chỉ số 1.6 |", "Chỉ số 1.5 |")
    s, e = _block(text, "2.10")
    return text[:e] + NEW_2_11 + text[e:]


@pytest.fixture()
def years(tmp_path):
    new = tmp_path / "huyen-ninh-thuan-2024.cds"
    new.write_text(next_year(OLD.read_text(encoding="utf-8")), encoding="utf-8")
    return OLD, new


EXPECTED_DIFF = """\
So sánh bộ chỉ số <OLD> → <NEW>
83 chỉ số giữ số thứ tự, 1 đổi số thứ tự, 1 thêm, 1 bỏ; 1 đổi điểm tối đa, 1 đổi cách tính

Chỉ số thêm:
  + 2.11 Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng (10 điểm)

Chỉ số bỏ:
  - 1.5 Hệ thống truyền thanh cơ sở có chuyên mục riêng về chuyển đổi số (10 điểm)

Chỉ số đổi số thứ tự (nhận theo tên):
  1.6 → 1.5 Tần suất hệ thống truyền thanh cơ sở phát sóng chuyên mục riêng về chuyển đổi số (tên giống 100%)

Điểm tối đa thay đổi:
  2.3 Kế hoạch hành động hằng năm của cấp Huyện về chuyển đổi số: 10 → 15

Cách tính thay đổi (văn bản, ý nghĩa):
  2.3 Kế hoạch hành động hằng năm của cấp Huyện về chuyển đổi số
    ý nghĩa: lựa chọn “Đã ban hành”: trước 10 điểm, nay 15 điểm
  3.1 Tỷ lệ dân số trưởng thành có điện thoại thông minh
    văn bản: + Tỷ lệ >= [-70%:-] {+80%:+} Điểm tối đa;
    văn bản: + Tỷ lệ < [-70%:-] {+80%:+} Điểm = Tỷ lệ*Điểm tối đa
    ý nghĩa: ngưỡng của Tỷ lệ dời từ 70% sang 80%
    ý nghĩa: khi 70% ≤ Tỷ lệ < 80%: trước 10 điểm, nay `Tỷ lệ * Điểm tối đa`

Điểm tối đa theo mục (trước → sau):
  Mục 1 Nhận thức số: 60 → 60 (các chỉ số cộng lại: 60 → 50)
  Mục 2 Thể chế số: 90 → 90 (các chỉ số cộng lại: 90 → 105)
  Mục 3 Hạ tầng số: 100 → 100
  Mục 4 Nhân lực số: 60 → 60
  Mục V An toàn thông tin mạng: 100 → 100 (các chỉ số cộng lại: 105 → 105)
  Mục 6 Hoạt động chính quyền số: 170 → 170
  Mục VII Hoạt động kinh tế số: 150 → 150
  Mục VIII Hoạt động xã hội số: 150 → 150
  Tổng (các chỉ số cộng lại): 885 → 890"""


def test_diff_of_a_real_ruleset_and_its_next_year_is_the_exact_report(years):
    old, new = years
    d = diff_rulesets(load_ruleset(old), load_ruleset(new))
    assert diff_text(d, "vi") == EXPECTED_DIFF.replace("<OLD>", str(old)).replace("<NEW>", str(new))
    # 1.6 -> 1.5 is only renumbered: its points are measured as before
    assert d.changed_keys("new") == {"2.3", "2.11", "3.1"}
    assert d.changed_keys("old") == {"1.5", "2.3", "3.1"}
    r = cds("diff", old, new)
    assert r.exit_code == 1 and r.stdout.rstrip("\n") == EXPECTED_DIFF.replace("<OLD>", str(old)).replace("<NEW>", str(new))
    r = cds("diff", old, new, "--lang", "en", "--format", "json")
    report = json.loads(r.stdout)
    assert report["summary"] == {"kept": 83, "renumbered": 1, "added": 1, "removed": 1}
    moved = next(i for i in report["indicators"] if i["new"] == "3.1")["meaning"][0]
    assert (moved["kind"], moved["old"], moved["new"]) == ("threshold_moved", "7/10", "4/5")
    assert moved["text"] == "a threshold of Tỷ lệ moved from 70% to 80%"
    r = cds("diff", old, old)
    assert r.exit_code == 0 and "0 đổi điểm tối đa, 0 đổi cách tính" in r.stdout


def test_the_meaning_of_a_change_is_read_from_the_cases_not_the_words():
    ten = Fraction(10)
    # the same cases written differently: no change in meaning
    assert meaning_changes("- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: Điểm = Tỷ lệ*Điểm tối đa", ten,
                           "- Tỷ lệ ≥ 80%: Điểm tối đa;\n- Tỷ lệ dưới 80%: Tỷ lệ x Điểm tối đa", ten, "3.3") == []
    # a count's levels: a threshold moved and a level added (Ninh Thuận 1.4's wording)
    old = "+ Từ 20 trở lên: điểm tối đa;\n+ Từ 10 đến 19: 1/2 Điểm tối đa;\n+ Dưới 10: 1/4 Điểm tối đa"
    new = "+ Từ 25 trở lên: điểm tối đa;\n+ Từ 10 đến 24: 1/2 Điểm tối đa;\n+ Dưới 10: 1/4 Điểm tối đa"
    found = meaning_changes(old, ten, new, ten, "1.4")
    # both numbers the text writes moved (19 -> 24 closes "Từ 10 đến 19", 20 -> 25 opens "Từ 20 trở lên"),
    # and the counts 20 to 24 now give half the points
    assert [(m.kind, m.old, m.new) for m in found if m.kind == "threshold_moved"] == \
        [("threshold_moved", 19, 24), ("threshold_moved", 20, 25)]
    assert [(m.stretch, m.before.value, m.after.value) for m in found if m.kind == "points"] == \
        [(Stretch(Fraction(20), True, Fraction(24), True), ten, Fraction(5))]
    assert len(found) == 3
    # options: a new option, and points of one changed
    opts = meaning_changes("- Đã ban hành: Điểm tối đa\n- Chưa ban hành: 0 điểm", ten,
                           "- Đã ban hành: 1/2*Điểm tối đa\n- Đang xây dựng: 1/4*Điểm tối đa\n- Chưa ban hành: 0 điểm",
                           ten, "2.1")
    assert [(m.kind, m.text, m.before and m.before.value, m.after and m.after.value) for m in opts] == [
        ("option_points", "Đã ban hành", ten, Fraction(5)), ("option_added", "Đang xây dựng", None, Fraction(5, 2))]
    # a text that does not read is said, not guessed
    assert [m.kind for m in meaning_changes("- Tỷ lệ >= 80%: Điểm tối đa", ten, "Tỷ lệ >= : :", ten, "9.9")] == \
        ["unreadable"]


def test_names_and_words():
    assert name_similarity("Tổ công nghệ số cộng đồng đến cấp xã", "Tổ công nghệ số cộng đồng đến mức xã") > 0.85
    assert name_similarity("Số lượng tên miền .vn", "Tỷ lệ hộ gia đình có cáp quang") < 0.3
    assert word_diff("- Tỷ lệ >= 70%: Điểm tối đa", "-  Tỷ lệ >= 70%:  Điểm tối đa") == ()
    assert word_diff("a = x;\n- Điểm = a", "a = x;\nb = y;\n- Điểm = a") == ("{+b = y;+}",)


def test_two_rulesets_with_nothing_in_common_is_a_located_refusal(tmp_path):
    other = tmp_path / "khac.cds"
    other.write_text("Bộ chỉ số: Bộ chỉ số khác\nVăn bản: Thử\n\nMục 1 | Môi trường | 10\n\n"
                     "Chỉ số 1.1 | Tỷ lệ chất thải rắn được thu gom | 10\nCách tính:\n    - Có: Điểm tối đa\n"
                     "    - Không: 0 điểm\n", encoding="utf-8")
    for lang, words in (("vi", "không có chỉ số chung nào"), ("en", "have no indicator in common")):
        r = cds("diff", OLD, other, "--lang", lang)
        assert r.exit_code == 2 and "[CDS908]" in r.stderr and words in r.stderr and str(other) in r.stderr
    r = cds("compare", OLD, OLD_DATA, other, OLD_DATA)
    assert r.exit_code == 2 and "[CDS908]" in r.stderr


def _next_year_data(path):
    """Last year's example cohort as next year's data: 1.6's column is now 1.5's, 2.11 filled in."""
    rows = [r for r in csv.reader(io.StringIO(OLD_DATA.read_text(encoding="utf-8"))) if r and not r[0].startswith("#")]
    head = rows[0]
    drop = head.index("1.5:lựa chọn")
    out = []
    for i, r in enumerate(rows):
        r = r[:drop] + r[drop + 1:]
        r = [c.replace("1.6:", "1.5:") for c in r] if i == 0 else r
        r += ["2.11:a", "2.11:b"] if i == 0 else [str(30 + i), "60"]
        out.append(r)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(out)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return rows


def test_compare_two_years_marks_the_indicators_whose_rule_changed(years, tmp_path):
    old, new = years
    data = tmp_path / "cohort-2024.csv"
    rows = _next_year_data(data)
    r = cds("compare", old, OLD_DATA, new, data, "--format", "json")
    assert r.exit_code in (0, 1), r.output
    report = json.loads(r.stdout)
    head = rows[0]
    for i, row in enumerate(rows[1:], start=1):
        unit = next(u for u in report["units"] if u["unit"] == row[0])
        changes = {(c["old_key"], c["new_key"]): c for c in unit["rule_changes"]}
        assert set(changes) == {("1.5", None), ("2.3", "2.3"), ("3.1", "3.1"), (None, "2.11")}
        # 2.11, new: a/b*10 with a = 30+i, b = 60 (hand computation from the data written above)
        assert Fraction(changes[(None, "2.11")]["new"]) == Fraction(30 + i, 60) * 10
        # 3.1: 70% ≤ Tỷ lệ < 80% gave 10 points and now gives Tỷ lệ × 10; elsewhere the same
        # (3.1's b is the population, asked once for the whole form: `Dùng thông tin chung: b = Dân số`)
        a, b = Fraction(row[head.index("3.1:a")]), Fraction(row[head.index("Thông tin chung:Dân số")])
        ratio = a / b
        before = Fraction(10) if ratio >= Fraction(7, 10) else ratio * 10
        after = Fraction(10) if ratio >= Fraction(8, 10) else ratio * 10
        assert (Fraction(changes[("3.1", "3.1")]["old"]), Fraction(changes[("3.1", "3.1")]["new"])) == (before, after)
        # the total's change is the sections' changes added up, and the rule changes are a part of it
        total = unit["total"]
        assert Fraction(total["change"]) == sum(Fraction(s["change"]) for s in unit["sections"])
        assert Fraction(unit["from_rule_changes"]) == sum(
            Fraction(c["new"] or 0) - Fraction(c["old"] or 0) for c in unit["rule_changes"])
    text = cds("compare", old, OLD_DATA, new, data).stdout
    assert "* 3.1 Tỷ lệ dân số trưởng thành có điện thoại thông minh (đổi cách tính)" in text
    assert "* 1.5 Hệ thống truyền thanh cơ sở có chuyên mục riêng về chuyển đổi số (chỉ số bỏ)" in text
    assert "(trước là 1.6)" not in text  # renumbered only: not a change of rule
    assert "* 2.3 Kế hoạch hành động hằng năm của cấp Huyện về chuyển đổi số (điểm tối đa 10 → 15)" in text
