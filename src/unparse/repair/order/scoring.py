"""Scoring the readings of a line: where its run boundaries may be (their priors), what
each junction of two runs says (:func:`junctions`), and the dynamic program that finds
the best reading and its runner-up (:func:`best_readings`). The weights are
:mod:`.weights`'s.

>>> from collections import Counter
>>> from unparse.repair.order.atoms import atomize
>>> from unparse.repair.order.model import DocumentModel
>>> model = DocumentModel([atomize("الجمعية العامة")])
>>> atoms = atomize("العامة  الجمعية")
>>> best = best_readings(atoms, model, Counter())[0]
>>> best.cuts
[1]
"""

from __future__ import annotations

import itertools
import math
import operator
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from .. import wordlist
from .atoms import (
    CLAUSE_PUNCT,
    CLOSERS,
    LABEL_RE,
    LATIN,
    MARK,
    NUM,
    OPENERS,
    PROCLITICS,
    PUNCT,
    TATWEEL,
    WORD,
    Atom,
    mirrored_group_before,
    opens_mirrored_group,
    standalone,
)
from .model import NO_PAIRS, NO_SHAPE, NOTHING, DocumentModel, glue_bonus
from .weights import (
    END_OPENER,
    END_PUNCT,
    FIRST_PUNCT,
    FORCED,
    FORCED_CUT,
    FORCED_EVIDENCE,
    FULL_STOP_GLUED,
    LABEL_START,
    MAX_CANDIDATES,
    MULTI_SPACE_BONUS,
    OPENING,
    REVERSED_EDGE_BONUS,
    SEPARATE_RUN_BONUS,
    SHAPE_SMOOTH,
    SHAPE_WEIGHT,
    SINGLE_SPACE_COST,
    START_CLOSER,
    START_PUNCT,
    SURE_PAIR,
    UNGOVERNED,
)


def _separate(atoms: list[Atom], i: int) -> bool:
    """Atoms that are runs of their own in a visual extraction: numbers, Latin symbols,
    markers, and a slash, a footnote asterisk or a full stop standing alone between spaces."""
    atom = atoms[i]
    if atom.kind in (NUM, LATIN, MARK):
        return True
    # A standalone full stop is a run of its own ("ملخصا .  المجتمع"); a standalone comma
    # leads the run after it ("آراء ، إلى").
    return atom.text == "/" or (atom.text in ".:*" and standalone(atoms, i))


def _glued_slash(atoms: list[Atom], i: int) -> bool:
    """Whether the boundary before atom i touches a slash glued to a word on both sides
    (``"تشرين الأول/أكتوبر"``); a run edge at a slash leaves a space on one side at least
    (``"مايو / أيار"``, ``"فبراير /شباط"``)."""
    s = i - 1 if atoms[i - 1].text == "/" else i
    if s < 1 or s + 1 >= len(atoms):
        return False
    left, slash, right = atoms[s - 1], atoms[s], atoms[s + 1]
    return not slash.gap and not right.gap and left.kind == WORD and right.kind == WORD


def _reads_reversed(atom: Atom) -> bool:
    """A short word that is far more common reversed: ``"يف"`` (``"في"``)."""
    if atom.kind != WORD or not 2 <= len(atom.key) <= 3:
        return False
    return wordlist.zipf(atom.key[::-1]) >= wordlist.zipf(atom.key) + 2.0


