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
* Footnotes and the references it moved: :mod:`.pdfium_notes`.
* A document symbol's runs in reverse order: ``").2Add/78/481/A"`` for
  ``"(A/78/481/Add.2"`` (:func:`unscramble_symbols`).
* A sub-item label drawn as ``") (أ"``, a mark apart from its letter (``"أولا ً"``), a
  heading's label on the line after its text (:func:`fix_labels_and_marks`,
  :func:`rejoin_headings`).
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..lines import Line, merge_lines
from . import wordlist
from .pipeline import Context, fix_each_line

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

    def step(lines: list[Line], i: int, out: list[Line]) -> int | None:
        line = lines[i]
        heading = _HEADING_TEXT_RE.match(line.text)
        if heading is None or i + 1 == len(lines):
            return None
        marks, j = heading.group(1), i + 1
        extra = _MARKS_LINE_RE.match(lines[j].text)
        if extra is not None and not marks and j + 1 < len(lines):
            marks, j = extra.group(1), j + 1
        label = _HEADING_LABEL_RE.match(lines[j].text)
        if label is None:
            return None
        fixed = f"{label.group(1)}{marks} - {heading.group(2).strip()}"
        before = "\n".join(x.text for x in lines[i : j + 1])
        ctx.record("pdfium_heading", line.number, before, fixed)
        out.append(Line(line.number, fixed, line.page))
        return j + 1 - i

    return merge_lines(lines, step)


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
