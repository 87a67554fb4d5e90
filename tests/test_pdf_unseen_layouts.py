"""The PDF reader on layouts its fixtures do not have (issue 12).

Fixtures are dev-split PDFs of the accuracy benchmark (``benchmarks/accuracy/inputs/pdf``,
committed); the expected counts are those of the documents' gold
(``benchmarks/accuracy/sources``).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import unparse
from unparse.read.params import DEFAULT_PARAMS, ReaderParams
from unparse.read.pdf import extract_pages, layout_lines

PDFS = Path(__file__).resolve().parent.parent / "benchmarks" / "accuracy" / "inputs" / "pdf"


def pdf(typesetter: str, name: str) -> Path:
    path = PDFS / typesetter / f"{name}.pdf"
    if not path.exists():  # pragma: no cover - the inputs are committed
        pytest.skip(f"{path} missing")
    return path


# --------------------------------------------------------------------------- 1. packed paragraphs


def test_packed_paragraphs_split_where_a_justified_line_stops_short() -> None:
    # fpdf2 "amiri-packed": no space, no indent; a one-line paragraph that ends a few points
    # short of the margin ("إذ يشير ...") still ends there: the text is justified.
    doc = unparse.parse_pdf(pdf("fpdf2", "sc-res-2754-2024"))
    assert len(doc.preamble) == 7
    assert [p.number for p in doc.paragraphs] == [1, 2, 3, 4, 5, 6, 7]
    assert doc.preamble[1].text.startswith("وإذ يضع في اعتباره")
    assert len(doc.paragraphs[2].sub_items) == 3


def test_packed_closing_line_and_date_stay_apart() -> None:
    doc = unparse.parse_pdf(pdf("fpdf2", "hrc-res-54-12"))
    assert [p.number for p in doc.paragraphs] == [1, 2, 3, 4, 5, 6, 7]
    last = doc.paragraphs[-1].text
    assert last.endswith("في إطار البند نفسه من جدول الأعمال.")
    assert doc.closing is not None and doc.closing.startswith("الجلسة")
    assert doc.closing_date is not None


def test_sub_items_after_a_page_foot_are_not_footnotes() -> None:
    # "(١) تيسير ..." at the top of page 2 (a second-level point) follows page 1's footnotes
    # "(١) ..." and "(٢) ...": the reader placed every footnote, segmentation trusts it.
    doc = unparse.parse_pdf(pdf("fpdf2", "hrc-res-54-12"))
    assert [f.marker for f in doc.footnotes] == ["1", "2", "3"]
    third = doc.paragraphs[2]
    assert [s.label for s in third.sub_items] == ["أ", "ب", "ج"]
    assert [s.label for s in third.sub_items[1].sub_items] == ["1", "2"]


def test_line_spacing_is_not_a_stray_small_gap() -> None:
    # Chromium (Noto Naskh, indents): one pair of lines 5.7 pt apart (a raised glyph) made
    # the "usual spacing" 5.7 pt, so every line became a paragraph of its own.
    doc = unparse.parse_pdf(pdf("chromium", "sg-a-78-245-road-safety"))
    numbers = [p.number for p in doc.paragraphs]
    assert numbers[:5] == [1, 2, 3, 4, 5]
    assert len(doc.paragraphs) >= 30


def test_section_footnotes_in_mid_page_end_where_body_text_resumes() -> None:
    # Chromium "naskh-indent" sets footnotes at the end of each section: a rule, the notes,
    # then the next heading and paragraphs on the same page (and a second rule lower down).
    doc = unparse.parse_pdf(pdf("chromium", "report-a-79-190-right-to-food"))
    numbers = [p.number for p in doc.paragraphs + [q for a in doc.annexes for q in a.paragraphs]]
    assert numbers[:12] == list(range(1, 13))
    assert all("ثانياً" not in f.text for f in doc.footnotes)


def test_thresholds_are_one_frozen_parameter_object() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_PARAMS.short_line = 2.0  # type: ignore[misc]
    pages = extract_pages(pdf("fpdf2", "sc-res-2754-2024"))
    default, _ = layout_lines(pages)
    # Never justified: the ragged rule (the next line's first word must not fit) applies,
    # and a one-line paragraph a few points short of the margin joins the next.
    ragged, _ = layout_lines(
        extract_pages(pdf("fpdf2", "sc-res-2754-2024")), ReaderParams(justified_ratio=1e9)
    )
    assert len([x for x in ragged if x.text]) < len([x for x in default if x.text])
