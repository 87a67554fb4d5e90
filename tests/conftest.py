from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import unparse
from unparse import Document

ROOT = Path(__file__).resolve().parent.parent
# Tests live in unit/ (fixers, order, visual, pipeline), samples/ (golden files) and system/
# (PDF, export, CLI, batch, hostile); the helpers they share (builders, invariants, garble_runs,
# pdf_helpers) stay here, beside this file, which pytest puts on sys.path.
SAMPLES = ROOT / "samples"
FIXTURES = ROOT / "tests" / "fixtures"
# The Egyptian gazette (a real PDF, a law with an attached law), read by the law, export and
# span tests.
GAZETTE = FIXTURES / "pdf" / "egypt-gazette-law-8-2022.pdf"
AKN_XSD = FIXTURES / "akn" / "akomantoso30.xsd"
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


@pytest.fixture(scope="session")
def schema() -> Any:
    """The Akoma Ntoso 3.0 schema, to validate the AKN export (xmlschema is an optional test
    dependency: the tests that ask for it are skipped without it)."""
    xmlschema = pytest.importorskip("xmlschema")
    return xmlschema.XMLSchema(str(AKN_XSD))


@pytest.fixture(scope="session")
def gazette() -> Document:
    """The gazette parsed once for the session (~2 s); the tests only read it."""
    return unparse.parse_pdf(GAZETTE)
