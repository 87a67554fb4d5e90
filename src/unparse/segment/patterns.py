"""The markers that open the parts of a document, as they look after repair.

The PDF reader (``read/layout/records.py``) and some fixers (``repair/notes.py``,
``repair/lifted.py``) keep markers of their own that look like these: they read a line
before it is repaired or as a stage sees it (a paragraph number still at a visual
line's end, a label with spaces inside its brackets, a PDF paragraph that a document
symbol opens), and a stage imports no later one. A shape that is the same at every
stage has one home, :mod:`unparse.symbols` (the document symbol, the page number, a
paragraph's number).
"""

from __future__ import annotations

import regex

from ..lexicon import (
    GREGORIAN_PATTERN,
    LEGAL_ORDINAL_PATTERN,
    LEGAL_UNITS,
    SECTION_LETTERS,
    SECTION_ORDINALS,
    SUB_ITEM_LETTERS,
)
from ..lexicon import PREAMBLE_LEAD_RE as PREAMBLE_LEAD_RE  # shared with the PDF reader
from ..symbols import (
    LEAD_INSIDE,
    MISPLACED_NUMBER,
    NOTE_MARKER_AT_END,
    PARAGRAPH_NUMBER,
    SYMBOL,
    SYMBOL_LOOSE,
)

# "1 - text", "1- text", "- 16 - text", "1. text"; not "5-2 من" (a target number).
NUMBERED_RE = regex.compile(rf"^{PARAGRAPH_NUMBER}(?P<rest>.*)$")

# A paragraph number stranded inside a line: "- 13", "13-", "13 -" between spaces.
MISPLACED_NUMBER_RE = regex.compile(MISPLACED_NUMBER)

_LETTERS = "|".join(regex.escape(x) for x in sorted(SUB_ITEM_LETTERS, key=len, reverse=True))
# "(أ)", "(iii)", "(1)", and the quoted numbers of a second level: "'1'", "‘2’".
SUB_ITEM_RE = regex.compile(
    rf"^(?|\((?P<label>{_LETTERS}|[ivx]{{1,4}}|\p{{Nd}}{{1,2}})\)"
    r"|['‘’′](?P<label>\p{Nd}{1,2}|[ivx]{1,4})['‘’′])\s*(?P<rest>.*)$"
)

FOOTNOTE_RE = regex.compile(r"^\((?P<m>\p{Nd}{1,3}|\*)\)\s*(?P<rest>.*)$")
FOOTNOTE_TRAILING_RE = regex.compile(NOTE_MARKER_AT_END)
FOOTNOTE_BARE_RE = regex.compile(r"^(?P<m>\p{Nd}{1,3}|\*)\s+(?P<rest>[^-–\s].*)$")

# An inline footnote reference: "(12)" glued to the word before it, or between spaces
# and followed by punctuation or a space; "(*)" likewise.
INLINE_REF_RE = regex.compile(r"\((?P<m>\p{Nd}{1,3}|\*)\)")
TRAILING_REFS_RE = regex.compile(r"(?:\s*\((?:\p{Nd}{1,3}|\*)\))+$")

# An ordinal's tanween written after its alef ("ثانياً") or before it ("ثانيًا", the order
# Unicode's fonts prefer: pypdfium2 gives it so from Chromium's Noto Naskh), or left out;
# the ordinals without an alef ("حادي عشر") as they are.
_ORD = "|".join(
    regex.escape(x.removesuffix("اً")) + "(?:اً?|ًا)" if x.endswith("اً") else regex.escape(x)
    for x in SECTION_ORDINALS
)
_LET = "|".join(regex.escape(x) for x in SECTION_LETTERS)
HEADING_RE = regex.compile(
    rf"^(?|(?P<label>{_ORD}|{_LET})\s*[-–]\s*(?P<title>\S.*)|[-–]\s*(?P<label>{_ORD}|{_LET})\s+(?P<title>\S.*))$"
)
# The same heading with its label left at the end of the line by a visual extraction.
# Searched for, not matched: the title is what precedes it (a lazy ".*?" title before a
# dash would be tried at every dash of a long line).
HEADING_LABEL_AT_END_RE = regex.compile(rf"[-–]\s*+(?P<label>{_ORD}|{_LET})$")
ORDINAL_LABEL_RE = regex.compile(rf"^(?:{_ORD})$")

# The formula that opens a preamble: "إن الجمعية العامة،", "إن مؤتمر الأطراف في ...،".
FORMULA_RE = regex.compile(r"^(?P<formula>إن\s+(?P<body>[^،,]{3,200}?))\s*[،,]\s*$")

LEAD_INSIDE_RE = regex.compile(LEAD_INSIDE)
ADVERBS = ("أيضا", "أيضاً", "كذلك", "مجددا", "مجدداً", "علما", "علماً", "أيضًا", "علمًا")
ADVERB_PHRASES = ("من جديد", "مع التقدير", "مع الارتياح", "مع القلق")

