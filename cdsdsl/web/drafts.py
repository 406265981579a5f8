"""Drafts kept in the working folder: what an author typed survives a reload and a server restart.

Takes: the working folder.  Returns: `Drafts`, an SQLite file ``.cds-web/drafts.sqlite`` inside it with one
row per named draft (its text, format and when it was saved), and the name of the ruleset the pages score
with (`ACTIVE`).  Names are checked (CDS958): letters, digits, ``-`` and ``_``; nothing else reaches a path
or the SQL, which only ever uses parameters.
"""
from __future__ import annotations

import re
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from cdsdsl.web.errors import web_error

_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
#: the draft whose text the unit and cohort pages score with (set by "Dùng bộ chỉ số này để chấm")
ACTIVE = "_active"
MAX_DRAFT = 2 * 1024 * 1024


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name):
        raise web_error("CDS958", 422, name=name[:80])
    return name


class Drafts:
    """The drafts of one working folder."""

    def __init__(self, workdir: Path) -> None:
        self.path = workdir / ".cds-web" / "drafts.sqlite"
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path)
        con.execute("CREATE TABLE IF NOT EXISTS drafts (name TEXT PRIMARY KEY, text TEXT NOT NULL, "
                    "format TEXT NOT NULL, saved REAL NOT NULL)")
        return con

    def save(self, name: str, text: str, fmt: str = "") -> dict[str, Any]:
        if len(text.encode("utf-8")) > MAX_DRAFT:
            raise web_error("CDS950", 413, file=name, size=len(text.encode("utf-8")), limit=MAX_DRAFT)
        name = check_name(name) if name != ACTIVE else name
        saved = time.time()
        with self._lock, self._connect() as con:
            con.execute("INSERT INTO drafts (name, text, format, saved) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT(name) DO UPDATE SET text = excluded.text, format = excluded.format, "
                        "saved = excluded.saved", (name, text, fmt, saved))
        con.close()
        return {"name": name, "format": fmt, "saved": saved, "size": len(text)}

    def load(self, name: str) -> dict[str, Any] | None:
        name = check_name(name) if name != ACTIVE else name
        if not self.path.exists():
            return None
        with self._lock, self._connect() as con:
            row = con.execute("SELECT name, text, format, saved FROM drafts WHERE name = ?", (name,)).fetchone()
        con.close()
        return None if row is None else {"name": row[0], "text": row[1], "format": row[2], "saved": row[3]}

    def names(self) -> list[str]:
        if not self.path.exists():
            return []
        with self._lock, self._connect() as con:
            rows = con.execute("SELECT name FROM drafts WHERE name != ? ORDER BY saved DESC", (ACTIVE,)).fetchall()
        con.close()
        return [r[0] for r in rows]
