"""The accuracy benchmark's floors: on the fixed subset of benchmarks/accuracy/floors.json,
every cell (extractor or garbler × typesetter, and parse_pdf × typesetter) scores at or
above its recorded floor, its doc CER at or below its ceiling, and no more inputs are
harmed, losing letters or digits without a recorded fix, or changing when repaired again
than recorded. Floors only go up (``python benchmarks/accuracy/run.py
--raise-floors`` never lowers one); the full matrix is ``make accuracy``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

ACC = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy"
sys.path.insert(0, str(ACC))

import run  # noqa: E402

FLOORS: dict[str, Any] = json.loads((ACC / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def measured() -> dict[str, Any]:
    results = run.run(set(FLOORS["documents"]), 2)
    return run.report(results, {}, 0.0, True)[2]


def test_subset_is_the_recorded_one() -> None:
    assert FLOORS["documents"] == sorted(run.subset_docs()), "sources changed: run.py --raise-floors"


def test_every_input_of_the_subset_is_there(measured: dict[str, Any]) -> None:
    assert set(measured["cells"]) == set(FLOORS["cells"])
    # 8 extractors and parse_pdf on 3 typesetters, 2 garblers on the source.
    assert len(FLOORS["cells"]) >= 3 * 9 + 2


@pytest.mark.slow
def test_floors(measured: dict[str, Any]) -> None:
    below = []
    for key, floor in sorted(FLOORS["cells"].items()):
        cell = measured["cells"][key]
        for m in ("paragraph_f1", "sub_item_f1", "footnote_f1", "number_recall", "counts_exact"):
            if cell[m] < floor.get(m, 0.0) - 1e-9:
                below.append(f"{key}: {m} {cell[m]:.4f} < floor {floor[m]:.2f}")
        if cell["doc_cer"] > floor["doc_cer_max"] + 1e-9:
            below.append(f"{key}: doc CER {cell['doc_cer']:.4f} > ceiling {floor['doc_cer_max']:.2f}")
        if cell["harmed"] > floor["harmed_max"]:
            below.append(f"{key}: {cell['harmed']} inputs harmed > {floor['harmed_max']}")
        if cell["lost"] > floor["lost_max"]:
            below.append(f"{key}: {cell['lost']} inputs lost letters or digits > {floor['lost_max']}")
        if cell["not_idempotent"] > floor["not_idempotent_max"]:
            below.append(
                f"{key}: {cell['not_idempotent']} inputs not idempotent > {floor['not_idempotent_max']}"
            )
    assert not below, "\n".join(below)
