"""Visual lines that an extractor cut into pieces, put back together.

pdfminer.six's ``extract_text`` on a LibreOffice PDF of right-to-left text does not give a
line of the page as one line: LibreOffice draws each bidi run (an Arabic stretch, a number,
a symbol, a superscript reference) as its own text object, and pdfminer makes each one a
text box of its own, printed on its own line and followed by a blank line. The pieces of one
visual line come one after the other, left to right, as the line reads on the page (visual
order, which :mod:`~unparse.repair.visual` then reverses). The real heading
``البند 72 (ب) من جدول الأعمال`` (benchmark ``libreoffice/pdfminer/ga-res-example``)::

    لامعألا لودج نم )ب(·
    (blank)
    72
    (blank)
    ·دنبلا

(``·`` a space). :func:`join_visual_pieces` puts them back on one line,
``"لامعألا لودج نم )ب( 72 دنبلا"``, which the visual-order step then reads as
``"البند 72 (ب) من جدول الأعمال"``.

The evidence that two consecutive pieces are one visual line is in the pieces themselves:
the space between them stays with one of them (a piece ends with a space or the next starts
with one: no line of a page starts or ends with a space), a superscript reference ``(1)``
is glued to the word on its right, a lone comma sits left of its number. Pieces with none of
these between them stay separate lines, so separate paragraphs are never merged. It runs
only on a document that carries the fingerprint of such text (:func:`looks_fragmented`).
The producer is detected here, locally: see :class:`PiecesEvidence`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..lexicon import GREGORIAN_PATTERN, LEVANTINE_PATTERN, MONTH_NUMBER
from ..lines import Line, blank
from .heading_pieces import place_heading_dashes, starts_heading
from .pdfminer_pieces import bracket_joins_number, space_year_brackets, visual_number_runs
from .pipeline import Context
from .visual import visual_votes

_SPACES_RE = regex.compile(r"\s+")
_ARABIC_RE = regex.compile(r"[\u0621-\u064a]")
# A piece that holds no letter: a number, a symbol's digits and slashes, punctuation.
# Possessive groups ending on a digit, from a start no such character precedes: linear
# (the plain [set]*\d[set]* was quadratic in search).
_NUMBER_PIECE_RE = regex.compile(r"(?<![\p{Nd}/.,:()\-\s])(?:[/.,:()\-\s]*+\p{Nd})++[\p{Nd}/.,:()\-\s]*+")
# A line that starts with a space and then an Arabic letter (the right piece of a joint).
_LEAD_ARABIC_RE = regex.compile(r"^\s+[\u0621-\u064a]")
# A superscript footnote reference drawn as its own piece ("(1)", "(12)").
_REF_PIECE_RE = regex.compile(r"\(\p{Nd}{1,3}\)[.،؛:]?")
# A lone comma or semicolon drawn left of the number it follows ("،" then "2022").
_LONE_PUNCT_RE = regex.compile(r"[،؛.:]")
# The right end of a piece that cannot be the start of a line of text (read right to left).
_OPEN_END_RE = regex.compile(r"[،؛.:)\]'\-]\s*$")
# The left end of a piece that cannot be the end of a line of text.
_OPEN_START_RE = regex.compile(r"[(\[]")
_NUMBER_END_RE = regex.compile(r"\p{Nd}$")
_NUMBER_START_RE = regex.compile(r"^\p{Nd}")
_QUOTED_NUMBER_RE = regex.compile(r"'\p{Nd}{1,2}")
# A dash or slash drawn as a run of its own between two numbers.
_RANGE_DASH_RE = regex.compile(r"(?<!\s)\s*+[-–/]\s*+")
# A footnote's marker at the right end of its line ("(1) ").
_MARKER_PIECE_RE = regex.compile(r"\(\p{Nd}{1,3}\)\s+")
# A piece whose left end (its text's end) is a dash glued to a word: "-اغيموأ" (أوميغا-).
_GLUED_DASH_START_RE = regex.compile(r"^[-–][\u0621-\u064a]")
# A piece whose text starts with a paragraph's dash ("... يستكتو  -  " for "- وتكتسي").
_PARAGRAPH_DASH_END_RE = regex.compile(r"\s[-–]\s*$")


@dataclass(frozen=True)
class PiecesEvidence:
    """Why a text was judged to be visual lines cut into pieces (pdfminer on LibreOffice).

    Counts over the non-blank lines: lines that are only a number, lines that start with a
    space then an Arabic letter, and lines whose words read reversed / logical.
    """

    lines: int
    number_lines: int
    leading_space_lines: int
    reversed_votes: int
    logical_votes: int

    @property
    def fragmented(self) -> bool:
        """A fifth of the lines are lone numbers, a tenth start with a space, and the words
        read reversed: no logical text and no other extractor's output looks like that."""
        return (
            self.lines >= 10
            and self.number_lines * 6 >= self.lines
            and self.leading_space_lines * 12 >= self.lines
            and self.reversed_votes > 2 * self.logical_votes
        )


