"""Syntax errors by example (cdsdsl/syntax_examples.py), their messages word
for word in Vietnamese and English, and the recoverable slips."""
from __future__ import annotations

import pytest

from cdsdsl import CdsError, FormulaSyntaxError, parse_formula
from cdsdsl.diagnostics.messages import CATALOG
from cdsdsl.syntax.examples import RECOVERIES, SYNTAX_ERRORS

ERROR_ROWS = [(code, text, caret) for code, rows in SYNTAX_ERRORS.items() for text, caret in rows]
RECOVERY_ROWS = [(code, text, caret) for code, rows in RECOVERIES.items() for text, caret in rows]


@pytest.mark.parametrize("code,text,caret", ERROR_ROWS, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(ERROR_ROWS)])
def test_syntax_example_raises_its_code(code, text, caret):
    with pytest.raises(FormulaSyntaxError) as info:
        parse_formula(text)
    err = info.value
    assert err.code == code, err.message
    assert len(err.diagnostics) == 1
    span = err.first.span
    assert text[span.start:span.end] == caret


@pytest.mark.parametrize("code,text,caret", RECOVERY_ROWS,
                         ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(RECOVERY_ROWS)])
def test_recoverable_slip_parses_with_a_warning(code, text, caret):
    f = parse_formula(text)
    found = [d for d in f.diagnostics if d.code == code]
    assert found, [d.code for d in f.diagnostics]
    assert text[found[0].span.start:found[0].span.end] == caret
    assert found[0].severity.value in ("warning", "info")


def test_every_syntax_code_has_an_example():
    codes = {c for c in CATALOG if c.startswith("CDS1") and CATALOG[c].severity == "error" and c != "CDS100"}
    assert codes <= set(SYNTAX_ERRORS), codes - set(SYNTAX_ERRORS)


def test_every_catalogue_example_of_cds1xx_behaves():
    for code, msg in CATALOG.items():
        if not code.startswith("CDS1") or code == "CDS100" or not msg.example or "…" in msg.example:
            continue
        if msg.severity == "error":
            with pytest.raises(FormulaSyntaxError) as info:
                parse_formula(msg.example)
            assert info.value.code == code, (code, info.value.code)
        else:
            assert code in {d.code for d in parse_formula(msg.example).diagnostics}, code


# ------------------------------------------------------------ messages, word for word

def _err(text: str, lang: str = "vi") -> FormulaSyntaxError:
    with pytest.raises(FormulaSyntaxError) as info:
        parse_formula(text)
    info.value.lang = lang
    return info.value


def test_cds107_message_vi():
    err = _err("- Tỷ lệ >= : Điểm tối đa")
    assert err.message == "so sánh thiếu vế phải: `Tỷ lệ >=`"
    assert err.hint == "Viết giá trị để so sánh sau dấu so sánh, ví dụ `Tỷ lệ >= 80%`."


def test_cds107_message_en():
    err = _err("- Tỷ lệ >= : Điểm tối đa", "en")
    assert err.message == "a comparison is missing its right-hand side: `Tỷ lệ >=`"


def test_cds111_message_vi_and_en():
    err = _err("- Tỷ lệ >= 80% Điểm tối đa")
    assert err.message == "thiếu dấu `:` giữa điều kiện `Tỷ lệ >= 80%` và số điểm `Điểm tối đa`"
    assert err.hint == "Viết `Tỷ lệ >= 80%: Điểm tối đa`."
    assert err.first.message("en") == "a `:` is missing between the condition `Tỷ lệ >= 80%` and the points `Điểm tối đa`"


def test_cds101_message_vi_and_en():
    err = _err("Tỷ lệ = a/")
    assert err.message == "biểu thức không đầy đủ: thiếu một số hoặc một tên sau `/`"
    assert err.first.message("en") == "incomplete expression: a number or a name is missing after `/`"
    assert (err.line, err.column) == (1, 10)


def test_cds103_message_vi():
    assert _err("Tỷ lệ = (a+b/c").message == "thiếu dấu đóng ngoặc `)`"


def test_cds105_message_vi():
    err = _err("- Tỷ lệ >= 80%:")
    assert err.message == "trường hợp `Tỷ lệ >= 80%` không có số điểm sau dấu `:`"
    assert err.hint == "Viết số điểm sau dấu `:`, ví dụ `Tỷ lệ >= 80%: Điểm tối đa`."


def test_cds108_message_keeps_the_words_as_written():
    assert _err("- Tỷ lệ >= 2,5,1%: Điểm tối đa").message == "số không hợp lệ `2,5,1%`"


def test_cds150_warning_message_vi_and_en():
    f = parse_formula("= Số lượng người dân;\nb = Tổng dân số;\nTỷ lệ = a/b\nĐiểm = Tỷ lệ * Điểm tối đa")
    (d,) = f.diagnostics
    assert d.message() == ("khai báo không có tên: đã tự đặt tên `a` "
                           "(tên tiếp theo chưa dùng theo thứ tự a, b, c…)")
    assert d.message("en") == "declaration without a name: named it `a` (the next unused letter a, b, c…)"
    assert d.hint() == "Viết tên trước dấu `=`: `a= Số lượng người dân`."


def test_cds151_names_the_recovery():
    f = parse_formula("a= Số lượng văn bản;;\nb= Tổng;\nTỷ lệ=a/b;\nĐiểm=Tỷ lệ*Điểm tối đa")
    (d,) = f.diagnostics
    assert d.message() == "dấu `;` thừa đã được bỏ qua"
    assert d.message("en") == "stray `;` ignored"


def test_stray_double_dot_mid_paste():
    f = parse_formula("Tỷ lệ = a/b.. Điểm = Tỷ lệ * Điểm tối đa")
    assert [d.code for d in f.diagnostics] == ["CDS151"]
    assert len(list(f.statements)) == 2


def test_formula_syntax_error_fields():
    err = _err("a= Số lượng;\nb= Tổng;\n- Tỷ lệ=a/b\n- Tỷ lệ >= : Điểm tối đa")
    assert isinstance(err, CdsError)
    assert (err.code, err.line, err.column) == ("CDS107", 4, 9)
    assert err.message.startswith("so sánh thiếu vế phải")
    assert err.hint


def test_error_positions_with_offsets_and_item():
    with pytest.raises(FormulaSyntaxError) as info:
        parse_formula("Tỷ lệ = a/", name="huyen.cds", line_offset=10, column_offset=4, item="3.1")
    err = info.value
    assert (err.line, err.column) == (11, 14)
    assert err.first.item == "3.1"
    rendered = err.render()
    assert "CDS101" in rendered and "3.1" in rendered


def test_rendered_error_shows_the_original_line():
    err = _err("- Tỷ lệ ≥ : Điểm tối đa")
    out = err.render()
    assert "- Tỷ lệ ≥ : Điểm tối đa" in out
    assert "^" in out
