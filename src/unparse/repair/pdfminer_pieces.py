"""pdfminer's LibreOffice pieces: runs in reading order, brackets alone, stray glyphs.

pdfminer.six's ``extract_text`` on a LibreOffice PDF gives each text object of a line as a
piece of its own (:mod:`~unparse.repair.pieces`), in visual order: the piece's characters
reversed, its digits kept left to right. A piece that holds two numbers and what stands
between them (``20 و40``, a range ``12-16``, a number spaced in thousands ``8 500``) is
the exception: its runs come in *reading* order, each run drawn as it is seen (``20``,
``و``, ``40`` give ``20و 40``), so the visual-order step, which reverses the piece, swaps
the two numbers (``بين 40 و20``). Put in visual order here, the piece reads right.

Benchmark ``libreoffice/pdfminer`` (dev split), every such piece in reading order: 20
``Aو B`` pieces (``ecosoc-res-2023-15``: ``20و 40`` for ``بين 20 و40``), 6 dash ranges
(``ctoc-cop-dec-10-4``: ``١٢-١٦`` for ``فيينا، ١٢-١٦ تشرين الأول``), 2 spaced numbers
(``ctoc-cop-dec-12-1``: ``٨ ٥٠٠`` for ``ما يزيد على ٨ ٥٠٠ حالة``); a spaced number drawn
as *two* pieces (``565``, ``8 ``) is visual already and is not touched (it is two lines).
:func:`visual_number_runs` puts them in visual order.

Two more habits of the same producer: a year's opening bracket drawn as a piece of its own
between two numbers (``2022``, `` (``, ``2645`` for ``2645 (2022)``, sc-res-2739-2024:
:func:`bracket_joins_number`, :func:`space_year_brackets`), and the glyph of a ligature
read as a stray character inside its word (``الÆكوكبات`` for ``الكوكبات``,
report-a-ac105-1307-stsc: :func:`drop_stray_glyphs`). All run only where
:func:`~unparse.repair.pieces.join_visual_pieces` runs: on a document whose fingerprint
(:class:`~unparse.repair.pieces.PiecesEvidence`, the decision ``pieces_joined``) is visual
lines cut into pieces; no per-line work on any other text.
"""

from __future__ import annotations

import regex

from ..lines import Line
from .pipeline import Context, fix_each_line

# A number as one run: digits with their decimal or thousands separators ("3,6", "4.62").
_NUM = r"\p{Nd}++(?:[.,]\p{Nd}++)*+"
# A piece of two numbers and what joins them, in reading order: "20و 40" (the conjunction
# glued to the second number, drawn reversed), "12-16" (a range), "8 500" (thousands);
# closing punctuation after the second number drawn after it ("41و 42.)" for "41 و42).").
# Anchored, possessive: fullmatch only, linear.
_READING_ORDER_RE = regex.compile(
    rf"^(?P<lead>\s*+)(?P<first>{_NUM})"
    rf"(?P<sep>و\s++|[-–])(?P<second>{_NUM})(?P<tail>[.)\]،؛]*+)(?P<trail>\s*+)$"
)
# One number and the closing punctuation after it, in reading order ("14." for "الفقرة 14.",
# "12])" for "الفقرة 12)]").
_NUMBER_TAIL_RE = regex.compile(rf"^(?P<lead>\s*+)(?P<first>{_NUM})(?P<tail>[.)\]،؛:]++)(?P<trail>\s*+)$")
_THOUSANDS_RE = regex.compile(
    r"^(?P<lead>\s*+)(?P<first>\p{Nd}{1,3}+) (?P<second>\p{Nd}{3}+)(?P<tail>)(?P<trail>\s*+)$"
)


