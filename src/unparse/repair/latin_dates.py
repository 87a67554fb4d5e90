"""A Latin date line whose day was moved to its end by a right-to-left reading.

The masthead of a UN document prints its issue date in English, ``27 February 2024``. Set
in a right-to-left paragraph, the bidi display rules put the day, a number before any
strong letter, at the right end of the line: ``February 2024 27`` is what the page shows
from left to right, and what every extractor of the benchmark (pdfminer, pdfplumber,
pdftotext, pypdfium2, PyMuPDF; ``libreoffice/pypdfium2/report-a-ac105-1307-stsc``) and the
PDF reader give. Read from glyphs alone the two orders are the same picture; the words say
which one was written: ``Month YYYY D`` is no way of writing a date, ``D Month YYYY`` is
the masthead's. Only a whole line of that shape is read again, never a date inside a
sentence.
"""

from __future__ import annotations

import regex

from ..lexicon import ENGLISH_MONTHS

_MOVED_DAY_RE = regex.compile(
    r"^(?P<pad>[ \t]*)(?P<month>[A-Z][a-z]{2,8})(?P<s1>[ \t]+)(?P<year>\d{4})(?P<s2>[ \t]+)"
    r"(?P<day>\d{1,2})(?P<end>[ \t\r]*)$",
    regex.MULTILINE,
)


def _restore(m: regex.Match[str]) -> str:
    if m["month"] not in ENGLISH_MONTHS or not 1 <= int(m["day"]) <= 31:
        return m.group()
    return f"{m['pad']}{m['day']}{m['s1']}{m['month']}{m['s2']}{m['year']}{m['end']}"


def restore_latin_date_order(text: str) -> str:
    """Put the day of a ``Month YYYY D`` date line back before its month.

    >>> restore_latin_date_order("February 2024 27")
    '27 February 2024'
    >>> restore_latin_date_order("Distr.: General\\nJuly 2023 28\\nArabic")
    'Distr.: General\\n28 July 2023\\nArabic'

    A date that is already in order, a month that is not one, a day past 31, or the shape
    inside a longer line stay as they are:

    >>> restore_latin_date_order("27 February 2024")
    '27 February 2024'
    >>> restore_latin_date_order("Treaty 2024 27"), restore_latin_date_order("July 2023 45")
    ('Treaty 2024 27', 'July 2023 45')
    >>> restore_latin_date_order("vol. July 2023 28")
    'vol. July 2023 28'
    """
    # The shape starts a line with a capital: most texts' lines start otherwise, and this
    # test costs half the pattern's search.
    if not any("A" <= line.lstrip(" \t")[:1] <= "Z" for line in text.split("\n")):
        return text
    return _MOVED_DAY_RE.sub(_restore, text)
