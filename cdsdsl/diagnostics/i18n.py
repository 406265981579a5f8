"""Every text cdsdsl shows a person, looked up in one gettext catalogue per language.

Takes: a stable key (``"CDS101.message"``, ``"CDS101.hint"``, ``"CDS101.example"``, ``"CDS101.severity"`` for a
diagnostic code; a dotted word such as ``"cli.no_such_file"`` for the command line's own words), a language
(``"vi"``, ``"en"``) and the arguments of the template.
Returns: the text in that language, its ``{name}`` fields filled in (``{name!l}``: in lower case, as a Vietnamese
sentence writes a name in mid-sentence); a segment ``[[ ... ]]`` is kept only when every
field in it is known (``[[ (ô {where})]]`` disappears when the cell is not known).

The catalogues are ``locale/<lang>/LC_MESSAGES/cdsdsl.po`` (the source, edited by hand) compiled to ``.mo`` with
``pybabel compile -d cdsdsl/diagnostics/locale -D cdsdsl`` and read by the standard library's `gettext` (Babel itself
is not imported to show a message: it would cost the command line ~100 ms at start-up).  Adding a language is adding a
catalogue; a language without one gets Vietnamese, the language of the decisions.  ``tests/test_i18n.py`` checks that
every key is in every language with the same fields and that each ``.mo`` is compiled from its ``.po``.
Imports nothing of ours.
"""
from __future__ import annotations

import gettext
import re
import string
from pathlib import Path
from typing import Any, Mapping

#: the directory of the catalogues
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "cdsdsl"
#: the language of the decisions, and of a language without a catalogue
SOURCE_LANG = "vi"

_OPTIONAL = re.compile(r"\[\[(.*?)\]\]", re.S)
#: a ``{name}`` or ``{name:spec}`` field of a template
FIELD = re.compile(r"\{(\w+)[^{}]*\}")

_LOADED: dict[str, gettext.GNUTranslations] = {}


class _Formatter(string.Formatter):
    """`str.format`'s rules, plus the conversion ``!l``: the value in lower case."""

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "l":
            return str(value).lower()
        return super().convert_field(value, conversion)


_FORMATTER = _Formatter()


class _KeepUnknown(dict[str, Any]):
    """Template arguments; a field not given stays as written (``{name}``)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def catalogue_path(lang: str, suffix: str = ".mo") -> Path:
    """Where the catalogue of ``lang`` is (``suffix`` ``.po`` for its source)."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / (DOMAIN + suffix)


def languages() -> list[str]:
    """The languages that have a catalogue, sorted."""
    return sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def _catalogue(lang: str) -> gettext.GNUTranslations:
    found = _LOADED.get(lang)
    if found is not None:
        return found
    if not lang or not lang.isalpha():
        return _catalogue(SOURCE_LANG)
    if found is None:
        path = catalogue_path(lang)
        if not path.is_file():
            found = _catalogue(SOURCE_LANG) if lang != SOURCE_LANG else None
            if found is None:
                raise FileNotFoundError(f"no message catalogue at {path}")
        else:
            with open(path, "rb") as fp:
                found = gettext.GNUTranslations(fp)
        _LOADED[lang] = found
    return found


def has(key: str, lang: str = SOURCE_LANG) -> bool:
    """Whether the catalogue of ``lang`` has ``key``."""
    return _catalogue(lang).gettext(key) != key


def raw(key: str, lang: str = SOURCE_LANG, default: str | None = None) -> str:
    """The template of ``key`` as written in the catalogue; ``default`` (or a KeyError) when it has none."""
    found = _catalogue(lang).gettext(key)
    if found == key:
        if default is None:
            raise KeyError(f"no text {key!r} in the {lang!r} catalogue")
        return default
    return found


def _known(value: Any) -> bool:
    return value is not None and value != "" and value != "?"


def fill(template: str, args: Mapping[str, Any]) -> str:
    """``template`` with its fields filled in from ``args`` (see the module's docstring)."""
    def optional(m: re.Match[str]) -> str:
        inner = m.group(1)
        return inner if all(_known(args.get(f)) for f in FIELD.findall(inner)) else ""

    return _FORMATTER.vformat(_OPTIONAL.sub(optional, template), (), _KeepUnknown(args))


def text(key: str, lang: str = SOURCE_LANG, /, **args: Any) -> str:
    """The text of ``key`` in ``lang`` with ``args`` filled in."""
    return fill(raw(key, lang), args)
