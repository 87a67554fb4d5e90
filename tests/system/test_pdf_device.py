"""The PDF reader's light pdfminer device against pdfminer's own ``LTChar``.

The reader records drawn characters as ``CharBox`` (read/limits.py), copying the arithmetic of
pdfminer's ``PDFLayoutAnalyzer.render_char`` and ``LTChar.__init__`` because building ``LTChar``
objects costs several times more. A pdfminer upgrade that changed that arithmetic would
silently move glyphs; this test compares every field on every character of the fixture PDFs
and of the real gazette, so such an upgrade fails here first.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any

import pytest

from unparse.read.limits import CharBox, bounded_aggregator

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
PDFS = sorted(p for p in FIXTURES.glob("*.pdf") if not p.name.startswith("bad-"))


def _walk(layout: Any) -> list[Any]:
    """Characters in the order the page drew them, figures included."""
    from pdfminer.layout import LTChar, LTContainer

    out: list[Any] = []
    stack: deque[Any] = deque(layout)
    while stack:
        item = stack.popleft()
        if isinstance(item, CharBox | LTChar):
            out.append(item)
        elif isinstance(item, LTContainer):
            stack.extendleft(reversed(list(item)))
    return out


def _chars(path: Path, light: bool) -> list[list[tuple[object, ...]]]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    rsrc = PDFResourceManager(caching=True)
    # (Without /ActualText spans, which LTChar does not know: tests/system/test_pdf_typesetters.py.)
    device = (
        bounded_aggregator(rsrc, light=True, actual_text=False)
        if light
        else PDFPageAggregator(rsrc, laparams=None)
    )
    interpreter = PDFPageInterpreter(rsrc, device)
    pages = []
    with path.open("rb") as handle:
        for page in PDFPage.get_pages(handle):
            interpreter.process_page(page)
            pages.append(
                [
                    (
                        c.get_text() if not light else c.text,
                        c.x0,
                        c.y0,
                        c.x1,
                        c.y1,
                        c.size,
                        c.fontname,
                        c.upright,
                        tuple(c.matrix),
                    )
                    for c in _walk(device.get_result())
                ]
            )
    return pages


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.stem)
def test_light_device_matches_ltchar_field_by_field(path: Path) -> None:
    light, reference = _chars(path, light=True), _chars(path, light=False)
    assert len(light) == len(reference)
    assert sum(map(len, reference)) > 100  # the PDF really draws text
    for number, (ours, theirs) in enumerate(zip(light, reference, strict=True), start=1):
        assert len(ours) == len(theirs), f"page {number}"
        for k, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            assert a == b, f"page {number}, character {k}: {a} != {b}"
