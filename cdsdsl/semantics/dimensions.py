"""Dimensions: what an input counts or measures, read from the decision's words.

Takes: an input's description and unit as the decision writes them (``Số người dân có tài khoản ngân
hàng``, ``Tổng kinh phí chi cho CĐS (triệu đồng)``, ``Thời gian xử lý (giờ)``), or a declared type
(``số hộ gia đình``, ``tỷ đồng``, ``giờ``, ``%``, ``tỷ suất``: `parse_declared`).
Returns: a `Dimension`: a count of something (``what``: the canonical noun of the `LEXICON`, or the
words themselves when the noun is unknown, with the ``qualifiers`` after it: ``có tài khoản ngân
hàng``), money with its scale, a duration, a quantity with its unit (Mbps, GB), a percentage,
points or a plain number; `counts_within` says whether one count is a subset of what another counts
(``Số cán bộ được tập huấn`` within ``Tổng số cán bộ``) — a ratio a/b is a part of a whole only then,
otherwise a rate (people per household) that may exceed 100% (docs/language.md, "Kiểu và đơn vị").
Imports only the text and diagnostics packages: the resolver, the typer and the checks build on it.
"""
from __future__ import annotations

import re
from fractions import Fraction

import attrs

from cdsdsl.diagnostics import i18n
from cdsdsl.text.fold import fold_case

__all__ = ["Dimension", "LEXICON", "MONEY_SCALES", "DURATIONS", "QUANTITIES", "COUNT_UNITS",
           "infer_dimension", "paren_unit", "counts_within", "same_thing", "parse_declared", "RATE", "PART"]

#: the kinds of dimension
D_COUNT, D_MONEY, D_DURATION, D_QUANTITY, D_PERCENT, D_POINTS, D_NUMBER = (
    "count", "money", "duration", "quantity", "percent", "points", "number")
#: what a declared ratio is (`parse_declared`): a rate (may exceed 100%) or a part of a whole
RATE, PART = "rate", "part"

#: money units and their value in đồng (converted exactly: 1 tỷ đồng = 1 000 triệu đồng)
MONEY_SCALES = {"đồng": Fraction(1), "nghìn đồng": Fraction(1000), "triệu đồng": Fraction(10**6),
                "tỷ đồng": Fraction(10**9)}
#: duration units, in hours
DURATIONS = {"phút": Fraction(1, 60), "giờ": Fraction(1), "ngày": Fraction(24), "tuần": Fraction(168),
             "tháng": Fraction(720), "năm": Fraction(8760)}
#: other measured quantities (their unit is kept as written, in this spelling)
QUANTITIES = {"mbps": "Mbps", "gbps": "Gbps", "kbps": "Kbps", "gb": "GB", "tb": "TB", "mb": "MB", "km": "km"}

