"""scripts/compare_outputs.py, the check that a refactor changes no output: two dumps made
in processes with different hash seeds are byte-identical (an output that depended on set
order would make every comparison fail, or pass by luck), and a changed or missing file is
named."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "compare_outputs.py"
# A garbled sample, a clean one, a PDF the reader refuses and one it reads, a garbled
# benchmark text.
ONLY = [
    "samples/a-res-61-180.txt",
    "samples/a-res-76-186.txt",
    "tests/fixtures/pdf/bad-encrypted.pdf",
    "tests/fixtures/pdf/report-footnotes.pdf",
    "garbled/run-reversal/ga-res-77-231.txt",
]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compare_outputs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _dump(dest: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, str(SCRIPT), "dump", str(dest), "--only", *ONLY], check=True, env=env)


def test_dumps_in_two_processes_are_identical_and_a_change_is_named(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    _dump(a, "1")
    _dump(b, "2")
    names = sorted(str(p.relative_to(a)) for p in a.rglob("*") if p.is_file())
    assert names == [
        "benchmarks/accuracy/inputs/garbled/run-reversal/ga-res-77-231.txt.fixes.txt",
        "benchmarks/accuracy/inputs/garbled/run-reversal/ga-res-77-231.txt.json",
        "benchmarks/accuracy/inputs/garbled/run-reversal/ga-res-77-231.txt.normalize.txt",
        "samples/a-res-61-180.txt.fixes.txt",
        "samples/a-res-61-180.txt.json",
        "samples/a-res-61-180.txt.normalize.txt",
        "samples/a-res-76-186.txt.fixes.txt",
        "samples/a-res-76-186.txt.json",
        "samples/a-res-76-186.txt.normalize.txt",
        "tests/fixtures/pdf/bad-encrypted.pdf.error.txt",
        "tests/fixtures/pdf/report-footnotes.pdf.json",
    ]
    assert (
        (a / "tests/fixtures/pdf/bad-encrypted.pdf.error.txt")
        .read_text(encoding="utf-8")
        .startswith("PdfError: tests/fixtures/pdf/bad-encrypted.pdf: is encrypted")
    )
    # The fix log: one JSON row per fix, a reordered line with its confidence.
    rows = [
        json.loads(line)
        for line in (a / "samples/a-res-61-180.txt.fixes.txt").read_text("utf-8").splitlines()
    ]
    orders = [row for row in rows if row[0] == "line_order"]
    assert orders and all(isinstance(row[1], int) and row[2] != row[3] for row in orders)
    assert any(isinstance(row[4], float) for row in orders)
    compare = _script().compare
    assert compare(a, b) == []
    fixes = b / "samples/a-res-61-180.txt.fixes.txt"
    fixes.write_text(fixes.read_text("utf-8").replace("line_order", "digits", 1), "utf-8")
    normalized = b / "samples/a-res-61-180.txt.normalize.txt"
    normalized.write_bytes(normalized.read_bytes() + b"\n")
    (b / "tests/fixtures/pdf/report-footnotes.pdf.json").unlink()
    assert compare(a, b) == [
        f"only in {a}: tests/fixtures/pdf/report-footnotes.pdf.json",
        "differs: samples/a-res-61-180.txt.fixes.txt",
        "differs: samples/a-res-61-180.txt.normalize.txt",
    ]
