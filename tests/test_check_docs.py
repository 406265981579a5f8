"""docs/diagnostics.md is generated from the catalogue and must be up to date."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from cdsdsl.diagnostics.messages import CATALOG

ROOT = Path(__file__).resolve().parents[1]


def _gen():
    spec = importlib.util.spec_from_file_location("gen_diagnostics", ROOT / "docs" / "gen_diagnostics.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_diagnostics_page_is_up_to_date():
    page = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    assert page == _gen().render(), "run: .venv/bin/python docs/gen_diagnostics.py"


def test_one_page_per_code_is_up_to_date():
    pages = _gen().pages()
    folder = ROOT / "docs" / "diagnostics"
    assert {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.md")} == pages
    assert set(pages) == {f"{code}.md" for code in CATALOG}


def test_every_code_has_a_section():
    page = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    for code in CATALOG:
        assert f"### {code}\n" in page


def test_checker_codes_have_examples_that_trigger_them():
    from cdsdsl import check_formula

    skip: set[str] = set()
    for code, msg in CATALOG.items():
        if code[:4] not in ("CDS3", "CDS4") or code in skip:
            continue
        found = [d.code for d in check_formula(msg.example, 10)]
        assert code in found, (code, found)