def visual_number_runs(piece: str) -> str:
    """A piece of two numbers drawn in reading order, its runs put in visual order (the
    second number, what joins them, the first: the visual-order step then reads it right);
    any other piece as it is.

    Real (pdfminer on LibreOffice): ``ecosoc-res-2023-15`` ("بين 20 و40"),
    ``ctoc-cop-dec-10-4`` ("فيينا، ١٢-١٦"), ``ctoc-cop-dec-12-1`` ("على ٨ ٥٠٠ حالة"),
    ``report-a-78-7-add-9-acabq-africa-hall`` ("الفقرتان 41 و42).")):

    >>> visual_number_runs("20و 40"), visual_number_runs("١٢-١٦"), visual_number_runs("٨ ٥٠٠")
    ('40و 20', '١٦-١٢', '٥٠٠ ٨')
    >>> visual_number_runs("41و 42.)")
    '.)42و 41'

    One number and its closing punctuation (ga-dec-78-540, "الفقرة 14."; ga-res-example,
    "الفقرة 45)]"):

    >>> visual_number_runs("14."), visual_number_runs("45])")
    ('.14', '])45')

    A piece of one number, a number whose slash was drawn after it, a date: as they are.

    >>> visual_number_runs("3,6"), visual_number_runs("78 69/"), visual_number_runs("12 ٢٠٢٣")
    ('3,6', '78 69/', '12 ٢٠٢٣')
    """
    m = _READING_ORDER_RE.fullmatch(piece) or _THOUSANDS_RE.fullmatch(piece)
    if m is None:
        m = _NUMBER_TAIL_RE.fullmatch(piece)
        return piece if m is None else f"{m['lead']}{m['tail']}{m['first']}{m['trail']}"
    sep = m.groupdict().get("sep") or " "
    return f"{m['lead']}{m['tail']}{m['second']}{sep}{m['first']}{m['trail']}"


# A character no Arabic text holds glued inside a word: outside ASCII (the kashida codes,
# digits and Latin letters, are :mod:`.kashida_digits`'), the Arabic blocks, spaces, marks,
# the quotes and dashes Arabic text uses and the bidi controls; or pdfminer's ``(cid:N)``
# for a glyph with no character.
_JUNK = (
    r"(?:\(cid:\d{1,5}\)"
    r"|[^\x00-\x7f\u0600-\u06ff\u0750-\u077f\s\p{M}«»“”‘’–—…\u200b-\u200f\u202a-\u202e\u2066-\u2069])"
)
# In visual order (the line reversed): the lam-kaf ligature's stray glyph between kaf and
# lam ("تابكوكÆلا" for "الكوكبات"), a hamza's after the alef under it, a space the glyph
# pushed in after it ("ج Çأو" for "وأجري"), an Arabic letter beyond.
_LAM_KAF_JUNK_RE = regex.compile(rf"(?<=ك){_JUNK}(?=ل)")
_ALEF_JUNK_RE = regex.compile(rf"(?<=[\u0621-\u064a]) ?+{_JUNK}(?=أ)")
# The cheap test before any per-line work: one such character anywhere in the document.
_ANY_JUNK_RE = regex.compile(rf"[كأ]{_JUNK}|{_JUNK}[لأ]")


def drop_stray_glyphs(piece: str) -> str:
    """A visual line with the stray glyphs LibreOffice's ligatures left inside its words
    removed: the lam-kaf ligature's (``لك``) between kaf and lam, the hamza's after its
    alef, with the space it pushed into the word.

    Real (pdfminer on LibreOffice; visual order, which the visual step then reverses):
    report-a-ac105-1307-stsc ("الكوكبات الكبيرة"), report-a-79-190-right-to-food
    ("لكنها"), ga-res-example ("الكرامة"), note-a-ac109-2024-5-tokelau ("وأجري"):

    >>> drop_stray_glyphs("ةريبكÆلا تابكوكÆلا")
    'ةريبكلا تابكوكلا'
    >>> drop_stray_glyphs("اهنك¾ل"), drop_stray_glyphs("ةماركلا"), drop_stray_glyphs("ةمارك(cid:127)لا")
    ('اهنكل', 'ةماركلا', 'ةماركلا')
    >>> drop_stray_glyphs("يف ج Çأو")
    'يف جأو'

    Quotes, a dash, a number or a Latin word by an Arabic letter are no glyphs:

    >>> drop_stray_glyphs("«ك»ل -أ 2أ Aأ")
    '«ك»ل -أ 2أ Aأ'
    """
    return _ALEF_JUNK_RE.sub("", _LAM_KAF_JUNK_RE.sub("", piece))


