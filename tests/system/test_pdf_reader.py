"""The PDF reader: glyph records → lines (no PDF needed), the fixture PDFs, a real gazette, bad PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest

from pdf_helpers import FIXTURES, GENERATED, document_cer, split_text
from unparse.errors import InputTooLargeError, PdfError, UnparseError
from unparse.options import Options
from unparse.read.glyphs import Glyph, TextLine, group_lines, read_line, stream_order
from unparse.read.pdf import layout_lines, read_pdf_lines

GAZETTE = FIXTURES / "egypt-gazette-law-8-2022.pdf"


def glyphs(
    visual: str,
    *,
    x: float = 100.0,
    baseline: float = 100.0,
    size: float = 10.0,
    logical_stream: bool = False,
    width: float = 5.0,
) -> list[Glyph]:
    """Glyphs drawn left to right for a visual-order string ("|" = a gap without a space glyph)."""
    out: list[Glyph] = []
    for ch in visual:
        if ch == "|":
            x += 3.0
            continue
        out.append(Glyph(ch, x, x + width, baseline - size, baseline + 2, baseline, size, "F", len(out)))
        x += width
    if logical_stream:
        out = [
            Glyph(g.text, g.x0, g.x1, g.top, g.bottom, g.baseline, g.size, g.fontname, len(out) - i)
            for i, g in enumerate(out)
        ]
    return out


def line_of(gs: list[Glyph]) -> TextLine:
    lines = group_lines(gs)
    assert len(lines) == 1
    return lines[0]


# --------------------------------------------------------------------------- glyph records


def test_visual_arabic_word_is_read_right_to_left() -> None:
    line = line_of(glyphs("ةميرجلا"))
    assert read_line(line, rtl=True) == "الجريمة"
    assert stream_order(line) == "visual"


def test_logical_stream_gives_the_same_text_and_says_so() -> None:
    line = line_of(glyphs("ةميرجلا", logical_stream=True))
    assert read_line(line, rtl=True) == "الجريمة"
    assert stream_order(line) == "logical"


def test_digit_groups_and_latin_runs_stay_left_to_right() -> None:
    # "القرار 76/186 المؤرخ" and "(A/76/463، الفقرة 26)" as displayed.
    assert read_line(line_of(glyphs("خرؤملا 76/186 رارقلا")), rtl=True) == "القرار 76/186 المؤرخ"
    assert read_line(line_of(glyphs(")26 ةرقفلا ،A/76/463(")), rtl=True) == "(A/76/463، الفقرة 26)"
    assert read_line(line_of(glyphs("2 - 1")), rtl=True) == "1 - 2"


def test_latin_footnote_in_a_right_to_left_paragraph() -> None:
    shown = ".United Nations, Treaty Series, vol. 2225, No. 39574 )3("
    assert (
        read_line(line_of(glyphs(shown)), rtl=True)
        == "(3) United Nations, Treaty Series, vol. 2225, No. 39574."
    )


def test_words_split_by_gaps_without_space_glyphs() -> None:
    assert read_line(line_of(glyphs("ةماعلا|ةيعمجلا")), rtl=True) == "الجمعية العامة"


def test_superscript_reference_glued_to_the_word_before_it() -> None:
    body = glyphs("، 2030 ماعل", x=100.0)
    sup = [Glyph("1", 95.0, 98.0, 92.0, 97.0, 96.0, 6.0, "F", 99)]  # raised, smaller, left of "2030"
    comma = [Glyph("،", 90.0, 95.0, 90.0, 102.0, 100.0, 10.0, "F", 98)]
    line = line_of([*comma, *sup, *body[1:]])
    assert read_line(line, rtl=True) == "لعام 2030(1)،"


def test_superscript_cluster_on_its_own_baseline_joins_the_line_below() -> None:
    body = glyphs("ةيلودلا", x=100.0)
    sup = [Glyph("4", 94.0, 97.0, 91.0, 95.0, 95.0, 6.0, "F", 50)]
    lines = group_lines([*body, *sup])
    assert len(lines) == 1
    assert read_line(lines[0], rtl=True) == "الدولية(4)"


def test_lines_by_baseline_top_to_bottom() -> None:
    gs = glyphs("ىلوألا", baseline=200.0) + glyphs("ةيناثلا", baseline=100.0)
    assert [read_line(ln, rtl=True) for ln in group_lines(gs)] == ["الثانية", "الأولى"]


def test_layout_without_pdf_furniture_and_footnotes() -> None:
    from unparse.read.glyphs import Rule
    from unparse.read.pdf import PageGlyphs

    def page(n: int) -> PageGlyphs:
        gs = glyphs("A/RES/76/186", x=50, baseline=30, size=9)
        gs += glyphs(str(n), x=350, baseline=30, size=9)
        gs += glyphs("ىلوألا ةرقفلا", x=50, baseline=100, size=12, width=24)
        gs += glyphs("ةيناثلا ةرقفلا", x=50, baseline=130, size=12, width=22)
        gs += glyphs("ةريخألا ةرقفلا", x=70, baseline=160, size=12, width=20)
        gs += glyphs(f"{n}ةيشاحلا ){n}(", x=250, baseline=500, size=9)
        gs += glyphs("21-40001 (A)", x=50, baseline=580, size=9)
        return PageGlyphs(n, 420, 595, gs, [Rule(260, 370, 480)])

    lines, facts = layout_lines([page(1), page(2)])
    texts = [ln.text for ln in lines]
    assert "A/RES/76/186" in texts[0]
    # Three lines of one paragraph (the last one short), on each page.
    assert texts.count("الفقرة الأولى الفقرة الثانية الفقرة الأخيرة") == 2
    assert texts.count("_______________") == 2
    assert facts["footnote_lines"] and all(texts[n - 1].startswith("(") for n in facts["footnote_lines"])
    kinds = {f["kind"] for f in facts["furniture"]}  # type: ignore[union-attr]
    assert "running_header" in kinds and kinds & {"job_number", "running_footer"}


# --------------------------------------------------------------------------- fixture PDFs


@pytest.mark.parametrize("name", GENERATED)
def test_fixture_reads_as_its_source(name: str) -> None:
    source = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    lines, facts = read_pdf_lines(FIXTURES / f"{name}.pdf")
    symbols = facts["running_symbols"]
    assert symbols and lines[0].text == symbols[0]  # type: ignore[index]
    # The symbol is written once at the top, as a text extraction has it; the sources omit it.
    got = "\n".join(line.text for line in lines[1:])
    body, notes = split_text(source)
    got_body, got_notes = split_text(got)
    assert len(got_body) == len(body)
    assert sorted(got_notes) == sorted(notes)
    assert document_cer(source, got) < 0.005
    # The reader's own account of footnote lines matches the text.
    assert len(facts["footnote_lines"]) == len(notes)  # type: ignore[arg-type]
    assert facts["pages"] >= 2


def test_fixture_stream_orders_are_reported() -> None:
    _, western = read_pdf_lines(FIXTURES / "res-western.pdf")
    _, eastern = read_pdf_lines(FIXTURES / "res-eastern.pdf")
    _, mixed = read_pdf_lines(FIXTURES / "report-sections.pdf")
    assert set(western["stream_order_counts"]) <= {"visual", "neutral"}  # type: ignore[arg-type]
    assert set(eastern["stream_order_counts"]) <= {"logical", "neutral"}  # type: ignore[arg-type]
    assert {"logical", "visual"} <= set(mixed["stream_order_counts"])  # type: ignore[arg-type]
    kinds = {f["kind"] for f in western["reader_fixes"]}  # type: ignore[union-attr]
    assert "pdf_visual_order" in kinds and kinds <= {"pdf_visual_order", "pdf_neutral_order"}


def test_paragraph_broken_across_pages_is_one_line() -> None:
    lines, facts = read_pdf_lines(FIXTURES / "res-long-paragraph.pdf")
    long = next(ln for ln in lines if ln.text.startswith("إذ تؤكد من جديد"))
    assert long.text.endswith("عرضة للاتجار بهن(1)،")
    assert facts["line_end_pages"][long.number] == 2  # type: ignore[index]


def test_presentation_forms_are_folded() -> None:
    lines, _ = read_pdf_lines(FIXTURES / "res-eastern.pdf")
    text = "\n".join(ln.text for ln in lines)
    assert not any("\ufb50" <= c <= "\ufeff" for c in text)
    assert "الجمعية العامة" in text and "٦١/١٨٠" in text


# --------------------------------------------------------------------------- a real PDF


def test_egyptian_gazette_reads_in_logical_order() -> None:
    lines, facts = read_pdf_lines(GAZETTE)
    text = "\n".join(ln.text for ln in lines)
    assert "قانون رقم 8 لسنة 2022" in text
    assert "الأولى" in text  # lam-alef intact
    assert "(المادة الأولى)" in text  # brackets not mirrored
    assert "الجريدة الرسمية" in text  # in the body (المادة السادسة), headers are furniture
    assert "ةيمسرلا ةديرجلا" not in text and "اجلريدة" not in text and "األولى" not in text
    assert "رئيس الجمهورية" in text
    assert "10 - اللجنـــة الوزاريـــة" in text  # a two-digit number with a space glyph on it
    headers = [f for f in facts["furniture"] if f["kind"] == "running_header"]  # type: ignore[union-attr]
    assert len(headers) >= 20  # one per page
    assert "الرسمية - العدد 9" not in text
    assert facts["pages"] == 23


# --------------------------------------------------------------------------- bad PDFs


def _expect_pdf_error(path: Path, words: str, options: Options | None = None) -> None:
    with pytest.raises(UnparseError) as info:
        read_pdf_lines(path, options or Options())
    message = str(info.value)
    assert str(path) in message
    assert words in message


def test_encrypted_pdf() -> None:
    _expect_pdf_error(FIXTURES / "bad-encrypted.pdf", "password")


def test_scanned_pdf_needs_ocr() -> None:
    _expect_pdf_error(FIXTURES / "bad-scanned.pdf", "OCR")


def test_truncated_pdf(tmp_path: Path) -> None:
    data = (FIXTURES / "res-western.pdf").read_bytes()
    for cut in (200, len(data) // 2):
        path = tmp_path / f"cut-{cut}.pdf"
        path.write_bytes(data[:cut])
        with pytest.raises(UnparseError) as info:
            read_pdf_lines(path)
        assert str(path) in str(info.value)


def test_garbage_after_header(tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20)
    with pytest.raises(PdfError):
        read_pdf_lines(path)


def test_zero_pages(tmp_path: Path) -> None:
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path = tmp_path / "empty.pdf"
    path.write_bytes(bytes(out))
    _expect_pdf_error(path, "no pages")


def test_page_limit_can_be_raised() -> None:
    path = FIXTURES / "res-western.pdf"
    with pytest.raises(InputTooLargeError) as info:
        read_pdf_lines(path, Options(max_pages=1))
    assert "max_pages" in str(info.value)
    lines, _ = read_pdf_lines(path, Options(max_pages=2))
    assert lines


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_text("نص عادي", encoding="utf-8")
    _expect_pdf_error(path, "not a PDF")
