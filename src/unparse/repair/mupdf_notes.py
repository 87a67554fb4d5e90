"""What the run-order step leaves of a footnote's marker on PyMuPDF's lines.

PyMuPDF gives a footnote line of Chromium's and fpdf2's PDFs with its runs left to right,
the marker's brackets apart from its number: ``".70/1 ) القرار2("`` for ``"(2) القرار 70/1."``.
Once the run-order step has put the runs back, the line starts with the number and both
brackets after it, ``"2() القرار 70/1."``, which no text writes and the segmenter does not
read as a footnote. :func:`note_marker_brackets` puts the brackets around the number.
"""

from __future__ import annotations

import regex

from ..lines import Line
from .mupdf_eastern import is_pypdf
from .pipeline import Context

# A sub-item's label at a line's start: "(ب) ".
_LABEL_RE = regex.compile(r"^ *\(\p{Arabic}{1,2}\) ")
_MARKER_RE = regex.compile(r"^(?P<number>[0-9\u0660-\u0669]{1,3})\(\) (?=\S)")


def note_marker_brackets(text: str) -> str:
    """A footnote line that starts ``N() `` starts ``(N) ``.

    Real (PyMuPDF on fpdf2, ga-res-79-145, once its runs are put back):

    >>> note_marker_brackets("2() القرار 70/1.")
    '(2) القرار 70/1.'

    PyMuPDF on Chromium, note-a-ac109-2024-5-tokelau:

    >>> note_marker_brackets("2() انظر A/AC.109/2023/SR.6.")
    '(2) انظر A/AC.109/2023/SR.6.'

    Empty brackets after a number elsewhere, and a marker already right, stay:

    >>> note_marker_brackets("الفقرة 2() من"), note_marker_brackets("(2) القرار 70/1.")
    ('الفقرة 2() من', '(2) القرار 70/1.')
    """
    if "() " not in text[1:5]:
        return text
    return _MARKER_RE.sub(r"(\g<number>) ", text)


def restore_note_markers(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a text judged run-reversed (``facts["runs_reversed"]``) and not
    pypdf's (whose subset lost footnote F1 to it: a list's nested items ``(1)`` read as
    footnotes where their list's first label was lost), each line that starts with a
    number and empty brackets gets them around its number (:func:`note_marker_brackets`),
    except lines a list's label follows. Real (PyMuPDF on fpdf2, ga-res-79-145):
    ``"2() القرار 70/1."`` → ``"(2) القرار 70/1."``.
    """
    if ctx.facts.get("runs_reversed") is not True or is_pypdf(ctx):
        return lines
    if "() " not in ctx.joined(lines):
        return lines
    out = list(lines)
    i = 0
    while i < len(out):
        if note_marker_brackets(out[i].text) == out[i].text:
            i += 1
            continue
        end = i
        while end < len(out) and note_marker_brackets(out[end].text) != out[end].text:
            end += 1
        # A list's label right after them, no page break between: nested items "(1)" of
        # the list, which a footnote's marker would take out of it (sg-a-78-267-disaster-risk,
        # PyMuPDF on Chromium); a footnote block ends at its page's foot.
        if end < len(out) and _LABEL_RE.match(out[end].text) is not None:
            i = end
            continue
        for k in range(i, end):
            fixed = note_marker_brackets(out[k].text)
            ctx.record("note_marker", out[k].number, out[k].text, fixed)
            out[k] = Line(out[k].number, fixed, out[k].page)
        i = end
    return out
