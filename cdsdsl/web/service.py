"""What the pages and the HTTP API ask of the library: one function per question, no logic of its own.

Takes: a ruleset as text (``.cds``, a pasted tab-separated table, one formula) or as an uploaded file, and
unit data as a JSON object or an uploaded cohort file (``.csv``, ``.tsv``, ``.xlsx``, ``.json``).
Returns: JSON-ready dicts built from the same library calls as the ``cds`` commands (`check_ruleset`,
`build_form`, `read_units_counted`, `score_cohort`, `explain_table`, `module_text`, `write_template`,
`write_report_xlsx`).  Files the readers need on disk are written to a scratch folder INSIDE the working
folder and removed at once (`Scratch`); a bad request raises `WebError` (CDS950-CDS969).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import tempfile
import threading
import weakref
from collections import OrderedDict
from pathlib import Path
from typing import Any

import attrs

from cdsdsl.diagnostics.core import Diagnostic, RulesetError, Severity
from cdsdsl.web.errors import WebError, diag_json, web_error

#: suffixes accepted for a ruleset upload and for a cohort upload
RULESET_SUFFIXES = (".cds", ".txt", ".csv", ".tsv", ".xlsx")
DATA_SUFFIXES = (".csv", ".tsv", ".xlsx", ".json")
FORMATS = ("cds", "tsv", "csv", "formula")
DEFAULT_MAX_UPLOAD = 5 * 1024 * 1024
#: a JSON unit's file name inside the scratch folder: the data messages name it as the cell's file
UNIT_FILE = "bieu-mau.json"


@attrs.frozen
class Upload:
    """A file the user sent: its name as given and its bytes."""

    name: str
    data: bytes

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()


class Scratch:
    """A folder for one request's files, inside ``workdir/.cds-web/tmp``, removed when the block ends."""

    def __init__(self, workdir: Path) -> None:
        self.root = workdir / ".cds-web" / "tmp"

    def __enter__(self) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        self.path = Path(tempfile.mkdtemp(dir=self.root))
        return self.path

    def __exit__(self, *exc: Any) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def safe_name(name: str, suffix: str) -> str:
    """A file name for the scratch folder: the user's base name reduced to safe characters (the messages
    show it), never a path."""
    stem = Path(name.replace("\\", "/")).stem
    kept = "".join(c if c.isalnum() or c in "-_ " else "_" for c in stem).strip()[:60]
    return (kept or "tep") + suffix


def guess_format(text: str) -> str:
    """``tsv`` for a table pasted from Word or Excel (a line with two tabs between its cells), else ``cds``
    (whose blocks may be indented by one tab, never cut into cells)."""
    for line in text.splitlines()[:400]:
        if line.strip().count("\t") >= 2:
            return "tsv"
    return "cds"


