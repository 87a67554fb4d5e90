"""A short line judged alone whose closing mark came out first: the mark goes back to the end.

A run-reversing extractor puts a line's last run first, and the closing punctuation is a
run of its own: ``".الجهود المكثفة"`` for ``"الجهود المكثفة."``. Clean UN prose never starts
a line with a full stop, a comma or a semicolon before a word. A line of fewer than
``MIN_PROSE`` atoms is too short for the dynamic program to judge alone (its words give too
little evidence), but the mark alone says where it belongs.

>>> from unparse.repair.order.atoms import atomize
>>> move_lead_mark(atomize("  .الجهود المكثفة"))
'الجهود المكثفة.'
>>> move_lead_mark(atomize("؛الشركاء الإنمائيين "))
'الشركاء الإنمائيين؛'
>>> move_lead_mark(atomize("الجهود المكثفة.")) is None  # in order: left alone
True
>>> move_lead_mark(atomize("...الطلب")) is None  # an ellipsis, no closing mark
True
"""

from __future__ import annotations

from .atoms import CLAUSE_PUNCT, WORD, Atom
from .evidence import CLAUSE_START
from .weights import MIN_PROSE


def move_lead_mark(atoms: list[Atom], longest: int = MIN_PROSE - 1) -> str | None:
    """The line (its atoms) with its leading closing mark (``. ، ؛``) moved to its end, or
    None: only a line of two to ``longest`` atoms whose mark is followed by a word of
    two letters or more, ending with no clause mark of its own, and holding no other
    closing mark. Atoms before the mark with no letter (a detached mark, tatweel: later
    steps drop them) stay first and are not counted, so a second pass decides the same."""
    lead = 0
    while lead < len(atoms) and atoms[lead].kind == WORD and not atoms[lead].key:
        lead += 1
    noise, atoms = atoms[:lead], atoms[lead:]
    if not 2 <= len(atoms) <= longest:
        return None
    first, second, last = atoms[0], atoms[1], atoms[-1]
    if first.text not in CLAUSE_START or second.kind != WORD or len(second.key) < 2:
        return None
    if last.text in CLAUSE_PUNCT or any(a.text in CLAUSE_START for a in atoms[1:]):
        return None  # two marks: which one closes the line is not clear
    prefix = "".join(a.gap + a.text for a in noise)
    rest = "".join(a.gap + a.text for a in atoms[1:]).strip()
    return (prefix + rest).strip() + first.text
