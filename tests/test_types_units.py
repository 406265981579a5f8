"""Types that know what is counted (issue #17) and one policy for a > b (issue #12, items 2 and 5).

Each rule is tried on several wordings as decisions write them: the dimension read from the words,
ratios of one thing to a subset of it (a > b is a data error) against rates of two things (people per
household: may exceed 100%), sums and comparisons across dimensions, and units in parentheses that
decide how a figure is read (``(giờ)`` takes ``12,5``, ``(%)`` takes ``45`` and ``45%`` alike).
"""
from __future__ import annotations

from decimal import Decimal

import pytest

import cdsdsl
from cdsdsl.diagnostics.core import DataError
from cdsdsl.semantics.dimensions import infer_dimension, paren_unit, parse_declared
from cdsdsl.semantics.resolve import resolve
from cdsdsl.syntax.parser import parse_formula


def codes(text: str, mp: int = 10) -> list[str]:
    return [d.code for d in cdsdsl.check_formula(text, mp)]


def found(code: str, text: str, mp: int = 10) -> list:
    return [d for d in cdsdsl.check_formula(text, mp) if d.code == code]


def both_backends(text: str, inputs: dict, mp: int = 10) -> Decimal:
    """The points by the interpreter and by the compiled code: they must agree."""
    interpreted = cdsdsl.evaluate_formula(text, mp, inputs)
    compiled = cdsdsl.compile_formula(text, mp)(inputs)
    assert interpreted == compiled
    return interpreted


# ------------------------------------------------------------------ what the words count

@pytest.mark.parametrize("description, kind, label", [
    ("Số người dân có tài khoản ngân hàng", "count", "số người"),
    ("Tổng dân số từ 15 tuổi trở lên", "count", "số người"),
    ("Số lượng người dùng có tài khoản định danh điện tử", "count", "số người"),
    ("Tổng số hộ gia đình của cấp huyện", "count", "số hộ gia đình"),
    ("Số hộ dân có địa chỉ số", "count", "số hộ gia đình"),
    ("Số lượng CBCCVC được tập huấn", "count", "số cán bộ, công chức, viên chức"),
    ("Tổng số công chức, viên chức trên địa bàn", "count", "số cán bộ, công chức, viên chức"),
    ("Số TTHC có phát sinh hồ sơ trực tuyến", "count", "số thủ tục hành chính"),
    ("Tổng số DVCTT mức 4", "count", "số thủ tục hành chính"),
    ("Số văn bản đã ký số", "count", "số văn bản"),
    ("Số lượng bưu gửi chuyển phát qua Bưu điện", "count", "số bưu gửi chuyển phát"),
    ("Tổng kinh phí chi cho CĐS (triệu đồng)", "money", "triệu đồng"),
    ("Giá trị tăng thêm của kinh tế số (tỷ đồng)", "money", "tỷ đồng"),
    ("Thời gian xử lý trung bình (giờ)", "number", "giờ"),
    ("Thời gian giải quyết (ngày làm việc)", "number", "ngày"),
    ("Băng thông kết nối (Mbps)", "number", "Mbps"),
])
def test_the_dimension_is_read_from_the_words(description, kind, label):
    program = resolve(parse_formula(f"a = {description}\nĐiểm = a * 0"), 10)
    spec = program.input("a")
    assert spec.kind == kind
    assert spec.dimension.label() == label


def test_unknown_nouns_are_counts_of_their_words_and_english_names_the_lexicon():
    d = infer_dimension("Tổng số tên miền .vn trên địa bàn", None, "count")
    assert (d.what, d.qualifiers, d.label("en")) == ("tên miền .vn", "trên địa bàn", "number of “tên miền .vn”")
    assert infer_dimension("Tổng số hộ gia đình", None, "count").label("en") == "number of households"
    assert paren_unit("Kinh phí (cả chi thường xuyên) (triệu đồng)") == "triệu đồng"
    assert paren_unit("Số lượng nền tảng tối thiểu (7)") is None


# ------------------------------------------------------------------ part of a whole or a rate