#: the lexicon: canonical thing counted -> (English name, the ways decisions write it: folded, longest first
#: wins); a thing whose ``parent`` is given is counted within it (officials are people)
LEXICON: dict[str, tuple[str, tuple[str, ...]]] = {
    "người": ("people", ("người dân", "người dùng", "người sử dụng", "người lao động", "người", "dân số",
                         "dân cư", "công dân", "cá nhân", "lao động", "nhân khẩu")),
    "hộ gia đình": ("households", ("hộ gia đình", "hộ dân", "hộ")),
    "cán bộ, công chức, viên chức": ("officials", (
        "cán bộ, công chức, viên chức", "cán bộ công chức viên chức", "cán bộ, công chức", "công chức, viên chức",
        "cbccvc", "cb, cc, vc", "cbcc", "ccvc", "cán bộ", "công chức", "viên chức")),
    "hồ sơ": ("case files", ("hồ sơ",)),
    "thủ tục hành chính": ("administrative procedures", (
        "thủ tục hành chính", "tthc", "thủ tục", "dịch vụ công trực tuyến", "dịch vụ công", "dvctt", "dvc")),
    "văn bản": ("documents", ("văn bản",)),
    "doanh nghiệp": ("enterprises", ("doanh nghiệp", "dn")),
    "thôn, tổ dân phố": ("villages", ("thôn, tổ dân phố", "tổ dân phố", "thôn", "xóm", "bản", "ấp", "khu phố")),
    "xã": ("communes", ("ubnd cấp xã", "ubnd xã", "đơn vị hành chính cấp xã", "xã, phường, thị trấn", "xã",
                        "phường", "thị trấn")),
    "cơ quan, đơn vị": ("agencies", ("cơ quan, đơn vị", "cơ quan", "đơn vị")),
    "máy tính": ("computers", ("máy tính", "máy vi tính")),
    "máy chủ": ("servers", ("máy chủ",)),
    "cuộc họp": ("meetings", ("cuộc họp", "hội nghị")),
    "tin bài": ("news articles", ("tin bài", "tin, bài", "tin", "bài viết", "bài")),
    "giao dịch": ("transactions", ("giao dịch",)),
    "tài khoản": ("accounts", ("tài khoản",)),
    "hệ thống thông tin": ("information systems", ("hệ thống thông tin", "httt")),
    "nền tảng số": ("digital platforms", ("nền tảng số", "nền tảng")),
    "thuê bao": ("subscriptions", ("thuê bao",)),
    "trường học": ("schools", ("trường học", "trường", "cơ sở giáo dục")),
}
#: counted within another thing: the key's items are some of the value's
_PARENT = {"cán bộ, công chức, viên chức": "người"}

#: units a decision writes in parentheses for a count (``(người)``, ``(hộ)``): the thing counted
COUNT_UNITS = {"người": "người", "hộ": "hộ gia đình", "văn bản": "văn bản", "hồ sơ": "hồ sơ",
               "doanh nghiệp": "doanh nghiệp", "cái": "", "chiếc": "", "lượt": "lượt", "bài": "tin bài",
               "tin bài": "tin bài", "cuộc": "cuộc họp", "thủ tục": "thủ tục hành chính", "tài khoản": "tài khoản"}

_SYNONYMS = sorted(((syn, canon) for canon, (_en, syns) in LEXICON.items() for syn in syns),
                   key=lambda p: -len(p[0]))
_COUNT_PREFIX = re.compile(r"^(?:tổng\s+số\s+lượng|tổng\s+số|số\s+lượng|tổng|số)(?:\s+|$)(?:(?:các|những)\s+)?")
_PAREN = re.compile(r"\(([^()]*)\)")
#: words that end the noun and start what qualifies it (``được tập huấn``, ``đã ký số``, ``có phát sinh ...``)
QUALIFIER_WORDS = ("có", "được", "đã", "đang", "chưa", "tham gia", "sử dụng", "trên", "tại", "của", "thuộc",
                   "trong", "qua", "theo", "từ", "do", "cho", "đạt", "thực hiện", "kết nối", "đăng ký", "không",
                   "mới", "và", "hoặc", "về", "với", "ở")
_QUALIFIER = re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in QUALIFIER_WORDS) + r")(?=\s|$|,)")


