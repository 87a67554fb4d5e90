from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Tests live in unit/ (fixers, order, visual, pipeline), samples/ (golden files) and system/
# (PDF, export, CLI, batch, hostile); the helpers they share (builders, invariants, garble_runs,
# pdf_helpers) stay here, beside this file, which pytest puts on sys.path.
SAMPLES = ROOT / "samples"
CLEAN_SAMPLES = ["a-res-76-186.txt", "cop-5-2-trafficking-protocol.txt"]
GARBLED_SAMPLES = [
    "a-64-sg-report-trafficking.txt",
    "ctoc-cop-2012-demand-report.txt",
    "a-res-61-180.txt",
]


def sample_text(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES
