"""The SQL engines a test runs on: DuckDB always; PostgreSQL at $CDSDSL_TEST_POSTGRES (.ci/services/postgres.sh
starts one).  Without that variable the PostgreSQL cases are skipped with the reason shown, except under
CI=true, where they fail: CI must test PostgreSQL."""
from __future__ import annotations

import os

import pytest

POSTGRES = os.environ.get("CDSDSL_TEST_POSTGRES")
REASON = ("PostgreSQL not available: set CDSDSL_TEST_POSTGRES=postgresql://... "
          "(`bash .ci/services/postgres.sh start` prints it)")


def engine_params() -> list:
    """``pytest.mark.parametrize`` values: (engine, dsn)."""
    return [pytest.param("duckdb", None, id="duckdb"), pytest.param("postgres", POSTGRES, id="postgres")]


def need(engine: str) -> None:
    """Skip (or fail under CI) a PostgreSQL case without a server."""
    if engine == "postgres" and not POSTGRES:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("CI=true but CDSDSL_TEST_POSTGRES is not set: .ci/services/postgres.sh did not start")
        pytest.skip(REASON)
