"""What PyMuPDF (``page.get_text()``) does to the pieces of a LibreOffice line, and its repair.

A LibreOffice PDF's line is one right-to-left paragraph with its numbers inside it; PyMuPDF
gives it in reading order, but cut into pieces at its numbers, and writes each number
glued to the word before it (``"الجلسة العامة28"``, ``"المؤرخ24"``): no logical text of
UN Arabic writes a word so, and one whose numbers all come so is PyMuPDF's.

The evidence is typed (:class:`GluedNumbers`) and kept in ``ctx.facts["glued_numbers"]``.
"""

from __future__ import annotations

import re

import regex
from pydantic import BaseModel, ConfigDict, Field

from ..arabic import ARABIC_LETTERS as _LETTER
from ..lines import Line
from .digits import EASTERN_DIGITS, western
from .pipeline import Context, fix_each_line

_MARK = "\u064b-\u0652"
# A word of two letters or more (a one-letter word is a prefix: "و6" is how UN text writes
# it), then the digits glued to it, not followed by a letter (a kashida glyph read as a
# digit inside a word, "الش2ع", is no number).
_WORD = rf"(?<![\p{{L}}\p{{M}}])(?P<word>[{_LETTER}][{_LETTER}{_MARK}]*[{_LETTER}][{_MARK}]*)"
# A Latin run glued so (a symbol, an address: "انظرWT/MIN(22)/33") is the same damage.
_GLUED_RE = regex.compile(_WORD + r"(?P<number>[0-9\u0660-\u0669]+(?![\p{L}\p{M}])|[A-Za-z])")
# The same word spaced from the number (or Latin run) after it, as a logical text writes it.
_SPACED_RE = regex.compile(_WORD + r" +[0-9\u0660-\u0669A-Za-z]")
# What a glued number needs at the least, tested on the text's UTF-8 bytes at C speed (a
# pattern costs about a hundred instructions a character): two characters of two bytes (as
# Arabic letters and marks are: lead byte "b", continuation byte "a") right before an ASCII
# digit or letter ("1"). An Eastern digit so glued is looked for by a pattern, only in text
# that has Eastern digits.
_GLUE_BYTES = bytes(
    ord("a")
    if 0x80 <= b <= 0xBF
    else ord("b")
    if b >= 0xC0
    else ord("1")
    if chr(b).isascii() and chr(b).isalnum()
    else ord(" ")
    for b in range(256)
)
_EASTERN_GLUED_RE = re.compile("[\u0621-\u0652]{2}[\u0660-\u0669]")
# Below this many glued numbers the text says too little; and a text that spaces one
# number in this many or more spaces its numbers itself.
_MIN_GLUED = 3
_GLUED_PER_SPACED = 20


class GluedNumbers(BaseModel):
    """The evidence that the text's numbers come glued to the word before them."""

    model_config = ConfigDict(frozen=True)

    glued: int = Field(description='Words glued to the number after them ("العامة28").')
    spaced: int = Field(description='Words spaced from the number after them ("العامة 28").')

    @property
    def by_extractor(self) -> bool:
        return self.glued >= _MIN_GLUED and self.spaced * _GLUED_PER_SPACED <= self.glued


def glued_numbers(text: str) -> GluedNumbers:
    """Count the words of ``text`` glued to the number after them and spaced from it.

    Real (PyMuPDF on LibreOffice, ecosoc-res-2023-15):

    >>> glued_numbers(" الجلسة العامة28\\n  تموز/يوليه2023\\nبين 3 بلايين و6 بلايين").by_extractor
    False
    >>> glued_numbers(" الجلسة العامة28\\n  تموز/يوليه2023\\n  المؤرخ24").by_extractor
    True
    """
    return _counted(len(_GLUED_RE.findall(text)), text)


def _counted(glued: int, text: str) -> GluedNumbers:
    return GluedNumbers(glued=glued, spaced=len(_SPACED_RE.findall(text)))


def space_glued_number(text: str) -> str:
    """A number glued to the word before it gets its space back.

    Real (PyMuPDF on LibreOffice, ecosoc-res-2023-15; ga-res-79-145):

    >>> space_glued_number(" الجلسة العامة28")
    ' الجلسة العامة 28'
    >>> space_glued_number("  قرار الجمعية العامة76 181")
    '  قرار الجمعية العامة 76 181'
    >>> space_glued_number(" إذ يشير إلى قراره2002/13")
    ' إذ يشير إلى قراره 2002/13'

    A Latin run glued so (report-a-79-190-right-to-food, a footnote):

    >>> space_glued_number("انظرWT/MIN(22)/33-WT/L/1144.")
    'انظر WT/MIN(22)/33-WT/L/1144.'

    A prefix before its number, a number spaced already and a kashida glyph read as a
    digit inside a word stay:

    >>> space_glued_number("بين 3 بلايين و6 بلايين"), space_glued_number("الش2ع")
    ('بين 3 بلايين و6 بلايين', 'الش2ع')
    """
    return _GLUED_RE.sub(r"\g<word> \g<number>", text)


def _may_glue(text: str) -> bool:
    """Whether ``text`` may hold a number or Latin run glued to the word before it (what
    :data:`_GLUED_RE` needs at the least: two Arabic letters or marks right before it).

    >>> _may_glue("الجلسة العامة28"), _may_glue("العامة٢٨"), _may_glue("العامة 28 و6 و٦ (A/76/L.2)")
    (True, True, False)
    """
    if b"baba1" in text.encode("utf-8", "surrogatepass").translate(_GLUE_BYTES):
        return True
    return any(digit in text for digit in EASTERN_DIGITS) and _EASTERN_GLUED_RE.search(text) is not None


