"""Every finding on huyện Ninh Thuận 2023 (the 85 formula cells of the corpus, and the transcribed ruleset).

Pinned: (indicator, code, the words under the span).  The mistakes of the language
brief §10 and the others of their kind: 3.1 unnamed variable recovered (CDS150),
3.3/7.3/7.6/7.8 missing `%` (CDS302), 5.12.4-5.12.6 `0,5` without `%` (CDS303),
6.10 unknown name with did-you-mean (CDS201), 5.12.2 levels out of order (CDS405),
3.6 a "whole" that is a minimum (b = ... tối thiểu ... (7)): the score has no upper
limit (CDS407), 8.2/8.5 `>=`/`<=` overlap with the same points (CDS403), jumps at
thresholds (CDS409), 8.6/8.7 ambiguous cohort method (CDS410), and from the structure
checks section V's sum and the orphans 5.12.x (CDS540, CDS544).
"""
from __future__ import annotations

import json
from pathlib import Path

from cdsdsl import check_formula
from cdsdsl.diagnostics.core import Severity

ROOT = Path(__file__).resolve().parents[1]
CORPUS_PATH = ROOT / "tests" / "data" / "seed-formulas.jsonl"
RULESET_PATH = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"

#: indicators whose text has a mistake (an error or a warning is expected)
MISTAKES = {"3.1", "3.3", "3.6", "5.12.2", "5.12.4", "5.12.5", "5.12.6", "6.10", "7.3", "7.6", "7.8", "8.6", "8.7"}
SET_LEVEL = ("CDS310", "CDS408", "CDS411")


def _words(d) -> str | None:
    if d.span is None or d.source is None:
        return None
    return " ".join(d.source.excerpt(d.span).split())[:60]


