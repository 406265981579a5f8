"""The message catalogue: every diagnostic code, in Vietnamese and English.

Takes: a code such as ``CDS101`` and the arguments of a finding.
Returns: the message and the hint in the language asked for.  Codes are
stable; ranges: CDS1xx reading the text (syntax), CDS2xx names, CDS3xx types
and units, CDS4xx cases and score ranges, CDS5xx rulesets, CDS6xx data and
scoring, CDS7xx audit of published results.  ``docs/diagnostics.md`` is made
from this table (``tests/test_docs.py`` keeps the two in step).
Imports nothing of ours.
"""
from __future__ import annotations

import string
from typing import Any, Mapping

import attrs


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fmt(template: str, args: Mapping[str, Any]) -> str:
    return string.Formatter().vformat(template, (), _SafeDict(args))


@attrs.frozen
class Message:
    code: str
    severity: str  # "error" | "warning" | "info"
    vi: str
    en: str
    hint_vi: str = ""
    hint_en: str = ""
    #: a minimal text that triggers it (for docs/diagnostics.md)
    example: str = ""

    def format_message(self, lang: str, args: Mapping[str, Any]) -> str:
        return _fmt(self.en if lang == "en" else self.vi, args)

    def format_hint(self, lang: str, args: Mapping[str, Any]) -> str:
        return _fmt(self.hint_en if lang == "en" else self.hint_vi, args)


CATALOG: dict[str, Message] = {}


def define(code: str, severity: str, vi: str, en: str, hint_vi: str = "", hint_en: str = "",
           example: str = "") -> None:
    if code in CATALOG:
        raise ValueError(f"duplicate message code {code}")
    CATALOG[code] = Message(code, severity, vi, en, hint_vi, hint_en, example)


def lookup(code: str) -> Message:
    try:
        return CATALOG[code]
    except KeyError:
        raise KeyError(f"unknown diagnostic code {code!r}") from None


# ---------------------------------------------------------------------------
# CDS1xx: reading the formula text (parser)
# ---------------------------------------------------------------------------
define("CDS100", "error",
       "không đọc được công thức: {detail}",
       "cannot read the formula: {detail}",
       "Kiểm tra lại dòng này: viết theo dạng `Tỷ lệ = a/b`, `- Tỷ lệ >= 80%: Điểm tối đa` hoặc `- Đã ban hành: Điểm tối đa`.",
       "Check this line: write it as `Tỷ lệ = a/b`, `- Tỷ lệ >= 80%: Điểm tối đa` or `- Đã ban hành: Điểm tối đa`.",
       "Tỷ lệ = a/")
define("CDS101", "error",
       "biểu thức không đầy đủ: thiếu một số hoặc một tên sau `{after}`",
       "incomplete expression: a number or a name is missing after `{after}`",
       "Viết thêm số hoặc tên còn thiếu, ví dụ `Tỷ lệ = a/b`.",
       "Add the missing number or name, e.g. `Tỷ lệ = a/b`.",
       "Tỷ lệ = a/")
define("CDS102", "error",
       "không hiểu ký hiệu `{token}` ở đây",
       "unexpected `{token}` here",
       "Xoá hoặc sửa ký hiệu này; phép toán viết bằng + - * / x ×, so sánh bằng >= <= > < = ≥ ≤.",
       "Remove or fix this symbol; arithmetic uses + - * / x ×, comparisons >= <= > < = ≥ ≤.",
       "Tỷ lệ = a/b)")
define("CDS103", "error",
       "thiếu dấu đóng ngoặc `)`",
       "a closing parenthesis `)` is missing",
       "Thêm `)` cho mỗi `(` đã mở.",
       "Add a `)` for every `(` that was opened.",
       "Tỷ lệ = (a+b/c")
define("CDS104", "error",
       "dấu ngoặc lồng nhau quá sâu ({depth} tầng)",
       "parentheses nested too deeply ({depth} levels)",
       "Viết lại công thức với ít tầng ngoặc hơn (tối đa {limit}).",
       "Rewrite the formula with fewer nested parentheses (at most {limit}).",
       "((((((…))))))")
define("CDS105", "error",
       "trường hợp `{condition}` không có số điểm sau dấu `:`",
       "case `{condition}` has no points after the `:`",
       "Viết số điểm sau dấu `:`, ví dụ `{condition}: Điểm tối đa`.",
       "Write the points after the `:`, e.g. `{condition}: Điểm tối đa`.",
       "- Tỷ lệ >= 80%:")
define("CDS106", "error",
       "không có tên trước dấu `=` và không thể đoán tên",
       "nothing before the `=`, and no name can be guessed",
       "Viết tên biến trước dấu `=`, ví dụ `a = Số lượng ...`.",
       "Write the variable's name before the `=`, e.g. `a = Số lượng ...`.",
       "= a/b")
define("CDS107", "error",
       "so sánh thiếu một vế: `{text}`",
       "a comparison is missing one side: `{text}`",
       "Viết đủ hai vế, ví dụ `Tỷ lệ >= 80%`.",
       "Write both sides, e.g. `Tỷ lệ >= 80%`.",
       "- Tỷ lệ >= : Điểm tối đa")
define("CDS108", "error",
       "số không hợp lệ `{text}`",
       "invalid number `{text}`",
       "Viết số thập phân với một dấu phẩy hoặc dấu chấm, ví dụ `2,5%` hoặc `0.25%`.",
       "Write a decimal with one comma or dot, e.g. `2,5%` or `0.25%`.",
       "Tỷ lệ >= 2,5,1%")
define("CDS150", "warning",
       "khai báo không có tên: đã tự đặt tên `{name}` (tên tiếp theo chưa dùng theo thứ tự a, b, c…)",
       "declaration without a name: named it `{name}` (the next unused letter a, b, c…)",
       "Viết tên trước dấu `=`: `{name}= {description}`.",
       "Write the name before the `=`: `{name}= {description}`.",
       "= Số lượng người dân ...;")
define("CDS151", "warning",
       "dấu `{token}` thừa đã được bỏ qua",
       "stray `{token}` ignored",
       "Xoá dấu `{token}`.",
       "Remove the `{token}`.",
       "Tỷ lệ = a/b;;")
define("CDS152", "info",
       "dòng được nối với dòng trước (câu bị ngắt giữa chừng khi sao chép)",
       "line joined to the previous one (a phrase broken by copy-paste)",
       "Không cần sửa; nếu đây là hai dòng riêng, hãy bắt đầu dòng bằng `-` hoặc `+`.",
       "Nothing to fix; if these are two separate lines, start the line with `-` or `+`.",
       "- Điểm = 1/5\n*Điểm tối đa")
define("CDS153", "warning",
       "không tìm thấy cách tính điểm trong văn bản này",
       "no scoring rule found in this text",
       "Viết ít nhất một dòng cho điểm, ví dụ `Điểm = Tỷ lệ * Điểm tối đa` hoặc `- Đã ban hành: Điểm tối đa`.",
       "Write at least one scoring line, e.g. `Điểm = Tỷ lệ * Điểm tối đa` or `- Đã ban hành: Điểm tối đa`.",
       "Giải thích: ...")
define("CDS154", "info",
       "khai báo `{name}. {description}` dùng dấu `.` thay cho `=`",
       "declaration `{name}. {description}` uses `.` instead of `=`",
       "Nên viết `{name} = {description}`.",
       "Prefer `{name} = {description}`.",
       "a. Tổng số tên miền .vn trên địa bàn")
