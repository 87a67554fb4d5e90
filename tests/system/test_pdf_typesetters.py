"""The PDF reader on PDFs of real typesetters it was not tuned on (LibreOffice, Chromium).

The PDFs of tests/fixtures/pdf/typesetters/ are the fixture source texts typeset by
LibreOffice Writer 7.4 and headless Chromium 156 (scripts/make_typesetter_pdfs.py; the
PDFs are committed, neither program is needed here). Expected results: the source texts.
"""

from __future__ import annotations

import pytest

import unparse
from builders import structure, texts
from pdf_helpers import FIXTURES, cer, document_cer, reader_text, split_text
from unparse.models import Document
from unparse.read.pdf import read_pdf_lines

TYPESET = FIXTURES / "typesetters"
# Ceilings pinned at what the reader reaches (reader CER, parse_pdf document CER), measured
# after the clipped-glyph and /ActualText handling (reader 0 to 0.003, documents 0 to 0.0007).
CEILINGS: dict[str, tuple[float, float]] = {
    "res-western.chromium": (0.003, 0.001),
    "res-western.libreoffice": (0.0005, 0.0005),
    "res-eastern.chromium": (0.001, 0.001),
    "res-eastern.libreoffice": (0.0005, 0.0005),
    "report-sections.chromium": (0.0005, 0.0005),
    "report-sections.libreoffice": (0.001, 0.001),
    "decision-cop.chromium": (0.001, 0.0005),
    "decision-cop.libreoffice": (0.001, 0.0005),
    "report-footnotes.chromium": (0.0005, 0.0005),
    "report-footnotes.libreoffice": (0.0005, 0.0005),
    "res-long-paragraph.chromium": (0.0005, 0.0005),
    "res-long-paragraph.libreoffice": (0.0005, 0.0005),
}


def _source(name: str) -> str:
    return (FIXTURES / f"{name.split('.')[0]}.txt").read_text(encoding="utf-8")


def _reader_text(name: str) -> str:
    return reader_text(TYPESET / f"{name}.pdf")


@pytest.fixture(scope="module", params=sorted(CEILINGS))
def case(request: pytest.FixtureRequest) -> tuple[str, str, Document, Document]:
    name = request.param
    source = _source(name)
    return name, source, unparse.parse_text(source), unparse.parse_pdf(TYPESET / f"{name}.pdf")


def test_every_typeset_pdf_is_tested() -> None:
    assert sorted(p.name[: -len(".pdf")] for p in TYPESET.glob("*.pdf")) == sorted(CEILINGS)


def test_reader_cer_ceiling(case: tuple[str, str, Document, Document]) -> None:
    name, source, _expected, _got = case
    assert document_cer(source, _reader_text(name)) <= CEILINGS[name][0]


def test_document_cer_ceiling(case: tuple[str, str, Document, Document]) -> None:
    name, _source_text, expected, got = case
    assert cer(texts(expected), texts(got)) <= CEILINGS[name][1]


def test_extract_text_is_worse(case: tuple[str, str, Document, Document]) -> None:
    from pdfminer.high_level import extract_text

    name, _source_text, expected, got = case
    baseline = unparse.parse_text(extract_text(TYPESET / f"{name}.pdf"))
    assert cer(texts(expected), texts(got)) < cer(texts(expected), texts(baseline))


def test_kind_and_counts_match_the_source(case: tuple[str, str, Document, Document]) -> None:
    _name, _source_text, expected, got = case
    assert (got.kind, len(got.preamble), len(got.paragraphs), len(got.footnotes)) == (
        expected.kind,
        len(expected.preamble),
        len(expected.paragraphs),
        len(expected.footnotes),
    )


def test_structure_matches_the_source(case: tuple[str, str, Document, Document]) -> None:
    _name, _source_text, expected, got = case
    assert structure(got) == structure(expected)


def test_title_numbered_paragraph_and_footnote_read_exactly(
    case: tuple[str, str, Document, Document],
) -> None:
    name, source, _expected, _got = case
    body, notes = split_text(source)
    got_body, got_notes = split_text(_reader_text(name))
    assert got_body[0] == body[0]  # the title block's first line
    numbered = next(p for p in body if p[:1] in "1١" and p[1:4] == " - ")
    got_numbered = next(p for p in got_body if p[:1] in "1١" and p[1:4] == " - ")
    assert got_numbered.split()[:8] == numbered.split()[:8]
    first = min(notes, key=lambda k: int(k))
    assert got_notes.get(first) == notes[first]


def test_furniture_is_not_in_the_paragraphs(case: tuple[str, str, Document, Document]) -> None:
    name, _source_text, _expected, got = case
    _lines, facts = read_pdf_lines(TYPESET / f"{name}.pdf")
    furniture = facts["furniture"]
    assert isinstance(furniture, list)
    kinds = {str(f["kind"]) for f in furniture}
    assert kinds & {"running_header", "running_symbol"}, kinds  # the header was found
    job = {str(f["text"]) for f in furniture if "(A" in str(f["text"])}
    assert job, furniture  # so was the job number in the footer
    symbol = got.symbol or ""
    for p in got.preamble + got.paragraphs:
        assert "(A)" not in p.text and "V.1" not in p.text
        if symbol:
            assert symbol not in p.text


def test_clipped_letters_of_the_next_page_are_furniture() -> None:
    # Chromium draws the tall letters of the next page's first line below the last body
    # line and hides them with a clipping path; they are no text.
    _lines, facts = read_pdf_lines(TYPESET / "report-sections.chromium.pdf")
    furniture = facts["furniture"]
    assert isinstance(furniture, list)
    assert {"page": 1, "kind": "clipped_glyphs", "text": "أ أ"} in furniture


def test_actual_text_spans_give_their_text() -> None:
    # Chromium writes "اً" as a tanwin glyph and an unmapped alef inside a marked-content
    # span whose /ActualText is "اً": the span reads as that text, in its place.
    lines, _facts = read_pdf_lines(TYPESET / "report-footnotes.chromium.pdf")
    texts_ = [line.text for line in lines]
    assert "أولاً - مقدمة" in texts_
    assert not any("\x00" in t for t in texts_)
