"""The pieces of one visual line that pypdfium2 gave left to right (Chromium PDFs), put back.

On a Chromium (Skia) PDF, pypdfium2's ``get_text_range`` cuts a visual line where a
superscript reference is drawn, where a mark stands apart from its letter and at some
joints between runs, and gives the pieces as lines of their own *left to right*, as they
lie on the page: the end of the line's text comes first. Each piece reads in logical
order. The real line ``الأغلبية المطلوبة 87 صوتا(2).`` (benchmark
``chromium/pypdfium2/report-crpd-csp-2023-5-conference``) comes out as::

    .
    )٢(
    ةيبلغألا ةبولطملا ٨٧ اتوص

and a paragraph's first line ``1 - تنص المادة 40 ... الإعاقة(1) على أن تجتمع ... في`` as
its left piece, then its right one (which ends with the reference). Put back, the pieces
read right to left: the last one first.

Two pieces are put back together only where the pieces themselves say so
(:func:`left_piece_before`, :func:`right_piece_after`): no line of text starts with a
comma or a stop, a line cut after a mark's letter goes on in the word before it, and a
paragraph's short first line that ends with a reference (or is followed by more of its
paragraph) lost its left piece, which is the line just before it; and only when the two fit
in one line of the page (their length is at most the text's full line length). The
document must show the left-to-right order itself (:class:`PieceOrderEvidence`): in a
LibreOffice PDF pypdfium2 gives the pieces the other way (its references start the next
piece, which :func:`~.pdfium.restore_footnote_lines` repairs).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..lines import Line
from .pdfium import is_pdfium
from .pipeline import Context

# These patterns read pieces as pypdfium2 gives them (brackets mirrored, labels as drawn),
# so they are not segment/patterns.py's, which read repaired lines.
# A footnote reference as pypdfium2 gives it (brackets as drawn, mirrored): ")1(", ")١(".
_REF = r"\)(?:\p{Nd}{1,3}|\*)\("
_LONE_REF_RE = regex.compile(rf"^\s*{_REF}\s*$")
_ENDS_REF_RE = regex.compile(rf"\S\s*{_REF}\s*$")
_STARTS_REF_RE = regex.compile(rf"^\s*{_REF}\s*\S")
# A piece whose text starts with its punctuation: alone, or before an Arabic word (a
# footnote read from the left starts with its stop before a Latin word: not a piece).
_PUNCT_START_RE = regex.compile(r"^\s*[،؛.:](?:\s+(?=[\u0621-\u064a)(])|\s*$)")
# The end of a paragraph or of a sentence, a reference after it or not.
_FINAL_RE = regex.compile(rf"[.؛:،!؟,;]\s*(?:{_REF})?\s*$")
# A paragraph's start: its number ("1 - "), a sub-item's label as drawn (")أ( ", "(أ) "),
# a preambular lead ("وإذ ", "إذ ").
_START_RE = regex.compile(
    r"^\s*(?:\p{Nd}{1,3}\s*[-–]\s|[)(][\u0621-\u064a\p{Nd}]{1,3}[)(]\s|['‘’]\p{Nd}{1,2}['‘’]\s|و?إذ\s)"
)
# A section heading's label ("أولا - ", "ألف - "): a heading is no piece of a paragraph.
_HEADING_RE = regex.compile(r"^\s*\S{2,8}\s*\p{Mn}*\s*[-–]\s")
# A letter and its mark drawn apart from the rest of their word ("أُ" of "أُجريت").
_CUT_LETTER_RE = regex.compile(r"^\s*[\u0621-\u064a]\p{Mn}+\s*$")
_CUT_END_RE = regex.compile(r"(?:^|\s)[\u0621-\u064a]\p{Mn}+\s*$")
_ARABIC_RE = regex.compile(r"[\u0621-\u064a]")
_LETTER_START_RE = regex.compile(r"^\s*[\u0621-\u064a]")
# Two pieces are one line when they fit in this share of the text's full line length.
FIT = 1.05
# The full line length: this quantile of the non-blank lines' lengths.
_FULL_QUANTILE = 0.95


@dataclass(frozen=True)
class PieceOrderEvidence:
    """Why a pypdfium2 text was judged to give a visual line's pieces left to right.

    ``left_to_right``: lines that start with their punctuation and are followed by a
    reference (alone, or ending the next line): the piece after them is the one on their
    right. ``right_to_left``: such lines after a line that starts with a reference (the
    LibreOffice order). ``line_width``: the full line length the pieces must fit in.
    """

    left_to_right: int
    right_to_left: int
    line_width: int

    @property
    def ltr(self) -> bool:
        return self.left_to_right > self.right_to_left


def piece_order(texts: list[str]) -> PieceOrderEvidence:
    """The counts that decide whether :func:`join_ltr_pieces` runs on a pypdfium2 text.

    >>> e = piece_order(["مع الاتحاد الدولي", "، المتعلقتين بالتدريب", ")١(", "لمكافحة الجريمة"])
    >>> e.left_to_right, e.right_to_left, e.ltr
    (1, 0, True)
    """
    ltr = rtl = 0
    for i, text in enumerate(texts):
        if not _PUNCT_START_RE.match(text):
            continue
        nxt = texts[i + 1] if i + 1 < len(texts) else ""
        if _LONE_REF_RE.match(nxt) or _ENDS_REF_RE.search(nxt):
            ltr += 1
        if i > 0 and _STARTS_REF_RE.match(texts[i - 1]):
            rtl += 1
    lengths = sorted(len(t.strip()) for t in texts if t.strip())
    width = lengths[int(len(lengths) * _FULL_QUANTILE)] if lengths else 0
    return PieceOrderEvidence(ltr, rtl, width)


def _glue(right: str, left: str) -> str:
    """Two pieces of a line in reading order: ``right`` (read first), then ``left``; a
    space between unless ``left`` starts with punctuation or ``right`` ends with a cut
    letter's mark."""
    right, left = right.rstrip(), left.strip()
    if _PUNCT_START_RE.match(left) or _CUT_END_RE.search(right):
        return right + left
    return f"{right} {left}"


