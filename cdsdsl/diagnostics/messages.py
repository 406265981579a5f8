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

import re
import string
from typing import Any, Mapping

import attrs


class _SafeDict(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_OPTIONAL = re.compile(r"\[\[(.*?)\]\]", re.S)
_FIELD = re.compile(r"\{(\w+)[^{}]*\}")


def _known(value: Any) -> bool:
    return value is not None and value != "" and value != "?"


def _fmt(template: str, args: Mapping[str, Any]) -> str:
    """Format a template; a segment ``[[ ... ]]`` is kept only when every field in it is known
    (``[[ (ô {where})]]`` disappears when the cell is not known)."""
    def optional(m: re.Match) -> str:
        inner = m.group(1)
        return inner if all(_known(args.get(f)) for f in _FIELD.findall(inner)) else ""

    return string.Formatter().vformat(_OPTIONAL.sub(optional, template), (), _SafeDict(args))


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
       "so sánh thiếu vế phải: `{text}`",
       "a comparison is missing its right-hand side: `{text}`",
       "Viết giá trị để so sánh sau dấu so sánh, ví dụ `Tỷ lệ >= 80%`.",
       "Write the value to compare with after the comparison sign, e.g. `Tỷ lệ >= 80%`.",
       "- Tỷ lệ >= : Điểm tối đa")
define("CDS108", "error",
       "số không hợp lệ `{text}`",
       "invalid number `{text}`",
       "Viết số thập phân với một dấu phẩy hoặc dấu chấm, ví dụ `2,5%` hoặc `0.25%`.",
       "Write a decimal with one comma or dot, e.g. `2,5%` or `0.25%`.",
       "Tỷ lệ >= 2,5,1%")
define("CDS109", "error",
       "hai điều kiện ghép bằng `và` không tạo thành một khoảng",
       "two conditions joined by `và` do not form one range",
       "Viết một khoảng trên cùng một đại lượng, ví dụ `Tỷ lệ >= 50% và Tỷ lệ < 80%` hoặc `Từ 50% đến dưới 80%`.",
       "Write one range over one quantity, e.g. `Tỷ lệ >= 50% và Tỷ lệ < 80%` or `Từ 50% đến dưới 80%`.",
       "- a >= 1 và b < 2: Điểm tối đa")
define("CDS110", "error",
       "dòng bắt đầu như một công thức nhưng không đọc được: {detail}",
       "this line starts like a formula but cannot be read: {detail}",
       "Sửa phần được đánh dấu; phép toán viết bằng + - * / x ×, so sánh bằng >= <= > < = ≥ ≤.",
       "Fix the marked words; arithmetic uses + - * / x ×, comparisons >= <= > < = ≥ ≤.",
       "- Tỷ lệ <> 80%: Điểm tối đa")
define("CDS111", "error",
       "thiếu dấu `:` giữa điều kiện `{condition}` và số điểm `{result}`",
       "a `:` is missing between the condition `{condition}` and the points `{result}`",
       "Viết `{condition}: {result}`.",
       "Write `{condition}: {result}`.",
       "- Tỷ lệ >= 80% Điểm tối đa")
define("CDS112", "error",
       "không đọc được số điểm `{result}` của trường hợp `{condition}`",
       "cannot read the points `{result}` of the case `{condition}`",
       "Viết số điểm theo dạng `Điểm tối đa`, `1/2*Điểm tối đa`, `70% điểm`, `5 điểm` hoặc `0 điểm`.",
       "Write the points as `Điểm tối đa`, `1/2*Điểm tối đa`, `70% điểm`, `5 điểm` or `0 điểm`.",
       "- Đã triển khai: gần đủ điểm")
# --- numbers too long for a formula (normalize.MAX_NUMBER_DIGITS; docs/language.md) ---
define("CDS113", "error",
       "số `{text}` quá dài ({digits} chữ số; một số trong công thức có nhiều nhất {limit} chữ số)",
       "the number `{text}` is too long ({digits} digits; a number in a formula has at most {limit} digits)",
       "Kiểm tra lại số này (có thể bị dán lặp hoặc dính vào một số khác); viết số như văn bản ghi, ví dụ "
       "`80%`, `1/2` hoặc `485`.",
       "Check this number (it may have been pasted twice or run into another number); write it as the "
       "decision does, e.g. `80%`, `1/2` or `485`.",
       "- Tỷ lệ >= 8000000000000000000000000000000000%: Điểm tối đa")
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


# --- CDS160-169: long formulas (checking grows linearly; what is beyond a documented size)
define("CDS160", "error",
       "biểu thức quá dài: khoảng {depth} phép tính nối tiếp nhau trong một biểu thức (tối đa {limit})",
       "expression too long: about {depth} operations chained in one expression (at most {limit})",
       "Tách biểu thức thành nhiều tên tính toán, ví dụ `T1 = a1 + … + a100`, `T2 = a101 + … + a200`, "
       "rồi `T = T1 + T2`.",
       "Split the expression into several computed names, e.g. `T1 = a1 + … + a100`, `T2 = a101 + … + a200`, "
       "then `T = T1 + T2`.",
       "Điểm = a1 + a2 + a3 + … + a600")

# ---------------------------------------------------------------------------
# CDS5xx: rulesets (ruleset_checks.py, ruleset.py)
# CDS500-519 loading a `.cds` file, CDS520-539 spreadsheets (sheets.py),
# CDS540-559 structure checks (ruleset_checks.py).
# ---------------------------------------------------------------------------
define("CDS500", "error",
       "không đọc được dòng này: {detail}",
       "cannot read this line: {detail}",
       "Mỗi dòng là một tiêu đề `Chỉ số STT | Tên | Điểm tối đa`, một khóa `Khóa: giá trị`, một dòng công thức thụt lề 4 dấu cách, hoặc một ghi chú bắt đầu bằng `#`.",
       "Each line is a heading `Chỉ số STT | Tên | Điểm tối đa`, a key `Key: value`, a formula line indented by 4 spaces, or a comment starting with `#`.",
       "Mục 1 Nhận thức số")
define("CDS501", "error",
       "khóa `{key}` không có trong định dạng tệp bộ chỉ số",
       "unknown key `{key}` in a ruleset file",
       "Các khóa hợp lệ: {known}.",
       "Known keys: {known}.",
       "Nguon: Phòng VHTT")
define("CDS502", "error",
       "thiếu `{key}` ở phần đầu tệp",
       "`{key}` is missing from the file's header",
       "Thêm dòng `{key} ...` trước mục đầu tiên.",
       "Add a line `{key} ...` before the first section.",
       "Mục 1 | Nhận thức số | 60")
define("CDS503", "error",
       "`{key}` thuộc phần đầu tệp, phải đứng trước mục đầu tiên",
       "`{key}` belongs to the file's header and must come before the first section",
       "Chuyển dòng này lên trên dòng `Mục` đầu tiên.",
       "Move this line above the first `Mục` line.",
       "Mục 1 | Nhận thức số | 60\nTổng điểm: 1000")
define("CDS504", "error",
       "`{key}` chỉ dùng bên trong một chỉ số",
       "`{key}` can only be used inside an indicator",
       "Đặt dòng này sau một dòng `Chỉ số STT | Tên | Điểm tối đa`.",
       "Put this line after a `Chỉ số STT | Tên | Điểm tối đa` line.",
       "Mục 1 | Nhận thức số | 60\nNguồn dữ liệu: Phòng VHTT")
define("CDS505", "error",
       "`{key}` được viết hai lần (lần đầu ở dòng {first_line})",
       "`{key}` is written twice (first on line {first_line})",
       "Giữ một dòng `{key}` và xoá dòng kia.",
       "Keep one `{key}` line and remove the other.",
       "Nguồn dữ liệu: Phòng VHTT\nNguồn dữ liệu: Phòng TC-KH")
define("CDS506", "error",
       "điểm tối đa `{text}` không phải là một số",
       "maximum `{text}` is not a number",
       "Viết một số như `10` hoặc `2,5`; nếu văn bản không ghi điểm tối đa, viết `-`.",
       "Write a number such as `10` or `2,5`; if the decision states no maximum, write `-`.",
       "Chỉ số 1.1 | Tên | mười")
define("CDS507", "error",
       "giá trị `{value}` của `{key}` không hợp lệ",
       "invalid value `{value}` for `{key}`",
       "Viết {expected}.",
       "Write {expected_en}.",
       "Làm tròn: hai chữ số")
define("CDS508", "error",
       "dòng thụt lề này không thuộc `Cách tính:`, `Sửa:` hay một trường văn bản",
       "this indented line does not belong to `Cách tính:`, `Sửa:` or a text field",
       "Dòng thụt lề 4 dấu cách chỉ viết ngay sau `Cách tính:`, `Sửa:` (hoặc để viết tiếp `Nguồn dữ liệu:`, `Đơn vị phối hợp:`, `Tài liệu kiểm chứng:`, `Lý do sửa:`); bỏ thụt lề nếu đây là một khóa.",
       "Indented lines go right after `Cách tính:`, `Sửa:` (or continue `Nguồn dữ liệu:`, `Đơn vị phối hợp:`, `Tài liệu kiểm chứng:`, `Lý do sửa:`); remove the indentation if this is a key.",
       "Mục 1 | Nhận thức số | 60\n    - Đã ban hành: Điểm tối đa")
define("CDS509", "error",
       "thụt lề phải là 4 dấu cách hoặc một tab (dòng này thụt lề bằng {what})",
       "indentation must be 4 spaces or a tab (this line is indented with {what_en})",
       "Thụt lề mỗi dòng công thức bằng 4 dấu cách hoặc một tab.",
       "Indent every formula line by 4 spaces or a tab.",
       "Cách tính:\n  - Có: Điểm tối đa")
define("CDS510", "error",
       "dòng `{kind}` cần {expected} ô `STT | Tên | Điểm tối đa`, ở đây có {count}",
       "a `{kind}` line needs {expected} cells `STT | Tên | Điểm tối đa`, this one has {count}",
       "Viết `{kind} STT | Tên | Điểm tối đa`, các ô cách nhau bằng `|`.",
       "Write `{kind} STT | Tên | Điểm tối đa`, cells separated by `|`.",
       "Chỉ số 1.1 | Người đứng đầu ...")
define("CDS511", "error",
       "số thứ tự `{stt}` của `{kind}` không hợp lệ",
       "invalid number `{stt}` for `{kind}`",
       "Viết số thứ tự như văn bản: `1`, `V` cho mục; `1.1`, `5.12.1` cho chỉ số.",
       "Write the number as the decision does: `1`, `V` for a section; `1.1`, `5.12.1` for an indicator.",
       "Chỉ số 1.a | Tên | 10")
define("CDS512", "error",
       "`{key}` không có nội dung",
       "`{key}` is empty",
       "Viết nội dung trên các dòng sau, mỗi dòng thụt lề đúng 4 dấu cách.",
       "Write the text on the following lines, each indented by exactly 4 spaces.",
       "Cách tính:\nNguồn dữ liệu: Phòng VHTT")
define("CDS513", "error",
       "`{key}` được viết cả trên cùng dòng lẫn ở các dòng thụt lề sau",
       "`{key}` is written both on its own line and on the indented lines after it",
       "Viết toàn bộ nội dung ở các dòng sau, mỗi dòng thụt lề 4 dấu cách.",
       "Write the whole text on the following lines, each indented by 4 spaces.",
       "Cách tính: - Có: Điểm tối đa\n    - Không: 0 điểm")
define("CDS514", "error",
       "`{key}` cần `{needs}` viết trước",
       "`{key}` needs `{needs}` before it",
       "Thêm `{needs}` trước dòng này, hoặc xoá dòng này.",
       "Add `{needs}` before this line, or remove this line.",
       "Lý do sửa: thiếu dấu %")
