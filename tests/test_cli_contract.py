"""The contract every `cds` command keeps (docs/cli.md, "The contract"): exit codes, `-o`, formats,
colours, width, encodings.  Run on the decision of Ninh Thuận's districts (2023) and its example cohort."""
from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from _cli_util import ROOT, rel, uncorrected
from click.testing import CliRunner

import cdsdsl
from cdsdsl.checks.formula import check_formula
from cdsdsl.cli import main
from cdsdsl.diagnostics.core import Diagnostic
from cdsdsl.diagnostics.render import display_width, render_diagnostic
from cdsdsl.reports.tables import vi_number
from cdsdsl.text.source import Source, Span

RULESET = ROOT / "rulesets" / "huyen-ninh-thuan-2023.cds"
COHORT = ROOT / "examples" / "huyen-ninh-thuan-2023" / "cohort.csv"
DAK_LAK = ROOT / "rulesets" / "sources" / "dak-lak-ket-qua-2021.txt"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

#: the scoring text of 1.3 (chỉ đạo chuyên đề), as the decision writes it
FORMULA_1_3 = ("a = Số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số do người đứng đầu cấp Huyện ký\n"
               "b = Tổng số lượng văn bản chỉ đạo chuyên đề về chuyển đổi số của cấp Huyện\n"
               "- Tỷ lệ = a/b\n- Điểm = Tỷ lệ * Điểm tối đa\n")
#: the same text with the decision's slip: a division left without its denominator
BROKEN = "- Tỷ lệ=a/\n"


def run(*args, env: dict | None = None, input: str | None = None, cwd: Path | None = None):
    """`cds ARGS` in-process; ``env`` adds to (None removes from) the environment."""
    env = {"COLUMNS": None, "NO_COLOR": None, **(env or {})}
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args], env=env, input=input, catch_exceptions=False)
    finally:
        os.chdir(old)


def run_process(*args, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`python -m cdsdsl ARGS` in a real process; bytes out, so the encoding is the test's to check."""
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "PYTHONIOENCODING")}
    base["PYTHONPATH"] = str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "cdsdsl", *map(str, args)], cwd=cwd, env={**base, **(env or {})},
                          capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("contract")
    (d / "1_3.txt").write_text(FORMULA_1_3, encoding="utf-8")
    (d / "broken.txt").write_text(BROKEN, encoding="utf-8")
    (d / "unloadable.cds").write_text("Bộ chỉ số: Thử\n", encoding="utf-8")
    (d / "cohort-bad.csv").write_text(  # Huyện Ninh Phước's 1.3:a written in words
        COHORT.read_text(encoding="utf-8").replace(",4,8,9,", ",bốn,8,9,", 1), encoding="utf-8")
    (d / "audit-ok.txt").write_text(
        "STT\tChỉ số đánh giá\tĐiểm tối đa\tĐiểm đạt được\tLý do mất điểm\n1\tA\t10\t5\n1.1\tx\t10\t5\n",
        encoding="utf-8")
    (d / "unreadable-formula.cds").write_text(
        "Bộ chỉ số: Thử\nVăn bản: Thử\n\nMục 1 | A | 10\n\nChỉ số 1.1 | Hỏng | 10\nCách tính:\n    Tỷ lệ = a/\n",
        encoding="utf-8")
    assert "bốn" in (d / "cohort-bad.csv").read_text(encoding="utf-8")
    return d


# ------------------------------------------------------------------ 1. exit codes