def boundary_prior(atoms: list[Atom], i: int) -> float | None:
    """Prior for a run boundary before atom i: None = impossible, inf = certain."""
    left, right = atoms[i - 1], atoms[i]
    lk, rk = left.kind, right.kind
    if right.gap == " " and lk == WORD and rk == WORD and 1 < i < len(atoms) - 1:
        return SINGLE_SPACE_COST  # the common case, two words inside the line
    if right.gap == "":
        if right.split:
            return FORCED
        if left.text == "(" and rk in (WORD, NUM) and mirrored_group_before(atoms, i - 1):
            return FORCED  # ")بروتوكول … (وبخاصة": a mirrored closing parenthesis ends its run
        if left.text.endswith(TATWEEL) or right.text.startswith(TATWEEL):
            return None
        if {lk, rk} & {NUM, LATIN, MARK} and WORD in {lk, rk}:
            return FORCED
        if (lk == MARK and rk == NUM) or (lk == NUM and rk == MARK):
            return FORCED
        if right.text in "[(" and lk == WORD and (i + 1 == len(atoms) or atoms[i + 1].gap):
            return FORCED  # "بناء[": an opening bracket that leads the line's first run
        if left.text in "])" and rk in (WORD, MARK, NUM) and i == 1:
            return FORCED  # "])A/61/444(": a closing bracket that ends the line
        if lk == NUM and right.text in "-–" and i + 1 < len(atoms):
            after = atoms[i + 1]
            if after.kind == NUM and after.gap:
                return FORCED  # "١٩- ١٥": a range whose two numbers came out reversed
        if left.text in CLAUSE_PUNCT and rk in (WORD, NUM, MARK, LATIN):
            return FORCED  # "،الرق": a comma that starts a run
        if right.text in CLAUSE_PUNCT:
            if left.text in CLAUSE_PUNCT and left.text != right.text:
                return FORCED  # ".، المرفق": two marks never glued in prose; each ends a run
            nxt = atoms[i + 1] if i + 1 < len(atoms) else None
            if lk in (NUM, MARK, LATIN) and right.text in "،؛":
                return FORCED  # "٦٣/١٩٤، في": the comma starts the next run
            if nxt is not None and nxt.gap == "":
                return FORCED  # "و،٢٠٠٠": a comma glued on both sides starts a run
            if right.text in ".:":
                return FULL_STOP_GLUED  # "اعتماد.  في": a full stop may belong to the next run
            return None
        if left.text == "/" or right.text == "/":
            if _glued_slash(atoms, i):
                return None  # "الأول/أكتوبر": a slash glued on both sides is inside its run
            return FORCED if WORD in (lk, rk) else None
        return None
    bonus = MULTI_SPACE_BONUS if len(right.gap) >= 2 else SINGLE_SPACE_COST
    if i in (1, len(atoms) - 1):
        edge = atoms[0] if i == 1 else atoms[-1]
        if _reads_reversed(edge):
            bonus += REVERSED_EDGE_BONUS  # "ينا، يف": a short run whose own letters came out reversed
    dash_number = left.text in "-–" and right.kind == NUM and i >= 2 and left.gap == ""
    if _separate(atoms, i - 1) or _separate(atoms, i) or dash_number:
        bonus += SEPARATE_RUN_BONUS
    elif right.text == ")" and opens_mirrored_group(atoms, i):
        bonus += SEPARATE_RUN_BONUS  # "ورقة )بروتوكول … (": the group is a run of its own
    elif right.text in "،؛" and standalone(atoms, i):
        bonus += SEPARATE_RUN_BONUS  # "آراء ، إلى": a standalone comma leads a run
    elif left.text in ".:" and i - 1 == 0:
        bonus += SEPARATE_RUN_BONUS  # ". إلى": the full stop that ends the line
    return bonus


# General Arabic: prepositions, relatives and particles are followed by what they govern.
NEEDS_COMPLEMENT = frozenset(
    [
        *("في", "من", "إلى", "على", "عن", "مع", "بين", "حول", "عبر", "لدى", "ضد"),
        *("حتى", "نحو", "منذ", "دون", "الذي", "التي", "الذين", "أن", "إن", "بأن"),
    ]
)


def start_score(atom: Atom) -> float:
    """The first atom of a logical line: a clause mark or a closing bracket is no start, a
    sub-item label is one.

    >>> from unparse.repair.order.atoms import atomize
    >>> [start_score(a) for a in atomize("؛)أ( جلسة")]
    [-6.0, 3.0, 0.0]
    """
    if atom.text in CLAUSE_PUNCT or atom.text == "/":
        return START_PUNCT
    if atom.text in CLOSERS:
        return START_CLOSER
    if atom.kind == MARK and LABEL_RE.fullmatch(atom.text):
        return LABEL_START
    return 0.0


def end_score(atom: Atom) -> float:
    """The last atom of a logical line."""
    if atom.text in CLAUSE_PUNCT:
        return END_PUNCT
    if atom.text in OPENERS or atom.text == "/":
        return END_OPENER
    return 0.0