define("CDS515", "error",
       "chỉ số {id} đứng trước mục đầu tiên",
       "indicator {id} comes before the first section",
       "Thêm dòng `Mục STT | Tên | Điểm tối đa` trước chỉ số này.",
       "Add a `Mục STT | Tên | Điểm tối đa` line before this indicator.",
       "Bộ chỉ số: X\nVăn bản: Y\nChỉ số 1.1 | Tên | 10")
define("CDS516", "error",
       "không có chỉ số nào trong bộ chỉ số",
       "the ruleset has no indicator",
       "Thêm ít nhất một dòng `Chỉ số STT | Tên | Điểm tối đa`.",
       "Add at least one `Chỉ số STT | Tên | Điểm tối đa` line.",
       "Bộ chỉ số: X\nVăn bản: Y")
define("CDS517", "error",
       "không mở được tệp bộ chỉ số: {detail}",
       "cannot open the ruleset file: {detail}",
       "Kiểm tra đường dẫn và quyền đọc tệp; tệp văn bản phải là UTF-8.",
       "Check the path and read permission; text files must be UTF-8.",
       "")
define("CDS518", "error",
       "loại tệp `{suffix}` không được hỗ trợ",
       "unsupported file type `{suffix}`",
       "Dùng tệp .cds, .csv, .tsv hoặc .xlsx.",
       "Use a .cds, .csv, .tsv or .xlsx file.",
       "")
define("CDS519", "error",
       "chỉ số {id} có cả `Nhập điểm` lẫn `Cách tính:`",
       "indicator {id} has both `Nhập điểm` and `Cách tính:`",
       "Xoá `Nhập điểm` nếu điểm được tính theo công thức, hoặc xoá `Cách tính:` nếu đơn vị tự nhập điểm.",
       "Remove `Nhập điểm` if the points are computed, or `Cách tính:` if the unit enters them.",
       "Chỉ số 1.1 | Tên | 10\nNhập điểm\nCách tính:\n    - Có: Điểm tối đa")
define("CDS520", "error",
       "không tìm thấy dòng tiêu đề của bảng trong {sheet}",
       "no header row found in {sheet}",
       "Bảng cần một dòng tiêu đề có các cột `STT`, `Chỉ số`, `Điểm tối đa` và `Cách xác định và tính điểm`.",
       "The table needs a header row with the columns `STT`, `Chỉ số`, `Điểm tối đa` and `Cách xác định và tính điểm`.",
       "")
define("CDS521", "error",
       "bảng thiếu cột `{column}` (dòng tiêu đề {cell})",
       "the table has no `{column}` column (header row {cell})",
       "Thêm cột `{column}` vào dòng tiêu đề.",
       "Add a `{column}` column to the header row.",
       "STT | Chỉ số | Cách xác định và tính điểm")
define("CDS522", "error",
       "cột `{column}` xuất hiện hai lần trong dòng tiêu đề (ô {first} và {cell})",
       "column `{column}` appears twice in the header row ({first} and {cell})",
       "Đổi tên hoặc xoá một trong hai cột.",
       "Rename or remove one of the two columns.",
       "STT | Chỉ số | Điểm tối đa | Điểm tối đa")
define("CDS523", "error",
       "ô {cell}: số thứ tự `{stt}` không hợp lệ",
       "cell {cell}: invalid number `{stt}`",
       "Viết số thứ tự như văn bản: `1`, `V` cho mục; `1.1`, `5.12.1` cho chỉ số.",
       "Write the number as the decision does: `1`, `V` for a section; `1.1`, `5.12.1` for an indicator.",
       "1.a")
define("CDS524", "error",
       "ô {cell}: điểm tối đa `{text}` không phải là một số",
       "cell {cell}: maximum `{text}` is not a number",
       "Viết một số như `10` hoặc `2,5`; để trống hoặc viết `-` nếu văn bản không ghi điểm tối đa.",
       "Write a number such as `10` or `2,5`; leave it empty or write `-` if the decision states no maximum.",
       "mười")
define("CDS525", "info",
       "dòng {row} không có số thứ tự: đã nối vào dòng {previous} (bảng bị ngắt trang)",
       "row {row} has no number: joined to row {previous} (a table broken across pages)",
       "Nếu đây là một chỉ số riêng, ghi số thứ tự vào cột STT.",
       "If this is an indicator of its own, write its number in the STT column.",
       "")
define("CDS526", "info",
       "không có `{key}` trước dòng tiêu đề: đã lấy `{value}` từ tên tệp",
       "no `{key}` above the header row: took `{value}` from the file name",
       "Thêm một dòng `{key} ...` phía trên dòng tiêu đề.",
       "Add a row `{key} ...` above the header row.",
       "")
define("CDS527", "error",
       "không có trang tính `{sheet}` trong tệp",
       "no sheet named `{sheet}` in the workbook",
       "Các trang tính có trong tệp: {sheets}.",
       "The workbook's sheets: {sheets}.",
       "")
define("CDS528", "error",
       "ô {cell}: chỉ số {id} đứng trước mục đầu tiên và số thứ tự không cho biết mục",
       "cell {cell}: indicator {id} comes before any section and its number names none",
       "Thêm một dòng mục (STT không có dấu chấm) trước chỉ số này.",
       "Add a section row (a number without a dot) before this indicator.",
       "")
define("CDS540", "warning",
       "{what} {id}: điểm tối đa ghi {stated}, nhưng tổng điểm tối đa các chỉ số là {computed}",
       "{what_en} {id}: the stated maximum is {stated}, but the indicators' maxima add up to {computed}",
       "Sửa điểm tối đa của {what} hoặc của các chỉ số cho khớp.{note}",
       "Correct the maximum of the {what_en} or of its indicators so that they agree.{note_en}",
       "Mục 1 | Nhận thức số | 50\nChỉ số 1.1 | A | 30\nChỉ số 1.2 | B | 30")
define("CDS541", "warning",
       "tổng điểm ghi {stated}, nhưng tổng điểm tối đa các mục là {computed}",
       "the stated total is {stated}, but the sections' maxima add up to {computed}",
       "Sửa `Tổng điểm:` hoặc điểm tối đa của các mục cho khớp.",
       "Correct `Tổng điểm:` or the sections' maxima so that they agree.",
       "Tổng điểm: 1000")
define("CDS542", "error",
       "số thứ tự {id} bị trùng (đã có ở dòng {first_line})",
       "number {id} is used twice (already on line {first_line})",
       "Đánh lại số thứ tự để mỗi chỉ số có một số riêng.",
       "Renumber so that every indicator has its own number.",
       "Chỉ số 1.1 | A | 10\nChỉ số 1.1 | B | 10")
define("CDS543", "warning",
       "đánh số bị thiếu: sau {previous} là {next}, không có {missing}",
       "numbering gap: {previous} is followed by {next}, {missing} is missing",
       "Kiểm tra lại văn bản: có thể chỉ số {missing} bị sót khi sao chép, hoặc số thứ tự bị đánh nhầm.",
       "Check the decision: indicator {missing} may have been lost in copying, or the numbering is wrong.",
       "Chỉ số 1.1 | A | 10\nChỉ số 1.2 | B | 10\nChỉ số 1.4 | C | 10")
define("CDS544", "warning",
       "có các chỉ số {children} nhưng không có chỉ số {parent} chứa chúng",
       "indicators {children} exist but indicator {parent}, which would contain them, does not",
       "Thêm dòng `Chỉ số {parent} | Tên | Điểm tối đa`, hoặc đánh lại số cho các chỉ số này.{note}",
       "Add a `Chỉ số {parent} | Tên | Điểm tối đa` line, or renumber these indicators.{note_en}",
       "Chỉ số 5.11 | A | 15\nChỉ số 5.12.1 | B | 5")
define("CDS545", "warning",
       "chỉ số {id} có điểm tối đa {stated}, nhưng tổng điểm tối đa {how} ({parts}) là {computed}",
       "indicator {id} has maximum {stated}, but the maxima of {how_en} ({parts}) add up to {computed}",
       "Sửa điểm tối đa của chỉ số {id} hoặc của các phần cho khớp.",
       "Correct the maximum of indicator {id} or of its parts so that they agree.",
       "Chỉ số 5.12 | A | 15\nChỉ số 5.12.1 | B | 5\nChỉ số 5.12.2 | C | 5")
define("CDS546", "error",
       "cách tính nhắc tới mục {ref}, nhưng bộ chỉ số không có chỉ số {ref}",
       "the scoring text refers to item {ref}, but the ruleset has no indicator {ref}",
       "Kiểm tra số thứ tự trong cách tính (có thể văn bản đánh nhầm số), hoặc thêm chỉ số {ref}.",
       "Check the number in the scoring text (the decision may have a typo), or add indicator {ref}.",
       "Cộng điểm từ 5.12.1 đến 5.12.9")
define("CDS547", "warning",
       "chỉ số {id} không có điểm tối đa",
       "indicator {id} has no maximum",
       "Ghi điểm tối đa theo văn bản; nếu văn bản không ghi, hãy hỏi cơ quan ban hành rồi ghi kèm ghi chú `#`.",
       "Write the maximum from the decision; if it states none, ask the issuer and add a `#` comment.",
       "Chỉ số 1.1 | Tên | -")
define("CDS548", "error",
       "chỉ số {id} áp dụng cho `Danh sách {name}`, nhưng danh sách này chưa được khai báo",
       "indicator {id} applies to `Danh sách {name}`, which is not defined",
       "Khai báo `Danh sách {name}: đơn vị 1; đơn vị 2; ...` ở phần đầu tệp, hoặc sửa tên danh sách.{known}",
       "Define `Danh sách {name}: unit 1; unit 2; ...` in the header, or fix the list's name.{known_en}",
       "Áp dụng: Danh sách Phụ lục III")
define("CDS549", "warning",
       "chỉ số {id} nằm trong mục {section} nhưng số thứ tự lại thuộc mục {prefix}",
       "indicator {id} is in section {section} but its number belongs to section {prefix}",
       "Kiểm tra lại số thứ tự của chỉ số hoặc vị trí của dòng `Mục`.",
       "Check the indicator's number or where the `Mục` line is.",
       "Mục 2 | Thể chế số | 10\nChỉ số 1.1 | A | 10")

# --- CDS550-559: damaged `.cds` files found by the fuzz suite (tests/test_fuzz_rulesets.py) ---
define("CDS550", "error",
       "tệp bộ chỉ số không phải UTF-8: không đọc được byte `{bytes}` ở đây",
       "the ruleset file is not UTF-8: byte `{bytes}` cannot be read here",
       "Lưu lại tệp với mã hoá UTF-8 (Save As → Encoding: UTF-8), rồi gõ lại ký tự ở chỗ này nếu nó bị hỏng.",
       "Save the file as UTF-8 (Save As → Encoding: UTF-8), then retype the character here if it was damaged.",
       "")
define("CDS551", "error",
       "không tính được công thức tổng `{formula}`: {detail}",
       "the set formula `{formula}` cannot be computed: {detail_en}",
       "Viết công thức tổng như `D = (A + B) x 485 / (485 + C)`: một phép gán, chỉ với số, các tên của "
       "`Trong đó:` và + - x /.",
       "Write the set formula as `D = (A + B) x 485 / (485 + C)`: one assignment, with only numbers, the "
       "names of `Trong đó:` and + - x /.",
       "Công thức tổng: D > 5")
