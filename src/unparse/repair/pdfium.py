"""What pypdfium2 (``get_text_range``) does to Arabic around its words, and its repair.

The producer is recognised once, by :func:`~.logical_extractors.mark_logical_order`
(``ctx.facts["pdfium_evidence"]``); every step here runs only on a text so recognised, so
the text of other extractors and clean text pass through untouched.

* Kashida glyphs (LibreOffice's justification) read as one character repeated inside a
  word, a digit or a capital letter: ``"اللجن3ة"``, ``"الع33ام"``, ``"عAام"``; the
  lam-kaf ligature of Amiri (fpdf2) read with a stray character: ``"اHلكوارث"``
  (:func:`strip_kashida_glyphs`, :func:`strip_stray_glyphs`).
* The slash of a month pair moved before the pair, into the kashida's place when the
  first month has one: ``"12 / كانون الأول ديسمبر"``, ``"31 تم666 / وز يولي666ه"``
  (:func:`join_month_pairs`).
* A number's punctuation before it: ``"ديسمبر ،2022 وبناء"``, and a range backwards:
  ``"للفترة ،2030-2015"`` (:func:`punctuation_after_numbers`).
* Footnotes (:func:`restore_footnote_lines`): a reference drawn as a superscript starts
  the next piece of its line (``")1( الأول/ديسمبر 2021"`` + ``"،"``); a footnote's marker
  alone on its line before its text; a footnote laid out from the left (it starts with a
  Latin word) is read as laid out, its runs in reverse order, its stop first and its marker
  last (``".14 الفقرة ،A/78/403"``, ``".A/RES/76/172 )1("``) (:func:`ltr_note_line`).
* A document symbol's runs in reverse order: ``").2Add/78/481/A"`` for
  ``"(A/78/481/Add.2"`` (:func:`unscramble_symbols`).
* A sub-item label drawn as ``") (أ"``, a mark apart from its letter (``"أولا ً"``), a
  heading's label on the line after its text (:func:`fix_labels_and_marks`,
  :func:`rejoin_headings`).
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..lines import Line
from . import wordlist
from .pipeline import Context, fix_each_line
from .visual import visual_to_logical_text

_LETTER = r"[\u0621-\u064a]\p{Mn}*"
# One digit or capital letter repeated, between two Arabic letters (no space): no word or
# number is written so.
_GLYPHS_RE = regex.compile(rf"(?<={_LETTER})([0-9A-Z])\1*(?=\p{{Mn}}*[\u0621-\u064a])")
# The same run at a word's end before a space that cut the word (``"ويق33 دم"``).
_CUT_RE = regex.compile(r"(?<!\S)([\u0621-\u064a]+)([0-9A-Z])\2* ([\u0621-\u064a]+)(?!\S)")
# A short run of what is not Arabic, not a space and not a word joiner (slash, hyphen,
# brackets, punctuation), inside an Arabic word: a glyph the extractor could not map.
_STRAY_RE = regex.compile(
    r"(?<!\p{Arabic})(\p{Arabic}+)((?:\d/\d|[^\s\p{Arabic}\p{P}\p{Nd}+<>=]){1,3})(\p{Arabic}+)(?!\p{Arabic})"
)
# A document needs this many kashida runs before any is removed: one may be a code.
MIN_RUNS = 5


def strip_kashida_glyphs(text: str) -> str:
    """Remove the runs read from kashida glyphs inside words.

    Real (pypdfium2 on LibreOffice, ga-dec-78-540 line 7; report-a-78-7-add-9 line 20):

    >>> strip_kashida_glyphs("على توصية اللجنة الخاصة للمسائل السياسية وإنه3اء الاس3تعمار اللجن3ة الرابعة")
    'على توصية اللجنة الخاصة للمسائل السياسية وإنهاء الاستعمار اللجنة الرابعة'
    >>> strip_kashida_glyphs("عAام 2023 على مسDتوى")
    'عام 2023 على مستوى'
    >>> strip_kashida_glyphs("A/78/267 و2023 CTOC/COP")
    'A/78/267 و2023 CTOC/COP'
    """
    return _GLYPHS_RE.sub("", text)


def _joined_cut(match: regex.Match[str]) -> str:
    head, tail = match.group(1), match.group(3)
    word = head + tail
    here = wordlist.zipf(word)
    if here > 0 and here >= wordlist.zipf(head) + 1.5:
        return word
    return match.group()


def join_cut_words(text: str) -> str:
    """A word cut by a space after its kashida run: joined where the whole is a known word
    and its first part is not, or is thirty times rarer.

    Real (pypdfium2 on LibreOffice, report-a-78-7-add-9-acabq-africa-hall line 24):

    >>> join_cut_words("2 - ويق33 دم تقرير الأمين العام")
    '2 - ويقدم تقرير الأمين العام'
    >>> join_cut_words("في عام3 2023")
    'في عام3 2023'
    """
    return _CUT_RE.sub(_joined_cut, text)


def _unstrayed(match: regex.Match[str]) -> str:
    word = match.group(1) + match.group(3)
    return word if wordlist.zipf(word) > 0 else match.group()


def strip_stray_glyphs(text: str) -> str:
    """Remove a stray glyph code inside a word where the word without it is a known word.

    Real (pypdfium2 on fpdf2's Amiri: sg-a-78-267 line 8, report-a-ac105-1307 line 40,
    note-ctoc-cop-wg6 line 20):

    >>> strip_stray_glyphs("الحد من مخاطر اHلكوارث")
    'الحد من مخاطر الكوارث'
    >>> strip_stray_glyphs("نشر ا÷لكوكبات ا÷لكبيرة")
    'نشر الكوكبات الكبيرة'
    >>> strip_stray_glyphs("عبر الأسواق الإ1/2لكترونية، كانون الأول/ديسمبر")
    'عبر الأسواق الإلكترونية، كانون الأول/ديسمبر'
    """
    return _STRAY_RE.sub(_unstrayed, text)


def is_pdfium(ctx: Context) -> bool:
    """The document was recognised as pypdfium2's text."""
    evidence = ctx.facts.get("pdfium_evidence")
    return isinstance(evidence, dict) and evidence.get("producer") == "pypdfium2"


