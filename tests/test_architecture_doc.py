"""docs/architecture.md cannot drift from the code: its stage table is generated from the package
(docs/gen_architecture.py) and its picture and import order name every stage package, in the order the
layering test enforces."""
import importlib.util
import re
from pathlib import Path

from test_layering import PKG, STAGES

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "architecture.md"


def _gen():
    spec = importlib.util.spec_from_file_location("gen_architecture", ROOT / "docs" / "gen_architecture.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_stage_table_is_up_to_date():
    page = PAGE.read_text(encoding="utf-8")
    assert _gen().render(page) == page, "run: .venv/bin/python docs/gen_architecture.py"


def test_the_picture_names_every_stage_package():
    page = PAGE.read_text(encoding="utf-8")
    picture = page.split("```text", 1)[1].split("```", 1)[0]
    named = set(re.findall(r"\b([a-z]+)/", picture)) & {p.name for p in PKG.iterdir() if p.is_dir()}
    assert named == set(STAGES)


def test_the_import_order_is_the_layering_tests():
    page = PAGE.read_text(encoding="utf-8")
    order = page.split("## Import order", 1)[1].split("##", 1)[0]
    line = " ".join(l for l in order.splitlines() if "→" in l)
    stages = [s.strip(" `()") for s in line.split("→")]
    assert [s for s in stages if s in STAGES] == STAGES