define("CDS552", "error",
       "tên `{name}` của công thức tổng chưa được khai báo trong `Trong đó:`",
       "name `{name}` of the set formula is not declared under `Trong đó:`",
       "Thêm dòng `Trong đó: {name} = …` (ví dụ `Trong đó: {name} = tổng điểm các mục 1-6`) hoặc sửa tên.",
       "Add a line `Trong đó: {name} = …` (e.g. `Trong đó: {name} = tổng điểm các mục 1-6`) or fix the name.",
       "Công thức tổng: D = A + E\nTrong đó: A = tổng điểm các mục 1-6")
define("CDS553", "error",
       "không hiểu `Trong đó: {name} = {description}`",
       "cannot read `Trong đó: {name} = {description}`",
       "Viết một trong: `tổng điểm các mục 1-6`, `tổng điểm lĩnh vực ưu tiên`, `điểm tối đa lĩnh vực ưu tiên`, "
       "`tổng điểm`.",
       "Write one of: `tổng điểm các mục 1-6`, `tổng điểm lĩnh vực ưu tiên`, `điểm tối đa lĩnh vực ưu tiên`, "
       "`tổng điểm`.",
       "Trong đó: A = tổng điểm các mục a-b")

# --- CDS560-569: test cases of a ruleset (`NAME.tests.csv`, casetests.py, `cds test`) ---
# `where` is the test file with its line and column (`huyen.tests.csv:12:E`); `case` the case's name.
define("CDS560", "error",
       "{where}: tệp ca kiểm thử thiếu cột `{column}` (các cột cần có: {columns})",
       "{where}: the test-case file has no `{column}` column (the columns needed: {columns_en})",
       "Dòng đầu của tệp là dòng tiêu đề: `Ca,Nguồn,Chỉ số,Số liệu,Giá trị,Điểm mong đợi` "
       "(xem docs/ruleset-format.md, mục Ca kiểm thử).",
       "The file's first line is the header: `Ca,Nguồn,Chỉ số,Số liệu,Giá trị,Điểm mong đợi` "
       "(or `case,source,indicator,input,value,expected`; see docs/ruleset-format.md, Test cases).",
       "Ca,Chỉ số,Giá trị")
define("CDS561", "error",
       "{where}: ca `{case}`: bộ chỉ số không có chỉ số `{text}`",
       "{where}: case `{case}`: the ruleset has no indicator `{text}`",
       "Ghi số thứ tự của chỉ số như trong bộ chỉ số (ví dụ `1.3`), hoặc `Mục 2`, `Tổng`, "
       "`Lĩnh vực I` cho điểm của một mục, cả bộ hoặc một lĩnh vực.{near}",
       "Write the indicator's number as in the ruleset (e.g. `1.3`), or `Mục 2`, `Tổng`, `Lĩnh vực I` for "
       "the points of a section, the whole set or a sector.{near_en}",
       "Ca,Nguồn,Chỉ số,Số liệu,Giá trị,Điểm mong đợi\nA,x.txt:1,9.9,a,1,")
define("CDS562", "error",
       "{where}: ca `{case}`: chỉ số {indicator} không có số liệu `{key}` (các số liệu: {keys})",
       "{where}: case `{case}`: indicator {indicator} has no input `{key}` (its inputs: {keys})",
       "Dùng khoá mà `cds inputs` in ra cho chỉ số này (cột `Khoá`).",
       "Use a key that `cds inputs` lists for this indicator (column `Key`).",
       "Ca,Nguồn,Chỉ số,Số liệu,Giá trị,Điểm mong đợi\nA,x.txt:1,1.3,c,1,")
define("CDS563", "error",
       "{where}: ca `{case}`: không đọc được giá trị `{value}` của số liệu `{key}` chỉ số {indicator}: {detail}",
       "{where}: case `{case}`: the value `{value}` of input `{key}` of indicator {indicator} cannot be read: "
       "{detail_en}",
       "Ghi giá trị như trong mẫu nhập số liệu: một số (`8`, `2,5`, `80%`) hoặc một lựa chọn (chữ hoặc số "
       "thứ tự của nó).",
       "Write the value as the data form takes it: a number (`8`, `2,5`, `80%`) or a choice (its text or "
       "its number).",
       "Ca,Nguồn,Chỉ số,Số liệu,Giá trị,Điểm mong đợi\nA,x.txt:1,1.3,a,tám,")
define("CDS564", "error",
       "{where}: ca `{case}`: điểm mong đợi `{value}` không phải là một số",
       "{where}: case `{case}`: the expected points `{value}` are not a number",
       "Ghi điểm mong đợi là một số thập phân như bộ chỉ số làm tròn, ví dụ `7,5` hoặc `3.33`.",
       "Write the expected points as a decimal, rounded as the ruleset rounds, e.g. `7,5` or `3.33`.",
       "Ca,Nguồn,Chỉ số,Số liệu,Giá trị,Điểm mong đợi\nA,x.txt:1,1.3,,,bảy")
define("CDS565", "error",
       "{where}: ca `{case}` không có điểm mong đợi nào",
       "{where}: case `{case}` has no expected points",
       "Thêm một dòng của ca này với cột `Điểm mong đợi`: điểm của một chỉ số, một mục hoặc `Tổng`.",
       "Add a row to this case with the `Điểm mong đợi` (expected) column: the points of an indicator, a "
       "section or `Tổng` (total).",
       "Ca,Nguồn,Chỉ số,Số liệu,Giá trị,Điểm mong đợi\nA,x.txt:1,1.3,a,1,")
define("CDS566", "error",
       "{where}: tên ca `{case}` đã dùng cho một ca khác ({first})",
       "{where}: the case name `{case}` is already used by another case ({first})",
       "Đặt cho mỗi ca một tên riêng; các dòng liền nhau của cùng một ca có thể để trống cột `Ca`.",
       "Give each case its own name; the rows that follow a case's first row may leave `Ca` (case) empty.",
       "Ca,Nguồn,Chỉ số,Số liệu,Giá trị,Điểm mong đợi\nA,x.txt:1,1.3,,,10\nB,x.txt:1,1.3,,,10\nA,x.txt:1,1.3,,,10")
define("CDS567", "error",
       "{where}: {what}",
       "{where}: {what_en}",
       "Mỗi ca cần một tên (cột `Ca`, ở dòng đầu của ca) và dòng của văn bản nó lấy từ (cột `Nguồn`, ví dụ "
       "`rulesets/sources/huyen-ninh-thuan-2023.txt:123`).",
       "Each case needs a name (column `Ca`, on its first row) and the decision line it comes from (column "
       "`Nguồn`, e.g. `rulesets/sources/huyen-ninh-thuan-2023.txt:123`).",
       "Ca,Nguồn,Chỉ số,Số liệu,Giá trị,Điểm mong đợi\nA,,1.3,,,10")
define("CDS568", "error",
       "{where}: ca `{case}`: chỉ số {indicator} so sánh các đơn vị với nhau (tính theo cả nhóm), không kiểm "
       "thử được trên một đơn vị",
       "{where}: case `{case}`: indicator {indicator} compares the units with each other (a cohort "
       "indicator) and cannot be tested on one unit",
       "Bỏ điểm mong đợi của chỉ số này; kiểm thử nó bằng `cds score` trên một nhóm đơn vị.",
       "Drop this indicator's expected points; test it with `cds score` on a cohort.",
       "")
define("CDS569", "error",
       "không tìm thấy tệp ca kiểm thử {path} của bộ chỉ số {ruleset}",
       "no test-case file {path} for the ruleset {ruleset}",
       "Viết các ca trong tệp `{path}` bên cạnh bộ chỉ số (xem docs/ruleset-format.md, mục Ca kiểm thử), "
       "hoặc chỉ tệp khác bằng `--cases TỆP`.",
       "Write the cases in `{path}` beside the ruleset (see docs/ruleset-format.md, Test cases), or name "
       "another file with `--cases FILE`.",
       "")

# CDS570-579: authoring friction (a `Sửa:` replacing one phrase, markup in names, a row split by a page
# break: `Tiếp theo chỉ số X`). Arguments: `phrase` / `to` the phrases of `Sửa: "…" → "…"`, `id` an indicator.
define("CDS570", "error",
       "`Sửa:` thay `{phrase}` nhưng `Cách tính:` không có cụm này",
       "`Sửa:` replaces `{phrase}` but `Cách tính:` does not contain it",
       "Chép cụm cần thay đúng như trong `Cách tính:` (kể cả dấu cách), hoặc viết lại cả cách tính đã sửa dưới `Sửa:`.",
       "Copy the phrase exactly as under `Cách tính:` (spaces included), or write the whole corrected text under `Sửa:`.",
       'Sửa: "Tỷ lệ <80" → "Tỷ lệ <80%"')
define("CDS571", "error",
       "`Sửa:` thay `{phrase}` nhưng cụm này có {count} lần trong `Cách tính:` (dòng {lines}): không rõ thay chỗ nào",
       "`Sửa:` replaces `{phrase}` but it occurs {count} times under `Cách tính:` (lines {lines}): which one is meant?",
       "Chép thêm vài chữ trước hoặc sau để cụm chỉ có một lần, ví dụ `- Tỷ lệ <80:`.",
       "Copy a few more words before or after so that the phrase occurs once, e.g. `- Tỷ lệ <80:`.",
       'Sửa: "80" → "80%"')
define("CDS572", "error",
       "sau khi thay `{phrase}` bằng `{to}`, cách tính không đọc được: {detail}",
       "after replacing `{phrase}` with `{to}`, the scoring text cannot be read: {detail_en}",
       "Kiểm tra cụm thay thế, hoặc viết lại cả cách tính đã sửa dưới `Sửa:`.",
       "Check the replacement, or write the whole corrected text under `Sửa:`.",
       'Sửa: "Tỷ lệ <80" → "Tỷ lệ <"')
define("CDS573", "error",
       "`Sửa:` thay một cụm nhưng chỉ số không có `Cách tính:` để thay",
       "`Sửa:` replaces a phrase but the indicator has no `Cách tính:` to replace it in",
       "Viết `Cách tính:` như văn bản, hoặc viết cả cách tính dưới `Sửa:`.",
       "Write the `Cách tính:` as in the decision, or the whole scoring text under `Sửa:`.",
       "")
define("CDS574", "info",
       "đã bỏ định dạng trong tên: {repairs}",
       "markup removed from the name: {repairs_en}",
       "Nếu tên phải giữ các ký tự này, hãy viết chúng như chữ thường (không thẻ HTML hay lệnh LaTeX).",
       "If the name must keep these characters, write them as plain text (no HTML tag or LaTeX command).",
       "Chỉ số 1.1 | <i>Thể chế số</i> | 10")
define("CDS575", "error",
       "`Tiếp theo chỉ số {id}`: không có chỉ số {id} trong bộ chỉ số",
       "`Tiếp theo chỉ số {id}`: there is no indicator {id} in the ruleset",
       "Ghi đúng số thứ tự của chỉ số bị ngắt trang (dòng `Chỉ số {id} | ...` phải có ngay phía trên).",
       "Write the number of the indicator the page break split (its `Chỉ số {id} | ...` line must be just above).",
       "Tiếp theo chỉ số 2.3")
define("CDS576", "error",
       "`Tiếp theo chỉ số {id}` đứng trước dòng `Chỉ số {id}` (dòng {line}): phần tiếp theo phải viết sau phần đầu",
       "`Tiếp theo chỉ số {id}` comes before the `Chỉ số {id}` line (line {line}): the continuation must follow its start",
       "Chuyển dòng `Tiếp theo chỉ số {id}` và các dòng của nó xuống ngay sau chỉ số {id}.",
       "Move the `Tiếp theo chỉ số {id}` line and its lines to just after indicator {id}.",
       "")
