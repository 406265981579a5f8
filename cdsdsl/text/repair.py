"""Repair words damaged by copying a decision from Word/PDF: run together, or a subscript flattened.

Takes: a `Normalized` text (`normalize.normalize`).
Returns: `repair_words(norm)` → ``(Normalized, repairs)``: the text with each repair applied (the map back to
the original text kept, so a repaired word still points at what the user pasted) and the `Repair`s made
or refused, for the parser to report (a note naming each repair, or a located error).

A Vietnamese word is one syllable: one group of vowels.  A run of letters with two groups or more
(``Điểmtốiđa``, ``ChưacóBanChỉđạo``, ``lệchuẩn``, ``ĐiểmKNWAN``) is either a foreign word or acronym
(``Internet``, ``Postmart``: a run with no Vietnamese letter, never split) or words run together.  It is
split against a lexicon — the words of the grammar and of the decision vocabulary (`KEYWORDS`) plus the
one-syllable words of the cell itself — and only when exactly one split exists (`segmentations`); an
all-capital acronym after a lower-case letter (``KNWAN`` in ``ĐiểmKNWAN``) counts as one piece.  A run
with several splits, one of which holds a keyword (so the reading changes the formula), is refused
(``"ambiguous"``); a run with none is left as written.

Subscripts: ``a₁`` is ``a1`` (Unicode subscript digits and letters as plain ones), ``Điểm_KNWAN`` is
``Điểm KNWAN`` (an underscore between a name and its index is a space).
A keyword phrase written without its diacritics (``Điểm tối da``, ``diem toi da``) is the keyword
(`KEY_PHRASES`), when the stripped words equal exactly one phrase.
"""
from __future__ import annotations

import re
import unicodedata

import attrs

from cdsdsl.text.fold import strip_diacritics
from cdsdsl.text.normalize import Normalized, _Buf

#: the words of the grammar (`grammar/formula.lark`'s keyword terminals) and of the decision vocabulary
#: (options, units, bodies): the lexicon run-together words are split against, with the cell's own words
KEYWORDS = frozenset("""
điểm tối đa tỷ tỉ lệ trọng số mục chỉ tiêu chí của trên trong tất cả các địa phương đơn vị huyện quận thị
xã thành phố phường sở ngành tỉnh cơ quan được đánh giá còn lại cao lớn nhiều nhất thấp nhỏ ít từ đến tới
dưới hơn trở lên xuống và hoặc nhân với chia cho đạt không có tính vượt quá là bằng cộng tổng phần này mức
mỗi nếu thì khi nội dung chưa đã ban hành triệu đồng nghìn ngàn người dân doanh nghiệp hồ sơ văn bản kế
hoạch chuyển đổi năm lượng trực tuyến dịch vụ công chức viên kinh phí chi ngân sách nhà nước ủy kết nối
triển khai đáp ứng tham gia tổ chuẩn hóa hoá giải thích ghi chú
""".split())

#: the keyword phrases read through missing diacritics: stripped form → the phrase
KEY_PHRASES = {strip_diacritics(p).casefold(): p for p in ("điểm tối đa", "tối đa", "trở lên", "trở xuống",
                                                             "không quá", "điểm phần này")}