def looks_fragmented(texts: list[str]) -> PiecesEvidence:
    """The counts that decide whether :func:`join_visual_pieces` runs on a document.

    >>> looks_fragmented(["72", " دنبلا", "لامعألا لودج نم )ب( "]).number_lines
    1
    """
    nonblank = [t for t in texts if t.strip()]
    numbers = sum(1 for t in nonblank if _NUMBER_PIECE_RE.fullmatch(t.strip()))
    leading = sum(1 for t in nonblank if _LEAD_ARABIC_RE.match(t))
    rev = log = 0
    # The word votes cost most (half of normalize on clean text): counted only when the
    # cheap counts leave the question open (else they stay 0: the answer is no anyway).
    if PiecesEvidence(len(nonblank), numbers, leading, 1, 0).fragmented:
        for text in nonblank:
            r, g = visual_votes(text)
            rev, log = rev + r, log + g
    return PiecesEvidence(
        lines=len(nonblank),
        number_lines=numbers,
        leading_space_lines=leading,
        reversed_votes=rev,
        logical_votes=log,
    )


def pieces_join(left: str, right: str) -> bool:
    """Whether ``right`` continues ``left`` on the same visual line (pieces in visual order).

    The space of a joint stays with one piece; a piece whose right end is a comma, a stop,
    a closing bracket or a dash (the start of its text, in reading order: no line of text
    starts with one) goes on to the right; a piece that starts with an opening bracket (the
    end of its text: no line ends with one) goes on from the left; a superscript reference
    is glued to the word on its right, a footnote's marker ``(1) `` ends its line.

    >>> pieces_join("لامعألا لودج نم )ب( ", "72"), pieces_join("72", " دنبلا")
    (True, True)
    >>> pieces_join("(1)", "ةقاعإلا يوذ صاخشألا قوقح ةيقافتا يف فارطألا لودلا ددع نأب بحري ذإو")
    True
    >>> pieces_join(" ا66هرارق يف ،ة66ماعلا ة66يعمجلا تبلط   -", "1")
    True
    >>> pieces_join("78/212", "،ةماعلا ةيعمجلا نإ")
    False

    A range's dash drawn apart from its numbers (ga-res-example, "2024-2026"):

    >>> pieces_join("2026", "-"), pieces_join("-", "2024")
    (True, True)
    """
    if not left.strip() or not right.strip():
        return False
    arabic_left = _ARABIC_RE.search(left) is not None
    if left[-1].isspace() and arabic_left:
        return True
    if right[0].isspace() and _ARABIC_RE.search(right):
        return True
    if arabic_left and _OPEN_END_RE.search(left):
        return True
    if (_OPEN_START_RE.match(right) and not _REF_PIECE_RE.match(right)) or _MARKER_PIECE_RE.fullmatch(right):
        return True
    if _NUMBER_PIECE_RE.fullmatch(left) and _NUMBER_PIECE_RE.fullmatch(right) and right[-1].isspace():
        return True  # "565" then "8 ": one number (8 565) drawn as two runs
    if _REF_PIECE_RE.fullmatch(left) and (_ARABIC_RE.match(right) or _NUMBER_PIECE_RE.fullmatch(right)):
        return True
    if (_NUMBER_PIECE_RE.fullmatch(left) and _RANGE_DASH_RE.fullmatch(right)) or (
        _RANGE_DASH_RE.fullmatch(left) and _NUMBER_PIECE_RE.fullmatch(right)
    ):
        return True  # "2026", "-", "2024": a range drawn as three runs
    return bool(_LONE_PUNCT_RE.fullmatch(left.strip())) or bracket_joins_number(left, right)