define("CDS577", "error",
       "`Tiếp theo chỉ số {id}` phải đứng ngay sau chỉ số {id} (dòng {line}), nhưng {between} ở giữa",
       "`Tiếp theo chỉ số {id}` must come right after indicator {id} (line {line}), but {between_en} is in between",
       "Ngắt trang chỉ tách dòng cuối của trang: chuyển phần tiếp theo lên ngay sau chỉ số {id}.",
       "A page break splits only the last row of a page: move the continuation to right after indicator {id}.",
       "")

# ---------------------------------------------------------------------------
# CDS7xx: audit of published results (audit.py, results_table.py)
# Numbers in the arguments are written the way the table writes them
# (decimal comma for a Vietnamese table); `cell` is `D80` (column, line) for
# text tables and `Sheet1!D14` for workbooks.
# ---------------------------------------------------------------------------
define("CDS700", "error",
       "không đọc được bảng kết quả {name}: {detail}",
       "cannot read the results table {name}: {detail}",
       "Dùng bảng dạng văn bản phân cách bằng tab, tệp .csv/.tsv (UTF-8) hoặc .xlsx.",
       "Use tab-separated text, a .csv/.tsv file (UTF-8) or an .xlsx workbook.",
       "bang-ket-qua.pdf")
define("CDS701", "error",
       "không tìm thấy dòng tiêu đề của bảng kết quả trong {name}",
       "no header row of a results table found in {name}",
       "Bảng cần một dòng tiêu đề có các cột `STT`, `Điểm tối đa` và `Điểm đạt được` (hoặc `Điểm`).",
       "The table needs a header row with the columns `STT`, `Điểm tối đa` and `Điểm đạt được` (or `Điểm`).",
       "1\tNhận thức số\t100\t74")
define("CDS702", "error",
       "ô {cell} của chỉ số {id} không phải là số: `{text}`",
       "cell {cell} of indicator {id} is not a number: `{text}`",
       "Viết một số, ví dụ `41,6` hoặc `41.6`; để trống nếu không có điểm.",
       "Write a number, e.g. `41,6` or `41.6`; leave it empty when there are no points.",
       "3.1\tTỷ lệ ...\t10\t6,8,1")
define("CDS703", "error",
       "chỉ số {id} đạt {achieved} điểm, lớn hơn điểm tối đa {max} (ô {cell})",
       "indicator {id} scores {achieved} points, more than its maximum {max} (cell {cell})",
       "Điểm đạt được phải nằm trong [0, {max}]: kiểm tra lại cách chấm chỉ số này.",
       "Points achieved must lie in [0, {max}]: check how this indicator was scored.",
       "5.10\tSố lượng sự cố ...\t5\t8")
define("CDS704", "error",
       "chỉ số {id} có số điểm âm {value} (ô {cell})",
       "indicator {id} has negative points {value} (cell {cell})",
       "Điểm không thể âm: kiểm tra lại ô này.",
       "Points cannot be negative: check this cell.",
       "3.1\tTỷ lệ ...\t10\t-2")
define("CDS705", "error",
       "điểm tối đa của mục {id} ghi {stated} nhưng tổng điểm tối đa các chỉ số {first}–{last} là {computed} (lệch {difference})",
       "section {id} states a maximum of {stated} but its indicators {first}–{last} add up to {computed} (off by {difference})",
       "Sửa điểm tối đa của mục hoặc của chỉ số sai; tổng các chỉ số phải bằng điểm của mục.",
       "Fix the section's maximum or the wrong indicator's; the indicators must add up to the section.",
       "1\tNhận thức số\t100\t74")
define("CDS706", "error",
       "mục {id} ghi đạt {stated} điểm nhưng tổng điểm các chỉ số {first}–{last} là {computed} (lệch {difference})",
       "section {id} states {stated} points but its indicators {first}–{last} add up to {computed} (off by {difference})",
       "Cộng lại điểm các chỉ số của mục; một trong hai con số đã công bố sai.",
       "Add up the section's indicators again; one of the two published numbers is wrong.",
       "5\tAn toàn thông tin mạng\t100\t54")
define("CDS707", "error",
       "dòng tổng ghi điểm tối đa {stated} nhưng tổng điểm tối đa các mục là {computed} (lệch {difference})",
       "the total row states a maximum of {stated} but the sections' maxima add up to {computed} (off by {difference})",
       "Sửa dòng tổng hoặc điểm tối đa của mục sai.",
       "Fix the total row or the wrong section's maximum.",
       "\tTổng cộng\t1000\t398,49")
define("CDS708", "error",
       "dòng tổng ghi đạt {stated} điểm nhưng tổng điểm các mục là {computed} (lệch {difference})",
       "the total row states {stated} points but the sections add up to {computed} (off by {difference})",
       "Cộng lại điểm các mục; một trong hai con số đã công bố sai.",
       "Add up the sections again; one of the two published numbers is wrong.",
       "\tTổng cộng\t1000\t398,49")
define("CDS709", "error",
       "điểm tối đa của chỉ số {id} ghi {stated} nhưng tổng điểm tối đa các chỉ số con {first}–{last} là {computed} (lệch {difference})",
       "indicator {id} states a maximum of {stated} but its sub-indicators {first}–{last} add up to {computed} (off by {difference})",
       "Điểm tối đa của chỉ số phải bằng tổng của các chỉ số con.",
       "An indicator's maximum must equal the sum of its sub-indicators'.",
       "5.12\tTổng kinh phí ...\t15\t6,8")
define("CDS710", "error",
       "chỉ số {id} ghi đạt {stated} điểm nhưng tổng điểm các chỉ số con {first}–{last} là {computed} (lệch {difference})",
       "indicator {id} states {stated} points but its sub-indicators {first}–{last} add up to {computed} (off by {difference})",
       "Điểm của chỉ số phải bằng tổng điểm các chỉ số con (ví dụ 5.12 = 5.12.1 + … + 5.12.6).",
       "An indicator's points must equal its sub-indicators' sum (e.g. 5.12 = 5.12.1 + … + 5.12.6).",
       "5.12\tTổng kinh phí ...\t15\t6,8")
define("CDS711", "error",
       "số thứ tự {id} xuất hiện hai lần: dòng {first_line} và dòng {line}",
       "id {id} appears twice: line {first_line} and line {line}",
       "Mỗi chỉ số cần một số thứ tự riêng; sửa số thứ tự của một trong hai dòng.",
       "Every indicator needs its own id; fix the id of one of the two rows.",
       "6.2\tTriển khai Cổng dữ liệu mở\t5\t0")
define("CDS712", "warning",
       "số thứ tự {id} nằm giữa {previous} và {next}: nhiều khả năng là {intended} bị bảng tính đổi thành số {id}",
       "id {id} stands between {previous} and {next}: probably {intended}, turned into the number {id} by a spreadsheet",
       "Định dạng cột STT là văn bản (Text) rồi ghi lại `{intended}`; bảng được kiểm tra như thể dòng này là {intended}.",
       "Format the STT column as text and write `{intended}` again; the audit treats this row as {intended}.",
       "6.19 … 6.2 … 6.21")
define("CDS713", "error",
       "chỉ số {id} có điểm tối đa {stated} trong bảng nhưng {expected} trong bộ chỉ số",
       "indicator {id} has a maximum of {stated} in the table but {expected} in the ruleset",
       "Kiểm tra bảng kết quả hoặc bộ chỉ số đã chọn (đúng năm, đúng cấp).",
       "Check the results table or the ruleset chosen (right year, right level).",
       "7.3\tSố lượng doanh nghiệp nền tảng số\t20\t0,92")
define("CDS714", "warning",
       "chỉ số {id} công bố {stated} điểm nhưng tính lại theo công thức với số liệu trong lý do ({figures}) được {computed}",
       "indicator {id} publishes {stated} points but recomputing its formula with the figures in the reason ({figures}) gives {computed}",
       "Kiểm tra số liệu trong cột lý do và cách tính; số liệu được lấy theo thứ tự xuất hiện (a, b).",
       "Check the figures in the reason column and the formula; figures are taken in the order written (a, b).",
       "7.3\t...\t10\t0,5\t... : 77; Số lượng DN: 8333")

# ---------------------------------------------------------------------------
# CDS2xx: names and meaning (resolve.py)
# ---------------------------------------------------------------------------
define("CDS201", "error",
       "tên `{name}` chưa được định nghĩa",
       "name `{name}` is not defined",
       "{suggestion}",
       "{suggestion_en}",
       "- Điểm=Tỷ lệ 1*Điểm tối đa")
define("CDS202", "warning",
       "`{name}` được khai báo nhưng không được dùng trong cách tính điểm",
       "`{name}` is declared but never used in the scoring",
       "Dùng `{name}` trong công thức hoặc xoá khai báo.",
       "Use `{name}` in the formula or remove the declaration.",
       "a = Số lượng ...\nb = Tổng số ...\nĐiểm = b * Điểm tối đa")
define("CDS203", "info",
       "`{name}` ({description}) được hiểu là {meaning}",
       "`{name}` ({description}) is read as {meaning_en}",
       "Nếu không đúng, hãy viết công thức trực tiếp, ví dụ `{name} = Tỷ lệ cao nhất`.",
       "If this is wrong, write the formula directly, e.g. `{name} = Tỷ lệ cao nhất`.",
       "k = Tỷ lệ ... cao nhất trên tất cả các đơn vị")
define("CDS208", "info",
       "`{name}` không được tính trong văn bản (không có dòng `{name} = ...`): đơn vị nhập trực tiếp, mã số liệu `{key}`",
       "`{name}` is not computed in the text (no `{name} = ...` line): the unit reports it, input key `{key}`",
       "Nếu tỷ lệ phải tính từ các số liệu khác, hãy viết thêm, ví dụ `{name} = a/b`.",
       "If the ratio is to be computed from other figures, write it, e.g. `{name} = a/b`.",
       "- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: Tỷ lệ/80%*Điểm tối đa")
define("CDS209", "error",
       "`{name}` được tính từ chính nó: {chain}",
       "`{name}` is computed from itself: {chain}",
       "Một tên chỉ có một giá trị trong chỉ số; đặt tên khác cho giá trị mới (ví dụ `Điểm = ...` nếu "
       "đây là dòng tính điểm) hoặc bỏ dòng thừa.",
       "A name has one value in an indicator; give the new value another name (e.g. `Điểm = ...` if this "
       "is the scoring line) or remove the extra line.",
       "Tỷ lệ = a/b\nTỷ lệ = Tỷ lệ * Điểm tối đa")
define("CDS204", "info",
       "danh sách lựa chọn được hiểu là {mode_vi}: {reason_vi}",
       "the option list is read as {mode_en}: {reason_en}",
       "Nếu hiểu khác, ghi `Cách hiểu: cộng dồn` hoặc `Cách hiểu: loại trừ` cho chỉ số này trong bộ chỉ số.",
       "If another reading is meant, write `Cách hiểu: cộng dồn` or `Cách hiểu: loại trừ` for this indicator in the ruleset.",
       "- Đã triển khai đến các cơ quan: 1/2*Điểm tối đa\n- Đã triển khai đến từng thiết bị: 1/2*Điểm tối đa")
define("CDS205", "warning",
       "không rõ danh sách lựa chọn là loại trừ (chọn một) hay cộng dồn: {reason_vi}",
       "the option list could be exclusive (pick one) or cumulative (add up): {reason_en}",
       "Ghi `Cách hiểu: cộng dồn` hoặc `Cách hiểu: loại trừ` cho chỉ số này trong bộ chỉ số.",
       "Write `Cách hiểu: cộng dồn` or `Cách hiểu: loại trừ` for this indicator in the ruleset.",
       "- Có A: 1/2*Điểm tối đa\n- Có B: 1/4*Điểm tối đa")
