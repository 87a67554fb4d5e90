"""A section heading whose dash an extractor gave as a piece of its own, put back.

LibreOffice draws the dash of a section heading (``ثانياً - التقدم المحرز``, ``ألف - الجدول
الزمني``) as a text object of its own, between the label and the title; pdfminer.six's
``extract_text`` makes it a text box of its own, on its own line after the rest of the
heading, which keeps the spaces that surrounded the dash. Read in visual order (benchmark
``libreoffice/pdfminer/report-a-78-7-add-9-acabq-africa-hall``)::

    عورشملا ذيفنت يف زرحملا مدقتلا···ًايناث
    (blank)
    -

(``·`` a space). Without its dash the heading is not one (the segmenter cannot tell it
from the paragraph before it, which swallows it) and the lone dash lands in the text of
the next paragraph. :func:`place_heading_dashes` puts the dash back between label and title.

The evidence is in the pieces: the logical start of the piece is a section label, two
spaces or more stand where the dash was, and the next piece is that dash alone. When the
label's tanween was drawn apart from it (``أولاً``: the label ``أولا`` as a third piece,
its tanween left before the spaces) the three pieces make the heading. Runs only where
:func:`~unparse.repair.pieces.join_visual_pieces` runs (pieces of visual lines).
"""

from __future__ import annotations

import regex

from ..lexicon import SECTION_LETTERS, SECTION_ORDINALS
from ..lines import Line, merge_lines
from .pipeline import Context

_TANWEEN = "\u064b"
# The labels as logical text: an ordinal with its tanween after the alef, before it, or
# none; a letter name as it is.
_LABEL = "|".join(
    sorted(
        (
            regex.escape(x.removesuffix("اً")) + "(?:اً|ًا|ا)" if x.endswith("اً") else regex.escape(x)
            for x in SECTION_ORDINALS + SECTION_LETTERS
        ),
        key=len,
        reverse=True,
    )
)
# A heading's logical text with spaces where its dash was: the label, two spaces or more,
# the title (which starts with a letter: a number there is a paragraph's or a range's).
_SPACED_HEADING_RE = regex.compile(rf"(?P<label>{_LABEL})(?P<gap>\s{{2,}}+)(?P<title>[\u0621-\u064a].*)")
# The same with the label drawn apart: its tanween alone, the spaces, the title.
_SPACED_TANWEEN_RE = regex.compile(rf"{_TANWEEN}\s{{2,}}+(?P<title>[\u0621-\u064a].*)")
# An ordinal without its tanween (the third piece of a heading whose tanween stayed behind).
_BARE_ORDINAL_RE = regex.compile(
    "|".join(regex.escape(x.removesuffix("اً") + "ا") for x in SECTION_ORDINALS if x.endswith("اً"))
)
_DASH_RE = regex.compile(r"(?<!\s)\s*+[-–]\s*+")
# The heading with its dash drawn before its label, the spaces left where it was.
_DASH_FIRST_HEADING_RE = regex.compile(
    rf"(?P<dash>[-–])(?P<label>{_LABEL})\s{{2,}}+(?P<title>[\u0621-\u064a].*)"
)


def dash_first_heading(piece: str) -> str | None:
    """The visual heading ``piece`` makes when its dash was drawn on the other side of its
    label (its logical text ``-جيم   الوثائق``), the dash back between label and title; None
    for any other piece.

    Real (pdfminer on LibreOffice, report-ctoc-cop-wg3-2023-4-intl-cooperation, "جيم -
    الوثائق"):

    >>> dash_first_heading("قئاثولا   ميج-")
    'قئاثولا - ميج'
    >>> dash_first_heading("قئاثولا ميج-") is None   # no spaces where the dash was
    True
    """
    m = _DASH_FIRST_HEADING_RE.fullmatch(piece[::-1].strip())
    return None if m is None else f"{m['label']} {m['dash']} {m['title']}"[::-1]


