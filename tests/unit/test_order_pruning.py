"""The run-order step's exact pruning: the junction cells it skips are cells no reading can
use, and the UN table's pairs it skips are pairs the table gives 0.0 (output unchanged)."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from unparse.lines import split_lines
from unparse.repair import unpc
from unparse.repair.order.atoms import WORD, atomize, word_pairs
from unparse.repair.order.model import DocumentModel
from unparse.repair.order.scoring import FORCED, _lowest, boundary_prior, junctions
from unparse.repair.order.weights import BG_WEIGHT_REVERSED

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _limits(forced: list[bool]) -> list[int]:
    """scoring.best_readings' limit: the next forced boundary after k (or the last index)."""
    m = len(forced)
    limit, nxt = [m - 1] * m, m - 1
    for k in range(m - 1, -1, -1):
        limit[k] = nxt
        if k > 0 and forced[k]:
            nxt = k
    return limit


def _usable(limit: list[int], r: int, k: int) -> bool:
    """Whether some reading has a run [k, q) followed by a run [q, r) (each within its
    limit): the definition the pruning must keep every such cell for."""
    return any(q <= limit[k] and r <= limit[q] for q in range(k + 1, r))


def test_lowest_keeps_every_usable_cell_and_only_skips_unusable_ones() -> None:
    rng = random.Random(11)
    for _ in range(400):
        m = rng.randint(2, 16)
        limit = _limits([rng.random() < 0.3 for _ in range(m)])
        lowest = _lowest(limit)
        for r in range(2, m):
            assert lowest[r] <= r - 1
            for k in range(r - 1):
                if _usable(limit, r, k):
                    assert k >= lowest[r], (limit, r, k)
                elif k < lowest[r]:
                    assert not _usable(limit, r, k)
            # The first kept column is usable: the bound is as tight as the definition.
            if lowest[r] < r - 1:
                assert _usable(limit, r, lowest[r])


def test_pruned_junctions_equal_the_full_table_where_kept() -> None:
    text = (SAMPLES / "a-64-sg-report-trafficking.txt").read_text(encoding="utf-8")
    raw = [atomize(line.text) for line in split_lines(text)]
    model = DocumentModel(raw)
    model.bg_weight, model.bg_attested = BG_WEIGHT_REVERSED, True  # a run-reversed document
    checked = 0
    for atoms in raw:
        n = len(atoms)
        priors = {i: p for i in range(1, n) if (p := boundary_prior(atoms, i)) is not None}
        positions = [0, *sorted(priors), n]
        if n < 2 or len(positions) > 16:
            continue
        keys = [a.key if a.kind == WORD else "" for a in atoms]
        own = Counter(word_pairs(atoms))
        first = [0.0] * (len(positions) - 1)
        limit = _limits([k > 0 and priors.get(p) == FORCED for k, p in enumerate(positions)])
        lowest = _lowest(limit)
        full = junctions(atoms, keys, positions, first, model, own)
        pruned = junctions(atoms, keys, positions, first, model, own, lowest)
        for r in range(2, len(positions)):
            assert pruned[r][lowest[r] :] == full[r][lowest[r] :]
            checked += len(full[r]) - lowest[r]
    assert checked > 5000


def test_table_followers_hold_every_attested_pair() -> None:
    table = unpc.table()
    words = sorted(table.words)[:300]
    for (u, v), _count in list(table.pairs.items())[:2000]:
        assert v in table.followers[u]
    for u in words:
        for v in words:
            if table.attested(u, v) > 0.0:
                assert v in table.followers.get(u, frozenset())
            elif v not in table.followers.get(u, frozenset()):
                assert table.attested(u, v) == 0.0


def test_background_counting_attested_pairs_only_is_the_table_attested() -> None:
    model = DocumentModel([atomize("الدول الأعضاء")])  # seen once: the table still counts
    model.bg_weight, model.bg_attested = BG_WEIGHT_REVERSED, True
    table = unpc.table()
    words = ["الدول", "الأعضاء", "الجمعية", "العامة", "في", "من", "حقوق", "الإنسان"]
    attested = 0
    for u in words:
        for v in words:
            expected = BG_WEIGHT_REVERSED * table.attested(u, v)
            assert model.background(u, v) == expected
            attested += expected > 0
    assert attested >= 3