define("CDS206", "error",
       "không tìm thấy cách tính điểm của {where}",
       "no scoring rule found in {where_en}",
       "Thêm một dòng cho điểm, ví dụ `Điểm = Tỷ lệ * Điểm tối đa`.",
       "Add a scoring line, e.g. `Điểm = Tỷ lệ * Điểm tối đa`.",
       "a = Số lượng ...")
define("CDS207", "warning",
       "{where} có nhiều cách tính điểm; dùng cách cuối cùng (dòng {line})",
       "{where_en} has several scoring rules; the last one is used (line {line})",
       "Giữ lại một cách tính điểm cho mỗi phần.",
       "Keep one scoring rule per part.",
       "Điểm = Tỷ lệ * Điểm tối đa\n- Tỷ lệ >= 80%: Điểm tối đa")


# ---------------------------------------------------------------------------
# CDS6xx: data and scoring (runtime.py, interpret.py, codegen.py, cohort.py, scoring.py)
# Arguments: `indicator` indicator id, `unit_name` the unit's name, `key` the input key
# (``a``, ``lựa chọn``), `description` what the key stands for, `where` the
# cell (``cohort.csv:4:F``), `value` what the cell held.
# CDS600-609 reading a figure, CDS610-619 evaluating a formula,
# CDS620-629 cohorts, CDS630-639 rulesets.
# ---------------------------------------------------------------------------
define("CDS600", "error",
       "thiếu số liệu `{key}` ({description})[[ (ô {where})]]",
       "input `{key}` ({description}) is missing[[ (cell {where})]]",
       "Nhập giá trị của `{key}` cho đơn vị này; nếu đơn vị không có số liệu, ghi 0.",
       "Enter a value for `{key}` for this unit; write 0 if the unit has none.",
       "a = Số lượng ...  (no value for a)")
define("CDS601", "error",
       "`{key}` = `{value}`[[ ở ô {where}]]: {detail}",
       "`{key}` = `{value}`[[ in cell {where}]]: {detail_en}",
       "Ghi một số, ví dụ `12`, `2,5` hoặc `80%` (tỷ lệ); không ghi chữ hay đơn vị vào ô số liệu.",
       "Write a number, e.g. `12`, `2,5` or `80%` (a ratio); no words or units in a figure's cell.",
       "a = \"mười hai\"")
define("CDS602", "error",
       "`{key}` = `{value}`[[ ở ô {where}]] có thể là {grouped} hoặc {decimal}",
       "`{key}` = `{value}`[[ in cell {where}]] could be {grouped} or {decimal}",
       "Viết `{grouped}` (hoặc cách nhóm bằng khoảng trắng) nếu là số nguyên, `{decimal}` (dấu phẩy thập phân) nếu là số lẻ.",
       "Write `{grouped}` (or group digits with spaces) for a whole number, `{decimal}` (decimal comma) for a fraction.",
       "b = \"8.333\"")
define("CDS603", "error",
       "`{key}` = `{value}`[[ ở ô {where}]] là số âm",
       "`{key}` = `{value}`[[ in cell {where}]] is negative",
       "Số lượng, số tiền và tỷ lệ không thể âm: kiểm tra lại số liệu.",
       "Counts, amounts and ratios cannot be negative: check the figure.",
       "a = -3")
define("CDS604", "error",
       "`{key}` = `{value}`[[ ở ô {where}]] phải là số nguyên (đây là số lượng: {description})",
       "`{key}` = `{value}`[[ in cell {where}]] must be a whole number (it is a count: {description})",
       "Số lượng là số nguyên, ví dụ `12`; số lớn viết `8333` hoặc `8 333`.",
       "A count is a whole number, e.g. `12`; write large numbers as `8333` or `8 333`.",
       "a = 2,5 (a count)")
define("CDS605", "error",
       "`{value}`[[ (ô {where})]] không phải là một lựa chọn của chỉ số",
       "`{value}`[[ (cell {where})]] is not one of the indicator's options",
       "Ghi đúng tên lựa chọn hoặc số thứ tự của nó (0 nếu không chọn gì): {choices}.",
       "Write an option's text or its number (0 for none): {choices}.",
       "lựa chọn = \"Đã ban hàn\"")
define("CDS606", "error",
       "chỉ được chọn một lựa chọn nhưng[[ ô {where}]] chọn nhiều: {value}",
       "only one option may be chosen but[[ cell {where}]] chooses several: {value}",
       "Chọn một lựa chọn; nếu các mức cộng dồn, ghi `Cách hiểu: cộng dồn` cho chỉ số trong bộ chỉ số.",
       "Choose one option; if the options add up, write `Cách hiểu: cộng dồn` for the indicator in the ruleset.",
       "lựa chọn = \"1;2\" (exclusive list)")
define("CDS610", "warning",
       "chia cho 0 ({expr}, {key} = 0): chỉ số được 0 điểm",
       "division by zero ({expr}, {key} = 0): the indicator scores 0",
       "Nếu đơn vị không có đối tượng để tính tỷ lệ, hãy xác nhận với cơ quan chấm điểm; đặt `Chia cho 0: lỗi` trong bộ chỉ số để coi đây là lỗi.",
       "If the unit has nothing to take a ratio of, confirm with the assessing body; set `Chia cho 0: lỗi` in the ruleset to treat this as an error.",
       "Tỷ lệ = a/b with b = 0")
define("CDS611", "error",
       "chia cho 0 ({expr}, {key} = 0)",
       "division by zero ({expr}, {key} = 0)",
       "Kiểm tra số liệu `{key}`[[ (ô {where})]]: mẫu số không được bằng 0.",
       "Check `{key}`[[ (cell {where})]]: the denominator must not be 0.",
       "Tỷ lệ = a/b with b = 0 (Chia cho 0: lỗi)")
define("CDS612", "warning",
       "không trường hợp nào khớp với {subject} = {value}: 0 điểm",
       "no case matches {subject} = {value}: 0 points",
       "Các trường hợp của công thức bỏ sót giá trị này; thêm một trường hợp (ví dụ `- Trường hợp khác: 0 điểm`).",
       "The cases leave this value out; add a case (e.g. `- Trường hợp khác: 0 điểm`).",
       "- Tỷ lệ >= 80%: Điểm tối đa (Tỷ lệ = 50%)")
define("CDS613", "warning",
       "điểm tính ra {value} nằm ngoài [0, {max}]: lấy {clamped}",
       "the computed points {value} are outside [0, {max}]: {clamped} is used",
       "Kiểm tra số liệu và công thức: điểm của chỉ số không được vượt quá điểm tối đa hay nhỏ hơn 0.",
       "Check the data and the formula: points cannot exceed the maximum or fall below 0.",
       "Điểm = a * Điểm tối đa (a = 2)")
define("CDS614", "error",
       "{parts} = {part_value} lớn hơn {wholes} = {whole_value} ({ratio} = {ratio_value} > 100%): chỉ số không được chấm",
       "{parts} = {part_value} is larger than {wholes} = {whole_value} ({ratio} = {ratio_value} > 100%): the indicator is not scored",
       "`{parts}` là một phần của `{wholes}` nên không thể lớn hơn; sửa số liệu[[ ở ô {where}]].",
       "`{parts}` is counted within `{wholes}` and cannot exceed it; correct the figures[[ in cell {where}]].",
       "Tỷ lệ = a/b with a = 12, b = 10")
define("CDS615", "error",
       "công thức còn lỗi nên không chấm được điểm ({detail})",
       "the formula has errors and cannot be scored ({detail})",
       "Sửa các lỗi của công thức (chạy `cds check`) rồi chấm lại.",
       "Fix the formula's errors (run `cds check`) and score again.",
       "- Điểm=Tỷ lệ 1*Điểm tối đa")
define("CDS616", "error",
       "`Cộng điểm từ {first} đến {last}` cần điểm của các chỉ số đó",
       "`Cộng điểm từ {first} đến {last}` needs the points of those indicators",
       "Chấm cả bộ chỉ số (`score_unit`) hoặc truyền `item_points` cho `evaluate_program`.",
       "Score the whole ruleset (`score_unit`) or pass `item_points` to `evaluate_program`.",
       "Cộng điểm từ 5.12.1 đến 5.12.6")
define("CDS617", "error",
       "tính điểm theo {method} nên cần số liệu của tất cả các đơn vị; không chấm được một đơn vị riêng lẻ",
       "scored by {method_en}, so it needs every unit's data; one unit alone cannot be scored",
       "Chấm cả nhóm đơn vị bằng `score_cohort` (hoặc `cds score` với tệp số liệu của tất cả các đơn vị).",
       "Score the whole cohort with `score_cohort` (or `cds score` with every unit's data).",
       "Tính điểm theo phương pháp Min-Max ...")
define("CDS618", "error",
       "cách làm tròn `{mode}` không được hỗ trợ",
       "rounding mode `{mode}` is not supported",
       "Dùng `half_up` (làm tròn) hoặc `truncate` (cắt bớt).",
       "Use `half_up` or `truncate`.",
       "")
define("CDS620", "warning",
       "đơn vị {unit_name} không được tính vào {aggregate} của cả nhóm vì không tính được giá trị của đơn vị ({reason})",
       "unit {unit_name} is left out of the cohort's {aggregate_en} because its value cannot be computed ({reason_en})",
       "Sửa số liệu của đơn vị này rồi chấm lại cả nhóm: giá trị cao nhất/thấp nhất có thể thay đổi.",
       "Correct this unit's data and score the cohort again: the highest/lowest value may change.",
       "")
define("CDS621", "error",
       "điểm nhập trực tiếp {value}[[ (ô {where})]] nằm ngoài [0, {max}]",
       "the points entered {value}[[ (cell {where})]] are outside [0, {max}]",
       "Điểm nhập trực tiếp phải từ 0 đến điểm tối đa của chỉ số.",
       "Points entered directly must lie between 0 and the indicator's maximum.",
       "điểm = 12 (maximum 10)")
define("CDS622", "warning",
       "chỉ số {indicator} chấm theo {method} nhưng {count} đơn vị có số liệu đều có cùng giá trị {value}: "
       "không so sánh được, {outcome}",
       "indicator {indicator} uses {method_en} but the {count} unit(s) with data all have the same value {value}: "
       "nothing to compare, {outcome_en}",
       "Kiểm tra lại số liệu của các đơn vị cho chỉ số này: nếu đúng là bằng nhau thì điểm trên là theo quy ước "
       "ở docs/semantics.md (mục Cả nhóm đơn vị); nếu có đơn vị còn thiếu số liệu, bổ sung rồi chấm lại cả nhóm.",
       "Check the units' data for this indicator: if the values really are equal, the points above follow the "
       "rule in docs/semantics.md (Cohorts); if a unit's value is missing, add it and score the cohort again.",
       "3 huyện cùng có 2 cuộc diễn tập (chỉ số 5.8, Min-Max)")
# --- CDS623-629: writing spreadsheets (safe_cells.py): reproducible .xlsx (SOURCE_DATE_EPOCH)
define("CDS623", "error",
       "biến môi trường SOURCE_DATE_EPOCH = `{value}` không phải số giây (số nguyên không âm) kể từ "
       "1970-01-01 UTC; chưa ghi tệp {path}",
       "the environment variable SOURCE_DATE_EPOCH = `{value}` is not a number of seconds (a whole number, "
       "not negative) since 1970-01-01 UTC; {path} was not written",
       "Đặt SOURCE_DATE_EPOCH là một số nguyên như kết quả của `date +%s` (ví dụ 1700000000), hoặc bỏ biến "
       "này (`unset SOURCE_DATE_EPOCH`) để dùng giờ hiện tại.",
       "Set SOURCE_DATE_EPOCH to a whole number as `date +%s` prints it (e.g. 1700000000), or unset it "
       "(`unset SOURCE_DATE_EPOCH`) to use the current time.",
       "SOURCE_DATE_EPOCH=2024-01-01 cds rank bo.cds so-lieu.csv --format xlsx -o bao-cao.xlsx")
