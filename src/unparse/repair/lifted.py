"""Punctuation that pdfplumber lifted off its line (Chromium PDFs).

pdfplumber's ``extract_text`` groups characters into lines by their top edge. In Chromium
PDFs set in Amiri the dashes, slashes and brackets sit higher than the letters, so they
come out as a line of their own, in left-to-right order, just above the visual line they
belong to. The real paragraph ``1 - طلبت الجمعية العامة ...`` (benchmark
``chromium/pdfplumber/sg-a-79-168-crime-programme``, visual order)::

    / -
    ... ،٧٨ ٢٢٩ ﺎﻫراﺮﻗ ﻲﻓ ،ﺔﻣﺎﻌﻟا ﺔﻴﻌﻤﺠﻟا ﺖﺒﻠﻃ ١

The right end of a visual line is the start of the text: a paragraph number there takes
the lifted line's rightmost dash (``ﺖﺒﻠﻃ - ١``), a sub-item letter its rightmost bracket
pair (``"()"`` above ``"... أ"`` gives ``"... (أ)"``), a footnote's number too (``"(1)"``).
In Noto Naskh a reference's brackets are lifted, its digits with them (``"( ١ )"``) or on a
line of their own after them; the line it belongs to kept the space it left before the
punctuation after it, and where there is one such space the reference goes back there
(:func:`place_reference`). The other lifted glyphs stay where they were (their places
inside the line are not known): nothing is lost.
"""

from __future__ import annotations

import unicodedata

import regex

from ..lexicon import SECTION_LETTERS, SECTION_ORDINALS
from ..lines import Line
from .pipeline import Context
from .visual import visual_votes

# These patterns read visual-order lines (a number at the line's right end), so they are
# not segment/patterns.py's, which read repaired lines in logical order.
# A line of lifted glyphs only: dashes, slashes, brackets, stars, marks (a tanween, the
# damma over a paragraph's first word: "ُ -"), a reference's digits inside its brackets.
# Possessive groups, each ending on a lifted glyph, and a start that no such character
# precedes: linear on any line (the plain [set]*[glyph][set]* was quadratic in search).
_LIFTED_RE = regex.compile(
    r"(?<![\s/\-–()\[\]*\u064b-\u0652])(?:[\s*\u064b-\u0652]*+(?:[/\-–)\[\]]|\((?:\s*+\p{Nd}{1,3})?))++"
    r"[\s/\-–()\[\]*\u064b-\u0652]*+"
)
# A reference whose brackets were lifted and whose digits were not: the brackets alone on
# a line, then the digits alone on the next, then the line they belong to.
# (Fullmatched; a start no space precedes keeps a search linear.)
_PAIR_LINE_RE = regex.compile(r"(?<!\s)\s*+\(\s*+\)\s*+")
_DIGITS_LINE_RE = regex.compile(r"(?<!\s)\s*+\p{Nd}{1,3}\s*+")
# A lifted reference, its digits inside its brackets: "( ١ )".
_REF_RE = regex.compile(r"\(\s*(\p{Nd}{1,3})\s*\)")
# Where a lifted reference stood in a visual line: the space it left between a word and
# the punctuation after it (on the word's left, in visual order): ". ﺔﻤﺴﻧ" for "نسمة(2).".
_REF_GAP_RE = regex.compile(r"(?:^|(?<=\s))([.،؛:,])\s++(?=[«»\"]?[\u0621-\u064a\ufb50-\ufdff\ufe70-\ufefc])")
_ARABIC_RE = regex.compile(r"[\u0621-\u064a\ufb50-\ufdff\ufe70-\ufefc]")
# The right end of a visual line: a paragraph number, or a sub-item's letter.
_NUMBER_END_RE = regex.compile(r"(?<=\S)\s+(\p{Nd}{1,3})\s*$")
_LETTER_END_RE = regex.compile(r"(?<=\S)\s+([\u0621-\u064a\ufe70-\ufefc])\s*$")
_DASH_END_RE = regex.compile(r"(?<!\s)\s*+[-–]\s*+$")
_PAIR_END_RE = regex.compile(r"\s*\(\s*\)\s*$")
# A section heading's label at the right end of a visual line (its last word), logical and
# folded: the ordinals without their tanween ("ثانيا"), with it, and the letter names.
_ORDINALS = frozenset(x.removesuffix("اً") + "ا" for x in SECTION_ORDINALS if x.endswith("اً"))
_SECTION_LABELS = _ORDINALS | frozenset(SECTION_ORDINALS) | frozenset(SECTION_LETTERS)
_LAST_WORD_RE = regex.compile(r"(?<=\S)\s+(\S+)\s*$")
_TANWEEN = "\u064b"
# Documents need this many lifted lines before one is touched.
MIN_LIFTED = 3


