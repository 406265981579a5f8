"""The keys of a `.cds` file and a spreadsheet's header rows, and the values of the fields that need no
position (docs/ruleset-format.md).

Takes: a key or a value's text.  Returns: the field it names (``HEADER_KEYS``, ``INDICATOR_KEYS``), or
its value (``parse_rounding`` -> `Rounding`, ``parse_zero_division``, ``parse_level``,
``parse_option_mode``, ``parse_cohort_method``, ``parse_applies_to``, ``parse_types_field``; ``None`` when
not valid, with ``EXPECTED[field]`` saying what is).
"""
from __future__ import annotations

import re
import unicodedata

from cdsdsl.rulesets.classes import Rounding
from cdsdsl.rulesets.numbering import normalize_key, parse_max
from cdsdsl.semantics.typedecl import parse_types

HEADER_KEYS = {
    "bộ chỉ số": "title",
    "văn bản": "decision",
    "ngày": "date",
    "cấp": "level",
    "tổng điểm": "total",
    "làm tròn": "rounding",
    "chia cho 0": "zero_division",
    "công thức tổng": "set_formula",
    "trong đó": "binding",
    "thông tin chung": "facts",
}
INDICATOR_KEYS = {
    "cách tính": "formula",
    "sửa": "correction",
    "lý do sửa": "reason",
    "nguồn dữ liệu": "data_source",
    "đơn vị phối hợp": "coordinator",
    "tài liệu kiểm chứng": "evidence",
    "áp dụng": "applies_to",
    "cách hiểu": "option_mode",
    "phương pháp": "cohort_method",
    "kiểu": "types",
    "dùng thông tin chung": "fact_uses",
}
LIST_PREFIX = "danh sách "
#: the file-level block of test cases (rows as in ``NAME.tests.csv``), anywhere outside an indicator
CASES_KEY = "ca kiểm thử"
FLAG_ENTERED = "nhập điểm"
KNOWN_KEYS = ("Bộ chỉ số, Văn bản, Ngày, Cấp, Tổng điểm, Làm tròn, Chia cho 0, Công thức tổng, Trong đó, "
              "Danh sách TÊN, Thông tin chung, Cách tính, Sửa, Lý do sửa, Nguồn dữ liệu, Đơn vị phối hợp, "
              "Tài liệu kiểm chứng, Áp dụng, Cách hiểu, Phương pháp, Kiểu, Dùng thông tin chung, Nhập điểm, "
              "Ca kiểm thử")
LEVELS = ("tỉnh", "sở", "thành phố", "huyện", "xã")


#: `Làm tròn: N chữ số` takes N from 0 to this (scoring rounds to 10**-N: a huge N would never finish)
MAX_ROUNDING_DIGITS = 10


def parse_rounding(value: str) -> Rounding | None:
    m = re.match(r"^(\d+)\s*chữ số\s*(?:,\s*(nửa lên|cắt bỏ)\s*)?$", normalize_key(value))
    if not m or len(m.group(1)) > 2 or int(m.group(1)) > MAX_ROUNDING_DIGITS:
        return None
    return Rounding(int(m.group(1)), "truncate" if m.group(2) == "cắt bỏ" else "half_up")


def parse_zero_division(value: str) -> str | None:
    v = normalize_key(value).rstrip(".")
    return {"0 điểm": "zero", "0": "zero", "lỗi": "error"}.get(v)


def parse_simple_header(field: str, value: str) -> object:
    """The value of a header field that needs no position: rounding, zero division, level, total;
    other fields keep their text (None means the value is not valid for the field)."""
    if field == "rounding":
        return parse_rounding(value)
    if field == "zero_division":
        return parse_zero_division(value)
    if field == "level":
        return parse_level(value)
    if field == "total":
        ok, num = parse_max(value)
        return num if ok and num is not None else None
    return value


def parse_option_mode(value: str) -> str | None:
    return {"cộng dồn": "cumulative", "loại trừ": "exclusive"}.get(normalize_key(value).rstrip("."))


def parse_cohort_method(value: str) -> str | None:
    v = normalize_key(value).rstrip(".").replace("–", "-")
    return {"min-max": "min_max", "min max": "min_max", "tỷ lệ với cao nhất": "ratio_to_max"}.get(v)


def parse_types_field(value: str) -> str | None:
    """``Kiểu: a = số người dân; b = số hộ gia đình; Tỷ lệ = tỷ suất``: the text when every entry reads
    (`cdsdsl.semantics.typedecl.parse_types`), else None."""
    types, bad = parse_types(value)
    return " ".join(value.split()) if types and not bad else None


def parse_applies_to(value: str) -> str | None:
    v = unicodedata.normalize("NFC", value).strip()
    m = re.match(r"^danh sách\s+(.+)$", v, flags=re.IGNORECASE)
    return m.group(1).strip() if m else None


def parse_level(value: str) -> str | None:
    v = normalize_key(value)
    return v if v in LEVELS else None


# (code of what is wrong, Vietnamese, English) for the CDS507 "expected" argument
EXPECTED = {
    "rounding": ("`N chữ số`, `N chữ số, nửa lên` hoặc `N chữ số, cắt bỏ` (N từ 0 đến 10)",
                 "`N chữ số`, `N chữ số, nửa lên` or `N chữ số, cắt bỏ` (N from 0 to 10)"),
    "zero_division": ("`0 điểm` hoặc `lỗi`", "`0 điểm` or `lỗi`"),
    "total": ("một số, ví dụ `1000`", "a number, e.g. `1000`"),
    "level": ("một trong: tỉnh, sở, thành phố, huyện, xã", "one of: tỉnh, sở, thành phố, huyện, xã"),
    "binding": ("`TÊN = mô tả`, ví dụ `A = tổng điểm các mục 1-6`",
                "`NAME = description`, e.g. `A = tổng điểm các mục 1-6`"),
    "applies_to": ("`Danh sách TÊN`, ví dụ `Danh sách Phụ lục II`",
                   "`Danh sách NAME`, e.g. `Danh sách Phụ lục II`"),
    "option_mode": ("`cộng dồn` hoặc `loại trừ`", "`cộng dồn` or `loại trừ`"),
    "cohort_method": ("`min-max` hoặc `tỷ lệ với cao nhất`", "`min-max` or `tỷ lệ với cao nhất`"),
    "types": ("`TÊN = KIỂU; ...`, ví dụ `a = số người dân; b = số hộ gia đình; c = triệu đồng; Tỷ lệ = tỷ suất`",
              "`NAME = TYPE; ...`, e.g. `a = số người dân; b = số hộ gia đình; c = triệu đồng; Tỷ lệ = tỷ suất`"),
    "units": ("các đơn vị cách nhau bằng `;`", "units separated by `;`"),
    "fact_uses": ("`MÃ Ô = TÊN THÔNG TIN`, ví dụ `b = Dân số` (nhiều cặp cách nhau bằng `;`)",
                  "`INPUT = FACT NAME`, e.g. `b = Dân số` (several pairs separated by `;`)"),
    "facts": ("các dòng thụt vào `TÊN = mô tả (đơn vị tính)`, ví dụ `Dân số = Tổng dân số của cấp huyện (người)`",
              "indented lines `NAME = description (unit)`, e.g. `Dân số = Tổng dân số của cấp huyện (người)`"),
}

