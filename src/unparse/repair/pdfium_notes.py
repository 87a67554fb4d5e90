"""pypdfium2's footnotes, and the references it moved, put back (:func:`restore_footnote_lines`).

A reference drawn as a superscript starts the next piece of its line (``")1( الأول/ديسمبر
2021"`` + ``"،"``); a footnote's marker comes alone on its line before its text; a footnote
laid out from the left (it starts with a Latin word) is read as laid out, its runs in
reverse order, its stop first and its marker last (``".14 الفقرة ،A/78/403"``,
``".A/RES/76/172 )1("``) (:func:`ltr_note_line`). The other damage pypdfium2 does is
repaired in :mod:`.pdfium`; like those steps, this one runs only on a text recognised as
pypdfium2's (:func:`.pdfium.is_pdfium`).
"""

from __future__ import annotations

import regex

from ..lines import Line, merge_lines
from .pdfium import is_pdfium
from .pipeline import Context
from .visual import visual_to_logical_text

_MARKER = r"\)(?:\d{1,3}|[\u0660-\u0669]{1,3}|\*)\("
_MARKER_LINE_RE = regex.compile(rf"^\s*({_MARKER}|\*)\s*$")
_MOVED_REF_RE = regex.compile(rf"^({_MARKER}) +(\S.*)$")
_MARKER_START_RE = regex.compile(rf"^({_MARKER}|\*)(?:\s|$)")
_PUNCT_LINE_RE = regex.compile(r"^\s*[،؛.:]")
# A note whose first strong character is Latin: its closing full stop comes first; the
# marker at its end (Chromium, fpdf2).
_LTR_NOTE_RE = regex.compile(r"^\s*([.،,;؛:])(?=[A-Za-z0-9])(.*)$")
_NOTE_MARKER_RE = regex.compile(rf" ({_MARKER}|\*)$")
# The marker of a note laid out from the left, drawn unmirrored after its first Arabic word,
# a space inside its brackets (Chromium): "انظر( ٢)".
_GLUED_MARKER_RE = regex.compile(r"(?<=\p{Arabic})\(\s?(\p{Nd}{1,3})\)$")
_LAST_LETTER_RE = regex.compile(r"\p{L}(?=[^\p{L}]*$)")
_ARABIC_RE = regex.compile(r"\p{Arabic}")
_ARABIC_LETTER_RE = regex.compile(r"[\u0621-\u064a]")
_ARABIC_WORD_RE = regex.compile(r"[\p{Arabic}\p{Mn}]+")
_LATIN_RE = regex.compile(r"[A-Za-z]")


def _is_arabic_token(token: str) -> bool:
    return _ARABIC_RE.search(token) is not None


def _left_to_logical(text: str) -> str:
    # pypdfium2 gives each Arabic word in logical order and the rest as laid out: reversed,
    # the words make the line a true visual one, which the bidi inversion reads back.
    visual = _ARABIC_WORD_RE.sub(lambda m: m.group()[::-1], text)
    return visual_to_logical_text(visual, mirror=True)