def heading_with_dash(piece: str, dash: str, label: str | None = None) -> str | None:
    """The visual heading that ``piece`` (its title, the spaces where its dash was, its
    label) and the lone ``dash`` piece make, or None when they make none. With ``label``
    (the label drawn as a third piece, in visual order), ``piece`` ends with the label's
    tanween instead.

    Real (pdfminer on LibreOffice, report-a-78-7-add-9-acabq-africa-hall, "ثانياً - التقدم
    المحرز في تنفيذ المشروع" and "أولاً - مقدمة"):

    >>> heading_with_dash("عورشملا ذيفنت يف زرحملا مدقتلا   ًايناث", "-")
    'عورشملا ذيفنت يف زرحملا مدقتلا - ًايناث'
    >>> heading_with_dash("ةمدقم   ً", "-", "الوأ")
    'ةمدقم - ًالوأ'

    A number after the spaces is no title, a line of text no label:

    >>> heading_with_dash("3202   فلأ", "-") is None
    True
    >>> heading_with_dash("ماعلا نيمألا ريرقت   يف", "-") is None
    True
    """
    if _DASH_RE.fullmatch(dash) is None:
        return None
    logical = piece[::-1].strip()
    if label is None:
        m = _SPACED_HEADING_RE.fullmatch(logical)
        if m is None:
            return None
        return f"{m['label']} {dash.strip()} {m['title']}"[::-1]
    t = _SPACED_TANWEEN_RE.fullmatch(logical)
    if t is None or _BARE_ORDINAL_RE.fullmatch(label[::-1].strip()) is None:
        return None
    return f"{label[::-1].strip()}{_TANWEEN} {dash.strip()} {t['title']}"[::-1]


_HEADING_START_RE = regex.compile(rf"(?:{_LABEL})\s[-–]\s[\u0621-\u064a]")


def starts_heading(piece: str) -> bool:
    """Whether the visual ``piece`` ends with a heading's label and dash (its logical text
    starts so): the right end of its visual line, which no later piece continues.

    >>> starts_heading("عورشملا ذيفنت يف زرحملا مدقتلا - ًايناث")
    True
    >>> starts_heading("ةيقافتالا يف ةمئاقلا فلأ")
    False
    """
    return _HEADING_START_RE.match(piece[::-1].lstrip()) is not None


def _next_piece(lines: list[Line], i: int) -> int | None:
    """The index of the non-blank line after ``lines[i]`` (one blank line between them at
    most, the same page), or None."""
    for k in (i + 1, i + 2):
        if k >= len(lines) or lines[k].page != lines[i].page:
            return None
        if lines[k].text.strip():
            return k
    return None


def place_heading_dashes(lines: list[Line], ctx: Context) -> list[Line]:
    """Each heading piece followed by its lone dash piece (and, for a label drawn apart, by
    the label) made one line (:func:`heading_with_dash`), numbered as the heading piece;
    the pieces it took and the blank lines between them go, the change recorded."""

    def step(lines: list[Line], i: int, out: list[Line]) -> int | None:
        line = lines[i]
        j = _next_piece(lines, i) if line.text.strip() else None
        if j is not None:
            heading = heading_with_dash(line.text, lines[j].text)
            last = j
            if heading is None and (k := _next_piece(lines, j)) is not None:
                heading = heading_with_dash(line.text, lines[j].text, lines[k].text)
                last = k
            if heading is not None:
                before = "\n".join(x.text for x in lines[i : last + 1] if x.text.strip())
                ctx.record("visual_pieces", line.number, before, heading)
                out.append(Line(line.number, heading, line.page))
                return last + 1 - i
        if (heading := dash_first_heading(line.text)) is None:
            return None
        ctx.record("visual_pieces", line.number, line.text, heading)
        out.append(Line(line.number, heading, line.page))
        return 1

    return merge_lines(lines, step)
