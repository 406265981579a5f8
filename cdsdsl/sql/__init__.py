"""Stage: sql. A ruleset -> one SQL query scoring a whole cohort (every indicator, section totals,
the set total, cohort methods and ranks) with exact integer arithmetic, built as a sqlglot AST and
rendered for DuckDB (embedded, the default) or PostgreSQL (`compile`, `express`, `totals`,
`quoting`); units loaded into the database (`load`) and the query run, giving the same
`CohortResult` as the Python engine (`engine`)."""
