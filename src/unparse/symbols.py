"""The shape of a UN document symbol (``A/RES/76/186``, ``E/CN.7/2024/L.5``), shared by the
PDF reader (running headers), the repair (page furniture) and the segmenter (the header);
and the shapes of the other furniture UN pages print, the job number, the barcode and the
page number, shared by the PDF reader and the repair; and the shape of a paragraph's number,
shared by the repair (the notes step) and the segmenter; and the openings of a line that the
line-order fixer reports when its reading leaves them inside a line (a paragraph number, a
preambular lead, a note's marker at the end), which the segmenter reads on those lines.

Two forms: :data:`SYMBOL` ends each part on a letter or digit (a symbol inside running text,
where a trailing ``.`` or ``-`` is punctuation); :data:`SYMBOL_LOOSE` allows any part of
letters, digits, ``.`` and ``-`` (a line that is the symbol alone).

>>> import regex
>>> bool(regex.fullmatch(SYMBOL, "A/RES/76/186")), bool(regex.fullmatch(SYMBOL, "A/78/320."))
(True, False)
>>> bool(regex.fullmatch(SYMBOL_LOOSE, "A/78/320."))
True
>>> bool(regex.fullmatch(SYMBOL, "A/78/7/Add.9")), bool(regex.fullmatch(SYMBOL, "A/78/7/Addendum"))
(True, False)
>>> [bool(regex.match(PARAGRAPH_NUMBER, x)) for x in ("5- وتظهر", "- 16 - إن", "5-2 من", "2.5 في")]
[True, True, False, False]
"""

from __future__ import annotations

# A part may also be an addendum, corrigendum or revision: "Add.9", "Corr.1", "Rev.2".
_SUFFIX = r"[A-Z][a-z]{2,4}\.\d{1,3}"
SYMBOL = rf"[A-Z]{{1,8}}(?:/(?:{_SUFFIX}|[A-Z0-9.\-]*[A-Z0-9])){{1,6}}"
SYMBOL_LOOSE = rf"[A-Z]{{1,8}}(?:/(?:{_SUFFIX}|[A-Z0-9.\-]+)){{1,6}}"

# The job number printed at the foot of UN pages: "09-40424 (A)", "V.12-54698", "GE.21-12345".
JOB_NUMBER = r"(?:[A-Z]{1,2}\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?"
# The barcode printed beside it: "*0940424*".
BARCODE = r"\*\d{6,}\*"
# A page number, bare or between dashes: "4", "- 4 -", "–١٢". The reader matches it on a
# stripped line (``^PAGE_NUMBER$``), the repair on a raw one (``^\s*PAGE_NUMBER\s*$``); the
# two accept the same lines once stripped. Each space belongs to exactly one quantifier
# ("\s*[-–]?\s*" would let two \s* share a run of spaces in every way: quadratic).
PAGE_NUMBER = r"(?:[-–]\s*)?\p{Nd}{1,4}(?:\s*[-–])?"
# A numbered paragraph's number at a line's start (after ``^``, or ``^\s*`` on a raw line):
# "1 - text", "1- text", "- 16 - text", "1. text", a number and its dash alone ("7 -"); not
# "5-2 من" (a target number) nor "2.5" (the dot of a paragraph number has a space after it).
# The number is the group ``n``.
PARAGRAPH_NUMBER = r"[-–]?\s*(?P<n>\p{Nd}{1,3})\s*(?:[-–](?:\s+|$)|\.\s+)"

# A paragraph number stranded inside a line: "- 13", "13-", "13 -" between spaces; the number
# is the group ``n``.
MISPLACED_NUMBER = r"(?:^|\s)(?|[-–]\s*(?P<n>\p{Nd}{1,3})|(?P<n>\p{Nd}{1,3})\s*[-–])(?=\s|$|\p{Arabic})"
# A preambular paragraph's lead ("إذ", "وإذ") anywhere in a line.
LEAD_INSIDE = r"(?:^|\s)و?إذ\s"
# A footnote's marker left at the end of its line ("... نص (3)"): the text is ``rest``, the
# marker ``m``.
NOTE_MARKER_AT_END = r"^(?P<rest>.+?)\s*\((?P<m>\p{Nd}{1,3}|\*)\)$"