def left_piece_before(texts: list[str], i: int, width: int) -> tuple[int, str] | None:
    """Where line ``i`` is a line's left piece that starts with its punctuation (or is a
    cut word's end after its letter), the lines it takes and the line they make.

    Real (pypdfium2 on Chromium, ga-res-78-96 and report-crpd-csp-2023-5-conference):

    >>> left_piece_before(["، وإلى اتفاقية اليونسكو", ")2(", "الملحقين بها"], 0, 80)
    (3, 'الملحقين بها)2(، وإلى اتفاقية اليونسكو')
    >>> left_piece_before([".", ")٢(", "ةيبلغألا ةبولطملا ٨٧ اتوص"], 0, 80)
    (3, 'ةيبلغألا ةبولطملا ٨٧ اتوص)٢(.')
    >>> left_piece_before(["جريت ثلاث", "أُ", "عبرأ سنوات الأطراف. و"], 0, 80)
    (3, 'عبرأ سنوات الأطراف. وأُجريت ثلاث')
    >>> left_piece_before(["، الذي أحاله الأمين العام؛", ")5(", "1 - تحيط علما بتقرير اليونسكو"], 0, 80)
    (3, '1 - تحيط علما بتقرير اليونسكو)5(، الذي أحاله الأمين العام؛')
    >>> left_piece_before([".United Nations, Treaty Series", ")1("], 0, 80) is None
    True
    """
    text = texts[i]
    j, middle = i + 1, ""
    if _PUNCT_START_RE.match(text):
        if j < len(texts) and _LONE_REF_RE.match(texts[j]):
            middle, j = texts[j].strip(), j + 1
    elif _LETTER_START_RE.match(text) and j < len(texts) and _CUT_LETTER_RE.match(texts[j]):
        middle, j = texts[j].strip(), j + 1
    else:
        return None
    if j >= len(texts):
        return None
    right = texts[j]
    if (
        not _ARABIC_RE.search(right)
        or _PUNCT_START_RE.match(right)
        or _LONE_REF_RE.match(right)
        or _START_RE.match(text)
    ):
        return None
    if middle and _CUT_LETTER_RE.match(middle):
        # "و" + "أُ" + "جريت": a one-letter word before the cut letter is its prefix.
        last = right.rstrip().rsplit(" ", 1)[-1]
        head = right.rstrip() if len(last) == 1 else right.rstrip() + " "
        joined = head + middle + text.strip()
    else:
        if _START_RE.match(right) and not middle and _FINAL_RE.search(right):
            return None
        joined = right.rstrip() + middle + text.strip() if middle else _glue(right, text)
    if len(joined) > FIT * width:
        return None
    return j + 1, joined


