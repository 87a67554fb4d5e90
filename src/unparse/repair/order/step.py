"""The document step: each line of a run-reversed document (or each suspicious line of
another) repaired, every change recorded with its confidence.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter

import regex

from ...lines import Line
from .. import wordlist
from ..brackets import unmirror_brackets
from ..chars import collapse_spaces, normalize_spaces
from ..latin_lines import latin_prose
from ..pipeline import Context
from ..pypdf_runs import read_lines
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
from .evidence import (
    CLAUSE_START,
    end_marker,
    is_run_reversed,
    run_reversal_evidence,
    split_lead_number,
)
from .lead_mark import move_lead_mark
from .model import DocumentModel, prepare
from .render import render
from .scoring import best_readings
from .unplaced import holds_an_opening
from .weights import (
    BG_WEIGHT_REVERSED,
    IMPLAUSIBLE,
    LEAD_MARK_CONFIDENCE,
    LEAD_NUMBER_STAY,
    MAX_ALONE,
    MIN_PROSE,
    NUMBER_ALONE,
    NUMBER_EVIDENCE,
    PROSE_ZIPF,
    STAY,
    STAY_REVERSED,
    SURE_ALONE,
)
from .wide_gaps import reorder_at_wide_gaps


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
    strict: bool = False,
    ready: list[Atom] | None = None,
) -> tuple[str, float]:
    """The work of :func:`reorder_line`; ``own`` (this line's pairs) defaults to its atoms' pairs;
    ``ready``: ``raw`` prepared already (:meth:`DocumentModel.learn_fragments`).

    The line is reordered only when the best reading beats the line as it stands by more
    than ``stay`` (the prior for the current order); the confidence is the smaller of the
    margin over the runner-up and that lead."""
    whole = raw
    number = None
    m = end_marker(text)
    body = text
    glued = False
    if m:
        number = m.group(1)
        body = text[: m.start()]
        glued = regex.search(r"[-–]\p{Nd}", m.group()) is not None
        if raw is not None:
            raw = _before(raw, m.start())
    lead_number, rest = ("", body) if m else split_lead_number(text)
    if lead_number and _TRAILING_NUMBER_RE.search(rest):
        # "٥٨ - ... ويلاحظ أن ٤": a number at each end, either may be the paragraph's.
        lead_number = ""
    if lead_number:
        if strict:
            return text, 0.0  # judged alone, a line led by its number reads in order
        body, raw, before = rest, None, ""  # a paragraph starts here: no context before
        # The number first is the mark of reading order (evidence._reads_logical_line): the
        # body is reordered only where its reading is better than the order it came in.
        stay = max(stay, LEAD_NUMBER_STAY)
    if ready is not None and raw is not None and raw is whole and not strict:
        atoms = ready
    else:
        atoms = prepare(atomize(body) if raw is None else raw, model, fragments=not strict)
    if not atoms:
        return (f"{number} -" if number else text), math.inf
    if own is None:
        own = Counter(word_pairs(atoms))
    # A paragraph number says the line starts a paragraph: its first word is scored as one.
    readings = best_readings(atoms, model, own, before, opening=bool(number or lead_number))
    if not readings:
        return text, 0.0
    best = readings[0]
    margin = best.score - readings[1].score if len(readings) > 1 else math.inf
    if best.fallback is not None:
        # The UN table counts the pairs it attests only, so it can only ever favour a cut:
        # it may choose where a reordered line is cut, but no cut the document's evidence
        # would not make (a PyMuPDF line in reading order, its pairs unknown to the table,
        # was cut where two attested pairs could be made).
        margin = min(margin, best.fallback_margin)
        best = best.fallback
    if not best.cuts and not number and not any(a.split for a in atoms):
        return text, margin
    lead = best.gain + (NUMBER_EVIDENCE if number else 0.0) - stay
    if strict and number and atoms[-1].kind == WORD:
        # Judged alone, a paragraph number after a word at the line end is the sign itself
        # ("تلاحظ أشكال التعاون الجاري بين  - ٣"); after a number it may be a range ("3 - 5").
        lead += NUMBER_ALONE
    if lead < 0:
        return text, margin  # the order as it stands is plausible enough: left alone
    margin = min(margin, lead) if stay else margin
    bounds = [0, *best.cuts, len(atoms)]
    runs = [atoms[a:b] for a, b in itertools.pairwise(bounds)]
    runs.reverse()
    out = render(runs, model)
    if number:
        out = f"{number}- {out}" if glued else f"{number} - {out}"
    return lead_number + out, margin


# Per-line judgement in texts without the document's evidence of reversal (and no more
# evidence of order than of reversal): a line showing a sign is reordered when its reading
# leads by STAY and SURE_ALONE and is plausible in its own right (False: only documents
# with the evidence are repaired).
_PER_LINE = True


def _suspicious(atoms: list[Atom], model: DocumentModel, strict: bool = False) -> bool:
    """The cheap check before the dynamic program: whether the line shows any sign of
    reversed runs (a line whose current order is plausible is left alone, unscored).

    Signs: a clause mark or closing bracket first, an opening bracket last, a number at the
    end, a number or symbol glued to a word, two or more spaces between atoms, a word pair
    that is implausible as it stands, a token that no list knows (glued runs). ``strict``
    (a line judged alone, without the document's evidence) leaves out the signs clean UN
    text shows too: a closing bracket or a colon first, an opening bracket or a number last,
    a word glued to the number after it, an implausible pair.
    """
    if not atoms:
        return False
    first, last = atoms[0], atoms[-1]
    if first.text in CLAUSE_START or first.kind == MARK:
        return True
    if not strict and (
        first.text in CLAUSE_PUNCT or first.text in CLOSERS or last.text in OPENERS or last.kind == NUM
    ):
        return True
    own = Counter(word_pairs(atoms))
    plausibility, words, zipf = model.plausibility, model.bg.words, wordlist.zipf_key
    for left, right in itertools.pairwise(atoms):
        gap = right.gap
        if len(gap) >= 2:
            return True
        lk, rk = left.kind, right.kind
        glued = not gap and WORD in (lk, rk) and bool({lk, rk} & {NUM, LATIN, MARK})
        # A word glued to the number after it: a proclitic ("و20"), or in a line judged
        # alone a typing slip clean UN text shows too ("الساعة10:00").
        if glued and not (lk == WORD and rk == NUM and (strict or left.key in PROCLITICS)):
            return True
        if (
            gap
            and lk == WORD
            and rk == WORD
            and plausibility(left.key, right.key, own) < IMPLAUSIBLE
            # Judged alone, an unseen pair is no sign: the UN table is small, and clean
            # wrapped lines of the samples were reordered on it ("غيرها من التدابير، ...").
            and not strict
        ):
            return True
    for atom in atoms:
        key = atom.key
        if atom.kind != WORD or len(key) < 5 or key in words or model.unigrams.get(key, 0) > 1 or zipf(key):
            continue
        # A token no list knows: glued runs, long or splitting into words ("ذلكأن").
        if len(key) >= 6 or len(model.split(atom.text)) > 1:
            return True
    return False


def _prose(atoms: list[Atom]) -> bool:
    """A line to judge alone: ``MIN_PROSE`` atoms, three of them words of two letters or
    more that the word list knows as common (``PROSE_ZIPF``; marks and letter noise are no word: the fuzzer's
    ``الله= لا0ءء`` was reordered on a second pass), and no more than ``MAX_ALONE`` (a
    physical line; the dynamic program grows with the square of a line's candidate
    boundaries: a line of 200,000 characters took minutes and a gigabyte)."""
    return MIN_PROSE <= len(atoms) <= MAX_ALONE and sum(_common_word(atom) for atom in atoms) >= 3


def _common_word(atom: Atom) -> bool:
    return atom.kind == WORD and len(atom.key) >= 2 and wordlist.zipf_key(atom.key) >= PROSE_ZIPF


def _reorder_all(
    lines: list[Line],
    raw: list[list[Atom]],
    model: DocumentModel,
    stay: float = 0.0,
    every: bool = True,
    prepared: list[list[Atom]] | None = None,
) -> list[tuple[str, float] | None]:
    """Every line repaired, with the last word of the line before (as repaired) as context
    when at most one blank line separates them. (The next line's first word, from a first
    pass, was measured too: better on garbled text, worse on the real samples.) A line
    that shows no sign of reversal (:func:`_suspicious`) is left as it is (None) unless
    ``every`` (the document's evidence says its lines are reversed)."""
    out: list[tuple[str, float] | None] = []
    before = ""
    blank = 0
    for n, (line, atoms) in enumerate(zip(lines, raw, strict=True)):
        if not atoms:
            blank += 1
            out.append(None)
            continue
        # A left-to-right line is one run: its words are in order (latin_lines).
        judged = every or (_prose(atoms) and _suspicious(atoms, model, strict=True))
        if judged and not latin_prose(line.text):
            context = before if blank <= 1 else ""
            if every:
                ready = prepared[n] if prepared is not None else None
                result = _reorder_line(line.text, model, None, atoms, context, stay, False, ready)
            else:
                # Judged alone, the line is scored as a second pass would read it (its spaces
                # collapsed), so the two passes reach one answer (the fuzzer's "الله=  لا0آل").
                seen = _as_repaired(line.text)
                result = _reorder_line(seen, model, None, atomize(seen), context, stay, strict=True)
                if result[0] == seen:
                    result = (line.text, result[1])
            if (
                not every
                and result[0] != line.text
                and (result[1] < SURE_ALONE or _suspicious(atomize(result[0]), model, strict=True))
            ):
                # Judged alone, a reading is only taken when it is clearly the best (its lead
                # over the runner-up and over the line as it stands) and plausible in its own
                # right: read again, it is left alone.
                result = (line.text, 0.0)
            if not every and result[0] == line.text and (cut := _at_wide_gaps(line.text, model, context)):
                result = cut
            if (
                not every
                and result[0] == line.text
                and (moved := _lead_mark_alone(line.text, atoms, model, context))
            ):
                result = (moved, LEAD_MARK_CONFIDENCE)
            out.append(result)
            text = result[0]
        elif (
            not every
            and "  " in line.text
            and not latin_prose(line.text)
            and (cut := _at_wide_gaps(line.text, model, before if blank <= 1 else "")) is not None
        ):
            # Too short to judge alone, but its wide gaps say where its runs end.
            out.append(cut)
            text = cut[0]
        elif not every and (moved := move_lead_mark(atoms)) is not None and not latin_prose(line.text):
            # Too short to judge alone, but its closing mark came out first: only it moves.
            out.append((moved, LEAD_MARK_CONFIDENCE))
            text = moved
        else:
            out.append(None)
            text = line.text
        blank = 0
        last = LAST_WORD_RE.search(text)
        before = wordlist.lookup_key(last.group()) if last else ""
    return out


def _at_wide_gaps(text: str, model: DocumentModel, before: str) -> tuple[str, float] | None:
    """A line judged alone cut at its wide gaps (:func:`.wide_gaps.reorder_at_wide_gaps`)
    where the reading is plausible in its own right: read again, it is left alone."""
    if "  " not in text:
        return None  # the clean text's path: no wide gap, nothing to do
    cut = reorder_at_wide_gaps(text, _as_repaired(text), model, before)
    if cut is None or _suspicious(atomize(cut[0]), model, strict=True):
        return None
    return cut


def _lead_mark_alone(text: str, atoms: list[Atom], model: DocumentModel, before: str) -> str | None:
    """A line judged alone and left as it is, led by its closing mark (:func:`move_lead_mark`),
    with the mark moved to its end where the best reading, however close its runner-up, does
    just that: the mark is the evidence, the model agrees (``".جمهورية أذربيجان، الجهة
    المعتدى عليها"``: its best reading led the runner-up, one more cut, by 0.17 only)."""
    moved = move_lead_mark(atoms, MAX_ALONE)
    if moved is None:
        return None
    seen = _as_repaired(text)
    best = _reorder_line(seen, model, None, atomize(seen), before, -math.inf, strict=True)[0]
    return moved if _as_repaired(best) == _as_repaired(moved) else None


_ROUNDS = 3  # passes of the step over its own output before it gives up on a line


def _as_repaired(text: str) -> str:
    """A reordered line as the later steps leave it (its mirrored brackets flipped, its
    spaces collapsed): what a second pass reads."""
    return normalize_spaces(unmirror_brackets(text))


def _one_pass(
    lines: list[Line], facts: dict[str, object], evidence: dict[str, int], kept: dict[int, str] | None = None
) -> tuple[bool, list[tuple[str, float] | None] | None]:
    """(whether the document reads run-reversed, each line's repair or None), or no
    repairs at all (None) where the document's evidence says its lines are in order.
    The lines another step already read back (``kept``: number → text as given) are
    counted as given."""
    decided = (
        [Line(line.number, kept.get(line.number, line.text), line.page) for line in lines] if kept else lines
    )
    reversed_doc = is_run_reversed(decided, evidence)
    if not reversed_doc:
        if not _PER_LINE:
            return False, None
        visual = facts.get("visual_evidence")
        if isinstance(visual, dict) and visual.get("lines_reversed"):
            return False, None  # the visual step put its lines in order, letter by letter
        bad, good = run_reversal_evidence(decided)
        if good > bad:
            # More evidence of reading order (numbers first, punctuation last) than of
            # reversal: the lines are left as they are (and a repaired text stays repaired).
            # Judged one by one, a logical extractor's lines gave readings a second pass
            # changed again (pypdf, pypdfium2: not idempotent on 31 more benchmark inputs).
            return False, None
    if not any(ARABIC_WORD_RE.search(line.text) for line in lines):
        return reversed_doc, None
    raw = [atomize(line.text) for line in lines]
    model = DocumentModel(raw)
    prepared = None
    if reversed_doc:
        model.bg_weight = BG_WEIGHT_REVERSED
        model.bg_attested = True
        prepared = model.learn_fragments(raw)  # the model complete before any line is scored
    stay = STAY_REVERSED if reversed_doc else STAY
    return reversed_doc, _reorder_all(lines, raw, model, stay, reversed_doc, prepared)


def reorder_runs(lines: list[Line], ctx: Context) -> list[Line]:
    """Document step: lines whose runs came out right-to-left (reverse reading order).

    Real example (A/64 report, line 15), runs glued and in reverse order:
    ``"الجهات  كلجمع آراء ، إلى ٦٣/١٩٤، في قرارها  العامالأميندعت الجمعية العامة   - ١"`` →
    ``"١ - دعت الجمعية العامة الأمين العام، في قرارها ٦٣/١٩٤، إلى جمع آراء كل الجهات"``.

    Per line: a line is reordered when its best reading is clearly more plausible than its
    current one. The document's evidence (:func:`is_run_reversed`) is a prior, not a gate:
    with it a reading only has to beat the line as it stands, without it by ``STAY``, and
    only a line that shows a sign of reversal is judged at all. The step runs again over
    its own output (its spaces collapsed, as the later steps leave them), with the model
    of the repaired text, until nothing changes (at most ``_ROUNDS`` passes): what a second
    ``normalize`` would change, this one does (idempotence).
    """
    # A reader that put the lines in logical order from glyph positions (the PDF reader)
    # says so; its lines must not be reordered again.
    if ctx.facts.get("logical_order") is True:
        return lines
    evidence: dict[str, int] = {}
    kept_lines = read_lines(ctx)
    reversed_doc, results = _one_pass(lines, ctx.facts, evidence, kept_lines)
    decision: dict[str, bool | int] = {"decided": reversed_doc, **evidence}
    ctx.facts["runs_reversed_evidence"] = decision
    if reversed_doc:
        ctx.facts["runs_reversed"] = True
    if results is None:
        return _report_unplaced(lines, ctx, reversed_doc)
    kept = {n for n, line in enumerate(lines) if line.number in kept_lines}
    texts = [line.text for line in lines]
    margins = [math.inf] * len(lines)
    moved: set[int] = set()
    current = lines
    for round_ in range(_ROUNDS):
        changed = False
        for n, result in enumerate(results):
            if result is not None and result[0] != current[n].text and n not in kept:
                texts[n] = result[0]
                margins[n] = min(margins[n], result[1])
                moved.add(n)
                changed = True
        # Nothing changed, but the later steps collapse the spaces of the lines that have wide
        # gaps: the lines as a second normalize reads them are judged once more (their model
        # counts the pairs the gaps parted: "   .    شخص واحد     له ..." was left, then
        # repaired by a second normalize).
        widened = round_ == 0 and any("  " in line.text for line in lines)
        if (not changed and not widened) or round_ + 1 == _ROUNDS:
            break
        current = [
            Line(line.number, _as_repaired(text) if n in moved else collapse_spaces(text), line.page)
            for n, (line, text) in enumerate(zip(lines, texts, strict=True))
        ]
        results = _one_pass(current, ctx.facts, {}, kept_lines)[1]
        if results is None:
            break
    out: list[Line] = []
    threshold = ctx.options.min_confidence
    reordered = guesses = 0
    for n, line in enumerate(lines):
        fixed, margin = texts[n], margins[n]
        if fixed != line.text:
            reordered += 1
            guesses += margin < threshold
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
    # What the decision led to: the lines reordered, and those below Options.min_confidence
    # (each named in the warnings).
    decision["lines_reordered"] = reordered
    decision["lines_below_confidence"] = guesses
    return _report_unplaced(out, ctx, reversed_doc)


def _report_unplaced(lines: list[Line], ctx: Context, reversed_doc: bool) -> list[Line]:
    """``lines``, the lines of a run-reversed document whose reading holds an opening the
    fixer cannot place (:func:`~.unplaced.holds_an_opening`) reported in the facts."""
    if reversed_doc:
        # Judged as the later steps leave the line (its mirrored brackets flipped, its
        # spaces collapsed): a note's marker drawn ")3(" is read "(3)".
        ctx.facts["order_unplaced"] = [
            line.number for line in lines if holds_an_opening(_as_repaired(line.text))
        ]
    return lines


ARABIC_WORD_RE = regex.compile(r"\p{Arabic}")
_TRAILING_NUMBER_RE = regex.compile(r"\p{Nd}\s*$")
