"""cdsdsl/syntax/lalr.py reads every piece exactly as Lark does: same tree, same token
positions, same error (kind and position) -- on every piece the parser asks
about while reading the seed decision's 85 cells, and on cut and mutated
pieces of them."""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lark import Token, Tree, UnexpectedCharacters, UnexpectedEOF, UnexpectedToken

import cdsdsl.syntax.parser as P
import cdsdsl.syntax.pieces as READ
from cdsdsl.syntax.lalr import Failure, LalrDriver, NotHandled
from cdsdsl.syntax.nodes import to_dict

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "seed-formulas.jsonl"
KINDS = ["expr", "condition", "result", "statement"]


def _shape(tree):
    """The tree with every token's type, text and offsets."""
    if isinstance(tree, Tree):
        return (tree.data, tuple(_shape(c) for c in tree.children))
    assert isinstance(tree, Token)
    return (tree.type, str(tree), tree.start_pos, tree.end_pos)


def _driver_outcome(kind: str, text: str):
    try:
        return ("ok", _shape(P.lalr_driver().parse(text, kind)))
    except Failure as f:
        return ("fail", f.what, f.start if f.what != "eof" else 0, f.value)


def _lark_outcome(kind: str, text: str):
    try:
        return ("ok", _shape(P.lark_parser().parse(text, start=kind)))
    except (UnexpectedEOF, UnexpectedToken) as exc:
        tok = getattr(exc, "token", None)
        if tok is None or tok.type == "$END":
            return ("fail", "eof", 0, "")
        return ("fail", "token", tok.start_pos or 0, str(tok))
    except UnexpectedCharacters as exc:
        return ("fail", "chars", exc.pos_in_stream, "")


