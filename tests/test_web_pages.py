"""The pages of `cds serve` (issue #15), in process: what the Author, Unit and Cohort pages show for real decision
text, that decision text is always escaped (an indicator named ``<script>``), and the .cds download of a pasted table.
The browser itself is exercised in tests/test_web_browser.py."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
from starlette.testclient import TestClient  # noqa: E402

from cdsdsl.web.app import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RULESET = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
COHORT = ROOT / "examples" / "huyen-ninh-thuan-2023" / "cohort.csv"
TABLE = ROOT / "tests" / "data" / "huyen-ninh-thuan-2023.csv"
EVIL = '<script>alert("x")</script>'

SMALL = (f"Bộ chỉ số: Thử {EVIL}\nVăn bản: Quyết định <b>thử</b>\n\nMục 1 | Hạ tầng {EVIL} | 20\n\n"
         f"Chỉ số 1.1 | Tỷ lệ máy tính {EVIL} | 10\nCách tính:\n    a = Số máy tính {EVIL};\n"
         "    b = Tổng số máy tính;\n    - Tỷ lệ = a/b;\n    - Tỷ lệ >= 80: Điểm tối đa;\n    - Tỷ lệ < 80%: 0 điểm\n")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return TestClient(create_app(tmp_path_factory.mktemp("pages"), RULESET), raise_server_exceptions=False)


def test_decision_text_is_escaped_everywhere_on_the_author_page(client):
    html = client.post("/author/check", data={"text": SMALL}).text
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>thử" not in html
    # the bare 80 beside an 80% is underlined where it is written (CDS302), the section sum (10 ≠ 20) too
    marks = re.findall(r'<u class="diag (\w+)" data-code="(CDS\d+)"[^>]*>([^<]*)</u>', html)
    assert any(code == "CDS302" and "80" in text for _, code, text in marks), marks
    assert "CDS540" in html


def test_the_author_page_lays_out_the_ninh_thuan_decision_with_its_findings(client):
    text = RULESET.read_text(encoding="utf-8")
    html = client.post("/author/check", data={"text": text}).text
    # mục V states 100 while its indicators add up to 90: the 100 of its heading is underlined
    assert re.search(r'<u class="diag warning" data-code="CDS540"[^>]*>100</u>', html)
    assert "tổng điểm tối đa các chỉ số: 90" in html
    # 1.3 asks for a and b, counts
    row = html[html.index('data-key="1.3"'):]
    assert "<b>a</b>" in row[:3000] and "<b>b</b>" in row[:3000]
    fixed = text.replace("Mục V | An toàn thông tin mạng | 100",
                         "Mục V | An toàn thông tin mạng | 90")
    assert fixed != text
    assert "CDS540" not in client.post("/author/check", data={"text": fixed}).text
    en = client.post("/author/check?lang=en", data={"text": text}).text
    assert "sum of its indicators&#39; maxima: 90" in en
    client.cookies.clear()  # ?lang=en is remembered in a cookie


def test_a_table_pasted_from_the_decision_is_read_and_downloads_as_cds(client):
    from cdsdsl.rulesets.cds import parse_ruleset_text
    from cdsdsl.rulesets.sheets import rows_to_ruleset

    rows = list(csv.reader(io.StringIO(TABLE.read_text(encoding="utf-8"))))
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\n").writerows(rows)
    pasted = out.getvalue()
    html = client.post("/author/check", data={"text": pasted}).text
    assert 'data-code="CDS405"' in html  # 5.12.2: Mức 1 ≥ 2,5%, Mức 2 ≥ 3%
    cds = client.post("/author/download/cds", data={"text": pasted}).content.decode("utf-8")
    back = parse_ruleset_text(cds, "ve.cds")
    table = rows_to_ruleset(rows, name="t.csv")
    assert [(i.key, i.name, i.max_points, i.formula_text) for i in back.indicators] == \
        [(i.key, " ".join(i.name.split()), i.max_points, i.formula_text) for i in table.indicators]
    xlsx = client.post("/author/download/template", data={"text": pasted})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_the_unit_form_is_generated_from_the_ruleset(client):
    html = client.get("/unit").text
    assert 'name="f:1.3:a"' in html and 'name="f:1.3:b"' in html
    # 1.1's choices as a list to pick from
    sel = html[html.index('name="f:1.1:lựa chọn"'):]
    assert "Trưởng ban là Bí thư/Chủ tịch cấp Huyện" in sel[:2000]


def test_score_on_the_unit_page_gives_points_and_the_reasons_of_cds_explain(client):
    html = client.post("/unit/score", data={"name": f"Huyện {EVIL}", "f:1.3:a": "7", "f:1.3:b": "21"}).text
    assert "<script>" not in html
    row = html[html.index('data-key="1.3"'):]
    assert "3,33/10" in row[:1500]  # 7/21 × 10
    assert "7/21" in row[:1500]
    en = client.post("/unit/score?lang=en", data={"f:1.3:a": "7", "f:1.3:b": "21"}).text
    assert "3.33/10" in en
    client.cookies.clear()


def test_validation_names_the_wrong_cell_while_typing(client):
    got = client.post("/unit/validate", data={"f:1.3:a": "bảy", "f:1.3:b": "21"}).json()
    assert list(got) == ["1.3:a"] and "CDS601" in got["1.3:a"][0]
    assert client.post("/unit/validate", data={"f:1.3:a": "7", "f:1.3:b": "21"}).json() == {}


def test_the_cohort_page_ranks_draws_and_lists_data_errors(client):
    lines = COHORT.read_text(encoding="utf-8").splitlines()
    lines = [ln.replace("Huyện Ninh Hải", f"Huyện {EVIL}") for ln in lines]
    bad = next(i for i, ln in enumerate(lines) if ln.startswith("Huyện Ninh Sơn"))
    cells = lines[bad].split(",")
    cells[3] = "bảy"  # 1.3:a
    lines[bad] = ",".join(cells)
    html = client.post("/cohort/rank", files={"data": ("cohort.csv", "\n".join(lines).encode("utf-8"))}).text
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("<svg") == 3 and 'id="ranking"' in html
    errors = html[html.index('id="data-errors"'):]
    assert "Huyện Ninh Sơn" in errors and "CDS601" in errors and "1.3" in errors
    # the cell as the CLI names it: the file's line (1-based) and column D (1.3:a)
    assert re.findall(r'<td class="cell">([^<]*)</td>', errors) == [f"cohort.csv:{bad + 1}:D"]