@attrs.frozen
class Dimension:
    """What a value counts or measures.  ``kind``: count, money, duration, quantity, percent, points,
    number; ``what``: for a count, the thing counted (a `LEXICON` key, or the words as written,
    folded); ``unit``: money ``triệu đồng``, duration ``giờ``, quantity ``Mbps``; ``qualifiers``: the
    words after the noun; ``declared``: stated by the ruleset (`parse_declared`), not inferred."""

    kind: str
    what: str = ""
    unit: str | None = None
    qualifiers: str = ""
    declared: bool = attrs.field(default=False, eq=False)

    def label(self, lang: str = "vi") -> str:
        """``số người``, ``số hộ gia đình``, ``triệu đồng``, ``giờ``, ``%`` (English: ``number of people``)."""
        if self.kind == D_COUNT:
            return i18n.text("dim.count", lang, what=self.noun(lang)) if self.what else i18n.text(
                "kind.count", lang)
        if self.unit:
            return _UNIT_NAMES.get(lang, {}).get(self.unit, self.unit)
        return i18n.text(f"dim.{self.kind}", lang)

    def noun(self, lang: str = "vi") -> str:
        """The unit of one item, for a rate's unit: ``người``, ``hộ gia đình``, ``triệu đồng``."""
        if self.kind == D_COUNT:
            names = _NOUN_NAMES.get(lang)
            if names is None or self.what in names:  # the decision's language, or a noun of the lexicon
                return (names or {}).get(self.what, self.what) or "?"
            return f"“{self.what}”"  # the decision's own words, quoted in another language
        return self.label(lang)


#: names of units and nouns in a language other than the decision's (Vietnamese: as written)
_UNIT_NAMES = {"en": {"đồng": "VND", "nghìn đồng": "thousand VND", "triệu đồng": "million VND",
                      "tỷ đồng": "billion VND", "phút": "minutes", "giờ": "hours", "ngày": "days", "tuần": "weeks",
                      "tháng": "months", "năm": "years"}}
_NOUN_NAMES = {"en": {canon: en for canon, (en, _syns) in LEXICON.items()}}


def _money_unit(text: str) -> str | None:
    t = fold_case(text, ti_as_ty=True).replace("vnđ", "đồng").replace("ngàn", "nghìn")
    t = re.sub(r"^tri[eêệ]u", "triệu", t)
    return t if t in MONEY_SCALES else None


def paren_unit(description: str) -> str | None:
    """The unit the decision writes in parentheses at the end of an input's description (``(triệu đồng)``,
    ``(giờ)``, ``(%)``, ``(người)``, ``(Mbps)``), in its canonical spelling; None when there is none."""
    for m in reversed(list(_PAREN.finditer(description))):
        unit = _canonical_unit(m.group(1))
        if unit is not None:
            return unit
    tail = re.search(r"đơn\s+vị(?:\s+tính)?\s*[:,]?\s*([^;,.()]+)\s*$", description, re.I)
    return _canonical_unit(tail.group(1)) if tail else None


def _canonical_unit(text: str) -> str | None:
    t = fold_case(text).strip(" .;:")
    t = re.sub(r"^(?:đơn\s+vị(?:\s+tính)?|đvt)\s*[:,]?\s*", "", t)
    if not t:
        return None
    money = _money_unit(t)
    if money is not None:
        return money
    if t in ("%", "phần trăm"):
        return "%"
    if t in DURATIONS or t in ("giờ làm việc", "ngày làm việc"):
        return t.split()[0]
    if t in QUANTITIES:
        return QUANTITIES[t]
    if t in COUNT_UNITS:
        return t
    if t in ("điểm",):
        return "điểm"
    return None


def _head(words: str) -> tuple[str, str]:
    """(the thing counted, the qualifiers) of a folded description after its ``Số``/``Tổng số``."""
    if words.startswith("dân số"):  # `Tổng dân số từ 15 tuổi trở lên`: people
        return "người", words[len("dân số"):].strip()
    for syn, canon in _SYNONYMS:
        if words == syn or words.startswith(syn + " ") or words.startswith(syn + ","):
            return canon, words[len(syn):].strip(" ,")
    m = _QUALIFIER.search(words)
    noun = words[:m.start()] if m else words
    noun = " ".join(noun.split()[:4]).strip(" ,")
    return noun, words[len(noun):].strip(" ,")


