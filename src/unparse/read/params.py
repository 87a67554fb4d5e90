"""The thresholds of the PDF layout analysis, in one documented place (like pdfminer's ``LAParams``).

Every number :func:`unparse.read.layout.layout_lines` decides with is a field of
:class:`ReaderParams`. Lengths are in units of a font size (``x * size``: the size of the
line they are measured on, or the document's body size where said) or of the usual line
spacing; positions on the page are fractions of its height.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReaderParams:
    """How the reader finds furniture, footnote areas and paragraph boundaries."""

    # --- furniture (running headers and footers, page numbers)
    header_band: float = 0.12
    """A line whose top is above this fraction of the page height is in the header band."""
    footer_band: float = 0.9
    """A line whose bottom is below this fraction of the page height is in the footer band."""
    footnote_half: float = 0.5
    """A repeated line below this fraction of the page that starts with a marker is a
    footnote (``(3) المرجع نفسه``), not a running footer."""
    leaked_max_glyphs: int = 4
    """At most this many lone letters make a line of clipped glyphs (see ``_leaked_glyphs``)."""
    leaked_gap: float = 1.0
    """... each this many sizes from the next."""

    # --- footnote area
    rule_max_width: float = 0.6
    """A footnote separator rule is shorter than this fraction of the text width ..."""
    rule_min_top: float = 0.35
    """... and lower than this fraction of the page height."""
    note_size_with_rule: float = 0.95
    """Below a rule, lines whose median size is under this fraction of the body size are notes."""
    note_size_without_rule: float = 0.9
    """With no rule, a trailing block of lines under this fraction of the body size that
    starts with a marker is the footnote area."""
    note_column_gap: float = 2.5
    """Short footnotes set side by side on one line are apart by a gap of more than this many
    sizes (each piece starting with a marker)."""

    cell_stripe: float = 0.6
    """Consecutive body lines crossed by vertical white stripes at least this many sizes
    wide, with text on every line in every column between them ..."""
    cell_gap: float = 1.5
    """... one stripe wider than this many sizes ..."""
    cell_min_lines: int = 2
    """... and at least this many lines, are a grid (a table, a slide's boxes)."""
    cell_tight: float = 0.8
    """A grid whose lines are closer than this many line spacings of the body holds cells
    whose text wraps (a slide's boxes): read column by column; else row by row."""

    # --- line spacing and fill
    spacing_default: float = 1.2
    """The line spacing (in body sizes) when no two body lines follow each other."""
    spacing_support: float = 0.1
    """The usual line spacing is the smallest gap between body lines shared (within
    ``spacing_window``) by at least this fraction of all gaps (a stray small gap, e.g. a
    line split by a raised glyph, is not it)."""
    spacing_window: float = 0.15
    """Gaps within this fraction of one another count as the same spacing."""
    margin_min_lines: int = 3
    """Fewer body lines starting within ``centred_inset`` sizes of the near margin than this
    within ``short_line`` sizes of the text's widest extent: the extent is a line's, not the far margin (see
    ``margins.far_margin``)."""
    justified_tolerance: float = 0.25
    """A line whose far end is within this many sizes of the far margin reaches it."""
    justified_ratio: float = 3.0
    """The text is justified when its lines that reach the far margin are at least this many
    times those that just miss it (stop within ``short_line`` sizes of it: ragged text ends
    lines anywhere near the margin, justified text exactly at it or well before, on a
    paragraph's last line); then any line that stops short of the margin ends its paragraph."""
    justified_min_lines: int = 3
    """... and at least this many lines reach it."""
    short_line: float = 1.5
    """In ragged text, a line that stops more than this many sizes before the far margin
    may end its paragraph (if the next line's first word would have fitted in the room)."""
    first_word_gap: float = 0.25
    """A gap wider than this many sizes ends the first word (measuring whether it fits)."""
    fit_margin: float = 1.0
    """The next line's first word fits the room left when the room exceeds its width by
    this many sizes (the space before it, and the slack of typesetters that measure a word
    wider than it is drawn, e.g. by its unjoined letters)."""

    # --- paragraph starts
    size_change: float = 0.1
    """A change of line size by more than this many body sizes starts a paragraph."""
    indent: float = 0.8
    """A first-line indent: the line starts at least this many body sizes further in than
    the line before ..."""
    indent_far: float = 1.5
    """... and runs to within this many body sizes of the far margin."""
    paragraph_gap: float = 1.35
    """A vertical gap of more than this many line spacings starts a paragraph."""
    spaced_share: float = 0.1
    """The paragraphs are spaced when at least this share of the pairs of consecutive body
    lines (and ``spaced_min_gaps`` of them) are apart by a paragraph gap; then, in ragged
    text, a line that stops short inside a run of lines flush with the near margin is a
    ragged line of its paragraph, not its last (the gap would say so)."""
    spaced_min_gaps: int = 3
    """... at least this many paragraph gaps."""
    centred_inset: float = 3.0
    """A line at the top of a page inset this many body sizes on both sides is a heading."""
    heading_size: float = 1.1
    """A block larger than this many body sizes (or bold) is a heading."""


DEFAULT_PARAMS = ReaderParams()
