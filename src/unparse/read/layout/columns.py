"""Stage 4b: lines set as columns side by side (a table, a slide's boxes) read column by column.

Two or more consecutive body lines crossed by the same vertical white stripes (at least
``params.cell_stripe`` sizes wide, one wider than ``params.cell_gap``), each line with text
in every column between them, are a grid:
reading each line across would interleave the cells (``بناء الإنسان بناء الاقتصاد`` over
``المصري تنافسي``). Each column is read top to bottom as a paragraph of its own, the columns
in the document's direction, and a warning says so, since a table's order is a guess.
"""

from __future__ import annotations

import statistics
from dataclasses import replace
from itertools import pairwise

from ..glyphs import TextLine, read_line
from ..params import ReaderParams
from .records import PageParts, PhysLine


def _stripes(lines: list[PhysLine], least: float) -> list[tuple[float, float]]:
    """The vertical white stripes, at least ``least`` points wide, that cross every line."""
    spans = sorted((g.x0, g.x1) for p in lines for g in p.line.glyphs if not g.is_space)
    out: list[tuple[float, float]] = []
    edge = spans[0][1] if spans else 0.0
    for x0, x1 in spans[1:]:
        if x0 - edge >= least:
            out.append((edge, x0))
        edge = max(edge, x1)
    return out


def _widest_gap(p: PhysLine) -> float:
    """The widest horizontal gap between the glyphs of a line (in their order on the line,
    by centre: a white band between glyphs shows at the first glyph right of it)."""
    widest = 0.0
    edge: float | None = None
    for x0, x1 in ((g.x0, g.x1) for g in p.line.glyphs if not g.is_space):
        if edge is not None:
            widest = max(widest, x0 - edge)
            edge = max(edge, x1)
        else:
            edge = x1
    return widest


def _grid(lines: list[PhysLine], params: ReaderParams) -> list[tuple[float, float]] | None:
    """The stripes that make ``lines`` a grid (every line has text in every column, one
    stripe is wider than ``params.cell_gap`` sizes), or None."""
    size = max(p.line.size for p in lines)
    stripes = _stripes(lines, params.cell_stripe * size)
    if not stripes or max(b - a for a, b in stripes) < params.cell_gap * size:
        return None
    cuts = [a for a, _ in stripes]
    for p in lines:
        filled = {sum(g.x0 >= c for c in cuts) for g in p.line.glyphs if not g.is_space}
        if len(filled) != len(cuts) + 1:
            return None  # a column empty on this line: a hanging label, not a grid
    return stripes


def _by_column(
    rows: list[PhysLine], stripes: list[tuple[float, float]], grid_id: int, rtl: bool, mirror: bool
) -> list[PhysLine]:
    """The grid's cells, column after column in the reading direction, each top to bottom."""
    cuts = [a for a, _ in stripes]
    columns = range(len(cuts) + 1)
    out: list[PhysLine] = []
    for col in reversed(columns) if rtl else columns:
        for p in rows:
            glyphs = [g for g in p.line.glyphs if sum(g.x0 >= c for c in cuts) == col]
            if not any(not g.is_space for g in glyphs):
                continue
            tl = TextLine(glyphs, p.line.baseline, p.line.size)
            text = read_line(tl, rtl, mirror=mirror)
            stream = "".join(g.text for g in sorted(tl.glyphs, key=lambda g: g.seq))
            out.append(PhysLine(tl, p.page, text, p.order, stream, (grid_id, col)))
    return out


def read_columns(
    parts: list[PageParts], spacing: float, rtl: bool, mirror: bool, params: ReaderParams
) -> tuple[list[PageParts], list[str]]:
    """Each page's body with its grids read column by column, and a warning per grid."""
    out: list[PageParts] = []
    warnings: list[str] = []
    grid_id = 0
    for page in parts:
        body = page.body
        # Every line of a grid has a gap at least as wide as its widest stripe: only lines
        # with a gap of cell_gap sizes can be in one (most pages have none).
        gapped = [_widest_gap(p) >= params.cell_gap * p.line.size for p in body]
        lines: list[PhysLine] = []
        i = 0
        while i < len(body):
            j = i + 1
            stripes = None
            while j < len(body) and gapped[i] and gapped[j] and body[j].page == body[i].page:
                found = _grid(body[i : j + 1], params)
                if found is None:
                    break
                stripes = found
                j += 1
            if stripes is None or j - i < params.cell_min_lines:
                lines.append(body[i])
                i += 1
                continue
            grid_id += 1
            rows = body[i:j]
            step = statistics.median(b.line.baseline - a.line.baseline for a, b in pairwise(rows))
            if step < params.cell_tight * spacing:
                # Lines set tighter than the body's: each cell's text wraps onto the next line
                # (a slide's boxes), so each column is read top to bottom.
                lines.extend(_by_column(rows, stripes, grid_id, rtl, mirror))
                how = "column by column, each column a paragraph"
            else:
                # One record per line (a table, a list of contents): row by row, as on the page.
                lines.extend(replace(p, cell=(grid_id, k)) for k, p in enumerate(rows))
                how = "row by row, each row a paragraph"
            warnings.append(
                f"page {body[i].page}: {j - i} lines set as {len(stripes) + 1} columns side by side "
                f"(a table or a slide's boxes); read {how}"
            )
            i = j
        out.append(PageParts(lines, page.notes))
    return out, warnings
