"""The message catalogue: every diagnostic code, in Vietnamese and English.

Takes: a code such as ``CDS101`` and the arguments of a finding.
Returns: the message and the hint in the language asked for.  Codes are
stable; ranges: CDS1xx reading the text (syntax), CDS2xx names, CDS3xx types
and units, CDS4xx cases and score ranges, CDS5xx rulesets, CDS6xx data and
scoring, CDS7xx audit of published results, CDS8xx data-entry forms, CDS9xx the
other ways in (CDS900–949 a decision from Word and two years compared, CDS950–969
the web pages and HTTP API, CDS99x the installation itself).

The texts are in the gettext catalogues (``locale/<lang>/LC_MESSAGES/cdsdsl.po``, read through `i18n`): a code
``CDSnnn`` has the keys ``CDSnnn.message``, ``CDSnnn.hint``, ``CDSnnn.example`` (a minimal text that triggers it)
and ``CDSnnn.severity``.  This module gives them as `Message` records: `lookup(code)`, and `CATALOG` (every code,
read from the Vietnamese catalogue's source when first asked for).  ``docs/diagnostics.md`` is made from it
(``docs/gen_diagnostics.py``; ``tests/test_check_docs.py`` keeps the two in step).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

import attrs

from cdsdsl.diagnostics import i18n

#: a ``{name}`` field of a template (tests check that every field of a finding is filled in)
_FIELD = i18n.FIELD

SEVERITIES = ("error", "warning", "info")

if TYPE_CHECKING:
    #: every code's `Message`, in the catalogue's order (built on first use by the module's ``__getattr__``)
    CATALOG: dict[str, Message]


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
        return i18n.fill(i18n.raw(f"{self.code}.message", lang), args)

    def format_hint(self, lang: str, args: Mapping[str, Any]) -> str:
        return i18n.fill(i18n.raw(f"{self.code}.hint", lang, ""), args)


_MESSAGES: dict[str, Message] = {}


def lookup(code: str) -> Message:
    """The catalogue's entry for ``code``; KeyError for a code it does not have."""
    found = _MESSAGES.get(code)
    if found is None:
        severity = i18n.raw(f"{code}.severity", i18n.SOURCE_LANG, "")
        if not severity:
            raise KeyError(f"unknown diagnostic code {code!r}")
        found = Message(code, severity,
                        vi=i18n.raw(f"{code}.message", "vi"), en=i18n.raw(f"{code}.message", "en"),
                        hint_vi=i18n.raw(f"{code}.hint", "vi", ""), hint_en=i18n.raw(f"{code}.hint", "en", ""),
                        example=i18n.raw(f"{code}.example", i18n.SOURCE_LANG, ""))
        _MESSAGES[code] = found
    return found


def codes() -> list[str]:
    """Every diagnostic code of the catalogue, in the order the catalogue lists them."""
    from babel.messages.pofile import read_po  # only the docs and the tests list the codes

    with open(i18n.catalogue_path(i18n.SOURCE_LANG, ".po"), "rb") as fp:
        ids = [m.id for m in read_po(fp) if isinstance(m.id, str) and m.id.endswith(".severity")]
    return [key.removesuffix(".severity") for key in ids]


def __getattr__(name: str) -> Any:
    if name == "CATALOG":  # built when first asked for: reading the .po needs Babel, slow to import
        catalog = {code: lookup(code) for code in codes()}
        globals()["CATALOG"] = catalog
        return catalog
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