RATE_CELLS = [
    # #17 "Why": people per household, with a level above 100%
    ("a = Số người dân có tài khoản ngân hàng; b = Tổng số hộ gia đình; Tỷ lệ = a/b; "
     "Tỷ lệ >= 200%: Điểm tối đa; Tỷ lệ < 200%: 0 điểm", {"a": 5000, "b": 1200}, "10.00"),
    ("a = Số giao dịch thanh toán không dùng tiền mặt; b = Tổng dân số; - Tỷ lệ = a/b\n"
     "- Tỷ lệ ≥ 150%: Điểm tối đa\n- Tỷ lệ < 150%: Tỷ lệ/150% * Điểm tối đa", {"a": 900, "b": 1000}, "6.00"),
    ("a = Tổng số tên miền .vn trên địa bàn\nb = Tổng số doanh nghiệp trên địa bàn\nTỷ lệ = a/b\n"
     "- Tỷ lệ >= 100%: Điểm tối đa\n- Tỷ lệ < 100%: Tỷ lệ * Điểm tối đa", {"a": 30, "b": 12}, "10.00"),
]


@pytest.mark.parametrize("text, inputs, points", RATE_CELLS)
def test_a_rate_of_two_things_may_exceed_100_percent(text, inputs, points):
    assert "CDS404" not in codes(text)  # `>= 200%` is reachable: people per household is no share
    assert "CDS408" not in codes(text)
    assert both_backends(text, inputs) == Decimal(points)


SUBSET_WRITINGS = [
    "a = Số văn bản đã ký số; b = Tổng số văn bản đi; Tỷ lệ = a/b; Điểm = Tỷ lệ * Điểm tối đa",
    "a = Số văn bản đã ký số; b = Tổng số văn bản đi; Điểm = a/b*Điểm tối đa",
    "a = Số văn bản đã ký số; b = Tổng số văn bản đi; Điểm = (a/b) x Điểm tối đa",
    "a = Số văn bản đã ký số; b = Tổng số văn bản đi; Tỷ lệ = a/b\n- Tỷ lệ >= 80%: Điểm tối đa\n"
    "- Tỷ lệ < 80%: Tỷ lệ * Điểm tối đa",
]


@pytest.mark.parametrize("text", SUBSET_WRITINGS)
def test_a_subset_larger_than_its_whole_is_refused_however_the_ratio_is_written(text):
    with pytest.raises(DataError) as exc:
        cdsdsl.evaluate_formula(text, 10, {"a": 12, "b": 10})
    d = exc.value.diagnostics[0]
    assert d.code == "CDS614" and "12" in d.message() and "10" in d.message()
    with pytest.raises(DataError):
        cdsdsl.compile_formula(text, 10)({"a": 12, "b": 10})
    assert both_backends(text, {"a": 5, "b": 10}) == Decimal("5.00")
    # the checker says the same: the score stays within [0, 10] because a <= b is checked on the data
    assert "CDS407" not in codes(text)
    assert "CDS408" in codes(text)


@pytest.mark.parametrize("text", [
    "a = Số người dân có tài khoản ngân hàng; b = Tổng số hộ gia đình; Điểm = a/b*Điểm tối đa",
    "a = Số người dân có tài khoản ngân hàng; b = Tổng số hộ gia đình; Điểm = (a/b) x Điểm tối đa",
    "a = Số người dân có tài khoản ngân hàng; b = Tổng số hộ gia đình; Tỷ lệ = a/b; Điểm = Tỷ lệ * Điểm tối đa",
])
def test_a_rate_is_not_refused_however_it_is_written(text):
    assert both_backends(text, {"a": 5000, "b": 1200}) == Decimal("10.00")  # capped at the maximum
    assert "CDS407" in codes(text)  # and the checker says the points can exceed it


# ------------------------------------------------------------------ sums and comparisons

@pytest.mark.parametrize("text, excerpt", [
    ("a = Số cán bộ được tập huấn; b = Tổng số cán bộ; Tỷ lệ = a/b; Điểm = (a + Tỷ lệ) * Điểm tối đa",
     "a + Tỷ lệ"),
    ("a = Số lượng hồ sơ trực tuyến; Điểm = Điểm tối đa - a", "Điểm tối đa - a"),
    ("a = Kinh phí chi cho CĐS (triệu đồng); Điểm = a + 2 điểm", "a + 2 điểm"),
])
def test_quantities_of_different_kinds_do_not_add_up(text, excerpt):
    d = found("CDS304", text)
    assert d and d[0].source.excerpt(d[0].span) == excerpt