define("CDS630", "error",
       "không tính được công thức tổng `{formula}`: {detail}",
       "cannot compute the set formula `{formula}`: {detail_en}",
       "Công thức tổng chỉ dùng các tên khai báo trong `Trong đó:` (ví dụ A = tổng điểm các mục 1-6), số và + - x /.",
       "The set formula may use only the names bound under `Trong đó:`, numbers and + - x /.",
       "Công thức tổng: D = (A + B) x 485 / (485 + C)")
define("CDS631", "info",
       "chỉ số không áp dụng cho đơn vị này: không tính vào tổng điểm và điểm tối đa",
       "the indicator does not apply to this unit: left out of the total and of the maximum",
       "Không cần làm gì; nếu đơn vị phải được chấm chỉ số này, thêm đơn vị vào danh sách ở dòng `Áp dụng:` "
       "(hoặc ghi đúng `Lĩnh vực` của đơn vị).",
       "Nothing to do; if the unit must be scored on it, add the unit to the list named by `Áp dụng:` "
       "(or give the unit's `Lĩnh vực`).",
       "Áp dụng: Danh sách Phụ lục II  (a unit not in the list)")
# --- the arguments of the API and the code `cds compile` writes (resolve.py, runtime.py, codegen.py) ---
define("CDS632", "error",
       "mô-đun Python tạo ra không hợp lệ nên không được ghi ({detail})",
       "the generated Python module is not valid, so it was not written ({detail})",
       "Đây là lỗi của cdsdsl, không phải của bộ chỉ số: xin báo lại kèm tệp bộ chỉ số.",
       "This is a bug in cdsdsl, not in the ruleset: please report it with the ruleset file.",
       "")
define("CDS633", "error",
       "điểm tối đa (tham số `{argument}`) = `{value}` không dùng được: {reason}",
       "the maximum points (argument `{argument}`) = `{value}` cannot be used: {reason_en}",
       "Truyền điểm tối đa của chỉ số: một số không âm, hữu hạn, ví dụ `10`, `2.5`, `Fraction(5, 2)` hoặc "
       "`\"2.5\"`.",
       "Pass the indicator's maximum points: a finite number that is not negative, e.g. `10`, `2.5`, "
       "`Fraction(5, 2)` or `\"2.5\"`.",
       "evaluate_formula(text, float(\"nan\"), inputs)")
define("CDS634", "error",
       "số liệu của đơn vị (tham số `{argument}`) phải là một bảng tên → giá trị (dict), không phải `{type}`",
       "the unit's data (argument `{argument}`) must be a mapping of names to values (a dict), not `{type}`",
       "Truyền một dict, ví dụ `{{\"a\": 7, \"b\": 21}}`.",
       "Pass a dict, e.g. `{{\"a\": 7, \"b\": 21}}`.",
       "evaluate_formula(text, 10, [7, 21])")

# ---------------------------------------------------------------------------
# CDS640-649: reading .xlsx workbooks (xlsx.py; used by forms.py, sheets.py, results_table.py)
# `where` is the file and the cell (`so-lieu.xlsx › Dữ liệu!D7`) or the file alone;
# `cell` the cell as Excel writes it (`'Dữ liệu'!D7`); `limit` a bound of docs/data-entry.md.
# ---------------------------------------------------------------------------
define("CDS640", "error",
       "{where}: tệp được bảo vệ bằng mật khẩu (đã mã hoá) nên không đọc được",
       "{where}: the file is protected with a password (encrypted) and cannot be read",
       "Mở tệp bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hoá bằng mật khẩu: xoá mật "
       "khẩu) rồi lưu lại dạng .xlsx.",
       "Open the file in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password: "
       "clear it) and save it again as .xlsx.",
       "so-lieu.xlsx (password-protected)")
define("CDS641", "error",
       "{where}: tệp là bảng tính Excel 97-2003 (.xls) kiểu cũ, không phải .xlsx",
       "{where}: the file is an old Excel 97-2003 workbook (.xls), not an .xlsx",
       "Mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng Excel Workbook (.xlsx) (Tệp › Lưu thành).",
       "Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx) (File › Save As).",
       "so-lieu.xls")
define("CDS642", "error",
       "{where}: bảng tính không có trang tính nào (tệp trống, hoặc chỉ có trang biểu đồ)",
       "{where}: the workbook has no worksheet (it is empty, or holds only chart sheets)",
       "Ghi số liệu vào một trang tính (worksheet) thường, không phải trang biểu đồ; dùng mẫu do `cds template` tạo ra.",
       "Put the data in an ordinary worksheet, not a chart sheet; use the form `cds template` writes.",
       "so-lieu.xlsx (chart sheets only)")
define("CDS643", "error",
       "{where}: dòng {row} có dữ liệu, quá giới hạn {limit} dòng của một trang tính; không đọc tệp này",
       "{where}: row {row} holds data, past the limit of {limit} rows per sheet; the file is not read",
       "Nếu ô này bị ghi nhầm (Ctrl+End trong Excel đưa đến ô cuối cùng có dữ liệu), xoá nó rồi lưu lại; nếu số "
       "liệu thật sự nhiều như vậy, chia ra nhiều tệp.",
       "If the cell was filled by mistake (Ctrl+End in Excel goes to the last filled cell), delete it and save; "
       "if there really is that much data, split it into several files.",
       "A1048576 = 1")
define("CDS644", "error",
       "{where}: ô có dữ liệu nằm sau cột {last}, quá giới hạn {limit} cột của một trang tính; không đọc tệp này",
       "{where}: a filled cell lies after column {last}, past the limit of {limit} columns per sheet; the file is "
       "not read",
       "Xoá ô bị ghi nhầm ở xa bên phải (Ctrl+End trong Excel đưa đến ô cuối cùng có dữ liệu) rồi lưu lại.",
       "Delete the stray cell far to the right (Ctrl+End in Excel goes to the last filled cell) and save.",
       "XFD5 = 1")
define("CDS645", "error",
       "{where}: ô chứa {length} ký tự, quá giới hạn {limit} ký tự của một ô; không đọc tệp này",
       "{where}: the cell holds {length} characters, past the limit of {limit} per cell; the file is not read",
       "Một ô của Excel chứa tối đa 32 767 ký tự: tệp này không do Excel ghi ra; rút ngắn nội dung ô.",
       "An Excel cell holds at most 32 767 characters, so this file was not written by Excel; shorten the cell.",
       "")
define("CDS646", "error",
       "{where}: bảng tính quá lớn để đọc: {detail}; không đọc tệp này",
       "{where}: the workbook is too large to read: {detail_en}; the file is not read",
       "Xoá các dòng, cột hay trang không dùng (hoặc chia số liệu ra nhiều tệp) rồi lưu lại; giới hạn: "
       "docs/data-entry.md.",
       "Delete the rows, columns or sheets not used (or split the data into several files) and save; the limits: "
       "docs/data-entry.md.",
       "")
define("CDS647", "error",
       "{where}: ô chứa công thức `{formula}` nhưng tệp không lưu giá trị đã tính, nên ô được đọc là trống",
       "{where}: the cell holds the formula `{formula}` but the file keeps no computed value, so the cell reads "
       "as empty",
       "Tệp do một chương trình ghi ra mà không tính công thức: mở tệp bằng Excel hoặc LibreOffice rồi lưu lại "
       "(giá trị được tính và lưu), hoặc ghi thẳng giá trị vào ô.",
       "A program wrote the file without computing its formulas: open it in Excel or LibreOffice and save it "
       "(the values are computed and kept), or type the value into the cell.",
       "D7 = \"=SUM(D3:D6)\" written by a script")
define("CDS648", "error",
       "{where}: tên đơn vị dài {length} ký tự, quá giới hạn {limit} ký tự; bỏ qua đơn vị này",
       "{where}: the unit's name is {length} characters long, past the limit of {limit}; the unit is skipped",
       "Ghi tên đơn vị ngắn gọn (ví dụ `Huyện Ninh Hải`); ghi chú để ở cột `Ghi chú`.",
       "Write the unit's short name (e.g. `Huyện Ninh Hải`); put notes in a `Ghi chú` column.",
       "")
define("CDS649", "error",
       "{where}: còn {count} ô khác chứa công thức chưa có giá trị đã tính (các ô: {cells})",
       "{where}: {count} more cells hold a formula with no computed value (the cells: {cells})",
       "Mở tệp bằng Excel hoặc LibreOffice rồi lưu lại để các công thức được tính.",
       "Open the file in Excel or LibreOffice and save it so that the formulas are computed.",
       "")

# ---------------------------------------------------------------------------
# CDS650-669: delimited text files and the scales of values (textfile.py, forms.py)
# `where` is the place: `cohort.csv:12` (a row, its physical line), `cohort.csv:12:F` (a cell);
# `indicator`, `unit_name`, `key` as above.  See docs/data-entry.md ("Tệp văn bản", "Thang giá trị").
# ---------------------------------------------------------------------------
define("CDS650", "error",
       "không đọc được tệp {name}: {detail}",
       "cannot read the file {name}: {detail_en}",
       "Lưu tệp dưới dạng UTF-8 (Excel: Tệp › Lưu thành › \"CSV UTF-8 (phân cách bằng dấu phẩy)\") rồi chạy lại.",
       "Save the file as UTF-8 (Excel: File › Save As › \"CSV UTF-8 (Comma delimited)\") and run again.",
       "bang.csv saved as cp1258")
define("CDS651", "error",
       "{where}: ô ở dòng {line}, cột {column} dài {length} ký tự, quá giới hạn {limit}",
       "{where}: the cell at line {line}, column {column} is {length} characters long, over the limit of {limit}",
       "Một ô không thể dài như vậy: thường là do một dấu ngoặc kép \" mở mà không đóng, nuốt cả phần sau của tệp; "
       "kiểm tra dấu ngoặc kép của ô này.",
       "No cell is that long: usually a quote \" was opened and never closed, swallowing the rest of the file; "
       "check this cell's quotes.",
       "Huyện A,\"9,10,...")
define("CDS652", "error",
       "{where}: dấu ngoặc kép mở ở dòng {line} (cột {column}) không được đóng đúng chỗ: {extent}; số liệu của "
       "dòng này không được dùng",
       "{where}: the quote opened at line {line} (column {column}) is not closed where it should be: {extent_en}; "
       "the data of this row is not used",
       "Đóng dấu ngoặc kép ngay sau nội dung của ô (\"40,6\"), hoặc bỏ dấu ngoặc kép thừa; một dấu \" trong ô viết "
       "thành \"\".",
       "Close the quote right after the cell's content (\"40,6\"), or delete the stray quote; a quote inside a cell "
       "is written \"\".",
       "Huyện A,\"40,6,9\nHuyện B,...")
define("CDS653", "error",
       "{where}: dòng có {cells} ô nhưng dòng tiêu đề chỉ có {header} cột; ô thừa đầu tiên `{text}` ở cột {column}; "
       "các giá trị của dòng này không được dùng vì có thể đã bị lệch cột",
       "{where}: the row has {cells} cells but the header has only {header} columns; the first extra cell `{text}` "
       "is in column {column}; the row's values are not used because they may have shifted columns",
       "Xoá các ô thừa, hoặc đặt ô có dấu phẩy trong ngoặc kép (\"2,5\"); số thập phân trong tệp phân cách bằng dấu "
       "phẩy phải đặt trong ngoặc kép, hoặc lưu tệp phân cách bằng dấu chấm phẩy.",
       "Delete the extra cells, or quote a cell that holds a comma (\"2,5\"); in a comma-separated file a decimal "
       "comma must be quoted, or save the file separated by semicolons.",
       "Đơn vị,1.3:a\nHuyện A,9,10")
