"""The batch JSONL of a mixed corpus (texts and PDFs, reports and resolutions) loads as it is in
pandas, Hugging Face ``datasets`` and polars, with the types unparse ships (``unparse schema
--jsonl``): no value is null and no column a list, so no loader can type a column from a file
where it is empty and then fail on the next, and every record matches the schema."""

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

ROOT = Path(__file__).resolve().parents[2]
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
    """What broke the loaders is there: a file where a column is empty throughout (no pages in a
    text, no symbol, no footnote references) before a file where it is not."""
    rows = rows_of(batch_files)
    assert {r["kind"] for r in rows} >= {"resolution", "report"}
    by_file = [rows_of([f]) for f in batch_files]
    for column in ("start_page", "symbol", "footnote_markers", "section", "parent"):
        empty = [not any(r[column] for r in file_rows) for file_rows in by_file]
        assert any(empty) and not all(empty), column  # the loaders read them in both orders


@pytest.fixture(params=["sorted", "reversed"])
def files(request: pytest.FixtureRequest, batch_files: list[str]) -> list[str]:
    """The batch's files in both orders, so that each column is empty in the first file read
    and not in a later one, or the other way round."""
    return batch_files if request.param == "sorted" else batch_files[::-1]


def test_every_record_matches_the_schema(batch_files: list[str]) -> None:
    schema = record_schema()
    assert schema["required"] == list(RECORD_FIELDS)
    assert list(schema["properties"]) == list(RECORD_FIELDS)
    python_type = {"string": str, "integer": int}
    for row in rows_of(batch_files):
        assert list(row) == list(RECORD_FIELDS)
        for name, kind in FIELD_TYPES.items():
            assert type(row[name]) is python_type[kind], (name, row[name])


def test_schema_command_prints_the_record_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--jsonl"], standalone_mode=False) == 0
    assert json.loads(capsys.readouterr().out) == record_schema()


def test_pandas_loads_the_batch_as_is(files: list[str]) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.concat([pd.read_json(f, lines=True, dtype=False) for f in files], ignore_index=True)
    rows = rows_of(files)
    assert list(frame.columns) == list(RECORD_FIELDS)
    assert frame.to_dict("records") == rows
    assert frame["number"].dtype == "int64" and frame["start_page"].dtype == "int64"


def test_polars_loads_the_batch_as_is(files: list[str]) -> None:
    pl = pytest.importorskip("polars")
    from unparse.export.jsonl import polars_schema

    frame = pl.read_ndjson(files)  # no schema given: the types are the files'
    assert dict(frame.schema) == polars_schema()
    assert frame.to_dicts() == rows_of(files)  # nothing lost to a wrongly typed column
    pinned = pl.read_ndjson(files, schema=polars_schema())
    assert pinned.equals(frame)


def test_polars_reads_each_file_alike(files: list[str]) -> None:
    """One file at a time, a column empty all through the file keeps its type."""
    pl = pytest.importorskip("polars")
    from unparse.export.jsonl import polars_schema

    for f in files:
        assert dict(pl.read_ndjson(f).schema) == polars_schema(), f


def test_datasets_loads_the_batch_as_is(files: list[str], tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets")
    from unparse.export.jsonl import datasets_features

    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    ds = datasets.load_dataset(
        "json", data_files=files, split="train", cache_dir=str(tmp_path / "hf")
    )  # no features given: each file's types are guessed, and agree
    rows = rows_of(files)
    assert ds.features == datasets_features()
    assert ds.column_names == list(RECORD_FIELDS) and ds.num_rows == len(rows)
    assert ds.to_list() == rows
    pinned = datasets.load_dataset(
        "json",
        data_files=files,
        features=datasets_features(),
        split="train",
        cache_dir=str(tmp_path / "hf-pinned"),
    )
    assert pinned.to_list() == rows