def _glyph_fixer(runs: int) -> Callable[[str], str]:
    def fix(text: str) -> str:
        text = strip_stray_glyphs(join_month_pairs(text))
        if runs >= MIN_RUNS:
            text = strip_kashida_glyphs(join_cut_words(text))
        return text

    return fix


def remove_kashida_glyphs(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a pypdfium2 text, :func:`join_month_pairs` and
    :func:`strip_stray_glyphs` on every line, and where it holds at least
    :data:`MIN_RUNS` kashida runs (counted in ``ctx.facts["pdfium_kashida"]``)
    :func:`join_cut_words` and :func:`strip_kashida_glyphs`."""
    if not is_pdfium(ctx):
        return lines
    runs = sum(len(_GLYPHS_RE.findall(line.text)) for line in lines)
    if runs >= MIN_RUNS:
        ctx.facts["pdfium_kashida"] = runs
    return fix_each_line(lines, ctx, "pdfium_glyphs", _glyph_fixer(runs))


# --------------------------------------------------------------------------- months

_LEVANTINE = [
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
    "تشرين الأول", "تشرين الثاني", "كانون الأول",
]  # fmt: skip
_GREGORIAN = "يناير|فبراير|مارس|أبريل|مايو|يونيه|يونيو|يوليه|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر"
_LEV = "|".join(sorted(_LEVANTINE, key=len, reverse=True))
_KASHIDA = r"[0-9A-Z]*"
# "/ كانون الأول ديسمبر": the slash before the pair (and the hyphen of a range of dates
# that follows the pair, "/ - أيلول سبتمبر 13").
_SLASH_BEFORE_RE = regex.compile(rf"(?<!\S)/ (- )?({_LEV}) ({_GREGORIAN})(?!\S)")
# "تم666 / وز يوليه": the slash inside the first month, where its kashida was.
_SLASH_INSIDE_RE = regex.compile(
    rf"(?<!\S)([\u0621-\u064a]+){_KASHIDA} / ([\u0621-\u064a]+) ({_GREGORIAN})(?!\S)"
)


def _inside(match: regex.Match[str]) -> str:
    month = match.group(1) + match.group(2)
    return f"{month}/{match.group(3)}" if month in _LEVANTINE else match.group()


def join_month_pairs(text: str) -> str:
    """The slash of a month pair put back between its months.

    Real (pypdfium2 on LibreOffice: ga-dec-78-540 line 6, sg-a-78-267 line 19, hrc-res-54-12 line 10):

    >>> join_month_pairs("قرارها 77/121 المؤرخ 12 / كانون الأول ديسمبر 2022")
    'قرارها 77/121 المؤرخ 12 كانون الأول/ديسمبر 2022'
    >>> join_month_pairs("إلى 31 تم666 / وز يوليه 2023")
    'إلى 31 تموز/يوليه 2023'
    >>> join_month_pairs("١١ / - أيلول سبتمبر ١٣ / تشرين الأول أكتوبر ٢٠٢٣")
    '١١ أيلول/سبتمبر - ١٣ تشرين الأول/أكتوبر ٢٠٢٣'
    >>> join_month_pairs("الفقرة 3 / من القرار")
    'الفقرة 3 / من القرار'
    """
    if "/ " not in text:
        return text
    text = _SLASH_BEFORE_RE.sub(lambda m: f"{m[2]}/{m[3]}" + (" -" if m[1] else ""), text)
    return _SLASH_INSIDE_RE.sub(_inside, text)


# --------------------------------------------------------------------------- numbers

# A number (or range) with its clause punctuation before it, between spaces.
_PUNCT_NUMBER_RE = regex.compile(r"(?<!\S)([،؛.])(\d+(?:[-/]\d+)*)(?!\S)")
_YEARS_RE = regex.compile(r"(?<![\d/-])((?:19|20)\d\d)-((?:19|20)\d\d)(?![\d/-])")


def _range(match: regex.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    return f"{second}-{first}" if first > second else match.group()


def punctuation_after_numbers(text: str) -> str:
    """A number's punctuation put back after it, and a range of years put back in order
    (pypdfium2 lays a number out left to right with the comma or full stop after it on its
    left, then reads it from the right).

    Real (pypdfium2 on LibreOffice, ga-dec-78-540 line 6; sg-a-78-267 line 16):

    >>> punctuation_after_numbers("12 كانون الأول/ديسمبر ،2022 وبناء على")
    '12 كانون الأول/ديسمبر 2022، وبناء على'
    >>> punctuation_after_numbers("للحد من مخاطر الكوارث للفترة ،2030-2015 بما في ذلك")
    'للحد من مخاطر الكوارث للفترة 2015-2030، بما في ذلك'
    >>> punctuation_after_numbers("الفقرة 1,77 و 0,5 في المائة")
    'الفقرة 1,77 و 0,5 في المائة'
    """
    text = _PUNCT_NUMBER_RE.sub(r"\2\1", text)
    if "-" in text:
        text = _YEARS_RE.sub(_range, text)
    return text


def fix_number_punctuation(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: :func:`punctuation_after_numbers` on every line of a pypdfium2 text."""
    if not is_pdfium(ctx):
        return lines
    return fix_each_line(lines, ctx, "pdfium_number_punctuation", punctuation_after_numbers)


# --------------------------------------------------------------------------- footnotes

_MARKER = r"\)(?:\d{1,3}|[\u0660-\u0669]{1,3}|\*)\("
_MARKER_LINE_RE = regex.compile(rf"^\s*({_MARKER}|\*)\s*$")
_MOVED_REF_RE = regex.compile(rf"^({_MARKER}) +(\S.*)$")
_MARKER_START_RE = regex.compile(rf"^({_MARKER}|\*)(?:\s|$)")
_PUNCT_LINE_RE = regex.compile(r"^\s*[،؛.:]")
# A note whose first strong character is Latin: its closing full stop comes first; the
# marker at its end (Chromium, fpdf2).
_LTR_NOTE_RE = regex.compile(r"^\s*([.،,;؛:])(?=[A-Za-z0-9])(.*)$")
_NOTE_MARKER_RE = regex.compile(rf" ({_MARKER}|\*)$")
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
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        moved = _MOVED_REF_RE.match(line.text)
        if moved and _is_moved_reference(lines, i, moved, alone, last):
            if out and _PUNCT_LINE_RE.match(moved.group(2)):
                # ")5( ، الذي": the reference ends the line before, with its punctuation.
                punct, _, rest = moved.group(2).partition(" ")
                _to_previous(out, ctx, line, moved.group(1) + punct, rest.strip())
                i += 1
                continue
            fixed = moved.group(2).rstrip() + moved.group(1)
            if nxt is not None and _PUNCT_LINE_RE.match(nxt.text):
                fixed += nxt.text.strip()
                ctx.record("pdfium_footnote_ref", line.number, line.text + "\n" + nxt.text, fixed)
                i += 1
            else:
                ctx.record("pdfium_footnote_ref", line.number, line.text, fixed)
            out.append(Line(line.number, fixed, line.page))
            i += 1
            continue
        marker = line.text.strip()
        reference = i in alone and last.get(marker, -1) > i
        if reference and out and nxt is not None and _PUNCT_LINE_RE.match(nxt.text):
            # A reference alone on its line, the punctuation after it on the next.
            _to_previous(out, ctx, line, marker + nxt.text.strip(), "", nxt)
            i += 2
            continue
        if i in alone and nxt is not None and nxt.text.strip() and i + 1 not in alone:
            text = nxt.text.strip()
            body = ltr_note_line(text, note=True) or text
            fixed = f"{marker} {body}"
            ctx.record("pdfium_footnote", nxt.number, line.text + "\n" + nxt.text, fixed)
            out.append(Line(nxt.number, fixed, nxt.page))
            if last.get(marker) == i:
                notes.append(nxt.number)
            i += 2
            continue
        ltr = ltr_note_line(line.text)
        if ltr is not None and ltr != line.text:
            ctx.record("pdfium_footnote", line.number, line.text, ltr)
            ends = _NOTE_MARKER_RE.search(line.text.strip())
            if ends is not None and last.get(ends.group(1)) == i:
                notes.append(line.number)
            line = Line(line.number, ltr, line.page)
        out.append(line)
        i += 1
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
        end = _NOTE_MARKER_RE.search(text)
        if end is not None:
            last[end.group(1)] = i
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


# --------------------------------------------------------------------------- labels, marks

_SPLIT_LABEL_RE = regex.compile(r"^\) \((\p{Arabic}{1,3}) ")
_SPLIT_INNER_RE = regex.compile(r"(?<=\p{Nd} )\) \( (\p{Arabic})(?= )")
# A mark standing alone between spaces (it came away from its letter); tanween ends a word.
_TANWEEN_RE = regex.compile(r"(?<=[\u0621-\u064a]) ([\u064b-\u064d]\p{Mn}*)(?=\s|$)")
# (fpdf2's Amiri: a stray Latin letter with it, "َّn يقدم", "1 َّÐ - يقدم").
_LONE_MARK_RE = regex.compile(r"(?:(?<=\s)|^)\p{Mn}+\p{Latin}? ", regex.M)


def split_labels(text: str) -> str:
    """A sub-item label whose brackets came out together before its letter, put back as
    drawn (mirrored, for the brackets step).

    Real (pypdfium2 on LibreOffice, hrc-res-54-12 lines 31 and 12):

    >>> split_labels(") (أ الآثار السلبية لتغير المناخ")
    ')أ( الآثار السلبية لتغير المناخ'
    >>> split_labels("البند ٣ ) ( ب من جدول الأعمال")
    'البند ٣ )ب( من جدول الأعمال'
    >>> split_labels("في ) ( المائة")
    'في ) ( المائة'
    """
    if ") (" not in text:
        return text
    text = _SPLIT_LABEL_RE.sub(r")\1( ", text)
    return _SPLIT_INNER_RE.sub(r")\1(", text)


def reattach_marks(text: str) -> str:
    """A mark pypdfium2 put apart from its word: tanween back at the end of the word before
    it; any other (shadda, fatha: its letter is not known) removed.

    Real (pypdfium2 on LibreOffice, sg-a-78-245 lines 24 and 25):

    >>> reattach_marks("أولا ً - مقدمة")
    'أولاً - مقدمة'
    >>> reattach_marks("1 َّ - يقدم هذا التقرير")
    '1 - يقدم هذا التقرير'
    >>> reattach_marks("َّn يقدم هذا التقرير")
    'يقدم هذا التقرير'
    >>> reattach_marks("1 َّÐ - يقدم هذا التقرير")
    '1 - يقدم هذا التقرير'
    >>> reattach_marks("يقدَّم هذا التقرير")
    'يقدَّم هذا التقرير'

    Not :func:`~unparse.repair.marks.attach_detached_marks`, which runs later on every text:
    there a mark after a space belongs to the word before it (``"أولا ً"``, HarfBuzz's gap);
    pypdfium2 puts a word's shadda or damma before the next word, so its letter is not known
    (``"الذي ُ يحتفل"`` is ``يُحتفل``'s damma: attached it would give ``"الذيُ"``), and it
    leaves a stray Latin glyph code after the mark (``"َّÐ "``), which the general fixer keeps.
    On the dev benchmark texts read as pypdfium2's, the two disagree on 116 of 6790 lines.
    """
    text = _TANWEEN_RE.sub(r"\1", text)
    return _LONE_MARK_RE.sub("", text)


def fix_labels_and_marks(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: :func:`split_labels` and :func:`reattach_marks` on every line of a
    pypdfium2 text."""
    if not is_pdfium(ctx):
        return lines
    return fix_each_line(lines, ctx, "pdfium_labels_marks", lambda t: reattach_marks(split_labels(t)))


_ORDINALS = "أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا"
_LETTERS = "ألف|باء|جيم|دال|هاء|واو|زاي|حاء|طاء|ياء"
_HEADING_TEXT_RE = regex.compile(r"^ ?(\p{Mn}*) ?- (\S.*)$")
_MARKS_LINE_RE = regex.compile(r"^\s*(\p{Mn}+)\s*$")
_HEADING_LABEL_RE = regex.compile(rf"^\s*((?:{_ORDINALS}|{_LETTERS})\p{{Mn}}*)\s*$")


def rejoin_headings(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step (pypdfium2 text): a section heading whose label came out on a line of
    its own after its text, its tanween sometimes on a third line or before the dash, goes
    back on one line.

    Real (pypdfium2 on fpdf2, report-a-79-190-right-to-food): ``" - الإطار القانوني"``,
    ``"ً"``, ``"ثالثا"`` → ``"ثالثاً - الإطار القانوني"``; ``"ً - أهمية مصايد الأسماك"``,
    ``"ثانيا"`` → ``"ثانياً - أهمية مصايد الأسماك"``.
    """
    if not is_pdfium(ctx):
        return lines
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        heading = _HEADING_TEXT_RE.match(line.text)
        if heading is not None and i + 1 < len(lines):
            marks, j = heading.group(1), i + 1
            extra = _MARKS_LINE_RE.match(lines[j].text)
            if extra is not None and not marks and j + 1 < len(lines):
                marks, j = extra.group(1), j + 1
            label = _HEADING_LABEL_RE.match(lines[j].text)
            if label is not None:
                fixed = f"{label.group(1)}{marks} - {heading.group(2).strip()}"
                before = "\n".join(x.text for x in lines[i : j + 1])
                ctx.record("pdfium_heading", line.number, before, fixed)
                out.append(Line(line.number, fixed, line.page))
                i = j + 1
                continue
        out.append(line)
        i += 1
    return out


# --------------------------------------------------------------------------- symbols

# A run of what a symbol is made of, holding a slash, between other characters; with the
# brackets around it, when there are.
_SYMBOL_TOKEN_RE = regex.compile(
    r"(?<![A-Za-z0-9./\-)])(\)?)([A-Za-z0-9./\-]*/[A-Za-z0-9./\-]*)(?![A-Za-z0-9./\-])(\)?)"
)
# A UN document symbol, parts in either case ("A/78/481/Add.2").
_SYMBOL_RE = regex.compile(r"[A-Z]{1,8}(?:/[A-Za-z0-9.\-]*[A-Za-z0-9]){1,7}")
_LETTER_RUNS_RE = regex.compile(r"[A-Za-z]+|[^A-Za-z]+")


def _unscrambled(match: regex.Match[str]) -> str:
    before, token, after = match.groups()
    core = token.rstrip(".-/")
    if _SYMBOL_RE.fullmatch(core) or not any(c.isdigit() for c in core):
        return match.group()
    fixed = "".join(reversed(_LETTER_RUNS_RE.findall(core)))
    if not _SYMBOL_RE.fullmatch(fixed):
        return match.group()
    if before and after:
        # ")/78/339A)": the opening bracket drawn mirrored, the closing one not.
        before = "("
    return before + fixed + token[len(core) :] + after


def unscramble_symbols(text: str) -> str:
    """A document symbol whose runs of letters and of the rest came out in reverse order,
    put back: pypdfium2 lays the symbol out left to right and reads its runs from the
    right. Reversing the runs again is the repair, kept only where it gives a symbol and
    the token was none.

    Real (pypdfium2 on LibreOffice: ga-res-example line 8, report-a-78-7-add-9 line 17,
    hrc-res-53-18 line 63):

    >>> unscramble_symbols("]بناء على تقرير اللجنة الثالثة ).2Add/78/481/A، الفقرة 45([")
    ']بناء على تقرير اللجنة الثالثة )A/78/481/Add.2، الفقرة 45(['
    >>> unscramble_symbols("في أفريقيا )/78/339A).")
    'في أفريقيا (A/78/339).'
    >>> unscramble_symbols("الوثيقة /55/35HRC/A.")
    'الوثيقة A/HRC/55/35.'
    >>> unscramble_symbols("القرار 76/172 و A/RES/76/172 و 2022/2023")
    'القرار 76/172 و A/RES/76/172 و 2022/2023'
    """
    if "/" not in text:
        return text
    return _SYMBOL_TOKEN_RE.sub(_unscrambled, text)


def fix_scrambled_symbols(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: :func:`unscramble_symbols` on every line of a pypdfium2 text."""
    if not is_pdfium(ctx):
        return lines
    return fix_each_line(lines, ctx, "pdfium_symbols", unscramble_symbols)