def test_counts_of_different_things_do_not_add_up_but_synonyms_do():
    text = ("a = Số người dân có tài khoản ngân hàng\nb = Số hộ gia đình có địa chỉ số\nc = Tổng dân số\n"
            "Tỷ lệ = (a + b)/c\nĐiểm = Tỷ lệ*Điểm tối đa")
    d = found("CDS311", text)[0]
    assert "số người" in d.message() and "số hộ gia đình" in d.message()
    assert "number of households" in d.message("en")
    same = ("a = Số công chức chuyên trách; b = Số viên chức kiêm nhiệm; c = Tổng số CBCCVC\n"
            "Tỷ lệ = (a + b)/c\nĐiểm = Tỷ lệ*Điểm tối đa")
    assert "CDS311" not in codes(same)
    accounts = ("a = Số tài khoản của người dân; b = Số tài khoản của doanh nghiệp; c = Tổng số tài khoản\n"
                "Tỷ lệ = (a + b)/c\nĐiểm = Tỷ lệ*Điểm tối đa")
    assert "CDS311" not in codes(accounts)
    # nouns outside the lexicon may be a real total (enterprises and cooperatives): no finding
    unknown = ("a = Số hợp tác xã nông nghiệp; b = Số trang trại; c = Tổng số cơ sở sản xuất\n"
               "Tỷ lệ = (a + b)/c\nĐiểm = Tỷ lệ*Điểm tối đa")
    assert "CDS311" not in codes(unknown)


@pytest.mark.parametrize("text, dim", [
    ("a = Số lượng cuộc họp; - a >= 10%: Điểm tối đa; - a < 10%: 0 điểm", "số cuộc họp"),
    ("a = Số lượng tin bài về chuyển đổi số\n- a từ 5% trở lên: Điểm tối đa\n- a < 5%: 0 điểm", "số tin bài"),
    ("a = Kinh phí chi cho CĐS (triệu đồng); b = Tổng số cán bộ; Tỷ lệ = a/b; "
     "Tỷ lệ >= 80%: Điểm tối đa; Tỷ lệ < 80%: 0 điểm", "triệu đồng/cán bộ, công chức, viên chức"),
    ("a = Thời gian xử lý trung bình (giờ); - a <= 50%: Điểm tối đa; - a > 50%: 0 điểm", "giờ"),
])
def test_a_count_or_an_amount_is_not_compared_with_a_percentage(text, dim):
    d = found("CDS312", text)
    assert d and d[0].severity.value == "error"
    assert f"({dim})" in d[0].message()
    assert "bỏ dấu %" in d[0].hint()


def test_shares_and_rates_of_counts_may_be_compared_with_percentages():
    for text in ["a = Số hộ có cáp quang; b = Tổng số hộ; Tỷ lệ = a/b; Tỷ lệ >= 80%: Điểm tối đa; Tỷ lệ < 80%: 0 điểm",
                 RATE_CELLS[0][0], "- Từ 80% trở lên: Điểm tối đa\n- Dưới 80%: 0 điểm",
                 "a = Số lượng cuộc họp; - a >= 10: Điểm tối đa; - a < 10: 0 điểm"]:
        assert "CDS312" not in codes(text)


# ------------------------------------------------------------------ units in parentheses decide the reading

def test_money_and_hours_take_decimals_counts_of_people_do_not():
    money = "a = Tổng kinh phí chi cho CĐS (triệu đồng)\n- a >= 12,5: Điểm tối đa\n- a < 12,5: 0 điểm"
    hours = "a = Số giờ trực tuyến trung bình (giờ)\n- a >= 12,5: Điểm tối đa\n- a < 12,5: 0 điểm"
    for text in (money, hours):
        assert both_backends(text, {"a": "12,5"}) == Decimal("10.00")
        assert both_backends(text, {"a": "12,4"}) == Decimal("0.00")
    people = "a = Số cán bộ chuyên trách (người)\n- a >= 3: Điểm tối đa\n- a < 3: 0 điểm"
    with pytest.raises(DataError) as exc:
        cdsdsl.evaluate_formula(people, 10, {"a": "2,5"})
    assert exc.value.diagnostics[0].code == "CDS604"


@pytest.mark.parametrize("value", ["45", "45%", 45, "45,0", "45 %"])
def test_an_input_declared_in_percent_takes_45_and_45_percent_alike(value):
    text = "a = Tỷ lệ hồ sơ trực tuyến (%)\n- a >= 45%: Điểm tối đa\n- a < 45%: a/45% * Điểm tối đa"
    assert both_backends(text, {"a": value}) == Decimal("10.00")
    assert both_backends(text, {"a": "9"}) == Decimal("2.00")


