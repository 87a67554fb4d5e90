"""A line judged alone whose runs are parted by wide gaps: the gaps are where it is cut.

A run-reversing extractor often leaves two spaces or more between the runs it put side by
side; inside a run, words are one space apart. Judged alone, a line is scored as a second
pass would read it (its spaces collapsed, :func:`.step._as_repaired`), so the dynamic
program weighs every single space as a candidate cut and the readings it finds are too
close to one another for :data:`.weights.SURE_ALONE`. Here the wide gaps are the only
candidate cuts (beside the forced ones): the reading that cuts at every one of them is taken
when it leads the line as it stands by :data:`.weights.STAY` (the same prior for the current
order), by :data:`.weights.WIDE_SURE` over the runner-up, and reads plausibly in its own
right (:func:`.step._suspicious`, checked by the caller).

Real example (UN Parallel Corpus v1.0, dev part: a wrapped line, its two runs reversed):

>>> from unparse.repair.order.atoms import atomize
>>> from unparse.repair.order.model import DocumentModel
>>> text = "الروسي وبيلاروس     من الاتحاد"
>>> reorder_at_wide_gaps(text, "الروسي وبيلاروس من الاتحاد", DocumentModel([atomize(text)]))[0]
'من الاتحاد الروسي وبيلاروس'
"""

from __future__ import annotations

import itertools
import math
from collections import Counter

from .. import wordlist
from ..brackets import unmirror_brackets
from .atoms import CLAUSE_PUNCT, PUNCT, WORD, Atom, atomize, word_pairs
from .evidence import CLAUSE_START, end_marker, split_lead_number
from .model import DocumentModel, prepare
from .render import render
from .scoring import best_readings
from .weights import PROSE_ZIPF, STAY, WIDE_SURE

WIDE = 2  # spaces from which a gap is a run edge


def reorder_at_wide_gaps(
    text: str, seen: str, model: DocumentModel, before: str = ""
) -> tuple[str, float] | None:
    """``text`` (a line judged alone; ``seen``: as a second pass reads it) reordered at its
    wide gaps, with the confidence (the smaller of its lead over the runner-up and over the
    line as it stands, less ``STAY``), or None.

    Only a line of words and clause marks (a number, a Latin symbol or a marker is a run of
    its own wherever it stands, and no sign of where the others end), whose every wide gap
    has a word after it and a word or a clause mark before it, that starts with no other
    mark (``":: برنامج ..."`` is clean UN text), and holds two common words at least."""
    atoms = atomize(seen)
    given = atomize(unmirror_brackets(text))
    if [a.text for a in given] != [a.text for a in atoms]:
        return None  # the spaces collapsed changed the atoms: no gap to map
    wide = [i for i in range(1, len(given)) if len(given[i].gap) >= WIDE]
    if not wide or not _plain(atoms, wide) or end_marker(seen) or split_lead_number(seen)[0]:
        return None
    prepared = prepare(atoms, model, fragments=False)
    # An atom split into pieces keeps its index at its first piece (the others are split).
    index = [k for k, atom in enumerate(prepared) if not atom.split]
    only = frozenset(index[i] for i in wide)
    readings = best_readings(prepared, model, Counter(word_pairs(prepared)), before, only=only)
    if not readings:
        return None
    best = readings[0]
    margin = best.score - readings[1].score if len(readings) > 1 else math.inf
    if best.fallback is not None:
        # The UN table chooses where a line is cut, never alone that it is (step._reorder_line).
        margin = min(margin, best.fallback_margin)
        best = best.fallback
    lead = best.gain - STAY
    if not only <= set(best.cuts) or lead < 0 or margin < WIDE_SURE:
        return None
    if any(prepared[i].split and min(len(prepared[i - 1].key), len(prepared[i].key)) < 3 for i in best.cuts):
        return None  # a token cut by the word list into a piece of two letters: "تحلان" is no "تحل|ان"
    bounds = [0, *best.cuts, len(prepared)]
    runs = [prepared[a:b] for a, b in itertools.pairwise(bounds)]
    runs.reverse()
    return render(runs, model), min(margin, lead)


def _plain(atoms: list[Atom], wide: list[int]) -> bool:
    """Words and clause marks only, each wide gap before a word and after a word or a mark,
    no mark first but a closing one (and then none last), and two common words."""
    if any(atom.kind not in (WORD, PUNCT) for atom in atoms):
        return False
    if atoms[0].kind == PUNCT and (atoms[0].text not in CLAUSE_START or atoms[-1].text in CLAUSE_PUNCT):
        return False  # a mark at each end: which one closes the line is not clear (lead_mark)
    for i in wide:
        left, right = atoms[i - 1], atoms[i]
        if right.kind != WORD or not (left.kind == WORD or left.text in CLAUSE_PUNCT):
            return False
    common = [
        a for a in atoms if a.kind == WORD and len(a.key) >= 2 and wordlist.zipf_key(a.key) >= PROSE_ZIPF
    ]
    return len(common) >= 2