class Service:
    """The library behind the web application: a default ruleset, a working folder, a cache of rulesets
    read from text (compiled indicators are cached on each ruleset object)."""

    def __init__(self, workdir: Path, ruleset_path: Path | None = None,
                 max_upload: int = DEFAULT_MAX_UPLOAD) -> None:
        self.workdir = workdir.resolve()
        self.ruleset_path = ruleset_path
        self.max_upload = max_upload
        self._cache: OrderedDict[tuple[str, str], Any] = OrderedDict()
        self._lock = threading.Lock()
        self._default: Any = None
        #: each ruleset's indicators compiled once (`CompiledRuleset`), for as long as the ruleset is in use
        self._compiled: "weakref.WeakKeyDictionary[Any, Any]" = weakref.WeakKeyDictionary()

    # -- rulesets ----------------------------------------------------------------------------------------
    def default_ruleset(self) -> Any:
        """The ruleset `cds serve RULESET` was started with; CDS954 when there is none."""
        if self.ruleset_path is None:
            raise web_error("CDS954", 422)
        if self._default is None:
            from cdsdsl.rulesets.model import load_ruleset
            self._default = load_ruleset(self.ruleset_path)
        return self._default

    def ruleset_from_text(self, text: str, fmt: str | None = None, name: str | None = None) -> Any:
        """The ruleset written in ``text`` (``cds`` or a pasted table, ``tsv``/``csv``); cached by content."""
        fmt = fmt or guess_format(text)
        if fmt not in FORMATS or fmt == "formula":
            raise web_error("CDS953", 422, field="format", allowed="cds, tsv, csv")
        key = (fmt + ":" + (name or ""), hashlib.sha256(text.encode("utf-8")).hexdigest())
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        rs = self._parse(text, fmt, name or ("bo-chi-so.cds" if fmt == "cds" else f"bang.{fmt}"))
        with self._lock:
            self._cache[key] = rs
            while len(self._cache) > 16:
                self._cache.popitem(last=False)
        return rs

    @staticmethod
    def _parse(text: str, fmt: str, name: str) -> Any:
        if fmt == "cds":
            from cdsdsl.rulesets.cds import parse_ruleset_text
            return parse_ruleset_text(text, name)
        from cdsdsl.rulesets.sheets import rows_to_ruleset
        rows = list(csv.reader(io.StringIO(text), delimiter="\t" if fmt == "tsv" else ","))
        return rows_to_ruleset(rows, name=name, sheet=name, fmt=fmt)

    def ruleset_from_upload(self, upload: Upload) -> Any:
        """A ruleset file the user sent (.cds/.txt as text; .csv/.tsv/.xlsx through the sheet reader)."""
        self.check_upload(upload, RULESET_SUFFIXES)
        if upload.suffix in (".cds", ".txt"):
            from cdsdsl.rulesets.load import decode_ruleset_bytes
            return self.ruleset_from_text(decode_ruleset_bytes(upload.data, upload.name), "cds", upload.name)
        from cdsdsl.rulesets.model import load_ruleset
        with Scratch(self.workdir) as folder:
            path = folder / safe_name(upload.name, upload.suffix)
            path.write_bytes(upload.data)
            return load_ruleset(path)

    def check_upload(self, upload: Upload, allowed: tuple[str, ...]) -> None:
        """CDS951 for a file of another type, CDS950 for one over the size limit."""
        if upload.suffix not in allowed:
            raise web_error("CDS951", 415, name=upload.name, file=upload.name, suffix=upload.suffix or "—",
                            allowed=", ".join(allowed))
        if len(upload.data) > self.max_upload:
            raise web_error("CDS950", 413, name=upload.name, file=upload.name, size=len(upload.data),
                            limit=self.max_upload)

    # -- questions ---------------------------------------------------------------------------------------
    def check_text(self, text: str, fmt: str | None, lang: str, *, max_points: str = "10",
                   name: str | None = None) -> dict[str, Any]:
        """`cds check` of a text: the ruleset's layout and every diagnostic (a formula when ``fmt`` is
        ``formula``).  A ruleset that cannot be loaded gives its CDS5xx errors, ``loaded: false``."""
        from cdsdsl.rulesets.check import check_formula, sort_diagnostics

        if (fmt or "") == "formula":
            from cdsdsl.rulesets.model import parse_max
            ok, mp = parse_max(max_points)
            if not ok or mp is None:
                raise web_error("CDS953", 422, field="max", allowed="10, 2.5, 1/2")
            diags = sort_diagnostics(check_formula(text, mp, name=name or "<formula>"))
            return self.check_answer(None, diags, lang)
        try:
            rs = self.ruleset_from_text(text, fmt, name)
        except RulesetError as exc:
            return self.check_answer(None, list(exc.diagnostics), lang, loaded=False)
        return self.check_ruleset(rs, lang)

    def check_ruleset(self, rs: Any, lang: str) -> dict[str, Any]:
        from cdsdsl.rulesets.check import check_ruleset, sort_diagnostics
        return self.check_answer(rs, sort_diagnostics(check_ruleset(rs)), lang)

    @staticmethod
    def check_answer(rs: Any, diags: list[Diagnostic], lang: str, loaded: bool = True) -> dict[str, Any]:
        count = {s.value: sum(1 for d in diags if d.severity is s) for s in Severity}
        out: dict[str, Any] = {"loaded": loaded, "ok": loaded and count["error"] == 0, "counts": count,
                               "diagnostics": [diag_json(d, lang) for d in diags]}
        if rs is not None:
            out["ruleset"] = ruleset_info(rs)
        out["_diagnostics"] = diags
        out["_ruleset"] = rs
        return out

    def inputs(self, rs: Any, lang: str) -> dict[str, Any]:
        """`cds inputs`: the fields of the ruleset's data-entry form (`build_form`), by indicator."""
        from cdsdsl.dataentry.fields import build_form
        form = build_form(rs)
        return {"ruleset": ruleset_info(rs), "fields": [f.to_dict() for f in form.fields],
                "computed": list(form.computed), "diagnostics": [diag_json(d, lang) for d in form.diagnostics]}

    def read_unit(self, rs: Any, unit: Any) -> tuple[list[Any], list[Diagnostic], Any]:
        """A unit given as JSON (``{"name": ..., "values": {"1.3": {"a": 7}}}``), read by the data reader
        exactly as a ``.json`` cohort file (same checks, same messages)."""
        if not isinstance(unit, dict) or not isinstance(unit.get("values", {}), dict):
            raise web_error("CDS953", 422, field="unit", allowed='{"name": "...", "values": {"1.3": {"a": 7}}}')
        name = str(unit.get("name") or "Đơn vị")
        payload = {"units": [{"name": name, "values": unit.get("values", {}),
                              **({"group": unit["group"]} if unit.get("group") else {})}]}
        return self.read_data(rs, Upload(UNIT_FILE, json.dumps(payload, ensure_ascii=False).encode("utf-8")))

    def read_data(self, rs: Any, upload: Upload) -> tuple[list[Any], list[Diagnostic], Any]:
        """A cohort file read by `read_units_counted` (units, data diagnostics, intake)."""
        from cdsdsl.dataentry.forms import read_units_counted
        self.check_upload(upload, DATA_SUFFIXES)
        with Scratch(self.workdir) as folder:
            path = folder / safe_name(upload.name, upload.suffix)
            path.write_bytes(upload.data)
            units, diags, intake = read_units_counted(path, rs)
        return list(units), list(diags), intake

    def score(self, rs: Any, units: list[Any], data_diags: list[Diagnostic], name: str) -> Any:
        """`score_cohort` of the units read; CDS959 when the data gave none."""
        from cdsdsl.scoring.score import compile_ruleset, score_cohort
        if not units:
            first = web_error("CDS959", 422, name=name, file=name).diagnostics
            raise WebError(first + list(data_diags), 422)
        with self._lock:
            compiled = self._compiled.get(rs)
        if compiled is None:
            compiled = compile_ruleset(rs)
            with self._lock:
                self._compiled[rs] = compiled
        return score_cohort(compiled, units)

    def compile(self, rs: Any) -> tuple[str, list[Diagnostic]]:
        """`cds compile`: the module text and the formulas left out."""
        from cdsdsl.scoring.module import module_text
        return module_text(rs, "cds serve (POST /api/v1/compile)")

    def template_xlsx(self, rs: Any) -> bytes:
        """`cds template -o form.xlsx`: the data-entry workbook's bytes."""
        from cdsdsl.dataentry.template import write_template
        with Scratch(self.workdir) as folder:
            path = folder / "bieu-mau.xlsx"
            write_template(rs, path)
            return path.read_bytes()

    def report_xlsx(self, cohort: Any, lang: str) -> bytes:
        """`cds rank -o report.xlsx`: the report workbook's bytes."""
        from cdsdsl.reports.workbook import write_report_xlsx
        with Scratch(self.workdir) as folder:
            path = folder / "bao-cao.xlsx"
            write_report_xlsx(cohort, path, lang)
            return path.read_bytes()


def ruleset_info(rs: Any) -> dict[str, Any]:
    """Title, decision and the sections with their stated maxima."""
    return {"title": rs.title, "decision": rs.decision, "name": str(rs.name), "format": rs.format,
            "total": None if rs.stated_total is None else str(rs.stated_total),
            "sections": [{"id": s.id, "label": s.label, "name": s.name,
                          "max": None if s.stated_max is None else str(s.stated_max)} for s in rs.sections],
            "indicators": len(rs.indicators)}


def explanation(cohort: Any, result: Any, unit: Any, lang: str) -> list[dict[str, Any]]:
    """`cds explain --format json`'s ``explanation``: per indicator points, maximum, lost, working, reason."""
    from cdsdsl.reports.tables import explain_table
    table = explain_table(cohort, result, unit, lang)
    return [dict(rec, trace=rec["trace"].splitlines() if rec["trace"] else []) for rec in table.records()]


def public(answer: dict[str, Any]) -> dict[str, Any]:
    """An answer without its Python objects (keys starting with ``_``)."""
    return {k: v for k, v in answer.items() if not k.startswith("_")}