def restore_lifted(lifted: str, line: str) -> tuple[str, str]:
    """Move the lifted line's rightmost dash or bracket pair to the line's right end when
    that end is a paragraph number, a sub-item letter or a footnote's number; then a lifted
    reference into the one place of the line it can have stood (:func:`place_reference`);
    (lifted left, line).

    >>> restore_lifted("/ -", "ﻰﻟإ ،٧٨ ٢٢٩ ﺎﻫراﺮﻗ ﻲﻓ ،ﺔﻣﺎﻌﻟا ﺔﻴﻌﻤﺠﻟا ﺖﺒﻠﻃ ١")
    ('/', 'ﻰﻟإ ،٧٨ ٢٢٩ ﺎﻫراﺮﻗ ﻲﻓ ،ﺔﻣﺎﻌﻟا ﺔﻴﻌﻤﺠﻟا ﺖﺒﻠﻃ - ١')
    >>> restore_lifted("()", "؛ﺔﻴﻣﺎﺘﺧ ﺔﺴﻠﺟو ﺔﻴﺣﺎﺘﺘﻓا ﺔﺴﻠﺟ أ")
    ('', '؛ﺔﻴﻣﺎﺘﺧ ﺔﺴﻠﺟو ﺔﻴﺣﺎﺘﺘﻓا ﺔﺴﻠﺟ (أ)')

    Real (pdfplumber on Chromium's Noto Naskh, sg-a-78-245-road-safety): a footnote whose
    marker's brackets were lifted, with the slash of its number:

    >>> restore_lifted("/ ( )", "ﻖﻓﺮﻤﻟا ،76294 راﺮﻘﻟا 1")
    ('/', 'ﻖﻓﺮﻤﻟا ،76294 راﺮﻘﻟا (1)')
    """
    number = _NUMBER_END_RE.search(line)
    if number and _DASH_END_RE.search(lifted):
        lifted, line = _DASH_END_RE.sub("", lifted), f"{line[: number.start()]} - {number.group(1)}"
    elif number and _PAIR_END_RE.search(lifted):
        lifted, line = _PAIR_END_RE.sub("", lifted), f"{line[: number.start()]} ({number.group(1)})"
    else:
        letter = _LETTER_END_RE.search(line)
        if letter and _PAIR_END_RE.search(lifted):
            lifted, line = _PAIR_END_RE.sub("", lifted), f"{line[: letter.start()]} ({letter.group(1)})"
        else:
            lifted, line = restore_heading(lifted, line)
    ref = _REF_RE.search(lifted)
    if ref is not None and len(_REF_RE.findall(lifted)) == 1:
        placed = place_reference(ref.group(1), line)
        if placed is not None:
            lifted = (lifted[: ref.start()] + lifted[ref.end() :]).strip()
            line = placed
    return lifted, line