_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_VOWELS = "".join(sorted({unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" for t in _TONES}))
_V = f"[{_VOWELS}]"
_C = f"[^\\W\\d_{_VOWELS}]"
_LETTERS = re.compile(r"[^\W\d_]+")
# a run of letters with two vowel groups (or more): what may be words run together
# a whole run of letters (not inside one) holding two vowel groups: the look-behind keeps the scan linear
_MULTI = re.compile(f"(?<![^\\W\\d_])(?=[^\\W\\d_]*?{_V}{_C}+{_V})[^\\W\\d_]+")
_MULTI_CORE = re.compile(f"{_V}{_C}+{_V}")  # what every match of _MULTI holds: faster to look for
_VOWEL_GROUP = re.compile(f"{_V}+")
_SUBSCRIPT = str.maketrans("₀₁₂₃₄₅₆₇₈₉ₐₑₒₓₕₖₗₘₙₚₛₜ", "0123456789aeoxhklmnpst")
_SUB_CHARS = re.compile("[₀-₉ₐ-ₜ]")
# only after a name's head (`Điểm_KNWAN`, `Tỷ lệ_chuẩn hóa`, `Tỷ trọng_x`, `a_1`): an underscore inside other text
# (an option's label, a unit's name: `cds_units`) is the author's own and stays
_UNDERSCORE = re.compile(r"(?:(?<=điểm)|(?<=lệ)|(?<=trọng)|(?<=\b[a-z]))_+(?=[^\W_])", re.I)


def _letter_class(base: str) -> str:
    """The letters that strip to ``base`` (`strip_diacritics`), as a regex class: `d` → `[dđ]`."""
    found = {ch for ch in _VOWELS.lower() + "đ" if strip_diacritics(ch) == base} | {base}
    return "[" + "".join(sorted(found)) + "]"


# any spelling of a keyword phrase that strips to it, as a whole word sequence
_PHRASES = re.compile("(?<![^\\W\\d_])(?:" + "|".join(
    " ".join("".join(_letter_class(ch) for ch in word) for word in key.split())
    for key in sorted(KEY_PHRASES, key=len, reverse=True)) + ")(?![^\\W\\d_])", re.I)


@attrs.frozen
class Repair:
    """One repair, in the repaired text's positions: ``kind`` is ``"split"`` (words run together),
    ``"subscript"``, ``"diacritics"`` (a keyword phrase), ``"thousands"`` (`1.000` read 1000) or ``"ambiguous"``
    (a run with several splits, not applied: ``readings`` holds two of them)."""

    kind: str
    start: int
    end: int
    written: str
    read: str
    readings: tuple[str, ...] = ()


def _syllable_words(text: str) -> set[str]:
    """The words of ``text`` of one vowel group and two letters or more, case-folded."""
    return {w.casefold() for w in _LETTERS.findall(text) if len(w) > 1 and len(_VOWEL_GROUP.findall(w)) == 1}


def _pieces_at(token: str, i: int, lexicon: frozenset[str]) -> list[int]:
    """Ends ``j`` of the pieces ``token[i:j]`` that are words: in the lexicon (two letters or more), or
    an all-capital acronym after a lower-case letter that runs to the end (``KNWAN`` in ``ĐiểmKNWAN``)."""
    low = token.casefold()
    ends = [j for j in range(i + 2, len(token) + 1) if low[i:j] in lexicon]
    rest = token[i:]
    if i and token[i - 1].islower() and len(rest) > 1 and rest.isupper() and len(token) not in ends:
        ends.append(len(token))
    return ends


def segmentations(token: str, lexicon: frozenset[str], limit: int = 2) -> list[list[str]]:
    """Up to ``limit`` ways of writing ``token`` as words of the lexicon (`_pieces_at`)."""
    reach = {0}  # where a piece can start, going forward: most foreign words stop at the first letter
    for i in range(len(token)):
        if i in reach:
            reach.update(_pieces_at(token, i, lexicon))
    if len(token) not in reach:
        return []
    ways: list[list[list[str]]] = [[] for _ in range(len(token))] + [[[]]]
    for i in sorted(reach - {len(token)}, reverse=True):  # the ways of writing token[i:], from the end
        for j in _pieces_at(token, i, lexicon):
            for rest in ways[j]:
                if len(ways[i]) < limit:
                    ways[i].append([token[i:j], *rest])
    return ways[0]


def _split_words(buf: _Buf, repairs: list[Repair], lexicon: frozenset[str]) -> None:
    """Split the runs of words run together that have exactly one split (`segmentations`)."""
    def split(m: re.Match[str]) -> str:
        token = m.group(0)
        if token.isascii() or token.casefold() in lexicon:
            return token
        found = segmentations(token, lexicon)
        if len(found) == 1 and len(found[0]) > 1:
            planned.append(("split", token, " ".join(found[0]), ()))
            return " ".join(found[0])
        if len(found) > 1 and any(w.casefold() in KEYWORDS for seg in found for w in seg):
            planned.append(("ambiguous", token, token, tuple(" ".join(s) for s in found)))
        return token
    planned: list[tuple[str, str, str, tuple[str, ...]]] = []
    buf.sub(_MULTI, split)
    _locate(buf.text, planned, repairs)


def _multi_words(text: str) -> list[str]:
    """The runs of letters of ``text`` with two vowel groups or more."""
    return [w for w in _LETTERS.findall(text) if _MULTI_CORE.search(w)]


def _locate(text: str, planned: list[tuple[str, str, str, tuple[str, ...]]], repairs: list[Repair]) -> None:
    """Find in ``text`` (after the pass) where each planned repair's result stands, in order."""
    pos = 0
    for kind, written, read, readings in planned:
        at = text.find(read, pos)
        if at < 0:
            continue
        repairs.append(Repair(kind, at, at + len(read), written, read, readings))
        pos = at + len(read)


def _key_phrases(buf: _Buf, repairs: list[Repair]) -> None:
    """A keyword phrase written without (some of) its diacritics: `Điểm tối da` → `Điểm tối đa`."""
    planned: list[tuple[str, str, str, tuple[str, ...]]] = []

    def fix(m: re.Match[str]) -> str:
        written = m.group(0)
        phrase = KEY_PHRASES[strip_diacritics(written).casefold()]
        if written.casefold() == phrase:
            return written
        read = written[:1] + phrase[1:] if written[:1].casefold() == phrase[:1] else phrase
        planned.append(("diacritics", written, read, ()))
        return read
    buf.sub(_PHRASES, fix)
    _locate(buf.text, planned, repairs)


#: a whole number grouped by dots, as Vietnamese writes thousands (`1.000`, `10.000`, `1.000.000`): not a decimal
#: (`2.5`, `0.125` and `1.5%` are not matched: the first group has no leading 0, every group three digits)
_THOUSANDS = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})+(?![\d%]|[.,]\d)")


def _thousands(buf: _Buf, original: str, repairs: list[Repair]) -> None:
    """`1.000` → `1000`: the dots of a Vietnamese number are its thousands (read `1.000` as 1 and `a ≥ 1.000` would
    hold for a = 2).  Only dots the decision wrote: `1,001` (a decimal comma, made a dot by `normalize`) stays."""
    planned: list[tuple[str, str, str, tuple[str, ...]]] = []

    def fix(m: re.Match[str]) -> str:
        if any(buf.text[i] == "." and original[buf.starts[i]:buf.starts[i] + 1] != "."
               for i in range(m.start(), m.end())):
            return m.group(0)
        read = m.group(0).replace(".", "")
        planned.append(("thousands", m.group(0), read, ()))
        return read
    buf.sub(_THOUSANDS, fix)
    _locate(buf.text, planned, repairs)


def _subscripts(buf: _Buf, repairs: list[Repair]) -> None:
    """`a₁` → `a1` (same length: the map is kept), `Điểm_KNWAN` → `Điểm KNWAN`."""
    if _SUB_CHARS.search(buf.text):
        for m in re.finditer(r"[^\W\d_]*[₀-₉ₐ-ₜ]+", buf.text):
            read = m.group(0).translate(_SUBSCRIPT)
            if re.search(rf"(?<![^\W_]){re.escape(read)}(?![^\W_])", buf.text):  # `a1` written too
                repairs.append(Repair("subscript", m.start(), m.end(), m.group(0), read))
        buf.text = buf.text.translate(_SUBSCRIPT)
    if "_" in buf.text:
        buf.sub(_UNDERSCORE, " ")


_PHRASE_SET = frozenset(KEY_PHRASES.values())
# a keyword phrase written without diacritics holds one of `diem`, `da`, `toi`, `tro `, `khong`, `phan`
# (looked for with `in` in `_phrase_to_fix`: much faster than `_PHRASES`); `da` as a whole word only
_DA = (" da ", " da\n", " da;", " da.", " da,", " da)")


def _plan_splits(text: str) -> list[tuple[str, list[list[str]]]]:
    """The runs of ``text`` that may be words run together, each with up to two splits (`segmentations`)."""
    lexicon: frozenset[str] | None = None
    found = []
    for token in dict.fromkeys(_multi_words(text)):  # each once, in order
        if token.isascii() or token.casefold() in KEYWORDS:
            continue  # no Vietnamese letter: a foreign word or an acronym (`Internet`, `Postmart`)
        if lexicon is None:
            lexicon = KEYWORDS | _syllable_words(text)
        if token.casefold() not in lexicon:
            found.append((token, segmentations(token, lexicon)))
    return found


def _phrase_to_fix(text: str) -> bool:
    """Whether ``text`` holds a keyword phrase spelled without (some of) its diacritics."""
    low = text.lower()
    if "iem" in low or "toi" in low or "tro " in low or "hong" in low or "phan" in low:
        pass
    elif " da" not in low or not (any(da in low for da in _DA) or low.endswith(" da")):
        return False
    return any(m.group(0).casefold() not in _PHRASE_SET for m in _PHRASES.finditer(text))


def repair_words(norm: Normalized) -> tuple[Normalized, tuple[Repair, ...]]:
    """``norm`` with its damaged words repaired, and the repairs; see the module docstring.  A text with
    nothing to repair is returned as it is (a few searches, no copy)."""
    text = norm.text
    subs = "_" in text or _SUB_CHARS.search(text) is not None
    splits = _plan_splits(text) if _MULTI_CORE.search(text) is not None else []
    multi = any(len(ways) > 1 or (ways and len(ways[0]) > 1) for _, ways in splits)
    phrases = _phrase_to_fix(text)
    thousands = "." in text and _THOUSANDS.search(text) is not None
    if not (multi or subs or phrases or thousands):
        return norm, ()
    buf = _Buf(text, list(norm.starts), list(norm.ends))
    repairs: list[Repair] = []
    if thousands:
        _thousands(buf, norm.original, repairs)
    if subs:
        _subscripts(buf, repairs)
    if multi:
        _split_words(buf, repairs, KEYWORDS | _syllable_words(buf.text))
    if phrases:
        _key_phrases(buf, repairs)
    if buf.text == text:
        return norm, tuple(repairs)
    return Normalized(buf.text, tuple(buf.starts), tuple(buf.ends), norm.original), tuple(repairs)
