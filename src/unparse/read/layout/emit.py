"""Stage 7: the blocks as numbered output lines, and the facts about each line."""

from __future__ import annotations

from collections import Counter

from ...lines import Line
from ..glyphs import TextLine
from .records import Block, Blocks, Furniture, PageGlyphs, Reading


def number_lines(
    blocks: Blocks, furniture: Furniture, reading: Reading, pages: list[PageGlyphs], warnings: list[str]
) -> tuple[list[Line], dict[str, object]]:
    """One line per block with a blank line after it (a document symbol from the running
    header first, as a text extraction would have it), and the facts of
    :func:`~unparse.read.layout.layout_lines`."""
    lines: list[Line] = []
    facts_footnotes: list[int] = []
    facts_separators: list[int] = []
    facts_headings: list[int] = []
    end_pages: dict[int, int] = {}
    boxes: dict[int, list[float]] = {}
    part_boxes: dict[int, list[list[float]]] = {}
    heights = {pg.number: pg.height for pg in pages}
    orders: list[dict[str, object]] = []
    fixes: list[dict[str, object]] = []

    def emit(text: str, page: int | None) -> int:
        number = len(lines) + 1
        lines.append(Line(number, text, page))
        return number

    symbols = furniture.symbols
    if symbols:
        emit(symbols[0], pages[0].number if pages else None)
        emit("", None)
    for block in blocks.items:
        if isinstance(block, str):
            facts_separators.append(emit(block, None))
            emit("", None)
            continue
        number = emit(block.text, block.parts[0].page)
        emit("", None)
        _place(block, number, heights, end_pages, boxes, part_boxes)
        if block.kind == "footnote":
            facts_footnotes.append(number)
        elif block.kind == "heading":
            facts_headings.append(number)
        for part in block.parts:
            orders.append({"page": part.page, "line": number, "order": part.order})
            if part.stream.strip() and "".join(part.stream.split()) != "".join(part.text.split()):
                kind = f"pdf_{part.order}_order"
                fixes.append({"kind": kind, "line": number, "before": part.stream, "after": part.text})
    while lines and not lines[-1].text:
        lines.pop()

    counts = Counter(str(o["order"]) for o in orders)
    facts: dict[str, object] = {
        "reader": "pdf",
        "logical_order": True,
        "pages": len(pages),
        "footnote_lines": facts_footnotes,
        "footnote_separator_lines": facts_separators,
        "heading_lines": facts_headings,
        "line_end_pages": end_pages,
        "line_boxes": boxes,
        "line_part_boxes": part_boxes,
        "stream_order": orders,
        "stream_order_counts": dict(counts),
        "reader_fixes": fixes,
        "furniture": furniture.records,
        "mirrored_brackets": reading.mirror,
        "running_symbols": list(dict.fromkeys(symbols)),
        "reader_warnings": warnings + blocks.warnings,
    }
    remaps = _remaps(pages)
    if remaps:
        facts["glyph_remaps"] = remaps
    return lines, facts


def _place(
    block: Block,
    number: int,
    heights: dict[int, float],
    end_pages: dict[int, int],
    boxes: dict[int, list[float]],
    part_boxes: dict[int, list[list[float]]],
) -> None:
    """Record the block's box on its first page (PDF user space), the box of each of its
    physical lines on its own page, and its end page."""
    part_boxes[number] = [_box(part.page, [part.line], heights) for part in block.parts]
    first = block.parts[0]
    if block.parts[-1].page != first.page:
        end_pages[number] = block.parts[-1].page
    on_first = [part.line for part in block.parts if part.page == first.page]
    boxes[number] = _box(first.page, on_first, heights)


def _box(page: int, lines: list[TextLine], heights: dict[int, float]) -> list[float]:
    """``[page, x0, y0, x1, y1]`` around ``lines``, y from the page's bottom (PDF user space)."""
    height = heights.get(page, 0.0)
    return [
        float(page),
        round(min(tl.x0 for tl in lines), 2),
        round(height - max(tl.bottom for tl in lines), 2),
        round(max(tl.x1 for tl in lines), 2),
        round(height - min(tl.top for tl in lines), 2),
    ]


def _remaps(pages: list[PageGlyphs]) -> list[dict[str, object]]:
    """The glyphs read as a kashida against their font's map, summed over the pages."""
    total: Counter[tuple[str, int, str]] = Counter()
    for page in pages:
        total.update(page.kashidas)
    return [
        {"font": font, "code": code, "mapped": mapped, "read": "\u0640", "glyphs": n}
        for (font, code, mapped), n in sorted(total.items())
    ]