def ltr_note_line(text: str, note: bool = False) -> str | None:
    """A footnote line that pypdfium2 read from the left, put back in reading order, or None.

    pypdfium2 reads such a line as it is laid out, from the left: its runs (Latin, numbers,
    Arabic words) come in reverse order, each Arabic word and each Latin run in its own
    order, and the full stop that ends the line comes first. Read so: a line that starts
    with that stop glued to a Latin run or a number and whose last letter is Latin (a
    note's continuation too); or, with ``note`` (the line follows its marker alone), any
    such line that holds a Latin letter; or a line that ends with its marker (Chromium,
    fpdf2) and starts with the stop or holds Latin letters only. The marker goes first,
    the brackets stay as drawn (for the mirrored-brackets step).

    Real (pypdfium2 on LibreOffice: ga-dec-78-540 line 14, ga-res-example line 35,
    ga-res-78-72 line 44, note-e-cn7-2024-8-budget line 28; on Chromium: ga-res-78-96
    lines 59 and 62):

    >>> ltr_note_line(".14 الفقرة ،A/78/403")
    'A/78/403، الفقرة 14.'
    >>> ltr_note_line(".United Nations, Treaty Series, vol. 1577, No. 27531")
    'United Nations, Treaty Series, vol. 1577, No. 27531.'
    >>> ltr_note_line(".A/56/400 انظر", note=True)
    'انظر A/56/400.'
    >>> ltr_note_line(".https://www.unodc.org/unodc/en/index.html انظر ،المانحين حسب", note=True)
    'حسب المانحين، انظر https://www.unodc.org/unodc/en/index.html.'
    >>> ltr_note_line(".United Nations, Treaty Series, vol. 249, No. 3511 )1(")
    ')1( United Nations, Treaty Series, vol. 249, No. 3511.'
    >>> ltr_note_line("United Nations Educational, Scientific and Cultural Organization, Thirty-first )4(")
    ')4( United Nations Educational, Scientific and Cultural Organization, Thirty-first'
    >>> ltr_note_line(".A/56/400 انظر") is None
    True
    >>> ltr_note_line(".2024 وتقرر أن", note=True) is None
    True
    >>> ltr_note_line("القرار 76/16 المؤرخ 1954 )1(") is None
    True
    """
    text = text.strip()
    glued = glued_marker(text)
    if glued is not None:
        return f"{glued[1]} {_left_to_logical(text[: glued[0]])}"
    marker = _NOTE_MARKER_RE.search(text)
    body = text[: marker.start()] if marker else text
    left_stop = _LTR_NOTE_RE.match(body) is not None
    latin = _LATIN_RE.search(body) is not None
    if marker is not None:
        if not (latin and (left_stop or not _ARABIC_LETTER_RE.search(body))):
            return None
    elif not left_stop:
        return None
    elif not (note and latin):
        last = _LAST_LETTER_RE.search(body)
        if last is None or _is_arabic_token(last.group()):
            return None
    fixed = _left_to_logical(body)
    return f"{marker.group(1)} {fixed}" if marker else fixed


def glued_marker(text: str) -> tuple[int, str] | None:
    """Where a note laid out from the left (a line holding Latin letters) ends with its
    marker drawn after its first Arabic word, the marker's start and the marker as
    pypdfium2 draws the others (mirrored: ``")2("``); None where there is none.

    Real (pypdfium2 on Chromium, note-a-ac109-2024-5-tokelau line 57, sc-res-2754-2024
    line 45: the first line of a note that goes on):

    >>> glued_marker(".A/AC.109/2023/SR.6 انظر( 2)")
    (24, ')2(')
    >>> ltr_note_line(".A/AC.109/2023/SR.6 انظر( 2)")
    ')2( انظر A/AC.109/2023/SR.6.'
    >>> ltr_note_line("Report of the United Nations Conference in All Its انظر( 2)")
    ')2( انظر Report of the United Nations Conference in All Its'
    >>> glued_marker("وإذ تشير إلى القرار( 2)") is None
    True
    """
    found = _GLUED_MARKER_RE.search(text)
    if found is None or _LATIN_RE.search(text) is None:
        return None
    return found.start(), f"){found.group(1)}("


def _end_marker(text: str) -> str | None:
    end = _NOTE_MARKER_RE.search(text)
    if end is not None:
        return end.group(1)
    glued = glued_marker(text)
    return glued[1] if glued is not None else None