# ------------------------------------------------------------------ declared types

def test_declared_types_are_read_and_bad_entries_kept_apart():
    from cdsdsl.semantics.typedecl import parse_types

    types, bad = parse_types("a = số người dân; b = số hộ gia đình\nTỉ lệ = tỷ suất; c = triệu đồng; d = ???")
    assert types["a"].label() == "số người" and types["b"].label() == "số hộ gia đình"
    assert types["Tỷ lệ"] == "rate" and types["c"].unit == "triệu đồng"
    assert bad == ["d = ???"]
    assert parse_declared("phần của tổng") == "part"


def test_a_declared_rate_wins_and_a_declared_dimension_is_noted_where_the_words_differ():
    text = "a = Số văn bản đã ký số; b = Tổng số văn bản; Tỷ lệ = a/b; Tỷ lệ >= 100%: Điểm tối đa; Tỷ lệ < 100%: 0 điểm"
    program = resolve(parse_formula(text), 10, types={"Tỷ lệ": "rate"})
    assert not program.part_wholes and program.rates
    plain = resolve(parse_formula(text), 10)
    assert plain.part_wholes and not plain.rates
    declared = resolve(parse_formula(text), 10, types={"a": parse_declared("số hộ gia đình")})
    assert declared.input("a").dimension.label() == "số hộ gia đình"
    note = [d for d in declared.diagnostics if d.code == "CDS661"][0]
    assert "số hộ gia đình" in note.message() and "số văn bản" in note.message()
    assert declared.rates  # households over documents: a rate now


# ------------------------------------------------------------------ the data-entry reading of declared units

DECLARED = """Bộ chỉ số: Thử đơn vị khai báo
Văn bản: Quyết định 2/QĐ-UBND

Mục 1 | Chính quyền số | 30

Chỉ số 1.1 | Kinh phí chi cho chuyển đổi số | 10
Cách tính:
    a = Tổng kinh phí chi cho CĐS (triệu đồng)
    - a >= 500: Điểm tối đa
    - a < 500: a/500 * Điểm tối đa

Chỉ số 1.2 | Tỷ lệ hồ sơ xử lý đúng hạn | 10
Cách tính:
    a = Tỷ lệ hồ sơ xử lý đúng hạn (%)
    - a >= 90%: Điểm tối đa
    - a < 90%: a/90% * Điểm tối đa

Chỉ số 1.3 | Cán bộ chuyên trách | 10
Cách tính:
    a = Số cán bộ chuyên trách CĐS (người)
    - a >= 4: Điểm tối đa
    - a < 4: a/4 * Điểm tối đa
"""


def _read(tmp_path, cells: str):
    from cdsdsl.dataentry.forms import read_units
    from cdsdsl.rulesets.model import parse_ruleset_text

    rs = parse_ruleset_text(DECLARED, name="don-vi.cds")
    p = tmp_path / "so-lieu.csv"
    p.write_text(f"Đơn vị,1.1:a,1.2:a,1.3:a\nXã A,{cells}\n", encoding="utf-8")
    units, diags = read_units(p, rs)
    return rs, units, [d for d in diags if d.severity.value == "error"]


@pytest.mark.parametrize("pct", ["45", "45%", '"45,0"'])
def test_data_entry_reads_money_decimals_and_declared_percent_one_way(tmp_path, pct):
    from cdsdsl.scoring.score import score_cohort

    rs, units, errs = _read(tmp_path, f'"312,5",{pct},3')
    assert errs == []
    res = score_cohort(rs, units).unit("Xã A").indicators
    assert res["1.1"].points == Decimal("6.25")  # 312,5/500 × 10
    assert res["1.2"].points == Decimal("5.00")  # 45%/90% × 10
    assert res["1.3"].points == Decimal("7.50")  # 3/4 × 10


def test_data_entry_refuses_a_half_person_and_a_declared_percent_above_100(tmp_path):
    from cdsdsl.scoring.score import score_cohort

    rs, units, errs = _read(tmp_path, '"312,5",145,"2,5"')
    [d] = errs  # 145 for a `(%)` input is 145%: over 100%, refused at its cell
    assert d.code == "CDS656" and d.item == "1.2" and "145%" in d.message() and "so-lieu.csv:2:C" in d.message()
    half = score_cohort(rs, units).unit("Xã A").indicators["1.3"]  # 2,5 people: not scored, located
    assert half.status == "error" and half.diagnostics[0].code == "CDS604"
    assert "so-lieu.csv:2:D" in half.diagnostics[0].message()


