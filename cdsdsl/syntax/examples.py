"""Syntax errors by example: malformed snippets and the code each must raise.

Takes: nothing (data only).
Returns: `SYNTAX_ERRORS`, code → list of `(snippet, caret)`: parsing the snippet
raises `FormulaSyntaxError` with exactly that code, and the caret (the span
of the first diagnostic) covers the words ``caret`` of the snippet;
`RECOVERIES`, code → list of `(snippet, caret)` for slips that parse with a
warning naming the recovery.  `tests/test_parse_errors.py` checks every row,
and docs/language.md lists them; add a row whenever a message is improved.
"""
from __future__ import annotations

#: code → [(malformed snippet, the words the caret must point at)]
SYNTAX_ERRORS: dict[str, list[tuple[str, str]]] = {
    "CDS101": [  # an operator with nothing after it
        ("Tỷ lệ = a/", "/"),
        ("- Điểm = Tỷ lệ *", "*"),
        ("- Tỷ lệ >= 80%: Điểm tối đa +", "+"),
    ],
    "CDS102": [  # a symbol that has no place here
        ("Tỷ lệ = a/b)", ")"),
        ("Tỷ lệ = a @ b", "@"),
        ("Điểm = Tỷ lệ ** Điểm tối đa", "*"),
    ],
    "CDS103": [  # an unclosed parenthesis
        ("Tỷ lệ = (a+b/c", "c"),
        ("- Điểm = (Tỷ lệ * Điểm tối đa", "a"),
    ],
    "CDS104": [  # nesting too deep
        ("Tỷ lệ = " + "(" * 60 + "a" + ")" * 60, "("),
    ],
    "CDS160": [  # an expression too long to read (more than MAX_TREE_DEPTH chained operations): the statement
        ("Điểm = " + " + ".join(["a"] * 250), "Điểm = " + " + ".join(["a"] * 250)),
        ("- Tỷ lệ >= 80%: (" + " + ".join(["a"] * 250) + ") / 250 * Điểm tối đa",
         "(" + " + ".join(["a"] * 250) + ") / 250 * Điểm tối đa"),
    ],
    "CDS105": [  # a case with no points
        ("- Tỷ lệ >= 80%:", ":"),
        ("Mức 1: ≥ 10%:", ":"),
    ],
    "CDS106": [  # no name, and the right side is a formula, not a description
        ("= a/b", "="),
    ],
    "CDS107": [  # a comparison missing its right side
        ("- Tỷ lệ >= : Điểm tối đa", ">="),
        ("- Tỷ lệ ≥ : Điểm tối đa", "≥"),
        ("+ Tỷ lệ < : Điểm = Tỷ lệ*Điểm tối đa", "<"),
    ],
    "CDS108": [  # a malformed number
        ("- Tỷ lệ >= 2,5,1%: Điểm tối đa", "2,5,1%"),
        ("- Tỷ lệ ≥ 80%%: Điểm tối đa", "80%%"),
    ],
    "CDS113": [  # a number too long to be one (more than normalize.MAX_NUMBER_DIGITS digits)
        ("- Tỷ lệ >= 8000000000000000000000000000000000%: Điểm tối đa", "8000000000000000000000000000000000"),
        ("Điểm = 0," + "1" * 40 + " * Điểm tối đa", "0," + "1" * 40),
        ("a = Số lượng (" + "7" * 5000 + ")\nĐiểm = a", "7" * 5000),
    ],
    "CDS109": [  # two comparisons written as one that are not one range (`a >= 1 và b < 2` is `Joined`)
        ("- 50% < Tỷ lệ > 80%: Điểm tối đa", "50% < Tỷ lệ > 80%"),
    ],
    "CDS110": [  # a line that starts like a formula but is not one
        ("- Tỷ lệ <> 80%: Điểm tối đa", ">"),
    ],
    "CDS112": [  # a case whose points cannot be read
        ("- Đã triển khai: gần đủ điểm\n- Chưa triển khai: 0 điểm", "gần đủ điểm"),
        ("- Có: nửa số điểm", "nửa số điểm"),
    ],
    "CDS111": [  # a condition and its points with no `:` between
        ("- Tỷ lệ >= 80% Điểm tối đa", "Điểm tối đa"),
        ("+ Tỷ lệ < 70% Tỷ lệ*Điểm tối đa", "Tỷ lệ*Điểm tối đa"),
    ],
    "CDS162": [  # a bullet line with its own points inside a parenthesis left open: two readings
        ("a = Số hồ sơ (tính cả hồ sơ\n- Tỷ lệ >= 80%: 10 điểm)", "- Tỷ lệ >= 80%: 10 điểm)"),
        ("a = Số văn bản (gồm\nb = Tổng số văn bản)\nTỷ lệ = a/b", "b = Tổng số văn bản)"),
    ],
    "CDS168": [  # a line that stops on `đến`, `và` … followed by a bullet line
        ("- Tỷ lệ >= 80%: 10 điểm\n- Tỷ lệ từ 50% đến\n- dưới 80%: 5 điểm", "Tỷ lệ từ 50% đến"),
    ],
    "CDS115": [  # a condition on a computed quantity with a percentage that reads as no comparison
        ("Tỷ lệ = a/b\n- Tỷ lệ 70 - 90%: 1 điểm", "Tỷ lệ 70 - 90%"),
        ("Tỷ lệ = a/b\n- Tỷ lệ khoảng 70%-90%: 1 điểm", "Tỷ lệ khoảng 70%-90%"),
    ],
    "CDS116": [  # an option stating a threshold in a list whose other cases compare
        ("- Tỷ lệ >= 100%: Điểm tối đa\n- Hoàn thành dưới 100%: Tỷ lệ x Điểm tối đa", "Hoàn thành dưới 100%"),
    ],
    "CDS169": [  # a case with its points after `Ghi chú:` (a note runs to the end of the formula)
        ("- Tỷ lệ >= 80%: 10 điểm\nGhi chú: tính cả hồ sơ trực tuyến\n- Tỷ lệ < 80%: 5 điểm", "Tỷ lệ < 80%: 5 điểm"),
        ("- Đã ban hành: 2 điểm\nLưu ý: văn bản phải còn hiệu lực\n- Chưa ban hành: 0 điểm", "Chưa ban hành: 0 điểm"),
    ],
    "CDS165": [  # words run together that split more than one way
        ("- Có kế hoạch kết nối: 10 điểm\n- Kếthành phần: 5 điểm", "Kếthành"),
    ],
}

