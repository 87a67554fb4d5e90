"""More of what pypdfium2 (``get_text_range``) does to Arabic on Chromium's PDFs, and its repair.

Every step here runs only on a text :func:`~.logical_extractors.mark_logical_order` judged
pypdfium2's (``ctx.facts["pdfium_evidence"]``), so the text of other extractors and clean
text pass through untouched, at the cost of one dictionary lookup.

* A letter-reversed word whose reversal is also a word (``"ام يلي"`` for ``"ما يلي"``,
  ``"عم"`` for ``"مع"``, ``"لجأ"`` for ``"أجل"``): :func:`~.logical_extractors.reverse_reversed_words`
  leaves it, as it must on its own; in a text where words come out reversed, the reading
  the word list and the UN word pairs around it make clearly likelier is taken
  (:func:`unreverse_ambiguous`).
* An opening bracket or quotation mark glued to the word before it, the space after it
  (``"كورونا) كوفيد١٩-("`` for ``"كورونا (كوفيد-19)"``, ``"المعنون» انطيحم"``):
  the space put back before it (:func:`space_openers`).
* Guillemets as drawn, like the brackets: ``"»الماء من أجل التنمية المستدامة«"``, on
  every typesetter (:func:`fix_mirrored_quotes`).
"""

from __future__ import annotations

import regex

from ..lines import Line
from . import unpc, wordlist
from .pdfium import is_pdfium
from .pipeline import Context, fix_each_line

_WORD_RE = regex.compile(r"(?V1)[\p{Arabic}&&\p{L}]{2,}")
# How much likelier (log10, word list plus UN pairs) the reversed reading must be: ten
# times. The words of these texts come out reversed about as often as not (37-60% as they
# stand on the benchmark), so the prior odds are near even and a tenfold margin is "clear".
MARGIN = 1.0
# The share of decided words found reversed a text needs (as reverse_reversed_words).
MIN_REVERSED = 0.05


def _score(word: str, before: str | None, after: str | None) -> float:
    table = unpc.table()
    key = wordlist.lookup_key(word)
    score = wordlist.zipf_key(key)
    if before is not None:
        score += table.attested(before, key)
    if after is not None:
        score += table.attested(key, wordlist.lookup_key(after))
    return score


def unreverse_ambiguous(text: str) -> str:
    """Put back the words of a line whose letter-reversal is clearly the likelier reading,
    both readings being known words: likelier by :data:`MARGIN` on the word list's Zipf
    scale plus how much UN prose attests each reading beside its neighbours (already
    decided words to its left, the word as given to its right).

    Real (pypdfium2 on Chromium: ga-res-79-145 lines 37, 39 and 97; hrc-res-53-18 line 43
    once :func:`~.logical_extractors.reverse_reversed_words` has put back ``"ايلعف يف"``):

    >>> unreverse_ambiguous("الفيضانات ةيلحاسلا اهتدشو، وهو ام يهدد")
    'الفيضانات ةيلحاسلا اهتدشو، وهو ما يهدد'
    >>> unreverse_ambiguous("ةيمارلا ىلإ فيكتلا عم هذه الآثار، وإذ دكؤت")
    'ةيمارلا ىلإ فيكتلا مع هذه الآثار، وإذ دكؤت'
    >>> unreverse_ambiguous("لعلوم المحيطات نم لجأ")
    'لعلوم المحيطات من أجل'

    A word is left where its reversal is not ten times likelier: ``"عضو"`` here is
    ``"وضع"`` reversed, but both are common words (Zipf 5.1 and 5.4), so it stays; and
    the rule cannot tell a word pypdfium2 left as it was from one it reversed into a much
    commoner word (``"سفن"`` would become ``"نفس"``): on the dev texts it read as reversing,
    217 of its changes give a word of the gold text and 13 do not (halves of words the
    extractor cut, ``"عبار"`` of ``"رابعا"``).

    >>> unreverse_ambiguous("فعليا في عضو التشريعات")
    'فعليا في عضو التشريعات'
    """
    matches = list(_WORD_RE.finditer(text))
    if not matches:
        return text
    parts: list[str] = []
    last = 0
    before: str | None = None
    for i, match in enumerate(matches):
        word = match.group()
        back = word[::-1]
        chosen = word
        if back != word and wordlist.zipf(word) > 0 and wordlist.zipf(back) > 0:
            after = matches[i + 1].group() if i + 1 < len(matches) else None
            if _score(back, before, after) >= _score(word, before, after) + MARGIN:
                chosen = back
        parts.append(text[last : match.start()])
        parts.append(chosen)
        last = match.end()
        before = wordlist.lookup_key(chosen)
    parts.append(text[last:])
    return "".join(parts)


def _reversing(ctx: Context) -> bool:
    evidence = ctx.facts.get("pdfium_evidence")
    if not isinstance(evidence, dict) or evidence.get("producer") != "pypdfium2":
        return False
    back, as_is = int(evidence.get("words_reversed", 0)), int(evidence.get("words_as_they_stand", 0))
    return back >= MIN_REVERSED * (back + as_is) and back > 0