def restore_heading(lifted: str, line: str) -> tuple[str, str]:
    """A section heading's dash and its ordinal's tanween, lifted off the visual ``line``
    whose right end is the heading's label, put back: the dash left of the label, the
    tanween on its final alef (a label with a dash already takes only the tanween);
    (lifted left, line). Any other pair as it is.

    Real (pdfplumber on Chromium's Noto Naskh, report-crpd-csp-2023-5-conference, "ثانياً -
    تنظيم الدورة" and "ألف - افتتاح الدورة"; on LibreOffice only the tanween is lifted,
    report-a-78-7-add-9-acabq-africa-hall):

    >>> restore_heading("- \u064b", "ةروﺪﻟا ﻢﻴﻈﻨﺗ ﺎﻴﻧﺎﺛ") == ("", "ةروﺪﻟا ﻢﻴﻈﻨﺗ - \u064bﺎﻴﻧﺎﺛ")
    True
    >>> restore_heading("-", "ةروﺪﻟا حﺎﺘﺘﻓا ﻒﻟأ")
    ('', 'ةروﺪﻟا حﺎﺘﺘﻓا - ﻒﻟأ')
    >>> restore_heading("\u064b", "عورشملا ذيفنت - ايناث") == ("", "عورشملا ذيفنت - \u064bايناث")
    True

    A line whose logical start is no label, or a letter name offered a tanween:

    >>> restore_heading("-", "ةروﺪﻟا حﺎﺘﺘﻓا ﻲﻓ")
    ('-', 'ةروﺪﻟا حﺎﺘﺘﻓا ﻲﻓ')
    >>> restore_heading("\u064b", "ةروﺪﻟا حﺎﺘﺘﻓا - ﻒﻟأ")
    ('\u064b', 'ةروﺪﻟا حﺎﺘﺘﻓا - ﻒﻟأ')
    """
    word = _LAST_WORD_RE.search(line)
    if word is None:
        return lifted, line
    label = unicodedata.normalize("NFKC", word[1])[::-1]
    if label not in _SECTION_LABELS:
        return lifted, line
    # The heading's glyphs end the lifted line (left to right: its dash, then its tanween).
    left = lifted.rstrip()
    tanween = left.endswith(_TANWEEN)
    if tanween:
        left = left[:-1].rstrip()
    dash = left.endswith(("-", "–")) and (len(left) == 1 or left[-2].isspace())
    head = line[: word.start()]
    wants_dash = dash and not head.rstrip().endswith(("-", "–")) and _ARABIC_RE.search(head) is not None
    wants_tanween = tanween and label in _ORDINALS
    if not wants_dash and not wants_tanween:
        return lifted, line
    if wants_dash:
        mark = left[-1]
        left = left[:-1]
        head = f"{head.rstrip()} {mark} "
    else:
        head = line[: word.start(1)]
    if tanween and not wants_tanween:
        left += _TANWEEN
    return left.strip(), f"{head}{_TANWEEN if wants_tanween else ''}{word[1]}"


def place_reference(digits: str, line: str) -> str | None:
    """The visual ``line`` with the reference ``(digits)`` where it stood, or None: in the
    space it left between a word and the punctuation after it, when the line has one such
    space and only one (on the benchmark's dev texts, 64 of the 75 such spaces are in the
    line under a lifted reference).

    Real (pdfplumber on Chromium's Noto Naskh, sg-a-78-245-road-safety and
    report-crpd-csp-2023-5-conference; "( )" and "1" above the line, or "( ١ ) -"):

    >>> place_reference("1", "مﺪﻘﻳ نأ مﺎﻌﻟا ﻦﻴﻣألا ﻰﻟإ ﻪﻴﻓ ﺖﺒﻠﻃو ، ﻢﻟﺎﻌﻟا ﻲﻓ قﺮﻄﻟا")
    'مﺪﻘﻳ نأ مﺎﻌﻟا ﻦﻴﻣألا ﻰﻟإ ﻪﻴﻓ ﺖﺒﻠﻃو ،(1)ﻢﻟﺎﻌﻟا ﻲﻓ قﺮﻄﻟا'
    >>> place_reference("2", ". ﺔﻤﺴﻧ 000 100 ﻞﻜﻟ ةﺎﻓو 15")
    '.(2)ﺔﻤﺴﻧ 000 100 ﻞﻜﻟ ةﺎﻓو 15'
    >>> place_reference("3", "ﺔﻴﻗﺎﻔﺗالا ﺬﻴﻔﻨﺘﺑ ﻖﻠﻌﺘﺗ ﺔﻟﺄﺴﻣ يأ ﻲﻓ ﺮﻈﻨﻟا") is None
    True
    """
    gaps = list(_REF_GAP_RE.finditer(line))
    if len(gaps) != 1:
        return None
    gap = gaps[0]
    return f"{line[: gap.end(1)]}({digits}){line[gap.end() :]}"


def reads_visual(text: str) -> bool:
    """The line's words read reversed more often than logical: only a visual line's right
    end is its start. A logical line under a lifted line (a visual text once repaired,
    normalized again) keeps its letters where they are.

    Real (pdfminer on LibreOffice, sg-e-2024-55, a sub-item whose brackets stand on the
    line above), before and after its first repair:

    >>> reads_visual("ف ةبترب فئاظولا عيمجل نيسنجلا نيب ةنزاوتم نيحشرم مئاوق عضو  أ")
    True
    >>> reads_visual("أ وضع قوائم مرشحين متوازنة بين الجنسين لجميع الوظائف برتبة ف")
    False
    """
    rev, log = visual_votes(text)
    return rev > log