CORPUS = [
    ('1.1', 'CDS204', 'Trưởng ban là Bí thư/Chủ tịch cấp Huyện: Điểm tối đa - Trưởn'),
    ('1.2', 'CDS204', 'Bí thư/Chủ tịch chủ trì các cuộc họp về CĐS của Huyện: Điểm '),
    ('1.5', 'CDS204', 'Đã có: Điểm tối đa; - Chưa có: 0 điểm'),
    ('1.6', 'CDS204', 'Tần suất phát sóng từ 1 lần/1 tuần: Điểm tối đa; - Tần suất '),
    ('2.1', 'CDS204', 'Đã ban hành: Điểm tối đa - Chưa ban hành: 0 điểm'),
    ('2.2', 'CDS204', 'Đã ban hành: Điểm tối đa - Chưa ban hành: 0 điểm'),
    ('2.3', 'CDS204', 'Đã ban hành: Điểm tối đa - Chưa ban hành: 0 điểm'),
    ('2.4', 'CDS204', 'Đã triển khai: Điểm tối đa - Chưa triển khai: 0 điểm'),
    ('2.5', 'CDS204', 'Có tham gia: Điểm tối đa - Không tham gia: 0 điểm'),
    ('2.6', 'CDS204', 'Đã ban hành: Điểm tối đa - Chưa ban hành: 0 điểm'),
    ('2.7', 'CDS204', 'Có tổ chức: Điểm tối đa - Không tổ chức: 0 điểm'),
    ('2.8', 'CDS204', 'Đã ban hành: Điểm tối đa - Chưa ban hành: 0 điểm'),
    ('2.9', 'CDS204', 'Đã ban hành: Điểm tối đa - Chưa ban hành: 0 điểm'),
    ('2.10', 'CDS204', 'Đã ban hành: Điểm tối đa - Chưa ban hành: 0 điểm'),
    ('3.1', 'CDS150', '='),
    ('3.1', 'CDS409', 'Tỷ lệ < 70%: Điểm = Tỷ lệ*Điểm tối đa'),
    ('3.3', 'CDS302', 'Tỷ lệ <80'),
    ('3.3', 'CDS409', 'Tỷ lệ <80: Điểm = Tỷ lệ * điểm tối đa'),
    ('3.5', 'CDS204', 'Đã sử dụng Trung tâm dữ liệu phục vụ Chuyển đổi số theo hướn'),
    ('3.6', 'CDS407', 'Điểm=Tỷ lệ* 1/2*Điểm tối đa'),
    ('4.1', 'CDS204', 'Đã có Tổ công nghệ số cộng đồng đến mức xã: Điểm tối đa; - C'),
    ('4.2', 'CDS204', 'Đã có Tổ công nghệ số cộng đồng đến mức thôn, xóm: Điểm tối '),
    ('4.3', 'CDS203', 'g = Tỷ lệ công chức, viên chức chuyên trách, kiêm nhiệm về c'),
    ('4.3', 'CDS203', 'k= Tỷ lệ công chức, viên chức chuyên trách, kiêm nhiệm về ch'),
    ('4.4', 'CDS204', 'Có: Điểm tối đa - Không: 0 điểm'),
    ('4.7', 'CDS409', 'Tỷ lệ < 60%: Điểm=Tỷ lệ*Điểm tối đa'),
    ('5.12.2', 'CDS405', '≥ 3% mục 5.12.1'),
    ('5.12.4', 'CDS303', '≥ 0,5 mục 5.12.1'),
    ('5.12.4', 'CDS303', '< 0,5 mục 5.12.1'),
    ('5.12.5', 'CDS303', '≥ 0,5 mục 5.12.1'),
    ('5.12.5', 'CDS303', '< 0,5 mục 5.12.1'),
    ('5.12.6', 'CDS303', '≥ 0,5 mục 5.12.1'),
    ('5.12.6', 'CDS303', '< 0,5 mục 5.12.1'),
    ('6.1', 'CDS152', 'Đã chuyển đổi sang công nghệ IPv6: 1/5 *Điểm tối đa'),
    ('6.1', 'CDS204', 'Đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định:'),
    ('6.2', 'CDS204', 'Đã đáp ứng: 1/2*Điểm tối đa; - Chưa đáp ứng: 0 điểm'),
    ('6.10', 'CDS201', 'Tỷ lệ 1'),
    ('6.12', 'CDS204', 'Đã triển khai: Điểm tối đa; - Chưa triển khai: 0 điểm'),
    ('6.13', 'CDS204', 'Đã triển khai: Điểm tối đa; - Chưa triển khai: 0 điểm'),
    ('6.14', 'CDS204', 'Đã triển khai đến các cơ quan, đơn vị thuộc, trực thuộc: 1/2'),
    ('6.15', 'CDS204', 'Đã triển khai: Điểm tối đa; - Chưa triển khai: 0 điểm'),
    ('6.16', 'CDS204', 'Đã triển khai và có thể cá thể hóa theo nhu cầu của cá nhân:'),
    ('6.17', 'CDS204', 'Đã triển khai và có thể cá thể hóa theo nhu cầu của cá nhân:'),
    ('7.1', 'CDS409', 'Tỷ lệ < 20%: điểm = điểm tối đa * tỷ lệ'),
    ('7.2', 'CDS409', 'Tỷ lệ <5%: điểm = Điểm tối đa * tỷ lệ'),
    ('7.3', 'CDS302', 'Tỷ lệ < 10'),
    ('7.3', 'CDS409', 'Tỷ lệ < 10: điểm = điểm tối đa * tỷ lệ'),
    ('7.4', 'CDS409', 'Tỷ lệ <10%: điểm = Điểm tối đa * tỷ lệ'),
    ('7.5', 'CDS409', 'Tỷ lệ <50%: điểm = Điểm tối đa * tỷ lệ'),
    ('7.6', 'CDS302', 'Tỷ lệ <80'),
    ('7.6', 'CDS409', 'Tỷ lệ <80: điểm = Điểm tối đa * tỷ lệ'),
    ('7.8', 'CDS302', 'Tỷ lệ <50'),
    ('7.8', 'CDS409', 'Tỷ lệ <50: điểm = Điểm tối đa * tỷ lệ'),
    ('7.9', 'CDS409', 'Tỷ lệ <5%: điểm = Điểm tối đa * tỷ lệ'),
    ('7.10', 'CDS154', 'a. Tổng số tên miền .vn trên địa bàn'),
    ('7.10', 'CDS154', 'b. Tổng số doanh nghiệp trên địa bàn'),
    ('7.11', 'CDS409', 'Tỷ lệ <0.25%: điểm = Điểm tối đa * tỷ lệ'),
    ('7.12', 'CDS409', 'Tỷ lệ <0.25%: điểm = Điểm tối đa * tỷ lệ'),
    ('8.2', 'CDS403', 'Tỷ lệ<=80%'),
    ('8.5', 'CDS403', 'Tỷ lệ<=70%'),
    ('8.6', 'CDS410', 'Tính điểm theo phương pháp Min-Max dựa vào tỷ lệ của Huyện v'),
    ('8.7', 'CDS410', 'Tính điểm theo phương pháp Min-Max dựa vào tỷ lệ của Huyện v'),
]