def reverse_ambiguous_words(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: :func:`unreverse_ambiguous` on every line of a pypdfium2 text whose
    producer evidence found reversed words (after
    :func:`~.logical_extractors.reverse_reversed_words`, whose words it then sees right)."""
    if not _reversing(ctx):
        return lines
    return fix_each_line(lines, ctx, "ambiguous_reversed_words", unreverse_ambiguous)


# An opener as drawn (mirrored: ")" or "»") right after a letter, digit or comma, a space
# after it, and its closer as drawn ("(" or "«") later on the line with no bracket (or
# quotation mark) of its kind between.
_OPENER_RE = regex.compile(
    r"(?<=[\p{L}\p{Nd}،؛])(?:(\)) (?=[\p{L}\p{Nd}][^()\n]{0,300}\()|(») (?=[\p{L}\p{Nd}][^«»\n]{0,300}«))"
)


def space_openers(text: str) -> str:
    """Move the space after a (mirrored) opening bracket or quotation mark glued to the
    word before it back before it: pypdfium2 on Chromium gives the space on the wrong
    side of the opener (the brackets step then mirrors it).

    Real (pypdfium2 on Chromium: ctoc-cop-dec-10-4 line 17, ga-res-79-145 lines 7 and 25,
    ga-res-77-231 line 15, whose closer is on the next line; a Latin symbol's bracket):

    >>> space_openers("مرض فيروس كورونا) كوفيد١٩-( قد أثرت")
    'مرض فيروس كورونا )كوفيد١٩-( قد أثرت'
    >>> space_openers("دنبلا 77) أ( نم جدول الأعمال")
    'دنبلا 77 )أ( نم جدول الأعمال'
    >>> space_openers("المعنون» انطيحم، انلبقتسم: دعوة ىلإ لمعلا)«3(")
    'المعنون »انطيحم، انلبقتسم: دعوة ىلإ لمعلا)«3('
    >>> space_openers("لمعلل،» الماء نم لجأ ةيمنتلا")
    'لمعلل،» الماء نم لجأ ةيمنتلا'
    >>> space_openers("(A/78/L.29) و )ب(")
    '(A/78/L.29) و )ب('
    """
    if ") " not in text and "» " not in text:
        return text
    return _OPENER_RE.sub(lambda m: " " + (m[1] or m[2]), text)


def fix_opener_spaces(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: :func:`space_openers` on every line of a pypdfium2 text whose
    producer evidence found reversed words (Chromium's PDFs: on LibreOffice's and fpdf2's
    the spaces are right)."""
    if not _reversing(ctx):
        return lines
    return fix_each_line(lines, ctx, "pdfium_opener_space", space_openers)


# A guillemet as an opener (no letter or digit before it, one after) or as a closer.
_OPENS_RE = regex.compile(r"(?<![\p{L}\p{Nd}])([«»])(?=[\p{L}\p{Nd}])")
_CLOSES_RE = regex.compile(r"(?<=[\p{L}\p{Nd}])([«»])(?![\p{L}\p{Nd}])")
_SWAP = str.maketrans("«»", "»«")
# A text needs this many more guillemets as drawn (mirrored) than as written before they
# are all swapped: one quotation is two.
MIN_MIRRORED_QUOTES = 2


def mirrored_quote_evidence(text: str) -> tuple[int, int]:
    """(as drawn, as written): the guillemets of ``text`` that open with ``»`` or close with
    ``«``, and those that open with ``«`` or close with ``»``.

    Real (pypdfium2 on LibreOffice, ga-res-77-231 line 47):

    >>> mirrored_quote_evidence(")٥( العقد الدولي للعمل، »الماء من أجل التنمية المستدامة«؛")
    (2, 0)
    """
    drawn = written = 0
    for pattern, mirrored in ((_OPENS_RE, "»"), (_CLOSES_RE, "«")):
        for match in pattern.finditer(text):
            if match.group(1) == mirrored:
                drawn += 1
            else:
                written += 1
    return drawn, written


def swap_quotes(text: str) -> str:
    """Every guillemet of a line swapped: pypdfium2 gives them as drawn, like its brackets.

    Real (pypdfium2 on LibreOffice, ga-res-77-231 line 47; on Chromium, once
    :func:`space_openers` has moved its space, ga-res-79-145 line 25):

    >>> swap_quotes(")٥( العقد الدولي للعمل، »الماء من أجل التنمية المستدامة«؛")
    ')٥( العقد الدولي للعمل، «الماء من أجل التنمية المستدامة»؛'
    >>> swap_quotes("المعنون »محيطنا، مستقبلنا: دعوة إلى العمل)«3(،")
    'المعنون «محيطنا، مستقبلنا: دعوة إلى العمل)»3(،'
    """
    return text.translate(_SWAP)


def fix_mirrored_quotes(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: in a pypdfium2 text whose guillemets are as drawn
    (:func:`mirrored_quote_evidence`: at least :data:`MIN_MIRRORED_QUOTES` more than as
    written, counts kept in ``ctx.facts["pdfium_quotes"]``), :func:`swap_quotes` on every
    line that holds one (a quotation cut by a line break included)."""
    if not is_pdfium(ctx):
        return lines
    joined = "\n".join(line.text for line in lines)
    if "»" not in joined and "«" not in joined:
        return lines
    drawn, written = mirrored_quote_evidence(joined)
    ctx.facts["pdfium_quotes"] = {"as_drawn": drawn, "as_written": written}
    if drawn < written + MIN_MIRRORED_QUOTES:
        return lines
    return fix_each_line(lines, ctx, "pdfium_quotes", swap_quotes)