R, C = rel(RULESET), rel(COHORT)
EXIT_CASES = [
    # (command line, expected exit code); {d} is the fixture folder
    ("parse {d}/1_3.txt", 0), ("parse {d}/broken.txt", 1), ("parse {d}/missing.txt", 2),
    ("parse {d}/1_3.txt --format yaml", 2),
    ("check {d}/1_3.txt", 0), ("check {d}/broken.txt", 1), ("check {d}/missing.txt", 2),
    ("check {d}/unloadable.cds", 2), (f"check {R}", 0),
    (f"inputs {R}", 0), ("inputs {d}/broken.txt", 1), ("inputs {d}/missing.cds", 2), ("inputs {d}/unloadable.cds", 2),
    (f"template {R} -o {{d}}/mau.csv", 0), ("template {d}/unreadable-formula.cds -o {d}/mau2.csv", 1),
    ("template {d}/missing.cds", 2), ("template {d}/unloadable.cds", 2),
    (f"score {R} {C}", 0), (f"score {R} {{d}}/cohort-bad.csv", 1), (f"score {R} {{d}}/missing.csv", 2),
    (f"score {{d}}/unloadable.cds {C}", 2),
    (f"rank {R} {C}", 0), (f"rank {R} {{d}}/cohort-bad.csv", 1), (f"rank {{d}}/unloadable.cds {C}", 2),
    (f"explain {R} {C} --unit Huyện_Bác_Ái", 0), (f"explain {R} {{d}}/cohort-bad.csv --unit Huyện_Ninh_Phước", 1),
    (f"explain {R} {C} --unit Huyện_Không_Có", 2), (f"explain {{d}}/unloadable.cds {C} --unit Huyện_Bác_Ái", 2),
    (f"compile {R} -o {{d}}/huyen.py", 0), ("compile {d}/missing.cds", 2), ("compile {d}/unloadable.cds", 2),
    ("audit {d}/audit-ok.txt", 0), (f"audit {rel(DAK_LAK)}", 1), ("audit {d}/missing.txt", 2),
]


def _argv(line: str, d: Path) -> list[str]:
    return [a.replace("_", " ") if a.startswith("Huyện") else a for a in line.format(d=d).split()]


@pytest.mark.parametrize("line,code", EXIT_CASES, ids=[c[0].replace("{d}/", "") for c in EXIT_CASES])
def test_exit_code(files, line, code):
    r = run(*_argv(line, files), cwd=ROOT)
    assert r.exit_code == code, (line, r.stdout, r.stderr)
    assert "Traceback" not in r.stdout + r.stderr and "lỗi nội bộ" not in r.stderr


@pytest.mark.parametrize("line,code", [c for c in EXIT_CASES if "--format" not in c[0] and not
                                       c[0].startswith(("template", "compile"))],
                         ids=[c[0].replace("{d}/", "") for c in EXIT_CASES
                              if "--format" not in c[0] and not c[0].startswith(("template", "compile"))])
def test_json_keeps_the_exit_code_and_is_json(files, line, code):
    """--format json: the same exit code, and standard output is one JSON document whose
    diagnostics are objects (code, severity, line, column, message, hint)."""
    r = run(*_argv(line, files), "--format", "json", cwd=ROOT)
    assert r.exit_code == code, (line, r.stderr)
    if code == 2 and not r.stdout:
        return  # a usage error (missing file, unknown unit): the message is on standard error
    doc = json.loads(r.stdout)
    found = []

    def walk(x):
        if isinstance(x, dict):
            if "code" in x and "severity" in x:
                found.append(x)
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(doc)
    for diag in found:
        assert {"code", "severity", "line", "column", "message", "hint"} <= set(diag), diag
    if code == 1:
        assert any(d["severity"] == "error" for d in found), line


def test_unloadable_ruleset_with_json_still_gives_json(files):
    r = run("score", files / "unloadable.cds", COHORT, "--format", "json", cwd=ROOT)
    assert r.exit_code == 2
    assert {d["code"] for d in json.loads(r.stdout)["diagnostics"]} >= {"CDS502"}


# ------------------------------------------------------------------ 2. -o

def test_dash_output_is_standard_output(tmp_path):
    r = run("rank", RULESET, COHORT, "-o", "-", cwd=tmp_path)
    assert r.exit_code == 0
    assert "Huyện Ninh Hải" in r.stdout
    assert not (tmp_path / "-").exists(), "no file named '-'"
    r = run("template", RULESET, "-o", "-", cwd=tmp_path)
    assert r.exit_code == 0 and "1.3:a" in r.stdout and not (tmp_path / "-").exists()


