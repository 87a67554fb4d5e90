"""Span.boxes: the page and box of each physical line of a PDF item (docs/CONTRACT.md)."""

from __future__ import annotations

import unparse


def _spans(doc: unparse.Document) -> list[unparse.Span]:
    return [p.span for p in doc.preamble + doc.paragraphs] + [f.span for f in doc.footnotes]


def test_every_pdf_item_has_the_boxes_of_its_lines(gazette: unparse.Document) -> None:
    spans = _spans(gazette)
    assert spans
    for span in spans:
        assert span.boxes, span
        assert [b.page for b in span.boxes] == sorted(b.page for b in span.boxes)
        assert span.boxes[0].page == span.start_page
        assert span.boxes[-1].page == span.end_page
        for box in span.boxes:
            assert box.x0 < box.x1 and box.y0 < box.y1


def test_the_item_box_is_the_union_of_its_first_page_boxes(gazette: unparse.Document) -> None:
    for span in _spans(gazette):
        first = [b for b in span.boxes if b.page == span.start_page]
        assert span.x0 == min(b.x0 for b in first)
        assert span.y0 == min(b.y0 for b in first)
        assert span.x1 == max(b.x1 for b in first)
        assert span.y1 == max(b.y1 for b in first)


def test_a_paragraph_across_a_page_has_boxes_on_both(gazette: unparse.Document) -> None:
    crossing = [p for p in gazette.paragraphs if p.span.end_page != p.span.start_page]
    assert crossing
    for paragraph in crossing:
        pages = {b.page for b in paragraph.span.boxes}
        assert pages == set(range(paragraph.span.start_page or 0, (paragraph.span.end_page or 0) + 1))


def test_boxes_survive_json(gazette: unparse.Document) -> None:
    again = unparse.Document.model_validate_json(gazette.model_dump_json())
    assert _spans(again) == _spans(gazette)


def test_text_input_has_no_boxes() -> None:
    doc = unparse.parse_text("إن الجمعية العامة،\n\n1 - تقرر أن تبقي المسألة قيد نظرها.\n")
    assert all(not span.boxes for span in _spans(doc))