def _corpus():
    return [json.loads(line) for line in CORPUS_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_finding_on_the_corpus_is_pinned():
    found = []
    for cell in _corpus():
        for d in check_formula(cell["formula"], cell["max"], item=cell["id"], title=cell["name"]):
            if d.code not in SET_LEVEL:
                found.append((cell["id"], d.code, _words(d)))
    assert found == CORPUS


def test_correct_indicators_get_no_errors_or_warnings():
    for cell in _corpus():
        diags = check_formula(cell["formula"], cell["max"], item=cell["id"], title=cell["name"])
        bad = [d.code for d in diags if d.severity is not Severity.INFO]
        if cell["id"] in MISTAKES:
            assert bad, cell["id"]
        else:
            assert not bad, (cell["id"], bad)


def test_brief_examples_messages():
    cells = {c["id"]: c for c in _corpus()}
    d = [x for x in check_formula(cells["3.3"]["formula"], 10) if x.code == "CDS302"][0]
    assert d.message() == ("thiếu dấu `%`: `Tỷ lệ <80` so sánh tỷ lệ với số 80 (= 8000%), nên điều kiện luôn đúng "
                           "với mọi tỷ lệ từ 0% đến 100%; có lẽ muốn viết 80%")
    assert d.hint() == "Viết `Tỷ lệ <80%`."
    d = [x for x in check_formula(cells["6.10"]["formula"], 5) if x.code == "CDS201"][0]
    assert d.hint() == "có phải là `Tỷ lệ`?"
    d = [x for x in check_formula(cells["7.1"]["formula"], 20) if x.code == "CDS409"][0]
    assert d.message() == ("điểm nhảy tại Tỷ lệ = 20%: ngay dưới ngưỡng được 4 điểm (giới hạn; ví dụ 19,9% → 3,98), "
                           "tại ngưỡng được 20 điểm")
    d = [x for x in check_formula(cells["5.12.2"]["formula"], 2) if x.code == "CDS405"][0]
    assert "Mức 2 (≥ 3% mục 5.12.1) đòi hỏi cao hơn Mức 1 (≥ 2,5% mục 5.12.1)" in d.message()
    d = [x for x in check_formula(cells["8.2"]["formula"], 20) if x.code == "CDS403"][0]
    assert d.severity is Severity.INFO and "(20)" in d.message()


def test_set_level_findings_once_per_call():
    cell = next(c for c in _corpus() if c["id"] == "3.7")
    diags = check_formula(cell["formula"], cell["max"], item="3.7")
    assert [d.code for d in diags].count("CDS310") == 1
    zero = next(d for d in diags if d.code == "CDS310")
    assert zero.arguments["count"] == 2 and "0 điểm kèm cảnh báo" in zero.message()


def test_ruleset_findings_are_pinned():
    from cdsdsl.rulesets.check import check_ruleset
    from cdsdsl.rulesets.model import load_ruleset

    found = [(d.item, d.code, d.severity.value, d.position[0] if d.position else None, _words(d))
             for d in check_ruleset(load_ruleset(RULESET_PATH))]
    assert found == RULESET


RULESET = [
    (None, 'CDS540', 'warning', 330, '100'),
    ('5.12.1', 'CDS544', 'warning', 422, 'Chỉ số 5.12.1 | Kinh phí chung chi cho ATTT | 5'),
    ('1.1', 'CDS204', 'info', 34, 'Trưởng ban là Bí thư/Chủ tịch cấp Huyện: Điểm tối đa - Trưởn'),
    ('1.2', 'CDS204', 'info', 42, 'Bí thư/Chủ tịch chủ trì các cuộc họp về CĐS của Huyện: Điểm '),
    ('1.5', 'CDS204', 'info', 68, 'Đã có: Điểm tối đa; - Chưa có: 0 điểm'),
    ('1.6', 'CDS204', 'info', 75, 'Tần suất phát sóng từ 1 lần/1 tuần: Điểm tối đa; - Tần suất '),
    ('2.1', 'CDS204', 'info', 86, 'Đã ban hành: Điểm tối đa - Chưa ban hành: 0 điểm'),
    ('2.2', 'CDS204', 'info', 93, 'Đã ban hành: Điểm tối đa - Chưa ban hành: 0 điểm'),
    ('2.3', 'CDS204', 'info', 100, 'Đã ban hành: Điểm tối đa - Chưa ban hành: 0 điểm'),
    ('2.4', 'CDS204', 'info', 107, 'Đã triển khai: Điểm tối đa - Chưa triển khai: 0 điểm'),
    ('2.5', 'CDS204', 'info', 114, 'Có tham gia: Điểm tối đa - Không tham gia: 0 điểm'),
    ('2.6', 'CDS204', 'info', 121, 'Đã ban hành: Điểm tối đa - Chưa ban hành: 0 điểm'),
    ('2.7', 'CDS204', 'info', 128, 'Có tổ chức: Điểm tối đa - Không tổ chức: 0 điểm'),
    ('2.8', 'CDS204', 'info', 135, 'Đã ban hành: Điểm tối đa - Chưa ban hành: 0 điểm'),
    ('2.9', 'CDS204', 'info', 142, 'Đã ban hành: Điểm tối đa - Chưa ban hành: 0 điểm'),
    ('2.10', 'CDS204', 'info', 149, 'Đã ban hành: Điểm tối đa - Chưa ban hành: 0 điểm'),
    ('3.1', 'CDS150', 'info', 161, '='),
    ('3.1', 'CDS409', 'info', 166, 'Tỷ lệ < 70%: Điểm = Tỷ lệ*Điểm tối đa'),
    ('3.1', 'CDS409', 'info', 173, 'Tỷ lệ < 70%: Điểm = Tỷ lệ*Điểm tối đa'),
    ('3.3', 'CDS302', 'info', 194, 'Tỷ lệ <80'),
    ('3.3', 'CDS409', 'info', 194, 'Tỷ lệ <80: Điểm = Tỷ lệ * điểm tối đa'),
    ('3.3', 'CDS409', 'info', 200, 'Tỷ lệ <80%: Điểm = Tỷ lệ * điểm tối đa'),
    ('3.5', 'CDS204', 'info', 216, 'Đã sử dụng Trung tâm dữ liệu phục vụ Chuyển đổi số theo hướn'),
    ('3.6', 'CDS407', 'warning', 231, 'Điểm=Tỷ lệ* 1/2*Điểm tối đa'),
    ('4.1', 'CDS204', 'info', 262, 'Đã có Tổ công nghệ số cộng đồng đến mức xã: Điểm tối đa; - C'),
    ('4.2', 'CDS204', 'info', 269, 'Đã có Tổ công nghệ số cộng đồng đến mức thôn, xóm: Điểm tối '),
    ('4.3', 'CDS203', 'info', 283, 'g = Tỷ lệ công chức, viên chức chuyên trách, kiêm nhiệm về c'),
    ('4.3', 'CDS203', 'info', 285, 'k= Tỷ lệ công chức, viên chức chuyên trách, kiêm nhiệm về ch'),
    ('4.4', 'CDS204', 'info', 292, 'Có: Điểm tối đa - Không: 0 điểm'),
    ('4.7', 'CDS409', 'info', 323, 'Tỷ lệ < 60%: Điểm=Tỷ lệ*Điểm tối đa'),
    ('5.12.2', 'CDS405', 'info', 439, '≥ 3% mục 5.12.1'),
    ('5.12.4', 'CDS303', 'info', 463, '≥ 0,5 mục 5.12.1'),
    ('5.12.4', 'CDS303', 'info', 464, '< 0,5 mục 5.12.1'),
    ('5.12.5', 'CDS303', 'info', 478, '≥ 0,5 mục 5.12.1'),
    ('5.12.5', 'CDS303', 'info', 479, '< 0,5 mục 5.12.1'),
    ('5.12.6', 'CDS303', 'info', 493, '≥ 0,5 mục 5.12.1'),
    ('5.12.6', 'CDS303', 'info', 494, '< 0,5 mục 5.12.1'),
    ('6.1', 'CDS152', 'info', 511, 'Đã chuyển đổi sang công nghệ IPv6: 1/5 *Điểm tối đa'),
    ('6.1', 'CDS204', 'info', 510, 'Đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định:'),
    ('6.2', 'CDS204', 'info', 522, 'Đã đáp ứng: 1/2*Điểm tối đa; - Chưa đáp ứng: 0 điểm'),
    ('6.10', 'CDS201', 'info', 609, 'Tỷ lệ 1'),
    ('6.12', 'CDS204', 'info', 632, 'Đã triển khai: Điểm tối đa; - Chưa triển khai: 0 điểm'),
    ('6.13', 'CDS204', 'info', 639, 'Đã triển khai: Điểm tối đa; - Chưa triển khai: 0 điểm'),
    ('6.14', 'CDS204', 'info', 646, 'Đã triển khai đến các cơ quan, đơn vị thuộc, trực thuộc: 1/2'),
    ('6.15', 'CDS204', 'info', 654, 'Đã triển khai: Điểm tối đa; - Chưa triển khai: 0 điểm'),
    ('6.16', 'CDS204', 'info', 662, 'Đã triển khai và có thể cá thể hóa theo nhu cầu của cá nhân:'),
    ('6.17', 'CDS204', 'info', 670, 'Đã triển khai và có thể cá thể hóa theo nhu cầu của cá nhân:'),
    ('7.1', 'CDS409', 'info', 698, 'Tỷ lệ < 20%: điểm = điểm tối đa * tỷ lệ'),
    ('7.2', 'CDS409', 'info', 708, 'Tỷ lệ <5%: điểm = Điểm tối đa * tỷ lệ'),
    ('7.3', 'CDS302', 'info', 718, 'Tỷ lệ < 10'),
    ('7.3', 'CDS409', 'info', 718, 'Tỷ lệ < 10: điểm = điểm tối đa * tỷ lệ'),
    ('7.3', 'CDS409', 'info', 724, 'Tỷ lệ < 10%: điểm = điểm tối đa * tỷ lệ'),
    ('7.4', 'CDS409', 'info', 735, 'Tỷ lệ <10%: điểm = Điểm tối đa * tỷ lệ'),
    ('7.5', 'CDS409', 'info', 745, 'Tỷ lệ <50%: điểm = Điểm tối đa * tỷ lệ'),
    ('7.6', 'CDS302', 'info', 755, 'Tỷ lệ <80'),
    ('7.6', 'CDS409', 'info', 755, 'Tỷ lệ <80: điểm = Điểm tối đa * tỷ lệ'),
    ('7.6', 'CDS409', 'info', 761, 'Tỷ lệ <80%: điểm = Điểm tối đa * tỷ lệ'),
    ('7.8', 'CDS302', 'info', 781, 'Tỷ lệ <50'),
    ('7.8', 'CDS409', 'info', 781, 'Tỷ lệ <50: điểm = Điểm tối đa * tỷ lệ'),
    ('7.8', 'CDS409', 'info', 787, 'Tỷ lệ <50%: điểm = Điểm tối đa * tỷ lệ'),
    ('7.9', 'CDS409', 'info', 798, 'Tỷ lệ <5%: điểm = Điểm tối đa * tỷ lệ'),
    ('7.10', 'CDS154', 'info', 804, 'a. Tổng số tên miền .vn trên địa bàn'),
    ('7.10', 'CDS154', 'info', 805, 'b. Tổng số doanh nghiệp trên địa bàn'),
    ('7.11', 'CDS409', 'info', 818, 'Tỷ lệ <0.25%: điểm = Điểm tối đa * tỷ lệ'),
    ('7.12', 'CDS409', 'info', 828, 'Tỷ lệ <0.25%: điểm = Điểm tối đa * tỷ lệ'),
    ('8.2', 'CDS403', 'info', 853, 'Tỷ lệ<=80%'),
    ('8.5', 'CDS403', 'info', 885, 'Tỷ lệ<=70%'),
    (None, 'CDS310', 'info', 51, 'a/b'),
    (None, 'CDS408', 'info', 51, 'Tỷ lệ=a/b'),
    (None, 'CDS411', 'info', 286, 'Điểm = (g*h)/k'),
]