TERMINATORS = ("،", "؛", ".", ":", ",", ";", "!", "؟")

CLOSING_RE = regex.compile(r"^(?:ال)?جلسة\s+(?:العامة\s+)?\p{Nd}+")
# "الدورة الخمسون"; ECOSOC's sessions are named by year: "دورة عام 2019".
SESSION_LINE_RE = regex.compile(r"^(?:الدورة\s+\S+|دورة\s+عام\s+\p{Nd}{4})")
AGENDA_RE = regex.compile(
    r"البند\s+(?P<item>\p{Nd}+(?:\s*\([\p{Arabic}\p{Latin}]{1,2}\))?)\s*\*?\s+من\s+(?:ال)?(?:قائمة|جدول)"
)
# "قرار اتخذته الجمعية العامة في ..."; the Security Council's "الذي اتخذه مجلس الأمن في
# جلسته 8514 ..." follows its number line and names no kind.
ADOPTED_RE = regex.compile(
    r"^(?:(?P<what>قرار|مقرر|مقرّر)\s+|(?:الذي|التي)\s+)?"
    r"(?:اتخذته|اتخذه|اتخذها|اعتمدته|اعتمده|اعتمدها)\s+(?P<body>.+?)\s+في\s"
)
# "[بناء على تقرير اللجنة الثالثة (A/76/463)]", "[دون الإحالة إلى لجنة رئيسية (A/75/L.86)]".
COMMITTEE_RE = regex.compile(r"^\[.*(?:تقرير|توصية|لجنة).*\]$")
# The number line of a Security Council resolution or of a decision printed on its own:
# "القرار 2467 (2019)", "المقرر 75/540", with or without its title after a dash.
NUMBER_LINE_RE = regex.compile(
    r"^(?P<what>القرار|المقرر|المقرّر)\s+(?P<num>\p{Nd}{1,4}(?:/\p{Nd}{1,4})?(?:\s*\(\p{Nd}{4}\))?)"
    r"(?:\s*[-–]\s*(?P<title>\S.*))?$"
)
# The masthead of the first page: "الأمم المتحدة", "Distr.: General", "Arabic",
# "Original: English"; dates and symbols are read apart.
MASTHEAD_RE = regex.compile(
    r"^(?:الأمم المتحدة|Distr\.?:?\s*[A-Za-z]+|General|Limited|Arabic|Original:\s*[A-Za-z/ ]{1,40})$"
)
ENGLISH_DATE_RE = regex.compile(r"^(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]{2,8})\s+(?P<year>\d{4})$")
# A symbol printed in the masthead with the year of a Council resolution: "S/RES/2467 (2019)".
SYMBOL_LINE_RE = regex.compile(rf"^(?P<symbol>{SYMBOL_LOOSE}(?:\s\(\d{{4}}\))?)$")
RES_TITLE_RE = regex.compile(r"^(?P<num>\p{Nd}{1,4}/\p{Nd}{1,4})\s*[-–]\s*(?P<title>\S.*)$")
# An entry labelled by a document's symbol, as lists of documents print them: "CRPD/CSP/2023/1 -
# جدول الأعمال المؤقت"; or the symbol alone, its dash opening the next line (pdftotext -raw
# gives the symbol's run a line of its own).
SYMBOL_ENTRY_RE = regex.compile(rf"^(?P<symbol>{SYMBOL})(?:\s*[-–]\s+\S|$)")
ENTRY_DASH_RE = regex.compile(r"^[-–]\s+\p{Arabic}")
# A line that names the document a report, a note or a working paper: short, it follows
# the title ("تقرير الأمين العام", "مذكرة من الأمانة", "ورقة عمل أعدتها الأمانة"); long, it is
# the title ("تقرير مؤتمر الدول الأطراف ...", "التقرير المرحلي عن ...").
REPORT_LINE_RE = regex.compile(r"^(?:ال)?(?:تقرير|مذكرة|ورقة\s+عمل)\b")
# The heading of a report's summary, with its article or not ("الموجز"), and the reference
# of a note on it ("موجز*", "موجز(1)").
SUMMARY_RE = regex.compile(r"^(?:ال)?(?:ملخص|موجز|خلاصة)(?:\s?\*{1,3}|\s?\(\p{Nd}{1,2}\))?$")

# A contents list: its title, the "page" column head, and entries ending with a page number.
CONTENTS_RE = regex.compile(r"^(?:المحتويات|المحتوى|الفهرس)(?:\s*\(تابع\))?$")
PAGE_COLUMN_RE = regex.compile(r"^(?:الصفحة|الصفحات)$")
TOC_PAGE_RE = regex.compile(r"\s\p{Nd}{1,4}$")
# An annex heading: "المرفق", "المرفق الثاني", "المرفقات", with its title after a dash or not.
ANNEX_RE = regex.compile(
    r"^(?P<label>(?:ال)?مرفق(?:ات)?(?:\s+(?:ال\p{Arabic}+|\p{Nd}{1,2}|[IVX]{1,5}))?)"
    r"(?:\s*[-–]\s*(?P<title>\S.*))?$"
)
# The note of an asterisk cited in the header (on the agenda item): "* A/77/50.".
STAR_NOTE_RE = regex.compile(r"^\*\s*(?P<rest>[^\s*].*)$")