def restore_footnote_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step (pypdfium2 text): footnote references and footnotes put back.

    * A line that starts with a marker ``)N(`` and text, where the footnote itself comes
      later (:func:`_is_moved_reference`): the reference goes back at the end of that
      text, and a next line that is only the punctuation after it (or starts with it) is
      joined back: ``")1( الأول/ديسمبر 2021"`` + ``"،"`` → ``"الأول/ديسمبر 2021)1(،"``
      (ga-res-example on LibreOffice, lines 12-13); where the text starts with that
      punctuation (``")5( ، الذي أحاله"``), the reference and it end the line before.
    * A marker alone on its line whose footnote comes later, the punctuation after it on
      the next line: both end the line before (``")٢("`` + ``"؛"``, ga-res-78-72).
    * A marker alone on its line, before its footnote's text, joins it:
      ``")1("`` + ``".A/RES/76/172"`` → ``")1( A/RES/76/172."`` (same, lines 32-33).
    * A footnote line read from the left (after its marker alone, or with its marker at
      its end): :func:`ltr_note_line`.

    The brackets stay as drawn, for the mirrored-brackets step. The lines that now open a
    footnote (the last of their marker: a reference comes before its note) go to
    ``ctx.facts["note_lines"]``: segmentation reads them as footnotes even where a nested
    list could go on (the note follows a sub-item that ends with a colon).
    """
    if not is_pdfium(ctx):
        return lines
    alone = {i for i, line in enumerate(lines) if _MARKER_LINE_RE.match(line.text)}
    last = _last_marker_lines(lines)
    notes: list[int] = []

    def step(lines: list[Line], i: int, out: list[Line]) -> int | None:
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        moved = _MOVED_REF_RE.match(line.text)
        if moved and _is_moved_reference(lines, i, moved, alone, last):
            if out and _PUNCT_LINE_RE.match(moved.group(2)):
                # ")5( ، الذي": the reference ends the line before, with its punctuation.
                punct, _, rest = moved.group(2).partition(" ")
                _to_previous(out, ctx, line, moved.group(1) + punct, rest.strip())
                return 1
            fixed = moved.group(2).rstrip() + moved.group(1)
            if nxt is not None and _PUNCT_LINE_RE.match(nxt.text):
                fixed += nxt.text.strip()
                ctx.record("pdfium_footnote_ref", line.number, line.text + "\n" + nxt.text, fixed)
                taken = 2
            else:
                ctx.record("pdfium_footnote_ref", line.number, line.text, fixed)
                taken = 1
            out.append(Line(line.number, fixed, line.page))
            return taken
        marker = line.text.strip()
        reference = i in alone and last.get(marker, -1) > i
        if reference and out and nxt is not None and _PUNCT_LINE_RE.match(nxt.text):
            # A reference alone on its line, the punctuation after it on the next.
            _to_previous(out, ctx, line, marker + nxt.text.strip(), "", nxt)
            return 2
        if i in alone and nxt is not None and nxt.text.strip() and i + 1 not in alone:
            text = nxt.text.strip()
            body = ltr_note_line(text, note=True) or text
            fixed = f"{marker} {body}"
            ctx.record("pdfium_footnote", nxt.number, line.text + "\n" + nxt.text, fixed)
            out.append(Line(nxt.number, fixed, nxt.page))
            if last.get(marker) == i:
                notes.append(nxt.number)
            return 2
        ltr = ltr_note_line(line.text)
        if ltr is None or ltr == line.text:
            return None
        ctx.record("pdfium_footnote", line.number, line.text, ltr)
        ends = _end_marker(line.text.strip())
        if ends is not None and last.get(ends) == i:
            notes.append(line.number)
        out.append(Line(line.number, ltr, line.page))
        return 1

    out = merge_lines(lines, step)
    if notes:
        ctx.facts["note_lines"] = notes
    return out


def _is_moved_reference(
    lines: list[Line], i: int, moved: regex.Match[str], alone: set[int], last: dict[str, int]
) -> bool:
    """Whether line ``i``, ``)N( text``, starts with a reference moved there: its note comes
    later, the marker alone on its line; or, where the note's marker starts the note's
    line, the punctuation after the reference follows (``")4( النحو ..."`` + ``"،"``) or
    starts the text (``")5( ، الذي"``). A nested item ``)1( وضع برامج ...;`` has neither."""
    marker = moved.group(1)
    if any(j > i and lines[j].text.strip() == marker for j in alone):
        return True
    if last.get(marker, -1) <= i:
        return False
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    return _PUNCT_LINE_RE.match(moved.group(2)) is not None or _PUNCT_LINE_RE.match(nxt) is not None


def _last_marker_lines(lines: list[Line]) -> dict[str, int]:
    """The index of the last line that starts or ends with each marker: where the note
    itself is (a reference comes before its note)."""
    last: dict[str, int] = {}
    for i, line in enumerate(lines):
        text = line.text.strip()
        first = _MARKER_START_RE.match(text)
        if first is not None:
            last[first.group(1)] = i
        end = _end_marker(text)
        if end is not None:
            last[end] = i
    return last


def _to_previous(
    out: list[Line], ctx: Context, line: Line, tail: str, rest: str, nxt: Line | None = None
) -> None:
    """``tail`` (a reference and its punctuation) put at the end of the last line out;
    ``rest`` stays on ``line`` (dropped when empty, with ``nxt`` that ``tail`` took)."""
    prev = out[-1]
    joined = prev.text.rstrip() + tail
    before = "\n".join([prev.text, line.text] + ([nxt.text] if nxt is not None else []))
    ctx.record("pdfium_footnote_ref", prev.number, before, joined + ("\n" + rest if rest else ""))
    out[-1] = Line(prev.number, joined, prev.page)
    if rest:
        out.append(Line(line.number, rest, line.page))
