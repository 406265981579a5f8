"""A cohort quantity's exact lowest and highest value over the units, in SQL.

Takes: the number ``j`` of a quantity whose per-unit values are the columns ``q<j>_n``/``q<j>_d``
(an exact fraction, denominator > 0) and ``q<j>_ok`` (the unit has a value and the indicator applies
to it) of the CTE ``q``, with the unit's ``cohort_no`` (one query can score several cohorts).
Returns: CTEs ending in ``s<j>``, one row per cohort that has a value: ``s<j>_c`` (the cohort),
``s<j>_lo_n``/``_lo_d``, ``s<j>_hi_n``/``_hi_d`` and ``s<j>_count`` — the statistics
`evaluate.cohort.CohortStats` holds (the query joins them to the units by cohort; a cohort without
any value gets NULLs).

SQL has no exact rational type to take a MIN of.  The values are reduced (``gcd``), the floating
point approximation finds the few candidates near the lowest (highest) value — any value within
``1e-9`` of it, far wider than a double's error — and among those distinct exact fractions the one
no other is below (cross-multiplied integers) is the answer: exact, and the comparison over pairs
touches only the candidates.  The text below is our own (no user text; ``j`` is an int) and is
parsed into the AST like every other part of the query.
"""
from __future__ import annotations

from sqlglot import exp, parse_one

_TEMPLATE = """
SELECT 1 FROM (
  WITH qa{j} AS (
    SELECT "c", "n" // "g" AS "n", "d" // "g" AS "d", CAST("n" AS DOUBLE) / CAST("d" AS DOUBLE) AS "v"
    FROM (SELECT "cohort_no" AS "c", "q{j}_n" AS "n", "q{j}_d" AS "d", GCD("q{j}_n", "q{j}_d") AS "g"
          FROM "q" WHERE "q{j}_ok") AS "x"),
  qb{j} AS (SELECT "c", MIN("v") AS "mn", MAX("v") AS "mx", COUNT(*) AS "k" FROM "qa{j}" GROUP BY "c"),
  ql{j} AS (SELECT DISTINCT "a"."c", "a"."n", "a"."d" FROM "qa{j}" AS "a" JOIN "qb{j}" AS "b" ON "a"."c" = "b"."c"
            WHERE "a"."v" <= "b"."mn" + 1e-9 * (ABS("b"."mn") + 1)),
  qh{j} AS (SELECT DISTINCT "a"."c", "a"."n", "a"."d" FROM "qa{j}" AS "a" JOIN "qb{j}" AS "b" ON "a"."c" = "b"."c"
            WHERE "a"."v" >= "b"."mx" - 1e-9 * (ABS("b"."mx") + 1)),
  ml{j} AS (SELECT "x"."c", "x"."n", "x"."d" FROM "ql{j}" AS "x" WHERE NOT EXISTS (
              SELECT 1 FROM "ql{j}" AS "y" WHERE "y"."c" = "x"."c" AND "y"."n" * "x"."d" < "x"."n" * "y"."d")),
  mh{j} AS (SELECT "x"."c", "x"."n", "x"."d" FROM "qh{j}" AS "x" WHERE NOT EXISTS (
              SELECT 1 FROM "qh{j}" AS "y" WHERE "y"."c" = "x"."c" AND "y"."n" * "x"."d" > "x"."n" * "y"."d")),
  s{j} AS (SELECT "b"."c" AS "s{j}_c", "l"."n" AS "s{j}_lo_n", "l"."d" AS "s{j}_lo_d", "h"."n" AS "s{j}_hi_n",
                  "h"."d" AS "s{j}_hi_d", "b"."k" AS "s{j}_count"
           FROM "qb{j}" AS "b" JOIN "ml{j}" AS "l" ON "l"."c" = "b"."c" JOIN "mh{j}" AS "h" ON "h"."c" = "b"."c")
  SELECT 1) AS "z"
"""


def stats_ctes(j: int, dialect: str) -> list[tuple[str, exp.Expression]]:
    """The CTEs of quantity ``j`` (see the module docstring), as (name, query)."""
    tree = parse_one(_TEMPLATE.format(j=int(j)), read="duckdb")
    with_ = tree.find(exp.With)
    assert with_ is not None
    return [(cte.alias, cte.this) for cte in with_.expressions]