# -- Arabic legislation ----------------------------------------------------------------------
# An article: "مادة (2):", "مادة 1 -", "المادة 5", "(المادة الأولى)", "المادة الحادية عشرة:".
# Its number is in brackets, in digits or in words; the marker is alone on its line, in
# brackets, or followed by a colon or a dash (so "المادة 5 من هذا القانون" is text).
ARTICLE_RE = regex.compile(
    r"^(?P<open>\(\s*)?(?P<lead>(?:ال)?مادة)\s*"
    rf"(?|\(\s*(?P<n>\p{{Nd}}{{1,4}})\s*\)|(?P<n>\p{{Nd}}{{1,4}})|(?P<ord>{LEGAL_ORDINAL_PATTERN}))"
    r"\s*(?P<close>\))?\s*(?P<sep>[:\-–.])?\s*(?P<rest>.*)$"
)
# A chapter or part: "الباب الأول", "(الباب الثانى)", "الفصل 3 - أحكام عامة", "الكتاب الأول: ...".
CHAPTER_RE = regex.compile(
    rf"^\(?\s*(?P<label>(?:ال)?(?P<unit>{'|'.join(LEGAL_UNITS)})\s+(?:{LEGAL_ORDINAL_PATTERN}|\p{{Nd}}{{1,3}}))"
    r"\s*\)?\s*(?:[:\-–]\s*(?P<title>\S.*))?$"
)
# An article or chapter marker left at the end of the line before it by an extraction that
# joined them: "... من هذا القانون. مادة ( 7 ):", "... الجوهرية. (الباب الثالث)", "... . المادة 4".
LEGAL_MARKER_AT_END_RE = regex.compile(
    r"(?<=[.:؛])\s++(?P<marker>\(\s*(?:ال)?(?:مادة|باب|فصل|كتاب|قسم|فرع)\s[^()]{1,30}\)\s*:?"
    r"|(?:ال)?مادة\s*(?:\(\s*\p{Nd}{1,4}\s*\)|\p{Nd}{1,4})\s*:?)$"
)
# The title of a law, a decree-law or a decree: "قانون رقم 8 لسنة 2022", "قرار رئيس مجلس
# الوزراء رقم 15 لسنة 2024", "مرسوم بقانون رقم (3) لسنة 2020".
LAW_TITLE_RE = regex.compile(
    r"^(?P<what>قانون|مرسوم\s+بقانون|قرار\s+بقانون|أمر|مرسوم|قرار|لائحة|نظام)\s"
    r"(?:[^\n]{0,80}?\s)?رقم\s*\(?\s*\p{Nd}{1,5}\s*\)?\s+(?:لسنة|لعام)\s+\p{Nd}{4}"
)
# What a law's title goes on with: "بشأن ...", "بإصدار ...", "في شأن ...".
LAW_SUBJECT_RE = regex.compile(r"^(?:بشأن|بشان|في\s+شأن|فى\s+شأن|بإصدار|بتعديل|بتنظيم|بإنشاء)\s")
# The heading of a law attached to the law that issues it: "قانون المنشآت ...", "اللائحة التنفيذية ...".
ATTACHED_LAW_RE = regex.compile(r"^(?:ال)?(?:قانون|نظام|لائحة)\s+\S")
# The enacting formula that ends a law's or decree's preamble: "قرر:", "أصدرنا القانون الآتي نصه".
ENACTING_RE = regex.compile(
    r"^(?:قرر|يقرر|قررنا|أصدرنا|أصدر|نصدر|رسم|رسمنا|أمر|أمرنا)(?:\s+[^:؛]{0,120})?\s*[:؛.]?\s*$"
)
# The signing of a law: "صدر برئاسة الجمهورية في ...", "صدر في ...", "حرر في ...".
LAW_CLOSING_RE = regex.compile(r"^(?:صدر|حرر)\s+(?:ب|في\s|فى\s)")
# The printer's imprint at the foot of an official gazette: "طبعت بالهيئة العامة ...".
IMPRINT_RE = regex.compile(r"^طبع(?:ت)?\s+(?:ب|في\s|فى\s)")
# A date as laws print it: "6 مارس سنة 2022", "6 مارس 2022م".
LEGAL_DATE_RE = regex.compile(
    rf"(?P<day>\p{{Nd}}{{1,2}})\s+(?P<gre>{GREGORIAN_PATTERN}|يونيو|يوليو|إبريل|ابريل|اكتوبر)\s+(?:سنة\s+)?(?P<year>\p{{Nd}}{{4}})"
)