define("CDS654", "error",
       "{where}: dòng có {cells} ô nhưng dòng tiêu đề chỉ có {header} cột (ô `{key_column}`, cột {column}): có thể "
       "số {number} bị tách vì dấu phẩy thập phân; hãy đặt trong ngoặc kép hoặc dùng dấu chấm phẩy; các giá trị "
       "từ cột {cut_column} của dòng này không được dùng",
       "{where}: the row has {cells} cells but the header has only {header} columns (input `{key_column}`, column "
       "{column}): the number {number} was probably split by its decimal comma; quote it or use semicolons; "
       "the row's values from column {cut_column} on are not used",
       "Viết \"{number}\" (trong ngoặc kép), hoặc lưu tệp phân cách bằng dấu chấm phẩy (;), hoặc dùng dấu chấm "
       "thập phân ({number_dot}).",
       "Write \"{number}\" (quoted), or save the file separated by semicolons (;), or use a decimal point "
       "({number_dot}).",
       "Huyện A,1234,5,45%")
define("CDS655", "warning",
       "{where}: dòng chỉ có {cells} ô, dòng tiêu đề có {header} cột: các cột từ {column} được coi là để trống",
       "{where}: the row has only {cells} cells, the header {header} columns: the columns from {column} on are "
       "read as empty",
       "Nếu thiếu ô ở giữa dòng thì các giá trị sau đó đã bị lệch cột: điền đủ ô (để trống ô không có số liệu) để "
       "mỗi giá trị nằm đúng cột.",
       "If a cell is missing in the middle of the row the later values have shifted: give every column a cell "
       "(empty where there is no data) so each value stays in its column.",
       "Đơn vị,1.3:a,1.3:b\nHuyện A,9")
define("CDS656", "error",
       "{where}: `{key}` của chỉ số {indicator} (đơn vị {unit_name}) là tỷ lệ nhưng `{value}` = {percent}, ngoài "
       "khoảng 0% – {max}",
       "{where}: `{key}` of indicator {indicator} (unit {unit_name}) is a ratio but `{value}` = {percent}, outside "
       "0% – {max}",
       "Tỷ lệ ghi từ 0% đến 100% (ví dụ 45%); nếu chỉ số cho phép vượt 100% thì cách tính trong văn bản phải nêu "
       "mức trên 100%.",
       "A ratio lies between 0% and 100% (e.g. 45%); if the indicator allows more, its scoring text must name a "
       "level above 100%.",
       "Huyện A,150%")
define("CDS657", "error",
       "{where}: `{key}` của chỉ số {indicator} (đơn vị {unit_name}) là tỷ lệ (%) nhưng ghi số không có dấu %: "
       "`{value}`; không đoán thang đo",
       "{where}: `{key}` of indicator {indicator} (unit {unit_name}) is a ratio (%) but holds a number without "
       "a % sign: `{value}`; the scale is not guessed",
       "Ghi kèm dấu %: {suggestion}.",
       "Write it with a % sign: {suggestion_en}.",
       "Huyện A,45")
define("CDS658", "error",
       "{where}: `{key}` của chỉ số {indicator} (đơn vị {unit_name}) là số điểm nhưng ghi `{value}`: điểm không "
       "phải là tỷ lệ phần trăm",
       "{where}: `{key}` of indicator {indicator} (unit {unit_name}) is points but holds `{value}`: points are not "
       "a percentage",
       "Ghi số điểm (ví dụ {suggestion}), không có dấu %.",
       "Write the points (e.g. {suggestion}) without a % sign.",
       "Huyện A,45%")
define("CDS659", "error",
       "{where}: `{key}` của chỉ số {indicator} (đơn vị {unit_name}) có {digits} chữ số, quá giới hạn {limit}",
       "{where}: `{key}` of indicator {indicator} (unit {unit_name}) has {digits} digits, over the limit of {limit}",
       "Kiểm tra ô này: không số liệu nào dài như vậy (có thể đã dán nhầm nhiều ô vào một ô).",
       "Check this cell: no figure is that long (several cells may have been pasted into one).",
       "Huyện A,1234567890123456789012345678901234567890")

# ---------------------------------------------------------------------------
# CDS8xx: data-entry forms and unit data (forms.py)
# Every message names the cell: `where` is `form.xlsx › Huyện A › H7`,
# `form.xlsx › Dữ liệu › F5`, `cohort.csv:5:F` or `cohort.json › Huyện A › 1.3:a`
# `indicator` and `unit_name` repeat the diagnostic's item and unit.
# ---------------------------------------------------------------------------
define("CDS800", "error",
       "không đọc được tệp số liệu {name}: {detail}",
       "cannot read the data file {name}: {detail_en}",
       "Dùng mẫu do `cds template` tạo ra: tệp .xlsx, .csv/.tsv (UTF-8) hoặc .json.",
       "Use the form `cds template` writes: an .xlsx, .csv/.tsv (UTF-8) or .json file.",
       "so-lieu.pdf")
define("CDS801", "error",
       "không tìm thấy số liệu đơn vị nào trong {name}: không có dòng tiêu đề `Đơn vị` hay trang theo mẫu",
       "no unit data found in {name}: no `Đơn vị` header row and no sheet in the form's layout",
       "Dòng tiêu đề cần cột `Đơn vị` và các cột dạng `1.3:a`; trang đơn vị cần các cột `Mã ô` và `Giá trị`.",
       "The header row needs a column `Đơn vị` and columns such as `1.3:a`; a unit sheet needs the columns `Mã ô` and `Giá trị`.",
       "Tên,Giá trị")
define("CDS802", "error",
       "{where}: `{column}` không phải là chỉ số nào của bộ chỉ số",
       "{where}: `{column}` is not an indicator of the ruleset",
       "Tên cột viết theo dạng `chỉ số:mã ô`, ví dụ `1.3:a`; xem mẫu do `cds template` tạo ra.",
       "Column names are `indicator:input`, e.g. `1.3:a`; see the form `cds template` writes.",
       "Đơn vị,1.99:a")
define("CDS803", "error",
       "{where}: chỉ số {indicator} không có ô `{key}` (các ô của chỉ số: {known})",
       "{where}: indicator {indicator} has no input `{key}` (its inputs: {known})",
       "Dùng đúng mã ô của mẫu, ví dụ `1.3:a`; chỉ số không có cách tính dùng ô `điểm`.",
       "Use the form's input keys, e.g. `1.3:a`; an indicator with no scoring text uses the input `điểm`.",
       "Đơn vị,1.3:z")
define("CDS804", "error",
       "{where}: đơn vị `{unit_name}` đã có số liệu ở {first}; bỏ qua lần ghi thứ hai",
       "{where}: unit `{unit_name}` already has data at {first}; the second one is skipped",
       "Mỗi đơn vị chỉ ghi một lần; gộp hoặc xoá dòng (trang) bị trùng.",
       "Give each unit once; merge or delete the duplicate row (sheet).",
       "Huyện A,...\nHuyện A,...")
define("CDS805", "error",
       "{where}: `{text}` không phải là lựa chọn của ô `{key}` chỉ số {indicator} (các lựa chọn: {choices})",
       "{where}: `{text}` is not a choice of input `{key}` of indicator {indicator} (the choices: {choices})",
       "Chọn đúng một lựa chọn trong danh sách, hoặc ghi số thứ tự của nó (ví dụ 2).",
       "Pick one of the listed choices, or write its number (e.g. 2).",
       "Huyện A,Đã ban hanh rồi")
define("CDS806", "error",
       "{where}: ô `{key}` của chỉ số {indicator} chỉ được chọn một lựa chọn nhưng ghi `{text}` (các lựa chọn: {choices})",
       "{where}: input `{key}` of indicator {indicator} takes one choice only but holds `{text}` (the choices: {choices})",
       "Giữ lại một lựa chọn; danh sách này là loại trừ (chỉ chọn một).",
       "Keep one choice; this list is exclusive (pick one).",
       "Huyện A,1; 2")
define("CDS807", "info",
       "{where}: đơn vị `{unit_name}` chưa có số liệu nào; bỏ qua",
       "{where}: unit `{unit_name}` has no data; skipped",
       "Điền số liệu cho đơn vị này hoặc xoá dòng (trang) của nó.",
       "Fill in the unit's data or delete its row (sheet).",
       "Huyện A,,,")
define("CDS808", "error",
       "{where}: có số liệu nhưng không có tên đơn vị",
       "{where}: data without a unit name",
       "Ghi tên đơn vị vào cột `Đơn vị` (hoặc ô B2 của trang đơn vị).",
       "Write the unit's name in the column `Đơn vị` (or in cell B2 of the unit's sheet).",
       ",9,10")
define("CDS809", "error",
       "{where}: `{text}` không phải là lĩnh vực ưu tiên nào của bộ chỉ số (các lĩnh vực: {choices})",
       "{where}: `{text}` is not a priority sector of the ruleset (the sectors: {choices})",
       "Ghi số La Mã hoặc tên của lĩnh vực, ví dụ `I` hoặc `Du lịch`; để trống nếu đơn vị không có lĩnh vực ưu tiên.",
       "Write the sector's Roman number or name, e.g. `I` or `Du lịch`; leave it empty when the unit has none.",
       "Sở Y tế,Văn hoá")
define("CDS810", "warning",
       "{where}: `{ref}` của chỉ số {indicator} không cần nhập: giá trị được lấy từ chỉ số được nhắc đến; bỏ qua ô này",
       "{where}: `{ref}` of indicator {indicator} is not entered: it is taken from the indicator it names; the cell is ignored",
       "Xoá cột (dòng) này; điền số liệu ở chỉ số được nhắc đến.",
       "Delete this column (row); fill in the indicator it names instead.",
       "Đơn vị,5.12.2:mục 5.12.1")
define("CDS811", "error",
       "không đọc được cách tính của chỉ số {indicator} nên mẫu không có ô nào cho chỉ số này: {detail}",
       "the scoring text of indicator {indicator} cannot be read, so the form has no input for it: {detail_en}",
       "Chạy `cds check` để xem lỗi của cách tính; sửa bằng dòng `Sửa:` trong bộ chỉ số rồi tạo lại mẫu.",
       "Run `cds check` to see the formula's error; correct it with a `Sửa:` line in the ruleset and write the form again.",
       "Cách tính:\n    Tỷ lệ = a/")
define("CDS812", "warning",
       "{where}: ô `{key}` của chỉ số {indicator} đã có ở {first}; bỏ qua lần ghi thứ hai",
       "{where}: input `{key}` of indicator {indicator} was already given at {first}; the second one is ignored",
       "Mỗi ô chỉ ghi một lần; xoá cột (dòng) bị trùng.",
       "Give each input once; delete the duplicate column (row).",
       "Đơn vị,1.3:a,1.3:a")
define("CDS813", "warning",
       "{where}: bộ chỉ số không có lĩnh vực ưu tiên; bỏ qua `{text}`",
       "{where}: the ruleset has no priority sectors; `{text}` is ignored",
       "Xoá cột `Lĩnh vực`, hoặc kiểm tra lại bộ chỉ số đã chọn.",
       "Delete the `Lĩnh vực` column, or check the ruleset chosen.",
       "Đơn vị,Lĩnh vực")