def number_ends_compound(before: str, left: str, right: str) -> bool:
    """Whether the number piece ``left`` is the end of a compound whose dash starts
    ``right`` (``أوميغا-3``, ``كوفيد-19``, ``باء-12``: the word, its dash and the number are
    drawn as two runs, the number left of the dash). ``before`` is the piece before
    ``left`` on the same visual line, if any: when it starts a paragraph (its right end
    is the paragraph's dash, ``"... وتكتسي  -  "`` then ``"5"``), the number is that
    paragraph's and ends the visual line. A dash glued to a word at the left end of a piece
    alone is no evidence: a line may end after ``(كوفيد-`` and go on with ``19)``.

    Real (pdfminer on LibreOffice, report-a-79-190-right-to-food, "أوميغا-3"):

    >>> number_ends_compound("فلأ نيماتيفو ةقيقدلا تايذغملاو ", "3", "-اغيموأ عون نم ةينهدلا ضامحألاو")
    True

    The paragraph number of the line before it (the same document; the right piece made
    up):

    >>> number_ends_compound("ةيئاملا  ةيذغألا  يستكتو  -  ", "5", "-اغيموأ عون نم")
    False
    >>> number_ends_compound("", " زواجتت اهنع", "-ديفوك( انوروك سوريف ضرم ةحئاج")
    False
    """
    return (
        _NUMBER_PIECE_RE.fullmatch(left) is not None
        and _GLUED_DASH_START_RE.match(right) is not None
        and _PARAGRAPH_DASH_END_RE.search(before) is None
    )


# A number whose slash was drawn after it: "79 145/" for 79/145.
# Anchored, the spaces possessive: fullmatch only, linear on a long run of spaces.
_SPLIT_SLASH_NUMBER_RE = regex.compile(r"^(\s*+)(\p{Nd}{1,4}) (\p{Nd}{1,4})/(\s*+)$")
# A date's two month names, read logical, with the space that took their slash's place.
_MONTH_PAIR_RE = regex.compile(rf"(?<!\S)(?P<lev>{LEVANTINE_PATTERN}) (?P<gre>{GREGORIAN_PATTERN})(?!\S)")
_DIGIT_RE = regex.compile(r"\p{Nd}")


def slash_number_piece(text: str) -> str:
    """A number piece whose slash LibreOffice drew after its second group, with the slash
    back between its groups; any other piece as it is.

    Real (pdfminer on LibreOffice, ga-res-79-145: "القرار 78/69", "79/145"):

    >>> slash_number_piece("78 69/"), slash_number_piece("79 145/")
    ('78/69', '79/145')
    >>> slash_number_piece("8 565"), slash_number_piece("76/172")
    ('8 565', '76/172')
    """
    m = _SPLIT_SLASH_NUMBER_RE.fullmatch(text)
    return f"{m[1]}{m[2]}/{m[3]}{m[4]}" if m else text


def slash_between_months(piece: str) -> str | None:
    """The visual piece with a lone slash put back between the two names of a date's
    month (UN style writes both, ``كانون الأول/ديسمبر``), where the piece holds one such
    pair of the same month with a space between them and no digit; else None.

    Real (pdfminer on LibreOffice, hrc-res-54-12: "تشرين الأول/أكتوبر", its slash a piece
    of its own next to it):

    >>> slash_between_months(" ربوتكأ لوألا نيرشت ")
    ' ربوتكأ/لوألا نيرشت '
    >>> slash_between_months("   ربمتبس لوليأ ")
    '   ربمتبس/لوليأ '
    >>> slash_between_months(" ويام لوليأ ") is None   # two months: no date
    True
    """
    if _DIGIT_RE.search(piece):
        return None
    logical = piece[::-1]
    pairs = [m for m in _MONTH_PAIR_RE.finditer(logical) if MONTH_NUMBER[m["lev"]] == MONTH_NUMBER[m["gre"]]]
    if len(pairs) != 1:
        return None
    m = pairs[0]
    return (logical[: m.end("lev")] + "/" + logical[m.start("gre") :])[::-1]