def test_a_json_number_below_1_for_a_declared_percent_is_not_guessed(tmp_path):
    import json

    from cdsdsl.dataentry.forms import read_units
    from cdsdsl.rulesets.model import parse_ruleset_text

    rs = parse_ruleset_text(DECLARED, name="don-vi.cds")
    p = tmp_path / "so-lieu.json"
    p.write_text(json.dumps({"units": [{"name": "Xã A", "values": {"1.2": {"a": 0.45}}},
                                       {"name": "Xã B", "values": {"1.2": {"a": 45}}}]}), encoding="utf-8")
    units, diags = read_units(p, rs)
    [d] = [d for d in diags if d.severity.value == "error"]
    assert d.code == "CDS657" and d.unit == "Xã A" and "`45%`" in d.hint()


def test_the_form_shows_each_input_unit(tmp_path):
    from cdsdsl.dataentry.fields import build_form
    from cdsdsl.rulesets.model import parse_ruleset_text

    form = build_form(parse_ruleset_text(DECLARED, name="don-vi.cds"))
    assert [(f.indicator, f.kind, f.unit) for f in form.fields] == [
        ("1.1", "money", "triệu đồng"), ("1.2", "ratio", "%"), ("1.3", "count", "người")]


KIEU = """Bộ chỉ số: Thử khai báo kiểu
Văn bản: Quyết định 3/QĐ-UBND

Mục 1 | Kinh tế số | 10

Chỉ số 1.1 | Giao dịch thanh toán điện tử | 10
Cách tính:
    a = Số văn bản thanh toán điện tử; b = Tổng số văn bản; Tỷ lệ = a/b
    - Tỷ lệ >= 150%: Điểm tối đa
    - Tỷ lệ < 150%: Tỷ lệ/150% * Điểm tối đa
{kieu}"""


def test_a_ruleset_declares_that_a_ratio_may_exceed_100_percent():
    from cdsdsl.rulesets.check import check_ruleset
    from cdsdsl.rulesets.model import parse_ruleset_text
    from cdsdsl.scoring.score import score_cohort
    from cdsdsl.scoring.unitdata import Unit

    plain = parse_ruleset_text(KIEU.format(kieu=""), name="kieu.cds")
    assert "CDS404" in [d.code for d in check_ruleset(plain)]  # documents within documents: never 150%
    declared = parse_ruleset_text(KIEU.format(kieu="Kiểu: Tỷ lệ = tỷ suất\n"), name="kieu.cds")
    assert declared.indicators[0].types == "Tỷ lệ = tỷ suất"
    assert "CDS404" not in [d.code for d in check_ruleset(declared)]
    unit = Unit("Xã A", {"1.1": {"a": 180, "b": 100}})
    assert score_cohort(declared, [unit]).unit("Xã A").indicators["1.1"].points == Decimal("10.00")
    assert score_cohort(plain, [unit]).unit("Xã A").indicators["1.1"].status == "error"  # CDS614


def test_a_kieu_line_that_cannot_be_read_is_located():
    from cdsdsl.diagnostics.core import RulesetError
    from cdsdsl.rulesets.model import parse_ruleset_text

    with pytest.raises(RulesetError) as exc:
        parse_ruleset_text(KIEU.format(kieu="Kiểu: a = số hộ; Tỷ lệ = ???\n"), name="kieu.cds")
    d = exc.value.diagnostics[0]
    assert d.code == "CDS507" and d.position[0] == 11 and "tỷ suất" in d.hint()


def test_a_rate_keeps_its_unit_in_the_checker_messages():
    text = ("a = Số người dân có tài khoản ngân hàng; b = Tổng số hộ gia đình; Tỷ lệ = a/b\n"
            "- Tỷ lệ >= 200%: Điểm tối đa\n- Tỷ lệ < 200%: Tỷ lệ/400% * Điểm tối đa")
    d = found("CDS409", text)[0]
    assert "Tỷ lệ = 200% (2 người/hộ gia đình)" in d.message()
    share = text.replace("Tổng số hộ gia đình", "Tổng dân số")  # a share of the people: no unit, and unreachable
    assert "người/" not in " ".join(x.message() for x in cdsdsl.check_formula(share, 10))
    assert "CDS404" in codes(share)