@pytest.mark.parametrize("name", ["bao-cao/2023/xep-hang.txt", "bao-cao/2023/xep-hang.xlsx", "bao-cao/2023/xep-hang.csv"])
def test_output_into_a_missing_folder_creates_it(tmp_path, name):
    out = tmp_path / name
    r = run("rank", RULESET, COHORT, "-o", out)
    assert r.exit_code == 0, r.stderr
    assert out.is_file() and out.stat().st_size > 0


@pytest.mark.parametrize("command", [["rank", RULESET, COHORT], ["rank", RULESET, COHORT, "--format", "xlsx"],
                                     ["check", RULESET], ["compile", RULESET], ["parse", "-"],
                                     ["template", RULESET, "--format", "csv"], ["audit", DAK_LAK]])
def test_unwritable_output_is_a_located_usage_error(tmp_path, command):
    a_file = tmp_path / "ghi-chu.txt"
    a_file.write_text("x", encoding="utf-8")
    targets = [(tmp_path, "thư mục"), (a_file / "bao-cao", "là tệp")]
    if Path("/dev/full").exists():
        targets.append((Path("/dev/full"), "đầy"))
    for target, why in targets:
        r = run(*command, "-o", target, input=FORMULA_1_3)
        assert r.exit_code == 2, (command, target, r.stderr)
        assert f"không ghi được tệp {target}" in r.stderr and why in r.stderr, r.stderr
        assert "gợi ý" in r.stderr and "Traceback" not in r.stderr and "lỗi nội bộ" not in r.stderr


def test_read_only_folder_is_a_located_usage_error(tmp_path, monkeypatch):
    """A folder the user may not write to.  The tests run as root, for whom permission bits do not
    stop a write, so the refusal the operating system would give is made here."""
    import errno

    def refuse(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "write_text", refuse)
    target = tmp_path / "chi-doc" / "xep-hang.txt"
    r = run("rank", RULESET, COHORT, "-o", target)
    assert r.exit_code == 2, r.stderr
    assert f"không ghi được tệp {target}: không có quyền ghi" in r.stderr
    r = run("rank", RULESET, COHORT, "-o", target, "--lang", "en")
    assert f"error: cannot write {target}: permission denied" in r.stderr


def test_every_command_takes_color():
    for name, command in main.commands.items():
        assert "color" in {p.name for p in command.params}, name


