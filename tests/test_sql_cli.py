"""`cds score`/`cds rank --engine duckdb` print what the Python engine prints, byte for byte (standard output,
standard error, exit status), on every example cohort and on bad data; `.parquet` data in and out."""
from __future__ import annotations

from decimal import Decimal

import duckdb
import pytest
from _cli_util import RULESET_IDS, RULESETS, cds, example, rel

BY_ID = dict(zip(RULESET_IDS, RULESETS, strict=True))


def both(*args: str):
    a = cds(*args)
    b = cds(*args, "--engine", "duckdb")
    return a, b


def same(a, b) -> None:
    assert (b.exit_code, b.stdout, b.stderr) == (a.exit_code, a.stdout, a.stderr)


@pytest.mark.parametrize("name", RULESET_IDS)
def test_score_json_is_the_python_engines_on_every_example_cohort(name):
    a, b = both("score", rel(BY_ID[name]), rel(example(BY_ID[name])), "--format", "json")
    same(a, b)
    assert a.exit_code == 0


@pytest.mark.parametrize("name,fmt", [("huyen-ninh-thuan-2023", "table"), ("quang-tri-2022-so", "csv")])
def test_rank_is_the_python_engines(name, fmt):
    same(*both("rank", rel(BY_ID[name]), rel(example(BY_ID[name])), "--format", fmt))


BAD = """Đơn vị,1.3:a,1.3:b,3.3:a,3.3:b,5.8:x,1.1:lựa chọn
Huyện A,7,21,8,10,3,1
Huyện B,abc,21,8.333,10,,Bí thư
Huyện C,30,21,0,0,-2,7
Huyện D,,5,4,5,3,"1;2"
"""


def test_bad_data_gives_the_same_located_messages(tmp_path):
    """Unreadable figures, an ambiguous ``8.333``, a part larger than its whole (1.3: a > b), 0/0, a negative
    count, an option that is not in the list: the messages name the same unit, indicator, input and cell."""
    data = tmp_path / "so-lieu.csv"
    data.write_text(BAD, encoding="utf-8")
    ruleset = rel(BY_ID["huyen-ninh-thuan-2023"])
    for command in ("score", "rank"):
        a, b = both(command, ruleset, str(data))
        same(a, b)
        assert a.exit_code == 1
        assert "so-lieu.csv:3:B" in a.stderr and "Huyện B" in a.stderr


def test_parquet_data_in_and_out(tmp_path):
    ruleset = BY_ID["huyen-ninh-thuan-2023"]
    csv_path = example(ruleset)
    lines = [ln for ln in csv_path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    plain = tmp_path / "cohort.csv"
    plain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    parquet = tmp_path / "cohort.parquet"
    con = duckdb.connect()
    con.execute("COPY (SELECT * FROM read_csv(?, header = true, all_varchar = true)) TO '" + str(parquet)
                + "' (FORMAT parquet)", [str(plain)])
    from_csv = cds("rank", rel(ruleset), str(plain), "--format", "csv")
    from_parquet = cds("rank", rel(ruleset), str(parquet), "--format", "csv", "--engine", "duckdb")
    assert from_parquet.exit_code == 0, from_parquet.output
    assert from_parquet.stdout == from_csv.stdout
    out = tmp_path / "xep-hang.parquet"
    written = cds("rank", rel(ruleset), str(plain), "--engine", "duckdb", "-o", str(out))
    assert written.exit_code == 0, written.output
    rows = duckdb.connect().execute("SELECT * FROM read_parquet(?)", [str(out)]).fetchall()
    first_csv = from_csv.stdout.split("\n")[9].split(",")  # the header spans the lines of its cells
    assert rows[0][:3] == (int(first_csv[0]), first_csv[1], Decimal(first_csv[2]))


def test_a_bad_parquet_cell_is_named_by_row_and_column(tmp_path):
    parquet = tmp_path / "so-lieu.parquet"
    con = duckdb.connect()
    con.execute("""COPY (SELECT * FROM (VALUES ('Huyện A', '7', '21'), ('Huyện B', 'abc', '21'))
                   AS t("Đơn vị", "1.3:a", "1.3:b")) TO '""" + str(parquet) + "' (FORMAT parquet)")
    res = cds("score", rel(BY_ID["huyen-ninh-thuan-2023"]), str(parquet), "--engine", "duckdb")
    assert res.exit_code == 1
    assert "so-lieu.parquet:2:1.3:a" in res.stderr and "Huyện B" in res.stderr
