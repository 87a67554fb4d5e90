"""Run-order fixer: lines whose runs came out in reverse reading order.

(Lines whose characters *all* came out reversed are :mod:`unparse.repair.visual`'s.)

* :func:`reorder_runs`: a line whose *runs* came out from left to right on the page,
  so the runs are in reverse reading order while each run reads correctly. The repair
  chooses where the run boundaries are and outputs the runs in reverse order, nothing
  added or lost but spaces. Boundaries are scored with a small language model learned
  from the document itself (word pairs found inside runs, backed off to word shapes), a
  general Arabic word list, the last word of the line before, and words broken across a
  run edge (pieces that join into a word the document or the list knows), by dynamic
  programming over the boundary choices; the margin between the best and the next-best
  reading is the confidence.

The modules, in the order the step uses them: :mod:`.atoms` (the pieces of a line),
:mod:`.evidence` (is the document run-reversed), :mod:`.model` (the document's language
model), :mod:`.scoring` (boundary priors, junctions, the dynamic program; every weight in
:mod:`.weights`), :mod:`.render` (a reading as text), :mod:`.lead_mark` (a short line led
by its closing mark), :mod:`.wide_gaps` (a line judged alone cut at its wide gaps), :mod:`.step`
(the document step).
"""

from __future__ import annotations

from .atoms import Atom, atomize
from .evidence import is_run_reversed, run_reversal_evidence, skeletons
from .model import DocumentModel, glue_bonus, split_glued
from .render import render
from .scoring import Reading, best_readings
from .step import reorder_line, reorder_runs

__all__ = [
    "Atom",
    "DocumentModel",
    "Reading",
    "atomize",
    "best_readings",
    "glue_bonus",
    "is_run_reversed",
    "render",
    "reorder_line",
    "reorder_runs",
    "run_reversal_evidence",
    "skeletons",
    "split_glued",
]
