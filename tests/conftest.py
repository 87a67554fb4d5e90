from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Tests live in unit/ (fixers, order, visual, pipeline), samples/ (golden files) and system/
# (PDF, export, CLI, batch, hostile); the shared helpers (invariants, garble, pdf_helpers)
# stay here. A few unit and sample tests reuse the builders of two system tests
# (test_export, test_pdf_structure): system/ is importable from every folder.
sys.path.insert(0, str(Path(__file__).resolve().parent / "system"))
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
