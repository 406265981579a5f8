"""No user text is ever spliced into SQL: quotes, semicolons and ``--`` in unit names, indicator and section
names, option labels and the ruleset's title go through DuckDB and PostgreSQL as data, and come back
unchanged, with the same points as the Python engine.

User text reaches the database only as rows (a CSV file DuckDB reads, PostgreSQL's COPY); the query's own
names are generated (`quoting.generated` refuses anything else); a .parquet file's column names and the
ruleset's group ids pass `quoting.ident` / `quoting.text`, which sqlglot's writer escapes.
"""
from __future__ import annotations

import pytest
import sqlglot
from sql_engines import engine_params, need
from sqlglot import exp

from cdsdsl.rulesets.cds import parse_ruleset_text
from cdsdsl.scoring.score import score_cohort
from cdsdsl.scoring.unitdata import Unit
from cdsdsl.sql.compile import compile_ruleset_sql
from cdsdsl.sql.engine import score_cohorts_sql
from cdsdsl.sql.load import create_table
from cdsdsl.sql.quoting import generated, ident, text

HOSTILE = [
    "x'); DROP TABLE cds_units; --",
    'Huyện "A"; DELETE FROM cds_units; --',
    "Huyện B' OR '1'='1",
    "Huyện C -- comment\nDROP TABLE cds_units;",
    "Huyện D /* */ ; SELECT pg_sleep(5); --",
]

RULESET = """Bộ chỉ số: Bộ chỉ số thử '); DROP TABLE cds_units; --
Văn bản: Quyết định "số 1"; -- không có thật

Mục 1 | Nhận thức số'); DELETE FROM cds_units; -- | 30

Chỉ số 1.1 | Người đứng đầu "Ban chỉ đạo"; DROP TABLE x; -- | 10
Cách tính:
    - Trưởng ban là Bí thư') OR 1=1 DROP TABLE cds_units --: Điểm tối đa
    - Trưởng ban là Phó Bí thư "hoặc" Phó Chủ tịch -- cấp huyện: 1/2*Điểm tối đa
    - Chưa có Ban chỉ đạo: 0 điểm

Chỉ số 1.2 | Tỷ lệ văn bản ký số'; SELECT 1; -- | 10
Cách tính:
    a=Số văn bản ký số "hợp lệ"; -- đếm cả bản sao';
    b=Tổng số văn bản;
    - Tỷ lệ=a/b;
    - Tỷ lệ >= 80%: Điểm tối đa
    - Tỷ lệ < 80%: Điểm = Tỷ lệ * Điểm tối đa

Chỉ số 1.3 | Điểm nhập tay; -- ' " | 10
"""


def ruleset():
    return parse_ruleset_text(RULESET, "thu'; --.cds")


def units():
    from cdsdsl.scoring.score import compile_ruleset

    cases = compile_ruleset(ruleset()).by_key["1.1"].program.parts[0].scoring.cases.cases
    labels = [c.condition.label for c in cases]
    assert labels[0] == "Trưởng ban là Bí thư') OR 1=1 DROP TABLE cds_units --"
    choices = [labels[0], labels[1], "3", None, "không có'; --"]
    return [Unit.from_plain(name, {"1.1": {"lựa chọn": choices[i]}, "1.2": {"a": 4 * i, "b": 5 + i},
                                   "1.3": {"điểm": f"{i},5" if i != 3 else "7'; --"}}, where=f"dòng {i}")
            for i, name in enumerate(HOSTILE)]


def test_no_user_text_in_the_sql_of_either_dialect():
    rs = ruleset()
    for dialect in ("duckdb", "postgres"):
        sr = compile_ruleset_sql(rs, dialect)
        sql = create_table(sr) + sr.sql() + sr.sql(pretty=False)
        for word in ("DROP", "DELETE", "--", "Bí thư", "Ban chỉ đạo", "văn bản", "Nhận thức"):
            assert word.lower() not in sql.lower(), (dialect, word)
        statements = [s for s in sqlglot.parse(sr.sql(), read=dialect) if s is not None]
        assert len(statements) == 1 and isinstance(statements[0], exp.Select)


@pytest.mark.parametrize("engine,dsn", engine_params())
def test_hostile_names_go_through_as_data_with_the_same_points(engine, dsn):
    need(engine)
    us = units()
    got = score_cohorts_sql(ruleset(), [us, us[:2]], engine=engine, dsn=dsn)
    for cohort, result in zip([us, us[:2]], got, strict=True):
        want = score_cohort(ruleset(), cohort)
        assert [r.unit for r in result.results] == [u.name for u in cohort]
        for a, b in zip(result.results, want.results, strict=True):
            assert (a.rank, a.total_exact) == (b.rank, b.total_exact)
            assert {k: (i.exact, i.status, [d.code for d in i.diagnostics]) for k, i in a.indicators.items()} == \
                   {k: (i.exact, i.status, [d.code for d in i.diagnostics]) for k, i in b.indicators.items()}
    # the bad figure "7'; --" is refused with the Python engine's located message (CDS601 at its cell)
    bad = got[0].results[3].indicators["1.3"]
    assert bad.status == "error" and bad.diagnostics[0].unit == HOSTILE[3]


def test_compile_to_sql_keeps_labels_in_one_comment_line(tmp_path):
    from click.testing import CliRunner

    from cdsdsl.cli import main

    path = tmp_path / "bo.cds"
    path.write_text(RULESET.replace("Bí thư') OR", "Bí thư\u2028') OR"), encoding="utf-8")
    out = CliRunner().invoke(main, ["compile", str(path), "--to", "sql", "--dialect", "postgres"])
    assert out.exit_code == 0, out.output
    sql = out.stdout
    statements = [s for s in sqlglot.parse(sql, read="postgres") if s is not None]
    assert [type(s) for s in statements] == [exp.Create, exp.Select]
    assert all(line.startswith("-- ") for line in sql.splitlines()[:5])


def test_one_quoting_function_for_names_and_literals():
    assert ident('a"b; --').sql("postgres") == '"a""b; --"'
    assert ident('a"b; --').sql("duckdb") == '"a""b; --"'
    assert text("it's; --").sql("postgres") == "'it''s; --'"
    for bad in ('x"; DROP TABLE t; --', "Đơn vị", "a b", "1x", ""):
        with pytest.raises(ValueError):
            generated(bad)
    with pytest.raises(ValueError):
        ident("a\x00b")