#: code → [(snippet that still parses, the words the warning points at)]
RECOVERIES: dict[str, list[tuple[str, str]]] = {
    "CDS150": [  # a declaration without a name: the next free letter is used
        ("= Số lượng người dân trưởng thành có điện thoại thông minh;\nb= Tổng dân số của cấp huyện;\n"
         "- Tỷ lệ=a/b\n- Điểm=Tỷ lệ*Điểm tối đa", "="),
    ],
    "CDS151": [  # doubled punctuation
        ("a= Số lượng văn bản;;\nb= Tổng số văn bản;\n- Tỷ lệ=a/b;\n- Điểm=Tỷ lệ*Điểm tối đa", ";"),
        ("- Đã ban hành: Điểm tối đa..\n- Chưa ban hành: 0 điểm", "."),
    ],
    "CDS152": [  # a line broken in the middle by copy-paste
        ("- Đã chuyển đổi sang công nghệ IPv6: 1/5\n*Điểm tối đa;\n- Chưa chuyển đổi: 0 điểm",
         "Đã chuyển đổi sang công nghệ IPv6: 1/5\n*Điểm tối đa"),
    ],
    "CDS154": [  # `a.` instead of `a =`
        ("a. Tổng số tên miền .vn trên địa bàn\nb. Tổng số doanh nghiệp trên địa bàn\nTỷ lệ = a/b\n"
         "Điểm = Tỷ lệ * Điểm tối đa", "a. Tổng số tên miền .vn trên địa bàn"),
    ],
    "CDS161": [  # a line inside a parenthesis left open on the line above, that could start a statement
        ("a = Số doanh nghiệp công nghệ số (gồm doanh nghiệp viễn thông\n- CNTT);\nb = Tổng số doanh nghiệp;\n"
         "Điểm = a/b*Điểm tối đa", "- CNTT)"),
    ],
    "CDS163": [  # a line joined to an unfinished one, that could start a statement
        ("- Tỷ lệ từ 50% đến\ndưới 80%: 5 điểm\n- Tỷ lệ >= 80%: 10 điểm", "dưới 80%: 5 điểm"),
    ],
    "CDS164": [  # words run together, split the one way they split
        ("- Tỷ lệ >= 80%: Điểmtốiđa\n- Tỷ lệ < 80%: 0 điểm", "Điểmtốiđa"),
    ],
    "CDS166": [  # a name written with a subscript and flat
        ("a = Số hồ sơ;\nb = Tổng số;\nĐiểm = Tỷ lệ₁ * 5 + Tỷ lệ1 * 5", "lệ₁"),
    ],
    "CDS167": [  # a keyword phrase without its diacritics
        ("- Đã ban hành: Diem toi da\n- Chưa ban hành: 0 điểm", "Diem toi da"),
    ],
}
