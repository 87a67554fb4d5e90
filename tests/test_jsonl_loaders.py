"""The batch JSONL of a mixed corpus (texts and PDFs, reports and resolutions) loads in pandas,
Hugging Face ``datasets`` and polars with the schema unparse ships, and every record matches
that schema (``unparse schema --jsonl``)."""

from __future__ import annotations

import glob
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from unparse.batch import run_batch
from unparse.cli import main
from unparse.export.jsonl import FIELD_TYPES, RECORD_FIELDS, record_schema

ROOT = Path(__file__).resolve().parent.parent
PDFS = [ROOT / "tests/fixtures/pdf/res-western.pdf", ROOT / "tests/fixtures/pdf/report-footnotes.pdf"]


@pytest.fixture(scope="module")
def batch_files(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """``out/**/*.jsonl`` of a batch over samples/*.txt and two PDFs, in two folders."""
    root = tmp_path_factory.mktemp("mixed")
    src = root / "in"
    (src / "texts").mkdir(parents=True)
    (src / "pdfs").mkdir()
    for sample in sorted((ROOT / "samples").glob("*.txt")):
        shutil.copy(sample, src / "texts" / sample.name)
    for pdf in PDFS:
        shutil.copy(pdf, src / "pdfs" / pdf.name)
    out = root / "out"
    summary = run_batch(src, out, format="jsonl", jobs=2, progress=False)
    assert summary.failed == 0
    files = sorted(glob.glob(os.path.join(out, "**", "*.jsonl"), recursive=True))
    assert len(files) == 7
    return files


def rows_of(files: list[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for f in files for line in Path(f).read_text(encoding="utf-8").splitlines()]


def test_the_mixed_batch_is_mixed(batch_files: list[str]) -> None:
    rows = rows_of(batch_files)
    assert {r["kind"] for r in rows} >= {"resolution", "report"}
    assert any(r["start_page"] is None for r in rows) and any(r["start_page"] for r in rows)
    assert any(r["symbol"] is None for r in rows) and any(r["symbol"] for r in rows)


def test_every_record_matches_the_schema(batch_files: list[str]) -> None:
    schema = record_schema()
    assert schema["required"] == list(RECORD_FIELDS)
    assert list(schema["properties"]) == list(RECORD_FIELDS)
    python_type = {"string": str, "integer": int}
    for row in rows_of(batch_files):
        assert list(row) == list(RECORD_FIELDS)
        for name, (kind, nullable) in FIELD_TYPES.items():
            value = row[name]
            if kind == "strings":
                assert isinstance(value, list) and all(isinstance(v, str) for v in value)
            elif value is None:
                assert nullable, name
            else:
                assert type(value) is python_type[kind], (name, value)


def test_schema_command_prints_the_record_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--jsonl"], standalone_mode=False) == 0
    assert json.loads(capsys.readouterr().out) == record_schema()


def test_pandas_loads_the_batch_as_is(batch_files: list[str]) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.concat([pd.read_json(f, lines=True) for f in batch_files], ignore_index=True)
    assert list(frame.columns) == list(RECORD_FIELDS)
    assert len(frame) == len(rows_of(batch_files))


def test_polars_loads_the_batch_with_the_schema(batch_files: list[str]) -> None:
    pl = pytest.importorskip("polars")
    from unparse.export.jsonl import polars_schema

    frame = pl.read_ndjson(batch_files, schema=polars_schema())
    rows = rows_of(batch_files)
    assert frame.columns == list(RECORD_FIELDS) and frame.height == len(rows)
    # Nothing lost to a wrongly typed column: the values are the records' values.
    assert frame["symbol"].to_list() == [r["symbol"] for r in rows]
    assert frame["start_page"].to_list() == [r["start_page"] for r in rows]
    assert frame["footnote_markers"].to_list() == [r["footnote_markers"] for r in rows]


def test_datasets_loads_the_batch_with_the_features(batch_files: list[str], tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets")
    from unparse.export.jsonl import datasets_features

    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    ds = datasets.load_dataset(
        "json",
        data_files=batch_files,
        features=datasets_features(),
        split="train",
        cache_dir=str(tmp_path / "hf"),
    )
    rows = rows_of(batch_files)
    assert ds.column_names == list(RECORD_FIELDS) and ds.num_rows == len(rows)
    assert ds["symbol"] == [r["symbol"] for r in rows]
    assert ds["number"] == [r["number"] for r in rows]
    assert ds["footnote_markers"] == [r["footnote_markers"] for r in rows]