def infer_dimension(description: str, unit: str | None, kind: str) -> Dimension:
    """The dimension of an input of resolver kind ``kind`` (count, money, ratio, number, points, option)
    described by ``description`` with the money ``unit`` the reader found (or None)."""
    written = paren_unit(description)
    if kind == "money" or (unit is not None and unit in MONEY_SCALES):
        return Dimension(D_MONEY, unit=unit or (written if written in MONEY_SCALES else None))
    if kind == "ratio":
        return Dimension(D_PERCENT)
    if kind == "points":
        return Dimension(D_POINTS)
    if written in DURATIONS:
        return Dimension(D_DURATION, unit=written)
    if written in QUANTITIES.values():
        return Dimension(D_QUANTITY, unit=written)
    if kind != "count":
        return Dimension(D_NUMBER)
    text = fold_case(_PAREN.sub(" ", description))
    text = _COUNT_PREFIX.sub("", text)
    what, qualifiers = _head(text)
    if written in COUNT_UNITS and COUNT_UNITS[written] and not what:
        what = COUNT_UNITS[written]
    return Dimension(D_COUNT, what, None, qualifiers)


def same_thing(a: Dimension, b: Dimension) -> bool:
    """``a`` and ``b`` count the same kind of thing (after the lexicon's synonyms), or one counts within
    the other (officials are people; ``hộ`` and ``hộ gia đình``; unknown nouns when one's words begin the
    other's)."""
    if a.kind != D_COUNT or b.kind != D_COUNT:
        return a.kind == b.kind and (a.unit is None or b.unit is None or a.unit == b.unit or a.kind == D_MONEY)
    x, y = a.what, b.what
    if not x or not y or x == y or _PARENT.get(x) == y or _PARENT.get(y) == x:
        return True
    if x in LEXICON and y in LEXICON:
        return False
    return x.startswith(y + " ") or y.startswith(x + " ")


def counts_within(parts: list[Dimension], wholes: list[Dimension]) -> bool:
    """True when each part counts a subset of what the wholes count (or the same money): a ratio of them is
    a part of a whole; False when a part counts something else (a rate: people per household)."""
    for p in parts:
        if not any(_within(p, w) for w in wholes):
            return False
    return True


def _within(p: Dimension, w: Dimension) -> bool:
    if p.kind != w.kind:
        return False
    if p.kind == D_COUNT:
        return same_thing(p, w)
    return p.kind in (D_MONEY, D_PERCENT, D_POINTS) or (p.unit == w.unit)


# ------------------------------------------------------------ declared types (``Kiểu:`` of a ruleset)

def parse_declared(text: str) -> Dimension | str | None:
    """A declared type: ``số hộ gia đình`` / ``hộ gia đình`` (a count), ``triệu đồng``, ``giờ``, ``Mbps``,
    ``%``, ``điểm``; for a ratio ``tỷ suất`` (a rate, may exceed 100%: `RATE`) or ``phần của tổng``
    (`PART`).  None when it is none of these."""
    t = fold_case(text, ti_as_ty=True).strip(" .;")
    if t in ("tỷ suất", "tỷ lệ có thể vượt 100%", "có thể vượt 100%", "rate"):
        return RATE
    if t in ("phần của tổng", "phần trên tổng", "part"):
        return PART
    unit = _canonical_unit(t)
    if unit is not None and unit not in COUNT_UNITS:
        if unit in MONEY_SCALES:
            return Dimension(D_MONEY, unit=unit, declared=True)
        if unit in DURATIONS:
            return Dimension(D_DURATION, unit=unit, declared=True)
        if unit == "%":
            return Dimension(D_PERCENT, declared=True)
        if unit == "điểm":
            return Dimension(D_POINTS, declared=True)
        return Dimension(D_QUANTITY, unit=unit, declared=True)
    if not t or not re.match(r"^[\w\s,/-]+$", t):
        return None
    words = _COUNT_PREFIX.sub("", t) if t.startswith("số ") or t.startswith("tổng ") else t
    what, qualifiers = _head(words)
    return Dimension(D_COUNT, what, None, qualifiers, declared=True) if what else None
