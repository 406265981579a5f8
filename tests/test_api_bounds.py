"""Ordinary mistakes that used to end in a Python ValueError / TypeError (or "lỗi nội bộ"):
a number of 100 000 digits pasted into a formula, a maximum that is None/NaN/negative, unit
data that is not a mapping or holds NaN, inf or a gigantic figure.  Each is now a `CdsError`
with its code, a message in Vietnamese and English that names the place or the argument, and
a hint."""
from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from _cli_util import ROOT, cds, no_traceback

import cdsdsl
from cdsdsl import CdsError, FormulaSyntaxError
from cdsdsl.evaluate.codegen import compile_program, module_source
from cdsdsl.evaluate.interpret import evaluate_program
from cdsdsl.semantics.resolve import resolve
from cdsdsl.syntax.parser import MAX_NUMBER_DIGITS

# indicator 1.3 of the Ninh Thuận 2023 district ruleset
HUYEN_1_3 = ("a=Số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu cấp huyện ký;\n"
             "b=Tổng số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số của cấp huyện;\n"
             "- Tỷ lệ=a/b;\n- Điểm=Tỷ lệ*Điểm tối đa")
BIG = "1" * 100_000


def _where(text: str, words: str) -> tuple[int, int]:
    """1-based (line, column) of ``words`` in ``text``."""
    i = text.index(words)
    return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1


# ------------------------------------------------------------------ numbers in a formula

LONG_NUMBERS = {
    "a threshold": f"{HUYEN_1_3}\n- Tỷ lệ >= {BIG}%: Điểm tối đa",
    "a product": f"Điểm = {BIG} * Điểm tối đa",
    "a decimal": f"Điểm = 0,{BIG} * Điểm tối đa",
    "a level": f"Mức {BIG}: Điểm tối đa",
    "a default value": f"a = Số lượng ({BIG})\nĐiểm = a",
    "a name's number": f"Tỷ lệ {BIG} = a/b",
}


@pytest.mark.parametrize("where", LONG_NUMBERS)
def test_a_100000_digit_number_is_cds113_at_the_number(where):
    text = LONG_NUMBERS[where]
    digits = BIG if "0," + BIG not in text else "0," + BIG
    line, column = _where(text, digits)
    with pytest.raises(FormulaSyntaxError) as e:
        cdsdsl.parse_formula(text)
    err = e.value
    assert (err.code, err.line, err.column) == ("CDS113", line, column)
    d = err.first
    assert text[d.span.start:d.span.end] == digits  # the caret covers the whole number
    assert "quá dài" in d.message("vi") and f"{len(digits.replace(',', ''))} chữ số" in d.message("vi")
    assert "too long" in d.message("en") and f"at most {MAX_NUMBER_DIGITS} digits" in d.message("en")
    assert d.hint("vi") and d.hint("en") and len(d.message("vi")) < 200  # the number is shortened

    # check_formula never raises: the same finding, as a diagnostic
    found = cdsdsl.check_formula(text, 10)
    assert [x.code for x in found] == ["CDS113"] and found[0].position == (line, column)
    for run in (lambda: cdsdsl.evaluate_formula(text, 10, {"a": 1, "b": 2}),
                lambda: cdsdsl.compile_formula(text, 10)):
        with pytest.raises(FormulaSyntaxError) as e:
            run()
        assert e.value.code == "CDS113"


