"""Idempotence on the extractions that were not: ``normalize`` twice over every dev input of
the pdfminer and pdftotext -raw extractions of LibreOffice PDFs (issue 10). Each cell had
an input whose repaired text a second pass changed again: a dash left at a line end that
read as PyMuPDF's moved dash (pdfminer, report-a-79-190), a reference left on lines of its
own whose comma and stop read as run-reversed lines (-raw, report-a-78-7-add-9, page by
page). Test-split inputs are never read here."""

from __future__ import annotations

from pathlib import Path

import pytest

from unparse import normalize

ROOT = Path(__file__).resolve().parents[2] / "benchmarks" / "accuracy"


def _dev_names() -> list[str]:
    names = []
    for path in sorted((ROOT / "sources").glob("*.txt")):
        header = path.read_text(encoding="utf-8").split("\n===", 1)[0]
        if "split: test" not in header:
            names.append(path.stem)
    return names


DEV = _dev_names()


@pytest.mark.parametrize("extractor", ["pdfminer", "pdftotext-raw"])
def test_dev_inputs_reach_a_fixed_point(extractor: str) -> None:
    assert len(DEV) >= 20
    changed = []
    for name in DEV:
        path = ROOT / "inputs" / "text" / "libreoffice" / extractor / f"{name}.txt"
        raw = path.read_text(encoding="utf-8")
        # -raw page by page too (a page of text: ten lines or more), where the failure showed.
        pages = [c for c in raw.split("\f") if c.count("\n") >= 10] if extractor == "pdftotext-raw" else []
        chunks = [raw, *pages]
        for k, chunk in enumerate(chunks):
            once = normalize(chunk)
            if normalize(once) != once:
                changed.append(f"{name}[{k}]")
    assert changed == []
