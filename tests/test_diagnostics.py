"""Diagnostics as data: the catalogue, optional parts of messages, rendering and JSON."""
from __future__ import annotations

from cdsdsl.diagnostics.core import Diagnostic, Severity
from cdsdsl.diagnostics.messages import CATALOG
from cdsdsl.diagnostics.render import render_diagnostic, summary
from cdsdsl.text.source import Source, Span


def test_every_code_has_both_languages_and_a_hint():
    for code, m in CATALOG.items():
        assert m.vi and m.en and m.hint_vi and m.hint_en, code
        assert m.severity in ("error", "warning", "info"), code


def test_the_cell_is_named_only_when_known():
    d = Diagnostic.make("CDS600", item="1.3", unit="Huyện A", key="b", description="Tổng số văn bản",
                        where="dv.csv:4:C")
    assert d.message() == "thiếu số liệu `b` (Tổng số văn bản) (ô dv.csv:4:C)"
    assert d.message("en") == "input `b` (Tổng số văn bản) is missing (cell dv.csv:4:C)"
    for unknown in (None, "", "?"):
        d = Diagnostic.make("CDS600", item="1.3", unit="Huyện A", key="b", description="Tổng số văn bản",
                            where=unknown)
        assert d.message() == "thiếu số liệu `b` (Tổng số văn bản)"


def test_render_names_indicator_and_unit_in_the_place_line():
    d = Diagnostic.make("CDS600", item="1.3", unit="Huyện A", key="b", description="Tổng số", where="dv.csv:4:C")
    text = render_diagnostic(d)
    assert text.splitlines()[0] == "lỗi[CDS600]: thiếu số liệu `b` (Tổng số) (ô dv.csv:4:C)"
    assert text.splitlines()[1] == "  ┌─ chỉ số 1.3 › đơn vị Huyện A"
    assert text.splitlines()[-1].startswith("  = gợi ý: Nhập giá trị của `b`")
    assert render_diagnostic(d, "en").splitlines()[1] == "  ┌─ indicator 1.3 › unit Huyện A"


def test_render_underlines_the_words_in_the_original_line():
    src = Source("a=1;\n- Tỷ lệ <80: Điểm tối đa\n", name="f.txt", line_offset=10, column_offset=4)
    start = src.text.index("Tỷ lệ <80")
    d = Diagnostic.make("CDS101", Span(start, start + len("Tỷ lệ <80")), source=src, after="/")
    lines = render_diagnostic(d).splitlines()
    assert lines[1] == "  ┌─ f.txt:12:7"
    assert lines[2] == "12 │     - Tỷ lệ <80: Điểm tối đa"
    assert lines[3] == "   │       ^^^^^^^^^"
    assert d.to_dict()["line"] == 12 and d.to_dict()["column"] == 7 and d.to_dict()["end_column"] == 16


def test_summary_counts_each_severity():
    ds = [Diagnostic.make("CDS101", after="/"), Diagnostic.make("CDS150", name="a", description="x"),
          Diagnostic.make("CDS152")]
    assert [d.severity for d in ds] == [Severity.ERROR, Severity.WARNING, Severity.INFO]
    assert summary(ds) == "1 lỗi, 1 cảnh báo, 1 thông tin"
    assert summary(ds, "en") == "1 error(s), 1 warning(s), 1 note(s)"