# A sub-item's letter whose brackets LibreOffice drew after it: "ءاليإ  أ) (" for "(أ) إيلاء".
_LABEL_THEN_BRACKETS_RE = regex.compile(r"(?<!\S)([\u0621-\u064a])\s*\) \(\s*$")
# A sub-item's number with one bracket, the other ending the piece before it: ")", "(١".
_HALF_BRACKETED_NUMBER_RE = regex.compile(r"\((\p{Nd}{1,3})")


def bracket_label_piece(text: str, more: bool = False) -> str:
    """A visual piece that ends with a label's letter and then its two brackets, with the
    brackets around the letter (``)أ(``, which the visual step reads ``(أ)``), a space after
    them when ``more`` pieces follow on the line; any other piece as it is.

    Real (pdfminer on LibreOffice, hrc-res-54-12 and ga-res-79-145):

    >>> bracket_label_piece("؛ةيئامنإلا اهتايجيتارتسا يف ءاليإ  أ) (")
    '؛ةيئامنإلا اهتايجيتارتسا يف ءاليإ  )أ('
    >>> bracket_label_piece("لامعألا لودج نم  أ  ) (", more=True)
    'لامعألا لودج نم  )أ( '
    >>> bracket_label_piece("لامعألا لودج نم )ب( ")
    'لامعألا لودج نم )ب( '
    """
    return _LABEL_THEN_BRACKETS_RE.sub(lambda m: f"){m[1]}(" + (" " if more else ""), text)


_VISUAL_REF_PARTS_RE = regex.compile(r"\((\p{Nd}{1,3})\)([.،؛:]?)(\s*)")


def visual_ref_piece(text: str) -> str:
    """A footnote reference or marker drawn as a piece of its own, in the visual order of
    the line it belongs to; any other piece as it is.

    LibreOffice draws a superscript reference (``(1)``, ``(3)،``) and a footnote's marker
    (``(1) ``) as text objects of their own, left to right as they are read, while the
    rest of the visual line comes reversed, its brackets with it (``)ب(`` for ``(ب)``).
    Turned the same way (digits kept), the whole line reads one way: the document's
    bracket decision (:func:`~unparse.repair.visual.reverse_visual_lines`) is no longer
    taken by its references against its labels and quotes.

    Real (pdfminer on LibreOffice, ga-res-79-145):

    >>> visual_ref_piece("(1)"), visual_ref_piece("(3)،"), visual_ref_piece("(12) ")
    (')1(', '،)3(', ' )12(')
    >>> visual_ref_piece(")ب( ")
    ')ب( '
    """
    m = _VISUAL_REF_PARTS_RE.fullmatch(text)
    return f"{m[3]}{m[2]}){m[1]}(" if m else text


def _place_lone_slashes(texts: list[str]) -> list[str]:
    """Each lone ``/`` piece of a visual line into the month pair of the piece next to it
    (:func:`slash_between_months`: the one before it, else the one after it)."""
    out = list(texts)
    for i, text in enumerate(texts):
        if text.strip() != "/":
            continue
        for k in (i - 1, i + 1):
            if 0 <= k < len(out) and (placed := slash_between_months(out[k])) is not None:
                out[k] = placed
                out[i] = ""
                break
    return [t for t in out if t]


