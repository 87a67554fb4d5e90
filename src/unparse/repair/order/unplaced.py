"""What the line-order fixer could not place: in a run-reversed document, the lines whose
reading holds what opens a line (a paragraph's number or a preambular lead anywhere in it,
a footnote's marker at its end) where the fixer cannot tell it is in place.

The fixer orders a line's runs by the plausibility of the text they make; where the line is
a paragraph's first line its opening belongs first, but no model of word pairs knows that,
and the best reading can leave it in the middle (``"بأن التوسع الحضري السريع وإذ يسلم ..."``).
The fixer reports those lines in ``facts["order_unplaced"]`` (the decision
``line_order``/``lines_unplaced`` on the Document, with their numbers), and the segmenter
reads the opening of a reported line where it stands (a paragraph's number, the next one
expected; a preambular paragraph's lead; a note's marker): it no longer reads every line of
a run-reversed document so.
"""

from __future__ import annotations

import regex

from ...symbols import LEAD_INSIDE, MISPLACED_NUMBER, NOTE_MARKER_AT_END

_OPENING_RE = regex.compile(f"{MISPLACED_NUMBER}|{LEAD_INSIDE}")
_MARKER_AT_END_RE = regex.compile(NOTE_MARKER_AT_END)


def holds_an_opening(text: str) -> bool:
    """Whether the line, as the fixer read it, holds what opens a line where the fixer
    cannot tell it is in place: a paragraph number or a preambular lead anywhere in it, or a
    note's marker at its end.

    Real (the benchmark's run-reversal damage, ecosoc-res-2023-15, lines 51 and 11 as the
    fixer read them; and ga-res-77-231 line 82, a note's marker drawn ")٢(", as the later
    steps leave it):

    >>> holds_an_opening(
    ...     "بأن التوسع الحضري السريع وإذ يسلم إلى جانب الفقر والإقصاء الاجتماعي وغير المخطط له،"
    ... )
    True
    >>> holds_an_opening("A/77/166. (٢)"), holds_an_opening("دورة عام 2023")
    (True, False)
    """
    # Kashida is drawing, removed by a later step: "13-ــضا" is "13-ضا".
    text = text.replace("\u0640", "").strip()
    return _OPENING_RE.search(text) is not None or _MARKER_AT_END_RE.match(text) is not None