def _may_be_lifted(text: str) -> bool:
    # A lifted line starts with one of its characters: most lines are rejected on their
    # first (a letter, a digit) without the pattern.
    first = text[:1]
    return first != "" and (first in _LIFTED_FIRST or first.isspace())


_LIFTED_FIRST = frozenset("*/-–()[]" + "".join(chr(c) for c in range(0x064B, 0x0653)))


def _not_logical(text: str) -> bool:
    # A reference's line may be one or two words that vote neither way (". تﺎﺛﺎﻌﺒﻧالاو"):
    # only a line that reads logical is left alone.
    rev, log = visual_votes(text)
    return rev >= log


def _lifted_groups(lines: list[Line]) -> list[tuple[tuple[int, ...], int]]:
    """(the lifted lines, the line they belong to) for each lifted line over a visual
    Arabic line; a reference's lifted brackets with its digits on the next line count as
    one lifted line over the line after the digits."""
    groups: list[tuple[tuple[int, ...], int]] = []
    for i in range(len(lines) - 1):
        text = lines[i].text
        if not (_may_be_lifted(text) and _LIFTED_RE.fullmatch(text)):
            continue
        if (
            _PAIR_LINE_RE.fullmatch(text)
            and i + 2 < len(lines)
            and _DIGITS_LINE_RE.fullmatch(lines[i + 1].text)
            and _ARABIC_RE.search(lines[i + 2].text)
            and _not_logical(lines[i + 2].text)
        ):
            groups.append(((i, i + 1), i + 2))
        elif _ARABIC_RE.search(lines[i + 1].text) and reads_visual(lines[i + 1].text):
            groups.append(((i,), i + 1))
    return groups


def restore_lifted_lines(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: :func:`restore_lifted` on each lifted line and the Arabic line after
    it, in a document with at least :data:`MIN_LIFTED` lifted lines, where that line reads
    visual (:func:`reads_visual`); a lifted line left empty goes."""
    groups = _lifted_groups(lines)
    if len(groups) < MIN_LIFTED:
        return lines
    ctx.facts["lifted_lines"] = len(groups)
    out = list(lines)
    drop: set[int] = set()
    for above, target in groups:
        line = out[target]
        lifted_text = f"({out[above[1]].text.strip()})" if len(above) == 2 else out[above[0]].text
        rest, fixed = restore_lifted(lifted_text, line.text)
        if fixed == line.text:
            if len(above) == 2:
                # Its place not known, the reference is at least whole: "(8)" on its line,
                # as the lifted references of Amiri's lines are.
                first = out[above[0]]
                before = "\n".join(out[k].text for k in above)
                ctx.record("lifted_punctuation", first.number, before, lifted_text)
                out[above[0]] = Line(first.number, lifted_text, first.page)
                drop.add(above[1])
            continue
        before = "\n".join(out[k].text for k in (*above, target))
        ctx.record("lifted_punctuation", line.number, before, rest + "\n" + fixed)
        out[target] = Line(line.number, fixed, line.page)
        drop.update(above[1:])
        if rest.strip():
            out[above[0]] = Line(out[above[0]].number, rest, out[above[0]].page)
        else:
            drop.add(above[0])
    return [line for i, line in enumerate(out) if i not in drop]


def put_back_pair(
    out: list[Line], drop: set[int], i: int, step: str, ctx: Context, rest: str, fixed: str
) -> None:
    """Record ``step`` for the lifted line ``out[i]`` and the line below it, now ``rest``
    and ``fixed``, and write them back into ``out``; a lifted line left empty is added to
    ``drop`` (the tail the lifted slash and address steps share)."""
    above, below = out[i], out[i + 1]
    ctx.record(step, below.number, f"{above.text}\n{below.text}", f"{rest}\n{fixed}")
    out[i + 1] = Line(below.number, fixed, below.page)
    if rest.strip():
        out[i] = Line(above.number, rest, above.page)
    else:
        drop.add(i)