def _corpus_pieces() -> list[tuple[str, str]]:
    """Every (start symbol, text) the parser hands to Lark for the 85 cells."""
    seen: list[tuple[str, str]] = []
    real = READ._parse_tree.__wrapped__

    def record(kind, text):
        seen.append((kind, text))
        return real(kind, text)

    cells = [json.loads(line)["formula"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    original = READ._parse_tree
    original.cache_clear()
    READ._parse_tree = record
    try:
        for cell in cells:
            P.parse_formula(cell)
    finally:
        READ._parse_tree = original
    return sorted(set(seen))


PIECES = _corpus_pieces()


def test_the_seed_decision_asks_about_many_pieces():
    assert len(PIECES) > 100
    assert {k for k, _ in PIECES} == set(KINDS)


def test_every_piece_of_the_seed_decision_reads_as_lark_reads_it():
    failures = 0
    for kind, text in PIECES:
        ours = _driver_outcome(kind, text)
        assert ours == _lark_outcome(kind, text), (kind, text)
        failures += ours[0] == "fail"
    assert failures >= 3  # trial pieces that are not formulas are part of the comparison


def test_cut_pieces_under_every_start_symbol_read_as_lark_reads_them():
    rnd = random.Random(2023)
    kinds_seen = set()
    for _ in range(3000):
        _, text = rnd.choice(PIECES)
        a = rnd.randint(0, len(text))
        b = rnd.randint(a, len(text))
        kind = rnd.choice(KINDS)
        ours = _driver_outcome(kind, text[a:b])
        assert ours == _lark_outcome(kind, text[a:b]), (kind, text[a:b])
        kinds_seen.add(ours[1] if ours[0] == "fail" else "ok")
    assert kinds_seen == {"ok", "eof", "token", "chars"}


_ALPHABET = st.sampled_from(list("ab ()+-*/%=<>≠:.,0123456789\nxđ") +
                            ["Tỷ lệ", "Điểm tối đa", "điểm", "từ", "đến", "dưới", "trở lên", "và", "mục 5.1",
                             "Cộng điểm", "Tổng điểm", "không quá", "cao nhất", "của các xã", "đạt", "nhân", "?", "@"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=14).map("".join), st.sampled_from(KINDS))
def test_generated_pieces_read_as_lark_reads_them(text, kind):
    assert _driver_outcome(kind, text) == _lark_outcome(kind, text)


def test_error_positions_match_lark_on_the_three_kinds_of_error():
    assert _driver_outcome("expr", "a +") == ("fail", "eof", 0, "") == _lark_outcome("expr", "a +")
    assert _driver_outcome("expr", "a + * b") == ("fail", "token", 4, "*") == _lark_outcome("expr", "a + * b")
    assert _driver_outcome("expr", "a ? b")[:3] == ("fail", "chars", 2) == _lark_outcome("expr", "a ? b")[:3]


def test_a_driver_refuses_what_it_does_not_implement():
    from lark import Lark

    with_callbacks = Lark('start: "a"', parser="lalr", lexer_callbacks={"A": lambda t: t})
    with pytest.raises(ValueError):
        LalrDriver(with_callbacks)
    assert issubclass(NotHandled, Exception)


def test_stack_at_shift_is_the_start_of_the_full_reading():
    """The words `leading_name_words` takes from the stack after two tokens open
    a name of Lark's full tree (the declarations of the seed
    decision: `a = Số lượng văn bản …`)."""
    from cdsdsl.syntax.build import leading_name_words, tree_names

    cells = [json.loads(line)["formula"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    descriptions = [line.split("=", 1)[1].strip(" ;.") for cell in cells for line in cell.splitlines()
                    if len(line.split("=", 1)[0].strip(" -+")) == 1 and "=" in line]
    opened = 0
    for text in descriptions:
        try:
            words = leading_name_words(P.lalr_driver().stack_at_shift(text, "expr", 2))
        except Failure:
            assert _lark_outcome("expr", text)[0] == "fail", text
            continue
        if words is None:
            continue
        opened += 1
        outcome = _lark_outcome("expr", text)
        if outcome[0] == "ok":
            names = tree_names(P.lark_parser().parse(text, start="expr"))
            opening = " ".join(words).lower()
            assert any(name.lower().startswith(opening) for name in names), (text, names, words)
    assert opened > 40


def test_the_installed_lark_is_a_tested_one_and_pyproject_requires_the_tested_range():
    """The driver reads Lark's internals: pyproject.toml must not let pip install a Lark
    it was not tested with, and the Lark installed here must be one of them."""
    import tomllib

    import lark

    from cdsdsl.syntax.lalr import TESTED_LARK, check_lark_version

    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    (requirement,) = [r for r in pyproject["project"]["dependencies"] if r.startswith("lark")]
    low, high = (".".join(map(str, v)) for v in TESTED_LARK)
    assert requirement.replace(" ", "") == f"lark>={low},<{high}"
    check_lark_version(lark.__version__)
    LalrDriver(P.lark_parser())  # and its internals have the shape the driver reads (else LarkMismatch)


@pytest.mark.parametrize("version", ["1.4.0", "2.0", "1.1.8", "1.0.0", "0.12.0", "1.4.0rc1", "unknown"])
def test_a_lark_outside_the_tested_range_is_refused_loudly(monkeypatch, version):
    import lark

    from cdsdsl.syntax.lalr import LarkMismatch, check_lark_version

    with pytest.raises(LarkMismatch) as refused:
        check_lark_version(version)
    assert refused.value.code == "CDS990"
    assert re.search(rf"lark {re.escape(version)} is installed, which cdsdsl has not been tested with: .* tested with "
                     rf"lark >= 1\.1\.9, < 1\.4", refused.value.first.message("en"))
    assert f"thư viện lark {version} đang cài chưa được cdsdsl kiểm thử" in str(refused.value)
    assert refused.value.first.hint("vi") == "Cài bản lark đã kiểm thử: `pip install 'lark>=1.1.9,<1.4'`."
    monkeypatch.setattr(lark, "__version__", version)
    with pytest.raises(LarkMismatch):
        LalrDriver(P.lark_parser())


@pytest.mark.parametrize("version", ["1.1.9", "1.2.2", "1.3.1", "1.3.99"])
def test_a_lark_inside_the_tested_range_is_accepted(version):
    from cdsdsl.syntax.lalr import check_lark_version

    check_lark_version(version)


def test_internals_of_another_shape_are_refused_loudly_not_read_by_lark_instead(monkeypatch):
    """Lark's internals change: the driver's construction says so (no silent fallback),
    and so does the parser's first use of it."""
    import copy

    import cdsdsl.syntax.lalr as L

    lark = P.lark_parser()
    no_table = copy.copy(lark)
    no_table.parser = type("Frontend", (), {"parser": None, "lexer": lark.parser.lexer})()
    with pytest.raises(L.LarkMismatch, match="không dùng được với lark") as refused:
        LalrDriver(no_table)
    assert refused.value.code == "CDS991"
    assert "does not know this Lark's internals: AttributeError" in refused.value.first.message("en")
    other_lexer = copy.copy(lark)
    other_lexer.parser = copy.copy(lark.parser)
    other_lexer.parser.lexer = lark.parser.lexer.root_lexer  # a basic lexer, not a contextual one
    with pytest.raises(L.LarkMismatch, match="không dùng được với lark") as refused:
        LalrDriver(other_lexer)
    assert refused.value.code == "CDS991" and 'a contextual lexer, not BasicLexer' in refused.value.first.message("en")

    def reads_differently(self, text, start):
        raise Failure("eof")

    monkeypatch.setattr(L.LalrDriver, "parse", reads_differently)
    with pytest.raises(L.LarkMismatch, match="không dùng được với lark") as refused:
        LalrDriver(lark)
    assert refused.value.code == "CDS991" and 'differently from Lark' in refused.value.first.message("en")
    monkeypatch.setattr(READ, "_driver", None)
    try:
        with pytest.raises(L.LarkMismatch):
            P.lalr_driver()
    finally:
        READ._driver = None
        P.clear_piece_caches()


@pytest.mark.parametrize("lang, words", [("vi", "chưa được cdsdsl kiểm thử"), ("en", "has not been tested with")])
def test_the_cli_shows_an_untested_lark_as_a_coded_message_with_the_fix_not_an_internal_error(
        monkeypatch, tmp_path, lang, words):
    """A user with lark 1.9 installed runs `cds parse` on huyện Ninh Thuận 2023 chỉ số 6.9: exit 2, CDS990 in
    their language with the pip command that fixes it — not 'internal error' (exit 3)."""
    import lark
    from click.testing import CliRunner

    from cdsdsl.cli import main

    formula = tmp_path / "6.9.txt"
    formula.write_text("a = Số lượng hồ sơ trực tuyến;\nb = Tổng số hồ sơ;\n- Tỷ lệ = a/b;\n"
                       "- Điểm = Tỷ lệ * Điểm tối đa\n", encoding="utf-8")
    monkeypatch.setattr(lark, "__version__", "1.9.0")
    monkeypatch.setattr(READ, "_driver", None)
    P.clear_piece_caches()
    try:
        result = CliRunner().invoke(main, ["parse", str(formula), "--lang", lang])
    finally:
        READ._driver = None
        P.clear_piece_caches()
    assert result.exit_code == 2, result.output
    assert "CDS990" in result.stderr and words in result.stderr
    assert "pip install 'lark>=1.1.9,<1.4'" in result.stderr
    assert "Traceback" not in result.output
    assert "internal error" not in result.stderr.lower() and "lỗi nội bộ" not in result.stderr


def test_the_driver_checks_itself_against_lark_before_use():
    P.lalr_driver().self_check(P.lark_parser())  # passes with the Lark installed


def test_pieces_the_driver_leaves_to_lark_are_read_by_lark_with_the_same_result(monkeypatch):
    # the per-piece fallback (`NotHandled`) stays: here every piece is left to Lark
    import cdsdsl.syntax.lalr as L

    def not_handled(self, *args):
        raise NotHandled

    P.clear_piece_caches()
    expected = P.parse_formula(CELLS_TEXT)
    monkeypatch.setattr(L.LalrDriver, "parse", not_handled)
    monkeypatch.setattr(L.LalrDriver, "stack_at_shift", not_handled)
    P.clear_piece_caches()
    try:
        assert P.parse_formula(CELLS_TEXT) == expected
        assert to_dict(P.parse_formula(CELLS_TEXT)) == to_dict(expected)
    finally:
        P.clear_piece_caches()


CELLS_TEXT = "a = Số văn bản\nb = Tổng số văn bản\nTỷ lệ = a/b\n- Tỷ lệ >= 80%: Điểm tối đa\n- Tỷ lệ < 80%: 0 điểm"