def test_standard_output_that_cannot_be_written_is_a_usage_error():
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        p = subprocess.run([sys.executable, "-m", "cdsdsl", "rank", RULESET, COHORT], stdout=full,
                           stderr=subprocess.PIPE, cwd=ROOT, timeout=300,
                           env=dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8"))
    err = p.stderr.decode("utf-8")
    assert p.returncode == 2, err
    assert "không ghi được ra đầu ra chuẩn" in err and "Traceback" not in err


# ------------------------------------------------------------------ 8. the format follows -o

def test_format_follows_the_output_suffix(tmp_path):
    from openpyxl import load_workbook

    assert run("score", RULESET, COHORT, "-o", tmp_path / "r.xlsx").exit_code == 0
    assert load_workbook(tmp_path / "r.xlsx").sheetnames[0] == "Xếp hạng"
    assert run("score", RULESET, COHORT, "-o", tmp_path / "r.csv").exit_code == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8"))))
    assert rows[0][:2] == ["Đơn vị", "Tổng điểm"] and len(rows) == 9
    assert run("rank", RULESET, COHORT, "-o", tmp_path / "r.json").exit_code == 0
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["ranking"][0]["rank"] == 1
    for table in ("r.txt", "r.md", "r.dat"):  # .txt/.md: the table; an unknown suffix keeps the default
        assert run("rank", RULESET, COHORT, "-o", tmp_path / table).exit_code == 0
        assert (tmp_path / table).read_text(encoding="utf-8").splitlines()[0].split()[:2] == ["Hạng", "Đơn"]
    assert run("check", RULESET, "-o", tmp_path / "c.json").exit_code == 0
    assert isinstance(json.loads((tmp_path / "c.json").read_text(encoding="utf-8")), list)
    assert run("explain", RULESET, COHORT, "--unit", "Huyện Bác Ái", "-o", tmp_path / "e.csv").exit_code == 0
    assert (tmp_path / "e.csv").read_text(encoding="utf-8").startswith("Chỉ số,Tên chỉ số,Điểm")


@pytest.mark.parametrize("command,out", [(["score", RULESET, COHORT, "--format", "csv"], "r.xlsx"),
                                         (["rank", RULESET, COHORT, "--format", "json"], "r.csv"),
                                         (["check", RULESET], "r.csv"), (["inputs", RULESET], "r.xlsx")])
def test_a_format_the_suffix_contradicts_is_a_usage_error(tmp_path, command, out):
    r = run(*command, "-o", tmp_path / out)
    assert r.exit_code == 2, r.stderr
    assert "gợi ý" in r.stderr and out in r.stderr
    assert not (tmp_path / out).exists()


# ------------------------------------------------------------------ 3. encodings

@pytest.mark.parametrize("encoding", ["cp1258", "cp1252", "ascii"])
def test_legacy_encoding_of_standard_output(encoding):
    p = run_process("rank", RULESET, COHORT, env={"PYTHONIOENCODING": encoding})
    out, err = p.stdout.decode(encoding), p.stderr.decode(encoding)
    assert p.returncode == 0, err
    assert "Traceback" not in err and "lỗi nội bộ" not in err
    first = next(ln for ln in out.splitlines() if ln.split()[:1] == ["1"])
    assert "646,16" in first  # the numbers whole
    if encoding == "cp1258":  # Vietnamese's own code page: every letter readable (letter + tone mark)
        assert "Huyện Ninh Hải" in unicodedata.normalize("NFC", out)
    else:  # degrades visibly, never silently into other letters
        assert "Huy?n Ninh H?i" in out


@pytest.mark.parametrize("encoding", ["cp1258", "ascii"])
def test_legacy_encoding_of_diagnostics(encoding, files):
    p = run_process("check", files / "broken.txt", env={"PYTHONIOENCODING": encoding})
    out = p.stdout.decode(encoding)
    assert p.returncode == 1 and "Traceback" not in out + p.stderr.decode(encoding)
    assert "[CDS101]" in out and "^" in out
    if encoding == "cp1258":
        assert "biểu thức không đầy đủ" in unicodedata.normalize("NFC", out)


# ------------------------------------------------------------------ 4. colour

def test_color_option_and_no_color(files):
    always = run("check", files / "broken.txt", "--color", "always")
    assert ANSI.search(always.stdout), "--color always colours even into a pipe"
    assert ANSI.sub("", always.stdout) == run("check", files / "broken.txt").stdout
    assert not ANSI.search(run("check", files / "broken.txt", "--color", "never").stdout)
    assert not ANSI.search(run("check", files / "broken.txt").stdout), "auto: not a terminal, no colour"
    # --color always is the user's own word for this run: it wins over NO_COLOR (no-color.org)
    assert ANSI.search(run("check", files / "broken.txt", "--color", "always", env={"NO_COLOR": "1"}).stdout)
    r = run("score", RULESET, files / "cohort-bad.csv", "--color", "always")
    assert ANSI.search(r.stderr) and not ANSI.search(r.stdout), "diagnostics coloured, the table not"


def _on_a_terminal(args: list, env: dict) -> str:
    """Run `cds ARGS` with standard output and error on a pseudo-terminal; what it showed."""
    master, slave = pty.openpty()
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR")}
    p = subprocess.Popen([sys.executable, "-m", "cdsdsl", *map(str, args)], stdout=slave, stderr=slave,
                         stdin=subprocess.DEVNULL, cwd=ROOT,
                         env={**base, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8", "TERM": "xterm", **env})
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    p.wait(timeout=300)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_auto_colour_on_a_terminal_unless_no_color(files):
    assert ANSI.search(_on_a_terminal(["check", files / "broken.txt"], {}))
    assert not ANSI.search(_on_a_terminal(["check", files / "broken.txt"], {"NO_COLOR": "1"}))
    assert not ANSI.search(_on_a_terminal(["check", files / "broken.txt", "--color", "never"], {}))


# ------------------------------------------------------------------ 5. width

WIDTH_COMMANDS = {
    "inputs": ["inputs", RULESET],
    "score": ["score", RULESET, COHORT],
    "rank": ["rank", RULESET, COHORT],
    "explain": ["explain", RULESET, COHORT, "--unit", "Thành phố Phan Rang - Tháp Chàm"],
    "check": ["check", RULESET],
}


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("name", list(WIDTH_COMMANDS))
def test_output_fits_the_terminal_width(name, columns):
    r = run(*WIDTH_COMMANDS[name], env={"COLUMNS": str(columns)})
    assert r.exit_code == 0, r.stderr
    for stream in (r.stdout, r.stderr):
        wide = [ln for ln in stream.splitlines() if display_width(ln) > columns]
        assert not wide, (name, columns, wide[:3])


@pytest.mark.parametrize("columns", [80, 120])
def test_narrow_tables_keep_every_number_whole(columns):
    rs = cdsdsl.load_ruleset(RULESET)
    units, _ = cdsdsl.read_units(COHORT, rs)
    cohort = cdsdsl.score_cohort(rs, units)
    r = run("score", RULESET, COHORT, env={"COLUMNS": str(columns)})
    tokens = r.stdout.split()
    for res in cohort.results:
        assert vi_number(res.total) in tokens, res.unit
        for sid in res.sections:
            assert vi_number(res.section_points(sid)) in tokens, (res.unit, sid)
        for word in res.unit.split():  # a long name wraps inside its column, every word kept
            assert word in tokens
    wide = run("score", RULESET, COHORT)  # not a terminal and no COLUMNS: rows whole, one per unit
    assert max(display_width(ln) for ln in wide.stdout.splitlines()) > 120
    rows = wide.stdout.split("\n\n")[0].splitlines()  # the table (the notes below it may name units too)
    assert all(sum(res.unit in ln for ln in rows) == 1 for res in cohort.results)


def test_width_counts_characters_as_displayed():
    nfd = unicodedata.normalize("NFD", "Tỷ lệ")
    assert len(nfd) == 8 and display_width(nfd) == 5
    assert display_width("比率") == 4 and display_width("Huyện Ninh Hải") == 14


def test_wide_table_in_nfd_lines_up():
    from cdsdsl.reports.tables import Column, Table

    names = [unicodedata.normalize("NFD", "Huyện Thuận Bắc"), "Thành phố Phan Rang - Tháp Chàm", "区 二"]
    from decimal import Decimal
    t = Table((Column("unit", "Đơn vị"), Column("total", "Tổng điểm", True)),
              tuple((n, Decimal("571.04")) for n in names))
    for width in (20, 30, 200, None):
        lines = t.text(width=width).splitlines()
        number_ends = {display_width(ln) for ln in lines if "571,04" in ln}
        assert len(number_ends) == 1, (width, lines)  # the number column ends at one display column
        assert all(display_width(ln) <= (width or 40) for ln in lines)


# ------------------------------------------------------------------ 6. carets

def _caret_column(rendered: str) -> tuple[str, int, int]:
    """(source line, display column of the first caret, number of carets) of a rendered diagnostic."""
    lines = rendered.splitlines()
    i = next(k for k, ln in enumerate(lines) if ln.lstrip().startswith("│ ^") or "│ " in ln and "^" in ln)
    src = lines[i - 1].split("│ ", 1)[1]
    marks = lines[i].split("│ ", 1)[1]
    return src, display_width(marks[:marks.index("^")]), marks.count("^")


def test_carets_under_nfd_text():
    """`Tỷ lệ=a/` typed on a Mac (NFD): the caret stands under the `/`, not two columns further."""
    text = unicodedata.normalize("NFD", BROKEN)
    diag = next(d for d in check_formula(text, 10, name="1.3") if d.code == "CDS101")
    src, col, n = _caret_column(render_diagnostic(diag))
    assert col == display_width(src[:src.index("/")]) and n == 1


def test_carets_under_the_name_in_nfd_and_wide_text():
    for line in (unicodedata.normalize("NFD", "- Điểm = Tỷ lệ * Điểm tối đa + chỉ số khác"),
                 "- Điểm = 比率 * Điểm tối đa + chỉ số khác"):
        start = line.index("chỉ số khác") if "chỉ số khác" in line else line.index(
            unicodedata.normalize("NFD", "chỉ số khác"))
        src = Source(line, name="1.3")
        diag = Diagnostic.make("CDS201", Span(start, len(line)), source=src, name="chỉ số khác", suggestion="")
        shown, col, n = _caret_column(render_diagnostic(diag))
        assert col == display_width(line[:start])
        assert n == display_width(line[start:]) == 11


def test_long_source_lines_shown_as_a_window_with_carets_in_place():
    line = "- " + "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình trên tổng số hồ sơ " * 3 + "+ x"
    src = Source(line, name="6.10")
    start = line.rindex("x")
    diag = Diagnostic.make("CDS201", Span(start, start + 1), source=src, name="x", suggestion="")
    out = render_diagnostic(diag, width=60)
    assert all(display_width(ln) <= 60 for ln in out.splitlines()), out
    shown, col, n = _caret_column(out)
    assert shown[col] == "x" and n == 1 and shown.startswith("…")


# ------------------------------------------------------------------ 9. the real CLI, as a Windows console would run it

def test_real_cli_legacy_console():
    env = {"PYTHONIOENCODING": "cp1258", "NO_COLOR": "1", "COLUMNS": "80"}
    for args, code in ((["rank", RULESET, COHORT], 0), (["check", uncorrected_copy()], 1),
                       (["explain", RULESET, COHORT, "--unit", "Huyện Ninh Hải"], 0)):
        p = run_process(*args, env=env)
        out, err = p.stdout.decode("cp1258"), p.stderr.decode("cp1258")
        assert p.returncode == code, (args, err)
        for text in (out, err):
            assert "\x1b[" not in text
            assert all(display_width(ln) <= 80 for ln in text.splitlines()), [
                ln for ln in text.splitlines() if display_width(ln) > 80][:3]
            assert "Traceback" not in text and "lỗi nội bộ" not in unicodedata.normalize("NFC", text)
        shown = unicodedata.normalize("NFC", out)
        assert "Huyện Ninh Hải" in shown or "lỗi[CDS" in shown


_UNCORRECTED: list[Path] = []


def uncorrected_copy() -> Path:
    """The decision's text as signed (without the ruleset's `Sửa:` corrections): it has errors."""
    if not _UNCORRECTED:
        import tempfile

        _UNCORRECTED.append(uncorrected(RULESET, Path(tempfile.mkdtemp())))
    return _UNCORRECTED[0]


def test_every_row_refused_for_data_errors_is_exit_1_an_empty_file_exit_2(tmp_path):
    """Ninh Thuận 2023 cohort: when every row is refused for a data error (here each row has a cell more
    than the header, CDS653), `cds score`/`rank`/`explain` exit 1 (data errors), naming the rows; a data
    file with a header and no unit is unusable input, exit 2."""
    from click.testing import CliRunner

    from cdsdsl.cli import main

    repo = Path(__file__).resolve().parents[1]
    ruleset = repo / "rulesets" / "huyen-ninh-thuan-2023.cds"
    lines = (repo / "examples" / "huyen-ninh-thuan-2023" / "cohort.csv").read_text(encoding="utf-8").splitlines()
    header_at = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    broken = tmp_path / "moi-dong-thua-o.csv"
    broken.write_text("\n".join(lines[:header_at + 1] + [line + ",thừa" for line in lines[header_at + 1:]
                                                          if line and not line.startswith("#")]) + "\n",
                      encoding="utf-8")
    empty = tmp_path / "khong-co-don-vi.csv"
    empty.write_text("\n".join(lines[:header_at + 1]) + "\n", encoding="utf-8")
    runner = CliRunner()
    for args in (["score"], ["rank"], ["explain", "--unit", "Huyện Ninh Hải"]):
        cmd = [args[0], str(ruleset), str(broken), *args[1:]]
        result = runner.invoke(main, cmd)
        assert result.exit_code == 1, (cmd, result.output)
        assert "CDS653" in result.stderr and "moi-dong-thua-o.csv:" in result.stderr
        result = runner.invoke(main, [args[0], str(ruleset), str(empty), *args[1:]])
        assert result.exit_code == 2, (cmd, result.output)