def test_the_bound_is_30_digits_and_documented():
    ratio_only = HUYEN_1_3.rsplit("\n", 1)[0]  # 1.3's ratio, scored by the thresholds below (one scoring rule)
    ok = f"{ratio_only}\n- Tỷ lệ >= 0,{'0' * 28}1%: Điểm tối đa\n- Tỷ lệ < 0,{'0' * 28}1%: 0 điểm"
    assert cdsdsl.evaluate_formula(ok, 10, {"a": 1, "b": 2}) == Decimal("10.00")
    too_long = ok.replace("0,", "0,0", 1)
    with pytest.raises(FormulaSyntaxError) as e:
        cdsdsl.parse_formula(too_long)
    assert e.value.code == "CDS113" and "31 chữ số" in e.value.message
    assert "at most 30 digits" in (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    assert MAX_NUMBER_DIGITS == 30


def test_an_html_character_reference_of_5000_digits_is_not_converted():
    # `&#` + digits was unescaped with int(): ValueError above 4300 digits
    text = "Điểm = &#" + "1" * 5000 + "; * Điểm tối đa"
    found = cdsdsl.check_formula(text, 10)
    assert found[0].code == "CDS113" and found[0].position == (1, 10)


def test_cds_check_and_parse_name_the_number(tmp_path):
    f = tmp_path / "chi-so-1-3.txt"
    text = LONG_NUMBERS["a threshold"]
    f.write_text(text, encoding="utf-8")
    line, column = _where(text, BIG)
    for command in (["check", f.name, "--max", "10"], ["parse", f.name], ["check", f.name, "--lang", "en"]):
        r = cds(*command, cwd=tmp_path)
        no_traceback(r.stdout, r.stderr)
        assert r.exit_code not in (0, 3), (command, r.stderr)  # a finding, not "lỗi nội bộ"
        out = r.stdout + r.stderr
        assert "CDS113" in out and f"chi-so-1-3.txt:{line}:{column}" in out
        assert ("too long" if "en" in command else "quá dài") in out


def test_a_ruleset_maximum_of_40_digits_is_a_located_ruleset_error(tmp_path):
    text = (ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds").read_text(encoding="utf-8")
    head = "Chỉ số 1.3 | Văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu cấp Huyện (Chủ tịch cấp Huyện) ký | "
    assert head + "10\n" in text
    for bad in ("1" * 40, "1" * 5000, "1/0"):
        f = tmp_path / "huyen.cds"
        f.write_text(text.replace(head + "10\n", head + bad + "\n"), encoding="utf-8")
        with pytest.raises(cdsdsl.RulesetError) as e:
            cdsdsl.load_ruleset(f)
        assert e.value.line == _where(text, head)[0]


# ------------------------------------------------------------------ max_points

BAD_MAXIMA = [
    (None, "không phải là số", "not a number"),
    (True, "không phải là số", "not a number"),
    (float("nan"), "hữu hạn", "finite"),
    (float("inf"), "hữu hạn", "finite"),
    (-math.inf, "hữu hạn", "finite"),
    (Decimal("NaN"), "hữu hạn", "finite"),
    (-1, "số âm", "negative"),
    (Fraction(-1, 2), "số âm", "negative"),
    ("-3", "số âm", "negative"),
    ("mười điểm", "không đọc được", "cannot be read"),
    ("1e999999", "không đọc được", "cannot be read"),
    ("5/0", "mẫu số bằng 0", "denominator is 0"),
    (10 ** 5000, "quá lớn", "too large"),
    (Decimal("1E+999999999"), "quá lớn", "too large"),
    ("1" * 5000, "quá lớn", "too large"),
    ([10], "không phải là số", "not a number"),
]


@pytest.mark.parametrize("value,vi,en", BAD_MAXIMA, ids=lambda x: x[:12] if isinstance(x, str) else type(x).__name__)
@pytest.mark.parametrize("api", ["evaluate_formula", "check_formula", "compile_formula", "resolve"])
def test_a_maximum_that_is_not_one_is_cds633_naming_the_argument(api, value, vi, en):
    calls = {
        "evaluate_formula": lambda: cdsdsl.evaluate_formula(HUYEN_1_3, value, {"a": 7, "b": 21}),
        "check_formula": lambda: cdsdsl.check_formula(HUYEN_1_3, value),
        "compile_formula": lambda: cdsdsl.compile_formula(HUYEN_1_3, value),
        "resolve": lambda: resolve(cdsdsl.parse_formula(HUYEN_1_3), value),
    }
    with pytest.raises(CdsError) as e:
        calls[api]()
    d = e.value.first
    assert d.code == "CDS633"
    assert "`max_points`" in d.message("vi") and vi in d.message("vi") and "điểm tối đa" in d.message("vi")
    assert "`max_points`" in d.message("en") and en in d.message("en")
    assert d.hint("vi").startswith("Truyền điểm tối đa") and d.hint("en").startswith("Pass the indicator")


@pytest.mark.parametrize("value", [10, "10", "2,5", "2.5", 2.5, Decimal("2.5"), Fraction(5, 2), "5/2", 0])
def test_the_maxima_people_pass_still_work(value):
    expected = Fraction(str(value).replace(",", ".")) if not isinstance(value, Fraction) else value
    points = cdsdsl.evaluate_formula(HUYEN_1_3, value, {"a": 7, "b": 21}, rounding=6)
    assert Fraction(points) == round(expected / 3, 6)


def test_api_docs_say_so():
    api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert "CDS633" in api and "CDS634" in api


# ------------------------------------------------------------------ a unit's inputs

@pytest.mark.parametrize("inputs", [None, [("a", 7), ("b", 21)], "a=7, b=21", 7])
def test_inputs_that_are_not_a_mapping_are_cds634_naming_the_argument(inputs):
    f = cdsdsl.compile_formula(HUYEN_1_3, 10)
    program = resolve(cdsdsl.parse_formula(HUYEN_1_3), 10)
    for run in (lambda: cdsdsl.evaluate_formula(HUYEN_1_3, 10, inputs), lambda: f(inputs),
                lambda: f.compiled(inputs), lambda: evaluate_program(program, inputs)):
        with pytest.raises(cdsdsl.DataError) as e:
            run()
        d = e.value.first
        assert d.code == "CDS634" and "`inputs`" in d.message("vi") and type(inputs).__name__ in d.message("en")


BAD_FIGURES = [
    (float("nan"), "nan", "không phải là số"),
    (float("inf"), "inf", "không phải là số"),
    (1e308, "1.000e+308", "quá lớn"),
    (Decimal("NaN"), "NaN", "không phải là số"),
    (Decimal("1E+999999"), "1E+999999", "quá lớn"),
    (10 ** 5000, "10^", "quá lớn"),
    (-(10 ** 5000), "-10^", "quá lớn"),
    ("7" * 5000, "7777777777", "quá lớn"),
    (Fraction(1, 10 ** 200), "1.000e-200", "quá lớn"),
    ([7], "[7]", "không phải là số"),
    (object(), "object", "không phải là số"),
]


@pytest.mark.parametrize("raw,shown,why", BAD_FIGURES, ids=lambda x: type(x).__name__)
@pytest.mark.parametrize("backend", ["interpreter", "compiled"])
def test_a_figure_that_is_not_usable_is_cds601_naming_the_input(backend, raw, shown, why):
    program = resolve(cdsdsl.parse_formula(HUYEN_1_3), 10, item="1.3")
    run = (lambda i: evaluate_program(program, i, unit="Huyện Ninh Hải")) if backend == "interpreter" else \
        (lambda i: compile_program(program)(i, unit="Huyện Ninh Hải"))
    with pytest.raises(cdsdsl.DataError) as e:
        run({"a": raw, "b": 21})
    d = e.value.first
    assert (d.code, d.item, d.unit) == ("CDS601", "1.3", "Huyện Ninh Hải")
    msg = d.message("vi")
    assert msg.startswith("`a` = `") and shown in msg and why in msg and len(msg) < 250
    assert d.message("en").startswith("`a` = `")


def test_figures_up_to_100_digits_are_exact_on_both_back_ends():
    program = resolve(cdsdsl.parse_formula(HUYEN_1_3), 10, item="1.3")
    a, b = 10 ** 99 - 1, 3 * 10 ** 99
    expected = Fraction(a, b) * 10
    assert evaluate_program(program, {"a": a, "b": b}).exact == expected
    assert compile_program(program)({"a": a, "b": b}).exact == expected
    with pytest.raises(cdsdsl.DataError):
        compile_program(program)({"a": a, "b": 10 ** 100})


def test_the_module_cds_compile_writes_refuses_a_gigantic_figure_too():
    program = resolve(cdsdsl.parse_formula(HUYEN_1_3), 10, item="1.3")
    namespace: dict = {}
    exec(compile(module_source([program]), "huyen.py", "exec"), namespace)  # noqa: S102 - our own module
    assert str(namespace["score"]("1.3", {"a": 7, "b": 21})) == "3.33"
    for raw in (10 ** 5000, "7" * 5000, Decimal("1E+999999")):
        with pytest.raises(namespace["Fault"]) as e:
            namespace["score"]("1.3", {"a": raw, "b": 21})
        assert e.value.code == "CDS601" and e.value.args_["detail"] == "huge"
