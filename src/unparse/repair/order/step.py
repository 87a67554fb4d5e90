"""The document step: each line of a run-reversed document (or each suspicious line of
another) repaired, every change recorded with its confidence.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter

import regex

from .. import wordlist
from ..pipeline import Context, Line
from .atoms import (
    CLAUSE_PUNCT,
    CLOSERS,
    LAST_WORD_RE,
    LATIN,
    MARK,
    NUM,
    OPENERS,
    PROCLITICS,
    WORD,
    Atom,
    atomize,
    word_pairs,
)
from .evidence import END_LABEL_RE, END_NUMBER_RE, is_run_reversed, run_reversal_evidence
from .model import DocumentModel, prepare
from .render import render
from .scoring import best_readings
from .weights import BG_WEIGHT_REVERSED, IMPLAUSIBLE, MIN_PROSE, NUMBER_EVIDENCE, STAY, STAY_REVERSED


def _before(atoms: list[Atom], end: int) -> list[Atom]:
    """The atoms of the line's first ``end`` characters (``end`` is at a space or 0, and no
    atom holds a space): what atomize gives for them."""
    pos = 0
    for n, atom in enumerate(atoms):
        pos += len(atom.gap) + len(atom.text)
        if pos > end:
            return atoms[:n]
    return atoms


def reorder_line(
    text: str, model: DocumentModel, own: Counter[tuple[str, str]] | None = None
) -> tuple[str, float]:
    """Repair one run-reversed line; returns the text and the confidence margin."""
    return _reorder_line(text, model, own)


def _reorder_line(
    text: str,
    model: DocumentModel,
    own: Counter[tuple[str, str]] | None,
    raw: list[Atom] | None = None,
    before: str = "",
    stay: float = 0.0,
) -> tuple[str, float]:
    """The work of :func:`reorder_line`; ``own`` (this line's pairs) defaults to its atoms' pairs.

    The line is reordered only when the best reading beats the line as it stands by more
    than ``stay`` (the prior for the current order); the confidence is the smaller of the
    margin over the runner-up and that lead."""
    number = None
    m = END_NUMBER_RE.search(text) or END_LABEL_RE.search(text)
    body = text
    glued = False
    if m:
        number = m.group(1)
        body = text[: m.start()]
        glued = regex.search(r"[-–]\p{Nd}", m.group()) is not None
        if raw is not None:
            raw = _before(raw, m.start())
    atoms = prepare(atomize(body) if raw is None else raw, model)
    if not atoms:
        return (f"{number} -" if number else text), math.inf
    if own is None:
        own = Counter(word_pairs(atoms))
    readings = best_readings(atoms, model, own, before)
    if not readings:
        return text, 0.0
    best = readings[0]
    margin = best.score - readings[1].score if len(readings) > 1 else math.inf
    if not best.cuts and not number and not any(a.split for a in atoms):
        return text, margin
    lead = best.gain + (NUMBER_EVIDENCE if number else 0.0) - stay
    if lead < 0:
        return text, margin  # the order as it stands is plausible enough: left alone
    margin = min(margin, lead) if stay else margin
    bounds = [0, *best.cuts, len(atoms)]
    runs = [atoms[a:b] for a, b in itertools.pairwise(bounds)]
    runs.reverse()
    out = render(runs, model)
    if number:
        out = f"{number}- {out}" if glued else f"{number} - {out}"
    return out, margin


# Per-line judgement in documents without run-reversal evidence: built and measured (unpc
# dev lines 4.6% -> 51.5% exact) but off: repairing a repaired run-reversed text then
# changes 11 of 25 dev garbler documents again (idempotence), to be fixed first.
_PER_LINE = False


def _suspicious(atoms: list[Atom], model: DocumentModel) -> bool:
    """The cheap check before the dynamic program: whether the line shows any sign of
    reversed runs (a line whose current order is plausible is left alone, unscored).

    Signs: a clause mark or closing bracket first, an opening bracket last, a number at the
    end, a number or symbol glued to a word, two or more spaces between atoms, a word pair
    that is implausible as it stands, a token that no list knows (glued runs).
    """
    if not atoms:
        return False
    first, last = atoms[0], atoms[-1]
    if first.text in CLAUSE_PUNCT or first.text in CLOSERS or first.kind == MARK:
        return True
    if last.text in OPENERS or last.kind == NUM:
        return True
    own = Counter(word_pairs(atoms))
    plausibility, words, zipf = model.plausibility, model.bg.words, wordlist.zipf_key
    for left, right in itertools.pairwise(atoms):
        gap = right.gap
        if len(gap) >= 2:
            return True
        lk, rk = left.kind, right.kind
        glued = not gap and WORD in (lk, rk) and bool({lk, rk} & {NUM, LATIN, MARK})
        if glued and not (lk == WORD and rk == NUM and left.key in PROCLITICS):
            return True
        if gap and lk == WORD and rk == WORD and plausibility(left.key, right.key, own) < IMPLAUSIBLE:
            return True
    for atom in atoms:
        key = atom.key
        if (
            atom.kind == WORD
            and len(key) >= 6
            and key not in words
            and model.unigrams.get(key, 0) <= 1
            and not zipf(key)
        ):
            return True
    return False


def _reorder_all(
    lines: list[Line], raw: list[list[Atom]], model: DocumentModel, stay: float = 0.0, every: bool = True
) -> list[tuple[str, float] | None]:
    """Every line repaired, with the last word of the line before (as repaired) as context
    when at most one blank line separates them. (The next line's first word, from a first
    pass, was measured too: better on garbled text, worse on the real samples.) A line
    that shows no sign of reversal (:func:`_suspicious`) is left as it is (None) unless
    ``every`` (the document's evidence says its lines are reversed)."""
    out: list[tuple[str, float] | None] = []
    before = ""
    blank = 0
    for line, atoms in zip(lines, raw, strict=True):
        if not atoms:
            blank += 1
            out.append(None)
            continue
        if every or (len(atoms) >= MIN_PROSE and _suspicious(atoms, model)):
            context = before if blank <= 1 else ""
            result = _reorder_line(line.text, model, None, atoms, context, stay)
            if not every and result[0] != line.text:
                # A reading is only taken when it is itself stable: read again, it stays.
                again = _reorder_line(result[0], model, None, None, context, stay)
                if again[0] != result[0]:
                    result = (line.text, 0.0)
            out.append(result)
            text = result[0]
        else:
            out.append(None)
            text = line.text
        blank = 0
        last = LAST_WORD_RE.search(text)
        before = wordlist.lookup_key(last.group()) if last else ""
    return out


def reorder_runs(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: lines whose runs came out right-to-left (reverse reading order).

    Real example (A/64 report, line 15), runs glued and in reverse order:
    ``"الجهات  كلجمع آراء ، إلى ٦٣/١٩٤، في قرارها  العامالأميندعت الجمعية العامة   - ١"`` →
    ``"١ - دعت الجمعية العامة الأمين العام، في قرارها ٦٣/١٩٤، إلى جمع آراء كل الجهات"``.

    Per line: a line is reordered when its best reading is clearly more plausible than its
    current one. The document's evidence (:func:`is_run_reversed`) is a prior, not a gate:
    with it a reading only has to beat the line as it stands, without it by ``STAY``.
    """
    # A reader that put the lines in logical order from glyph positions (the PDF reader)
    # says so; its lines must not be reordered again.
    if ctx.facts.get("logical_order") is True:
        return lines
    evidence: dict[str, int] = {}
    reversed_doc = is_run_reversed(lines, evidence)
    ctx.facts["runs_reversed_evidence"] = {"decided": reversed_doc, **evidence}
    if reversed_doc:
        ctx.facts["runs_reversed"] = True
    elif not _PER_LINE:
        return lines
    else:
        visual = ctx.facts.get("visual_evidence")
        if isinstance(visual, dict) and visual.get("lines_reversed"):
            return lines  # the visual step put its lines in order, letter by letter
        bad, good = run_reversal_evidence(lines)
        if good and not bad:
            # Evidence of reading order only (numbers first, punctuation last) and none of
            # reversal: the lines are left as they are (and a repaired text stays repaired).
            return lines
    raw = [atomize(line.text) for line in lines]
    if not any(ARABIC_WORD_RE.search(line.text) for line in lines):
        return lines
    model = DocumentModel(raw)
    if reversed_doc:
        model.bg_weight = BG_WEIGHT_REVERSED
    out: list[Line] = []
    threshold = ctx.options.min_confidence
    stay = STAY_REVERSED if reversed_doc else STAY
    for line, result in zip(lines, _reorder_all(lines, raw, model, stay, reversed_doc), strict=True):
        if result is None:
            out.append(line)
            continue
        fixed, margin = result
        if fixed != line.text:
            ctx.record(
                "line_order",
                line.number,
                line.text,
                fixed,
                confidence=None if math.isinf(margin) else round(margin, 3),
            )
            if margin < threshold:
                ctx.warn(f"line {line.number}: run order is a guess (confidence {margin:.2f}); check it")
            line = Line(line.number, fixed, line.page)
        out.append(line)
    return out


ARABIC_WORD_RE = regex.compile(r"\p{Arabic}")
