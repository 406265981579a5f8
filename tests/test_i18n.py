"""The gettext catalogues (cdsdsl/diagnostics/locale/<lang>/LC_MESSAGES/cdsdsl.po and .mo): every key in every
language with the same template fields, each .mo compiled from its .po, and the lookup's fallbacks."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from cdsdsl.diagnostics import i18n
from cdsdsl.diagnostics.messages import CATALOG, SEVERITIES, lookup

LANGS = i18n.languages()


def _po(lang: str):
    with open(i18n.catalogue_path(lang, ".po"), "rb") as fp:
        return read_po(fp, locale=lang)


def _fields(template: str) -> set[str]:
    # a language may take its own form of an argument: {kind} in Vietnamese, {kind_en} in English
    return {re.sub(r"_(en|vi)$", "", f) for f in i18n.FIELD.findall(template)}


def test_there_are_vietnamese_and_english_catalogues():
    assert {"vi", "en"} <= set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_every_key_is_in_every_language_with_the_same_fields(lang):
    source = {m.id: m.string for m in _po(i18n.SOURCE_LANG) if m.id}
    other = {m.id: m.string for m in _po(lang) if m.id}
    assert sorted(set(source) ^ set(other)) == []
    assert [k for k, v in other.items() if not v] == []  # nothing left untranslated
    assert [k for k in source if _fields(source[k]) != _fields(other[k])] == []


@pytest.mark.parametrize("lang", LANGS)
def test_each_mo_is_compiled_from_its_po(lang):
    """Run `pybabel compile -d cdsdsl/diagnostics/locale -D cdsdsl` after editing a .po."""
    compiled = io.BytesIO()
    write_mo(compiled, _po(lang))
    assert i18n.catalogue_path(lang).read_bytes() == compiled.getvalue(), "run: pybabel compile -d " \
        "cdsdsl/diagnostics/locale -D cdsdsl"


def test_a_severity_is_the_same_in_every_language_and_a_known_one():
    for code in CATALOG:
        assert {i18n.raw(f"{code}.severity", lang) for lang in LANGS} <= set(SEVERITIES), code
        assert len({i18n.raw(f"{code}.severity", lang) for lang in LANGS}) == 1, code


def test_text_fills_fields_and_drops_optional_segments_whose_fields_are_unknown():
    assert i18n.fill("a {x}[[ (ô {where})]]", {"x": 1, "where": "B2"}) == "a 1 (ô B2)"
    assert i18n.fill("a {x}[[ (ô {where})]]", {"x": 1, "where": "?"}) == "a 1"
    assert i18n.fill("a {y}", {}) == "a {y}"
    assert i18n.text("render.unit", "en", unit="Huyện A") == "unit Huyện A"
    assert i18n.text("render.unit", "vi", unit="Huyện A") == "đơn vị Huyện A"


def test_a_language_without_a_catalogue_gets_vietnamese_and_an_unknown_key_is_an_error():
    assert i18n.text("render.unit", "fr", unit="X") == i18n.text("render.unit", "vi", unit="X")
    with pytest.raises(KeyError):
        i18n.raw("no.such.key", "en")
    assert i18n.raw("no.such.key", "en", "") == ""
    with pytest.raises(KeyError):
        lookup("CDS999")
    assert lookup("CDS101") is CATALOG["CDS101"]


def test_a_name_in_mid_sentence_is_lower_case_with_the_l_conversion():
    """explain's "Mất 3,33 điểm do tỷ lệ 33,33% chưa đạt ngưỡng 80%" writes the name `Tỷ lệ` in lower case."""
    assert i18n.fill("do {name!l} {value}", {"name": "Tỷ lệ", "value": "33,33%"}) == "do tỷ lệ 33,33%"
    assert i18n.fill("{name}: {name!l}", {"name": "Tỷ Lệ"}) == "Tỷ Lệ: tỷ lệ"


#: a language decided inline instead of by the catalogue: ``lang == "en"``, ``if en``, ``... if en else ...``
_INLINE_SWITCH = re.compile(r"""lang\s*[!=]=\s*["'](?:en|vi)["']|["'](?:en|vi)["']\s*[!=]=\s*lang|\bif en\b|"""
                            r"""\ben else\b""")


def test_no_module_decides_a_text_by_language_inline():
    """Every word a person reads comes from the catalogues (#11): adding a language is adding a catalogue."""
    package = Path(i18n.__file__).resolve().parents[1]
    found = [f"{path.relative_to(package)}:{number}: {line.strip()}"
             for path in sorted(package.rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if _INLINE_SWITCH.search(line)]
    assert found == []


@pytest.mark.parametrize("lang", LANGS)
def test_no_key_is_written_twice_in_a_catalogue(lang):
    """gettext keeps the last of two entries with one key, silently: a key added again by another change (or by a
    merge of two changes) would change a text nobody meant to change."""
    keys = re.findall(r'^msgid "(.+)"$', i18n.catalogue_path(lang, ".po").read_text(encoding="utf-8"), re.M)
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []
