"""The lines PyMuPDF (``page.get_text()``) cut off a LibreOffice line, and its repair.

In a logical text, PyMuPDF puts a footnote reference on three lines (``"("``, ``"1"``,
``")،"``), a paragraph number alone on its line before its paragraph, and a piece of a line
that starts with its comma on a line of its own; pdftotext ``-raw`` on LibreOffice splits
its lines so too. :func:`rejoin_split_lines` (the step ``rejoined_lines``) puts them back,
gated on the text reading in order (:class:`~.mupdf_pypdf.DateOrder`).
"""

from __future__ import annotations

import regex

from ..lines import Line, merge_lines
from .mupdf_pieces import GOES_ON_RE, NOTE_PIECES, NoteMarkers, note_from_pieces
from .mupdf_pypdf import MONTH_WORD, DateOrder
from .pipeline import Context

_LONE_NUMBER_RE = regex.compile(r"^ *(\d{1,3}) *$")
# The line that closes a reference split on three lines: ")", ")،", ") الذي"; a Latin word
# after it (")UN-SWAP", a visual text once repaired) says the bracket is another one.
_REF_CLOSE_RE = regex.compile(r"^\)(?:$|[\s،؛:.]|\p{Arabic})")
# The month a date range goes on with after its dash ("19" / " -  حزيران/يونيه14").
_MONTH_FIRST_RE = regex.compile(r"- +" + MONTH_WORD)


def _paragraph_after_dash(text: str) -> bool:
    """The line goes on after a paragraph number's dash, and is no date range's second
    date (which a first pass left indented and a second, its spaces collapsed, joined).

    Real (PyMuPDF on LibreOffice, hrc-res-53-18, ``"19 حزيران/يونيه - 14 تموز/يوليه"``):

    >>> _paragraph_after_dash("- تطلب إلى الأمين العام"), _paragraph_after_dash("- حزيران/يونيه14")
    (True, False)
    """
    return text.startswith("- ") and _MONTH_FIRST_RE.match(text) is None


# A piece of a line PyMuPDF put on a line of its own, after a number, a symbol or a footnote
# reference: indented, its comma spaced from the word after it (" ، الفقرة14").
_COMMA_PIECE_RE = regex.compile(r"^ +[،؛] +\S")
_WORDLESS_RE = regex.compile(r"^[^\p{L}\p{Nd}]*$")


def join_comma_piece(prev: str, text: str) -> str | None:
    """``prev`` and ``text`` as one line where ``text`` is the rest of ``prev``'s line: a piece
    that starts with its comma, indented, after a line that goes on (no line of Arabic prose
    starts with a comma); None where it is not.

    Real (PyMuPDF on LibreOffice, report-a-79-190-right-to-food: the reference ``"(4)"``
    rejoined, then the rest of its line; ga-dec-78-540, after a document symbol):

    >>> join_comma_piece("7 - يكفل العهد الدولي الخاص بالحقوق الاقتصادية والثقافية(4)", " ، في المادة11، «حق")
    '7 - يكفل العهد الدولي الخاص بالحقوق الاقتصادية والثقافية(4)، في المادة11، «حق'
    >>> join_comma_piece("A/78/403", " ، الفقرة14")
    'A/78/403، الفقرة14'

    A paragraph number or a page number alone, a line that ends its sentence, a comma
    glued to its word (PyMuPDF's moved punctuation) are no such line:

    >>> join_comma_piece("23", " ، وأتاحت السنة الدولية") is None
    True
    >>> join_comma_piece("مداولات الفريق العامل بشأن هذا البند.", " ، وأن") is None
    True
    >>> join_comma_piece("الدورة العاشرة", " ،فيينا") is None
    True
    """
    if not _COMMA_PIECE_RE.match(text):
        return None
    head = prev.rstrip()
    if not GOES_ON_RE.search(head) or _LONE_NUMBER_RE.match(head):
        return None
    return head + text.lstrip()


def rejoin_split_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a logical text (its producer's evidence or its dates say so), a
    footnote reference put on three lines (``"("``, ``"1"``, ``")،"``) goes back at the
    end of the line before it, and a paragraph number alone on its line back before its
    paragraph (``"1"`` + ``"- تطلب"`` → ``"1 - تطلب"``). Visual lines (pdfminer's) show
    the same shapes mirrored and are left to the visual steps.

    Real (PyMuPDF on LibreOffice, ga-res-example): ``"وإذ تؤكد من جديد الإعلان العالمي
    لحقوق الإنسان"``, ``"("``, ``"2"``, ``")، الذي يعلن أن جميع الناس يولدون أحرارا"`` →
    ``"وإذ تؤكد من جديد الإعلان العالمي لحقوق الإنسان(2)، الذي يعلن أن جميع الناس يولدون
    أحرارا"``; pdftotext -raw on LibreOffice (ga-res-78-96) splits its lines so too.

    After a line with no word (the stop PyMuPDF put on a line of its own after a note),
    the bracket, number and text are a footnote's marker and text, on a line of their own
    (``"."``, ``"("``, ``"3"``, ``") تلقى ..."`` → ``"."``, ``"(3) تلقى ..."``: glued to the
    stop, a second pass read ``".(3)"`` as moved punctuation). A piece that goes on the line
    before it (:func:`join_comma_piece`) is joined to it.
    """
    evidence = ctx.facts.get("date_order")
    if ctx.facts.get("logical_order") is not True and not (
        isinstance(evidence, DateOrder) and evidence.logical
    ):
        return lines
    # The first two joins need a lone number's line (what _LONE_NUMBER_RE matches), the third
    # an indented line that starts with a comma (_COMMA_PIECE_RE); most texts have neither,
    # and the tests are cheaper than the patterns on every line.
    if not any(
        (0 < len(s := line.text.strip(" ")) <= 3 and s.isdecimal())
        or (line.text[:1] == " " and s[:1] in "،؛" and s[:1] != "")
        for line in lines
    ):
        return lines
    notes = NoteMarkers()

    def step(lines: list[Line], i: int, out: list[Line]) -> int | None:
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        third = lines[i + 2] if i + 2 < len(lines) else None
        number = _LONE_NUMBER_RE.match(line.text)
        split_marker = (
            line.text.strip() == "("
            and nxt is not None
            and third is not None
            and _LONE_NUMBER_RE.match(nxt.text)
            and _REF_CLOSE_RE.match(third.text.lstrip())
        )
        if split_marker and nxt is not None and third is not None and notes.pending(out, nxt.text.strip()):
            after = [t.text for t in lines[i + 3 : i + 3 + NOTE_PIECES]]
            note = note_from_pieces(nxt.text.strip(), third.text, after)
            if note is not None:
                ctx.record("footnote_marker_lines", third.number, third.text, note[0])
                out.append(Line(third.number, note[0], third.page))
                notes.open(nxt.text.strip())
                return 3 + note[1]
        if split_marker and nxt is not None and third is not None and out and out[-1].text.strip():
            prev = out[-1]
            rest = third.text.lstrip()[1:]
            marker = "(" + nxt.text.strip() + ")"
            if _WORDLESS_RE.match(prev.text) and rest.startswith(" "):
                ctx.record("footnote_ref_lines", third.number, third.text, marker + rest)
                out.append(Line(third.number, marker + rest, third.page))
            else:
                joined = prev.text.rstrip() + marker + rest
                ctx.record("footnote_ref_lines", prev.number, prev.text, joined)
                out[-1] = Line(prev.number, joined, prev.page)
            return 3
        piece = join_comma_piece(out[-1].text, line.text) if out else None
        if piece is not None:
            prev = out[-1]
            ctx.record("comma_piece_line", prev.number, prev.text, piece)
            out[-1] = Line(prev.number, piece, prev.page)
            return 1
        if number and nxt is not None and _paragraph_after_dash(nxt.text):
            joined = f"{number[1]} {nxt.text}"
            ctx.record("paragraph_number_line", nxt.number, nxt.text, joined)
            out.append(Line(nxt.number, joined, nxt.page))
            return 2
        return None

    return merge_lines(lines, step)