def right_piece_after(texts: list[str], i: int, width: int) -> tuple[int, str] | None:
    """Where line ``i + 1`` is a line's right piece and line ``i`` its left one, the lines
    they take and the line they make. The left piece starts no paragraph; the right one
    starts a paragraph and ends with a reference, or is short and its paragraph goes on
    after it, or ends with a letter cut from the rest of its word. Or the left piece ends
    its paragraph: then the right one starts it and ends no sentence, the line before the
    left piece ends one, and the line after the right piece starts another.

    Real (pypdfium2 on Chromium, ga-res-78-96, sg-e-2024-55 and ga-res-example):

    >>> right_piece_after(["والبروتوكولين", "وإذ تشير أيضا إلى اتفاقية لاهاي لعام 1954)1(", "، وإلى"], 0, 80)
    (2, 'وإذ تشير أيضا إلى اتفاقية لاهاي لعام 1954)1( والبروتوكولين')
    >>> right_piece_after(["صدرت في عام 2019، إطارا لمعالجة", "20 - وتتيح المبادئ التي أُ", "التحرش"], 0, 80)
    (2, '20 - وتتيح المبادئ التي أُصدرت في عام 2019، إطارا لمعالجة')
    >>> texts = ["'1' أن تتيح التسجيل المجاني للمواليد؛", "شمل الأسر، في غضون 90 يوما على الأكثر؛",
    ...          "'2' أن تيسر لم", ")ب( أن تضع بدائل للاحتجاز"]
    >>> right_piece_after(texts, 1, 80)
    (3, "'2' أن تيسر لم شمل الأسر، في غضون 90 يوما على الأكثر؛")
    >>> right_piece_after(["أولا - مقدمة", "1 - تنص المادة 40)١(", "مؤتمر"], 0, 80) is None
    True
    """
    if i + 1 >= len(texts):
        return None
    left, right = texts[i], texts[i + 1]
    nxt = texts[i + 2] if i + 2 < len(texts) else ""
    before = texts[i - 1] if i > 0 else ""
    if (
        not _ARABIC_RE.search(left)
        or _START_RE.match(left)
        or _HEADING_RE.match(left)
        or _STARTS_REF_RE.match(left)
        or _LONE_REF_RE.match(left)
        or _PUNCT_START_RE.match(left)
    ):
        return None
    starts = _START_RE.match(right) is not None
    new_unit = not nxt.strip() or _START_RE.match(nxt) is not None or _HEADING_RE.match(nxt) is not None
    if _FINAL_RE.search(left):
        if not (
            starts
            and not _FINAL_RE.search(right)
            and not _ENDS_REF_RE.search(right)
            and (not before.strip() or _FINAL_RE.search(before))
            and new_unit
        ):
            return None
    else:
        cut = _CUT_END_RE.search(right) is not None
        if not ((starts and (_ENDS_REF_RE.search(right) or not new_unit)) or (cut and not new_unit)):
            return None
        if _FINAL_RE.search(right) and not _ENDS_REF_RE.search(right):
            return None
    joined = _glue(right, left)
    if len(joined) > FIT * width or len(right.strip()) >= width:
        return None
    return i + 2, joined


def join_ltr_pieces(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step (pypdfium2 text whose pieces come left to right, see
    :class:`PieceOrderEvidence`): :func:`left_piece_before` and :func:`right_piece_after`
    on each line; the line made takes the number of the first piece."""
    if not is_pdfium(ctx):
        return lines
    texts = [line.text for line in lines]
    evidence = piece_order(texts)
    if not evidence.ltr:
        return lines
    ctx.facts["pdfium_pieces"] = evidence
    out = list(lines)
    i = 0
    while i < len(out):
        found = left_piece_before(texts, i, evidence.line_width) or right_piece_after(
            texts, i, evidence.line_width
        )
        if found is None:
            i += 1
            continue
        # The line made may be a piece of the same line again (a line cut in three): it is
        # looked at once more, from the line before it (which may be its left piece).
        end, joined = found
        line = out[i]
        ctx.record("pdfium_pieces", line.number, "\n".join(texts[i:end]), joined)
        out[i:end] = [Line(line.number, joined, line.page)]
        texts[i:end] = [joined]
        i = max(i - 1, 0)
    return out