@dataclass
class Reading:
    cuts: list[int]  # atom indices where a run starts (excluding 0)
    score: float
    # How much better than the line as it stands (forced boundaries count FORCED_EVIDENCE).
    gain: float = 0.0
    # The reading with the forced cuts only, where this one beats it by the evidence of the
    # UN table alone (counted as positive evidence only: model.bg_attested).
    fallback: Reading | None = None
    fallback_margin: float = 0.0  # by how much the fallback wins without the table


def junctions(
    atoms: list[Atom],
    keys: list[str],
    positions: list[int],
    first_bonus: list[float],
    model: DocumentModel,
    own: Counter[tuple[str, str]],
    lowest: list[int] | None = None,
) -> list[list[float]]:
    """junction[r][k]: the last atom of a run ending at positions[r] followed by the first
    atom of a run starting at positions[k] (only runs that start before it can follow it),
    plus first_bonus[k]; :meth:`DocumentModel.junction` for a pair of words. With
    ``lowest``, row r is scored from column ``lowest[r]`` on, the cells before it are 0.0:
    no reading uses them (:func:`_lowest`).

    The hot loop: one pass over the cells, row by row (the row's word looked up once), each
    cell the association of the pair (an unseen pair's by the product of the counts), the
    shape backoff, the UN table, then the glue bonus where the two may be pieces of one
    word; then the few cells that need more (a preposition before a marker, a pair of the
    line itself). (Measured: a third faster than one ``map`` over all cells per term; one
    flat list for the whole table, each term a ``map`` over it, was half again slower: rows
    are short, five cells on the run-reversed samples.)
    """
    m = len(positions)
    unigrams, shape, poor = model.unigrams, model.shape, model.poor
    starts = [keys[pos] for pos in positions[:-1]]
    bonus = first_bonus if first_bonus and any(first_bonus) else None
    # A cell whose row ends or whose column starts with no word (a number, a mark) is its
    # first bonus alone: association, shape and table give it 0.0 (a count of 0, no shape,
    # no pair) and it takes no glue. Those cells are filled at once; only the columns that
    # start with a word are scored (the row's words are).
    base = [0.0 + fb for fb in bonus] if bonus is not None else [0.0] * len(starts)
    word_columns = [k for k, v in enumerate(starts) if v]
    info = [
        (k, v, unigrams.get(v, 0), shape(v), poor(v), bonus[k] if bonus is not None else 0.0)
        for k in word_columns
        for v in [starts[k]]
    ]
    unseen, unseen_value = model.unseen, model.unseen_value
    followers, association = model.followers, model.association
    shape_bigrams, shape_left, shape_right = model.shape_bigrams, model.shape_left, model.shape_right
    shape_total = model.shape_total
    bg = bool(model.bg_weight)
    bg_cache, background = model.bg_cache, model.background
    # Counting attested pairs only, the table gives 0.0 for a pair it never saw: only the
    # words it saw after u are looked up (a tenth of the cells on the run-reversed samples).
    bg_after = model.bg.followers if bg and model.bg_attested else None
    bg_row: frozenset[str] | None = None
    table = wordlist.table()
    fragments = model.fragments
    log = math.log
    junction: list[list[float]] = [[], []]
    for r in range(2, m):
        u = keys[positions[r] - 1]
        low = lowest[r] if lowest is not None else 0
        row: list[float] = [0.0] * low
        row += base[low : r - 1]
        junction.append(row)
        if not u:
            continue
        cu, su, after, pu = unigrams.get(u, 0), shape(u), followers.get(u, NOTHING), poor(u)
        frag: set[str] | None = fragments.get(u) if fragments else None
        shape_row = model.shape_row(su)
        lu = shape_left.get(su, 0)
        if bg_after is not None:
            bg_row = bg_after.get(u, NOTHING)
        for k, v, cv, sv, pv, fb in info[bisect_left(word_columns, low) : bisect_left(word_columns, r - 1)]:
            p = cu * cv
            value = unseen.get(p)
            if value is None:
                value = unseen_value(p)
            if v in after:
                value = association(u, v, NO_PAIRS)
            s = shape_row.get(sv)
            if s is None:
                # DocumentModel.shape_value, inline: the first sight of a pair of shapes.
                if su == NO_SHAPE or sv == NO_SHAPE:
                    s = 0.0
                else:
                    expected = lu * shape_right.get(sv, 0) / shape_total
                    s = SHAPE_WEIGHT * log(
                        (shape_bigrams.get((su, sv), 0) + SHAPE_SMOOTH) / (expected + SHAPE_SMOOTH)
                    )
                shape_row[sv] = s
            cell = value + s
            if bg and (bg_row is None or v in bg_row):
                # DocumentModel.background, from its cache where it has the pair.
                b = bg_cache.get((u, v))
                if b is None:
                    b = background(u, v)
                cell = cell + b
            # Glue (_glued): only where the two spell a word the document repeats, or a
            # common word of the list and a piece is poor, or were found to be fragments
            # of one word.
            joined = u + v
            counted = unigrams.get(joined, 0)
            either = pu or pv
            if (either or counted >= 2) and (
                counted or (either and table.get(joined, 0.0) >= 3.0) or (frag is not None and v in frag)
            ):
                cell += glue_bonus(u, v, model)
            if bonus is not None:
                cell = cell + fb
            row[k] = cell
    ends = [""] * m
    for r in range(2, m):
        ends[r] = keys[positions[r] - 1]
    governing = [r for r in range(2, m) if ends[r] in NEEDS_COMPLEMENT]
    if governing:
        bare = [k for k, pos in enumerate(positions[:-1]) if atoms[pos].kind in (MARK, PUNCT)]
        for r in governing:
            for k in itertools.takewhile((r - 1).__gt__, bare):
                junction[r][k] -= UNGOVERNED  # "على )A/61/444(": a preposition with nothing to govern
    if own:
        # A pair of this line is counted without its own occurrences: its cells are scored
        # again, the pair once (where the line's rows end with u and its columns start with v).
        # (A word of marks alone has an empty key, and its pairs count: rows of every end.)
        rows_ending: dict[str, list[int]] = {}
        for r in range(2, m):
            rows_ending.setdefault(ends[r], []).append(r)
        columns_starting: dict[str, list[int]] = {}
        for k in word_columns:
            columns_starting.setdefault(starts[k], []).append(k)
        for u, v in own:
            rows, columns = rows_ending.get(u), columns_starting.get(v)
            if rows is None or columns is None or columns[0] >= rows[-1] - 1:
                continue
            value = model.junction(u, v, own)
            for r in rows:
                for k in columns:
                    if k < r - 1:
                        junction[r][k] = value + first_bonus[k]
    return junction


