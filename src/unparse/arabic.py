"""What the PDF reader and the repair stage know alike about the characters of Arabic text:
the presentation forms and their fold, the brackets a right-to-left line mirrors, the digits
of a year. One home each, so that a PDF and its extracted text give the same answer.
"""

from __future__ import annotations

import unicodedata

import regex

# The Arabic letters, hamza to yeh (U+0621-U+064A, the tatweel U+0640 among them), as a
# character class's inside: rf"[{ARABIC_LETTERS}]".
ARABIC_LETTERS = "\u0621-\u064a"
# The Arabic presentation forms: Presentation Forms-A (U+FB50-U+FDFF) and -B (U+FE70-U+FEFF).
PRESENTATION_CLASS = "\ufb50-\ufdff\ufe70-\ufeff"
_PRESENTATION_RE = regex.compile(f"[{PRESENTATION_CLASS}]+")


def fold_presentation_forms(text: str) -> str:
    """Arabic presentation forms to the letters they stand for: their Unicode compatibility
    decomposition (NFKC), the ligatures too.

    Real examples (text copied from PDFs with shaped glyphs): the letters of ``"ﺍﻟﺠﻤﻌﻴﺔ"``,
    the lam-alef ligature ``"ﻻ"``, and the ligature of the name of God that fonts draw for
    ``"الله"``; the sign ``"ﷺ"`` is the phrase it abbreviates, as NFKC says (one answer for
    the PDF reader and the text repair, which had disagreed on it).

    >>> fold_presentation_forms("ﺍﻟﺠﻤﻌﻴﺔ ﻻ")
    'الجمعية لا'
    >>> fold_presentation_forms("ﷲ"), fold_presentation_forms("ﷺ")
    ('الله', 'صلى الله عليه وسلم')
    """
    if not _PRESENTATION_RE.search(text):
        return text
    return _PRESENTATION_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


# Each bracket and the one a right-to-left run shows in its place (Unicode's
# Bidi_Mirroring_Glyph for the brackets UN documents print).
MIRROR = {"(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "«": "»", "»": "«", "<": ">", ">": "<"}


def is_year(digits: str) -> bool:
    """Whether a group of four digits (Western or Eastern) reads as a year of the documents:
    1900 to 2099.

    >>> is_year("2023"), is_year("٢٠٢٣"), is_year("3202"), is_year("202")
    (True, True, False, False)
    """
    return len(digits) == 4 and digits.isdecimal() and 1900 <= int(digits) <= 2099