def space_glued_numbers(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a logical text (``facts["logical_order"]``) whose numbers come
    glued to the word before them, three or more, and at most one in twenty spaced
    (:class:`GluedNumbers`), each gets its space back (:func:`space_glued_number`). Once
    repaired, none is glued: a second pass leaves the text as it is.

    Real (PyMuPDF on LibreOffice, ecosoc-res-2023-15): ``" الجلسة العامة28"`` →
    ``" الجلسة العامة 28"``, which the segmenter then reads as the closing (glued, as the
    end of the last paragraph).
    """
    joined = ctx.joined(lines)
    if ctx.facts.get("logical_order") is not True or not _may_glue(joined):
        return lines
    glued = len(_GLUED_RE.findall(joined))  # counted once: the search and the count in one scan
    if not glued:
        return lines
    ctx.facts["glued_numbers"] = evidence = _counted(glued, joined)
    return fix_each_line(lines, ctx, "glued_number", space_glued_number) if evidence.by_extractor else lines


# A footnote reference as the repair writes it, glued to what it follows ("لعام2030(1)،").
_CITED_RE = regex.compile(r"(?<=\S)\((?P<m>[0-9\u0660-\u0669]{1,3})\)")
# The text of a footnote PyMuPDF put on the line after its marker: indented twice (Arabic)
# or a Latin line (" انظر"-led lines are PyMuPDF's indentation of a line's first piece).
_NOTE_TEXT_RE = regex.compile(r"^(?:  +\S| *[A-Za-z])")
# The pieces of a note's last line after a session/number pair cut from its slash: the
# slash, then the stop (and the comma the edge step gave back: "، المرفق.").
_SLASH_PIECE = "/"
_STOP_PIECE_RE = regex.compile(r"^(?:\.|،[^.]*\.)$")


def cited_references(texts: list[str]) -> set[str]:
    """The markers (Western digits) of the footnote references glued in ``texts``.

    >>> sorted(cited_references(["تحقيق خطة التنمية المستدامة لعام2030(1)،", "(2) انظر", "الفقرة (3)"]))
    ['1']
    """
    return {western(m["m"]) for t in texts for m in _CITED_RE.finditer(t)}


def note_from_pieces(marker: str, close: str, after: list[str]) -> tuple[str, int] | None:
    """The footnote line ``"(N) text"`` that PyMuPDF gave as pieces: its marker on three
    lines (``"("``, ``marker``, ``close``), its text after the bracket or on the next line
    (of ``after``, the lines that follow), and the slash and stop of a session/number pair
    it cut there; with how many lines of ``after`` it takes. None where the bracket is
    followed by neither (a reference goes on with its sentence's punctuation).

    The caller knows that ``marker`` was cited above and not yet defined.

    Real (PyMuPDF on LibreOffice, ecosoc-res-2023-15, the edge step having given the last
    piece its stop back: ``"، المرفق."``; ga-res-78-96; report-a-79-190-right-to-food):

    >>> note_from_pieces("1", ")", ["  قرار الجمعية العامة76 181", "/", "، المرفق.", "23-82728 (A)"])
    ('(1) قرار الجمعية العامة76 181 /، المرفق.', 3)
    >>> note_from_pieces("1", ") ", ["United Nations, Treaty Series, vol. 249, No. 3511", "."])
    ('(1) United Nations, Treaty Series, vol. 249, No. 3511.', 2)
    >>> note_from_pieces("3", ") تلقى المقرر الخاص معلومات مفصلة", [" مصانع مسحوق الأسماك"])
    ('(3) تلقى المقرر الخاص معلومات مفصلة', 0)

    A reference that goes on with its sentence stays a reference:

    >>> note_from_pieces("1", ")،", [" وإذ يلاحظ أن"]), note_from_pieces("1", ")", [" ، في المادة11"])
    (None, None)
    """
    rest = close.lstrip()[1:]
    if rest.strip():
        if not rest.startswith(" ") or rest.lstrip()[:1] in "،؛:.":
            return None
        text, taken = rest.strip(), 0
    elif after and _NOTE_TEXT_RE.match(after[0]):
        text, taken = after[0].strip(), 1
    else:
        return None
    if after[taken:][:1] == [_SLASH_PIECE]:
        text += " " + _SLASH_PIECE
        taken += 1
    if taken < len(after) and _STOP_PIECE_RE.match(after[taken].strip()):
        text += after[taken].strip()
        taken += 1
    return f"({marker}) {text}", taken


# The lines after a marker that its note may take: its text, the slash, the stop.
NOTE_PIECES = 3
# What the line before a note's marker may end with where the marker was not seen cited.
_CLAUSE_END = frozenset(".؛:")


class NoteMarkers:
    """The footnote references cited in the lines a step has given out so far (scanned
    once each, the last again as it may still grow), and the notes it has opened."""

    def __init__(self) -> None:
        self.cited: set[str] = set()
        self.opened: set[str] = set()
        self._seen = 0

    def pending(self, out: list[Line], marker: str) -> bool:
        """``marker``'s note is not yet open, and it was cited in ``out`` or comes after a
        line that ends its sentence or clause (a reference comes before the stop)."""
        self.cited |= cited_references([line.text for line in out[self._seen :]])
        self._seen = max(len(out) - 1, 0)
        key = western(marker)
        if key in self.opened:
            return False
        return key in self.cited or (bool(out) and out[-1].text.rstrip()[-1:] in _CLAUSE_END)

    def open(self, marker: str) -> None:
        self.opened.add(western(marker))


# What a line that goes on ends with (a stop, or a piece of the line, goes back on it): a
# word, a number, a symbol, a bracket (a reference's), a quotation.
GOES_ON_RE = regex.compile(r"[\p{L}\p{Nd})»\"]$")


def join_stop_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """A stop PyMuPDF put on a line of its own goes back at the end of the line before it,
    where that line goes on (a word, a number: not a slash, a piece of a number cut there,
    which the footnote step puts together). Called by the PyMuPDF step, under its gate.

    Real (PyMuPDF on LibreOffice, ga-res-78-72; a note's marker on three lines after it, in
    ga-res-79-145): ``"A/78/136"``, ``"."`` → ``"A/78/136."``; left apart, the segmenter read
    the note as ``"A/78/136 ."``.
    """
    out: list[Line] = []
    for line in lines:
        if line.text.strip() == "." and out and GOES_ON_RE.search(out[-1].text.rstrip()):
            prev = out[-1]
            joined = prev.text.rstrip() + "."
            ctx.record("stop_piece_line", prev.number, prev.text, joined)
            out[-1] = Line(prev.number, joined, prev.page)
            continue
        out.append(line)
    return out
