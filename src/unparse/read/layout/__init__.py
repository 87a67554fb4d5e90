"""Glyph records of every page → numbered lines in reading order, and the facts the layout told.

The analysis runs in stages, each a function of its own module taking the records of the
one before (:mod:`.records`), like pdfminer's layout analysis:

1. direction (:func:`.direction.is_rtl`): right to left or left to right, for the document;
2. mirroring (:func:`.direction.vote_mirroring`): whether the fonts name bracket shapes;
   then every physical line read in reading order (:func:`.direction.read_pages`);
3. furniture (:func:`.furniture.find_furniture`): running headers and footers, page and
   job numbers, document symbols, clipped glyphs;
4. footnote area (:func:`.footnotes.split_pages`): each page's body and footnote lines;
   then grids (:func:`.columns.read_columns`): lines set as columns side by side read
   column by column;
5. margins (:func:`.margins.measure_frame`): the text block, body size, line spacing,
   justification;
6. blocks (:func:`.blocks.build_blocks`): paragraphs, headings and footnotes;
7. output (:func:`.emit.number_lines`): numbered lines and facts.

Every threshold is a field of :class:`~unparse.read.params.ReaderParams`.

Facts (the ``facts`` dict passed to ``repair_lines``; line numbers are those of the
returned :class:`~unparse.lines.Line` objects):

- ``"reader"``: ``"pdf"``.
- ``"logical_order"``: ``True`` — the lines are already in reading order; repair steps
  that guess an order need not.
- ``"pages"``: number of pages read.
- ``"footnote_lines"``: ``list[int]``, the lines that are footnotes (``(N) text``).
- ``"footnote_separator_lines"``: ``list[int]``, the ``_______________`` lines.
- ``"heading_lines"``: ``list[int]``, lines set in bold or larger than the body text.
- ``"line_boxes"``: ``dict[int, list[float]]``, for every paragraph and footnote line, its
  page and box on that page (its first page): ``[page, x0, y0, x1, y1]`` in points from
  the page's lower-left corner (PDF user space when the page box starts at 0, 0).
- ``"line_part_boxes"``: ``dict[int, list[list[float]]]``, for the same lines, the box of
  each physical line that went into it, on its own page, in the same form.
- ``"line_end_pages"``: ``dict[int, int]``, for lines (paragraphs, footnotes) that end
  on a later page than ``Line.page``, that page.
- ``"stream_order"``: ``list[dict]``, one per physical text line:
  ``{"page", "line", "order"}`` where ``line`` is the output line it went into and
  ``order`` is ``"logical"``, ``"visual"`` or ``"neutral"`` (how the content stream drew it).
- ``"stream_order_counts"``: ``dict[str, int]``, the number of physical lines of each order.
- ``"reader_fixes"``: ``list[dict]`` (``kind``, ``line``, ``before``, ``after``), one per
  physical line whose content-stream text differed from its reading-order text:
  kind ``"pdf_visual_order"``, ``"pdf_logical_order"`` or ``"pdf_neutral_order"``.
- ``"furniture"``: ``list[dict]`` (``page``, ``kind``, ``text``) of every line taken out
  as page furniture (nothing is dropped silently).
- ``"glyph_remaps"``: ``list[dict]`` (``font``, ``code``, ``mapped``, ``read``, ``glyphs``),
  present when some glyphs were read against their font's ToUnicode map: a flat stroke on
  the baseline that the map names as a letter joining no next letter is a kashida
  (:mod:`unparse.read.fonts`); ``glyphs`` is how many were drawn.
- ``"mirrored_brackets"``: whether the fonts' bracket glyphs were read mirrored.
- ``"running_symbols"``: document symbols found in page headers (also written once as the
  first line, as a text extraction would have it).
- ``"reader_warnings"``: ``list[str]``, what the reader could not read well.
"""

from __future__ import annotations

from ...lines import Line
from ..params import DEFAULT_PARAMS, ReaderParams
from .blocks import build_blocks
from .columns import read_columns
from .direction import read_pages
from .emit import number_lines
from .footnotes import split_pages
from .furniture import find_furniture
from .margins import body_size, measure_frame
from .records import SEPARATOR, PageGlyphs

__all__ = ["SEPARATOR", "PageGlyphs", "layout_lines"]


def layout_lines(
    pages: list[PageGlyphs], params: ReaderParams = DEFAULT_PARAMS
) -> tuple[list[Line], dict[str, object]]:
    """Glyph records of every page → numbered lines and facts (no pdfminer needed)."""
    reading = read_pages(pages)
    warnings: list[str] = []
    if any("\ufffd" in p.text for page in reading.pages for p in page):
        warnings.append("some glyphs have no Unicode mapping in their font; written as U+FFFD")
    size = body_size(reading.pages)
    furniture = find_furniture(reading.pages, pages, params)
    parts = split_pages(reading.pages, furniture, pages, size, params)
    frame = measure_frame(parts, reading.rtl, size, params, max((p.width for p in pages), default=0.0))
    parts, grid_warnings = read_columns(parts, frame.spacing, reading.rtl, reading.mirror, params)
    warnings += grid_warnings
    blocks = build_blocks(parts, frame, reading.mirror)
    return number_lines(blocks, furniture, reading, pages, warnings)