def join_pieces(texts: list[str]) -> str:
    """The visual line that consecutive pieces make: their texts one after the other, a
    space between two digit groups that met with none (``"565"``, ``"8 "``: the number
    ``8 565`` drawn as two runs, its space lost).

    >>> join_pieces(["لامعألا لودج نم )ب( ", "72", " دنبلا"])
    'لامعألا لودج نم )ب( 72 دنبلا'
    >>> join_pieces([" ماع يف اصخش ", "565", "8 ", " غلب ذإ"])
    ' ماع يف اصخش 565 8  غلب ذإ'
    >>> join_pieces(["؛ديلاوملل يناجملا ليجستلا حيتت نأ '", "'1"])
    "؛ديلاوملل يناجملا ليجستلا حيتت نأ '1'"

    A date whose slash LibreOffice drew apart (hrc-res-54-12), and a number's
    (:func:`slash_number_piece`):

    >>> join_pieces(["٢٠٢٣", " ربوتكأ لوألا نيرشت ", "/", "١٢"])
    '٢٠٢٣ ربوتكأ/لوألا نيرشت ١٢'
    >>> join_pieces(["ءاذغلا يف قحلا   -", "٥٤ ١٢/"])
    'ءاذغلا يف قحلا   - ٥٤/١٢'

    A sub-item's label whose brackets were drawn apart (:func:`bracket_label_piece`), and
    a number whose brackets were split between two pieces (hrc-res-54-12):

    >>> join_pieces(["لامعألا لودج نم  أ  ) (", "77", " دنبلا"])
    'لامعألا لودج نم  )أ( 77 دنبلا'
    >>> join_pieces(["؛نامتئالاو روذبلا ىلع مهلوصح ريسيت )", "(١"])
    '؛نامتئالاو روذبلا ىلع مهلوصح ريسيت )١('
    """
    texts = _place_lone_slashes([visual_ref_piece(slash_number_piece(visual_number_runs(t))) for t in texts])
    texts = space_year_brackets(texts)
    texts = [bracket_label_piece(t, more=i + 1 < len(texts)) for i, t in enumerate(texts)]
    out = texts[0]
    for text in texts[1:]:
        if out.endswith(")") and (half := _HALF_BRACKETED_NUMBER_RE.fullmatch(text)):
            # A sub-item's number, its closing bracket the end of the piece before it
            # (")", "(١" for "(1)" read right to left, hrc-res-54-12).
            out += half[1] + "("
            continue
        if out.endswith("'") and _QUOTED_NUMBER_RE.fullmatch(text):
            # A sub-item's label '1' drawn as "'" ending the text and "'1" (ga-res-example):
            # the quotes stand on both sides of the number.
            out += text[1:] + "'"
            continue
        if _NUMBER_END_RE.search(out) and _NUMBER_START_RE.match(text):
            out += " "
        elif _PARAGRAPH_DASH_END_RE.search(out) and not out[-1].isspace() and _NUMBER_START_RE.match(text):
            out += " "  # a title's number and its dash ("54/12 - الحق في الغذاء")
        elif _MARKER_PIECE_RE.fullmatch(text) and not out[-1].isspace():
            out += " "  # a footnote's marker and its text
        out += text
    return out


def _width(text: str) -> int:
    # Justified lines carry runs of spaces: count each run as one.
    return len(_SPACES_RE.sub(" ", text.strip()))


def join_visual_pieces(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: put the pieces of each visual line back on one line.

    Consecutive non-blank lines (a blank line between them at most, the same page) that
    :func:`pieces_join` links become one line, numbered as its first piece; the blank
    lines between them go. A group never grows past the document's longest line (a full
    line of the page), so that a run of links cannot swallow a paragraph.
    """
    texts = [line.text for line in lines]
    evidence = looks_fragmented(texts)
    if not evidence.fragmented:
        return lines
    ctx.facts["visual_pieces"] = evidence
    lines = place_heading_dashes(lines, ctx)
    texts = [line.text for line in lines]
    longest = max((_width(t) for t in texts), default=0)
    out: list[Line] = []
    group: list[Line] = []
    gap: list[Line] = []  # blank lines after the group's last piece

    def flush() -> None:
        if len(group) > 1:
            joined = join_pieces([g.text for g in group])
            ctx.record("visual_pieces", group[0].number, "\n".join(g.text for g in group), joined)
            out.append(Line(group[0].number, joined, group[0].page))
        elif group:
            line = group[0]
            fixed = visual_ref_piece(bracket_label_piece(slash_number_piece(visual_number_runs(line.text))))
            if fixed != line.text:
                ctx.record("visual_pieces", line.number, line.text, fixed)
                line = Line(line.number, fixed, line.page)
            out.append(line)
        out.extend(gap)
        group.clear()
        gap.clear()

    for line in lines:
        if blank(line):
            if group:
                gap.append(line)
            else:
                out.append(line)
            continue
        if (
            group
            and len(gap) <= 1
            and line.page == group[-1].page
            and not starts_heading(group[-1].text)
            and (
                pieces_join(group[-1].text, line.text)
                or number_ends_compound(group[-2].text if len(group) > 1 else "", group[-1].text, line.text)
            )
            and sum(_width(g.text) for g in group) + _width(line.text) <= longest * 1.1
        ):
            group.append(line)
            gap.clear()
            continue
        flush()
        group.append(line)
    flush()
    return out