def drop_stray_glyph_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: :func:`drop_stray_glyphs` on every line of a document that
    :func:`~unparse.repair.pieces.join_visual_pieces` judged visual lines cut into pieces
    (the decision ``pieces_joined``: pdfminer on LibreOffice, the producer of these glyphs),
    once one such glyph is found in it; any other text is not looked at."""
    if "visual_pieces" not in ctx.facts or _ANY_JUNK_RE.search(ctx.joined(lines)) is None:
        return lines
    return fix_each_line(lines, ctx, "stray_glyphs", drop_stray_glyphs)


# A bracket drawn as a piece of its own, with the space of its joint; a number alone.
# Anchored, possessive: linear.
_SPACED_BRACKET_RE = regex.compile(r"^(?:\s++[()\[\]]\s*+|[()\[\]]\s++)$")
_PLAIN_NUMBER_RE = regex.compile(r"^\s*+\p{Nd}++\s*+$")


def bracket_joins_number(left: str, right: str) -> bool:
    """Whether a bracket drawn as a piece of its own, the space of its joint with it, and
    the number piece beside it are one visual line (pieces in visual order): a number in
    brackets after a number (a resolution and its year, ``2645 (2022)``) is drawn as
    number, bracket, number, and a bracket alone is no line of text.

    Real (pdfminer on LibreOffice, sc-res-2739-2024: "القرارات 2645 (2022) و2692 (2023)",
    pieces ``و )``, ``2022``, `` (``, ``2645``, `` تارارقلا ...``; sc-res-2754-2024: ``2024``,
    ``( ``, ``2754``):

    >>> bracket_joins_number("2022", " ("), bracket_joins_number(" (", "2645")
    (True, True)
    >>> bracket_joins_number("2024", "( "), bracket_joins_number("( ", "2754")
    (True, True)

    A bracket with no space, or next to words or to a symbol, is left to the other joints
    (ga-dec-78-540: a bracket that ends its visual line; report-a-78-7-add-9: `` (`` then
    ``4/``, the next line's):

    >>> bracket_joins_number("(", "15.)"), bracket_joins_number(")", "2024")
    (False, False)
    >>> bracket_joins_number(" (", "4/"), bracket_joins_number("(", "،ءا33ضعأ ")
    (False, False)
    """
    return bool(
        (_SPACED_BRACKET_RE.fullmatch(left) and _PLAIN_NUMBER_RE.fullmatch(right))
        or (_PLAIN_NUMBER_RE.fullmatch(left) and _SPACED_BRACKET_RE.fullmatch(right))
    )


def space_year_brackets(texts: list[str]) -> list[str]:
    """The pieces of one visual line with an opening bracket drawn alone between two
    numbers glued to the number on its left, its space on its right: in ``2645 (2022)`` the
    bracket belongs to the year, which comes first in visual order (``2022``, ``( ``,
    ``2645``), wherever the extractor left the bracket's space.

    Real (pdfminer on LibreOffice, sc-res-2739-2024, "القرارات 2645 (2022) و2692"):

    >>> space_year_brackets(["و )", "2022", " (", "2645", " تارارقلا"])
    ['و )', '2022', '( ', '2645', ' تارارقلا']
    >>> space_year_brackets(["2024", "( ", "2754", " رارقلا"])  # sc-res-2754-2024: as it is
    ['2024', '( ', '2754', ' رارقلا']
    """
    out = list(texts)
    for i in range(1, len(texts) - 1):
        if (
            texts[i].strip() in ("(", "[")
            and _SPACED_BRACKET_RE.fullmatch(texts[i])
            and _PLAIN_NUMBER_RE.fullmatch(texts[i - 1])
            and _PLAIN_NUMBER_RE.fullmatch(texts[i + 1])
        ):
            out[i] = texts[i].strip() + " "
    return out
