"""Stage 5: what paragraph decisions measure against: the body size, the text block's
margins, the usual line spacing, and whether the text is justified (a :class:`Frame`)."""

from __future__ import annotations

import statistics
from collections import Counter
from itertools import pairwise

from ..params import ReaderParams
from .records import Frame, PageParts, PhysLine


def body_size(pages: list[list[PhysLine]]) -> float:
    """The size most glyphs are set in."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for p in page:
            sizes[round(p.line.size, 1)] += len(p.line.glyphs)
    return sizes.most_common(1)[0][0] if sizes else 12.0


def line_spacing(body: list[list[PhysLine]], body_size: float, params: ReaderParams) -> float:
    """The usual distance between two lines of one paragraph: the smallest gap between
    consecutive body lines that a fair share of all gaps have (a stray small gap is not it)."""
    gaps = sorted(
        b.line.baseline - a.line.baseline
        for page in body
        for a, b in pairwise(page)
        if abs(a.line.size - body_size) < 0.5
        and abs(b.line.size - body_size) < 0.5
        and b.line.baseline > a.line.baseline
    )
    if not gaps:
        return params.spacing_default * body_size
    need = max(2, params.spacing_support * len(gaps)) if len(gaps) > 2 else 1
    w = 1 + params.spacing_window
    for i, g in enumerate(gaps):
        near = [x for x in gaps[i:] if x <= w * g]
        if len(near) >= need:
            return statistics.median(near)
    return statistics.median(gaps)


def is_justified(
    body: list[list[PhysLine]], left: float, right: float, rtl: bool, body_size: float, params: ReaderParams
) -> bool:
    """Do most body lines reach the far margin (justified text), or do they end anywhere?"""
    tol = params.justified_tolerance * body_size
    ragged = params.short_line * body_size
    full = near = 0
    for page in body:
        for p in page:
            if abs(p.line.size - body_size) < 0.5:
                slack = (p.line.x0 - left) if rtl else (right - p.line.x1)
                full += slack < tol
                near += tol <= slack < ragged
    return full >= params.justified_min_lines and full >= params.justified_ratio * near


def is_spaced(body: list[list[PhysLine]], body_size: float, spacing: float, params: ReaderParams) -> bool:
    """Are paragraphs set apart by vertical space (a fair share of line pairs have a gap)?"""
    pairs = gaps = 0
    for page in body:
        for a, b in pairwise(page):
            if abs(a.line.size - body_size) < 0.5 and abs(b.line.size - body_size) < 0.5:
                if a.line.bold or b.line.bold:
                    continue
                pairs += 1
                gaps += b.line.baseline - a.line.baseline > params.paragraph_gap * spacing
    return gaps >= params.spaced_min_gaps and gaps >= params.spaced_share * pairs


def far_margin(
    lines: list[PhysLine],
    left: float,
    right: float,
    rtl: bool,
    width: float,
    size: float,
    params: ReaderParams,
) -> tuple[float, float]:
    """The text block's margins when its far edge is a line's and not the margin: where fewer
    than ``margin_min_lines`` body lines that start near the near margin (a centred line,
    inset ``centred_inset`` sizes, says nothing) come within ``short_line`` sizes of the
    widest extent (a short text whose paragraphs hardly wrap: its longest one-line paragraph
    is the extent, and the lead of the next paragraph seems not to have fitted beside it),
    the far margin is taken at least as far out as the near one's mirror on the page.

    Real (an fpdf2 resolution of one-line paragraphs, A4, 595.3 pt wide, the text's right
    edge at 515.9 pt; the widest line starts at 123.8 pt, no other within 1.5 sizes of it):

    >>> from unparse.read.params import DEFAULT_PARAMS
    >>> far_margin([], 123.8, 515.9, True, 595.3, 12.0, DEFAULT_PARAMS)
    (79.4, 515.9)
    """
    reach, flush = params.short_line * size, params.centred_inset * size
    near = sum(
        1
        for p in lines
        if abs(p.line.size - size) < 0.5
        and ((p.line.x0 - left) if rtl else (right - p.line.x1)) < reach
        and ((right - p.line.x1) if rtl else (p.line.x0 - left)) < flush
    )
    if near >= params.margin_min_lines:
        return left, right
    if rtl and 0 < width - right < left:
        return round(width - right, 1), right
    if not rtl and right < width - left < width:
        return left, round(width - left, 1)
    return left, right


def measure_frame(
    parts: list[PageParts], rtl: bool, size: float, params: ReaderParams, width: float = 0.0
) -> Frame:
    """The margins of the body text (its widest extent over the document, see
    :func:`far_margin`; ``width`` is the page's) and its measures."""
    body = [pp.body for pp in parts]
    all_body = [p for page in body for p in page]
    if all_body:
        left = min(p.line.x0 for p in all_body)
        right = max(p.line.x1 for p in all_body)
        if width:
            left, right = far_margin(all_body, left, right, rtl, width, size, params)
    else:
        left, right = 0.0, 0.0
    spacing = line_spacing(body, size, params)
    return Frame(
        left,
        right,
        rtl,
        size,
        spacing,
        is_justified(body, left, right, rtl, size, params),
        params,
        is_spaced(body, size, spacing, params),
    )
