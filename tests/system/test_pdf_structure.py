"""parse_pdf on the fixture PDFs gives the structure parse_text gives on their sources.

These depend on the segmentation stage (src/unparse/segment/) as well as on the reader.
"""

from __future__ import annotations

import pytest

import unparse
from builders import structure, texts
from pdf_helpers import FIXTURES, GENERATED, cer
from unparse.models import Document


@pytest.fixture(scope="module", params=GENERATED)
def pair(request: pytest.FixtureRequest) -> tuple[str, Document, Document]:
    name = request.param
    source = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    return name, unparse.parse_text(source), unparse.parse_pdf(FIXTURES / f"{name}.pdf")


def test_structure_matches_the_source(pair: tuple[str, Document, Document]) -> None:
    _name, expected, got = pair
    assert expected.paragraphs or expected.preamble, "segmentation found nothing in the source"
    assert structure(got) == structure(expected)


def test_paragraph_texts_within_half_a_percent(pair: tuple[str, Document, Document]) -> None:
    _name, expected, got = pair
    assert expected.paragraphs or expected.preamble, "segmentation found nothing in the source"
    assert cer(texts(expected), texts(got)) < 0.005


def test_pdfminer_extract_text_is_never_better(pair: tuple[str, Document, Document]) -> None:
    from pdfminer.high_level import extract_text

    name, expected, got = pair
    baseline = unparse.parse_text(extract_text(FIXTURES / f"{name}.pdf"))
    assert cer(texts(expected), texts(got)) <= cer(texts(expected), texts(baseline))


def test_spans_give_pages(pair: tuple[str, Document, Document]) -> None:
    _name, _expected, got = pair
    for p in got.preamble + got.paragraphs:
        assert p.span.start_page is not None