def _lowest(limit: list[int]) -> list[int]:
    """For each junction row r, the first column a reading can use: a run starting at
    positions[k] ends by positions[limit[k]] (the next forced boundary), the run after it
    by positions[limit[limit[k]]], so row r needs only the k with limit[limit[k]] >= r.

    >>> _lowest([2, 2, 3, 5, 5, 5])  # forced at 2 and 3: no reading joins 0 (or 1) to 4
    [0, 0, 0, 0, 2, 2]
    """
    m = len(limit)
    lowest = [0] * m
    k = 0
    for r in range(m):
        while k < r - 1 and limit[limit[k]] < r:
            k += 1
        lowest[r] = k
    return lowest


def best_readings(
    atoms: list[Atom],
    model: DocumentModel,
    own: Counter[tuple[str, str]],
    before: str = "",
    opening: bool = False,
    only: frozenset[int] | None = None,
) -> list[Reading]:
    """The best choice of run boundaries (dynamic programming) and the score of the best
    reading that differs from it by one boundary (its runner-up, for the confidence).

    With boundaries ``0 = b0 < b1 < ... < bk = n`` the output is the runs in reverse, so
    the pairs that change are at the junctions: the last atom of run j+1 followed by the
    first atom of run j. That score depends on (b_j, b_{j+2}) only, so the state is the
    last two boundaries. ``only``: the atom indices that may start a run beside the forced
    boundaries (:mod:`.wide_gaps`: a line's wide gaps); None, every candidate.
    """
    n = len(atoms)
    priors: dict[int, float] = {}
    optional: list[int] = []
    for i in range(1, n):
        right = atoms[i]
        if right.gap == " " and right.kind == WORD and atoms[i - 1].kind == WORD and 1 < i < n - 1:
            p = SINGLE_SPACE_COST  # the common case (boundary_prior's first)
        else:
            prior = boundary_prior(atoms, i)
            if prior is None:
                continue
            p = prior
        if only is not None and p != FORCED and i not in only:
            continue  # not a candidate the caller allows
        priors[i] = p
        if p == SINGLE_SPACE_COST and right.gap == " ":
            optional.append(i)
    association = model.association
    attested: dict[int, float] = {}
    if optional:
        attested = {i: association(atoms[i - 1].key, atoms[i].key, own) for i in optional}
        if len(priors) > MAX_CANDIDATES:
            # Keep the DP small: drop single-space gaps whose pair the document attests
            # well (they are the least likely boundaries); never a gap without such evidence.
            ranked = sorted(((value, i) for i, value in attested.items()), reverse=True)
            for value, i in ranked[: len(priors) - MAX_CANDIDATES]:
                if value < 1.0:
                    break
                del priors[i]
        for i, value in attested.items():
            # A pair the document attests strongly is no candidate at all (fewer states).
            if value >= SURE_PAIR:
                priors.pop(i, None)
    positions = [0, *sorted(priors), n]
    m = len(positions)

    keys = [a.key if a.kind == WORD else "" for a in atoms]
    # A run may not span a forced boundary: the furthest end of a run starting at k.
    limit = [m - 1] * m
    nxt = m - 1
    for k in range(m - 1, -1, -1):
        limit[k] = nxt
        if k > 0 and priors.get(positions[k]) == FORCED:
            nxt = k
    pair = model.pair
    cut = [0.0] * m
    cut_bg = [0.0] * m  # the UN table's share of each cut
    background = model.background if model.bg_weight else None
    for k in range(1, m - 1):
        i = positions[k]
        prior = priors[i]
        base = FORCED_CUT if prior == FORCED else prior
        if atoms[i].gap == " ":
            u, v = keys[i - 1], keys[i]
            if u and v:
                # A candidate's association is already known (model.pair is association
                # for a pair outside the line's own).
                if i in attested:
                    base -= attested[i]
                else:
                    base -= association(u, v, own) if (u, v) in own else pair(u, v)
                if background is not None:
                    cut_bg[k] = -background(u, v, own)
                    base += cut_bg[k]
            elif u in NEEDS_COMPLEMENT and atoms[i].kind in (MARK, PUNCT):
                base += UNGOVERNED
        cut[k] = base
    first_bonus = [FIRST_PUNCT if atoms[pos].text in CLAUSE_PUNCT else 0.0 for pos in positions[:-1]]
    junction = junctions(atoms, keys, positions, first_bonus, model, own, _lowest(limit))

    end_scores = [0.0] + [end_score(atoms[pos - 1]) for pos in positions[1:]]
    start_scores = [start_score(atoms[pos]) for pos in positions[:-1]]
    start_bg = [0.0] * (m - 1)
    if before:
        # The previous line's last word, read before this line's first one.
        for k, pos in enumerate(positions[:-1]):
            first = keys[pos]
            if first and pos == n - 1 and keys[0] and glue_bonus(first, keys[0], model):
                first += keys[0]  # "الأم" … "م": a word broken at the line's edge
            if first and (before, first) in model.bigrams:  # an unseen pair counts 0
                start_scores[k] += max(0.0, association(before, first, own))
            if first and background is not None:
                start_bg[k] = max(0.0, background(before, first))
                start_scores[k] += start_bg[k]
    if opening:
        # The line starts a paragraph (its number says so): a first word UN prose rarely
        # starts a sentence with (a preposition, a word with the article) costs what the
        # table says, except the line's own first word (a line whose order is plausible is
        # left alone: pypdf's lines in reading order were turned away from a first "في");
        # a likely one earns nothing (PyMuPDF lines in reading order, cut into runs by their
        # numbers, were turned to start on a "وقد" in their middle).
        starts = model.bg.opening
        for k, pos in enumerate(positions[1:-1], 1):
            if keys[pos]:
                start_scores[k] += OPENING * min(0.0, starts(keys[pos]))

    def total(ks: list[int]) -> float:
        """Score of the reading with runs starting at positions[ks] (ks[0] == 0)."""
        bounds = [*ks, m - 1]
        score = end_scores[bounds[1]] + start_scores[bounds[-2]]
        for j in range(1, len(bounds) - 1):
            score += cut[bounds[j]] + junction[bounds[j + 1]][bounds[j - 1]]
        return score

    # g[q][k]: best score with the last run [positions[k], positions[q]) (-inf: no such
    # reading); a run [q, r) after it adds max over k of g[q][k] + junction[r][k].
    neg = -math.inf
    add = operator.add
    g: list[list[float]] = [[end_scores[q] if q <= limit[0] else neg] for q in range(m)]
    for q in range(1, m - 1):
        column = g[q]
        reach = limit[q]
        if max(column) == neg:
            reach = q
        c = cut[q]
        for r in range(q + 1, m):
            g[r].append(max(map(add, column, junction[r])) + c if r <= reach else neg)
    finals = list(map(add, g[m - 1], start_scores))
    best_total = max(finals)
    if best_total == neg:
        return []
    ks: list[int] = []
    q, k = m - 1, finals.index(best_total)
    while k > 0:
        ks.append(k)
        values = list(map(add, g[k], junction[q]))
        q, k = k, values.index(max(values))
    ks = [0, *reversed(ks)]
    # The lead over the line as it stands counts a boundary's prior only for its gap (one
    # space or several): a number standing between spaces is a run of its own when the line
    # is reversed, and no evidence that it is.
    identity = end_scores[m - 1] + start_scores[0]

    def lead(ks: list[int], score: float) -> Reading:
        excess = 0.0
        for k in ks[1:]:
            pos = positions[k]
            prior = priors[pos]
            if prior == FORCED:
                proclitic = atoms[pos].kind == NUM and atoms[pos - 1].key in PROCLITICS
                # "و20", "ب500": a proclitic written onto its number reads in order.
                excess += FORCED_CUT - (0.0 if proclitic else FORCED_EVIDENCE)
            else:
                gap = MULTI_SPACE_BONUS if len(atoms[pos].gap) >= 2 else SINGLE_SPACE_COST
                excess += max(0.0, prior - gap)
        return Reading(sorted(positions[k] for k in ks[1:]), score, score - identity - excess)

    def table(ks: list[int]) -> float:
        """The UN table's share of a reading's score: its junctions and first word, less
        the pairs its cuts part (junctions() and model.junction add background(u, v, own))."""
        assert background is not None
        bounds = [*ks, m - 1]
        share = start_bg[bounds[-2]]
        for j in range(1, len(bounds) - 1):
            u, v = keys[positions[bounds[j + 1]] - 1], keys[positions[bounds[j - 1]]]
            share += cut_bg[bounds[j]] + (background(u, v, own) if u and v else 0.0)
        return share

    best = lead(ks, best_total)
    least = [0, *(k for k in range(1, m - 1) if priors[positions[k]] == FORCED)]
    if model.bg_attested and background is not None and ks != least:
        # Without the table's evidence, cut by cut: the cut whose removal helps most goes,
        # while one does. Where nothing is left but the forced cuts, the document's own
        # evidence prefers the line as it stands, and the table alone would reorder it.
        def plain(ks: list[int]) -> float:
            return total(ks) - table(ks)

        kept, score = ks, plain(ks)
        while True:
            merged = [
                alt
                for j in range(1, len(kept))
                if priors[positions[kept[j]]] != FORCED
                and limit[kept[j - 1]] >= (kept[j + 1] if j + 1 < len(kept) else m - 1)
                for alt in [kept[:j] + kept[j + 1 :]]
            ]
            scored = [(plain(alt), alt) for alt in merged]
            if not scored or max(scored)[0] <= score:
                break
            score, kept = max(scored)
        if kept == least:
            best.fallback = lead(least, total(least))
            best.fallback_margin = score - plain(ks)
    readings = [best]
    # Confidence: the best reading that differs by one boundary decision.
    # Adding a boundary always gives a valid reading; removing one merges two runs, valid
    # when the merged run spans no forced boundary.
    runner_up = neg
    j = 1  # ks[j] is the first chosen boundary at or after k
    for k in range(1, m - 1):
        while j < len(ks) and ks[j] < k:
            j += 1
        if priors[positions[k]] == FORCED:
            continue
        if j < len(ks) and ks[j] == k:
            after = ks[j + 1] if j + 1 < len(ks) else m - 1
            if limit[ks[j - 1]] < after:
                continue
            alt = ks[:j] + ks[j + 1 :]
        else:
            alt = [*ks[:j], k, *ks[j:]]
        runner_up = max(runner_up, total(alt))
    if runner_up > neg:
        readings.append(Reading([], runner_up))
    return readings