# ---------------------------------------------------------------------------
# CDS3xx: types and units (check.py, lint/: typesys.py)
# ---------------------------------------------------------------------------
define("CDS301", "error",
       "kết quả `{text}` là {kind}, không phải điểm",
       "the result `{text}` is {kind_en}, not points",
       "{fix}",
       "{fix_en}",
       "a = Số lượng hộ gia đình có ...\nb = Tổng số hộ gia đình\nTỷ lệ = a/b\nĐiểm = Tỷ lệ")
define("CDS302", "error",
       "thiếu dấu `%`: `{text}` {compares} tỷ lệ với số {number} (= {as_percent}), nên {meaning}; có lẽ muốn viết {number}%",
       "missing `%`: `{text}` {compares_en} a ratio with the number {number} (= {as_percent}), so {meaning_en}; {number}% was probably meant",
       "Viết `{fixed}`.",
       "Write `{fixed}`.",
       "a = Số lượng hộ gia đình có ...\nb = Tổng số hộ gia đình\nTỷ lệ = a/b\n- Tỷ lệ ≥ 80%: Điểm tối đa\n- Tỷ lệ <80: Điểm = Tỷ lệ * Điểm tối đa")
define("CDS303", "warning",
       "`{number}` không có dấu `%` trong khi các mức khác viết `%`: hiện nay `{text}` nghĩa là {as_percent}{relative}; có lẽ muốn viết {number}%",
       "`{number}` has no `%` while the other levels are written with `%`: `{text}` now means {as_percent}{relative_en}; {number}% was probably meant",
       "Viết `{fixed}`.",
       "Write `{fixed}`.",
       "Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này.\nMức 2: ≥ 1,5% mục 5.12.1: 70% điểm phần này.\nMức 3: ≥ 0,5 mục 5.12.1: 30% điểm phần này\nMức 4: < 0,5 mục 5.12.1: 0% điểm phần này")
define("CDS304", "error",
       "`{text}` cộng/so sánh hai đại lượng khác loại: {left} và {right}",
       "`{text}` adds or compares quantities of different kinds: {left_en} and {right_en}",
       "Chỉ cộng các đại lượng cùng loại (số lượng với số lượng, tiền với tiền); kiểm tra lại mô tả của các biến.",
       "Only add quantities of one kind (counts with counts, money with money); check the variables' descriptions.",
       "a = Số lượng doanh nghiệp\nb = Tổng kinh phí (triệu đồng)\nc = Tổng số doanh nghiệp\nTỷ lệ = (a+b)/c\nĐiểm = Tỷ lệ*Điểm tối đa")
define("CDS305", "error",
       "`{text}` {op_vi} {left} với {right} mà không đổi đơn vị (1 tỷ đồng = 1 000 triệu đồng): kết quả sai {factor} lần",
       "`{text}` {op_en} {left_en} and {right_en} without converting (1 tỷ đồng = 1 000 triệu đồng): the result is off by a factor of {factor}",
       "Khai báo các số liệu cùng một đơn vị (ví dụ cùng `triệu đồng`), hoặc nhân số liệu tính bằng tỷ đồng với 1000.",
       "Declare the figures in one unit (e.g. all in `triệu đồng`), or multiply the figure in tỷ đồng by 1000.",
       "a = Kinh phí cho ATTT (triệu đồng)\nb = Tổng kinh phí CNTT (tỷ đồng)\nTỷ lệ = a/b\nĐiểm = Tỷ lệ*Điểm tối đa")
define("CDS310", "info",
       "{count} phép chia có mẫu số là số liệu có thể bằng 0 ({examples}): khi mẫu số bằng 0, {outcome}",
       "{count} division(s) by a figure that can be 0 ({examples_en}): when the denominator is 0, {outcome_en}",
       "Không cần sửa công thức; nếu muốn cách xử lý khác, ghi `Chia cho 0: lỗi` (hoặc `0 điểm`) ở đầu bộ chỉ số.",
       "Nothing to fix in the formulas; for another outcome write `Chia cho 0: lỗi` (or `0 điểm`) in the ruleset header.",
       "a = Số lượng hộ gia đình có ...\nb = Tổng số hộ gia đình\nTỷ lệ = a/b\nĐiểm = Tỷ lệ*Điểm tối đa")

# ---------------------------------------------------------------------------
# CDS4xx: cases, levels and score ranges (check.py, lint/)
# ---------------------------------------------------------------------------
define("CDS401", "warning",
       "không trường hợp nào áp dụng khi {subject} = {value}{between}",
       "no case applies when {subject} = {value}{between_en}",
       "Thêm trường hợp cho các giá trị này hoặc nối liền các ngưỡng, ví dụ `{suggestion}`.",
       "Add a case for these values or make the thresholds meet, e.g. `{suggestion}`.",
       "a = Số lượng hộ gia đình có ...\nb = Tổng số hộ gia đình\nTỷ lệ = a/b\n- Tỷ lệ > 80%: Điểm tối đa\n- Tỷ lệ < 80%: Tỷ lệ*Điểm tối đa")
define("CDS402", "warning",
       "`{first}` và `{second}` cùng đúng khi {subject} = {value}, cho điểm khác nhau ({points_first} và {points_second}); trường hợp viết trước được dùng",
       "`{first}` and `{second}` both hold when {subject} = {value} and give different points ({points_first} and {points_second}); the first one written is used",
       "Sửa ngưỡng để hai trường hợp không chồng lên nhau, ví dụ dùng `<` thay cho `<=` ở `{second}`.",
       "Change a threshold so the cases do not overlap, e.g. `<` instead of `<=` in `{second}`.",
       "a = Số lượng hộ gia đình có ...\nb = Tổng số hộ gia đình\nTỷ lệ = a/b\n- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ <= 90%: 1/2*Điểm tối đa\n- Tỷ lệ > 90%: 0 điểm")
define("CDS403", "info",
       "`{first}` và `{second}` cùng đúng khi {subject} = {value}; cả hai cho cùng số điểm ({points}) nên kết quả không đổi",
       "`{first}` and `{second}` both hold when {subject} = {value}; both give the same points ({points}), so the result is the same",
       "Nên viết `{fixed}` để các trường hợp không chồng lên nhau.",
       "Prefer `{fixed}` so that the cases do not overlap.",
       "a = Số lượng hộ gia đình có ...\nb = Tổng số hộ gia đình\nTỷ lệ = a/b\n- Tỷ lệ>=80%: Điểm tối đa;\n- Tỷ lệ<=80%: Tỷ lệ/80%*Điểm tối đa")
define("CDS404", "warning",
       "trường hợp `{case}` không bao giờ được dùng: {why}",
       "case `{case}` can never apply: {why_en}",
       "Xoá trường hợp này hoặc sửa ngưỡng (trường hợp đầu tiên đúng được dùng).",
       "Remove this case or fix its threshold (the first case that holds is used).",
       "a = Số lượng hộ gia đình có ...\nb = Tổng số hộ gia đình\nTỷ lệ = a/b\n- Tỷ lệ >= 50%: Điểm tối đa\n- Tỷ lệ >= 80%: 1/2*Điểm tối đa\n- Tỷ lệ < 50%: 0 điểm")
define("CDS405", "error",
       "các mức không theo thứ tự: Mức {level} ({this}) đòi hỏi cao hơn Mức {prev_level} ({prev}) nên không bao giờ đạt được",
       "levels out of order: Mức {level} ({this}) asks for more than Mức {prev_level} ({prev}) and can never be reached",
       "Ngưỡng của Mức {level} phải {between}; kiểm tra lại con số trong văn bản gốc.",
       "The threshold of Mức {level} must be {between_en}; check the number in the original text.",
       "Mức 1: ≥ 2,5% mục 5.12.1: 100% điểm phần này.\nMức 2: ≥ 3% mục 5.12.1: 70% điểm phần này.\nMức 3: < 2,5% mục 5.12.1: 0% điểm phần này\nĐơn vị triệu đồng")
define("CDS406", "warning",
       "số thứ tự các mức không liên tục: {found} (thiếu hoặc trùng {missing})",
       "the levels are not numbered consecutively: {found} (missing or repeated {missing})",
       "Đánh số các mức 1, 2, 3, … theo thứ tự.",
       "Number the levels 1, 2, 3, … in order.",
       "a = Số lượng hộ gia đình có ...\nb = Tổng số hộ gia đình\nTỷ lệ = a/b\nThang điểm:\nMức 1 ≥ 10% (điểm tối đa)\nMức 3 ≥ 3% (30% điểm)\nMức 4 <3% (0 điểm)")
define("CDS407", "warning",
       "điểm có thể {direction} với số liệu hợp lệ: {amount}{cause}",
       "the points can {direction_en} with valid data: {amount_en}{cause_en}",
       "{fix}",
       "{fix_en}",
       "a = Số lượng hộ gia đình có ...\nb = Tổng số hộ gia đình\nTỷ lệ = a/b\nĐiểm = Tỷ lệ/80%*Điểm tối đa")
define("CDS408", "info",
       "{count} tỷ lệ là phần trên tổng ({examples}): điểm chỉ nằm trong [0, điểm tối đa] khi phần không lớn hơn tổng; điều này được kiểm tra trên số liệu khi chấm điểm",
       "{count} ratio(s) are a part over its whole ({examples_en}): the points stay within [0, maximum] only if the part is not larger than the whole; this is checked on the data when scoring",
       "Không cần sửa công thức; số liệu có phần lớn hơn tổng sẽ bị báo khi chấm.",
       "Nothing to fix in the formulas; data with a part larger than its whole is reported when scoring.",
       "a = Số lượng hộ gia đình có ...\nb = Tổng số hộ gia đình\nTỷ lệ = a/b\nĐiểm = Tỷ lệ*Điểm tối đa")
define("CDS409", "info",
       "điểm nhảy tại {subject} = {threshold}: ngay dưới ngưỡng được {below} điểm{example}, tại ngưỡng được {at} điểm",
       "the points jump at {subject} = {threshold}: just below it {below} points{example_en}, at it {at} points",
       "Nếu không cố ý, dùng công thức liên tục, ví dụ `{continuous}`.",
       "If this is not intended, use a continuous formula, e.g. `{continuous}`.",
       "a = Số lượng hộ gia đình có ...\nb = Tổng số hộ gia đình\nTỷ lệ = a/b\n- Tỷ lệ ≥ 20%: điểm tối đa\n- Tỷ lệ < 20%: điểm = điểm tối đa * tỷ lệ")
define("CDS410", "warning",
       "cách tính theo nhóm đơn vị nêu hai phương pháp khác nhau ({methods}); đang dùng {used}",
       "the cohort method names two different formulas ({methods_en}); {used_en} is used for now",
       "Ghi `Phương pháp: min-max` hoặc `Phương pháp: tỷ lệ với cao nhất` cho chỉ số này trong bộ chỉ số.",
       "Write `Phương pháp: min-max` or `Phương pháp: tỷ lệ với cao nhất` for this indicator in the ruleset.",
       "Tính điểm theo phương pháp Min-Max dựa vào tỷ lệ của Huyện với Huyện chi cao nhất")
define("CDS411", "info",
       "{count} chỉ số tính điểm theo các đơn vị khác ({examples}): cần số liệu của tất cả các đơn vị mới chấm được",
       "{count} indicator(s) are scored relative to the other units ({examples_en}): every unit's data is needed to score them",
       "Chấm cả nhóm đơn vị cùng lúc (một bảng số liệu cho tất cả các đơn vị).",
       "Score the whole cohort at once (one data table for all units).",
       "Tính điểm theo phương pháp Min-Max dựa vào đơn vị nào nhiều cuộc diễn tập nhất")
